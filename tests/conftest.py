from __future__ import annotations

import functools
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"


@functools.lru_cache(maxsize=1)
def _engine():
    import factcheck

    return factcheck.load_engine()


@pytest.fixture(scope="session")
def engine():
    return _engine()


def fixture_texts(lines: bool = False) -> list[str]:
    """Every fixture article's text (not the golden files); with `lines`, each of its lines as well. The
    tests that hold a word look-up to the pattern it replaced run over them."""
    texts: list[str] = []
    for p in sorted(FIXTURES.glob("*.*")):
        if p.suffix != ".expected":
            text = p.read_text(encoding="utf-8")
            texts += [text, *text.splitlines()] if lines else [text]
    return texts


def scan_text(text: str, date: str | None = None, markdown: bool = False):
    """Run the whole pipeline on a string (the way the CLI would on a file)."""
    import factcheck

    return factcheck.check_text(text, date, "<test>", engine=_engine(), markdown=markdown)
