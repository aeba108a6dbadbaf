"""`factcheck kb ...`: query, validate and rebuild the knowledge base."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer

kb_app = typer.Typer(no_args_is_help=True, add_completion=False, help="Query, validate and build the knowledge base.")

IMPORT_FORMATS = ("ifg", "538", "congress", "everypolitician", "curated", "parlgov", "sparql")

if TYPE_CHECKING:
    from factcheck.dates import Interval
    from factcheck.kb.model import KnowledgeBase


def _fail(message: str) -> NoReturn:
    """Bad input: one line on stderr and exit code 2, the same whether run as `factcheck kb` or alone."""
    sys.stderr.write(f"factcheck: error: {message}\n")
    raise typer.Exit(2)


def _kb() -> KnowledgeBase:
    from factcheck.compiled import load_compiled_kb
    from factcheck.errors import DataError

    try:
        return load_compiled_kb()
    except DataError as exc:
        _fail(str(exc))


def _day(text: str) -> Interval:
    from factcheck.dates import DateError, parse_partial

    try:
        return parse_partial(text)
    except DateError:
        _fail(f"--on: {text!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")


def _check_format(fmt: str) -> None:
    if fmt not in ("table", "json"):
        _fail(f"--format: {fmt!r} is not one of table, json")


def _json(value: object) -> None:
    import json

    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def _table(title: str, columns: list[str], rows: list[list[str]]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, show_lines=False)
    for c in columns:
        table.add_column(c, overflow="fold")
    for r in rows:
        table.add_row(*r)
    Console().print(table)


@kb_app.command()
def who(
    title: str = typer.Argument(..., help='An office title as written: "Secretary of Defense", "Home Secretary".'),
    on: str = typer.Option(..., "--on", help="The day (or month, or year) to ask about."),
    jurisdiction: str | None = typer.Option(None, "--jurisdiction", help="Country code (US, GB, IN...) when the title is shared."),
    fmt: str = typer.Option("table", "--format", help="table or json."),
) -> None:
    """Who held an office on a day."""
    _check_format(fmt)
    kb = _kb()
    ref = _day(on)
    offices = [o for o in kb.offices_titled(title) if jurisdiction is None or kb.offices[o].jurisdiction == jurisdiction.upper()]
    if not offices:
        _fail(f"no office titled {title!r}" + (f" in {jurisdiction}" if jurisdiction else ""))
    rows = []
    for oid in offices:
        office = kb.offices[oid]
        for t in kb.terms_in(oid):
            verdict = t.held(ref)
            if verdict != "no":
                rows.append([office.jurisdiction, office.name, kb.people[t.person].name, t.describe(),
                             "yes" if verdict == "yes" else "maybe", t.source])
    columns = ["jurisdiction", "office", "person", "term", "held", "source"]
    if fmt == "json":
        _json({"title": title, "on": ref.iso(), "holders": [dict(zip(columns, r)) for r in rows]})
        return
    _table(f"{title} on {ref.iso()}", columns, rows)


@kb_app.command()
def person(name: str = typer.Argument(..., help="A person's name or alias.")) -> None:
    """All terms of a person, with sources."""
    kb = _kb()
    ids = kb.people_named(name)
    if not ids:
        _fail(f"no person named {name!r} in the knowledge base")
    rows = []
    for pid in ids:
        for t in sorted(kb.terms_of(pid), key=lambda t: (t.start.start if t.start else t.end.start if t.end else 0, t.office)):
            o = kb.offices[t.office]
            rows.append([kb.people[pid].name, pid, o.jurisdiction, o.name, t.describe(), t.source])
    _table(name, ["person", "id", "jurisdiction", "office", "term", "source"], rows)


@kb_app.command()
def stats(fmt: str = typer.Option("table", "--format", help="table or json.")) -> None:
    """Counts by jurisdiction and office, and the dates covered."""
    from collections import Counter

    _check_format(fmt)
    kb = _kb()
    by_office = Counter(t.office for t in kb.terms)
    rows = []
    for oid in sorted(kb.offices, key=lambda o: (kb.offices[o].jurisdiction, o)):
        starts = [(t, t.start) for t in kb.terms_in(oid) if t.start is not None]
        first = min((start.start for _, start in starts), default=None)
        last = max((t.end.last if t.end else (t.confirmed_until or start.last) for t, start in starts), default=None)
        rows.append([kb.offices[oid].jurisdiction, kb.offices[oid].name, str(by_office[oid]),
                     f"{first} to {last}" if first else "-"])
    if fmt == "json":
        jurisdictions = sorted({o.jurisdiction for o in kb.offices.values() if by_office[o.id]})
        _json({"people": len(kb.people), "offices": len(kb.offices), "terms": len(kb.terms),
               "jurisdictions": len(jurisdictions),
               "terms_with_source": sum(1 for t in kb.terms if t.source.strip()),
               "by_jurisdiction": {j: sum(by_office[o.id] for o in kb.offices.values() if o.jurisdiction == j) for j in jurisdictions},
               "by_office": [{"id": oid, "jurisdiction": kb.offices[oid].jurisdiction, "name": kb.offices[oid].name,
                              "terms": by_office[oid], "coverage": r[3]} for oid, r in zip(
                                  sorted(kb.offices, key=lambda o: (kb.offices[o].jurisdiction, o)), rows)]})
        return
    _table(f"{len(kb.people)} people, {len(kb.offices)} offices, {len(kb.terms)} terms",
           ["jurisdiction", "office", "terms", "coverage"], rows)


@kb_app.command()
def coverage(
    on: str = typer.Option(..., "--on", help="The day (or month, or year) to ask about."),
    jurisdiction: str | None = typer.Option(None, "--jurisdiction", help="Only this jurisdiction's offices (US, GB, EU...)."),
    all_offices: bool = typer.Option(False, "--all", help="Also offices with several holders at once (junior posts, Wikidata positions)."),
    fmt: str = typer.Option("table", "--format", help="table or json."),
) -> None:
    """For each office, who held it on a day and how sure the knowledge base is.

    confirmed: a term certainly covers the day; open past the horizon: the last holder's term is
    open but confirmed only to an earlier day (nothing is known after it); unknown: no holder known."""
    from factcheck.kb.coverage import office_coverage

    _check_format(fmt)
    kb = _kb()
    ref = _day(on)
    code = jurisdiction.upper() if jurisdiction else None
    if code is not None and code not in kb.jurisdictions:
        _fail(f"--jurisdiction: no jurisdiction {jurisdiction!r} (known: {', '.join(sorted(kb.jurisdictions))})")
    rows = office_coverage(kb, ref, code, all_offices)
    if fmt == "json":
        from dataclasses import asdict

        counts = {s: sum(1 for r in rows if r.status == s) for s in ("confirmed", "open past the horizon", "unknown")}
        _json({"on": ref.iso(), "jurisdiction": code, "summary": counts, "offices": [asdict(r) for r in rows]})
        return
    _table(f"Offices on {ref.iso()}" + (f" in {code}" if code else ""),
           ["jurisdiction", "office", "holder", "status", "known to", "source"],
           [[r.jurisdiction, r.office_name, ", ".join(r.holders) or "-", r.status, r.horizon or "-", r.source] for r in rows])


@kb_app.command("validate")
def validate_command(notes: bool = typer.Option(False, "--notes", help="Also list source disagreements.")) -> None:
    """Check the knowledge base: overlapping single-holder terms, bad dates, unknown references."""
    from factcheck.kb.validate import validate
    from factcheck.paths import kb_dir

    report = validate(_kb(), kb_dir=kb_dir())
    for p in report.problems:
        sys.stdout.write(f"problem: {p}\n")
    if notes:
        for n in report.notes:
            sys.stdout.write(f"note: {n}\n")
    sys.stdout.write(f"{len(report.problems)} problem(s), {len(report.notes)} note(s)\n")
    if report.problems:
        raise typer.Exit(1)


@kb_app.command()
def build(
    sources: Path = typer.Option(Path("../shared/data/kb-sources"), "--sources", help="Folder of the open datasets."),
    out: Path = typer.Option(Path("rules/kb"), "--out", help="The knowledge-base folder to regenerate."),
) -> None:
    """Regenerate the generated files under rules/kb/ from the open datasets."""
    from factcheck.kb.build import build as run_build

    if not sources.is_dir():
        _fail(f"--sources: {sources} is not a folder")
    if not (out / "jurisdictions.toml").exists():
        _fail(f"--out: {out} is not a knowledge-base folder (no jurisdictions.toml)")
    for name, n in run_build(sources, out).items():
        sys.stdout.write(f"{name}: {n}\n")


@kb_app.command("import")
def import_command(
    fmt: str = typer.Argument(..., help=f"One of: {', '.join(IMPORT_FORMATS)}."),
    files: list[Path] = typer.Argument(..., help="Source files (a folder for ifg and parlgov)."),
    office: str | None = typer.Option(None, "--office", help="Office id for sparql and everypolitician rows."),
) -> None:
    """Print source rows as project-format term rows (person name, office, dates, source) on stdout."""
    import csv

    from factcheck.kb.importers import (
        congress,
        curated,
        everypolitician,
        fivethirtyeight,
        ifg,
        parlgov,
        sparql,
    )
    from factcheck.kb.importers.sourcemap import read_source_map
    from factcheck.paths import kb_dir

    sources = read_source_map(kb_dir())  # which office each source label is filed under

    if fmt not in IMPORT_FORMATS:
        _fail(f"unknown format {fmt!r} (known: {', '.join(IMPORT_FORMATS)})")
    if fmt in ("sparql", "everypolitician") and not office:
        _fail(f"{fmt} needs --office (an office id such as us.secretary-of-defense)")
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(["person", "qid", "office", "start", "end", "confirmed_until", "acting", "source"])
    for path in files:
        if not path.exists():
            _fail(f"{path}: no such file or folder")
        try:
            if fmt == "ifg":
                rows = ifg.read(path, "")
            elif fmt == "538":
                rows = fivethirtyeight.read(path)
            elif fmt == "congress":
                rows = congress.read(path, "9999-12-31")
            elif fmt == "curated":
                rows = curated.read(path, sources)
            elif fmt == "parlgov":
                rows = parlgov.read(path, sources)
            elif fmt == "sparql":
                rows = sparql.read(path, office or "")
            else:
                rows = everypolitician.read(path, {}, every_row_office=office)
            for t in rows:
                w.writerow([t.person, t.qid, t.office, t.start, t.end, t.confirmed_until, "yes" if t.acting else "no", t.source])
        except BrokenPipeError:
            raise
        except (ValueError, KeyError, OSError) as exc:
            _fail(f"{path}: cannot read as {fmt} ({exc})")
