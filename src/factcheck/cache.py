"""A compiled cache: the engine built from rules/ (knowledge base, lexicon, rule pack), pickled.

Keyed by the content hash of every data file and of the code that builds it, so an edited
file rebuilds it transparently. A cache that cannot be read (corrupt, truncated, from another
version) is ignored and rebuilt, never trusted; a cache that cannot be written costs nothing
but speed. It lives in the user's cache folder, never beside the files being checked.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from pathlib import Path
from typing import Callable, TypeVar

from factcheck import __version__

T = TypeVar("T")


def cache_dir() -> Path:
    explicit = os.environ.get("FACTCHECK_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "factcheck"


def content_key(files: list[Path]) -> str:
    # The Python version too: pickle and marshal formats may change between versions.
    digest = hashlib.sha256(f"{__version__} {sys.version}".encode())
    for path in files:
        digest.update(str(path.name).encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:32]


def load_cached(name: str, files: list[Path], build: Callable[[], T], kind: type, folder: Path | None = None) -> T:
    """The object `build` makes from `files`, from the cache when the files are unchanged."""
    if os.environ.get("FACTCHECK_NO_CACHE"):
        return build()
    folder = folder or cache_dir()
    path = folder / f"{name}-{content_key(files)}.pickle"
    try:
        with path.open("rb") as fh:
            value = pickle.load(fh)
        if isinstance(value, kind):
            return value
    except Exception:  # noqa: BLE001 - any unreadable cache is rebuilt, never trusted
        pass
    value = build()
    try:
        import tempfile  # only when the cache is written

        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=folder, delete=False, suffix=".tmp") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(fh.name, path)
    except OSError:
        pass
    return value
