"""Names as people write them: the variants of a source's name that still name the same person.

A variant is added only where it drops what writers often drop and keeps what tells people apart:
accents ("Antonio Guterres"), a middle or leading initial ("Mark Esper", "Michael Blumenthal"); never a
generational suffix, which tells a son from his father. A variant shared by two people makes the name ambiguous
and the checker abstains unless the title's office tells them apart.
"""

from __future__ import annotations

import re
import unicodedata

_SUFFIX = re.compile(r",?\s+(Jr\.?|Sr\.?|II|III|IV)$")
_INITIAL = re.compile(r"^[A-Z]\.?$")


def fold(name: str) -> str:
    """The name without accents ("António Guterres" -> "Antonio Guterres")."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ø", "o").replace("ł", "l").replace("Ł", "L")


def merge_key(name: str) -> str:
    """The key under which two sources' names count as one name: case, accents, dots, initials and
    generational suffixes do not matter ("Mark T. Esper" = "Mark Esper")."""
    words = [w for w in fold(_SUFFIX.sub("", name)).replace(".", ". ").split() if not _INITIAL.match(w)]
    return " ".join(re.sub(r"[^\w'-]", "", w).casefold() for w in words if w.strip(".,"))


def variants(name: str) -> set[str]:
    # A generational suffix is kept: without it the son's name is the father's ("Ferdinand Marcos Jr."
    # is not the Ferdinand Marcos of 1987 news, "Robert F. Kennedy Jr." not the 1960s Attorney General).
    out: set[str] = set()
    words = name.split()
    if len(words) >= 3:
        kept = [w for i, w in enumerate(words) if not (_INITIAL.match(w) and i < len(words) - 1)]
        if len(kept) >= 2 and kept != words:
            out.add(" ".join(kept))
    for form in list(out) + [name]:
        folded = fold(form)
        if folded != form:
            out.add(folded)
    out.discard(name)
    return out
