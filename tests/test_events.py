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


def _read(text: str, date: str = "2023-06-22") -> set[tuple[str, str | None, str, str | None, str, bool]]:
    """Each event with how its host and guest were found (`via`) and whether it is quoted."""
    facts = scan_text(text, date).facts
    return {(e.kind, _who(e.agent), e.agent.via if e.agent else "", _who(e.patient), e.patient.via if e.patient else "",
             e.quoted) for e in facts.events}


@pytest.mark.parametrize("text,expected", [
    # '"...," X said', '"...," said X', 'X said: "..."': "I" in the quotation is the speaker.
    ('Joe Biden met Narendra Modi on Thursday. "I am proud to host Narendra Modi here," Biden said.',
     {("visit", "Joe Biden", "speaker", "Narendra Modi", "full-name", True)}),
    ('"I look forward to welcoming Narendra Modi," said Joe Biden.',
     {("welcome", "Joe Biden", "speaker", "Narendra Modi", "full-name", True)}),
    ('Joe Biden said: "I look forward to welcoming Narendra Modi."',
     {("welcome", "Joe Biden", "speaker", "Narendra Modi", "full-name", True)}),
    # "he posted": the person a speech verb of the sentence before names.
    ('President Joe Biden announced the date on Monday. \u201cI look forward to welcoming Narendra Modi to the White '
     'House,\u201d he wrote.', {("welcome", "Joe Biden", "speaker", "Narendra Modi", "full-name", True)}),
    # No speaker, or one the text does not name: "I" stays unresolved.
    ('"I look forward to welcoming Narendra Modi," a spokesman said.', set()),
    ('"I look forward to welcoming Narendra Modi," a spokesman for Joe Biden said.', set()),
    ('"I look forward to welcoming Narendra Modi," said Joe Biden\'s spokesman.', set()),
    # "he" after a sentence where someone else starts a clause of their own: he may be either.
    ('Joe Biden said the talks went well, and Fumio Kishida agreed. "I look forward to welcoming Narendra Modi," '
     'he said.', set()),
    ('Joe Biden met Narendra Modi on Thursday. "I look forward to welcoming Narendra Modi," he said.', set()),
    ('Joe Biden announced the date on Monday. Fumio Kishida flew home. Narendra Modi packed his bags. '
     '"I look forward to welcoming Narendra Modi," he said.', set()),
    # "you": the one guest of the speaker's event just before, or the one the quotation opens by addressing.
    ('Joe Biden received Narendra Modi at the White House. "I am honoured to be the first to host you here," Biden said.',
     {("reception", "Joe Biden", "full-name", "Narendra Modi", "full-name", False),
      ("visit", "Joe Biden", "speaker", "Narendra Modi", "addressee", True)}),
    ('"Prime Minister Narendra Modi, I am delighted to host you," Joe Biden said.',
     {("visit", "Joe Biden", "speaker", "Narendra Modi", "addressee", True)}),
    # A name that opens a quotation as its subject is not the one addressed.
    ('Joe Biden received Fumio Kishida. "Narendra Modi, who arrived today, will come too. I am glad to host you," '
     'Biden said.', {("reception", "Joe Biden", "full-name", "Fumio Kishida", "full-name", False),
                     ("visit", "Joe Biden", "speaker", "Fumio Kishida", "addressee", True)}),
    # Abstain: two guests of the speaker just before, or a plural "you".
    ('Joe Biden received Narendra Modi. Joe Biden received Fumio Kishida. "I am glad to host you," Biden said.',
     {("reception", "Joe Biden", "full-name", "Narendra Modi", "full-name", False),
      ("reception", "Joe Biden", "full-name", "Fumio Kishida", "full-name", False)}),
    ('Joe Biden received Narendra Modi. "I am glad to host you all," Biden said.',
     {("reception", "Joe Biden", "full-name", "Narendra Modi", "full-name", False)}),
])
def test_quotations_speak_for_their_speaker(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize("text,expected", [
    # A visit noun's host: the one guest's greeter who leads the destination (as the text titles them) ...
    ("US President Joe Biden welcomed Indian Prime Minister Narendra Modi to the White House on Thursday, as part "
     "of a state visit to Washington.",
     {("welcome", "Joe Biden", "full-name", "Narendra Modi", "full-name", False),
      ("visit", "Joe Biden", "context", "Narendra Modi", "full-name", False)}),
    # ... or the host of an earlier hosted visit of the same guest.
    ("Narendra Modi was hosted by Joe Biden in the United States. Modi's visit ended on Friday.",
     {("visit", "Joe Biden", "full-name", "Narendra Modi", "full-name", False),
      ("visit", "Joe Biden", "context", "Narendra Modi", "surname", False)}),
    ("The first official visit by Narendra Modi to the United States began after US President Joe Biden "
     "received Narendra Modi at the White House.",
     {("reception", "Joe Biden", "full-name", "Narendra Modi", "full-name", False)}),
    # Abstain: an earlier host of somewhere else, a greeter who leads nothing, two leaders, a verb, no guest.
    ("Narendra Modi was hosted by Fumio Kishida on Monday. Modi's visit to the United States begins on Thursday.",
     {("visit", "Fumio Kishida", "full-name", "Narendra Modi", "full-name", False)}),
    ("Secretary of State Antony Blinken welcomed Narendra Modi to Washington. Modi's visit to the United States "
     "ended on Friday.", {("welcome", "Antony Blinken", "full-name", "Narendra Modi", "full-name", False)}),
    ("US President Joe Biden received Narendra Modi at the White House. French President Emmanuel Macron received "
     "Narendra Modi at the Elysee. Modi's visit ended on Friday.",
     {("reception", "Joe Biden", "full-name", "Narendra Modi", "full-name", False),
      ("reception", "Emmanuel Macron", "full-name", "Narendra Modi", "full-name", False)}),
    ("US President Joe Biden welcomed Narendra Modi to the White House. Narendra Modi will visit Washington again.",
     {("welcome", "Joe Biden", "full-name", "Narendra Modi", "full-name", False)}),
    ("US President Joe Biden welcomed Narendra Modi to the White House. The last visit was in 2019.",
     {("welcome", "Joe Biden", "full-name", "Narendra Modi", "full-name", False)}),
])
def test_a_visit_noun_takes_its_host_from_the_document(text, expected):
    assert _read(text) == expected
