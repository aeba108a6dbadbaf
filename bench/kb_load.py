"""Knowledge-base loading with a large knowledge base: the shipped one plus a synthetic folder that
brings it to about 20,000 terms (people with aliases, terms spread over the shipped offices).

Measures, medians of repeated runs:
* in process: the knowledge base from the compiled cache (hash the inputs, open, first look-ups;
  target < 30 ms), the whole engine from the cache, and both built from the files;
* whole process: `factcheck scan` of the seed article against `python -c "import typer, rich"`,
  paired as bench/speed.py pairs (target <= 1.5x), with the shipped knowledge base and with the
  synthetic files added to it (copied into rules/kb for the measurement and removed after).

Usage: python bench/kb_load.py [--terms 20000] [--repeat 15]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from speed import FACTCHECK, SEED, compile_bytecode, paired


def synthetic_kb(folder: Path, terms: int) -> int:
    """A knowledge-base folder that brings the shipped one to about `terms` terms; returns how
    many it adds."""
    from factcheck.kb import open_kb

    shipped = open_kb()
    offices = sorted(shipped.offices)
    extra = max(0, terms - len(shipped.terms))
    people = max(1, extra // 3)
    (folder / "people").mkdir(parents=True)
    (folder / "terms").mkdir()
    with open(folder / "people" / "synthetic.csv", "w", encoding="utf-8") as fh:
        fh.write("id,name,aliases,qid,source\n")
        fh.writelines(f"synthetic-{i},Synth{i} Person{i % 997},S. Person{i}|Lord Synth{i},,synthetic\n" for i in range(people))
    with open(folder / "terms" / "synthetic.csv", "w", encoding="utf-8") as fh:
        fh.write("person,office,start,end,confirmed_until,acting,source,note\n")
        for i in range(extra):
            year = 1900 + i % 120
            fh.write(f"synthetic-{i % people},{offices[i % len(offices)]},{year}-0{1 + i % 9}-1{i % 10},"
                     f"{year + 1 + i % 4},,no,synthetic row {i},\n")
    return extra


def median_ms(step, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return 1000 * statistics.median(times)


def in_process(kb: Path, repeat: int) -> None:
    from factcheck.compiled import build_parts, load_compiled_kb, load_parts
    from factcheck.paths import rules_dir

    def kb_from_cache() -> None:
        loaded = load_compiled_kb((kb,))
        loaded.people_named("Lloyd Austin")
        loaded.terms_of("lloyd-austin")
        loaded.terms_in("us.secretary-of-defense")

    load_parts(rules_dir(), (kb,))  # write the cache
    total = len(load_compiled_kb((kb,)).terms)
    print(f"knowledge base of {total} terms")
    print(f"  from the cache, with three look-ups: {median_ms(kb_from_cache, repeat):7.1f} ms (target < 30 ms)")
    print(f"  whole engine from the cache:         {median_ms(lambda: load_parts(rules_dir(), (kb,)), repeat):7.1f} ms")
    print(f"  whole engine built from the files:   {median_ms(lambda: build_parts(rules_dir(), (kb,)), 3):7.1f} ms")


def cold_start(kb: Path, repeat: int) -> None:
    """The large knowledge base shipped (its files copied into rules/kb for the measurement, then
    removed), as the knowledge-base data will be."""
    from factcheck.paths import kb_dir

    compile_bytecode()
    peer = [sys.executable, "-c", "import typer, rich"]
    scan = [*FACTCHECK, "scan", str(SEED), "--format", "text"]
    subprocess.run(scan, stdout=subprocess.DEVNULL, check=False)  # write the cache
    ours, base, ratio = paired(scan, peer, repeat)
    print(f"cold start, shipped knowledge base: {1000 * ours:.0f} ms vs import typer, rich {1000 * base:.0f} ms: "
          f"{ratio:.2f}x (target <= 1.50x)")
    copies = [kb_dir() / sub / "zz-bench-synthetic.csv" for sub in ("people", "terms")]
    try:
        for copy in copies:
            shutil.copyfile(kb / copy.parent.name / "synthetic.csv", copy)
        subprocess.run(scan, stdout=subprocess.DEVNULL, check=False)
        ours, base, ratio = paired(scan, peer, repeat)
        print(f"cold start, shipped + synthetic knowledge base: {1000 * ours:.0f} ms vs import typer, rich "
              f"{1000 * base:.0f} ms: {ratio:.2f}x (target <= 1.50x)")
    finally:
        for copy in copies:
            copy.unlink(missing_ok=True)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--terms", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as cache, tempfile.TemporaryDirectory() as data:
        os.environ["FACTCHECK_CACHE_DIR"] = cache
        os.environ.pop("FACTCHECK_NO_CACHE", None)
        kb = Path(data) / "kb"
        synthetic_kb(kb, args.terms)
        in_process(kb, args.repeat)
        cold_start(kb, args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
