"""--format concise: exactly one line per finding (path:line:col: CODE [severity] message), no evidence;
`full` (text) and rich show the evidence and each document's coverage."""

from __future__ import annotations

from factcheck.findings import Result
from factcheck.report import locate, summary, summary_line


def render(results: list[Result], show_unchecked: bool = False, quiet: bool = False) -> str:
    lines = [f"{r.document.path}:{loc.line}:{loc.column}: {loc.finding.code} [{loc.finding.severity}] {loc.finding.message}"
             for r in results for loc in locate(r)]
    if not quiet:
        lines.append(summary_line(summary(results)))
    return "".join(line + "\n" for line in lines)
