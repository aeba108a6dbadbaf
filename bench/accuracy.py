"""Accuracy figures, with their provenance: one command writes them all to bench/results/accuracy.json.

    python bench/accuracy.py --json            # about 3 minutes on 2 cores; writes bench/results/accuracy.json
    python bench/accuracy.py --json --readme   # ... and copies the figures into README.md's figures section
    python bench/accuracy.py [--list] [--limit N]   # print only (--list: every finding and missed mutation)

Reads the development corpora in ../shared/corpora/dev (skips with a message when absent):

* Clean text: every finding on professionally edited news counts as a false positive (findings per 100
  documents, per rule): Reuters-21578 (1987, with their dates), BBC politics (2004-2005, undated), and
  the real-news set (2023-2026, dated; its findings are also classed against the hand annotations).
* Undated: the dated Reuters stories scanned once more without their dates, as a user without --date would.
* Mutations at the text level (bench/mutations.py), independent of the extractor: generated from a fixed
  seed on Reuters and BBC, and read from bench/annotations/real-news-mutations.jsonl for the real-news
  set (written by --write-specs). A mutation is caught when its rule reports a span within 60
  characters of the change; any other new finding in the mutated text counts against precision.
* Real news (bench/realnews.py): checkable share, stale-title recall, false alarms on annotated mentions.
* TimeBank (bench/timebank.py): strict (exact span and type) and relaxed (overlap) scores.

`sample` repeats the figures on the small configuration tests/test_benchmarks.py runs, so the tests
compare like with like (thresholds there sit a stated margin below the committed sample figures).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import platform
import random
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpora
import figures
import realnews
import timebank
from factcheck.dates import parse_day
from factcheck.document import from_text
from factcheck.engine import Engine
from factcheck.findings import Result
from mutations import NICKNAMES, RULE_OF, Generator, Mutation, NameVariants

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results" / "accuracy.json"
SPECS = HERE / "annotations" / "real-news-mutations.jsonl"
SEED = 1987
WINDOW = 60  # characters around a change within which its finding must start or end
SAMPLE_LIMIT = 300  # Reuters and BBC documents in the sample the tests run

Doc = tuple[str, date | None, str]


def _sha(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()[:10]


def read_specs(path: Path = SPECS) -> dict[str, list[Mutation]]:
    out: dict[str, list[Mutation]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            s = json.loads(line)
            out.setdefault(s["doc"], []).append(
                Mutation(s["kind"], s["doc"], s["start"], s["end"], s["replacement"], s["note"], s["sha1"]))
    return out


def write_specs(generator: Generator, path: Path = SPECS) -> int:
    """Generate the real-news mutations once and keep them as specs (offsets, the hash of what they replace)."""
    rng = random.Random(SEED)
    lines = []
    for name, day, text in realnews.documents():
        for m in generator.mutations(name, text, parse_day(day), rng):
            lines.append(json.dumps({"doc": name, "kind": m.kind, "rule": m.rule, "start": m.start, "end": m.end,
                                     "sha1": _sha(text[m.start:m.end]), "replacement": m.replacement, "note": m.note},
                                    ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def _caught(result: Result, m: Mutation) -> bool:
    lo, hi = m.start - WINDOW, m.start + len(m.replacement) + WINDOW
    return any(f.code == m.rule and f.span.start < hi and lo < f.span.end for f in result.findings)


def _shifted(f_start: int, m: Mutation) -> int:
    """A position of the mutated text as a position of the clean text (after the change: shifted back)."""
    return f_start - (len(m.replacement) - (m.end - m.start)) if f_start >= m.start + len(m.replacement) else f_start


class Tally:
    """Counts for one corpus: clean findings, mutations made and caught, extra findings they caused."""

    def __init__(self) -> None:
        self.docs = 0
        self.clean: Counter[str] = Counter()
        self.clean_errors = 0
        self.made: Counter[str] = Counter()
        self.caught: Counter[str] = Counter()
        self.extra = 0

    def clean_figures(self) -> dict[str, Any]:
        n = max(self.docs, 1)
        return {"documents": self.docs, "findings": sum(self.clean.values()),
                "per_100": round(100 * sum(self.clean.values()) / n, 2),
                "errors_per_100": round(100 * self.clean_errors / n, 2), "by_rule": dict(sorted(self.clean.items()))}


def scan(engine: Engine, doc_id: str, text: str, day: date | None) -> Result:
    return engine.run(from_text(doc_id, text, day))


def measure(engine: Engine, docs: Iterable[Doc], mutate: Any, tally: Tally, listing: list[str] | None) -> None:
    """Scan each clean document, then each of its mutations (from `mutate(doc_id, text, day)`)."""
    for doc_id, day, text in docs:
        tally.docs += 1
        clean = scan(engine, doc_id, text, day)
        baseline = {(f.code, f.span.start) for f in clean.findings}
        for f in clean.findings:
            tally.clean[f.code] += 1
            tally.clean_errors += f.severity == "error"
            if listing is not None:
                line, _ = clean.document.position(f.span.start)
                listing.append(f"CLEAN {doc_id}:{line} {f.code} {f.severity} [{text[f.span.start:f.span.end]}] {f.message}")
        swap_caught = False
        for m in mutate(doc_id, text, day):
            if m.kind.startswith("variant-") and not swap_caught:
                continue  # the plain swap here was missed: a variant would measure the same miss again
            tally.made[m.kind] += 1
            mutated = scan(engine, doc_id, m.apply(text), day)
            hit = _caught(mutated, m)
            tally.caught[m.kind] += hit
            if m.kind == "holder-swap":
                swap_caught = hit
            if not hit and listing is not None:
                listing.append(f"MISSED {m.kind} {doc_id}: {m.note}")
            lo, hi = m.start - WINDOW, m.start + len(m.replacement) + WINDOW
            for f in mutated.findings:
                on_target = f.code == m.rule and f.span.start < hi and lo < f.span.end
                if not on_target and (f.code, _shifted(f.span.start, m)) not in baseline:
                    tally.extra += 1
                    if listing is not None:
                        listing.append(f"EXTRA {m.kind} {doc_id} {f.code}: {f.message}")


def _undated(engine: Engine, docs: Iterable[Doc], listing: list[str] | None) -> dict[str, Any]:
    n = findings = 0
    for doc_id, day, text in docs:
        if day is None:
            continue
        n += 1
        for f in scan(engine, doc_id, text, None).findings:
            findings += 1
            if listing is not None:
                listing.append(f"UNDATED {doc_id} {f.code} [{text[f.span.start:f.span.end]}] {f.message}")
    return {"documents": n, "findings": findings, "per_100": round(100 * findings / max(n, 1), 2)}


def run(root: Path, limit: int | None, listing: list[str] | None = None, real_news_specs: bool = True) -> dict[str, Any]:
    """Every figure on the corpora under root (Reuters and BBC cut to `limit` documents each when given)."""
    engine = Engine.default()
    generator = Generator.build(engine.extractor.kb, NameVariants.of(NICKNAMES))
    rng = random.Random(SEED)
    tallies: dict[str, Tally] = {}

    def generated(doc_id: str, text: str, day: date | None) -> Iterator[Mutation]:
        return generator.mutations(doc_id, text, day, rng)

    reuters = list(corpora.reuters(root / "reuters21578", limit=limit))
    tallies["reuters"] = Tally()
    measure(engine, reuters, generated, tallies["reuters"], listing)
    tallies["bbc"] = Tally()
    measure(engine, corpora.bbc(root / "bbc-politics", limit=limit), generated, tallies["bbc"], listing)
    report: dict[str, Any] = {}
    real_root = root / "real-news"
    if real_root.exists():
        specs = read_specs() if real_news_specs and SPECS.exists() else {}
        docs = [(name, parse_day(day), text) for name, day, text in realnews.documents(real_root)]
        stale = [m for name, _, text in docs for m in specs.get(name, []) if _sha(text[m.start:m.end]) != m.original_sha]
        tallies["real-news"] = Tally()
        measure(engine, docs, lambda doc_id, text, day: iter(specs.get(doc_id, [])), tallies["real-news"], listing)
        report["real_news"] = realnews.evaluate(engine, real_root)
        report["real_news"]["mutation_specs_not_matching_text"] = len(stale)
    undated = _undated(engine, reuters, listing)
    made = sum((t.made for t in tallies.values()), Counter())
    caught = sum((t.caught for t in tallies.values()), Counter())
    # Clean news is taken as error-free, except the real-news set, whose findings are classed against
    # its annotations: those on an annotated error are true positives, the others false.
    clean_total = sum(sum(t.clean.values()) for name, t in tallies.items() if name != "real-news")
    extra = sum(t.extra for t in tallies.values())
    tp = sum(caught.values())
    if "real_news" in report:
        clean_total += report["real_news"]["other_findings"]
        tp += report["real_news"]["findings_on_annotated_errors"]
    report.update({
        "clean": {name: t.clean_figures() for name, t in tallies.items()},
        "undated_reuters": undated,
        "mutations": {kind: {"rule": rule, "made": made[kind], "caught": caught[kind],
                             "recall": round(caught[kind] / made[kind], 3) if made[kind] else None,
                             "by_corpus": {name: [t.caught[kind], t.made[kind]] for name, t in tallies.items()}}
                      for kind, rule in RULE_OF.items()},
        "precision": round(tp / (tp + clean_total + extra), 3) if tp + clean_total + extra else None,
        "extra_findings_in_mutated_text": extra,
    })
    tb = root / "tbaq-timebank"
    if tb.exists():
        report["timebank"] = timebank.figures(timebank.evaluate(tb))
    return report


def provenance() -> dict[str, Any]:
    try:
        commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=HERE, capture_output=True, text=True, check=True).stdout.strip()
        dirty = bool(subprocess.run(["git", "status", "--porcelain", "--", "src", "rules"], cwd=HERE.parent,
                                    capture_output=True, text=True, check=True).stdout.strip())
    except (OSError, subprocess.CalledProcessError):
        commit, dirty = "unknown", False
    return {
        "commit": commit + ("+uncommitted changes in src/ or rules/" if dirty else ""),
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{platform.system()} {platform.machine()}, {_cores()} cores, Python {platform.python_version()}",
        "command": "python bench/accuracy.py --json",
        "seed": SEED,
    }


def _cores() -> int:
    import os

    return os.cpu_count() or 0


def print_report(report: dict[str, Any]) -> None:
    for name, c in report["clean"].items():
        print(f"clean {name:<10} {c['documents']:>6} docs  {c['findings']:>4} findings  {c['per_100']:>6} per 100  {c['by_rule']}")
    u = report["undated_reuters"]
    print(f"undated reuters  {u['documents']:>6} docs  {u['findings']:>4} findings  {u['per_100']:>6} per 100")
    print(f"{'mutation':<20} {'rule':<6} {'made':>6} {'caught':>7} {'recall':>7}  by corpus (caught/made)")
    for kind, r in report["mutations"].items():
        recall = "-" if r["recall"] is None else f"{r['recall']:.1%}"
        by = "  ".join(f"{k} {v[0]}/{v[1]}" for k, v in r["by_corpus"].items())
        print(f"{kind:<20} {r['rule']:<6} {r['made']:>6} {r['caught']:>7} {recall:>7}  {by}")
    print(f"precision over all findings: {report['precision']} ({report['extra_findings_in_mutated_text']} extra findings in mutated text)")
    if "real_news" in report:
        print("real news:", json.dumps(report["real_news"]))
    if "timebank" in report:
        print("timebank:", json.dumps(report["timebank"]))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpora", type=Path, default=corpora.CORPORA)
    parser.add_argument("--limit", type=int, default=None, help="Reuters and BBC documents (each)")
    parser.add_argument("--list", action="store_true")
    parser.add_argument("--json", nargs="?", const=RESULTS, type=Path, default=None,
                        help=f"write the figures (default {RESULTS.relative_to(HERE.parent)})")
    parser.add_argument("--readme", action="store_true", help="copy the figures into README.md's figures section")
    parser.add_argument("--write-specs", action="store_true", help="regenerate the real-news mutation specs")
    args = parser.parse_args()
    if not args.corpora.exists():
        print(f"skipped: {args.corpora} is absent")
        return 0
    if args.write_specs:
        engine = Engine.default()
        n = write_specs(Generator.build(engine.extractor.kb, NameVariants.of(NICKNAMES)))
        print(f"wrote {n} mutation specs to {SPECS}")
    started = time.monotonic()
    listing: list[str] | None = [] if args.list else None
    report = {**provenance(), **run(args.corpora, args.limit, listing)}
    if args.limit is None:
        report["sample"] = run(args.corpora, SAMPLE_LIMIT)
        report["sample"]["limit"] = SAMPLE_LIMIT
    report["seconds"] = round(time.monotonic() - started)
    if listing:
        print("\n".join(listing))
    print_report(report)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {args.json}")
    if args.readme:
        readme = HERE.parent / "README.md"
        readme.write_text(figures.replace_section(readme.read_text(encoding="utf-8"), figures.render(report)), encoding="utf-8")
        print(f"updated the figures section of {readme}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
