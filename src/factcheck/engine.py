"""One document through the pipeline: load -> extract -> checks -> findings (suppressions applied)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.checks.registry import Rule
from factcheck.document import MARKUP_SUFFIXES, Document, names_factcheck
from factcheck.extract.pipeline import Extractor
from factcheck.facts import Shared, Span
from factcheck.findings import Finding, Result, finalize
from factcheck.paths import rules_dir

if TYPE_CHECKING:
    from factcheck.suppressions import Suppression


# eq=False: engines are told apart by identity (comparing two would compare their knowledge bases).
@dataclass(frozen=True, slots=True, eq=False)
class Engine:
    """The extractor and the rules, built once and run on every document."""

    extractor: Extractor
    rules: tuple[Rule, ...]  # the rules that run
    known: tuple[Rule, ...] = ()  # every rule loaded, selected or not (empty: the same as rules)

    @classmethod
    def default(cls, kb_dirs: tuple[Path, ...] = (), rule_dirs: tuple[Path, ...] = ()) -> Engine:
        """The engine for the shipped rules/ (plus extra folders), from the compiled cache when unchanged."""
        from factcheck.compiled import load_parts

        return cls(*load_parts(rules_dir(), kb_dirs, rule_dirs))

    @classmethod
    def build(cls, root: Path, kb_dirs: tuple[Path, ...] = (), rule_dirs: tuple[Path, ...] = ()) -> Engine:
        """The engine built from the files, without the cache."""
        from factcheck.compiled import build_parts

        return cls(*build_parts(root, kb_dirs, rule_dirs))

    def with_rules(self, rules: tuple[Rule, ...]) -> Engine:
        """The same engine running only `rules` (a selection of the known ones)."""
        return replace(self, rules=rules, known=self.known or self.rules)

    @property
    def all_rules(self) -> tuple[Rule, ...]:
        return self.known or self.rules

    def run(self, doc: Document, ignored: tuple[str, ...] = ()) -> Result:
        """Check one document; `ignored` are selectors turned off for this file (per-file-ignores)."""
        from factcheck.selection import matches

        facts = self.extractor.extract(doc)
        found: list[Finding] = []
        ran = [rule for rule in self.rules if not any(matches(s, rule) for s in ignored)]
        # A long document repeats the same mistake: its findings keep one copy of each message, list
        # of evidence and list of related places (a text dense with stale titles has a finding every
        # few hundred characters, and its later ones point back at the same first mention).
        shared = Shared()
        for rule in ran:
            found.extend(replace(f, message=shared(f.message), evidence=shared(f.evidence), related=shared(f.related))
                         for f in rule.check(facts, self.extractor.kb, rule))

        kept = finalize(found)
        unused: tuple[Suppression, ...] = ()
        if doc.names_factcheck() or (doc.source is not None and names_factcheck(doc.source)):
            # Few documents hold a directive: the others do not import the module that reads them.
            from factcheck.suppressions import MALFORMED, apply, find_malformed, find_suppressions

            def running(selector: str) -> bool:
                # A directive naming an unknown rule (a typo) is reported as unused; one naming a
                # rule turned off for this run is not.
                return any(matches(selector, r) for r in ran) or not any(matches(selector, r) for r in self.all_rules)

            markdown = doc.path == "-" or doc.path.lower().endswith(MARKUP_SUFFIXES)
            text = doc.text  # rebuilt from the prose: only for the few documents that may hold a directive
            source = text if doc.source is None else doc.source
            kept, unused = apply(kept, find_suppressions(source, markdown), lambda offset: doc.position(offset)[0], running)
            malformed = tuple(Finding(MALFORMED.code, MALFORMED.name, MALFORMED.severity, Span(start, end), message)
                              for start, end, message in find_malformed(text, markdown))
            if malformed:
                kept = finalize(kept + malformed)
        from factcheck.checks.tenure import coverage

        return Result(doc, facts, kept, unused, coverage(facts, self.extractor.kb))
