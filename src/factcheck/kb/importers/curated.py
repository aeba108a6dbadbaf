"""The curated 2022-2026 terms (one stored news page per row, cited in source_url).

Rows marked `recheck` rest on a weak source and are left out unless a second page confirming
them is given in `confirmed` (rules/kb/overrides.toml); they then cite both pages. An empty end means "in office as of the latest
page found"; the note gives that page's month, recorded as confirmed_until its first day.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Iterator

from factcheck.kb.importers.common import SourceTerm

OFFICES = {
    ("United States", "President"): "us.president",
    ("United States", "Vice President"): "us.vice-president",
    ("United States", "Secretary of State"): "us.secretary-of-state",
    ("United States", "Secretary of the Treasury"): "us.secretary-of-the-treasury",
    ("United States", "Secretary of Defense"): "us.secretary-of-defense",
    ("United States", "Attorney General"): "us.attorney-general",
    ("United States", "Secretary of the Interior"): "us.secretary-of-the-interior",
    ("United States", "Secretary of Agriculture"): "us.secretary-of-agriculture",
    ("United States", "Secretary of Commerce"): "us.secretary-of-commerce",
    ("United States", "Secretary of Labor"): "us.secretary-of-labor",
    ("United States", "Secretary of Health and Human Services"): "us.secretary-of-health-and-human-services",
    ("United States", "Secretary of Housing and Urban Development"): "us.secretary-of-housing-and-urban-development",
    ("United States", "Secretary of Transportation"): "us.secretary-of-transportation",
    ("United States", "Secretary of Energy"): "us.secretary-of-energy",
    ("United States", "Secretary of Education"): "us.secretary-of-education",
    ("United States", "Secretary of Veterans Affairs"): "us.secretary-of-veterans-affairs",
    ("United States", "Secretary of Homeland Security"): "us.secretary-of-homeland-security",
    ("United States", "White House Chief of Staff"): "us.white-house-chief-of-staff",
    ("United States", "National Security Advisor"): "us.national-security-advisor",
    ("United States", "Director of National Intelligence"): "us.director-of-national-intelligence",
    ("United States", "Director of the CIA"): "us.cia-director",
    ("United States", "Director of the FBI"): "us.fbi-director",
    ("United States", "Ambassador to the United Nations"): "us.ambassador-to-the-united-nations",
    ("United States", "U.S. Trade Representative"): "us.trade-representative",
    ("United States", "EPA Administrator"): "us.epa-administrator",
    ("United States", "OMB Director"): "us.omb-director",
    ("United States", "Chair of the Federal Reserve"): "us.fed-chair",
    ("India", "President"): "in.president",
    ("India", "Vice President"): "in.vice-president",
    ("India", "Prime Minister"): "in.prime-minister",
    ("India", "Minister of Defence"): "in.minister-of-defence",
    ("India", "Minister of Home Affairs"): "in.minister-of-home-affairs",
    ("India", "Minister of Finance"): "in.minister-of-finance",
    ("India", "Minister of External Affairs"): "in.minister-of-external-affairs",
    ("India", "National Security Advisor"): "in.national-security-advisor",
    ("Japan", "Prime Minister"): "jp.prime-minister",
    ("Germany", "Chancellor"): "de.chancellor",
    ("France", "Prime Minister"): "fr.prime-minister",
    ("Canada", "Prime Minister"): "ca.prime-minister",
    ("Italy", "Prime Minister"): "it.prime-minister",
    ("Brazil", "President"): "br.president",
    ("Argentina", "President"): "ar.president",
    ("South Korea", "President"): "kr.president",
    ("Mexico", "President"): "mx.president",
    ("Indonesia", "President"): "id.president",
    ("South Africa", "President (head of state and government)"): "za.president",
    ("Saudi Arabia", "Prime Minister"): "sa.prime-minister",
    ("China", "Premier"): "cn.premier",
    ("Pakistan", "Prime Minister"): "pk.prime-minister",
    ("Pakistan", "President"): "pk.president",
    ("Israel", "Prime Minister"): "il.prime-minister",
    ("Ukraine", "Prime Minister"): "ua.prime-minister",
    ("Iran", "President"): "ir.president",
    ("United Nations", "Secretary-General"): "un.secretary-general",
    ("NATO", "Secretary General"): "nato.secretary-general",
}
_LATEST = re.compile(r"latest pages? found \((\d{4}-\d{2})\)")


def _confirmed_until(row: dict[str, str]) -> str:
    """"in office per latest page found (2026-03)": the first day of that month is certain."""
    m = _LATEST.search(row.get("note", ""))
    return f"{m.group(1)}-01" if m else ""


def read(path: Path, confirmed: dict[tuple[str, str], str] | None = None) -> Iterator[SourceTerm]:
    """Rows of terms.csv; `confirmed` maps (person, start) of a `recheck` row to its second page."""
    confirmed = confirmed or {}
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            office = OFFICES.get((row["jurisdiction"], row["office"]))
            if office is None:
                continue
            second = confirmed.get((row["person"].strip(), row["start"].strip()), "")
            if row["source_check"].strip() == "recheck" and not second:
                continue
            end = row["end"].strip()
            yield SourceTerm(
                person=row["person"].strip(),
                office=office,
                start=row["start"].strip(),
                end=end,
                source=row["source_url"].strip() + (f" ; {second}" if second else ""),
                acting=row["acting"].strip() == "yes",
                confirmed_until="" if end else _confirmed_until(row),
                note=row["note"].strip()[:200],
            )
