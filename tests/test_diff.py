"""--diff REF: only findings on lines changed since a git revision, on full and shallow clones."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from _cli import commit, findings, git, new_repo, run

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git absent")

STALE = "Defense Secretary Lloyd Austin spoke.\n"
NEW = "National Security Adviser Jake Sullivan spoke.\n"


def _lines(proc) -> list[int]:
    return [f["line"] for f in findings(proc)]


def test_diff_reports_only_changed_lines(tmp_path: Path):
    repo = new_repo(tmp_path / "repo")
    article = repo / "a.txt"
    article.write_text("Defense Secretary Lloyd Austin spoke.\n\nThe talks went on.\n")
    commit(repo, "first")
    article.write_text("Defense Secretary Lloyd Austin spoke.\n\nThe talks went on for hours.\n")
    assert run("scan", str(article), "--date", "2025-07-01", "--diff", "HEAD").returncode == 0
    article.write_text("Defense Secretary Lloyd Austin spoke.\n\nThe talks went on.\nNational Security Adviser Jake Sullivan spoke.\n")
    proc = run("scan", str(article), "--date", "2025-07-01", "--diff", "HEAD", "--format", "json")
    assert proc.returncode == 1 and _lines(proc) == [4]
    missing = run("scan", str(article), "--diff", "no-such-ref")
    assert missing.returncode == 2 and "unknown revision" in missing.stderr


def test_new_files_count_as_changed_and_other_files_stay_quiet(tmp_path: Path):
    repo = new_repo(tmp_path / "repo")
    (repo / "old.txt").write_text(STALE)
    commit(repo, "first")
    (repo / "new.txt").write_text(NEW)
    proc = run("scan", ".", "--date", "2025-07-01", "--diff", "HEAD", "--format", "json", cwd=repo)
    assert [(f["code"], f["line"]) for f in findings(proc)] == [("FC101", 1)] and "Sullivan" in proc.stdout


def test_moved_paragraph_is_changed_but_a_baseline_keeps_it_hidden(tmp_path: Path):
    repo = new_repo(tmp_path / "repo")
    article = repo / "a.txt"
    article.write_text(STALE + "\nThe talks went on.\n")
    commit(repo, "first")
    base = tmp_path / "baseline.json"
    run("scan", str(article), "--date", "2025-07-01", "--write-baseline", str(base))
    article.write_text("The talks went on.\n\n" + STALE + "\n" + NEW)
    moved = run("scan", str(article), "--date", "2025-07-01", "--diff", "HEAD", "--format", "json")
    assert 5 in _lines(moved)  # (whether the moved paragraph counts as changed is git's call)
    both = run("scan", str(article), "--date", "2025-07-01", "--diff", "HEAD", "--baseline", str(base), "--format", "json")
    assert both.returncode == 1 and _lines(both) == [5]


def test_a_contradiction_with_a_changed_line_is_reported(tmp_path: Path):
    """The other side of FC102 was added: the finding (on the unchanged line, the title the knowledge
    base does not confirm) touches the change (Esper's title, right in September 2019)."""
    repo = new_repo(tmp_path / "repo")
    article = repo / "a.txt"
    article.write_text("U.S. Defense Secretary Tom Brandt spoke on Monday.\n\nThe talks went on.\n")
    commit(repo, "first")
    article.write_text("U.S. Defense Secretary Tom Brandt spoke on Monday.\n\nThe talks went on.\n\n"
                       "Defense Secretary Mark Esper answered.\n")
    proc = run("scan", str(article), "--date", "2019-09-01", "--diff", "HEAD", "--format", "json", "--select", "FC102")
    assert [f["code"] for f in findings(proc)] == ["FC102"]


def test_shallow_clone_of_a_pull_request(tmp_path: Path):
    """CI checks out the pull request with depth 1 and fetches only the base branch's tip."""
    origin = new_repo(tmp_path / "origin")
    (origin / "a.txt").write_text(STALE + "\nThe talks went on.\n")
    commit(origin, "base")
    git(origin, "checkout", "-qb", "feature")
    (origin / "a.txt").write_text(STALE + "\nThe talks went on.\n" + NEW)
    commit(origin, "feature")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", "--branch", "feature", f"file://{origin}", str(clone))
    missing = run("scan", "a.txt", "--date", "2025-07-01", "--diff", "origin/main", cwd=clone)
    assert missing.returncode == 2 and "shallow clone" in missing.stderr and "git fetch" in missing.stderr
    git(clone, "fetch", "-q", "--depth", "1", "origin", "main:refs/remotes/origin/main")
    proc = run("scan", "a.txt", "--date", "2025-07-01", "--diff", "origin/main", "--format", "json", cwd=clone)
    assert proc.returncode == 1 and _lines(proc) == [4], proc.stderr


def test_outside_a_work_tree_is_a_clear_error(tmp_path: Path):
    (tmp_path / "a.txt").write_text(STALE)
    proc = run("scan", str(tmp_path / "a.txt"), "--diff", "HEAD", env={"GIT_CEILING_DIRECTORIES": str(tmp_path.parent)})
    assert proc.returncode == 2 and "not inside a git work tree" in proc.stderr


@pytest.mark.parametrize("name", ['back\\slash.txt', 'double"quote.txt', "tab\there.txt", "new\nline.txt", "caf\u00e9.txt",
                                  "star*.txt"])
def test_names_git_would_quote_keep_their_findings(tmp_path: Path, name: str):
    repo = new_repo(tmp_path / "repo")
    article = repo / name
    article.write_text("The talks went on.\n")
    commit(repo, "first")
    article.write_text("The talks went on.\n" + NEW)
    proc = run("scan", ".", "--date", "2025-07-01", "--diff", "HEAD", "--format", "json", cwd=repo)
    assert proc.returncode == 1 and _lines(proc) == [2], proc.stderr


def test_changed_lines_count_as_the_document_counts_them():
    from factcheck.diff import added_lines

    assert added_lines(b"a\nb\nc\n", b"a\nB\nc\n") == {2}
    assert added_lines(b"a\r\nb\r\n", b"a\r\nb\r\nc\r\n") == {3}
    assert added_lines(b"a\nb\n", b"x\na\nb\n") == {1}
    assert added_lines(b"a\nb\nc\n", b"a\nc\n") == set()
    assert added_lines(b"", b"a\n") == {1}
