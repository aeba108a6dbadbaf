"""Where the shipped data lives (installed from a wheel or in a source checkout), and where the
compiled caches go."""

from __future__ import annotations

import os
from pathlib import Path


def rules_dir() -> Path:
    """The shipped `rules/` folder (packaged as factcheck.rules, always a real folder: the wheel is
    installed unzipped). Found through the package itself: importlib.resources would cost a
    pre-commit hook more to import than this look-up is worth."""
    import factcheck.rules

    return Path(os.path.dirname(factcheck.rules.__file__))


def kb_dir() -> Path:
    return rules_dir() / "kb"


def cache_dir() -> Path | None:
    """Where the compiled cache lives: never beside the files being checked. None when there is no
    place for it: no HOME (or one that does not exist) and no XDG_CACHE_HOME or FACTCHECK_CACHE_DIR;
    folders are never created under a missing home."""
    explicit = os.environ.get("FACTCHECK_CACHE_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and os.path.isabs(xdg):  # the XDG rule: a relative path is ignored
        return Path(xdg) / "factcheck"
    home = os.environ.get("HOME")
    if not home or not os.path.isabs(home) or not os.path.isdir(home):
        return None
    return Path(home) / ".cache" / "factcheck"


MAX_DATA_ENTRIES = 5000  # files and folders under one data folder; rules/ itself holds about a hundred


def files_under(root: Path, suffixes: tuple[str, ...]) -> list[str]:
    """Files with these suffixes anywhere under `root`, sorted. This runs on every scan (to key the
    compiled cache), so a data folder that is really a system folder (kb-dirs = ["/usr"]) is
    refused after MAX_DATA_ENTRIES entries instead of being walked whole each time. Iterative, and
    links to folders are not followed: depth and link loops cost nothing."""
    from factcheck.errors import DataError

    found: list[str] = []
    stack = [str(root)]
    seen = 0
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as entries:
                for entry in entries:
                    seen += 1
                    if seen > MAX_DATA_ENTRIES:
                        raise DataError(f"{root}: more than {MAX_DATA_ENTRIES:,} files and folders; kb-dirs and "
                                        "rule-dirs must name folders of data files, not a whole tree")
                    if entry.is_dir(follow_symlinks=False):
                        if entry.name != "__pycache__":
                            stack.append(entry.path)
                    elif entry.name.endswith(suffixes):
                        found.append(entry.path)
        except OSError as exc:
            raise DataError(f"{folder}: cannot read ({exc.strerror or exc})") from None
    return sorted(found)  # strings: a Path each cost more than the look-up
