"""Order claims: "X followed Y", "X came after Y", "X, two days before Y" with the dates of X and Y.

The date of X is the nearest date just before the trigger in the same sentence or,
when the sentence opens with "This/The <noun>" and has no date before the trigger,
the only date of the previous sentence ("Operation Sindoor, launched on May 7 ...
This operation followed the attack on April 22"). The date of Y is the first date
after the trigger. Anything less clear gives no claim.
"""

from __future__ import annotations

import re

from factcheck.facts import OrderClaim, Sentences, Span, TimeExpr, covered, sentence_at
from factcheck.lazyre import lazy

# relation of X to Y ("came after", "two days after" end in the same words); "X was followed by Y"
# puts X first, so it reads as "before".
_TRIGGERS = lazy(
    r"(?<!as )\b(?:(?P<passive>followed\s+by)|(?P<after>followed|follows|after)|(?P<before>preceded|precedes|before))\b(?!-)",
    re.I,
)
_ANAPHOR = lazy(r"^\s*(?:This|That|The)\s+\w+(?:\s+\w+)?\s*$")
_DATED = frozenset({"day", "month", "range"})
_CALENDAR_KINDS = frozenset({"iso", "md", "dm", "md-range", "dm-range", "mm-range", "my", "m", "weekday-paren"})
_MAX_GAP_BEFORE = 45
_MAX_GAP_AFTER = 60


def find_orders(prose: str, sentences: Sentences, times: tuple[TimeExpr, ...], quotes: tuple[Span, ...]) -> tuple[OrderClaim, ...]:
    # A month whose year was borrowed from an earlier mention ("base 1980 ... in January after
    # falling in December") says nothing about which came first: December is the year before.
    dated = [t for t in times if t.value.grain in _DATED and t.kind in _CALENDAR_KINDS and t.anchor != "previous-year"]
    if not dated:
        return ()
    by_sentence: dict[int, list[TimeExpr]] = {}
    for t in dated:
        by_sentence.setdefault(t.sentence, []).append(t)
    claims: list[OrderClaim] = []
    for m in _TRIGGERS.finditer(prose):
        s = sentences[sentence_at(sentences, m.start())]
        here = by_sentence.get(s.index, [])
        if not here or len(here) > 2 or covered(quotes, m.start(), m.end()):
            continue  # with three dates in one sentence, which two the words order is anyone's guess
        right = next((t for t in here if t.span.start >= m.end() and t.span.start - m.end() <= _MAX_GAP_AFTER), None)
        left = next((t for t in reversed(here) if t.span.end <= m.start() and _same_clause(prose[t.span.end : m.start()])), None)
        if left is None and not any(t.span.end <= m.start() for t in here):
            previous = by_sentence.get(s.index - 1, [])
            if len(previous) == 1 and _ANAPHOR.match(prose[s.span.start : m.start()]):
                left = previous[0]
        if left is not None and right is not None:
            relation = "after" if m.group("after") else "before"  # "followed by" is "before"
            claims.append(OrderClaim(Span(m.start(), m.end()), s.index, relation, left, right))
    return tuple(claims)


def _same_clause(gap: str) -> bool:
    """Whether a date and a trigger belong together: near, and not split by "and" or a clause break.

    "The operation, launched on May 7, followed ..." keeps its date across the one comma that
    closes the apposition; "ended on May 22 and start ... after" does not.
    """
    if len(gap) > _MAX_GAP_BEFORE or re.search(r"[;()]|\band\b|\bbut\b", gap):
        return False
    return "," not in gap or gap.strip() == ","
