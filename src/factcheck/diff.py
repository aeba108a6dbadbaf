"""`--diff REF`: only findings whose spans (or the other side of a contradiction) touch lines
changed since a git revision, for checks on pull requests.

The base is the merge base of REF and HEAD when the history has it, else REF itself (a shallow
clone that fetched only the base branch's tip: in a pull request's merge commit that still gives
exactly the pull request's changes). Lines added or modified count; files new since the base count
as changed throughout. Uncommitted changes count too (the working tree is compared).
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterable
from difflib import SequenceMatcher
from pathlib import Path

from factcheck.document import InputError, read_regular
from factcheck.errors import UsageError
from factcheck.findings import Result

ALL = None  # a file new since the base: every line counts
_MAX_COMPARED = 200_000_000  # bytes; the scan itself refuses far smaller files

# Git only ever reads objects and refs here: it never looks at the work tree or the index, so no
# fsmonitor, filter, textconv or external diff configured in the scanned repository can run, and
# no object is fetched from anywhere (a partial clone's missing blob is an error, not a download).
_SAFE = ["-c", "core.fsmonitor=false", "-c", "core.hooksPath=/dev/null", "-c", "protocol.allow=never",
         "--literal-pathspecs", "--no-replace-objects"]
_ENV = {"GIT_NO_LAZY_FETCH": "1", "GIT_TERMINAL_PROMPT": "0", "GIT_OPTIONAL_LOCKS": "0"}


def _git(args: list[str], cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *_SAFE, *args], cwd=cwd, capture_output=True, input=stdin, timeout=120,
                              env={**os.environ, **_ENV}, check=False)
    except FileNotFoundError:
        raise UsageError("--diff: git is not installed") from None
    except subprocess.TimeoutExpired:
        raise UsageError(f"--diff: git did not answer in {cwd}") from None


def _text(proc: subprocess.CompletedProcess[bytes]) -> str:
    return os.fsdecode(proc.stdout).strip()


def _toplevel(folder: Path) -> Path:
    proc = _git(["rev-parse", "--show-toplevel"], folder)
    if proc.returncode != 0:
        raise UsageError(f"--diff: {folder} is not inside a git work tree")
    return Path(os.path.realpath(_text(proc)))


def _base(ref: str, top: Path) -> str:
    if _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], top).returncode != 0:
        shallow = _text(_git(["rev-parse", "--is-shallow-repository"], top)) == "true"
        hint = (f" (this is a shallow clone: fetch it first, e.g. 'git fetch --depth=1 origin {ref.split('/')[-1]}')"
                if shallow else " (a branch, tag or commit this repository has; fetch it first if it is remote)")
        raise UsageError(f"--diff: unknown revision {ref!r}{hint}")
    merge_base = _git(["merge-base", ref, "HEAD"], top)
    return _text(merge_base) if merge_base.returncode == 0 and _text(merge_base) else ref


def verify(ref: str, paths: Iterable[str]) -> None:
    """Fail early (before any document is checked) when REF is missing where the first file lives."""
    first = next((Path(p) for p in paths if p != "-"), None)
    if first is None:
        return  # standard input only: nothing to compare, every finding is kept
    folder = first if first.is_dir() else first.parent
    if folder.exists():
        _base(ref, _toplevel(Path(os.path.realpath(folder))))


def _blobs(base: str, top: Path, names: list[str]) -> dict[str, bytes]:
    """The contents at `base` of those of `names` (relative to `top`) that it has. Names travel
    NUL-separated (-z) and contents by object id, so no name is ever quoted or split."""
    listed = _git(["ls-tree", "-r", "-z", base, "--", *names], top)
    if listed.returncode != 0:
        raise UsageError(f"--diff: git ls-tree failed: {(_text(listed).splitlines() or ['?'])[0]}")
    objects: dict[str, str] = {}
    for record in listed.stdout.split(b"\0"):
        meta, tab, name = record.partition(b"\t")
        fields = meta.split()
        if tab and len(fields) == 3 and fields[1] == b"blob":
            objects[os.fsdecode(name)] = fields[2].decode("ascii")
    if not objects:
        return {}
    ids = sorted(set(objects.values()))
    proc = _git(["cat-file", "--batch"], top, stdin="".join(f"{i}\n" for i in ids).encode("ascii"))
    if proc.returncode != 0:
        raise UsageError("--diff: git cat-file failed")
    contents: dict[str, bytes] = {}
    out, at = proc.stdout, 0
    for oid in ids:
        header_end = out.index(b"\n", at)
        header = out[at:header_end].split()
        size = int(header[2]) if len(header) == 3 else 0
        contents[oid] = out[header_end + 1 : header_end + 1 + size]
        at = header_end + 1 + size + 1
    return {name: contents[oid] for name, oid in objects.items()}


def added_lines(old: bytes, new: bytes) -> set[int]:
    """1-based numbers of the lines of `new` that are added or changed relative to `old` (lines as
    the document counts them: split at \\n, \\r\\n or \\r). The common start and end are set aside
    first, so a small edit to a long file costs a linear pass."""
    a, b = old.splitlines(), new.splitlines()
    head = 0
    while head < len(a) and head < len(b) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < len(a) - head and tail < len(b) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    matcher = SequenceMatcher(None, a[head : len(a) - tail], b[head : len(b) - tail], autojunk=False)
    changed: set[int] = set()
    for op, _i1, _i2, j1, j2 in matcher.get_opcodes():
        if op in ("replace", "insert"):
            changed.update(range(head + j1 + 1, head + j2 + 1))
    return changed


def changed_lines(ref: str, paths: Iterable[str]) -> dict[str, set[int] | None]:
    """For each file (absolute path), the 1-based lines added or changed since the base; ALL when new."""
    by_top: dict[Path, list[Path]] = {}
    tops: dict[Path, Path] = {}
    for p in paths:
        absolute = Path(os.path.realpath(p))
        if absolute.parent not in tops:
            tops[absolute.parent] = _toplevel(absolute.parent)
        by_top.setdefault(tops[absolute.parent], []).append(absolute)
    out: dict[str, set[int] | None] = {}
    for top, files in by_top.items():
        base = _base(ref, top)
        rel = {f.relative_to(top).as_posix(): f for f in files}
        before = _blobs(base, top, list(rel))
        for name, f in rel.items():
            if name not in before:
                out[str(f)] = ALL
                continue
            try:
                now = read_regular(f, _MAX_COMPARED)
            except InputError as exc:
                raise UsageError(f"--diff: {exc}") from None
            out[str(f)] = added_lines(before[name], now)
    return out


def only_changed(ref: str, results: Iterable[Result]) -> list[Result]:
    results = list(results)
    changed = changed_lines(ref, [r.document.path for r in results if r.document.path != "-"])
    out = []
    for r in results:
        lines = ALL if r.document.path == "-" else changed[os.path.realpath(r.document.path)]
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
