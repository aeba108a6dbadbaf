"""Calendar intervals with a grain: the one time type every stage shares.

A date written at month or year precision ("2025-01", "2025") is not a day but a
span of days; keeping it as a half-open interval lets every comparison ask the
only question that matters for precision: is this *certainly* before, after or
inside that?
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from factcheck.lazyre import lazy
from factcheck.pickling import by_fields

Grain = Literal["day", "week", "month", "quarter", "season", "year", "decade", "range", "past", "present", "future"]
# "past", "present" and "future" are TIMEX3's PAST_REF / PRESENT_REF / FUTURE_REF: "recently",
# "now", "soon". Their interval is only a bound relative to the anchor, never a date to compare.
REFERENCE_GRAINS = frozenset({"past", "present", "future"})
_SEASONS = {3: "SP", 6: "SU", 9: "FA", 12: "WI"}

_PARTIAL = lazy(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class DateError(ValueError):
    """A date string that is not a valid calendar date."""


@dataclass(frozen=True, order=True, slots=True)
class Interval:
    """Half-open span of days [start, end) with the grain it was written at."""

    start: date
    end: date
    grain: Grain = "day"

    __reduce__ = by_fields  # sent back by workers with every result (see pickling.py)

    @classmethod
    def day(cls, d: date) -> Interval:
        return cls(d, d + timedelta(days=1), "day")

    @classmethod
    def month(cls, year: int, month: int) -> Interval:
        after = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
        return cls(date(year, month, 1), after, "month")

    @classmethod
    def year(cls, year: int) -> Interval:
        return cls(date(year, 1, 1), date(year + 1, 1, 1), "year")

    @classmethod
    def week(cls, d: date) -> Interval:
        monday = d - timedelta(days=d.weekday())
        return cls(monday, monday + timedelta(days=7), "week")

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Interval:
        start = date(year, 3 * (quarter - 1) + 1, 1)
        end = date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)
        return cls(start, end, "quarter")

    @classmethod
    def decade(cls, first_year: int) -> Interval:
        return cls(date(first_year, 1, 1), date(first_year + 10, 1, 1), "decade")

    @property
    def last(self) -> date:
        """The last day inside the interval."""
        return self.end - timedelta(days=1)

    def overlaps(self, other: Interval) -> bool:
        return self.start < other.end and other.start < self.end

    @property
    def is_reference(self) -> bool:
        return self.grain in REFERENCE_GRAINS

    def iso(self) -> str:
        """ISO 8601 / TIMEX3-style value at the interval's own grain."""
        if self.grain == "day":
            return self.start.isoformat()
        if self.grain == "week":
            year, week, _ = self.start.isocalendar()
            return f"{year:04d}-W{week:02d}"
        if self.grain == "quarter":
            return f"{self.start.year:04d}-Q{(self.start.month - 1) // 3 + 1}"
        if self.grain == "season":
            return f"{self.start.year:04d}-{_SEASONS.get(self.start.month, 'XX')}"
        if self.grain in REFERENCE_GRAINS:
            return f"{self.grain.upper()}_REF"
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
        return Interval.year(int(year))
    except (ValueError, OverflowError) as exc:  # the interval of year 9999 ends past the calendar
        raise DateError(f"not a date: {text!r} ({exc})") from None


# Document dates: "now" for the text. Relative expressions are counted from it ("yesterday", "next
# week"), so the calendar's first and last years are left out: what is counted past them is dropped.
FIRST_DOCUMENT_DAY = date(2, 1, 1)
LAST_DOCUMENT_DAY = date(9998, 12, 31)


def check_document_day(day: date) -> date:
    """`day` if it can be a document date; DateError otherwise."""
    if not FIRST_DOCUMENT_DAY <= day <= LAST_DOCUMENT_DAY:
        raise DateError(f"{day.isoformat()} is outside the document dates factcheck handles "
                        f"({FIRST_DOCUMENT_DAY.isoformat()} to {LAST_DOCUMENT_DAY.isoformat()})")
    return day


def parse_day(text: str) -> date:
    """Parse a strict YYYY-MM-DD date."""
    iv = parse_partial(text)
    if iv.grain != "day":
        raise DateError(f"not a full date: {text!r} (expected YYYY-MM-DD)")
    return iv.start
