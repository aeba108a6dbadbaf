"""Many files at once: directories, quoted globs, .gitignore, --jobs, and every option documented.

Configuration, suppressions, baselines, --diff, the output formats and pre-commit have their own
test files (test_config, test_suppressions, test_baseline, test_diff, test_sarif, test_precommit).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from _cli import SEED, new_repo, run
from conftest import FIXTURES, ROOT


def test_jobs_output_is_identical():
    one = run("scan", str(FIXTURES), "--format", "json", "--jobs", "1", "--isolated").stdout
    two = run("scan", str(FIXTURES), "--format", "json", "--jobs", "2", "--isolated").stdout
    assert one == two and json.loads(one)["summary"]["documents"] > 20
    sarif_one = run("scan", str(FIXTURES), "--format", "sarif", "--jobs", "1", "--isolated").stdout
    sarif_three = run("scan", str(FIXTURES), "--format", "sarif", "--jobs", "3", "--isolated").stdout
    assert sarif_one == sarif_three


def test_bad_jobs_is_a_usage_error():
    proc = run("scan", str(SEED), "--jobs", "0")
    assert proc.returncode == 2 and "--jobs" in proc.stderr


def test_every_option_is_in_help_and_readme():
    help_text = subprocess.run([sys.executable, "-c", "from factcheck.entry import main; main()", "scan", "--help"],
                               capture_output=True, text=True, env={**os.environ, "COLUMNS": "200"}).stdout
    readme = (ROOT / "README.md").read_text()
    for option in ("--select", "--ignore", "--config", "--isolated", "--exit-zero", "--statistics",
                   "--report-unused-suppressions", "--baseline", "--write-baseline", "--diff", "--jobs", "--format", "--fail-on",
                   "--date"):
        # Documented means written as an option (`--jobs ...`), not merely a word somewhere in the text.
        assert option in help_text and re.search(rf"`{option}\b", readme), option
    # The formats as the README lists them after `--format` (a word like "text" is everywhere).
    listed = {f for m in re.findall(r"--format ([a-z]+(?:\\?\|[a-z]+)+)", readme) for f in re.split(r"\\?\|", m)}
    for fmt in ("rich", "text", "json", "jsonl", "sarif", "github", "junit"):
        assert fmt in help_text and fmt in listed, fmt


def test_quoted_globs_are_expanded(tmp_path: Path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    shutil.copy(SEED, tmp_path / "a" / "b" / "story.md")
    (tmp_path / "a" / "notes.txt").write_text("Nothing to check here.\n")
    data = json.loads(run("scan", str(tmp_path / "**" / "*.md"), "--format", "json", "--isolated").stdout)
    assert [Path(d["path"]).name for d in data["documents"]] == ["story.md"]
    assert run("scan", str(tmp_path / "**" / "*.rst")).returncode == 2


@pytest.mark.skipif(shutil.which("git") is None, reason="git absent")
def test_gitignore_is_respected_inside_a_work_tree(tmp_path: Path):
    repo = new_repo(tmp_path / "repo")
    (repo / ".gitignore").write_text("drafts/\n*.draft.md\n")
    for rel in ("articles/a.md", "articles/drafts/b.md", "articles/c.draft.md", "drafts/d.txt"):
        (repo / rel).parent.mkdir(parents=True, exist_ok=True)
        (repo / rel).write_text("Text.\n")

    def names(*args: str, cwd: Path = repo) -> list[str]:
        proc = run("scan", *args, "--format", "json", "--isolated", cwd=cwd)
        assert proc.returncode == 0, proc.stderr
        return sorted(Path(d["path"]).relative_to(repo).as_posix() if Path(d["path"]).is_absolute() else d["path"]
                      for d in json.loads(proc.stdout)["documents"])

    assert names(".") == ["articles/a.md"]
    assert names("articles") == ["articles/a.md"]
    assert names("a.md", "drafts", cwd=repo / "articles") in (["a.md"],)
    assert names(str(repo / "articles")) == ["articles/a.md"]
    assert names("'articles/**/*.md'".strip("'")) == ["articles/a.md"]
    # a file named by hand is checked even when ignored
    assert names("articles/c.draft.md") == ["articles/c.draft.md"]


def test_folders_holding_several_repositories(tmp_path: Path):
    for name in ("one", "two"):
        repo = new_repo(tmp_path / name)
        (repo / ".gitignore").write_text("skip.md\n")
        (repo / "keep.md").write_text("Text.\n")
        (repo / "skip.md").write_text("Text.\n")
    (tmp_path / "loose.md").write_text("Text.\n")
    env = {"GIT_CEILING_DIRECTORIES": str(tmp_path.parent)}
    proc = run("scan", str(tmp_path), "--format", "json", "--isolated", env=env)
    assert sorted(Path(d["path"]).relative_to(tmp_path).as_posix() for d in json.loads(proc.stdout)["documents"]) == \
        ["loose.md", "one/keep.md", "two/keep.md"]


class _Terminal:
    """A stand-in for stderr on a terminal."""

    def __init__(self, tty: bool) -> None:
        import io

        self.buffer, self.tty = io.StringIO(), tty

    def write(self, text: str) -> int:
        return self.buffer.write(text)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return self.tty

    def fileno(self) -> int:
        raise OSError("no descriptor")


@pytest.mark.parametrize("tty,files,shown", [(True, 50, True), (False, 50, False), (True, 3, False)])
def test_progress_bar_only_on_a_terminal_for_long_runs(tmp_path: Path, monkeypatch, tty: bool, files: int, shown: bool):
    from factcheck.scanning import ScanRequest, scan

    for n in range(files):
        (tmp_path / f"{n:02}.txt").write_text("The talks went on.\n")
    err = _Terminal(tty)
    monkeypatch.setattr(sys, "stderr", err)
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.delenv("NO_COLOR", raising=False)
    outcome = scan(ScanRequest((str(tmp_path),), isolated=True, jobs=1))
    assert len(outcome.results) == files
    assert ("checking" in err.buffer.getvalue()) is shown
