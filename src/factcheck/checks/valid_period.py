"""valid-period: a name or title used at a time it did not name anything.

What it does:
    Finds the rule's names (whole words, never inside a quotation) and takes the time each is
    used at: the dates written in its sentence, else the document date. Reports the name when
    that time lies wholly outside the period in which the name was valid (every date of the
    sentence, when it has several): a renamed organisation, an office created or abolished on a
    known day.

Why is this bad?
    "Twitter said on Tuesday" in a 2025 article, or "Secretary of War" for 1950, names something
    that did not exist under that name then.

Abstains when: the time is unknown, or only partly outside the period (a month that straddles a
renaming day).

A rule of this kind is data (no Python), in a rule pack:

    [[rule]]
    code = "HOUSE002"
    name = "old-network-name"
    kind = "valid-period"
    severity = "warning"
    summary = "Twitter was renamed X on 2023-07-24."
    [rule.options]
    names = ["Twitter"]
    until = "2023-07-23"
    replacement = "X"

Options: names (list), from, until (YYYY, YYYY-MM or YYYY-MM-DD; `until` is the last valid day,
month or year), replacement, case_sensitive. Messages: outside ({text}, {period}, {time},
{instead}).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from factcheck.checks.registry import CheckKind, Rule
from factcheck.checks.wording import describe, occurrences, outside, validate_window, window
from factcheck.facts import Facts, sentence_at
from factcheck.findings import Evidence, Finding
from factcheck.kb.model import KnowledgeBase
from factcheck.temporal import TimesBySentence, nearest_time


def check(facts: Facts, kb: KnowledgeBase, rule: Rule) -> Iterator[Finding]:
    names = tuple(rule.options["names"])
    start, end = window(rule.options)
    by_sentence = TimesBySentence(facts.times)
    replacement = str(rule.options["replacement"])
    instead = f"; write '{replacement}'" if replacement else ""
    for text, span in occurrences(facts, names, bool(rule.options["case_sensitive"])):
        sentence = sentence_at(facts.sentences, span.start) if facts.sentences else -1
        near = nearest_time(by_sentence, sentence, span)
        if near is not None:
            # Several dates in one sentence may belong to different clauses: fire only when the
            # name is wrong at every one of them.
            if not all(outside(t.value, start, end) for t in by_sentence.of(sentence)):
                continue
            shown, evidence = f"{near.text} ({near.value.iso()})", Evidence("reference-time", f"'{near.text}' in the same sentence")
        else:
            doc = facts.document_date
            if doc.value is None or not outside(doc.value, start, end):
                continue
            shown = f"the document date ({doc.iso()})"
            evidence = Evidence("reference-time", f"document date {doc.iso()} ({doc.source})")
        period = describe(start, end)
        yield Finding(rule.code, rule.name, rule.severity, span,
                      rule.message("outside", text=text, period=period, time=shown, instead=instead),
                      (evidence, Evidence("rule", f"{rule.name}: {rule.summary}")))


def _validate(options: Mapping[str, object]) -> None:
    names = options["names"]
    if not isinstance(names, tuple) or not names or not all(isinstance(n, str) and n.strip() for n in names):
        raise ValueError("option names must be a non-empty list of names")
    if not options.get("from") and not options.get("until"):
        raise ValueError("a valid-period rule needs from, until or both")
    validate_window(options)


CHECK = CheckKind(
    code="", name="valid-period", severity="warning",  # no rule of its own: rule packs add them
    summary="A name or title used at a time outside the period in which it was valid.",
    run=check, needs=frozenset({"prose", "quotes", "sentences", "times", "document_date"}), doc=__doc__ or "",
    options={"names": (), "from": "", "until": "", "replacement": "", "case_sensitive": False},
    messages={"outside": "'{text}' is valid only {period}, not at {time}{instead}"},
    validate=_validate,
)
