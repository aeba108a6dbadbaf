"""Records as plain data (JSON values) and back, checked against their declared types.

The compiled cache (cache.py) stores the knowledge base and the engine's data as JSON values. The
conversion is generic: a dataclass or named tuple becomes the list of its fields' values in
declaration order, read back by the field types, so a field added to a record is cached with no
change here. Decoding checks every value against the type it must have (a string where a string
is declared, a list of the right length for a record, a member of a Literal or an Enum), and
raises PlainDataError on anything else: a cache file that is not what we wrote is rejected, never
believed.

Supported types: str, int, float, bool, None, date, Enum, Literal, X | None, tuple[X, ...],
tuple[X, Y], list[X], frozenset[X], dict[str, X] (and Mapping), dict / Any (JSON as it is),
dataclasses and named tuples of those.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import types
import typing
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

Decoder = Callable[[Any], Any]


class PlainDataError(ValueError):
    """A value that does not have the type its field declares."""


def encode(value: object) -> Any:
    """A JSON-compatible value (lists, dicts with string keys, strings, numbers, booleans, None)."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return value.value if isinstance(value, enum.Enum) else value
    if isinstance(value, enum.Enum):
        return encode(value.value)
    if isinstance(value, date):
        return value.toordinal()  # a number: the most compact date, read back without parsing
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [encode(getattr(value, f.name)) for f in dataclasses.fields(value)]
    if isinstance(value, (tuple, list, frozenset, set)):
        items = sorted(value) if isinstance(value, (frozenset, set)) else value  # sets: a stable order
        return [encode(v) for v in items]
    if isinstance(value, Mapping):
        out = {}
        for k, v in value.items():
            if not isinstance(k, str):
                raise PlainDataError(f"a mapping key must be a string, not {type(k).__name__}")
            out[k] = encode(v)
        return out
    raise PlainDataError(f"no plain form for {type(value).__name__}")


def decode(tp: Any, data: Any) -> Any:
    """The value of type `tp` that `encode` turned into `data`; PlainDataError when it is not one."""
    return decoder(tp)(data)


@functools.cache
def decoder(tp: Any) -> Decoder:
    """A function decoding plain data into `tp`, made once per type."""
    if tp is Any or tp is dict or tp is dict:
        return _json
    if tp is str or tp is int or tp is float or tp is bool:
        return _scalar(tp)
    if tp is None or tp is type(None):
        return _none
    if tp is date:
        return _date
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return _enum(tp)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _record(tp, tuple(f.name for f in dataclasses.fields(tp) if f.init), dataclasses.fields(tp))
    if isinstance(tp, type) and issubclass(tp, tuple) and hasattr(tp, "_fields"):
        return _named_tuple(tp)
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is typing.Literal:
        return _literal(frozenset(args))
    if origin is typing.Union or origin is types.UnionType:
        return _union(tuple(decoder(a) for a in args), None in args or type(None) in args)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return _sequence(args[0], tuple)
        return _fixed_tuple(tuple(decoder(a) for a in args))
    if origin is list:
        return _sequence(args[0] if args else Any, list)
    if origin is frozenset:
        return _sequence(args[0] if args else Any, frozenset)
    if origin is dict or origin is Mapping:
        if args and args[0] is not str:
            raise TypeError(f"plain data keys are strings, not {args[0]!r}")
        return _mapping(decoder(args[1]) if args else _json)
    raise TypeError(f"no plain form for the type {tp!r}")


def _fail(expected: str, data: Any) -> typing.NoReturn:
    raise PlainDataError(f"expected {expected}, found {type(data).__name__}")


def _json(data: Any) -> Any:
    if data is None or isinstance(data, (str, bool, int, float)):
        return data
    if isinstance(data, list):
        return [_json(v) for v in data]
    if isinstance(data, dict) and all(isinstance(k, str) for k in data):
        return {k: _json(v) for k, v in data.items()}
    _fail("JSON data", data)


def _scalar(tp: type) -> Decoder:
    def check(data: Any) -> Any:
        # bool is an int in Python, and not what an int field means (nor the reverse)
        if type(data) is tp or (tp is float and type(data) is int):
            return data
        _fail(tp.__name__, data)

    return check


def _none(data: Any) -> None:
    if data is not None:
        _fail("null", data)


def _date(data: Any) -> date:
    if type(data) is int and 1 <= data <= date.max.toordinal():
        return date.fromordinal(data)
    _fail("a day number", data)


def _enum(tp: type[enum.Enum]) -> Decoder:
    def check(data: Any) -> Any:
        try:
            return tp(data)
        except ValueError:
            _fail(f"a {tp.__name__}", data)

    return check


def _literal(allowed: frozenset[Any]) -> Decoder:
    def check(data: Any) -> Any:
        if isinstance(data, (str, int, bool)) and data in allowed:
            return data
        _fail(f"one of {sorted(map(str, allowed))}", data)

    return check


def _union(options: tuple[Decoder, ...], optional: bool) -> Decoder:
    def check(data: Any) -> Any:
        if data is None and optional:
            return None
        for option in options:
            try:
                return option(data)
            except PlainDataError:
                continue
        _fail("one of the union's types", data)

    return check


def _sequence(tp: Any, make: Callable[[Any], Any]) -> Decoder:
    item = decoder(tp)
    # Strings and whole numbers (most of what is stored: words, ids, positions) are checked in one
    # pass over their types rather than a call per item; a list holding anything else goes through
    # the items' decoder, which names the first one that is not one.
    exact = tp if tp is str or tp is int or tp is bool else None

    def check(data: Any) -> Any:
        if type(data) is not list:
            _fail("a list", data)
        if exact is not None and (not data or set(map(type, data)) == {exact}):
            return make(data)
        return make([item(v) for v in data])

    return check


def _fixed_tuple(items: tuple[Decoder, ...]) -> Decoder:
    def check(data: Any) -> tuple[Any, ...]:
        if type(data) is not list or len(data) != len(items):
            _fail(f"a list of {len(items)}", data)
        return tuple([f(v) for f, v in zip(items, data)])

    return check


def _mapping(value: Decoder) -> Decoder:
    def check(data: Any) -> dict[str, Any]:
        if type(data) is not dict:
            _fail("an object", data)
        return {k: value(v) for k, v in data.items()}

    return check


def _record(tp: type, init_names: tuple[str, ...], fields: tuple[dataclasses.Field[Any], ...]) -> Decoder:
    hints = typing.get_type_hints(tp)
    names = tuple(f.name for f in fields)
    if init_names != names:
        raise TypeError(f"{tp.__name__}: every field must be an __init__ argument to be cached")
    return _positional(tp, tuple(decoder(hints[n]) for n in names))


def _named_tuple(tp: type) -> Decoder:
    hints = typing.get_type_hints(tp)
    return _positional(tp, tuple(decoder(hints[n]) for n in tp._fields))  # type: ignore[attr-defined]


def _positional(tp: type, items: tuple[Decoder, ...]) -> Decoder:
    n = len(items)
    name = tp.__name__

    def check(data: Any) -> Any:
        if type(data) is not list or len(data) != n:
            _fail(f"a {name} ({n} fields)", data)
        return tp(*[f(v) for f, v in zip(items, data)])

    return check


def shape(*records: type) -> str:
    """The field names and declared types of these records (dataclasses, named tuples, enums): part
    of the cache key, so a changed record never reads rows written for its old shape. Read from the
    annotations as written, without evaluating them, because this runs on every start."""
    parts = []
    for tp in records:
        if dataclasses.is_dataclass(tp):
            body = ",".join(f"{f.name}:{f.type}" for f in dataclasses.fields(tp))
        elif issubclass(tp, enum.Enum):
            body = ",".join(str(m.value) for m in tp)
        else:
            body = ",".join(f"{n}:{a}" for n, a in tp.__annotations__.items())
        parts.append(f"{tp.__module__}.{tp.__qualname__}({body})")
    return ";".join(parts)
