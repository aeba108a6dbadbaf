"""Institute for Government ministers database (every UK minister since 1979; CC BY 4.0).

Reads person.csv, post.csv, organisation.csv, appointment.csv and appointment_characteristics.csv.
Every appointment is imported. The great offices map to the hand-written offices of gb.toml (see
POSTS); every other post becomes a generated office (see `offices`), named as IfG names it, the
generic junior posts ("Minister of State") qualified by their department. An empty end date means
"still in office" as of the snapshot, which is recorded as confirmed_until, never as a known end.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from factcheck.kb.importers.common import SourceTerm, slug

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


# Post names shared by many departments' junior ministers: the office is the post in one department.
GENERIC = frozenset({"Minister of State", "Parliamentary Under-Secretary of State", "Parliamentary Secretary"})
# Ranks whose posts have one holder at a time (IfG's rank_equivalence); everything below is treated
# as multi-holder, so the office-conflict rule never fires on a junior post.
SINGLE_RANKS = frozenset({"PM", "DPM", "SoS", "Parl. lead."})
# Cabinet-rank posts that IfG records with joint or overlapping holders.
SHARED = frozenset({"Minister without Portfolio", "Minister for Women", "Minister for Equalities",
                    "Minister for Women and Equalities", "Minister for Women and Equality",
                    "Minister for Intergovernmental Relations", "First Secretary of State",
                    "Minister for the Cabinet Office", "Chancellor of the Duchy of Lancaster"})
# What writers call a generated office, valid while IfG records a holder of that post (the shorthand
# moved from department to department: "Business Secretary" named four offices since 2007).
SHORT_TITLES = {
    "Secretary of State for Trade": ("Trade Secretary",),
    "Secretary of State for Industry": ("Industry Secretary",),
    "Secretary of State for Business, Enterprise and Regulatory Reform": ("Business Secretary",),
    "Secretary of State for Business, Innovation and Skills": ("Business Secretary",),
    "Secretary of State for Business, Energy and Industrial Strategy": ("Business Secretary",),
    "Secretary of State for Business and Trade": ("Business Secretary", "Business and Trade Secretary", "Trade Secretary"),
    "Secretary of State for International Trade": ("International Trade Secretary", "Trade Secretary"),
    "Secretary of State for International Development": ("International Development Secretary",),
    "Secretary of State for Communities and Local Government": ("Communities Secretary",),
    "Secretary of State for Housing, Communities and Local Government": ("Communities Secretary", "Housing Secretary"),
    "Secretary of State for Levelling Up, Housing and Communities": ("Levelling Up Secretary", "Housing Secretary", "Communities Secretary"),
    "Secretary of State for Energy": ("Energy Secretary",),
    "Secretary of State for Energy and Climate Change": ("Energy Secretary", "Energy and Climate Change Secretary"),
    "Secretary of State for Energy Security and Net Zero": ("Energy Secretary",),
    "Secretary of State for Exiting the European Union": ("Brexit Secretary",),
    "Secretary of State for Social Security": ("Social Security Secretary",),
    "Secretary of State for Employment": ("Employment Secretary",),
    "Secretary of State for the Environment": ("Environment Secretary",),
    "Secretary of State for the Environment, Transport and the Regions": ("Environment Secretary",),
    "Secretary of State for Science, Innovation and Technology": ("Science Secretary", "Technology Secretary"),
    "Secretary of State for National Heritage": ("National Heritage Secretary", "Heritage Secretary"),
    "Chief Whip and Parliamentary Secretary to the Treasury": ("Chief Whip",),
    "Leader of the House of Commons": ("Commons Leader",),
    "Leader of the House of Lords": ("Lords Leader",),
}


@dataclass(frozen=True)
class GeneratedOffice:
    """An office made from IfG posts; `titles` are (title, from, to) with "" for an open bound."""

    id: str
    name: str
    single_holder: bool
    titles: tuple[tuple[str, str, str], ...]
    source: str


def offices(folder: Path) -> tuple[dict[str, str], tuple[GeneratedOffice, ...]]:
    """Each post id's office id, and the generated offices (posts not in POSTS), sorted by id."""
    orgs = {row["id"]: row["name"] for row in _rows(folder / "organisation.csv")}
    posts = _rows(folder / "post.csv")
    spans: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for row in _rows(folder / "appointment.csv"):
        if row["start_date"]:
            spans[row["post_id"]].append((row["start_date"][:10], row["end_date"][:10]))
    office_of: dict[str, str] = {}
    names: dict[str, str] = {}
    ranks: dict[str, set[str]] = defaultdict(set)
    post_ids: dict[str, list[str]] = defaultdict(list)
    for row in posts:
        if row["name"] in POSTS:
            office_of[row["id"]] = POSTS[row["name"]]
            continue
        name = f"{row['name']}, {orgs.get(row['organisation_id'], '?')}" if row["name"] in GENERIC else row["name"]
        oid = f"gb.{slug(name)}"
        office_of[row["id"]] = oid
        names[oid] = name
        ranks[oid].add(row["rank_equivalence"])
        post_ids[oid].append(row["id"])
    generated = []
    for oid in sorted(names):
        name = names[oid]
        titles = []
        for short in SHORT_TITLES.get(name, ()):
            for pid in post_ids[oid]:
                if spans[pid]:
                    first = min(s for s, _ in spans[pid])
                    last = "" if any(not e for _, e in spans[pid]) else max(e for _, e in spans[pid])
                    titles.append((short, first, last))
        generated.append(GeneratedOffice(
            id=oid, name=name, single_holder=ranks[oid] <= SINGLE_RANKS and name not in SHARED,
            titles=tuple(sorted(set(titles))), source="ifg:post/" + " ".join(sorted(post_ids[oid]))))
    return office_of, tuple(generated)


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def read(folder: Path, snapshot: str) -> Iterator[SourceTerm]:
    """Terms from an IfG data folder; `snapshot` (YYYY-MM-DD) is the day the open terms were last seen."""
    names: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in _rows(folder / "person.csv"):
        names[row["id"]].append(row)
    office_of, _ = offices(folder)
    acting = {row["appointment_id"] for row in _rows(folder / "appointment_characteristics.csv") if row["is_acting"] == "True"}
    appointments = _rows(folder / "appointment.csv")
    first_start: dict[str, str] = {}
    for row in appointments:
        if row["start_date"]:
            first_start[row["person_id"]] = min(first_start.get(row["person_id"], row["start_date"]), row["start_date"])
    for row in appointments:
        office = office_of.get(row["post_id"])
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
