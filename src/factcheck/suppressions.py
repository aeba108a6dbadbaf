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

import re
from collections.abc import Callable
from dataclasses import dataclass

from factcheck.checks.registry import Rule
from factcheck.document import DIRECTIVE, FENCE, INLINE_CODE, names_factcheck
from factcheck.findings import Finding, Severity, selects
from factcheck.lazyre import lazy

# FC900 is not a check of the text: it reports the checker's own directives (unused ones with
# --report-unused-suppressions, unreadable ones always).
MALFORMED = Rule("FC900", "unused-suppression", "suppressions", Severity.WARNING,
                 "a factcheck directive that hides no finding: unused (--report-unused-suppressions) or unreadable")


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


# Anything that looks like a directive ("factcheck" right after a comment or bracket opens) but is
# not one: a verb misspelt, rules without their brackets, a missing colon or closing mark.
_CUE = r"[ \t]*factcheck(?:[ \t]*:|[ \t]+(?:ignor|disabl|enabl))"
_LOOKALIKE = lazy(rf"<!--{_CUE}[^\n]*?(?:-->|$)|\[{_CUE}[^\n\[\]]*(?:\[[^\n\]]*\])?[^\n\[\]]*(?:\]|$)",
                        re.MULTILINE | re.IGNORECASE)
_VERB_AND_RULES = lazy(r"factcheck\s*:?\s*(?P<verb>[A-Za-z-]+)?\s*(?P<rest>[^\]\n>]*)", re.IGNORECASE)
_VERBS = ("ignore", "disable-file", "disable", "enable")


def find_malformed(text: str, markdown: bool = False) -> tuple[tuple[int, int, str], ...]:
    """(start, end, message) for each factcheck directive that cannot be read, saying what was expected:
    `<!-- factcheck: ignore FC101 -->` would otherwise hide nothing, in silence."""
    if not names_factcheck(text):
        return ()
    code = _code_spans(text) if markdown else []
    good = {m.start() for m in DIRECTIVE.finditer(text)}
    out = []
    for m in _LOOKALIKE.finditer(text):
        if m.start() in good or any(s <= m.start() < e for s, e in code):
            continue
        html = m.group().startswith("<!--")
        parts = _VERB_AND_RULES.search(m.group())
        verb = (parts.group("verb") or "").lower() if parts else ""
        rules = re.findall(r"[A-Za-z][\w-]*", parts.group("rest")) if parts else []
        verb = verb if verb in _VERBS else "ignore"
        listed = f"[{', '.join(rules)}]" if rules else ""
        expected = f"<!-- factcheck: {verb}{listed} -->" if html else f"[factcheck: {verb}{listed}]"
        message = (f"this factcheck directive cannot be read and hides nothing; expected {expected} "
                   "(verbs: ignore, disable, enable, disable-file; rules in square brackets)")
        out.append((m.start(), m.end(), message))
    return tuple(out)
