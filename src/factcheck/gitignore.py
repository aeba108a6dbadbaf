""".gitignore rules for files found in folders, read as data: no git process is started, so nothing
a scanned repository configures (core.fsmonitor, hooks, filters) can run.

The rules are git's (pathspec's GitIgnoreSpec follows them): each .gitignore applies below its own
folder, a deeper one wins over a shallower one, the last matching line of a file wins, and a file in
an ignored folder stays ignored whatever its own patterns say. `.git/info/exclude` applies too, with
the lowest priority. Not read: the user's global excludes file (core.excludesFile) and git's index,
so a tracked file that matches a pattern is left out like an untracked one.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from factcheck.document import InputError, read_regular

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec

_MAX_IGNORE_FILE = 1_000_000  # bytes; a larger .gitignore is not one


class GitIgnore:
    """Answers "does git ignore this file?" for absolute paths, reading each .gitignore once."""

    def __init__(self) -> None:
        self._roots: dict[str, str | None] = {}
        self._specs: dict[str, GitIgnoreSpec | None] = {}
        self._folders: dict[tuple[str, tuple[str, ...]], bool] = {}
        ceilings = os.environ.get("GIT_CEILING_DIRECTORIES", "")
        self._ceilings = {os.path.realpath(c) for c in ceilings.split(os.pathsep) if c}

    def ignored(self, path: str) -> bool:
        """Whether `path` (absolute, symbolic links resolved) is ignored in its work tree; False
        outside any work tree."""
        folder = os.path.dirname(path)
        root = self._root(folder)
        if root is None:
            return False
        parts = tuple(os.path.relpath(path, root).split(os.sep))
        if parts[0] == os.pardir or parts[0] == ".git":
            return False
        return any(self._folder_ignored(root, parts[:n]) for n in range(1, len(parts))) or \
            self._matches(root, parts, folder=False)

    def _folder_ignored(self, root: str, parts: tuple[str, ...]) -> bool:
        key = (root, parts)
        if key not in self._folders:
            self._folders[key] = self._matches(root, parts, folder=True)
        return self._folders[key]

    def _matches(self, root: str, parts: tuple[str, ...], folder: bool) -> bool:
        """The verdict of the rules in force for one entry: the last matching pattern, deeper files winning."""
        suffix = "/" if folder else ""
        levels = [(os.path.join(root, ".git", "info", "exclude"), parts)]
        levels += [(os.path.join(root, *parts[:depth], ".gitignore"), parts[depth:]) for depth in range(len(parts))]
        verdict: bool | None = None
        for file, rel in levels:
            spec = self._spec(file)
            if spec is not None:
                found = spec.check_file("/".join(rel) + suffix).include
                if found is not None:
                    verdict = found
        return bool(verdict)

    def _spec(self, file: str) -> GitIgnoreSpec | None:
        if file not in self._specs:
            spec = None
            if os.path.isfile(file):
                from pathspec import GitIgnoreSpec  # only when a .gitignore exists: 10 ms at start-up

                try:
                    text = read_regular(file, _MAX_IGNORE_FILE).decode("utf-8", errors="replace")
                    spec = GitIgnoreSpec.from_lines(text.splitlines())
                except (InputError, ValueError):
                    spec = None  # an unreadable or malformed .gitignore ignores nothing
            self._specs[file] = spec
        return self._specs[file]

    def _root(self, folder: str) -> str | None:
        """The nearest folder at or above `folder` holding a .git (folder or file), below any ceiling."""
        chain = []
        current = folder
        found: str | None = None
        while True:
            if current in self._roots:
                found = self._roots[current]
                break
            chain.append(current)
            if os.path.exists(os.path.join(current, ".git")):
                found = current
                break
            parent = os.path.dirname(current)
            if parent == current or parent in self._ceilings:
                break
            current = parent
        for c in chain:
            self._roots[c] = found
        return found
