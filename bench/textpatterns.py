"""Text-level patterns for the benchmark, independent of factcheck's extractor.

The mutation benchmark must not only mutate what the extractor already understood (that measures
nothing), so it finds its own places to mutate with plain regular expressions:

* title-name phrases: a title from the knowledge base's title list followed by a capitalised name
  ("Prime Minister Anthony Albanese"), or a name followed by a comma and the title ("Anthony
  Albanese, Australia's prime minister"), with the word before the title kept as modifier or cue;
* full dates ("March 3, 2025", "3 March 2025", optionally after a weekday) and day ranges
  ("March 3-5", "3 to 5 March").

Pure functions of their input; the title list is passed in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

UPPER = "".join(chr(c) for c in range(0x41, 0x250) if chr(c).isupper())
_NAME_WORD = rf"(?:[{UPPER}][\w'’\-]*[\w]|[{UPPER}]\.(?:[ ]?[{UPPER}]\.)*)"
_PARTICLE = r"(?:de|da|di|do|dos|das|del|van|von|der|den|bin|bint|ibn|al|el|la|le|du|y)"
# Words of a name are apart by spaces or by one line break (wire copy wraps lines inside names:
# "Agriculture Secretary Richard\nLyng"); a blank line ends the name.
_GAP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"
NAME = rf"{_NAME_WORD}(?:{_GAP}(?:{_PARTICLE}[ \t]+)?{_NAME_WORD}){{0,3}}"

# Capitalised words that start sentences or clauses, never a person's first name in news copy.
NOT_NAMES = frozenset(["a", "an", "and", "as", "at", "after", "although", "but", "by", "during", "for", "from", "he", "her", "his", "however", "if", "in", "it", "its", "last", "later", "meanwhile", "mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady", "new", "next", "now", "on", "once", "our", "she", "since", "so", "the", "their", "then", "there", "these", "they", "this", "those", "though", "to", "under", "until", "we", "when", "where", "while", "with", "yesterday", "today", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])

MODIFIERS = ("former", "ex", "then", "late", "acting", "interim", "outgoing", "incoming", "caretaker", "designate",
             "deputy", "vice", "assistant", "under", "shadow", "junior", "minister", "senior", "principal")

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTH = r"(?P<month>" + "|".join(MONTHS) + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"
_MONTH_INDEX = {m[:3].lower(): i + 1 for i, m in enumerate(MONTHS)}


@dataclass(frozen=True)
class TitleName:
    """A title bound to a name by position alone ("what a regular expression finds")."""

    start: int  # the whole phrase, title and name
    end: int
    title_start: int
    title_end: int
    name_start: int
    name_end: int
    title: str
    name: str
    form: str  # "title-name" or "appositive"
    modifier: str | None  # a word before the title that changes its meaning ("former", "then", "deputy", ...)
    cue: str | None  # a word before the title that places it ("U.S.", "India's", "British")
    quoted: bool  # inside an open quotation on its paragraph


def title_pattern(titles: Iterable[str]) -> str:
    """An alternation of titles, longest first, matched without regard to case."""
    alts = sorted({re.escape(t.strip()).replace(r"\ ", r"\s+") for t in titles if t.strip()}, key=len, reverse=True)
    return "(?i:" + "|".join(alts) + ")"


def compile_title_names(titles: Iterable[str], cues: Iterable[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The two forms' patterns for a title list and jurisdiction cue words (both from the knowledge base)."""
    title = title_pattern(titles)
    cue_alt = "|".join(sorted((re.escape(c) for c in cues if c), key=len, reverse=True)) or "(?!)"
    before = re.compile(rf"(?<![\w\-])(?P<title>{title}){_GAP}(?P<name>{NAME})")
    pre = rf"(?:(?:the|a)[ \t]+)?(?P<pre>(?:(?:(?i:{cue_alt})|former|then-|outgoing|current|acting|[\w]+['’]s)[ \t]+){{0,2}})"
    appositive = re.compile(rf"(?P<name>{NAME}),[ \t]+{pre}(?P<title>{title})(?![\w\-])")
    return before, appositive


def cue_key(cue: str) -> str:
    """How a jurisdiction cue is compared: lower case, without dots or a trailing hyphen ("U.S." -> "us")."""
    return cue.lower().replace(".", "").replace("’", "'").rstrip("-")


def _trim_name(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop sentence-starting words ("Meanwhile Joe Biden") and a trailing possessive from a name."""
    while True:
        m = re.match(r"([^\s]+)[ \t]+", text[start:end])
        if m is None or m.group(1).strip(",.").lower() not in NOT_NAMES:
            break
        start += m.end()
    if text[start:end].endswith(("'s", "’s")):
        end -= 2
    # A word that never belongs to a name ends it ("Reagan\nTuesday" across a line break).
    for m in re.finditer(r"\s+([^\s]+)", text[start:end]):
        if m.group(1).strip(",.").lower() in NOT_NAMES and not re.fullmatch(r"[A-Z]\.", m.group(1)):
            end = start + m.start()
            break
    return start, end


def _quoted(text: str, pos: int) -> bool:
    para = text[text.rfind("\n", 0, pos) + 1 : pos]
    return (para.count('"') % 2 == 1) or para.count("“") > para.count("”")


def _words_before(text: str, pos: int, n: int = 3) -> list[str]:
    head = text[max(0, pos - 60) : pos]
    return re.findall(r"[\w.'’]+-?", head)[-n:]


def find_title_names(text: str, patterns: tuple[re.Pattern[str], re.Pattern[str]], cues: frozenset[str]) -> list[TitleName]:
    """Every title-name phrase of the text, by position alone, without overlaps (first found wins)."""
    before, appositive = patterns
    found: list[TitleName] = []
    taken: list[tuple[int, int]] = []
    for form, pattern in (("title-name", before), ("appositive", appositive)):
        for m in pattern.finditer(text):
            ns, ne = _trim_name(text, m.start("name"), m.end("name"))
            name = text[ns:ne]
            if not name or name.split()[0].strip(".").lower() in NOT_NAMES or name.lower() in NOT_NAMES:
                continue
            if all(w.isupper() and len(w) > 2 for w in name.split()) or \
                    (m.group("title").isupper() and len(m.group("title")) > 3):
                continue  # "President UN", "PRESIDENT SEES OPTIONS": a headline in capitals, not a person
            if form == "appositive" and before.search(name + " X"):
                continue  # "Kuwaiti Crown Prince, Saudi foreign minister": a title, not a name, before the comma
            ts, te = m.start("title"), m.end("title")
            start, end = (ts, ne) if form == "title-name" else (ns, te)
            if any(s < end and start < e for s, e in taken):
                continue
            modifier = cue = None
            words = _words_before(text, ts)
            if form == "appositive":
                words = re.findall(r"[\w.'’]+-?", m.group("pre"))
            for w in reversed(words):
                low = w.lower().rstrip("-").strip(".")
                if low in MODIFIERS:
                    modifier = modifier or low
                elif cue is None and cue_key(w) in cues:
                    cue = w.rstrip("-")
                else:
                    break
            if re.search(r"(?:then|ex|former)-$", text[max(0, ts - 7) : ts], re.IGNORECASE):
                modifier = re.search(r"(then|ex|former)-$", text[max(0, ts - 7) : ts], re.IGNORECASE).group(1).lower()  # type: ignore[union-attr]
            if re.match(r"\s*-\s*designate|\s*\(\s*acting", text[ne : ne + 14], re.IGNORECASE):
                modifier = "designate"
            taken.append((start, end))
            found.append(TitleName(start, end, ts, te, ns, ne, text[ts:te], name, form, modifier, cue, _quoted(text, start)))
    return sorted(found, key=lambda t: t.start)


@dataclass(frozen=True)
class FullDate:
    start: int  # the date, weekday included when written
    end: int
    date_start: int  # the date without its weekday
    day: date
    weekday: str | None
    weekday_start: int | None


_FULL_DATE = re.compile(
    rf"(?:(?P<weekday>{'|'.join(WEEKDAYS)}),?[ \t]+(?:the[ \t]+)?)?"
    rf"(?:{_MONTH}[ \t]+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?[ \t]+(?P<y1>(?:19|20)\d\d)"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?[ \t]+(?P<month2>{'|'.join(MONTHS)}),?[ \t]+(?P<y2>(?:19|20)\d\d))(?![\d\-])"
)


def find_full_dates(text: str) -> Iterator[FullDate]:
    """Dates that name day, month and year, with the weekday written before them if any."""
    for m in _FULL_DATE.finditer(text):
        month = (m.group("month") or m.group("month2"))[:3].lower()
        try:
            day = date(int(m.group("y1") or m.group("y2")), _MONTH_INDEX[month], int(m.group("d1") or m.group("d2")))
        except ValueError:
            continue
        ds = m.start("month") if m.group("month") else m.start("d2")
        yield FullDate(m.start(), m.end(), ds, day, m.group("weekday"), m.start("weekday") if m.group("weekday") else None)


_MONTH_DAY = re.compile(rf"{_MONTH}[ \t]+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?![\d:,])(?![ \t]*,?[ \t]*(?:19|20)\d\d)")


def find_month_days(text: str, year: int) -> Iterator[tuple[int, int, date]]:
    """Dates written without a year ("on March 2"), read in the given year: (start, end, date)."""
    for m in _MONTH_DAY.finditer(text):
        try:
            yield m.start(), m.end(), date(year, _MONTH_INDEX[m.group("month")[:3].lower()], int(m.group("d")))
        except ValueError:
            continue


_RANGE = re.compile(
    rf"(?:{_MONTH}[ \t]+(?P<a1>\d{{1,2}})(?P<sep1>[ \t]*(?:-|–|to|through|and)[ \t]*)(?P<b1>\d{{1,2}})(?![\d:])"
    rf"|(?<![\d,.])(?P<a2>\d{{1,2}})(?P<sep2>[ \t]*(?:-|–|to)[ \t]*)(?P<b2>\d{{1,2}})[ \t]+(?P<month2>{'|'.join(MONTHS)}))"
)


@dataclass(frozen=True)
class DayRange:
    start: int  # the first day number
    end: int  # past the second day number
    first: int
    second: int
    separator: str


def find_day_ranges(text: str) -> Iterator[DayRange]:
    """Day ranges inside one month ("March 3-5", "3 to 5 March", "from May 23 to 26"), first day before second."""
    for m in _RANGE.finditer(text):
        a, sep, b = ("a1", "sep1", "b1") if m.group("a1") else ("a2", "sep2", "b2")
        first, second = int(m.group(a)), int(m.group(b))
        if 1 <= first < second <= 31 and m.group(sep).strip() != "and":
            yield DayRange(m.start(a), m.end(b), first, second, m.group(sep))
