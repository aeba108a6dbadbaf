"""office-conflict (FC102): one single-holder office given to two different people for the same time.

What it does:
    Compares the role claims of one document with each other. Two unmodified titles
    both name the holder at the document date, so "Defense Secretary Pete Hegseth" and,
    later, "Defense Secretary Lloyd Austin" cannot both be right, whatever the date is.
    `then-` titles refer to their clause's time and conflict only when those overlap.

Why is this bad?
    Pasting an older paragraph into a new story leaves two holders of one office side by
    side; the knowledge base is not needed to see that one of them is wrong.

Abstains when: the office has several holders (ministers of state), a jurisdiction is
unresolved (an Indian and a Pakistani "Defence Minister" are different offices),
a claim is quoted or carries former/acting/incoming/-designate, the names may be the
same person (a surname and a full name), or a claim's clause is dated more than a year
before the document (historical narration often keeps the title of its time).

Example:
    Fires:  "Defense Secretary Pete Hegseth called. ... Defense Secretary Lloyd Austin invited him."
    Silent: "Defense Secretary Pete Hegseth called. ... former Defense Secretary Lloyd Austin invited him."
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterator

from factcheck.checks.registry import CheckKind, Example, Rule
from factcheck.dates import Interval
from factcheck.facts import Facts, RoleClaim
from factcheck.findings import Evidence, Finding, Related
from factcheck.kb.model import KnowledgeBase, normalize_name

EXAMPLES = (
    Example("Defense Secretary Pete Hegseth called Singh. Later, Defense Secretary Lloyd Austin invited him.", True, None),
    Example("Defense Secretary Pete Hegseth called Singh. Former Defense Secretary Lloyd Austin invited him.", False, None),
    Example("U.S. Defense Secretary Pete Hegseth spoke to Defense Secretary Hegseth's aides.", False, None),
    Example("India's Defence Minister Rajnath Singh met Pakistan's Defence Minister Khawaja Asif.", False, None),
    Example("U.S. Agriculture Secretary Anna Field met U.S. Agriculture Secretary Tom Brandt.", True, None),
    Example("Then-Defense Secretary Mark Esper met them in 2019; then-Defense Secretary Lloyd Austin in 2023.", False, None),
    Example("President Joe Biden spoke on Monday. The embargo imposed by President Donald Trump in 2018 still holds.", False, "2023-05-01"),
    Example("President Joe Biden spoke on Monday. President Donald Trump will speak on Tuesday.", True, "2023-05-01"),
)

_IGNORED_MODIFIERS = frozenset({"former", "acting", "designate", "incoming"})


def check(facts: Facts, kb: KnowledgeBase, rule: Rule) -> Iterator[Finding]:
    by_office: dict[str, list[RoleClaim]] = defaultdict(list)
    for claim in facts.roles:
        office = claim.office
        if office is None or claim.jurisdiction is None or claim.quoted:
            continue
        if _IGNORED_MODIFIERS.intersection(claim.modifiers) or not kb.offices[office].single_holder:
            continue
        if claim.person.via == "unknown" and len(claim.person.text.split()) < 2:
            continue  # a lone unknown surname could be anyone's
        if _historical(facts, claim):
            continue
        by_office[office].append(claim)
    for office, claims in sorted(by_office.items()):
        reported: set[str] = set()
        first = claims[0]
        for other in claims[1:]:
            key = _person_key(other)
            if key in reported or _same_person(first, other) or not _same_time(facts, first, other):
                continue
            reported.add(key)
            o = kb.offices[office]
            juris = kb.jurisdictions.get(o.jurisdiction)
            title = f"{juris.name if juris else o.jurisdiction} {o.name}"
            yield Finding(
                rule.code, rule.name, rule.severity, other.span,
                f"{title} is given to {other.person.text} here and to {first.person.text} earlier in the text; "
                f"the office has one holder at a time",
                (Evidence("office", f"{title} is a single-holder office", o.source),
                 Evidence("reference-time", _time_text(facts, first, other))),
                (Related(first.span, f"{title} given to {first.person.text}"),),
            )


def _historical(facts: Facts, claim: RoleClaim) -> bool:
    """A title in a clause dated well before the document ("the embargo President Carter imposed in 1980").

    Older copy often keeps the title of the event's time; FC101 judges that as a stale title,
    but as a second holder of the office it proves nothing.
    """
    doc = facts.document_date.value
    event = claim.event_time
    return (doc is not None and event is not None and "then" not in claim.modifiers
            and (doc.start - event.value.end).days > 365)


def _person_key(claim: RoleClaim) -> str:
    return claim.person.candidates[0] if len(claim.person.candidates) == 1 else normalize_name(claim.person.text)


def _same_person(a: RoleClaim, b: RoleClaim) -> bool:
    if a.person.candidates and b.person.candidates:
        return bool(set(a.person.candidates) & set(b.person.candidates))
    x, y = normalize_name(a.person.text).split(), normalize_name(b.person.text).split()
    # "Austin" and "Lloyd Austin", or "Lloyd J. Austin" and "Lloyd Austin", may be one person.
    return x[-1] == y[-1] or set(x) <= set(y) or set(y) <= set(x)


def _reference(facts: Facts, claim: RoleClaim) -> Interval | None | str:
    if "then" in claim.modifiers:
        return claim.event_time.value if claim.event_time else None
    return "document"


def _same_time(facts: Facts, a: RoleClaim, b: RoleClaim) -> bool:
    """Both claims certainly refer to one moment (offices change hands within a year)."""
    ra, rb = _reference(facts, a), _reference(facts, b)
    if ra == "document" and rb == "document":
        return True  # both name the holder at the one document date, known or not
    doc = facts.document_date.value
    ia = doc if ra == "document" else ra
    ib = doc if rb == "document" else rb
    return isinstance(ia, Interval) and ia.grain == "day" and ia == ib


def _time_text(facts: Facts, a: RoleClaim, b: RoleClaim) -> str:
    if "then" in a.modifiers or "then" in b.modifiers:
        return "both titles refer to the same time"
    when = facts.document_date.iso() or "unknown"
    return f"both titles name the holder at the document date ({when})"


CHECK = CheckKind(
    code='FC102', name='office-conflict', severity='error',
    summary='One single-holder office is given to two different people for the same time in one document.',
    run=check, needs=frozenset({"roles", "times", "document_date"}), doc=__doc__ or "", examples=EXAMPLES,
)
