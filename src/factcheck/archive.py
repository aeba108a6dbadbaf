"""Archives: a JSONL corpus through the checker, one result a record, in input order, in bounded memory.

A record is one line of JSON: `{"id": ..., "text": ..., "date": "YYYY-MM-DD", "path": ..., "format":
"text" | "markdown" | "html"}` (`date`, `path` and `format` optional, other keys ignored). Each
result is one line too: the JSON contract's document object (`path`, `id`, `date`, `date_source`,
`findings`), or, for a line that cannot be checked, `path`, `id`, `source`, `line` and `error`.

Records are read one line at a time and checked in batches; at most a few batches are in flight
at once (in worker processes or on a Dask cluster), and results are written as soon as every
earlier one is, so memory depends on the size of a batch, never on the size of the corpus. A
result depends on its record alone, so the output is the same bytes for any number of workers.
"""

from __future__ import annotations

import functools
import json
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NamedTuple, Protocol

if TYPE_CHECKING:
    from multiprocessing.pool import AsyncResult

from factcheck.api import Engine, check_document, load_engine
from factcheck.config import Config
from factcheck.dates import DateError, parse_day
from factcheck.document import (
    HTML_SUFFIXES,
    MARKUP_SUFFIXES,
    MAX_FILE_SIZE,
    Document,
    InputError,
    from_html,
    from_text,
    open_regular,
)
from factcheck.errors import UsageError
from factcheck.facts import DateSource
from factcheck.findings import Result
from factcheck.lazyre import lazy

RECORD_FORMATS = ("text", "markdown", "html")
BATCH_RECORDS = 256  # records a task: long enough that sending and scheduling it cost little beside checking it
BATCH_CHARS = 2_000_000  # ...and never more text than this in one task (a few huge records)
WINDOW_PER_WORKER = 4  # batches in flight per worker: enough to keep it busy, few enough to bound memory

_TIMESTAMP = lazy(r"^\d{4}-\d{2}-\d{2}(?:[T ].*)?$")


class Record(NamedTuple):
    """One line of the corpus: the text to check and its metadata, or why it cannot be checked."""

    source: str  # the corpus file ("-" for standard input)
    line: int  # 1-based line number in it
    id: str | int | None
    text: str = ""
    date: date | None = None
    path: str | None = None
    format: str = "text"
    error: str | None = None


class Outcome(NamedTuple):
    """What checking one record gave: its result line, the rank of its worst finding (-1: none),
    and the error that stopped it (None when it was checked)."""

    line: str
    worst: int
    error: str | None


Selection = tuple[tuple[str, ...], tuple[str, ...], tuple[tuple[str, str], ...]]  # select, ignore, severities


@dataclass(frozen=True)
class Checker:
    """How every record is checked: the engine's data folders and rule selections, the date that
    overrides every record's (--date) and the one for records that give none (the configuration's).

    Small and hashable, so it travels with each task while a worker builds the engine once."""

    kb_dirs: tuple[str, ...] = ()
    rule_dirs: tuple[str, ...] = ()
    selections: tuple[Selection, ...] = ()  # applied in turn: the configuration's, then the command line's
    date_option: date | None = None
    default_date: date | None = None

    @classmethod
    def from_config(cls, config: Config, select: tuple[str, ...] = (), ignore: tuple[str, ...] = (),
                    date_option: date | None = None) -> Checker:
        """The checker `factcheck scan` uses for files under this configuration."""
        stages = ((config.select, config.ignore, tuple(sorted(config.severity.items()))), (select, ignore, ()))
        return cls(tuple(str(p) for p in config.kb_dirs), tuple(str(p) for p in config.rule_dirs),
                   tuple(s for s in stages if s != ((), (), ())), date_option, config.date)

    def engine(self) -> Engine:
        """The engine, built once per process (a worker keeps it for every batch it is given)."""
        return _engine(self.kb_dirs, self.rule_dirs, self.selections)


@functools.lru_cache(maxsize=4)
def _engine(kb_dirs: tuple[str, ...], rule_dirs: tuple[str, ...], selections: tuple[Selection, ...]) -> Engine:
    from factcheck.selection import select

    engine = load_engine(kb_dirs, rule_dirs)
    rules = engine.rules
    for chosen, ignored, severities in selections:
        rules = select(rules, chosen, ignored, dict(severities))
    return engine.with_rules(rules)


# Reading ---------------------------------------------------------------------------------------


def parse_line(raw: bytes, source: str, line: int) -> Record | None:
    """One corpus line as a record (with `error` set when it cannot be checked); None for a blank line."""
    if not raw.strip():
        return None
    try:
        value = json.loads(raw)
    except UnicodeDecodeError as exc:
        return Record(source, line, None, error=f"not UTF-8 (invalid byte at offset {exc.start})")
    except ValueError as exc:
        return Record(source, line, None, error=f"not valid JSON ({exc})")
    return parse_value(value, source, line)


def parse_value(value: object, source: str, line: int) -> Record:
    """A decoded record (a JSON object) as a record, checked field by field."""
    if not isinstance(value, dict):
        return Record(source, line, None, error=f"not a JSON object but {type(value).__name__}")
    rid = value.get("id")
    if isinstance(rid, bool) or not isinstance(rid, str | int):
        return Record(source, line, None, error="no 'id' (a string or an integer)" if rid is None
                      else f"'id' must be a string or an integer, not {type(rid).__name__}")
    text, path, fmt, day = value.get("text"), value.get("path"), value.get("format"), value.get("date")
    problem = None
    if not isinstance(text, str):
        problem = "no 'text' (a string)" if text is None else f"'text' must be a string, not {type(text).__name__}"
    elif path is not None and not isinstance(path, str):
        problem = f"'path' must be a string, not {type(path).__name__}"
    elif fmt is not None and fmt not in RECORD_FORMATS:
        problem = f"'format' must be one of {', '.join(RECORD_FORMATS)}, not {fmt!r}"
    elif day is not None and not isinstance(day, date) and not (isinstance(day, str) and _TIMESTAMP.match(day)):
        problem = f"'date' must be YYYY-MM-DD, not {day!r}"
    if problem is not None:
        return Record(source, line, rid, path=path if isinstance(path, str) else None, error=problem)
    assert isinstance(text, str)
    parsed: date | None = None
    if isinstance(day, datetime):
        parsed = day.date()
    elif isinstance(day, date):
        parsed = day
    if isinstance(day, str):
        try:
            parsed = parse_day(day[:10])
        except DateError:
            return Record(source, line, rid, path=path, error=f"'date' is not a calendar date: {day!r}")
    if fmt is None:
        suffix = path.lower() if path is not None else ""
        fmt = "html" if suffix.endswith(HTML_SUFFIXES) else "markdown" if suffix.endswith(MARKUP_SUFFIXES) else "text"
    return Record(source, line, rid, text, parsed, path, fmt)


def read_records(stream: IO[bytes], source: str, max_bytes: int = MAX_FILE_SIZE) -> Iterator[Record]:
    """The records of a corpus, one line at a time: the file is never held whole, nor a line longer
    than `max_bytes` (the size limit of a file applies to each record)."""
    n = 0
    while raw := stream.readline(max_bytes + 1):
        n += 1
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):  # skip the rest of the line a piece at a time
                raw = stream.readline(1 << 20)
            yield Record(source, n, None, error=f"longer than the size limit of {max_bytes:,} bytes "
                                                "(raise it with --max-file-size or max-file-size)")
            continue
        record = parse_line(raw, source, n)
        if record is not None:
            yield record


def key(record: Record) -> str:
    """What --resume knows a record by: its id, or where it is when it has none."""
    return json.dumps(record.id) if record.id is not None else f"{record.source}:{record.line}"


def _result_key(raw: bytes) -> str:
    value = json.loads(raw)
    rid = value["id"]
    return json.dumps(rid) if rid is not None else f"{value['source']}:{value['line']}"


def prepare_resume(out: Path) -> int:
    """Check that `out` holds result lines (an earlier, interrupted run's), remove a last line cut
    short by the interruption, so that the results appended after it stay one a line; the length
    of what is kept. Read once, line by line, whatever its size."""
    if not out.exists():
        return 0
    good = 0
    with out.open("rb+") as handle:
        for n, raw in enumerate(handle, start=1):
            if not raw.endswith(b"\n"):
                break
            try:
                _result_key(raw)
            except (ValueError, KeyError, TypeError):
                raise UsageError(f"--resume: {out}:{n}: not a result line of factcheck scan --format jsonl") from None
            good += len(raw)
        handle.truncate(good)
    return good


def done_keys(out: Path, length: int) -> Iterator[str]:
    """The keys of the results in the first `length` bytes of `out`, in order."""
    if length == 0:
        return
    with out.open("rb") as handle:
        read = 0
        for raw in handle:
            read += len(raw)
            if read > length:
                return
            yield _result_key(raw)


def not_done(records: Iterable[Record], done: Iterator[str], report: Callable[[str], None]) -> Iterator[Record]:
    """The records without a result yet. A run writes its results in input order, so the records
    already done come up in the order of their results: each is the next one expected, and memory
    stays constant however many there are. A record that is not the next one expected is checked;
    a result that no record matched in order is reported at the end (its record, if it is still
    in the corpus, was checked again: a result may be doubled, never lost)."""
    expected = next(done, None)
    for record in records:
        if expected is not None and key(record) == expected:
            expected = next(done, None)
            continue
        yield record
    if expected is not None:
        left = 1 + sum(1 for _ in done)
        report(f"--resume: {left} result(s) of the file matched no record of the corpus in order (from id "
               f"{expected}); the corpus is not the one they came from, or not in the same order")


# Checking --------------------------------------------------------------------------------------


def to_document(record: Record, checker: Checker) -> Document:
    """The record as the checker reads a file: --date beats the record's date, which beats front
    matter; the configuration's date is for records that declare none."""
    name = record.path or str(record.id)
    if record.format == "html":
        doc = from_html(name, record.text, checker.date_option)
    else:
        doc = from_text(name, record.text, checker.date_option, markdown=record.format == "markdown")
    if checker.date_option is None and record.date is not None:
        doc = replace(doc, declared_date=record.date, date_source=DateSource.RECORD)
    elif doc.declared_date is None and checker.default_date is not None:
        doc = replace(doc, declared_date=checker.default_date, date_source=DateSource.CONFIG)
    return doc


def result_object(record: Record, result: Result) -> dict[str, Any]:
    """The JSON contract's document object for a checked record."""
    from factcheck.report.json import finding_object, mention_objects

    dd = result.facts.document_date
    return {"path": record.path, "id": record.id, "date": dd.iso(), "date_source": dd.source,
            "findings": finding_object(result), "mentions": mention_objects(result)}


def error_object(record: Record, error: str) -> dict[str, Any]:
    return {"path": record.path, "id": record.id, "source": record.source, "line": record.line, "error": error}


def check_record(record: Record, checker: Checker) -> Outcome:
    obj, worst, error = _check(record, checker)
    return Outcome(_line(obj), worst, None if error is None else f"{record.source}:{record.line}: {error}")


def _check(record: Record, checker: Checker) -> tuple[dict[str, Any], int, str | None]:
    from factcheck.findings import SEVERITY_RANK

    error = record.error
    if error is None:
        try:
            result = check_document(to_document(record, checker), checker.engine())
        except InputError as exc:
            error = str(exc)
        else:
            worst = max((SEVERITY_RANK[f.severity] for f in result.findings), default=-1)
            return result_object(record, result), worst, None
    return error_object(record, error), -1, error


def check_records(items: Iterable[object], checker: Checker | None = None, source: str = "") -> Iterator[dict[str, Any]]:
    """The result object of each record, in order: for Dask, Spark or any other loop over records.

    An item is a record as a mapping (`{"id": ..., "text": ...}`, a Spark `Row.asDict()`) or as a
    JSON line (str or bytes); `source` names where they came from in error results. The engine is
    built once per process and kept, so a worker builds it for its first partition only."""
    checker = checker or Checker()
    for n, item in enumerate(items, start=1):
        if isinstance(item, str | bytes):
            record = parse_line(item.encode("utf-8") if isinstance(item, str) else item, source, n)
            if record is None:
                continue
        else:
            record = parse_value(dict(item) if isinstance(item, Mapping) else item, source, n)
        yield _check(record, checker)[0]


def check_batch(records: list[Record], checker: Checker) -> list[Outcome]:
    """A task: one batch of records, checked by this process's engine."""
    return [check_record(r, checker) for r in records]


def _line(obj: dict[str, Any]) -> str:
    return json.dumps(obj, ensure_ascii=False) + "\n"


def batches(records: Iterable[Record], size: int = BATCH_RECORDS, chars: int = BATCH_CHARS) -> Iterator[list[Record]]:
    batch: list[Record] = []
    held = 0
    for record in records:
        batch.append(record)
        held += len(record.text)
        if len(batch) >= size or held >= chars:
            yield batch
            batch, held = [], 0
    if batch:
        yield batch


class Pending(Protocol):
    """A batch submitted to workers: a Dask future, or a pool's job seen as one."""

    def result(self) -> list[Outcome]: ...


class _Job(NamedTuple):
    """A batch in a multiprocessing pool, as a Pending."""

    job: AsyncResult[list[Outcome]]

    def result(self) -> list[Outcome]:
        from factcheck.workers import result

        return result(self.job)


def in_order(submit: Callable[[list[Record]], Pending], records: Iterable[Record], window: int) -> Iterator[Outcome]:
    """Outcomes in input order, with at most `window` batches submitted and not yet written."""
    pending: deque[Pending] = deque()
    for batch in batches(records):
        pending.append(submit(batch))
        if len(pending) >= window:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


def outcomes(records: Iterable[Record], checker: Checker, jobs: int = 1) -> Iterator[Outcome]:
    """Check records on this machine: in this process, or in `jobs` worker processes."""
    if jobs <= 1:
        for record in records:
            yield check_record(record, checker)
        return
    from factcheck.workers import worker_pool

    with worker_pool(jobs) as pool:
        yield from in_order(lambda batch: _Job(pool.apply_async(check_batch, (batch, checker))), records,
                            jobs * WINDOW_PER_WORKER)


# The command -----------------------------------------------------------------------------------


def is_corpus(path: str) -> bool:
    return path.lower().endswith(".jsonl")


def corpus_files(paths: Iterable[str]) -> list[str]:
    """The corpus files named (quoted globs expanded, sorted as a shell would); '-' is standard input."""
    import glob

    out: list[str] = []
    for arg in paths:
        if arg == "-" or (os.path.exists(arg) and not os.path.isdir(arg)):
            out.append(arg)  # not a regular file (a FIFO, a device): refused with its kind when opened
        elif any(c in arg for c in "*?[") and not os.path.exists(arg):
            matched = sorted(p for p in glob.glob(arg, recursive=True) if os.path.isfile(p))
            if not matched:
                raise UsageError(f"{arg}: no file matches this pattern")
            out.extend(matched)
        elif os.path.isdir(arg):
            raise UsageError(f"{arg}: is a directory (name the .jsonl files, or a quoted glob)")
        else:
            raise UsageError(f"{arg}: no such file")
    return out


def all_records(files: list[str], stdin: IO[bytes], max_bytes: int = MAX_FILE_SIZE) -> Iterator[Record]:
    for name in files:
        if name == "-":
            yield from read_records(stdin, "-", max_bytes)
            continue
        try:
            fd = open_regular(name)  # a FIFO or a device is refused, not waited on
        except InputError as exc:
            raise UsageError(str(exc)) from None
        with os.fdopen(fd, "rb") as handle:
            yield from read_records(handle, name, max_bytes)


class Totals(NamedTuple):
    records: int
    errors: int  # records that could not be checked
    worst: int  # rank of the worst finding of the run (-1: none)


def write(results: Iterator[Outcome], out: IO[bytes], report: Callable[[str], None]) -> Totals:
    """Write each result as it comes (flushed batch by batch, so an interrupted run keeps what it
    finished), report each error; the run's totals."""
    records = errors = 0
    worst = -1
    for outcome in results:
        records += 1
        out.write(outcome.line.encode("utf-8"))
        if outcome.error is not None:
            errors += 1
            report(outcome.error)
        worst = max(worst, outcome.worst)
        if records % BATCH_RECORDS == 0:
            out.flush()
    out.flush()
    return Totals(records, errors, worst)


def _to_stderr(message: str) -> None:
    import sys

    sys.stderr.write(f"factcheck: {message}\n")


Runner = Callable[[Iterable[Record], Checker, int], Iterator[Outcome]]  # records, checker, workers -> outcomes


def scan_corpus(paths: tuple[str, ...], checker: Checker, *, jobs: int = 1, resume: Path | None = None,
                runner: Runner = outcomes, stdin: IO[bytes] | None = None,
                stdout: IO[bytes] | None = None, report: Callable[[str], None] | None = None,
                max_bytes: int = MAX_FILE_SIZE) -> Totals:
    """`factcheck scan corpus.jsonl`: every record's result on `stdout` (appended to `resume` instead
    when given, skipping the records it already holds); errors go to `report` as they come.
    `runner` checks the records: on this machine (`outcomes`), or on Dask (`factcheck.dask`)."""
    import sys

    files = corpus_files(paths)
    if files.count("-") > 1:
        raise UsageError("standard input ('-') can be read only once")
    checker.engine()  # a bad rule pack or selector is a usage error before anything is written
    say = report or _to_stderr
    records = all_records(files, stdin or sys.stdin.buffer, max_bytes)
    if resume is not None:
        records = not_done(records, done_keys(resume, prepare_resume(resume)), say)
    results = runner(records, checker, jobs)
    if resume is None:
        return write(results, stdout or sys.stdout.buffer, say)
    with resume.open("ab") as out:
        return write(results, out, say)
