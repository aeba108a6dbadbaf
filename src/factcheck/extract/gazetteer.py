"""The gazetteer: the knowledge base and lexicon compiled into phrase matchers.

Built once per run and passed to extraction for every document.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from factcheck.extract.tokens import PhraseMatcher, Tokens, joined, phrase_keys
from factcheck.kb.model import VARIANT, KnowledgeBase
from factcheck.lexicon import Lexicon


class Gazetteer(NamedTuple):
    """Names, titles and jurisdiction cues of the knowledge base and lexicon, ready to match tokens."""

    names: PhraseMatcher  # person names and aliases -> person id
    titles: PhraseMatcher  # office titles -> office id
    cues: dict[tuple[str, ...], str]  # jurisdiction cue keys -> jurisdiction code
    max_cue_len: int
    heads: frozenset[str]  # honorific keys ("secretary", "mr") that may precede a surname
    lexicon: Lexicon
    honorifics: PhraseMatcher  # ranks and honorifics that may stand between a title and a name
    handover: re.Pattern[str] | None  # a word of a sentence that reports a change of holders
    places: PhraseMatcher  # landmarks that stand for a country as a destination ("the White House")
    styles: PhraseMatcher  # ranks before a name that are no office ("Crown Prince", "First Lady")
    # The token keys of the lexicon's forms of address ("his majesty"), tokenised once here: they are
    # compared at every word before a title.
    addresses: tuple[tuple[str, ...], ...]
    cue_firsts: frozenset[str]  # the first keys of the cues: most words start none, and say so in one look-up

    @classmethod
    def build(cls, kb: KnowledgeBase, lexicon: Lexicon, matchers: tuple[PhraseMatcher, PhraseMatcher] | None = None) -> Gazetteer:
        """The gazetteer of `kb`; `matchers` are its (names, titles) matchers when already made
        (`phrase_matchers`, kept in the compiled cache)."""
        names, titles = matchers or phrase_matchers(kb)
        cues: dict[tuple[str, ...], str] = {}
        for j in kb.jurisdictions.values():
            for cue in j.cues:
                cues[phrase_keys(cue)] = j.code
        heads = frozenset(k for h in lexicon.heads for k in [" ".join(phrase_keys(h))] if k)
        honorifics = PhraseMatcher((phrase_keys(h), h) for h in lexicon.honorifics)
        places = PhraseMatcher((phrase_keys(name), code) for name, code in lexicon.places)
        styles = PhraseMatcher((phrase_keys(w), " ".join(phrase_keys(w))) for w in lexicon.styles)
        return cls._assemble(names, titles, cues, heads, lexicon, honorifics, places, styles)

    @classmethod
    def _assemble(cls, names: PhraseMatcher, titles: PhraseMatcher, cues: dict[tuple[str, ...], str],
                  heads: frozenset[str], lexicon: Lexicon, honorifics: PhraseMatcher, places: PhraseMatcher,
                  styles: PhraseMatcher) -> Gazetteer:
        handover = (re.compile(r"\b(?:" + "|".join(re.escape(w) for w in lexicon.handover) + r")\b", re.IGNORECASE)
                    if lexicon.handover else None)
        return cls(names, titles, cues, max((len(k) for k in cues), default=1), heads, lexicon, honorifics, handover,
                   places, styles, tuple(phrase_keys(a) for a in lexicon.addresses), frozenset(k[0] for k in cues))

    def tables(self) -> dict[str, Any]:
        """Its tables other than names and titles, as plain data for the compiled cache: tokenising
        every cue, honorific, place name and style again costs a one-file scan a few milliseconds."""
        return {"cues": [[list(k), code] for k, code in self.cues.items()], "heads": sorted(self.heads),
                "honorifics": dict(self.honorifics.branches()), "places": dict(self.places.branches()),
                "styles": dict(self.styles.branches())}

    @classmethod
    def from_tables(cls, names: PhraseMatcher, titles: PhraseMatcher, lexicon: Lexicon, data: Any) -> Gazetteer:
        """The gazetteer whose `tables()` gave `data` (PlainDataError when it is not such data)."""
        from factcheck.extract.tokens import trie
        from factcheck.plain import PlainDataError, decode

        if type(data) is not dict:
            raise PlainDataError("the gazetteer's tables must be an object")
        cues = dict(decode(tuple[tuple[tuple[str, ...], str], ...], data.get("cues")))
        heads = frozenset(decode(tuple[str, ...], data.get("heads")))
        honorifics = PhraseMatcher.over(trie(data.get("honorifics")))
        places = PhraseMatcher.over(trie(data.get("places")))
        styles = PhraseMatcher.over(trie(data.get("styles")))
        return cls._assemble(names, titles, cues, heads, lexicon, honorifics, places, styles)

    def cue_ending_at(self, tokens: Tokens, j: int, prose: str) -> tuple[int, str] | None:
        """(first token index, jurisdiction) of a cue whose last token is tokens[j]."""
        longest = min(self.max_cue_len, j + 1)
        run = tokens.keys_between(j + 1 - longest, j + 1)  # read once; each length is a slice of it
        for n in range(longest, 0, -1):
            first = j - n + 1
            code = self.cues.get(run[longest - n :])
            if code and all(joined(prose, tokens[k], tokens[k + 1]) for k in range(first, j)):
                return first, code
        return None

    def cue_starting_at(self, tokens: Tokens, i: int, prose: str) -> tuple[int, str] | None:
        """(end token index, jurisdiction) of a cue starting at tokens[i] (places: "the United States")."""
        if i >= len(tokens) or tokens.key(i) not in self.cue_firsts:
            return None
        longest = min(self.max_cue_len, len(tokens) - i)
        run = tokens.keys_between(i, i + longest)  # read once; each length is a slice of it
        for n in range(longest, 0, -1):
            code = self.cues.get(run[:n])
            if code and all(joined(prose, tokens[k], tokens[k + 1]) for k in range(i, i + n - 1)):
                return i + n, code
        return None


def phrase_matchers(kb: KnowledgeBase) -> tuple[PhraseMatcher, PhraseMatcher]:
    """Matchers of the knowledge base's person names (and aliases) and office titles."""
    # A given-name variant ("~Timothy Geithner", see kb.model.Person) is kept under "~" + the person's
    # id: a hint that extraction takes only after a title of an office the person held.
    names = PhraseMatcher(
        (phrase_keys(n[len(VARIANT):]), VARIANT + p.id) if n.startswith(VARIANT) else (phrase_keys(n), p.id)
        for p in kb.people.values() for n in (p.name, *p.aliases))
    titles = PhraseMatcher((phrase_keys(t.text), o.id) for o in kb.offices.values() for t in o.titles)
    return names, titles
