"""Table-driven tests of the extraction stages on sentences we wrote."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import scan_text
from factcheck.extract.sentences import split_sentences


@pytest.mark.parametrize("text,count", [
    ("U.S. Secretary of Defense Pete Hegseth called. He thanked Singh.", 2),
    ("Gen. Anil Chauhan spoke at 3.5 p.m. on Monday. Then he left.", 2),
    ("Lloyd J. Austin met S. Jaishankar. They talked.", 2),
    ("Growth was 2.5 per cent. Prices rose.", 2),
    ("He flew to the U.S. The talks began.", 2),
    ("A headline\n\nThe body starts here. It goes on.", 3),
    ('"We will act," he said. She agreed.', 2),
])
def test_sentence_split(text, count):
    assert len(split_sentences(text)) == count


@pytest.mark.parametrize("text,date_,value,weekday", [
    ("It happened on Tuesday, July 1, 2025.", None, "2025-07-01", "Tuesday"),
    ("They meet from August 23 to 26, 2025.", None, "2025-08-23/2025-08-26", None),
    ("It opened on 23 August 2025.", None, "2025-08-23", None),
    ("It opened on Jul. 4, 2024.", None, "2024-07-04", None),
    ("It began on 2025-03-09.", None, "2025-03-09", None),
    ("The pact was signed in March 2024.", None, "2024-03", None),
    ("The pact was signed in 2019.", None, "2019", None),
    ("The summit was held on June 3.", "2026-01-10", "2025-06-03", None),
    ("The summit will be held on June 3.", "2026-01-10", "2026-06-03", None),
    ("They will meet from May to July 2024.", None, "2024-05-01/2024-07-31", None),
])
def test_time_values(text, date_, value, weekday):
    result = scan_text(text, date_)
    times = result.facts.times
    assert len(times) == 1, [t.text for t in times]
    assert times[0].value.iso() == value and times[0].weekday == weekday


@pytest.mark.parametrize("text", [
    "He has 2025 supporters.",
    "Theresa May spoke.",
    "Prices rose 1987 percent.",
])
def test_not_times(text):
    assert scan_text(text).facts.times == ()


def test_document_date_is_inferred_from_tense():
    text = ("The attack happened on April 22, 2025. The minister called on July 1, 2025. "
            "He will visit from August 23 to 26, 2025.")
    dd = scan_text(text).facts.document_date
    assert dd.source == "inferred"
    assert (dd.value.start, dd.value.end) == (date(2025, 7, 1), date(2025, 8, 23))


def test_document_date_unknown_without_tense_anchors():
    assert scan_text("Defense Secretary Lloyd Austin spoke.").facts.document_date.source == "unknown"


@pytest.mark.parametrize("text,expected", [
    ("U.S. Secretary of Defense Pete Hegseth called.", ("Pete Hegseth", ("pete-hegseth",), "US", ())),
    ("Former Defense Secretary Lloyd Austin spoke.", ("Lloyd Austin", ("lloyd-austin",), "US", ("former",))),
    ("Then-Defense Secretary Lloyd Austin spoke.", ("Lloyd Austin", ("lloyd-austin",), "US", ("then",))),
    ("Defense Minister Rajnath Singh spoke.", ("Rajnath Singh", ("rajnath-singh",), "IN", ())),
    ("Jake Sullivan, the national security adviser, spoke.", ("Jake Sullivan", ("jake-sullivan",), "US", ())),
    ("Agriculture Secretary Carlos Dominguez spoke.", ("Carlos Dominguez", (), None, ())),
    ("Philippine Agriculture Secretary Carlos Dominguez spoke.", ("Carlos Dominguez", (), "PH", ())),
])
def test_role_claims(text, expected):
    roles = scan_text(text).facts.roles
    assert len(roles) == 1
    r = roles[0]
    assert (r.person.text, r.person.candidates, r.jurisdiction, r.modifiers) == expected


@pytest.mark.parametrize("text", [
    "Deputy Defense Secretary Kathleen Hicks spoke.",
    "World Bank President Barber Conable spoke.",
    "The bank's vice president Marc Stepp spoke.",
    "Defense Secretary's aide John Smith spoke.",
])
def test_not_role_claims(text):
    assert scan_text(text).facts.roles == ()


def test_surname_resolves_through_earlier_mention():
    facts = scan_text("Lloyd Austin arrived. Later Secretary Austin spoke with Austin's aides.").facts
    assert [m.via for m in facts.mentions] == ["full-name", "surname", "surname"]
    assert {m.candidates for m in facts.mentions} == {("lloyd-austin",)}


def test_quoted_claims_are_marked():
    facts = scan_text('"Defense Secretary Lloyd Austin is a friend," he said. Defense Secretary Pete Hegseth agreed.').facts
    assert [r.quoted for r in facts.roles] == [True, False]
