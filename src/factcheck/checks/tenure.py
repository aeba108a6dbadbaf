"""role-tenure (FC101): a person named with an office they did not hold at the reference time.

What it does:
    For every title bound to a name ("U.S. Secretary of Defense Lloyd Austin"), looks
    the person's terms up in the knowledge base. An unmodified title names the office
    held at the document date (AP style). `then-` refers to the time of the clause's
    event; `former`/`ex-` require an earlier term, finished by the document date.

Why is this bad?
    A stale or wrong title is the most common factual slip in news copy, and the one
    readers catch first.

Verdicts for an unmodified title:
    holds at the document date            -> fine
    not then, but at the event's time     -> warning: stale title, write "then-" or "former"
    neither                               -> error

Abstains when: the name is unknown or ambiguous, the title's jurisdiction is unresolved,
the claim is quoted, the modifier is acting/interim/incoming/-designate/nominee, the
reference time is unknown or straddles the term's edges, or the knowledge base knows no
holder of the office at that time (a gap in our data is not the writer's error).

Example:
    Fires:  "U.S. Secretary of Defense Lloyd Austin" in a text dated 2025-07-01
    Silent: "former Defense Secretary Lloyd Austin" in the same text
"""

from __future__ import annotations

from typing import Any, Iterator

from factcheck.checks.registry import CheckKind, Example, Rule
from factcheck.dates import Interval
from factcheck.facts import Facts, RoleClaim
from factcheck.findings import Evidence, Finding
from factcheck.kb.model import KnowledgeBase, Term

EXAMPLES = (
    Example("U.S. Secretary of Defense Lloyd Austin met the delegation.", True, "2025-07-01"),
    Example("Defense Secretary Lloyd Austin met the delegation.", False, "2023-07-01"),
    Example("Former Defense Secretary Lloyd Austin met the delegation.", False, "2025-07-01"),
    Example("The talks, hosted by then-Defense Secretary Lloyd Austin in March 2024, ended early.", False, "2025-07-01"),
    Example("The talks were hosted by then-Defense Secretary Pete Hegseth in March 2024.", True, "2025-07-01"),
    Example("Singh will meet U.S. National Security Advisor Jake Sullivan.", True, "2025-07-01"),
    Example("Jake Sullivan, the national security adviser, said the talks went well.", False, "2023-05-02"),
    Example('"Secretary of Defense Lloyd Austin is a friend," Singh said.', False, "2025-07-01"),
    Example("Agriculture Secretary Carlos Dominguez visited the province.", False, "1987-03-02"),
    Example("Former U.S. Secretary of State Pete Hegseth spoke.", True, "2025-07-01"),
    Example("Former Defense Secretary Pete Hegseth spoke.", True, "2025-07-01"),
    Example("Former Defense Secretary Pete Hegseth spoke.", False, "2027-07-01"),
    Example("Secretary of State Antony Blinken visited Delhi in March 2024.", True, "2025-07-01"),
)

_ABSTAIN_MODIFIERS = frozenset({"acting", "designate", "incoming"})


def check(facts: Facts, kb: KnowledgeBase, rule: Rule) -> Iterator[Finding]:
    for claim in facts.roles:
        office = claim.office
        if claim.quoted or office is None or claim.jurisdiction is None or len(claim.person.candidates) != 1:
            continue
        if _ABSTAIN_MODIFIERS.intersection(claim.modifiers):
            continue
        person = claim.person.candidates[0]
        if "former" in claim.modifiers:
            yield from _former(facts, kb, rule, claim, person, office)
        elif "then" in claim.modifiers:
            yield from _then(facts, kb, rule, claim, person, office)
        else:
            yield from _current(facts, kb, rule, claim, person, office)


def _current(facts: Facts, kb: KnowledgeBase, rule: Rule, claim: RoleClaim, person: str, office: str) -> Iterator[Finding]:
    doc = facts.document_date
    if doc.value is None or kb.held(person, office, doc.value) != "no" or not kb.holders(office, doc.value):
        return
    event = claim.event_time.value if claim.event_time else None
    at_event = kb.held(person, office, event) if event is not None else None
    if at_event == "unknown":
        return  # the title may have been right at the event ("in 1957" against a term from 1957-01-20)
    evidence = _evidence(kb, person, office, doc.value, f"document date {doc.iso()} ({doc.source})")
    if at_event == "yes":
        yield _finding(
            rule, claim, "warning",
            f"stale title: {_subject(kb, claim)} held {_office(kb, office)} at the time of the event "
            f"({claim.event_time.text}) but not at the document date ({doc.iso()}); write 'then-' or 'former'",
            evidence,
        )
        return
    yield _finding(
        rule, claim, rule.severity,
        f"{_subject(kb, claim)} was not {_office(kb, office)} at the document date ({doc.iso()}): "
        f"{_terms_phrase(kb, person, office)}{_holder_phrase(kb, office, doc.value)}",
        evidence,
    )


def _then(facts: Facts, kb: KnowledgeBase, rule: Rule, claim: RoleClaim, person: str, office: str) -> Iterator[Finding]:
    if claim.event_time is None:
        return
    event = claim.event_time.value
    if kb.held(person, office, event) != "no" or not kb.holders(office, event):
        return
    yield _finding(
        rule, claim, rule.severity,
        f"{_subject(kb, claim)} was not {_office(kb, office)} at the time of the event ({claim.event_time.text}): "
        f"{_terms_phrase(kb, person, office)}{_holder_phrase(kb, office, event)}",
        _evidence(kb, person, office, event, f"event time {event.iso()} from '{claim.event_time.text}'"),
    )


def _former(facts: Facts, kb: KnowledgeBase, rule: Rule, claim: RoleClaim, person: str, office: str) -> Iterator[Finding]:
    doc = facts.document_date
    if doc.value is None:
        return
    terms = kb.terms_of(person, office)
    if terms:
        # "former" is wrong when the person certainly holds the office at the document date and
        # no term of theirs had certainly ended before it (a second term keeps "former" defensible).
        if kb.held(person, office, doc.value) == "yes" and not any(
            t.end is not None and t.end.last < doc.value.start for t in terms
        ):
            yield _finding(
                rule, claim, rule.severity,
                f"'former' but {_subject(kb, claim)} holds {_office(kb, office)} at the document date "
                f"({doc.iso()}): {_terms_phrase(kb, person, office)}",
                _evidence(kb, person, office, doc.value, f"document date {doc.iso()} ({doc.source})"),
            )
        # ... and when every term certainly began after the document date.
        elif all(t.start is not None and t.start.start > doc.value.last for t in terms):
            yield _finding(
                rule, claim, rule.severity,
                f"'former' but {_subject(kb, claim)} had not yet held {_office(kb, office)} at the document date "
                f"({doc.iso()}): {_terms_phrase(kb, person, office)}",
                _evidence(kb, person, office, doc.value, f"document date {doc.iso()} ({doc.source})"),
            )
        return
    if kb.terms_of(person) and kb.terms_in(office) and claim.jurisdiction_via == "phrase":
        yield _finding(
            rule, claim, rule.severity,
            f"'former' but {_subject(kb, claim)} never held {_office(kb, office)} according to the knowledge base",
            tuple(e for o in sorted({t.office for t in kb.terms_of(person)}) for e in _term_evidence(kb, person, o, kb.terms_of(person, o))),
        )


def _finding(rule: Rule, claim: RoleClaim, severity: str, message: str, evidence: tuple[Evidence, ...]) -> Finding:
    return Finding(rule.code, rule.name, severity, claim.span, message, evidence)  # type: ignore[arg-type]


def _name(kb: KnowledgeBase, person: str) -> str:
    return kb.people[person].name


def _subject(kb: KnowledgeBase, claim: RoleClaim) -> str:
    """The person as the text names them in full ("Suella Braverman", where the knowledge base has
    the name she first held office under), else as the knowledge base does."""
    mention = claim.person
    if mention.via == "full-name":
        return " ".join(mention.text.split())  # a name may run over a line break
    return _name(kb, mention.candidates[0])


def _office(kb: KnowledgeBase, office: str) -> str:
    o = kb.offices[office]
    juris = kb.jurisdictions.get(o.jurisdiction)
    return f"{juris.name if juris else o.jurisdiction} {o.name}"


def _distinct(terms: tuple[Term, ...]) -> list[tuple[str, str]]:
    """(description, sources) once per distinct term: the same term from several sources is one row,
    and a row with an unknown start adds nothing beside one that knows it and ends the same day."""
    rows: dict[str, list[str]] = {}
    known_ends = {t.end for t in terms if t.start is not None}
    for t in sorted(terms, key=_term_order):
        if t.start is None and t.end in known_ends:
            continue
        rows.setdefault(t.describe(), [])
        if t.source not in rows[t.describe()]:
            rows[t.describe()].append(t.source)
    return [(d, " ; ".join(s)) for d, s in rows.items()]


def _terms_phrase(kb: KnowledgeBase, person: str, office: str) -> str:
    terms = _distinct(kb.terms_of(person, office))
    if not terms:
        return "no term in this office is known"
    return ("term " if len(terms) == 1 else "terms ") + "; ".join(d for d, _ in terms)


def _holder_phrase(kb: KnowledgeBase, office: str, ref: Interval) -> str:
    holders = sorted({kb.people[t.person].name for t in kb.holders(office, ref) if t.person in kb.people})
    return f"; held then by {', '.join(holders)}" if holders else ""


def _term_order(t: Term) -> tuple[Any, ...]:
    return (t.start.start if t.start else Interval.year(1).start, t.end.start if t.end else Interval.year(9998).start)


def _term_evidence(kb: KnowledgeBase, person: str, office: str, terms: tuple[Term, ...]) -> list[Evidence]:
    return [Evidence("kb-term", f"{_name(kb, person)}, {_office(kb, office)}: {d}", src) for d, src in _distinct(terms)]


def _evidence(kb: KnowledgeBase, person: str, office: str, ref: Interval, ref_text: str) -> tuple[Evidence, ...]:
    rows = [Evidence("reference-time", ref_text)]
    rows += _term_evidence(kb, person, office, kb.terms_of(person, office))
    for other in sorted({t.person for t in kb.holders(office, ref)} - {person}):
        rows += _term_evidence(kb, other, office, tuple(t for t in kb.holders(office, ref) if t.person == other))
    return tuple(rows)


CHECK = CheckKind(
    code='FC101', name='role-tenure', severity='error',
    summary='A person is named with an office they did not hold at the time the text refers to.',
    run=check, needs=frozenset({"roles", "times", "document_date"}), doc=__doc__ or "", examples=EXAMPLES,
)
