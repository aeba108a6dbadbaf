"""role-tenure (FC101): a person named with an office they did not hold at the reference time.

What it does:
    For every title bound to a name ("U.S. Secretary of Defense Lloyd Austin"), looks
    the person's terms up in the knowledge base. An unmodified title names the office
    held at the document date (AP style). Modifiers have their own meaning:
    `then-` refers to the time of the clause's event; `former`/`ex-` are wrong when the
    person holds the office through the document date (whatever earlier terms they had)
    or had never held it; `outgoing` and `incoming` are right around a handover
    (rule option `handover-days`); `-designate`/`-elect`/`nominee` are wrong once the
    person took office before the document date; `acting`/`interim` are judged like a
    bare title when the person has a term in the office, else not checked.

Why is this bad?
    A stale or wrong title is the most common factual slip in news copy, and the one
    readers catch first.

Verdicts for an unmodified title whose holder does not hold the office at the document date:
    held it at the event's own, earlier date         -> info: write "then-" or "former"
    a past holder in a clause about the past          -> info (a possessive, "under", "during",
      ("President Nixon's advisers", "the legacy of       "the ... administration", "the legacy of")
      President Carter")
    held it at the event's later date                 -> warning: not yet in office then
    otherwise                                         -> error, with the holder the text also
                                                         names as related location

"Not held at the date" is proven when the knowledge base names a holder for the whole
reference time, or when the person's terms all ended before it, a successor is recorded,
and the date is within the office's confirmed horizon (an open term counts only up to its
`confirmed_until`). On a handover day both the outgoing and the incoming holder are right.

Not checked (each mention is listed with its reason, `scan --show-unchecked`): unknown or
ambiguous person, unknown office, unresolved jurisdiction, quotation, no document date,
no holder known on that date, past the knowledge base's confirmed horizon, a reference
time that straddles a term's edge, a title to come or an acting title with no term known.

Example:
    Fires:  "U.S. Secretary of Defense Lloyd Austin" in a text dated 2025-07-01
    Silent: "former Defense Secretary Lloyd Austin" in the same text
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from factcheck.checks.registry import CheckKind, Example, Rule
from factcheck.dates import Interval
from factcheck.facts import Facts, RoleClaim
from factcheck.findings import (
    SEVERITY_RANK,
    Evidence,
    Finding,
    MentionStatus,
    Related,
    Severity,
)
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
    Example("Outgoing Defense Secretary Lloyd Austin said goodbye to the staff.", False, "2025-01-19"),
    Example("Outgoing Defense Secretary Lloyd Austin said goodbye to the staff.", True, "2025-07-01"),
    Example("Secretary of State Cyrus R. Vance arrived in Geneva.", True, "1987-03-26"),
    Example("Treasury Secretary James A. Baker III arrived in Paris.", False, "1987-03-26"),
    Example("Treasury Secretary Janet Yellen said a new deputy would be appointed.", True, "2025-03-10"),
    # Title forms of real news: a regnal name, the office of the person's own record, a party before
    # the title, an item of a semicolon list, a headline's capitalised run.
    Example("Queen Elizabeth opened the new session of parliament.", True, "2024-05-01"),
    Example("His Majesty King Charles opened the new session of parliament.", False, "2024-05-01"),
    Example("Lula criticised the bank and its president Roberto Campos Neto.", True, "2025-06-01"),
    Example("Conservative Prime Minister Rishi Sunak opened the bridge.", True, "2025-02-01"),
    Example("Present were the whip; Foreign Secretary, David Cameron; and the staff.", True, "2025-02-01"),
    Example("Prime Minister Sunak Opens New Bridge Across The Aire", True, "2025-02-01"),
)

# The modifier words the extractor reports, by what they say about the reference time. The
# lexicon may report the word itself ("elect", "nominee") or its group ("designate").
_MEANING = {
    "former": "former", "ex": "former", "late": "former",
    "then": "then",
    "designate": "designate", "elect": "designate", "nominee": "designate",
    "incoming": "incoming",
    "outgoing": "outgoing",
    "acting": "acting", "interim": "acting", "caretaker": "acting",
}
# When a title carries several ("former acting", "then-incoming"), the first of these decides.
_PRECEDENCE = ("former", "then", "designate", "incoming", "outgoing", "acting")
HANDOVER_DAYS = 60  # default of the rule option `handover-days`

# Reasons a mention is not checked, as reports show them.
NO_DATE = "no document date"
NO_EVENT_DATE = "'then-' without a date for its clause"
UNKNOWN_PERSON = "unknown person"
AMBIGUOUS_PERSON = "ambiguous person"
UNKNOWN_OFFICE = "unknown office"
AMBIGUOUS_JURISDICTION = "ambiguous jurisdiction"
QUOTATION = "quotation"
NO_HOLDER = "no holder known on that date"
PAST_HORIZON = "past the knowledge base's confirmed horizon"
TERM_EDGE = "the date straddles a term's edge"
NO_TERM = "no term of this person in the office is known"


Explanation = tuple[str, tuple[Evidence, ...]]  # a finding's message and evidence


# eq=False: a judgement is read where it is made, never compared.
@dataclass(frozen=True, slots=True, eq=False)
class Judgement:
    """What the check concluded about one title: checked (right, or wrong with a severity), or not and why."""

    claim: RoleClaim
    reason: str = ""  # why it was not checked; "" when it was
    severity: Severity | None = None  # the judgement when the title is wrong; None when it is right
    # The message and evidence of a wrong title, made when a finding is reported: the other callers
    # (coverage, office-conflict, document-date) read only the verdict, and the evidence reads and
    # formats knowledge-base rows.
    explain: Callable[[], Explanation] = lambda: ("", ())

    @property
    def checked(self) -> bool:
        return not self.reason

    @property
    def wrong(self) -> bool:
        return self.severity is not None


def check(facts: Facts, kb: KnowledgeBase, rule: Rule) -> Iterator[Finding]:
    days = int(rule.options.get("handover-days", HANDOVER_DAYS))
    # Each office's first bare title of each person, in text order: a finding's related titles then
    # cost a look at each of its office's holders, not at every title of a long document.
    by_office: dict[str, dict[str, RoleClaim]] = {}
    for claim in facts.roles:
        if (claim.office is not None and not claim.quoted and len(claim.person.candidates) == 1
                and meaning(claim) in ("", "acting", "then")):
            by_office.setdefault(claim.office, {}).setdefault(claim.person.candidates[0], claim)
    for claim in facts.roles:
        j = judge(facts, kb, claim, days)
        if j.severity is None:
            continue
        message, evidence = j.explain()
        yield Finding(rule.code, rule.name, _capped(j.severity, rule.severity), claim.span, message, evidence,
                      _other_holders(facts, kb, claim, by_office.get(claim.office or "", {})))


def coverage(facts: Facts, kb: KnowledgeBase) -> tuple[MentionStatus, ...]:
    """Every title the extractor found, and whether the check could judge it (and why not)."""
    out = []
    for claim in facts.roles:
        j = judge(facts, kb, claim)
        verdict = "" if j.reason else ("wrong" if j.wrong else "right")
        out.append(MentionStatus(claim.span, claim.title, claim.person.text, claim.office, verdict, j.reason))
    return tuple(out)


def meaning(claim: RoleClaim) -> str:
    """What the title's modifiers say about its reference time: "" for a bare title."""
    found = {_MEANING[m] for m in claim.modifiers if m in _MEANING}
    return next((m for m in _PRECEDENCE if m in found), "")


def judge(facts: Facts, kb: KnowledgeBase, claim: RoleClaim, handover_days: int = HANDOVER_DAYS) -> Judgement:
    """The verdict on one title (a pure function of the facts and the knowledge base)."""
    if claim.quoted:
        return Judgement(claim, QUOTATION)
    if not claim.person.candidates:
        return Judgement(claim, UNKNOWN_PERSON)
    if len(claim.person.candidates) != 1:
        return Judgement(claim, AMBIGUOUS_PERSON)
    if not claim.offices:
        return Judgement(claim, UNKNOWN_OFFICE)
    office = claim.office
    if office is None or claim.jurisdiction is None:
        return Judgement(claim, AMBIGUOUS_JURISDICTION)
    person = claim.person.candidates[0]
    kind = meaning(claim)
    if kind == "then":
        return _then(facts, kb, claim, person, office)
    doc = facts.document_date
    if doc.value is None:
        return Judgement(claim, NO_DATE)
    if kind == "former":
        return _former(facts, kb, claim, person, office, doc.value)
    if kind in ("designate", "incoming"):
        return _to_come(facts, kb, claim, person, office, doc.value, kind, handover_days)
    if kind == "outgoing":
        return _outgoing(facts, kb, claim, person, office, doc.value, handover_days)
    if kind == "acting" and not kb.terms_of(person, office):
        return Judgement(claim, NO_TERM)  # acting holders are often missing from the sources
    return _current(facts, kb, claim, person, office, doc.value)


HELD, NOT_HELD = "held", "not held"


def _tenure_at(kb: KnowledgeBase, person: str, office: str, ref: Interval) -> str:
    """HELD or NOT_HELD when the knowledge base proves it for all of `ref`, else the reason it cannot."""
    held = kb.held(person, office, ref)
    if held == "yes":
        return HELD
    if held == "unknown":
        return PAST_HORIZON if _open_past_horizon(kb, person, office, ref) else TERM_EDGE
    if kb.holders(office, ref):
        return NOT_HELD
    terms = kb.terms_of(person, office)
    if terms and all(t.end is not None and t.end.last < ref.start for t in terms):
        # Left before `ref`: proven when a successor is recorded and the office's holders are
        # known through `ref`, even if the successor's own term is still open.
        last_end = max(t.end.start for t in terms if t.end is not None)
        if not any(s.person != person and s.start is not None and s.start.last >= last_end
                   for s in kb.terms_in(office)):
            return NO_HOLDER
        return NOT_HELD if ref.last <= horizon(kb, office) else PAST_HORIZON
    return PAST_HORIZON if ref.start > horizon(kb, office) else NO_HOLDER


def horizon(kb: KnowledgeBase, office: str) -> date:
    """The last day through which the knowledge base knows the office's holders: an open term counts
    only up to its confirmed_until (or its start, when nothing confirms it)."""
    last = date.min
    for t in kb.terms_in(office):
        span = t.certain_span()
        if t.end is not None:
            last = max(last, t.end.start)
        elif span is not None:
            last = max(last, span[1])
    return last


def _open_past_horizon(kb: KnowledgeBase, person: str, office: str, ref: Interval) -> bool:
    return any(t.end is None and t.start is not None and t.start.last <= ref.start
               and (t.confirmed_until is None or t.confirmed_until < ref.last) for t in kb.terms_of(person, office))


def _current(facts: Facts, kb: KnowledgeBase, claim: RoleClaim, person: str, office: str, doc: Interval) -> Judgement:
    found = _tenure_at(kb, person, office, doc)
    if found != NOT_HELD:
        return Judgement(claim, "" if found == HELD else found)
    dd = facts.document_date
    event = claim.event_time
    at_event = kb.held(person, office, event.value) if event is not None else None
    if event is not None and at_event == "unknown":
        # The title may have been right at the event ("in 1957" against a term from 1957-01-20).
        return Judgement(claim, TERM_EDGE)
    def evidence() -> tuple[Evidence, ...]:
        return _evidence(kb, person, office, doc, f"document date {dd.iso()} ({dd.source})")

    subject, title = _subject(kb, claim), _office(kb, office)
    if event is not None and at_event == "yes":
        # An event wholly before the document date is history (info); one that may reach it, a warning.
        severity = Severity.INFO if event.value.last < doc.start else Severity.WARNING
        event_text = event.text
        return Judgement(claim, "", severity, lambda: ((
            f"stale title: {subject} held {title} at the time of the event ({event_text}) but not at the "
            f"document date ({dd.iso()}); write 'then-' or 'former'"), evidence()))
    # A clause about the past ("President Nixon's advisers") names the holder of its time, unless it
    # gives an earlier date at which the person did not hold the office either.
    dated_wrong = event is not None and at_event == "no" and event.value.last < doc.start
    if claim.history and not dated_wrong and any(
            t.start is not None and t.start.last < doc.start for t in kb.terms_of(person, office)):
        return Judgement(claim, "", Severity.INFO, lambda: ((
            f"history: {subject} held {title} before the document date ({dd.iso()}), in a clause about the past "
            f"({claim.history!r}); write 'former' or 'then-'"), evidence()))
    return Judgement(claim, "", Severity.ERROR, lambda: ((
        f"{subject} was not {title} at the document date ({dd.iso()}): "
        f"{_terms_phrase(kb, person, office)}{_holder_phrase(kb, office, doc)}"), evidence()))


def _then(facts: Facts, kb: KnowledgeBase, claim: RoleClaim, person: str, office: str) -> Judgement:
    if claim.event_time is None:
        return Judgement(claim, NO_EVENT_DATE)
    event, event_text = claim.event_time.value, claim.event_time.text
    found = _tenure_at(kb, person, office, event)
    if found != NOT_HELD:
        return Judgement(claim, "" if found == HELD else found)
    return Judgement(claim, "", Severity.ERROR, lambda: ((
        f"{_subject(kb, claim)} was not {_office(kb, office)} at the time of the event ({event_text}): "
        f"{_terms_phrase(kb, person, office)}{_holder_phrase(kb, office, event)}"),
        _evidence(kb, person, office, event, f"event time {event.iso()} from '{event_text}'")))


def _holding_through(terms: tuple[Term, ...], doc: Interval) -> Term | None:
    """The term the person certainly holds on every day of `doc` and does not leave during it (on a
    handover day the outgoing holder is still right to be called "former")."""
    for t in terms:
        if t.held(doc) == "yes" and (t.end is None or t.end.start > doc.last):
            return t
    return None


def _former(facts: Facts, kb: KnowledgeBase, claim: RoleClaim, person: str, office: str, doc: Interval) -> Judgement:
    dd = facts.document_date
    terms = kb.terms_of(person, office)
    subject, title = _subject(kb, claim), _office(kb, office)
    if terms:
        if _holding_through(terms, doc) is not None:
            # Earlier finished terms do not make "former" right while the person is back in office.
            return Judgement(claim, "", Severity.ERROR, lambda: ((
                f"'former' but {subject} holds {title} at the document date ({dd.iso()}): "
                f"{_terms_phrase(kb, person, office)}"),
                _evidence(kb, person, office, doc, f"document date {dd.iso()} ({dd.source})")))
        if all(t.start is not None and t.start.start > doc.last for t in terms):
            return Judgement(claim, "", Severity.ERROR, lambda: ((
                f"'former' but {subject} had not yet held {title} at the document date "
                f"({dd.iso()}): {_terms_phrase(kb, person, office)}"),
                _evidence(kb, person, office, doc, f"document date {dd.iso()} ({dd.source})")))
        if any(t.end is not None and t.end.last <= doc.last for t in terms) or kb.held(person, office, doc) == "no":
            return Judgement(claim)  # a term ended by the document date (a handover day included)
        return Judgement(claim, PAST_HORIZON if _open_past_horizon(kb, person, office, doc) else TERM_EDGE)
    if kb.terms_of(person) and kb.terms_in(office) and claim.jurisdiction_via == "phrase":
        return Judgement(claim, "", Severity.ERROR, lambda: ((
            f"'former' but {subject} never held {title} according to the knowledge base"),
            tuple(e for o in sorted({t.office for t in kb.terms_of(person)})
                  for e in _term_evidence(kb, person, o, kb.terms_of(person, o)))))
    return Judgement(claim, NO_TERM)


def _to_come(facts: Facts, kb: KnowledgeBase, claim: RoleClaim, person: str, office: str, doc: Interval,
             kind: str, handover_days: int) -> Judgement:
    """"-designate"/"-elect"/"nominee": wrong once the person took office before the document date;
    "incoming": wrong once that was more than `handover_days` before it."""
    terms = kb.terms_of(person, office)
    if not terms:
        return Judgement(claim, NO_TERM)  # a nominee's term is not in the sources yet
    term = _holding_through(terms, doc)
    if term is None or term.start is None:
        return Judgement(claim)  # not in office (yet, or again): the title to come may be right
    grace = timedelta(days=handover_days if kind == "incoming" else 0)
    if term.start.last + grace >= doc.start:
        return Judgement(claim)
    dd = facts.document_date
    word = "incoming" if kind == "incoming" else "-designate/-elect/nominee"
    return Judgement(claim, "", Severity.ERROR, lambda: ((
        f"'{word}' but {_subject(kb, claim)} had taken office as {_office(kb, office)} before the document date "
        f"({dd.iso()}): {_terms_phrase(kb, person, office)}"),
        _evidence(kb, person, office, doc, f"document date {dd.iso()} ({dd.source})")))


def _outgoing(facts: Facts, kb: KnowledgeBase, claim: RoleClaim, person: str, office: str, doc: Interval,
              handover_days: int) -> Judgement:
    """"outgoing": right while in office and for `handover_days` after leaving; wrong long after."""
    terms = kb.terms_of(person, office)
    if not terms:
        return Judgement(claim, NO_TERM)
    window = Interval(doc.start - timedelta(days=handover_days), doc.end, "day")
    if kb.held(person, office, window) != "no":
        return Judgement(claim)  # in office, or left within the handover window
    found = _tenure_at(kb, person, office, doc)
    if found != NOT_HELD:
        return Judgement(claim, "" if found == HELD else found)
    dd = facts.document_date
    return Judgement(claim, "", Severity.ERROR, lambda: ((
        f"'outgoing' but {_subject(kb, claim)} did not hold {_office(kb, office)} within {handover_days} days "
        f"of the document date ({dd.iso()}): {_terms_phrase(kb, person, office)}"
        f"{_holder_phrase(kb, office, doc)}"),
        _evidence(kb, person, office, doc, f"document date {dd.iso()} ({dd.source})")))


def _capped(judgement: Severity, configured: Severity) -> Severity:
    """The configured severity, never above the judgement (an info note stays info under severity=error)."""
    return judgement if SEVERITY_RANK[judgement] < SEVERITY_RANK[configured] else configured


def _other_holders(facts: Facts, kb: KnowledgeBase, claim: RoleClaim, titled: dict[str, RoleClaim]
                   ) -> tuple[Related, ...]:
    """Other titles of the same office in the text (`titled`: each person's first bare one) that name
    its holder at the reference time: the other side of the one mistake (so office-conflict need
    not report it a second time)."""
    office, ref = claim.office, _reference(facts, claim)
    if office is None or ref is None:
        return ()
    person = claim.person.candidates[0]
    return tuple(Related(other.span, f"{_office(kb, office)} given to {' '.join(other.person.text.split())}")
                 for who, other in titled.items() if who != person and kb.held(who, office, ref) == "yes")


def _reference(facts: Facts, claim: RoleClaim) -> Interval | None:
    if meaning(claim) == "then":
        return claim.event_time.value if claim.event_time else None
    return facts.document_date.value


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
    if not holders:
        holders = sorted({kb.people[t.person].name for t in _successors_open(kb, office, ref) if t.person in kb.people})
        return f"; held by {', '.join(holders)} from before then (confirmed to {horizon(kb, office)})" if holders else ""
    return f"; held then by {', '.join(holders)}"


def _successors_open(kb: KnowledgeBase, office: str, ref: Interval) -> list[Term]:
    """Terms that began before `ref` and may still run: who held the office last, as far as known."""
    return [t for t in kb.terms_in(office)
            if t.start is not None and t.start.last <= ref.start and (t.end is None or t.end.last >= ref.start)]


def _term_order(t: Term) -> tuple[date, date]:
    return (t.start.start if t.start else Interval.year(1).start, t.end.start if t.end else Interval.year(9998).start)


def _term_evidence(kb: KnowledgeBase, person: str, office: str, terms: tuple[Term, ...]) -> list[Evidence]:
    return [Evidence("kb-term", f"{_name(kb, person)}, {_office(kb, office)}: {d}", src) for d, src in _distinct(terms)]


def _evidence(kb: KnowledgeBase, person: str, office: str, ref: Interval, ref_text: str) -> tuple[Evidence, ...]:
    rows = [Evidence("reference-time", ref_text)]
    rows += _term_evidence(kb, person, office, kb.terms_of(person, office))
    holders = kb.holders(office, ref) or tuple(_successors_open(kb, office, ref))
    for other in sorted({t.person for t in holders} - {person}):
        rows += _term_evidence(kb, other, office, tuple(t for t in holders if t.person == other))
    return tuple(rows)


CHECK = CheckKind(
    code='FC101', name='role-tenure', severity='error',
    summary='A person is named with an office they did not hold at the time the text refers to.',
    run=check, needs=frozenset({"roles", "times", "document_date"}), doc=__doc__ or "", examples=EXAMPLES,
    # "outgoing" stays right this many days after leaving office, "incoming" after taking it.
    options={"handover-days": HANDOVER_DAYS},
)
