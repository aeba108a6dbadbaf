"""Findings: what a check concluded, with every span involved and its evidence."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Iterable, NamedTuple

from factcheck.facts import Facts, Span

if TYPE_CHECKING:
    from factcheck.document import Document
    from factcheck.suppressions import Suppression

class Severity(StrEnum):
    """How serious a finding is; compares equal to its name ("error" == Severity.ERROR)."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return SEVERITY_RANK[self]


SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}


def selects(selector: str, code: str, name: str) -> bool:
    """Whether a selector names a rule: ALL, the rule's name, its code, or a prefix of its code that
    keeps the code's letters ("FC1" and "FC" select FC101; "F" does not; "ACME" selects ACME001).
    The one matcher of --select/--ignore, the configuration and inline suppressions."""
    s = selector.strip().upper()
    if s == "ALL" or selector.strip() == name:
        return True
    letters = code.rstrip("0123456789").upper()
    return bool(s) and s.startswith(letters) and code.upper().startswith(s)


@dataclass(frozen=True, slots=True)
class Evidence:
    """One reason behind a finding: a knowledge-base row (with its source) or a computed date."""

    kind: str  # "kb-term", "kb-holder", "document-date", "reference-time", "text"
    text: str
    source: str = ""


@dataclass(frozen=True, slots=True)
class Related:
    """The other side of a contradiction: another place in the same document."""

    span: Span
    message: str


@dataclass(frozen=True, slots=True)
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


# eq=False: a line of a report, read where it is made, never compared (findings are).
@dataclass(frozen=True, slots=True, eq=False)
class MentionStatus:
    """A title the checker found next to a name, and what became of it: checked (the verdict), or
    not checked and why ("no document date", "unknown office", ...). Reports list these so that a
    document nobody could check does not pass in silence."""

    span: Span
    title: str
    person: str
    office: str | None
    verdict: str  # "right", "wrong", or "" when not checked
    reason: str = ""  # why it was not checked

    @property
    def checked(self) -> bool:
        return not self.reason


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
    mentions: tuple[MentionStatus, ...] = ()  # every title found, checked or not (and why)
