"""Names as people write them: the variants of a source's name that still name the same person.

A variant is added only where it drops what writers often drop and keeps what tells people apart:
accents ("Antonio Guterres"), a middle or leading initial ("Mark Esper", "Michael Blumenthal"); never a
generational suffix, which tells a son from his father. A variant shared by two people makes the name ambiguous
and the checker abstains unless the title's office tells them apart.
"""

from __future__ import annotations

import re
import unicodedata

from factcheck.lazyre import lazy

# Compiled when first used: extraction imports this module for the few names written with initials.
_SUFFIX = lazy(r",?\s+(Jr\.?|Sr\.?|II|III|IV)$")
_INITIAL = lazy(r"^[A-Z]\.?$")


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


def _written_parts(name: str) -> tuple[list[str], str]:
    """The words of a name (initials as one letter and a dot, "H.W." as two) and its generational suffix."""
    folded = fold(name.strip())
    m = _SUFFIX.search(folded)
    suffix = m.group(1).rstrip(".").casefold() if m else ""
    words = (folded[: m.start()] if m else folded).replace(".", ". ").split()
    return [w if _INITIAL.match(w) is None else w[0] + "." for w in words], suffix


def _agree(written: str, known: str) -> bool:
    """One word of a given name against another: an initial agrees with any word of its letter."""
    if written.endswith(".") or known.endswith("."):
        return written[0].casefold() == known[0].casefold()
    return written.casefold() == known.casefold()


def initials_agree(written: str, known: str) -> bool:
    """Whether a name written with initials may be the known name ("James A. Baker III", "J. Baker",
    "George P. Shultz" for "James Baker", "George Shultz"): the same surname, the first given name or its
    initial, and middle names that agree in order with those known. Middle initials may be added only to a
    name known without middle names: "George W. Bush" never agrees with "George H. W. Bush". A name the
    knowledge base knows with a generational suffix agrees only when written with the same suffix (a
    son is not his father). Only a hint: the caller also needs the title's office to single the person out.
    """
    w, w_suffix = _written_parts(written)
    k, k_suffix = _written_parts(known)
    if len(w) < 2 or len(k) < 2 or w[-1].endswith(".") or k[-1].endswith("."):
        return False
    if (k_suffix and k_suffix != w_suffix) or w[-1].casefold() != k[-1].casefold():
        return False
    given, known_given = w[:-1], k[:-1]
    if not any(g.endswith(".") for g in given) and not w_suffix:
        return False  # no initial and no suffix: a plain name, which only the name itself matches
    return _given_agree(given, known_given)


def middles_contradict(written: str, known: str) -> bool:
    """Whether two names both give middle names and these disagree ("George H. Bush", "George W. Bush"):
    a person known under one of them is not the person written with the other."""
    w, k = _written_parts(written)[0], _written_parts(known)[0]
    if len(w) < 3 or len(k) < 3 or w[-1].casefold() != k[-1].casefold():
        return False  # a name of another form ("Lord Howe of Aberavon") says nothing of the middle names
    given, known_given = _without_leading_initial(w[:-1], k[:-1])
    return len(given) > 1 and len(known_given) > 1 and not _given_agree(given, known_given)


def _without_leading_initial(given: list[str], known_given: list[str]) -> tuple[list[str], list[str]]:
    """A leading initial before the name used ("W. Michael Blumenthal" for "Michael Blumenthal"), either side."""
    if len(given) > 1 and given[0].endswith(".") and not given[1].endswith(".") and \
            not known_given[0].endswith(".") and given[1].casefold() == known_given[0].casefold():
        given = given[1:]
    if len(known_given) > 1 and known_given[0].endswith(".") and not known_given[1].endswith(".") and \
            not given[0].endswith(".") and given[0].casefold() == known_given[1].casefold():
        known_given = known_given[1:]
    return given, known_given


def _given_agree(given: list[str], known_given: list[str]) -> bool:
    given, known_given = _without_leading_initial(given, known_given)
    if not _agree(given[0], known_given[0]):
        return False
    middle, known_middle = given[1:], known_given[1:]
    if not known_middle:
        return all(m.endswith(".") for m in middle)
    return len(middle) <= len(known_middle) and all(_agree(a, b) for a, b in zip(middle, known_middle))
