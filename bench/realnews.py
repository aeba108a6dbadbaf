"""The real-news development set: 86 dated excerpts of 2023-2026 news pages, annotated by hand.

The texts stay in ../shared/corpora/dev/real-news (never committed); the annotations are
bench/annotations/real-news.jsonl (offsets into those texts, with a hash of each span so a changed
text is noticed). docs/annotation-guide.md says what was annotated and how.

Figures (all on development data: the set is used to find and fix faults, so they flatter):
* findings per 100 documents, per rule, with each finding classed against the annotations;
* role mentions: how many the knowledge base covers (office and person), how many the checker can
  check (it bound the title to the person, resolved the office, and the knowledge base answers for
  the date), stale-title recall (mentions annotated wrong that FC101 reports), and FC101 findings
  on mentions annotated right (false alarms);
* recognised: of the role mentions the knowledge base covers, the share where the extractor bound the
  title to the person (a claim over the annotated span with the annotated office and that person as
  its one candidate; a quoted claim counts, quotation only stops the check); misses are listed;
* event pairs: how many are found (both annotated spans lie in an extracted event whose guest and host
  are the annotated ones; a miss is listed with what was extracted there), and FC103 findings on
  pairs annotated as no contradiction;
* weekdays the annotation marks wrong, and how many FC104 reports.

Usage: python bench/realnews.py [--list]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import CORPORA
from factcheck.dates import Interval, parse_day
from factcheck.document import from_text
from factcheck.engine import Engine
from factcheck.facts import EventClaim, PersonMention
from factcheck.findings import Result
from factcheck.kb.model import KnowledgeBase

ROOT = CORPORA / "real-news"
ANNOTATIONS = Path(__file__).resolve().parent / "annotations" / "real-news.jsonl"
# The guide asks for the knowledge base's office id where one exists, else a descriptive id; when the
# knowledge base later gains the office under another id, this table (one row per id, with why) says
# so, and the hand-made annotations stay as they were written.
OFFICE_IDS = Path(__file__).resolve().parent / "annotations" / "office-ids.csv"


def load_annotations(path: Path = ANNOTATIONS, office_ids: Path = OFFICE_IDS) -> list[dict[str, Any]]:
    notes = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    with office_ids.open(encoding="utf-8", newline="") as fh:
        renamed = {r["annotation_office"]: r["kb_office"] for r in csv.DictReader(fh)}
    for a in notes:
        if a.get("office") in renamed:
            a["office"] = renamed[a["office"]]
    return notes


def documents(root: Path = ROOT) -> list[tuple[str, str, str]]:
    """(file, date, text) of every excerpt listed in dates.csv."""
    with (root / "dates.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return [(r["file"], r["date"], (root / r["file"]).read_text(encoding="utf-8")) for r in rows]


def _sha(text: str, start: int, end: int) -> str:
    return hashlib.sha1(text[start:end].encode()).hexdigest()[:10]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _fold(name: str) -> str:
    return " ".join(name.casefold().split())


def _is(mention: PersonMention | None, name: str, kb: KnowledgeBase) -> bool:
    """Whether an extracted participant is the annotated person (a knowledge-base person by id, anyone
    else by the full name the text gives)."""
    if mention is None:
        return False
    ids = set(kb.people_named(name))
    if mention.candidates:
        return len(mention.candidates) == 1 and mention.candidates[0] in ids
    return bool(mention.name) and _fold(mention.name) == _fold(name)


def _shown(mention: PersonMention | None, kb: KnowledgeBase) -> str:
    if mention is None:
        return "nobody"
    if len(mention.candidates) == 1 and mention.candidates[0] in kb.people:
        return kb.people[mention.candidates[0]].name
    return mention.name or f"{mention.text} (unresolved)"


def pair_side_missed(result: Result, side: dict[str, Any], guest: str, kb: KnowledgeBase) -> str | None:
    """Why one annotated side of an event pair is not found (None when it is): an event must cover the
    annotated span and name the annotated guest and host."""
    span = (side["start"], side["end"])
    events: list[EventClaim] = [e for e in result.facts.events if _overlaps((e.span.start, e.span.end), span)]
    if not events:
        return "no event extracted there"
    if any(_is(e.patient, guest, kb) and _is(e.agent, side["host"], kb) for e in events):
        return None
    return "; ".join(f"{e.kind} with host {_shown(e.agent, kb)} and guest {_shown(e.patient, kb)}" for e in events)


def evaluate(engine: Engine, root: Path = ROOT, annotations: list[dict[str, Any]] | None = None,
             listing: list[str] | None = None) -> dict[str, Any]:
    notes = load_annotations() if annotations is None else annotations
    kb = engine.extractor.kb
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for a in notes:
        by_doc.setdefault(a["doc"], []).append(a)
    docs = documents(root)
    findings: Counter[str] = Counter()
    roles = [a for a in notes if a["kind"] == "role"]
    stale = [a for a in roles if a["verdict"] == "wrong"]
    weekdays = [a for a in notes if a["kind"] == "weekday"]
    weekdays_caught = stale_any = 0
    stale_caught = right_flagged = right_errors = unannotated_fc101 = covered = checkable = mismatched = 0
    recognised = 0
    pairs = [a for a in notes if a["kind"] == "event-pair"]
    pair_alarms = on_errors = pairs_found = 0
    for name, day_text, text in docs:
        day = parse_day(day_text)
        result = engine.run(from_text(f"real-news/{name}", text, day))
        mine = by_doc.get(name, [])
        for a in mine:
            parts = [a["first"], a["second"]] if a["kind"] == "event-pair" else [a]
            spans = [(p["start"], p["end"]) for p in parts]
            shas = [p["sha1"] for p in parts]
            if any(_sha(text, s, e) != h for (s, e), h in zip(spans, shas)):
                mismatched += 1
        for f in result.findings:
            findings[f.code] += 1
            span = (f.span.start, f.span.end)
            hit = [a for a in mine if a["kind"] == "role" and _overlaps(span, (a["start"], a["end"]))]
            on_errors += any(a["verdict"] == "wrong" and _overlaps(span, (a["start"], a["end"]))
                             for a in mine if a["kind"] in ("role", "weekday"))
            if f.code == "FC101":
                if not hit:
                    unannotated_fc101 += 1
                elif hit[0]["verdict"] == "right":
                    right_flagged += 1
                    right_errors += f.severity.value == "error"
            if f.code == "FC103" and not any(p["conflict"] for p in mine if p["kind"] == "event-pair"):
                pair_alarms += 1  # no annotated contradiction in this document: a false alarm
            if listing is not None:
                verdict = hit[0]["verdict"] if hit else "not annotated"
                listing.append(f"FINDING {name} {f.code} [{text[f.span.start:f.span.end]}] annotated: {verdict}")
        for a in (a for a in mine if a["kind"] == "event-pair"):
            why = [f"{side}: {reason}" for side in ("first", "second")
                   if (reason := pair_side_missed(result, a[side], a["guest"], kb)) is not None]
            pairs_found += not why
            if listing is not None:
                found = "found" if not why else "missed (" + " / ".join(why) + ")"
                listing.append(f"PAIR {name} {a['guest']} ({a['first']['host']} / {a['second']['host']}): {found}")
        for a in (a for a in mine if a["kind"] == "weekday"):
            weekdays_caught += any(f.code == "FC104" and _overlaps((f.span.start, f.span.end), (a["start"], a["end"]))
                                   for f in result.findings)
        for a in (a for a in mine if a["kind"] == "role"):
            person_ids = kb.people_named(a["person"])
            claims = [c for c in result.facts.roles if _overlaps((c.span.start, c.span.end), (a["start"], a["end"]))]
            if a["office"] in kb.offices and person_ids:
                covered += 1
                read = any(c.office == a["office"] and len(c.person.candidates) == 1
                           and c.person.candidates[0] in person_ids for c in claims)
                recognised += read
                if listing is not None and not read:
                    seen = "; ".join(f"{c.office or 'office unresolved'} / {_shown(c.person, kb)}" for c in claims)
                    listing.append(f"UNRECOGNISED {name} [{text[a['start']:a['end']]}] {a['office']} "
                                   f"({seen or 'no claim'})")
            ok = False
            for c in claims:
                if c.office is not None and c.office == a["office"] and len(c.person.candidates) == 1 and c.jurisdiction and not c.quoted:
                    ok = kb.held(c.person.candidates[0], c.office, Interval.day(day)) != "unknown"
            checkable += ok
            if a["verdict"] == "wrong":
                caught = any(f.code == "FC101" and _overlaps((f.span.start, f.span.end), (a["start"], a["end"]))
                             for f in result.findings)
                stale_caught += caught
                stale_any += any(_overlaps((f.span.start, f.span.end), (a["start"], a["end"])) for f in result.findings)
                if listing is not None:
                    listing.append(f"STALE {name} {a['person']} ({a['office']}): {'caught' if caught else 'missed'}")
            elif listing is not None and not ok:
                listing.append(f"UNCHECKED {name} [{text[a['start']:a['end']]}] {a['office']} ({a['verdict']})")
    n = len(docs)
    return {
        "documents": n,
        "annotations_not_matching_text": mismatched,
        "findings_per_100": round(100 * sum(findings.values()) / max(n, 1), 1),
        "findings_by_rule": dict(sorted(findings.items())),
        "findings_on_annotated_errors": on_errors,
        "other_findings": sum(findings.values()) - on_errors,
        "role_mentions": len(roles),
        "role_mentions_right": sum(a["verdict"] == "right" for a in roles),
        "role_mentions_wrong": len(stale),
        "role_mentions_unsure": sum(a["verdict"] == "unsure" for a in roles),
        "kb_covered": covered,
        "kb_covered_share": round(covered / max(len(roles), 1), 3),
        "recognised": recognised,
        "recognised_share": round(recognised / max(covered, 1), 3),
        "checkable": checkable,
        "checkable_share": round(checkable / max(len(roles), 1), 3),
        "stale_title_recall": round(stale_caught / len(stale), 3) if stale else None,
        "stale_titles_caught": stale_caught,
        "stale_titles_flagged_by_any_rule": stale_any,
        "fc101_on_right_mentions": right_flagged,
        "fc101_errors_on_right_mentions": right_errors,
        "fc101_not_on_annotated_mentions": unannotated_fc101,
        "event_pairs": len(pairs),
        "event_pairs_in_conflict": sum(bool(p["conflict"]) for p in pairs),
        "event_pairs_found": pairs_found,
        "event_pairs_found_share": round(pairs_found / len(pairs), 3) if pairs else None,
        "fc103_false_alarms": pair_alarms,
        "wrong_weekdays": len(weekdays),
        "wrong_weekdays_caught": weekdays_caught,
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--list", action="store_true",
                        help="list findings, stale titles, unchecked and unrecognised mentions")
    args = parser.parse_args()
    if not ROOT.exists():
        print(f"skipped: {ROOT} is absent")
        return 0
    listing: list[str] | None = [] if args.list else None
    report = evaluate(Engine.default(), listing=listing)
    if listing:
        print("\n".join(listing))
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
