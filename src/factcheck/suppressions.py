"""Inline suppressions, written in the document itself.

Markdown / HTML (an HTML comment, invisible when rendered):

    <!-- factcheck: ignore[role-tenure] -->        this line, or the next line when alone on its line
    <!-- factcheck: disable[FC101, FC102] -->      from here ...
    <!-- factcheck: enable -->                     ... to here (or to the end)
    <!-- factcheck: disable-file[FC104] -->        the whole file (no list: every rule)

Plain text has no comments, so the same directives are written in square brackets:
`[factcheck: ignore[FC101]]`. A list names rules by code or name, or a code prefix (`FC1`);
an empty list means every rule. An `ignore` that hides nothing is reported by
`--report-unused-suppressions`, as ruff's RUF100 does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from factcheck.document import DIRECTIVE, FENCE, INLINE_CODE
from factcheck.findings import Finding, selects


@dataclass(frozen=True, slots=True)
class Suppression:
    """A factcheck directive found in the text."""

    verb: str  # "ignore", "disable", "enable", "disable-file"
    rules: tuple[str, ...]  # empty: every rule
    line: int  # 1-based line of the directive
    alone: bool  # the directive is the only thing on its line
    start: int  # offsets of the directive in the file
    end: int

    def covers(self, finding: Finding) -> bool:
        return not self.rules or any(selects(r, finding.code, finding.rule) for r in self.rules)


def _code_spans(text: str) -> list[tuple[int, int]]:
    """Fenced blocks and inline code of Markdown: a directive shown there is an example, not an order."""
    fences = [m.span() for m in FENCE.finditer(text)]
    inline = [m.span() for m in INLINE_CODE.finditer(text) if not any(s <= m.start() < e for s, e in fences)]
    return fences + inline


def find_suppressions(text: str, markdown: bool = False) -> tuple[Suppression, ...]:
    out = []
    code = _code_spans(text) if markdown else []
    if "factcheck:" not in text:
        return ()
    for m in DIRECTIVE.finditer(text):
        if any(s <= m.start() < e for s, e in code):
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        alone = not (text[line_start : m.start()] + text[m.end() : line_end]).strip()
        rules = tuple(r.strip() for r in (m.group("rules") or "").split(",") if r.strip())
        out.append(Suppression(m.group("verb"), rules, text.count("\n", 0, m.start()) + 1, alone, m.start(), m.end()))
    return tuple(out)


def apply(findings: tuple[Finding, ...], suppressions: tuple[Suppression, ...], line_of: Callable[[int], int],
          running: Callable[[str], bool] = lambda selector: True) -> tuple[tuple[Finding, ...], tuple[Suppression, ...]]:
    """(findings that remain, `ignore` directives that hid nothing). `line_of` maps an offset to its
    line; `running(selector)` says whether a named rule ran (or is unknown): a directive naming only
    rules that were not selected is not reported as unused."""
    used: set[Suppression] = set()
    kept = []
    for f in findings:
        line = line_of(f.span.start)
        hit = _hiding(f, line, suppressions)
        if hit is None:
            kept.append(f)
        else:
            used.add(hit)
    unused = tuple(s for s in suppressions
                   if s.verb == "ignore" and s not in used and (not s.rules or any(running(r) for r in s.rules)))
    return tuple(kept), unused


def _hiding(f: Finding, line: int, suppressions: tuple[Suppression, ...]) -> Suppression | None:
    active: dict[str, Suppression] = {}
    for s in suppressions:
        if s.verb == "disable-file" and s.covers(f):
            return s
        if s.verb == "ignore" and s.covers(f) and (s.line == line or (s.alone and s.line + 1 == line)):
            return s
        if s.line <= line:
            if s.verb == "disable" and s.covers(f):
                active["block"] = s
            elif s.verb == "enable" and "block" in active and (not s.rules or s.covers(f)):
                del active["block"]
    return active.get("block")
