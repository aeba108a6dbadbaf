"""Which rules run, at which severity: --select/--ignore and the configuration's choices.

A selector is a code (`FC101`), a code prefix (`FC1`, `ALL`) or a name (`role-tenure`). An
unknown selector is a usage error that suggests the closest valid one.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable

from factcheck.checks.registry import Rule
from factcheck.errors import UsageError
from factcheck.findings import Severity, selects


def matches(selector: str, rule: Rule) -> bool:
    return selects(selector, rule.code, rule.name)


def suggest(selector: str, rules: tuple[Rule, ...]) -> str:
    """'; did you mean ...?' with the closest code or name, or the list of codes."""
    import difflib  # only for the error message

    valid = [r.code for r in rules] + [r.name for r in rules]
    close = difflib.get_close_matches(selector, valid, n=1) or difflib.get_close_matches(selector.upper(), valid, n=1)
    return f"; did you mean {close[0]!r}?" if close else f" (rules: {', '.join(r.code for r in rules)})"


def check_selectors(selectors: Iterable[str], rules: tuple[Rule, ...], where: str) -> None:
    for s in selectors:
        if not any(matches(s, r) for r in rules):
            raise UsageError(f"{where}: unknown rule {s!r}{suggest(s, rules)}")


def select(rules: tuple[Rule, ...], selected: Iterable[str] = (), ignored: Iterable[str] = (),
           severities: dict[str, str] | None = None, where: str = "--select/--ignore") -> tuple[Rule, ...]:
    selected, ignored = list(selected), list(ignored)
    check_selectors(selected + ignored + list(severities or ()), rules, where)
    chosen = [r for r in rules if (not selected or any(matches(s, r) for s in selected)) and not any(matches(s, r) for s in ignored)]
    out = []
    for r in chosen:
        for key, level in (severities or {}).items():
            if matches(key, r):
                if level not in tuple(Severity):
                    raise UsageError(f"{where}: severity for {key!r} must be error, warning or info, not {level!r}")
                r = replace(r, severity=Severity(level))
        out.append(r)
    return tuple(out)
