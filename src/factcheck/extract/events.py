"""Event claims: who invited or hosted whom, where and when.

    "Y ... following an invitation from X"      agent after the trigger, patient = the sentence's first person
    "X has invited Y to the U.S."                agent before the trigger, patient after it

Pronouns are not resolved ("he invited him" gives no event: abstain), except inside a quotation whose
speaker is known (extract/speakers.py): "I" and "me" are the speaker, "you" the one guest of the
speaker's event just before the quotation (or the one it addresses: '"Prime Minister X, I ..."').

A visit noun with no host beside it ("Y's visit to Z", "an official visit by Y") takes its host from
the document: see `_noun_event`. Such a host is marked `via="context"`, and FC103 never compares it.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from itertools import chain
from operator import attrgetter, itemgetter
from typing import NamedTuple

from factcheck.extract.gazetteer import Gazetteer
from factcheck.extract.people import ARTICLES
from factcheck.extract.referents import cast, token_at, token_from
from factcheck.extract.speakers import Quotations, quote_speakers
from factcheck.extract.tokens import PhraseMatcher, Tokens, phrase_keys, token_key
from factcheck.facts import EventClaim, PersonMention, RoleClaim, Sentences, Span, TimeExpr, covered, sentence_at
from factcheck.kb.model import KnowledgeBase
from factcheck.lazyre import lazy
from factcheck.lexicon import EventWords
from factcheck.temporal import TimesBySentence, nearest_time

_LINK_WORDS = frozenset({"", "the", "a", "an", "also", "has", "had", "have", "formally", "personally", "recently", "already"})
# Words that may stand between a trigger and its guest ("welcomed Chinese leader Xi Jinping") ...
_DESCRIPTORS = frozenset({"leader", "counterpart", "his", "her", "their", "its", "visiting", "fellow", "guest", "de", "facto",
                          "ruler", "host"})
# Nouns that may close an apposition before the name: "Saudi Arabia's de facto ruler, Crown Prince X".
_APPOSED = frozenset({"leader", "counterpart", "ruler", "host"})
_CLAUSE_OPENERS = frozenset({"that", "which"})
_THING_OPENERS = frozenset({"which"})
_COORDINATORS = frozenset({"and", "but", "while", "whereas"})
_PASSIVE = frozenset({"was", "were", "been", "being", "be", "is", "are"})
# ... and between a host and the trigger ("Joe Biden on Thursday received ...").
_WHEN = frozenset({"on", "today", "yesterday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                   "sunday", "will", "would", "then", "later", "earlier"})
# A verb of travel before its destination ("visited the", "flew to"): the pattern reads any word
# (group `verb`) and `travels` looks it up, which compiles in a fraction of the time of spelling the
# verbs out (compiling is Python code run in every process).
_DESTINATION = lazy(r"\b(?P<verb>[a-z]+)\s+(?:to\s+|in\s+)?(?:the\s+)?", re.IGNORECASE)
_TRAVEL_VERBS = frozenset({
    "visit", "visits", "visited", "visiting", "trip", "travel", "travels", "travelled", "traveled", "travelling", "tour",
    "arrive", "arrives", "arrived", "arriving", "came", "come", "comes", "coming", "flew", "fly", "flies", "flying",
    "land", "lands", "landed", "landing", "heads", "headed", "heading", "went", "go", "goes", "going", "journey",
    "journeys", "journeyed", "stay", "stays", "stayed", "staying"})
# The letters outside ASCII that re.IGNORECASE matches with `[a-z]` (long s, Kelvin sign, dotless i,
# dotted capital I), as the ASCII letters they stand for: the look-up folds as the pattern did.
_IGNORECASE_ASCII = str.maketrans({"\u017f": "s", "\u212a": "k", "\u0131": "i", "\u0130": "i"})
# "..., the White House said on Monday": the time of the report, not of the invitation or visit.
_REPORTED = lazy(
    r"\b(?:said|says|announced|announces|told\s+(?:\w+\s+)?(?:reporters|journalists|lawmakers)|stated|confirmed|reported|added)"
    r"\s+(?:(?:late|early|earlier)\s+)?$", re.I)
# Between the subject and a non-finite trigger ("to host", "welcoming"): "I am honoured to be the first
# to host you", "I look forward to welcoming X".
_CONTROL = frozenset({"look", "looks", "looked", "looking", "forward", "to", "am", "is", "are", "was", "were", "be",
                      "honoured", "honored", "pleased", "delighted", "glad", "proud", "happy", "privileged", "excited",
                      "thrilled", "eager", "first"})
_FIRST_PERSON = frozenset({"i", "me"})
_AFTER_VOCATIVE = frozenset({"i", "we", "you", "welcome", "thank", "congratulations"})
_PLURAL_AFTER = frozenset({"all", "both", "two", "three", "each", "together", "guys"})  # "you all", "you both"
# Words between a determiner and a visit noun: "Takaichi's first visit", "an official two-day visit".
_VISIT_ADJECTIVES = frozenset({"first", "second", "third", "official", "state", "working", "maiden", "historic", "recent",
                               "planned", "upcoming", "latest", "last", "next", "brief", "formal", "private", "two",
                               "three", "four", "five", "day", "-", "bilateral", "landmark", "reciprocal", "return",
                               "previous", "scheduled", "proposed", "long-awaited", "awaited"})
# Participants the text names where they stand (not a role noun, a handle or a pronoun).
_NAMED = frozenset({"full-name", "named", "short-form", "surname", "unknown"})
_DETERMINERS = frozenset({"a", "an", "the", "his", "her", "their", "its", "this", "that", "'s", "\u2019s"})
_TO_PLACE = lazy(r"\s*(?:to|in|at)\s+(?:visit\s+)?(?:the\s+)?", re.IGNORECASE)


def build_triggers(gaz: Gazetteer) -> PhraseMatcher:
    return PhraseMatcher(
        (phrase_keys(words), f"{ev.kind}:{side}")
        for ev in gaz.lexicon.events
        for side, phrases in (("after", ev.agent_after), ("before", ev.agent_before), ("possessive", ev.agent_possessive))
        for words in phrases
    )


class _Found(NamedTuple):
    mention: PersonMention
    key: str  # who: knowledge-base ids, or the full name of someone it lacks
    end: int  # token index after the reference
    start: int  # token index of the reference's first token


class _Record(NamedTuple):
    """An event found in the text, with who its participants are (the visit nouns' context): the keys,
    not the `_Found` of each participant (with the fields the event repeated, about 260 bytes an event
    of a long text, all kept until its last visit noun)."""

    event: EventClaim
    agent_key: str  # see `_Found.key`
    patient_key: str
    agent: PersonMention  # the event's own (its fields are optional)
    patient: PersonMention


class _Starts:
    """People by the offset their reference starts at, as two columns sorted by offset: a dict took
    about 70 bytes an entry (its keys are int objects of their own), this 16, and a long text names
    tens of thousands of people. `people` must come in the order of their offsets (find_people gives
    mentions and role claims in text order); of two at one offset the later is taken, as a dict
    would."""

    __slots__ = ("_offsets", "_people")

    def __init__(self, people: Iterable[tuple[int, PersonMention]]) -> None:
        self._offsets = array("q")
        self._people: list[PersonMention] = []
        for offset, person in people:
            self._offsets.append(offset)
            self._people.append(person)

    def get(self, offset: int) -> PersonMention | None:
        k = bisect_right(self._offsets, offset) - 1
        return self._people[k] if k >= 0 and self._offsets[k] == offset else None


class _Reader:
    """Participants of the events of one document: its mentions, role claims and cast of people."""

    def __init__(self, prose: str, tokens: Tokens, sentences: Sentences, mentions: tuple[PersonMention, ...],
                 roles: tuple[RoleClaim, ...], gaz: Gazetteer, kb: KnowledgeBase) -> None:
        self.prose, self.tokens, self.sentences, self.gaz = prose, tokens, sentences, gaz
        self.cast = cast(prose, tokens, mentions, roles, kb, gaz)
        self.pronouns: dict[int, _Found] = {}  # "I", "me", "you" of a quotation, by token index
        self.mentions = _Starts((m.span.start, m) for m in mentions if m.candidates)
        # A mention introduced by a title starts where the title (and its cue) starts (and is taken
        # before a mention starting there).
        self.titled = _Starts((r.span.start, r.person) for r in roles
                              if r.form != "name-appositive" and r.person.candidates)

    def at(self, i: int, stop: int) -> _Found | None:
        """The participant whose reference starts at token i and ends by token `stop`."""
        tokens = self.tokens
        if i in self.pronouns:
            return self.pronouns[i]
        for j in (i, i + 1) if tokens.key(i) in ARTICLES and i + 1 < stop else (i,):
            offset = tokens.start(j)
            known = self.titled.get(offset) or self.mentions.get(offset)
            if known is not None:
                end = token_from(tokens, known.span.end)
                if end <= stop:
                    same = self.cast.with_ids(known.candidates)
                    return _Found(known, same.key if same else ",".join(known.candidates), end, i)
        slot = self.cast.at(self.prose, tokens, i, self.gaz, stop)
        if slot is None:
            return None
        return _Found(self.cast.mention(self.prose, tokens, self.sentences, slot), slot.person.key, slot.end, i)

    def after(self, k0: int, stop: int, words: EventWords | None) -> _Found | None:
        """The participant after a trigger ending at token k0: the first reference, if only linking words
        (or, with the words of a kind that has objects, "a state dinner for") stand between."""
        for j in range(k0, min(k0 + 12, stop)):
            found = self.at(j, stop)
            if found is not None:
                gap = range(k0, j)
                ok = self._object_gap(gap, words) if words and words.objects else self._links(gap, _DESCRIPTORS)
                return found if ok and not self._possessive(found.end) else None
        return None

    def before(self, t: int, first: int, extra: frozenset[str] = frozenset()) -> list[_Found]:
        """The participants whose references end just before the trigger at token t (a day, an adverb,
        an aside or `extra` between), two for "X (left) and Y (right) host ...", none if other words
        stand between."""
        e = self._skip_back(t, first, _WHEN | extra)
        found = self.ending_at(e, first)
        if found is None:
            return []
        k = self._skip_back(found.start, first, frozenset())
        if k > first and self.tokens[k - 1].key == "and":
            other = self.ending_at(self._skip_back(k - 1, first, frozenset()), first)
            if other is not None and other.key != found.key:
                return [other, found]
        return [found]

    def subject(self, t: int, first: int) -> _Found | None:
        """The participant whose reference ends before token t, a day or an adverb between ("Biden said")."""
        return self.ending_at(self._skip_back(t, first, _WHEN), first)

    def stand_in(self, key: str, m: PersonMention, k: int, via: str) -> _Found:
        """The person of `key` (mentioned as `m`), as the pronoun at token k refers to them."""
        tok = self.tokens[k]
        names = [p.name for p in self.cast.people if p.key == key]
        mention = PersonMention(tok.text, Span(tok.start, tok.end), sentence_at(self.sentences, tok.start), m.candidates,
                                via, names[0] if names else m.name or m.text)
        return _Found(mention, key, k + 1, k)

    def possessor(self, t: int, first: int) -> list[_Found]:
        """The participant whose possessive ("X's", "X’s") stands right before the trigger at token t."""
        if t - 1 <= first or self.tokens[t - 1].key not in ("'s", "\u2019s"):
            return []
        found = self.ending_at(t - 1, first)
        return [found] if found is not None else []

    def passive(self, end: int, stop: int, since: int, t: int) -> tuple[list[_Found], _Found | None, str | None]:
        """"Y was invited to India by X" after a trigger ending at token `end`: X, Y and the destination,
        when only "to" and a place stand between the verb and "by"."""
        m = _TO_PLACE.match(self.prose, self.tokens[end - 1].end)
        index = token_at(self.tokens, m.end()) if m else None
        found = self.gaz.cue_starting_at(self.tokens, index, self.prose) if index is not None else None
        if found is None or found[0] >= stop or self.tokens[found[0]].key != "by":
            return [], None, None
        agent = self.after(found[0] + 1, stop, None)
        patient = self.first(since, t, agent.key) if agent else None
        return ([agent] if agent else []), patient, found[1]

    def first(self, first: int, stop: int, skip: str | None) -> _Found | None:
        """The first participant of a sentence before token `stop`, other than `skip`."""
        j = first
        while j < stop:
            found = self.at(j, stop)
            if found is not None and found.key != skip:
                return found
            j = found.end if found is not None else j + 1
        return None

    def ending_at(self, e: int, first: int) -> _Found | None:
        best = None
        for s in range(e - 1, max(first, e - 16) - 1, -1):
            found = self.at(s, e)
            if found is not None and found.end == e:
                best = found  # the longest reference: "US President Joe Biden", not "Biden"
        return best

    def _skip_back(self, t: int, first: int, extra: frozenset[str]) -> int:
        tokens = self.tokens
        e = t
        while e > first:
            tok = tokens[e - 1]
            if tok.text == ")":
                opening = next((k for k in range(e - 2, max(first, e - 10) - 1, -1) if tokens[k].text == "("), None)
                if opening is None:
                    break
                e = opening  # "Yoon (third from right) and ...": an aside
                continue
            if tok.key in _LINK_WORDS and tok.key or tok.key in extra or _adverb(tok.text):
                e -= 1
                continue
            break
        return e

    def _links(self, gap: range, extra: frozenset[str]) -> bool:
        """Whether the words between a trigger and a person leave the person in its role: articles and
        auxiliaries, an adverb ("warmly"), a country ("Saudi Arabia's"), `extra` ("Chinese leader"),
        and an apposition ending in a comma ("Saudi Arabia's de facto ruler, Crown Prince ...")."""
        tokens = self.tokens
        if len(gap) > 8:
            return False
        j = gap.start
        while j < gap.stop:
            tok = tokens[j]
            if tok.key in _LINK_WORDS or tok.key in extra or _adverb(tok.text) or tok.key in ("'s", "\u2019s"):
                j += 1
                continue
            found = self.gaz.cue_starting_at(tokens, j, self.prose) if tok.text[0].isupper() else None
            if found is not None and found[0] <= gap.stop:
                j = found[0]
                continue
            if tok.text == "," and j == gap.stop - 1 and j > gap.start and tokens[j - 1].key in _APPOSED:
                j += 1
                continue
            return False
        return True

    def _object_gap(self, gap: range, words: EventWords) -> bool:
        """"a state dinner for", "an extravagant black-tie banquet in honour of": an article, up to three
        words, one of the kind's objects, one of its links, then linking words."""
        tokens = self.tokens
        objects = {token_key(w) for w in words.objects}
        j = gap.start + (gap.start < gap.stop and tokens[gap.start].key in ARTICLES)
        noun = next((k for k in range(j, min(j + 6, gap.stop)) if tokens[k].key in objects), None)
        if noun is None or not all(tokens[k].is_word or tokens[k].text == "-" for k in range(j, noun)):
            return False
        for link in sorted((phrase_keys(w) for w in words.object_links), key=len, reverse=True):
            after = noun + 1 + len(link)
            if after <= gap.stop and tuple(t.key for t in tokens[noun + 1 : after]) == link:
                return self._links(range(after, gap.stop), _DESCRIPTORS)
        return False

    def _possessive(self, end: int) -> bool:
        """"X received Y's letter": Y is not the one received."""
        return end < len(self.tokens) and self.tokens[end].key in ("'s", "\u2019s")


def find_events(
    prose: str,
    tokens: Tokens,
    sentences: Sentences,
    times: tuple[TimeExpr, ...],
    mentions: tuple[PersonMention, ...],
    roles: tuple[RoleClaim, ...],
    quotes: tuple[Span, ...],
    gaz: Gazetteer,
    triggers: PhraseMatcher,
    kb: KnowledgeBase,
) -> tuple[EventClaim, ...]:
    kinds = {ev.kind: ev for ev in gaz.lexicon.events}
    nouns = {token_key(n): ev for ev in gaz.lexicon.events for n in ev.nouns}
    # The first trigger phrase first: their first words are common ("at", "has", "to"), the phrases are
    # not, and most documents have neither one nor a visit noun, so the people need not be indexed. The
    # others are read as they are handled (a long text has thousands, each with a list of its values).
    pending = _triggers(tokens, triggers, prose)
    first_trigger = next(pending, None)
    noun_tokens = tokens.where(nouns)
    if first_trigger is None and not noun_tokens:
        return ()
    reader = _Reader(prose, tokens, sentences, mentions, roles, gaz, kb)
    quotations = Quotations(quotes)
    speakers = (quote_speakers(tokens, sentences, quotes, frozenset(gaz.lexicon.speech), reader.subject, reader.at)
                if _quoted_pronoun(tokens, quotations) else {})
    for n, who in speakers.items():
        for k in _quote_tokens(tokens, quotations, quotes, n):
            if tokens[k].key in _FIRST_PERSON and tokens[k].text != "i":  # "I", "me"; not a lower-case "i"
                reader.pronouns[k] = reader.stand_in(who.key, who.mention, k, "speaker")
    addressed: set[int] = set()  # quotations whose "you" was looked for
    events: list[EventClaim] = []
    found: list[_Record] = []
    time_index = TimesBySentence(t for t in times if not _reported(prose, t))
    since_by_sentence: dict[int, int] = {}  # the token after the last event found in a sentence
    trigger_tokens = _TriggerTokens()
    for i, end, values in chain((first_trigger,) if first_trigger else (), pending):
        trigger_tokens.add(i, end)
        trigger = Span(tokens[i].start, tokens[end - 1].end)
        quote = quotations.of(trigger.start)
        if quote is not None and quote in speakers and quote not in addressed:
            addressed.add(quote)
            _address(reader, quotations, quotes, quote, speakers[quote], found)
        sentence = sentence_at(sentences, trigger.start)
        bounds = sentences[sentence].span
        first, stop = token_from(tokens, bounds.start), token_from(tokens, bounds.end)
        since = since_by_sentence.get(sentence, first)
        # A kind that needs an object ("hosts dinner for") before the plain one ("hosts Y").
        for value in sorted(values, key=lambda v: not kinds[v.split(":")[0]].objects):
            kind, side = value.split(":")
            words = kinds[kind]
            kind = words.kind  # the lexicon's string, not a new one for each event
            if side == "after":
                if words.objects and not (i > 0 and tokens[i - 1].key in _keys(words.objects)):
                    continue  # "the dinner hosted by X": only right after one of the kind's objects
                agent = reader.after(end, stop, None)
                agents = [agent] if agent is not None else []
                # The guest is the subject: the sentence's first person after any earlier event of the
                # sentence (the host excepted: "X welcomed Y ..., and Y was hosted by X"), or the first of
                # a clause of its own ("..., said that Y had received an invitation from X"). In "...,
                # which will be hosted by X" the subject is a thing: no guest.
                since = _clause(tokens, since, i)
                opener = max((k for k in range(since, i) if tokens[k].key in _CLAUSE_OPENERS), default=None)
                patient = None
                if agent is not None and (opener is None or tokens[opener].key not in _THING_OPENERS):
                    patient = (opener is not None and reader.first(opener + 1, i, agent.key)) or reader.first(since, i, agent.key)
                place = _destination(prose, tokens, bounds, gaz)
                if place is None and agent is not None:
                    place = _place_after(prose, tokens, agent.mention.span.end, gaz)  # "hosted by X in the United States"
            elif side == "possessive":
                # "at X's invitation": X ends right before the "'s"; the guest follows "to" ("X's invitation
                # to Y") or is the sentence's subject ("Y came at X's invitation").
                agents = reader.possessor(i, first)
                patient = None
                if agents and end + 1 < stop and tokens[end].key == "to":
                    patient = reader.after(end + 1, stop, None)
                if agents and patient is None:
                    patient = reader.first(_clause(tokens, since, agents[0].start), agents[0].start, agents[0].key)
                place = _destination(prose, tokens, bounds, gaz) or _place_after(prose, tokens, trigger.end, gaz)
            else:
                # "I look forward to welcoming X", "to be the first to host you": a non-finite trigger's
                # subject may stand before a verb of feeling or intent.
                non_finite = tokens[i].key == "to" or tokens[end - 1].key.endswith("ing")
                agents = reader.before(i, first, _CONTROL if non_finite else frozenset())
                patient = reader.after(end, stop, words) if agents else None
                place = _place_after(prose, tokens, patient.mention.span.end if patient else trigger.end, gaz)
                if not agents and i > first and tokens[i - 1].key in _PASSIVE and not words.objects:
                    # "Y was invited to India by X": the passive, with the destination before the agent.
                    agents, patient, place = reader.passive(end, stop, since, i)
            agents = [a for a in agents if patient is not None and a.key != patient.key]
            if patient is None or not agents:
                continue
            since_by_sentence[sentence] = max(a.end for a in (*agents, patient))
            quoted = covered(quotes, trigger.start, trigger.end)
            for agent in agents:
                event = _event(kind, words.exclusive, trigger, sentence, agent.mention, patient.mention, place,
                               nearest_time(time_index, sentence, trigger), quoted)
                events.append(event)
                found.append(_Record(event, agent.key, patient.key, agent.mention, patient.mention))
            break
    # A visit noun asks for the events of its sentence (`found` is in sentence order: a binary search)
    # and for the earlier events of its guest (see _Guests).
    guests = _Guests(found)
    for k in noun_tokens:
        noun_words = nouns[tokens.key(k)]
        if k not in trigger_tokens:
            noun_event = _noun_event(reader, k, noun_words, found, guests, quotes, time_index)
            if noun_event is not None:
                events.append(noun_event)
    return tuple(sorted(events, key=lambda e: (e.trigger.start, e.trigger.end)))


def _triggers(tokens: Tokens, triggers: PhraseMatcher, prose: str) -> Iterator[tuple[int, int, list[str]]]:
    """(first token, end token, values) of each trigger phrase, in text order, none inside another."""
    resume = 0  # the first token after the last trigger
    for i in tokens.where(triggers.first_keys):
        if i >= resume and (match := triggers.match(tokens, i, prose)) is not None:
            yield i, *match
            resume = match[0]


class _TriggerTokens:
    """The tokens of the trigger phrases read so far, as two columns of their token ranges [start,
    end), in text order and none inside another (a set of every token index took about 60 bytes a
    token)."""

    __slots__ = ("_starts", "_ends")

    def __init__(self) -> None:
        self._starts = array("q")
        self._ends = array("q")

    def add(self, start: int, end: int) -> None:
        self._starts.append(start)
        self._ends.append(end)

    def __contains__(self, k: int) -> bool:
        n = bisect_right(self._starts, k)
        return n > 0 and k < self._ends[n - 1]


_SENTENCE = attrgetter("event.sentence")


class _Guests:
    """The events of each guest that end before a point of the text, for the visit nouns, which come
    in text order. What a noun reads of an event is its host, kind, exclusiveness, whether the host
    is named where they stand, and its destination: of the events alike in all of these, only the
    last counts, so each guest's are folded into the last of each such group as the point moves on.
    A long text names the same guest thousands of times, and a look at all their events for every
    noun grew with the square of its length (a dense 100 MB text took over 10 s a MB, 3.4 at 10 MB)."""

    __slots__ = ("_events", "_read", "_last")

    def __init__(self, found: list[_Record]) -> None:
        self._events: dict[str, list[_Record]] = {}  # by guest, in text order (`found` is)
        for r in found:
            self._events.setdefault(r.patient_key, []).append(r)
        self._read: dict[str, int] = {}  # by guest: how many of its events are folded in
        self._last: dict[str, dict[tuple[object, ...], tuple[int, _Record]]] = {}

    def before(self, guest: str, offset: int) -> list[_Record]:
        """The guest's unquoted events whose trigger ends by `offset` (at or after the last offset
        asked for), the last of each group, in text order."""
        events = self._events.get(guest, [])
        last = self._last.setdefault(guest, {})
        n = self._read.get(guest, 0)
        while n < len(events) and events[n].event.trigger.end <= offset:
            r = events[n]
            if not r.event.quoted:
                last[r.agent_key, r.event.kind, r.event.exclusive, r.agent.via in _NAMED, r.event.place] = (n, r)
            n += 1
        self._read[guest] = n
        return [r for _, r in sorted(last.values(), key=itemgetter(0))]


def _quoted_pronoun(tokens: Tokens, quotations: Quotations) -> bool:
    """Whether a quotation holds "I", "me" or "you": a speaker stands in for nothing else, and finding
    speakers (the subject of every speech verb) took a third of the time of this stage."""
    return any(quotations.of(tokens.start(k)) is not None for k in tokens.where(_FIRST_PERSON, ("you",)))


def _quote_tokens(tokens: Tokens, quotations: Quotations, quotes: tuple[Span, ...], n: int) -> list[int]:
    """The tokens of quotation n that no quotation inside it holds."""
    q = quotes[n]
    inner = quotations.inner(n)
    found = []
    k = token_from(tokens, q.start)
    while k < len(tokens) and tokens[k].start < q.end:
        if not any(s.start <= tokens[k].start < s.end for s in inner):
            found.append(k)
        k += 1
    return found


def _address(reader: _Reader, quotations: Quotations, quotes: tuple[Span, ...], n: int, speaker: _Found,
             found: list[_Record]) -> None:
    """Resolve "you" in quotation n: the one person it opens by addressing ('"Prime Minister X, I ..."') or
    the one guest of the speaker's events in its sentence and the three before (not quoted). Abstain when
    they are several or none, or when "you" is plural ("you all", "both of you")."""
    tokens, q = reader.tokens, quotes[n]
    inside = _quote_tokens(tokens, quotations, quotes, n)
    yous = [k for k in inside if tokens[k].key == "you"]
    if not yous or any(_plural_you(tokens, k) for k in yous):
        return
    sentence = sentence_at(reader.sentences, q.start)
    # `found` is in sentence order: the events of the sentence and the three before, by binary search
    # (a scan of all of them for every quotation grew with the square of a long text's length).
    near = found[bisect_left(found, sentence - 3, key=_SENTENCE) : bisect_right(found, sentence, key=_SENTENCE)]
    keys = {r.patient_key: r.patient for r in near if r.agent_key == speaker.key and not r.event.quoted
            and r.event.trigger.end <= q.start}
    opening = next((k for k in inside if tokens[k].is_word), None)
    if opening is not None:
        vocative = reader.at(opening, inside[-1] + 1)
        # '"Prime Minister X, I ...", '"X, welcome ...": not '"X, who arrived today, ..."'.
        if (vocative is not None and vocative.end + 1 in inside and tokens[vocative.end].text == ","
                and tokens[vocative.end + 1].key in _AFTER_VOCATIVE):
            keys[vocative.key] = vocative.mention
    keys.pop(speaker.key, None)
    if len(keys) != 1:
        return
    ((key, who),) = keys.items()
    for k in inside:
        if tokens[k].key == "you":
            reader.pronouns[k] = reader.stand_in(key, who, k, "addressee")


def _plural_you(tokens: Tokens, k: int) -> bool:
    after = tokens[k + 1].key if k + 1 < len(tokens) else ""
    before = tokens[k - 1].key if k > 0 else ""
    return after in _PLURAL_AFTER or before == "of"


def _is_noun(tokens: Tokens, k: int, first: int) -> int | None:
    """The determiner's token index when token k is a noun after a determiner and a few adjectives
    ("Takaichi's first visit", "an official visit", "a State visit"), not a verb ("will visit")."""
    j = k - 1
    while j >= first and k - j <= 5 and tokens[j].key in _VISIT_ADJECTIVES:
        j -= 1
    return j if j >= first and tokens[j].key in _DETERMINERS else None


def _noun_event(reader: _Reader, k: int, words: EventWords, found: list[_Record], guests: _Guests, quotes: tuple[Span, ...],
                time_index: TimesBySentence) -> EventClaim | None:
    """A visit noun's event: "Y's visit", "a visit by Y" or, with neither, the guest of an earlier event of
    its sentence ("X welcomed Y ..., as part of an official visit to Z"); the destination after it; and
    the host the document gave that guest before it: the host of an earlier hosted visit (one person),
    else the one person of the earlier events with that guest who holds one of the kind's
    `host_offices` of the destination (as the document titles them). Abstains otherwise."""
    tokens, prose, gaz = reader.tokens, reader.prose, reader.gaz
    noun = Span(tokens[k].start, tokens[k].end)
    sentence = sentence_at(reader.sentences, noun.start)
    bounds = reader.sentences[sentence].span
    first, stop = token_from(tokens, bounds.start), token_from(tokens, bounds.end)
    determiner = _is_noun(tokens, k, first)
    if determiner is None:
        return None
    who: tuple[str, PersonMention] | None = None  # the guest's key and mention
    after = k + 1
    if tokens[determiner].key in ("'s", "\u2019s"):
        found_guest = reader.ending_at(determiner, first)
        who = (found_guest.key, found_guest.mention) if found_guest is not None else None
    elif k + 2 < stop and tokens[k + 1].key in ("by", "of"):
        found_guest = reader.at(k + 2, stop)
        who = (found_guest.key, found_guest.mention) if found_guest is not None else None
        after = found_guest.end if found_guest is not None else after
    else:
        of_sentence = found[bisect_left(found, sentence, key=_SENTENCE) : bisect_right(found, sentence, key=_SENTENCE)]
        earlier = {r.patient_key: r.patient for r in of_sentence if r.event.trigger.end <= noun.start}
        who = next(iter(earlier.items())) if len(earlier) == 1 else None
    if who is None:
        return None
    guest_key, guest = who
    place = _place_after(prose, tokens, tokens[after - 1].end, gaz)
    before = guests.before(guest_key, noun.start)
    hosts = {r.agent_key: r for r in before if r.event.kind == words.kind and r.event.exclusive
             and r.agent.via in _NAMED and (place is None or r.event.place == place)}
    if not hosts:
        offices = set(words.host_offices)
        hosts = {r.agent_key: r for r in before if (place or r.event.place) is not None
                 and _holds(reader, r.agent_key, offices, place or r.event.place or "")}
        # A king or an emir among them (a rank with no country) may be the host as well: abstain.
        ranks = {" ".join(phrase_keys(w)) for w in words.host_offices}
        if any(p.titles & ranks for p in reader.cast.people if any(r.agent_key == p.key for r in before)):
            return None
    if len(hosts) != 1:
        return None
    (source,) = hosts.values()
    m = source.agent
    names = [p.name for p in reader.cast.people if p.key == source.agent_key]
    host = PersonMention(m.text, m.span, m.sentence, m.candidates, "context", names[0] if names else m.name or m.text)
    span = Span(min(noun.start, guest.span.start), max(noun.end, guest.span.end)) if guest.sentence == sentence else noun
    return EventClaim(kind=words.kind, span=span, trigger=noun, sentence=sentence, agent=host, patient=guest,
                      place=place or source.event.place, time=nearest_time(time_index, sentence, noun),
                      quoted=covered(quotes, noun.start, noun.end), exclusive=words.exclusive)


def _holds(reader: _Reader, key: str, offices: set[str], place: str) -> bool:
    """Whether the document titles person `key` with one of `offices` (by name) of jurisdiction `place`."""
    kb = reader.cast.kb
    for p in reader.cast.people:
        if p.key == key:
            for office_id in p.titles:
                office = kb.offices.get(office_id)
                if office is not None and office.jurisdiction == place and office.name in offices:
                    return True
    return False


def _event(kind: str, exclusive: bool, trigger: Span, sentence: int, agent: PersonMention, patient: PersonMention,
           place: str | None, time: TimeExpr | None, quoted: bool) -> EventClaim:
    return EventClaim(
        kind=kind,
        span=Span(min(agent.span.start, patient.span.start, trigger.start), max(agent.span.end, patient.span.end, trigger.end)),
        trigger=trigger, sentence=sentence, agent=agent, patient=patient, place=place, time=time, quoted=quoted,
        exclusive=exclusive,
    )


def _clause(tokens: Tokens, since: int, t: int) -> int:
    """The first token of the clause of token t: after the last ";" or ", and" (", but", ", while")
    between `since` and t, else `since`."""
    for k in range(t - 1, since, -1):
        if tokens[k].text == ";" or (tokens[k].key in _COORDINATORS and tokens[k - 1].text == ","):
            return k + 1
    return since


def _keys(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(token_key(w) for w in words)


def _adverb(word: str) -> bool:
    return word.endswith("ly") and len(word) > 4 and word.isalpha() and word.islower()


def _reported(prose: str, time: TimeExpr) -> bool:
    return _REPORTED.search(prose, max(0, time.span.start - 60), time.span.start) is not None


def travels(prose: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """The verbs of travel in prose[start:end] with what follows them up to the destination, as
    `finditer` would give them had the pattern spelt out the verbs."""
    # A match whose word is not a verb of travel is that word and at most "to", "in" and "the" after
    # it, none of them one: no verb can start inside it, so reading on after it, as `finditer` does,
    # finds what the spelt-out pattern finds.
    return (m for m in _DESTINATION.finditer(prose, start, end)
            if m["verb"].translate(_IGNORECASE_ASCII).lower() in _TRAVEL_VERBS)


def _destination(prose: str, tokens: Tokens, sentence: Span, gaz: Gazetteer) -> str | None:
    for m in travels(prose, sentence.start, sentence.end):
        place = _cue_at(prose, tokens, m.end(), gaz)
        if place:
            return place
    return None


def _place_after(prose: str, tokens: Tokens, offset: int, gaz: Gazetteer) -> str | None:
    m = _TO_PLACE.match(prose, offset)
    return _cue_at(prose, tokens, m.end(), gaz) if m else None


def _cue_at(prose: str, tokens: Tokens, offset: int, gaz: Gazetteer) -> str | None:
    index = token_at(tokens, offset)
    if index is None:
        return None
    found = gaz.cue_starting_at(tokens, index, prose)
    if found:
        return found[1]
    place = gaz.places.match(tokens, index, prose)  # "the White House", "the Kremlin"
    return place[1][0] if place else None
