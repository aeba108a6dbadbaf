"""The curated 2022-2026 terms: each row confirmed against stored news pages cited in source_url.

Files: terms.csv, and terms-us-orgs.csv, terms-europe-americas.csv, terms-asia-africa.csv (newer
and better sourced: where one of them and terms.csv describe the same term, its row is kept and
the terms.csv row is left out). Rows marked `recheck` rest on a weak page and are imported only
with a second page: from recheck-verdicts.csv (confirmed or corrected, whose dates then apply) or
from a `[[confirm]]` entry of overrides.toml; they then cite both pages. UNVERIFIED-*.md are notes,
never facts, and are not read.

`confirmed_until` (an open term's latest day, month or year a page shows the person in office)
becomes the first day of that period: the one day certainly covered. `aka:` notes are aliases.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from pathlib import Path

from factcheck.kb.importers.common import SourceTerm
from factcheck.kb.importers.sourcemap import SourceMap

FILES = ("terms-us-orgs.csv", "terms-europe-americas.csv", "terms-asia-africa.csv", "terms.csv")
_AKA = re.compile(r"aka:\s*([^;(]+)")
# "aka: Volodymyr Zelenskyy, Zelenskiy" lists two names; "Carlito Galvez, Jr." is one.
_AKA_SPLIT = re.compile(r",\s*(?!(?:Jr|Sr|Jnr|Snr|II|III|IV)\b)")
_SAME_TERM_DAYS = 7


def _first_day(value: str) -> str:
    value = value.strip()
    if re.fullmatch(r"\d{4}", value):
        return value + "-01-01"
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return value + "-01"
    return value if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else ""


def _confirmed(value: str, start: str) -> str:
    """The day certainly covered: the period's first day, or the start when the period holds it (a page
    of March 2025 shows in office someone sworn in on 2025-03-03: certain from that day)."""
    day = _first_day(value)
    first = _first_day(start)
    if day and first and day < first and first.startswith(value.strip()):
        return first
    return day


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return [{k: (v or "").strip() for k, v in row.items() if k} for row in csv.DictReader(fh)]


def _days(a: str, b: str) -> int | None:
    from datetime import date

    try:
        da = date.fromisoformat(_first_day(a))
        db = date.fromisoformat(_first_day(b))
    except ValueError:
        return None
    return abs((da - db).days)


def _same_term(a: dict[str, str], b: dict[str, str]) -> bool:
    if (a["jurisdiction"], a["office"], a["person"]) != (b["jurisdiction"], b["office"], b["person"]):
        return False
    if a["start"] == b["start"]:
        return True
    gap = _days(a["start"], b["start"])
    return gap is not None and gap <= _SAME_TERM_DAYS


def read_all(folder: Path, sources: SourceMap, confirmed: dict[tuple[str, str], str] | None = None,
             unmapped: list[str] | None = None) -> Iterator[SourceTerm]:
    """Every importable row of the curated files, the newer files first."""
    confirmed = confirmed or {}
    verdicts = _rows(folder / "recheck-verdicts.csv") if (folder / "recheck-verdicts.csv").exists() else []
    newer: list[dict[str, str]] = []
    for name in FILES:
        path = folder / name
        if not path.exists():
            continue
        for n, row in enumerate(_rows(path), start=2):
            if name == "terms.csv" and any(_same_term(row, other) for other in newer):
                continue  # the newer file's row is the better-sourced one
            if name != "terms.csv":
                newer.append(row)
            second = ""
            if row.get("source_check") == "recheck":
                key = (row["jurisdiction"], row["office"], row["person"])
                verdict = next((v for v in verdicts if (v["jurisdiction"], v["office"], v["person"]) == key
                                and v["verdict"] in ("confirmed", "corrected") and v["second_source_url"]), None)
                if verdict is not None:
                    second = verdict["second_source_url"]
                    if verdict["verdict"] == "corrected":
                        row = {**row, "start": verdict["start"] or row["start"], "end": verdict["end"] or row["end"]}
                else:
                    second = confirmed.get((row["person"], row["start"]), "")
                if not second:
                    continue
            term = _term(row, f"curated-2022-2026/{name} row {n}", second, sources)
            if term is None:
                if unmapped is not None:
                    unmapped.append(f"{name} row {n}: {row['jurisdiction']} / {row['office']}")
                continue
            yield term


def _term(row: dict[str, str], where: str, second: str, sources: SourceMap) -> SourceTerm | None:
    code = sources.code_of("curated", row["jurisdiction"])
    office = sources.office(code, row["office"]) if code else None
    if office is None or not row["person"]:
        return None
    end = row["end"]
    pages = [p.strip() for p in row["source_url"].split(" ; ") if p.strip()]
    pages += [p.strip() for p in second.split(" ; ") if p.strip() and p.strip() not in pages]
    aliases = tuple(a.strip().rstrip(".,") for aka in _AKA.findall(row.get("note", ""))
                    for a in _AKA_SPLIT.split(aka) if a.strip().rstrip(".,"))
    return SourceTerm(
        person=row["person"],
        office=office,
        start=row["start"],
        end=end,
        source=" ; ".join(pages),
        acting=row.get("acting") == "yes",
        confirmed_until="" if end else _confirmed(row.get("confirmed_until", ""), row["start"]),
        aliases=aliases,
        note=f"{where}; " + row.get("note", "")[:160],
    )


def read(path: Path, sources: SourceMap | None = None) -> Iterator[SourceTerm]:
    """Rows of one curated file as they stand (recheck rows included), for `kb import curated`."""
    sources = sources or SourceMap()
    for n, row in enumerate(_rows(path), start=2):
        term = _term(row, f"{path.name} row {n}", "", sources)
        if term is not None:
            yield term
