"""Inline suppressions: ignore on or above a line, disable/enable blocks, the whole file, the
plain-text form, unused ones reported on request (FC900)."""

from __future__ import annotations

import json
from pathlib import Path

from _cli import run
from factcheck.facts import Span
from factcheck.findings import Finding
from factcheck.suppressions import apply, find_suppressions

SUPPRESSED_MD = """---
date: 2025-07-01
---
Defense Secretary Lloyd Austin spoke. <!-- factcheck: ignore[role-tenure] -->

<!-- factcheck: ignore[FC101] -->
National Security Adviser Jake Sullivan spoke.

<!-- factcheck: disable -->
Secretary of State Antony Blinken spoke.
<!-- factcheck: enable -->

Defense Secretary Mark Esper spoke.
<!-- factcheck: ignore[FC104] -->
"""


def test_markdown_suppressions(tmp_path: Path):
    md = tmp_path / "a.md"
    md.write_text(SUPPRESSED_MD)
    proc = run("scan", str(md), "--format", "json")
    found = json.loads(proc.stdout)["documents"][0]["findings"]
    assert [(f["code"], f["line"]) for f in found] == [("FC101", 13)]
    unused = json.loads(run("scan", str(md), "--format", "json", "--report-unused-suppressions").stdout)
    assert ("FC900", 14) in [(f["code"], f["line"]) for f in unused["documents"][0]["findings"]]


def test_plain_text_and_file_level_suppressions(tmp_path: Path):
    txt = tmp_path / "a.txt"
    txt.write_text("Defense Secretary Lloyd Austin spoke. [factcheck: ignore[FC101]]\nDefense Secretary Mark Esper spoke.\n")
    found = json.loads(run("scan", str(txt), "--date", "2025-07-01", "--format", "json").stdout)["documents"][0]["findings"]
    # Austin's own FC101 is hidden; Esper's title (also stale in 2025) is its own finding.
    assert [(f["code"], f["line"]) for f in found] == [("FC101", 2)]
    whole = tmp_path / "b.md"
    whole.write_text("<!-- factcheck: disable-file -->\nDefense Secretary Lloyd Austin spoke.\n")
    assert run("scan", str(whole), "--date", "2025-07-01").returncode == 0


def _finding(code: str, rule: str, start: int) -> Finding:
    return Finding(code, rule, "error", Span(start, start + 5), "m")


def _lines(text: str):
    return lambda offset: text.count("\n", 0, offset) + 1


def test_blocks_end_at_enable_and_name_rules():
    text = ("AAA\n<!-- factcheck: disable[FC101, event-attribution] -->\nBBB\n<!-- factcheck: enable -->\nCCC\n"
            "[factcheck: disable-file[FC104]]\n")
    sups = find_suppressions(text)
    assert [(s.verb, s.rules, s.line) for s in sups] == [
        ("disable", ("FC101", "event-attribution"), 2), ("enable", (), 4), ("disable-file", ("FC104",), 6)]
    at = {n: text.index(ch) for n, ch in ((1, "AAA"), (3, "BBB"), (5, "CCC"))}
    fs = (_finding("FC101", "role-tenure", at[1]), _finding("FC101", "role-tenure", at[3]),
          _finding("FC103", "event-attribution", at[3]), _finding("FC102", "office-conflict", at[3]),
          _finding("FC101", "role-tenure", at[5]), _finding("FC104", "weekday-mismatch", at[1]))
    kept, unused = apply(fs, sups, _lines(text))
    assert [(f.code, _lines(text)(f.span.start)) for f in kept] == [("FC101", 1), ("FC102", 3), ("FC101", 5)]
    assert unused == ()  # only ignore directives are reported unused


def test_ignore_covers_its_line_or_the_next_when_alone():
    text = "XXX <!-- factcheck: ignore -->\n<!-- factcheck: ignore[FC1] -->\nYYY\nZZZ\n"
    sups = find_suppressions(text, markdown=True)
    fs = (_finding("FC104", "weekday-mismatch", 0), _finding("FC102", "office-conflict", text.index("YYY")),
          _finding("FC101", "role-tenure", text.index("ZZZ")))
    kept, unused = apply(fs, sups, _lines(text))
    assert [f.code for f in kept] == ["FC101"] and unused == ()


def test_directives_in_markdown_code_are_examples():
    text = "Write `<!-- factcheck: disable-file -->` to turn it off.\n\n```\n<!-- factcheck: ignore -->\n```\n"
    assert find_suppressions(text, markdown=True) == ()
    assert len(find_suppressions(text, markdown=False)) == 2


def test_unused_reports_typos_but_not_deselected_rules(tmp_path: Path):
    md = tmp_path / "a.md"
    md.write_text("---\ndate: 2025-07-01\n---\nDefense Secretary Lloyd Austin spoke. <!-- factcheck: ignore[role-tenur] -->\n\n"
                  "Pete Hegseth spoke. <!-- factcheck: ignore[FC103] -->\n")
    proc = run("scan", str(md), "--format", "json", "--report-unused-suppressions")
    unused = [(f["line"], f["message"]) for f in json.loads(proc.stdout)["documents"][0]["findings"] if f["code"] == "FC900"]
    assert unused[0][0] == 4 and "unknown rule 'role-tenur'; did you mean 'role-tenure'?" in unused[0][1]
    assert unused[1][0] == 6 and "hides no finding" in unused[1][1]
    deselected = run("scan", str(md), "--format", "json", "--report-unused-suppressions", "--ignore", "FC103")
    assert [f["line"] for f in json.loads(deselected.stdout)["documents"][0]["findings"] if f["code"] == "FC900"] == [4]
    # without the option, unused directives are silent
    assert "FC900" not in run("scan", str(md), "--format", "json").stdout


def test_directives_are_not_prose(tmp_path: Path):
    txt = tmp_path / "a.txt"
    txt.write_text("The visit is on Monday, July 1, 2025. [factcheck: ignore[FC104]]\n")
    assert run("scan", str(txt), "--format", "json", "--fail-on", "info").returncode == 0


def test_a_malformed_directive_is_reported_with_the_form_expected(tmp_path: Path):
    md = tmp_path / "a.md"
    md.write_text("Defense Secretary Lloyd Austin spoke. <!-- factcheck: ignore FC101 -->\n")
    proc = run("scan", str(md), "--date", "2025-07-01", "--format", "json")
    found = json.loads(proc.stdout)["documents"][0]["findings"]
    assert [(f["code"], f["severity"]) for f in found] == [("FC101", "error"), ("FC900", "warning")]
    assert "expected <!-- factcheck: ignore[FC101] -->" in found[1]["message"]
    txt = tmp_path / "a.txt"
    txt.write_text("Defense Secretary Lloyd Austin spoke. [factcheck: ignore FC101]\nThe factcheck [factcheck is a tool] ran.\n")
    found = json.loads(run("scan", str(txt), "--date", "2025-07-01", "--format", "json").stdout)["documents"][0]["findings"]
    assert [(f["code"], f["line"]) for f in found] == [("FC101", 1), ("FC900", 1)]
    assert "expected [factcheck: ignore[FC101]]" in found[1]["message"]
    sarif = json.loads(run("scan", str(md), "--date", "2025-07-01", "--format", "sarif").stdout)
    assert "FC900" in [r["id"] for r in sarif["runs"][0]["tool"]["driver"]["rules"]]
