"""Speed, measured as ratios against peers in the same run (absolute times drift on shared machines).

* cold start: `factcheck scan` on the seed article, whole process, against `python -c "import typer, rich"`
  and against `proselint check` on the same file;
* throughput: the BBC politics articles (../shared/corpora/dev/bbc-politics), single process, against
  `proselint check` on the same files;
* jobs: `--jobs 2` against `--jobs 1` on Reuters stories written out as files (when --jobs exists);
* scaling: time per KB of text at 1 KB to 10 MB (linear means a flat column), and with a knowledge base
  grown tenfold by synthetic people and terms.

Medians of repeated runs, each command alternating with its peer; a ratio is the median of the
ratios of those pairs (see `paired`). proselint is installed only in the benchmark environment
(`pip install proselint`); its rows are skipped when it is absent. Usage: python bench/speed.py [--quick]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpora  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "seed-hegseth-austin.txt"
def beside(name: str) -> str | None:
    """A command installed in this environment, beside its python."""
    path = Path(sys.executable).parent / name
    return str(path) if path.exists() else None


def tool(name: str) -> str | None:
    """A command of this environment, else one on PATH."""
    return beside(name) or shutil.which(name)


# The console script a user runs (its fast path for `scan` skips typer), else the module.
_SCRIPT = beside("factcheck")
FACTCHECK = [_SCRIPT] if _SCRIPT else [sys.executable, "-m", "factcheck"]


def compile_bytecode() -> None:
    """Write factcheck's .pyc files, as `pip install` does for a wheel: an editable install under
    PYTHONDONTWRITEBYTECODE would otherwise recompile every module on every run, while the peers
    (installed from wheels) start from bytecode."""
    import factcheck

    subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(factcheck.__file__).parent)],
                   stdout=subprocess.DEVNULL, check=False)


def median_seconds(cmd: list[str], repeat: int) -> float:
    return paired(cmd, None, repeat)[0]


Medians = tuple[float, float, float]  # ours, the peer's, the median of the pairs' ratios


def paired(cmd: list[str], peer: list[str] | None, repeat: int) -> Medians:
    """Medians of `repeat` timed runs of each command, run alternately, and the median of the ratios
    of each pair. A shared machine changes speed from one minute to the next (the same command
    varies by a third); the two runs of a pair share that speed, so the median of the pairs' ratios
    is steady where the ratio of two medians, each taken partly at another speed, is not.
    One untimed run of each comes first."""
    return paired_wall_and_cpu(cmd, peer, repeat)[0]


def paired_wall_and_cpu(cmd: list[str], peer: list[str] | None, repeat: int) -> tuple[Medians, Medians]:
    """`paired` in wall time and in the processor time of the child (user + system): on a machine
    shared with other work, waiting for a core inflates wall time, much less processor time."""
    cmds = [cmd] + ([peer] if peer else [])
    wall: list[list[float]] = [[] for _ in cmds]
    cpu: list[list[float]] = [[] for _ in cmds]
    for n in range(repeat + 1):
        for c, w, p in zip(cmds, wall, cpu):
            start = time.perf_counter()
            child = subprocess.Popen(c, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            _, _, usage = os.wait4(child.pid, 0)
            if n:
                w.append(time.perf_counter() - start)
                p.append(usage.ru_utime + usage.ru_stime)

    def medians(times: list[list[float]]) -> Medians:
        if not peer:
            return statistics.median(times[0]), 0.0, 0.0
        return (statistics.median(times[0]), statistics.median(times[1]),
                statistics.median(a / b for a, b in zip(*times)))

    return medians(wall), medians(cpu)


def row(name: str, ours: float, peer: float, ratio: float, target: str) -> None:
    print(f"{name:<48} {ours:>9.3f}s {peer:>9.3f}s {ratio:>7.2f}x   target {target}")


def cold_start(repeat: int) -> None:
    compile_bytecode()
    scan = [*FACTCHECK, "scan", str(SEED), "--format", "text"]
    wall, cpu = paired_wall_and_cpu(scan, [sys.executable, "-c", "import typer, rich"], repeat)
    row("cold start vs import typer, rich", *wall, "<= 1.50x")
    row("  the same, processor time (user + system)", *cpu, "<= 1.50x")
    proselint = tool("proselint")
    if proselint:
        ours, peer, ratio = paired(scan, [proselint, "check", str(SEED)], repeat)
        row("cold start vs proselint check", ours, peer, ratio, "<= 1.00x")


def throughput(repeat: int) -> None:
    bbc = corpora.CORPORA / "bbc-politics"
    if not bbc.exists():
        print("throughput: skipped (BBC corpus absent)")
        return
    files = sorted(str(p) for p in bbc.glob("*.txt"))
    scan = [*FACTCHECK, "scan", *files, "--jobs", "1", "--format", "text", "--fail-on", "never"]
    proselint = tool("proselint")
    if proselint:
        ours, peer, ratio = paired(scan, [proselint, "check", *files], repeat)
        row(f"{len(files)} BBC articles, --jobs 1, vs proselint", ours, peer, ratio, "<= 0.25x")
    else:
        print(f"{len(files)} BBC articles: {median_seconds(scan, repeat):.3f}s (proselint absent)")


def jobs(repeat: int, limit: int) -> None:
    help_text = subprocess.run([*FACTCHECK, "scan", "--help"], capture_output=True, text=True).stdout
    if "--jobs" not in help_text or not (corpora.CORPORA / "reuters21578").exists():
        print("jobs: skipped (no --jobs option or Reuters corpus absent)")
        return
    with tempfile.TemporaryDirectory() as tmp:
        for doc_id, day, text in corpora.reuters(limit=limit):
            name = doc_id.replace("/", "-") + ".md"
            front = f"---\ndate: {day.isoformat()}\n---\n" if day else ""
            (Path(tmp) / name).write_text(front + text, encoding="utf-8")
        scan = [*FACTCHECK, "scan", tmp, "--format", "text", "--fail-on", "never"]
        two, one, ratio = paired([*scan, "--jobs", "2"], [*scan, "--jobs", "1"], repeat)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # KB -> MB on Linux
        print(f"peak resident memory of a child so far (includes the --jobs 1 scans): {peak:.0f} MB (target < 150 MB)")
        row(f"{limit} Reuters stories --jobs 2 vs --jobs 1", two, one, ratio, "<= 0.59x (1.7x faster)")


def scaling() -> None:
    from factcheck.document import from_text
    from factcheck.engine import Engine

    engine = Engine.default()
    unit = SEED.read_text(encoding="utf-8") + "\n\n"
    print(f"{'size':>10} {'seconds':>9} {'ms per KB':>10}")
    for kb_size in (1, 10, 100, 1000, 10000):
        text = (unit * (kb_size * 1024 // len(unit) + 1))[: kb_size * 1024]
        start = time.perf_counter()
        engine.run(from_text("bench", text, None))
        took = time.perf_counter() - start
        print(f"{kb_size:>8}KB {took:>9.3f} {1000 * took / kb_size:>10.2f}")


def kb_growth() -> None:
    from factcheck.dates import Interval
    from factcheck.document import from_text
    from factcheck.engine import Engine
    from factcheck.extract.pipeline import Extractor
    from factcheck.kb.model import KnowledgeBase, Person, Term

    engine = Engine.default()
    kb = engine.extractor.kb
    offices = sorted(kb.offices)
    people = list(kb.people.values())
    terms = list(kb.terms)
    extra_people = [Person(f"synthetic-{i}", f"Synthetic{i} Person{i}") for i in range(9 * max(len(people), 1000))]
    extra_terms = [Term(p.id, offices[i % len(offices)], Interval.year(1900 + i % 100), Interval.year(1901 + i % 100), source="synthetic")
                   for i, p in enumerate(extra_people)]
    big = KnowledgeBase.build(kb.jurisdictions.values(), kb.offices.values(), people + extra_people, terms + extra_terms)
    grown = Engine(Extractor.build(big, engine.extractor.gazetteer.lexicon), engine.rules)
    text = SEED.read_text(encoding="utf-8") * 20
    times: list[list[float]] = [[], []]
    for n in range(10):  # alternating, as paired() does for commands
        for eng, out in zip((engine, grown), times):
            start = time.perf_counter()
            eng.run(from_text("bench", text, None))
            if n:
                out.append(time.perf_counter() - start)
    base, big_kb = (statistics.median(t) for t in times)
    ratio = statistics.median(b / a for a, b in zip(*times))
    row(f"scan with a KB of {len(big.people)} people vs {len(people)}", big_kb, base, ratio, "~1.00x (flat)")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="fewer repetitions, smaller samples")
    args = parser.parse_args()
    repeat = 3 if args.quick else 9
    print(f"{'measure':<48} {'ours':>10} {'peer':>10} {'ratio':>8}")
    cold_start(repeat * 2)  # short runs: more of them
    throughput(repeat)
    jobs(max(1, repeat // 3), 2000 if args.quick else 11000)
    kb_growth()
    scaling()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
