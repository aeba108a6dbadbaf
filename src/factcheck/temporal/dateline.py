"""Datelines: "NEW DELHI, July 1 (Reuters) -" or "WASHINGTON, March 3 -" at the top of a story.

The dateline's month and day are the document date; its year is the one the text
itself states nearest after it, and without one the dateline gives no date (abstain).
"""

from __future__ import annotations

import re
from datetime import date

from factcheck.dates import Interval
from factcheck.facts import DocumentDate, Span, TimeExpr
from factcheck.temporal.expressions import month_number

_DATELINE = re.compile(
    r"\A\s*(?:[^\n]{0,120}\n\s*\n\s*)?"  # an optional headline paragraph
    r"(?P<place>[A-Z][A-Z .'\-]{1,40}(?:,\s*[A-Z][A-Za-z .]{1,20})?),\s+"
    r"(?P<m>January|February|March|April|May|June|July|August|September|October|November|December|"
    r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)\s+(?P<d>[12]\d|3[01]|0?[1-9])"
    r"(?:,?\s+(?P<y>(?:19|20)\d\d))?\s*(?:\([^)\n]{1,30}\)\s*)?[-\u2013\u2014]"
)


def find_dateline(prose: str, explicit: list[TimeExpr]) -> DocumentDate | None:
    m = _DATELINE.match(prose)
    if m is None:
        return None
    month, day = month_number(m.group("m")), int(m.group("d"))
    if m.group("y"):
        year = int(m.group("y"))
    else:
        years = [t.value.start.year for t in explicit if t.span.start >= m.end() and t.value.grain in ("day", "month", "range")]
        if not years:
            return None
        year = years[0]
    try:
        value = Interval.day(date(year, month, day))
    except ValueError:
        return None
    return DocumentDate(value, "dateline", (Span(m.start("place"), m.end()),))
