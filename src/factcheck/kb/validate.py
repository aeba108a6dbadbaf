"""Checks on the knowledge base itself: problems that would make the checker lie, and source disagreements.

Problems (the shipped knowledge base must have none; the test suite runs this):
    a term whose end comes before its start;
    a term naming an office or a person the knowledge base does not define;
    two different people holding a single-holder office for more than a week's transition
    (acting holders excepted: an acting secretary may fill in while the holder is away).
Notes (listed for review, not errors):
    one person's term in one office starting on days more than a week apart in two sources.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta

from factcheck.kb.model import KnowledgeBase, Term

TRANSITION = timedelta(days=7)  # reshuffles are recorded with a few days' overlap
DISAGREEMENT = timedelta(days=7)


@dataclass(frozen=True)
class Report:
    problems: tuple[str, ...]
    notes: tuple[str, ...]


def validate(kb: KnowledgeBase) -> Report:
    problems: list[str] = []
    notes: list[str] = []
    for t in kb.terms:
        if t.office not in kb.offices:
            problems.append(f"unknown office {t.office!r} ({t.source})")
        if t.person not in kb.people:
            problems.append(f"unknown person {t.person!r} ({t.source})")
        if t.start is not None and t.end is not None and t.end.last < t.start.start:
            problems.append(f"{t.person} in {t.office}: ends {t.end.iso()} before it starts {t.start.iso()} ({t.source})")
    for office_id, office in sorted(kb.offices.items()):
        terms = [t for t in kb.terms_in(office_id) if t.start is not None]
        if office.single_holder:
            problems.extend(_overlaps(terms))
        notes.extend(_disagreements(terms))
    return Report(tuple(problems), tuple(notes))


def _overlaps(terms: list[Term]) -> list[str]:
    """Different non-acting people certainly in office together for more than a transition day."""
    out = []
    spans = [(t, t.certain_span()) for t in terms if not t.acting]
    spans = [(t, s) for t, s in spans if s is not None]
    spans.sort(key=lambda x: x[1][0])
    for i, (a, sa) in enumerate(spans):
        for b, sb in spans[i + 1 :]:
            if sb[0] > sa[1]:
                break
            overlap = min(sa[1], sb[1]) - max(sa[0], sb[0])
            if a.person != b.person and overlap > TRANSITION:
                out.append(f"{a.office}: {a.person} ({a.describe()}) and {b.person} ({b.describe()}) overlap "
                           f"by {overlap.days} days ({a.source} / {b.source})")
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
        starts = sorted(ts, key=lambda t: t.start.start)
        for a, b in zip(starts, starts[1:]):
            gap = b.start.start - a.start.start
            if a.source.split(":")[0] != b.source.split(":")[0] and timedelta(0) < gap <= timedelta(days=365) and gap > DISAGREEMENT:
                out.append(f"{a.office}: {person} starts {a.start.iso()} ({a.source}) or {b.start.iso()} ({b.source})")
    return out
