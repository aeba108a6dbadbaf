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


def cache_dir() -> Path:
    """Where compiled caches live: never beside the files being checked."""
    explicit = os.environ.get("FACTCHECK_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "factcheck"


def files_under(root: Path, suffixes: tuple[str, ...]) -> list[str]:
    """Files with these suffixes anywhere under `root`, sorted (os.walk: pathlib's rglob is several
    times slower, and this runs on every scan to key the compiled cache)."""
    found: list[str] = []
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = [d for d in subfolders if d != "__pycache__"]
        found.extend(os.path.join(folder, name) for name in names if name.endswith(suffixes))
    return sorted(found)  # strings: a Path each cost more than the look-up
