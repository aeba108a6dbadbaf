"""Peak memory of `factcheck scan corpus.jsonl` on a generated corpus of a given size.

    python bench/stream_memory.py --size 2GB [--jobs 2] [--keep DIR] [--source fixtures|news]

The corpus is generated in a temporary folder (never committed), each record with its own id;
one line in 10,000 is malformed on purpose. Its texts are the articles in fixtures/ (our own
words, dense with titles: slow to check), every other record with a date; or, with `--source
news`, the Reuters-21578 and BBC stories of ../shared/corpora/dev with their own dates, over and
over (real news: the speed of a real archive). The scan runs as a child process with --resume, so
with --keep a run stopped half way is taken up by the next. The memory of its whole process tree
(the scan and its workers: the sum of their proportional set sizes, see tree_memory) is sampled
every 0.2 s; the peak is printed every minute with the progress, and at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
UNITS = {"KB": 1_000, "MB": 1_000_000, "GB": 1_000_000_000}


def parse_size(text: str) -> int:
    for unit, factor in UNITS.items():
        if text.upper().endswith(unit):
            return int(float(text[: -len(unit)]) * factor)
    return int(text)


def fixture_texts() -> list[tuple[str, str | None, str]]:
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(FIXTURES.iterdir()) if p.suffix in (".txt", ".md")]
    return [(name, f"20{10 + n % 16:02d}-0{1 + n % 9}-1{n % 10}" if n % 2 else None, text)
            for n, (name, text) in enumerate(texts)]


def news_texts() -> list[tuple[str, str | None, str]]:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from corpora import bbc, reuters

    return [(doc_id, day.isoformat() if day else None, text) for reader in (reuters, bbc)
            for doc_id, day, text in reader()]


def generate(path: Path, size: int, texts: list[tuple[str, str | None, str]]) -> int:
    """Write records until the file holds `size` bytes; the number of lines written."""
    written = n = 0
    with path.open("w", encoding="utf-8") as out:
        while written < size:
            name, day, text = texts[n % len(texts)]
            if n % 10_000 == 9_999:
                line = '{"id": "broken", "text": \n'
            else:
                record = {"id": f"r{n}", "path": f"{n // 1000}/{name}", "text": text}
                if day:
                    record["date"] = day
                line = json.dumps(record, ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
            n += 1
    return n


def tree_memory(pid: int) -> tuple[int, int]:
    """Proportional and resident bytes of a process and all its descendants (read from /proc).

    The proportional set size (Pss) charges each page shared by n processes 1/n to each, so its sum
    is what the tree holds; the resident sizes (Rss) count a page the forked workers share with the
    scan once per process, so their sum overstates the tree (shown beside it)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            status = Path(f"/proc/{entry}/status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        children.setdefault(int(fields.get("PPid", "0").strip()), []).append(int(entry))
    pss = rss = 0
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            rollup = Path(f"/proc/{p}/smaps_rollup").read_text()
        except OSError:
            continue
        sizes = {k: int(v.split()[0]) * 1024 for k, v in (line.split(":", 1) for line in rollup.splitlines()[1:])}
        pss += sizes.get("Pss", 0)
        rss += sizes.get("Rss", 0)
        todo.extend(children.get(p, []))
    return pss, rss


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", default="2GB")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--engine", default="processes")
    parser.add_argument("--source", choices=("fixtures", "news"), default="fixtures",
                        help="the texts: our fixtures, or the dev corpora's real news (skipped when absent)")
    parser.add_argument("--keep", type=Path, help="a folder for the corpus and the results, kept: a later run with "
                        "the same folder resumes (--resume) where this one stopped (default: a temporary folder)")
    args = parser.parse_args()
    if args.source == "news" and not (ROOT.parent / "shared" / "corpora" / "dev").exists():
        print("skipped: ../shared/corpora/dev is absent")
        return 0
    if args.keep is not None:
        args.keep.mkdir(parents=True, exist_ok=True)
        return measure(args.keep, parse_size(args.size), args)
    with tempfile.TemporaryDirectory(prefix="factcheck-stream-") as tmp:
        return measure(Path(tmp), parse_size(args.size), args)


def measure(folder: Path, size: int, args: argparse.Namespace) -> int:
    corpus, results = folder / "corpus.jsonl", folder / "results.jsonl"
    if not corpus.exists() or corpus.stat().st_size < size:
        lines = generate(corpus, size, news_texts() if args.source == "news" else fixture_texts())
    else:
        with corpus.open("rb") as handle:
            lines = sum(1 for _ in handle)
    print(f"corpus: {corpus} ({corpus.stat().st_size / 1e9:.2f} GB, {lines} lines)", flush=True)
    command = [sys.executable, "-m", "factcheck", "scan", str(corpus), "--jobs", str(args.jobs), "--engine",
               args.engine, "--keep-going", "--exit-zero", "--resume", str(results)]
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = peak_rss = last = 0
    while proc.poll() is None:
        pss, rss = tree_memory(proc.pid)
        peak, peak_rss = max(peak, pss), max(peak_rss, rss)
        if time.perf_counter() - last > 60:
            last = time.perf_counter()
            print(f"  {last - start:7.0f} s  {results.stat().st_size / 1e9 if results.exists() else 0:.3f} GB of results"
                  f"  peak so far {peak / 1e6:.0f} MB (sum of Rss {peak_rss / 1e6:.0f} MB)", flush=True)
        time.sleep(0.2)
    errors = proc.stderr.read().decode() if proc.stderr else ""
    elapsed = time.perf_counter() - start
    with results.open("rb") as handle:
        done = sum(1 for _ in handle)
    print(f"exit {proc.returncode} after {elapsed:.0f} s: {done} of {lines} results written, "
          f"{errors.count(chr(10))} line(s) on stderr, peak memory of the process tree {peak / 1e6:.0f} MB "
          f"(proportional set size; the sum of resident sizes, which counts shared pages once per process, "
          f"peaked at {peak_rss / 1e6:.0f} MB)")
    return 0 if proc.returncode == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
