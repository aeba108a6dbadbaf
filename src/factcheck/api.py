"""The public Python API: load the engine once, check texts with it.

    >>> import factcheck
    >>> engine = factcheck.load_engine()
    >>> findings = factcheck.scan_text("U.S. Secretary of Defense Lloyd Austin spoke.", date="2025-07-01",
    ...                                engine=engine)
    >>> [(f.code, f.rule) for f in findings]
    [('FC101', 'role-tenure')]

An `Engine` is plain data (the compiled knowledge base, lexicon and rules): it pickles, so a worker
process (multiprocessing, Dask, Spark) receives it once and checks many texts with it. The command
line is built on the same functions.

Everything here is offline and deterministic: "now" is the date given (or the one the text
declares, or the interval inferred from it), never the clock.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from datetime import date as Date
from pathlib import Path

from factcheck.dates import parse_day
from factcheck.document import Document, from_text
from factcheck.engine import Engine
from factcheck.errors import UsageError
from factcheck.facts import Facts
from factcheck.findings import Finding, Result

__all__ = ["Engine", "Result", "check_document", "check_text", "extract_text", "load_engine", "scan_text"]


def load_engine(kb_dirs: Iterable[str | Path] = (), rule_dirs: Iterable[str | Path] = (),
                select: Iterable[str] = (), ignore: Iterable[str] = ()) -> Engine:
    """The engine for the shipped knowledge base and rules, extended by `kb_dirs` (folders laid out
    as rules/kb) and `rule_dirs` (rule packs), running the rules `select` picks minus those `ignore`
    names (codes, code prefixes such as "FC1", or names such as "role-tenure").

    Built once from the compiled cache; raises `factcheck.errors.UsageError` (one-line message)
    for a data file or selector it cannot use.
    """
    kb = tuple(Path(p) for p in kb_dirs)
    packs = tuple(Path(p) for p in rule_dirs)
    select, ignore = tuple(select), tuple(ignore)
    if not (kb or packs or select or ignore):
        return _default_engine()
    return _build_engine(kb, packs, select, ignore)


@functools.lru_cache(maxsize=1)
def _default_engine() -> Engine:
    # Memoised: the engine is immutable, and every call without options asks for the same one.
    return _build_engine((), (), (), ())


def _build_engine(kb_dirs: tuple[Path, ...], rule_dirs: tuple[Path, ...], select: tuple[str, ...],
                  ignore: tuple[str, ...]) -> Engine:
    from factcheck.errors import DataError
    from factcheck.selection import select as choose

    try:
        engine = Engine.default(kb_dirs, rule_dirs)
    except DataError as exc:
        raise UsageError(str(exc)) from None
    if select or ignore:
        engine = engine.with_rules(choose(engine.rules, select, ignore))
    return engine


def _day(value: Date | str | None) -> Date | None:
    if value is None or isinstance(value, Date):
        return value
    from factcheck.dates import DateError

    try:
        return parse_day(value)
    except DateError:
        raise UsageError(f"date: {value!r} is not a date in the form YYYY-MM-DD") from None


def _document(text: str, date: Date | str | None, path: str, markdown: bool | None) -> Document:
    from factcheck.document import MARKUP_SUFFIXES, InputError

    if markdown is None:
        markdown = path.lower().endswith(MARKUP_SUFFIXES)
    try:
        return from_text(path, text, _day(date), markdown=markdown)
    except InputError as exc:
        raise UsageError(str(exc)) from None


def check_document(document: Document, engine: Engine | None = None, ignored: tuple[str, ...] = ()) -> Result:
    """Check one loaded document: its facts, its findings (inline suppressions applied) and the
    suppressions that hid nothing. `ignored` turns rules off for this document only."""
    return (engine or load_engine()).run(document, ignored)


def check_text(text: str, date: Date | str | None = None, path: str = "<text>", *,
               engine: Engine | None = None, markdown: bool | None = None) -> Result:
    """Check a text as the command line checks a file: the whole `Result` (document, facts,
    findings). `date` is the document date (a `datetime.date` or "YYYY-MM-DD"); without it the
    date comes from front matter or a dateline, else it is inferred from the text. `path` names
    the text in the findings; a `.md`/`.html` path (or `markdown=True`) reads it as Markdown."""
    return check_document(_document(text, date, path, markdown), engine)


def scan_text(text: str, date: Date | str | None = None, path: str = "<text>", *,
              engine: Engine | None = None, markdown: bool | None = None) -> list[Finding]:
    """The findings for one text, sorted by position (see `check_text` for the arguments)."""
    return list(check_text(text, date, path, engine=engine, markdown=markdown).findings)


def extract_text(text: str, date: Date | str | None = None, path: str = "<text>", *,
                 engine: Engine | None = None, markdown: bool | None = None) -> Facts:
    """What the checker understood of one text (sentences, times, people, role claims, events),
    before any check ran: the layer `factcheck extract` prints."""
    engine = engine or load_engine()
    return engine.extractor.extract(_document(text, date, path, markdown))
