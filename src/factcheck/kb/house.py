"""House facts: a newsroom's own people and offices ("our CEO since 2024-03-01"), written in a rule
pack and added to the knowledge base, so role-tenure and office-conflict check them like any other.

In any *.toml file of a rule pack:

    [[jurisdiction]]              # where the house's offices belong, and the words that place a title there
    code = "ACME"
    name = "Acme Corporation"
    cues = ["Acme", "Acme's"]

    [[office]]                    # the layout of rules/kb/offices/*.toml
    id = "acme.ceo"
    jurisdiction = "ACME"
    name = "Chief Executive"
    titles = ["CEO", "chief executive officer"]

    [[term]]                      # one person in one office; the person is created unless the
    person = "Dana Whitfield"     # knowledge base has exactly one person of that name
    aliases = ["Dana J. Whitfield"]
    office = "acme.ceo"
    start = "2024-03-01"          # YYYY, YYYY-MM or YYYY-MM-DD; no end: in office, unknown after
    end = ""                      # `confirmed_until` (a day) says until when that is known
    source = "Acme press release, 2024-02-28"

Every term needs a source, as every row of the knowledge base does.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factcheck.dates import DateError, parse_day, parse_partial
from factcheck.kb.load import KnowledgeBaseError, read_jurisdictions, read_offices
from factcheck.kb.model import Jurisdiction, KnowledgeBase, Office, Person, Term, normalize_name


# eq=False: one per rule-pack file, read once, never compared.
@dataclass(frozen=True, slots=True, eq=False)
class HouseFacts:
    """The knowledge-base records of one rule-pack file."""

    jurisdictions: tuple[Jurisdiction, ...] = ()
    offices: tuple[Office, ...] = ()
    terms: tuple[tuple[str, tuple[str, ...], dict[str, Any]], ...] = ()  # person name, aliases, the row

    def __bool__(self) -> bool:
        return bool(self.jurisdictions or self.offices or self.terms)


def read_house_facts(path: Path) -> HouseFacts:
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise KnowledgeBaseError(f"{path}: {exc}") from None
    terms = []
    for n, row in enumerate(data.get("term", []), start=1):
        if not isinstance(row, dict) or not isinstance(row.get("person"), str) or not isinstance(row.get("office"), str):
            raise KnowledgeBaseError(f"{path}: term {n}: needs person (a name) and office (an office id)")
        if not row.get("source"):
            raise KnowledgeBaseError(f"{path}: term {n} ({row['person']}): every term needs a source")
        unknown = set(row) - {"person", "aliases", "office", "start", "end", "confirmed_until", "acting", "source", "note"}
        if unknown:
            raise KnowledgeBaseError(f"{path}: term {n}: unknown field(s) {', '.join(sorted(unknown))}")
        terms.append((row["person"], tuple(row.get("aliases", ())), row))
    return HouseFacts(tuple(read_jurisdictions(path)), tuple(read_offices(path)), tuple(terms))


def extend(kb: KnowledgeBase, house: list[tuple[Path, HouseFacts]]) -> KnowledgeBase:
    """The knowledge base with the house facts added (open ends closed by successors again)."""
    jurisdictions = dict(kb.jurisdictions)
    offices = dict(kb.offices)
    people: dict[str, Person] = {}
    terms: list[Term] = []
    for path, facts in house:
        jurisdictions.update((j.code, j) for j in facts.jurisdictions)
        offices.update((o.id, o) for o in facts.offices)
        for office in facts.offices:
            if office.jurisdiction not in jurisdictions:
                raise KnowledgeBaseError(f"{path}: office {office.id}: unknown jurisdiction {office.jurisdiction!r}")
        for name, aliases, row in facts.terms:
            where = f"{path}: term of {name}"
            if row["office"] not in offices:
                raise KnowledgeBaseError(f"{where}: unknown office {row['office']!r}")
            known = kb.people_named(name)
            person = known[0] if len(known) == 1 else _house_id(name)
            people[person] = Person(person, name, aliases, "", row["source"]) if person not in kb.people else \
                Person(person, kb.people[person].name, aliases, "", row["source"])
            try:
                terms.append(Term(
                    person=person, office=row["office"],
                    start=parse_partial(str(row["start"])) if row.get("start") else None,
                    end=parse_partial(str(row["end"])) if row.get("end") else None,
                    acting=bool(row.get("acting", False)),
                    confirmed_until=parse_day(str(row["confirmed_until"])) if row.get("confirmed_until") else None,
                    source=str(row["source"]), note=str(row.get("note", "")),
                ))
            except DateError as exc:
                raise KnowledgeBaseError(f"{where}: {exc}") from None
    return KnowledgeBase.build(jurisdictions.values(), offices.values(), [*kb.people.values(), *people.values()],
                               [*kb.terms, *terms])


def _house_id(name: str) -> str:
    return "house." + re.sub(r"[^a-z0-9]+", "-", normalize_name(name)).strip("-")
