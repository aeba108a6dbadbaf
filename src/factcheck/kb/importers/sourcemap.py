"""How each source names jurisdictions and offices, read from the knowledge-base folder itself.

`jurisdictions.toml` says what each source calls a jurisdiction (`everypolitician` folders,
`curated` names, `parlgov` country name); each office's `labels` are the sources' own words for it
("Minister of Europe and Foreign Affairs", "Federal Chancellor"). An importer files a source row
under the office whose jurisdiction and label it carries, so the mapping is data, not code.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class SourceMap:
    jurisdictions: dict[str, dict[str, Any]] = field(default_factory=dict)  # code -> the jurisdiction's table
    labels: dict[tuple[str, str], str] = field(default_factory=dict)  # (code, source label) -> office id
    offices: frozenset[str] = frozenset()  # every hand-defined office id
    single: frozenset[str] = frozenset()  # those with one holder at a time

    def code_of(self, source: str, name: str) -> str | None:
        """The jurisdiction a source calls `name` (an EveryPolitician folder, a curated or ParlGov country)."""
        for code, row in self.jurisdictions.items():
            value = row.get(source, ())
            if name == value or (isinstance(value, list) and name in value):
                return code
        return None

    def office(self, code: str, label: str) -> str | None:
        return self.labels.get((code, label.strip()))


def read_source_map(kb_dir: Path, generated: frozenset[str] = frozenset({"gb-ifg.toml", "wikidata.toml"})) -> SourceMap:
    """The mapping of the hand-written files under kb_dir (generated office files are not read)."""
    with (kb_dir / "jurisdictions.toml").open("rb") as fh:
        juris = {row["code"]: row for row in tomllib.load(fh).get("jurisdiction", [])}
    labels: dict[tuple[str, str], str] = {}
    ids: set[str] = set()
    single: set[str] = set()
    for path in sorted((kb_dir / "offices").glob("*.toml")):
        if path.name in generated:
            continue
        with path.open("rb") as fh:
            for row in tomllib.load(fh).get("office", []):
                ids.add(row["id"])
                if row.get("single_holder", True):
                    single.add(row["id"])
                for label in row.get("labels", ()):
                    labels.setdefault((row["jurisdiction"], label), row["id"])
    return SourceMap(juris, labels, frozenset(ids), frozenset(single))
