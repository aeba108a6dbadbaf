"""A compiled cache: the engine built from rules/ (knowledge base, lexicon, rule pack), pickled.

Keyed by the size and modification time of every data file and of the code that builds it (as
Python keys its own bytecode cache), so an edited file rebuilds it transparently: reading and
hashing every file cost a pre-commit hook more than loading the cache did. A cache that cannot be
read (corrupt, truncated, from another version) is ignored and rebuilt, never trusted; a cache that
cannot be written costs nothing but speed. It lives in the user's cache folder, never beside the
files being checked.
"""

from __future__ import annotations

import os
import pickle
import sys
from pathlib import Path
from typing import Callable, Sequence, TypeVar

from factcheck import __version__
from factcheck.paths import cache_dir

T = TypeVar("T")


def content_key(files: Sequence[str | Path]) -> str:
    """A key that changes when any file is edited, added, removed or renamed."""
    # The Python version too: pickle and marshal formats may change between versions.
    parts = [f"{__version__} {sys.version}"]
    for path in files:
        st = os.stat(path)
        parts.append(f"{path}\0{st.st_size}\0{st.st_mtime_ns}")
    return "\n".join(parts)


def load_cached(name: str, files: Sequence[str | Path], build: Callable[[], T], kind: type, folder: Path | None = None) -> T:
    """The object `build` makes from `files`, from the cache when the files are unchanged."""
    if os.environ.get("FACTCHECK_NO_CACHE"):
        return build()
    import zlib

    folder = folder or cache_dir()
    key = content_key(files)
    # Named by the set of files, so an edit replaces the cache instead of adding one; the key
    # stored inside must match.
    path = folder / f"{name}-{zlib.crc32(chr(0).join(map(str, files)).encode()):08x}.pickle"
    try:
        with path.open("rb") as fh:
            stored, value = pickle.load(fh)
        if stored == key and isinstance(value, kind):
            return value
    except Exception:  # noqa: BLE001 - any unreadable cache is rebuilt, never trusted
        pass
    value = build()
    try:
        import tempfile  # only when the cache is written

        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=folder, delete=False, suffix=".tmp") as fh:
            pickle.dump((key, value), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(fh.name, path)
    except OSError:
        pass
    return value
