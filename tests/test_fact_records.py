"""Compact fact records (bench/memory.py) behave as the plain ones they replace: the sentences of a
document kept as columns of offsets."""

from __future__ import annotations

import pickle

import pytest

from factcheck.extract.sentences import split_sentences
from factcheck.facts import Sentence, Sentences, Span, sentence_at

TEXT = "Gen. Smith spoke on Monday. He left at 3 p.m. on Tuesday.\n\nA new paragraph begins here."


def test_sentences_read_like_a_tuple() -> None:
    sentences = split_sentences(TEXT)
    assert len(sentences) == 3
    assert [TEXT[s.span.start : s.span.end] for s in sentences] == [
        "Gen. Smith spoke on Monday.", "He left at 3 p.m. on Tuesday.", "A new paragraph begins here."]
    assert sentences[1] == Sentence(1, Span(28, 57))
    assert sentences[-1].index == 2
    assert sentences[1:] == (Sentence(1, Span(28, 57)), Sentence(2, Span(59, 87)))
    with pytest.raises(IndexError):
        sentences[3]
    assert not Sentences() and sentences


def test_finding_the_sentence_of_an_offset() -> None:
    sentences = Sentences([(0, 10), (12, 20)])
    assert [sentence_at(sentences, k) for k in (0, 9, 10, 11, 12, 25)] == [0, 0, 0, 0, 1, 1]
    assert sentence_at(Sentences(), 5) == 0
    assert sentences.containing(11) is None  # between sentences
    assert sentences.containing(12) == Span(12, 20)
    assert sentences.containing(20) is None


def test_equal_hashable_and_picklable() -> None:
    sentences = split_sentences(TEXT)
    copy = pickle.loads(pickle.dumps(sentences))
    assert copy == sentences and hash(copy) == hash(sentences)
    assert copy != Sentences([(0, 1)])



def test_a_span_is_a_value_of_two_offsets() -> None:
    # One integer a span (32 bytes where a dataclass and its two integers took about 128): it must
    # still read, compare, hash and pickle as the dataclass of two offsets did.
    span = Span(300_000, 300_050)
    assert (span.start, span.end) == (300_000, 300_050) and repr(span) == "Span(start=300000, end=300050)"
    assert span == Span(300_000, 300_050) and not span != Span(300_000, 300_050)
    assert span != Span(300_000, 300_051) and span != Span(300_001, 300_050)
    assert span != int(span) and span != (300_000, 300_050)  # equal to a span only
    assert {span: 1}[Span(300_000, 300_050)] == 1
    assert Span(0, 0) and Span(0, 0).end == 0  # true, as any object: `if t.weekday_span` means "is there one"
    again = pickle.loads(pickle.dumps(span))
    assert type(again) is Span and again == span
    assert Span(2**32 - 1, 2**32 - 1).start == 2**32 - 1
    with pytest.raises(ValueError):
        Span(-1, 3)
    with pytest.raises(ValueError):
        Span(0, 2**32)
