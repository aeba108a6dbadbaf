"""missing-date (FC108): a document whose titles need a date, and that gives none.

What it does:
    A bare title names the office held at the document date, so a story with no date
    (no --date, front matter, dateline with its year, configured date, or tenses to infer
    it from) leaves every such title unchecked. This rule says so once per document, on
    the first title that could not be judged for want of a date, naming how many.

Why is this bad?
    A gate that passes silently is worse than one that says "I could not check this":
    "Treasury Secretary Janet Yellen said on Tuesday" in an undated 2025 story passes
    every other rule.

Info by default: `--fail-on info` makes it fail a run, and the configuration's
`require-date = true` makes it an error that fires for every undated document, titles
or not (rule option `always`).

Example:
    Fires:  "Treasury Secretary Janet Yellen said the talks went well." with no date
    Silent: the same sentence scanned with --date 2023-05-02
"""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.checks.registry import CheckKind, Example, Rule
from factcheck.checks.tenure import NO_DATE, judge
from factcheck.facts import Facts, Span
from factcheck.findings import Evidence, Finding
from factcheck.kb.model import KnowledgeBase

EXAMPLES = (
    Example("Treasury Secretary Janet Yellen said the talks went well.", True, None),
    Example("Treasury Secretary Janet Yellen said the talks went well.", False, "2023-05-02"),
    Example("The talks went well, a spokesman said.", False, None),
)

HOW = "give --date, a `date:` in front matter, a dateline with its year, or `date` in the configuration"


def check(facts: Facts, kb: KnowledgeBase, rule: Rule) -> Iterator[Finding]:
    if facts.document_date.value is not None:
        return
    waiting = [c for c in facts.roles if judge(facts, kb, c).reason == NO_DATE]
    if waiting:
        n = len(waiting)
        yield Finding(
            rule.code, rule.name, rule.severity, waiting[0].span,
            f"the document has no date, so {n} title{'s' if n != 1 else ''} naming the holder at that date "
            f"could not be checked; {HOW}",
            tuple(Evidence("text", f"not checked: {c.title} {' '.join(c.person.text.split())}") for c in waiting),
        )
    elif rule.options.get("always"):
        first = facts.sentences[0].span if facts.sentences else Span(0, 0)
        yield Finding(rule.code, rule.name, rule.severity, first,
                      f"the document has no date and the configuration requires one (require-date); {HOW}")


CHECK = CheckKind(
    code="FC108", name="missing-date", severity="info",
    summary="A document has titles that need its date to be checked, and gives no date.",
    run=check, needs=frozenset({"roles", "document_date", "sentences"}), doc=__doc__ or "", examples=EXAMPLES,
    options={"always": False},  # set by the configuration's require-date
)
