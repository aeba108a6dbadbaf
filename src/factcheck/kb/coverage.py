"""How far the knowledge base knows each office's holder on a day (`factcheck kb coverage`).

confirmed               a term certainly covers the day (its end, or the day a source last showed
                        the holder in office, is on or after it);
open past the horizon   the latest holder's term is open but confirmed only to an earlier day: who
                        held the office on the day is not known (the checker abstains);
unknown                 no holder is known on the day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from factcheck.dates import Interval
from factcheck.kb.model import KnowledgeBase, Term


@dataclass(frozen=True)
class OfficeCoverage:
    jurisdiction: str
    office: str
    office_name: str
    holders: tuple[str, ...]
    status: str
    horizon: str  # the latest day through which the office's holders are known ("" when none)
    source: str


def horizon(terms: tuple[Term, ...]) -> date | None:
    """The latest day a source shows some holder of the office (an end, or a confirmed-until day)."""
    days = [t.end.start if t.end is not None else t.confirmed_until for t in terms]
    known = [d for d in days if d is not None]
    return max(known) if known else None


def office_coverage(kb: KnowledgeBase, ref: Interval, jurisdiction: str | None = None, all_offices: bool = False) -> list[OfficeCoverage]:
    rows = []
    for oid in sorted(kb.offices, key=lambda o: (kb.offices[o].jurisdiction, o)):
        office = kb.offices[oid]
        if jurisdiction is not None and office.jurisdiction != jurisdiction:
            continue
        if not all_offices and not office.single_holder:
            continue
        terms = kb.terms_in(oid)
        if not terms:
            continue
        until = horizon(terms)
        held = kb.holders(oid, ref)
        if held:
            names = tuple(sorted({kb.people[t.person].name for t in held if t.person in kb.people}))
            source = " | ".join(sorted({t.source.split(" ; ")[0] for t in held}))
            rows.append(OfficeCoverage(office.jurisdiction, oid, office.name, names, "confirmed", _iso(until), source))
            continue
        # The latest term that began by the day and is open (no end known): held, but only known to its horizon.
        open_terms = [t for t in terms if t.start is not None and t.start.start <= ref.start and t.end is None]
        latest = max(open_terms, key=lambda t: t.start.start, default=None)  # type: ignore[union-attr]
        if latest is not None and latest.person in kb.people:
            rows.append(OfficeCoverage(office.jurisdiction, oid, office.name, (kb.people[latest.person].name,),
                                       "open past the horizon", _iso(latest.confirmed_until or until), latest.source.split(" ; ")[0]))
        else:
            rows.append(OfficeCoverage(office.jurisdiction, oid, office.name, (), "unknown", _iso(until), ""))
    return rows


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""
