"""--format text (or full): one line per finding (path:line:col: CODE severity message), evidence and
related places indented, and one line per document with its date and what its titles came to."""

from __future__ import annotations

from factcheck.findings import Result
from factcheck.report import document_line, locate, printable, summary, summary_line, unchecked


def render(results: list[Result], show_unchecked: bool = False, quiet: bool = False) -> str:
    lines: list[str] = []
    for result in results:
        path = printable(result.document.path)
        for loc in locate(result):
            f = loc.finding
            lines.append(f"{path}:{loc.line}:{loc.column}: {f.code} [{f.severity}] {f.rule}: {printable(f.message)}")
            for e in f.evidence:
                lines.append(f"    evidence: {printable(e.text)}" + (f" (source: {printable(e.source)})" if e.source else ""))
            for ln, c, _el, _ec, m in loc.related:
                lines.append(f"    related: {path}:{ln}:{c}: {printable(m)}")
        if not quiet:
            lines.append(f"{path}: {document_line(result)}")
        if show_unchecked:
            lines += [f"    not checked: {path}:{printable(u)}" for u in unchecked(result)]
    if not quiet:
        lines.append(summary_line(summary(results)))
    return "".join(line + "\n" for line in lines)
