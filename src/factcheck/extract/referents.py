"""Who the host or guest of an event is: the document's people, however the text refers back to them.

Participants of events are often not written as the full name the knowledge base knows:

    "Sheikh Mishal received Prince Faisal"        short forms of names the document gives in full
    "Putin hosts Xi in Moscow" (a headline)       a surname of the one person the story names in full
    "The president played host to ..."            a role noun: the one person the document named with the title
    "Saudi crown prince welcomes ..."             ... or with a rank that is no office ("Crown Prince X")
    "@FaisalbinFarhan"                            a handle that spells a name the document gives
    "Sheikh Salem Abdullah al-Jaber al-Sabah"     someone the knowledge base lacks, named in full after a
                                                  title, rank or honorific

Each resolves only when exactly one person of the document fits; otherwise the slot stays empty
(the event is not extracted: abstain). Pronouns are resolved only inside a quotation whose speaker
is known (extract/speakers.py, extract/events.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from factcheck.extract.gazetteer import Gazetteer
from factcheck.extract.people import ARTICLES, NOT_NAMES, PARTICLES, skip_honorifics
from factcheck.extract.tokens import Tokens, token_key, tokenize
from factcheck.facts import PersonMention, RoleClaim, Sentences, Span, sentence_at
from factcheck.kb.model import VARIANT, KnowledgeBase

_MAX_NAME = 12  # tokens of one name ("Mishal al-Ahmad al-Jaber al-Sabah" is ten)


# eq=False: people of a document are told apart by their key, never compared whole.
@dataclass(frozen=True, slots=True, eq=False)
class Person:
    """One person the document names, with everything it names them by."""

    key: str  # knowledge-base ids, or the folded full name of someone the knowledge base lacks
    ids: tuple[str, ...]
    name: str  # the full name as the document first writes it
    parts: frozenset[str]  # keys of the name's words, particles left out ("faisal", "farhan")
    glued: str  # the name's letters run together ("faisalbinfarhan"), as a handle writes it
    titles: frozenset[str]  # office ids and rank keys ("crown prince") the document gives them


# eq=False: a participant found at one place in the text, never compared.
@dataclass(frozen=True, slots=True, eq=False)
class Slot:
    """A participant found in the text: who, where, and how the text named them."""

    person: Person
    start: int  # token indices [start, end)
    end: int
    via: str  # "full-name", "named", "short-form", "role-noun", "handle"


# eq=False: one cast per document, never compared (its people are).
@dataclass(frozen=True, slots=True, eq=False)
class Cast:
    """The people of one document, and the means to resolve a reference to one of them."""

    people: tuple[Person, ...]
    kb: KnowledgeBase = field(repr=False)
    # The people by knowledge-base ids, by folded full name and by name word: a reference is looked up,
    # not compared with everyone the document names (a speech verb asks for its subject, and a long
    # text names hundreds of people).
    _by_ids: dict[tuple[str, ...], Person] = field(init=False, repr=False, compare=False)
    _by_name: dict[str, list[Person]] = field(init=False, repr=False, compare=False)
    _by_part: dict[str, list[Person]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_ids: dict[tuple[str, ...], Person] = {}
        by_name: dict[str, list[Person]] = {}
        by_part: dict[str, list[Person]] = {}
        for p in self.people:
            by_ids.setdefault(p.ids, p)  # the first, as a scan of the list finds
            by_name.setdefault(fold(p.name), []).append(p)
            for part in p.parts:
                by_part.setdefault(part, []).append(p)
        object.__setattr__(self, "_by_ids", by_ids)  # a frozen record, built once
        object.__setattr__(self, "_by_name", by_name)
        object.__setattr__(self, "_by_part", by_part)

    def with_ids(self, ids: tuple[str, ...]) -> Person | None:
        """The first person of the cast with exactly these ids (asked at every token a participant may start at)."""
        return self._by_ids.get(ids)

    def mention(self, prose: str, tokens: Tokens, sentences: Sentences, slot: Slot) -> PersonMention:
        start, end = tokens[slot.start].start, tokens[slot.end - 1].end
        p = slot.person
        return PersonMention(prose[start:end], Span(start, end), sentence_at(sentences, start), p.ids, slot.via,
                             "" if p.ids and slot.via == "full-name" else p.name)

    def at(self, prose: str, tokens: Tokens, i: int, gaz: Gazetteer, stop: int | None = None) -> Slot | None:
        """The person a reference starting at token i (and ending by token `stop`) names:
        [the] [country|modifier]* [TITLE|RANK] [honorific]* (NAME | @handle), or the role noun alone."""
        n = len(tokens) if stop is None else min(stop, len(tokens))
        if i > 0 and _inside_name(prose, tokens, i):
            return None  # "Biden" of "Jill Biden" is not a short form of "Joe Biden"
        j = i
        if tokens.key(j) in ARTICLES and j + 1 < n:
            j += 1
        if not _may_start(tokens, j, gaz):
            return None  # what follows reads neither a name, a title, a rank, a country nor a handle here
        cue: str | None = None
        while j < n:  # "the ex-British", "Saudi", "Kuwait's"
            key = tokens.key(j)
            if (key in gaz.lexicon.modifiers or key in gaz.lexicon.fillers or key in ("'s", "\u2019s")
                    or (j > i and tokens.text(j) == "-" and tokens.joined(j - 1, j))):
                j += 1
                continue
            found = gaz.cue_starting_at(tokens, j, prose)
            if found is None:
                break
            j, cue = found
        if j >= n:
            return None
        titles: list[str] = []
        word = tokens.is_word(j)
        title = gaz.titles.match(tokens, j, prose) if word else None
        style = gaz.styles.match(tokens, j, prose) if word else None
        if title is not None:
            titles, j = [o for o in title[1] if cue is None or self._in(o, cue)], title[0]
        elif style is not None:
            titles, j = list(style[1]), style[0]
            if j + 1 < n and tokens.key(j) == "of" and (found := gaz.cue_starting_at(tokens, j + 1, prose)):
                j = found[0]  # "The Crown Prince of Kuwait"
        if j > n:
            return None
        introduced = j > i
        k = min(_honorifics_end(prose, tokens, j, gaz), n) if j < n else j
        introduced = introduced or k > j
        if k < n and tokens.text(k) == "@" and k + 1 < n and tokens.start(k + 1) == tokens.end(k):
            handle = tokens.key(k + 1)
            found_people = [p for p in self.people if p.glued == handle]
            return Slot(found_people[0], i, k + 2, "handle") if len(found_people) == 1 else None
        end = min(name_end(prose, tokens, k), n) if k < n else k
        if end == k:
            if not titles or (k < n and tokens.is_capitalized(k) and tokens.joined(k - 1, k)):
                return None
            holders = [p for p in self.people if p.titles.intersection(titles)]
            return Slot(holders[0], i, k, "role-noun") if len(holders) == 1 else None
        person, via = self._named(prose, tokens, k, end, gaz, introduced)
        return Slot(person, i, end, via) if person is not None else None

    def _in(self, office: str, cue: str) -> bool:
        found = self.kb.offices.get(office)
        return found is not None and found.jurisdiction == cue

    def _named(self, prose: str, tokens: Tokens, k: int, end: int, gaz: Gazetteer,
               introduced: bool) -> tuple[Person | None, str]:
        known = gaz.names.match(tokens, k, prose)
        if known is not None and known[0] == end:
            ids = tuple(sorted({pid for pid in known[1] if not pid.startswith(VARIANT)}))
            if ids:
                same = self.with_ids(ids)
                return (same or _person(ids, prose[tokens[k].start : tokens[end - 1].end], ())), "full-name"
        text = prose[tokens[k].start : tokens[end - 1].end]
        exact = self._by_name.get(fold(text), [])
        if len(exact) == 1:
            return exact[0], "full-name" if exact[0].ids else "named"
        words = _parts(text)
        fits = [p for p in min((self._by_part.get(w, []) for w in words), key=len) if words <= p.parts] if words else []
        if len(fits) == 1:
            return fits[0], "short-form"
        # Someone the knowledge base lacks, named in full after a title or rank; a country among the
        # words makes it a headline's phrase ("King Charles France visit"), not a name.
        if introduced and not fits and _name_like(text, gaz):
            return _person((), text, ()), "named"
        return None, ""


def token_from(tokens: Tokens, offset: int) -> int:
    """The index of the first token starting at or after `offset`."""
    return tokens.first_from(offset)


def token_at(tokens: Tokens, offset: int) -> int | None:
    """The index of the token starting at `offset`, if one does."""
    index = token_from(tokens, offset)
    return index if index < len(tokens) and tokens[index].start == offset else None


def _inside_name(prose: str, tokens: Tokens, i: int) -> bool:
    # After a capitalised word ("Jill" of "Jill Biden").
    return (tokens.is_capitalized(i) and tokens.is_capitalized_word(i - 1) and tokens.key(i - 1) not in NOT_NAMES
            and tokens.joined(i - 1, i))


def _may_start(tokens: Tokens, j: int, gaz: Gazetteer) -> bool:
    """Whether a reference can go on at token j (after its article): a capitalised word, or the first word of
    a modifier, filler, cue, title, rank or honorific, or a handle's "@". Asked at every word before a verb
    (events.py tries each as the start of its subject), so it reads keys only: most words are none of these."""
    if tokens.is_capitalized(j):
        return True
    key, lexicon = tokens.key(j), gaz.lexicon
    return (key in lexicon.modifiers or key in lexicon.fillers or key in gaz.cue_firsts or key in gaz.titles.first_keys
            or key in gaz.styles.first_keys or key in gaz.honorifics.first_keys or key in ("'s", "@", "-"))


def _honorifics_end(prose: str, tokens: Tokens, j: int, gaz: Gazetteer) -> int:
    """After ranks and honorifics before a name or a handle ("HH Prince @FaisalbinFarhan")."""
    while j + 1 < len(tokens) and tokens.key(j) in gaz.honorifics.first_keys:
        k = skip_honorifics(prose, tokens, j, gaz)
        if k > j:
            j = k
            continue
        found = gaz.honorifics.match(tokens, j, prose)
        if found is None or found[0] >= len(tokens) or tokens.text(found[0]) != "@":
            break
        j = found[0]
    return j


def cast(prose: str, tokens: Tokens, mentions: tuple[PersonMention, ...], roles: tuple[RoleClaim, ...],
         kb: KnowledgeBase, gaz: Gazetteer) -> Cast:
    """The people a document names in full, with the titles and ranks it gives them."""
    found: dict[str, Person] = {}

    def add(person: Person) -> None:
        old = found.get(person.key)
        if old is None:
            found[person.key] = person
        else:
            found[person.key] = Person(old.key, old.ids, old.name, old.parts | person.parts, old.glued,
                                       old.titles | person.titles)

    for m in mentions:
        if m.candidates and (m.via == "full-name" or m.via.endswith("-office")):
            add(_person(m.candidates, m.text, ()))
    for r in roles:
        person = r.person
        if person.candidates:
            add(_person(person.candidates, person.text, r.offices))
        elif person.via == "unknown":
            # The whole name, particles included ("Omar Salim al-Rashidi", where the claim stops at "al").
            start = token_at(tokens, person.span.start)
            name = prose[person.span.start : tokens[name_end(prose, tokens, start) - 1].end] if start is not None else person.text
            if _name_like(name, gaz):
                add(_person((), name, r.offices))
    # Ranks and honorifics before a name: "Crown Prince Sheikh Mishal al-Ahmad al-Jaber al-Sabah".
    provisional = Cast(tuple(found.values()), kb)
    firsts = gaz.styles.first_keys
    for i in tokens.where(firsts, gaz.honorifics.first_keys):
        if tokens[i].is_capitalized:
            slot = provisional.at(prose, tokens, i, gaz)
            style = gaz.styles.match(tokens, i, prose)
            if slot is not None and slot.via in ("full-name", "named"):
                add(Person(slot.person.key, slot.person.ids, slot.person.name, slot.person.parts, slot.person.glued,
                           frozenset(style[1]) if style else frozenset()))
    return Cast(tuple(found.values()), kb)


def _person(ids: tuple[str, ...], name: str, titles: tuple[str, ...]) -> Person:
    key = ",".join(ids) if ids else "name:" + fold(name)
    return Person(key, ids, name, _parts(name), "".join(ch for ch in fold(name) if ch.isalnum()), frozenset(titles))


def _name_like(text: str, gaz: Gazetteer) -> bool:
    """Whether capitalised words can be the full name of someone the knowledge base lacks: two words or
    more, no country among them (a headline's "King Charles France visit") and no title at the start
    ("Permanent Representative")."""
    words = text.split()
    if len(_parts(text)) < 2 or any((token_key(w),) in gaz.cues for w in words):
        return False
    tokens = tokenize(text)
    return gaz.titles.match(tokens, 0, text) is None and gaz.styles.match(tokens, 0, text) is None


def fold(text: str) -> str:
    """A name compared without case or spacing ("al-Sabah" = "Al-Sabah")."""
    return " ".join(text.casefold().replace("\u2019", "'").split())


def _parts(name: str) -> frozenset[str]:
    """The words a short form may take from a name: "al-Sabah" gives "sabah", but a hyphenated given
    name stays one word ("Yoon-ok" is not "Yoon")."""
    words = []
    for word in name.split():
        pieces = word.split("-")
        while len(pieces) > 1 and pieces[0].lower() in PARTICLES:
            pieces = pieces[1:]
        words.append(token_key("-".join(pieces)))
    return frozenset(w for w in words if w and w not in PARTICLES and w[0].isalpha())


def name_end(prose: str, tokens: Tokens, i: int) -> int:
    """End of a run of capitalised name words at token i, with particles and hyphens
    ("Mishal al-Ahmad al-Jaber al-Sabah", "Lee Myung-bak", "Kim Keon Hee")."""
    n = len(tokens)
    j = i
    while j < n and j - i < _MAX_NAME:
        text, key = tokens.text(j), tokens.key(j)
        if j > i and not tokens.joined(j - 1, j):
            break
        if j > i and (text == "-" or key in PARTICLES) and j + 1 < n and tokens.joined(j, j + 1):
            j += 1  # "al-Sabah", "bin Farhan", "Myung-bak"
            continue
        if j > i and tokens.text(j - 1) == "-" and text[0].isalpha():
            j += 1  # the lower-case second part of a hyphenated given name ("Myung-bak")
            continue
        if not (text[0].isupper() and text[0].isalpha()) or key in NOT_NAMES:
            break
        if text.isupper() and len(text) > 3:
            break  # headline capitals are not names
        j += 1
    while j > i and (tokens.text(j - 1) == "-" or tokens.key(j - 1) in PARTICLES):
        j -= 1
    return j
