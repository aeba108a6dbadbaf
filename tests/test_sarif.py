"""Machine-readable outputs: SARIF 2.1.0 (validated against the schema), GitHub annotations, JSON
Lines, JUnit, --statistics."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from _cli import CORRECTED, SEED, run
from conftest import SHARED

SCHEMA = SHARED / "data" / "sarif" / "sarif-schema-2.1.0.json"


def _validate(sarif: dict) -> None:
    if not SCHEMA.exists():
        pytest.skip("SARIF schema absent")
    import jsonschema

    jsonschema.validate(sarif, json.loads(SCHEMA.read_text()))


@pytest.mark.skipif(not SCHEMA.exists(), reason="SARIF schema absent")
def test_sarif_validates_against_the_schema():
    sarif = json.loads(run("scan", str(SEED), "--format", "sarif").stdout)
    _validate(sarif)
    results = sarif["runs"][0]["results"]
    assert len(results) == 4 and all(r["partialFingerprints"]["factcheck/v1"] for r in results)
    assert any("relatedLocations" in r for r in results)
    assert {r["id"] for r in sarif["runs"][0]["tool"]["driver"]["rules"]} >= {"FC101", "FC102", "FC103", "FC104"}


def test_sarif_rules_results_and_related_locations():
    sarif = json.loads(run("scan", str(SEED), "--format", "sarif").stdout)
    run_ = sarif["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted(r["id"] for r in rules)
    tenure = next(r for r in rules if r["id"] == "FC101")
    assert tenure["name"] == "role-tenure" and "Why is this bad?" in tenure["help"]["text"]
    assert tenure["defaultConfiguration"]["level"] == "error"
    by_rule = {}
    for r in run_["results"]:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
        by_rule.setdefault(r["ruleId"], []).append(r)
    conflict = by_rule["FC102"][0]
    assert conflict["locations"][0]["physicalLocation"]["region"]["startLine"] == 7
    assert conflict["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] == 1
    assert by_rule["FC103"][0]["level"] == "warning"


def test_fingerprints_survive_moved_paragraphs(tmp_path: Path):
    text = SEED.read_text(encoding="utf-8")
    paragraphs = text.split("\n")
    moved = tmp_path / "moved.txt"
    moved.write_text("\n".join([paragraphs[0], "An added paragraph.", *paragraphs[1:]]), encoding="utf-8")
    original = tmp_path / "orig.txt"
    original.write_text(text, encoding="utf-8")

    def prints(path: Path) -> list[tuple[str, str, int]]:
        res = json.loads(run("scan", str(path), "--format", "sarif").stdout)["runs"][0]["results"]
        return [(r["ruleId"], r["partialFingerprints"]["factcheck/v1"], r["locations"][0]["physicalLocation"]["region"]["startLine"])
                for r in res]

    a, b = prints(original), prints(moved)
    assert [x[:2] for x in a] == [x[:2] for x in b] and [x[2] + 1 for x in a] == [x[2] for x in b]


def test_sarif_with_several_files_stdin_and_unused_suppressions(tmp_path: Path):
    md = tmp_path / "a b.md"
    md.write_text("---\ndate: 2025-07-01\n---\nPete Hegseth spoke. <!-- factcheck: ignore[FC101] -->\n")
    sarif = json.loads(run("scan", str(md), str(CORRECTED), "--format", "sarif", "--report-unused-suppressions").stdout)
    _validate(sarif)
    results = sarif["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["FC900"]
    assert results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("file:///")
    assert "%20" in results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert "FC900" in [r["id"] for r in sarif["runs"][0]["tool"]["driver"]["rules"]]
    piped = json.loads(run("scan", "-", "--format", "sarif", "--date", "2025-07-01",
                           stdin="Defense Secretary Lloyd Austin spoke.\n").stdout)
    _validate(piped)
    assert piped["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "stdin"


def test_github_annotations_and_jsonl_one_per_finding():
    github = run("scan", str(SEED), "--format", "github").stdout.splitlines()
    assert len(github) == 4 and all(line.startswith(("::error file=", "::warning file=")) for line in github)
    jsonl = run("scan", str(SEED), "--format", "jsonl").stdout.splitlines()
    assert len(jsonl) == 4 and all(json.loads(line)["path"] == str(SEED) for line in jsonl)


def test_github_annotation_fields_and_escaping(tmp_path: Path):
    txt = tmp_path / "a,b.txt"
    txt.write_text("Defense Secretary Lloyd Austin spoke.\n")
    (line,) = run("scan", str(txt), "--date", "2025-07-01", "--format", "github").stdout.splitlines()
    head, message = line.split("::", 2)[1:]
    command, props = head.split(" ", 1)
    fields = dict(p.split("=", 1) for p in props.split(","))
    assert command == "error" and fields["file"] == str(txt).replace(",", "%2C")
    assert (fields["line"], fields["col"], fields["endLine"], fields["endColumn"]) == ("1", "1", "1", "31")
    assert fields["title"] == "FC101 role-tenure" and "Lloyd Austin" in message and "\n" not in message


def test_jsonl_lines_match_the_json_contract():
    whole = json.loads(run("scan", str(SEED), "--format", "json").stdout)["documents"][0]["findings"]
    lines = [json.loads(ln) for ln in run("scan", str(SEED), "--format", "jsonl").stdout.splitlines()]
    assert [{k: v for k, v in ln.items() if k != "path"} for ln in lines] == whole


def test_junit_one_failing_case_per_finding():
    from xml.etree import ElementTree as ET

    root = ET.fromstring(run("scan", str(SEED), str(CORRECTED), "--format", "junit").stdout)
    assert root.get("failures") == "4" and len(root.findall("testsuite")) == 2
    assert len(root.findall(".//failure")) == 4


def test_statistics_and_exit_zero():
    proc = run("scan", str(SEED), "--statistics", "--exit-zero")
    assert proc.returncode == 0 and "FC101  role-tenure" in proc.stdout and proc.stdout.split()[0] == "2"
    as_json = json.loads(run("scan", str(SEED), "--statistics", "--format", "json").stdout)
    assert as_json[0] == {"code": "FC101", "rule": "role-tenure", "severity": "error", "count": 2}
    assert sum(row["count"] for row in as_json) == 4
