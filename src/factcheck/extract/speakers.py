"""Who spoke a quotation, as news writes it:

    '"...," Biden said'   '"...," said Biden'   'Biden said: "..."'   '"...," he posted'

A pronoun speaker ("he", "she") is the person a speech verb named in the same sentence or the one
before ("Trump announced on Thursday that ... . '...,' he posted"); otherwise, and whenever the
speaker is not one person of the document, the quotation has no speaker (abstain).

The references themselves are resolved by the caller (extract/events.py), which passes two readers:
`ending_at(t, first)`, the participant whose reference ends right before token t, skipping a day or
an adverb ("Biden on Thursday said"), and `starting_at(i, stop)`, the one whose reference starts at
token i.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from typing import Protocol, TypeVar

from factcheck.extract.referents import token_from
from factcheck.extract.tokens import Tokens
from factcheck.facts import Sentences, Span, sentence_at

_PRONOUNS = frozenset({"he", "she"})
_BEFORE_QUOTE = frozenset({",", ":"})
_POSSESSIVE = frozenset({"'s", "\u2019s"})
# Before a name, words that make it someone other than the speaker: "a spokesman for X said".
_NOT_THE_SPEAKER = frozenset({"for", "of", "to", "with", "by", "from", "about", "and", "or", "'s", "\u2019s"})
# Words after which a name starts a clause of its own: "Biden said X was welcome, and Modi thanked him".
_CLAUSE_STARTS = frozenset({"and", "but", "while", "whereas", ";", "."})


class Reference(Protocol):
    @property
    def start(self) -> int: ...  # token indices [start, end)
    @property
    def end(self) -> int: ...
    @property
    def key(self) -> str: ...


R = TypeVar("R", bound=Reference)


def quote_speakers(tokens: Tokens, sentences: Sentences, quotes: tuple[Span, ...], verbs: frozenset[str],
                   ending_at: Callable[[int, int], R | None],
                   starting_at: Callable[[int, int], R | None]) -> dict[int, R]:
    """The speaker of each quotation that has one, by the quotation's index in `quotes`."""
    if not quotes or not verbs:
        return {}
    inside = _Inside(tokens, quotes)
    opening = {token_from(tokens, q.start): n for n, q in enumerate(quotes)}
    closing = {token_from(tokens, q.end): n for n, q in enumerate(quotes)}
    # A speech verb with its subject (None for a pronoun), where it is anchored (the quotation's first
    # token when it follows the quotation) and the sentence there, and the quotation it attributes.
    acts: list[tuple[int, int, R | None, int | None, int]] = []
    for k in tokens.where(verbs):
        if k in inside:
            continue
        tok = tokens[k]
        sentence = sentence_at(sentences, tok.start)
        first = token_from(tokens, sentences[sentence].span.start)
        stop = token_from(tokens, sentences[sentence].span.end)
        subject: R | None
        start: int
        if k > first and tokens[k - 1].key in _PRONOUNS:
            subject, start = None, k - 1
        elif (found := ending_at(k, first)) is not None:
            if found.start > first and tokens[found.start - 1].key in _NOT_THE_SPEAKER:
                continue  # "a spokesman for Joe Biden said", "Modi and Biden said"
            subject, start = found, found.start
        elif (_after_quote(tokens, closing, k) is not None and (found := starting_at(k + 1, stop)) is not None
              and not (found.end < len(tokens) and tokens[found.end].key in _POSSESSIVE)):
            subject, start = found, k  # '"...," said Biden', not '"...," said Biden's spokesman'
        else:
            continue
        quote = _after_quote(tokens, closing, start)
        if quote is None and k + 1 < len(tokens):
            # 'Biden said: "..."'
            j = k + 1 + (tokens[k + 1].text in _BEFORE_QUOTE)
            quote = opening.get(j)
        anchor = token_from(tokens, quotes[quote].start) if quote is not None and quotes[quote].end <= tok.start else k
        acts.append((anchor, sentence_at(sentences, tokens[anchor].start), subject, quote, k))
    speakers: dict[int, R] = {}
    disputed: set[int] = set()
    last: tuple[R, int, int] | None = None  # the last named speaker, the sentence and the verb's token
    for anchor, sentence, who, quote, verb in sorted(acts, key=lambda a: a[0]):
        if (who is None and last is not None and sentence - last[1] <= 1
                and not _other_subject(tokens, last[2] + 1, anchor, last[0].key, starting_at)):
            who = last[0]  # "he posted": the speaker the sentence before named
        if who is None:
            continue
        last = (who, sentence, verb)
        if quote is not None:
            if quote in speakers and speakers[quote].key != who.key:
                disputed.add(quote)  # '"...," Biden said' and 'Modi added: "..."' of one quotation
            speakers[quote] = who
    return {n: who for n, who in speakers.items() if n not in disputed}


def _other_subject(tokens: Tokens, start: int, stop: int, key: str,
                   starting_at: Callable[[int, int], R | None]) -> bool:
    """Whether someone other than `key` starts a clause between tokens start and stop ("..., and Modi
    thanked him"): a later "he" may be them."""
    for j in range(start, stop):
        if tokens[j].key in _CLAUSE_STARTS and j + 1 < stop:
            found = starting_at(j + 1, stop)
            if found is not None and found.key != key:
                return True
    return False


def _after_quote(tokens: Tokens, closing: dict[int, int], k: int) -> int | None:
    """The quotation that closes right before token k, a comma between allowed ('",' or ',"')."""
    if k in closing:
        return closing[k]
    if k > 0 and tokens[k - 1].text == "," and k - 1 in closing:
        return closing[k - 1]
    return None


class _Inside:
    """The tokens starting inside a quotation, as disjoint runs of token indices: a set of every such
    index cost about 70 bytes a token, 4 bytes of memory per byte of a text full of quotations."""

    __slots__ = ("_ends", "_starts")

    def __init__(self, tokens: Tokens, quotes: tuple[Span, ...]) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        # Each quotation's tokens by two binary searches of the starts (no Token built); nested and
        # touching quotations merge into one run.
        for first, stop in sorted((token_from(tokens, q.start), token_from(tokens, q.end)) for q in quotes):
            if first >= stop:
                continue
            if self._ends and first <= self._ends[-1]:
                self._ends[-1] = max(self._ends[-1], stop)
            else:
                self._starts.append(first)
                self._ends.append(stop)

    def __contains__(self, k: int) -> bool:
        n = bisect_right(self._starts, k) - 1
        return n >= 0 and k < self._ends[n]


class Quotations:
    """A document's quotations (sorted by start, as find_quotes gives them), looked up by binary
    search: the innermost one around an offset, the ones nested in one. A scan of every quotation
    per question took time growing with the square of the length of a long text full of quotations."""

    __slots__ = ("_quotes", "_reach", "_starts")

    def __init__(self, quotes: tuple[Span, ...]) -> None:
        self._quotes = quotes
        self._starts = [q.start for q in quotes]
        self._reach: list[int] = []  # the furthest end of the quotations up to each one
        for q in quotes:
            self._reach.append(max(self._reach[-1], q.end) if self._reach else q.end)

    def of(self, offset: int) -> int | None:
        """The index of the innermost quotation covering `offset` (of those that start at the same
        place, the last)."""
        n = bisect_left(self._starts, offset) - 1  # the last quotation that starts before `offset`
        while n >= 0 and self._reach[n] > offset:
            if self._quotes[n].end > offset:
                return n
            n -= 1
        return None

    def inner(self, n: int) -> list[Span]:
        """The quotations inside quotation n (starting after it, ending by its end)."""
        q = self._quotes[n]
        found = self._quotes[bisect_right(self._starts, q.start) : bisect_right(self._starts, q.end)]
        return [s for s in found if s.end <= q.end]
