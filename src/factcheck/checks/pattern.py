"""pattern: a phrase that is wrong, optionally only in a date window, with what to write instead.

What it does:
    Finds the rule's phrases in the prose (whole words, any case unless case_sensitive, never
    inside a quotation) and reports each one; with a `from`/`until` window, only when the
    document date lies wholly inside it.

Why is this bad?
    House style: an old product name, a retired title, a phrase the newsroom corrected. The
    rule pack says what to write instead.

Abstains when: the rule has a window and the document date is unknown or only partly inside it.

A rule of this kind is data (no Python), in a rule pack:

    [[rule]]
    code = "HOUSE001"
    name = "old-network-name"
    kind = "pattern"
    severity = "warning"
    summary = "The network was renamed X on 2023-07-24."
    [rule.options]
    phrases = ["Twitter"]
    replacement = "X"
    from = "2023-07-24"

Options: phrases (list), replacement, from, until (YYYY, YYYY-MM or YYYY-MM-DD), case_sensitive.
Messages: replace ({text}, {replacement}, {window}), avoid ({text}, {window}).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date

from factcheck.checks.registry import CheckKind, Rule
from factcheck.checks.wording import describe, inside, occurrences, validate_window, window
from factcheck.facts import Facts
from factcheck.findings import Evidence, Finding
from factcheck.kb.model import KnowledgeBase


def check(facts: Facts, kb: KnowledgeBase, rule: Rule) -> Iterator[Finding]:
    phrases = tuple(rule.options["phrases"])
    if not phrases:
        return
    start, end = window(rule.options)
    windowed = (start, end) != (date.min, date.max)
    doc = facts.document_date
    if windowed and (doc.value is None or not inside(doc.value, start, end)):
        return
    when = f" (wrong {describe(start, end)}; document date {doc.iso()})" if windowed else ""
    replacement = str(rule.options["replacement"])
    for text, span in occurrences(facts, phrases, bool(rule.options["case_sensitive"])):
        message = (rule.message("replace", text=text, replacement=replacement, window=when) if replacement
                   else rule.message("avoid", text=text, window=when))
        evidence = [Evidence("rule", f"{rule.name}: {rule.summary}")]
        if windowed:
            evidence.append(Evidence("reference-time", f"document date {doc.iso()} ({doc.source})"))
        yield Finding(rule.code, rule.name, rule.severity, span, message, tuple(evidence))


def _validate(options: Mapping[str, object]) -> None:
    phrases = options["phrases"]
    if not isinstance(phrases, tuple) or not phrases or not all(isinstance(p, str) and p.strip() for p in phrases):
        raise ValueError("option phrases must be a non-empty list of phrases")
    validate_window(options)


CHECK = CheckKind(
    code="", name="pattern", severity="warning",  # no rule of its own: rule packs add them
    summary="A phrase a rule pack marks as wrong, optionally only in a date window.",
    run=check, needs=frozenset({"prose", "quotes", "document_date"}), doc=__doc__ or "",
    options={"phrases": (), "replacement": "", "from": "", "until": "", "case_sensitive": False},
    messages={"replace": "write '{replacement}', not '{text}'{window}", "avoid": "'{text}' should not be used{window}"},
    validate=_validate,
)
