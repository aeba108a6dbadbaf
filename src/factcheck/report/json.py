"""--format json: one object per run, the stable contract in DESIGN.md."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from itertools import repeat
from typing import Any, TextIO, cast

from factcheck import __version__
from factcheck.discovery import Skipped
from factcheck.findings import Result
from factcheck.report import locate_one, summary


def finding_object(result: Result) -> list[dict[str, Any]]:
    """The contract's finding objects for one document."""
    return list(finding_objects(result))


def finding_objects(result: Result) -> Iterator[dict[str, Any]]:
    """`finding_object`, one at a time (a long document has tens of thousands)."""
    for loc in map(locate_one, result.findings, repeat(result.document)):
        f = loc.finding
        yield {
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
        }


def mention_objects(result: Result) -> list[dict[str, object]]:
    """Every title found next to a name, with its span and whether it was checked (and why not)."""
    return list(mention_objects_of(result))


def mention_objects_of(result: Result) -> Iterator[dict[str, object]]:
    """`mention_objects`, one at a time."""
    doc = result.document
    for m in result.mentions:
        line, col = doc.position(m.span.start)
        end_line, end_col = doc.position(m.span.end)
        yield {"line": line, "column": col, "end_line": end_line, "end_column": end_col,
               "title": m.title, "person": " ".join(m.person.split()), "office": m.office,
               "checked": m.checked, "verdict": m.verdict or None, "reason": m.reason or None}


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
    """The text of `render` in pieces: what `json.dumps(payload, indent=2, ensure_ascii=False)` gives,
    but each document's findings and titles are made, encoded and dropped one at a time. Holding
    them all as objects cost several bytes of memory per byte of a long document dense with titles."""
    documents = [{
        "path": result.document.path,
        "id": None,
        "date": result.facts.document_date.iso(),
        "date_source": result.facts.document_date.source,
        "findings": finding_objects(result),
        "mentions": mention_objects_of(result),
    } for result in results]
    payload: dict[str, object] = {
        "version": 1,
        "tool": {"name": "factcheck", "version": __version__},
        "documents": documents,
        "summary": summary(results),
    }
    if skipped:
        payload["skipped"] = [{"path": s.path, "reason": s.reason} for s in skipped]
    yield from _encoded(payload, 0)
    yield "\n"


def _encoded(value: object, level: int) -> Iterator[str]:
    """`value` as the indenting encoder writes it at nesting `level`, with an iterator written as an
    array of the values it gives, each encoded as it comes. What holds no iterator is left to the
    encoder: its text at level 0, indented after each line break (JSON strings hold no raw line break)."""
    pad = "\n" + "  " * level
    if not _lazy(value):
        yield _ENCODER.encode(value).replace("\n", pad)
        return
    pairs: Iterator[tuple[str, object]]
    if isinstance(value, dict):
        pairs, opening, closing = ((_ENCODER.encode(k) + ": ", v) for k, v in value.items()), "{", "}"
    else:
        pairs, opening, closing = (("", v) for v in cast(Iterable[object], value)), "[", "]"
    first = True
    for prefix, item in pairs:
        yield (opening if first else ",") + pad + "  " + prefix
        yield from _encoded(item, level + 1)
        first = False
    yield opening + closing if first else pad + closing


def _lazy(value: object) -> bool:
    """Whether `value` is or holds an iterator (an array to write as it comes)."""
    if isinstance(value, dict):
        return any(_lazy(v) for v in value.values())
    return isinstance(value, Iterator) or isinstance(value, list) and any(_lazy(v) for v in value)


_ENCODER = json.JSONEncoder(indent=2, ensure_ascii=False)
