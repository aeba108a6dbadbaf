"""--format github: GitHub Actions workflow commands, one annotation per finding."""

from __future__ import annotations

from factcheck.findings import Result
from factcheck.report import locate

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(results: list[Result]) -> str:
    lines = []
    for result in results:
        for loc in locate(result):
            f = loc.finding
            lines.append(
                f"::{COMMAND[f.severity]} file={_prop(result.document.path)},line={loc.line},col={loc.column},"
                f"endLine={loc.end_line},endColumn={loc.end_column},title={_prop(f.code + ' ' + f.rule)}::{_data(f.message)}"
            )
    return "".join(line + "\n" for line in lines)
