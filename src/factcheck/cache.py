"""The compiled cache: plain data in one SQLite file, keyed by a hash of what it was built from.

Building the engine (parsing the knowledge-base CSV and TOML files, indexing names and titles,
reading the rule packs) costs far more than a one-file scan. The cache keeps the result as rows of
JSON values, (namespace, key) -> value, in an SQLite file that a run opens in a millisecond and
reads lazily: a scan reads the few people, offices and terms its text names, not the whole
knowledge base. Nothing stored is code; every value is checked against its type when read
(plain.py).

Key: the cache schema, the factcheck and Python versions, a description of the stored records'
shapes, and for every input file (data and the code that builds the data) its name, length and two
checksums of its bytes (CRC-32 and Adler-32): any edit, of any size, rebuilds it. The key detects
change; it need not resist forgery (whoever can write the cache folder can compute any key), so
zlib's checksums serve, where hashlib would cost every run the loading of OpenSSL.
An input is read to checksum it only when its stat differs from the stamp kept with the cache
(see _fingerprint and docs/cache.md).

Trust: the file is used only when it is a regular file (not a symbolic link, FIFO or device), no
larger than MAX_BYTES, an SQLite database whose length matches its header, with exactly our table
and our key. Anything else is rebuilt, never believed; a row that fails its check later removes the
file and stops the run with a one-line error (CacheError). The file is written whole under a
temporary name in the same folder and renamed (atomic.py); readers keep the file they opened.

Where: the user's cache folder (paths.cache_dir), never beside the files being checked. With no
usable folder, or FACTCHECK_NO_CACHE set, the data is built in memory and not written.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar, overload

from factcheck import __version__
from factcheck.errors import DataError
from factcheck.plain import PlainDataError

V = TypeVar("V")

SCHEMA = 1
MAX_BYTES = 512 * 1024 * 1024
KEEP = 8  # cache files kept in the folder (one per configuration), the most recently used
_TABLE = "CREATE TABLE entry (ns TEXT NOT NULL, k TEXT NOT NULL, i INTEGER NOT NULL, v TEXT NOT NULL, PRIMARY KEY (ns, k)) WITHOUT ROWID"
_ORDER = "CREATE INDEX entry_order ON entry (ns, i)"
_META = "meta"  # the namespace holding the key

Tables = Mapping[str, Mapping[str, Any]]  # namespace -> key -> JSON value
Built = dict[str, dict[str, Any]]


class CacheError(DataError):
    """A cache row that fails its check after the file was opened (the file is removed)."""


def cache_key(inputs: Sequence[str | Path], salt: str = "") -> str:
    """What the cached data is made from, one line per input (OSError when one cannot be read)."""
    return _fingerprint(inputs, salt, {})[0]


# A file's digest is read again unless its length, modification and change times (nanoseconds) and
# inode are those recorded beside the digest, and it had last changed STAMP_AGE_NS before it was
# read: the change time is set by the kernel on every write or utime call, so a same-size edit with
# its modification time put back still shows; a file written in the same clock tick as the reading
# could change again in that tick unseen, so a young file gets no record and is read every run.
STAMP_AGE_NS = 2_000_000_000
Stamps = dict[str, list[int | str]]  # path -> [length, mtime_ns, ctime_ns, inode, digest]


def _fingerprint(inputs: Sequence[str | Path], salt: str, known: Mapping[str, Any]) -> tuple[str, Stamps]:
    """The key of `inputs` and the stamps to keep with it. `known` are the stamps kept with a cache
    file: the digest of a file whose stat matches its stamp is taken from there, not read again."""
    import time

    lines = [f"{SCHEMA} {__version__} {sys.version} {sys.implementation.cache_tag}", _digest(salt.encode())]
    stamps: Stamps = {}
    now = time.time_ns()
    for path in inputs:
        name = str(path)
        st = os.stat(path)
        stat = [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]
        stamp = known.get(name)
        if isinstance(stamp, list) and len(stamp) == 5 and stamp[:4] == stat and isinstance(stamp[4], str):
            digest = stamp[4]
        else:
            with open(path, "rb") as fh:
                digest = _digest(fh.read())
        if now - max(st.st_mtime_ns, st.st_ctime_ns) >= STAMP_AGE_NS:
            stamps[name] = [*stat, digest]
        lines.append(f"{path} {digest}")
    return "\n".join(lines), stamps


def _digest(data: bytes) -> str:
    return f"{len(data)}:{zlib.crc32(data):08x}:{zlib.adler32(data):08x}"


def load(name: str, inputs: Sequence[str | Path], build: Callable[[], Built], salt: str = "",
         folder: Path | None = None) -> Tables:
    """The tables `build` makes from `inputs`, read from the cache when it holds them for exactly
    these inputs, else built (and written for next time). `name` identifies what is cached (one
    file per name: an edit replaces the file, it never adds one)."""
    if os.environ.get("FACTCHECK_NO_CACHE"):
        return build()
    if folder is None:
        from factcheck.paths import cache_dir

        folder = cache_dir()
        if folder is None:
            return build()
    # Each Python has its own file: alternating two interpreters must not rebuild on every run.
    scope = f"{name}\0{sys.version}\0{sys.implementation.cache_tag}"
    path = folder / f"{_PREFIX}{zlib.crc32(scope.encode()):08x}{zlib.adler32(scope.encode()):08x}{_SUFFIX}"
    opened = _open(path)
    key, stamps = _fingerprint(inputs, salt, opened.stamps if opened is not None else {})
    if opened is not None:
        if opened.key == key:
            with contextlib.suppress(OSError, ValueError, ImportError):
                if stamps != opened.stamps:
                    # Inputs too young to stamp when the cache was built (just installed, say) are old
                    # enough now: without their stamps every later run would read them all again.
                    _restamp(path, stamps)
                else:
                    os.utime(path)  # its time is its last use: the least recently used files are pruned
            return opened
        opened.db.close()
    tables = build()
    with contextlib.suppress(OSError, ValueError, ImportError):  # an unwritable cache costs speed only
        _write(path, key, stamps, tables)
        _prune(folder, path)
    return tables


_PREFIX, _SUFFIX = "compiled-", ".sqlite"


def _prune(folder: Path, kept: Path) -> None:
    """Remove all but the KEEP most recently used cache files (every configuration - a folder of
    extra rules or knowledge - has its own), and temporary files a killed run left over an hour ago."""
    import time

    ours: list[tuple[float, Path]] = []
    for entry in os.scandir(folder):
        st = entry.stat(follow_symlinks=False)
        if not stat.S_ISREG(st.st_mode):
            continue
        if entry.name.startswith(_PREFIX) and entry.name.endswith(_SUFFIX) and entry.path != str(kept):
            ours.append((st.st_mtime, Path(entry.path)))
        elif entry.name.startswith(f".{_PREFIX}") and entry.name.endswith(".tmp") and st.st_mtime < time.time() - 3600:
            ours.append((0.0, Path(entry.path)))
    ours.sort(reverse=True)
    for _, old in ours[KEEP - 1:]:
        with contextlib.suppress(OSError):
            old.unlink()


def _open(path: Path) -> _Store | None:
    """The cache at `path` if it is ours (its key is compared by the caller), else None."""
    try:
        st = os.lstat(path)
        if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_BYTES or st.st_size < 100:
            return None
        with open(path, "rb", opener=_no_follow) as fh:
            header = fh.read(100)
        if not _header_ok(header, st.st_size):
            return None
        import sqlite3

        # immutable: the file is never changed in place (a new cache replaces it by renaming), so
        # no locks or journals are needed to read it.
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True, check_same_thread=False)
        # SQLite keeps up to 2 MB of the file's pages per connection by default; the rows read are
        # kept decoded above it, and the system caches the file, so a small page cache costs no time
        # (201 BBC articles: the same) and a document dense with names no longer adds 1.8 MB.
        db.execute("PRAGMA cache_size = -128")  # in KiB
        try:
            tables = db.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()
            if tables != [("table", "entry", _TABLE), ("index", "entry_order", _ORDER)]:
                raise ValueError("not our schema")
            meta = dict(db.execute("SELECT k, v FROM entry WHERE ns = ?", (_META,)).fetchall())
            key = json.loads(meta["key"])
            counts = json.loads(meta["counts"])
            stamps = json.loads(meta["stamps"])
            if not isinstance(counts, dict) or not all(isinstance(n, int) for n in counts.values()):
                raise ValueError("no namespaces")
            if not isinstance(key, str) or not isinstance(stamps, dict):
                raise ValueError("no key")
        except Exception:
            db.close()
            raise
        return _Store(db, path, counts, key, stamps)
    except Exception:  # noqa: BLE001 - anything unexpected about the file: build afresh
        return None


def _no_follow(file: str, flags: int) -> int:
    return os.open(file, flags | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))


def _header_ok(header: bytes, size: int) -> bool:
    """An SQLite file whose length is its page size times its page count (a truncated or padded
    file is not)."""
    if len(header) < 100 or not header.startswith(b"SQLite format 3\0"):
        return False
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    return page_size >= 512 and pages > 0 and pages * page_size == size


def _write(path: Path, key: str, stamps: Stamps, tables: Built) -> None:
    import sqlite3

    from factcheck.atomic import write_with

    def fill(tmp: Path) -> None:
        db = sqlite3.connect(tmp)
        try:
            db.execute("PRAGMA journal_mode = OFF")  # the file is temporary until renamed: no journal
            db.execute(_TABLE)
            db.execute(_ORDER)
            counts = {ns: len(table) for ns, table in tables.items()}
            rows: list[tuple[str, str, int, str]] = [(_META, "key", 0, json.dumps(key)),
                                                     (_META, "counts", 1, json.dumps(counts)),
                                                     (_META, "stamps", 2, json.dumps(stamps))]
            for ns, table in tables.items():
                if ns == _META:
                    raise ValueError(f"{_META!r} is the cache's own namespace")
                rows.extend((ns, k, i, json.dumps(v, ensure_ascii=False, separators=(",", ":")))
                            for i, (k, v) in enumerate(table.items()))
            db.executemany("INSERT INTO entry VALUES (?, ?, ?, ?)", rows)
            db.commit()
        finally:
            db.close()

    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        write_with(path, fill)
    except sqlite3.Error as exc:  # a full disk is "disk I/O error" here
        raise OSError(str(exc)) from None


def _restamp(path: Path, stamps: Stamps) -> None:
    """Replace the cache at `path` (already validated by `_open`) by a copy with new stamps."""
    import shutil
    import sqlite3

    from factcheck.atomic import write_with

    def fill(tmp: Path) -> None:
        with open(path, "rb", opener=_no_follow) as src, open(tmp, "wb") as dst:
            shutil.copyfileobj(src, dst)
        db = sqlite3.connect(tmp)
        try:
            db.execute("PRAGMA journal_mode = OFF")
            db.execute("UPDATE entry SET v = ? WHERE ns = ? AND k = 'stamps'", (json.dumps(stamps), _META))
            db.commit()
        finally:
            db.close()

    try:
        write_with(path, fill)
    except sqlite3.Error as exc:
        raise OSError(str(exc)) from None


class _Store(Mapping[str, Mapping[str, Any]]):
    """An open cache file: namespace -> its rows, read on demand."""

    def __init__(self, db: Any, path: Path, counts: dict[str, int], key: str, stamps: dict[str, Any]) -> None:
        self.db = db
        self.path = path
        self.counts = counts  # namespace -> number of rows (counting them in the file reads them all)
        self.key = key  # what the data was built from (see cache_key)
        self.stamps = stamps  # the inputs' stats and digests when it was built (see _fingerprint)
        self.pid = os.getpid()  # the process the connection was opened in
        self._inherited: Any = None  # a connection opened before a fork (see _reconnect)

    def __getitem__(self, ns: str) -> Mapping[str, Any]:
        if ns not in self.counts:
            raise KeyError(ns)
        return _Table(self, ns)

    def __iter__(self) -> Iterator[str]:
        return iter(self.counts)

    def __len__(self) -> int:
        return len(self.counts)

    def query(self, sql: str, args: tuple[Any, ...]) -> list[Any]:
        if self.pid != os.getpid():
            self._reconnect()
        try:
            return self.db.execute(sql, args).fetchall()  # type: ignore[no-any-return]
        except Exception as exc:  # noqa: BLE001 - sqlite3.Error, but sqlite3 is imported lazily
            raise self.damaged(exc) from None

    def _reconnect(self) -> None:
        """A connection of its own for a process forked from the one that opened the file (a --jobs
        worker): SQLite's rule is that a connection is never used across fork(). The file is opened
        again by its name, so it must still hold the same data."""
        reopened = _open(self.path)
        if reopened is None or reopened.key != self.key:
            raise CacheError(f"{self.path}: the compiled cache was replaced while in use; run again")
        # The inherited connection is dropped unclosed: closing it is a use too.
        self._inherited, self.db, self.pid = self.db, reopened.db, reopened.pid

    def damaged(self, exc: Exception) -> CacheError:
        """Remove the file (the next run rebuilds it) and say so."""
        with contextlib.suppress(OSError):
            self.path.unlink()
        return CacheError(f"{self.path}: the compiled cache is damaged ({exc}); it was removed, run again")


class _Table(Mapping[str, Any]):
    """One namespace of an open cache: values are read (and JSON-decoded) when asked for."""

    def __init__(self, store: _Store, ns: str) -> None:
        self.store = store
        self.ns = ns

    def __getitem__(self, key: str) -> Any:
        rows = self.store.query("SELECT v FROM entry WHERE ns = ? AND k = ?", (self.ns, key))
        if not rows:
            raise KeyError(key)
        try:
            return json.loads(rows[0][0])
        except ValueError as exc:
            raise self.store.damaged(exc) from None

    def __iter__(self) -> Iterator[str]:
        return iter([r[0] for r in self.store.query("SELECT k FROM entry WHERE ns = ? ORDER BY i", (self.ns,))])

    def __len__(self) -> int:
        return self.store.counts[self.ns]

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and bool(
            self.store.query("SELECT 1 FROM entry WHERE ns = ? AND k = ?", (self.ns, key)))

    def damaged(self, exc: Exception) -> CacheError:
        return self.store.damaged(exc)


def damaged(tables: Tables, exc: Exception) -> Exception:
    """The error for data that fails its check: a CacheError (the file is removed) when it was read
    from a cache file; the check's own error when it was built in this process (a bug)."""
    return tables.damaged(exc) if isinstance(tables, _Store) else exc


LIST_AFTER = 64  # see Decoded


class Decoded(Mapping[str, V]):
    """A read-only mapping over one namespace whose values are decoded (and checked) when first
    read, then kept. It pickles as a plain dict of its decoded values."""

    __slots__ = ("_absent", "_decode", "_key_list", "_keys", "_made", "_order", "_rows")

    def __init__(self, rows: Mapping[str, Any], decode: Callable[[Any], V], all_keys: bool = False,
                 key_list: Callable[[], Iterable[str]] | None = None) -> None:
        """`all_keys`: read every key on the first look-up (a query of the rows' keys), so that looking
        up keys that are absent costs nothing; for namespaces asked about more often than they answer.
        `key_list`: where every key can be read at once (one row listing thousands of keys); they are
        read after `LIST_AFTER` look-ups of absent keys, which one document seldom makes and a run
        over a folder makes by the thousand (a query each)."""
        self._rows = rows
        self._decode = decode
        self._made: dict[str, V | _Missing] = {}
        self._keys: frozenset[str] | None = None if all_keys else frozenset()
        self._key_list = key_list
        self._absent = 0  # look-ups of absent keys so far
        self._order: tuple[str, ...] | None = None  # the keys in their order, once read

    def __getitem__(self, key: str) -> V:
        made = self._made.get(key)
        if made is None:
            made = self._read(key)
        if isinstance(made, _Missing):
            raise KeyError(key)
        return made

    def get(self, key: str, default: Any = None) -> Any:
        # Mapping.get raises and catches a KeyError for an absent key: a phrase matcher asks at most words
        # of a text for a branch that is not there, and the exception cost more than the look-up.
        made = self._made.get(key)
        if made is None:
            made = self._read(key)
        return default if isinstance(made, _Missing) else made

    def _read(self, key: str) -> V | _Missing:
        if self._keys is None:
            self._keys = frozenset(self._ordered())
        made: V | _Missing
        try:
            if self._keys and key not in self._keys:
                raise KeyError(key)
            made = self._value(self._rows[key])
        except KeyError:
            made = _MISSING
            self._absent += 1
            if self._key_list is not None and not self._keys and self._absent >= LIST_AFTER:
                self._keys = frozenset(self._key_list())
        self._made[key] = made
        return made

    def _value(self, data: Any) -> V:
        try:
            return self._decode(data)
        except (PlainDataError, LookupError) as exc:
            if isinstance(self._rows, _Table):
                raise self._rows.store.damaged(exc) from None
            raise

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        if self._keys is None:
            self._keys = frozenset(self._ordered())
        if self._keys:
            # Every key is known: the value is read (and checked) only when it is asked for. A title's
            # first word is looked up at every word of a text, and some branches are large ("minister":
            # 55 kB of JSON) while the word is often inside a title already matched.
            return key in self._keys
        try:
            self[key]
        except KeyError:
            return False
        return True

    def __iter__(self) -> Iterator[str]:
        return iter(self._ordered())

    def _ordered(self) -> tuple[str, ...]:
        # Read once: the rows of an open cache never change, and a small table (the titles' first words)
        # is gone through for every document.
        if self._order is None:
            self._order = tuple(self._rows)
        return self._order

    def __len__(self) -> int:
        return len(self._rows)

    def __reduce__(self) -> tuple[Any, ...]:
        return (dict, (dict(self.items()),))

    __hash__ = None  # type: ignore[assignment]


class DecodedList(Sequence[V]):
    """A read-only sequence stored as the namespace's keys "0", "1", ..., decoded when first read."""

    __slots__ = ("_items", "_length")

    def __init__(self, rows: Mapping[str, Any], decode: Callable[[Any], V]) -> None:
        self._items = Decoded(rows, decode)
        self._length = len(rows)

    @overload
    def __getitem__(self, index: int) -> V: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[V]: ...

    def __getitem__(self, index: int | slice) -> V | Sequence[V]:
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(self._length)))
        if not -self._length <= index < self._length:
            raise IndexError(index)
        return self._items[str(index % self._length)]

    def __len__(self) -> int:
        return self._length

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    def __reduce__(self) -> tuple[Any, ...]:
        return (tuple, (tuple(self),))

    __hash__ = None  # type: ignore[assignment]


class _Missing:
    """A key looked up and not found (kept, so the file is asked once)."""


_MISSING = _Missing()
