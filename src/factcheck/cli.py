"""The command line (typer): thin. Parse options, call the engine, pick a reporter.

`scan` itself lives in scan_command.py; a plain `scan` command line reaches it from the console
script (entry.py) without importing this module, anything else comes through here."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, List, Optional

import typer

from factcheck import __version__
from factcheck.config import FAIL_ON
from factcheck.errors import UsageError as UserError  # one line on stderr, exit code 2
from factcheck.errors import exit_with
from factcheck.kb.commands import kb_app

if TYPE_CHECKING:
    from factcheck.checks.registry import Rule
    from factcheck.engine import Engine
    from factcheck.findings import Result
from factcheck.scan_command import ENGINES, FORMATS, INPUT_FORMATS, ScanOptions, parse_date_option, rule_folders, split_rules

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Find statements in prose that cannot all be true: stale titles, two holders of one office, "
    "one event credited to two people, weekdays that do not match their dates.",
)


# The choices come from scan_command, which the fast path reads too.
Format = Enum("Format", {name: name for name in FORMATS}, type=str)  # type: ignore[misc]
FailOn = Enum("FailOn", {name: name for name in FAIL_ON}, type=str)  # type: ignore[misc]
InputFormat = Enum("InputFormat", {name: name for name in INPUT_FORMATS}, type=str)  # type: ignore[misc]
EngineChoice = Enum("EngineChoice", {name: name for name in ENGINES}, type=str)  # type: ignore[misc]


def _engine(rule_dirs: Optional[List[str]] = None) -> Engine:
    from factcheck.api import load_engine

    return load_engine(rule_dirs=rule_folders(rule_dirs or ()))


def _results(paths: List[str], date_value: Optional[str]) -> list[Result]:
    from factcheck.scanning import ScanRequest
    from factcheck.scanning import scan as run_scan

    return list(run_scan(ScanRequest(tuple(paths), parse_date_option(date_value), isolated=True, all_facts=True)).results)


@app.command()
def scan(
    paths: Optional[List[str]] = typer.Argument(None, help="Files (.txt, .md, .html), directories, quoted globs ('articles/**/*.md'), or - for stdin (default: the current folder)."),
    date: Optional[str] = typer.Option(None, "--date", help="Document date YYYY-MM-DD (overrides front matter)."),
    fmt: Optional[Format] = typer.Option(None, "--format", help="rich (default on a terminal), text or full (default otherwise), concise (one line a finding), json, jsonl, sarif, github, junit."),
    fail_on: Optional[FailOn] = typer.Option(None, "--fail-on", help="Exit 1 when a finding at or above this severity remains (default: error, or the configuration's)."),
    select_: Optional[List[str]] = typer.Option(None, "--select", help="Only these rules: codes, prefixes (FC1) or names; comma-separated or repeated."),
    ignore: Optional[List[str]] = typer.Option(None, "--ignore", help="Skip these rules: codes, prefixes or names."),
    config: Optional[Path] = typer.Option(None, "--config", help="Configuration file (.factcheck.toml or pyproject.toml) for every file, instead of the nearest one to each."),
    isolated: bool = typer.Option(False, "--isolated", help="Ignore every configuration file."),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="Exit 0 even when findings remain (errors in the input still exit 2)."),
    statistics: bool = typer.Option(False, "--statistics", help="Print the number of findings per rule instead of the findings (JSON with --format json)."),
    report_unused: bool = typer.Option(False, "--report-unused-suppressions", help="Report factcheck: ignore[...] comments that hide nothing (FC900)."),
    baseline: Optional[Path] = typer.Option(None, "--baseline", help="Hide the findings recorded in this baseline file; new ones still count."),
    write_baseline: Optional[Path] = typer.Option(None, "--write-baseline", help="Record the current findings in this file and exit 0."),
    diff: Optional[str] = typer.Option(None, "--diff", help="Only findings on lines changed since this git revision (e.g. origin/main)."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", help="Worker processes (default: all cores for 16 files or more, else 1); output is the same for any number."),
    input_format: Optional[InputFormat] = typer.Option(None, "--input-format", help="auto (default: files named *.jsonl are corpora of records) or jsonl (also for - on stdin)."),
    resume: Optional[Path] = typer.Option(None, "--resume", help="JSONL corpora: append results to this file, skipping the records it already holds."),
    keep_going: bool = typer.Option(False, "--keep-going", help="JSONL corpora: records that cannot be checked do not make the exit code 2."),
    engine: Optional[EngineChoice] = typer.Option(None, "--engine", help="JSONL corpora: processes (default, on this machine) or dask."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="With --engine dask: the scheduler's address, or local (a cluster of --jobs workers here)."),
    rules: Optional[List[str]] = typer.Option(None, "--rules", help="A rule-pack folder (*.toml: rules, house facts) to add to the configuration's; repeatable."),
    max_file_size: Optional[str] = typer.Option(None, "--max-file-size", help="Skip (and report) files larger than this: bytes or a size such as '50 MB' (default: the configuration's, else 20 MB)."),
    ignore_unreadable: bool = typer.Option(False, "--ignore-unreadable", help="Entries that cannot be read (permissions, dangling links, FIFOs, too large) are still reported, but do not make the exit code 2."),
    show_unchecked: bool = typer.Option(False, "--show-unchecked", help="List the titles that could not be checked, and why (text, full, rich)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print the findings only: no per-document lines, no summary."),
    output_file: Optional[Path] = typer.Option(None, "--output-file", "-o", help="Write the report to this file instead of standard output."),
) -> None:
    """Check documents and report findings."""
    from factcheck import scan_command

    code = scan_command.run(ScanOptions(
        tuple(paths or ["."]), date, fmt.value if fmt else None, fail_on.value if fail_on else None, split_rules(select_),
        split_rules(ignore), config, isolated, exit_zero, statistics, report_unused, baseline, write_baseline,
        diff, jobs, input_format.value if input_format else None, resume, keep_going,
        engine.value if engine else None, scheduler, rules=tuple(rules or ()), max_file_size=max_file_size,
        ignore_unreadable=ignore_unreadable,
        show_unchecked=show_unchecked, quiet=quiet, output_file=output_file,
    ))
    if code:
        raise typer.Exit(code)


@app.command("config")
def show_config(
    path: Optional[Path] = typer.Argument(None, help="A file or folder to find the configuration for (default: here)."),
    config: Optional[Path] = typer.Option(None, "--config", help="This configuration file instead of the nearest one."),
    isolated: bool = typer.Option(False, "--isolated", help="No configuration file: the defaults."),
) -> None:
    """Print the effective configuration (as TOML) and the rules it runs."""
    from factcheck.scanning import ScanRequest, config_for, engine_for

    where = path or Path.cwd()
    if not where.exists():
        raise UserError(f"{where}: no such file or directory")
    request = ScanRequest((str(where),), config=config, isolated=isolated)
    cfg = config_for(request)
    engine = engine_for(cfg, request)
    sys.stdout.write(cfg.describe())
    sys.stdout.write("\n# rules that run:\n")
    for rule in engine.rules:
        sys.stdout.write(f"#   {rule.code}  {rule.name:<20} {rule.severity}\n")


@app.command()
def extract(
    paths: List[str] = typer.Argument(..., help="Files, directories, or - for stdin."),
    date: Optional[str] = typer.Option(None, "--date", help="Document date YYYY-MM-DD."),
    fmt: str = typer.Option("json", "--format", help="Only json for now."),
) -> None:
    """Print what the checker understood: sentences, times, mentions, role claims, events."""
    if fmt != "json":
        raise UserError(f"--format: {fmt!r} is not supported by extract (use json)")
    from factcheck.report.facts_json import render

    sys.stdout.write(render(_results(paths, date)))


@app.command()
def rules(
    explain: Optional[str] = typer.Option(None, "--explain", help="Show one rule's documentation and examples (code or name); ALL for every rule."),
    packs: Optional[List[str]] = typer.Option(None, "--rules", help="A rule-pack folder to load as well; repeatable."),
) -> None:
    """List the rules, or explain them."""
    engine = _engine(packs)
    if explain:
        match = list(engine.rules) if explain.upper() == "ALL" else [r for r in engine.rules if explain in (r.code, r.name)]
        if not match:
            names = ", ".join(f"{r.code} {r.name}" for r in engine.rules)
            raise UserError(f"unknown rule {explain!r} (known: {names})")
        sys.stdout.write("\n\n".join(_explain(rule) for rule in match))
        return
    for rule in engine.rules:
        sys.stdout.write(f"{rule.code}  {rule.name:<20} {rule.severity:<8} {rule.summary}\n")


def _explain(rule: Rule) -> str:
    lines = [f"{rule.code} {rule.name} ({rule.severity}, kind {rule.kind})", "", rule.doc, "", "Examples:"]
    for ex in rule.examples:
        lines.append(f"  {'fires ' if ex.fires else 'silent'}  {ex.text}" + (f"  [date {ex.date}]" if ex.date else ""))
    return "\n".join(lines) + "\n"


@app.callback(invoke_without_command=True)
def _root(version: bool = typer.Option(False, "--version", help="Show the version and exit.")) -> None:
    if version:
        sys.stdout.write(f"factcheck {__version__}\n")
        raise typer.Exit(0)


app.add_typer(kb_app, name="kb", help="Query, validate and build the knowledge base.")


def main() -> None:
    exit_with(_typer_app)


def _typer_app() -> int:
    try:
        code = app(standalone_mode=False)
    except typer.Exit as exc:
        return exc.exit_code
    except Exception as exc:
        # Usage errors from typer's (vendored) click: one line, exit 2. Duck-typed because
        # typer may ship its own copy of click's exception classes.
        if hasattr(exc, "format_message") and hasattr(exc, "exit_code"):
            if type(exc).__name__ == "NoArgsIsHelpError":
                sys.stdout.write(exc.format_message() + "\n")
                return 0
            raise UserError(exc.format_message()) from None
        if type(exc).__name__ == "Abort":
            raise KeyboardInterrupt from None
        raise
    return code if isinstance(code, int) else 0
