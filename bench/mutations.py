"""Mutations written at the text level, independent of factcheck's extractor.

Each mutation is a spec: where in a document to replace what by what, which rule must then report
it, and a note. The places come from bench/textpatterns.py (regular expressions over the raw text),
never from what the extractor understood, so a construct the extractor misses is a missed mutation,
not a skipped one. Kinds:

    holder-swap         in a title-name phrase (either form) whose name is the holder of the title's office
                        at the date (by the knowledge base), the name replaced by a predecessor in that
                        office whose every term of it ended at least a year before the date: the stale
                        title a pasted old paragraph has                                             -> FC101
    variant-formal      the same, the holder written with the formal first name ("William Clinton")  -> FC101
    variant-nickname    the same, with a nickname of the first name ("Dick Cheney" -> "Rick Cheney")  -> FC101
    variant-middle-initial  the same, with a middle initial ("James A. Baker"; the one the knowledge base
                        writes when it has one, else a letter drawn from the name)                    -> FC101
    variant-initial     the same, with the first name as an initial ("J. Carter")                     -> FC101
    variant-no-accents  the same, without accents ("Jose Luis Rodriguez Zapatero")                    -> FC101
                        (variants count only where the plain swap at that place was caught, so their
                        recall measures the reading of the variant, not the swap)
    weekday             a wrong weekday written before a full date, or the weekday written shifted    -> FC104
    range               a day range reversed ("3-5 March" -> "5-3 March")                            -> FC105
    tense               "was/were VERBed on <past date>" -> "will be VERBed on ..." (a date without
                        a year is read in the document's year)                                       -> FC106
    attribution         two sentences appended, in one of several wordings, crediting one visit of a
                        person the text names to two different people the text names                 -> FC103

Names come from the knowledge base (its people and their terms); nicknames from the table below.
"""

from __future__ import annotations

import hashlib
import random
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

import textpatterns
from factcheck.dates import Interval
from factcheck.kb.model import KnowledgeBase, normalize_title

RULE_OF = {
    "holder-swap": "FC101", "variant-formal": "FC101", "variant-nickname": "FC101", "variant-middle-initial": "FC101",
    "variant-initial": "FC101", "variant-no-accents": "FC101", "weekday": "FC104", "range": "FC105", "tense": "FC106", "attribution": "FC103",
}

# Wordings of an invitation or a hosted visit, first and second mention: {host}, {guest}, {place}. Both
# sentences of a pair credit the same role (inviter, or host), so two names make a contradiction; an
# invitation from one person and a reception by another would not (the real-news set has such pairs).
ATTRIBUTION = (
    ("{host} has invited {guest} to {place}.", "{guest} will travel to {place} at the invitation of {host}."),
    ("{guest}'s visit to {place} follows an invitation from {host}.", "{guest} was invited to {place} by {host}."),
    ("{host} will host {guest} in {place} next month.", "{guest} travels to {place} as the guest of {host}."),
    ("{guest} accepted an invitation from {host} to visit {place}.", "{guest} is visiting {place} at {host}'s invitation."),
    ("{host} invited {guest} to visit {place}.", "{guest} will visit {place} on the invitation of {host}."),
)
RECENT = 3  # predecessors a swap draws from
_LETTERS = "BCDEFGHJKLMNPRSTW"  # middle initials to draw from
_STYLES = frozenset({"Lord", "Lady", "Sir", "Dame", "Baroness", "Baron", "Earl", "Viscount", "Sheikh", "King", "Queen"})
PLACES = ("the United States", "India", "Britain", "Japan", "France", "Germany", "Brazil", "Canada")


@dataclass(frozen=True)
class Mutation:
    kind: str
    doc_id: str
    start: int  # replaced span of the clean text
    end: int
    replacement: str
    note: str
    original_sha: str = ""  # for specs read from a file: hash of the clean text they replace

    @property
    def rule(self) -> str:
        return RULE_OF[self.kind]

    def apply(self, text: str) -> str:
        return text[: self.start] + self.replacement + text[self.end :]


def strip_accents(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


# English first names and the formal names they stand for, as newsrooms write them. (The given-name
# variants list in ../shared relates names in both directions and to unrelated names, "George" and
# "Georgine", so it cannot say which is the formal one.)
NICKNAMES = {
    "al": "albert", "alex": "alexander", "andy": "andrew", "ben": "benjamin", "bill": "william", "bob": "robert",
    "chris": "christopher", "dan": "daniel", "dave": "david", "dick": "richard", "don": "donald", "ed": "edward",
    "jerry": "gerald", "jim": "james", "jimmy": "james", "joe": "joseph", "ken": "kenneth", "larry": "lawrence",
    "liz": "elizabeth", "matt": "matthew", "mike": "michael", "nick": "nicholas", "pete": "peter", "ron": "ronald",
    "sam": "samuel", "steve": "stephen", "ted": "edward", "tim": "timothy", "tom": "thomas", "tony": "anthony",
}


@dataclass(frozen=True)
class NameVariants:
    """First-name variants: nickname -> formal name, formal name -> its nicknames (lower case)."""

    formal: dict[str, str]
    nicknames: dict[str, tuple[str, ...]]

    @classmethod
    def of(cls, table: dict[str, str]) -> NameVariants:
        nick: dict[str, list[str]] = {}
        for short, full in table.items():
            nick.setdefault(full, []).append(short)
        return cls(dict(table), {k: tuple(sorted(v)) for k, v in nick.items()})

    def variants(self, name: str, with_middle: str | None = None) -> dict[str, str]:
        """Each variant kind this name allows, written out; `with_middle` is the name with its middle
        initial when the knowledge base writes one."""
        words = name.split()
        out: dict[str, str] = {}
        if strip_accents(name) != name:
            out["variant-no-accents"] = strip_accents(name)
        if len(words) < 2 or not words[0].isalpha() or words[0] in _STYLES or re.search(r"-[a-z]", words[-1]):
            return out  # "Lord Carrington", "Moon Jae-in" (family name first): no first name to vary
        first, rest = words[0].lower(), " ".join(words[1:])
        if first in self.formal:
            out["variant-formal"] = f"{self.formal[first].title()} {rest}"
        if first in self.nicknames:
            out["variant-nickname"] = f"{self.nicknames[first][0].title()} {rest}"
        if len(words) == 2:
            # The true initial when known; else one drawn from the name, so the draw does not move the seed's
            # other choices (the checker cannot know an initial its sources never write either).
            letter = _LETTERS[int(hashlib.sha1(name.encode()).hexdigest(), 16) % len(_LETTERS)]
            out["variant-middle-initial"] = with_middle or f"{words[0]} {letter}. {words[1]}"
        out["variant-initial"] = f"{words[0][0]}. {rest}"
        return out


@dataclass(frozen=True)
class Generator:
    """Everything the mutations need from the knowledge base, prepared once."""

    kb: KnowledgeBase
    patterns: tuple[re.Pattern[str], re.Pattern[str]]
    cues: frozenset[str]
    cue_jurisdictions: dict[str, str]  # normalised cue -> jurisdiction code
    variants: NameVariants
    host_names: tuple[str, ...]

    @classmethod
    def build(cls, kb: KnowledgeBase, variants: NameVariants) -> Generator:
        titles = {t.text for o in kb.offices.values() for t in o.titles}
        cue_jurisdictions = {normalize_title(c): j.code for j in kb.jurisdictions.values() for c in j.cues}
        cues = frozenset(cue_jurisdictions)
        hosts = tuple(sorted(p.name for p in kb.people.values() if len(p.name.split()) == 2))
        return cls(kb, textpatterns.compile_title_names(titles, cues), cues, cue_jurisdictions, variants, hosts)

    def held_offices(self, title: str, cue: str | None, name: str, day: date) -> tuple[str, ...]:
        """The offices with this title (placed by the cue) that the person so named holds at `day` by the
        knowledge base (a name alone after the title is a surname of a holder of that office), or the one
        office of the title that nobody is known to hold then, when the name is unknown."""
        kb = self.kb
        offices = kb.offices_titled(title)
        juris = self.cue_jurisdictions.get(normalize_title(cue)) if cue else None
        if juris is not None:
            offices = tuple(o for o in offices if kb.offices[o].jurisdiction == juris)
        flat = " ".join(name.split())
        on = Interval(day, day)
        out = []
        known = False
        for office in offices:
            people = kb.people_named(flat) if " " in flat else kb.holders_named(office, flat)
            known = known or bool(people)
            if any(t.held(on) == "yes" for pid in people for t in kb.terms_of(pid, office)):
                out.append(office)
        # A name the knowledge base does not know, after a title that places one office with nobody known
        # to hold it that day: most likely its holder, missing from the knowledge base ("Commerce Secretary
        # Malcolm Baldrige" in 1987). A predecessor put there is as stale, and the checker must see it too.
        if not out and not known and len(offices) == 1 and not kb.holders(offices[0], on) \
                and kb.offices[offices[0]].single_holder:
            out.append(offices[0])
        return tuple(out)

    def predecessors(self, offices: tuple[str, ...], day: date) -> list[str]:
        """Names of the people who held these offices before, every term of them ended at least a year before
        `day`, never acting, the RECENT latest of them: the stale title real copy has (a holder to come would be an error no writer makes)."""
        kb = self.kb
        window = Interval(day - timedelta(days=365), date.max)
        last: dict[str, date] = {}  # name -> the last day known of the person's terms
        for office in offices:
            for t in kb.terms_in(office):
                if t.acting or t.person not in kb.people or t.end is None:
                    continue
                if all(x.held(window) == "no" for o in offices for x in kb.terms_of(t.person, o)):
                    name = kb.people[t.person].name
                    last[name] = max(last.get(name, date.min), t.end.last)
        # The few most recent: a pasted paragraph is a few years old, not a century.
        return sorted(sorted(last, key=lambda n: (last[n], n))[-RECENT:])

    def middle_initial_form(self, name: str) -> str | None:
        """The person's name with a middle initial, as the knowledge base writes it, if it does."""
        for pid in self.kb.people_named(name):
            person = self.kb.people[pid]
            for alias in (person.name, *person.aliases):
                words = alias.split()
                if len(words) == 3 and words[0] == name.split()[0] and words[2] == name.split()[-1] \
                        and re.fullmatch(r"[A-Z]\.", words[1]):
                    return alias
        return None

    def mutations(self, doc_id: str, text: str, day: date | None, rng: random.Random) -> Iterator[Mutation]:
        """At most one mutation of each kind for this document, at a place chosen with `rng`."""
        found = textpatterns.find_title_names(text, self.patterns, self.cues)
        if day is not None:
            yield from self._swaps(doc_id, text, day, found, rng)
        yield from self._weekday(doc_id, text, rng)
        yield from self._range(doc_id, text, rng)
        if day is not None:
            yield from self._tense(doc_id, text, day, rng)
        yield from self._attribution(doc_id, text, found, rng)

    def _swaps(self, doc_id: str, text: str, day: date, found: list[textpatterns.TitleName],
               rng: random.Random) -> Iterator[Mutation]:
        sites = [f for f in found if f.modifier is None and not f.quoted]
        rng.shuffle(sites)
        for site in sites:
            offices = self.held_offices(site.title, site.cue, site.name, day)
            if not offices:
                continue  # not the office's holder at the date (a company's president, an unknown name)
            others = [n for n in self.predecessors(offices, day) if n not in text and n.split()[-1] not in text]
            if not others:
                continue
            other = rng.choice(others)
            note = f"{site.title} {' '.join(site.name.split())} -> {other}"
            yield Mutation("holder-swap", doc_id, site.name_start, site.name_end, other, note)
            for kind, written in sorted(self.variants.variants(other, self.middle_initial_form(other)).items()):
                yield Mutation(kind, doc_id, site.name_start, site.name_end, written, f"{note} written {written}")
            return

    def _weekday(self, doc_id: str, text: str, rng: random.Random) -> Iterator[Mutation]:
        dates = list(textpatterns.find_full_dates(text))
        if not dates:
            return
        d = rng.choice(dates)
        wrong = textpatterns.WEEKDAYS[(d.day.weekday() + rng.choice((1, 2, 3, 4, 5, 6))) % 7]
        if d.weekday is not None and d.weekday_start is not None:
            s = d.weekday_start
            yield Mutation("weekday", doc_id, s, s + len(d.weekday), wrong, f"{d.weekday} -> {wrong} ({d.day})")
        else:
            s = d.date_start
            yield Mutation("weekday", doc_id, s, s, f"{wrong}, ", f"{wrong} written before {d.day}")

    def _range(self, doc_id: str, text: str, rng: random.Random) -> Iterator[Mutation]:
        ranges = list(textpatterns.find_day_ranges(text))
        if ranges:
            r = rng.choice(ranges)
            new = f"{r.second}{r.separator}{r.first}"
            yield Mutation("range", doc_id, r.start, r.end, new, f"{text[r.start:r.end]} -> {new}")

    def _tense(self, doc_id: str, text: str, day: date, rng: random.Random) -> Iterator[Mutation]:
        written = [(d.start, d.day) for d in textpatterns.find_full_dates(text)]
        # A date without a year in a dated story is read in the story's year (Reuters writes "on March 2").
        written += [(s, d) for s, _, d in textpatterns.find_month_days(text, day.year)]
        sites = []
        for start, when in written:
            if when >= day:
                continue
            before = text[max(0, start - 40) : start]
            m = re.search(r"\b(was|were)\s+([a-z]+ed|held|made|set|sent|paid|won|given|taken|met|told|sold|cut)\s+(on\s+)$",
                          before)
            if m:
                s = start - len(before) + m.start()
                sites.append((s, start, f"will be {m.group(2)} {m.group(3)}", f"{m.group().strip()} -> will be ({when})"))
        if sites:
            s, e, new, note = rng.choice(sites)
            yield Mutation("tense", doc_id, s, e, new, note)

    def _attribution(self, doc_id: str, text: str, found: list[textpatterns.TitleName],
                     rng: random.Random) -> Iterator[Mutation]:
        names = sorted({f.name for f in found if len(f.name.split()) >= 2})
        if not names:
            return
        guest = rng.choice(names)
        hosts = [n for n in names if n != guest]
        if len(hosts) < 2:  # too few people named: hosts the knowledge base knows
            hosts = [n for n in self.host_names if n != guest and n not in text]
        first, second = rng.sample(hosts, 2)
        place = rng.choice(PLACES)
        one, two = rng.choice(ATTRIBUTION)
        addition = "\n\n" + one.format(host=first, guest=guest, place=place) + " " + two.format(host=second, guest=guest, place=place) + "\n"
        yield Mutation("attribution", doc_id, len(text), len(text), addition, f"{first} / {second} for {guest} ({place})")
