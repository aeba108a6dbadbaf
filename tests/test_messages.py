"""What a finding says: the facts an editor checks it against, in the words the text used."""

from __future__ import annotations

from conftest import scan_text


def _messages(text: str, date: str | None) -> list[str]:
    return [f.message for f in scan_text(text, date).findings]


def test_a_person_is_named_as_the_text_names_them():
    # The knowledge base knows her under the name she first held office under (Suella Fernandes).
    (message,) = _messages("Home Secretary Suella Braverman opened the debate.", "2025-03-04")
    assert message.startswith("Suella Braverman was not United Kingdom Home Secretary")
    assert "2022-10-25 to 2023-11-13" in message and "Yvette Cooper" in message


def test_former_for_a_holder_in_office_says_so():
    (message,) = _messages("Former Defense Secretary Pete Hegseth spoke in Texas.", "2025-07-01")
    assert message.startswith("'former' but Pete Hegseth holds United States Secretary of Defense")


def test_an_inferred_date_range_names_every_holder_of_it():
    text = ("The accord was signed on March 3, 2025. A review will take place on June 10, 2025, "
            "chaired by U.S. National Security Advisor Jake Sullivan.")
    (message,) = _messages(text, None)
    assert "Jake Sullivan was not United States National Security Advisor" in message
    assert "Mike Waltz" in message and "Marco Rubio" in message
