"""The knowledge base's compiled cache: reused, rebuilt when a data file changes, never trusted when corrupt."""

from __future__ import annotations

import shutil
from pathlib import Path

from factcheck.kb.cache import cached_kb
from factcheck.kb.load import load_kb
from factcheck.paths import kb_dir

TERM = "lloyd-austin,us.secretary-of-defense,2021-01-22,2025-01-20,,no,test,\n"


def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "kb"
    shutil.copytree(kb_dir(), root)
    return root


def test_cached_kb_equals_a_fresh_load_and_is_rebuilt_on_change(tmp_path: Path):
    root, cache = _copy(tmp_path), tmp_path / "cache"
    first = cached_kb(root, folder=cache)
    assert first == load_kb(root)
    assert len(list(cache.glob("kb-*.pickle"))) == 1
    assert cached_kb(root, folder=cache) == first
    (root / "terms" / "extra.csv").write_text("person,office,start,end,confirmed_until,acting,source,note\n" + TERM)
    changed = cached_kb(root, folder=cache)
    assert len(changed.terms) == len(first.terms) + 1
    assert not list(root.rglob("*.pickle")), "the cache is never written beside the data"


def test_corrupt_cache_is_ignored_and_rebuilt(tmp_path: Path):
    root, cache = _copy(tmp_path), tmp_path / "cache"
    expected = cached_kb(root, folder=cache)
    for path in cache.glob("kb-*.pickle"):
        path.write_bytes(b"not a pickle")
    assert cached_kb(root, folder=cache) == expected
    for path in cache.glob("kb-*.pickle"):
        path.write_bytes(path.read_bytes()[:100])  # truncated
    assert cached_kb(root, folder=cache) == expected


def test_unwritable_cache_folder_still_loads(tmp_path: Path):
    root = _copy(tmp_path)
    blocker = tmp_path / "file"
    blocker.write_text("")
    assert cached_kb(root, folder=blocker / "sub") == load_kb(root)
