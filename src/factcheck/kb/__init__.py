"""The knowledge base: who held which office when, with sources."""

from __future__ import annotations

from pathlib import Path

from factcheck.kb.model import KnowledgeBase


def open_kb(extra: tuple[Path, ...] = ()) -> KnowledgeBase:
    """The shipped knowledge base, extended by `extra` folders of the same layout, read from the
    data files (factcheck.compiled.load_compiled_kb reads it from the compiled cache)."""
    from factcheck.kb.load import load_kb
    from factcheck.paths import kb_dir

    return load_kb(kb_dir(), *extra)
