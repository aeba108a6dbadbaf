"""Throughput against the number of workers: the plain scan, --jobs and Dask, on a JSONL corpus
built from the dev corpora at run time (Reuters-21578 with their dates, BBC politics undated).

    python bench/scale.py [--limit N] [--repeat 3] [--json FILE]

Every way of running gives the same bytes (checked here); the ratio of each to `--jobs 1` is the
median of the ratios of alternating pairs of runs, steady on a machine whose speed drifts (as in
bench/speed.py). On a machine others are using, a wall-clock ratio says little; the CPU time of each
way (the command, its worker processes, the Dask workers) beside that of `--jobs 1` says what the
parallelism costs, hence the speed-up an idle machine of as many cores could give at best: cores /
that ratio. Dask runs on a LocalCluster started beforehand (as a long-lived cluster is, so
its start is not counted; one line shows `--scheduler local`, start included). The end gives the
arithmetic for ten million articles on a cluster of N machines. The corpus is written to a
temporary folder and never kept; without ../shared/corpora/dev the benchmark is skipped.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
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


def cpu_seconds(pids: list[int]) -> float:
    """User and system time of running processes so far (the Dask workers, which outlive a run)."""
    total = 0.0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def timed(command: list[str], workers: list[int]) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds (the command, its children, and the given worker processes), digest."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    worked = cpu_seconds(workers)
    start = time.perf_counter()
    proc = subprocess.run(command, capture_output=True, check=False)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime + cpu_seconds(workers) - worked
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)}: exit {proc.returncode}: {proc.stderr.decode()[-500:]}")
    return elapsed, cpu, hashlib.sha256(proc.stdout).hexdigest()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=None, help="stories per corpus (default: all)")
    parser.add_argument("--repeat", type=int, default=3, help="alternating pairs per configuration")
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--way", action="append", default=[], help="only the ways whose names contain this "
                        "(repeatable), e.g. --way 'jobs 2' --way 'dask, 2'; the plain scan is always the reference")
    args = parser.parse_args()
    if not CORPORA.exists():
        print(f"skipped: {CORPORA} is absent")
        return 0
    try:
        import distributed

        from factcheck.dask import local_cluster
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
        clusters = {n: local_cluster(n) for n in counts}  # set up as docs/archive.md says a checking cluster should be
        try:
            ways = {"plain scan (--jobs 1)": base + ["--jobs", "1"]}
            ways |= {f"--jobs {n}": base + ["--jobs", str(n)] for n in counts if n > 1}
            ways |= {f"dask, {n} worker(s)": base + ["--engine", "dask", "--scheduler", clusters[n].scheduler_address]
                     for n in counts}
            ways |= {f"dask --scheduler local, {cores} workers (start included)":
                     base + ["--engine", "dask", "--jobs", str(cores)]}
            if args.way:
                ways = {k: v for k, v in ways.items() if k.startswith("plain") or any(w in k for w in args.way)}
            workers: dict[str, list[int]] = {}
            for cluster in clusters.values():
                with distributed.Client(cluster) as client:
                    workers[cluster.scheduler_address] = sorted(client.run(os.getpid).values())
            reference = ways["plain scan (--jobs 1)"]
            timed(reference, [])  # untimed: warms the compiled cache and the file cache
            for command in ways.values():  # and each Dask worker builds its engine, once, as a long-lived one has
                if "--scheduler" in command:
                    timed(command, [])
            rows = []
            digests = set()
            print(f"{'way':<52} {'wall':>8}  {'records/s':>9}  {'vs --jobs 1':>11}  {'CPU':>7}  {'CPU vs --jobs 1':>15}")
            for name, command in ways.items():
                scheduler = command[command.index("--scheduler") + 1] if "--scheduler" in command else ""
                ratios, ours, cpu_ratios, cpus = [], [], [], []
                for _ in range(args.repeat):
                    t_ref, c_ref, d_ref = timed(reference, [])
                    t, c, d = timed(command, workers.get(scheduler, []))
                    digests |= {d_ref, d}
                    ratios.append(t_ref / t)
                    ours.append(t)
                    cpu_ratios.append(c / c_ref)
                    cpus.append(c)
                speedup, seconds = statistics.median(ratios), statistics.median(ours)
                cpu, cpu_ratio = statistics.median(cpus), statistics.median(cpu_ratios)
                rows.append({"way": name, "seconds": round(seconds, 2), "records_per_second": round(records / seconds, 1),
                             "speedup_vs_jobs_1": round(speedup, 2), "cpu_seconds": round(cpu, 2),
                             "cpu_vs_jobs_1": round(cpu_ratio, 2)})
                print(f"{name:<52} {seconds:7.2f}s  {records / seconds:9.0f}  {speedup:10.2f}x  {cpu:6.1f}s  "
                      f"{cpu_ratio:14.2f}x", flush=True)
        finally:
            for cluster in clusters.values():
                cluster.close()
    same = len(digests) == 1
    print(f"output: {'the same bytes for every way and every run' if same else 'DIFFERENT BYTES: ' + str(len(digests))}")
    # Per core: records per CPU-second of the plain scan (wall time on a shared machine measures the
    # other users); efficiency: the CPU the Dask run spent beside it (what the parallelism costs).
    per_core = records / rows[0]["cpu_seconds"]
    dask_rows = [r for r in rows if r["way"] == f"dask, {cores} worker(s)"]
    efficiency = min(1.0, 1 / dask_rows[0]["cpu_vs_jobs_1"]) if dask_rows else 1.0
    print(f"\nten million articles: one core checks {per_core:.0f} of these records per CPU-second; Dask spent "
          f"{1 / efficiency:.2f}x the CPU of --jobs 1 (efficiency {efficiency:.0%}). Time grows with length "
          f"({size / records / 1000:.1f} KB a record here).")
    print("hours = 10,000,000 / (machines x cores x records per core-second x efficiency) / 3600")
    for machines, machine_cores in ((1, cores), (1, 16), (10, 16), (50, 16)):
        hours = ARTICLES / (machines * machine_cores * per_core * efficiency) / 3600
        print(f"  {machines:>4} machine(s) x {machine_cores:>2} cores: {hours:8.2f} h ({hours * 60:6.0f} min)")
    if args.json:
        args.json.write_text(json.dumps({"records": records, "bytes": size, "cores": cores, "rows": rows,
                                         "same_bytes": same}, indent=2) + "\n", encoding="utf-8")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
