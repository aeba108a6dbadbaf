from __future__ import annotations

import functools
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"


@functools.lru_cache(maxsize=1)
def _engine():
    from factcheck.engine import Engine

    return Engine.default()


@pytest.fixture(scope="session")
def engine():
    return _engine()


def scan_text(text: str, date: str | None = None, markdown: bool = False):
    """Run the whole pipeline on a string (the way the CLI would on a file)."""
    from factcheck.dates import parse_day
    from factcheck.document import from_text

    doc = from_text("<test>", text, parse_day(date) if date else None, markdown=markdown)
    return _engine().run(doc)
