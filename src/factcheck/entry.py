"""The `factcheck` console script: a plain `scan` command line goes straight to the scan, without
importing typer (see scan_command.py); everything else goes to the typer application."""

from __future__ import annotations

import gc
import sys

# Objects the collector watches before it first looks for cycles (Python's default is 700). Starting
# up makes tens of thousands of objects that live as long as the process (modules, classes, the
# engine), and at 700 the collector walked them about thirty times in a one-file scan (3 ms, a
# twentieth of the run) and found nothing to free. mypy raises this threshold for the same reason.
COLLECT_AFTER = 50_000


def main() -> None:
    gc.set_threshold(COLLECT_AFTER, *gc.get_threshold()[1:])
    args = sys.argv[1:]
    if args[:1] == ["scan"]:
        from factcheck.scan_command import parse_fast, run

        options = parse_fast(args[1:])
        if options is not None:
            from factcheck.errors import exit_with

            exit_with(lambda: run(options))
    from factcheck.cli import main as typer_main

    typer_main()
