"""Helpers for the command-line tests: run factcheck as a user would, make git repositories."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import FIXTURES

SEED = FIXTURES / "seed-hegseth-austin.txt"
CORRECTED = FIXTURES / "seed-corrected.txt"


def run(*args: str, cwd: Path | None = None, stdin: str | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "from factcheck.entry import main; main()", *args],
                          capture_output=True, text=True, cwd=cwd, input=stdin, timeout=120,
                          env={**os.environ, **(env or {})})


def codes(proc: subprocess.CompletedProcess) -> list[str]:
    return [f["code"] for d in json.loads(proc.stdout)["documents"] for f in d["findings"]]


def findings(proc: subprocess.CompletedProcess) -> list[dict]:
    return [f for d in json.loads(proc.stdout)["documents"] for f in d["findings"]]


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.email=t@example.org", "-c", "user.name=t", "-c", "init.defaultBranch=main",
                           "-c", "protocol.file.allow=always", *args],
                          cwd=repo, check=True, capture_output=True, text=True).stdout


def new_repo(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    git(path, "init", "-q")
    return path


def commit(repo: Path, message: str = "change") -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", message, "--allow-empty")
