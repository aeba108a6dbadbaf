"""Baselines: accepted findings stay hidden when paragraphs move and other lines change; a new
finding (even a second copy of an accepted sentence) still fails."""

from __future__ import annotations

import json
from pathlib import Path

from _cli import codes, findings, run

STALE = "Defense Secretary Lloyd Austin met the delegation on Monday.\n"
OTHER = "The talks covered shipbuilding and engines.\n"
NEW = "National Security Adviser Jake Sullivan spoke.\n"


def test_baseline_survives_moved_paragraphs_and_catches_new_errors(tmp_path: Path):
    article = tmp_path / "a.txt"
    first = STALE
    other = OTHER
    article.write_text(first + "\n" + other)
    base = tmp_path / "baseline.json"
    assert run("scan", str(article), "--date", "2025-07-01", "--write-baseline", str(base)).returncode == 0
    article.write_text(other + "\n\nAn added paragraph.\n\n" + first)  # the accepted finding moved
    assert run("scan", str(article), "--date", "2025-07-01", "--baseline", str(base)).returncode == 0
    article.write_text(other + "\n" + first + "\nNational Security Adviser Jake Sullivan spoke.\n")
    proc = run("scan", str(article), "--date", "2025-07-01", "--baseline", str(base), "--format", "json")
    assert proc.returncode == 1 and codes(proc) == ["FC101"] and "Sullivan" in proc.stdout


def test_edits_elsewhere_in_the_paragraph_keep_it_hidden(tmp_path: Path):
    article = tmp_path / "a.md"
    article.write_text("Intro line.\n\n" + STALE.strip() + " The meeting was short.\n")
    base = tmp_path / "baseline.json"
    run("scan", str(article), "--date", "2025-07-01", "--write-baseline", str(base))
    article.write_text("A new intro, rewritten.\n\n" + STALE.strip() + " The meeting, said aides, ran long.\n")
    assert run("scan", str(article), "--date", "2025-07-01", "--baseline", str(base)).returncode == 0
    # editing the sentence itself is a new fact to judge
    article.write_text("Intro line.\n\nDefense Secretary Lloyd Austin met the visitors on Monday.\n")
    assert run("scan", str(article), "--date", "2025-07-01", "--baseline", str(base)).returncode == 1


def test_a_second_copy_of_an_accepted_sentence_is_new(tmp_path: Path):
    article = tmp_path / "a.txt"
    article.write_text(STALE + "\n" + OTHER)
    base = tmp_path / "baseline.json"
    run("scan", str(article), "--date", "2025-07-01", "--write-baseline", str(base))
    article.write_text(STALE + "\n" + OTHER + "\n" + STALE)
    proc = run("scan", str(article), "--date", "2025-07-01", "--baseline", str(base), "--format", "json")
    assert proc.returncode == 1 and [(f["code"], f["line"]) for f in findings(proc)] == [("FC101", 5)]


def test_baseline_paths_are_relative_to_the_baseline(tmp_path: Path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(STALE)
    base = tmp_path / "baseline.json"
    run("scan", "docs/a.txt", "--date", "2025-07-01", "--write-baseline", "baseline.json", cwd=tmp_path)
    data = json.loads(base.read_text())
    assert data["version"] == 2 and [(r["path"], r["rule"], r["count"]) for r in data["findings"]] == [("docs/a.txt", "FC101", 1)]
    assert "Lloyd Austin" in data["findings"][0]["text"]
    # the same file named another way, from another folder
    assert run("scan", "a.txt", "--date", "2025-07-01", "--baseline", str(base), cwd=docs).returncode == 0
    assert run("scan", str(docs / "a.txt"), "--date", "2025-07-01", "--baseline", str(base)).returncode == 0


def test_baseline_is_deterministic(tmp_path: Path):
    from conftest import FIXTURES

    a, b = tmp_path / "a.json", tmp_path / "b.json"
    run("scan", str(FIXTURES), "--write-baseline", str(a), "--isolated", "--jobs", "1")
    run("scan", str(FIXTURES), "--write-baseline", str(b), "--isolated", "--jobs", "2")
    assert a.read_bytes() == b.read_bytes() and len(json.loads(a.read_text())["findings"]) > 10
    assert run("scan", str(FIXTURES), "--baseline", str(a), "--isolated", "--fail-on", "info").returncode == 0


def test_bad_baselines_are_one_line_errors(tmp_path: Path):
    article = tmp_path / "a.txt"
    article.write_text(STALE)
    (tmp_path / "junk.json").write_text("{not json")
    (tmp_path / "other.json").write_text('{"version": 2, "rows": []}')
    for args, needle in ((["--baseline", str(tmp_path / "missing.json")], "missing.json"),
                         (["--baseline", str(tmp_path / "junk.json")], "not JSON"),
                         (["--baseline", str(tmp_path / "other.json")], "not a factcheck baseline"),
                         (["--baseline", "x.json", "--write-baseline", "y.json"], "cannot be used together"),
                         (["--write-baseline", str(tmp_path / "no" / "dir" / "b.json")], "--write-baseline")):
        proc = run("scan", str(article), *args)
        assert proc.returncode == 2 and needle in proc.stderr and len(proc.stderr.splitlines()) == 1, (args, proc.stderr)
