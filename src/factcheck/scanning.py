"""Many documents: configuration per file, rule selection, parallel workers, baseline and --diff.

Kept apart from cli.py so the command line stays a thin layer of option parsing.
"""

from __future__ import annotations

import json
import os
import sys
from contextlib import contextmanager
from typing import Callable, Iterator
import re
import subprocess
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from factcheck.config import Config, discover, load
from factcheck.document import InputError
from factcheck.engine import Engine, Result, collect_paths
from factcheck.engine import load as load_document
from factcheck.errors import UsageError
from factcheck.fingerprint import fingerprint
from factcheck.selection import select


@dataclass(frozen=True)
class ScanRequest:
    paths: tuple[str, ...]
    date: date | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    config: Path | None = None
    isolated: bool = False
    jobs: int = 1


def config_for(request: ScanRequest) -> Config:
    """One configuration for the run: --config, else the nearest one to the first path (or cwd)."""
    if request.isolated:
        return Config()
    if request.config is not None:
        return load(request.config)
    first = next((Path(p) for p in request.paths if p != "-"), Path.cwd())
    return load(discover(first if first.exists() else Path.cwd()))


def engine_for(config: Config, request: ScanRequest) -> Engine:
    from factcheck.checks.registry import RuleError
    from factcheck.kb.load import KnowledgeBaseError
    from factcheck.lexicon import LexiconError

    try:
        engine = Engine.default(config.kb_dirs, config.rule_dirs)
    except (KnowledgeBaseError, LexiconError, RuleError) as exc:
        raise UsageError(str(exc)) from None
    rules = select(engine.rules, config.select, config.ignore, config.severity, where=str(config.path or "configuration"))
    rules = select(rules, request.select, request.ignore)
    return engine.with_rules(rules)


PROGRESS_FROM = 50  # files

# Workers keep one engine each (built once, from the compiled cache), not one per document.
_WORKER: dict[str, object] = {}


def _init_worker(config: Config, request: ScanRequest) -> None:
    _WORKER["engine"] = engine_for(config, request)
    _WORKER["config"] = config
    _WORKER["request"] = request


def _check(path: str) -> Result:
    result = check_file(_WORKER["engine"], _WORKER["config"], _WORKER["request"], path)  # type: ignore[arg-type]
    # Reports need only the sentences and the document date of the facts; sending the rest back
    # from the worker would cost more than checking the document did.
    facts = replace(result.facts, times=(), mentions=(), roles=(), events=(), quotes=(), non_dates=(), orders=())
    return replace(result, facts=facts)


def check_file(engine: Engine, config: Config, request: ScanRequest, path: str) -> Result:
    doc = load_document(path, request.date, config.date)
    return engine.run(doc, config.ignored_for(path))


def scan(request: ScanRequest) -> tuple[list[Result], Config, Engine]:
    config = config_for(request)
    engine = engine_for(config, request)
    try:
        files = collect_paths(list(request.paths), lambda p: config.includes(p) and not config.excludes(p))
        files = _not_git_ignored(files)
        jobs = max(1, min(request.jobs, len(files)))
        with _progress(len(files)) as advance:
            if jobs == 1 or "-" in files:
                results = []
                for p in files:
                    results.append(check_file(engine, config, request, p))
                    advance()
            else:
                with ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(config, request)) as pool:
                    results = []
                    for result in pool.map(_check, files, chunksize=max(1, len(files) // (jobs * 8))):
                        results.append(result)
                        advance()
    except InputError as exc:
        raise UsageError(str(exc)) from None
    return results, config, engine


@contextmanager
def _progress(total: int) -> Iterator[Callable[[], None]]:
    """A progress bar on stderr for long runs on a terminal; nothing otherwise (CI logs stay clean)."""
    if total < PROGRESS_FROM or not sys.stderr.isatty():
        yield lambda: None
        return
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        task = bar.add_task("checking", total=total)
        yield lambda: bar.advance(task)


def default_jobs() -> int:
    return os.cpu_count() or 1


def _not_git_ignored(files: list[str]) -> list[str]:
    """Drop files .gitignore excludes, when inside a git work tree (files named by hand included)."""
    real = [f for f in files if f != "-"]
    if not real:
        return files
    try:
        proc = subprocess.run(["git", "check-ignore", "--stdin"], input="\n".join(real), capture_output=True,
                              text=True, timeout=30, cwd=Path(real[0]).resolve().parent)
    except (OSError, subprocess.TimeoutExpired):
        return files
    if proc.returncode not in (0, 1):
        return files  # not a git work tree
    ignored = set(proc.stdout.splitlines())
    return [f for f in files if f not in ignored]


# -- baseline --------------------------------------------------------------------------------------

def baseline_keys(results: list[Result]) -> dict[str, dict[str, str]]:
    keys = {}
    for r in results:
        for f in r.findings:
            keys[f"{r.document.path}::{fingerprint(r, f)}"] = {
                "rule": f.code, "text": r.document.text[f.span.start : f.span.end], "message": f.message}
    return keys


def write_baseline(path: Path, results: list[Result]) -> int:
    keys = baseline_keys(results)
    try:
        path.write_text(json.dumps({"version": 1, "findings": keys}, indent=2, sort_keys=True, ensure_ascii=False) + "\n",
                        encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"--write-baseline: {path}: {exc.strerror}") from None
    return len(keys)


def apply_baseline(path: Path, results: list[Result]) -> list[Result]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        accepted = set(data["findings"])
    except OSError as exc:
        raise UsageError(f"--baseline: {path}: {exc.strerror}") from None
    except (ValueError, KeyError, TypeError):
        raise UsageError(f"--baseline: {path}: not a factcheck baseline file") from None
    return [
        replace(r, findings=tuple(f for f in r.findings if f"{r.document.path}::{fingerprint(r, f)}" not in accepted))
        for r in results
    ]


# -- changed lines only ------------------------------------------------------------------------------

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.M)


def changed_lines(ref: str, path: str) -> set[int] | None:
    """Lines of `path` added or changed since `ref`; None when the whole file is new."""
    folder = Path(path).resolve().parent
    verify = subprocess.run(["git", "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], capture_output=True,
                            text=True, cwd=folder)
    if verify.returncode != 0:
        raise UsageError(f"--diff: unknown revision {ref!r} (in a shallow clone, fetch it first, e.g. "
                         f"'git fetch --depth=1 origin {ref}')")
    tracked = subprocess.run(["git", "cat-file", "-e", f"{ref}:./{Path(path).name}"], capture_output=True, cwd=folder)
    if tracked.returncode != 0:
        return None
    diff = subprocess.run(["git", "diff", "-U0", ref, "--", Path(path).name], capture_output=True, text=True, cwd=folder)
    lines: set[int] = set()
    for m in _HUNK.finditer(diff.stdout):
        start, count = int(m.group(1)), int(m.group(2) or 1)
        lines.update(range(start, start + count))
    return lines


def only_changed(ref: str, results: list[Result]) -> list[Result]:
    out = []
    for r in results:
        if r.document.path == "-":
            out.append(r)
            continue
        lines = changed_lines(ref, r.document.path)
        if lines is None:
            out.append(r)
            continue
        kept = []
        for f in r.findings:
            first, last = r.document.position(f.span.start)[0], r.document.position(f.span.end)[0]
            if any(n in lines for n in range(first, last + 1)):
                kept.append(f)
        out.append(replace(r, findings=tuple(kept)))
    return out
