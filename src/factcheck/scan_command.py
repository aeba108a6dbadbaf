"""The scan command itself, apart from its command-line parser.

`factcheck scan` is what a pre-commit hook runs on every commit, so its start-up time is the
tool's. typer (with click) takes longer to import than reading, checking and reporting a whole
article, so the entry point reads a plain `scan` command line with the small parser below and
hands everything else (help, other commands, any option it does not know, anything it cannot
read for certain) to the typer application in cli.py, which calls `run` with the same options.
A test holds the two parsers to the same options and the same results.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, NamedTuple, TextIO

from factcheck.config import FAIL_ON

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import date

    from factcheck.checks.registry import Rule
    from factcheck.discovery import Skipped
    from factcheck.findings import Result
    from factcheck.scanning import ScanRequest
from factcheck.errors import UsageError
from factcheck.lazyre import lazy

FORMATS = ("rich", "text", "full", "concise", "json", "jsonl", "sarif", "github", "junit")


class ScanOptions(NamedTuple):
    """The options of one `factcheck scan` command line."""

    paths: tuple[str, ...]
    date: str | None = None
    fmt: str | None = None  # None: rich on a terminal, text otherwise
    fail_on: str | None = None  # None: the configuration's
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    config: Path | None = None
    isolated: bool = False
    exit_zero: bool = False
    statistics: bool = False
    report_unused: bool = False
    baseline: Path | None = None
    write_baseline: Path | None = None
    diff: str | None = None
    jobs: int | None = None
    input_format: str | None = None  # None: by file name (.jsonl is a corpus of records)
    resume: Path | None = None
    keep_going: bool = False
    engine: str | None = None  # None: processes on this machine
    scheduler: str | None = None
    rules: tuple[str, ...] = ()  # extra rule-pack folders
    max_file_size: str | None = None  # None: the configuration's (default 20 MB)
    ignore_unreadable: bool = False
    show_unchecked: bool = False
    quiet: bool = False
    output_file: Path | None = None


def split_rules(values: Iterable[str] | None) -> tuple[str, ...]:
    """`--select FC1,FC2 --select role-tenure` -> ("FC1", "FC2", "role-tenure")."""
    return tuple(v.strip() for value in (values or ()) for v in value.split(",") if v.strip())


# Every option of `scan`: the field it sets and whether it takes a value, collects repeated
# values, or is a flag. cli.py declares the same options for typer (help texts included).
OPTIONS: dict[str, tuple[str, str]] = {
    "--date": ("date", "value"),
    "--format": ("fmt", "value"),
    "--fail-on": ("fail_on", "value"),
    "--select": ("select", "many"),
    "--ignore": ("ignore", "many"),
    "--config": ("config", "value"),
    "--isolated": ("isolated", "flag"),
    "--exit-zero": ("exit_zero", "flag"),
    "--statistics": ("statistics", "flag"),
    "--report-unused-suppressions": ("report_unused", "flag"),
    "--baseline": ("baseline", "value"),
    "--write-baseline": ("write_baseline", "value"),
    "--diff": ("diff", "value"),
    "--jobs": ("jobs", "value"),
    "-j": ("jobs", "value"),
    "--input-format": ("input_format", "value"),
    "--resume": ("resume", "value"),
    "--keep-going": ("keep_going", "flag"),
    "--engine": ("engine", "value"),
    "--scheduler": ("scheduler", "value"),
    "--rules": ("rules", "many"),
    "--max-file-size": ("max_file_size", "value"),
    "--ignore-unreadable": ("ignore_unreadable", "flag"),
    "--show-unchecked": ("show_unchecked", "flag"),
    "--quiet": ("quiet", "flag"),
    "-q": ("quiet", "flag"),
    "--output-file": ("output_file", "value"),
    "-o": ("output_file", "value"),
}
INPUT_FORMATS = ("auto", "jsonl")
ENGINES = ("processes", "dask")
_CHOICES = {"fmt": FORMATS, "fail_on": FAIL_ON, "input_format": INPUT_FORMATS, "engine": ENGINES}
_PATH_FIELDS = frozenset({"config", "baseline", "write_baseline", "resume", "output_file"})
_DIGITS = lazy(r"[0-9]+")


def parse_fast(args: list[str]) -> ScanOptions | None:
    """The options of `scan ARGS`, or None when typer must read them (help, an unknown or
    malformed option, a value it would reject): None is always safe, a wrong answer never is."""
    values: dict[str, object] = {}
    many: dict[str, list[str]] = {"select": [], "ignore": [], "rules": []}
    paths: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        i += 1
        if arg == "--":
            paths.extend(args[i:])
            break
        if arg == "-" or not arg.startswith("-"):
            paths.append(arg)
            continue
        if arg.startswith("--"):
            name, eq, attached = arg.partition("=")
        elif arg.startswith("-j") and len(arg) > 2:
            name, eq, attached = "-j", "=", arg[2:]  # -j2 (click reads "-j=2" as the value "=2")
        else:
            name, eq, attached = arg, "", ""
        spec = OPTIONS.get(name)
        if spec is None:
            return None
        field, arity = spec
        if arity == "flag":
            if eq:
                return None
            values[field] = True
            continue
        if eq:
            value = attached
        elif i < len(args):
            value, i = args[i], i + 1
        else:
            return None
        if not value or value.startswith("-"):
            return None  # typer's reading of such values is its own business
        if arity == "many":
            many[field].append(value)
        elif field in _CHOICES:
            if value not in _CHOICES[field]:
                return None
            values[field] = value
        elif field == "jobs":
            if not _DIGITS.fullmatch(value):
                return None
            values[field] = int(value)
        else:
            values[field] = Path(value) if field in _PATH_FIELDS else value
    return ScanOptions(tuple(paths or ["."]), select=split_rules(many["select"]), ignore=split_rules(many["ignore"]),
                       rules=tuple(many["rules"]), **values)  # type: ignore[arg-type]


def run(opts: ScanOptions) -> int:
    """Check the documents, print the report; the exit code (0, or 1 for findings at or above fail-on)."""
    from factcheck.findings import SEVERITY_RANK
    from factcheck.scanning import ScanRequest
    from factcheck.scanning import scan as run_scan

    if opts.jobs is not None and opts.jobs < 1:
        raise UsageError("--jobs must be 1 or more")
    if opts.baseline is not None and opts.write_baseline is not None:
        raise UsageError("--baseline and --write-baseline cannot be used together")
    if opts.output_file is not None and opts.output_file.is_dir():
        raise UsageError(f"--output-file: {opts.output_file} is a directory")
    from factcheck.config import parse_size

    limit = None if opts.max_file_size is None else parse_size(opts.max_file_size, "--max-file-size")
    request = ScanRequest(opts.paths, parse_date_option(opts.date), opts.select, opts.ignore, opts.config,
                          opts.isolated, opts.jobs, max_file_size=limit, rule_dirs=rule_folders(opts.rules))
    if opts.input_format == "jsonl" or any(p.lower().endswith(".jsonl") for p in opts.paths):
        return _run_corpus(opts, request)
    for given, name in ((opts.resume, "--resume"), (opts.keep_going, "--keep-going"), (opts.engine, "--engine"),
                        (opts.scheduler, "--scheduler")):
        if given:
            raise UsageError(f"{name} applies to JSONL corpora (files named *.jsonl, or --input-format jsonl)")
    if opts.diff is not None:
        from factcheck.diff import verify

        verify(opts.diff, list(opts.paths))
    outcome = run_scan(request)
    _warn_skipped(outcome.skipped)
    results = list(outcome.results)
    rules = outcome.rules
    if opts.report_unused:  # first, so that baselines and --diff treat FC900 as any other finding
        results, rules = _with_unused(results, outcome.known), (*rules, _unused_rule())
    elif any(f.code == "FC900" for r in results for f in r.findings):  # unreadable directives
        rules = (*rules, _unused_rule())
    if opts.write_baseline is not None:
        from factcheck.baseline import write as record

        n = record(opts.write_baseline, results)
        sys.stderr.write(f"factcheck: {n} finding(s) recorded in {opts.write_baseline}\n")
        return 0
    if opts.baseline is not None:
        from factcheck.baseline import apply as apply_baseline

        results = apply_baseline(opts.baseline, results)
    if opts.diff is not None:
        from factcheck.diff import only_changed

        results = only_changed(opts.diff, results)
    target = opts.output_file
    chosen = opts.fmt or ("rich" if sys.stdout.isatty() and target is None else "text")
    if target is not None:
        _refuse_scanned(target, results)
    buffer = io.StringIO()
    out = buffer if target is not None else sys.stdout
    if opts.statistics:
        _statistics(results, as_json=chosen == "json", out=out)
    else:
        _render(chosen, results, rules, opts, out, outcome.skipped)
    if target is not None:
        try:
            target.write_text(buffer.getvalue(), encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"--output-file: {opts.output_file}: {exc.strerror or exc}") from None
    if outcome.skipped and not opts.ignore_unreadable:
        return 2
    threshold_name = opts.fail_on or outcome.config.fail_on
    if opts.exit_zero or threshold_name == "never":
        return 0
    threshold = SEVERITY_RANK[threshold_name]
    return 1 if any(SEVERITY_RANK[f.severity] >= threshold for r in results for f in r.findings) else 0


def rule_folders(values: Iterable[str]) -> tuple[Path, ...]:
    """The folders of --rules, each checked to exist."""
    folders = tuple(Path(v) for v in values)
    for folder in folders:
        if not folder.is_dir():
            raise UsageError(f"--rules: {folder}: no such directory")
    return folders


def _run_corpus(opts: ScanOptions, request: ScanRequest) -> int:
    """A JSONL corpus: one result line a record, streamed (see archive.py)."""
    from factcheck.archive import Checker, Runner, outcomes, scan_corpus
    from factcheck.findings import SEVERITY_RANK
    from factcheck.scanning import config_for

    if opts.fmt not in (None, "jsonl"):
        raise UsageError(f"--format {opts.fmt}: a JSONL corpus is reported with --format jsonl, one result a record")
    for given, name in ((opts.baseline, "--baseline"), (opts.write_baseline, "--write-baseline"), (opts.diff, "--diff"),
                        (opts.statistics, "--statistics"), (opts.report_unused, "--report-unused-suppressions"),
                        (opts.output_file, "--output-file"), (opts.show_unchecked, "--show-unchecked")):
        if given:
            raise UsageError(f"{name} does not apply to a JSONL corpus")
    if any(not p.lower().endswith(".jsonl") and p != "-" for p in opts.paths):
        raise UsageError("a JSONL corpus cannot be scanned together with other files")
    if opts.scheduler is not None and opts.engine != "dask":
        raise UsageError("--scheduler needs --engine dask")
    from dataclasses import replace

    config = config_for(request)
    config = replace(config, rule_dirs=config.rule_dirs + request.rule_dirs)  # --rules too
    checker = Checker.from_config(config, opts.select, opts.ignore, request.date)
    runner: Runner = outcomes
    if opts.engine == "dask":
        from factcheck.dask import runner as on_dask

        runner = on_dask(opts.scheduler or "local")
    limit = request.max_file_size if request.max_file_size is not None else config.max_file_size
    totals = scan_corpus(opts.paths, checker, jobs=opts.jobs or (os.cpu_count() or 1), resume=opts.resume,
                         runner=runner, max_bytes=limit)
    if totals.errors and not opts.keep_going:
        sys.stderr.write(f"factcheck: {totals.errors} of {totals.records} record(s) could not be checked "
                         "(their results say why; --keep-going exits as if they were fine)\n")
        return 2
    threshold_name = opts.fail_on or config.fail_on
    if opts.exit_zero or threshold_name == "never":
        return 0
    return 1 if totals.worst >= SEVERITY_RANK[threshold_name] else 0


def parse_date_option(value: str | None) -> date | None:
    from factcheck.dates import DateError, check_document_day, parse_day

    if value is None:
        return None
    try:
        day = parse_day(value)
    except DateError:
        raise UsageError(f"--date: {value!r} is not a date in the form YYYY-MM-DD") from None
    try:
        return check_document_day(day)
    except DateError as exc:
        raise UsageError(f"--date: {exc}") from None


def _unused_rule() -> Rule:
    """FC900 is not a check of the text: it reports the checker's own directives."""
    from factcheck.suppressions import MALFORMED

    return MALFORMED


def _with_unused(results: list[Result], known: tuple[Rule, ...]) -> list[Result]:
    """Unused `ignore` directives become findings (FC900 unused-suppression, warning), as ruff's RUF100."""
    from factcheck.facts import Span
    from factcheck.findings import Finding, Severity, finalize
    from factcheck.selection import matches, suggest

    def message(rules: tuple[str, ...]) -> str:
        unknown = [r for r in rules if not any(matches(r, k) for k in known)]
        if unknown:
            return "; ".join(f"this suppression names an unknown rule {r!r}{suggest(r, known)}" for r in unknown)
        return "this suppression hides no finding" + (f" of {', '.join(rules)}" if rules else "")

    out = []
    for r in results:
        extra = [Finding("FC900", "unused-suppression", Severity.WARNING, Span(s.start, s.end), message(s.rules))
                 for s in r.unused_suppressions]
        out.append(r._replace(findings=finalize(r.findings + tuple(extra))))
    return out


def _refuse_scanned(target: Path, results: list[Result]) -> None:
    """The report never overwrites a document it checked (the checked files are only read)."""
    if target.exists():
        for r in results:
            path = r.document.path
            if path != "-" and os.path.exists(path) and os.path.samefile(path, target):
                raise UsageError(f"--output-file: {target} is one of the scanned files")


def _statistics(results: list[Result], as_json: bool = False, out: TextIO | None = None) -> None:
    out = out or sys.stdout
    from collections import Counter

    counts = Counter((f.code, f.rule, f.severity) for r in results for f in r.findings)
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if as_json:
        import json

        out.write(json.dumps([{"code": c, "rule": n, "severity": s, "count": k} for (c, n, s), k in rows],
                                    indent=2) + "\n")
        return
    for (code, rule, severity), n in rows:
        out.write(f"{n:>6}  {code}  {rule:<22} {severity}\n")


def _warn_skipped(skipped: Sequence[Skipped]) -> None:
    """One warning line on stderr per entry that could not be checked (control characters escaped)."""
    from factcheck.report import printable

    for entry in skipped:
        sys.stderr.write(f"factcheck: warning: {printable(entry.path)}: {printable(entry.reason)}; not checked\n")


def _render(chosen: str, results: list[Result], rules: tuple[Rule, ...], opts: ScanOptions, out: TextIO,
            skipped: Sequence[Skipped] = ()) -> None:
    if chosen == "rich":
        from rich.console import Console

        from factcheck.report.rich import render as render_rich

        render_rich(results, Console(highlight=False, file=out), opts.show_unchecked, opts.quiet)
        return
    from importlib import import_module

    # One module a format under report/, each with render(results[, ...]); `full` is `text`.
    module = import_module(f"factcheck.report.{'text' if chosen == 'full' else chosen}")
    if chosen == "sarif":
        out.write(module.render(results, rules))
    elif chosen == "json":
        module.write(results, out, skipped=skipped)
    elif chosen in ("text", "full", "concise"):
        out.write(module.render(results, opts.show_unchecked, opts.quiet))
    else:
        out.write(module.render(results))
