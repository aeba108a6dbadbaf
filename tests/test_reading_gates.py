"""Cheap tests that let the readers of people skip work change nothing they find: with each gate
opened, every fixture gives the same facts.

* referents._may_start: a reference starts only at a word that can open a name, title, rank, country
  or handle (events.py tries every word before a speech verb as the start of its subject);
* Gazetteer.cue_firsts: a cue starts only at the first word of some cue;
* events._quoted_pronoun: quotation speakers are found only when a quotation holds "I", "me" or "you".
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from conftest import fixture_texts
from factcheck.api import extract_text
from factcheck.extract import events, referents

# Lower-case openings the capitalised fixtures rarely give: a rank, a modifier, a country, a title, an
# honorific and a handle at the start of a reference.
_EDGES = (
    "The crown prince welcomed the president of France. said the crown prince of Kuwait, hosting Joe Biden.",
    "former prime minister Boris Johnson said he would visit. the ex-British envoy said so.",
    "saudi crown prince Mohammed bin Salman hosted the minister. britain's prime minister said yes.",
    "\u201cI was glad to host you,\u201d said sheikh Tamim. @narendramodi said he welcomed Xi Jinping.",
    "The secretary of state said it. general Lloyd Austin said: \"I will visit.\" president Biden said.",
)


class _Everything:
    def __contains__(self, key: object) -> bool:
        return True


def _facts(engine) -> list[str]:
    return [repr(extract_text(text, "2025-07-01", engine=engine)) for text in (*_EDGES, *fixture_texts())]


def test_gates_drop_nothing(engine, monkeypatch: pytest.MonkeyPatch) -> None:
    gated = _facts(engine)
    monkeypatch.setattr(referents, "_may_start", lambda tokens, j, gaz: True)
    monkeypatch.setattr(events, "_quoted_pronoun", lambda tokens, quotations: True)
    extractor = engine.extractor
    opened = replace(engine, extractor=replace(extractor, gazetteer=extractor.gazetteer._replace(cue_firsts=_Everything())))
    assert _facts(opened) == gated
    assert sum(f.count("EventClaim(") for f in gated) > 20  # the fixtures give events to read


def test_gates_skip_work(engine) -> None:
    gaz = engine.extractor.gazetteer
    facts = extract_text("Officials in the capital said the talks went well.", engine=engine)
    assert facts.mentions == ()
    assert "said" not in gaz.cue_firsts and "said" not in gaz.titles.first_keys


def test_where_finds_what_a_scan_of_every_token_finds(engine) -> None:
    from factcheck.extract.tokens import tokenize

    gaz = engine.extractor.gazetteer
    key_sets = [frozenset({"said", "the", "president"}), ("you",), gaz.titles.first_keys, frozenset(), {"zzz": 1}]
    for text in (*_EDGES, *fixture_texts(lines=True)):
        tokens = tokenize(text)
        for keys in key_sets:
            assert list(tokens.where(keys)) == [i for i, t in enumerate(tokens) if t.key in keys]
            # Capitalised words are found by their keys' spellings ("The" and "the" share a key).
            capitalised = [i for i, t in enumerate(tokens) if t.key in keys or t.text[0].isupper()]
            assert list(tokens.where(keys, capitalized=True)) == capitalised
