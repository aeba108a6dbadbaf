"""List the title-swap mutations (bench/mutations.py) the checker misses, each with the checker's reading.

    python bench/swap_misses.py [--limit N] [--kinds holder-swap,variant-initial] [--caught]

For every holder-swap and name-variant mutation of the accuracy run (same seed, same documents), prints
whether it was caught and, for a miss, what the extractor bound at the changed place (title, name,
person, offices, jurisdiction) and the role-tenure judgement (its severity, or why it was not checked),
so misses can be classed: knowledge-base gap, jurisdiction, extraction, handover window, ...
Measurement only; reads ../shared/corpora/dev and skips when it is absent.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpora
import realnews
from accuracy import SEED, _caught, read_specs, scan
from factcheck.checks import tenure
from factcheck.dates import parse_day
from factcheck.engine import Engine
from mutations import NICKNAMES, Generator, Mutation, NameVariants

SWAPS = ("holder-swap", "variant-formal", "variant-nickname", "variant-initial", "variant-middle-initial",
         "variant-no-accents")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpora", type=Path, default=corpora.CORPORA)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--kinds", default=",".join(SWAPS))
    parser.add_argument("--caught", action="store_true", help="list caught mutations too")
    args = parser.parse_args()
    if not args.corpora.exists():
        print(f"skipped: {args.corpora} is absent")
        return 0
    kinds = set(args.kinds.split(","))
    engine = Engine.default()
    kb = engine.extractor.kb
    generator = Generator.build(kb, NameVariants.of(NICKNAMES))
    rng = random.Random(SEED)
    made: Counter[str] = Counter()
    caught: Counter[str] = Counter()
    reasons: Counter[tuple[str, str]] = Counter()

    def docs() -> Iterator[tuple[str, date | None, str, list[Mutation]]]:
        for doc_id, day, text in corpora.reuters(args.corpora / "reuters21578", limit=args.limit):
            yield doc_id, day, text, list(generator.mutations(doc_id, text, day, rng))
        real = args.corpora / "real-news"
        if real.exists():
            specs = read_specs()
            for name, day, text in realnews.documents(real):
                yield name, parse_day(day), text, specs.get(name, [])

    for doc_id, day, text, muts in docs():
        swap_caught = False
        for m in muts:
            if m.kind not in SWAPS:
                continue
            if m.kind.startswith("variant-") and not swap_caught:
                continue
            result = scan(engine, doc_id, m.apply(text), day)
            hit = _caught(result, m)
            if m.kind == "holder-swap":
                swap_caught = hit
            if m.kind not in kinds:
                continue
            made[m.kind] += 1
            caught[m.kind] += hit
            if hit and not args.caught:
                continue
            lo, hi = m.start - 5, m.start + len(m.replacement) + 5
            claims = [c for c in result.facts.roles if c.span.start < hi and lo < c.span.end]
            if not claims:
                why = "no role claim (extraction)"
                detail = ""
            else:
                c = claims[0]
                j = tenure.judge(result.facts, kb, c)
                why = j.reason or (str(j.severity) if j.severity else "judged right")
                detail = (f"title={c.title!r} name={c.person.text!r} via={c.person.via} ids={list(c.person.candidates)[:3]} "
                          f"offices={list(c.offices)[:3]} juris={c.jurisdiction}/{c.jurisdiction_via} mods={c.modifiers}")
            reasons[(m.kind, why)] += 1
            print(f"{'CAUGHT' if hit else 'MISSED'} {m.kind} {doc_id} {day} | {m.note} | {why} | {detail}")
    print()
    for kind in SWAPS:
        if made[kind]:
            print(f"{kind:<24} {caught[kind]}/{made[kind]}")
    for (kind, why), n in reasons.most_common():
        print(f"{n:>5} {kind:<24} {why}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
