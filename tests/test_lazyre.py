"""Lazy patterns and the store of compiled pattern code: a pattern rebuilt from the store matches
exactly as re.compile's does, and a missing, corrupt or foreign store only costs speed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from factcheck.lazyre import PatternStore, lazy
from factcheck.temporal.expressions import _SOURCES, KINDS

TEXT = ("On Tuesday, March 4, 2025, the Secretary of State met U.S. officials in the 1990s; "
        "three weeks ago she said \u201cnot yet\u201d. O'Brien's visit (Q3 2024) ended 2024-09-30.")

PATTERNS = [
    (r"(?P<m>January|March)\s+(?P<d>\d{1,2})", 0),
    (r"\b(?:was|were|had)\b(?![^,;]*\bto\b)", re.I),
    (r"(?<=\w)'s\b|\d+(?:[.,]\d+)*", 0),
    (r"^\s*(?:This|That)\s+\w+$", re.M),
    (r"\u201c[^\u201d]*\u201d", re.S),
] + [(_SOURCES[k], re.I) for k in KINDS]


def _same(a: re.Pattern[str], b: re.Pattern[str]) -> None:
    assert [(m.span(), m.groupdict(), m.groups()) for m in a.finditer(TEXT)] == \
        [(m.span(), m.groupdict(), m.groups()) for m in b.finditer(TEXT)]
    assert (a.pattern, a.flags, a.groups, a.groupindex) == (b.pattern, b.flags, b.groups, b.groupindex)


@pytest.mark.parametrize("source,flags", PATTERNS)
def test_a_pattern_from_the_store_matches_as_re_compile(tmp_path: Path, source: str, flags: int):
    path = str(tmp_path / "patterns.marshal")
    first = PatternStore(path)
    _same(first.compile(source, flags), re.compile(source, flags))
    first.save()
    again = PatternStore(path)
    _same(again.compile(source, flags), re.compile(source, flags))
    assert (source, int(flags)) in again._load(), "the second store read the code from the file"


def test_a_corrupt_or_foreign_store_is_ignored(tmp_path: Path):
    path = tmp_path / "patterns.marshal"
    for content in (b"not marshal", b"", bytes(range(256))):
        path.write_bytes(content)
        _same(PatternStore(str(path)).compile(r"\d+", 0), re.compile(r"\d+"))
    import marshal

    path.write_bytes(marshal.dumps({(r"\d+", 0): (0, [1, 2, 3], 0, {}, ())}))  # code the matcher rejects
    _same(PatternStore(str(path)).compile(r"\d+", 0), re.compile(r"\d+"))


def test_without_a_store_patterns_are_compiled_as_usual(tmp_path: Path):
    _same(PatternStore(None).compile(r"(?P<x>a+)b", re.I), re.compile(r"(?P<x>a+)b", re.I))


def test_an_unwritable_store_costs_nothing_but_speed(tmp_path: Path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    store = PatternStore(str(blocker / "sub" / "patterns.marshal"))
    _same(store.compile(r"x+", 0), re.compile(r"x+"))
    store.save()  # no error


def test_a_lazy_pattern_is_compiled_on_first_use():
    pattern = lazy(r"(?P<w>[a-z]+)", re.I)
    assert "search" not in vars(pattern)
    assert pattern.search("42 Abc").group("w") == "Abc"
    assert "search" in vars(pattern) and pattern.groupindex == {"w": 1} and pattern.flags & re.I
    assert pattern.groups == 1 and pattern.compiled is pattern.compiled, "compiled once, however often it is read"


def test_a_lazy_pattern_survives_copying():
    import copy
    import pickle

    pattern = lazy(r"\d+")
    assert copy.copy(pattern).findall("a1b22") == ["1", "22"]
    assert pickle.loads(pickle.dumps(pattern)).findall("a1b22") == ["1", "22"]
