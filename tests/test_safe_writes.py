"""Writes that cannot destroy data: a baseline is written whole (a temporary file renamed), never
through a symbolic link, never over a file being checked."""

from __future__ import annotations

import json
from pathlib import Path

from _cli import SEED, run
from factcheck.atomic import write_atomic


def test_a_baseline_is_not_written_over_a_file_being_checked(tmp_path: Path):
    article = tmp_path / "self.txt"
    article.write_text(SEED.read_text(encoding="utf-8"))
    before = article.read_bytes()
    for target in (article, tmp_path):  # named, and found in a folder
        proc = run("scan", str(target), "--write-baseline", str(article))
        assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and "being checked" in proc.stderr, proc.stderr
        assert article.read_bytes() == before


def test_a_baseline_is_never_written_through_a_symbolic_link(tmp_path: Path):
    article = tmp_path / "a.txt"
    article.write_text(SEED.read_text(encoding="utf-8"))
    precious = tmp_path / "precious.json"
    precious.write_text("keep me\n")
    link = tmp_path / "baseline.json"
    link.symlink_to(precious)
    proc = run("scan", str(article), "--write-baseline", str(link))
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and "symbolic link" in proc.stderr, proc.stderr
    assert precious.read_text() == "keep me\n" and link.is_symlink()


def test_a_baseline_replaces_the_old_one_whole(tmp_path: Path):
    article = tmp_path / "a.txt"
    article.write_text(SEED.read_text(encoding="utf-8"))
    baseline = tmp_path / "baseline.json"
    baseline.write_text("an old baseline, longer than the new one will be " * 200)
    baseline.chmod(0o640)
    assert run("scan", str(article), "--write-baseline", str(baseline)).returncode == 0
    assert json.loads(baseline.read_text())["findings"]
    assert baseline.stat().st_mode & 0o777 == 0o640, "the file keeps its permissions"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "baseline.json"], "no temporary file left"


def test_an_interrupted_write_leaves_the_old_file_and_no_temporary_file(tmp_path: Path):
    target = tmp_path / "out.json"
    target.write_text("old\n")

    class Interrupted(Exception):
        pass

    def failing(tmp: Path) -> None:
        tmp.write_text("half")
        raise Interrupted

    from factcheck.atomic import write_with

    try:
        write_with(target, failing)
    except Interrupted:
        pass
    assert target.read_text() == "old\n" and [p.name for p in tmp_path.iterdir()] == ["out.json"]
    write_atomic(target, b"new\n")
    assert target.read_text() == "new\n" and [p.name for p in tmp_path.iterdir()] == ["out.json"]
