"""Finding the files to check: paths, folders and quoted globs become a sorted list of text files,
and every entry that cannot be checked becomes a `Skipped` entry instead of an exception.

One policy for every entry that cannot be read (a folder without permission, a dangling symbolic
link, a link loop, a FIFO, a device or a socket, a file too large, bytes that are not text), met
by a folder walk or a quoted glob alike (pathlib's glob, which passes over such folders in silence,
is not used): the run goes on, each is reported on stderr and in the JSON output, and the exit code is 2 at the end
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
    for name in sorted(expand_glob(str(root), Path(pattern).parts, skipped)):
        if os.path.isdir(name) or (wanted is not None and not wanted(name)):
            continue
        problem = _problem(name)
        if problem is None:
            matched.append(name)
        else:
            skipped.append(Skipped(name, problem))
    if not matched and not skipped:
        raise DiscoveryError(f"{arg}: no file matches this pattern")
    return matched


def expand_glob(root: str, parts: tuple[str, ...], skipped: list[Skipped]) -> set[str]:
    """The paths under `root` that match the glob `parts` with pathlib's rules (`*`, `?` and `[...]`
    within a name, dot files included, `**` for any number of folders without following links to
    folders), named as pathlib names them. pathlib's own glob passes over a folder it cannot read in
    silence; here each one is added to `skipped`, as the folder walk does. Iterative: depth costs no
    recursion."""
    found: set[str] = set()
    if not parts:
        return found
    prefix = "" if root == "." else root
    todo = [(prefix, 0)]
    seen: set[tuple[str, int]] = set()
    while todo:
        folder, i = todo.pop()
        if (folder, i) in seen:  # "**/**" and the like reach one folder by several routes
            continue
        seen.add((folder, i))
        part, last = parts[i], i == len(parts) - 1
        if part == "**":
            if last:
                found.add(folder or ".")  # pathlib names the folders too (the caller leaves them out)
            else:
                todo.append((folder, i + 1))  # none of the folders
            todo.extend((path, i) for path, is_dir in _entries(folder or ".", prefix=folder, skipped=skipped,
                                                               follow=False) if is_dir)
        elif not any(c in part for c in "*?["):
            path = os.path.join(folder, part)
            try:
                # The last part names an entry (a dangling link or a loop is reported by the
                # caller); a part before it must be a folder to descend into.
                mode = os.lstat(path).st_mode if last else os.stat(path).st_mode
            except (FileNotFoundError, NotADirectoryError):
                continue
            except OSError as exc:  # a folder without search permission, a loop on the way
                if Skipped(folder or ".", _os_reason(exc)) not in skipped:  # said once, for the folder
                    skipped.append(Skipped(path, _os_reason(exc)))
                continue
            if last:
                found.add(path)
            elif stat.S_ISDIR(mode):
                todo.append((path, i + 1))
        else:
            for path, is_dir in _entries(folder or ".", prefix=folder, skipped=skipped, follow=True,
                                         pattern=part, files=last):
                if last:
                    found.add(path)
                elif is_dir:
                    todo.append((path, i + 1))
    return found


def _entries(folder: str, prefix: str, skipped: list[Skipped], follow: bool, pattern: str | None = None,
             files: bool = False) -> list[tuple[str, bool]]:
    """(path, is a folder) of the entries of `folder` whose names match `pattern` (every entry when
    None); a folder that cannot be listed is added to `skipped`. `files`: whether the folder test
    may be left out (the last part of a glob matches files and folders alike)."""
    from fnmatch import fnmatchcase

    try:
        with os.scandir(folder) as it:
            entries = list(it)
    except OSError as exc:
        skipped.append(Skipped(prefix or ".", _os_reason(exc)))
        return []
    out = []
    for entry in entries:
        if pattern is not None and not fnmatchcase(entry.name, pattern):
            continue
        is_dir = False
        if not files:
            try:
                is_dir = entry.is_dir(follow_symlinks=follow)
            except OSError:
                pass  # a link loop or a vanished entry is no folder to descend into (as in pathlib)
        out.append((os.path.join(prefix, entry.name), is_dir))
    return out
