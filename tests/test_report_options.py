"""Everyday options (no path, --output-file, --quiet, concise/full) and what each document's titles
came to: the per-document line, --show-unchecked, and the JSON list of mentions with spans."""

from __future__ import annotations

import json
from pathlib import Path

from _cli import run

UNDATED = ("Treasury Secretary Janet Yellen said on Tuesday that talks had gone well.\n"
           "Agriculture Secretary Maria Ostrander answered.\n")


def _folder(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(UNDATED)
    (tmp_path / "b.md").write_text("---\ndate: 2025-07-01\n---\nDefense Secretary Lloyd Austin spoke.\n")
    return tmp_path


def test_scan_without_a_path_scans_the_current_folder(tmp_path: Path):
    folder = _folder(tmp_path)
    out = run("scan", "--format", "json", "--isolated", cwd=folder).stdout
    assert [d["path"] for d in json.loads(out)["documents"]] == ["a.txt", "b.md"]


def test_each_document_says_what_its_titles_came_to(tmp_path: Path):
    folder = _folder(tmp_path)
    out = run("scan", "--format", "text", "--isolated", "--show-unchecked", cwd=folder).stdout.splitlines()
    assert "a.txt: date unknown (unknown); 0 titles checked, 2 not: 1 no document date, 1 unknown person" in out
    assert "    not checked: a.txt:1:1 Treasury Secretary Janet Yellen: no document date" in out
    assert "b.md: date 2025-07-01 (front-matter); 1 title checked" in out
    data = json.loads(run("scan", "--format", "json", "--isolated", cwd=folder).stdout)
    (undated, _dated) = data["documents"]
    assert undated["mentions"] == [
        {"line": 1, "column": 1, "end_line": 1, "end_column": 32, "title": "Treasury Secretary",
         "person": "Janet Yellen", "office": "us.secretary-of-the-treasury", "checked": False, "verdict": None,
         "reason": "no document date"},
        {"line": 2, "column": 1, "end_line": 2, "end_column": 38, "title": "Agriculture Secretary",
         "person": "Maria Ostrander", "office": None, "checked": False, "verdict": None, "reason": "unknown person"},
    ]
    assert _dated["mentions"][0]["verdict"] == "wrong" and _dated["mentions"][0]["checked"] is True
    assert [(f["code"], f["severity"]) for f in undated["findings"]] == [("FC108", "info")]


def test_quiet_concise_and_output_file(tmp_path: Path):
    folder = _folder(tmp_path)
    concise = run("scan", "--format", "concise", "--isolated", cwd=folder)
    lines = concise.stdout.splitlines()
    assert lines[:2] == [ln for ln in lines if ln.startswith(("a.txt:", "b.md:"))] and len(lines) == 3
    assert lines[1].startswith("b.md:4:1: FC101 [error] ") and "evidence" not in concise.stdout
    assert lines[2] == "2 document(s), 2 finding(s): 1 error(s), 0 warning(s), 1 info"
    quiet = run("scan", "--format", "text", "--isolated", "--quiet", cwd=folder).stdout
    assert quiet and all(not ln.startswith(("a.txt: date", "b.md: date")) and "document(s)" not in ln
                         for ln in quiet.splitlines())
    assert run("scan", "--format", "full", "--isolated", cwd=folder).stdout == \
        run("scan", "--format", "text", "--isolated", cwd=folder).stdout
    report = tmp_path / "out" / "report.json"
    report.parent.mkdir()
    proc = run("scan", "a.txt", "b.md", "--format", "json", "--isolated", "--output-file", str(report), cwd=folder)
    assert proc.returncode == 1 and proc.stdout == "" and json.loads(report.read_text())["summary"]["findings"] == 2
    before = (folder / "a.txt").read_text()
    refused = run("scan", "a.txt", "--isolated", "-o", "a.txt", cwd=folder)
    assert refused.returncode == 2 and "one of the scanned files" in refused.stderr
    assert (folder / "a.txt").read_text() == before


def test_pre_commit_hook_takes_html_files():
    hooks = (Path(__file__).resolve().parent.parent / ".pre-commit-hooks.yaml").read_text()
    assert "html" in hooks
