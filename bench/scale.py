"""Throughput against the number of workers: the plain scan, --jobs and Dask, on a JSONL corpus
built from the dev corpora at run time (Reuters-21578 with their dates, BBC politics undated).

    python bench/scale.py [--limit N] [--repeat 3] [--json FILE]

Every way of running gives the same bytes (checked here); the ratio of each to `--jobs 1` is the
median of the ratios of alternating pairs of runs, steady on a machine whose speed drifts (as in
bench/speed.py). Dask runs on a LocalCluster started beforehand (as a long-lived cluster is, so
its start is not counted; one line shows `--scheduler local`, start included). The end gives the
arithmetic for ten million articles on a cluster of N machines. The corpus is written to a
temporary folder and never kept; without ../shared/corpora/dev the benchmark is skipped.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import CORPORA, bbc, reuters

ARTICLES = 10_000_000


def build_corpus(path: Path, limit: int | None) -> int:
    n = 0
    with path.open("w", encoding="utf-8") as out:
        for reader in (reuters, bbc):
            for doc_id, day, text in reader(limit=limit):
                record = {"id": doc_id, "text": text, "date": day.isoformat() if day else None}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                n += 1
    return n


def timed(command: list[str]) -> tuple[float, str]:
    start = time.perf_counter()
    proc = subprocess.run(command, capture_output=True, check=False)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)}: exit {proc.returncode}: {proc.stderr.decode()[-500:]}")
    return elapsed, hashlib.sha256(proc.stdout).hexdigest()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=None, help="stories per corpus (default: all)")
    parser.add_argument("--repeat", type=int, default=3, help="alternating pairs per configuration")
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args()
    if not CORPORA.exists():
        print(f"skipped: {CORPORA} is absent")
        return 0
    try:
        import distributed
    except ImportError:
        print("skipped: dask's distributed scheduler is not installed (pip install 'factcheck[dask]')")
        return 0
    cores = os.cpu_count() or 1
    counts = sorted({1, 2, cores})
    with tempfile.TemporaryDirectory(prefix="factcheck-scale-") as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        records = build_corpus(corpus, args.limit)
        size = corpus.stat().st_size
        print(f"corpus: {records} records, {size / 1e6:.1f} MB (Reuters-21578 + BBC politics); {cores} cores")
        base = [sys.executable, "-m", "factcheck", "scan", str(corpus), "--isolated", "--exit-zero"]
        clusters = {n: distributed.LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                                                dashboard_address=None, silence_logs=logging.ERROR) for n in counts}
        try:
            ways = {"plain scan (--jobs 1)": base + ["--jobs", "1"]}
            ways |= {f"--jobs {n}": base + ["--jobs", str(n)] for n in counts if n > 1}
            ways |= {f"dask, {n} worker(s)": base + ["--engine", "dask", "--scheduler", clusters[n].scheduler_address]
                     for n in counts}
            ways |= {f"dask --scheduler local, {cores} workers (start included)":
                     base + ["--engine", "dask", "--jobs", str(cores)]}
            reference = ways["plain scan (--jobs 1)"]
            timed(reference)  # untimed: warms the compiled cache and the file cache
            rows = []
            digests = set()
            for name, command in ways.items():
                ratios, ours, ref_times = [], [], []
                for _ in range(args.repeat):
                    t_ref, d_ref = timed(reference)
                    t, d = timed(command)
                    digests |= {d_ref, d}
                    ratios.append(t_ref / t)
                    ours.append(t)
                    ref_times.append(t_ref)
                speedup = statistics.median(ratios)
                seconds = statistics.median(ours)
                rows.append({"way": name, "seconds": round(seconds, 2), "records_per_second": round(records / seconds, 1),
                             "speedup_vs_jobs_1": round(speedup, 2)})
                print(f"{name:<52} {seconds:7.2f} s  {records / seconds:7.0f} records/s  "
                      f"{speedup:5.2f}x --jobs 1", flush=True)
        finally:
            for cluster in clusters.values():
                cluster.close()
    same = len(digests) == 1
    print(f"output: {'the same bytes for every way and every run' if same else 'DIFFERENT BYTES: ' + str(len(digests))}")
    per_core = rows[0]["records_per_second"]
    dask_rows = [r for r in rows if r["way"] == f"dask, {cores} worker(s)"]
    efficiency = dask_rows[0]["speedup_vs_jobs_1"] / cores if dask_rows else 1.0
    print(f"\nten million articles: one core checks {per_core:.0f} a second here; Dask on {cores} workers "
          f"reached {efficiency:.0%} of {cores}x.")
    print("hours = 10,000,000 / (machines x cores x records per core-second x efficiency) / 3600")
    for machines, machine_cores in ((1, cores), (10, cores), (10, 16), (50, 16), (100, 16)):
        hours = ARTICLES / (machines * machine_cores * per_core * efficiency) / 3600
        print(f"  {machines:>4} machine(s) x {machine_cores:>2} cores: {hours:8.1f} h")
    if args.json:
        args.json.write_text(json.dumps({"records": records, "bytes": size, "cores": cores, "rows": rows,
                                         "same_bytes": same}, indent=2) + "\n", encoding="utf-8")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
