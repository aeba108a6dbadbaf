"""event-order (FC107): "X followed Y", "after Y", "before Y" contradicted by the dates the text gives.

What it does:
    For an order claim whose two events both carry a date in the text, checks that the
    dates go the way the words say: "The strike, on May 3, followed the attack on May 9"
    puts the strike first by date and second by word.

Why is this bad?
    One of the two dates, or the order, is wrong; readers will repeat whichever they read last.

Abstains when: either event has no date of its own near the trigger, a date is relative
("on Tuesday") or takes its year from an earlier mention rather than from itself or a day-precise
document date ("in January after falling in December"), the intervals overlap (same month, say),
or the claim is quoted.

Example:
    Fires:  "The operation, launched on May 7, 2025, followed the attack on May 22, 2025."
    Silent: "The operation, launched on May 7, 2025, followed the attack on April 22, 2025."
"""

from __future__ import annotations

from typing import Iterator

from factcheck.checks.registry import CheckKind, Example, Rule
from factcheck.facts import Facts
from factcheck.findings import Evidence, Finding, Related
from factcheck.kb.model import KnowledgeBase

EXAMPLES = (
    Example("The operation, launched on May 7, 2025, followed the attack on May 22, 2025.", True, None),
    Example("The operation, launched on May 7, 2025, followed the attack on April 22, 2025.", False, None),
    Example("Operation Sindoor was launched on May 7, 2025. This operation followed the attack on April 22, 2025.", False, None),
    Example("Operation Sindoor was launched on March 7, 2025. This operation followed the attack on April 22, 2025.", True, None),
    Example("The vote on June 3, 2024 came before the summit on June 1, 2024.", True, None),
    Example("The vote in June 2024 came after the summit on June 1, 2024.", False, None),
    Example("Orders, measured against a base of 2015, rose in January after falling in December.", False, None),
)


def check(facts: Facts, kb: KnowledgeBase, rule: Rule) -> Iterator[Finding]:
    for claim in facts.orders:
        x, y = claim.first.value, claim.second.value
        wrong = x.end <= y.start if claim.relation == "after" else y.end <= x.start
        if not wrong:
            continue
        yield Finding(
            rule.code, rule.name, rule.severity, claim.trigger,
            f"the text puts one event {claim.relation} the other, but its date ({claim.first.text}) is "
            f"{'before' if claim.relation == 'after' else 'after'} the other's ({claim.second.text})",
            (Evidence("text", f"{claim.first.text} = {x.iso()}; {claim.second.text} = {y.iso()}"),),
            (Related(claim.first.span, f"date of the first event: {x.iso()}"),
             Related(claim.second.span, f"date of the second event: {y.iso()}")),
        )


CHECK = CheckKind(
    code='FC107', name='event-order', severity='warning',
    summary="'X followed Y' (or after/before) contradicted by the dates the text gives for X and Y.",
    run=check, needs=frozenset({"orders"}), doc=__doc__ or "", examples=EXAMPLES,
)
