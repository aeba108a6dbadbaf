"""Event extraction on sentences we wrote: each phrasing, and who it names as host and guest.

Greetings, receptions and meals never produce a finding (FC103 compares only invitations and hosted
visits), so their extraction is pinned here rather than by a fixture's findings.
"""

from __future__ import annotations

import pytest

from conftest import _engine, scan_text
from factcheck.facts import PersonMention


def _who(m: PersonMention | None) -> str | None:
    if m is None:
        return None
    kb = _engine().extractor.kb
    if len(m.candidates) == 1:
        return kb.people[m.candidates[0]].name
    return m.name or None


def _events(text: str, date: str = "2023-06-22") -> set[tuple[str, str | None, str | None, bool]]:
    facts = scan_text(text, date).facts
    return {(e.kind, _who(e.agent), _who(e.patient), e.exclusive) for e in facts.events}


@pytest.mark.parametrize("text,expected", [
    # Receptions, with a short form of a name given in full earlier (someone the knowledge base lacks).
    ("Crown Prince Sheikh Omar Salim al-Rashidi met Narendra Modi on Sunday.\n\nSheikh Omar received Modi at the palace.",
     {("reception", "Omar Salim al-Rashidi", "Narendra Modi", False)}),
    ("President Joe Biden on Monday received in audience the Indian Prime Minister, Mr Narendra Modi, at the White House.",
     {("reception", "Joe Biden", "Narendra Modi", False)}),
    # An airport welcome names a greeter; the guest is the sentence's subject, not the pronoun.
    ("Narendra Modi arrived in Japan on Friday, where he was welcomed at the airport by his Japanese counterpart "
     "Fumio Kishida.", {("welcome", "Fumio Kishida", "Narendra Modi", False)}),
    # A headline's surnames, named in full only below it.
    ("Biden hosts Modi at the White House\n\nPresident Joe Biden met Prime Minister Narendra Modi on Thursday.",
     {("visit", "Joe Biden", "Narendra Modi", True)}),
    # Meals: the noun between verb and guest, or before "hosted by".
    ("Joe Biden is hosting a lavish state dinner for Narendra Modi tonight.", {("meal", "Joe Biden", "Narendra Modi", False)}),
    ("Narendra Modi was the guest of honour at the state dinner hosted by Joe Biden.",
     {("meal", "Joe Biden", "Narendra Modi", False)}),
    # Role nouns: the one person the text named with that title.
    ("U.S. President Joe Biden met Indian Prime Minister Narendra Modi on Thursday. The president played host to the "
     "Indian prime minister at the White House.", {("visit", "Joe Biden", "Narendra Modi", True)}),
    # "paying a visit to" with an apposition before the host's name.
    ("Narendra Modi began his tour on Tuesday by paying a visit to Japan's prime minister, Fumio Kishida, in Tokyo.",
     {("visit", "Fumio Kishida", "Narendra Modi", True)}),
    # Two hosts of one dinner, with asides; "Biden" of a longer name is not Joe Biden.
    ("Joe Biden (left) and Narendra Modi (right) host a dinner with Fumio Kishida.",
     {("meal", "Joe Biden", "Fumio Kishida", False), ("meal", "Narendra Modi", "Fumio Kishida", False)}),
    ("Joe Biden met Modi. Later Jill Biden hosts Narendra Modi.", set()),
    # A handle that spells a name the text gives.
    ("Indian Prime Minister Narendra Modi flew in on Monday. President Joe Biden receives Prime Minister "
     "@NarendraModi at the White House.", {("reception", "Joe Biden", "Narendra Modi", False)}),
    # The inviter as a possessive, and in the passive with the destination before "by".
    ("Narendra Modi is visiting India at Joe Biden's invitation.", {("invitation", "Joe Biden", "Narendra Modi", True)}),
    ("Joe Biden's invitation to Narendra Modi was a surprise.", {("invitation", "Joe Biden", "Narendra Modi", True)}),
    ("Narendra Modi was invited to India by Joe Biden.", {("invitation", "Joe Biden", "Narendra Modi", True)}),
    ("Narendra Modi was invited to the summit by Joe Biden.", set()),
    # A coordinated clause has its own subject: "his ministers" is not Narendra Modi.
    ("Narendra Modi met Fumio Kishida, and at Joe Biden's invitation his ministers will travel.", set()),
    # Abstentions: a thing hosted, a possessive, a pronoun, a role noun two people fit.
    ("Narendra Modi will speak at the summit, which will be hosted by Joe Biden.", set()),
    ("Joe Biden received Narendra Modi's letter on Monday.", set()),
    ("Joe Biden received him on Monday.", set()),
    ("President Joe Biden and President Emmanuel Macron met. The president hosted Narendra Modi.", set()),
])
def test_event_phrasings(text, expected):
    assert _events(text) == expected


def test_a_headline_phrase_with_a_country_is_not_a_person():
    text = "King Charles France visit\n\nKing Charles III arrived. President Emmanuel Macron is hosting a banquet for the King."
    assert _events(text) == {("meal", "Emmanuel Macron", "Charles III", False)}
