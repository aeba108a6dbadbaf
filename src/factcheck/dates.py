"""Calendar intervals with a grain: the one time type every stage shares.

A date written at month or year precision ("2025-01", "2025") is not a day but a
span of days; keeping it as a half-open interval lets every comparison ask the
only question that matters for precision: is this *certainly* before, after or
inside that?
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

Grain = Literal["day", "month", "year", "decade", "range"]

_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class DateError(ValueError):
    """A date string that is not a valid calendar date."""


@dataclass(frozen=True, order=True)
class Interval:
    """Half-open span of days [start, end) with the grain it was written at."""

    start: date
    end: date
    grain: Grain = "day"

    @classmethod
    def day(cls, d: date) -> Interval:
        return cls(d, d + timedelta(days=1), "day")

    @classmethod
    def month(cls, year: int, month: int) -> Interval:
        last = calendar.monthrange(year, month)[1]
        return cls(date(year, month, 1), date(year, month, last) + timedelta(days=1), "month")

    @classmethod
    def year(cls, year: int) -> Interval:
        return cls(date(year, 1, 1), date(year + 1, 1, 1), "year")

    @property
    def last(self) -> date:
        """The last day inside the interval."""
        return self.end - timedelta(days=1)

    def overlaps(self, other: Interval) -> bool:
        return self.start < other.end and other.start < self.end

    def within(self, other: Interval) -> bool:
        return other.start <= self.start and self.end <= other.end

    def iso(self) -> str:
        """ISO 8601 / TIMEX3-style value at the interval's own grain."""
        if self.grain == "day":
            return self.start.isoformat()
        if self.grain == "month":
            return self.start.strftime("%Y-%m")
        if self.grain == "year":
            return f"{self.start.year:04d}"
        if self.grain == "decade":
            return f"{self.start.year // 10:03d}"
        return f"{self.start.isoformat()}/{self.last.isoformat()}"


def parse_partial(text: str) -> Interval:
    """Parse 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' into the interval it denotes."""
    m = _PARTIAL.match(text.strip())
    if not m:
        raise DateError(f"not a date: {text!r} (expected YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = m.group(1), m.group(2), m.group(3)
    try:
        if day:
            return Interval.day(date(int(year), int(month), int(day)))
        if month:
            return Interval.month(int(year), int(month))
    except ValueError as exc:
        raise DateError(f"not a date: {text!r} ({exc})") from None
    return Interval.year(int(year))


def parse_day(text: str) -> date:
    """Parse a strict YYYY-MM-DD date."""
    iv = parse_partial(text)
    if iv.grain != "day":
        raise DateError(f"not a full date: {text!r} (expected YYYY-MM-DD)")
    return iv.start
