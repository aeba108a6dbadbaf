"""--format text: one line per finding (path:line:col: CODE severity message), evidence indented."""

from __future__ import annotations

from factcheck.findings import Result
from factcheck.report import locate, summary


def render(results: list[Result]) -> str:
    lines: list[str] = []
    for result in results:
        for loc in locate(result):
            f = loc.finding
            lines.append(f"{result.document.path}:{loc.line}:{loc.column}: {f.code} [{f.severity}] {f.rule}: {f.message}")
            for e in f.evidence:
                lines.append(f"    evidence: {e.text}" + (f" (source: {e.source})" if e.source else ""))
            for ln, c, _el, _ec, m in loc.related:
                lines.append(f"    related: {result.document.path}:{ln}:{c}: {m}")
    s = summary(results)
    lines.append(f"{s['documents']} document(s), {s['findings']} finding(s): {s['errors']} error(s), {s['warnings']} warning(s)")
    return "\n".join(lines) + "\n"
