"""Readers for the research corpora in ../shared/corpora (measurement only; never committed).

Each reader yields (id, document date or None, text). Callers skip when the folder is absent.
"""

from __future__ import annotations

import html
import re
from datetime import date, datetime
from pathlib import Path
from typing import Iterator

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
CORPORA = SHARED / "corpora" / "dev"

_STORY = re.compile(r"<REUTERS[^>]*NEWID=\"(\d+)\"[^>]*>(.*?)</REUTERS>", re.S)
_DATE = re.compile(r"<DATE>\s*(\d+-[A-Z]{3}-\d{4})")
_PART = re.compile(r"<(TITLE|DATELINE|BODY)>(.*?)</\1>", re.S)


def reuters(root: Path = CORPORA / "reuters21578", limit: int | None = None) -> Iterator[tuple[str, date | None, str]]:
    n = 0
    for path in sorted(root.glob("reut2-*.sgm")):
        raw = path.read_bytes().decode("latin-1")
        for m in _STORY.finditer(raw):
            body = m.group(2)
            d = _DATE.search(body)
            day = datetime.strptime(d.group(1).title(), "%d-%b-%Y").date() if d else None
            parts = {k: html.unescape(v).replace("\x03", "").strip() for k, v in _PART.findall(body)}
            if not parts.get("BODY"):
                continue
            text = "\n\n".join(p for p in (parts.get("TITLE", ""), parts.get("DATELINE", "") + parts["BODY"]) if p)
            yield f"reuters/{m.group(1)}", day, text
            n += 1
            if limit is not None and n >= limit:
                return


def bbc(root: Path = CORPORA / "bbc-politics", limit: int | None = None) -> Iterator[tuple[str, date | None, str]]:
    for n, path in enumerate(sorted(root.glob("*.txt"))):
        if limit is not None and n >= limit:
            return
        yield f"bbc/{path.name}", None, path.read_text(encoding="utf-8", errors="replace")
