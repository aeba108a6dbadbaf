"""The temporal layer: time expressions, clause tense, and the document date.

A day-month without a year takes its year from a day-precise document date (the
nearest such day, tense breaking near-ties, as HeidelTime does) or, when the
document date is unknown, from the nearest earlier expression that states a year.
The document date itself, when not declared, is inferred as an interval: after
the latest date the text reports in the past tense, before the earliest date it
announces in the future tense.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from datetime import date
from itertools import chain
from operator import attrgetter
from typing import NamedTuple

from factcheck.dates import Interval
from factcheck.facts import DateSource, DocumentDate, NonDate, Sentences, Shared, Span, TimeExpr, sentence_at
from factcheck.temporal.dateline import find_dateline
from factcheck.temporal.expressions import (
    KINDS,
    NOT_DATES,
    WEEKDAYS,
    YEAR_LEAD,
    Context,
    has_year,
    matches,
    resolve,
    runnable_kinds,
    superseded,
    weekday_name,
)
from factcheck.temporal.tense import clause_tense, narrow_clause

__all__ = ["WEEKDAYS", "TimesBySentence", "clause_tense", "find_times", "nearest_time"]

_EXPLICIT_KINDS = frozenset({"iso", "md-range", "dm-range", "mm-range", "weekday-paren", "md", "dm", "my", "y", "quarter", "decade", "season"})
_WEEKDAY_KINDS = frozenset({"md-range", "dm-range", "md", "dm", "weekday-paren"})


class _Raw(NamedTuple):
    """A pattern's match before it is resolved to a date."""

    kind: str
    match: re.Match[str]


def find_times(
    prose: str, sentences: Sentences, declared: date | None, declared_source: DateSource = DateSource.OPTION
) -> tuple[tuple[TimeExpr, ...], DocumentDate, tuple[NonDate, ...]]:
    """All time expressions, the document date (declared or inferred), and durations/sets."""
    shared = Shared()
    raws: Iterable[_Raw] = chain.from_iterable(_scan(prose, sentences))
    resolved: dict[int, TimeExpr | None] = {}  # expressions read already, by their index in raws
    doc_date = _stated_date(prose, declared, declared_source)
    if doc_date is None:
        # Read twice: the expressions that state a year tell the document's date, which the others
        # need. Read only when the text must tell its date: a document dated by its user or its
        # dateline does not build and drop a TimeExpr for each of its years, nor hold every match of
        # the text at once (a Match object each: its matches are read a sentence at a time).
        raws = list(raws)
        doc_date = _inferred_date(_explicit(raws, prose, sentences, shared, resolved))
    anchor = doc_date.value.start if doc_date.value is not None and doc_date.value.grain == "day" else None
    exprs: list[TimeExpr] = []
    non_dates: list[NonDate] = []
    impossible: list[NonDate] = []
    previous: Interval | None = None
    last: Interval | None = None
    last_year: int | None = None
    for n, raw in enumerate(raws):
        if raw.kind in NOT_DATES:
            non_dates.append(NonDate(raw.kind, raw.match.group(), Span(*raw.match.span())))
            continue
        try:
            if n in resolved:
                expr = resolved[n]
            else:
                expr = _expression(raw, prose, sentences, Context(anchor, "unknown", previous, last_year, last), shared)
        except ValueError:
            impossible.append(NonDate("impossible", raw.match.group(), Span(*raw.match.span())))
            continue
        except OverflowError:
            continue  # counted past the calendar's ends (year 1 or 9999): not resolved, not impossible
        if expr is None:
            continue
        exprs.append(expr)
        if expr.anchor == "explicit":
            last_year = expr.value.start.year
        if expr.value.grain == "day":
            previous = expr.value
        if not expr.value.is_reference and expr.anchor != "previous-time":
            last = expr.value  # a period counted from another one does not become the new base
    return tuple(exprs), doc_date, (*non_dates, *impossible)


def _scan(prose: str, sentences: Sentences) -> Iterator[list[_Raw]]:
    """Every pattern's matches, sentence by sentence, each sentence's longest forms first and then in
    text order; a pattern runs only over the sentences that contain one of its keywords (a time
    expression never crosses a sentence boundary).

    One sentence at a time: since no match crosses a sentence's bounds, which characters an earlier
    pattern took matters only within the sentence, so the record of them is as long as the sentence,
    and nothing is kept per sentence for the whole document (a list of the sentences each kind runs
    over, or a byte per character of the text, cost up to 3 bytes per byte of a long text)."""
    spans = sentences.spans() if sentences else iter([(0, len(prose))])
    for start, end in spans:
        sentence = prose[start:end]
        kinds = runnable_kinds(sentence)
        if not kinds:
            continue
        found: list[_Raw] = []
        taken = bytearray(end - start)  # 1 where an earlier pattern already matched
        for kind in KINDS:
            if kind not in kinds or superseded(kind, sentence, taken):
                continue
            for m in matches(kind, prose, start, end):
                s, e = m.span()
                if any(taken[s - start : e - start]):
                    continue
                if kind == "y" and not YEAR_LEAD.search(prose, max(0, s - 20), s):
                    continue  # "He has 2025 supporters": a bare number is a year only after "in", "since", "the" ...
                taken[s - start : e - start] = b"\x01" * (e - s)
                found.append(_Raw(kind, m))
        found.sort(key=_start)
        yield found


def _start(raw: _Raw) -> int:
    return raw.match.start()


def _expression(raw: _Raw, prose: str, sentences: Sentences, ctx: Context, shared: Shared) -> TimeExpr | None:
    m = raw.match
    # Without a document date no resolver reads the tense (a test holds them to it), and most
    # expressions then resolve to nothing: the tense is read only for those that resolve.
    undated = resolve(raw.kind, m, ctx) if ctx.anchor is None else None
    if ctx.anchor is None and undated is None:
        return None
    sent = sentence_at(sentences, m.start())
    sentence = sentences[sent].span if sentences else Span(0, len(prose))
    tense = clause_tense(prose, sentence, m.start(), m.end())
    resolved = undated if undated is not None else resolve(raw.kind, m, ctx._replace(tense=tense))
    if resolved is None:
        return None
    value, how = resolved
    wd = m.groupdict().get("wd") if raw.kind in _WEEKDAY_KINDS else None
    return TimeExpr(
        text=shared(m.group()),
        span=Span(m.start(), m.end()),
        sentence=shared.sentence(sent),
        value=shared(value),
        anchor=how,
        tense=tense,
        weekday=weekday_name(wd) if wd else None,
        weekday_span=Span(m.start("wd"), m.end("wd")) if wd else None,
        kind=raw.kind,
        clause_tense=clause_tense(prose, narrow_clause(prose, sentence, Span(m.start(), m.end())), m.start(), m.end(), strict=True),
    )


def _stated_date(prose: str, declared: date | None, source: DateSource) -> DocumentDate | None:
    """The date the document's user or its dateline gives, if any."""
    if declared is not None:
        return DocumentDate(Interval.day(declared), source)
    return find_dateline(prose)


def _explicit(raws: list[_Raw], prose: str, sentences: Sentences, shared: Shared,
              resolved: dict[int, TimeExpr | None]) -> list[TimeExpr]:
    """The expressions that state a year, resolved without a document date. Each is also kept in
    `resolved` by its index in `raws`: it resolves alike in any context (its year is the one written,
    its tense its own clause's), so the pass with the document date takes it from there."""
    explicit = []
    for n, r in enumerate(raws):
        if r.kind in _EXPLICIT_KINDS and has_year(r.match):
            try:
                e = _expression(r, prose, sentences, Context(None, "unknown", None, None), shared)
            except (ValueError, OverflowError):
                continue  # read again in that pass, where an impossible date is recorded
            resolved[n] = e
            if e is not None:
                explicit.append(e)
    return explicit


def _inferred_date(explicit: list[TimeExpr]) -> DocumentDate:
    # A bare year is often a label or a target ("by 2011"): it counts only with a strong cue in its own clause.
    past = [t for t in explicit if _tense_for_inference(t) == "past"]
    future = [t for t in explicit if _tense_for_inference(t) == "future"]
    if not past and not future:
        return DocumentDate(None, DateSource.UNKNOWN)
    lower = max((t.value.start for t in past), default=None)
    upper = min((t.value.start for t in future), default=None)
    if lower is not None and upper is not None and lower >= upper:
        return DocumentDate(None, DateSource.UNKNOWN)  # the text contradicts itself; the tense rule may say more
    evidence = tuple(t.span for t in past if t.value.start == lower) + tuple(t.span for t in future if t.value.start == upper)
    return DocumentDate(Interval(lower or date.min, upper or date.max, "range"), DateSource.INFERRED, evidence)


_SENTENCE = attrgetter("sentence")


class TimesBySentence:
    """Dated expressions grouped by sentence ("now" and "recently" are not dates of an event).

    Kept as one tuple of the expressions in sentence order (text order within a sentence), searched
    by bisection: a dict of a tuple per sentence cost about 70 bytes an expression, and the people
    and the events of a long text each hold one while the text's facts are alive."""

    __slots__ = ("_times",)

    def __init__(self, times: Iterable[TimeExpr]) -> None:
        # A stable sort: within a sentence, the order of `times`, as the dict of lists kept it.
        self._times = tuple(sorted((t for t in times if not t.value.is_reference), key=_SENTENCE))

    def of(self, sentence: int) -> tuple[TimeExpr, ...]:
        """The dated expressions of sentence number `sentence`, in text order."""
        start = bisect_left(self._times, sentence, key=_SENTENCE)
        return self._times[start : bisect_right(self._times, sentence, start, key=_SENTENCE)]


def _tense_for_inference(t: TimeExpr) -> str:
    if t.value.is_reference:
        return "unknown"
    return t.clause_tense if t.value.grain in ("year", "decade", "quarter", "season") else t.tense


def nearest_time(index: TimesBySentence, sentence: int, span: Span) -> TimeExpr | None:
    """The dated expression nearest to a span within its sentence."""
    best: tuple[int, TimeExpr] | None = None
    for t in index.of(sentence):
        distance = t.span.start - span.end if t.span.start >= span.end else span.start - t.span.end
        if best is None or distance < best[0]:
            best = (distance, t)
    return best[1] if best else None
