"""Every input, configuration, rule-pack, knowledge-base, baseline and date error is one line on
stderr and exit code 2, never a traceback (issue 16, item 8)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

HANG = 120


def factcheck(*args: str, cwd: Path | None = None, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "from factcheck.entry import main; main()", *args], cwd=cwd,
                          input=stdin, capture_output=True, text=True, timeout=HANG, check=False)


def one_line_exit_2(proc: subprocess.CompletedProcess, needle: str = "") -> None:
    assert proc.returncode == 2, (proc.returncode, proc.stderr[-800:])
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert needle in proc.stderr, proc.stderr


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text("I saw Defense Secretary Lloyd Austin yesterday.\n")
    return path


@pytest.mark.parametrize("name,content,needle", [
    (".factcheck.toml", b'select = ["\xff"]\n', ".factcheck.toml"),
    ("pyproject.toml", b"tool = 1\n", "pyproject.toml"),
    ("pyproject.toml", b"[tool]\nfactcheck = 5\n", "pyproject.toml"),
    (".factcheck.toml", b"max-file-size = -1\n", "max-file-size"),
    (".factcheck.toml", b'date = "9999-12-31"\n', "date"),
    (".factcheck.toml", b'rule-dirs = ["new\\nline"]\n', "new\\x0aline: no such directory"),  # the name escaped
])
def test_bad_configuration(tmp_path: Path, article: Path, name: str, content: bytes, needle: str):
    (tmp_path / name).write_bytes(content)
    one_line_exit_2(factcheck("scan", str(article)), needle)


@pytest.mark.parametrize("pack,needle", [
    (b'rule = "x"\n', "rule"),
    (b'[[rule]]\ncode = 801\nkind = "weekday"\nname = "w"\nseverity = "error"\nsummary = "s"\n', "code"),
    (b'[[rule]]\ncode = "X1"\nkind = "weekday"\nname = 5\nseverity = "error"\nsummary = "s"\n', "name"),
    (b'[[rule]]\ncode = "X1"\nkind = "weekday"\nname = "w"\nseverity = "error"\nsummary = "\xff"\n', "pack.toml"),
    (b'[[rule]]\ncode = "FC104"\noptions = 3\n', "options"),
])
def test_bad_rule_pack(tmp_path: Path, article: Path, pack: bytes, needle: str):
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "pack.toml").write_bytes(pack)
    (tmp_path / ".factcheck.toml").write_text('rule-dirs = ["rules"]\n')
    one_line_exit_2(factcheck("scan", str(article)), needle)


@pytest.mark.parametrize("folder,name,content", [
    ("offices", "x.toml", b'[[office]]\nid = "x"\njurisdiction = "US"\nname = 5\n'),
    ("offices", "x.toml", b'office = "x"\n'),
    ("offices", "x.toml", b'[[office]]\nid = "x"\njurisdiction = "US"\nname = "\xff"\n'),
    ("people", "x.csv", b"id,name\nx,\xff\n"),
])
def test_bad_knowledge_base_file(tmp_path: Path, article: Path, folder: str, name: str, content: bytes):
    (tmp_path / "kb" / folder).mkdir(parents=True)
    (tmp_path / "kb" / folder / name).write_bytes(content)
    (tmp_path / ".factcheck.toml").write_text('kb-dirs = ["kb"]\n')
    one_line_exit_2(factcheck("scan", str(article)), name)


@pytest.mark.parametrize("content", [
    '{"version": 2, "tool": "factcheck", "findings": [{"path": "a.txt", "rule": "FC101", "fingerprint": "x", "count": 1e400}]}',
    "[" * 100_000 + "]" * 100_000,
    '{"version": 2, "findings": {"a": 1}}',
])
def test_bad_baseline(tmp_path: Path, article: Path, content: str):
    (tmp_path / "b.json").write_text(content)
    one_line_exit_2(factcheck("scan", str(article), "--baseline", str(tmp_path / "b.json")), "--baseline")


@pytest.mark.parametrize("args,front", [
    (["--date", "9999-12-31"], None),
    (["--date", "0001-01-01"], None),
    ([], "date: 9999"),
    ([], "date: 9999-12-31"),
])
def test_dates_at_the_calendar_edges(tmp_path: Path, article: Path, args: list[str], front: str | None):
    target = article
    if front is not None:
        target = tmp_path / "f.md"
        target.write_text(f"---\n{front}\n---\nI saw him yesterday; he will come back next week.\n")
    proc = factcheck("scan", str(target), *args)
    if proc.returncode == 2:
        one_line_exit_2(proc, "date")
    else:  # a date the checker can work with: checked normally
        assert proc.returncode in (0, 1) and "Traceback" not in proc.stderr, proc.stderr


@pytest.mark.skipif(os.name != "posix", reason="closes descriptors before the program starts")
def test_closed_stdout_and_stdin(article: Path):
    closed_out = subprocess.run([sys.executable, "-c", "from factcheck.entry import main; main()", "scan", str(article)],
                                stderr=subprocess.PIPE, text=True, timeout=HANG, preexec_fn=lambda: os.close(1), check=False)
    one_line_exit_2(closed_out, "standard output")
    closed_in = subprocess.run([sys.executable, "-c", "from factcheck.entry import main; main()", "scan", "-"],
                               capture_output=True, text=True,
                               timeout=HANG, preexec_fn=lambda: os.close(0), check=False)
    one_line_exit_2(closed_in, "standard input")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("fmt", ["text", "json"])
def test_full_disk_on_stdout(article: Path, fmt: str):
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-c", "from factcheck.entry import main; main()", "scan", str(article),
                               "--format", fmt], stdout=full, stderr=subprocess.PIPE, text=True, timeout=HANG, check=False)
    one_line_exit_2(proc, "No space left")
