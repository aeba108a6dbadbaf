"""`--diff REF`: only findings whose spans (or the other side of a contradiction) touch lines
changed since a git revision, for checks on pull requests.

The base is the merge base of REF and HEAD when the history has it, else REF itself (a shallow
clone that fetched only the base branch's tip: in a pull request's merge commit that still gives
exactly the pull request's changes). Lines added or modified count; files new since the base count
as changed throughout. Uncommitted changes count too (the working tree is compared).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Iterable

from factcheck.errors import UsageError
from factcheck.findings import Result

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
ALL = None  # a file new since the base: every line counts


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(["git", "-c", "core.quotePath=false", *args], cwd=cwd, capture_output=True,
                              text=True, timeout=120)
    except FileNotFoundError:
        raise UsageError("--diff: git is not installed") from None
    except subprocess.TimeoutExpired:
        raise UsageError(f"--diff: git did not answer in {cwd}") from None


def _toplevel(folder: Path) -> Path:
    proc = _git(["rev-parse", "--show-toplevel"], folder)
    if proc.returncode != 0:
        raise UsageError(f"--diff: {folder} is not inside a git work tree")
    return Path(proc.stdout.strip()).resolve()


def _base(ref: str, top: Path) -> str:
    if _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], top).returncode != 0:
        shallow = _git(["rev-parse", "--is-shallow-repository"], top).stdout.strip() == "true"
        hint = (f" (this is a shallow clone: fetch it first, e.g. 'git fetch --depth=1 origin {ref.split('/')[-1]}')"
                if shallow else " (a branch, tag or commit this repository has; fetch it first if it is remote)")
        raise UsageError(f"--diff: unknown revision {ref!r}{hint}")
    merge_base = _git(["merge-base", ref, "HEAD"], top)
    return merge_base.stdout.strip() if merge_base.returncode == 0 and merge_base.stdout.strip() else ref


def verify(ref: str, paths: Iterable[str]) -> None:
    """Fail early (before any document is checked) when REF is missing where the first file lives."""
    first = next((Path(p) for p in paths if p != "-"), None)
    if first is None:
        return  # standard input only: nothing to compare, every finding is kept
    folder = first if first.is_dir() else first.parent
    if folder.exists():
        _base(ref, _toplevel(folder.resolve()))


def changed_lines(ref: str, paths: Iterable[str]) -> dict[str, set[int] | None]:
    """For each file (absolute path), the 1-based lines added or changed since the base; ALL when new."""
    by_top: dict[Path, list[Path]] = {}
    tops: dict[Path, Path] = {}
    for p in paths:
        absolute = Path(p).resolve()
        if absolute.parent not in tops:
            tops[absolute.parent] = _toplevel(absolute.parent)
        by_top.setdefault(tops[absolute.parent], []).append(absolute)
    out: dict[str, set[int] | None] = {}
    for top, files in by_top.items():
        base = _base(ref, top)
        rel = {f.relative_to(top).as_posix(): f for f in files}
        listed = _git(["ls-tree", "-r", "-z", "--name-only", base, "--", *rel], top)
        in_base = set(listed.stdout.split("\0")) if listed.returncode == 0 else set()
        proc = _git(["diff", "-U0", "--no-color", "--no-ext-diff", "--no-renames", "--src-prefix=a/",
                     "--dst-prefix=b/", base, "--", *rel], top)
        if proc.returncode != 0:
            raise UsageError(f"--diff: git diff failed: {(proc.stderr.strip().splitlines() or ['?'])[0]}")
        lines: dict[str, set[int]] = {}
        current: set[int] | None = None
        for line in proc.stdout.splitlines():
            if line.startswith("+++ "):
                name = line[4:].strip().strip('"')
                current = lines.setdefault(name[2:], set()) if name.startswith("b/") else None
            elif current is not None and (m := _HUNK.match(line)):
                start, count = int(m.group(1)), int(m.group(2) or 1)
                current.update(range(start, start + count))
        for name, f in rel.items():
            out[str(f)] = ALL if name not in in_base else lines.get(name, set())
    return out


def only_changed(ref: str, results: Iterable[Result]) -> list[Result]:
    results = list(results)
    changed = changed_lines(ref, [r.document.path for r in results if r.document.path != "-"])
    out = []
    for r in results:
        lines = ALL if r.document.path == "-" else changed[str(Path(r.document.path).resolve())]
        if lines is ALL:
            out.append(r)
            continue
        doc = r.document
        kept = []
        for f in r.findings:
            spans = [f.span, *(rel.span for rel in f.related)]
            touched = any(n in lines for s in spans for n in range(doc.position(s.start)[0], doc.position(max(s.start, s.end - 1))[0] + 1))
            if touched:
                kept.append(f)
        out.append(r._replace(findings=tuple(kept)))
    return out
