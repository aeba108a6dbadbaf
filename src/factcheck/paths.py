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


def files_under(root: Path, suffixes: tuple[str, ...]) -> list[str]:
    """Files with these suffixes anywhere under `root`, sorted (os.walk: pathlib's rglob is several
    times slower, and this runs on every scan to key the compiled cache)."""
    found: list[str] = []
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = [d for d in subfolders if d != "__pycache__"]
        found.extend(os.path.join(folder, name) for name in names if name.endswith(suffixes))
    return sorted(found)  # strings: a Path each cost more than the look-up
