"""Knowledge-base model: jurisdictions, offices with their titles, people, terms.

Everything here is immutable once loaded; the knowledge base is passed into the
stages that need it, never imported as a global.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Literal

from factcheck.dates import Interval

Held = Literal["yes", "no", "unknown"]

_FAR_PAST = date(1, 1, 1)
_FAR_FUTURE = date(9999, 12, 31)


def normalize_name(name: str) -> str:
    """Key for name lookups: case, accents, dots and spacing do not matter."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = plain.replace(".", " ").replace("\u2019", "'")
    return re.sub(r"\s+", " ", plain).strip().casefold()


def normalize_title(title: str) -> str:
    # str.split() splits on exactly the whitespace that \s matches, without a regex call: titles
    # are compared this way hundreds of times per document.
    return " ".join(title.replace(".", "").split()).casefold()


@dataclass(frozen=True)
class Jurisdiction:
    """A country or body whose offices the knowledge base knows."""

    code: str
    name: str
    cues: tuple[str, ...]  # words that place a title in this jurisdiction: "U.S.", "Indian", ...


@dataclass(frozen=True)
class Title:
    """One wording of an office's title, with the period in which it names the office."""

    text: str
    valid: Interval | None = None  # when this wording names the office (None: always)


@dataclass(frozen=True)
class Office:
    """An office with its jurisdiction, its titles, and whether it has one holder at a time."""

    id: str
    jurisdiction: str
    name: str
    single_holder: bool
    titles: tuple[Title, ...]
    source: str = ""


VARIANT = "~"  # marks an alias that is only a given-name variant ("~Timothy Geithner" for Tim Geithner)


@dataclass(frozen=True)
class Person:
    """A person with the names they are written under.

    Aliases starting with "~" are given-name variants from a list of short and formal names
    ("Timothy" for "Tim"): such a list pairs loose names too (robert / rupert), so a variant names
    the person only when a second fact agrees, the title's office being one the person held.
    """

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    qid: str = ""
    source: str = ""

    @property
    def surname(self) -> str:
        return self.name.split()[-1] if self.name else ""


@dataclass(frozen=True)
class Term:
    """One person holding one office. Dates are intervals at their written precision.

    start/end None means unknown. An open end with `confirmed_until` means the
    person was still in office on that day and nothing is known after it.
    """

    person: str
    office: str
    start: Interval | None
    end: Interval | None
    acting: bool = False
    confirmed_until: date | None = None
    source: str = ""
    note: str = ""
    end_from_successor: bool = False  # the end is only "no later than the next holder's start"

    def certain_span(self) -> tuple[date, date] | None:
        """Days on which the person certainly held the office (inclusive), if any."""
        if self.start is None:
            return None
        first = self.start.last
        if self.end is not None:
            last = self.end.start
        elif self.confirmed_until is not None:
            last = self.confirmed_until
        else:
            last = first
        return (first, last) if first <= last else None

    def possible_span(self) -> tuple[date, date]:
        """Days on which the person may have held the office (inclusive)."""
        first = self.start.start if self.start else _FAR_PAST
        last = self.end.last if self.end else _FAR_FUTURE
        return first, last

    def held(self, ref: Interval) -> Held:
        first, last = ref.start, ref.last
        certain = self.certain_span()
        if certain and certain[0] <= first and last <= certain[1]:
            return "yes"
        p_first, p_last = self.possible_span()
        if last < p_first or first > p_last:
            return "no"
        return "unknown"

    def describe(self) -> str:
        start = self.start.iso() if self.start else "?"
        if self.end is not None:
            end = f"{self.end.iso()} at the latest" if self.end_from_successor else self.end.iso()
        elif self.confirmed_until is not None:
            end = f"in office as of {self.confirmed_until.isoformat()}"
        else:
            end = "?"
        acting = " (acting)" if self.acting else ""
        return f"{start} to {end}{acting}"


def combine_held(values: Iterable[Held]) -> Held:
    values = list(values)
    if "yes" in values:
        return "yes"
    if values and all(v == "no" for v in values):
        return "no"
    return "unknown" if values else "no"


@dataclass(frozen=True)
class KnowledgeBase:
    """Who held which office when, with the indexes look-ups go through. Built from the data files
    by `build`; the compiled cache (kb/cache.py) fills the same fields with mappings it reads on
    demand."""

    jurisdictions: Mapping[str, Jurisdiction]
    offices: Mapping[str, Office]
    people: Mapping[str, Person]
    _terms: Sequence[Term]  # in load order
    # Filled by build() (or the cache), which fill every index.
    _by_person: Mapping[str, tuple[Term, ...]] = field(repr=False)
    _by_office: Mapping[str, tuple[Term, ...]] = field(repr=False)  # by start
    _names: Mapping[str, tuple[str, ...]] = field(repr=False)
    _titles: Mapping[str, tuple[str, ...]] = field(repr=False)
    _office_surnames: Mapping[str, Mapping[str, tuple[str, ...]]] = field(repr=False)  # office -> surname -> people

    @property
    def terms(self) -> tuple[Term, ...]:
        return tuple(self._terms)

    @classmethod
    def build(
        cls,
        jurisdictions: Iterable[Jurisdiction],
        offices: Iterable[Office],
        people: Iterable[Person],
        terms: Iterable[Term],
    ) -> KnowledgeBase:
        juris = {j.code: j for j in jurisdictions}
        office_map = {o.id: o for o in offices}
        person_map: dict[str, Person] = {}
        for p in people:
            old = person_map.get(p.id)
            if old is not None:  # the same person from two sources: keep every alias
                aliases = tuple(dict.fromkeys(old.aliases + p.aliases + (p.name,)))
                p = replace(old, aliases=tuple(a for a in aliases if a != old.name),
                            qid=old.qid or p.qid, source=old.source or p.source)
            person_map[p.id] = p
        term_list = close_open_ends(tuple(terms), office_map)
        by_person: dict[str, list[Term]] = defaultdict(list)
        by_office: dict[str, list[Term]] = defaultdict(list)
        for t in term_list:
            by_person[t.person].append(t)
            by_office[t.office].append(t)
        names: dict[str, list[str]] = defaultdict(list)
        for p in person_map.values():
            for n in (p.name, *p.aliases):
                if n.startswith(VARIANT):
                    continue  # a given-name variant is only a hint (see Person), never a name to look up
                key = normalize_name(n)
                if p.id not in names[key]:
                    names[key].append(p.id)
        titles: dict[str, list[str]] = defaultdict(list)
        for o in office_map.values():
            for title in o.titles:
                key = normalize_title(title.text)
                if o.id not in titles[key]:
                    titles[key].append(o.id)
        office_surnames: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        for t in term_list:
            person = person_map.get(t.person)
            if person is not None:
                office_surnames[t.office][person.surname.lower()].add(person.id)
        return cls(
            juris, office_map, person_map, term_list,
            {k: tuple(v) for k, v in by_person.items()},
            {k: tuple(sorted(v, key=_term_start)) for k, v in by_office.items()},
            {k: tuple(v) for k, v in names.items()},
            {k: tuple(v) for k, v in titles.items()},
            {k: {s: tuple(sorted(ids)) for s, ids in v.items()} for k, v in office_surnames.items()},
        )

    # -- look-ups -------------------------------------------------------
    def people_named(self, name: str) -> tuple[str, ...]:
        return self._names.get(normalize_name(name), ())

    def offices_titled(self, title: str) -> tuple[str, ...]:
        return self._titles.get(normalize_title(title), ())

    def holders_named(self, office: str, surname: str) -> tuple[str, ...]:
        """People of this surname (any case) who ever held the office."""
        by_surname = self._office_surnames.get(office)
        return by_surname.get(surname.lower(), ()) if by_surname else ()

    def terms_of(self, person: str, office: str | None = None) -> tuple[Term, ...]:
        terms = self._by_person.get(person, ())
        return tuple(t for t in terms if office is None or t.office == office)

    def terms_in(self, office: str) -> tuple[Term, ...]:
        return self._by_office.get(office, ())

    def who_held(self, people: Iterable[str], offices: Iterable[str]) -> tuple[str, ...]:
        """Those of `people` who held one of `offices` at some time."""
        wanted = set(offices)
        return tuple(p for p in people if any(t.office in wanted for t in self.terms_of(p)))

    def held(self, person: str, office: str, ref: Interval) -> Held:
        return combine_held(t.held(ref) for t in self.terms_of(person, office))

    def holders(self, office: str, ref: Interval) -> tuple[Term, ...]:
        """Terms certainly held during the reference time, when together they cover all of it.

        A day has the holders whose terms certainly include it. An interval (a document date
        inferred as a range) may span a change of holder: it is covered when the certain spans
        of the terms meeting it leave no day of it without a holder; otherwise nobody is known
        for all of it and the answer is empty.

        Terms of an office are kept sorted by start, so only the few that began just before the
        reference time are examined: the cost does not grow with the office's history. (In a
        multi-holder office this may miss a long-serving holder; callers only use the answer to
        name who held the office, or to abstain when nobody is known.)
        """
        terms = self.terms_in(office)
        i = bisect.bisect_right(terms, ref.last, key=_term_start)
        meeting: list[tuple[tuple[date, date], Term]] = []
        for t in terms[max(0, i - _HOLDER_WINDOW) : i]:
            span = t.certain_span()
            if span is not None and span[0] <= ref.last and ref.start <= span[1]:
                meeting.append((span, t))
        uncovered = ref.start  # the first day not yet known to have a holder
        for (first, last), _ in sorted(meeting, key=lambda pair: pair[0]):
            if first > uncovered:
                break
            uncovered = max(uncovered, last + timedelta(days=1))
            if uncovered > ref.last:
                return tuple(t for _, t in meeting)
        return ()


_HOLDER_WINDOW = 16


def _term_start(t: Term) -> date:
    return t.start.start if t.start is not None else _FAR_PAST


def close_open_ends(terms: tuple[Term, ...], offices: dict[str, Office]) -> tuple[Term, ...]:
    """An open term of a single-holder office ends where the same person's start-less row ends, else
    when the next holder starts.

    Acting holders do not close a substantive term (an acting secretary may fill
    in during an absence), and a term is never closed by a successor whose own
    start is unknown.
    """
    by_office: dict[str, list[Term]] = defaultdict(list)
    for t in terms:
        by_office[t.office].append(t)
    out: list[Term] = []
    for t in terms:
        office = offices.get(t.office)
        if t.end is not None or t.start is None or office is None or not office.single_holder:
            out.append(t)
            continue
        # The same person's row with an end but no start ("in office by 2022, resigned 2024-08-05")
        # is this term's end from another source, not a second term.
        own_ends = [s for s in by_office[t.office]
                    if s.person == t.person and s.start is None and s.end is not None and s.end.start > t.start.last]
        if own_ends:
            closing = min(own_ends, key=lambda s: s.end.start if s.end is not None else _FAR_PAST)
            out.append(replace(t, end=closing.end, source=f"{t.source} (start) ; {closing.source} (end)"))
            continue
        # The same person's open row without a start, seen in office later ("foreign minister since
        # 2004, start not verified; in office per a 2025 page"), is this term confirmed further, when
        # nobody else is recorded starting in the office in between.
        seen_later = [(s.confirmed_until, s.source) for s in by_office[t.office]
                      if s.person == t.person and s.start is None and s.end is None and s.confirmed_until is not None
                      and (t.confirmed_until is None or s.confirmed_until > t.confirmed_until)]
        start = t.start
        if seen_later:
            horizon, source = max(seen_later)
            others = [s for s in by_office[t.office] if s.person != t.person and s.start is not None
                      and start.start < s.start.start <= horizon]
            if not others:
                t = replace(t, confirmed_until=horizon, source=f"{t.source} ; in office {horizon.isoformat()}: {source}")
        later = [
            s.start for s in by_office[t.office]
            if s is not t and s.start is not None and not s.acting and s.person != t.person
            and s.start.start > start.last
        ]
        if later:
            nxt = min(later, key=lambda iv: iv.start)
            # The successor took office on some day in nxt; the predecessor held it at most until then.
            t = replace(t, end=nxt, end_from_successor=True)  # the same (immutable) interval object
        out.append(t)
    return tuple(out)
