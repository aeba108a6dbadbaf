"""What the declarative kinds (pattern, valid-period) share: phrases found in the prose, and
date windows written in a rule's options. Not a check kind itself."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from datetime import date

from factcheck.dates import DateError, Interval, parse_partial
from factcheck.facts import Facts, Span, covered


def phrase_pattern(phrases: tuple[str, ...], case_sensitive: bool) -> re.Pattern[str]:
    """One pattern for every phrase, each as whole words, spaces matching any run of spaces."""
    parts = [r"\s+".join(re.escape(w) for w in p.split()) for p in sorted(phrases, key=len, reverse=True)]
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", 0 if case_sensitive else re.I)


def occurrences(facts: Facts, phrases: tuple[str, ...], case_sensitive: bool) -> Iterator[tuple[str, Span]]:
    """Each phrase in the prose, outside quotations (a quote may be historical or a name's own use)."""
    for m in phrase_pattern(phrases, case_sensitive).finditer(facts.prose):
        if not covered(facts.quotes, m.start(), m.end()):
            yield m.group(), Span(m.start(), m.end())


def window(options: Mapping[str, object]) -> tuple[date, date]:
    """[from, until) of a rule's options, open on a side it leaves empty; "2024" is all of 2024."""
    start, end = date.min, date.max
    if options.get("from"):
        start = parse_partial(str(options["from"])).start
    if options.get("until"):
        end = parse_partial(str(options["until"])).end
    return start, end


def validate_window(options: Mapping[str, object]) -> None:
    """A ValueError (one line) for dates that are not dates or a window that ends before it starts."""
    try:
        start, end = window(options)
    except DateError as exc:
        raise ValueError(f"option from/until: {exc}") from None
    if end <= start:
        raise ValueError("option until must come after from")


def describe(start: date, end: date) -> str:
    if start == date.min:
        return f"before {end.isoformat()}"
    if end == date.max:
        return f"from {start.isoformat()}"
    return f"from {start.isoformat()} to {Interval(start, end).last.isoformat()}"


def outside(value: Interval, start: date, end: date) -> bool:
    """The whole interval lies outside [start, end)."""
    return value.end <= start or value.start >= end


def inside(value: Interval, start: date, end: date) -> bool:
    """The whole interval lies inside [start, end)."""
    return start <= value.start and value.end <= end
