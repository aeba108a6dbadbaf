"""Reporters: one output format per module, each a function of the results alone."""

from __future__ import annotations

from typing import NamedTuple

from factcheck.findings import Finding, Result


class Located(NamedTuple):
    """A finding with its 1-based positions in the file as given."""

    finding: Finding
    line: int
    column: int
    end_line: int
    end_column: int
    related: tuple[tuple[int, int, int, int, str], ...]


def locate(result: Result) -> tuple[Located, ...]:
    doc = result.document
    out = []
    for f in result.findings:
        line, col = doc.position(f.span.start)
        end_line, end_col = doc.position(f.span.end)
        related = tuple(doc.position(r.span.start) + doc.position(r.span.end) + (r.message,) for r in f.related)
        out.append(Located(f, line, col, end_line, end_col, related))
    return tuple(out)


def summary(results: list[Result]) -> dict[str, int]:
    findings = [f for r in results for f in r.findings]
    return {
        "documents": len(results),
        "findings": len(findings),
        "errors": sum(f.severity == "error" for f in findings),
        "warnings": sum(f.severity == "warning" for f in findings),
    }
