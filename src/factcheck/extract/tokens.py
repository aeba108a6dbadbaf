"""One pass of tokenisation shared by every extractor, and a hash-based phrase matcher.

Phrase look-up goes through a dict keyed by the first token, so its cost does
not grow with the number of names and titles in the knowledge base.
"""

from __future__ import annotations

import re
from typing import Iterable, NamedTuple

# "U.S." and "U.K." stay one token; "O'Brien" is one word; the possessive "'s" and
# hyphens are tokens of their own, so "then-Secretary" and "India's" split cleanly.
_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W\d_]\w*(?:['\u2019](?![sS]\b)\w+)*|['\u2019][sS]\b|\d+(?:[.,]\d+)*|[^\s\w]")


class Token(NamedTuple):
    """A word or punctuation mark with its offsets (a named tuple: tokens are made by the thousand)."""

    text: str
    start: int
    end: int
    key: str  # lower case, no dots: the form phrases are matched on

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum() or self.key == "'s"

    @property
    def is_capitalized(self) -> bool:
        return self.text[0].isupper()


def token_key(text: str) -> str:
    return text.replace(".", "").replace("\u2019", "'").lower()


def tokenize(prose: str) -> tuple[Token, ...]:
    out = []
    for m in _TOKEN.finditer(prose):
        text = m.group()
        out.append(Token(text, m.start(), m.end(), text.replace(".", "").replace("\u2019", "'").lower()))
    return tuple(out)


def phrase_keys(phrase: str) -> tuple[str, ...]:
    """The token keys of a phrase, as tokenize() would produce them (punctuation dropped)."""
    return tuple(t.key for t in tokenize(phrase) if t.is_word)


class PhraseMatcher:
    """Longest match of known phrases (sequences of word tokens) at a token position."""

    def __init__(self, phrases: Iterable[tuple[tuple[str, ...], str]]):
        table: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for keys, value in phrases:
            if keys:
                table.setdefault(keys[0], []).append((keys, value))
        for entries in table.values():
            entries.sort(key=lambda e: (-len(e[0]), e[1]))
        self._table = table

    def match(self, tokens: tuple[Token, ...], i: int, prose: str) -> tuple[int, list[str]] | None:
        """(end token index, values) of the longest phrase starting at token i."""
        entries = self._table.get(tokens[i].key)
        if not entries:
            return None
        best_len = 0
        best_end = i
        values: list[str] = []
        for keys, value in entries:
            n = len(keys)
            if n < best_len:
                break
            end = _words_end(tokens, i, keys, prose)
            if end is not None:
                best_len, best_end = n, end
                values.append(value)
        if not best_len:
            return None
        return best_end, values


def _words_end(tokens: tuple[Token, ...], i: int, keys: tuple[str, ...], prose: str) -> int | None:
    """Token index just past `keys` matched from i, or None. The period after an initial
    ("G. William Miller") and a hyphen inside a word are skipped, as phrase_keys drops them."""
    j = i
    for k, key in enumerate(keys):
        if k and j < len(tokens) and (
            (tokens[j].text == "." and len(tokens[j - 1].text) == 1)
            or (tokens[j].text == "-" and prose[tokens[j].start - 1 : tokens[j].end + 1].strip() == prose[tokens[j].start - 1 : tokens[j].end + 1])
        ):
            j += 1  # "Thomas-Greenfield": the hyphen inside a name is not a word of it
        if j >= len(tokens) or tokens[j].key != key:
            return None
        if k and not joined(prose, tokens[j - 1], tokens[j]):
            return None
        j += 1
    return j


def joined(prose: str, left: Token, right: Token) -> bool:
    """Whether two tokens belong to one phrase: only spaces (or a hyphen) between them, no line break pair."""
    gap = prose[left.end : right.start]
    return gap in ("-",) or (gap.strip() == "" and "\n\n" not in gap and len(gap) <= 3)
