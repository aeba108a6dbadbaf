"""The `factcheck` console script: a plain `scan` command line goes straight to the scan, without
importing typer (see scan_command.py); everything else goes to the typer application."""

from __future__ import annotations

import sys


def main() -> None:
    args = sys.argv[1:]
    if args[:1] == ["scan"]:
        from factcheck.scan_command import parse_fast, run

        options = parse_fast(args[1:])
        if options is not None:
            from factcheck.errors import exit_with

            exit_with(lambda: run(options))
    from factcheck.cli import main as typer_main

    typer_main()
