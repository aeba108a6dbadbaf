"""Draft annotations of the real-news development set, for a person to review (see docs/annotation-guide.md).

Finds candidate title-name mentions with the text-level patterns (the knowledge base's titles plus the
generic titles below) and with factcheck's own extractor, and proposes for each an office and a verdict
at the document date from the knowledge base and the curated 2022-2026 files. The proposal is only a
starting point: every line of bench/annotations/real-news.jsonl was reviewed by hand afterwards.

Usage: python bench/realnews_draft.py > /tmp/draft.jsonl
"""

from __future__ import annotations

import csv
import hashlib
import json
import sys
import unicodedata
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import textpatterns
from corpora import CORPORA, SHARED
from factcheck.dates import Interval, parse_day
from factcheck.document import from_text
from factcheck.engine import Engine
from factcheck.kb.model import normalize_title

REAL_NEWS = CORPORA / "real-news"
CURATED = SHARED / "data" / "kb-sources" / "curated-2022-2026"

# Titles writers use that the knowledge base may not list yet (candidates only; reviewed by hand).
GENERIC_TITLES = (
    "Prime Minister", "President", "Vice President", "King", "Queen", "Crown Prince", "Emperor", "Chancellor",
    "Foreign Minister", "Finance Minister", "Defence Minister", "Defense Minister", "Interior Minister",
    "Home Minister", "Economy Minister", "Trade Minister", "Minister of Foreign Affairs", "Minister of Finance",
    "Minister of Defence", "Minister of External Affairs", "External Affairs Minister", "Foreign Secretary",
    "Secretary of State", "Secretary-General", "Secretary General", "Director-General", "Director General",
    "Managing Director", "Governor", "Central Bank Governor", "Fed Chair", "Fed Chairman", "Speaker", "Senator",
    "Sen.", "Rep.", "Supreme Leader", "Premier", "Chief Minister", "Commission President", "Deputy Prime Minister",
    "Treasurer", "Chief Cabinet Secretary", "Army chief", "Ambassador", "Attorney-General", "Attorney General",
)

# Words of a title or an office name, reduced to one family each, to compare a title with a curated office.
_FAMILIES = (
    ("vice", ("vice president", "vice-president")),
    ("deputy", ("deputy",)),
    ("central-bank", ("central bank", "bank of", "federal reserve", "fed chair", "bundesbank", "banco")),
    ("foreign", ("foreign", "external affairs", "secretary of state")),
    ("finance", ("finance", "treasury", "treasurer", "exchequer", "economy")),
    ("defence", ("defence", "defense", "armed forces")),
    ("home", ("home", "interior")),
    ("head-of-government", ("prime minister", "premier", "chancellor", "chief adviser")),
    ("head-of-state", ("president", "king", "emperor", "monarch", "supreme leader", "queen")),
    ("secretary-general", ("secretary-general", "secretary general", "director-general", "managing director")),
)


def family(title: str) -> str:
    low = title.lower()
    for name, words in _FAMILIES:
        if any(w in low for w in words):
            return name
    return low


def plain(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace(".", "").casefold().strip()


def curated_rows() -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for path in sorted(CURATED.glob("terms*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            rows.extend(dict(r, file=path.name) for r in csv.DictReader(fh))
    return rows


def _day(text: str, last: bool) -> date | None:
    if not text:
        return None
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 1:
        return date(parts[0], 12 if last else 1, 31 if last else 1)
    if len(parts) == 2:
        return date(parts[0], parts[1], 28 if last else 1)
    return date(*parts)


def curated_verdict(rows: list[dict[str, str]], name: str, title: str, day: date) -> tuple[str, str, str]:
    """(verdict, office, basis) from the curated files: right, wrong or unsure."""
    key = plain(name)
    fam = family(title)
    mine = [r for r in rows if family(r["office"]) == fam and (plain(r["person"]) == key or
            (len(key.split()) == 1 and plain(r["person"]).split()[-1] == key))]
    if not mine:
        return "unsure", "", "person not in the curated files under this title"
    office = f"{mine[0]['jurisdiction']}: {mine[0]['office']}"
    for r in mine:
        start, end = _day(r["start"], False), _day(r["end"] or r["confirmed_until"], True)
        if start and start <= day and (end is None or day <= end):
            return "right", office, f"curated {r['file']} {r['person']} {r['start']}..{r['end'] or 'open'}"
    others = [r for r in rows if r["jurisdiction"] == mine[0]["jurisdiction"] and r["office"] == mine[0]["office"]
              and r["person"] != mine[0]["person"] and _day(r["start"], False) is not None
              and _day(r["start"], False) <= day and (not (r["end"] or r["confirmed_until"]) or day <= _day(r["end"] or r["confirmed_until"], True))]  # type: ignore[operator]
    if others and all(_day(r["end"], True) is not None and _day(r["end"], True) < day or _day(r["start"], False) > day for r in mine):  # type: ignore[operator]
        return "wrong", office, f"curated: {others[0]['person']} held it then"
    return "unsure", office, "curated terms do not settle the date"


def main() -> int:
    engine = Engine.default()
    kb = engine.extractor.kb
    titles = {t.text for o in kb.offices.values() for t in o.titles} | set(GENERIC_TITLES)
    cues = frozenset(normalize_title(c) for j in kb.jurisdictions.values() for c in j.cues)
    patterns = textpatterns.compile_title_names(titles, cues)
    rows = curated_rows()
    with (REAL_NEWS / "dates.csv").open(encoding="utf-8", newline="") as fh:
        docs = list(csv.DictReader(fh))
    for d in docs:
        text = (REAL_NEWS / d["file"]).read_text(encoding="utf-8")
        day = parse_day(d["date"])
        result = engine.run(from_text(d["file"], text, day))
        found = textpatterns.find_title_names(text, patterns, cues)
        items = [(f.start, f.end, f.title, f.name, f.modifier) for f in found]
        for c in result.facts.roles:
            if not any(s < c.span.end and c.span.start < e for s, e, *_ in items):
                items.append((c.span.start, c.span.end, c.title, c.person.text, ",".join(c.modifiers) or None))
        for s, e, title, name, modifier in sorted(items):
            claim = next((c for c in result.facts.roles if c.span.start < e and s < c.span.end), None)
            office, verdict, basis = "", "unsure", ""
            if claim is not None and claim.office and len(claim.person.candidates) == 1:
                held = kb.held(claim.person.candidates[0], claim.office, Interval(day, day))
                office, basis = claim.office, "kb"
                verdict = {"yes": "right", "no": "wrong"}.get(held, "unsure")
            if verdict == "unsure":
                verdict, cur_office, basis = curated_verdict(rows, name, title, day)
                office = office or cur_office
            print(json.dumps({
                "doc": d["file"], "date": d["date"], "kind": "role", "start": s, "end": e,
                "sha1": hashlib.sha1(text[s:e].encode()).hexdigest()[:10], "title": title, "person": name,
                "modifier": modifier, "office": office, "verdict": verdict, "basis": basis,
            }, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
