"""Time expressions, clause tense, and the document date.

Expressions are found by a small set of patterns, tried longest first, and
normalised to `Interval`s. A day-month without a year takes its year from the
document date (choosing by tense, as HeidelTime does) or, when the document date
is unknown, from the nearest earlier expression that states a year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from factcheck.dates import Interval
from factcheck.extract.sentences import sentence_at
from factcheck.facts import DocumentDate, Sentence, Span, Tense, TimeExpr

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY_ABBR = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6}

_MONTH = (r"(?P<{g}>January|February|March|April|May|June|July|August|September|October|November|December"
          r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)")
_WD = r"(?:(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.)\s*,?\s+(?:the\s+)?)?"
_DAY = r"(?P<{g}>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?P<{g}>1[89]\d\d|20\d\d)"
_TO = r"\s*(?:-|\u2013|\u2014|to|through|until|till|and)\s*"

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(rx))
    for name, rx in (
        ("iso", r"\b" + _YEAR.format(g="y") + r"-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])\b"),
        # "August 23 to 26, 2025", "Aug. 23-26"
        ("md-range", r"\b" + _WD + _MONTH.format(g="m") + r"\s+" + _DAY.format(g="d") + _TO
         + _DAY.format(g="d2") + r"\b(?:,?\s+" + _YEAR.format(g="y") + r"\b)?"),
        # "23-26 August 2025", "23 to 26 August"
        ("dm-range", r"\b" + _WD + _DAY.format(g="d") + _TO + _DAY.format(g="d2") + r"\s+(?:of\s+)?"
         + _MONTH.format(g="m") + r"(?:,?\s+" + _YEAR.format(g="y") + r"\b)?"),
        # "from May to July 2024"
        ("mm-range", r"\b(?:from|between)\s+" + _MONTH.format(g="m") + _TO + _MONTH.format(g="m2")
         + r",?\s+" + _YEAR.format(g="y") + r"\b"),
        # "Tuesday, July 1, 2025", "July 1", "Jul. 1, 2025"
        ("md", r"\b" + _WD + _MONTH.format(g="m") + r"\s+" + _DAY.format(g="d") + r"(?![\d:])\b(?:,?\s+" + _YEAR.format(g="y") + r"\b)?"),
        # "Tuesday 1 July 2025", "1 July", "the 1st of July"
        ("dm", r"\b" + _WD + _DAY.format(g="d") + r"\s+(?:of\s+)?" + _MONTH.format(g="m")
         + r"(?:,?\s+" + _YEAR.format(g="y") + r"\b)?"),
        # "July 2025", "July, 2025"
        ("my", r"\b" + _MONTH.format(g="m") + r",?\s+" + _YEAR.format(g="y") + r"\b"),
        # "in May" and other prepositions before a bare month (a bare "May" is too often a name)
        ("m", r"\b(?:in|since|by|until|from|during|early|late|mid-|last|next|this)\s+" + _MONTH.format(g="m") + r"\b(?!\s+\d)"),
        # "in 2025", "the 2024 election"
        ("y", r"(?<![\d$.,/-])" + _YEAR.format(g="y") + r"(?![\d%/-]|,\d|\.\d|\s*(?:percent|per cent|people|tonnes|tons|troops|km|miles)\b)"),
    )
)

_FUTURE = re.compile(
    r"\b(?:will|shall|won't|(?:is|are|am|was|were)\s+(?:scheduled|set|expected|due|slated|poised|going|planning|to)\b"
    r"|plans?\s+to|intends?\s+to|is\s+to|are\s+to|upcoming|next)\b", re.I)
_PAST = re.compile(
    r"\b(?:was|were|had|did|said|told|came|met|held|took|made|went|began|left|became|gave|spoke|wrote|"
    r"saw|sent|won|lost|fell|rose|paid|led|brought|thought|found|kept|stood|sought|struck|ran|"
    r"announced|ago|last|earlier|previously|yesterday|has\s+been|have\s+been|"
    r"[a-z]{3,}ed)\b(?<!\bneed)(?<!\bseed)(?<!\bfeed)")
# "will be held", "is expected to have signed": a past form after these is not past tense.
_NOT_PAST_BEFORE = re.compile(r"\b(?:be|been|being|is|are|am|to|will|would)\s+$", re.I)
_YEAR_LEAD = re.compile(
    r"(?:\b(?:in|since|by|until|till|from|before|after|during|the|of|early|late|mid|year|fiscal|between|and|to|through|"
    r"around|circa|summer|winter|spring|autumn|fall)|[-\u2013\u2014(,]|'s)\s*$", re.I)
_PRESENT = re.compile(r"\b(?:is|are|am|says|has|have)\b")


@dataclass(frozen=True)
class _Raw:
    kind: str
    match: re.Match[str]


def find_times(
    prose: str, sentences: tuple[Sentence, ...], declared: date | None, declared_source: str = "option"
) -> tuple[tuple[TimeExpr, ...], DocumentDate]:
    """All time expressions, and the document date (declared or inferred from them)."""
    raws = _scan(prose)
    explicit: list[TimeExpr] = []
    for raw in raws:
        expr = _normalise(raw, prose, sentences, year=None, anchor="explicit")
        if expr is not None:
            explicit.append(expr)
    doc_date = _document_date(declared, declared_source, explicit)
    exprs: list[TimeExpr] = []
    last_year: int | None = None
    for raw in raws:
        if raw.match.groupdict().get("y"):
            expr = _normalise(raw, prose, sentences, year=None, anchor="explicit")
            if expr is not None:
                last_year = expr.value.start.year
        else:
            year, anchor = _choose_year(raw, prose, sentences, doc_date, last_year)
            expr = _normalise(raw, prose, sentences, year=year, anchor=anchor) if year else None
        if expr is not None:
            exprs.append(expr)
    return tuple(exprs), doc_date


def _scan(prose: str) -> list[_Raw]:
    taken: list[tuple[int, int]] = []
    found: list[_Raw] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(prose):
            s, e = m.span()
            if kind == "y" and not _YEAR_LEAD.search(prose, max(0, s - 20), s):
                continue  # "He has 2025 supporters": a bare number is a year only after "in", "since", "the" ...
            if any(s < te and ts < e for ts, te in taken):
                continue
            taken.append((s, e))
            found.append(_Raw(kind, m))
    found.sort(key=lambda r: r.match.start())
    return found


def _month(text: str) -> int:
    return MONTHS[text.rstrip(".").lower()]


def _normalise(raw: _Raw, prose: str, sentences: tuple[Sentence, ...], year: int | None, anchor: str) -> TimeExpr | None:
    m = raw.match
    g = m.groupdict()
    y = int(g["y"]) if g.get("y") else year
    if y is None:
        return None
    try:
        if raw.kind == "iso":
            value = Interval.day(date(y, int(g["m"]), int(g["d"])))
        elif raw.kind in ("md-range", "dm-range"):
            mon = _month(g["m"])
            d1, d2 = int(g["d"]), int(g["d2"])
            start = date(y, mon, d1)
            end = date(y, mon, d2)
            value = Interval(start, end + timedelta(days=1), "range") if end >= start else Interval(start, start, "range")
        elif raw.kind == "mm-range":
            first = Interval.month(y, _month(g["m"]))
            second = Interval.month(y, _month(g["m2"]))
            value = Interval(first.start, max(second.end, first.start), "range")
        elif raw.kind in ("md", "dm"):
            value = Interval.day(date(y, _month(g["m"]), int(g["d"])))
        elif raw.kind in ("my", "m"):
            value = Interval.month(y, _month(g["m"]))
        else:
            value = Interval.year(y)
    except ValueError:
        return None  # "February 30": not a date (the date-range rule reports impossible dates)
    sent = sentence_at(sentences, m.start())
    wd = g.get("wd")
    return TimeExpr(
        text=m.group(),
        span=Span(m.start(), m.end()),
        sentence=sent,
        value=value,
        anchor=anchor,
        tense=clause_tense(prose, sentences[sent].span if sentences else Span(0, len(prose)), m.start(), m.end()),
        weekday=_weekday_name(wd) if wd else None,
        weekday_span=Span(m.start("wd"), m.end("wd")) if wd else None,
        day_span=Span(m.start("m"), m.end()) if wd else None,
    )


def _weekday_name(text: str) -> str:
    key = text.rstrip(".").lower()
    for name in WEEKDAYS:
        if name.lower() == key:
            return name
    return WEEKDAYS[_WEEKDAY_ABBR[key]]


def clause_tense(prose: str, sentence: Span, start: int, end: int) -> Tense:
    """Tense of the clause around [start, end): the nearest tense cue in the sentence."""
    best: tuple[int, Tense] | None = None
    text = prose[sentence.start : sentence.end]
    for pattern, tense in ((_FUTURE, "future"), (_PAST, "past"), (_PRESENT, "present")):
        for m in pattern.finditer(text):
            s, e = m.start() + sentence.start, m.end() + sentence.start
            if s < end and start < e:
                continue  # part of the expression itself
            if tense == "past" and _NOT_PAST_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                continue
            distance = start - e if e <= start else s - end + 1  # a cue before the time wins a tie
            if tense == "present":
                distance += 1  # "is scheduled to" and "has invited" beat their auxiliaries
            if best is None or distance < best[0]:
                best = (distance, tense)
    return best[1] if best else "unknown"


def _document_date(declared: date | None, source: str, explicit: list[TimeExpr]) -> DocumentDate:
    if declared is not None:
        return DocumentDate(Interval.day(declared), source)
    past = [t for t in explicit if t.tense == "past"]
    future = [t for t in explicit if t.tense == "future"]
    if not past and not future:
        return DocumentDate(None, "unknown")
    lower = max((t.value.start for t in past), default=None)
    upper = min((t.value.start for t in future), default=None)
    if lower is not None and upper is not None and lower >= upper:
        return DocumentDate(None, "unknown")  # the text contradicts itself; tense rules may say more
    evidence = tuple(t.span for t in past if t.value.start == lower) + tuple(t.span for t in future if t.value.start == upper)
    return DocumentDate(Interval(lower or date.min, upper or date.max, "range"), "inferred", evidence)


def _choose_year(
    raw: _Raw, prose: str, sentences: tuple[Sentence, ...], doc_date: DocumentDate, last_year: int | None
) -> tuple[int | None, str]:
    month = _month(raw.match.group("m")) if raw.match.groupdict().get("m") else None
    if month is None:
        return None, "unresolved"
    dd = doc_date.value
    if dd is not None and dd.grain == "day":
        ref = dd.start
        day = int(raw.match.group("d")) if raw.match.groupdict().get("d") else 1
        candidates = []
        for y in (ref.year - 1, ref.year, ref.year + 1):
            try:
                candidates.append(date(y, month, min(day, 28)))
            except ValueError:
                continue
        sentence = sentences[sentence_at(sentences, raw.match.start())].span if sentences else Span(0, len(prose))
        tense = clause_tense(prose, sentence, raw.match.start(), raw.match.end())
        if tense == "past":
            best = max((c for c in candidates if c <= ref), default=min(candidates, key=lambda c: abs((c - ref).days)))
        elif tense == "future":
            best = min((c for c in candidates if c >= ref), default=min(candidates, key=lambda c: abs((c - ref).days)))
        else:
            best = min(candidates, key=lambda c: abs((c - ref).days))
        return best.year, "document-date"
    if last_year is not None:
        return last_year, "previous-year"
    if dd is not None and dd.start.year == dd.last.year:
        return dd.start.year, "document-date"
    return None, "unresolved"


def nearest_time(times: tuple[TimeExpr, ...], sentence: int, span: Span) -> TimeExpr | None:
    """The explicit time nearest to a span within its sentence."""
    best: tuple[int, TimeExpr] | None = None
    for t in times:
        if t.sentence != sentence:
            continue
        distance = t.span.start - span.end if t.span.start >= span.end else span.start - t.span.end
        if best is None or distance < best[0]:
            best = (distance, t)
    return best[1] if best else None
