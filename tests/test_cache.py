"""The compiled cache: plain data keyed by the content of its inputs, never code; anything
unexpected in the cache folder is rebuilt, never believed."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import sys
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

import pytest

from conftest import FIXTURES
from factcheck import cache
from factcheck.dates import Interval, parse_day
from factcheck.document import from_text
from factcheck.engine import Engine
from factcheck.kb.cache import kb_from_tables, kb_tables
from factcheck.kb.load import load_kb
from factcheck.paths import kb_dir, rules_dir

SEED = (FIXTURES / "seed-hegseth-austin.txt").read_text(encoding="utf-8")


@dataclass(frozen=True)
class Grown:
    """A model record as it may grow (see test_records_are_cached_generically_from_their_fields)."""

    id: str
    aliases: tuple[str, ...] = ()
    born: date | None = None
    served: Interval | None = None
    kind: Literal["person", "body"] = "person"
    counts: dict[str, tuple[int, ...]] = field(default_factory=dict)
    living: bool = True


def _codes(engine: Engine, text: str = SEED, date: str | None = None) -> list[str]:
    doc = from_text("seed.txt", text, parse_day(date) if date else None)
    return [f.code for f in engine.run(doc).findings]


@pytest.fixture()
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    where = tmp_path / "cache"
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(where))
    monkeypatch.delenv("FACTCHECK_NO_CACHE", raising=False)
    return where


def _builder(calls: list[int]):
    def build() -> dict:
        calls.append(1)
        return {"t": {"n": len(calls), "list": [1, "a", None]}}
    return build


def test_reused_then_rebuilt_on_a_same_size_edit_with_the_same_time(tmp_path: Path):
    data = tmp_path / "a.csv"
    data.write_text("x\n")
    calls: list[int] = []
    first = cache.load("t", [data], _builder(calls), folder=tmp_path / "c")
    again = cache.load("t", [data], _builder(calls), folder=tmp_path / "c")
    assert dict(first["t"]) == dict(again["t"]) == {"n": 1, "list": [1, "a", None]} and len(calls) == 1
    stat = data.stat()
    data.write_text("y\n")  # same size, and the modification time put back: only the content tells
    os.utime(data, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert cache.load("t", [data], _builder(calls), folder=tmp_path / "c")["t"]["n"] == 2
    assert len(list((tmp_path / "c").iterdir())) == 1, "an edit replaces the cache, never adds one"


def _read_counter(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The input files the cache reads whole to digest them."""
    read: list[str] = []
    real = cache._digest

    def digest(data: bytes) -> str:
        read.append(data.decode())
        return real(data)

    monkeypatch.setattr(cache, "_digest", digest)
    return read


def test_an_unchanged_old_input_is_not_read_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    data = tmp_path / "a.csv"
    data.write_text("x\n")
    monkeypatch.setattr(cache, "STAMP_AGE_NS", 0)  # as if the file had been written long ago
    calls: list[int] = []
    cache.load("t", [data], _builder(calls), folder=tmp_path / "c")
    read = _read_counter(monkeypatch)
    assert cache.load("t", [data], _builder(calls), folder=tmp_path / "c")["t"]["n"] == 1
    assert "x\n" not in read, "its digest is taken from the stamp kept with the cache"


def test_a_same_size_edit_with_the_same_time_is_seen_by_its_change_time(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch):
    data = tmp_path / "a.csv"
    data.write_text("x\n")
    monkeypatch.setattr(cache, "STAMP_AGE_NS", 0)
    calls: list[int] = []
    cache.load("t", [data], _builder(calls), folder=tmp_path / "c")
    stat = data.stat()
    time.sleep(0.05)  # past the file system's clock tick (the case STAMP_AGE_NS guards in real use)
    data.write_text("y\n")
    os.utime(data, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # the kernel still moves the change time
    assert data.stat().st_ctime_ns != stat.st_ctime_ns or data.stat().st_ino != stat.st_ino
    read = _read_counter(monkeypatch)
    assert cache.load("t", [data], _builder(calls), folder=tmp_path / "c")["t"]["n"] == 2
    assert "y\n" in read


def test_a_young_input_is_read_every_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # Written within STAMP_AGE_NS of the reading: a second write in the same clock tick would leave
    # its stat unchanged, so no stamp is kept and the content decides.
    data = tmp_path / "a.csv"
    data.write_text("x\n")
    calls: list[int] = []
    cache.load("t", [data], _builder(calls), folder=tmp_path / "c")
    read = _read_counter(monkeypatch)
    cache.load("t", [data], _builder(calls), folder=tmp_path / "c")
    assert "x\n" in read and len(calls) == 1


def test_an_input_young_when_the_cache_was_built_is_stamped_once_old(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch):
    # `pip install . && factcheck scan ...` builds the cache within a second of installing the data:
    # once the files are old enough, the next run keeps their stamps and later runs read none.
    data = tmp_path / "a.csv"
    data.write_text("x\n")
    calls: list[int] = []
    cache.load("t", [data], _builder(calls), folder=tmp_path / "c")
    monkeypatch.setattr(cache, "STAMP_AGE_NS", 0)  # as if the later runs came well after the install
    cache.load("t", [data], _builder(calls), folder=tmp_path / "c")
    read = _read_counter(monkeypatch)
    assert cache.load("t", [data], _builder(calls), folder=tmp_path / "c")["t"]["n"] == 1
    assert "x\n" not in read and len(calls) == 1


def test_the_key_covers_the_python_and_factcheck_versions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    data = tmp_path / "a.csv"
    data.write_text("x\n")
    key = cache.cache_key([data])
    monkeypatch.setattr(sys, "version", sys.version + " other")
    assert cache.cache_key([data]) != key
    monkeypatch.undo()
    monkeypatch.setattr(cache, "__version__", "99.0")
    assert cache.cache_key([data]) != key


def test_two_pythons_in_turn_each_keep_their_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    data = tmp_path / "a.csv"
    data.write_text("x\n")
    calls: list[int] = []
    where = tmp_path / "c"
    version = sys.version
    for other in ("", " other", "", " other"):
        monkeypatch.setattr(sys, "version", version + other)
        cache.load("t", [data], _builder(calls), folder=where)
    assert len(calls) == 2, "built once for each Python, then reused"


@pytest.mark.parametrize("damage", ["garbage", "pickle", "truncated", "padded", "empty", "other-key",
                                    "other-schema", "symlink", "fifo", "directory", "too-large"])
def test_anything_unexpected_in_the_cache_is_rebuilt(tmp_path: Path, damage: str, monkeypatch: pytest.MonkeyPatch):
    data = tmp_path / "a.csv"
    data.write_text("x\n")
    calls: list[int] = []
    where = tmp_path / "c"
    cache.load("t", [data], _builder(calls), folder=where)
    [path] = where.iterdir()
    good = path.read_bytes()
    if damage == "garbage":
        path.write_bytes(b"SQLite format 3\0" + bytes(range(256)) * 64)
    elif damage == "pickle":
        path.write_bytes(pickle.dumps({"n": 99}))
    elif damage == "truncated":
        path.write_bytes(good[: len(good) // 2])
    elif damage == "padded":
        path.write_bytes(good + b"\0" * 4096)
    elif damage == "empty":
        path.write_bytes(b"")
    elif damage == "other-key":
        cache.load("t", [data], _builder([]), salt="other", folder=tmp_path / "elsewhere")
        shutil.copyfile(next((tmp_path / "elsewhere").iterdir()), path)
    elif damage == "other-schema":
        import sqlite3

        path.unlink()
        db = sqlite3.connect(path)
        db.execute("CREATE TABLE entry (ns, k, i, v)")
        db.commit()
        db.close()
    elif damage == "symlink":
        (tmp_path / "elsewhere.sqlite").write_bytes(good)
        path.unlink()
        path.symlink_to(tmp_path / "elsewhere.sqlite")
    elif damage == "fifo":
        path.unlink()
        os.mkfifo(path)
    elif damage == "directory":
        path.unlink()
        path.mkdir()
    elif damage == "too-large":
        monkeypatch.setattr(cache, "MAX_BYTES", len(good) - 1)
    value = cache.load("t", [data], _builder(calls), folder=where)
    assert dict(value["t"]) == {"n": 2, "list": [1, "a", None]} and len(calls) == 2, "built afresh"
    if damage == "symlink":
        assert (tmp_path / "elsewhere.sqlite").read_bytes() == good, "the link's target is not written"
    if damage not in ("directory", "too-large"):
        assert cache.load("t", [data], _builder(calls), folder=where)["t"]["n"] == 2, "and cached again"
    assert not [p for p in where.iterdir() if p.name.endswith(".tmp")]


def test_a_planted_pickle_runs_nothing_and_changes_no_finding(tmp_path: Path, folder: Path):
    expected = _codes(Engine.default())
    marker = tmp_path / "ran"

    class Payload:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    planted = pickle.dumps(("key", Payload()))
    for path in folder.iterdir():
        path.write_bytes(planted)
    for name in ("engine-00000000.pickle", "kb-00000000.pickle", "patterns-00000000.marshal"):
        (folder / name).write_bytes(planted)
    assert _codes(Engine.default()) == expected
    assert not marker.exists(), "the planted pickle was loaded"


def test_the_cache_holds_plain_json_and_reads_back_the_same_engine(folder: Path):
    built = Engine.build(rules_dir())
    Engine.default()
    cached = Engine.default()
    assert cached.rules == built.rules and cached.extractor.kb == built.extractor.kb
    assert cached.extractor.gazetteer.lexicon == built.extractor.gazetteer.lexicon
    # The gazetteer's small tables are read from the cache, not tokenised again: the same tables.
    got, want = cached.extractor.gazetteer, built.extractor.gazetteer
    assert list(got.cues.items()) == list(want.cues.items()) and got.max_cue_len == want.max_cue_len
    assert (got.heads, got.honorifics, got.places, got.styles) == (want.heads, want.honorifics, want.places, want.styles)
    assert got.handover is not None and want.handover is not None and got.handover.pattern == want.handover.pattern
    assert cached.extractor.triggers == built.extractor.triggers
    assert _codes(cached) == _codes(built)
    import sqlite3

    [path] = folder.iterdir()
    db = sqlite3.connect(path)
    for (value,) in db.execute("SELECT v FROM entry"):
        json.loads(value)  # every value is JSON
    db.close()


def test_a_same_size_edit_of_a_knowledge_base_file_is_not_served_stale(tmp_path: Path, folder: Path):
    extra = tmp_path / "kb"
    (extra / "terms").mkdir(parents=True)
    terms = extra / "terms" / "house.csv"
    header = "person,office,start,end,confirmed_until,acting,source,note\n"
    terms.write_text(header + "lloyd-austin,us.secretary-of-defense,2021-01-22,2021-02-01,,no,test,\n")
    text = "Defense Secretary Lloyd Austin spoke on March 3, 2022."
    engine = Engine.default(kb_dirs=(extra,))
    assert engine.extractor.kb.terms_of("lloyd-austin")[-1].end.iso() == "2021-02-01"
    stat = terms.stat()
    terms.write_text(header + "lloyd-austin,us.secretary-of-defense,2021-01-22,2029-02-01,,no,test,\n")
    os.utime(terms, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert terms.stat().st_size == stat.st_size
    again = Engine.default(kb_dirs=(extra,))
    assert again.extractor.kb.terms_of("lloyd-austin")[-1].end.iso() == "2029-02-01"
    assert _codes(again, text) == _codes(Engine.build(rules_dir(), (extra,)), text)


@pytest.mark.parametrize("damage", [
    "UPDATE entry SET v = '[1, 2]' WHERE ns = 'kb.people'",  # valid JSON, not a Person
    "UPDATE entry SET v = '7' WHERE ns = 'name_firsts'",  # the first words of names, not a string
    "DELETE FROM entry WHERE ns = 'name_firsts'",
])
def test_a_damaged_row_is_reported_in_one_line_and_the_file_removed(folder: Path, damage: str):
    import sqlite3

    Engine.default()
    [path] = folder.iterdir()
    db = sqlite3.connect(path)
    db.execute(damage)
    db.commit()
    db.close()
    engine = Engine.default()
    with pytest.raises(cache.CacheError, match="damaged"):
        # Many capitalised words that begin no name: the list of names' first words is read.
        _codes(engine, SEED + " ".join(f"Zorblax{n}" for n in range(2 * cache.LIST_AFTER)))
    assert not path.exists()
    assert _codes(Engine.default()) == _codes(Engine.build(rules_dir())), "rebuilt on the next run"


def test_knowledge_base_rows_round_trip():
    kb = load_kb(kb_dir())
    tables = json.loads(json.dumps(kb_tables(kb)))
    again = kb_from_tables(tables)
    assert again == kb
    assert again.terms_in("us.secretary-of-defense") == kb.terms_in("us.secretary-of-defense")
    assert pickle.loads(pickle.dumps(again)) == kb, "a cached knowledge base pickles (for workers) as plain data"


def test_an_unwritable_cache_folder_still_works(tmp_path: Path):
    data = tmp_path / "a.csv"
    data.write_text("x\n")
    blocker = tmp_path / "file"
    blocker.write_text("")
    calls: list[int] = []
    assert cache.load("t", [data], _builder(calls), folder=blocker / "sub")["t"]["n"] == 1


def test_no_cache_folder_under_a_missing_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from factcheck.paths import cache_dir

    for name in ("FACTCHECK_CACHE_DIR", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "missing"))
    assert cache_dir() is None
    assert _codes(Engine.default()) == _codes(Engine.build(rules_dir()))
    assert not (tmp_path / "missing").exists()
    monkeypatch.delenv("HOME")
    assert cache_dir() is None
    monkeypatch.setenv("HOME", str(tmp_path))
    assert cache_dir() == tmp_path / ".cache" / "factcheck"


def test_a_full_disk_leaves_no_temporary_file(tmp_path: Path):
    """A write that fails part way (the file-size limit stands in for a full disk) keeps the old
    cache and the old baseline, leaves no temporary file, and the scan still runs."""
    folder, article, baseline = tmp_path / "cache", tmp_path / "a.txt", tmp_path / "baseline.json"
    article.write_text(SEED)
    baseline.write_text("old\n")
    script = (
        "import resource, signal, sys\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (300, 300))\n"
        "from factcheck.entry import main\n"
        "main()\n"
    )
    import subprocess

    env = {**os.environ, "FACTCHECK_CACHE_DIR": str(folder)}
    env.pop("FACTCHECK_NO_CACHE", None)
    scan = subprocess.run([sys.executable, "-c", script, "scan", str(article), "--format", "text"],
                          capture_output=True, text=True, env=env, timeout=120, check=False)
    assert scan.returncode == 1 and "FC101" in scan.stdout, scan.stderr
    record = subprocess.run([sys.executable, "-c", script, "scan", str(tmp_path), "--write-baseline", str(baseline)],
                            capture_output=True, text=True, env=env, timeout=120, check=False)
    assert record.returncode == 2 and record.stderr.count("\n") == 1, record.stderr
    assert baseline.read_text() == "old\n"
    leftovers = [p.name for p in tmp_path.rglob("*") if p.name.endswith((".tmp", "-journal"))]
    assert leftovers == []


def test_one_cache_file_whatever_the_current_folder(tmp_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch):
    Engine.default()
    monkeypatch.chdir(tmp_path)
    Engine.default()
    assert len(list(folder.iterdir())) == 1


def test_records_are_cached_generically_from_their_fields():
    """A field added to a model record (an alias list, a date, a nested record) is stored and read
    back with no change to the cache code; data of the wrong shape is refused."""
    from factcheck.plain import PlainDataError, decode, encode

    value = Grown("x", ("X", "Ex"), date(1950, 2, 3), Interval.year(2001), "body", {"a": (1, 2)}, False)
    assert decode(Grown, json.loads(json.dumps(encode(value)))) == value
    for bad in ([], ["x"], ["x", [], None, None, "robot", {}, True], ["x", "X", None, None, "person", {}, True],
                ["x", [], "1950-02-03", None, "person", {}, True], ["x", [], None, None, "person", {}, 1]):
        with pytest.raises(PlainDataError):
            decode(Grown, bad)
    # Sequences of strings and whole numbers are checked in one pass: the same answers, item by item.
    assert decode(tuple[str, ...], ["a", "b"]) == ("a", "b") and decode(frozenset[int], []) == frozenset()
    assert decode(list[float], [1, 2.5]) == [1, 2.5]
    for tp, bad in ((tuple[str, ...], ["a", 1]), (tuple[int, ...], [1, True]), (list[bool], [True, 0]),
                    (tuple[str, ...], "ab"), (frozenset[str], [["a"]])):
        with pytest.raises(PlainDataError):
            decode(tp, bad)


def test_the_folder_keeps_only_the_most_recently_used_caches(tmp_path: Path):
    data = tmp_path / "a.csv"
    data.write_text("x\n")
    where = tmp_path / "c"
    stray = where / ".compiled-0123.sqlite.abcd.tmp"
    for n in range(cache.KEEP + 3):
        cache.load(f"configuration {n}", [data], _builder([]), folder=where)
        if n == 0:
            stray.write_text("left by a killed run")
            os.utime(stray, (0, 0))
            (where / "notes.txt").write_text("not ours")
            first = next(p for p in where.iterdir() if p.name.startswith("compiled-"))
        if n == cache.KEEP - 1:
            calls: list[int] = []
            cache.load("configuration 0", [data], _builder(calls), folder=where)  # used again: kept
            assert calls == []
    names = sorted(p.name for p in where.iterdir())
    assert len([n for n in names if n.startswith("compiled-")]) == cache.KEEP
    assert first.name in names and "notes.txt" in names and stray.name not in names


def test_a_key_list_is_read_once_enough_absent_keys_were_asked_for():
    class Rows(dict):
        asked = 0

        def __getitem__(self, key):
            Rows.asked += 1
            return super().__getitem__(key)

    lists: list[int] = []
    rows = Rows(a=1, b=2)
    table = cache.Decoded(rows, lambda v: v * 10, key_list=lambda: lists.append(1) or ["a", "b"])
    assert table.get("a") == 10
    for n in range(cache.LIST_AFTER - 1):
        assert f"x{n}" not in table
    assert lists == [] and Rows.asked == cache.LIST_AFTER  # one document's few words: a query each
    assert "y" not in table and lists == [1]
    before = Rows.asked
    assert all(f"z{n}" not in table for n in range(1000)) and Rows.asked == before  # then none
    assert table["b"] == 20 and "b" in table and lists == [1]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork() only")
def test_a_forked_worker_reads_through_a_connection_of_its_own(tmp_path: Path):
    # SQLite's rule: a connection is never used across fork(). A --jobs worker is forked after the
    # parent opened the cache; its first query opens the file again, and the parent keeps its own.
    calls: list[int] = []
    data = tmp_path / "in.txt"
    data.write_text("x")
    cache.load("t", [data], _builder(calls), folder=tmp_path / "c")
    store = cache.load("t", [data], _builder(calls), folder=tmp_path / "c")
    parents = store.db
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: report, then leave without running the parent's clean-up
        try:
            ok = store["t"]["n"] == 1 and store.db is not parents and store.pid == os.getpid()
            os.write(write, b"1" if ok else b"0")
        finally:
            os._exit(0)
    os.waitpid(pid, 0)
    assert os.read(read, 1) == b"1"
    assert store["t"]["n"] == 1 and store.db is parents and calls == [1]
