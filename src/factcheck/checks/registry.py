"""Check kinds as code, rules as data.

A *check kind* is code: an object following the `Check` protocol below, published under the
`factcheck.checks` entry-point group (the built-in kinds are declared in factcheck's own
pyproject.toml, exactly as a third-party package declares its own). A *rule* is data: a table of a
rule pack (rules/*.toml, or a folder given by `--rules` or the configuration) that names a kind
and gives it a code, a name, a severity, options and message templates.

Every installed check also brings its own default rule (its `code`, `name`, `severity`,
`summary`), so installing a plugin package is enough to see its rule in `factcheck rules`. A rule
pack may then

- override a rule by its code (a table with `code` and no `kind`): severity, summary, options,
  message templates;
- add a rule of a kind (a table with `kind`, `code`, `name`, `severity`, `summary`), for instance a
  `pattern` or `valid-period` rule that needs no Python at all.

Options and message templates are validated when the rule pack is read: an option the kind does
not define, a value of the wrong type, or a template naming a field the kind does not provide is a
one-line error naming the file and the rule.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, NamedTuple, Protocol, runtime_checkable

from factcheck.errors import DataError
from factcheck.findings import Finding, Severity

if TYPE_CHECKING:
    from factcheck.facts import Facts
    from factcheck.kb.house import HouseFacts
    from factcheck.kb.model import KnowledgeBase

GROUP = "factcheck.checks"
SEVERITIES = tuple(s.value for s in Severity)


class RuleError(DataError):
    pass


class Example(NamedTuple):
    """A sentence (or short text) and whether the rule must fire on it."""

    text: str
    fires: bool
    date: str | None = None  # the document date to scan it with


@runtime_checkable
class Check(Protocol):
    """What a check kind provides (the built-in kinds and plugins alike).

    - `code`, `name`, `severity`, `summary`: its default rule ("FC104", "weekday-mismatch", ...);
      a plugin picks codes outside FC1xx (for instance its own letters: "ACME001"). A kind with
      an empty code has no rule of its own (`pattern`, `valid-period`): rule packs add its rules.
    - `needs`: the fields of `Facts` it reads ("times", "roles", "document_date", ...).
    - `options`: the options a rule may set, with their defaults; a rule's value must have the
      default's type (a list for a tuple default).
    - `messages`: the message templates a rule may rewrite, keyed by a short name, written with
      `{field}` placeholders (str.format); `Rule.message(key, **fields)` fills them.
    - `doc` and `examples`: its documentation (What it does / Why is this bad? / ...) and the
      sentences it must and must not fire on; `factcheck rules --explain` prints both and the test
      suite runs the examples.
    - `check(facts, kb, rule)`: the findings for one document. `rule` is the configured rule: its
      code, name and severity go into each Finding, `rule.options` holds the options (defaults
      filled in), `rule.message(...)` the templates. A check reads only `facts` and `kb`.
    """

    code: str
    name: str
    severity: str  # "error", "warning" or "info"
    summary: str
    needs: frozenset[str]
    options: Mapping[str, object]
    messages: Mapping[str, str]
    doc: str
    examples: tuple[Example, ...]

    def check(self, facts: Facts, kb: KnowledgeBase, rule: Rule) -> Iterable[Finding]: ...


# eq=False: a check kind is one object per installed check, told apart by identity.
@dataclass(frozen=True, slots=True, eq=False)
class CheckKind:
    """A ready-made `Check`: a function and its description (what the built-in kinds use)."""

    code: str
    name: str
    severity: str
    summary: str
    run: Callable[[Facts, KnowledgeBase, Rule], Iterable[Finding]]
    needs: frozenset[str] = frozenset()
    options: Mapping[str, object] = field(default_factory=dict)
    messages: Mapping[str, str] = field(default_factory=dict)
    doc: str = ""
    examples: tuple[Example, ...] = ()
    # Checks a rule's options beyond their types; raises ValueError with a one-line reason.
    validate: Callable[[Mapping[str, object]], None] | None = None

    def check(self, facts: Facts, kb: KnowledgeBase, rule: Rule) -> Iterable[Finding]:
        return self.run(facts, kb, rule)


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule: a check kind under a code, a name and a severity, with its options and templates.

    `target` is where its check lives ("module:attribute", from the entry point); the check is
    imported when first run, so a compiled engine stays plain data that pickles.
    """

    code: str
    name: str
    kind: str
    severity: Severity
    summary: str
    options: Mapping[str, Any] = field(default_factory=dict, hash=False, compare=False)
    messages: Mapping[str, str] = field(default_factory=dict, hash=False, compare=False)
    target: str = ""  # empty: not a check of the text (FC900 reports the checker's own directives)
    rule_doc: str = field(default="", compare=False)  # the rule pack's own documentation, if any
    rule_examples: tuple[Example, ...] = field(default=(), compare=False)

    def implementation(self) -> Check:
        return _resolve(self.target)

    def check(self, facts: Facts, kb: KnowledgeBase, rule: Rule | None = None) -> Iterable[Finding]:
        """Run the rule's check on one document's facts."""
        return self.implementation().check(facts, kb, rule or self)

    @property
    def doc(self) -> str:
        if self.rule_doc or not self.target:
            return (self.rule_doc or self.summary).strip()
        return self.implementation().doc.strip()

    @property
    def examples(self) -> tuple[Example, ...]:
        if self.rule_examples or not self.target:
            return self.rule_examples
        implementation = self.implementation()
        # A kind's own examples exercise its default rule; another rule of the kind brings its own.
        return implementation.examples if implementation.code == self.code else ()

    def message(self, key: str, **fields: object) -> str:
        """The rule's message template `key`, filled with `fields`."""
        return self.messages[key].format(**fields)


def _resolve(target: str) -> Check:
    module, _, attribute = target.partition(":")
    # Every rule asks for its check for every document: a module imported already is taken from the
    # table of imported modules, a tenth of the cost of asking the import system for it.
    found: Check = getattr(sys.modules.get(module) or importlib.import_module(module), attribute)
    return found


def installed_checks() -> dict[str, str]:
    """Every installed check kind: entry-point name -> "module:attribute", sorted by name."""
    from importlib.metadata import entry_points

    found: dict[str, str] = {}
    for ep in entry_points(group=GROUP):
        found.setdefault(ep.name, ep.value)
    if not found:
        # factcheck declares its own kinds there: its installed metadata is older than the code.
        raise RuleError(f"no check kinds are installed (entry-point group {GROUP}); reinstall factcheck "
                        "(in a source checkout: pip install -e .)")
    return dict(sorted(found.items()))


def entry_point_files() -> list[str]:
    """The entry_points.txt of every installed distribution on sys.path: they declare the check
    kinds, so the compiled engine is keyed by them (listing folders costs far less than
    importlib.metadata, which a warm start then never imports)."""
    import os
    import sys

    found = []
    for folder in sys.path:
        try:
            names = os.listdir(folder or ".")
        except OSError:
            continue
        for name in names:
            if name.endswith((".dist-info", ".egg-info")):
                path = os.path.join(folder or ".", name, "entry_points.txt")
                if os.path.exists(path):
                    found.append(path)
    return sorted(found)


def default_rules(kinds: Mapping[str, str]) -> list[Rule]:
    """The default rule of every installed check, validated as a rule pack's would be."""
    rules = []
    for kind, target in kinds.items():
        try:
            impl = _resolve(target)
        except Exception as exc:  # noqa: BLE001 - a broken plugin is named, not a traceback
            raise RuleError(f"check {kind!r} ({target}) cannot be loaded: {type(exc).__name__}: {exc}") from None
        if not isinstance(impl, Check):
            raise RuleError(f"check {kind!r} ({target}) does not follow the Check protocol (see factcheck.checks.registry)")
        if not impl.code:
            continue
        if impl.severity not in SEVERITIES:
            raise RuleError(f"check {kind!r}: severity must be error, warning or info, not {impl.severity!r}")
        rules.append(Rule(impl.code, impl.name, kind, Severity(impl.severity), impl.summary, dict(impl.options),
                          dict(impl.messages), target))
    return rules


def rule_packs(root: Path, rule_dirs: tuple[Path, ...]) -> tuple[tuple[Rule, ...], list[tuple[Path, HouseFacts]]]:
    """Every rule, by code: the installed checks' own, configured by the core pack (root/core.toml)
    and then by each rule-pack folder in turn; and the house facts those folders hold."""
    from factcheck.kb.house import read_house_facts

    kinds = installed_checks()
    rules = load_rules(root / "core.toml", default_rules(kinds), kinds)
    house = []
    for folder in rule_dirs:
        for path in sorted(p for p in folder.glob("*.toml") if not p.name.startswith(".")):  # not .factcheck.toml
            rules = load_rules(path, rules, kinds)
            facts = read_house_facts(path)
            if facts:
                house.append((path, facts))
    return tuple(sorted(rules, key=lambda r: r.code)), house


def _table(path: Path) -> dict[str, Any]:
    import tomllib  # only when the compiled engine is rebuilt

    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except OSError as exc:
        raise RuleError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:  # bytes that are not UTF-8 too
        raise RuleError(f"{path}: not valid TOML ({exc})") from None


_FIELD_TYPES: dict[str, type] = {"code": str, "name": str, "kind": str, "severity": str, "summary": str, "doc": str,
                                 "options": dict, "messages": dict, "examples": list}


def _checked_rows(path: Path, rows: object) -> list[dict[str, Any]]:
    """The [[rule]] tables of a rule pack, each field of the type it must have."""
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise RuleError(f"{path}: rule must be an array of tables ([[rule]])")
    for row in rows:
        for key, value in row.items():
            wanted = _FIELD_TYPES.get(key)
            if wanted is not None and not isinstance(value, wanted):
                raise RuleError(f"{path}: rule {row.get('code', '?')!s}: {key} must be a "
                                f"{'table' if wanted is dict else wanted.__name__}, not {value!r}")
    return rows


def load_rules(path: Path, rules: list[Rule], kinds: Mapping[str, str]) -> list[Rule]:
    """`rules` with the rule pack at `path` applied: its overrides and its new rules."""
    by_code = {r.code: n for n, r in enumerate(rules)}
    out = list(rules)
    table = _table(path)
    # A rule pack holds rules and house facts (factcheck.kb.house); anything else is a typo.
    unknown_tables = set(table) - {"rule", "term", "office", "jurisdiction"}
    if unknown_tables:
        raise RuleError(f"{path}: unknown table(s) {', '.join(sorted(unknown_tables))} "
                        "(a rule pack holds rule, term, office and jurisdiction tables)")
    for row in _checked_rows(path, table.get("rule", [])):
        where = f"{path}: rule {row.get('code', '?')}"
        if "code" not in row:
            raise RuleError(f"{path}: a rule is missing 'code'")
        unknown = set(row) - {"code", "name", "kind", "severity", "summary", "options", "messages", "doc", "examples"}
        if unknown:
            raise RuleError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
        if "kind" not in row:
            if row["code"] not in by_code:
                raise RuleError(f"{where}: no rule has this code, and a new rule needs a 'kind' "
                                f"(installed: {', '.join(kinds)})")
            base = out[by_code[row["code"]]]
        else:
            if row["kind"] not in kinds:
                raise RuleError(f"{where}: unknown kind {row['kind']!r} (installed: {', '.join(kinds)})")
            missing = [k for k in ("name", "severity", "summary") if k not in row]
            if missing:
                raise RuleError(f"{where}: a new rule needs {', '.join(missing)}")
            if row["code"] in by_code:
                raise RuleError(f"{where}: the code is already used by rule {out[by_code[row['code']]].name!r}")
            impl = _resolve(kinds[row["kind"]])
            base = Rule(row["code"], row["name"], row["kind"], Severity.ERROR, "", dict(impl.options), dict(impl.messages),
                        kinds[row["kind"]])
        rule = _configured(base, row, where)
        if rule.code in by_code:
            out[by_code[rule.code]] = rule
        else:
            by_code[rule.code] = len(out)
            out.append(rule)
    names: dict[str, str] = {}
    for r in out:
        if names.setdefault(r.name, r.code) != r.code:
            raise RuleError(f"{path}: rule name {r.name!r} is used by both {names[r.name]} and {r.code}")
    return out


def _configured(base: Rule, row: Mapping[str, Any], where: str) -> Rule:
    impl = base.implementation()
    severity = row.get("severity", base.severity)
    if severity not in SEVERITIES:
        raise RuleError(f"{where}: severity must be error, warning or info, not {severity!r}")
    options = dict(base.options)
    for key, value in dict(row.get("options", {})).items():
        if key not in impl.options:
            known = ", ".join(impl.options) or "none"
            raise RuleError(f"{where}: unknown option {key!r} for kind {base.kind!r} (options: {known})")
        default = impl.options[key]
        if isinstance(default, tuple):
            if not isinstance(value, list):
                raise RuleError(f"{where}: option {key!r} must be a list")
            value = tuple(value)
        elif default is not None and (type(value) is not type(default)):
            raise RuleError(f"{where}: option {key!r} must be a {type(default).__name__}, not {type(value).__name__}")
        options[key] = value
    validate = getattr(impl, "validate", None)
    if validate is not None:
        try:
            validate(options)
        except ValueError as exc:
            raise RuleError(f"{where}: {exc}") from None
    messages = dict(base.messages)
    for key, template in dict(row.get("messages", {})).items():
        if key not in impl.messages:
            known = ", ".join(impl.messages) or "none"
            raise RuleError(f"{where}: unknown message {key!r} for kind {base.kind!r} (messages: {known})")
        allowed = _fields(impl.messages[key])
        try:
            used = _fields(str(template))
        except ValueError as exc:
            raise RuleError(f"{where}: message {key!r}: {exc}") from None
        if not used <= allowed:
            raise RuleError(f"{where}: message {key!r} names unknown field(s) {', '.join(sorted(used - allowed))} "
                            f"(fields: {', '.join(sorted(allowed))})")
        messages[key] = str(template)
    examples = tuple(_example(e, where) for e in row.get("examples", ()))
    return replace(base, name=row.get("name", base.name), severity=Severity(severity), summary=row.get("summary", base.summary),
                   options=options, messages=messages, rule_doc=row.get("doc", base.rule_doc),
                   rule_examples=examples or base.rule_examples)


def _fields(template: str) -> set[str]:
    import string  # only when a rule pack is read

    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _example(row: Any, where: str) -> Example:
    if not isinstance(row, dict) or not isinstance(row.get("text"), str) or not isinstance(row.get("fires"), bool):
        raise RuleError(f"{where}: an example needs text (a string) and fires (true or false)")
    return Example(row["text"], row["fires"], row.get("date"))

