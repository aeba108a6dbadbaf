"""Knowledge-base loading: cold (parse the CSV/TOML files and build) against warm (the compiled
cache), medians of repeated runs, with `python -c pass` as the baseline in the same run.

Target: a warm load under 30 ms. Usage: python bench/kb_load.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time

COLD = "import os; os.environ['FACTCHECK_NO_CACHE']='1'; from factcheck.engine import Engine; Engine.default()"
WARM = "from factcheck.engine import Engine; Engine.default()"
IMPORT_ONLY = "from factcheck.engine import Engine"


def in_process(repeat: int = 15) -> tuple[float, float]:
    """(cold, warm) seconds to get the engine, inside one process (imports excluded)."""
    import os

    from factcheck.engine import Engine

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["FACTCHECK_CACHE_DIR"] = tmp
        cold, warm = [], []
        for _ in range(repeat):
            os.environ["FACTCHECK_NO_CACHE"] = "1"
            start = time.perf_counter()
            Engine.default()
            cold.append(time.perf_counter() - start)
            del os.environ["FACTCHECK_NO_CACHE"]
            Engine.default()  # make sure the cache is written
            start = time.perf_counter()
            Engine.default()
            warm.append(time.perf_counter() - start)
    return statistics.median(cold), statistics.median(warm)


def kb_in_process(repeat: int = 15) -> tuple[float, float]:
    """(cold, warm) seconds for open_kb alone: parsing the data files against the knowledge-base cache."""
    import os

    from factcheck.kb import open_kb

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["FACTCHECK_CACHE_DIR"] = tmp
        cold, warm = [], []
        for _ in range(repeat):
            os.environ["FACTCHECK_NO_CACHE"] = "1"
            start = time.perf_counter()
            open_kb()
            cold.append(time.perf_counter() - start)
            del os.environ["FACTCHECK_NO_CACHE"]
            open_kb()
            start = time.perf_counter()
            open_kb()
            warm.append(time.perf_counter() - start)
    return statistics.median(cold), statistics.median(warm)


def process_seconds(code: str, repeat: int = 9) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    kb_cold, kb_warm = kb_in_process()
    print(f"knowledge base alone: cold load {1000 * kb_cold:.1f} ms, warm load {1000 * kb_warm:.1f} ms "
          f"(target < 30 ms), ratio {kb_cold / kb_warm:.1f}x")
    cold, warm = in_process()
    print(f"in process: cold load {1000 * cold:.1f} ms, warm load {1000 * warm:.1f} ms (target < 30 ms), ratio {cold / warm:.1f}x")
    base = process_seconds("pass")
    imports = process_seconds(IMPORT_ONLY)
    print(f"whole process: python -c pass {1000 * base:.0f} ms; import engine {1000 * imports:.0f} ms; "
          f"+ warm load {1000 * process_seconds(WARM):.0f} ms; + cold load {1000 * process_seconds(COLD):.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
