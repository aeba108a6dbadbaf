"""Many documents: configuration per file, rule selection, .gitignore, parallel workers.

Kept apart from cli.py so the command line stays a thin layer of option parsing. Baselines live in
baseline.py, changed-lines filtering in diff.py.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import NamedTuple

from factcheck.api import check_document, load_engine
from factcheck.checks.registry import Rule
from factcheck.config import Config, discover, load
from factcheck.discovery import DiscoveryError, Skipped, collect
from factcheck.document import (
    MAX_FILE_SIZE,
    TEXT_SUFFIXES,
    Document,
    InputError,
    load_path,
    load_stdin,
)
from factcheck.engine import Engine
from factcheck.errors import UsageError
from factcheck.facts import DateSource, Sentences
from factcheck.findings import Result, Severity
from factcheck.gitignore import GitIgnore
from factcheck.selection import check_selectors, select
from factcheck.workers import each, worker_pool

PROGRESS_FROM = 50  # files


class ScanRequest(NamedTuple):
    """What to scan and how: paths, date, rule selection, configuration, workers."""

    paths: tuple[str, ...]
    date: date | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    config: Path | None = None
    isolated: bool = False
    jobs: int | None = 1  # None: all cores, once there are enough files to be worth the workers
    rule_dirs: tuple[Path, ...] = ()  # rule packs given on the command line (--rules), after the configuration's
    max_file_size: int | None = None  # bytes; None: the configuration's
    all_facts: bool = False  # keep every fact of each result (`factcheck extract`); reports need few


class Scan(NamedTuple):
    """What a run produced: one result per document (in path order), the run's configuration (for
    fail-on: the one nearest the first path), and every rule that ran for some document."""

    results: tuple[Result, ...]
    config: Config
    rules: tuple[Rule, ...]
    known: tuple[Rule, ...] = ()  # every rule loaded, selected or not
    skipped: tuple[Skipped, ...] = ()  # entries that could not be checked, sorted by path


def config_for(request: ScanRequest) -> Config:
    """The run's configuration: --config, else the nearest one to the first path (or the current folder)."""
    if request.isolated:
        return Config()
    if request.config is not None:
        return load(request.config)
    first = next((Path(p) for p in request.paths if p != "-"), Path.cwd())
    return load(discover(first if first.exists() else Path.cwd()))


class _Configs:
    """The configuration of each file: the nearest one walking up from it (one lookup per folder),
    unless --config or --isolated fixed one for the whole run."""

    def __init__(self, request: ScanRequest, run_config: Config) -> None:
        self._fixed = run_config if (request.isolated or request.config is not None) else None
        self._by_folder: dict[Path, Config] = {}
        self._by_named: dict[str, Config] = {}
        self._by_path: dict[Path | None, Config] = {run_config.path: run_config}
        self._by_file: dict[str, Config] = {}  # a scan asks up to three times per file

    def of(self, file: str) -> Config:
        if self._fixed is not None or file == "-":
            return self._fixed or next(iter(self._by_path.values()))
        found = self._by_file.get(file)
        if found is None:
            found = self._by_file[file] = self._lookup(file)
        return found

    def _lookup(self, file: str) -> Config:
        # Files of one folder as written share its configuration, so only the first is resolved
        # (resolving every path was a tenth of a corpus scan); a symbolic link goes by its target.
        named = os.path.dirname(file)
        if named in self._by_named and not os.path.islink(file):
            return self._by_named[named]
        folder = Path(os.path.realpath(file)).parent  # never raises, even on a link loop
        if folder not in self._by_folder:
            found = discover(folder)
            if found not in self._by_path:
                self._by_path[found] = load(found)
            self._by_folder[folder] = self._by_path[found]
        if not os.path.islink(file):
            self._by_named[named] = self._by_folder[folder]
        return self._by_folder[folder]


def engine_for(config: Config, request: ScanRequest) -> Engine:
    """The engine for one configuration: its extra rule and knowledge-base folders, its selection and
    severities, then the command line's --select/--ignore."""
    engine = load_engine(config.kb_dirs, config.rule_dirs + request.rule_dirs)
    where = str(config.path or "configuration")
    check_selectors([r for rules in config.per_file_ignores.values() for r in rules], engine.rules, f"{where}: per-file-ignores")
    rules = select(engine.rules, config.select, config.ignore, config.severity, where=where)
    rules = select(rules, request.select, request.ignore)
    if config.require_date:
        # Dates are mandatory: the missing-date rule fires on every undated document, as an error.
        rules = tuple(replace(r, severity=Severity.ERROR, options={**r.options, "always": True})
                      if r.kind == "document_date" else r for r in rules)
    return engine.with_rules(rules)


def check_file(engine: Engine, config: Config, request: ScanRequest, path: str) -> Result:
    limit = request.max_file_size if request.max_file_size is not None else config.max_file_size
    doc = load_document(path, request.date, config.date, limit)
    return check_document(doc, engine, config.ignored_for(path))


def _slim(outcome: Result | Skipped, request: ScanRequest) -> Result | Skipped:
    # Reports need only the sentences and the document date of the facts; sending the rest back
    # from a worker would cost more than checking the document did, and keeping it while the report
    # is written would hold several times the text's size in memory. A document with no finding and
    # no title to list needs not even its text: reports give its path, date and "no titles to check".
    if not isinstance(outcome, Result) or request.all_facts:
        return outcome
    bare = not (outcome.findings or outcome.mentions or outcome.unused_suppressions)
    facts = replace(outcome.facts, times=(), mentions=(), roles=(), events=(), quotes=(), non_dates=(), orders=(), prose="",
                    sentences=Sentences() if bare else outcome.facts.sentences)
    return outcome._replace(facts=facts, document=outcome.document.without_text() if bare else outcome.document)


class _Worker:
    """One worker process's engines (one per configuration, built once from the compiled cache)."""

    engines: tuple[Engine, ...] = ()
    configs: tuple[Config, ...] = ()
    request: ScanRequest | None = None


def _init_worker(configs: tuple[Config, ...], request: ScanRequest) -> None:
    _Worker.configs = configs
    _Worker.request = request
    _Worker.engines = tuple(engine_for(c, request) for c in configs)


def _check(jobs: list[tuple[str, int]]) -> list[Result | Skipped]:
    assert _Worker.request is not None
    request = _Worker.request
    return [_slim(_checked(_Worker.engines[index], _Worker.configs[index], request, path), request)
            for path, index in jobs]


def _checked(engine: Engine, config: Config, request: ScanRequest, path: str) -> Result | Skipped:
    """One file checked, or the reason it could not be read (the run goes on)."""
    try:
        return check_file(engine, config, request, path)
    except InputError as exc:
        return Skipped(path, _reason(path, str(exc)))


def _reason(path: str, message: str) -> str:
    """The message without the path it starts with (the report puts the path in front)."""
    return message[len(path) + 2:] if message.startswith(f"{path}: ") else message


def scan(request: ScanRequest) -> Scan:
    run_config = config_for(request)
    configs = _Configs(request, run_config)
    named = {p for p in request.paths if p != "-" and os.path.isfile(p)}
    try:
        found = collect(list(request.paths), TEXT_SUFFIXES, lambda p: configs.of(p).includes(p))
    except DiscoveryError as exc:
        raise UsageError(str(exc)) from None
    # Exclusions apply to named files too, so a pre-commit hook (which names every staged file)
    # honours them; .gitignore only to files found by searching a folder or a glob.
    files = [f for f in found.files if f == "-" or not configs.of(f).excludes(f)]
    ignore = GitIgnore()
    real = _RealPaths()
    files = [f for f in files if f == "-" or f in named or not ignore.ignored(real.of(f))]
    skipped = [s for s in found.skipped if not ignore.ignored(os.path.abspath(s.path))]
    per_file = [configs.of(f) for f in files]
    order: list[Config] = list({c.path: c for c in (run_config, *per_file)}.values())
    index = {c.path: n for n, c in enumerate(order)}
    engines = [engine_for(c, request) for c in order]
    jobs = max(1, min(_jobs(request.jobs, len(files)), len(files)))
    checked: list[Result | Skipped] = []
    with _progress(len(files)) as advance:
        if jobs == 1 or "-" in files:
            for f, c in zip(files, per_file):
                checked.append(_slim(_checked(engines[index[c.path]], c, request, f), request))
                advance()
        else:
            work = [(f, index[c.path]) for f, c in zip(files, per_file)]
            size = max(1, min(32, len(files) // (jobs * 8)))  # files a task
            chunks = [work[n:n + size] for n in range(0, len(work), size)]
            with worker_pool(jobs, _init_worker, (tuple(order), request)) as pool:
                for outcomes in each(pool.imap(_check, chunks)):
                    checked.extend(outcomes)
                    for _ in outcomes:
                        advance()
    results = tuple(r for r in checked if isinstance(r, Result))
    skipped += [s for s in checked if isinstance(s, Skipped)]
    return Scan(results, run_config, _union(e.rules for e in engines), _union(e.all_rules for e in engines),
                tuple(sorted(set(skipped))))


class _RealPaths:
    """`os.path.realpath` of the files of a folder scan, each folder resolved once: a file that is no
    symbolic link resolves to its folder's real path and its name (one lstat instead of one for every
    folder above it: 80 ms of the 230 that finding 10,000 files took)."""

    def __init__(self) -> None:
        self._folders: dict[str, str] = {}

    def of(self, path: str) -> str:
        if os.path.islink(path):
            return os.path.realpath(path)
        folder, name = os.path.split(path)
        if folder not in self._folders:
            self._folders[folder] = os.path.realpath(folder or os.curdir)
        return os.path.join(self._folders[folder], name)


def _union(groups: Iterator[tuple[Rule, ...]]) -> tuple[Rule, ...]:
    rules: dict[str, Rule] = {}
    for group in groups:
        for rule in group:
            rules.setdefault(rule.code, rule)
    return tuple(sorted(rules.values(), key=lambda r: r.code))


@contextmanager
def _progress(total: int) -> Iterator[Callable[[], None]]:
    """A progress bar on stderr for long runs on a terminal; nothing otherwise (CI logs stay clean)."""
    if total < PROGRESS_FROM or not sys.stderr.isatty():
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(transient=True, console=Console(stderr=True)) as bar:
        task = bar.add_task("checking", total=total)
        yield lambda: bar.advance(task)


PARALLEL_FROM = 16  # files; below this, starting workers (each loads the engine) costs more than it saves


def _jobs(asked: int | None, files: int) -> int:
    if asked is not None:
        return asked
    return (os.cpu_count() or 1) if files >= PARALLEL_FROM else 1


def collect_paths(args: list[str], wanted: Callable[[str], bool] | None = None) -> list[str]:
    """The text files the arguments name (see discovery.collect); entries that cannot be read are
    left out here (a scan reports them)."""
    try:
        return collect(args, TEXT_SUFFIXES, wanted).files
    except DiscoveryError as exc:
        raise InputError(str(exc)) from None


def load_document(arg: str, date_option: date | None, default_date: date | None = None,
                  max_bytes: int = MAX_FILE_SIZE) -> Document:
    doc = load_stdin(date_option, max_bytes) if arg == "-" else load_path(Path(arg), date_option, max_bytes)
    if doc.declared_date is None and default_date is not None:
        doc = replace(doc, declared_date=default_date, date_source=DateSource.CONFIG)
    return doc
