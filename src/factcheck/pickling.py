"""How records cross between processes: `--jobs` workers send each document's result to the parent.

Frozen slotted dataclasses pickle through the `__getstate__` and `__setstate__` that `dataclasses`
gives them, which look the class's fields up again for every object: most of the time the parent
spent unpickling 10,000 stories' results under `--jobs 2` went there. A record that sets
`__reduce__ = by_fields` pickles as a call of its class with its fields instead.
"""

from __future__ import annotations

from typing import Any


def by_fields(record: Any) -> tuple[type, tuple[Any, ...]]:
    """`__reduce__` for a dataclass whose fields are all positional `__init__` arguments: its class and
    its fields' values, in order (`__match_args__`, which `dataclass` writes)."""
    return type(record), tuple(getattr(record, name) for name in record.__match_args__)
