"""Accuracy on real news: false positives on clean text, recall on deterministic mutations.

Reads the dev corpora in ../shared/corpora/dev (or --corpora PATH); skips with a message when absent.

* Clean text: every finding on professionally edited news is counted as a false positive
  (findings per 100 documents, per rule), and listed with --list.
* Mutations, generated from a fixed seed, each knowing the line and the rule that must fire:
    holder-swap   a correctly titled office holder replaced by another holder of the same office
                  whose term is at least a year away from the document date        -> role-tenure
    weekday       a weekday next to a full date shifted by one to three days         -> weekday-mismatch
    range         a day range reversed ("23 to 26" -> "26 to 23")                     -> date-range-order
    tense         "was"/"were" before a past full date turned into "will be"         -> tense-date-conflict
    attribution   two appended sentences crediting one invitation of a person the story names
                  to two different people of the knowledge base                     -> event-attribution
* Undated: the stories that have a date are scanned once more without it, as a user without --date
  would (the document date then comes from a dateline with its year, or from the tenses), and
  their findings counted the same way.
* Prints one table (rule, documents, clean findings, mutations, caught, recall, precision) and
  writes it as JSON (--json PATH) for comparison between versions.

Usage: python bench/accuracy.py [--limit N] [--seed S] [--list] [--json bench/results/accuracy.json]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Iterator

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpora  # noqa: E402

from factcheck.dates import Interval  # noqa: E402
from factcheck.document import from_text  # noqa: E402
from factcheck.engine import Engine  # noqa: E402
from factcheck.findings import Result  # noqa: E402
from factcheck.temporal import WEEKDAYS  # noqa: E402

RULE_OF = {
    "holder-swap": "FC101",
    "weekday": "FC104",
    "range": "FC105",
    "tense": "FC106",
    "attribution": "FC103",
}


@dataclass(frozen=True)
class Mutation:
    kind: str
    doc_id: str
    day: date | None
    text: str
    offset: int  # where the change starts, in the mutated text
    note: str


def documents(root: Path, limit: int | None) -> Iterator[tuple[str, date | None, str]]:
    yield from corpora.reuters(root / "reuters21578", limit=limit)
    yield from corpora.bbc(root / "bbc-politics", limit=limit)


def mutations(engine: Engine, result: Result, day: date | None, rng: random.Random) -> Iterator[Mutation]:
    """Every mutation this clean document allows (at most one of each kind)."""
    facts, text, kb = result.facts, result.document.text, engine.extractor.kb
    doc_id = result.document.path
    dd = facts.document_date.value
    # holder swap: a correct unmodified title for a known person at the document date
    if dd is not None and dd.grain == "day":
        for claim in facts.roles:
            office = claim.office
            if office is None or claim.modifiers or claim.quoted or len(claim.person.candidates) != 1 or claim.person.via != "full-name":
                continue
            if kb.held(claim.person.candidates[0], office, dd) != "yes":
                continue
            far = sorted({
                t.person for t in kb.terms_in(office)
                if t.person != claim.person.candidates[0] and t.person in kb.people and not t.acting
                and kb.held(t.person, office, Interval(date(dd.start.year - 1, 1, 1), date(dd.start.year + 2, 1, 1))) == "no"
            })
            if not far:
                continue
            other = kb.people[rng.choice(far)].name
            s, e = claim.person.span.start, claim.person.span.end
            yield Mutation("holder-swap", doc_id, day, text[:s] + other + text[e:], s, f"{claim.person.text} -> {other}")
            break
    for t in facts.times:
        if t.weekday and t.anchor == "explicit" and t.weekday_span is not None:
            shift = rng.choice((1, 2, 3))
            wrong = WEEKDAYS[(WEEKDAYS.index(t.weekday) + shift) % 7]
            s, e = t.weekday_span.start, t.weekday_span.end
            yield Mutation("weekday", doc_id, day, text[:s] + wrong + text[e:], s, f"{t.weekday} -> {wrong}")
            break
        if t.weekday is None and t.kind == "md" and t.anchor == "explicit" and t.value.grain == "day":
            # Few stories write the weekday; give a full date a wrong one ("Monday, March 3, 1987").
            wrong = WEEKDAYS[(t.value.start.weekday() + rng.choice((1, 2, 3))) % 7]
            s = t.span.start
            yield Mutation("weekday", doc_id, day, text[:s] + f"{wrong}, " + text[s:], s, f"{wrong} added before {t.text}")
            break
    for t in facts.times:
        m = re.search(r"(\d{1,2})(\s*(?:-|\u2013|to|through)\s*)(\d{1,2})", t.text)
        if t.kind in ("md-range", "dm-range") and m and int(m.group(1)) < int(m.group(3)):
            s = t.span.start + m.start()
            new = m.group(3) + m.group(2) + m.group(1)
            yield Mutation("range", doc_id, day, text[:s] + new + text[t.span.start + m.end():], s, f"{m.group()} -> {new}")
            break
    if dd is not None and dd.grain == "day":
        for t in facts.times:
            if t.anchor != "explicit" or t.value.grain != "day" or t.value.end > dd.start:
                continue
            before = text[max(0, t.span.start - 30) : t.span.start]
            m = re.search(r"\b(?:(was|were)\s+)?([a-z]+ed)\s+(on\s+)$", before)
            if m:
                s = t.span.start - len(before) + m.start()
                verb = m.group(2)
                new = f"will be {verb} {m.group(3)}"
                yield Mutation("tense", doc_id, day, text[:s] + new + text[t.span.start:], s, f"{m.group().strip()} -> will be {verb}")
                break
    # attribution: real stories rarely report invitations, so two sentences are appended that credit
    # one invitation of a person the story names to two different people the knowledge base knows.
    guests = [c for c in facts.roles if len(c.person.candidates) == 1 and c.person.via == "full-name"]
    if guests:
        guest = kb.people[guests[0].person.candidates[0]].name
        hosts = sorted(p.name for p in kb.people.values() if p.name != guest and len(p.name.split()) == 2)
        first, second = rng.sample(hosts, 2)
        addition = (f"\n\n{first} has invited {guest} to the United States. "
                    f"{guest} will visit the United States following an invitation from {second}.\n")
        yield Mutation("attribution", doc_id, day, text + addition, len(text) + len(addition) - 2, f"{first} / {second} for {guest}")


def _hit(result: Result, mutation: Mutation) -> bool:
    want = RULE_OF[mutation.kind]
    line, _ = result.document.position(mutation.offset)
    return any(
        f.code == want and abs(result.document.position(f.span.start)[0] - line) <= 1 for f in result.findings
    )


def run(root: Path, limit: int | None, seed: int, listing: list[str] | None) -> dict:
    engine = Engine.default()
    rng = random.Random(seed)
    docs = 0
    clean: Counter[str] = Counter()
    clean_errors = 0
    muts: Counter[str] = Counter()
    caught: Counter[str] = Counter()
    extra_fp: Counter[str] = Counter()
    undated = undated_findings = 0
    for doc_id, day, text in documents(root, limit):
        docs += 1
        if day is not None:
            # The same story as a user without --date would scan it: dateline and tenses only.
            undated += 1
            for f in engine.run(from_text(doc_id, text, None)).findings:
                undated_findings += 1
                if listing is not None:
                    listing.append(f"UNDATED {doc_id} {f.code} {f.severity} [{text[f.span.start:f.span.end]}] {f.message}")
        result = engine.run(from_text(doc_id, text, day))
        baseline = {(f.code, f.span) for f in result.findings}
        for f in result.findings:
            clean[f.code] += 1
            clean_errors += f.severity == "error"
            if listing is not None:
                line, _ = result.document.position(f.span.start)
                listing.append(f"CLEAN {doc_id}:{line} {f.code} {f.severity} [{text[f.span.start:f.span.end]}] {f.message}")
        for mutation in mutations(engine, result, day, rng):
            muts[mutation.kind] += 1
            mutated = engine.run(from_text(doc_id, mutation.text, day))
            if _hit(mutated, mutation):
                caught[mutation.kind] += 1
            elif listing is not None:
                listing.append(f"MISSED {mutation.kind} {doc_id}: {mutation.note}")
            want = RULE_OF[mutation.kind]
            line, _ = mutated.document.position(mutation.offset)
            for f in mutated.findings:
                on_target = f.code == want and abs(mutated.document.position(f.span.start)[0] - line) <= 1
                if not on_target and (f.code, f.span) not in baseline and f.span.start < mutation.offset:
                    extra_fp[f.code] += 1
    rows = []
    for kind, code in RULE_OF.items():
        rows.append({
            "rule": code, "mutation": kind, "documents": docs, "clean_findings": clean[code],
            "clean_per_100": round(100 * clean[code] / max(docs, 1), 2),
            "mutations": muts[kind], "caught": caught[kind],
            "recall": round(caught[kind] / muts[kind], 3) if muts[kind] else None,
        })
    tp = sum(caught.values())
    fp = sum(clean.values()) + sum(extra_fp.values())
    return {
        "documents": docs,
        "clean_findings": sum(clean.values()),
        "clean_findings_per_100": round(100 * sum(clean.values()) / max(docs, 1), 2),
        "clean_errors_per_100": round(100 * clean_errors / max(docs, 1), 2),
        "precision": round(tp / (tp + fp), 3) if tp + fp else None,
        "undated_documents": undated,
        "undated_findings_per_100": round(100 * undated_findings / max(undated, 1), 2),
        "rules": rows,
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpora", type=Path, default=corpora.CORPORA)
    parser.add_argument("--limit", type=int, default=None, help="documents per corpus")
    parser.add_argument("--seed", type=int, default=1987)
    parser.add_argument("--list", action="store_true")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    if not args.corpora.exists():
        print(f"skipped: {args.corpora} is absent")
        return 0
    listing: list[str] | None = [] if args.list else None
    report = run(args.corpora, args.limit, args.seed, listing)
    if listing:
        print("\n".join(listing))
    print(f"{'rule':<7} {'mutation':<12} {'docs':>6} {'clean':>6} {'/100':>6} {'muts':>6} {'caught':>7} {'recall':>7}")
    for r in report["rules"]:
        recall = "-" if r["recall"] is None else f"{r['recall']:.1%}"
        print(f"{r['rule']:<7} {r['mutation']:<12} {r['documents']:>6} {r['clean_findings']:>6} {r['clean_per_100']:>6} "
              f"{r['mutations']:>6} {r['caught']:>7} {recall:>7}")
    print(f"clean findings per 100 documents: {report['clean_findings_per_100']} "
          f"(errors: {report['clean_errors_per_100']}); precision over all findings: {report['precision']}")
    print(f"the {report['undated_documents']} dated stories scanned without their dates: "
          f"{report['undated_findings_per_100']} findings per 100")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
