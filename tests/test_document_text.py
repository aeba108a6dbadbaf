"""A document keeps its prose and what was blanked, not a second copy of its text (issue 16: memory
per byte of text). The text and any part of it must come back exactly as given, whatever the masks
blanked, in whatever order, overlapping or not."""

from __future__ import annotations

import os
import pickle

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from factcheck.document import InputError, from_text, names_factcheck

EXAMPLES = int(os.environ.get("FACTCHECK_FUZZ_EXAMPLES", "60"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, derandomize="FACTCHECK_FUZZ_EXAMPLES" not in os.environ,
                    suppress_health_check=[HealthCheck.too_slow])

# Pieces every mask reacts to: Markdown markers, code, comments, links, web addresses, directives,
# byte-order marks inside the text, front matter, and characters stored in 1, 2 and 4 bytes.
PIECES = ["**", "__", "*", "_", "# ", "> ", "- ", "1. ", "`code`", "```\nfenced\n```\n", "~~~", "<!-- note -->",
          "<!--", "-->", "<b>", "</b>", "<script>x</script>", "[link](http://x.org/a)", "[", "]", "](", ")",
          "http://example.com/path", "www.example.org", "factcheck", "FactCheck", "[factcheck: ignore]",
          "<!-- factcheck: disable -->", "\ufeff", "\n", "\n\n", " ", "word", "Prime Minister Smith",
          "\u2019s", "\u201cquoted\u201d", "\U0001f1fa\U0001f1f8", "caf\u00e9", "---\n"]
texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


def _given(text: str) -> str:
    """The text as a document sees it: line ends made plain, a leading byte-order mark dropped."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _check(text: str, markdown: bool) -> None:
    try:
        doc = from_text("<t>", text, markdown=markdown)
    except InputError:
        return  # malformed front matter
    want = _given(text)
    assert doc.text == want
    assert len(doc.prose) == len(want)
    assert [n for n, c in enumerate(doc.prose) if c == "\n"] == [n for n, c in enumerate(want) if c == "\n"]
    for start in range(0, len(want) + 1, 3):
        for end in (start, start + 1, start + 7, start + 40, len(want) + 5):
            assert doc.text_at(start, end) == want[start:end]
    assert doc.text_at(9, 2) == want[9:2]
    assert doc.names_factcheck() == names_factcheck(want)
    assert pickle.loads(pickle.dumps(doc)).text == want  # workers send documents back with their results


@SETTINGS
@given(texts, st.booleans())
@example("[**x**](www.a.org/<!-- b -->)", True)  # masks that blank over earlier masks' runs
@example("<!-- `a` **b** -->", True)
@example("---\ndate: 2025-07-01\n---\nfact**check** \ufeff http://a.org/factcheck", True)
@example("www.x.org/fact\ufeffcheck", False)
def test_text_and_its_parts_come_back_as_given(text: str, markdown: bool) -> None:
    _check(text, markdown)


def test_prose_is_the_only_copy_of_a_plain_text() -> None:
    # A text with nothing to blank: no runs, and the prose is the text given, not a copy.
    text = "Prime Minister Smith spoke on Monday.\n" * 100
    doc = from_text("<t>", text)
    assert doc.prose is text and len(doc.blanked) == 0 and doc.text == text


def test_blanked_runs_hold_what_the_text_had() -> None:
    text = "See http://example.com/a and \u201cwww.example.org\u201d.\n"
    doc = from_text("<t>", text)
    # A web address runs to the next space: the closing quote and the period go with it.
    assert doc.prose == "See " + " " * 20 + " and \u201c" + " " * 17 + "\n"
    assert [doc.text_at(s, e) for s, e in doc.blanked.spans()] == ["http://example.com/a", "www.example.org\u201d."]


def test_pictures_are_one_symbol_each_in_a_two_byte_prose(engine) -> None:
    # A flag or an emoji (outside the Basic Multilingual Plane) made every character of the prose cost
    # 4 bytes. It stands in the prose as U+FFFC, a symbol as it was: the same claims as with any other
    # symbol there, and the text as written in every report.
    import sys

    from factcheck.document import PICTURE

    text = "\U0001f1fa\U0001f1f8 U.S. Secretary of Defense Lloyd Austin \U0001f600 spoke on 1 July 2025.\n"
    doc = from_text("<t>", text)
    assert doc.prose.count(PICTURE) == 3 and max(doc.prose) <= "\uffff" and doc.text == text
    assert sys.getsizeof(doc.prose) < 2 * len(text) + 100
    as_symbols = from_text("<t>", text.replace("\U0001f1fa\U0001f1f8", "##").replace("\U0001f600", "#"))
    claims = [(c.span, c.title, c.offices, c.person.candidates) for c in engine.run(doc).facts.roles]
    assert claims and claims == [(c.span, c.title, c.offices, c.person.candidates)
                                 for c in engine.run(as_symbols).facts.roles]
    # Letters and digits outside the plane stay (a styled name is a word), as do symbols that fold to letters.
    kept = "\U0001d400\U0001d401 \U0001f130"
    assert from_text("<t>", kept).prose == kept


def test_names_factcheck_is_a_search_that_ignores_case() -> None:
    # The word is looked for in the lower case of 64 KB at a time: the answer must be the one a search
    # that ignores case gives, for every spelling (the Kelvin sign is a "k" to both) and wherever the
    # word falls against a stretch's end.
    import random
    import re

    rng = random.Random(16)
    spellings = ["factcheck", "FactCheck", "FACTCHECK", "factchec\u212a", "fact check", "factchek", "f\u0430ctcheck"]
    for _ in range(300):
        word = rng.choice(spellings)
        at = rng.choice([0, 1, 65_530, 65_532, 65_536, 65_540, 131_070, rng.randrange(0, 140_000)])
        text = "x" * at + word + rng.choice(["", "y", "\u00e9" * 3])
        assert names_factcheck(text) == (re.search("factcheck", text, re.I) is not None), (at, word)
    assert not names_factcheck("")
