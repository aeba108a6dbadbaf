"""Tense of the clause around a span: the nearest tense cue in its sentence.

A cue is a future marker ("will", "is scheduled to", "plans to"), a past form
("said", "was", "-ed" verbs not after "be"/"will"/"to"), or a present auxiliary.
Rough by design; callers use it to choose between readings, and abstain when it
says "unknown".
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from factcheck.facts import Span, Tense
from factcheck.lazyre import lazy

# "was expected to", "was due to" look forward from a past moment, not from the document date.
_FUTURE = lazy(
    r"\b(?:will|shall|won't|'ll|(?:is|are|am)\s+(?:(?:scheduled|set|expected|due|slated|poised|going|planning)\s+)?to"
    r"|plans?\s+to|intends?\s+to|upcoming|next)\b", re.I)
# "was scheduled for May 12", "were expected on": a plan made in the past for a time that may
# still be ahead; neither the auxiliary nor the participle makes that time past.
_PLANNED_WORDS = frozenset({"scheduled", "set", "expected", "planned", "slated", "proposed", "targeted", "supposed",
                            "due", "booked", "timed", "earmarked"})
_PLANNED = (r"(?:(?:originally|initially|previously|tentatively|also|then)\s+)?(?:"
            + "|".join(sorted(_PLANNED_WORDS)) + r")\b")
# Past forms that are cues by themselves. The pattern reads any lowercase word (group `word`) or "-ed"
# word (group `ed`) and `_past_kept` looks the word up: half the compile time of spelling the words
# out in the pattern, and compiling is Python code run in every process.
_PAST_WORDS = frozenset({
    "had", "did", "said", "told", "came", "met", "held", "took", "made", "went", "began", "left", "became", "gave",
    "spoke", "wrote", "saw", "sent", "won", "lost", "fell", "rose", "paid", "led", "brought", "thought", "found",
    "kept", "stood", "sought", "struck", "ran", "ago", "last", "earlier", "previously", "yesterday"})
_PAST = lazy(
    r"\b(?:(?:was|were)(?!\s+" + _PLANNED + r")|has\s+been|have\s+been|"
    # "chaired by U.S. ...": a participle before its agent has no tense ("increased by 5 pct" keeps its own)
    r"(?P<ed>[a-z]{3,}ed)(?!\s+by\s+(?:the\s+)?[A-Z])|(?P<word>[a-z]+))\b(?<!\bneed)(?<!\bseed)(?<!\bfeed)")
# "will be held", "is expected to have signed": a past form after these is not past tense.
_NOT_PAST_BEFORE = lazy(r"\b(?:be|been|being|is|are|am|to|will|would)\s+$", re.I)
_PRESENT = lazy(r"\b(?:is|are|am|says|has|have)\b")
# Strict cues, for rules that report on tense alone: auxiliaries and a past verb right before
# its date ("launched on May 7"), never a lone "-ed" word that may be an adjective ("priced", "secured").
_STRICT_PAST = lazy(
    r"\b(?:(?:was|were|had|did|took\s+place|happened|occurred)\b"
    r"(?![^,;]*\bto\s+\w+)(?!\s+(?:(?:originally|initially|previously|tentatively|also|then)\s+)?"
    r"(?:payable|due|effective|valid|given\s+as|set|scheduled|expected|planned|slated|proposed|targeted|"
    r"supposed|meant|booked|timed|tipped|pencil+ed|billed|earmarked|to\s+be)\b)"
    r"|(?P<ed>[a-z]{3,}ed)(?:\s+[A-Z][\w.]*)?\s+(?:on|in)\s*$)")
# "-ed" words before a date that are not past-tense verbs (the strict pattern's `ed` group, looked up)
_NOT_STRICT_PAST = frozenset({
    "expected", "scheduled", "planned", "proposed", "estimated", "projected", "anticipated", "targeted", "slated",
    "called", "preferred", "listed", "dated", "based", "priced", "extended", "limited", "related", "secured",
    "united"})


_STRICT_REACH = 40  # characters between a strong cue and its date
# "..., with a down payment permitted on July 15": a clause opened by a preposition has no verb of
# its own, so an "-ed" word in it is a participle (tenseless), not a past-tense verb.
_PREPOSITION_CLAUSE = lazy(r"\s*(?:with|without|for|of|including|under|at|by|via|per|plus)\b", re.I)
_AUXILIARY = lazy(r"(?:was|were|had|did|took|happened|occurred)\b")
_DEADLINE = lazy(
    r"\b(?:until|till|through|by|before|after|since|to|as\s+at|as\s+of|ended|ending|beginning|starting|dated)\s*$", re.I)
# "the date was April 15" (a schedule) and "a February 1987 repayment" (a label) are not events.
_COPULA = lazy(r"\b(?:was|were|is|are|be|a|an|the|its|their|his|her)\s*$", re.I)


def clause_tense(prose: str, sentence: Span, start: int, end: int, strict: bool = False) -> Tense:
    """Tense of the clause around [start, end); `strict` reads only strong cues before the span."""
    best: tuple[int, Tense] | None = None
    # Strict mode looks only before the span, so "launched on" can end right at the date.
    text = prose[sentence.start : start] if strict else prose[sentence.start : sentence.end]
    if strict and (_DEADLINE.search(text) or _COPULA.search(text)):
        return "unknown"  # "had until March 1", "the date was April 15": a schedule, not an event
    for cue_start, cue_end, tense in (_strict_cues(text) if strict else _cues(text)):
        s, e = cue_start + sentence.start, cue_end + sentence.start
        if s < end and start < e:
            continue  # part of the expression itself
        distance = start - e if e <= start else s - end + 1  # a cue before the time wins a tie
        if strict and distance > _STRICT_REACH:
            continue
        if tense == "present":
            distance += 1  # "is scheduled to" and "has invited" beat their auxiliaries
        if best is None or distance < best[0]:
            best = (distance, tense)
    return best[1] if best else "unknown"


@functools.lru_cache(maxsize=64)
def _cues(text: str) -> tuple[tuple[int, int, Tense], ...]:
    """The tense cues of a sentence, as (start, end, tense): read once for all its time expressions."""
    return _find_cues(text, strict=False)


def _strict_cues(text: str) -> tuple[tuple[int, int, Tense], ...]:
    return _find_cues(text, strict=True)


def _past_kept(m: re.Match[str]) -> bool:
    """Whether a match of `_PAST` is a cue: a listed word, an "-ed" word that is not a plan, or an auxiliary."""
    if m["word"] is not None:
        return m["word"] in _PAST_WORDS
    return m["ed"] not in _PLANNED_WORDS


def _strict_past_kept(m: re.Match[str]) -> bool:
    return m["ed"] not in _NOT_STRICT_PAST


def past_matches(text: str, strict: bool = False) -> Iterator[re.Match[str]]:
    """The past cues of `_PAST` (or `_STRICT_PAST`), as `finditer` would give them had the pattern spelt
    out its words."""
    if not strict:
        # A match that is not a cue is one word, inside which no cue can start: reading on after it,
        # as `finditer` does, finds what the spelt-out pattern finds.
        return (m for m in _PAST.finditer(text) if _past_kept(m))
    return _strict_past_matches(text)


def _strict_past_matches(text: str) -> Iterator[re.Match[str]]:
    # A rejected "-ed" word's match runs to the end of the text, and a cue may start inside it
    # ("X.was"): the search goes on from the next character, as `finditer` does where a pattern fails.
    at = 0
    while (m := _STRICT_PAST.search(text, at)) is not None:
        if _strict_past_kept(m):
            yield m
            at = m.end()
        else:
            at = m.start() + 1


def _find_cues(text: str, strict: bool) -> tuple[tuple[int, int, Tense], ...]:
    found: list[tuple[int, int, Tense]] = []
    for tense, matches in (("future", _FUTURE.finditer(text)), ("past", past_matches(text, strict)),
                           ("present", _PRESENT.finditer(text))):
        for m in matches:
            if tense == "past" and _NOT_PAST_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                continue
            if strict and tense == "past" and not _AUXILIARY.match(m.group()) and _PREPOSITION_CLAUSE.match(text):
                continue
            found.append((m.start(), m.end(), tense))  # type: ignore[arg-type]
    return tuple(found)


_CLAUSE_BREAK = lazy(r"[,;:()\u2014]|\s\u2013\s|\s-\s|\b(?:and|but|while|whereas)\b")


def narrow_clause(prose: str, sentence: Span, span: Span) -> Span:
    """The words around a span up to the nearest clause break (comma, semicolon, dash) on either side."""
    start = sentence.start
    for m in _CLAUSE_BREAK.finditer(prose, sentence.start, span.start):
        start = m.end()
    after = _CLAUSE_BREAK.search(prose, span.end, sentence.end)
    return Span(start, after.start() if after else sentence.end)
