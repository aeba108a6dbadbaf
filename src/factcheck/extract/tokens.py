"""One pass of tokenisation shared by every extractor, and a hash-based phrase matcher.

Phrase look-up goes through a dict keyed by the first token, so its cost does
not grow with the number of names and titles in the knowledge base.
"""

from __future__ import annotations

import unicodedata
from array import array
from bisect import bisect_left
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from itertools import accumulate, compress, count, islice
from typing import Any, NamedTuple, overload

from factcheck.lazyre import lazy

# "U.S." and "U.K." stay one token; "O'Brien" is one word; the possessive "'s" and
# hyphens are tokens of their own, so "then-Secretary" and "India's" split cleanly. A token is the
# first of these that matches:
#     (?:[A-Za-z]\.){2,}                      an abbreviation: "U.S."
#     [^\W\d_]\w*(?:['\u2019](?![sS]\b)\w+)*   a word: "O'Brien"
#     ['\u2019][sS]\b                          a possessive
#     \d+(?:[.,]\d+)*                          a number: "1,000.5"
#     [^\s\w]                                 any other character but a space
# Written below as one character that can start a token (neither a space nor "_"), then what follows
# it by what it was: the matcher then skips the spaces between tokens by that character's class
# instead of trying five alternatives at each (a quarter less time; the test holds the two forms to
# the same tokens). In a group: `split` (see tokenize) keeps each token between the gaps around it.
_TOKEN = lazy(r"([^\s_](?:(?<=[A-Za-z])\.(?:[A-Za-z]\.)+|(?<=[^\W\d_])\w*(?:['\u2019](?![sS]\b)\w+)*"
              r"|(?<=['\u2019])[sS]\b|(?<=\d)\d*(?:[.,]\d+)*|))")


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
    key = text.replace(".", "").replace("\u2019", "'").lower()
    return key if key.isascii() else _fold(key)


def _fold(key: str) -> str:
    """Accents do not matter in a key: "Antonio Guterres" is "António Guterres", "Inacio" is "Inácio".

    A lone spacing accent ("´", "¨") decomposes to a space and a combining mark: a key never holds
    whitespace (the phrase tries keep their values under the key " "), so such a mark keeps itself."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", key) if not unicodedata.combining(c) and not c.isspace())
    return folded or key


class Tokens(Sequence[Token]):
    """The tokens of one text, kept as columns: offsets in two arrays of 4-byte numbers, each key as
    the number of a string shared by every equal word (in 2 bytes while the text has fewer than 65,536
    distinct words), the text of each token read from the prose when it is asked for. A Token object
    each cost about 45 bytes of memory per byte of text (a long document's largest cost by far); these
    cost about 2. (Lengths in bytes instead of the ends, 2 bytes a token less, cost 5% of the time:
    indexing adds them on every read.) Indexing builds the Token, so extractors
    read them as a tuple."""

    __slots__ = ("_always_capitalized", "_ends", "_ids", "_keys", "_numbers", "_prose", "_sometimes_capitalized", "_starts")

    def __init__(self, prose: str, starts: array[int], ends: array[int], ids: array[int], numbers: dict[str, int],
                 capitalized: set[int], lower: set[int]) -> None:
        """`numbers`: each distinct key's number, numbered from 0 in order; `capitalized` and `lower`:
        the numbers of the keys spelt with a capital first character in the text, and without."""
        self._prose, self._starts, self._ends, self._ids = prose, starts, ends, ids
        self._numbers, self._keys = numbers, list(numbers)
        self._always_capitalized, self._sometimes_capitalized = capitalized - lower, capitalized & lower

    def __len__(self) -> int:
        return len(self._ids)

    def first_from(self, offset: int) -> int:
        """The index of the first token starting at or after `offset` (a binary search of the starts)."""
        return bisect_left(self._starts, offset)

    def where(self, *key_sets: Collection[str], capitalized: bool = False) -> array[int]:
        """The indices, in order, of the tokens whose key is in one of `key_sets` (or, with `capitalized`,
        whose first character is upper case). A scan that visits only such tokens calls this instead of
        iterating: the test runs once per distinct key rather than once per token, and no Token is built
        for the others (a long document has hundreds of thousands of tokens and a few thousand keys).
        An array, not a list: the capitalised words of a long text are a quarter of its tokens, and a
        list of them held 2 bytes per byte of text while the people were read."""
        wanted: set[int] = set()
        for keys in key_sets:  # one comprehension a set: a generator per key cost more than the tests
            if len(keys) < len(self._keys):  # the fewer keys are looked up in the larger set
                wanted.update([n for key in keys if (n := self._numbers.get(key)) is not None])
            else:
                wanted.update([n for n, key in enumerate(self._keys) if key in keys])
        if not capitalized and len(wanted) <= 2:
            # One or two keys (a visit noun, a pronoun) are found by the array's own search, not by a
            # test at every token; for more, the test at every token costs less than a search each.
            found: list[int] = []
            for n in wanted:
                i = -1
                while True:
                    try:
                        i = self._ids.index(n, i + 1)
                    except ValueError:
                        break
                    found.append(i)
            return array(self._starts.typecode, sorted(found))
        if not capitalized:
            return array(self._starts.typecode, [i for i, n in enumerate(self._ids) if n in wanted])
        # A word whose key is wanted or is never spelt in lower case is in; one whose key has both
        # spellings ("The" and "the") is read. The test by key runs over every token in C; the
        # reading, over the few whose key may be either.
        sure = wanted | self._always_capitalized
        maybe = sure | self._sometimes_capitalized
        prose, starts, ids = self._prose, self._starts, self._ids
        return array(starts.typecode, [i for i in compress(count(), map(maybe.__contains__, ids))
                                       if ids[i] in sure or prose[starts[i]].isupper()])

    def key(self, index: int) -> str:
        """The key of one token, without building the Token."""
        return self._keys[self._ids[index]]

    # Single fields of one token, read without building it: the readers of names and titles ask
    # these at most words of a text, where a Token object (and its text, a new string) was half the cost.
    def start(self, index: int) -> int:
        return self._starts[index]

    def end(self, index: int) -> int:
        return self._ends[index]

    def text(self, index: int) -> str:
        return self._prose[self._starts[index] : self._ends[index]]

    def joined(self, left: int, right: int) -> bool:
        """`joined` of two of these tokens."""
        return _joined_gap(self._prose[self._ends[left] : self._starts[right]])

    def is_word(self, index: int) -> bool:
        return self._prose[self._starts[index]].isalnum() or self._keys[self._ids[index]] == "'s"

    def is_capitalized(self, index: int) -> bool:
        """Whether a token's first character is upper case, without building the Token."""
        return self._prose[self._starts[index]].isupper()

    def is_capitalized_word(self, index: int) -> bool:
        """`is_word` and `is_capitalized` of one token: its first character an upper-case letter or digit."""
        first = self._prose[self._starts[index]]
        return first.isupper() and first.isalnum()

    def keys_between(self, start: int, stop: int) -> tuple[str, ...]:
        """The keys of tokens start to stop (clamped to the tokens, as a slice is), without building Tokens:
        cue look-ups try every length at every capitalised word."""
        keys, ids = self._keys, self._ids
        return tuple(keys[ids[i]] for i in range(max(start, 0), min(stop, len(ids))))

    @overload
    def __getitem__(self, index: int) -> Token: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Token, ...]: ...

    def __getitem__(self, index: int | slice) -> Token | tuple[Token, ...]:
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(len(self))))
        start, end = self._starts[index], self._ends[index]
        return tuple.__new__(Token, (self._prose[start:end], start, end, self._keys[self._ids[index]]))

    def __iter__(self) -> Iterator[Token]:
        prose, new, keys = self._prose, tuple.__new__, self._keys
        for start, end, key in zip(self._starts, self._ends, self._ids):
            yield new(Token, (prose[start:end], start, end, keys[key]))


def tokenize(prose: str) -> Tokens:
    # This runs over every word of every document, so the work is done by C-level calls on a stretch
    # of text at a time rather than by a loop body per token: `split` with the token pattern as the
    # separator gives [gap, token, gap, token, ..., gap] in one call, and the running sum of their
    # lengths gives every token's start and end (no Match object per token). A stretch ends after a
    # whitespace character, which no token contains and no part of the pattern looks across, so the
    # tokens are those of the whole text; lists over all the tokens of a long text would hold several
    # times the memory of the columns they fill. Each distinct spelling of a word gets its key once;
    # spellings with one key ("U.S." and "US", "The" and "the") share its number.
    wide = "I" if len(prose) < 2**32 and array("I").itemsize >= 4 else "Q"  # offsets past 4 GB need 8 bytes
    # The columns are made once at about their final size and filled in place: grown by appending,
    # each was copied as it grew, and a long text's resident memory rose by half again what they hold.
    # Text has about 1.1 tokens per space or line end; what the guess has too many is cut at the end.
    guess = (prose.count(" ") + prose.count("\n")) * 9 // 8 + 16
    starts, ends, ids = _zeros(wide, guess), _zeros(wide, guess), _zeros("H", guess)  # numbers in 2 bytes while they fit
    n = 0  # tokens read so far
    numbers: dict[str, int] = {}
    number_of: dict[str, int] = {}  # spelling -> the number of its key
    capitalized: set[int] = set()  # the numbers of keys with a spelling that starts with a capital
    lower: set[int] = set()  # and those with one that does not
    pos, size = 0, len(prose)
    while pos < size:
        stop = size if pos + STRETCH >= size else _stretch_end(prose, pos)
        if stop is not None:
            parts = _TOKEN.split(prose[pos:stop])
            texts = parts[1::2]
            offsets = list(accumulate(map(len, parts), initial=pos))
            first, last = offsets[1:-1:2], offsets[2::2]
            pos = stop
        else:
            # No space for a while (a long run of marks, one long word): a split of it all would hold a
            # list entry for every mark, so its tokens are read a few hundred at a time. Each ends
            # where the pattern's next search over the whole text would start.
            found = list(islice(_TOKEN.finditer(prose, pos), MATCHES_AT_ONCE))
            if not found:
                break
            texts = [m.group() for m in found]
            first, last = [m.start() for m in found], [m.end() for m in found]
            pos = last[-1]
        for text in dict.fromkeys(texts):  # the new spellings, in order
            if text not in number_of:
                # Most words are ASCII without a dot: their key is their lower case (token_key's result).
                key = text.lower() if text.isascii() and "." not in text else token_key(text)
                number_of[text] = number = numbers.setdefault(key, len(numbers))
                (capitalized if text[0].isupper() else lower).add(number)
        if len(numbers) > 2 ** (8 * ids.itemsize):
            ids = array(wide, ids)  # more distinct words than two bytes number
        m = n + len(texts)
        ids[n:m] = array(ids.typecode, map(number_of.__getitem__, texts))  # past the guess, this lengthens it
        starts[n:m] = array(wide, first)
        ends[n:m] = array(wide, last)
        n = m
    del ids[n:], starts[n:], ends[n:]
    return Tokens(prose, starts, ends, ids, numbers, capitalized, lower)


def _zeros(typecode: str, length: int) -> array[int]:
    return array(typecode, bytes(array(typecode).itemsize * length))


STRETCH = 2048  # characters split at once, then up to the next whitespace (its lists are freed after it)
MATCHES_AT_ONCE = 512  # tokens read at once where no whitespace comes soon


def _stretch_end(prose: str, pos: int) -> int | None:
    """Just after the first whitespace character a stretch's length on from `pos`, if one comes soon."""
    cut = _SPACE.search(prose, pos + STRETCH, pos + 4 * STRETCH)
    return cut.end() if cut else None


_SPACE = lazy(r"\s")


def phrase_keys(phrase: str) -> tuple[str, ...]:
    """The token keys of a phrase, as tokenize() would produce them (punctuation dropped)."""
    return tuple(t.key for t in tokenize(phrase) if t.is_word)


class PhraseMatcher:
    """Longest match of known phrases (sequences of word tokens) at a token position.

    The phrases are kept as a trie of token keys, so a look-up walks only as far as the text
    agrees with some phrase: its cost does not grow with the number of phrases that share a first
    word (the knowledge base has hundreds of titles beginning "Minister ...").

    The trie is plain data (nested dicts of strings), so the compiled cache stores each first
    word's branch as one row, read the first time a text reaches it (`over`): a document reaches a
    few dozen of the thousands of branches.
    """

    def __init__(self, phrases: Iterable[tuple[tuple[str, ...], str]]):
        root: dict[str, Any] = {}
        for keys, value in phrases:
            if keys:
                node = root
                for key in keys:
                    node = node.setdefault(key, {})
                node.setdefault(_VALUES, []).append(value)
        _sort_values(root)
        self._root: Mapping[str, Any] = root
        self._first_keys: Collection[str] = root  # a dict is the collection of its keys (a keys view adds a call to each test)

    @classmethod
    def over(cls, branches: Mapping[str, Any], first_keys: Collection[str] | None = None) -> PhraseMatcher:
        """A matcher over branches as `branches()` gave them (first key -> trie below it). `first_keys`:
        their keys, given where a test of the mapping itself costs more (a mapping that reads a cache
        is asked in Python at every word, a set in C)."""
        matcher = cls(())
        matcher._root = branches
        matcher._first_keys = branches if first_keys is None else first_keys
        return matcher

    def branches(self) -> Mapping[str, Any]:
        """First key -> the trie below it (plain data)."""
        return self._root

    @property
    def first_keys(self) -> Collection[str]:
        """The token keys some phrase starts with (a cheap test before `match`)."""
        return self._first_keys

    def match(self, tokens: Tokens, i: int, prose: str) -> tuple[int, list[str]] | None:
        """(end token index, values) of the longest phrase starting at token i."""
        node = self._root.get(tokens.key(i))
        if node is None:
            return None
        j = i + 1
        best = (j, node[_VALUES]) if _VALUES in node else None
        n = len(tokens)
        while j < n:
            # The period after an initial ("G. William Miller") and a hyphen inside a word
            # ("Thomas-Greenfield") are not words of a phrase: phrase_keys drops them.
            k = j + 1 if _skippable(tokens, j, prose) else j
            if k >= n:
                break
            child = node.get(tokens.key(k))
            if child is None or not tokens.joined(k - 1, k):
                break
            node, j = child, k + 1
            if _VALUES in node:
                best = (j, node[_VALUES])
        return (best[0], list(best[1])) if best else None

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PhraseMatcher) and dict(self._root) == dict(other._root)

    __hash__ = None  # type: ignore[assignment]


def trie(data: Any) -> dict[str, Any]:
    """A branch of a phrase trie read back from plain data, checked (PlainDataError if it is not one)."""
    from factcheck.plain import PlainDataError

    # A loop over the nodes rather than a call per node: a scan checks a few thousand of them.
    nodes = [data]
    while nodes:
        node = nodes.pop()
        if type(node) is not dict:
            raise PlainDataError("a phrase trie node must be an object")
        for key, child in node.items():
            if key != _VALUES:
                nodes.append(child)
            elif type(child) is not list or not all(type(v) is str for v in child):
                raise PlainDataError("the values of a phrase must be strings")
    checked: dict[str, Any] = data
    return checked


_VALUES = " "  # the trie key under which a node keeps the values of the phrase ending there (never a token key: tokens have no spaces)


def _sort_values(node: dict[str, Any]) -> None:
    for key, child in node.items():
        if key == _VALUES:
            child.sort()
        else:
            _sort_values(child)


def _skippable(tokens: Tokens, j: int, prose: str) -> bool:
    if tokens.key(j) not in _SKIPPABLE_KEYS:
        return False  # read first, without slicing the text: this runs at every step of every match
    text = tokens.text(j)
    if text == "." and tokens.end(j - 1) - tokens.start(j - 1) == 1:
        return True
    if text == "-":
        around = prose[tokens.start(j) - 1 : tokens.end(j) + 1]
        return around.strip() == around
    return False


_SKIPPABLE_KEYS = ("", "-")  # the keys of "." and "-" (a key drops dots)


def joined(prose: str, left: Token, right: Token) -> bool:
    """Whether two tokens belong to one phrase: only spaces (or a hyphen) between them, no line break pair."""
    return _joined_gap(prose[left.end : right.start])


def _joined_gap(gap: str) -> bool:
    return gap in ("-",) or (gap.strip() == "" and "\n\n" not in gap and len(gap) <= 3)
