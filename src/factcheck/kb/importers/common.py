"""What every importer returns: source rows in the project's terms, before person ids are assigned."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class SourceTerm:
    """One term as a source states it. `person` is a display name; `qid` a Wikidata id when known."""

    person: str
    office: str
    start: str  # YYYY, YYYY-MM or YYYY-MM-DD, or "" when unknown
    end: str
    source: str
    qid: str = ""
    acting: bool = False
    confirmed_until: str = ""  # open term: in office on this day, unknown after
    aliases: tuple[str, ...] = ()
    note: str = ""
    key: str = ""  # the source's own id for the person ("ifg:<uuid>"), used to keep name versions together


def slug(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
