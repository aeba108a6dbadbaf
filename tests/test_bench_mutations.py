"""The benchmark's own text patterns and mutations: they must find their places without the extractor."""

from __future__ import annotations

import random
import sys
from datetime import date

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))

import textpatterns
from factcheck.kb import open_kb
from mutations import Generator, NameVariants

KB = open_kb()
VARIANTS = NameVariants.of({"bill": "william", "dick": "richard", "rick": "richard"})
GEN = Generator.build(KB, VARIANTS)


def _found(text: str) -> list[tuple[str, str, str, str | None, str | None]]:
    return [(f.form, f.title, f.name, f.modifier, f.cue)
            for f in textpatterns.find_title_names(text, GEN.patterns, GEN.cues)]


def test_title_names_in_both_forms_with_modifiers_and_cues():
    text = ("U.S. Secretary of State Marco Rubio met former Prime Minister Rishi Sunak. Meanwhile Olaf Scholz, "
            "the German chancellor, spoke. Deputy Prime Minister David Lammy and shadow Chancellor Mel Stride listened.")
    assert _found(text) == [
        ("title-name", "Secretary of State", "Marco Rubio", None, "U.S."),
        ("title-name", "Prime Minister", "Rishi Sunak", "former", None),
        ("appositive", "chancellor", "Olaf Scholz", None, "German"),
        ("title-name", "Deputy Prime Minister", "David Lammy", None, None),  # a title of its own
        ("title-name", "Chancellor", "Mel Stride", "shadow", None),
    ]


def test_headlines_in_capitals_and_quotes():
    found = textpatterns.find_title_names('PRESIDENT AGREES NEW TALKS\n"President Joe Biden is a friend," he said.',
                                          GEN.patterns, GEN.cues)
    assert [(f.name, f.quoted) for f in found] == [("Joe Biden", True)]


def test_dates_and_ranges():
    text = "Talks on Monday, March 2, 1987 and 3 June 2025; the fair runs May 23-26 and 4 to 6 July."
    dates = list(textpatterns.find_full_dates(text))
    assert [(d.day, d.weekday) for d in dates] == [(date(1987, 3, 2), "Monday"), (date(2025, 6, 3), None)]
    assert [(r.first, r.second) for r in textpatterns.find_day_ranges(text)] == [(23, 26), (4, 6)]


def test_name_variants_name_one_person():
    clinton, nixon = VARIANTS.variants("Bill Clinton"), VARIANTS.variants("Richard Nixon")
    assert (clinton["variant-formal"], clinton["variant-initial"]) == ("William Clinton", "B. Clinton")
    assert (nixon["variant-nickname"], nixon["variant-initial"]) == ("Dick Nixon", "R. Nixon")
    assert "variant-formal" not in VARIANTS.variants("George Bush")  # no formal name for a formal name
    assert VARIANTS.variants("José Sánchez")["variant-no-accents"] == "Jose Sanchez"
    # A middle initial between first name and surname: the one the knowledge base writes, else a drawn letter.
    assert VARIANTS.variants("John Adams", "John Q. Adams")["variant-middle-initial"] == "John Q. Adams"
    drawn = VARIANTS.variants("James Baker")["variant-middle-initial"].split()
    assert drawn[0] == "James" and drawn[2] == "Baker" and len(drawn[1]) == 2 and drawn[1].endswith(".")
    assert VARIANTS.variants("Lord Carrington") == {} and VARIANTS.variants("Moon Jae-in") == {}


def test_swaps_put_a_predecessor_in_the_holders_place():
    # Only where the name is the office's holder at the date; the name put in is an earlier holder of that office.
    text = "Secretary of State George Shultz met Chrysler president Lee Iacocca and Treasury Secretary\nJames Baker."
    swaps = [m for seed in range(6) for m in GEN.mutations("t", text, date(1987, 3, 2), random.Random(seed))
             if m.kind == "holder-swap"]
    assert swaps and {text[m.start:m.end] for m in swaps} <= {"George Shultz", "James Baker"}
    for m in swaps:
        office = "us.secretary-of-state" if text[m.start:m.end] == "George Shultz" else "us.secretary-of-the-treasury"
        (pid,) = KB.people_named(m.replacement)
        terms = KB.terms_of(pid, office)
        assert terms and all(t.end is not None and t.end.last < date(1986, 3, 2) for t in terms), m.replacement


def test_swaps_reach_phrases_whatever_the_extractor_makes_of_them():
    # A lower-case title and an appositive: a swap is made in each, whether or not factcheck reads them.
    for text in ("London said prime minister Keir Starmer would travel.",
                 "Keir Starmer, Britain's prime minister, would travel."):
        muts = [m for m in GEN.mutations("t", text, date(2025, 9, 1), random.Random(1)) if m.kind == "holder-swap"]
        assert len(muts) == 1 and text[muts[0].start:muts[0].end] == "Keir Starmer"
        swapped = muts[0].replacement
        person = KB.people[KB.people_named(swapped)[0]]
        terms = [t for o in KB.offices_titled("Prime Minister") for t in KB.terms_of(person.id, o)]
        assert terms and all(t.end is not None and t.end.last < date(2024, 9, 1) for t in terms), swapped


def test_weekday_range_tense_and_attribution_mutations():
    text = ("President Joe Biden met Prime Minister Rishi Sunak and Chancellor Olaf Scholz. The talks were held "
            "on March 2, 2023, and a summit runs May 23-26.")
    muts = {m.kind: m for m in GEN.mutations("t", text, date(2023, 5, 1), random.Random(3))}
    assert muts["weekday"].apply(text).count(", March 2, 2023") == 1 and muts["weekday"].replacement.endswith(", ")
    assert "May 26-23" in muts["range"].apply(text)
    assert "will be held on March 2" in muts["tense"].apply(text)
    appended = muts["attribution"].apply(text)[len(text):]
    assert sum(name in appended for name in ("Joe Biden", "Rishi Sunak", "Olaf Scholz")) == 3
