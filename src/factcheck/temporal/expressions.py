"""Time-expression patterns and their normalisation to intervals.

Patterns are tried in order (longest forms first); a later pattern never takes
text an earlier one matched. Each match is resolved by its kind:

    calendar   "July 1, 2025", "23-26 August", "March 2024", "2019", "the 1970s", "Q3 2024"
    relative   "yesterday", "last week", "on Tuesday", "earlier this year", "two days later"
    reference  "now", "recently", "soon" (TIMEX3 PRESENT_REF / PAST_REF / FUTURE_REF)
    duration   "three years", "for two weeks"   (recognised, never a date)
    set        "every Monday", "each week"      (recognised, never a date)

Relative expressions need a day-precise anchor (the document date); without one
they stay unresolved rather than guessed.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from datetime import date, timedelta
from typing import NamedTuple

from factcheck.dates import Interval
from factcheck.facts import Tense
from factcheck.lazyre import LazyPattern, lazy

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY_ABBR = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6}
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": None, "few": None,
}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_SEASON_MONTH = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}

_MONTH_FULL = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")
_MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec")
_MONTH = "(?P<{g}>" + "|".join(_MONTH_FULL) + "|(?:" + "|".join(_MONTH_ABBREVIATIONS) + r")\.?)"
_WDNAME = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_WD = r"(?:(?P<wd>" + _WDNAME + r"|(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.)\s*,?\s+(?:the\s+)?)?"
_WEEKDAY_ABBREVIATIONS = ("Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun")  # as _WD spells them
# The same two slots as any capitalised word, for the kinds whose month is always followed by a space:
# the word there is then the whole word, so a match is one of the patterns above exactly when its
# words are names (`_NAMED`, checked by `matches`). The twelve months and seven weekdays spelt out
# were most of the compile time of these patterns, paid by every process that reads a date.
_MONTH_WORD = r"(?P<{g}>[A-Z][a-z]+\.?)"
_WD_WORD = r"(?:(?P<wd>[A-Z][a-z]+\.?)\s*,?\s+(?:the\s+)?)?"
_DAY = r"(?P<{g}>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?P<{g}>1[89]\d\d|20\d\d)"
_TO = r"(?:(?<=\w)[-\u2013\u2014](?=\d)|\s+[-\u2013\u2014]\s+|\s+(?:to|through|until|till|and)\s+)"
# "rose on Feb 25 to 4.151 billion": a number after "to" is a quantity, not the end of a range.
_NOT_QUANTITY = r"(?![.,]?\d|[-/]\d|\s*(?:%|pct|percent|per\s+cent|billion|million|mln|bln|dlrs|dollars|points|of\s+(?:the|a|its)\b))"
# "June 3 - 1st qtr net profit" (an earnings dateline, then the period): a numbered period after the
# dash is not the last day of a range.
_NOT_PERIOD = r"(?!\s*(?:qtr|qtrs|quarter|quarters|half|halves|hy)\b)"
_NUM = r"(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few)"
_UNIT = r"(?P<unit>day|week|month|year|decade)s?"
_ORD = r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)"

_RAW_PATTERNS: tuple[tuple[str, str], ...] = (
    ("set", r"\b(?:every|each)\s+(?:other\s+)?(?:" + _WDNAME + r"|day|week|month|year|morning|evening|night|quarter)\b|\b(?:daily|weekly|monthly|annually|yearly)\b"),
    ("iso", r"\b" + _YEAR.format(g="y") + r"-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])\b"),
    ("md-range", r"\b" + _WD_WORD + _MONTH_WORD.format(g="m") + r"\s+" + _DAY.format(g="d") + _TO
     + _DAY.format(g="d2") + r"\b" + _NOT_QUANTITY + _NOT_PERIOD + r"(?:,?\s+" + _YEAR.format(g="y") + r"\b)?"),
    ("dm-range", r"\b" + _WD + _DAY.format(g="d") + _TO + _DAY.format(g="d2") + r"\s+(?:of\s+)?"
     + _MONTH.format(g="m") + r"(?:,?\s+" + _YEAR.format(g="y") + r"\b)?"),
    ("mm-range", r"\b(?:from|between)\s+" + _MONTH.format(g="m") + _TO + _MONTH.format(g="m2")
     + r",?\s+" + _YEAR.format(g="y") + r"\b"),
    ("weekday-paren", r"\b(?P<wd>" + _WDNAME + r")\s*\(\s*" + _MONTH.format(g="m") + r"\s+" + _DAY.format(g="d")
     + r"(?:,?\s+" + _YEAR.format(g="y") + r")?\s*\)"),
    ("md", r"\b" + _WD_WORD + _MONTH_WORD.format(g="m") + r"\s+" + _DAY.format(g="d") + r"(?![\d:])\b(?:,?\s+" + _YEAR.format(g="y") + r"\b)?"),
    ("dm", r"\b" + _WD + _DAY.format(g="d") + r"\s+(?:of\s+)?" + _MONTH.format(g="m")
     + r"(?:,?\s+" + _YEAR.format(g="y") + r"\b)?"),
    ("year-ago", r"\b(?:the\s+)?(?:comparable\s+|corresponding\s+)?year[-\s](?:ago|earlier)(?:\s+(?:" + _ORD + r"\s+)?(?P<span_unit>quarter|period|month))?\b"
     r"|\ba\s+year\s+(?:ago|earlier)\b"),
    ("quarter", r"\b(?:the\s+)?(?:" + _YEAR.format(g="y") + r"\s+)?" + _ORD + r"[-\s]quarter\b(?:\s+of\s+" + _YEAR.format(g="y2") + r")?"
     + r"|\bQ(?P<q>[1-4])\s+" + _YEAR.format(g="y3")),
    ("this-quarter", r"\b(?:the|this|last|latest|the\s+latest|the\s+current|the\s+past|the\s+last|the\s+most\s+recent)\s+quarter\b"),
    ("decade", r"\b(?:the\s+)?(?:(?P<part>early|mid|late)[-\s])?(?P<dec>1[89]\d0|20[0-9]0)s\b|\bthe\s+'(?P<dec2>[0-9]0)s\b"),
    ("season", r"\b(?:(?P<rel>this|last|next|early|late)\s+)?(?P<season>spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?" + _YEAR.format(g="y") + r")?\b"),
    ("my", r"\b" + _MONTH.format(g="m") + r",?\s+" + _YEAR.format(g="y") + r"\b"),
    ("m-rel-year", r"\b" + _MONTH.format(g="m") + r"\s+(?:of\s+)?(?P<rel>this|last|next)\s+year\b"),
    ("rel-year", r"\bthe\s+(?P<rel>following|next|previous|preceding)\s+(?P<unit>year|month)\b"),
    ("ago", r"\b" + _NUM + r"\s+" + _UNIT + r"\s+(?P<dir>ago|earlier|later|before|after|from\s+now|hence)\b"),
    ("within", r"\b(?:earlier|later)\s+this\s+(?P<unit>week|month|year)\b"),
    ("unit", r"\b(?P<rel>this|last|next|the\s+past|the\s+coming|the\s+current|the\s+previous|the\s+following|the|early\s+next|late\s+next|early\s+last|late\s+last|early\s+this|late\s+this)\s+(?P<unit>week|month|year|weekend)\b(?!\s*(?:'s|\u2019s))"),
    ("full-year", r"\bthe\s+(?:full|whole|entire)\s+year\b"),
    ("day-word", r"\b(?P<word>today|tonight|yesterday|tomorrow|this\s+morning|this\s+afternoon|this\s+evening)\b"),
    ("weekday", r"\b(?:(?P<rel>last|this|next|on|by|until|since|from|early|late)\s+)?(?P<wd>" + _WDNAME + r")\b(?:\s+(?:morning|afternoon|evening|night))?"),
    ("reference", r"\b(?P<refword>now|currently|at\s+present|nowadays|presently|recently|lately|the\s+past|in\s+the\s+past|soon|the\s+future|in\s+the\s+future)\b"),
    ("duration", r"\b(?:for\s+|over\s+|within\s+|in\s+)?(?:the\s+)?(?:" + _NUM + r"|\d+)[-\s](?:full\s+)?" + _UNIT + r"(?:[-\s]long)?\b"),
    ("m", r"\b(?:in|since|by|until|from|during|early|late|mid-|last|next|this|through)\s+" + _MONTH.format(g="m") + r"\b(?!\s+\d)"),
    ("y", r"(?<![\d$.,/-])" + _YEAR.format(g="y") + r"(?![\d%/-]|,\d|\.\d|\s*(?:percent|per cent|people|tonnes|tons|troops|km|miles)\b)"),
)
_CASE_SENSITIVE = frozenset({"iso", "md-range", "dm-range", "mm-range", "weekday-paren", "md", "dm", "my", "m", "y", "m-rel-year"})
KINDS: tuple[str, ...] = tuple(kind for kind, _ in _RAW_PATTERNS)  # in the order they are tried
_SOURCES = dict(_RAW_PATTERNS)


@functools.cache
def pattern(kind: str) -> re.Pattern[str]:
    """The compiled pattern of a kind, compiled the first time a text needs it: compiling all of
    them up front was a fifth of the start-up time of a one-file scan."""
    return re.compile(_SOURCES[kind], 0 if kind in _CASE_SENSITIVE else re.I)


# The kinds written with _MONTH_WORD and _WD_WORD, and the words those slots must hold: the forms of
# _MONTH and _WD (a full name, or an abbreviation with an optional dot for a month and with its dot
# for a weekday).
_NAMED = frozenset({"md-range", "md"})
_MONTH_NAMES = frozenset((*_MONTH_FULL, *_MONTH_ABBREVIATIONS, *(a + "." for a in _MONTH_ABBREVIATIONS)))
_WEEKDAY_NAMES = frozenset((*WEEKDAYS, *(a + "." for a in _WEEKDAY_ABBREVIATIONS)))


def matches(kind: str, prose: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """What pattern(kind).finditer(prose, start, end) finds, and for the kinds in _NAMED only the
    matches whose month and weekday are names. A match whose word is not a name is left, and the
    search goes on from the next character, as finditer does where a pattern fails: at that position
    no other reading puts a name there (the word is whole, and a weekday must be followed by a
    capitalised word where a month must be followed by a day)."""
    compiled = pattern(kind)
    if kind not in _NAMED:
        yield from compiled.finditer(prose, start, end)
        return
    pos = start
    while (m := compiled.search(prose, pos, end)) is not None:
        wd = m.group("wd")
        if m.group("m") in _MONTH_NAMES and (wd is None or wd in _WEEKDAY_NAMES):
            yield m
            pos = m.end()  # never empty: a month and a day
        else:
            pos = m.start() + 1


NOT_DATES = frozenset({"duration", "set"})
YEAR_LEAD = lazy(
    r"(?:\b(?:in|since|by|until|till|from|before|after|during|the|of|early|late|mid|year|fiscal|between|and|to|through|"
    r"around|circa|summer|winter|spring|autumn|fall)|[-\u2013\u2014(,]|'s)\s*$", re.I)

# A cheap keyword test per pattern: a pattern none of whose keywords occurs in the text is not run
# at all (most texts have no season, quarter or decade), which keeps scanning quick.
_MONTH_KEYS = frozenset("jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july "
                        "august september october november december".split())
_WEEKDAY_KEYS = frozenset(w.lower() for w in WEEKDAYS) | frozenset(_WEEKDAY_ABBR)
_KEYWORDS: dict[str, frozenset[str]] = {
    "set": frozenset("every each daily weekly monthly annually yearly".split()),
    "year-ago": frozenset({"year"}),
    "quarter": frozenset({"quarter", "q1", "q2", "q3", "q4"}),
    "this-quarter": frozenset({"quarter"}),
    "season": frozenset(_SEASON_MONTH),
    "rel-year": frozenset({"following", "next", "previous", "preceding"}),
    "ago": frozenset("ago earlier later before after now hence".split()),
    "within": frozenset({"this"}),
    "unit": frozenset("week month year weekend".split()),
    "full-year": frozenset({"year"}),
    "day-word": frozenset("today tonight yesterday tomorrow morning afternoon evening".split()),
    "weekday": _WEEKDAY_KEYS,
    "reference": frozenset("now currently present nowadays presently recently lately past soon future".split()),
    "duration": frozenset("day days week weeks month months year years decade decades".split()),
}
for _kind in ("md-range", "dm-range", "mm-range", "weekday-paren", "md", "dm", "my", "m", "m-rel-year"):
    _KEYWORDS[_kind] = _MONTH_KEYS
_WORD = lazy(r"[a-z0-9]+")
# Kinds with no keyword, run where a cheap search finds what they cannot match without.
_HINTS = {
    "y": lazy(r"[0-9](?<=(?<![a-z0-9])[0-9])"),  # a word that starts with a digit (digit first: faster)
    "iso": lazy(r"[0-9]{4}-[01][0-9]-"),
    "decade": lazy(r"0s\b"),
}
# keyword -> the kinds it makes worth running (inverted once, so a sentence costs one set intersection)
_KINDS_OF: dict[str, frozenset[str]] = {
    word: frozenset(kind for kind, keys in _KEYWORDS.items() if word in keys)
    for word in frozenset().union(*_KEYWORDS.values())
}
_ALL_KEYWORDS = frozenset(_KINDS_OF)


# Kinds that need a second kind of word as well: "three days ago" needs a unit and a direction,
# "from May to July 2024" a month and "from" or "between". Each of these words stands whole in
# every match (between word boundaries), so a sentence without one of them cannot match.
_UNIT_WORDS = frozenset("day days week weeks month months year years decade decades".split())
_ALSO: dict[str, frozenset[str]] = {
    "ago": _UNIT_WORDS,
    "year-ago": frozenset({"ago", "earlier"}),
    "within": frozenset({"earlier", "later"}),
    "rel-year": frozenset({"year", "month"}),
    "mm-range": frozenset({"from", "between"}),
    "weekday-paren": frozenset(w.lower() for w in WEEKDAYS),
    "m-rel-year": frozenset({"year"}),
}
# Kinds that need a sequence no keyword shows: "23 July", "23-26 of July" need a day number right
# before a month, "March 2024" a month right before a year (every month name starts with one of
# these three letters), "Tuesday (July 1)" a parenthesis. A small search on the lowered sentence
# spares compiling some of the largest patterns for the many texts that never need them.
_MONTH_START = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
_DAY_THEN_MONTH = lazy(r"\d(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_START)
# "May 5", "Sept. 5-7": a month's name (ASCII letters, its first three one of the stems), a space
# and the day's first digit. The modal "may" and the verb "march" make the month keywords common
# in news; this sequence is rare.
_MONTH_THEN_DAY = lazy(_MONTH_START + r"[a-z]*\.?\s+[0-9]")
# Each search with the kinds it is needed for (a month keyword brings in four of them, two searches).
_ALSO_HINTS: tuple[tuple[LazyPattern, frozenset[str]], ...] = (
    (_MONTH_THEN_DAY, frozenset({"md", "md-range"})),
    (_DAY_THEN_MONTH, frozenset({"dm", "dm-range"})),
    (lazy(_MONTH_START + r"[a-z]*\.?,?\s+(?:1[89]|20)\d\d"), frozenset({"my"})),
    # besides a word that starts with a digit (_HINTS), a year's own four characters (_YEAR)
    (lazy(r"(?:1[89]|20)\d\d"), frozenset({"y"})),
    (lazy(r"\("), frozenset({"weekday-paren"})),
)
# Kinds whose every match holds a day (_DAY) or a year (_YEAR), each of which starts with an ASCII
# digit: a sentence without one has none of them (and spares their hints' searches).
_NEED_DIGIT = frozenset({"md-range", "dm-range", "mm-range", "weekday-paren", "md", "dm", "my"})
# "from May to July 2024" names two months (the same one twice counts).
_TWO_MONTHS = frozenset({"mm-range"})


# "three years", "a full 10 days": in a duration the unit word comes right after its count or after
# "full". On ASCII text, where the pattern's ignoring of case, `\b`, `\d` and `\s` read as they do in
# ASCII, each is a whole word of the lowered text's `_WORD`s, the two next to each other; other text
# keeps the keyword gate alone. The pattern ran on two sentences a news article, matching in one.
_COUNT_WORDS = frozenset("a an one two three four five six seven eight nine ten eleven twelve several few full".split())


def _count_before_unit(tokens: list[str]) -> bool:
    return any(word in _UNIT_WORDS and (before in _COUNT_WORDS or before.isdigit())
               for before, word in zip(tokens, tokens[1:]))


_NOTHING: frozenset[str] = frozenset()
_DIGIT = lazy(r"[0-9]")


def runnable_kinds(prose: str) -> frozenset[str]:
    """The pattern kinds worth running on this text."""
    lower = prose.lower()
    tokens = _WORD.findall(lower)
    found = _ALL_KEYWORDS.intersection(tokens)
    # Every hint needs a digit; two of three sentences of news have neither a keyword nor a digit,
    # and leave here.
    digit = _DIGIT.search(lower) is not None
    if not found and not digit:
        return _NOTHING
    kinds: set[str] = set()
    for word in found:
        kinds |= _KINDS_OF[word]
    if not kinds.isdisjoint(_ALSO):
        words = set(tokens)
        kinds.difference_update([kind for kind, needed in _ALSO.items() if kind in kinds and needed.isdisjoint(words)])
    if digit:
        kinds.update(kind for kind, hint in _HINTS.items() if hint.search(lower))
    else:
        kinds -= _NEED_DIGIT
    for hint, hinted in _ALSO_HINTS:
        if not hinted.isdisjoint(kinds) and not hint.search(lower):
            kinds -= hinted
    if not _TWO_MONTHS.isdisjoint(kinds) and sum(token in _MONTH_KEYS for token in tokens) < 2:
        kinds.difference_update(_TWO_MONTHS)
    if "duration" in kinds and prose.isascii() and not _count_before_unit(tokens):
        kinds.discard("duration")
    return frozenset(kinds)


# Kinds each of whose matches holds a word that says so: a month's name ("m"; the words of
# _MONTH_KEYS, as words of their own) or "day" (every weekday's name, in any case: "weekday"). Where
# each such word of a sentence lies in what earlier kinds took ("on Tuesday, July 1, 2025", one
# date), any match of the kind there would overlap them and be dropped, so it is neither run nor
# compiled.
def superseded(kind: str, sentence: str, taken: bytearray) -> bool:
    """Whether `kind` can add nothing to `sentence`, where `taken` marks the characters earlier kinds
    matched (offsets from the sentence's start)."""
    if kind != "m" and kind != "weekday" or 1 not in taken:
        return False  # (nothing taken yet: nothing to lie in)
    lower = sentence.lower()
    if len(lower) != len(sentence):  # a few characters lower to two: the offsets would not agree
        return False
    if kind == "m":
        return all(any(taken[w.start() : w.end()]) for w in _WORD.finditer(lower) if w.group() in _MONTH_KEYS)
    at = lower.find("day")
    while at != -1:
        if not any(taken[at : at + 3]):
            return False
        at = lower.find("day", at + 1)
    return True


class Context(NamedTuple):
    """What a relative expression is resolved against."""

    anchor: date | None  # the document date, when known to the day
    tense: Tense
    previous: Interval | None  # the last day-precise time before this one ("two days later")
    last_year: int | None  # the last year written out before this one
    last: Interval | None = None  # the last dated period before this one, at any grain


def month_number(text: str) -> int:
    return MONTHS[text.rstrip(".").lower()]


def weekday_name(text: str) -> str:
    key = text.rstrip(".").lower()
    for name in WEEKDAYS:
        if name.lower() == key:
            return name
    return WEEKDAYS[_WEEKDAY_ABBR[key]]


def has_year(m: re.Match[str]) -> bool:
    g = m.groupdict()
    return bool(g.get("y") or g.get("y2") or g.get("y3"))


def resolve(kind: str, m: re.Match[str], ctx: Context) -> tuple[Interval, str] | None:
    """The interval a match denotes and how it was anchored, or None when it cannot be resolved.

    Raises ValueError for a date the calendar does not have ("February 30, 2025").
    """
    return _RESOLVERS[kind](m, ctx)  # ValueError for "February 30": the caller records it as impossible


def _year_for(m: re.Match[str], ctx: Context, month: int, day: int = 1) -> tuple[int, str] | None:
    g = m.groupdict()
    for key in ("y", "y2", "y3"):
        if g.get(key):
            return int(g[key]), "explicit"
    if ctx.anchor is not None:
        return _nearest_year(ctx.anchor, month, day, ctx.tense), "document-date"
    if ctx.last_year is not None:
        return ctx.last_year, "previous-year"
    return None


def _nearest_year(ref: date, month: int, day: int, tense: Tense) -> int:
    """The year that puts month/day nearest the anchor, unless the tense puts it clearly on the other side.

    Tense is a rough signal, so it only overrules a nearest date more than 90 days on the wrong side
    (the best setting on TimeBank: 60, 90 and 150 days give 85.2%, 85.3% and 85.0% value accuracy).
    """
    candidates = [date(y, month, min(day, 28)) for y in (ref.year - 1, ref.year, ref.year + 1)]
    best = min(candidates, key=lambda c: abs((c - ref).days))
    if tense == "past" and (best - ref).days > 90:
        best = max(c for c in candidates if c <= ref)
    elif tense == "future" and (ref - best).days > 90:
        best = min(c for c in candidates if c >= ref)
    return best.year


def _calendar_day(m: re.Match[str], ctx: Context) -> tuple[Interval, str] | None:
    month, day = month_number(m.group("m")), int(m.group("d"))
    year = _year_for(m, ctx, month, day)
    if year is None:
        return None
    return Interval.day(date(year[0], month, day)), year[1]


def _calendar_range(m: re.Match[str], ctx: Context) -> tuple[Interval, str] | None:
    month = month_number(m.group("m"))
    year = _year_for(m, ctx, month, int(m.group("d")))
    if year is None:
        return None
    start, end = date(year[0], month, int(m.group("d"))), date(year[0], month, int(m.group("d2")))
    # A reversed range is kept empty-ended so the date-range rule can see it.
    return Interval(start, end + timedelta(days=1) if end >= start else start, "range"), year[1]


def _month_range(m: re.Match[str], ctx: Context) -> tuple[Interval, str] | None:
    y = int(m.group("y"))
    first, second = Interval.month(y, month_number(m.group("m"))), Interval.month(y, month_number(m.group("m2")))
    return Interval(first.start, max(second.end, first.start), "range"), "explicit"


def _month_of_year(m: re.Match[str], ctx: Context) -> tuple[Interval, str] | None:
    if ctx.anchor is None:
        return None
    year = ctx.anchor.year + {"last": -1, "next": 1}.get(m.group("rel").lower(), 0)
    return Interval.month(year, month_number(m.group("m"))), "document-date"


def _relative_year(m: re.Match[str], ctx: Context) -> tuple[Interval, str] | None:
    """"the following year", "the previous month": counted from the period the text last dated."""
    step = 1 if m.group("rel").lower() in ("following", "next") else -1
    if m.group("unit").lower() == "month":
        if ctx.last is None or ctx.last.grain not in ("day", "month"):
            return None
        return _shift(ctx.last.start, "month", step), "previous-time"
    if ctx.last_year is None:
        return None
    return Interval.year(ctx.last_year + step), "previous-time"


def _month(m: re.Match[str], ctx: Context) -> tuple[Interval, str] | None:
    month = month_number(m.group("m"))
    text = m.group().lower()
    if text.startswith("since "):
        ctx = Context(ctx.anchor, "past", ctx.previous, ctx.last_year, ctx.last)
    if ctx.anchor is not None and text.startswith(("last ", "next ", "this ")):
        year = ctx.anchor.year
        if text.startswith("last "):
            year -= 1 if month >= ctx.anchor.month else 0
        elif text.startswith("next "):
            year += 1 if month <= ctx.anchor.month else 0
        return Interval.month(year, month), "document-date"
    found = _year_for(m, ctx, month)
    return (Interval.month(found[0], month), found[1]) if found else None


def _year(m: re.Match[str], ctx: Context) -> tuple[Interval, str] | None:
    return Interval.year(int(m.group("y"))), "explicit"


def _quarter(m: re.Match[str], ctx: Context) -> tuple[Interval, str] | None:
    g = m.groupdict()
    q = int(g["q"]) if g.get("q") else _ORDINALS[g["ord"].lower()]
    if has_year(m):
        return Interval.quarter(int(g.get("y") or g.get("y2") or g["y3"]), q), "explicit"
    if ctx.anchor is None:
        return None
    current = (ctx.anchor.month - 1) // 3 + 1
    year = ctx.anchor.year - (1 if q > current and ctx.tense == "past" else 0)
    return Interval.quarter(year, q), "document-date"


def _this_quarter(m: re.Match[str], ctx: Context) -> tuple[Interval, str] | None:
    if ctx.anchor is None:
        return None
    text = m.group().lower()
    current = (ctx.anchor.month - 1) // 3 + 1
    year, q = ctx.anchor.year, current
    if "this" not in text and "current" not in text:
        # "the quarter", "the latest quarter", "last quarter": the last one completed.
        q -= 1
        if q == 0:
            year, q = year - 1, 4
    return Interval.quarter(year, q), "document-date"


def _decade(m: re.Match[str], ctx: Context) -> tuple[Interval, str] | None:
    g = m.groupdict()
    if g.get("dec"):
        return Interval.decade(int(g["dec"])), "explicit"
    if ctx.anchor is None:
        return None
    century = (ctx.anchor.year // 100) * 100
    first = century + int(g["dec2"])
    if first > ctx.anchor.year:
        first -= 100
    return Interval.decade(first), "document-date"


def _season(m: re.Match[str], ctx: Context) -> tuple[Interval, str] | None:
    month = _SEASON_MONTH[m.group("season").lower()]
    rel = (m.group("rel") or "").lower()
    if m.group("y"):
        year, anchor = int(m.group("y")), "explicit"
    elif ctx.anchor is not None and rel in ("this", "last", "next", "early", "late"):
        year, anchor = ctx.anchor.year + {"last": -1, "next": 1}.get(rel, 0), "document-date"
    else:
        return None  # a bare "summer" is too often a generic season
    start = date(year, month, 1)
    end_month = month + 3
    end = date(year + 1, end_month - 12, 1) if end_month > 12 else date(year, end_month, 1)
    return Interval(start, end, "season"), anchor


def _count(m: re.Match[str]) -> int | None:
    n = m.group("n").lower()
    return int(n) if n.isdigit() else _NUMBERS.get(n)


def _shift(d: date, unit: str, n: int) -> Interval:
    if unit == "day":
        return Interval.day(d + timedelta(days=n))
    if unit == "week":
        return Interval.week(d + timedelta(weeks=n))
    if unit == "month":
        month = d.month - 1 + n
        return Interval.month(d.year + month // 12, month % 12 + 1)
    if unit == "decade":
        return Interval.decade((d.year + 10 * n) // 10 * 10)
    return Interval.year(d.year + n)


def _ago(m: re.Match[str], ctx: Context) -> tuple[Interval, str] | None:
    n = _count(m)
    if n is None:
        return None
    unit = m.group("unit").lower()
    direction = m.group("dir").lower()
    sign = -1 if direction in ("ago", "earlier", "before") else 1
    if unit == "year" and n == 1 and sign < 0:
        return _year_ago(m, ctx)
    if direction in ("ago", "from now", "hence"):
        base, anchor = ctx.anchor, "document-date"
    else:
        # "two days later": counted from the previous event the text dated.
        base, anchor = (ctx.previous.start if ctx.previous and ctx.previous.grain == "day" else None), "previous-time"
    if base is None:
        return None
    return _shift(base, unit, sign * n), anchor


def _year_ago(m: re.Match[str], ctx: Context) -> tuple[Interval, str] | None:
    """"a year earlier", "the year-ago quarter": the period last talked about, one year back.

    Business copy compares a quarter or month with the same one a year before; with no such
    period in view, it is the year before the anchor.
    """
    last = ctx.last
    if last is not None and last.grain in ("quarter", "month") and (m.groupdict().get("span_unit") or "earlier" in m.group().lower() or "ago" in m.group().lower()):
        back = date(last.start.year - 1, last.start.month, 1)
        if last.grain == "quarter":
            return Interval.quarter(back.year, (back.month - 1) // 3 + 1), "previous-time"
        return Interval.month(back.year, back.month), "previous-time"
    return (Interval.year(ctx.anchor.year - 1), "document-date") if ctx.anchor else None


def _within(m: re.Match[str], ctx: Context) -> tuple[Interval, str] | None:
    return (_shift(ctx.anchor, m.group("unit").lower(), 0), "document-date") if ctx.anchor else None


def _unit(m: re.Match[str], ctx: Context) -> tuple[Interval, str] | None:
    if ctx.anchor is None:
        return None
    rel = " ".join(m.group("rel").lower().split())
    unit = m.group("unit").lower()
    if rel == "the" and unit != "year":
        return None  # "the week" of what? too vague to date
    step = {"last": -1, "the past": -1, "the previous": -1, "early last": -1, "late last": -1,
            "next": 1, "the coming": 1, "the following": 1, "early next": 1, "late next": 1}.get(rel, 0)
    if unit == "weekend":
        saturday = ctx.anchor + timedelta(days=(5 - ctx.anchor.weekday()) + 7 * step)
        if step == 0 and ctx.tense == "past" and saturday > ctx.anchor:
            saturday -= timedelta(days=7)
        return Interval(saturday, saturday + timedelta(days=2), "range"), "document-date"
    return _shift(ctx.anchor, unit, step), "document-date"


def _full_year(m: re.Match[str], ctx: Context) -> tuple[Interval, str] | None:
    return (Interval.year(ctx.anchor.year), "document-date") if ctx.anchor else None


def _day_word(m: re.Match[str], ctx: Context) -> tuple[Interval, str] | None:
    if ctx.anchor is None:
        return None
    offset = {"yesterday": -1, "tomorrow": 1}.get(m.group("word").lower(), 0)
    return Interval.day(ctx.anchor + timedelta(days=offset)), "document-date"


def _weekday(m: re.Match[str], ctx: Context) -> tuple[Interval, str] | None:
    if ctx.anchor is None:
        return None
    target = WEEKDAYS.index(weekday_name(m.group("wd")))
    rel = (m.group("rel") or "").lower()
    diff = target - ctx.anchor.weekday()
    if rel == "last" or (rel not in ("next", "this") and ctx.tense == "past"):
        d = ctx.anchor + timedelta(days=diff if diff <= 0 else diff - 7)
        if rel == "last" and d == ctx.anchor:
            d -= timedelta(days=7)
    elif rel == "next" or ctx.tense == "future":
        d = ctx.anchor + timedelta(days=diff if diff >= 0 else diff + 7)
        if rel == "next" and d == ctx.anchor:
            d += timedelta(days=7)
    else:
        # No tense to go by: news reports what happened, so the latest such day up to the anchor.
        d = ctx.anchor + timedelta(days=diff if diff <= 0 else diff - 7)
    return Interval.day(d), "document-date"


def _reference(m: re.Match[str], ctx: Context) -> tuple[Interval, str] | None:
    if ctx.anchor is None:
        return None
    word = " ".join(m.group("refword").lower().split())
    if word in ("now", "currently", "current", "at present", "nowadays", "presently"):
        return Interval(ctx.anchor, ctx.anchor + timedelta(days=1), "present"), "document-date"
    if word in ("soon", "shortly", "the future", "in the future"):
        return Interval(ctx.anchor, date.max, "future"), "document-date"
    return Interval(date.min, ctx.anchor + timedelta(days=1), "past"), "document-date"


def _weekday_paren(m: re.Match[str], ctx: Context) -> tuple[Interval, str] | None:
    return _calendar_day(m, ctx)


_RESOLVERS = {
    "iso": lambda m, ctx: (Interval.day(date(int(m.group("y")), int(m.group("m")), int(m.group("d")))), "explicit"),
    "md-range": _calendar_range,
    "dm-range": _calendar_range,
    "mm-range": _month_range,
    "weekday-paren": _weekday_paren,
    "md": _calendar_day,
    "dm": _calendar_day,
    "quarter": _quarter,
    "this-quarter": _this_quarter,
    "decade": _decade,
    "season": _season,
    "my": lambda m, ctx: (Interval.month(int(m.group("y")), month_number(m.group("m"))), "explicit"),
    "ago": _ago,
    "year-ago": _year_ago,
    "within": _within,
    "unit": _unit,
    "full-year": _full_year,
    "day-word": _day_word,
    "weekday": _weekday,
    "reference": _reference,
    "m": _month,
    "m-rel-year": _month_of_year,
    "rel-year": _relative_year,
    "y": _year,
}
