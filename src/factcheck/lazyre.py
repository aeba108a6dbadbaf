"""Regular expressions compiled the first time they are used, from compiled code kept between runs.

Python compiles a pattern with a parser written in Python, in every process. For the patterns a
one-file scan needs (time expressions, tense cues, sentence ends) that was a fifth of a pre-commit
hook's run. Two things remove it:

* a lazy pattern is compiled when a text first needs it, so a run pays only for what it uses
  (Markdown masks only for Markdown files, directives only where one is written);
* the compiler's output (the code the C matcher runs) depends only on the pattern, the flags and
  the Python build, so it is kept in the cache folder, keyed by all three, and handed straight to
  the matcher in later runs. The matcher validates code it is given; anything unexpected (another
  Python, changed internals, an unreadable or foreign file) falls back to `re.compile`, and
  FACTCHECK_NO_CACHE turns the store off.
"""

from __future__ import annotations

import marshal
import os
import re
import sys

try:  # the internals of re that re.compile itself uses (CPython 3.11 and later)
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - another Python implementation: plain re.compile
    _sre = None  # type: ignore[assignment]

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class _LazyPattern:
    def __init__(self, source: str, flags: int) -> None:
        self._source = source
        self._flags = int(flags)

    def __getattr__(self, name: str):
        # Compiles on the first use; the matching methods then become attributes of this object,
        # found without this detour, and anything else is read from the one compiled pattern.
        if name.startswith("_"):  # copy and pickle probe for hooks before __init__ has run
            raise AttributeError(name)
        compiled = self.__dict__.get("compiled")
        if compiled is None:
            compiled = self.compiled = STORE.compile(self._source, self._flags)
            for method in _METHODS:
                setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)


def lazy(source: str, flags: int = 0) -> re.Pattern[str]:
    """A pattern that behaves as re.compile(source, flags) and is compiled on first use."""
    return _LazyPattern(source, flags)  # type: ignore[return-value]


class PatternStore:
    """Compiled code of patterns by (source, flags), read from one file the first time a pattern
    is compiled and written back (atomically, at exit) when the run compiled new ones."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self._entries: dict[tuple[str, int], tuple] | None = None
        self._save_registered = False

    def compile(self, source: str, flags: int = 0) -> re.Pattern[str]:
        flags = int(flags)  # a plain number: the store's keys are marshalled
        if self.path is None or _sre is None:
            return re.compile(source, flags)
        entries = self._load()
        entry = entries.get((source, flags))
        if entry is not None:
            try:
                return _sre.compile(source, *entry)
            except Exception:  # noqa: BLE001 - code this Python does not accept: compile afresh
                pass
        try:
            compiled, entry = _compile(source, flags)
        except Exception:  # noqa: BLE001 - internals not as expected: re.compile decides
            return re.compile(source, flags)
        entries[(source, flags)] = entry
        if not self._save_registered:
            import atexit

            self._save_registered = True
            atexit.register(self.save)
        return compiled

    def _load(self) -> dict[tuple[str, int], tuple]:
        if self._entries is None:
            self._entries = {}
            try:
                with open(self.path, "rb") as fh:  # type: ignore[arg-type]
                    stored = marshal.loads(fh.read())  # marshal.load(fh) reads item by item: 20x slower
                if isinstance(stored, dict):
                    self._entries = stored
            except Exception:  # noqa: BLE001 - no store yet, or an unreadable one: start afresh
                pass
        return self._entries

    def save(self) -> None:
        if self.path is None or not self._entries:
            return
        try:
            import tempfile

            folder = os.path.dirname(self.path)
            os.makedirs(folder, exist_ok=True)
            with tempfile.NamedTemporaryFile("wb", dir=folder, delete=False, suffix=".tmp") as fh:
                marshal.dump(self._entries, fh)
            os.replace(fh.name, self.path)
        except OSError:
            pass  # an unwritable cache costs speed, nothing else


def _compile(source: str, flags: int) -> tuple[re.Pattern[str], tuple]:
    """re.compile without its cache, returning also the arguments that rebuild the pattern."""
    parsed = _parser.parse(source, flags)
    code = list(map(int, _compiler._code(parsed, flags)))  # its opcodes are int subclasses
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    entry = (int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
    return _sre.compile(source, *entry), entry


def _store_path() -> str | None:
    if os.environ.get("FACTCHECK_NO_CACHE") or _sre is None:
        return None
    import zlib

    from factcheck.paths import cache_dir

    build = f"{sys.version} {sys.implementation.cache_tag} {_sre.MAGIC} {_sre.CODESIZE}"
    return os.path.join(cache_dir(), f"patterns-{zlib.crc32(build.encode()):08x}.marshal")


# The one store of the process, as re keeps its own cache of compiled patterns.
STORE = PatternStore(_store_path())
