"""Institute for Government ministers database (every UK minister since 1979; CC BY 4.0).

Reads person.csv, post.csv, appointment.csv and appointment_characteristics.csv. Only the
posts writers name with a title are imported (see POSTS); an empty end date means "still in
office" as of the snapshot, which is recorded as confirmed_until, never as a known end.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path
from typing import Iterator

from factcheck.kb.importers.common import SourceTerm

# IfG post name -> office id
POSTS = {
    "Prime Minister": "gb.prime-minister",
    "Deputy Prime Minister": "gb.deputy-prime-minister",
    "Chancellor of the Exchequer": "gb.chancellor-of-the-exchequer",
    "Chief Secretary to the Treasury": "gb.chief-secretary-to-the-treasury",
    "Secretary of State for the Home Department": "gb.home-secretary",
    "Secretary of State for Foreign and Commonwealth Affairs": "gb.foreign-secretary",
    "Secretary of State for Foreign, Commonwealth and Development Affairs": "gb.foreign-secretary",
    "Secretary of State for Defence": "gb.defence-secretary",
    "Secretary of State for Health": "gb.health-secretary",
    "Secretary of State for Health and Social Care": "gb.health-secretary",
    "Secretary of State for Education": "gb.education-secretary",
    "Secretary of State for Education and Science": "gb.education-secretary",
    "Secretary of State for Education and Employment": "gb.education-secretary",
    "Secretary of State for Education and Skills": "gb.education-secretary",
    "Secretary of State for Children, Schools and Families": "gb.education-secretary",
    "Secretary of State for Justice and Lord Chancellor": "gb.justice-secretary",
    "Secretary of State for Northern Ireland": "gb.northern-ireland-secretary",
    "Secretary of State for Scotland": "gb.scotland-secretary",
    "Secretary of State for Wales": "gb.wales-secretary",
    "Secretary of State for Work and Pensions": "gb.work-and-pensions-secretary",
    "Secretary of State for Transport": "gb.transport-secretary",
    "Secretary of State for Environment, Food and Rural Affairs": "gb.environment-secretary",
    "Secretary of State for Trade and Industry": "gb.trade-and-industry-secretary",
    "Secretary of State for Culture, Media and Sport": "gb.culture-secretary",
    "Secretary of State for Digital, Culture, Media and Sport": "gb.culture-secretary",
    "Secretary of State for Culture, Olympics, Media and Sport": "gb.culture-secretary",
}


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def read(folder: Path, snapshot: str) -> Iterator[SourceTerm]:
    """Terms from an IfG data folder; `snapshot` (YYYY-MM-DD) is the day the open terms were last seen."""
    names: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in _rows(folder / "person.csv"):
        names[row["id"]].append(row)
    posts = {row["id"]: row["name"] for row in _rows(folder / "post.csv")}
    acting = {row["appointment_id"] for row in _rows(folder / "appointment_characteristics.csv") if row["is_acting"] == "True"}
    appointments = _rows(folder / "appointment.csv")
    first_start: dict[str, str] = {}
    for row in appointments:
        if row["start_date"]:
            first_start[row["person_id"]] = min(first_start.get(row["person_id"], row["start_date"]), row["start_date"])
    for row in appointments:
        office = POSTS.get(posts.get(row["post_id"], ""))
        if office is None or not row["start_date"]:
            continue
        versions = sorted(names[row["person_id"]], key=lambda r: r["start_date"] or "")
        # The name a person first held office under is canonical ("Margaret Thatcher", not the later
        # "Baroness Thatcher"); every other version ("Lord Mandelson" from 2008-10-03) is an alias.
        current = _name_on(versions, first_start[row["person_id"]])
        aliases = tuple(sorted({r["display_name"] for r in versions if r["display_name"] != current["display_name"]}))
        yield SourceTerm(
            person=current["display_name"],
            office=office,
            start=row["start_date"][:10],
            end=row["end_date"][:10],
            source=f"ifg:appointment/{row['id']}",
            acting=row["id"] in acting,
            confirmed_until="" if row["end_date"] else snapshot,
            aliases=aliases,
            key=f"ifg:{row['person_id']}",
        )


def _name_on(versions: list[dict[str, str]], day: str) -> dict[str, str]:
    """The name version in use on a day (versions sorted by start; open bounds are open)."""
    for r in versions:
        if (not r["start_date"] or r["start_date"] <= day) and (not r["end_date"] or day < r["end_date"]):
            return r
    return versions[-1]
