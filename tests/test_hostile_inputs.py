"""What a hostile or careless folder can hold: FIFOs, devices, huge files, dangling links, link
loops, unreadable folders, folders 1,000 deep, control characters in names and text. None of them
may hang the run, fill memory, abort it with a traceback, or reach the terminal unescaped; each
entry that cannot be checked is reported (stderr and JSON) and makes the exit code 2."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HANG = 60  # seconds: a run that takes longer is hanging on the input

posix_only = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")


def scan(*args: str, cwd: Path | None = None, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "from factcheck.entry import main; main()", "scan", *args],
                          capture_output=True, text=True, cwd=cwd, input=stdin, timeout=HANG, check=False)


def _skipped(proc: subprocess.CompletedProcess) -> dict[str, str]:
    return {Path(s["path"]).name: s["reason"] for s in json.loads(proc.stdout).get("skipped", [])}


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("Defense Secretary Lloyd Austin spoke on 2025-07-01.\n")
    return folder


@posix_only
def test_a_fifo_named_or_found_is_reported_and_skipped_not_read(tmp_path: Path):
    folder = _folder(tmp_path)
    os.mkfifo(folder / "pipe.txt")
    named = scan(str(folder / "pipe.txt"), "--format", "json")
    assert named.returncode == 2 and "FIFO" in named.stderr and "Traceback" not in named.stderr
    found = scan(str(folder), "--format", "json", "--date", "2025-07-01")
    assert found.returncode == 2 and "FIFO" in _skipped(found)["pipe.txt"]
    assert [Path(d["path"]).name for d in json.loads(found.stdout)["documents"]] == ["a.txt"]


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_devices_are_not_read():
    for device in ("/dev/zero", "/dev/urandom"):
        proc = scan(device)
        assert proc.returncode == 2 and "not a regular file" in proc.stderr, proc.stderr
    proc = scan("-", "--baseline", "/dev/zero", stdin="Text.\n")
    assert proc.returncode == 2 and len(proc.stderr.splitlines()) == 1 and "not a regular file" in proc.stderr


def test_size_limit_option_and_configuration(tmp_path: Path):
    folder = _folder(tmp_path)
    (folder / "big.txt").write_text("The talks went on. " * 200)
    proc = scan(str(folder), "--format", "json", "--max-file-size", "1 kB")
    assert proc.returncode == 2 and "size limit of 1,000 bytes" in _skipped(proc)["big.txt"]
    assert "--max-file-size" in proc.stderr
    assert scan(str(folder), "--max-file-size", "1 MB").returncode != 2
    (folder / ".factcheck.toml").write_text('max-file-size = 2000\n')
    assert "big.txt" in _skipped(scan(str(folder), "--format", "json"))
    assert scan(str(folder), "--ignore-unreadable").returncode in (0, 1)
    bad = scan(str(folder), "--max-file-size", "lots")
    assert bad.returncode == 2 and len(bad.stderr.splitlines()) == 1 and "--max-file-size" in bad.stderr
    # standard input has the same limit (so `factcheck scan - < /dev/zero` ends)
    piped = scan("-", "--max-file-size", "100", stdin="x" * 500)
    assert piped.returncode == 2 and "size limit" in piped.stderr


def test_dangling_links_and_link_loops_are_reported_and_the_run_goes_on(tmp_path: Path):
    folder = _folder(tmp_path)
    (folder / "gone.txt").symlink_to(folder / "nowhere.txt")
    (folder / "l1.md").symlink_to("l2.md")
    (folder / "l2.md").symlink_to("l1.md")
    (folder / "loop").symlink_to(folder, target_is_directory=True)  # a folder link is not followed
    proc = scan(str(folder), "--format", "json", "--date", "2025-07-01")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
    skipped = _skipped(proc)
    assert "dangling" in skipped["gone.txt"] and "loop" in skipped["l1.md"] and "loop" in skipped["l2.md"]
    assert len(proc.stderr.splitlines()) == 3
    data = json.loads(proc.stdout)
    assert [f["code"] for d in data["documents"] for f in d["findings"]] == ["FC101"]
    ignored = scan(str(folder), "--ignore-unreadable", "--date", "2025-07-01")
    assert ignored.returncode == 1 and "dangling" in ignored.stderr


def test_unreadable_folder_is_reported(tmp_path: Path, monkeypatch, capsys):
    """A folder without read permission (faked: the tests may run as root, who reads everything)."""
    from factcheck.scan_command import ScanOptions
    from factcheck.scan_command import run as run_scan

    folder = _folder(tmp_path)
    (folder / "locked").mkdir()
    (folder / "locked" / "b.txt").write_text("Text.\n")
    _refuse_to_list(monkeypatch, "locked")
    code = run_scan(ScanOptions((str(folder),), date="2025-07-01", fmt="json", isolated=True, jobs=1))
    out = capsys.readouterr()
    assert code == 2 and "locked: permission denied" in out.err
    assert json.loads(out.out)["skipped"] == [{"path": str(folder / "locked"), "reason": "permission denied"}]
    code = run_scan(ScanOptions((str(folder),), date="2025-07-01", fmt="text", isolated=True, jobs=1,
                                ignore_unreadable=True))
    assert code == 1 and "permission denied" in capsys.readouterr().err


def _refuse_to_list(monkeypatch, name: str) -> None:  # type: ignore[no-untyped-def]
    """Folders named `name` cannot be listed (the tests run as root, for whom chmod 000 does nothing)."""
    real_scandir = os.scandir

    def scandir(path):  # type: ignore[no-untyped-def]
        if str(path).endswith(name):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)


@pytest.mark.parametrize("pattern", ["**/*.txt", "locked/*.txt", "*/b.txt", "**/b.txt"])
def test_unreadable_folder_met_by_a_glob_is_reported(tmp_path: Path, monkeypatch, capsys, pattern: str):
    """The same policy for a quoted glob as for a folder walk (pathlib's glob passes over the folder
    in silence)."""
    from factcheck.scan_command import ScanOptions
    from factcheck.scan_command import run as run_scan

    folder = _folder(tmp_path)
    (folder / "locked").mkdir()
    (folder / "locked" / "b.txt").write_text("Text.\n")
    (folder / "open").mkdir()
    (folder / "open" / "b.txt").write_text("Defense Secretary Lloyd Austin spoke on 2025-07-01.\n")
    _refuse_to_list(monkeypatch, "locked")

    def stat(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(path).startswith(str(folder / "locked") + os.sep):  # no search permission either
            raise PermissionError(13, "Permission denied", str(path))
        return real_stat(path, *args, **kwargs)

    def lstat(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(path).startswith(str(folder / "locked") + os.sep):
            raise PermissionError(13, "Permission denied", str(path))
        return real_lstat(path, *args, **kwargs)

    real_stat, real_lstat = os.stat, os.lstat
    monkeypatch.setattr(os, "stat", stat)
    monkeypatch.setattr(os, "lstat", lstat)
    code = run_scan(ScanOptions((str(folder / pattern),), date="2025-07-01", fmt="json", isolated=True, jobs=1))
    out = capsys.readouterr()
    assert code == 2 and "locked" in out.err and "permission denied" in out.err, out.err
    data = json.loads(out.out)
    assert [s["reason"] for s in data["skipped"]] == ["permission denied"]
    assert data["skipped"][0]["path"].startswith(str(folder / "locked"))
    if pattern != "locked/*.txt":
        assert str(folder / "open" / "b.txt") in [d["path"] for d in data["documents"]], "the run goes on"
    code = run_scan(ScanOptions((str(folder / pattern),), date="2025-07-01", fmt="text", isolated=True, jobs=1,
                                ignore_unreadable=True))
    assert code == (0 if pattern == "locked/*.txt" else 1) and "permission denied" in capsys.readouterr().err


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads every folder")
def test_unreadable_folder_met_by_a_glob_for_real(tmp_path: Path):
    folder = _folder(tmp_path)
    (folder / "locked").mkdir()
    (folder / "locked" / "b.txt").write_text("Text.\n")
    (folder / "locked").chmod(0)
    try:
        proc = scan(str(folder / "**" / "*.txt"), "--format", "json", "--date", "2025-07-01")
    finally:
        (folder / "locked").chmod(0o755)
    assert proc.returncode == 2 and "permission denied" in _skipped(proc)["locked"]


def test_globs_match_what_pathlib_matches(tmp_path: Path):
    from factcheck.discovery import expand_glob

    for rel in ("a.md", ".hidden.md", "x/b.md", "x/.c.md", "x/y/d.md", "x/y/e.txt", ".h/f.md", "z[1]/g.md"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("Text.\n")
    (tmp_path / "link").symlink_to(tmp_path / "x", target_is_directory=True)
    (tmp_path / "gone.md").symlink_to(tmp_path / "nowhere.md")
    for pattern in ("*.md", "**/*.md", "*/*.md", "x/**/*.md", "**/y/*", "x/y/d.md", "?/*.md", "[xz]*/*.md",
                    "**/**/*.md", "link/*.md", "**", "x/**", "*/y/*.txt", "nothing/*.md"):
        skipped: list = []
        ours = expand_glob(str(tmp_path), Path(pattern).parts, skipped)
        assert ours == {str(p) for p in tmp_path.glob(pattern)} and not skipped, pattern


def test_a_folder_a_thousand_levels_deep(tmp_path: Path):
    here = Path.cwd()
    deepest = tmp_path / "deep"
    deepest.mkdir()
    os.chdir(deepest)
    try:
        for _ in range(1000):  # relative steps: the absolute path is longer than some calls accept
            os.mkdir("d")
            os.chdir("d")
        Path("a.txt").write_text("Text.\n")
    finally:
        os.chdir(here)
    try:
        procs = [scan("deep", "--format", "json", cwd=tmp_path),
                 scan("deep/**/*.txt", "--format", "json", cwd=tmp_path)]  # a glob walks as deep
    finally:
        _remove_deep(deepest)
    for proc in procs:
        assert "Traceback" not in proc.stderr and proc.returncode in (0, 2), proc.stderr[-500:]
        if proc.returncode == 0:
            assert json.loads(proc.stdout)["summary"]["documents"] == 1
        else:  # the system refused the path: reported, one line
            assert len(proc.stderr.splitlines()) == 1


def _remove_deep(top: Path) -> None:
    """Remove a deep chain of "d" folders step by step (shutil.rmtree recurses and would fail)."""
    here = Path.cwd()
    os.chdir(top)
    depth = 0
    try:
        while os.path.isdir("d"):
            os.chdir("d")
            depth += 1
        os.remove("a.txt")
        for _ in range(depth):
            os.chdir("..")
            os.rmdir("d")
    finally:
        os.chdir(here)


def test_control_characters_in_names_and_text_are_escaped(tmp_path: Path):
    name = "a\x1b[2Jb.txt"
    (tmp_path / name).write_text("Defense Secretary Lloyd Austin \x1b[31mspoke\x1b[0m on 2025-07-01.\n")
    for fmt in ("text", "rich"):
        proc = scan(str(tmp_path), "--format", fmt, "--date", "2025-07-01", "--isolated")
        assert proc.returncode == 1, proc.stderr
        assert "\x1b[2J" not in proc.stdout and "\x1b[31m" not in proc.stdout
        assert "a\\x1b[2Jb.txt" in proc.stdout
    rich = scan(str(tmp_path), "--format", "rich", "--date", "2025-07-01", "--isolated").stdout
    assert "\\x1b[31mspoke" in rich


def test_kb_dirs_that_hold_a_whole_system_folder_are_refused(tmp_path: Path):
    big = tmp_path / "usr"
    for n in range(30):
        (big / f"d{n}").mkdir(parents=True)
        for m in range(200):
            (big / f"d{n}" / f"f{m}.csv").write_text("")
    (tmp_path / ".factcheck.toml").write_text(f'kb-dirs = ["{big}"]\n')
    (tmp_path / "a.txt").write_text("Text.\n")
    proc = scan(str(tmp_path / "a.txt"))
    assert proc.returncode == 2 and len(proc.stderr.splitlines()) == 1 and "kb-dirs" in proc.stderr, proc.stderr


@pytest.mark.skipif(shutil.which("git") is None, reason="git absent")
def test_scanning_a_repository_runs_none_of_its_commands(tmp_path: Path):
    """core.fsmonitor names a command git runs when it reads the index; nothing may start it."""
    from _cli import commit, git, new_repo

    repo = new_repo(tmp_path / "repo")
    (repo / ".gitignore").write_text("drafts/\n")
    (repo / "a.md").write_text("Text.\n")
    (repo / "drafts").mkdir()
    (repo / "drafts" / "b.md").write_text("Text.\n")
    commit(repo, "first")
    marker = tmp_path / "ran"
    hook = tmp_path / "monitor.sh"
    hook.write_text(f"#!/bin/sh\ntouch {marker}\n")
    hook.chmod(0o755)
    git(repo, "config", "core.fsmonitor", str(hook))
    (repo / "a.md").write_text("Text, changed.\n")
    proc = scan(".", "--format", "json", "--isolated", cwd=repo)
    assert [d["path"] for d in json.loads(proc.stdout)["documents"]] == ["a.md"]
    assert not marker.exists()
    proc = scan(".", "--diff", "HEAD", "--isolated", cwd=repo)
    assert proc.returncode == 0, proc.stderr
    assert not marker.exists()


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found.update(int(c) for c in (task / "children").read_text().split())
        except OSError:
            pass
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
@pytest.mark.parametrize("signame", ["SIGTERM", "SIGHUP"])
@pytest.mark.parametrize("to_group", [False, True], ids=["to-parent", "to-every-process"])
@pytest.mark.parametrize("corpus", [False, True], ids=["folder", "jsonl"])
def test_workers_die_with_their_parent(tmp_path: Path, signame: str, to_group: bool, corpus: bool):
    """The signal to the scan alone, or to every process of it (as `pkill -f` or a terminal's
    Ctrl-C sends it): the run ends promptly, with its code, and no worker is left behind."""
    import signal
    import time

    from conftest import FIXTURES

    text = (FIXTURES / "seed-hegseth-austin.txt").read_text(encoding="utf-8")
    if corpus:
        with (tmp_path / "corpus.jsonl").open("w", encoding="utf-8") as out:
            for n in range(5_000):
                out.write(json.dumps({"id": str(n), "text": text, "date": "2025-03-01"}) + "\n")
        target = [str(tmp_path / "corpus.jsonl"), "--format", "jsonl"]
    else:
        for n in range(400):
            (tmp_path / f"a{n:03d}.txt").write_text(text * 3)
        target = [str(tmp_path), "--format", "json"]
    proc = subprocess.Popen([sys.executable, "-c", "from factcheck.entry import main; main()", "scan", *target,
                             "--jobs", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    workers: set[int] = set()
    try:
        deadline = time.monotonic() + HANG
        while len(workers) < 2 and time.monotonic() < deadline and proc.poll() is None:
            workers = _children(proc.pid)
            time.sleep(0.05)
        assert len(workers) >= 2, "the workers never started"
        time.sleep(0.5)  # let them get to work
        if to_group:
            os.killpg(proc.pid, getattr(signal, signame))
        else:
            proc.send_signal(getattr(signal, signame))
        _out, err = proc.communicate(timeout=HANG)  # returns only when every holder of the pipe is gone
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 128 + getattr(signal, signame), err
    assert b"Traceback" not in err
    deadline = time.monotonic() + 10
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(w) for w in workers)


def test_tokens_kept_as_columns_read_like_a_tuple_of_tokens():
    """A long document's tokens are columns (bench/memory.py); the extractors still index, slice
    and iterate them as they would a tuple of Token."""
    from factcheck.extract.tokens import Token, tokenize

    prose = "U.S. Defense Secretary Lloyd Austin\u2019s visit, in 2025. O'Brien and Ant\u00f3nio met."
    tokens = tokenize(prose)
    listed = list(tokens)
    assert len(tokens) == len(listed) and all(type(t) is Token for t in listed)
    assert [t.text for t in listed][:4] == ["U.S.", "Defense", "Secretary", "Lloyd"]
    assert tokens[0].key == "us" and tokens[-1] == listed[-1] and tokens[2:4] == tuple(listed[2:4])
    assert all(prose[t.start:t.end] == t.text for t in tokens)
    assert [t.key for t in tokens if t.text.startswith("Ant")] == ["antonio"]
    twice = tokenize("Defense defense")
    assert twice[0].key is twice[1].key  # one string per distinct key
