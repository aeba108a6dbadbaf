"""Checks on the knowledge base itself: problems that would make the checker lie, and source disagreements.

Problems (the shipped knowledge base must have none; the test suite runs this):
    a term naming an office or a person the knowledge base does not define;
    a term whose end, or whose confirmed-until day, comes before its start;
    a term without a source, or citing a search or redirect address or a denylisted site
    (rules/kb/denylist.toml, each site with its reason);
    two rows for one term (the same person, office and start);
    two different people holding a single-holder office for more than a handover's few days
    (acting holders excepted: an acting secretary may fill in while the holder is away).
Notes (listed for review, not errors):
    one person's term in one office starting on days more than a week apart in two sources.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta
from itertools import pairwise
from pathlib import Path

from factcheck.kb.model import KnowledgeBase, Term
from factcheck.kb.sources import Denylist, addresses, bad_address, read_denylist

TRANSITION = timedelta(days=7)  # reshuffles are recorded with a few days' overlap
DISAGREEMENT = timedelta(days=7)


@dataclass(frozen=True)
class Report:
    problems: tuple[str, ...]
    notes: tuple[str, ...]


def validate(kb: KnowledgeBase, denylist: Denylist | None = None, kb_dir: Path | None = None) -> Report:
    if denylist is None:
        denylist = read_denylist(kb_dir / "denylist.toml") if kb_dir is not None else Denylist({})
    problems: list[str] = []
    notes: list[str] = []
    seen: dict[tuple[str, str, object], Term] = {}
    for t in kb.terms:
        if t.office not in kb.offices:
            problems.append(f"unknown office {t.office!r} ({t.source})")
        if t.person not in kb.people:
            problems.append(f"unknown person {t.person!r} ({t.source})")
        if t.start is not None and t.end is not None and t.end.last < t.start.start:
            problems.append(f"{t.person} in {t.office}: ends {t.end.iso()} before it starts {t.start.iso()} ({t.source})")
        if t.start is not None and t.confirmed_until is not None and t.confirmed_until < t.start.start:
            problems.append(f"{t.person} in {t.office}: confirmed until {t.confirmed_until} before it starts {t.start.iso()} ({t.source})")
        if not t.source.strip():
            problems.append(f"{t.person} in {t.office} from {t.start.iso() if t.start else '?'}: no source")
        for address in addresses(t.source):
            why = bad_address(address, denylist)
            if why:
                problems.append(f"{t.person} in {t.office}: source {address} is {why}")
        if t.start is not None:
            key = (t.person, t.office, t.start)
            if key in seen:
                problems.append(f"duplicate term: {t.person} in {t.office} from {t.start.iso()} ({seen[key].source} / {t.source})")
            else:
                seen[key] = t
    for office_id, office in sorted(kb.offices.items()):
        terms = [t for t in kb.terms_in(office_id) if t.start is not None]
        if office.single_holder:
            for a, b in overlapping(terms):
                overlap = min(a.certain_span()[1], b.certain_span()[1]) - max(a.certain_span()[0], b.certain_span()[0])  # type: ignore[index]
                problems.append(f"{a.office}: {a.person} ({a.describe()}) and {b.person} ({b.describe()}) overlap "
                                f"by {overlap.days} days ({a.source} / {b.source})")
        notes.extend(_disagreements(terms))
    return Report(tuple(problems), tuple(notes))


def overlapping(terms: list[Term]) -> list[tuple[Term, Term]]:
    """Pairs of different non-acting people certainly in office together for more than a handover."""
    out = []
    spans = [(t, t.certain_span()) for t in terms if not t.acting]
    found = [(t, s) for t, s in spans if s is not None]
    found.sort(key=lambda x: x[1][0])
    for i, (a, sa) in enumerate(found):
        for b, sb in found[i + 1 :]:
            if sb[0] > sa[1]:
                break
            overlap = min(sa[1], sb[1]) - max(sa[0], sb[0])
            if a.person != b.person and overlap > TRANSITION:
                out.append((a, b))
    return out


def _disagreements(terms: list[Term]) -> list[str]:
    by_person: dict[str, list[Term]] = defaultdict(list)
    for t in terms:
        by_person[t.person].append(t)
    out = []
    for person, ts in sorted(by_person.items()):
        sources = {t.source.split(":")[0] for t in ts}
        if len(sources) < 2:
            continue
        starts = sorted(ts, key=lambda t: t.start.start if t.start else t.end.start if t.end else 0)
        for a, b in pairwise(starts):
            if a.start is None or b.start is None:
                continue
            gap = b.start.start - a.start.start
            if a.source.split(":")[0] != b.source.split(":")[0] and timedelta(0) < gap <= timedelta(days=365) and gap > DISAGREEMENT:
                out.append(f"{a.office}: {person} starts {a.start.iso()} ({a.source}) or {b.start.iso()} ({b.source})")
    return out
