"""`kb validate` fails on each kind of bad row, shown on small knowledge-base folders written here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.kb.commands import kb_app
from factcheck.kb.load import load_kb
from factcheck.kb.validate import validate

HEADER = "person,office,start,end,confirmed_until,acting,source,note\n"
GOOD = (
    "ann-lee,xx.minister,2019-01-10,2021-03-01,,no,https://news.example.org/ann-lee-sworn-in,\n"
    "bo-ray,xx.minister,2021-03-01,,2022-05-01,no,https://news.example.org/bo-ray-takes-over,\n"
)


def _kb_dir(tmp_path: Path, terms: str, denylist: str = "") -> Path:
    root = tmp_path / "kb"
    (root / "offices").mkdir(parents=True)
    (root / "people").mkdir()
    (root / "terms").mkdir()
    (root / "jurisdictions.toml").write_text('[[jurisdiction]]\ncode = "XX"\nname = "Examplia"\ncues = ["Examplian"]\n', encoding="utf-8")
    (root / "offices" / "xx.toml").write_text(
        '[[office]]\nid = "xx.minister"\njurisdiction = "XX"\nname = "Minister"\nsingle_holder = true\ntitles = []\n'
        '[[office]]\nid = "xx.adviser"\njurisdiction = "XX"\nname = "Adviser"\nsingle_holder = false\ntitles = []\n', encoding="utf-8")
    (root / "people" / "p.csv").write_text((
        "id,name,aliases,qid,source\nann-lee,Ann Lee,,,test\nbo-ray,Bo Ray,,,test\ncy-tan,Cy Tan,,,test\n"), encoding="utf-8")
    (root / "terms" / "t.csv").write_text(HEADER + terms, encoding="utf-8")
    (root / "denylist.toml").write_text(denylist, encoding="utf-8")
    return root


def _problems(root: Path) -> tuple[str, ...]:
    return validate(load_kb(root), kb_dir=root).problems


def test_a_sound_folder_passes(tmp_path: Path):
    assert _problems(_kb_dir(tmp_path, GOOD)) == ()


@pytest.mark.parametrize("bad_row,needle", [
    ("ann-lee,xx.minister,2019-01-10,2021-03-01,,no,https://other.example.org/ann-lee,\n", "duplicate term"),
    ("cy-tan,xx.minister,2020-01-01,2020-12-31,,no,https://news.example.org/cy-tan,\n", "overlap"),
    ("cy-tan,xx.adviser,2020-05-01,,2020-04-01,no,https://news.example.org/cy-tan,\n", "confirmed until 2020-04-01 before it starts"),
    ("cy-tan,xx.adviser,2020-05-01,2020-04-01,,no,https://news.example.org/cy-tan,\n", "before it starts"),
    ("cy-tan,xx.adviser,2020-05-01,,,no,https://www.google.com/search?q=cy+tan,\n", "search or redirect"),
    ("cy-tan,xx.adviser,2020-05-01,,,no,https://news.example.org/redirect?to=cy-tan,\n", "search or redirect"),
    ("cy-tan,xx.adviser,2020-05-01,,,no,https://www.satire.example.com/cy-tan-named-adviser,\n", "on the denylist (satire)"),
])
def test_each_kind_of_bad_row_is_a_problem(tmp_path: Path, bad_row: str, needle: str):
    root = _kb_dir(tmp_path, GOOD + bad_row, '[[site]]\nhost = "satire.example.com"\nreason = "satire"\n')
    problems = _problems(root)
    assert len(problems) == 1 and needle in problems[0], problems


def test_acting_holders_and_handover_days_are_not_overlaps(tmp_path: Path):
    rows = GOOD + ("cy-tan,xx.minister,2020-01-01,2020-06-01,,yes,https://news.example.org/cy-tan-acting,\n"
                   "cy-tan,xx.minister,2022-06-01,,2022-07-01,no,https://news.example.org/cy-tan,\n")
    # bo-ray's open term ends when cy-tan takes office; the acting stint overlaps ann-lee and is allowed.
    assert _problems(_kb_dir(tmp_path, rows)) == ()


def test_a_row_without_source_cannot_be_loaded(tmp_path: Path):
    from factcheck.kb.load import KnowledgeBaseError

    with pytest.raises(KnowledgeBaseError, match="needs a source"):
        load_kb(_kb_dir(tmp_path, GOOD + "cy-tan,xx.adviser,2020-05-01,,,no,,\n"))


def test_validate_command_exits_1_on_a_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    root = _kb_dir(tmp_path, GOOD + "cy-tan,xx.minister,2020-01-01,2020-12-31,,no,https://news.example.org/cy-tan,\n")
    monkeypatch.setattr("factcheck.paths.kb_dir", lambda: root)  # the denylist's folder
    monkeypatch.setattr("factcheck.kb.commands._kb", lambda: load_kb(root))
    result = CliRunner().invoke(kb_app, ["validate"])
    assert result.exit_code == 1 and "overlap" in result.output


def test_coverage_says_how_sure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    root = _kb_dir(tmp_path, GOOD)
    monkeypatch.setattr("factcheck.paths.kb_dir", lambda: root)  # the denylist's folder
    monkeypatch.setattr("factcheck.kb.commands._kb", lambda: load_kb(root))
    statuses = {}
    for day in ("2020-06-01", "2022-04-01", "2023-06-01", "2018-01-01"):
        result = CliRunner().invoke(kb_app, ["coverage", "--on", day, "--format", "json"])
        assert result.exit_code == 0, result.output
        office = json.loads(result.output)["offices"][0]
        statuses[day] = (office["holders"], office["status"])
    assert statuses == {
        "2020-06-01": (["Ann Lee"], "confirmed"),
        "2022-04-01": (["Bo Ray"], "confirmed"),
        "2023-06-01": (["Bo Ray"], "open past the horizon"),
        "2018-01-01": ([], "unknown"),
    }


def test_build_reproduces_the_shipped_files_byte_for_byte(tmp_path: Path):
    import shutil

    from conftest import SHARED
    from factcheck.kb.build import build
    from factcheck.paths import kb_dir

    sources = SHARED / "data" / "kb-sources"
    if not sources.exists():
        pytest.skip("../shared/data/kb-sources absent")
    out = tmp_path / "kb"
    shutil.copytree(kb_dir(), out, ignore=shutil.ignore_patterns("__pycache__"))
    build(sources, out)
    shipped = {p.relative_to(kb_dir()): p.read_bytes() for p in kb_dir().rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    rebuilt = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    assert sorted(rebuilt) == sorted(shipped)
    assert [str(name) for name in sorted(shipped) if shipped[name] != rebuilt[name]] == []


def test_import_files_curated_and_parlgov_rows_under_the_shipped_offices():
    from conftest import SHARED

    sources = SHARED / "data" / "kb-sources"
    if not sources.exists():
        pytest.skip("../shared/data/kb-sources absent")
    curated = CliRunner().invoke(kb_app, ["import", "curated", str(sources / "curated-2022-2026" / "terms-europe-americas.csv")])
    assert curated.exit_code == 0 and ",ca.prime-minister," not in curated.output  # Canada's PM rows are in terms.csv
    assert ",de.chancellor," in curated.output and ",gb.central-bank-governor," in curated.output
    parlgov = CliRunner().invoke(kb_app, ["import", "parlgov", str(sources / "parlgov")])
    assert parlgov.exit_code == 0 and "parlgov:cabinet.csv" in parlgov.output and "parlgov:politician_president.csv" in parlgov.output
