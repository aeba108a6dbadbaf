"""The Facts layer: everything extraction understood about one document.

All spans are character offsets [start, end) into the file as given, so every
stage after loading can point back at the original text.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Literal, TypeVar, cast, overload

from factcheck.dates import Interval
from factcheck.pickling import by_fields

Tense = Literal["past", "present", "future", "unknown"]

# The records a document's facts are made of (times, mentions, claims, the document date, Facts
# itself) are immutable and compared by identity (eq=False): no check, report or test compares two
# of them by value, and an equality and a hash method are Python source compiled in every process.
# Span and Sentence keep theirs: positions are compared.


class Span(int):
    """Character offsets [start, end) into a document's text.

    Both in one integer (the start above the low 32 bits): a document has a span for every mention,
    claim, quotation and time expression, and a dataclass with its two integer objects cost about
    128 bytes where this costs 32 (nor is it tracked by the garbage collector). It is a value, as the
    dataclass was: equal to a Span of the same offsets only, immutable, hashable, always true.
    """

    __slots__ = ()

    def __new__(cls, start: int, end: int) -> Span:
        if not (0 <= start < _LIMIT and 0 <= end < _LIMIT):
            raise ValueError(f"span offsets out of range: {start}, {end}")
        return super().__new__(cls, start << 32 | end)

    @property
    def start(self) -> int:
        return self >> 32

    @property
    def end(self) -> int:
        return self & _LOW

    def __eq__(self, other: object) -> bool:
        return type(other) is Span and int.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        return not self == other

    __hash__ = int.__hash__

    def __bool__(self) -> bool:
        return True

    def __repr__(self) -> str:
        return f"Span(start={self.start}, end={self.end})"

    def __getnewargs__(self) -> tuple[int, int]:  # type: ignore[override]
        return self.start, self.end


_LIMIT = 1 << 32
_LOW = _LIMIT - 1


def covered(spans: tuple[Span, ...], start: int, end: int) -> bool:
    """Whether [start, end) lies inside one of `spans` (sorted by start): a binary search, not a scan."""
    i = bisect.bisect_right(spans, start, key=lambda s: s.start)
    # Spans may nest ("..." inside a curly quote), so look back over the few that start before.
    for span in spans[max(0, i - 3) : i]:
        if span.start <= start and end <= span.end:
            return True
    return False


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: its position in the document and its span."""

    index: int
    span: Span


class Sentences(Sequence[Sentence]):
    """A document's sentences, in order, kept as two columns of offsets.

    A dense text has a sentence every hundred characters; a Sentence object with its Span and
    offsets costs about 200 bytes, two entries of 8-byte arrays 16. A Sentence is made when one is
    asked for.
    """

    __slots__ = ("_starts", "_ends")

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._starts = array("q")
        self._ends = array("q")
        for start, end in spans:
            self.append(start, end)

    def __len__(self) -> int:
        return len(self._starts)

    @overload
    def __getitem__(self, index: int) -> Sentence: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Sentence, ...]: ...

    def __getitem__(self, index: int | slice) -> Sentence | tuple[Sentence, ...]:
        if isinstance(index, slice):
            return tuple(self[n] for n in range(len(self._starts))[index])
        n = range(len(self._starts))[index]  # IndexError as a tuple gives, negative indices allowed
        return Sentence(n, Span(self._starts[n], self._ends[n]))

    def __iter__(self) -> Iterator[Sentence]:
        for n, (start, end) in enumerate(self.spans()):
            yield Sentence(n, Span(start, end))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sentences):
            return self._starts == other._starts and self._ends == other._ends
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self._starts.tobytes(), self._ends.tobytes()))

    def __repr__(self) -> str:
        return f"Sentences({list(zip(self._starts, self._ends))!r})"

    def __reduce__(self) -> tuple[type[Sentences], tuple[list[tuple[int, int]]]]:
        return Sentences, (list(zip(self._starts, self._ends)),)

    def append(self, start: int, end: int) -> None:
        """Add the next sentence (while splitting; a finished Sentences is not changed)."""
        self._starts.append(start)
        self._ends.append(end)

    def spans(self) -> Iterator[tuple[int, int]]:
        """(start, end) of each sentence, in order."""
        return zip(self._starts, self._ends)

    def at(self, offset: int) -> int:
        """Index of the sentence containing offset (the nearest one before it otherwise; 0 if none)."""
        return max(0, bisect.bisect_right(self._starts, offset) - 1)

    def containing(self, offset: int) -> Span | None:
        """The span of the sentence that contains offset, if one does."""
        n = bisect.bisect_right(self._starts, offset) - 1
        return Span(self._starts[n], self._ends[n]) if n >= 0 and offset < self._ends[n] else None


_T = TypeVar("_T")


class Shared:
    """Equal values of one document's facts kept once: the extractors pass each title, name, tuple of
    candidates and date through it as they make a fact. A long document names the same people, titles
    and dates again and again, and each copy cost about 60 bytes. Also the one number of consecutive
    facts in the same sentence (an int past 256 is an object of its own, 32 bytes)."""

    __slots__ = ("_sentence", "_values")

    def __init__(self) -> None:
        self._values: dict[object, object] = {}
        self._sentence = -1

    def __call__(self, value: _T) -> _T:
        return cast(_T, self._values.setdefault(value, value))

    def sentence(self, n: int) -> int:
        """`n`, as the object of the last sentence number passed when equal to it."""
        if n == self._sentence:
            return self._sentence
        self._sentence = n
        return n


def sentence_at(sentences: Sentences, offset: int) -> int:
    """Index of the sentence containing offset (the nearest one before it otherwise)."""
    return sentences.at(offset)


@dataclass(frozen=True, slots=True, eq=False)
class TimeExpr:
    """A time expression normalised to an interval.

    `weekday` is the weekday the text names next to the date ("Tuesday, July 1"),
    kept so a check can compare it with the calendar. `anchor` says how a missing
    year was filled in ("explicit", "document-date", "previous-year").
    """

    text: str
    span: Span
    sentence: int
    value: Interval
    anchor: str
    tense: Tense
    weekday: str | None = None
    weekday_span: Span | None = None
    kind: str = "md"  # the pattern that found it (see temporal.expressions)
    clause_tense: Tense = "unknown"  # strong tense cues of its own clause only (between commas), for strict checks


@dataclass(frozen=True, slots=True, eq=False)
class NonDate:
    """A duration ("three years"), a set ("every Monday"), or a date the calendar lacks ("February 30")."""

    kind: str  # "duration", "set" or "impossible"
    text: str
    span: Span


class DateSource(StrEnum):
    """Where a document's date came from; compares equal to its name ("option" == DateSource.OPTION)."""

    OPTION = "option"  # --date, or the date given to the API
    FRONT_MATTER = "front-matter"
    METADATA = "metadata"  # an HTML page's own date (meta tags, time element)
    RECORD = "record"  # the date field of a JSONL record
    CONFIG = "config"  # the configuration's default date
    DATELINE = "dateline"  # "WASHINGTON, July 1 (Reuters) -"
    INFERRED = "inferred"  # an interval inferred from the tenses of the text's own dates
    UNKNOWN = "unknown"
    NONE = ""  # a loaded document whose text must tell

    @property
    def declared(self) -> bool:
        """A date the document (or its user) states, as opposed to one inferred or unknown."""
        return self in _DECLARED


_DECLARED = frozenset({DateSource.OPTION, DateSource.FRONT_MATTER, DateSource.METADATA, DateSource.RECORD, DateSource.CONFIG,
                       DateSource.DATELINE})


@dataclass(frozen=True, slots=True, eq=False)
class DocumentDate:
    """The document's own time ("now"), an interval when it is inferred."""

    value: Interval | None
    source: DateSource
    evidence: tuple[Span, ...] = ()

    __reduce__ = by_fields  # sent back by workers with every result (see pickling.py)

    def iso(self) -> str | None:
        if self.value is None:
            return None
        if self.value.grain == "day":
            return self.value.iso()
        lower = ".." if self.value.start == date.min else self.value.start.isoformat()
        upper = ".." if self.value.end == date.max else self.value.last.isoformat()
        return f"{lower}/{upper}"


@dataclass(frozen=True, slots=True, eq=False)
class PersonMention:
    """A name in the text and the knowledge-base people it may denote."""

    text: str
    span: Span
    sentence: int
    candidates: tuple[str, ...]  # person ids; empty when the person is unknown
    via: str  # "full-name", "surname", "unknown"; for event participants also "short-form", "role-noun", "named"
    # The full name the document gives the person, when this mention is a short form or a role noun
    # ("Sheikh Mishal", "the crown prince") or names someone the knowledge base does not know.
    name: str = ""


@dataclass(frozen=True, slots=True, eq=False)
class RoleClaim:
    """The text says a person holds (or held) an office: "U.S. Secretary of Defense Lloyd Austin"."""

    span: Span  # title and name together
    title_span: Span
    sentence: int
    title: str
    offices: tuple[str, ...]  # candidate office ids for the title wording
    jurisdiction: str | None  # resolved jurisdiction code, or None when unresolved
    # "phrase" (a country word), "person" (their own terms), "person-office" (the one office of their own
    # terms whose title contains the title's words), "context" (the story's country), "unresolved"
    jurisdiction_via: str
    person: PersonMention
    modifiers: tuple[str, ...]  # "former", "then", "acting", ...
    quoted: bool
    event_time: TimeExpr | None  # the explicit time of the clause, if any
    form: str  # "title-name" or "name-appositive"
    history: str = ""  # the cue that puts it in a clause about the past ("possessive", "under", ...), if any

    @property
    def office(self) -> str | None:
        """The single office the claim names, once jurisdiction is settled (never a default country's)."""
        return self.offices[0] if len(self.offices) == 1 and self.jurisdiction is not None else None


@dataclass(frozen=True, slots=True, eq=False)
class EventClaim:
    """An event with its participants: "an invitation from X", "X has invited Y to Z"."""

    kind: str  # "invitation", "visit"
    span: Span
    trigger: Span
    sentence: int
    agent: PersonMention | None
    patient: PersonMention | None
    place: str | None  # jurisdiction code of the destination
    time: TimeExpr | None
    quoted: bool
    exclusive: bool = True  # one event of this kind has one agent (an inviter, a host), not many (greeters)


@dataclass(frozen=True, slots=True, eq=False)
class OrderClaim:
    """The text orders two dated events: X `relation` Y ("X followed Y" is X after Y)."""

    trigger: Span
    sentence: int
    relation: str  # "after" or "before"
    first: TimeExpr  # the date of X
    second: TimeExpr  # the date of Y


@dataclass(frozen=True, slots=True, eq=False)
class Facts:
    """Everything extraction found in one document; the checks read only this."""

    path: str
    sentences: Sentences
    times: tuple[TimeExpr, ...]
    document_date: DocumentDate
    mentions: tuple[PersonMention, ...]
    roles: tuple[RoleClaim, ...]
    events: tuple[EventClaim, ...]
    quotes: tuple[Span, ...] = field(default=())
    non_dates: tuple[NonDate, ...] = field(default=())
    orders: tuple[OrderClaim, ...] = field(default=())
    prose: str = field(default="", repr=False)  # the text with non-prose blanked (for checks of wording)

    __reduce__ = by_fields  # sent back by workers with every result (see pickling.py)
