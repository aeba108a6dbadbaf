"""Rebuild the generated part of rules/kb/ from the open datasets (reproducible: same sources, same bytes).

    factcheck kb build --sources ../shared/data/kb-sources --out rules/kb

Hand-written files (jurisdictions.toml, offices/{us,gb,in,countries,world}.toml, overrides.toml,
denylist.toml) are read, never written. Generated: terms/*.csv, people/generated.csv,
offices/gb-ifg.toml and offices/wikidata.toml, merges.csv (every person joined across sources, and
why) and left-out.csv (every source row not shipped, and why).

Steps:
1. each importer's rows, with the corrections of overrides.toml;
2. source pages that are search or redirect addresses, or on the denylist, are dropped from a row;
   a row left without a source is left out;
3. people: one per Wikidata QID or source person id, else per name within one source; two
   sources' people are merged only on a shared QID, or the same name (accents, initials and
   "Jr." aside) with the same start day, or the same name holding the same office at overlapping
   times; two different QIDs are never merged;
4. one row per (person, office, start): the best source's row, citing the others that agree;
5. single-holder offices: where two people's terms overlap beyond a handover, the row of the
   weaker source is left out (both, when the sources rank alike): a missing fact makes the checker
   abstain, a wrong one makes it lie.
"""

from __future__ import annotations

import csv
import json
import re
import tomllib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from factcheck.dates import parse_partial
from factcheck.kb.importers import (
    congress,
    curated,
    everypolitician,
    fivethirtyeight,
    ifg,
    parlgov,
)
from factcheck.kb.importers.common import SourceTerm, slug
from factcheck.kb.importers.names import merge_key, variants
from factcheck.kb.importers.sourcemap import read_source_map
from factcheck.kb.model import Office, Term, close_open_ends
from factcheck.kb.sources import Denylist, bad_address, read_denylist

SNAPSHOTS = {"ifg": "2026-06-19", "congress": "2026-06-15"}  # commit days in each SOURCE.txt
# Better sources first: a curated page beats a dataset row, a dataset beats a Wikidata extract.
RANK = {"curated": 0, "ifg": 1, "us-executive": 2, "us-538": 3, "wikidata": 4, "parlgov": 5}
HANDOVER_DAYS = 7


@dataclass(frozen=True)
class Row:
    """A source term with where it came from (its output file) and, once known, its person id."""

    file: str
    term: SourceTerm
    pid: str = ""


def collect(
    sources: Path, kb_dir: Path, overrides: dict[str, list[dict[str, Any]]]
) -> tuple[dict[str, list[SourceTerm]], list[everypolitician.GenericOffice]]:
    """Every importer's terms, by output file name, and the generated Wikidata offices."""
    smap = read_source_map(kb_dir)
    confirmed = {(c["person"], c["start"]): c["second_source"] for c in overrides.get("confirm", ())}
    ep = sources / "everypolitician-wikidata"
    days = everypolitician.snapshots(ep / "SOURCE.txt")
    generic: dict[str, everypolitician.GenericOffice] = {}
    skip: dict[str, set[str]] = defaultdict(set)
    for rule in overrides.get("exclude_position", ()):
        skip[rule["folder"]].add(rule["position"])
    wikidata: list[SourceTerm] = []
    for code, row in sorted(smap.jurisdictions.items()):
        for folder in row.get("everypolitician", ()):
            if (ep / folder / "holders21.csv").exists():
                wikidata.extend(everypolitician.read_folder(
                    ep / folder, code, smap, days.get(folder, ""), bool(row.get("everypolitician_mapped_only")),
                    generic, skip[folder]))
    return {
        "ifg": list(ifg.read(sources / "uk-ifg-ministers", SNAPSHOTS["ifg"])),
        "us-538": list(fivethirtyeight.read(sources / "us-538-cabinet-turnover" / "cabinet-turnover.csv")),
        "us-executive": list(congress.read(sources / "us-congress-legislators" / "executive.json", SNAPSHOTS["congress"])),
        "wikidata": wikidata,
        "parlgov": list(parlgov.read(sources / "parlgov", smap)),
        "curated": list(curated.read_all(sources / "curated-2022-2026", smap, confirmed)),
    }, sorted(generic.values(), key=lambda o: o.id)


def build(sources: Path, out: Path) -> dict[str, int]:
    overrides = _overrides(out / "overrides.toml")
    denylist = read_denylist(out / "denylist.toml")
    collected, generic = collect(sources, out, overrides)
    left: list[tuple[str, SourceTerm, str]] = []
    rows: list[Row] = []
    for name, terms in collected.items():
        terms = _apply_overrides(terms, overrides, left, name)
        if name == "curated":
            terms = terms + _page_terms(overrides.get("page_term", ()))
            terms = _later_pages(terms, overrides.get("in_office", ()))
            terms = _known_items(terms, overrides.get("alias", ()))
        for t in terms:
            clean = _clean_sources(t, denylist)
            if clean is None:
                left.append((name, t, "no source left once search, redirect and denylisted addresses are dropped"))
            else:
                rows.append(Row(name, clean))
    rows = _name_surnames(rows, left)
    given = read_given_names(sources / "given-name-variants" / "names.csv")
    rows, people, merges = _people(rows, overrides, given)
    rows = _one_row_per_term(rows, left)
    _, generated = ifg.offices(sources / "uk-ifg-ministers")
    offices = _offices(out, generated, generic)
    rows = _resolve_overlaps(rows, offices, left)
    _write_offices(out / "offices" / "gb-ifg.toml", generated)
    _write_generic(out / "offices" / "wikidata.toml", generic)
    counts: dict[str, int] = {"offices/gb-ifg": len(generated), "offices/wikidata": len(generic)}
    for name in RANK:
        mine = sorted((r for r in rows if r.file == name), key=lambda r: (r.term.office, r.term.start, r.pid, r.term.source))
        _write_terms(out / "terms" / f"{name}.csv", mine)
        counts[name] = len(mine)
    used = {r.pid for r in rows}
    titled = {r.pid for r in rows if r.term.office in offices and not r.term.office.endswith("-wd") and r.term.office not in {g.id for g in generic}}
    _add_given_name_variants(people, titled, given)
    _write_people(out / "people" / "generated.csv", people, used)
    _write_merges(out / "merges.csv", merges, used)
    _write_left_out(out / "left-out.csv", left)
    counts["people"] = len(used)
    counts["merges"] = len(merges)
    counts["left out"] = len(left)
    return counts


# -- overrides -----------------------------------------------------------------------------------

def _overrides(path: Path) -> dict[str, list[dict[str, Any]]]:
    if not path.exists():
        return {}
    with path.open("rb") as fh:
        loaded: dict[str, list[dict[str, Any]]] = tomllib.load(fh)
    return loaded


def _base(source: str) -> str:
    """A source without its row number, as overrides.toml cites it."""
    return re.sub(r" row \d+\)$", ")", source)


def _matches(t: SourceTerm, rule: dict[str, Any]) -> bool:
    return bool(_base(t.source) == rule["source"] and t.office == rule.get("office", t.office) and t.start == rule.get("start", t.start))


def _apply_overrides(
    terms: list[SourceTerm], overrides: dict[str, list[dict[str, Any]]], left: list[tuple[str, SourceTerm, str]], name: str
) -> list[SourceTerm]:
    """Drop excluded rows, correct and mark acting ones, and drop rows whose end precedes their start (a source error)."""
    out = []
    for t in terms:
        excluded = next((rule for rule in overrides.get("exclude", ()) if _matches(t, rule)), None)
        if excluded is not None:
            left.append((name, t, f"excluded in overrides.toml: {excluded['reason']}"))
            continue
        if t.start and t.end and t.end < t.start:
            left.append((name, t, "ends before it starts"))
            continue
        for rule in overrides.get("correct", ()):
            if _matches(t, rule):
                t = replace(t, end=rule.get("end", t.end), note=(t.note + " end corrected per overrides.toml").strip())
        if any(_matches(t, rule) for rule in overrides.get("acting", ())):
            t = replace(t, acting=True, note=(t.note + " acting per overrides.toml").strip())
        out.append(t)
    return out


def _page_terms(rules: Iterable[dict[str, Any]]) -> list[SourceTerm]:
    """Terms no dataset holds, each confirmed on the stored pages overrides.toml cites (`[[page_term]]`).

    They join the curated rows (the same standard: facts from dated pages, addresses per row), so they
    are merged, checked by `kb validate` and written to terms/curated.csv like any curated row.
    """
    return [
        SourceTerm(
            person=rule["person"], office=rule["office"], start=rule.get("start", ""), end=rule.get("end", ""),
            source=rule["source"], confirmed_until="" if rule.get("end") else rule.get("confirmed_until", ""),
            aliases=tuple(rule.get("aliases", ())), note=f"overrides.toml page_term; {rule['reason']}"[:200],
        )
        for rule in rules
    ]


def _later_pages(terms: list[SourceTerm], rules: Iterable[dict[str, Any]]) -> list[SourceTerm]:
    """An open curated term seen in office on a later dated page: confirmed up to that day, citing it."""
    out = []
    for t in terms:
        for rule in rules:
            if t.person == rule["person"] and t.office == rule["office"] and not t.end and rule["on"] > t.confirmed_until:
                t = replace(t, confirmed_until=rule["on"], source=f"{t.source} ; in office {rule['on']}: {rule['source']}")
        out.append(t)
    return out


def _known_items(terms: list[SourceTerm], rules: Iterable[dict[str, Any]]) -> list[SourceTerm]:
    """Curated rows of a person whose Wikidata item overrides.toml names carry that QID."""
    qids = {rule["person"]: rule["qid"] for rule in rules if rule.get("qid")}
    return [replace(t, qid=qids[t.person]) if not t.qid and t.person in qids else t for t in terms]


def _clean_sources(t: SourceTerm, denylist: Denylist) -> SourceTerm | None:
    """The row citing only acceptable pages (dataset rows are kept as they are)."""
    parts = [p.strip() for p in t.source.split(" ; ") if p.strip()]
    kept = [p for p in parts if not bad_address(p.split(": ", 1)[-1], denylist)]
    if not kept:
        return None
    return t if kept == parts else replace(t, source=" ; ".join(kept))


def _name_surnames(rows: list[Row], left: list[tuple[str, SourceTerm, str]]) -> list[Row]:
    """ParlGov terms known by surname only take the full name of another source's holder of that
    surname who took the same office on the same day; the others are left out."""
    known: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for r in rows:
        if not r.term.key.startswith("parlgov-surname:") and len(r.term.start) == 10:
            words = merge_key(r.term.person).split()
            if words:
                known[(r.term.office, r.term.start, words[-1])].add(r.term.person)
    out = []
    for r in rows:
        if r.term.key.startswith("parlgov-surname:"):
            surname = r.term.key.split(":", 1)[1].split()[-1]
            names = known.get((r.term.office, r.term.start, surname), set())
            if len(names) != 1:
                left.append((r.file, r.term, "ParlGov names this prime minister by surname only and no other source"
                             " names a holder of that surname starting the same day"))
                continue
            note = (r.term.note + "; full name from the same-day term of another source").strip("; ")
            r = replace(r, term=replace(r.term, person=names.pop(), key="", note=note))
        out.append(r)
    return out


# -- people --------------------------------------------------------------------------------------

class _Clusters:
    """Union-find over source identities; a cluster never holds two different QIDs."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.qid: dict[str, str] = {}

    def add(self, node: str, qid: str = "") -> None:
        if node not in self.parent:
            self.parent[node] = node
            self.qid[node] = qid
        elif qid and not self.qid[self.find(node)]:
            self.qid[self.find(node)] = qid

    def find(self, node: str) -> str:
        while self.parent[node] != node:
            self.parent[node] = self.parent[self.parent[node]]
            node = self.parent[node]
        return node

    def union(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        qa, qb = self.qid[ra], self.qid[rb]
        if qa and qb and qa != qb:
            return False
        ra, rb = sorted((ra, rb))
        self.parent[rb] = ra
        self.qid[ra] = qa or qb
        return True


def _node(r: Row) -> str:
    t = r.term
    if t.qid:
        return f"qid:{t.qid}"
    if t.key:
        return t.key
    return f"name:{r.file}:{merge_key(t.person)}"


@dataclass
class _Person:
    name: str
    aliases: set[str]
    qid: str
    source: str


def _span(t: SourceTerm) -> tuple[date, date] | None:
    """The days a row may cover, for "same name, same office, overlapping times"."""
    try:
        first = parse_partial(t.start).start if t.start else date.min
        if t.end:
            last = parse_partial(t.end).last
        elif t.confirmed_until:
            last = parse_partial(t.confirmed_until).last
        elif t.start:
            last = parse_partial(t.start).last
        else:
            return None
    except ValueError:
        return None
    return first, last


def _given_names_agree(a: str, b: str, given: dict[str, set[str]]) -> bool:
    wa, wb = merge_key(a).split(), merge_key(b).split()
    if wa[1:] == wb[1:] and wa[0] != wb[0]:
        return wb[0] in given.get(wa[0], ()) or wa[0] in given.get(wb[0], ())
    return False


def read_given_names(path: Path) -> dict[str, set[str]]:
    """Given name -> its short forms and the names it is short for (names.csv: name1,relationship,name2)."""
    out: dict[str, set[str]] = defaultdict(set)
    if path.exists():
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.reader(fh):
                if len(row) == 3 and row[1] == "has_nickname":
                    out[row[0]].add(row[2])
                    out[row[2]].add(row[0])
    return out


def _people(
    rows: list[Row], overrides: dict[str, list[dict[str, Any]]], given: dict[str, set[str]]
) -> tuple[list[Row], dict[str, _Person], list[tuple[str, str, str, str]]]:
    clusters = _Clusters()
    merges: list[tuple[str, str, str, str]] = []  # (node a, node b, reason, evidence)
    for r in rows:
        node = _node(r)
        clusters.add(node, r.term.qid)
        if r.term.qid and r.term.key:  # one source's person id and its QID: the same person
            clusters.add(r.term.key)
            clusters.union(node, r.term.key)
    by_start: dict[tuple[str, str], list[tuple[str, Row]]] = defaultdict(list)
    by_office: dict[tuple[str, str], list[tuple[str, Row]]] = defaultdict(list)
    for r in rows:
        key = merge_key(r.term.person)
        if len(r.term.start) == 10:
            by_start[(key, r.term.start)].append((_node(r), r))
        by_office[(key, r.term.office)].append((_node(r), r))
    for (key, start), group in sorted(by_start.items()):
        first = group[0]
        for node, r in group[1:]:
            if first[0] != node and clusters.union(first[0], node):
                merges.append((first[0], node, "same name, same start day",
                               f"{first[1].term.office} {start}: {first[1].term.source} / {r.term.source}"))
    # A short or formal given name ("Jim" / "James", from the given-name variants list) is only a
    # hint: it joins two people only with the same surname, office and start day.
    by_office_day: dict[tuple[str, str, str], list[tuple[str, Row]]] = defaultdict(list)
    for r in rows:
        words = merge_key(r.term.person).split()
        if len(words) >= 2 and len(r.term.start) == 10:
            by_office_day[(r.term.office, r.term.start, words[-1])].append((_node(r), r))
    for (office, start, _), group in sorted(by_office_day.items()):
        for i, (na, ra) in enumerate(group):
            for nb, rb in group[i + 1:]:
                if clusters.find(na) != clusters.find(nb) and _given_names_agree(ra.term.person, rb.term.person, given) \
                        and clusters.union(na, nb):
                    merges.append((na, nb, "variant given name, same surname, office and start day",
                                   f"{office} {start}: {ra.term.source} / {rb.term.source}"))
    for (key, office), group in sorted(by_office.items()):
        for i, (na, ra) in enumerate(group):
            sa = _span(ra.term)
            for nb, rb in group[i + 1:]:
                if clusters.find(na) == clusters.find(nb):
                    continue
                sb = _span(rb.term)
                if sa and sb and sa[0] <= sb[1] and sb[0] <= sa[1] and clusters.union(na, nb):
                    merges.append((na, nb, "same name, same office, overlapping terms",
                                   f"{office}: {ra.term.source} / {rb.term.source}"))
    _join_curated_to_items(rows, clusters, merges)
    # Each cluster's name: the best-ranked source's (curated pages write names as news does).
    members: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        members[clusters.find(_node(r))].append(r)
    extra = _override_aliases(overrides)
    people: dict[str, _Person] = {}
    pid_of: dict[str, str] = {}
    taken: set[str] = set()
    for root in sorted(members, key=lambda root: (slug(_best(members[root]).term.person), root)):
        best = _best(members[root])
        name = best.term.person
        pid = base = slug(name) or (clusters.qid[root] or "person").lower()
        n = 2
        while pid in taken:
            pid, n = f"{base}-{n}", n + 1
        taken.add(pid)
        pid_of[root] = pid
        qid = clusters.qid[root]
        aliases: set[str] = set()
        for r in members[root]:
            aliases.add(r.term.person)
            aliases.update(r.term.aliases)
        aliases.update(extra.get(qid, ()) if qid else ())
        aliases.update(a for r in members[root] for a in extra.get(r.term.person, ()))
        for a in list(aliases) + [name]:
            aliases.update(variants(a))
        aliases.discard(name)
        source = f"wikidata:{qid}" if qid else best.term.source.split(" ; ")[0].split(" (")[0]
        people[pid] = _Person(name, aliases, qid, source)
    merged = [(pid_of[clusters.find(a)], a, b, f"{why} ({ev})") for a, b, why, ev in merges]
    return ([replace(r, pid=pid_of[clusters.find(_node(r))]) for r in rows], people,
            sorted(merged))


def _join_curated_to_items(rows: list[Row], clusters: _Clusters, merges: list[tuple[str, str, str, str]]) -> None:
    """A curated person (pages, no Wikidata item) joins the one Wikidata item of the same full name
    with terms in the same jurisdiction.

    Curated rows cite news pages, which give no QID; without this, "Benjamin Netanyahu" of the
    2022-2026 pages and Benjamin Netanyahu (Q43723) of the Wikidata extract stay two people, and a
    title whose office does not tell them apart ("Prime Minister Netanyahu" where both held it at
    different times) binds neither. Only a curated person with no source id is joined, only to a
    single item (two items of that name in that jurisdiction join nothing), and every join is
    listed in merges.csv.
    """
    groups: dict[tuple[str, str], list[tuple[str, Row]]] = defaultdict(list)
    for r in rows:
        groups[(merge_key(r.term.person), r.term.office.split(".")[0])].append((_node(r), r))
    for (_, jurisdiction), group in sorted(groups.items()):
        items = sorted({clusters.find(n) for n, _ in group if clusters.qid[clusters.find(n)]})
        if len(items) != 1:
            continue
        item = items[0]
        evidence = next(x for n, x in group if clusters.find(n) == item)
        for node, r in group:
            root = clusters.find(node)
            if root == clusters.find(item) or r.file != "curated" or clusters.qid[root] or r.term.key:
                continue
            if clusters.union(item, node):
                merges.append((item, node, "same name, curated pages and the one Wikidata item in the jurisdiction",
                               f"{jurisdiction}: {evidence.term.source} / {r.term.source}"))


def _add_given_name_variants(people: dict[str, _Person], titled: set[str], given: dict[str, set[str]]) -> None:
    """"~Timothy Geithner" for Tim Geithner: hints (see model.Person) for people who held an office news names."""
    from factcheck.kb.model import VARIANT

    for pid in titled:
        p = people[pid]
        known = {a.casefold() for a in p.aliases} | {p.name.casefold()}
        for name in [p.name, *sorted(a for a in p.aliases if not a.startswith(VARIANT))]:
            words = name.split()
            if len(words) < 2:
                continue
            for other in sorted(given.get(words[0].casefold(), ())):
                if len(other) < 2:
                    continue
                variant = " ".join([other.capitalize(), *words[1:]])
                if variant.casefold() not in known:
                    known.add(variant.casefold())
                    p.aliases.add(VARIANT + variant)


def _best(rows: list[Row]) -> Row:
    return min(rows, key=lambda r: (RANK[r.file], r.term.start == "", r.term.person, r.term.source))


def _override_aliases(overrides: dict[str, list[dict[str, Any]]]) -> dict[str, tuple[str, ...]]:
    """[[alias]] entries of overrides.toml, by QID or by the name a source gives."""
    out: dict[str, tuple[str, ...]] = {}
    for rule in overrides.get("alias", ()):
        key = rule.get("qid") or rule["person"]
        out[key] = out.get(key, ()) + tuple(rule["aliases"])
    return out


# -- terms ---------------------------------------------------------------------------------------

def _one_row_per_term(rows: list[Row], left: list[tuple[str, SourceTerm, str]]) -> list[Row]:
    """One row per (person, office, start): the best source's, citing the others whose end agrees."""
    groups: dict[tuple[str, str, str], list[Row]] = defaultdict(list)
    out: list[Row] = []
    for r in rows:
        if r.term.start:
            groups[(r.pid, r.term.office, r.term.start)].append(r)
        else:
            out.append(r)
    for key in sorted(groups):
        group = sorted(groups[key], key=lambda r: (RANK[r.file], r.term.source))
        best = group[0]
        cited = [best.term.source]
        for other in group[1:]:
            if _ends_agree(best.term, other.term):
                if other.term.source not in cited:
                    cited.append(other.term.source)
                left.append((other.file, other.term, f"the same term as {best.file} row ({best.term.source.split(' ; ')[0]}); cited there"))
            else:
                first = best.term.source.split(" ; ")[0]
                left.append((other.file, other.term,
                             f"same person, office and start as {best.file} row ({first}), but another end: the better source's row is kept"))
        out.append(replace(best, term=replace(best.term, source=" ; ".join(cited))))
    return out


def _ends_agree(a: SourceTerm, b: SourceTerm) -> bool:
    if not a.end or not b.end:
        return True
    try:
        return abs((parse_partial(a.end).start - parse_partial(b.end).start).days) <= HANDOVER_DAYS
    except ValueError:
        return False


def _offices(out: Path, generated: Iterable[ifg.GeneratedOffice], generic: Iterable[everypolitician.GenericOffice]) -> dict[str, Office]:
    """Which offices have one holder at a time (the hand-written files, then the generated ones)."""
    offices: dict[str, Office] = {}
    for path in sorted((out / "offices").glob("*.toml")):
        if path.name in ("gb-ifg.toml", "wikidata.toml"):
            continue
        with path.open("rb") as fh:
            for row in tomllib.load(fh).get("office", []):
                offices[row["id"]] = Office(row["id"], row["jurisdiction"], row["name"], bool(row.get("single_holder", True)), ())
    for o in generated:
        offices.setdefault(o.id, Office(o.id, "GB", o.name, o.single_holder, ()))
    for g in generic:
        offices.setdefault(g.id, Office(g.id, g.jurisdiction, g.label, False, ()))
    return offices


def _resolve_overlaps(rows: list[Row], offices: dict[str, Office], left: list[tuple[str, SourceTerm, str]]) -> list[Row]:
    """Leave out the weaker of two rows whose holders overlap in a single-holder office."""
    from factcheck.kb.validate import overlapping

    while True:
        terms = [_model_term(r) for r in rows]
        closed = close_open_ends(tuple(terms), offices)
        by_office: dict[str, list[tuple[int, Term]]] = defaultdict(list)
        for i, t in enumerate(closed):
            office = offices.get(t.office)
            if office is not None and office.single_holder and t.start is not None:
                by_office[t.office].append((i, t))
        drop: dict[int, str] = {}
        for office_id in sorted(by_office):
            pairs = by_office[office_id]
            for a, b in overlapping([t for _, t in pairs]):
                ia = next(i for i, t in pairs if t is a)
                ib = next(i for i, t in pairs if t is b)
                if ia in drop or ib in drop:
                    continue
                ra, rb = rows[ia], rows[ib]
                why = (f"overlaps {{other}} in single-holder office {office_id}: the sources disagree, "
                       "so the weaker source's row is left out")
                if RANK[ra.file] < RANK[rb.file]:
                    drop[ib] = why.format(other=f"{ra.pid} ({ra.term.source.split(' ; ')[0]})")
                elif RANK[rb.file] < RANK[ra.file]:
                    drop[ia] = why.format(other=f"{rb.pid} ({rb.term.source.split(' ; ')[0]})")
                else:
                    why = f"in single-holder office {office_id}; sources of equal rank disagree, both left out"
                    drop[ia] = f"overlaps {rb.pid} ({rb.term.source.split(' ; ')[0]}) {why}"
                    drop[ib] = f"overlaps {ra.pid} ({ra.term.source.split(' ; ')[0]}) {why}"
        if not drop:
            return rows
        for i, why in drop.items():
            left.append((rows[i].file, rows[i].term, why))
        rows = [r for i, r in enumerate(rows) if i not in drop]


def _model_term(r: Row) -> Term:
    t = r.term
    return Term(
        person=r.pid, office=t.office,
        start=parse_partial(t.start) if t.start else None,
        end=parse_partial(t.end) if t.end else None,
        acting=t.acting,
        confirmed_until=parse_partial(t.confirmed_until).start if t.confirmed_until else None,
        source=t.source,
    )


# -- writing -------------------------------------------------------------------------------------

def _write_terms(path: Path, rows: list[Row]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["person", "office", "start", "end", "confirmed_until", "acting", "source", "note"])
        for r in rows:
            t = r.term
            w.writerow([r.pid, t.office, t.start, t.end, t.confirmed_until, "yes" if t.acting else "no", t.source, t.note])


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


def _write_generic(path: Path, offices: Iterable[everypolitician.GenericOffice]) -> None:
    lines = ["# Generated by `factcheck kb build`: the EveryPolitician (Wikidata) positions that no office of the",
             "# hand-written files lists in its `labels`. Their labels are Wikidata's, not the words news writes,",
             "# so they carry no titles (`match_name = false`): the terms tell who held what, for `kb person` and",
             "# `kb coverage`, without making claims in text. Multi-holder: nothing is assumed about overlaps.", ""]
    for o in offices:
        lines += ["[[office]]", f"id = {json.dumps(o.id)}", f"jurisdiction = {json.dumps(o.jurisdiction)}",
                  f"name = {json.dumps(o.label)}", "single_holder = false", "match_name = false", "titles = []",
                  f"source = {json.dumps('wikidata position label (EveryPolitician)')}", ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def _write_people(path: Path, people: dict[str, _Person], used: set[str]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["id", "name", "aliases", "qid", "source"])
        for pid in sorted(used):
            p = people[pid]
            w.writerow([pid, p.name, "|".join(sorted(p.aliases)), p.qid, p.source])


def _write_merges(path: Path, merges: list[tuple[str, str, str, str]], used: set[str]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["person", "joined", "with", "because"])
        for pid, a, b, why in merges:
            if pid in used:
                w.writerow([pid, a, b, why])


def _write_left_out(path: Path, left: list[tuple[str, SourceTerm, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["file", "person", "office", "start", "end", "source", "reason"])
        for name, t, why in sorted(left, key=lambda x: (x[0], x[1].office, x[1].start, x[1].person, x[1].source, x[2])):
            w.writerow([name, t.person, t.office, t.start, t.end, t.source, why])
