"""--format json: one object per run, the stable contract in DESIGN.md."""

from __future__ import annotations

import json
from typing import Any

from factcheck import __version__
from factcheck.findings import Result
from factcheck.report import locate, summary


def finding_object(result: Result) -> list[dict[str, Any]]:
    """The contract's finding objects for one document."""
    out = []
    for loc in locate(result):
        f = loc.finding
        out.append({
            "rule": f.rule,
            "code": f.code,
            "severity": f.severity,
            "line": loc.line,
            "column": loc.column,
            "end_line": loc.end_line,
            "end_column": loc.end_column,
            "message": f.message,
            "evidence": [{"kind": e.kind, "text": e.text, "source": e.source} for e in f.evidence],
            "related": [
                {"line": ln, "column": c, "end_line": el, "end_column": ec, "message": m}
                for ln, c, el, ec, m in loc.related
            ],
        })
    return out


def render(results: list[Result]) -> str:
    documents = []
    for result in results:
        dd = result.facts.document_date
        documents.append({
            "path": result.document.path,
            "id": None,
            "date": dd.iso(),
            "date_source": dd.source,
            "findings": finding_object(result),
        })
    payload = {
        "version": 1,
        "tool": {"name": "factcheck", "version": __version__},
        "documents": documents,
        "summary": summary(results),
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
