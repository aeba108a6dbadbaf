"""Datelines: "NEW DELHI, July 1 (Reuters) -" or "WASHINGTON, March 3 -" at the top of a story.

A dateline that states its year ("WASHINGTON, March 3, 1987 -") gives the document date. One
without a year gives none: the year cannot be read off the story's other dates. Measured on the
9,721 Reuters-21578 datelines without a year, taking the year of a date the text writes near the
dateline's day was wrong four times as often as right (year-ago comparisons, "the notes mature in
March 1991"), and the tense-inferred interval rarely narrows it to one year. So the document date
then comes from the text's tenses, or stays unknown, and the checks that need it abstain.
"""

from __future__ import annotations

from datetime import date

from factcheck.dates import Interval
from factcheck.facts import DateSource, DocumentDate, Span
from factcheck.lazyre import lazy
from factcheck.temporal.expressions import month_number

_START = r"\A\s*(?:[^\n]{0,120}\n\s*\n\s*)?"  # an optional headline paragraph
_PLACE = r"(?P<place>[A-Z][A-Z .'\-]{1,40}(?:,\s*[A-Z][A-Za-z .]{1,20})?),\s+"
# The dateline's own beginning, two characters of a place in capitals: most texts fail it, and it
# compiles in a sixth of the time of the whole pattern (which every one-file scan would otherwise pay).
_PLACE_START = lazy(_START + r"[A-Z][A-Z .'\-]")
_DATELINE = lazy(
    _START + _PLACE +
    r"(?P<m>January|February|March|April|May|June|July|August|September|October|November|December|"
    r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)\s+(?P<d>[12]\d|3[01]|0?[1-9])"
    r"(?:,?\s+(?P<y>(?:19|20)\d\d))?\s*(?:\([^)\n]{1,30}\)\s*)?[-\u2013\u2014]"
)


def find_dateline(prose: str) -> DocumentDate | None:
    if not _PLACE_START.match(prose):
        return None
    m = _DATELINE.match(prose)
    if m is None or not m.group("y"):
        return None
    try:
        value = Interval.day(date(int(m.group("y")), month_number(m.group("m")), int(m.group("d"))))
    except ValueError:
        return None
    return DocumentDate(value, DateSource.DATELINE, (Span(m.start("place"), m.end()),))
