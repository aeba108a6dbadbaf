"""Baselines: accept today's findings, fail only on new ones.

`--write-baseline FILE` records each finding by its fingerprint (fingerprint.py: the rule, the words
of its span - title and name -, and the rest of its sentence, which carries an explicit time), never by
line number; `--baseline FILE` hides exactly those. An accepted finding therefore stays hidden when
its paragraph moves or other text changes, and comes back when its own sentence is edited. Each key
keeps a count, so pasting an accepted sentence a second time is a new finding.

Paths are stored relative to the baseline file's folder, so the baseline works from any current
folder and on any machine.
"""

from __future__ import annotations

import json
import os
import stat
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from factcheck.document import InputError, read_regular
from factcheck.errors import UsageError
from factcheck.findings import Result
from factcheck.fingerprint import fingerprint

VERSION = 2


def _where(path: str, folder: Path) -> str:
    if path == "-":
        return path
    absolute = Path(path).resolve()
    try:
        return Path(os.path.relpath(absolute, folder.resolve())).as_posix()
    except ValueError:  # another drive (Windows)
        return absolute.as_posix()


def entries(results: Iterable[Result], folder: Path) -> list[dict[str, Any]]:
    counts: Counter[tuple[str, str, str]] = Counter()
    texts: dict[tuple[str, str, str], str] = {}
    for r in results:
        where = _where(r.document.path, folder)
        for f in r.findings:
            key = (where, f.code, fingerprint(r, f))
            counts[key] += 1
            texts.setdefault(key, " ".join(r.document.text_at(f.span.start, f.span.end).split()))
    return [{"path": p, "rule": c, "fingerprint": k, "text": texts[(p, c, k)], "count": n}
            for (p, c, k), n in sorted(counts.items())]


def write(path: Path, results: Iterable[Result]) -> int:
    """Record the findings; returns how many. The file is replaced whole (a temporary file in the
    same folder, renamed), never written through a symbolic link, never one of the checked files."""
    from factcheck.atomic import write_atomic

    results = list(results)
    _check_target(path, results)
    rows = entries(results, path.parent)
    payload = {"version": VERSION, "tool": "factcheck", "findings": rows}
    try:
        write_atomic(path, (json.dumps(payload, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
    except OSError as exc:
        raise UsageError(f"--write-baseline: {path}: {exc.strerror or exc}") from None
    return sum(row["count"] for row in rows)


def _check_target(path: Path, results: list[Result]) -> None:
    """A baseline may replace a regular file of its own, nothing else."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return  # a new file: it cannot be one being checked
    except OSError as exc:
        raise UsageError(f"--write-baseline: {path}: {exc.strerror}") from None
    if stat.S_ISLNK(st.st_mode):
        raise UsageError(f"--write-baseline: {path}: is a symbolic link; not written through it "
                         f"(name the file itself)")
    if not stat.S_ISREG(st.st_mode):
        raise UsageError(f"--write-baseline: {path}: not a regular file")
    for r in results:
        if r.document.path == "-":
            continue
        try:
            checked = os.stat(r.document.path)
        except OSError:
            continue
        if (checked.st_dev, checked.st_ino) == (st.st_dev, st.st_ino):
            raise UsageError(f"--write-baseline: {path}: is one of the files being checked; not overwritten")


MAX_BASELINE_SIZE = 500_000_000  # bytes: a baseline of a million findings is far smaller


def read(path: Path) -> Counter[tuple[str, str, str]]:
    try:
        # A regular file of bounded size only: --baseline /dev/zero must not fill memory.
        data = json.loads(read_regular(path, MAX_BASELINE_SIZE).decode("utf-8"))
    except InputError as exc:
        raise UsageError(f"--baseline: {exc}") from None
    except (ValueError, RecursionError):  # not UTF-8, not JSON, or nested deeper than the parser goes
        raise UsageError(f"--baseline: {path}: not JSON (write one with --write-baseline)") from None
    try:
        if data["version"] != VERSION:
            raise UsageError(f"--baseline: {path}: baseline version {data['version']!r} is not supported "
                             f"(write it again with --write-baseline)")
        return Counter({(row["path"], row["rule"], row["fingerprint"]): int(row["count"]) for row in data["findings"]})
    except (KeyError, TypeError, ValueError, OverflowError):
        raise UsageError(f"--baseline: {path}: not a factcheck baseline file") from None


def apply(path: Path, results: Iterable[Result]) -> list[Result]:
    """The results without the findings the baseline accepts (each accepted as many times as recorded)."""
    left = read(path)
    out = []
    for r in results:
        where = _where(r.document.path, path.parent)
        kept = []
        for f in r.findings:
            key = (where, f.code, fingerprint(r, f))
            if left[key] > 0:
                left[key] -= 1
            else:
                kept.append(f)
        out.append(r._replace(findings=tuple(kept)))
    return out
