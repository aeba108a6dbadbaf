"""The command line: thin. Parse options, call the engine, pick a reporter."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from factcheck import __version__
from factcheck.errors import UsageError as UserError  # one line on stderr, exit code 2
from factcheck.kb.commands import kb_app

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Find statements in prose that cannot all be true: stale titles, two holders of one office, "
    "one event credited to two people, weekdays that do not match their dates.",
)


class Format(str, Enum):
    rich = "rich"
    text = "text"
    json = "json"
    jsonl = "jsonl"
    sarif = "sarif"
    github = "github"
    junit = "junit"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"



def _date(value: Optional[str]):
    from factcheck.dates import DateError, parse_day

    if value is None:
        return None
    try:
        return parse_day(value)
    except DateError:
        raise UserError(f"--date: {value!r} is not a date in the form YYYY-MM-DD") from None


def _engine():
    from factcheck.checks.registry import RuleError
    from factcheck.engine import Engine
    from factcheck.kb.load import KnowledgeBaseError
    from factcheck.lexicon import LexiconError

    try:
        return Engine.default()
    except (KnowledgeBaseError, LexiconError, RuleError) as exc:
        raise UserError(str(exc)) from None


def _split(values: Optional[List[str]]) -> tuple[str, ...]:
    return tuple(v.strip() for value in (values or []) for v in value.split(",") if v.strip())


def _results(paths: List[str], date_value: Optional[str]):
    from factcheck.scanning import ScanRequest, scan as run_scan

    return run_scan(ScanRequest(tuple(paths), _date(date_value), isolated=True)).results


@app.command()
def scan(
    paths: List[str] = typer.Argument(..., help="Files (.txt, .md), directories, quoted globs ('articles/**/*.md'), or - for stdin."),
    date: Optional[str] = typer.Option(None, "--date", help="Document date YYYY-MM-DD (overrides front matter)."),
    fmt: Optional[Format] = typer.Option(None, "--format", help="rich (default on a terminal), text (default otherwise), json, jsonl, sarif, github, junit."),
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
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", help="Worker processes (default: all cores); output is the same for any number."),
) -> None:
    """Check documents and report findings."""
    from factcheck.findings import SEVERITY_RANK
    from factcheck.scanning import ScanRequest, default_jobs
    from factcheck.scanning import scan as run_scan

    if jobs is not None and jobs < 1:
        raise UserError("--jobs must be 1 or more")
    if baseline is not None and write_baseline is not None:
        raise UserError("--baseline and --write-baseline cannot be used together")
    request = ScanRequest(tuple(paths), _date(date), _split(select_), _split(ignore), config, isolated,
                          jobs or default_jobs())
    if diff is not None:
        from factcheck.diff import verify

        verify(diff, paths)
    outcome = run_scan(request)
    results = list(outcome.results)
    rules = outcome.rules
    if report_unused:  # first, so that baselines and --diff treat FC900 as any other finding
        results, rules = _with_unused(results, outcome.known), (*rules, _unused_rule())
    if write_baseline is not None:
        from factcheck.baseline import write as record

        n = record(write_baseline, results)
        sys.stderr.write(f"factcheck: {n} finding(s) recorded in {write_baseline}\n")
        return
    if baseline is not None:
        from factcheck.baseline import apply as apply_baseline

        results = apply_baseline(baseline, results)
    if diff is not None:
        from factcheck.diff import only_changed

        results = only_changed(diff, results)
    chosen = fmt or (Format.rich if sys.stdout.isatty() else Format.text)
    if statistics:
        _statistics(results, as_json=chosen is Format.json)
    else:
        _render(chosen, results, rules)
    threshold_name = (fail_on.value if fail_on else outcome.config.fail_on)
    if exit_zero or threshold_name == "never":
        return
    threshold = SEVERITY_RANK[threshold_name]
    if any(SEVERITY_RANK[f.severity] >= threshold for r in results for f in r.findings):
        raise typer.Exit(1)


def _unused_rule():
    """FC900 is not a check of the text: it reports the checker's own directives."""
    from factcheck.checks.registry import Rule

    return Rule("FC900", "unused-suppression", "suppressions", "warning",
                "a factcheck: ignore[...] directive that hides no finding")


def _with_unused(results, known):
    """Unused `ignore` directives become findings (FC900 unused-suppression, warning), as ruff's RUF100."""
    from dataclasses import replace

    from factcheck.facts import Span
    from factcheck.findings import Finding, finalize
    from factcheck.selection import matches, suggest

    def message(rules: tuple[str, ...]) -> str:
        unknown = [r for r in rules if not any(matches(r, k) for k in known)]
        if unknown:
            return "; ".join(f"this suppression names an unknown rule {r!r}{suggest(r, known)}" for r in unknown)
        return "this suppression hides no finding" + (f" of {', '.join(rules)}" if rules else "")

    out = []
    for r in results:
        extra = [Finding("FC900", "unused-suppression", "warning", Span(s.start, s.end), message(s.rules))
                 for s in r.unused_suppressions]
        out.append(replace(r, findings=finalize(r.findings + tuple(extra))))
    return out


def _statistics(results, as_json: bool = False) -> None:
    from collections import Counter

    counts = Counter((f.code, f.rule, f.severity) for r in results for f in r.findings)
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if as_json:
        import json

        sys.stdout.write(json.dumps([{"code": c, "rule": n, "severity": s, "count": k} for (c, n, s), k in rows],
                                    indent=2) + "\n")
        return
    for (code, rule, severity), n in rows:
        sys.stdout.write(f"{n:>6}  {code}  {rule:<22} {severity}\n")


def _render(chosen: Format, results, rules) -> None:
    if chosen is Format.json:
        from factcheck.report.json import render

        sys.stdout.write(render(results))
    elif chosen is Format.jsonl:
        from factcheck.report.jsonl import render as render_jsonl

        sys.stdout.write(render_jsonl(results))
    elif chosen is Format.sarif:
        from factcheck.report.sarif import render as render_sarif

        sys.stdout.write(render_sarif(results, rules))
    elif chosen is Format.junit:
        from factcheck.report.junit import render as render_junit

        sys.stdout.write(render_junit(results))
    elif chosen is Format.github:
        from factcheck.report.github import render as render_github

        sys.stdout.write(render_github(results))
    elif chosen is Format.text:
        from factcheck.report.text import render as render_text

        sys.stdout.write(render_text(results))
    else:
        from rich.console import Console

        from factcheck.report.rich import render as render_rich

        render_rich(results, Console(highlight=False))


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
def rules(explain: Optional[str] = typer.Option(None, "--explain", help="Show one rule's documentation (code or name).")) -> None:
    """List the rules, or explain one."""
    engine = _engine()
    if explain:
        match = [r for r in engine.rules if explain in (r.code, r.name)]
        if not match:
            names = ", ".join(f"{r.code} {r.name}" for r in engine.rules)
            raise UserError(f"unknown rule {explain!r} (known: {names})")
        rule = match[0]
        sys.stdout.write(f"{rule.code} {rule.name} ({rule.severity})\n\n{rule.doc}\n\nExamples:\n")
        for ex in rule.examples:
            sys.stdout.write(f"  {'fires ' if ex.fires else 'silent'}  {ex.text}" + (f"  [date {ex.date}]" if ex.date else "") + "\n")
        return
    for rule in engine.rules:
        sys.stdout.write(f"{rule.code}  {rule.name:<20} {rule.severity:<8} {rule.summary}\n")


@app.callback(invoke_without_command=True)
def _root(version: bool = typer.Option(False, "--version", help="Show the version and exit.")) -> None:
    if version:
        sys.stdout.write(f"factcheck {__version__}\n")
        raise typer.Exit(0)


app.add_typer(kb_app, name="kb", help="Query, validate and build the knowledge base.")


def main() -> None:
    try:
        code = app(standalone_mode=False)
    except UserError as exc:
        sys.stderr.write(f"factcheck: error: {exc}\n")
        sys.exit(2)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        # The reader went away (`factcheck ... | head`): stop quietly, as other command-line tools do.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    except Exception as exc:
        # Usage errors from typer's (vendored) click: one line, exit 2. Duck-typed because
        # typer may ship its own copy of click's exception classes.
        if hasattr(exc, "format_message") and hasattr(exc, "exit_code"):
            if type(exc).__name__ == "NoArgsIsHelpError":
                sys.stdout.write(exc.format_message() + "\n")
                sys.exit(0)
            sys.stderr.write(f"factcheck: error: {exc.format_message()}\n")
            sys.exit(2)
        if type(exc).__name__ == "Abort":
            sys.exit(130)
        raise
    sys.exit(code if isinstance(code, int) else 0)
