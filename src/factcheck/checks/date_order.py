"""date-range-order (FC105): a date range that ends before it starts, or a date the calendar lacks.

What it does:
    Reports ranges such as "August 26 to 23, 2025" whose end day comes before the start
    day, and dates such as "February 30" or "June 31, 2025" that do not exist.

Why is this bad?
    A reader cannot tell which of the two numbers is wrong; neither can a calendar.

Example:
    Fires:  "The fair runs from August 26 to 23, 2025."
    Silent: "The fair runs from August 23 to 26, 2025."
"""

from __future__ import annotations

from typing import Iterator

from factcheck.checks.registry import CheckKind, Example, Rule
from factcheck.facts import Facts
from factcheck.findings import Evidence, Finding
from factcheck.kb.model import KnowledgeBase

EXAMPLES = (
    Example("The fair runs from August 26 to 23, 2025.", True, None),
    Example("The fair runs from August 23 to 26, 2025.", False, None),
    Example("The deadline is February 30, 2025.", True, None),
    Example("The deadline is February 28, 2025.", False, None),
    Example("The leap-day vote was on February 29, 2024.", False, None),
)

_RANGES = frozenset({"md-range", "dm-range", "mm-range"})


def check(facts: Facts, kb: KnowledgeBase, rule: Rule) -> Iterator[Finding]:
    for t in facts.times:
        if t.kind in _RANGES and t.value.end <= t.value.start:
            yield Finding(
                rule.code, rule.name, rule.severity, t.span,
                rule.message("reversed-range", text=t.text),
                (Evidence("calendar", f"starts {t.value.start.isoformat()}, ends earlier"),),
            )
    for nd in facts.non_dates:
        if nd.kind == "impossible":
            yield Finding(
                rule.code, rule.name, rule.severity, nd.span,
                rule.message("impossible-date", text=nd.text),
                (Evidence("calendar", "that month has fewer days"),),
            )


CHECK = CheckKind(
    code='FC105', name='date-range-order', severity='error',
    summary='A date range that ends before it starts, or a date the calendar does not have.',
    run=check, needs=frozenset({"times", "non_dates"}), doc=__doc__ or "", examples=EXAMPLES,
    messages={
        'reversed-range': "the range '{text}' ends before it starts",
        'impossible-date': "'{text}' is not a date on the calendar",
    },
)
