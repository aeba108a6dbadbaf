"""Scan real news (Reuters 1987 with their dates, BBC politics 2004-05 undated) and list every finding.

On professionally edited news almost every finding is a false positive, so the count per
100 documents is the false-positive rate. Usage: python bench/scan_corpus.py [--limit N]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import CORPORA, bbc, reuters  # noqa: E402
from factcheck.document import from_text  # noqa: E402
from factcheck.engine import Engine  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args()
    if not CORPORA.exists():
        print(f"skipped: {CORPORA} is absent")
        return 0
    engine = Engine.default()
    counts: Counter[tuple[str, str]] = Counter()
    docs: Counter[str] = Counter()
    for name, reader in (("reuters", reuters), ("bbc", bbc)):
        for doc_id, day, text in reader(limit=args.limit):
            docs[name] += 1
            result = engine.run(from_text(doc_id, text, day))
            for f in result.findings:
                counts[(name, f"{f.code} {f.severity}")] += 1
                if not args.quiet:
                    line, _ = result.document.position(f.span.start)
                    span = text[f.span.start : f.span.end].replace("\n", " ")
                    print(f"{doc_id}:{line} {f.code} {f.severity} [{span}] {f.message}")
    for name, n in docs.items():
        total = sum(v for (c, _), v in counts.items() if c == name)
        print(f"{name}: {n} documents, {total} findings ({100 * total / max(n, 1):.2f} per 100)")
        for (c, key), v in sorted(counts.items()):
            if c == name:
                print(f"    {key}: {v}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
