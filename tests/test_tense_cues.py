"""The past-tense cues read by word look-up (temporal.tense.past_matches) are exactly those of the
patterns that spelt the words out, on edge cases and on every fixture, whole and line by line."""

from __future__ import annotations

import re

import pytest

from conftest import fixture_texts
from factcheck.temporal import tense

# The patterns as they were before the look-up (kept here as the reference).
_SPELT_PLANNED = (r"(?:(?:originally|initially|previously|tentatively|also|then)\s+)?(?:scheduled|set|expected|planned|"
                  r"slated|proposed|targeted|supposed|due|booked|timed|earmarked)\b")
_SPELT_PAST = re.compile(
    r"\b(?:(?:was|were)(?!\s+" + _SPELT_PLANNED + r")|had|did|said|told|came|met|held|took|made|went|began|left|became|gave|spoke|wrote|"
    r"saw|sent|won|lost|fell|rose|paid|led|brought|thought|found|kept|stood|sought|struck|ran|"
    r"ago|last|earlier|previously|yesterday|has\s+been|have\s+been|"
    r"(?!" + _SPELT_PLANNED + r")[a-z]{3,}ed(?!\s+by\s+(?:the\s+)?[A-Z]))\b(?<!\bneed)(?<!\bseed)(?<!\bfeed)")
_SPELT_STRICT_PAST = re.compile(
    r"\b(?:(?:was|were|had|did|took\s+place|happened|occurred)\b"
    r"(?![^,;]*\bto\s+\w+)(?!\s+(?:(?:originally|initially|previously|tentatively|also|then)\s+)?"
    r"(?:payable|due|effective|valid|given\s+as|set|scheduled|expected|planned|slated|proposed|targeted|"
    r"supposed|meant|booked|timed|tipped|pencil+ed|billed|earmarked|to\s+be)\b)"
    r"|(?!(?:expected|scheduled|planned|proposed|estimated|projected|anticipated|targeted|slated|called|preferred|"
    r"listed|dated|based|priced|extended|limited|related|secured|united)\b)[a-z]{3,}ed(?:\s+[A-Z][\w.]*)?\s+(?:on|in)\s*$)")

_EDGES = (
    "The talks were scheduled for May 12; they were originally scheduled earlier and was set aside.",
    "It was expected, were due, was then booked, was timed, was earmarked, was supposed to, was planned.",
    "A panel chaired by U.S. officials, chaired by the Senate, increased by 5 pct, seeded by the Fund.",
    "need feed seed proceed agreed freed indeed embed bed wed shed led ledger ledX said2 saidx Said _said",
    "She has been there; they have  been; has\nbeen; hasbeen; have been2; he had, did, took, made, went.",
    "ago last earlier previously yesterday yesterday's lastly earliest came-met held_over re-elected co-hosted",
    "scheduled expected planned slated proposed targeted supposed booked timed earmarked set due",
    "He launched on", "He launched Tuesday on", "It was preferred on", "They united in", "It was expected on",
    "It happened in", "The vote took place on", "It was due to end on", "He had until", "It was re-elected on",
    "It was listed in", "He voted on", "He voted Mr. on", "estimated in", "a sale priced in ", "He pencilled in",
    "It was scheduled to be held on", "Was it held on", "He said it was, in fact, completed on",
    "He became, brought, found, paid, sought, stood, thought, won and wrote; she came, met, spoke and ran.",
    # every "-ed" word the strict pattern excludes, before "on" and "in" and after a capitalised word
    *(f"It was {w} {prep}" for w in ("expected scheduled planned proposed estimated projected anticipated targeted "
                                     "slated called preferred listed dated based priced extended limited related "
                                     "secured united pencilled hosted").split()
      for prep in ("on", "in", "Monday on")),
)


def _texts() -> list[str]:
    return [*_EDGES, *fixture_texts(lines=True)]


@pytest.mark.parametrize("strict", [False, True])
def test_past_cues_match_the_spelt_out_patterns(strict: bool) -> None:
    spelt = _SPELT_STRICT_PAST if strict else _SPELT_PAST
    found = 0
    for text in _texts():
        # The strict cues are read in the text before a date: every prefix that ends before a digit
        # or a capital, where a date may start.
        windows = [text[:i] for i, ch in enumerate(text) if ch.isdigit() or ch.isupper()] if strict else [text]
        for window in [*windows, text]:
            got = [m.span() for m in tense.past_matches(window, strict)]
            assert got == [m.span() for m in spelt.finditer(window)], window[-80:]
            found += len(got)
    assert found > 100
