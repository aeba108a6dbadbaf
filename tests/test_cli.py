"""The command line as a user meets it: exit codes, one-line errors, formats, the JSON contract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from _cli import run
from conftest import FIXTURES

SEED = FIXTURES / "seed-hegseth-austin.txt"




def test_seed_exits_1_with_json_per_contract():
    proc = run("scan", str(SEED), "--format", "json")
    assert proc.returncode == 1, proc.stderr
    data = json.loads(proc.stdout)
    assert data["version"] == 1 and data["tool"]["name"] == "factcheck"
    doc = data["documents"][0]
    assert doc["date"] == "2025-07-01/2025-08-22" and doc["date_source"] == "inferred"
    assert set(data["summary"]) == {"documents", "findings", "errors", "warnings"}
    for f in doc["findings"]:
        assert set(f) == {"rule", "code", "severity", "line", "column", "end_line", "end_column",
                          "message", "evidence", "related"}
        assert f["severity"] in ("error", "warning", "info")
        assert all({"kind", "text", "source"} <= set(e) for e in f["evidence"])
    austin = [f for f in doc["findings"] if f["code"] == "FC101" and "Lloyd Austin" in f["message"]]
    assert austin and "2025-01-20" in austin[0]["message"] and "Pete Hegseth" in austin[0]["message"]
    # One finding per mistake: Austin's stale title names Hegseth's (line 1) as its related location.
    assert austin[0]["related"] and austin[0]["related"][0]["line"] == 1
    assert not [f for f in doc["findings"] if f["code"] == "FC102"]


def test_json_span_points_at_the_text():
    data = json.loads(run("scan", str(SEED), "--format", "json").stdout)
    lines = SEED.read_text(encoding="utf-8").splitlines()
    for f in data["documents"][0]["findings"]:
        assert f["line"] == f["end_line"]
        span = lines[f["line"] - 1][f["column"] - 1 : f["end_column"] - 1]
        assert span.endswith(("Austin", "Sullivan"))


def test_fail_on_never_and_warning():
    assert run("scan", str(SEED), "--fail-on", "never").returncode == 0
    assert run("scan", str(SEED), "--fail-on", "warning").returncode == 1


def test_output_is_deterministic():
    a = run("scan", str(SEED), "--format", "json").stdout
    b = run("scan", str(SEED), "--format", "json").stdout
    assert a == b


def test_text_format_one_line_per_finding():
    out = run("scan", str(SEED), "--format", "text").stdout
    heads = [ln for ln in out.splitlines() if ln.startswith(f"{SEED}:7:")]
    assert len(heads) == 3 and all(": FC10" in ln for ln in heads)
    # Each document ends with its date and what its titles came to.
    assert f"{SEED}: date 2025-07-01/2025-08-22 (inferred); 5 titles checked" in out.splitlines()


def test_stdin_and_date_option():
    proc = run("scan", "-", "--date", "2025-03-01", "--format", "json", stdin="Defense Secretary Lloyd Austin spoke.\n")
    assert proc.returncode == 1
    doc = json.loads(proc.stdout)["documents"][0]
    assert doc["date_source"] == "option" and doc["findings"][0]["code"] == "FC101"


def test_front_matter_date_and_directory(tmp_path: Path):
    (tmp_path / "a.md").write_text("---\ntitle: x\ndate: 2023-06-01\n---\nDefense Secretary Lloyd Austin spoke.\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("Defense Secretary Pete Hegseth spoke on Monday, July 1, 2025.\n")
    (tmp_path / "ignored.csv").write_text("x")
    proc = run("scan", str(tmp_path), "--format", "json")
    docs = json.loads(proc.stdout)["documents"]
    assert [Path(d["path"]).name for d in docs] == ["a.md", "b.txt"]
    assert docs[0]["date"] == "2023-06-01" and docs[0]["date_source"] == "front-matter" and docs[0]["findings"] == []
    assert [f["code"] for f in docs[1]["findings"]] == ["FC104"]
    assert docs[0]["findings"] == [] and proc.returncode == 1


@pytest.mark.parametrize("folder,expected", [
    (".", ["a.md", "sub/b.txt"]),
    ("./", ["a.md", "sub/b.txt"]),
    ("sub", ["sub/b.txt"]),
    ("./sub/", ["sub/b.txt"]),
])
def test_files_found_in_a_folder_are_named_as_pathlib_names_them(tmp_path: Path, monkeypatch, folder: str, expected: list[str]):
    from factcheck.scanning import collect_paths

    (tmp_path / "a.md").write_text("Text.\n")
    (tmp_path / ".hidden.md").write_text("Text.\n")
    (tmp_path / "notes.csv").write_text("x\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("Text.\n")
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "c.md").write_text("Text.\n")
    monkeypatch.chdir(tmp_path)
    assert collect_paths([folder]) == expected


def test_markdown_code_is_not_checked(tmp_path: Path):
    md = tmp_path / "a.md"
    md.write_text("---\ndate: 2025-07-01\n---\nText.\n\n```\nDefense Secretary Lloyd Austin\n```\n\n`Defense Secretary Lloyd Austin`\n")
    proc = run("scan", str(md), "--format", "json")
    assert proc.returncode == 0 and json.loads(proc.stdout)["summary"]["findings"] == 0


@pytest.mark.parametrize("setup,args,needle", [
    (None, ["scan", "/no/such/file.txt"], "no such file"),
    ("empty-dir", ["scan", "{tmp}"], "no .txt or .md files"),
    ("binary", ["scan", "{tmp}/b.txt"], "binary"),
    ("latin1", ["scan", "{tmp}/l.txt"], "not UTF-8"),
    (None, ["scan", str(SEED), "--date", "2025-02-30"], "--date"),
    (None, ["scan", str(SEED), "--date", "July 1"], "--date"),
    ("bad-front-matter", ["scan", "{tmp}/f.md"], "front matter"),
    ("bad-front-matter-date", ["scan", "{tmp}/g.md"], "front matter date"),
    (None, ["scan", str(SEED), "--format", "xml"], "--format"),
    (None, ["rules", "--explain", "nope"], "unknown rule"),
])
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, setup, args, needle):
    if setup == "binary":
        (tmp_path / "b.txt").write_bytes(b"\x7fELF\x00\x01\x02")
    elif setup == "latin1":
        (tmp_path / "l.txt").write_bytes("caf\xe9".encode("latin-1"))
    elif setup == "bad-front-matter":
        (tmp_path / "f.md").write_text("---\ndate: 2025-01-01\nno closing line\n")
    elif setup == "bad-front-matter-date":
        (tmp_path / "g.md").write_text("---\ndate: yesterday\n---\nText.\n")
    proc = run(*[a.replace("{tmp}", str(tmp_path)) for a in args])
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and needle in proc.stderr


def test_scan_never_writes_to_the_checked_file(tmp_path: Path):
    f = tmp_path / "a.txt"
    f.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    before = f.stat().st_mtime_ns, f.read_bytes()
    run("scan", str(f))
    assert (f.stat().st_mtime_ns, f.read_bytes()) == before


def test_rules_lists_codes_and_explains():
    out = run("rules").stdout
    for code in ("FC101", "FC102", "FC103", "FC104"):
        assert code in out
    explain = run("rules", "--explain", "role-tenure").stdout
    assert "Why is this bad?" in explain and "fires" in explain


def test_extract_shows_times_roles_and_events():
    data = json.loads(run("extract", str(SEED)).stdout)["documents"][0]
    values = {t["text"]: t["value"] for t in data["times"]}
    assert values["Tuesday, July 1, 2025"] == "2025-07-01"
    assert values["August 23 to 26, 2025"] == "2025-08-23/2025-08-26"
    text = SEED.read_text(encoding="utf-8")
    for t in data["times"]:
        assert text[t["start"] : t["end"]] == t["text"]
    titles = {r["text"]: r["offices"] for r in data["roles"]}
    assert titles["U.S. Secretary of Defense Pete Hegseth"] == ["us.secretary-of-defense"]
    assert {e["kind"] for e in data["events"]} == {"invitation"}


def test_html_is_read_as_markup(tmp_path: Path):
    page = tmp_path / "p.html"
    page.write_text("<!DOCTYPE html>\n<html><head><title>Visit</title>\n<style>p { color: red }</style>\n"
                    "<script>var s = 'Defense Secretary Lloyd Austin';</script>\n</head><body>\n"
                    "<!-- Defense Secretary Lloyd Austin -->\n"
                    "<p>On July 1, 2025, <b>Defense Secretary Lloyd Austin</b> spoke.</p>\n"
                    "<pre><code>Defense Secretary Lloyd Austin</code></pre>\n</body></html>\n")
    proc = run("scan", str(tmp_path), "--date", "2025-07-01", "--format", "json")
    docs = json.loads(proc.stdout)["documents"]
    assert [Path(d["path"]).name for d in docs] == ["p.html"]
    assert [(f["code"], f["line"], f["column"]) for f in docs[0]["findings"]] == [("FC101", 7, 24)]


def test_real_paths_of_a_folder_scan_are_os_realpath(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A folder scan resolves each folder once and appends the file's name, unless the file is a link:
    # the same paths as os.path.realpath through linked folders, linked files, "..", "." and missing files.
    import os

    from factcheck.scanning import _RealPaths

    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "f.txt").write_text("x")
    (tmp_path / "link").symlink_to(tmp_path / "a" / "b")
    (tmp_path / "a" / "fl.txt").symlink_to(tmp_path / "a" / "b" / "f.txt")
    monkeypatch.chdir(tmp_path)
    real = _RealPaths()
    for path in ("a/b/f.txt", "link/f.txt", "a/fl.txt", "link/../a/b/f.txt", "./a/b/f.txt", str(tmp_path / "link" / "f.txt"),
                 "a/b/missing.txt", "link/../link/f.txt", "f.txt"):
        assert real.of(path) == os.path.realpath(path), path
