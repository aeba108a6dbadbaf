"""Wikidata SPARQL JSON results (application/sparql-results+json) for one office.

Expected variables (names as in the usual "position held" query):
    person        the holder's entity URI (…/entity/Q123)
    personLabel   the holder's name
    start, end    pq:P580 / pq:P582 values (xsd:dateTime); either may be missing
    startPrecision, endPrecision   Wikidata time precision (11 day, 10 month, 9 year); optional

Example query (for the US Secretary of Defense, Q942378):

    SELECT ?person ?personLabel ?start ?startPrecision ?end ?endPrecision WHERE {
      ?person p:P39 ?st . ?st ps:P39 wd:Q942378 .
      OPTIONAL { ?st pqv:P580 [ wikibase:timeValue ?start ; wikibase:timePrecision ?startPrecision ] }
      OPTIONAL { ?st pqv:P582 [ wikibase:timeValue ?end ; wikibase:timePrecision ?endPrecision ] }
      SERVICE wikibase:label { bd:serviceParam wikibase:language "en" }
    }
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterator

from factcheck.kb.importers.common import SourceTerm

_CUT = {"11": 10, "10": 7, "9": 4}  # characters of the ISO date kept at each precision


class SparqlFormatError(ValueError):
    pass


def _date(binding: dict[str, Any], name: str) -> str:
    value = binding.get(name, {}).get("value", "")
    if not value:
        return ""
    precision = binding.get(f"{name}Precision", {}).get("value", "11")
    if precision not in _CUT:
        return ""  # a decade or century is too coarse to judge a title by
    return value.lstrip("+")[: _CUT[precision]]


def read(path: Path, office: str) -> Iterator[SourceTerm]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        bindings = data["results"]["bindings"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise SparqlFormatError(f"{path}: not SPARQL JSON results ({exc})") from None
    for b in bindings:
        uri = b.get("person", {}).get("value", "")
        qid = uri.rsplit("/", 1)[-1] if uri else ""
        name = b.get("personLabel", {}).get("value", "")
        if not name or not qid:
            continue
        yield SourceTerm(
            person=name,
            office=office,
            start=_date(b, "start"),
            end=_date(b, "end"),
            source=f"wikidata:{qid} (SPARQL {path.name})",
            qid=qid,
        )
