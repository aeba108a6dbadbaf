"""Finding the files to check: paths, folders and quoted globs become a sorted list of text files,
and every entry that cannot be checked becomes a `Skipped` entry instead of an exception.

One policy for every entry that cannot be read (a folder without permission, a dangling symbolic
link, a link loop, a FIFO, a device or a socket, a file too large, bytes that are not text): the
run goes on, each is reported on stderr and in the JSON output, and the exit code is 2 at the end
unless `--ignore-unreadable`. The walk is iterative (a folder 1,000 levels deep is just a long
list) and never follows a symbolic link to a folder (no loops); symbolic links to files are read.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple


class Skipped(NamedTuple):
    """An entry that was not checked, and why (one line for the user)."""

    path: str
    reason: str


class Found(NamedTuple):
    files: list[str]
    skipped: list[Skipped]


class DiscoveryError(Exception):
    """A path named on the command line that names nothing; the message is one line for the user."""


def kind_of(mode: int) -> str | None:
    """What a file that is not a regular file is ("a FIFO", ...); None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def not_regular(kind: str) -> str:
    return f"is {kind}, not a regular file"


def _os_reason(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if exc.errno == errno.ENOENT:
        return "dangling symbolic link (its target does not exist)"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return f"cannot read ({exc.strerror or exc})"


def _problem(path: str) -> str | None:
    """Why the entry at `path` (found in a folder) cannot be checked; None when it is a regular file."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return _os_reason(exc)
    kind = kind_of(mode)
    return None if kind is None else not_regular(kind)


def text_files(folder: str, suffixes: tuple[str, ...], skipped: list[Skipped],
               wanted: Callable[[str], bool] | None = None) -> Iterator[str]:
    """Files with these suffixes under a folder, hidden files and folders left out, named as pathlib
    would name them ("a.md", not "./a.md"); entries that cannot be read are added to `skipped`.
    Iterative (a stack of folders), so depth costs no recursion."""
    stack = [folder]
    while stack:
        current = stack.pop()
        try:
            with os.scandir(current) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            skipped.append(Skipped(current, _os_reason(exc)))
            continue
        prefix = "" if current == "." else current
        subfolders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = os.path.join(prefix, entry.name)
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError as exc:
                skipped.append(Skipped(path, _os_reason(exc)))
                continue
            if is_dir:
                subfolders.append(path)
            elif os.path.splitext(entry.name)[1].lower() in suffixes and (wanted is None or wanted(path)):
                problem = _problem(path)
                if problem is None:
                    yield path
                else:
                    skipped.append(Skipped(path, problem))
        stack.extend(reversed(subfolders))


def collect(args: list[str], suffixes: tuple[str, ...], wanted: Callable[[str], bool] | None = None) -> Found:
    """Expand folders into their text files (sorted) and quoted globs into their matches; keep '-'
    for stdin. `wanted(path)` filters files found inside folders (include patterns); files named
    on the command line are always checked."""
    out: list[str] = []
    skipped: list[Skipped] = []
    for arg in args:
        if arg == "-":
            out.append(arg)
            continue
        path = Path(arg)
        if not os.path.lexists(arg) and any(c in arg for c in "*?["):
            out.extend(_glob(arg, wanted, skipped))
            continue
        if path.is_dir():
            found = sorted(text_files(str(path), suffixes, skipped, wanted))
            if not found and not skipped:
                raise DiscoveryError(f"{arg}: no .txt or .md files in this directory")
            out.extend(found)
        elif os.path.islink(arg) and not os.path.exists(arg):
            skipped.append(Skipped(arg, _problem(arg) or "cannot read"))
        elif not os.path.exists(arg):
            raise DiscoveryError(f"{arg}: no such file or directory")
        else:
            out.append(arg)  # a FIFO or a device named here is reported when it is read
    return Found(out, sorted(set(skipped)))


def _glob(arg: str, wanted: Callable[[str], bool] | None, skipped: list[Skipped]) -> list[str]:
    """A quoted glob ('articles/**/*.md'), expanded here as a shell would."""
    base = Path(arg.split("*")[0].split("?")[0].split("[")[0] or ".")
    root = base if base.is_dir() else base.parent
    pattern = str(Path(arg).relative_to(root)) if Path(arg).is_relative_to(root) else arg
    matched = []
    try:
        names = [str(p) for p in root.glob(pattern)]
    except RecursionError:  # pathlib's recursive glob, on folders nested hundreds deep
        raise DiscoveryError(f"{arg}: folders too deeply nested for a glob; name the folder instead") from None
    for name in names:
        if os.path.isdir(name) or (wanted is not None and not wanted(name)):
            continue
        problem = _problem(name)
        if problem is None:
            matched.append(name)
        else:
            skipped.append(Skipped(name, problem))
    if not matched and not skipped:
        raise DiscoveryError(f"{arg}: no file matches this pattern")
    return sorted(matched)
