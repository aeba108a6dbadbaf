"""Compact fact records (bench/memory.py) behave as the plain ones they replace: the sentences of a
document kept as columns of offsets, and a span packed into one integer."""

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


def test_a_span_reads_compares_and_hashes_as_two_fields() -> None:
    span = Span(7, 12)
    assert (span.start, span.end) == (7, 12)
    assert repr(span) == str(span) == "Span(start=7, end=12)"
    assert span == Span(7, 12) and span != Span(7, 13) and span != Span(12, 7)
    assert hash(span) == hash((7, 12))  # the two-field record's hash: sets of spans keep their order
    assert span != (7 << 32 | 12)  # equal only to spans, not to the integer it is stored as
    assert Span(0, 0)  # always true, as a record is
    assert pickle.loads(pickle.dumps(span)) == span and type(pickle.loads(pickle.dumps(span))) is Span
    big = Span(3_000_000_000, 4_000_000_000)
    assert (big.start, big.end) == (3_000_000_000, 4_000_000_000)
    with pytest.raises(ValueError):
        Span(0, 1 << 32)
    with pytest.raises(ValueError):
        Span(-1, 3)
