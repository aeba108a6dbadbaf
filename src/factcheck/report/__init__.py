"""Reporters: one output format per module, each a function of the results alone."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

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


# C0 and C1 control characters (the escape that starts a terminal sequence among them), DEL, and
# the bidirectional overrides that make a terminal show text in another order than it is stored,
# each with the escape that shows it. A translation table rather than a regular expression: a
# character class reaching past U+00FF took a third of a millisecond to compile in every run.
_CONTROL = [*range(0x00, 0x20), *range(0x7F, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
_ESCAPES = {c: f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}" for c in _CONTROL}


def printable(text: str) -> str:
    """`text` safe for a terminal: control characters written as escapes (ESC as \\x1b), so a file
    name or a sentence can never move the cursor, recolour the screen or hide what follows."""
    return text.translate(_ESCAPES)


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
