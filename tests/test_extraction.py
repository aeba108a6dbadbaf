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
    ("Agriculture Secretary Carlos Dominguez spoke.", ("Carlos Dominguez", ("carlos-dominguez-iii",), None, ())),
    ("Philippine Agriculture Secretary Carlos Dominguez spoke.", ("Carlos Dominguez", ("carlos-dominguez-iii",), "PH", ())),
])
def test_role_claims(text, expected):
    roles = scan_text(text).facts.roles
    assert len(roles) == 1
    r = roles[0]
    assert (r.person.text, r.person.candidates, r.jurisdiction, r.modifiers) == expected


@pytest.mark.parametrize("text", [
    "Deputy Defense Secretary Kathleen Hicks spoke.",
    "Chrysler Corp President Lee Iacocca spoke.",
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


@pytest.mark.parametrize("text,date_,value", [
    ("The vote was held yesterday.", "2025-07-02", "2025-07-01"),
    ("The vote will be held tomorrow.", "2025-07-02", "2025-07-03"),
    ("Prices rose last month.", "2025-07-02", "2025-06"),
    ("Sales fell last year.", "2025-07-02", "2024"),
    ("The plant opens next year.", "2025-07-02", "2026"),
    ("Talks resumed last week.", "2025-07-02", "2025-W26"),
    ("The minister resigned on Monday.", "2025-07-02", "2025-06-30"),
    ("The minister will resign on Friday.", "2025-07-02", "2025-07-04"),
    ("Profit rose in the third quarter.", "2025-11-02", "2025-Q3"),
    ("Output peaked in the 1970s.", "2025-07-02", "197"),
    ("The deal closes this summer.", "2025-03-02", "2025-SU"),
    ("It was signed three days ago.", "2025-07-02", "2025-06-29"),
    ("The treaty was signed earlier this year.", "2025-07-02", "2025"),
    ("Markets are calm now.", "2025-07-02", "PRESENT_REF"),
])
def test_relative_times(text, date_, value):
    times = scan_text(text, date_).facts.times
    assert [t.value.iso() for t in times] == [value]


def test_two_days_later_is_anchored_to_the_previous_event():
    times = scan_text("The talks opened on March 3, 2025. Two days later the envoys left.").facts.times
    assert [t.value.iso() for t in times] == ["2025-03-03", "2025-03-05"]


@pytest.mark.parametrize("text", ["The review takes three years.", "The board meets every Monday.", "He served for two decades."])
def test_durations_and_sets_are_not_dates(text):
    facts = scan_text(text, "2025-07-02").facts
    assert facts.times == () and facts.non_dates


@pytest.mark.parametrize("text,expected", [
    ("NEW DELHI, July 1, 2025 (Reuters) - The minister said talks would go on.", "2025-07-01"),
    ("WASHINGTON, March 3, 1987 - Officials met to plan.", "1987-03-03"),
])
def test_a_dateline_with_its_year_gives_the_document_date(text, expected):
    dd = scan_text(text).facts.document_date
    assert dd.iso() == expected and dd.source == "dateline"


@pytest.mark.parametrize("text,expected", [
    # The year of a nearby date is not the story's: year-ago comparisons and schedules look alike.
    ("NEW DELHI, July 1 (Reuters) - The minister said on June 30, 2025 that talks would go on.", "2025-06-30/.."),
    ("NEW YORK, Feb 26 - Registrations rose from 1.2 mln on February 26, 1986.", "1986-02-26/.."),
    ("WASHINGTON, March 3 - Officials met to plan.", None),
])
def test_a_dateline_without_a_year_gives_no_date(text, expected):
    dd = scan_text(text).facts.document_date
    assert dd.iso() == expected and dd.source != "dateline"


@pytest.mark.parametrize("text", [
    "But Defense Secretary Lloyd Austin said no.",
    "Meanwhile Defense Secretary Lloyd Austin said no.",
    "Yesterday, Defense Secretary Lloyd Austin said no.",
])
def test_sentence_openers_do_not_block_titles(text):
    assert [r.person.text for r in scan_text(text).facts.roles] == ["Lloyd Austin"]
