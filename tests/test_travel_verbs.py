"""The verbs of travel read by word look-up (extract.events.travels) are exactly those of the pattern
that spelt them out, on edge cases and on every fixture, whole, by line and in windows."""

from __future__ import annotations

import re

from conftest import fixture_texts
from factcheck.extract import events

# The pattern as it was before the look-up (kept here as the reference).
_SPELT = re.compile(
    r"\b(?:visit(?:s|ed|ing)?|trip|travel(?:s|led|ed|ling)?|tour|arriv(?:e|es|ed|ing)|came|comes?|coming|flew|fl(?:y|ies|ying)"
    r"|land(?:s|ed|ing)?|head(?:s|ed|ing)|went|go(?:es|ing)?|journey(?:s|ed)?|stay(?:s|ed|ing)?)\s+(?:to\s+|in\s+)?(?:the\s+)?",
    re.IGNORECASE)

_EDGES = (
    "He visited the Kremlin; she VISITS to the city; they were Visiting in the capital; a trip to Paris; a tour.",
    "travel travels travelled traveled travelling traveling arrive arrives arrived arriving arrival came come comes coming to the",
    "flew fly flies flying flown land lands landed landing head heads headed heading went go goes going gone",
    "journey journeys journeyed journeying stay stays stayed staying revisit visitor visit2 visit_ visit- visit\tto\nthe",
    "vi\u017fit to, \u212aremlin, v\u0131s\u0130t in, VIS\u0130T the, \u017ftay \u017ftays, went to  the   White House, go",
    "r\u00e9visit the, \u00e9went to, goes\u00a0to the, came\u2009to the, stayed in the the, headed to to, flying in in",
)


def test_travels_match_the_spelt_out_pattern() -> None:
    texts = [*_EDGES, *fixture_texts(lines=True)]
    found = 0
    for text in texts:
        for start, end in ((0, len(text)), (3, len(text) - 2), (len(text) // 3, 2 * len(text) // 3)):
            got = [m.span() for m in events.travels(text, start, end)]
            assert got == [m.span() for m in _SPELT.finditer(text, start, end)], text[:60]
            found += len(got)
    assert found > 50
