"""--format json: one object per run, the stable contract in DESIGN.md."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any, TextIO

from factcheck import __version__
from factcheck.discovery import Skipped
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


def mention_objects(result: Result) -> list[dict[str, object]]:
    """Every title found next to a name, with its span and whether it was checked (and why not)."""
    doc = result.document
    out = []
    for m in result.mentions:
        line, col = doc.position(m.span.start)
        end_line, end_col = doc.position(m.span.end)
        out.append({"line": line, "column": col, "end_line": end_line, "end_column": end_col,
                    "title": m.title, "person": " ".join(m.person.split()), "office": m.office,
                    "checked": m.checked, "verdict": m.verdict or None, "reason": m.reason or None})
    return out


def render(results: list[Result], skipped: Sequence[Skipped] = ()) -> str:
    """The run as one object; `skipped` (entries that could not be checked) adds a "skipped" list."""
    return "".join(pieces(results, skipped))


def write(results: list[Result], out: TextIO, skipped: Sequence[Skipped] = ()) -> None:
    """`render`, written to `out` a piece at a time: the whole text of a report on a long document
    is never held in memory (joining the encoder's pieces needs several times the text's size)."""
    batch: list[str] = []
    size = 0
    for piece in pieces(results, skipped):
        batch.append(piece)
        size += len(piece)
        if size > 65536:
            out.write("".join(batch))
            batch, size = [], 0
    out.write("".join(batch))


def pieces(results: list[Result], skipped: Sequence[Skipped] = ()) -> Iterator[str]:
    """The text of `render`, in the pieces the JSON encoder makes."""
    documents = []
    for result in results:
        dd = result.facts.document_date
        documents.append({
            "path": result.document.path,
            "id": None,
            "date": dd.iso(),
            "date_source": dd.source,
            "findings": finding_object(result),
            "mentions": mention_objects(result),
        })
    payload: dict[str, object] = {
        "version": 1,
        "tool": {"name": "factcheck", "version": __version__},
        "documents": documents,
        "summary": summary(results),
    }
    if skipped:
        payload["skipped"] = [{"path": s.path, "reason": s.reason} for s in skipped]
    yield from json.JSONEncoder(indent=2, ensure_ascii=False).iterencode(payload)  # what json.dumps(...) joins
    yield "\n"
