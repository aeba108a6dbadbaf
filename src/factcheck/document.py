"""Loading: a file (or stdin) becomes a Document with prose text and a line index.

Non-prose (front matter, code, HTML comments, URLs, Markdown markers) is blanked
out with spaces in `prose`, which keeps the same length as the text. Offsets found
in `prose` are therefore offsets into the file as given, and no offset map is
needed. The document keeps the prose and what was blanked (`Blanked`), not a
second copy of the text: a part of the text is the prose with those runs put back.
"""

from __future__ import annotations

import bisect
import os
import re
import sys
import unicodedata
from array import array
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from factcheck.dates import DateError, check_document_day, parse_day
from factcheck.discovery import kind_of, not_regular
from factcheck.facts import DateSource
from factcheck.lazyre import LazyPattern, lazy
from factcheck.pickling import by_fields

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text", ".html", ".htm")
MARKUP_SUFFIXES = (".md", ".markdown", ".html", ".htm")  # may hold HTML comments with directives
HTML_SUFFIXES = (".html", ".htm")  # read with an HTML parser


class InputError(Exception):
    """Input the tool cannot read; the message is one line for the user."""


class Blanked:
    """The runs of a text that its prose has blanked, with the characters they held.

    The text is the prose with these runs put back. A document keeps them instead of a second copy
    of its text: one curly quote makes Python store every character of a string in 2 bytes, one
    emoji in 4, so a news story with a web address in it cost 2 to 4 more bytes per byte of text.
    Runs are sorted and do not overlap; `held` is their original characters, one after another.
    """

    __slots__ = ("_starts", "_ends", "_at", "_held")

    def __init__(self, runs: Sequence[tuple[int, str]] = ()) -> None:
        """`runs`: (start, the characters the text held there), sorted, not overlapping."""
        self._starts = array("q", [start for start, _ in runs])
        self._ends = array("q", [start + len(chars) for start, chars in runs])
        at = array("q")
        total = 0
        for _, chars in runs:
            at.append(total)
            total += len(chars)
        self._at = at
        self._held = "".join(chars for _, chars in runs)

    def __len__(self) -> int:
        return len(self._starts)

    def spans(self) -> Iterator[tuple[int, int]]:
        """(start, end) of each run, in order."""
        return zip(self._starts, self._ends)

    def restore(self, prose: str, start: int, end: int) -> str:
        """prose[start:end] (slice semantics) with the blanked characters put back: the text's slice."""
        start, end, _ = slice(start, end).indices(len(prose))
        ends = self._ends
        i = bisect.bisect_right(ends, start)  # the first run ending after start
        if i == len(ends) or self._starts[i] >= end:
            return prose[start:end]  # most slices: no run inside
        parts = []
        pos = start
        while i < len(ends) and self._starts[i] < end:
            s, e = max(self._starts[i], start), min(ends[i], end)
            k = self._at[i] + s - self._starts[i]
            parts.append(prose[pos:s])
            parts.append(self._held[k : k + e - s])
            pos = e
            i += 1
        parts.append(prose[pos:end])
        return "".join(parts)


# eq=False: a document is one object per file read, never compared (its text would be).
@dataclass(frozen=True, slots=True, eq=False)
class Document:
    """A loaded text: its prose (non-prose blanked, offsets kept), what was blanked, and its declared date."""

    path: str
    prose: str
    declared_date: date | None
    date_source: DateSource  # OPTION, FRONT_MATTER, METADATA (HTML), or NONE when the text must tell
    line_starts: Sequence[int]  # of the file as given (an array: a tuple of ints costs five times as much)
    source: str | None = None  # HTML: the file as given (the text is then its readable text)
    offsets: Sequence[int] | None = None  # HTML: the source offset of each character of the text, and of its end
    blanked: Blanked = field(default_factory=Blanked)  # what `prose` blanked of the text

    __reduce__ = by_fields  # sent back by workers with every result (see pickling.py)

    @property
    def text(self) -> str:
        """The file as given (for HTML, the page's readable text). Rebuilt from the prose on each call,
        a copy of the whole text: `text_at` gives a part."""
        return self.blanked.restore(self.prose, 0, len(self.prose))

    def text_at(self, start: int, end: int) -> str:
        """text[start:end], without rebuilding the whole text."""
        return self.blanked.restore(self.prose, start, end)

    def names_factcheck(self) -> bool:
        """Whether the text may hold a factcheck directive (see `names_factcheck`), without rebuilding it.
        The prose has the text's characters outside the blanked runs, so an occurrence is in the prose
        or overlaps a run, and then lies within 8 characters (the word's length less one) of it."""
        return names_factcheck(self.prose) or any(
            names_factcheck(self.text_at(max(0, start - 8), end + 8)) for start, end in self.blanked.spans())

    def without_text(self) -> Document:
        """The document's path, date and where it came from, without its text (a report of a document
        with nothing to show needs no more)."""
        return replace(self, prose="", line_starts=array("q", [0]), source=None, offsets=None, blanked=Blanked())

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the file as given of a character offset of the text."""
        if self.offsets is not None:
            from factcheck.html_text import source_offset  # HTML pages only: html.parser is not loaded for text

            offset = source_offset(self.offsets, offset)
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1



MAX_FILE_SIZE = 20_000_000  # bytes (20 MB): far above any article, far below what would exhaust memory


def load_path(path: Path, date_option: date | None = None, max_bytes: int = MAX_FILE_SIZE) -> Document:
    # The text is handed on without a name here, so that the loader holds its only reference and
    # frees it once the prose is made (see _Blanking); the bytes are freed once decoded.
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return from_html(str(path), _decode(str(path), read_regular(path, max_bytes)), date_option)
    return from_text(str(path), _decode(str(path), read_regular(path, max_bytes)), date_option,
                     markdown=suffix in MARKUP_SUFFIXES)


def open_regular(path: str | Path) -> int:
    """A descriptor of a regular file, opened without blocking and checked before any read, so a
    FIFO, /dev/zero or a socket is refused at once instead of hanging or filling memory."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    try:
        kind = kind_of(os.fstat(fd).st_mode)
    except OSError as exc:
        os.close(fd)
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    if kind is not None:
        os.close(fd)
        raise InputError(f"{path}: {not_regular(kind)}")
    return fd


def read_regular(path: str | Path, max_bytes: int = MAX_FILE_SIZE) -> bytes:
    """The bytes of a regular file of at most `max_bytes`. Opened without blocking and checked
    before reading, so a FIFO, /dev/zero or a socket is refused at once instead of hanging or
    filling memory."""
    fd = open_regular(path)
    try:
        size = os.fstat(fd).st_size
        if size > max_bytes:
            raise InputError(_too_large(str(path), max_bytes))
        # Reads of the descriptor itself, the first one byte longer than the file (a read sets aside
        # what it asks for: a buffered file object asked for `max_bytes + 1` set aside 20 MB for every
        # file, a third of the time of reading an article), then by 1 MB if it grew.
        chunks, total, asked = [], 0, size + 1
        while total <= max_bytes and (chunk := os.read(fd, min(asked, max_bytes + 1 - total))):
            chunks.append(chunk)
            total += len(chunk)
            asked = _READ
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    finally:
        os.close(fd)
    if total > max_bytes:  # grew while being read
        raise InputError(_too_large(str(path), max_bytes))
    return b"".join(chunks)


_READ = 1 << 20  # bytes read at a time past the size the file had when it was opened


def _too_large(name: str, max_bytes: int) -> str:
    return (f"{name}: larger than the size limit of {max_bytes:,} bytes "
            "(raise it with --max-file-size or max-file-size in the configuration)")


def load_stdin(date_option: date | None = None, max_bytes: int = MAX_FILE_SIZE) -> Document:
    return from_text("-", _decode("-", _read_stdin(max_bytes)), date_option, markdown=True)


def _read_stdin(max_bytes: int) -> bytes:
    stream = sys.stdin
    if stream is None:
        raise InputError("-: standard input is closed")
    try:
        data = stream.buffer.read(max_bytes + 1)
    except (OSError, ValueError) as exc:
        raise InputError(f"-: cannot read standard input ({getattr(exc, 'strerror', None) or exc})") from None
    if len(data) > max_bytes:
        raise InputError(_too_large("-", max_bytes))
    return data


def from_bytes(name: str, data: bytes, date_option: date | None, markdown: bool) -> Document:
    return from_text(name, _decode(name, data), date_option, markdown)


def _decode(name: str, data: bytes) -> str:
    if b"\x00" in data:
        raise InputError(f"{name}: looks like a binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not UTF-8 text (invalid byte at offset {exc.start})") from None


def from_html(name: str, source: str, date_option: date | None = None) -> Document:
    """A web page: its readable text (see html_text.py), positions in the page as given, the page's own date."""
    from factcheck.html_text import read_html  # html.parser is loaded only for web pages

    source = source.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    page = read_html(source)
    offsets, published = page.offsets, page.published
    made = _Blanking(page.text)
    del page
    if not made.prose.isascii():
        made.blank(_pictures(made.prose), _picture)
    made.mask(_COMMON_MASKS)
    prose, blanked = made.done()
    if date_option is not None:
        declared, how = date_option, DateSource.OPTION
    elif published is not None:
        declared, how = published, DateSource.METADATA
    else:
        declared, how = None, DateSource.NONE
    return Document(name, prose, declared, how, _line_starts(source), source, offsets, blanked)


def from_text(name: str, text: str, date_option: date | None = None, markdown: bool = False) -> Document:
    # A byte-order mark is not a character of the first line: columns count from the one after it.
    made = _Blanking(text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n"))
    del text  # the caller's string, when it was the only reference, is freed as the prose is made
    made.blank([m.span() for m in _BOM.finditer(made.prose)])
    fm_date: date | None = None
    if made.prose.startswith("---\n"):
        end, fm_date = _front_matter(name, made.prose)  # its errors quote it as written
        made.blank([(0, end)])
    if not made.prose.isascii():
        made.blank(_pictures(made.prose), _picture)
    made.mask(_MARKDOWN_MASKS if markdown else _COMMON_MASKS)
    if markdown:
        made.blank([m.span() for m in _BRACKET.finditer(made.prose)])
    prose, blanked = made.done()
    if date_option is not None:
        try:
            declared, source = check_document_day(date_option), DateSource.OPTION
        except DateError as exc:
            raise InputError(f"{name}: document date {exc}") from None
    elif fm_date is not None:
        declared, source = fm_date, DateSource.FRONT_MATTER
    else:
        declared, source = None, DateSource.NONE
    return Document(name, prose, declared, source, _line_starts(prose), blanked=blanked)


def _line_starts(text: str) -> array[int]:
    starts = array("q", [0])
    starts.extend(m.end() for m in re.finditer("\n", text))
    return starts


_FM_LINE = lazy(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$")


def _front_matter(name: str, text: str) -> tuple[int, date | None]:
    close = re.search(r"^(---|\.\.\.)[ \t]*$", text[4:], re.M)
    if close is None:
        raise InputError(f"{name}: malformed front matter (no closing '---')")
    body = text[4 : 4 + close.start()]
    found: date | None = None
    for n, line in enumerate(body.split("\n"), start=2):
        if not line.strip() or line.lstrip().startswith("#") or line.startswith((" ", "\t", "-")):
            continue
        m = _FM_LINE.match(line)
        if m is None:
            raise InputError(f"{name}:{n}: malformed front matter line: {line.strip()[:60]!r}")
        if m.group(1).lower() == "date":
            value = m.group(2).strip().strip("'\"")
            try:
                found = parse_day(value[:10]) if re.match(r"^\d{4}-\d{2}-\d{2}([T ].*)?$", value) else parse_day(value)
            except DateError:
                raise InputError(f"{name}:{n}: front matter date is not YYYY-MM-DD: {value!r}") from None
            try:
                check_document_day(found)
            except DateError as exc:
                raise InputError(f"{name}:{n}: front matter date {exc}") from None
    return 4 + close.end(), found


class _Blanking:
    """The prose being made: each mask blanks its matches in the prose the masks before it left.

    It holds the only reference to the current string, so each one is freed before the next is
    joined: a long text costs its prose and the pieces of the next one at most, not the text, the
    prose and the pieces. It records what each mask blanked, to restore the text's characters.
    """

    def __init__(self, text: str) -> None:
        self.prose = text
        self._layers: list[tuple[list[tuple[int, int]], list[str]]] = []  # (spans, what they held), per mask

    def blank(self, spans: list[tuple[int, int]], fill: Callable[[str], str] | None = None) -> None:
        """Replace each [start, end) of `spans` (sorted, not overlapping) by spaces, keeping newlines
        (or by what `fill` makes of its characters, as long)."""
        fill = fill or _spaces
        spans = [(s, e) for s, e in spans if s < e]
        if not spans:
            return
        held = [self.prose[s:e] for s, e in spans]
        parts: list[str] = []
        last = 0
        for (s, e), chars in zip(spans, held):
            parts.append(self.prose[last:s])
            parts.append(fill(chars))
            last = e
        parts.append(self.prose[last:])
        self._layers.append((spans, held))
        self.prose = ""  # frees the string before the next is joined
        self.prose = "".join(parts)

    def mask(self, masks: tuple[tuple[LazyPattern, tuple[str, ...]], ...]) -> None:
        for pattern, needles in masks:
            if not needles or any(n in self.prose for n in needles):
                self.blank([m.span() for m in pattern.finditer(self.prose)])

    def done(self) -> tuple[str, Blanked]:
        """The prose, and the runs it blanked with the text's characters there. A later mask may blank
        over an earlier one's run (an HTML comment around a blanked marker), where it saw blanks: where
        runs overlap, the earliest mask's record holds the text's own characters."""
        marks = sorted((s, e, n, chars) for n, (spans, held) in enumerate(self._layers)
                       for (s, e), chars in zip(spans, held))
        runs: list[tuple[int, str]] = []
        k = 0
        while k < len(marks):
            start, end = marks[k][0], marks[k][1]
            group = [marks[k]]
            k += 1
            while k < len(marks) and marks[k][0] < end:
                end = max(end, marks[k][1])
                group.append(marks[k])
                k += 1
            if len(group) == 1:
                runs.append((start, group[0][3]))
                continue
            chars = list(self.prose[start:end])
            for s, e, _, held in sorted(group, key=lambda g: -g[2]):  # the latest mask first, the earliest last
                chars[s - start : e - start] = held
            runs.append((start, "".join(chars)))
        return self.prose, Blanked(runs)


def _spaces(chars: str) -> str:
    return _NOT_NEWLINE.sub(" ", chars)


_NOT_NEWLINE = lazy(r"[^\n]")
# Characters past the Basic Multilingual Plane: one of them (an emoji, a flag) makes Python store
# every character of a string in 4 bytes instead of 1 or 2.
_ASTRAL = lazy("[\U00010000-\U0010ffff]")
PICTURE = "\ufffc"  # OBJECT REPLACEMENT CHARACTER: stands in the prose for a symbol outside the BMP


def _pictures(prose: str) -> list[tuple[int, int]]:
    """The symbols outside the Basic Multilingual Plane (emoji, flags, pictographs): not prose.

    Each is one symbol to every extractor, a token of its own that is no word and no space, as the
    stand-in is, so the prose keeps its tokens and sentences while Python stores it in 2 bytes a
    character where one emoji made it 4. Letters and digits outside the plane (mathematical
    alphanumerics, rare CJK ideographs) stay, as do symbols that fold to letters ("\U0001f130")."""
    return [m.span() for m in _ASTRAL.finditer(prose)
            if not m.group().isalnum() and unicodedata.normalize("NFKD", m.group()) == m.group()]


def _picture(chars: str) -> str:
    return PICTURE * len(chars)
_BOM = lazy("\ufeff")
_BRACKET = lazy(r"[\[\]]")  # Markdown's link brackets: blanked, the link text kept
_URL = lazy(r"\b(?:https?://|www\.)\S+")
# Suppression directives (see suppressions.py) are instructions to the checker, not prose.
DIRECTIVE = lazy(
    r"(?:<!--|\[)\s*factcheck:\s*(?P<verb>ignore|disable-file|disable|enable)\s*(?:\[(?P<rules>[^\]]*)\])?\s*(?:-->|\])"
)


def names_factcheck(text: str) -> bool:
    """Whether `text` may hold a factcheck directive: every directive, readable or not, names factcheck
    in some case, and a text without the word has none."""
    # The word in the lower case of 64 KB at a time (overlapping by the word's length, so none is cut):
    # the answer of a search that ignores case (no character lowers to one of the word's letters but
    # those letters and the Kelvin sign, which such a search takes for "k"), in a third of its time,
    # without a copy of the whole text.
    step = 1 << 16
    return any("factcheck" in text[i : i + step + 8].lower() for i in range(0, max(len(text), 1), step))


_HTML_COMMENT = lazy(r"<!--.*?-->", re.S)
_SCRIPT_STYLE = lazy(r"<(script|style|pre|code|kbd|samp)\b.*?</\1\s*>", re.S | re.I)
FENCE = lazy(r"^[ \t]*(```|~~~)[^\n]*\n.*?(?:^[ \t]*\1[ \t]*$|\Z)", re.S | re.M)
INLINE_CODE = lazy(r"`[^`\n]+`")
_LINK_TARGET = lazy(r"\]\([^)\n]*\)")
_HTML_TAG = lazy(r"</?[A-Za-z][^>\n]*>")
_MD_MARKERS = lazy(r"^[ \t]*(?:#{1,6}[ \t]|>[ \t]?|[-*+][ \t]|\d+\.[ \t])|\*\*|__|(?<!\w)[*_](?=\w)|(?<=\w)[*_](?!\w)", re.M)


# Each mask with the strings every one of its matches contains: a text with none of them is not
# searched (most articles have no code, no HTML and no links, and each search is a pass over the text).
_COMMON_MASKS = ((DIRECTIVE, ("factcheck:",)), (_URL, ("://", "www.")))
_MARKDOWN_MASKS = (
    (FENCE, ("```", "~~~")), (_HTML_COMMENT, ("<!--",)), (_SCRIPT_STYLE, ("<",)), (INLINE_CODE, ("`",)),
    (_LINK_TARGET, ("](",)), (_URL, ("://", "www.")), (_HTML_TAG, ("<",)), (_MD_MARKERS, ()),
)
