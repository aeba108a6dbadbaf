"""Memory and time per megabyte of text: one long document, scanned as the command line would.

    python bench/memory.py              # 1, 10 and 100 MB (the 100 MB run takes many minutes)
    python bench/memory.py 1 5          # other sizes, in MB
    python bench/memory.py --source ../shared/corpora/dev/bbc-politics 10   # real news, repeated

The document is the fixture articles (written for this project, and far denser in names, titles
and dates than news) or, with --source, the .txt files of a folder, repeated until it has the
size asked; each size is scanned in a fresh process, whose peak resident memory is read from the
kernel. The figures printed are the growth over an empty scan (the engine and interpreter), per
byte of text; the marginal growth from the previous size, per byte added (what grows with the
text, without the fixed part); and seconds per MB (wall and processor). Two sizes that give the
same figures show linear cost.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MB = 1_000_000


def make_text(size: int, source: Path) -> bytes:
    parts = [p.read_bytes().replace(b"\r\n", b"\n") for p in sorted(source.glob("*.txt"))]
    block = b"\n\n".join(parts) + b"\n\n"
    data = block * (size // len(block) + 1)
    cut = data.rfind(b"\n", 0, size)  # end on a line: no word cut in two
    return data[: cut + 1 if cut > 0 else size]


def child(path: str) -> None:
    """Scan one file (report to /dev/null) and print the peak memory and the time taken."""
    from factcheck.scan_command import ScanOptions, run

    start, cpu = time.perf_counter(), time.process_time()
    with open(os.devnull, "w") as sink:
        sys.stdout = sink
        code = run(ScanOptions((path,), date="2025-07-01", fmt="json", isolated=True, jobs=1, exit_zero=True,
                               max_file_size="1 GB"))
        sys.stdout = sys.__stdout__
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # kilobytes on Linux
    print(json.dumps({"code": code, "seconds": seconds, "cpu": cpu, "peak": peak}))


def measure(path: Path) -> dict[str, float]:
    out = subprocess.run([sys.executable, __file__, "--child", str(path)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(sizes: list[float], source: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        empty = Path(tmp) / "empty.txt"
        empty.write_text("Text.\n")
        measure(empty)  # the first run may build the compiled cache: not part of any figure
        base = measure(empty)
        print(f"empty scan: {base['peak'] / MB:.0f} MB peak, {base['seconds']:.2f} s")
        # Processor seconds as well as wall seconds: on a shared machine waiting for a core inflates
        # wall time far more than the work done, and linear cost shows in processor time.
        print(f"{'size MB':>8} {'peak MB':>8} {'bytes/byte':>11} {'marginal':>9} {'s/MB':>7} {'cpu s/MB':>9}")
        last: tuple[int, float] | None = None
        for size in sizes:
            path = Path(tmp) / f"long-{size:g}MB.txt"
            data = make_text(int(size * MB), source)
            path.write_bytes(data)
            del data
            got = measure(path)
            n = path.stat().st_size
            per_byte = (got["peak"] - base["peak"]) / n
            per_mb = (got["seconds"] - base["seconds"]) / (n / MB)
            cpu_mb = (got["cpu"] - base["cpu"]) / (n / MB)
            # The growth from the previous size, per byte added: the cost that grows with the text,
            # without what any text dense with names pays once (the knowledge-base rows it reads).
            marginal = "" if last is None or n <= last[0] else f"{(got['peak'] - last[1]) / (n - last[0]):.1f}"
            last = (n, got["peak"])
            print(f"{n / MB:8.1f} {got['peak'] / MB:8.0f} {per_byte:11.1f} {marginal:>9} {per_mb:7.2f} {cpu_mb:9.2f}",
                  flush=True)
            path.unlink()


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2])
    else:
        args = sys.argv[1:]
        folder = ROOT / "fixtures"
        if args[:1] == ["--source"]:
            folder, args = Path(args[1]), args[2:]
            if not any(folder.glob("*.txt")):
                sys.exit(f"{folder}: no .txt files (../shared absent?); nothing measured")
        main([float(a) for a in args] or [1, 10, 100], folder)
