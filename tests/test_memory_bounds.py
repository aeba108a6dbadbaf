"""Memory per byte of text stays bounded by construction (issue 16).

The figures themselves (peak resident memory per byte, seconds per MB) are measured in
bench/memory.py, not here. These tests count what Python allocates (tracemalloc: the same program
on the same text allocates the same objects, so the count does not depend on the machine or on
other work running; it moves a little with the state of the compiled cache), with bounds well above today's figures: they fail on a structural
regression (a set of every token inside a quotation, a byte or a list entry per character or
sentence of the whole text, one copy of a repeated title per fact), not on a small change.
"""

from __future__ import annotations

import tracemalloc
from datetime import date

from conftest import FIXTURES
from factcheck.document import from_text
from factcheck.engine import Engine
from factcheck.extract.tokens import tokenize


def _repeated(block: str, size: int) -> str:
    return block * (size // len(block) + 1)


def _peak_per_byte(engine: Engine, text: str) -> float:
    """Python memory at the peak of checking `text` (extraction, checks, the result kept), per byte."""
    doc = from_text("long.txt", text, date(2025, 7, 1))
    engine.run(doc)  # once first: the knowledge-base rows the text needs are read once per process
    tracemalloc.start()
    try:
        engine.run(doc)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak / len(text.encode())


def test_dense_text_bounded(engine: Engine) -> None:
    # The fixture articles: a name or a title every few dozen characters, a stale title every few
    # hundred. 14.3 to 18.3 bytes per byte at 257a42a (depending on the state of the compiled cache),
    # 18 at f65f69e; one Token object per word was about 45 more.
    block = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt")))
    assert _peak_per_byte(engine, _repeated(block, 60_000)) < 26


def test_quoted_text_bounded(engine: Engine) -> None:
    # News full of quotations, a weekday in every other sentence: 6.9 to 8.1 bytes per byte at 257a42a
    # (spans as one integer; 9 to 10 before), 25 at f65f69e, which kept every token inside a quotation in
    # a set. The bound is 1.5 times the highest of those.
    block = "".join(
        f'"We will keep talking about the budget for the {n} schools and the new roads until the end of '
        f'the year, and nobody should expect a quick answer," the minister said on Monday.\n\n'
        f'Ms Jones replied: "The council has waited {n} months for a plan that it can read."\n\n'
        for n in range(20, 60))
    assert _peak_per_byte(engine, _repeated(block, 60_000)) < 12


def test_token_keys_widen_past_two_bytes() -> None:
    # Keys are numbered in 2 bytes until a text has 65,536 distinct words, then in 4.
    words = [f"w{n}" for n in range(70_000)]
    tokens = tokenize(" ".join(words))
    assert [t.key for t in tokens[-3:]] == words[-3:]
    assert tokens[65_535].key == "w65535" and tokens[65_536].key == "w65536"
    assert list(tokens.where({"w69999"})) == [69_999]


def test_quotation_lookups_agree_with_a_scan() -> None:
    # Binary searches instead of a scan of every quotation (quadratic on a long text): the same answers
    # on nested, touching and repeated quotations.
    import random

    from factcheck.extract.speakers import Quotations
    from factcheck.facts import Span

    rng = random.Random(16)
    for _ in range(200):
        spans = []
        for _ in range(rng.randrange(0, 12)):
            start = rng.randrange(0, 60)
            spans.append(Span(start, start + rng.randrange(2, 30)))
        quotes = tuple(sorted(spans, key=lambda s: (s.start, s.end)))
        index = Quotations(quotes)
        for offset in range(0, 95):
            covering = [n for n, q in enumerate(quotes) if q.start < offset < q.end]
            assert index.of(offset) == (covering[-1] if covering else None)
        for n, q in enumerate(quotes):
            assert index.inner(n) == [s for s in quotes if q.start < s.start and s.end <= q.end]


def test_dated_text_time_matches_are_not_all_held() -> None:
    # With the document's date known, time expressions are resolved a sentence at a time: the
    # pattern matches of the whole text (a Match object each) are never all alive. On a text dense
    # with dates the peak is 0.3 bytes per byte over the expressions kept; holding every match was 9.5.
    from factcheck.extract.sentences import split_sentences
    from factcheck.temporal import find_times

    block = "".join(f"On Tuesday, July {d}, 2025, the council met; by March {d} it had voted twice, {d} days "
                    f"after the vote of June {d}.\n" for d in range(1, 29))
    text = _repeated(block, 100_000)
    sentences = split_sentences(text)
    find_times(text, sentences, date(2025, 7, 1))  # patterns compiled outside the count
    tracemalloc.start()
    try:
        times, _, _ = find_times(text, sentences, date(2025, 7, 1))
        kept, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(times) > 3_000
    assert (peak - kept) / len(text) < 2
