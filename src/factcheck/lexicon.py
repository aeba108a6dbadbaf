"""The lexicon: wording the extractor needs (modifiers, blockers, honorifics, event triggers)."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from factcheck.errors import DataError


class LexiconError(DataError):
    pass


class EventWords(NamedTuple):
    """The trigger phrases of one event kind, by where the agent stands."""

    kind: str
    agent_after: tuple[str, ...]
    agent_before: tuple[str, ...]
    exclusive: bool = True  # one event of the kind has one agent (an inviter), not many (greeters)
    objects: tuple[str, ...] = ()  # nouns that must stand between trigger and guest ("hosts dinner for")
    object_links: tuple[str, ...] = ()  # words between such a noun and the guest ("for", "in honour of")
    agent_possessive: tuple[str, ...] = ()  # nouns after the agent's possessive ("at X's invitation")
    # Nouns naming the event with no agent beside them ("Y's visit to Z", "an official visit by Y"): the
    # agent is taken from the document (an earlier event with the same guest), see extract/events.py.
    nouns: tuple[str, ...] = ()
    host_offices: tuple[str, ...] = ()  # offices whose holder hosts a visit to their country ("President")


class HistoryWords(NamedTuple):
    """Words that put a bare title in a clause about the past (see [history] in lexicon.toml)."""

    before: frozenset[str] = frozenset()
    of: frozenset[str] = frozenset()
    after: frozenset[str] = frozenset()


class Lexicon(NamedTuple):
    """Words the extractors read from rules/lexicon.toml: modifiers, blockers, honorifics, event triggers."""

    modifiers: dict[str, str]
    blockers: frozenset[str]
    following_blockers: frozenset[str]
    heads: frozenset[str]
    events: tuple[EventWords, ...]
    fillers: frozenset[str] = frozenset()  # adjectives that may stand before a title and change nothing ("new")
    honorifics: tuple[str, ...] = ()  # ranks and honorifics between a title and a name ("Gen.", "Sheikh")
    handover: tuple[str, ...] = ()  # words of a sentence reporting a change of holders ("replaced by")
    places: tuple[tuple[str, str], ...] = ()  # landmarks that stand for a country as a destination
    history: HistoryWords = HistoryWords()
    styles: tuple[str, ...] = ()  # ranks before a name that are no office ("Crown Prince", "First Lady")
    speech: tuple[str, ...] = ()  # verbs that attribute a quotation to its speaker ("said", "posted")
    regnal: frozenset[str] = frozenset()  # titles written before a given or regnal name ("King Charles")
    addresses: tuple[str, ...] = ()  # forms of address that may stand before a title ("His Majesty King Charles")


def load_lexicon(path: Path) -> Lexicon:
    import tomllib  # only when the compiled cache is rebuilt

    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
        return Lexicon(
            modifiers={k.lower(): v for k, v in data["modifiers"].items()},
            blockers=frozenset(w.lower() for w in data["blockers"]["words"]),
            following_blockers=frozenset(w.lower() for w in data["blockers"]["following_blockers"]),
            heads=frozenset(w.rstrip(".").lower() for w in data["heads"]["words"]),
            events=tuple(
                EventWords(kind, tuple(v.get("agent_after", ())), tuple(v.get("agent_before", ())),
                           bool(v.get("exclusive", True)), tuple(v.get("objects", ())), tuple(v.get("object_links", ())),
                           tuple(v.get("agent_possessive", ())), tuple(v.get("nouns", ())),
                           tuple(v.get("host_offices", ())))
                for kind, v in sorted(data.get("events", {}).items())
            ),
            fillers=frozenset(w.lower() for w in data.get("fillers", {}).get("words", ())),
            honorifics=tuple(data.get("honorifics", {}).get("words", ())),
            handover=tuple(data.get("handover", {}).get("words", ())),
            places=tuple(sorted(data.get("places", {}).items())),
            history=HistoryWords(*(frozenset(w.lower() for w in data.get("history", {}).get(key, ()))
                                   for key in ("before", "of", "after"))),
            styles=tuple(data.get("styles", {}).get("words", ())),
            speech=tuple(w.lower() for w in data.get("speech", {}).get("verbs", ())),
            regnal=frozenset(" ".join(w.lower().split()) for w in data.get("regnal", {}).get("words", ())),
            addresses=tuple(data.get("addresses", {}).get("words", ())),
        )
    except (OSError, tomllib.TOMLDecodeError, KeyError, AttributeError) as exc:
        raise LexiconError(f"{path}: {exc}") from None
