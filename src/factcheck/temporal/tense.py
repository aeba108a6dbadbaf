"""Tense of the clause around a span: the nearest tense cue in its sentence.

A cue is a future marker ("will", "is scheduled to", "plans to"), a past form
("said", "was", "-ed" verbs not after "be"/"will"/"to"), or a present auxiliary.
Rough by design; callers use it to choose between readings, and abstain when it
says "unknown".
"""

from __future__ import annotations

import re

from factcheck.facts import Span, Tense

_FUTURE = re.compile(
    r"\b(?:will|shall|won't|'ll|(?:is|are|am|was|were)\s+(?:scheduled|set|expected|due|slated|poised|going|planning|to)\b"
    r"|plans?\s+to|intends?\s+to|upcoming|next)\b", re.I)
_PAST = re.compile(
    r"\b(?:was|were|had|did|said|told|came|met|held|took|made|went|began|left|became|gave|spoke|wrote|"
    r"saw|sent|won|lost|fell|rose|paid|led|brought|thought|found|kept|stood|sought|struck|ran|"
    r"ago|last|earlier|previously|yesterday|has\s+been|have\s+been|"
    r"[a-z]{3,}ed)\b(?<!\bneed)(?<!\bseed)(?<!\bfeed)")
# "will be held", "is expected to have signed": a past form after these is not past tense.
_NOT_PAST_BEFORE = re.compile(r"\b(?:be|been|being|is|are|am|to|will|would)\s+$", re.I)
_PRESENT = re.compile(r"\b(?:is|are|am|says|has|have)\b")


def clause_tense(prose: str, sentence: Span, start: int, end: int) -> Tense:
    best: tuple[int, Tense] | None = None
    text = prose[sentence.start : sentence.end]
    for pattern, tense in ((_FUTURE, "future"), (_PAST, "past"), (_PRESENT, "present")):
        for m in pattern.finditer(text):
            s, e = m.start() + sentence.start, m.end() + sentence.start
            if s < end and start < e:
                continue  # part of the expression itself
            if tense == "past" and _NOT_PAST_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                continue
            distance = start - e if e <= start else s - end + 1  # a cue before the time wins a tie
            if tense == "present":
                distance += 1  # "is scheduled to" and "has invited" beat their auxiliaries
            if best is None or distance < best[0]:
                best = (distance, tense)
    return best[1] if best else "unknown"
