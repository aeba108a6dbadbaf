"""The command line: thin. Parse options, call the engine, pick a reporter."""

from __future__ import annotations

import sys
from enum import Enum
from typing import List, Optional

import typer

from factcheck import __version__

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


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


from factcheck.errors import UsageError as UserError  # noqa: E402  (one line on stderr, exit code 2)


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


def _results(paths: List[str], date_value: Optional[str]):
    from factcheck.document import InputError
    from factcheck.engine import collect_paths, load

    day = _date(date_value)
    engine = _engine()
    try:
        files = collect_paths(paths)
        return [engine.run(load(p, day)) for p in files]
    except InputError as exc:
        raise UserError(str(exc)) from None


@app.command()
def scan(
    paths: List[str] = typer.Argument(..., help="Files (.txt, .md), directories, or - for stdin."),
    date: Optional[str] = typer.Option(None, "--date", help="Document date YYYY-MM-DD (overrides front matter)."),
    fmt: Optional[Format] = typer.Option(None, "--format", help="Output format (default: rich on a terminal, text otherwise)."),
    fail_on: FailOn = typer.Option(FailOn.error, "--fail-on", help="Exit 1 when a finding at or above this severity is found."),
) -> None:
    """Check documents and report findings."""
    from factcheck.findings import SEVERITY_RANK

    results = _results(paths, date)
    chosen = fmt or (Format.rich if sys.stdout.isatty() else Format.text)
    if chosen is Format.json:
        from factcheck.report.json import render

        sys.stdout.write(render(results))
    elif chosen is Format.text:
        from factcheck.report.text import render as render_text

        sys.stdout.write(render_text(results))
    else:
        from rich.console import Console

        from factcheck.report.rich import render as render_rich

        render_rich(results, Console(highlight=False))
    if fail_on is not FailOn.never:
        threshold = SEVERITY_RANK[fail_on.value]
        if any(SEVERITY_RANK[f.severity] >= threshold for r in results for f in r.findings):
            raise typer.Exit(1)


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


def _mount_kb() -> None:
    try:
        from factcheck.kb.commands import kb_app
    except ImportError:
        return
    app.add_typer(kb_app, name="kb", help="Query, validate and build the knowledge base.")


def main() -> None:
    _mount_kb()
    try:
        code = app(standalone_mode=False)
    except UserError as exc:
        sys.stderr.write(f"factcheck: error: {exc}\n")
        sys.exit(2)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        sys.exit(130)
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
