"""The fast `scan` parser (no typer import) and typer's must agree: same options, same readings,
and the fast one declines whatever it cannot read for certain."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer

from factcheck import scan_command
from factcheck.cli import app
from factcheck.scan_command import OPTIONS, ScanOptions, parse_fast


def _typer_reading(args: list[str], monkeypatch: pytest.MonkeyPatch) -> ScanOptions:
    seen: list[ScanOptions] = []
    monkeypatch.setattr(scan_command, "run", lambda opts: seen.append(opts) or 0)
    app(["scan", *args], standalone_mode=False)
    assert len(seen) == 1
    return seen[0]


def test_both_parsers_know_the_same_options():
    command = typer.main.get_command(app).commands["scan"]  # type: ignore[attr-defined]
    declared = {opt for p in command.params if p.param_type_name == "option" for opt in p.opts}
    assert declared == set(OPTIONS)


READ_ALIKE = [
    ["a.md"],
    ["a.md", "b.txt", "-"],
    ["a.md", "--date", "2025-07-01", "--format", "json", "--fail-on", "warning"],
    ["--format=sarif", "a.md", "--date=2025-07-01"],
    ["a.md", "--select", "FC1,role-tenure", "--select", "FC104", "--ignore=FC102"],
    ["a.md", "--config", "conf/.factcheck.toml", "--isolated", "--exit-zero", "--statistics"],
    ["a.md", "--report-unused-suppressions", "--baseline", "base.json", "--diff", "origin/main"],
    ["a.md", "--write-baseline", "base.json", "-j", "2"],
    ["a.md", "-j3"],
    ["a.md", "--jobs", "4", "--format", "text", "--format", "json"],
    ["--", "a.md", "--date"],
    ["c.jsonl", "--resume", "out.jsonl", "--keep-going", "--engine", "dask", "--scheduler", "tcp://10.0.0.1:8786"],
    ["-", "--input-format", "jsonl", "--engine=processes"],
]


@pytest.mark.parametrize("args", READ_ALIKE, ids=[" ".join(a) for a in READ_ALIKE])
def test_fast_reading_is_typers(args, monkeypatch):
    fast = parse_fast(args)
    assert fast is not None
    assert fast == _typer_reading(args, monkeypatch)


DECLINED = [
    [],
    ["--help"],
    ["a.md", "--help"],
    ["a.md", "--format", "html"],
    ["a.md", "--fail-on", "fatal"],
    ["a.md", "--jobs", "two"],
    ["a.md", "-j=2"],
    ["a.md", "--date"],
    ["a.md", "--no-isolated"],
    ["a.md", "--isolated=yes"],
    ["a.md", "--dat", "2025-07-01"],
    ["a.md", "--config", ""],
    ["a.md", "-x"],
    ["c.jsonl", "--engine", "spark"],
    ["-", "--input-format", "csv"],
]


@pytest.mark.parametrize("args", DECLINED, ids=[" ".join(a) or "(none)" for a in DECLINED])
def test_fast_parser_declines_what_typer_must_read(args):
    assert parse_fast(args) is None


def test_paths_and_values_keep_their_types():
    opts = parse_fast(["a.md", "--config", "x.toml", "--jobs", "2"])
    assert opts == ScanOptions(("a.md",), config=Path("x.toml"), jobs=2)
