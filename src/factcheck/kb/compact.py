"""Compact rows for the knowledge base: plain tuples of strings and numbers.

A scan opens the whole knowledge base (thousands of terms) and reads a handful of people and
offices. Unpickling every Term, Person and Office object cost a pre-commit hook more than
checking the article, so the compiled cache stores rows instead, each row packed on its own
(`pack`: a marshal string, so loading the cache makes one string per row, not a dozen objects), and
an object is made from its row the first time a document asks for it.

Equality is the equality of the unpacked rows, so a knowledge base read back from the cache equals
the one built from the data files.
"""

from __future__ import annotations

import marshal
from datetime import date
from typing import TYPE_CHECKING, Any, Callable, Generic, Iterator, Mapping, Sequence, TypeVar

from factcheck.dates import Interval

if TYPE_CHECKING:
    from factcheck.kb.model import Office, Person, Term

K = TypeVar("K")
V = TypeVar("V")

IntervalRow = tuple[int, int, str]


def pack(row: object) -> bytes:
    return marshal.dumps(row)


def unpacked(row: object) -> object:
    return marshal.loads(row) if isinstance(row, bytes) else row


def interval_row(value: Interval | None) -> IntervalRow | None:
    return None if value is None else (value.start.toordinal(), value.end.toordinal(), value.grain)


def interval(row: IntervalRow | None) -> Interval | None:
    return None if row is None else Interval(date.fromordinal(row[0]), date.fromordinal(row[1]), row[2])  # type: ignore[arg-type]


def term_row(t: Term) -> tuple:
    return (t.person, t.office, interval_row(t.start), interval_row(t.end), t.acting,
            t.confirmed_until.toordinal() if t.confirmed_until else None, t.source, t.note, t.end_from_successor)


def term(packed: bytes) -> Term:
    from factcheck.kb.model import Term

    person, office, start, end, acting, confirmed, source, note, from_successor = marshal.loads(packed)
    return Term(person, office, interval(start), interval(end), acting,
                date.fromordinal(confirmed) if confirmed else None, source, note, from_successor)


def person_row(p: Person) -> tuple:
    return (p.id, p.name, p.aliases, p.qid, p.source)


def person(packed: bytes) -> Person:
    from factcheck.kb.model import Person

    return Person(*marshal.loads(packed))


def office_row(o: Office) -> tuple:
    return (o.id, o.jurisdiction, o.name, o.single_holder,
            tuple((t.text, interval_row(t.valid)) for t in o.titles), o.source)


def office(packed: bytes) -> Office:
    from factcheck.kb.model import Office, Title

    oid, jurisdiction, name, single, titles, source = marshal.loads(packed)
    return Office(oid, jurisdiction, name, single, tuple(Title(text, interval(valid)) for text, valid in titles), source)


class Rows(Sequence[V], Generic[V]):
    """A read-only sequence whose items are made from their rows on first access."""

    __slots__ = ("rows", "_decode", "_made")

    def __init__(self, rows: tuple, decode: Callable[[Any], V], made: Sequence[V] | None = None) -> None:
        self.rows = rows
        self._decode = decode
        self._made: list[V | None] = list(made) if made is not None else [None] * len(rows)

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(len(self.rows))))
        value = self._made[index]
        if value is None:
            value = self._made[index] = self._decode(self.rows[index])
        return value

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[V]:
        return (self[i] for i in range(len(self.rows)))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Rows) and list(map(unpacked, self.rows)) == list(map(unpacked, other.rows))

    __hash__ = None  # type: ignore[assignment]


class LazyMap(Mapping[K, V], Generic[K, V]):
    """A read-only mapping whose values are made from their rows on first access."""

    __slots__ = ("rows", "_decode", "_made")

    def __init__(self, rows: dict, decode: Callable[[Any], V], made: dict | None = None) -> None:
        self.rows = rows
        self._decode = decode
        self._made: dict = dict(made) if made is not None else {}

    def __getitem__(self, key: K) -> V:
        try:
            return self._made[key]
        except KeyError:
            value = self._made[key] = self._decode(self.rows[key])
            return value

    def __contains__(self, key: object) -> bool:
        return key in self.rows

    def __iter__(self) -> Iterator[K]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LazyMap):
            return {k: unpacked(v) for k, v in self.rows.items()} == {k: unpacked(v) for k, v in other.rows.items()}
        return isinstance(other, Mapping) and dict(self.items()) == dict(other.items())

    __hash__ = None  # type: ignore[assignment]


class Packed(Mapping[K, V], Generic[K, V]):
    """A read-only mapping kept as one marshal string until first read (indexes a scan never
    consults, such as names and titles, which only the knowledge-base commands use)."""

    __slots__ = ("rows", "_value")

    def __init__(self, packed: bytes) -> None:
        self.rows = packed
        self._value: dict | None = None

    def _dict(self) -> dict:
        if self._value is None:
            self._value = marshal.loads(self.rows)
        return self._value

    def __getitem__(self, key: K) -> V:
        return self._dict()[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._dict())

    def __len__(self) -> int:
        return len(self._dict())

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Packed) and self._dict() == other._dict()

    __hash__ = None  # type: ignore[assignment]
