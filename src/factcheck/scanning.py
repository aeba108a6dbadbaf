"""Many documents: configuration per file, rule selection, .gitignore, parallel workers.

Kept apart from cli.py so the command line stays a thin layer of option parsing. Baselines live in
baseline.py, changed-lines filtering in diff.py.
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Callable, Iterator, NamedTuple

from factcheck.api import check_document, load_engine
from factcheck.checks.registry import Rule
from factcheck.config import Config, discover, load
from factcheck.document import TEXT_SUFFIXES, Document, InputError, load_path, load_stdin
from factcheck.engine import Engine
from factcheck.errors import UsageError
from factcheck.facts import DateSource
from factcheck.findings import Result
from factcheck.selection import check_selectors, select

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


class Scan(NamedTuple):
    """What a run produced: one result per document (in path order), the run's configuration (for
    fail-on: the one nearest the first path), and every rule that ran for some document."""

    results: tuple[Result, ...]
    config: Config
    rules: tuple[Rule, ...]
    known: tuple[Rule, ...] = ()  # every rule loaded, selected or not


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
        folder = Path(file).resolve().parent
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
    return engine.with_rules(rules)


def check_file(engine: Engine, config: Config, request: ScanRequest, path: str) -> Result:
    doc = load_document(path, request.date, config.date)
    return check_document(doc, engine, config.ignored_for(path))


def _slim(result: Result) -> Result:
    # Reports need only the sentences and the document date of the facts; sending the rest back
    # from a worker would cost more than checking the document did.
    facts = replace(result.facts, times=(), mentions=(), roles=(), events=(), quotes=(), non_dates=(), orders=(), prose="")
    return result._replace(facts=facts)


class _Worker:
    """One worker process's engines (one per configuration, built once from the compiled cache)."""

    engines: tuple[Engine, ...] = ()
    configs: tuple[Config, ...] = ()
    request: ScanRequest | None = None


def _init_worker(configs: tuple[Config, ...], request: ScanRequest) -> None:
    _Worker.configs = configs
    _Worker.request = request
    _Worker.engines = tuple(engine_for(c, request) for c in configs)


def _check(job: tuple[str, int]) -> Result:
    path, index = job
    assert _Worker.request is not None
    return _slim(check_file(_Worker.engines[index], _Worker.configs[index], _Worker.request, path))


def scan(request: ScanRequest) -> Scan:
    run_config = config_for(request)
    configs = _Configs(request, run_config)
    named = {p for p in request.paths if p != "-" and Path(p).is_file()}
    try:
        files = collect_paths(list(request.paths), lambda p: configs.of(p).includes(p))
        # Exclusions apply to named files too, so a pre-commit hook (which names every staged file)
        # honours them; .gitignore only to files found by searching a folder or a glob.
        files = [f for f in files if f == "-" or not configs.of(f).excludes(f)]
        files = _not_git_ignored(files, named)
        per_file = [configs.of(f) for f in files]
        order: list[Config] = list({c.path: c for c in (run_config, *per_file)}.values())
        index = {c.path: n for n, c in enumerate(order)}
        engines = [engine_for(c, request) for c in order]
        jobs = max(1, min(_jobs(request.jobs, len(files)), len(files)))
        results: list[Result] = []
        with _progress(len(files)) as advance:
            if jobs == 1 or "-" in files:
                for f, c in zip(files, per_file):
                    results.append(check_file(engines[index[c.path]], c, request, f))
                    advance()
            else:
                from concurrent.futures import ProcessPoolExecutor  # only here: importing it costs a pre-commit hook

                work = [(f, index[c.path]) for f, c in zip(files, per_file)]
                with ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(tuple(order), request)) as pool:
                    for result in pool.map(_check, work, chunksize=max(1, min(32, len(files) // (jobs * 8)))):
                        results.append(result)
                        advance()
    except InputError as exc:
        raise UsageError(str(exc)) from None
    return Scan(tuple(results), run_config, _union(e.rules for e in engines), _union(e.all_rules for e in engines))


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


def _not_git_ignored(files: list[str], named: set[str]) -> list[str]:
    """Drop files .gitignore excludes, inside a git work tree; files named on the command line stay."""
    found = [f for f in files if f != "-" and f not in named]
    if not found:
        return files
    resolved = {f: os.path.realpath(f) for f in found}
    absolute = sorted(set(resolved.values()))
    common = Path(os.path.commonpath(absolute))
    common = common if common.is_dir() else common.parent
    ignored: set[str] = set()
    if not _ignored_in(common, absolute, ignored):
        # Not one work tree (a folder holding several repositories, or none): one call per repository.
        for root, paths in _by_repository(absolute, common).items():
            _ignored_in(root, paths, ignored)
    return [f for f in files if f == "-" or f in named or resolved[f] not in ignored]


def _by_repository(paths: list[str], top: Path) -> dict[Path, list[str]]:
    """Files grouped by the nearest folder (at or below `top`) holding a .git; files in none are left out."""
    root_of: dict[Path, Path | None] = {}
    groups: dict[Path, list[str]] = {}
    for p in paths:
        folder = Path(p).parent
        if folder not in root_of:
            root_of[folder] = next((d for d in (folder, *folder.parents) if (d / ".git").exists()
                                    and (d == top or top in d.parents)), None)
        root = root_of[folder]
        if root is not None:
            groups.setdefault(root, []).append(p)
    return groups


def _ignored_in(folder: Path, paths: list[str], out: set[str]) -> bool:
    """Add the ignored ones of `paths` (absolute) to `out`; False when git cannot tell (not a work
    tree, paths outside it, no git)."""
    import subprocess  # only for folders and globs: a hook naming its files never starts git

    try:
        proc = subprocess.run(["git", "check-ignore", "--stdin"], input="\n".join(paths), capture_output=True,
                              text=True, timeout=60, cwd=folder)
    except (OSError, subprocess.TimeoutExpired):
        return False
    if proc.returncode not in (0, 1):
        return False
    out.update(str(Path(p).resolve()) for p in proc.stdout.splitlines() if p)
    return True


def collect_paths(args: list[str], wanted: Callable[[str], bool] | None = None) -> list[str]:
    """Expand directories into their text files (sorted), keep '-' for stdin.

    `wanted(path) -> bool` filters files found inside directories (include/exclude patterns);
    files named on the command line are always checked.
    """
    out: list[str] = []
    for arg in args:
        if arg == "-":
            out.append(arg)
            continue
        path = Path(arg)
        if not path.exists() and any(c in arg for c in "*?["):
            # A quoted glob ('articles/**/*.md'), expanded here as a shell would.
            base = Path(arg.split("*")[0].split("?")[0].split("[")[0] or ".")
            root = base if base.is_dir() else base.parent
            pattern = str(Path(arg).relative_to(root)) if Path(arg).is_relative_to(root) else arg
            matched = sorted(str(p) for p in root.glob(pattern) if p.is_file() and (wanted is None or wanted(str(p))))
            if not matched:
                raise InputError(f"{arg}: no file matches this pattern")
            out.extend(matched)
            continue
        if path.is_dir():
            found = sorted(p for p in _text_files(str(path)) if wanted is None or wanted(p))
            if not found:
                raise InputError(f"{arg}: no .txt or .md files in this directory")
            out.extend(found)
        elif not path.exists():
            raise InputError(f"{arg}: no such file or directory")
        else:
            out.append(arg)
    return out


def _text_files(folder: str) -> Iterator[str]:
    """Text files under a folder (as pathlib writes it), hidden files and folders left out, named as
    pathlib would name them ("a.md", not "./a.md"). os.walk and strings: pathlib's rglob cost a
    corpus scan a tenth of its time before any file was read."""
    for parent, subfolders, names in os.walk(folder):
        subfolders[:] = [d for d in subfolders if not d.startswith(".")]
        if folder == ".":
            parent = parent[2:]  # "./sub" -> "sub", "." -> ""
        for name in names:
            if not name.startswith(".") and os.path.splitext(name)[1].lower() in TEXT_SUFFIXES:
                yield os.path.join(parent, name)


def load_document(arg: str, date_option: date | None, default_date: date | None = None) -> Document:
    doc = load_stdin(date_option) if arg == "-" else load_path(Path(arg), date_option)
    if doc.declared_date is None and default_date is not None:
        doc = replace(doc, declared_date=default_date, date_source=DateSource.CONFIG)
    return doc
