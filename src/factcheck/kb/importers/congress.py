"""congress-legislators executive.json: US Presidents and Vice Presidents (CC0).

A term's end in the future is a scheduled end, not a fact: it is dropped, and the term is
recorded as confirmed only up to the data's snapshot day.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from factcheck.kb.importers.common import SourceTerm

OFFICES = {"prez": "us.president", "viceprez": "us.vice-president"}


def read(path: Path, snapshot: str) -> Iterator[SourceTerm]:
    people = json.loads(path.read_text(encoding="utf-8"))
    plain = Counter(f"{p['name'].get('first', '')} {p['name']['last']}" for p in people)
    for person in people:
        name = person["name"]
        first, last = name.get("first", ""), name["last"]
        initials = " ".join(f"{m[0]}." for m in name.get("middle", "").split())
        # "George H. W. Bush" and "George W. Bush", not two "George Bush"es: middle initials only
        # where the plain name is shared; the plain form stays an alias that may fit several.
        shared = plain[f"{first} {last}"] > 1
        nick = name.get("nickname")
        full = name.get("official_full") or (f"{nick} {last}" if nick else "") or " ".join(
            p for p in (first, initials if shared else "", last) if p)
        aliases = tuple(sorted(a for a in {f"{first} {last}", f"{nick} {last}" if nick else ""} if a and a != full))
        qid = person.get("id", {}).get("wikidata", "")
        bioguide = person.get("id", {}).get("bioguide", "")
        for term in person.get("terms", []):
            office = OFFICES.get(term.get("type", ""))
            if office is None:
                continue
            end = term.get("end", "")
            scheduled = bool(end) and end > snapshot
            yield SourceTerm(
                person=full,
                office=office,
                start=term.get("start", ""),
                end="" if scheduled else end,
                source=f"congress-legislators:executive.json {qid or person['id'].get('bioguide', full)}",
                qid=qid,
                confirmed_until=snapshot if scheduled else "",
                aliases=aliases,
                key=f"bioguide:{bioguide}" if bioguide else "",
            )
