"""The knowledge base: who held which office when, with sources."""

from __future__ import annotations

from pathlib import Path

from factcheck.kb.model import KnowledgeBase


def open_kb(extra: tuple[Path, ...] = ()) -> KnowledgeBase:
    """The shipped knowledge base, extended by `extra` folders of the same layout (compiled cache)."""
    from factcheck.kb.cache import cached_kb
    from factcheck.paths import kb_dir

    return cached_kb(kb_dir(), *extra)
