"""EveryPolitician / Wikidata "position held" extracts (CSV: position, person, personID, start, end).

Frozen in mid-2022: an empty end means "unknown as of 2022", so an open term gets no
confirmed_until; a successor's start closes it, and after that nothing is assumed.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Iterator

from factcheck.kb.importers.common import SourceTerm

POSITIONS = {
    "us-cabinet": {
        "National Security Advisor": "us.national-security-advisor",
        "Director of the Federal Bureau of Investigation": "us.fbi-director",
        "Chair of the Federal Reserve": "us.fed-chair",
    },
    "india-ministers": {
        "Prime Minister": "in.prime-minister",
        "President": "in.president",
        "Vice President": "in.vice-president",
        "Minister of Defence": "in.minister-of-defence",
        "Minister of External Affairs": "in.minister-of-external-affairs",
        "Minister of Home Affairs": "in.minister-of-home-affairs",
        "Minister of Finance": "in.minister-of-finance",
    },
    "world": {
        "Secretary-General of the United Nations": "un.secretary-general",
        "Secretary General of NATO": "nato.secretary-general",
    },
}


def read(path: Path, positions: dict[str, str], every_row_office: str | None = None) -> Iterator[SourceTerm]:
    """Terms of the positions mapped in `positions`; with `every_row_office`, every row is that office."""
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            office = every_row_office or positions.get(row.get("position", "").strip())
            start = (row.get("start") or "").strip()[:10]
            if office is None or not start:
                continue
            end = (row.get("end") or "").strip()[:10]
            yield SourceTerm(
                person=row["person"].strip(),
                office=office,
                start=start,
                end=end,
                source=f"wikidata:{row['personID']} (EveryPolitician {path.parent.name}/{path.name})",
                qid=row.get("personID", ""),
                # An open end is "unknown as of the freeze", not "still in office": no confirmed_until.
            )
