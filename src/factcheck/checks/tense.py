"""tense-date-conflict (FC106): future tense for a time before the document date, or past tense for a time after it.

What it does:
    For each date the text writes out with its year, reads the tense of its own clause
    (the words between the nearest commas or semicolons): "will visit on March 3, 2025"
    in a text dated 2025-06-01 announces as coming something that has already happened.

Why is this bad?
    It is the typical trace of an old paragraph pasted into a new story, or of a story
    published later than it was written.

Abstains when: the document date is not declared (an inferred date is built from these
same tenses, so it cannot contradict them), the clause has no clear tense, the
expression is quoted, or the date is written without a year or relative to the
document date ("on Tuesday" takes its year and week from the tense itself). "Would" is
not future: "In 1987 he said he would visit in 1988" is fine.

Example:
    Fires:  "Singh will visit Washington on March 3, 2025." in a text dated 2025-06-01
    Silent: "Singh visited Washington on March 3, 2025." in the same text
"""

from __future__ import annotations

from typing import Iterator

from factcheck.checks.registry import CheckKind, Example, Rule
from factcheck.facts import Facts, Span, covered
from factcheck.findings import Evidence, Finding
from factcheck.kb.model import KnowledgeBase

EXAMPLES = (
    Example("Singh will visit Washington on March 3, 2025.", True, "2025-06-01"),
    Example("Singh visited Washington on March 3, 2025.", False, "2025-06-01"),
    Example("Singh visited Washington on September 3, 2025.", True, "2025-06-01"),
    Example("Singh will visit Washington on September 3, 2025.", False, "2025-06-01"),
    Example("In 1987 he said he would visit in 1988.", False, "1990-01-01"),
    Example('"We will meet on March 3, 2025," he wrote in February.', False, "2025-06-01"),
    Example("The talks, which were held in Geneva, will resume on March 3, 2025.", True, "2025-06-01"),
    Example("The talks, which will resume on September 3, 2025, were held in Geneva.", False, "2025-06-01"),
    Example("The loan runs to 2030, with a first payment permitted on September 3, 2025.", False, "2025-06-01"),
)

_EXPLICIT = "explicit"
_DATED = frozenset({"day", "month", "range"})


def check(facts: Facts, kb: KnowledgeBase, rule: Rule) -> Iterator[Finding]:
    doc = facts.document_date
    if doc.value is None or not doc.source.declared:
        return
    for t in facts.times:
        if t.anchor != _EXPLICIT or t.value.grain not in _DATED or _quoted(facts, t.span):
            continue  # a bare year is usually a label ("1986 earnings", "notes due 1992"), not an event time
        tense = t.clause_tense
        if tense == "future" and t.value.end <= doc.value.start:
            verdict = rule.message("future-for-past", text=t.text, date=doc.iso())
        elif tense == "past" and t.value.start > doc.value.last:
            verdict = rule.message("past-for-future", text=t.text, date=doc.iso())
        else:
            continue
        yield Finding(
            rule.code, rule.name, rule.severity, t.span, verdict,
            (Evidence("reference-time", f"document date {doc.iso()} ({doc.source})"),
             Evidence("text", f"the clause around '{t.text}' is in the {tense} tense")),
        )


def _quoted(facts: Facts, span: Span) -> bool:
    return covered(facts.quotes, span.start, span.end)


CHECK = CheckKind(
    code='FC106', name='tense-date-conflict', severity='warning',
    summary='Future tense for a date before the document date, or past tense for a date after it.',
    run=check, needs=frozenset({"times", "quotes", "document_date"}), doc=__doc__ or "", examples=EXAMPLES,
    messages={
        'future-for-past': 'future tense for {text}, which is before the document date ({date})',
        'past-for-future': 'past tense for {text}, which is after the document date ({date})',
    },
)
