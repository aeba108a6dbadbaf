"""One document through the pipeline: load -> extract -> checks -> findings (suppressions applied)."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Iterator, NamedTuple

from factcheck.checks.registry import Rule, RuleError, load_rules
from factcheck.document import MARKUP_SUFFIXES, TEXT_SUFFIXES, Document, InputError, load_path, load_stdin
from factcheck.extract.pipeline import Extractor
from factcheck.facts import Facts
from factcheck.findings import Finding, MentionStatus, finalize
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
    mentions: tuple[MentionStatus, ...] = ()  # every title found, checked or not (and why)


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
        from factcheck.checks.tenure import coverage

        return Result(doc, facts, kept, unused, coverage(facts, self.extractor.kb))


def collect_paths(args: list[str], wanted=None) -> list[str]:
    """Expand directories into their text files (sorted), keep '-' for stdin.

    `wanted(path) -> bool` filters files found inside directories (include/exclude patterns);
    files named on the command line are always checked.
    """
    out: list[str] = []
    for arg in args:
        if arg == "-":
            out.append(arg)
            continue
        path = Path(arg)
        if not path.exists() and any(c in arg for c in "*?["):
            # A quoted glob ('articles/**/*.md'), expanded here as a shell would.
            base = Path(arg.split("*")[0].split("?")[0].split("[")[0] or ".")
            root = base if base.is_dir() else base.parent
            pattern = str(Path(arg).relative_to(root)) if Path(arg).is_relative_to(root) else arg
            matched = sorted(str(p) for p in root.glob(pattern) if p.is_file() and (wanted is None or wanted(str(p))))
            if not matched:
                raise InputError(f"{arg}: no file matches this pattern")
            out.extend(matched)
            continue
        if path.is_dir():
            found = sorted(p for p in _text_files(str(path)) if wanted is None or wanted(p))
            if not found:
                raise InputError(f"{arg}: no .txt or .md files in this directory")
            out.extend(found)
        elif not path.exists():
            raise InputError(f"{arg}: no such file or directory")
        else:
            out.append(arg)
    return out


def _text_files(folder: str) -> Iterator[str]:
    """Text files under a folder (as pathlib writes it), hidden files and folders left out, named as
    pathlib would name them ("a.md", not "./a.md"). os.walk and strings: pathlib's rglob cost a
    corpus scan a tenth of its time before any file was read."""
    for parent, subfolders, names in os.walk(folder):
        subfolders[:] = [d for d in subfolders if not d.startswith(".")]
        if folder == ".":
            parent = parent[2:]  # "./sub" -> "sub", "." -> ""
        for name in names:
            if not name.startswith(".") and os.path.splitext(name)[1].lower() in TEXT_SUFFIXES:
                yield os.path.join(parent, name)


def load(arg: str, date_option: date | None, default_date: date | None = None) -> Document:
    doc = load_stdin(date_option) if arg == "-" else load_path(Path(arg), date_option)
    if doc.declared_date is None and default_date is not None:
        doc = doc._replace(declared_date=default_date, date_source="config")
    return doc
