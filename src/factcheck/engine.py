"""One document through the pipeline: load -> extract -> checks -> findings (suppressions applied)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Callable, NamedTuple

from factcheck.checks.registry import Rule, RuleError, load_rules
from factcheck.discovery import DiscoveryError, collect
from factcheck.document import (MARKUP_SUFFIXES, MAX_FILE_SIZE, TEXT_SUFFIXES, Document, InputError, load_path,
                                load_stdin)
from factcheck.extract.pipeline import Extractor
from factcheck.facts import Facts
from factcheck.findings import Finding, finalize
from factcheck.kb import open_kb
from factcheck.lexicon import load_lexicon
from factcheck.paths import files_under, rules_dir
from factcheck.suppressions import Suppression, apply, find_suppressions


class Result(NamedTuple):
    """What checking one document produced."""

    document: Document
    facts: Facts
    findings: tuple[Finding, ...]
    unused_suppressions: tuple[Suppression, ...] = ()


class Engine(NamedTuple):
    """The extractor and the rules, built once and run on every document."""

    extractor: Extractor
    rules: tuple[Rule, ...]  # the rules that run
    known: tuple[Rule, ...] = ()  # every rule loaded, selected or not (empty: the same as rules)

    @classmethod
    def default(cls, kb_dirs: tuple[Path, ...] = (), rule_dirs: tuple[Path, ...] = ()) -> Engine:
        """The engine for the shipped rules/ (plus extra folders), from the compiled cache when unchanged."""
        from factcheck.cache import load_cached

        root = rules_dir()
        # The code that builds the engine is part of the key too: a changed class must not be
        # served from an old pickle.
        code = Path(__file__).resolve().parent
        files = [f for folder in (root, *kb_dirs, *rule_dirs) for f in files_under(folder, (".toml", ".csv"))]
        files += files_under(code, (".py",))
        return load_cached("engine", files, lambda: cls.build(root, kb_dirs, rule_dirs), cls)

    @classmethod
    def build(cls, root: Path, kb_dirs: tuple[Path, ...] = (), rule_dirs: tuple[Path, ...] = ()) -> Engine:
        rules = list(load_rules(root / "core.toml"))
        seen: dict[str, Path] = {r.code: root / "core.toml" for r in rules} | {r.name: root / "core.toml" for r in rules}
        for folder in rule_dirs:
            for path in sorted(folder.glob("*.toml")):
                for rule in load_rules(path):
                    for key in (rule.code, rule.name):
                        if key in seen:
                            raise RuleError(f"{path}: rule {key!r} is already defined in {seen[key]}")
                        seen[key] = path
                    rules.append(rule)
        return cls(Extractor.build(open_kb(kb_dirs), load_lexicon(root / "lexicon.toml")),
                   tuple(sorted(rules, key=lambda r: r.code)))

    def with_rules(self, rules: tuple[Rule, ...]) -> Engine:
        """The same engine running only `rules` (a selection of the known ones)."""
        return self._replace(rules=rules, known=self.known or self.rules)

    @property
    def all_rules(self) -> tuple[Rule, ...]:
        return self.known or self.rules

    def run(self, doc: Document, ignored: tuple[str, ...] = ()) -> Result:
        """Check one document; `ignored` are selectors turned off for this file (per-file-ignores)."""
        from factcheck.selection import matches

        facts = self.extractor.extract(doc)
        found: list[Finding] = []
        ran = [rule for rule in self.rules if not any(matches(s, rule) for s in ignored)]
        for rule in ran:
            found.extend(rule.check(facts, self.extractor.kb, rule))

        def running(selector: str) -> bool:
            # A directive naming an unknown rule (a typo) is reported as unused; one naming a rule
            # turned off for this run is not.
            return any(matches(selector, r) for r in ran) or not any(matches(selector, r) for r in self.all_rules)

        markdown = doc.path == "-" or doc.path.lower().endswith(MARKUP_SUFFIXES)
        kept, unused = apply(finalize(found), find_suppressions(doc.text, markdown),
                             lambda offset: doc.position(offset)[0], running)
        return Result(doc, facts, kept, unused)


def collect_paths(args: list[str], wanted: Callable[[str], bool] | None = None) -> list[str]:
    """The text files the arguments name (see discovery.collect); entries that cannot be read are
    left out here (the scan reports them)."""
    try:
        return collect(args, TEXT_SUFFIXES, wanted).files
    except DiscoveryError as exc:
        raise InputError(str(exc)) from None


def load(arg: str, date_option: date | None, default_date: date | None = None,
         max_bytes: int = MAX_FILE_SIZE) -> Document:
    doc = load_stdin(date_option, max_bytes) if arg == "-" else load_path(Path(arg), date_option, max_bytes)
    if doc.declared_date is None and default_date is not None:
        doc = doc._replace(declared_date=default_date, date_source="config")
    return doc
