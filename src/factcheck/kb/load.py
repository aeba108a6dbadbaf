"""Read the knowledge base from its data files under rules/kb/.

Layout (every file is plain data a newsroom can edit):

    jurisdictions.toml      [[jurisdiction]] code, name, cues
    offices/*.toml          [[office]] id, jurisdiction, name, single_holder, titles, source,
                            labels (the sources' words, for `kb build`), match_name
    people/*.csv            id,name,aliases,qid,source            (aliases separated by "|")
    terms/*.csv             person,office,start,end,confirmed_until,acting,source,note

Dates are YYYY, YYYY-MM or YYYY-MM-DD; an empty start or end means unknown.
"""

from __future__ import annotations

import csv
import tomllib
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, TypeVar, cast

from factcheck.dates import DateError, Interval, parse_day, parse_partial
from factcheck.errors import DataError
from factcheck.kb.model import Jurisdiction, KnowledgeBase, Office, Person, Term, Title

T = TypeVar("T")


class KnowledgeBaseError(DataError):
    """A knowledge-base file that cannot be read; the message names file and row."""


def load_kb(*roots: Path) -> KnowledgeBase:
    """Load and merge knowledge-base folders (later folders extend earlier ones)."""
    jurisdictions: list[Jurisdiction] = []
    offices: list[Office] = []
    people: list[Person] = []
    terms: list[Term] = []
    # Equal dates and intervals are shared: thousands of terms start on a few hundred reshuffle
    # days, and one object per value keeps a freshly built knowledge base small.
    shared: dict[object, object] = {}
    for root in roots:
        jpath = root / "jurisdictions.toml"
        if jpath.exists():
            jurisdictions.extend(_typed(jpath, read_jurisdictions))
        for path in sorted((root / "offices").glob("*.toml")):
            offices.extend(_typed(path, read_offices))
        for path in sorted((root / "people").glob("*.csv")):
            people.extend(_typed(path, _read_people))
        for path in sorted((root / "terms").glob("*.csv")):
            terms.extend(_typed(path, lambda p: _read_terms(p, shared)))
    return KnowledgeBase.build(jurisdictions, offices, people, terms)


def _typed(path: Path, read: Callable[[Path], Iterator[T]]) -> list[T]:
    """Every row of one file; a value of the wrong type anywhere in it (`name = 5`, `office = "x"`)
    is a one-line error naming the file, not a traceback from deep inside the model."""
    try:
        return list(read(path))
    except (TypeError, AttributeError, ValueError) as exc:
        if isinstance(exc, DataError):
            raise
        raise KnowledgeBaseError(f"{path}: a value has the wrong type or form ({exc})") from None


def data_files(*roots: Path) -> list[Path]:
    """Every file load_kb reads, in reading order (for cache keys)."""
    files: list[Path] = []
    for root in roots:
        if (root / "jurisdictions.toml").exists():
            files.append(root / "jurisdictions.toml")
        for sub, pattern in (("offices", "*.toml"), ("people", "*.csv"), ("terms", "*.csv")):
            files.extend(sorted((root / sub).glob(pattern)))
    return files


def _toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise KnowledgeBaseError(f"{path}: {exc}") from None


def _tables(path: Path, key: str, strings: tuple[str, ...]) -> list[dict[str, Any]]:
    """The [[key]] tables of a TOML file, with the fields in `strings` checked to be strings (the
    model indexes them as text: `name = 5` must be an error naming the file, not a crash later)."""
    rows = _toml(path).get(key, [])
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise KnowledgeBaseError(f"{path}: {key} must be an array of tables ([[{key}]])")
    for row in rows:
        for field in strings:
            if field in row and not isinstance(row[field], str):
                raise KnowledgeBaseError(f"{path}: {key} {row.get('id', row.get('code', '?'))!s}: "
                                         f"{field} must be a string, not {row[field]!r}")
        for field in ("titles", "cues"):
            if field in row and not isinstance(row[field], list):
                raise KnowledgeBaseError(f"{path}: {key} {row.get('id', row.get('code', '?'))!s}: {field} must be a list")
    return rows


def read_jurisdictions(path: Path) -> Iterator[Jurisdiction]:
    for row in _tables(path, "jurisdiction", ("code", "name")):
        yield Jurisdiction(row["code"], row["name"], tuple(row.get("cues", ())))


def read_offices(path: Path) -> Iterator[Office]:
    for row in _tables(path, "office", ("id", "jurisdiction", "name", "source")):
        try:
            titles = tuple(_title(t) for t in row.get("titles", ()))
            yield Office(
                id=row["id"],
                jurisdiction=row["jurisdiction"],
                name=row["name"],
                single_holder=bool(row.get("single_holder", True)),
                # The name is a title too, unless the office says its name is not what writers use
                # (the generated Wikidata positions: `match_name = false`).
                titles=(Title(row["name"]),) + titles
                if row.get("match_name", True) and row["name"] not in {t.text for t in titles} else titles,
                source=row.get("source", ""),
            )
        except (KeyError, DateError) as exc:
            raise KnowledgeBaseError(f"{path}: office {row.get('id', '?')}: {exc}") from None


def _title(value: str | dict[str, Any]) -> Title:
    if isinstance(value, str):
        return Title(value)
    start = parse_partial(value["from"]).start if "from" in value else date(1, 1, 1)
    end = parse_partial(value["to"]).end if "to" in value else date(9999, 12, 31)
    return Title(value["title"], Interval(start, end, "range"))


def _rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    try:
        with path.open(newline="", encoding="utf-8") as fh:
            for n, row in enumerate(csv.DictReader(fh), start=2):
                yield n, {k: (v or "").strip() for k, v in row.items() if k}
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise KnowledgeBaseError(f"{path}: {exc}") from None


def _read_people(path: Path) -> Iterator[Person]:
    for n, row in _rows(path):
        if not row.get("id") or not row.get("name"):
            raise KnowledgeBaseError(f"{path}:{n}: a person needs an id and a name")
        aliases = tuple(a.strip() for a in row.get("aliases", "").split("|") if a.strip())
        yield Person(row["id"], row["name"], aliases, row.get("qid", ""), row.get("source", ""))


def _read_terms(path: Path, shared: dict[object, object] | None = None) -> Iterator[Term]:
    shared = {} if shared is None else shared

    def one(value: T) -> T:  # the first equal object seen (values are immutable, so sharing is safe)
        return cast(T, shared.setdefault(value, value))

    for n, row in _rows(path):
        try:
            if not row.get("source"):
                raise KnowledgeBaseError("every term needs a source")
            yield Term(
                person=one(row["person"]),
                office=one(row["office"]),
                start=one(parse_partial(row["start"])) if row.get("start") else None,
                end=one(parse_partial(row["end"])) if row.get("end") else None,
                acting=row.get("acting", "").lower() in {"yes", "true", "1"},
                confirmed_until=one(parse_day(row["confirmed_until"])) if row.get("confirmed_until") else None,
                source=row["source"],
                note=row.get("note", ""),
            )
        except (KeyError, DateError, KnowledgeBaseError) as exc:
            raise KnowledgeBaseError(f"{path}:{n}: {exc}") from None
