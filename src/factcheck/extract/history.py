"""History cues: whether a title-name claim sits in a clause about the past.

"President Nixon's economic advisers", "under Prime Minister Thatcher", "the legacy of President
Carter", "the President Reagan administration": news that names a past holder this way means the
holder of that time. AP style would write "former" or "then-", but the statement is not false, so
the tenure check reads these cues (with the person's own terms) as a style note, not an error.
"""

from __future__ import annotations

from factcheck.facts import RoleClaim
from factcheck.lazyre import lazy
from factcheck.lexicon import HistoryWords

_WORDS_BEFORE = lazy(r"([A-Za-z]+)(?:\s+(of))?(?:\s+(?:the|then|late))?\s*$")
_THE_BEFORE = lazy(r"\b[Tt]he\s*$")
_POSSESSIVE = lazy(r"['\u2019]s?\b")
_WORD_AFTER = lazy(r"\s+([A-Za-z]+)")


def history_cue(prose: str, claim: RoleClaim, words: HistoryWords) -> str:
    """The cue that puts the claim in the past ("possessive", "under", "legacy of", "administration"),
    or "" when there is none. Only the title-before-name form is read: an appositive ("X, the
    minister,") describes the person as the sentence stands."""
    if claim.form != "title-name":
        return ""
    before = prose[max(0, claim.span.start - 40) : claim.span.start]
    after = prose[claim.span.end : claim.span.end + 40]
    if after.startswith(("'", "\u2019")) and _POSSESSIVE.match(after):  # the test first: most texts never compile it
        return "possessive"
    m = _WORDS_BEFORE.search(before)
    if m:
        word, link = m.group(1).lower(), m.group(2)
        if link is None and word in words.before:
            return word
        if link == "of" and word in words.of:
            return f"{word} of"
    if _THE_BEFORE.search(before):
        follow = _WORD_AFTER.match(after)
        if follow and follow.group(1).lower() in words.after:
            return follow.group(1).lower()
    return ""
