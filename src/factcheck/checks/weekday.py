"""weekday-mismatch (FC104): a weekday written next to a date is not that date's weekday.

What it does:
    For "Monday, July 1, 2025" (or "Tuesday 1 July"), computes the calendar weekday
    of the date and compares it with the one written.

Why is this bad?
    One of the two is wrong, and readers plan around both.

Abstains when: the year is neither written nor fixed by a declared document date.

Example:
    Fires:  "on Monday, July 1, 2025"
    Silent: "on Tuesday, July 1, 2025"
"""

from __future__ import annotations

from typing import Iterator

from factcheck.checks.registry import CheckKind, Example, Rule
from factcheck.facts import Facts
from factcheck.findings import Evidence, Finding
from factcheck.kb.model import KnowledgeBase
from factcheck.temporal import WEEKDAYS

EXAMPLES = (
    Example("The call took place on Monday, July 1, 2025.", True, None),
    Example("The call took place on Tuesday, July 1, 2025.", False, None),
    Example("The summit opens on Friday 3 October 2025.", False, None),
    Example("The summit opened on Thursday 3 October 2025.", True, None),
    Example("They met on Tuesday, March 4.", True, "2026-03-10"),
    Example("They met on Wednesday, March 4.", False, "2026-03-10"),
)

_TRUSTED_ANCHORS = frozenset({"explicit", "document-date"})


def check(facts: Facts, kb: KnowledgeBase, rule: Rule) -> Iterator[Finding]:
    declared = facts.document_date.source.declared
    for t in facts.times:
        if t.weekday is None or t.anchor not in _TRUSTED_ANCHORS:
            continue
        if t.anchor == "document-date" and not declared:
            continue
        actual = WEEKDAYS[t.value.start.weekday()]
        if actual == t.weekday:
            continue
        date_text = t.value.start.strftime("%B %-d, %Y")
        yield Finding(
            rule.code, rule.name, rule.severity, t.span,
            rule.message("wrong-weekday", date=date_text, actual=actual, written=t.weekday),
            (Evidence("calendar", f"{t.value.start.isoformat()} falls on a {actual}"
                      + ("" if t.anchor == "explicit" else f" (year from the document date {facts.document_date.iso()})")),),
        )


CHECK = CheckKind(
    code='FC104', name='weekday-mismatch', severity='error',
    summary="A weekday written next to a date is not that date's weekday.",
    run=check, needs=frozenset({"times", "document_date"}), doc=__doc__ or "", examples=EXAMPLES,
    messages={
        'wrong-weekday': '{date} is a {actual}, not a {written}',
    },
)
