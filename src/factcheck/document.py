"""Loading: a file (or stdin) becomes a Document with prose text and a line index.

Non-prose (front matter, code, HTML comments, URLs, Markdown markers) is blanked
out with spaces in `prose`, which keeps the same length as `text`. Offsets found
in `prose` are therefore offsets into the file as given, and no offset map is
needed.
"""

from __future__ import annotations

import bisect
import os
import re
import sys
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from factcheck.dates import DateError, check_document_day, parse_day
from factcheck.discovery import kind_of, not_regular
from factcheck.facts import DateSource
from factcheck.lazyre import LazyPattern, lazy

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text", ".html", ".htm")
MARKUP_SUFFIXES = (".md", ".markdown", ".html", ".htm")  # may hold HTML comments with directives
HTML_SUFFIXES = (".html", ".htm")  # read with an HTML parser


class InputError(Exception):
    """Input the tool cannot read; the message is one line for the user."""


# eq=False: a document is one object per file read, never compared (its text would be).
@dataclass(frozen=True, slots=True, eq=False)
class Document:
    """A loaded text: as given, its prose (non-prose blanked, offsets kept) and its declared date."""

    path: str
    text: str  # the file as given; for HTML, the page's readable text
    prose: str
    declared_date: date | None
    date_source: DateSource  # OPTION, FRONT_MATTER, METADATA (HTML), or NONE when the text must tell
    line_starts: Sequence[int]  # of the file as given (an array: a tuple of ints costs five times as much)
    source: str | None = None  # HTML: the file as given (`text` is then its readable text)
    offsets: Sequence[int] | None = None  # HTML: the source offset of each character of `text`, and of its end

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the file as given of a character offset of `text`."""
        if self.offsets is not None:
            from factcheck.html_text import source_offset  # HTML pages only: html.parser is not loaded for text

            offset = source_offset(self.offsets, offset)
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1



MAX_FILE_SIZE = 20_000_000  # bytes (20 MB): far above any article, far below what would exhaust memory


def load_path(path: Path, date_option: date | None = None, max_bytes: int = MAX_FILE_SIZE) -> Document:
    data = read_regular(path, max_bytes)
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return from_html(str(path), _decode(str(path), data), date_option)
    return from_bytes(str(path), data, date_option, markdown=suffix in MARKUP_SUFFIXES)


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
        info = os.fstat(fd)
        if info.st_size > max_bytes:
            raise InputError(_too_large(str(path), max_bytes))
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    finally:
        os.close(fd)
    if len(data) > max_bytes:  # grew while being read
        raise InputError(_too_large(str(path), max_bytes))
    return data


def _too_large(name: str, max_bytes: int) -> str:
    return (f"{name}: larger than the size limit of {max_bytes:,} bytes "
            "(raise it with --max-file-size or max-file-size in the configuration)")


def load_stdin(date_option: date | None = None, max_bytes: int = MAX_FILE_SIZE) -> Document:
    stream = sys.stdin
    if stream is None:
        raise InputError("-: standard input is closed")
    try:
        data = stream.buffer.read(max_bytes + 1)
    except (OSError, ValueError) as exc:
        raise InputError(f"-: cannot read standard input ({getattr(exc, 'strerror', None) or exc})") from None
    if len(data) > max_bytes:
        raise InputError(_too_large("-", max_bytes))
    return from_bytes("-", data, date_option, markdown=True)


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
    prose = _mask_common(page.text)
    if date_option is not None:
        declared, how = date_option, DateSource.OPTION
    elif page.published is not None:
        declared, how = page.published, DateSource.METADATA
    else:
        declared, how = None, DateSource.NONE
    return Document(name, page.text, prose, declared, how, _line_starts(source), source, page.offsets)


def from_text(name: str, text: str, date_option: date | None = None, markdown: bool = False) -> Document:
    # A byte-order mark is not a character of the first line: columns count from the one after it.
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    prose = text.replace("\ufeff", " ")
    fm_date: date | None = None
    if prose.startswith("---\n"):
        end, fm_date = _front_matter(name, prose)
        prose = _blank(prose, 0, end)
    if markdown:
        prose = _mask_markdown(prose)
    else:
        prose = _mask_common(prose)
    if date_option is not None:
        try:
            declared, source = check_document_day(date_option), DateSource.OPTION
        except DateError as exc:
            raise InputError(f"{name}: document date {exc}") from None
    elif fm_date is not None:
        declared, source = fm_date, DateSource.FRONT_MATTER
    else:
        declared, source = None, DateSource.NONE
    return Document(name, text, prose, declared, source, _line_starts(text))


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


def _blank(text: str, start: int, end: int) -> str:
    """Replace text[start:end] by spaces, keeping newlines so lines stay put."""
    chunk = re.sub(r"[^\n]", " ", text[start:end])
    return text[:start] + chunk + text[end:]


def _blank_matches(text: str, pattern: LazyPattern, group: int = 0) -> str:
    parts: list[str] = []
    last = 0
    for m in pattern.finditer(text):
        s, e = m.span(group)
        parts.append(text[last:s])
        parts.append(re.sub(r"[^\n]", " ", text[s:e]))
        last = e
    parts.append(text[last:])
    return "".join(parts)


_URL = lazy(r"\b(?:https?://|www\.)\S+")
# Suppression directives (see suppressions.py) are instructions to the checker, not prose.
DIRECTIVE = lazy(
    r"(?:<!--|\[)\s*factcheck:\s*(?P<verb>ignore|disable-file|disable|enable)\s*(?:\[(?P<rules>[^\]]*)\])?\s*(?:-->|\])"
)
# Every directive, readable or not, names factcheck (in any case): a text without the word has none.
_NAMED = lazy("factcheck", re.IGNORECASE)


def names_factcheck(text: str) -> bool:
    """Whether `text` may hold a factcheck directive."""
    return _NAMED.search(text) is not None  # not text.lower(): that copies a non-ASCII text at 12 bytes a character


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


def _masked(text: str, masks: tuple[tuple[LazyPattern, tuple[str, ...]], ...]) -> str:
    for pattern, needles in masks:
        if not needles or any(n in text for n in needles):
            text = _blank_matches(text, pattern)
    return text


def _mask_common(text: str) -> str:
    return _masked(text, _COMMON_MASKS)


def _mask_markdown(text: str) -> str:
    return _masked(text, _MARKDOWN_MASKS).replace("[", " ").replace("]", " ")
