"""HTML as a reader sees it: the article's text, where each character came from, and the page's date.

Read with the standard library's `html.parser`: it is a tolerant tokenizer that reports where each
tag, text run and character reference starts, which is all the mapping back to source lines needs.
A tree builder (lxml, BeautifulSoup) would add a dependency and lose those positions.

Left out of the prose: `<head>` (so `<title>` is not read as the first sentence), scripts, styles,
templates, code, navigation (`<nav>`, `role="navigation"`), `<footer>` and `<aside>`. Block
elements end a paragraph, so a heading and the paragraph after it are separate sentences. Inline
markup between words (`Prime Minister <a href=...>Rishi Sunak</a>`) and character references
(`&nbsp;`, `&eacute;`) become the characters they stand for.

The document date is the page's own: `article:published_time`, JSON-LD `datePublished`,
`<meta name="date">` (and its common spellings), then the first `<time datetime>`, parsed with
python-dateutil and kept as the publisher's local day.
"""

from __future__ import annotations

import html
import json
from array import array
from collections.abc import Sequence
from datetime import date, datetime
from html.parser import HTMLParser
from typing import Any, NamedTuple

_SKIPPED = frozenset({"head", "title", "script", "style", "noscript", "template", "svg", "math", "iframe",
                      "object", "nav", "footer", "aside", "pre", "code", "kbd", "samp", "button", "select",
                      "textarea", "form"})
_BLOCKS = frozenset({"p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6",
                     "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "figure", "figcaption", "table", "tr",
                     "td", "th", "thead", "tbody", "caption", "hr", "address", "details", "summary", "body",
                     "html"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                   "source", "track", "wbr"})
# <meta> names and properties that give the publication time, most specific first.
_META_DATES = ("article:published_time", "og:published_time", "datepublished", "date", "pubdate",
               "publishdate", "publish-date", "publication_date", "dc.date.issued", "dc.date", "dcterms.created",
               "sailthru.date", "parsely-pub-date")


class HtmlText(NamedTuple):
    """The readable text of a page, the source offset of each of its characters (one more for the end),
    and the page's date with where it was found."""

    text: str
    offsets: Sequence[int]  # an array of 8-byte integers: a tuple would cost 40 bytes a character
    published: date | None
    date_evidence: str


def read_html(source: str) -> HtmlText:
    reader = _Reader(source)
    reader.feed(source)
    reader.close()
    text = "".join(reader.chars)
    offsets = reader.offsets
    offsets.append(len(source))
    published, evidence = _published(reader)
    return HtmlText(text, offsets, published, evidence)


class _Reader(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0] + [i + 1 for i, c in enumerate(source) if c == "\n"]
        self.chars: list[str] = []
        self.offsets = array("q")
        self.stack: list[str] = []  # open skipped elements
        self.meta: dict[str, str] = {}
        self.times: list[str] = []
        self.json_ld: list[str] = []
        self.in_json_ld = False

    def _source_at(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _emit(self, text: str, at: int, spread: bool) -> None:
        """Text from source offset `at`: character by character when it is literal, all at `at` otherwise."""
        if self.stack:
            return
        for k, c in enumerate(text):
            self.chars.append("\n" if c == "\r" else (" " if c == "\xa0" else c))
            self.offsets.append(at + k if spread else at)

    def _paragraph(self, at: int) -> None:
        if self.stack or not self.chars:
            return
        tail = "".join(self.chars[-2:])
        if tail != "\n\n":
            self._emit("\n" if tail.endswith("\n") else "\n\n", at, False)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        at = self._source_at()
        attr = {k.lower(): (v or "") for k, v in attrs}
        if tag == "body":
            self.stack.clear()  # "</head>" may be left out: the body starts the prose all the same
        if tag == "meta":
            key = (attr.get("property") or attr.get("name") or attr.get("itemprop") or "").lower()
            if key in _META_DATES and attr.get("content") and key not in self.meta:
                self.meta[key] = attr["content"]
            return
        if tag == "time" and attr.get("datetime"):
            self.times.append(attr["datetime"])
        if tag == "script" and attr.get("type", "").lower() == "application/ld+json":
            self.in_json_ld = True
        if tag in _VOID:
            if tag == "br":
                self._emit("\n", at, False)
            elif tag == "hr":
                self._paragraph(at)
            return
        if tag in _SKIPPED or attr.get("role") == "navigation" or attr.get("aria-hidden") == "true" or "hidden" in attr:
            self.stack.append(tag)
            return
        if self.stack:
            self.stack.append(tag)
            return
        if tag in _BLOCKS:
            self._paragraph(at)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and self.stack and self.stack[-1] == tag:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        at = self._source_at()
        if tag == "script":
            self.in_json_ld = False
        if self.stack:
            if tag in self.stack:
                while self.stack and self.stack.pop() != tag:
                    pass
            return
        if tag in _BLOCKS:
            self._paragraph(at)

    def handle_data(self, data: str) -> None:
        if self.in_json_ld:
            self.json_ld.append(data)
            return
        self._emit(data, self._source_at(), True)

    def handle_entityref(self, name: str) -> None:
        self._emit(html.unescape(f"&{name};"), self._source_at(), False)  # an unknown name stays as written

    def handle_charref(self, name: str) -> None:
        self._emit(html.unescape(f"&#{name};"), self._source_at(), False)


def _published(reader: _Reader) -> tuple[date | None, str]:
    for key in _META_DATES[:3]:
        if key in reader.meta:
            day = _day(reader.meta[key])
            if day:
                return day, f'<meta {key}="{reader.meta[key]}">'
    for blob in reader.json_ld:
        found = _json_ld_date(blob)
        if found:
            day = _day(found)
            if day:
                return day, f'JSON-LD datePublished "{found}"'
    for key in _META_DATES[3:]:
        if key in reader.meta:
            day = _day(reader.meta[key])
            if day:
                return day, f'<meta {key}="{reader.meta[key]}">'
    for value in reader.times[:1]:
        day = _day(value)
        if day:
            return day, f'<time datetime="{value}">'
    return None, ""


def _json_ld_date(blob: str) -> str | None:
    try:
        data: Any = json.loads(blob)
    except ValueError:
        return None
    todo = [data]
    while todo:
        item = todo.pop(0)
        if isinstance(item, dict):
            value = item.get("datePublished")
            if isinstance(value, str):
                return value
            todo.extend(item.values())
        elif isinstance(item, list):
            todo.extend(item)
    return None


def _day(value: str) -> date | None:
    """The publisher's local day of a timestamp ("2025-07-01T23:30:00-04:00" is 1 July)."""
    # Imported here: dateutil costs about 15 ms at start-up, and only an HTML page's date needs it.
    from dateutil import parser as dateparser  # type: ignore[import-untyped]  # no stubs in the runtime deps

    try:
        stamp: datetime = dateparser.isoparse(value.strip())
        return stamp.date()
    except (ValueError, OverflowError):
        pass
    # No wall clock: a value without a year ("Monday") must not borrow today's.
    try:
        parsed: datetime = dateparser.parse(value.strip(), default=datetime(1, 1, 1))
    except (ValueError, OverflowError, TypeError):
        return None
    return parsed.date() if parsed.year > 1 else None


def source_offset(offsets: Sequence[int], offset: int) -> int:
    """The source offset of a text offset (the end of the text maps to the end of the source)."""
    return offsets[min(max(offset, 0), len(offsets) - 1)]

