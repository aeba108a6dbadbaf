"""The compiled cache: rebuilt when a data file changes, never trusted when corrupt."""

from __future__ import annotations

import os
from pathlib import Path

from factcheck.cache import load_cached


def _builder(calls: list[int]):
    def build() -> dict:
        calls.append(1)
        return {"n": len(calls)}
    return build


def test_cache_is_reused_then_rebuilt_on_change(tmp_path: Path):
    data = tmp_path / "a.csv"
    data.write_text("x\n")
    calls: list[int] = []
    first = load_cached("t", [data], _builder(calls), dict, tmp_path / "cache")
    again = load_cached("t", [data], _builder(calls), dict, tmp_path / "cache")
    assert first == again and len(calls) == 1
    data.write_text("y\n")  # the same size: the modification time tells
    stat = data.stat()
    os.utime(data, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # an edit a second later
    load_cached("t", [data], _builder(calls), dict, tmp_path / "cache")
    assert len(calls) == 2
    data.write_text("longer\n")
    load_cached("t", [data], _builder(calls), dict, tmp_path / "cache")
    assert len(calls) == 3
    assert len(list((tmp_path / "cache").glob("*.pickle"))) == 1, "an edit replaces the cache, never adds one"


def test_a_cache_of_other_files_is_not_taken(tmp_path: Path):
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    a.write_text("x\n")
    b.write_text("x\n")
    calls: list[int] = []
    load_cached("t", [a], _builder(calls), dict, tmp_path / "cache")
    load_cached("t", [a, b], _builder(calls), dict, tmp_path / "cache")
    load_cached("t", [b], _builder(calls), dict, tmp_path / "cache")
    assert len(calls) == 3


def test_corrupt_cache_is_rebuilt(tmp_path: Path):
    data = tmp_path / "a.csv"
    data.write_text("x\n")
    calls: list[int] = []
    load_cached("t", [data], _builder(calls), dict, tmp_path / "cache")
    for f in (tmp_path / "cache").glob("*.pickle"):
        f.write_bytes(b"not a pickle")
    value = load_cached("t", [data], _builder(calls), dict, tmp_path / "cache")
    assert value == {"n": 2} and len(calls) == 2


def test_unwritable_cache_still_works(tmp_path: Path):
    data = tmp_path / "a.csv"
    data.write_text("x\n")
    blocker = tmp_path / "file"
    blocker.write_text("")
    calls: list[int] = []
    assert load_cached("t", [data], _builder(calls), dict, blocker / "sub") == {"n": 1}
