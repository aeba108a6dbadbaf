"""The extraction pipeline: the knowledge base compiled once, applied to each Document."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from factcheck.document import Document
from factcheck.extract.events import build_triggers, find_events
from factcheck.extract.gazetteer import Gazetteer
from factcheck.extract.history import history_cue
from factcheck.extract.order import find_orders
from factcheck.extract.people import find_people
from factcheck.extract.quotes import find_quotes
from factcheck.extract.sentences import split_sentences
from factcheck.extract.tokens import PhraseMatcher, tokenize
from factcheck.facts import Facts, RoleClaim
from factcheck.kb.model import KnowledgeBase
from factcheck.lexicon import Lexicon
from factcheck.temporal import find_times


def _with_history(claim: RoleClaim, cue: str) -> RoleClaim:
    return replace(claim, history=cue) if cue else claim


# eq=False: told apart by identity, as the engine that holds it.
@dataclass(frozen=True, slots=True, eq=False)
class Extractor:
    """The knowledge base and lexicon compiled once, applied to many documents."""

    kb: KnowledgeBase
    gazetteer: Gazetteer
    triggers: PhraseMatcher

    @classmethod
    def build(cls, kb: KnowledgeBase, lexicon: Lexicon, matchers: tuple[PhraseMatcher, PhraseMatcher] | None = None) -> Extractor:
        """`matchers`: the gazetteer's name and title matchers when already made (the compiled cache)."""
        gaz = Gazetteer.build(kb, lexicon, matchers)
        return cls(kb, gaz, build_triggers(gaz))

    def tables(self) -> dict[str, Any]:
        """What `from_tables` needs besides the knowledge base, names, titles and lexicon, as plain data."""
        return {**self.gazetteer.tables(), "triggers": dict(self.triggers.branches())}

    @classmethod
    def from_tables(cls, kb: KnowledgeBase, lexicon: Lexicon, matchers: tuple[PhraseMatcher, PhraseMatcher],
                    data: Any) -> Extractor:
        """The extractor whose `tables()` gave `data` (PlainDataError when it is not such data)."""
        from factcheck.extract.tokens import trie

        gaz = Gazetteer.from_tables(*matchers, lexicon, data)
        return cls(kb, gaz, PhraseMatcher.over(trie(data.get("triggers"))))

    def extract(self, doc: Document) -> Facts:
        prose = doc.prose
        sentences = split_sentences(prose)
        times, doc_date, non_dates = find_times(prose, sentences, doc.declared_date, doc.date_source)
        tokens = tokenize(prose)
        quotes = find_quotes(prose)
        mentions, roles = find_people(prose, tokens, sentences, times, quotes, doc_date, self.kb, self.gazetteer)
        words = self.gazetteer.lexicon.history
        roles = tuple(_with_history(r, history_cue(prose, r, words)) for r in roles)
        events = find_events(prose, tokens, sentences, times, mentions, roles, quotes, self.gazetteer, self.triggers,
                             self.kb)
        orders = find_orders(prose, sentences, times, quotes)
        return Facts(doc.path, sentences, times, doc_date, mentions, roles, events, quotes, non_dates, orders, prose)
