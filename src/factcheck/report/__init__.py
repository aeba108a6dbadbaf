"""Reporters: one output format per module, each a function of the results alone."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from factcheck.errors import printable as printable  # where the reporters have always found it
from factcheck.findings import Finding, Result

if TYPE_CHECKING:
    from factcheck.document import Document


class Located(NamedTuple):
    """A finding with its 1-based positions in the file as given."""

    finding: Finding
    line: int
    column: int
    end_line: int
    end_column: int
    related: tuple[tuple[int, int, int, int, str], ...]


def locate(result: Result) -> tuple[Located, ...]:
    return tuple(locate_one(f, result.document) for f in result.findings)


def locate_one(f: Finding, doc: Document) -> Located:
    """One finding with its lines and columns."""
    line, col = doc.position(f.span.start)
    end_line, end_col = doc.position(f.span.end)
    related = tuple(doc.position(r.span.start) + doc.position(r.span.end) + (r.message,) for r in f.related)
    return Located(f, line, col, end_line, end_col, related)


def coverage(result: Result) -> str:
    """One line on what the document's titles came to: "7 titles checked, 3 not: 2 unknown office, 1 no
    document date" (a document nobody could check must not look like a clean one)."""
    from collections import Counter

    mentions = result.mentions
    checked = sum(m.checked for m in mentions)
    if not mentions:
        return "no titles to check"
    line = f"{checked} title{'s' if checked != 1 else ''} checked"
    reasons = Counter(m.reason for m in mentions if not m.checked)
    if reasons:
        line += f", {sum(reasons.values())} not: " + ", ".join(
            f"{n} {reason}" for reason, n in sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0])))
    return line


def document_line(result: Result) -> str:
    """The document's date (and how it was found) and its coverage: what ends each document in text and rich."""
    dd = result.facts.document_date
    return f"date {dd.iso() or 'unknown'} ({dd.source}); {coverage(result)}"


def unchecked(result: Result) -> list[str]:
    """`line:col title name: reason` for each title that was not checked (--show-unchecked)."""
    doc = result.document
    out = []
    for m in result.mentions:
        if not m.checked:
            line, col = doc.position(m.span.start)
            name = " ".join(doc.text_at(m.span.start, m.span.end).split())
            out.append(f"{line}:{col} {name}: {m.reason}")
    return out


def summary_line(s: dict[str, int]) -> str:
    line = f"{s['documents']} document(s), {s['findings']} finding(s): {s['errors']} error(s), {s['warnings']} warning(s)"
    infos = s["findings"] - s["errors"] - s["warnings"]
    return line + (f", {infos} info" if infos else "")


def summary(results: list[Result]) -> dict[str, int]:
    findings = [f for r in results for f in r.findings]
    return {
        "documents": len(results),
        "findings": len(findings),
        "errors": sum(f.severity == "error" for f in findings),
        "warnings": sum(f.severity == "warning" for f in findings),
    }
