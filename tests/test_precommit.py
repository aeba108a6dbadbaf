"""factcheck as a pre-commit hook (with the real pre-commit tool) and in GitHub Actions (the
workflow of docs/ci.md, run step by step)."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from _cli import CORRECTED, SEED, commit, git, new_repo, run
from conftest import ROOT, SHARED

PRE_COMMIT = shutil.which("pre-commit") or str(Path(sys.executable).parent / "pre-commit")
needs_pre_commit = pytest.mark.skipif(not Path(PRE_COMMIT).exists(), reason="pre-commit is not installed")
needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git absent")
OFFLINE = ("Could not find a version", "No matching distribution", "Network is unreachable",
           "Temporary failure in name resolution", "Failed to establish a new connection", "ProxyError")


def _hook() -> dict:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    return hook


def test_hook_definition():
    hook = _hook()
    assert hook["id"] == "factcheck" and hook["language"] == "python"
    assert hook["types_or"] == ["markdown", "html", "text"] and hook["entry"].startswith("factcheck scan")
    files = re.compile(hook["files"])
    assert all(files.search(n) for n in ("a.md", "b/c.txt", "d.markdown", "e.html", "f.htm")) and not files.search("setup.py")


def _articles(tmp_path: Path) -> Path:
    repo = new_repo(tmp_path / "articles")
    shutil.copy(SEED, repo / "story.txt")
    (repo / "notes.py").write_text("TITLE = 'Defense Secretary Lloyd Austin'\n")  # not prose: never checked
    git(repo, "add", ".")
    return repo


def _pre_commit(repo: Path, *args: str, home: Path) -> subprocess.CompletedProcess:
    return subprocess.run([PRE_COMMIT, *args], cwd=repo, capture_output=True, text=True, timeout=600,
                          env={**os.environ, "PRE_COMMIT_HOME": str(home)})


@needs_pre_commit
@needs_git
@pytest.mark.slow
def test_pre_commit_hook_fails_on_the_seed_and_passes_on_the_corrected_article(tmp_path: Path):
    """`pre-commit try-repo` on a clone of this repository holding the working tree as it is now:
    pre-commit installs it into its own virtualenv with pip (the package index must be reachable)."""
    source = tmp_path / "factcheck-src"
    git(tmp_path, "clone", "-q", str(ROOT), str(source))
    for rel in ("src", "rules", ".pre-commit-hooks.yaml", "pyproject.toml", "README.md"):
        src, dst = ROOT / rel, source / rel
        if src.is_dir():
            shutil.rmtree(dst, ignore_errors=True)
            shutil.copytree(src, dst, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copy(src, dst)
    commit(source, "test")
    repo = _articles(tmp_path)
    bad = _pre_commit(repo, "try-repo", str(source), "factcheck", "--all-files", home=tmp_path / "pc-cache")
    if any(marker in bad.stdout + bad.stderr for marker in OFFLINE):
        pytest.skip("pre-commit could not install the hook: no package index reachable "
                    "(test_pre_commit_hook_offline covers the hook without installing it)")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "FC101" in bad.stdout and "notes.py" not in bad.stdout
    shutil.copy(CORRECTED, repo / "story.txt")
    git(repo, "add", ".")
    good = _pre_commit(repo, "try-repo", str(source), "factcheck", "--all-files", home=tmp_path / "pc-cache")
    assert good.returncode == 0, good.stdout + good.stderr


@needs_pre_commit
@needs_git
def test_pre_commit_hook_offline(tmp_path: Path):
    """The same hook definition (entry, types, files) as a local hook running the factcheck installed
    here: no package index needed. A commit of the seed article is refused; the corrected one goes in."""
    hook = {**_hook(), "language": "system"}
    hook["entry"] = shlex.join([sys.executable, "-m", "factcheck"]) + hook["entry"].removeprefix("factcheck")
    repo = _articles(tmp_path)
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump({"repos": [{"repo": "local", "hooks": [hook]}]}))
    git(repo, "add", ".")
    home = tmp_path / "pc-cache"
    assert _pre_commit(repo, "install", home=home).returncode == 0
    refused = subprocess.run(["git", "-c", "user.email=t@example.org", "-c", "user.name=t", "commit", "-qm", "seed"],
                             cwd=repo, capture_output=True, text=True, env={**os.environ, "PRE_COMMIT_HOME": str(home)})
    assert refused.returncode != 0 and "FC101" in refused.stdout + refused.stderr
    shutil.copy(CORRECTED, repo / "story.txt")
    git(repo, "add", ".")
    accepted = subprocess.run(["git", "-c", "user.email=t@example.org", "-c", "user.name=t", "commit", "-qm", "fixed"],
                              cwd=repo, capture_output=True, text=True, env={**os.environ, "PRE_COMMIT_HOME": str(home)})
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr


def _workflow() -> dict:
    blocks = re.findall(r"```yaml\n(.*?)```", (ROOT / "docs" / "ci.md").read_text(), re.S)
    (workflow,) = [yaml.safe_load(b) for b in blocks if "upload-sarif" in b]
    return workflow


def test_readme_github_actions_workflow_is_valid():
    workflow = _workflow()
    assert workflow["permissions"]["security-events"] == "write"
    steps = workflow["jobs"]["factcheck"]["steps"]
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@"))
    sarif_step = next(s for s in steps if "--format sarif" in s.get("run", ""))
    assert upload["with"]["sarif_file"] in sarif_step["run"]
    assert any("--format github" in s.get("run", "") and "--diff" in s.get("run", "") for s in steps)
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0  # --diff needs the base branch


@needs_git
def test_readme_github_actions_workflow_runs(tmp_path: Path):
    """The workflow's factcheck steps, run on a pull request made in a temporary repository."""
    origin = new_repo(tmp_path / "origin")
    (origin / "articles").mkdir()
    shutil.copy(CORRECTED, origin / "articles" / "old.txt")
    commit(origin, "base")
    git(origin, "checkout", "-qb", "pr")
    shutil.copy(SEED, origin / "articles" / "new.txt")
    commit(origin, "pr")
    repo = tmp_path / "checkout"
    git(tmp_path, "clone", "-q", "--branch", "pr", f"file://{origin}", str(repo))
    steps = [s["run"] for s in _workflow()["jobs"]["factcheck"]["steps"] if "factcheck scan" in s.get("run", "")]
    outputs = []
    for step in steps:
        command = step.replace("${{ github.base_ref }}", "main")
        args = shlex.split(command.split(">")[0])[1:]
        proc = run(*args, cwd=repo)
        assert proc.returncode in (0, 1), proc.stderr
        outputs.append((command, proc))
    annotations = next(p for c, p in outputs if "--format github" in c)
    assert annotations.returncode == 1 and len(annotations.stdout.splitlines()) == 3
    assert all("file=articles/new.txt" in line for line in annotations.stdout.splitlines())
    sarif_proc = next(p for c, p in outputs if "--format sarif" in c)
    assert sarif_proc.returncode == 0  # --exit-zero: the upload step must run
    sarif = json.loads(sarif_proc.stdout)
    schema = SHARED / "data" / "sarif" / "sarif-schema-2.1.0.json"
    if schema.exists():
        import jsonschema

        jsonschema.validate(sarif, json.loads(schema.read_text()))
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"]} == {"articles/new.txt"}
