"""Rebuild the generated part of rules/kb/ from the open datasets (reproducible: same sources, same bytes).

    factcheck kb build --sources ../shared/data/kb-sources --out rules/kb

Hand-written files (people/manual.csv, terms/manual.csv, offices/{us,gb,in,world}.toml,
jurisdictions.toml, overrides.toml) are read, never written; offices/gb-ifg.toml (the IfG posts
that are not great offices) is generated. Person identity across sources: a Wikidata QID when known, else the
source's own person id, else the name (or an alias) of someone already known; the same surname
starting the same office on the same day is also one person ("Mark T. Esper" and "Mark Esper").
"""

from __future__ import annotations

import csv
import json
import tomllib
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterable

from factcheck.kb.importers import congress, curated, everypolitician, fivethirtyeight, ifg
from factcheck.kb.importers.common import SourceTerm, slug
from factcheck.kb.model import normalize_name

SNAPSHOTS = {"ifg": "2026-06-19", "congress": "2026-06-15"}  # commit days in each SOURCE.txt


def collect(sources: Path, overrides: dict[str, list[dict[str, Any]]]) -> dict[str, list[SourceTerm]]:
    """Every importer's terms, by output file name."""
    confirmed = {(c["person"], c["start"]): c["second_source"] for c in overrides.get("confirm", ())}
    ep = sources / "everypolitician-wikidata"
    wikidata: list[SourceTerm] = []
    for folder, positions in everypolitician.POSITIONS.items():
        wikidata.extend(everypolitician.read(ep / folder / "holders21.csv", positions))
    return {
        "ifg": list(ifg.read(sources / "uk-ifg-ministers", SNAPSHOTS["ifg"])),
        "us-538": list(fivethirtyeight.read(sources / "us-538-cabinet-turnover" / "cabinet-turnover.csv")),
        "us-executive": list(congress.read(sources / "us-congress-legislators" / "executive.json", SNAPSHOTS["congress"])),
        "wikidata": wikidata,
        "curated": list(curated.read(sources / "curated-2022-2026" / "terms.csv", confirmed)),
    }


@dataclass
class _Registry:
    """Assigns one person id per real person across all sources."""

    by_qid: dict[str, str] = field(default_factory=dict)
    by_key: dict[str, str] = field(default_factory=dict)
    by_name: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # id -> canonical name
    aliases: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    qids: dict[str, str] = field(default_factory=dict)
    manual: set[str] = field(default_factory=set)

    def add_manual(self, pid: str, name: str, aliases: Iterable[str], qid: str) -> None:
        self.manual.add(pid)
        self.names[pid] = name
        if qid:
            self.by_qid[qid] = pid
            self.qids[pid] = qid
        for n in (name, *aliases):
            self.by_name.setdefault(normalize_name(n), pid)

    def resolve(self, t: SourceTerm) -> str:
        pid = (self.by_qid.get(t.qid) if t.qid else None) or (self.by_key.get(t.key) if t.key else None)
        if pid is None:
            # By name only on the primary name, and never across two different QIDs: an alias such as
            # "George Bush" fits two presidents.
            known = self.by_name.get(normalize_name(t.person))
            if known is not None and (not t.qid or self.qids.get(known, t.qid) == t.qid):
                pid = known
        if pid is None:
            pid = base = slug(t.person)
            n = 2
            while pid in self.names:
                pid, n = f"{base}-{n}", n + 1
            self.names[pid] = t.person
        if t.qid:
            self.by_qid.setdefault(t.qid, pid)
            self.qids.setdefault(pid, t.qid)
        if t.key:
            self.by_key.setdefault(t.key, pid)
        for n in (t.person, *t.aliases):
            self.by_name.setdefault(normalize_name(n), pid)
            if n != self.names[pid]:
                self.aliases[pid].add(n)
        return pid


def build(sources: Path, out: Path) -> dict[str, int]:
    registry = _Registry()
    with (out / "people" / "manual.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            registry.add_manual(row["id"], row["name"], [a for a in row["aliases"].split("|") if a], row["qid"])
    overrides = _overrides(out / "overrides.toml")
    collected = {name: _apply_overrides(terms, overrides) for name, terms in collect(sources, overrides).items()}
    collected["curated"] = _later_pages(collected["curated"], overrides.get("in_office", ()))
    assigned: dict[str, list[tuple[str, SourceTerm]]] = {}
    for name, terms in collected.items():
        assigned[name] = [(registry.resolve(t), t) for t in terms]
    merged = _same_start_same_person(assigned, registry)
    _, generated = ifg.offices(sources / "uk-ifg-ministers")
    _write_offices(out / "offices" / "gb-ifg.toml", generated)
    counts: dict[str, int] = {"offices/gb-ifg": len(generated)}
    for name, rows in assigned.items():
        rows = sorted(((merged.get(pid, pid), t) for pid, t in rows), key=lambda r: (r[1].office, r[1].start, r[0], r[1].source))
        _write_terms(out / "terms" / f"{name}.csv", rows)
        counts[name] = len(rows)
    used = {merged.get(pid, pid) for rows in assigned.values() for pid, _ in rows}
    _write_people(out / "people" / "generated.csv", registry, used, merged)
    counts["people"] = len(used)
    return counts


def _overrides(path: Path) -> dict[str, list[dict[str, Any]]]:
    if not path.exists():
        return {}
    with path.open("rb") as fh:
        return tomllib.load(fh)


def _matches(t: SourceTerm, rule: dict[str, Any]) -> bool:
    return t.source == rule["source"] and t.office == rule.get("office", t.office) and t.start == rule.get("start", t.start)


def _apply_overrides(terms: list[SourceTerm], overrides: dict[str, list[dict[str, Any]]]) -> list[SourceTerm]:
    """Drop excluded rows, correct and mark acting ones, and drop rows whose end precedes their start (a source error)."""
    out = []
    for t in terms:
        if any(_matches(t, rule) for rule in overrides.get("exclude", ())):
            continue
        if t.start and t.end and t.end < t.start:
            continue
        for rule in overrides.get("correct", ()):
            if _matches(t, rule):
                t = replace(t, end=rule.get("end", t.end), note=(t.note + " end corrected per overrides.toml").strip())
        if any(_matches(t, rule) for rule in overrides.get("acting", ())):
            t = replace(t, acting=True, note=(t.note + " acting per overrides.toml").strip())
        out.append(t)
    return out


def _later_pages(terms: list[SourceTerm], rules: Iterable[dict[str, Any]]) -> list[SourceTerm]:
    """An open curated term seen in office on a later dated page: confirmed up to that day, citing it."""
    out = []
    for t in terms:
        for rule in rules:
            if t.person == rule["person"] and t.office == rule["office"] and not t.end and rule["on"] > t.confirmed_until:
                t = replace(t, confirmed_until=rule["on"], source=f"{t.source} ; in office {rule['on']}: {rule['source']}")
        out.append(t)
    return out


def _same_start_same_person(assigned: dict[str, list[tuple[str, SourceTerm]]], registry: _Registry) -> dict[str, str]:
    """Ids to fold into another: one surname starting one office within three days is one person."""
    first: dict[tuple[str, str, str], str] = {}
    merged: dict[str, str] = {}
    for rows in assigned.values():
        for pid, t in rows:
            if len(t.start) != 10:
                continue
            surname = normalize_name(t.person).split()[-1]
            key = (t.office, t.start[:7], surname)
            other = first.setdefault(key, pid)
            if other != pid and pid not in registry.manual:
                merged[pid] = other
                registry.aliases[other].add(registry.names[pid])
    return merged


def _write_terms(path: Path, rows: list[tuple[str, SourceTerm]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["person", "office", "start", "end", "confirmed_until", "acting", "source", "note"])
        for pid, t in rows:
            w.writerow([pid, t.office, t.start, t.end, t.confirmed_until, "yes" if t.acting else "no", t.source, t.note])


def _write_offices(path: Path, offices: Iterable[ifg.GeneratedOffice]) -> None:
    """TOML by hand (tomllib only reads): JSON string literals are valid TOML basic strings."""
    lines = ["# Generated by `factcheck kb build` from the Institute for Government ministers database",
             "# (CC BY 4.0): every post that is not one of the great offices of gb.toml. Do not edit;",
             "# junior posts are multi-holder, so the office-conflict rule never fires on them.", ""]
    for o in offices:
        titles = ", ".join(
            "{" + ", ".join([f"title = {json.dumps(t)}"] + [f"{k} = {json.dumps(v)}" for k, v in (("from", a), ("to", b)) if v]) + "}"
            for t, a, b in o.titles)
        lines += ["[[office]]", f"id = {json.dumps(o.id)}", 'jurisdiction = "GB"', f"name = {json.dumps(o.name)}",
                  f"single_holder = {'true' if o.single_holder else 'false'}", f"titles = [{titles}]",
                  f"source = {json.dumps(o.source)}", ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def _write_people(path: Path, registry: _Registry, used: set[str], merged: dict[str, str]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["id", "name", "aliases", "qid", "source"])
        for pid in sorted(used):
            aliases = sorted(a for a in registry.aliases.get(pid, ()) if a != registry.names[pid])
            qid = registry.qids.get(pid, "")
            w.writerow([pid, registry.names[pid], "|".join(aliases), qid, f"wikidata:{qid}" if qid else "generated"])
