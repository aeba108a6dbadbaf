"""EveryPolitician / Wikidata "position held" extracts (CSV: position, person, personID, start, end, ...).

Each folder is one country's extract, frozen on its commit day (SOURCE.txt). An empty end means
"in office as of the extract": such a term is confirmed up to the snapshot day when the extract's
own current.csv lists the same person in the same position (a cross-check against an end merely
missing from Wikidata); otherwise it stays open and unconfirmed, and a successor's start closes it.

Positions whose label an office of the knowledge base lists (`labels`) are filed under that office;
the others become generated offices of their jurisdiction (`<code>.<label slug>`), kept as facts
about people but without titles to match in text (their labels are Wikidata's, not what news writes).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from factcheck.kb.importers.common import SourceTerm, slug
from factcheck.kb.importers.sourcemap import SourceMap

_SNAPSHOT = re.compile(r"^\s*([\w-]+)/\S*\s+<-\s+\S+\s+commit\s+[0-9a-f]+\s+\((\d{4}-\d{2}-\d{2})\)", re.MULTILINE)


@dataclass(frozen=True)
class GenericOffice:
    id: str
    jurisdiction: str
    label: str


def snapshots(source_txt: Path) -> dict[str, str]:
    """Folder -> commit day of its extract, from SOURCE.txt."""
    found: dict[str, str] = {}
    for folder, day in _SNAPSHOT.findall(source_txt.read_text(encoding="utf-8")):
        found.setdefault(folder, day)
    return found


def read(path: Path, positions: dict[str, str], every_row_office: str | None = None) -> Iterator[SourceTerm]:
    """Terms of the positions mapped in `positions`; with `every_row_office`, every row is that office."""
    yield from _rows(path, lambda label: every_row_office or positions.get(label), "", set())


def read_folder(folder: Path, code: str, sources: SourceMap, snapshot: str, mapped_only: bool,
                generic: dict[str, GenericOffice], skip: set[str]) -> Iterator[SourceTerm]:
    """Every row of one country's extract; unmapped positions are added to `generic` (unless `mapped_only`)."""
    current: set[tuple[str, str]] = set()
    current_path = folder / "current.csv"
    if current_path.exists():
        with current_path.open(encoding="utf-8-sig", newline="") as fh:
            current = {(r.get("position", "").strip(), r.get("personID", "").strip()) for r in csv.DictReader(fh)}

    rows = _read(folder / "holders21.csv")
    ambiguous = {label for label in {r.get("position", "").strip() for r in rows}
                 if sources.office(code, label) in sources.single and _parallel(rows, label, current, snapshot)}

    def office(label: str) -> str | None:
        if label in skip:
            return None
        mapped = sources.office(code, label) if label not in ambiguous else None
        if mapped is not None or mapped_only or not label:
            return mapped
        oid = f"{code.lower()}.{slug(label)}"
        if oid in sources.offices:
            oid += "-wd"
        generic.setdefault(oid, GenericOffice(oid, code, label))
        return oid

    yield from _rows(folder / "holders21.csv", office, snapshot, current)


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def _parallel(rows: list[dict[str, str]], label: str, current: set[tuple[str, str]], snapshot: str) -> bool:
    """Whether a label's rows run as two sequences at once: the extract then mixes two offices of
    one name (Quebec's "Minister of Finance" beside Canada's, a state "Treasurer" beside the
    federal one), and its rows cannot be filed under the single-holder office."""
    spans = []
    for r in rows:
        if r.get("position", "").strip() != label or not (r.get("start") or "").strip():
            continue
        start = r["start"].strip()[:10]
        end = (r.get("end") or "").strip()[:10]
        if not end:
            end = snapshot if (label, (r.get("personID") or "").strip()) in current else start
        spans.append((_pad(start, "01"), _pad(end, "28"), r.get("personID", "")))
    spans.sort()
    overlaps = 0
    for i, (a0, a1, pa) in enumerate(spans):
        for b0, b1, pb in spans[i + 1:]:
            if b0 > a1:
                break
            if pa != pb and _days(b0, min(a1, b1)) > 60:
                overlaps += 1
    return overlaps >= 2


def _pad(day: str, fill: str) -> str:
    return day if len(day) == 10 else (day + "-12-" + fill if len(day) == 4 else day + "-" + fill)


def _days(a: str, b: str) -> int:
    from datetime import date

    try:
        return (date.fromisoformat(b) - date.fromisoformat(a)).days
    except ValueError:
        return 0


def _rows(path: Path, office_of: Callable[[str], str | None], snapshot: str, current: set[tuple[str, str]]) -> Iterator[SourceTerm]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for n, row in enumerate(csv.DictReader(fh), start=2):
            label = row.get("position", "").strip()
            office = office_of(label)
            start = (row.get("start") or "").strip()[:10]
            person = (row.get("person") or "").strip()
            qid = (row.get("personID") or "").strip()
            if office is None or not start or not person or person == qid:
                continue  # a person without an English label is only a QID: no name to match
            end = (row.get("end") or "").strip()[:10]
            confirmed = snapshot if snapshot and not end and (label, qid) in current else ""
            yield SourceTerm(
                person=person,
                office=office,
                start=start,
                end=end,
                source=f"wikidata:{qid} (EveryPolitician {path.parent.name}/{path.name} row {n})",
                qid=qid,
                confirmed_until=confirmed,
            )
