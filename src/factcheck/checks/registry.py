"""Rules as data, check kinds as code.

A rule (rules/*.toml) names a check kind; the kind's module in this package
provides `check(facts, kb, rule)`, its documentation (the module docstring) and
its firing / silent EXAMPLES, which run as tests and feed `factcheck rules --explain`.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Callable, Iterator, NamedTuple

from factcheck.errors import DataError
from factcheck.facts import Facts
from factcheck.findings import Finding, Severity
from factcheck.kb.model import KnowledgeBase

KINDS = ("tenure", "office_conflict", "attribution", "weekday", "date_order", "tense", "event_order", "document_date")


class RuleError(DataError):
    pass


class Example(NamedTuple):
    """A sentence (or short text) and whether the rule must fire on it."""

    text: str
    fires: bool
    date: str | None = None  # the document date to scan it with


@dataclass(frozen=True)
class Rule:
    """One rule of a rule pack: a check kind under a code, a name and a default severity."""

    code: str
    name: str
    kind: str
    severity: Severity
    summary: str
    options: dict = field(default_factory=dict, hash=False, compare=False)

    def module(self) -> ModuleType:
        return importlib.import_module(f"factcheck.checks.{self.kind}")

    @property
    def check(self) -> Callable[[Facts, KnowledgeBase, "Rule"], Iterator[Finding]]:
        return self.module().check

    @property
    def doc(self) -> str:
        return (self.module().__doc__ or "").strip()

    @property
    def examples(self) -> tuple[Example, ...]:
        return tuple(getattr(self.module(), "EXAMPLES", ()))


def load_rules(path: Path) -> tuple[Rule, ...]:
    import tomllib  # only when the compiled cache is rebuilt

    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise RuleError(f"{path}: {exc}") from None
    rules = []
    for row in data.get("rule", []):
        try:
            if row["kind"] not in KINDS:
                raise RuleError(f"{path}: rule {row['code']}: unknown kind {row['kind']!r} (known: {', '.join(KINDS)})")
            if row["severity"] not in ("error", "warning", "info"):
                raise RuleError(f"{path}: rule {row['code']}: severity must be error, warning or info")
            rules.append(Rule(row["code"], row["name"], row["kind"], row["severity"], row["summary"], row.get("options", {})))
        except KeyError as exc:
            raise RuleError(f"{path}: a rule is missing {exc}") from None
    return tuple(sorted(rules, key=lambda r: r.code))
