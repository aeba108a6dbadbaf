"""FiveThirtyEight cabinet turnover (US Cabinet-level officials, Carter to February 2023; CC BY 4.0).

Dates are m/d/yy. A start written as "Reagan admin" means held over from that administration
(the row's term starts at this president's inauguration); an end written as "Bush admin" means the
official stayed into the next administration (the row ends at its inauguration); "Still in office"
means in office when the data was published; "Aug. 1981" is a month.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from factcheck.kb.importers.common import SourceTerm

POSITIONS = {
    "Vice President": "us.vice-president",
    "Secretary of State": "us.secretary-of-state",
    "Secretary of the Treasury": "us.secretary-of-the-treasury",
    "Secretary of Defense": "us.secretary-of-defense",
    "Attorney General": "us.attorney-general",
    "Secretary of the Interior": "us.secretary-of-the-interior",
    "Secretary of Agriculture": "us.secretary-of-agriculture",
    "Secretary of Commerce": "us.secretary-of-commerce",
    "Secretary of Labor": "us.secretary-of-labor",
    "Secretary of Health & Human Services": "us.secretary-of-health-and-human-services",
    "Secretary of Health and Human Services": "us.secretary-of-health-and-human-services",
    "Secretary of Housing & Urban Development": "us.secretary-of-housing-and-urban-development",
    "Secretary of Transportation": "us.secretary-of-transportation",
    "Secretary of Energy": "us.secretary-of-energy",
    "Secretary of Education": "us.secretary-of-education",
    "Secretary of Veterans Affairs": "us.secretary-of-veterans-affairs",
    "Secretary of Homeland Security": "us.secretary-of-homeland-security",
    "Chief of Staff": "us.white-house-chief-of-staff",
    "UN Ambassador": "us.ambassador-to-the-united-nations",
    "OMB Director": "us.omb-director",
    "U.S. Trade Representative": "us.trade-representative",
    "EPA Administrator": "us.epa-administrator",
    "Director of National Intelligence": "us.director-of-national-intelligence",
    "CIA Director": "us.cia-director",
    "Director of Central Intelligence": "us.cia-director",
    "Director of Central Intelligence/CIA Director": "us.cia-director",
}
INAUGURATIONS = {
    "Carter": "1977-01-20", "Reagan": "1981-01-20", "Bush 41": "1989-01-20", "Clinton": "1993-01-20",
    "Bush 43": "2001-01-20", "Obama": "2009-01-20", "Trump": "2017-01-20", "Biden": "2021-01-20",
}
_ORDER = list(INAUGURATIONS)
PUBLISHED = "2023-02-01"


def _day(text: str) -> str:
    text = text.strip()
    for fmt, cut in (("%m/%d/%y", 10), ("%b. %Y", 7)):
        try:
            return datetime.strptime(text, fmt).date().isoformat()[:cut]
        except ValueError:
            continue
    raise ValueError(f"not a date: {text!r}")


def _next_inauguration(president: str) -> str:
    i = _ORDER.index(president)
    return INAUGURATIONS[_ORDER[i + 1]] if i + 1 < len(_ORDER) else ""


def read(path: Path) -> Iterator[SourceTerm]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for n, row in enumerate(csv.DictReader(fh), start=2):
            office = POSITIONS.get(row["position"].strip())
            if office is None or not row["start_date"].strip():
                continue
            president = row["president"].strip()
            start_text, end_text = row["start_date"].strip(), row["end_date"].strip()
            start = INAUGURATIONS[president] if start_text.endswith("admin") else _day(start_text)
            still = end_text == "Still in office"
            end = "" if still else _next_inauguration(president) if end_text.endswith("admin") else _day(end_text)
            person = row["appointee"].strip()
            words = person.split()
            # "Richard Edmund Lyng" is written "Richard Lyng" in copy.
            aliases = (f"{words[0]} {words[-1]}",) if len(words) > 2 and not words[-1].endswith(".") else ()
            yield SourceTerm(
                person=person,
                aliases=aliases,
                office=office,
                start=start,
                end=end,
                source=f"fivethirtyeight:cabinet-turnover.csv row {n}",
                confirmed_until=PUBLISHED if still else "",
            )
