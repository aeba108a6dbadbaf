"""The knowledge base as rows of the compiled cache (factcheck/cache.py), and back.

Each person, office, jurisdiction and term is one row (its dataclass fields as plain data, see
plain.py: a field added to the model is cached with no change here); each index is one row per
key, the terms it lists given by their position. A knowledge base read back has the same fields
as the one built from the data files, as mappings that read and check a row the first time it is
asked for: a scan touches a few dozen of the thousands of rows.
"""

from __future__ import annotations

from typing import Any

from factcheck.cache import Built, Decoded, DecodedList, Tables
from factcheck.kb.model import Jurisdiction, KnowledgeBase, Office, Person, Term
from factcheck.plain import decoder, encode, shape

NAMESPACES = ("kb.jurisdictions", "kb.offices", "kb.people", "kb.terms", "kb.by_person", "kb.by_office",
              "kb.names", "kb.titles", "kb.office_surnames")


def kb_shape() -> str:
    """The shapes of the stored records, for the cache key."""
    from factcheck.dates import Interval
    from factcheck.kb.model import Title

    return shape(Jurisdiction, Office, Title, Person, Term, Interval)


def kb_tables(kb: KnowledgeBase) -> Built:
    """The knowledge base as plain rows, one namespace per field."""
    terms = list(kb._terms)
    position = {id(t): i for i, t in enumerate(terms)}

    def positions(group: tuple[Term, ...]) -> list[int]:
        return [position[id(t)] for t in group]

    return {
        "kb.jurisdictions": {k: encode(v) for k, v in kb.jurisdictions.items()},
        "kb.offices": {k: encode(v) for k, v in kb.offices.items()},
        "kb.people": {k: encode(v) for k, v in kb.people.items()},
        "kb.terms": {str(i): encode(t) for i, t in enumerate(terms)},
        "kb.by_person": {k: positions(v) for k, v in kb._by_person.items()},
        "kb.by_office": {k: positions(v) for k, v in kb._by_office.items()},
        "kb.names": {k: list(v) for k, v in kb._names.items()},
        "kb.titles": {k: list(v) for k, v in kb._titles.items()},
        "kb.office_surnames": {k: {s: list(ids) for s, ids in v.items()} for k, v in kb._office_surnames.items()},
    }


def kb_from_tables(tables: Tables) -> KnowledgeBase:
    """The knowledge base over its rows (KeyError when a namespace is missing)."""
    terms: DecodedList[Term] = DecodedList(tables["kb.terms"], decoder(Term))
    positions = decoder(tuple[int, ...])
    ids = decoder(tuple[str, ...])
    surnames = decoder(dict[str, tuple[str, ...]])

    def pick(data: Any) -> tuple[Term, ...]:
        return tuple(terms[i] for i in positions(data))

    return KnowledgeBase(
        Decoded(tables["kb.jurisdictions"], decoder(Jurisdiction)),
        Decoded(tables["kb.offices"], decoder(Office)),
        Decoded(tables["kb.people"], decoder(Person)),
        terms,
        Decoded(tables["kb.by_person"], pick),
        Decoded(tables["kb.by_office"], pick),
        Decoded(tables["kb.names"], ids),
        Decoded(tables["kb.titles"], ids),
        Decoded(tables["kb.office_surnames"], surnames),
    )
