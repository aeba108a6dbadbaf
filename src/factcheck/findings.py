"""Findings: what a check concluded, with every span involved and its evidence."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Literal, NamedTuple

from factcheck.facts import Facts, Span

if TYPE_CHECKING:
    from factcheck.document import Document
    from factcheck.suppressions import Suppression

Severity = Literal["error", "warning", "info"]
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True)
class Evidence:
    """One reason behind a finding: a knowledge-base row (with its source) or a computed date."""

    kind: str  # "kb-term", "kb-holder", "document-date", "reference-time", "text"
    text: str
    source: str = ""


@dataclass(frozen=True)
class Related:
    """The other side of a contradiction: another place in the same document."""

    span: Span
    message: str


@dataclass(frozen=True)
class Finding:
    """One reported statement: the rule, where, why, and the evidence for it."""

    code: str
    rule: str
    severity: Severity
    span: Span
    message: str
    evidence: tuple[Evidence, ...] = ()
    related: tuple[Related, ...] = ()

    def sort_key(self) -> tuple[int, int, str, str]:
        return (self.span.start, self.span.end, self.code, self.message)


def finalize(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """Sorted, with exact duplicates (same rule, same span, same message) removed."""
    seen: set[tuple[str, int, int, str]] = set()
    out: list[Finding] = []
    for f in sorted(findings, key=Finding.sort_key):
        key = (f.code, f.span.start, f.span.end, f.message)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return tuple(out)


class Result(NamedTuple):
    """What checking one document produced."""

    document: Document
    facts: Facts
    findings: tuple[Finding, ...]
    unused_suppressions: tuple[Suppression, ...] = ()
