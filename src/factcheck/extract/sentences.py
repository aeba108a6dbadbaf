"""Sentence splitting that survives "U.S.", "Gen.", initials and decimals."""

from __future__ import annotations

import re

from factcheck.facts import Sentences
from factcheck.facts import sentence_at as sentence_at  # moved to facts.py (temporal uses it too)
from factcheck.lazyre import lazy

# Tokens ending in a period that do not end a sentence.
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col maj capt cmdr adm sgt sen rep gov pres amb rev hon st jr sr
    inc corp co ltd bros no nos vol fig al approx dept est univ ave blvd mt ft
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    vs etc e.g i.e a.m p.m u.s u.k u.n e.u d.c""".split()
)
# Country abbreviations can end a sentence; they do when the next word can only start one.
_SENTENCE_STARTERS = frozenset(
    "The A An He She It They We I In On At This That These Those But And However Meanwhile His Her Its Their".split()
)
# A run of [.!?] and its closing quotes before a space, or a blank line. Written to begin with one
# character of a set (the first of either form, the look-behind saying which), the one shape whose
# first character the regular-expression engine looks for by itself before trying a match: three
# times faster than `[.!?]+...|\n[ \t]*\n`, which it tried at every character.
_BOUNDARY = lazy(r"[.!?\n](?:(?<=[.!?])[.!?]*[\"'\u201d\u2019)\]]*(?=\s)|(?<=\n)[ \t]*\n)")
_NEXT_WORD = lazy(r"\s+[\"'\u201c\u2018(\[]*([A-Z0-9][\w'-]*)?")


def split_sentences(prose: str) -> Sentences:
    sentences = Sentences()
    start = 0
    for m in _BOUNDARY.finditer(prose):
        end = m.end()
        if prose[m.start()] != "\n" and not _ends_sentence(prose, m):
            continue
        _add(sentences, prose, start, end)
        start = end
    _add(sentences, prose, start, len(prose))
    return sentences


def _ends_sentence(prose: str, m: re.Match[str]) -> bool:
    nxt = _NEXT_WORD.match(prose, m.end())
    next_word = nxt.group(1) if nxt else None
    if next_word is None:
        # Lower-case continuation ("3 p.m. on Monday") or punctuation: not a boundary,
        # unless a line break follows a line that plainly ended.
        return "\n" in prose[m.end() : m.end() + 2] and m.group()[0] in "!?"
    if m.group()[0] != ".":
        return True
    token = _word_before(prose, m.start())
    key = token.lower().rstrip(".")
    if len(token) == 1 and "A" <= token <= "Z":  # an initial: "J. Smith"
        return False
    if key in ("u.s", "u.k", "u.n", "e.u", "d.c"):
        return next_word in _SENTENCE_STARTERS
    return key not in _ABBREVIATIONS


def _word_before(prose: str, stop: int) -> str:
    """The characters before `stop` back to a space, an opening bracket or quote, or the start."""
    # Most words before a full stop are letters after a space: one search back for the space.
    space = prose.rfind(" ", max(0, stop - 12), stop)
    if space >= 0 and prose[space + 1 : stop].isalnum():
        return prose[space + 1 : stop]
    start = stop
    while start > 0 and not prose[start - 1].isspace() and prose[start - 1] not in "(\"'\u201c":
        start -= 1
    return prose[start:stop]


def _add(sentences: Sentences, prose: str, start: int, end: int) -> None:
    while start < end and prose[start].isspace():
        start += 1
    stop = end
    while stop > start and prose[stop - 1].isspace():
        stop -= 1
    if stop > start:
        sentences.append(start, stop)
