"""Event claims: who invited or hosted whom, where and when.

    "Y ... following an invitation from X"      agent after the trigger, patient = the sentence's first person
    "X has invited Y to the U.S."                agent before the trigger, patient after it

Pronouns are not resolved: "he invited him" gives no event (abstain).
"""

from __future__ import annotations

import re

from factcheck.extract.gazetteer import Gazetteer
from factcheck.extract.tokens import PhraseMatcher, Token, phrase_keys
from factcheck.facts import EventClaim, PersonMention, RoleClaim, Sentence, Span, TimeExpr, covered, sentence_at
from factcheck.lazyre import lazy
from factcheck.temporal import nearest_time, times_by_sentence

_LINK_WORDS = frozenset({"", "the", "a", "an", "also", "has", "had", "have", "formally", "personally", "recently", "already"})
_DESTINATION = lazy(
    r"\b(?:visit(?:s|ed|ing)?|trip|travel(?:s|led|ed|ling)?|tour|arriv(?:e|es|ed|ing)|came|comes?|coming|flew|fl(?:y|ies|ying)"
    r"|land(?:s|ed|ing)?|head(?:s|ed|ing)|went|go(?:es|ing)?|journey(?:s|ed)?)\s+(?:to\s+|in\s+)?(?:the\s+)?", re.IGNORECASE)
# "..., the White House said on Monday": the time of the report, not of the invitation or visit.
_REPORTED = lazy(
    r"\b(?:said|says|announced|announces|told\s+(?:\w+\s+)?(?:reporters|journalists|lawmakers)|stated|confirmed|reported|added)"
    r"\s+(?:(?:late|early|earlier)\s+)?$", re.I)
_TO_PLACE = lazy(r"\s*(?:to|in)\s+(?:visit\s+)?(?:the\s+)?", re.I)


def build_triggers(gaz: Gazetteer) -> PhraseMatcher:
    return PhraseMatcher(
        (phrase_keys(words), f"{ev.kind}:{side}")
        for ev in gaz.lexicon.events
        for side, phrases in (("after", ev.agent_after), ("before", ev.agent_before))
        for words in phrases
    )


def find_events(
    prose: str,
    tokens: tuple[Token, ...],
    sentences: tuple[Sentence, ...],
    times: tuple[TimeExpr, ...],
    mentions: tuple[PersonMention, ...],
    roles: tuple[RoleClaim, ...],
    quotes: tuple[Span, ...],
    gaz: Gazetteer,
    triggers: PhraseMatcher,
) -> tuple[EventClaim, ...]:
    trigger_starts = triggers.first_keys
    starts = [i for i, tok in enumerate(tokens) if tok.key in trigger_starts]
    if not starts:
        return ()  # most documents: no invitation or visit, nothing else to index
    # A mention introduced by a title starts where the title (and its cue) starts.
    lead = {r.person.span: r.span.start for r in roles if r.form == "title-name"}
    events: list[EventClaim] = []
    time_index = times_by_sentence(tuple(t for t in times if not _reported(prose, t)))
    by_sentence: dict[int, list[PersonMention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    resume = 0  # the first token after the last trigger
    for i in starts:
        if i < resume:
            continue
        match = triggers.match(tokens, i, prose)
        if match is None:
            continue
        end, values = match
        trigger = Span(tokens[i].start, tokens[end - 1].end)
        kind, side = values[0].split(":")
        sentence = sentence_at(sentences, trigger.start)
        in_sentence = by_sentence.get(sentence, [])
        after = _next_mention(prose, in_sentence, trigger.end, lead)
        if side == "after":
            agent = after
            before = [m for m in in_sentence if m.span.end <= trigger.start]
            patient = before[0] if before else None
            place = _destination(prose, tokens, sentences[sentence].span, gaz)
            if place is None and agent is not None:
                place = _place_after(prose, tokens, agent.span.end, gaz)  # "hosted by X in the United States"
        else:
            agent = _previous_mention(prose, in_sentence, trigger.start)
            patient = after
            place = _place_after(prose, tokens, patient.span.end if patient else trigger.end, gaz)
        if agent is not None and patient is not None and agent.span != patient.span:
            events.append(EventClaim(
                kind=kind,
                span=Span(min(agent.span.start, patient.span.start, trigger.start), max(agent.span.end, patient.span.end, trigger.end)),
                trigger=trigger,
                sentence=sentence,
                agent=agent,
                patient=patient,
                place=place,
                time=nearest_time(time_index, sentence, trigger),
                quoted=covered(quotes, trigger.start, trigger.end),
            ))
        resume = end
    return tuple(events)


def _reported(prose: str, time: TimeExpr) -> bool:
    return _REPORTED.search(prose, max(0, time.span.start - 60), time.span.start) is not None


def _next_mention(prose: str, mentions: list[PersonMention], offset: int, lead: dict[Span, int]) -> PersonMention | None:
    for m in mentions:
        start = lead.get(m.span, m.span.start)
        if start >= offset:
            return m if prose[offset:start].strip().lower() in _LINK_WORDS else None
    return None


def _previous_mention(prose: str, mentions: list[PersonMention], offset: int) -> PersonMention | None:
    before = [m for m in mentions if m.span.end <= offset]
    if not before:
        return None
    m = before[-1]
    return m if prose[m.span.end : offset].strip().lower() in _LINK_WORDS else None


def _destination(prose: str, tokens: tuple[Token, ...], sentence: Span, gaz: Gazetteer) -> str | None:
    for m in _DESTINATION.finditer(prose, sentence.start, sentence.end):
        place = _cue_at(prose, tokens, m.end(), gaz)
        if place:
            return place
    return None


def _place_after(prose: str, tokens: tuple[Token, ...], offset: int, gaz: Gazetteer) -> str | None:
    m = _TO_PLACE.match(prose, offset)
    return _cue_at(prose, tokens, m.end(), gaz) if m else None


def _cue_at(prose: str, tokens: tuple[Token, ...], offset: int, gaz: Gazetteer) -> str | None:
    index = _token_index(tokens, offset)
    if index is None:
        return None
    found = gaz.cue_starting_at(tokens, index, prose)
    return found[1] if found else None


def _token_index(tokens: tuple[Token, ...], offset: int) -> int | None:
    lo, hi = 0, len(tokens)
    while lo < hi:
        mid = (lo + hi) // 2
        if tokens[mid].start < offset:
            lo = mid + 1
        else:
            hi = mid
    return lo if lo < len(tokens) and tokens[lo].start == offset else None
