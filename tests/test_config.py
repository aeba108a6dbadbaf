"""Configuration: [tool.factcheck] / .factcheck.toml nearest to each file, --config, --isolated,
`factcheck config`, rule selection by code, prefix or name, errors that suggest the closest name."""

from __future__ import annotations

import json
import shutil
import tomllib
from pathlib import Path

import pytest

from _cli import SEED, codes, run


def _project(tmp_path: Path, config: str, name: str = ".factcheck.toml") -> Path:
    (tmp_path / name).write_text(config)
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(SEED, docs / "seed.txt")
    return docs


def test_select_and_ignore_by_code_prefix_and_name():
    assert sorted(set(codes(run("scan", str(SEED), "--format", "json", "--select", "FC101")))) == ["FC101"]
    assert "FC102" not in codes(run("scan", str(SEED), "--format", "json", "--ignore", "office-conflict"))
    assert sorted(set(codes(run("scan", str(SEED), "--format", "json", "--select", "FC10", "--ignore", "FC101,FC103")))) == ["FC102"]
    assert sorted(set(codes(run("scan", str(SEED), "--format", "json", "--select", "role-tenure", "--select", "FC103")))) == ["FC101", "FC103"]


def test_unknown_rule_suggests_the_closest():
    proc = run("scan", str(SEED), "--select", "role-tenur")
    assert proc.returncode == 2 and "did you mean 'role-tenure'" in proc.stderr


def test_selection_unit(engine):
    from factcheck.errors import UsageError
    from factcheck.selection import select

    rules = engine.rules
    assert [r.code for r in select(rules, ["FC1"], ["FC104", "event-order"])] == ["FC101", "FC102", "FC103", "FC105", "FC106"]
    assert [r.severity for r in select(rules, ["FC103"], (), {"event-attribution": "error"})] == ["error"]
    assert len(select(rules, ["ALL"])) == len(rules)
    with pytest.raises(UsageError, match="did you mean 'FC104'"):
        select(rules, ["FC1004"])


def test_configuration_file_is_found_by_walking_up(tmp_path: Path):
    docs = _project(tmp_path, 'ignore = ["FC102"]\nfail-on = "never"\n[severity]\nFC103 = "error"\n')
    proc = run("scan", str(docs / "seed.txt"), "--format", "json")
    found = json.loads(proc.stdout)["documents"][0]["findings"]
    assert proc.returncode == 0
    assert "FC102" not in [f["code"] for f in found]
    assert [f["severity"] for f in found if f["code"] == "FC103"] == ["error"]
    assert run("scan", str(docs / "seed.txt"), "--isolated").returncode == 1


def test_each_file_gets_its_nearest_configuration(tmp_path: Path):
    for name, config in (("strict", ""), ("lenient", 'ignore = ["FC1"]\n')):
        (tmp_path / name).mkdir()
        (tmp_path / name / ".factcheck.toml").write_text(config)
        shutil.copy(SEED, tmp_path / name / "seed.txt")
    proc = run("scan", str(tmp_path / "strict"), str(tmp_path / "lenient"), "--format", "json", "--jobs", "1")
    by_folder = {Path(d["path"]).parent.name: [f["code"] for f in d["findings"]] for d in json.loads(proc.stdout)["documents"]}
    assert by_folder["lenient"] == [] and "FC101" in by_folder["strict"]
    parallel = run("scan", str(tmp_path / "strict"), str(tmp_path / "lenient"), "--format", "json", "--jobs", "2")
    assert parallel.stdout == proc.stdout
    # --config fixes one configuration for every file
    forced = run("scan", str(tmp_path / "strict"), str(tmp_path / "lenient"), "--format", "json",
                 "--config", str(tmp_path / "lenient" / ".factcheck.toml"))
    assert codes(forced) == [] and forced.returncode == 0


def test_a_linked_file_takes_the_configuration_of_its_target(tmp_path: Path):
    for name, config in (("strict", ""), ("lenient", 'ignore = ["FC1"]\n')):
        (tmp_path / name).mkdir()
        (tmp_path / name / ".factcheck.toml").write_text(config)
    shutil.copy(SEED, tmp_path / "lenient" / "seed.txt")
    shutil.copy(SEED, tmp_path / "strict" / "a-own.txt")
    (tmp_path / "strict" / "b-link.txt").symlink_to(tmp_path / "lenient" / "seed.txt")
    shutil.copy(SEED, tmp_path / "strict" / "c-own.txt")
    proc = run("scan", *(str(tmp_path / "strict" / n) for n in ("a-own.txt", "b-link.txt", "c-own.txt")),
               "--format", "json", "--jobs", "1")
    found = {Path(d["path"]).name: {f["code"] for f in d["findings"]} for d in json.loads(proc.stdout)["documents"]}
    assert "FC101" in found["a-own.txt"] and "FC101" in found["c-own.txt"]
    assert "FC101" not in found["b-link.txt"]


def test_pyproject_table_and_per_file_ignores(tmp_path: Path):
    docs = _project(tmp_path, '[tool.factcheck.per-file-ignores]\n"docs/*" = ["FC1"]\n', "pyproject.toml")
    proc = run("scan", str(docs / "seed.txt"), "--format", "json")
    assert proc.returncode == 0 and codes(proc) == []
    shown = run("config", str(docs))
    assert "docs/*" in shown.stdout and "pyproject.toml" in shown.stdout


def test_pyproject_without_our_table_is_passed_over(tmp_path: Path):
    (tmp_path / ".factcheck.toml").write_text('select = ["FC104"]\n')
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "pyproject.toml").write_text('[project]\nname = "x"\n')
    shutil.copy(SEED, tmp_path / "sub" / "seed.txt")
    assert codes(run("scan", str(tmp_path / "sub" / "seed.txt"), "--format", "json")) == []


# Every way TOML can give tool.factcheck a key must be read; a pyproject.toml with none of them is
# passed over without being parsed. (Each text is a whole pyproject.toml.)
CONFIGURES = [
    '[tool.factcheck]\nselect = ["FC1"]\n',
    '[tool.factcheck.severity]\nFC103 = "error"\n',
    '[ tool . "factcheck" ]\nselect = ["FC1"]\n',
    "[tool.'factcheck']\nselect = ['FC1']\n",
    'tool.factcheck.select = ["FC1"]\n',
    '[tool]\nfactcheck = { select = ["FC1"] }\n',
    '[tool]\nfactcheck.select = ["FC1"]\n',
    'tool = { factcheck = { select = ["FC1"] } }\n',
    '[[tool.factcheck.list]]\nx = 1\n',
]
CONFIGURES_NOT = [
    '[project]\nname = "factcheck"\n[project.scripts]\nfactcheck = "factcheck.entry:main"\n',
    '[tool.ruff]\nline-length = 100\n[tool.setuptools.package-data]\nfactcheck = ["rules/*"]\n',
    '# [tool.factcheck] is documented elsewhere\n[project]\nname = "x"\n',
]


@pytest.mark.parametrize("text", CONFIGURES)
def test_every_form_of_our_table_is_read(tmp_path: Path, text: str):
    from factcheck.config import _may_configure, discover

    (tmp_path / "pyproject.toml").write_text(text)
    assert _may_configure(tmp_path / "pyproject.toml")
    assert discover(tmp_path) == tmp_path / "pyproject.toml"


@pytest.mark.parametrize("text", CONFIGURES_NOT)
def test_a_pyproject_without_our_table_is_not_parsed(tmp_path: Path, text: str):
    from factcheck.config import _may_configure, discover

    (tmp_path / "pyproject.toml").write_text(text)
    tomllib.loads(text)  # valid TOML: only our table is missing
    if "#" not in text:
        assert not _may_configure(tmp_path / "pyproject.toml")
    assert discover(tmp_path) != tmp_path / "pyproject.toml"


def test_config_command_prints_valid_toml_and_the_rules(tmp_path: Path):
    docs = _project(tmp_path, 'select = ["FC1"]\nignore = ["event-order"]\ndate = "2025-07-01"\n[severity]\nFC103 = "error"\n')
    proc = run("config", str(docs / "seed.txt"))
    assert proc.returncode == 0
    data = tomllib.loads(proc.stdout)
    assert data["select"] == ["FC1"] and data["date"] == "2025-07-01" and data["severity"] == {"FC103": "error"}
    assert "FC103  event-attribution    error" in proc.stdout and "FC107" not in proc.stdout
    isolated = run("config", str(docs), "--isolated")
    assert tomllib.loads(isolated.stdout)["select"] == [] and "FC107" in isolated.stdout


@pytest.mark.parametrize("config,needle", [
    ('selct = ["FC101"]\n', "did you mean 'select'"),
    ('fail_on = "warning"\n', "did you mean 'fail-on'"),
    ('select = ["role-tenur"]\n', "did you mean 'role-tenure'"),
    ('ignore = "FC1O1"\n', "unknown rule 'FC1O1'"),
    ('fail-on = "warn"\n', "fail-on must be one of"),
    ('date = "July 1"\n', "date must be YYYY-MM-DD"),
    ('select = [1]\n', "select must be a list of strings"),
    ('severity = "error"\n', "severity must be a table"),
    ('[severity]\nFC101 = "eror"\n', "did you mean 'error'"),
    ('[severity]\nrole-tenur = "error"\n', "did you mean 'role-tenure'"),
    ('[per-file-ignores]\n"*.txt" = ["FC10l"]\n', "per-file-ignores: unknown rule 'FC10l'"),
    ('kb-dirs = ["no-such-folder"]\n', "no such directory"),
    ('select = [\n', "not valid TOML"),
    ('rule-dirs = ["."]\n', "already used by rule 'role-tenure'"),
])
def test_configuration_errors_are_one_line_with_exit_2(tmp_path: Path, config: str, needle: str):
    (tmp_path / "dup.toml").write_text('[[rule]]\ncode = "FC101"\nname = "again"\nkind = "weekday"\n'
                                       'severity = "error"\nsummary = "a second FC101"\n')
    docs = _project(tmp_path, config)
    proc = run("scan", str(docs / "seed.txt"))
    assert proc.returncode == 2, proc.stdout
    assert len(proc.stderr.splitlines()) == 1 and needle in proc.stderr and "Traceback" not in proc.stderr


def test_missing_config_file_is_an_error(tmp_path: Path):
    proc = run("scan", str(SEED), "--config", str(tmp_path / "nope.toml"))
    assert proc.returncode == 2 and "no such file" in proc.stderr


def test_configured_date_is_a_default_only(tmp_path: Path):
    docs = _project(tmp_path, 'date = "2023-05-01"\n')
    (docs / "a.md").write_text("---\ndate: 2025-07-01\n---\nDefense Secretary Lloyd Austin spoke.\n")
    (docs / "b.txt").write_text("Defense Secretary Lloyd Austin spoke.\n")
    data = json.loads(run("scan", str(docs / "a.md"), str(docs / "b.txt"), "--format", "json").stdout)
    by_name = {Path(d["path"]).name: d for d in data["documents"]}
    assert by_name["a.md"]["date_source"] == "front-matter" and [f["code"] for f in by_name["a.md"]["findings"]] == ["FC101"]
    assert by_name["b.txt"]["date_source"] == "config" and by_name["b.txt"]["findings"] == []


def test_include_and_exclude(tmp_path: Path):
    docs = _project(tmp_path, 'include = ["*.md"]\nexclude = ["docs/drafts/*"]\n')
    (docs / "drafts").mkdir()
    (docs / "a.md").write_text("Text.\n")
    (docs / "drafts" / "b.md").write_text("Text.\n")
    data = json.loads(run("scan", str(docs), "--format", "json").stdout)
    assert [Path(d["path"]).name for d in data["documents"]] == ["a.md"]
    # a file named by hand is checked even when include leaves its kind out ...
    assert [Path(d["path"]).name for d in json.loads(run("scan", str(docs / "seed.txt"), "--format", "json").stdout)["documents"]] == ["seed.txt"]
    # ... but exclude holds for it too, so a pre-commit hook (which names every file) honours it
    assert json.loads(run("scan", str(docs / "drafts" / "b.md"), "--format", "json").stdout)["documents"] == []


def test_extra_rule_and_kb_folders(tmp_path: Path):
    rules = tmp_path / "style" / "rules"
    rules.mkdir(parents=True)
    (rules / "house.toml").write_text(
        '[[rule]]\ncode = "FC801"\nname = "house-weekday"\nkind = "weekday"\nseverity = "warning"\nsummary = "weekdays, house style"\n')
    docs = _project(tmp_path, 'rule-dirs = ["style/rules"]\nselect = ["FC8"]\n')
    (docs / "w.txt").write_text("The talks were held on Monday, July 1, 2025.\n")
    proc = run("scan", str(docs / "w.txt"), "--format", "json")
    assert [(f["code"], f["rule"], f["severity"]) for f in json.loads(proc.stdout)["documents"][0]["findings"]] == \
        [("FC801", "house-weekday", "warning")]


def test_extra_knowledge_base_folder(tmp_path: Path):
    kb = tmp_path / "style" / "kb"
    for sub in ("offices", "people", "terms"):
        (kb / sub).mkdir(parents=True)
    (kb / "offices" / "house.toml").write_text(
        '[[office]]\nid = "us.chief-fact-officer"\njurisdiction = "US"\nname = "Chief Fact Officer"\n'
        'single_holder = true\ntitles = ["Chief Fact Officer"]\nsource = "test"\n')
    (kb / "people" / "house.csv").write_text(
        "id,name,aliases,qid,source\njane-placeholder,Jane Placeholder,,,test\njohn-placeholder,John Placeholder,,,test\n")
    (kb / "terms" / "house.csv").write_text(
        "person,office,start,end,confirmed_until,acting,source,note\n"
        "jane-placeholder,us.chief-fact-officer,2020-01-01,2021-01-01,,no,test,\n"
        "john-placeholder,us.chief-fact-officer,2021-01-01,,2026-03-01,no,test,\n")
    docs = _project(tmp_path, 'kb-dirs = ["style/kb"]\ndate = "2025-07-01"\n')
    (docs / "f.txt").write_text("U.S. Chief Fact Officer Jane Placeholder spoke.\n")
    found = json.loads(run("scan", str(docs / "f.txt"), "--format", "json").stdout)["documents"][0]["findings"]
    assert [f["code"] for f in found] == ["FC101"] and "John Placeholder" in found[0]["message"]
    assert codes(run("scan", str(docs / "f.txt"), "--format", "json", "--isolated", "--date", "2025-07-01")) == []
