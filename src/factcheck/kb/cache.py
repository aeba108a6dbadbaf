"""The knowledge base from the compiled cache (see factcheck.cache): parsing the CSV/TOML files
and building the indexes costs far more than unpickling the result.

The key covers every data file `load_kb` reads and the code that turns them into a
KnowledgeBase, so an edited file or a changed class rebuilds the cache transparently; an
unreadable cache is rebuilt, and one that cannot be written only costs speed (both handled by
`load_cached`). The cache lives in the user's cache folder, never beside the data.
"""

from __future__ import annotations

from pathlib import Path

from factcheck.kb.load import data_files, load_kb
from factcheck.kb.model import KnowledgeBase

# The modules whose code shapes the pickled object: a change to any of them must miss the cache.
_CODE = ("dates.py", "kb/model.py", "kb/compact.py", "kb/load.py")


def cache_files(roots: tuple[Path, ...]) -> list[Path]:
    """The files whose bytes key the cache: the data of every root, then the building code."""
    package = Path(__file__).resolve().parent.parent
    return data_files(*roots) + [package / rel for rel in _CODE]


def cached_kb(*roots: Path, folder: Path | None = None) -> KnowledgeBase:
    """load_kb(*roots), from the cache when no data file (nor the code) changed."""
    from factcheck.cache import load_cached

    return load_cached("kb", cache_files(roots), lambda: load_kb(*roots), KnowledgeBase, folder)
