"""One document through the pipeline: load -> extract -> checks -> findings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from factcheck.checks.registry import Rule, load_rules
from factcheck.document import TEXT_SUFFIXES, Document, InputError, load_path, load_stdin
from factcheck.extract.pipeline import Extractor
from factcheck.facts import Facts
from factcheck.findings import Finding, finalize
from factcheck.kb import open_kb
from factcheck.lexicon import load_lexicon
from factcheck.paths import rules_dir


@dataclass(frozen=True)
class Result:
    document: Document
    facts: Facts
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class Engine:
    extractor: Extractor
    rules: tuple[Rule, ...]

    @classmethod
    def default(cls) -> Engine:
        """The engine for the shipped rules/, from the compiled cache when rules/ is unchanged."""
        from factcheck.cache import load_cached

        root = rules_dir()
        # The code that builds the engine is part of the key too: a changed class must not be
        # served from an old pickle.
        code = Path(__file__).resolve().parent
        files = sorted(p for p in root.rglob("*") if p.suffix in (".toml", ".csv"))
        files += sorted(code.rglob("*.py"))
        return load_cached("engine", files, lambda: cls.build(root), cls)

    @classmethod
    def build(cls, root: Path) -> Engine:
        return cls(Extractor.build(open_kb(), load_lexicon(root / "lexicon.toml")), load_rules(root / "core.toml"))

    def run(self, doc: Document) -> Result:
        facts = self.extractor.extract(doc)
        found: list[Finding] = []
        for rule in self.rules:
            found.extend(rule.check(facts, self.extractor.kb, rule))
        return Result(doc, facts, finalize(found))


def collect_paths(args: list[str]) -> list[str]:
    """Expand directories into their text files (sorted), keep '-' for stdin."""
    out: list[str] = []
    for arg in args:
        if arg == "-":
            out.append(arg)
            continue
        path = Path(arg)
        if path.is_dir():
            found = sorted(
                str(p) for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not found:
                raise InputError(f"{arg}: no .txt or .md files in this directory")
            out.extend(found)
        elif not path.exists():
            raise InputError(f"{arg}: no such file or directory")
        else:
            out.append(arg)
    return out


def load(arg: str, date_option: date | None) -> Document:
    return load_stdin(date_option) if arg == "-" else load_path(Path(arg), date_option)
