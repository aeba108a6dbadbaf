"""Tenure judgements on a small knowledge base built here (not the shipped data): modifiers,
the confirmed horizon, handover days, history cues, one finding per mistake, and the list of
mentions with the reason each was not checked."""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.checks import tenure
from factcheck.dates import Interval, parse_day
from factcheck.document import from_text
from factcheck.engine import Engine
from factcheck.extract.pipeline import Extractor
from factcheck.kb.model import Jurisdiction, KnowledgeBase, Office, Person, Term, Title
from factcheck.lexicon import load_lexicon
from factcheck.paths import rules_dir


def _day(text: str) -> Interval:
    return Interval.day(parse_day(text))


def _engine(terms: list[tuple[str, str, str | None, str | None]]) -> Engine:
    """Examplia, one prime minister at a time: Ada Quill, Bo Fenwick, Cy Marlowe, as `terms` say
    (person, start, end, confirmed_until)."""
    people = [Person("ada", "Ada Quill"), Person("bo", "Bo Fenwick"), Person("cy", "Cy Marlowe")]
    office = Office("xl.pm", "XL", "Prime Minister", True, (Title("Prime Minister"),), "test")
    rows = [Term(p, "xl.pm", _day(s), _day(e) if e else None, confirmed_until=parse_day(c) if c else None, source="test")
            for p, s, e, c in terms]
    kb = KnowledgeBase.build([Jurisdiction("XL", "Examplia", ("Examplian", "Examplia's"))], [office], people, rows)
    root = rules_dir()
    return Engine(Extractor.build(kb, load_lexicon(root / "lexicon.toml")), _ENGINE.rules)


_ENGINE = Engine.default()  # its rules, run over the small knowledge bases below

HANDOVER = [("ada", "2019-05-02", "2024-10-01", None), ("bo", "2024-10-01", None, "2025-10-01")]


def _scan(engine: Engine, text: str, day: str | None):
    return engine.run(from_text("<t>", text, parse_day(day) if day else None))


def _found(engine: Engine, text: str, day: str | None) -> list[tuple[str, str]]:
    return [(f.code, f.severity) for f in _scan(engine, text, day).findings]


@pytest.mark.parametrize("text,day,expected", [
    # A successor's open term counts up to its confirmed_until: a stale title within it is an error ...
    ("Examplian Prime Minister Ada Quill spoke.", "2025-06-10", [("FC101", "error")]),
    # ... and past it nobody is known: not checked, never a guess.
    ("Examplian Prime Minister Ada Quill spoke.", "2026-01-10", []),
    ("Examplian Prime Minister Bo Fenwick spoke.", "2026-01-10", []),
    # On the handover day both holders are right, with or without "former".
    ("Examplian Prime Minister Ada Quill spoke.", "2024-10-01", []),
    ("Former Examplian Prime Minister Ada Quill spoke.", "2024-10-01", []),
    ("Examplian Prime Minister Bo Fenwick spoke.", "2024-10-01", []),
    # "outgoing" is right in office and shortly after leaving, wrong long after.
    ("Outgoing Examplian Prime Minister Ada Quill spoke.", "2024-09-20", []),
    ("Outgoing Examplian Prime Minister Ada Quill spoke.", "2024-10-20", []),
    ("Outgoing Examplian Prime Minister Ada Quill spoke.", "2025-06-10", [("FC101", "error")]),
    # "incoming" is right before and shortly after taking office; "-designate" only until then.
    ("Incoming Examplian Prime Minister Bo Fenwick spoke.", "2024-09-20", []),
    ("Incoming Examplian Prime Minister Bo Fenwick spoke.", "2024-10-20", []),
    ("Incoming Examplian Prime Minister Bo Fenwick spoke.", "2025-06-10", [("FC101", "error")]),
    ("Examplian Prime Minister-designate Bo Fenwick spoke.", "2024-10-01", []),
    ("Examplian Prime Minister-designate Bo Fenwick spoke.", "2024-10-02", [("FC101", "error")]),
])
def test_handover_and_horizon(text: str, day: str, expected: list[tuple[str, str]]):
    assert _found(_engine(HANDOVER), text, day) == expected


def test_an_unconfirmed_open_successor_leaves_the_stale_title_unchecked():
    engine = _engine([("ada", "2019-05-02", "2024-10-01", None), ("bo", "2024-10-01", None, None)])
    result = _scan(engine, "Examplian Prime Minister Ada Quill spoke.", "2025-06-10")
    assert result.findings == ()
    assert [m.reason for m in result.mentions] == [tenure.PAST_HORIZON]


def test_former_is_wrong_while_back_in_office_whatever_earlier_terms():
    engine = _engine([("ada", "2010-01-04", "2012-03-01", None), ("bo", "2012-03-01", "2020-02-01", None),
                      ("ada", "2020-02-01", None, "2026-01-01")])
    assert _found(engine, "Former Examplian Prime Minister Ada Quill spoke.", "2024-05-01") == [("FC101", "error")]
    assert _found(engine, "Former Examplian Prime Minister Ada Quill spoke.", "2015-05-01") == []
    assert _found(engine, "Former Examplian Prime Minister Bo Fenwick spoke.", "2024-05-01") == []


def test_history_is_a_style_note_and_the_other_holder_is_related():
    engine = _engine(HANDOVER)
    text = ("Examplian Prime Minister Bo Fenwick opened the session. The legacy of Prime Minister Ada Quill "
            "was debated, and Prime Minister Ada Quill's advisers left.")
    result = _scan(engine, text, "2025-06-10")
    assert [(f.code, f.severity) for f in result.findings] == [("FC101", "info"), ("FC101", "info")]
    text = "Examplian Prime Minister Bo Fenwick opened the session. Later, Prime Minister Ada Quill spoke."
    (finding,) = _scan(engine, text, "2025-06-10").findings
    assert finding.code == "FC101" and finding.severity == "error"
    assert text[finding.span.start : finding.span.end] == "Prime Minister Ada Quill"
    assert [text[r.span.start : r.span.end] for r in finding.related] == ["Examplian Prime Minister Bo Fenwick"]


def test_office_conflict_stands_alone_only_when_neither_title_is_judged():
    engine = _engine(HANDOVER)
    # Past the horizon neither is judged: office-conflict, on the later one.
    text = "Examplian Prime Minister Bo Fenwick spoke. Examplian Prime Minister Ada Quill replied."
    assert _found(engine, text, "2026-03-01") == [("FC102", "error")]
    # The knowledge base confirms Fenwick and does not know Ms Vale: the finding is on her title,
    # even though his comes later.
    text = "Examplian Prime Minister Dora Vale spoke. Examplian Prime Minister Bo Fenwick replied."
    result = _scan(engine, text, "2025-06-10")
    (finding,) = result.findings
    assert finding.code == "FC102" and text[finding.span.start : finding.span.end] == "Examplian Prime Minister Dora Vale"
    assert [text[r.span.start : r.span.end] for r in finding.related] == ["Examplian Prime Minister Bo Fenwick"]


def test_mentions_say_why_they_were_not_checked():
    engine = _engine(HANDOVER)
    text = ('Examplian Prime Minister Bo Fenwick spoke. "Prime Minister Ada Quill was kind," he said. '
            "Examplian Prime Minister Dora Vale replied.")
    result = _scan(engine, text, None)
    assert [(m.person, m.verdict, m.reason) for m in result.mentions] == [
        ("Bo Fenwick", "", tenure.NO_DATE), ("Ada Quill", "", tenure.QUOTATION), ("Dora Vale", "", tenure.UNKNOWN_PERSON)]
    result = _scan(engine, text, "2025-06-10")
    assert [(m.person, m.verdict, m.reason) for m in result.mentions] == [
        ("Bo Fenwick", "right", ""), ("Ada Quill", "", tenure.QUOTATION), ("Dora Vale", "", tenure.UNKNOWN_PERSON)]


def test_horizon_counts_open_terms_up_to_their_confirmation():
    kb = _engine(HANDOVER).extractor.kb
    assert tenure.horizon(kb, "xl.pm") == date(2025, 10, 1)


def test_a_history_cue_does_not_excuse_a_wrong_earlier_date():
    engine = _engine(HANDOVER)
    # Quill held the office from 2019: in 2017 she did not, whatever the clause's tone.
    assert _found(engine, "The legacy of Prime Minister Ada Quill in 2017 was debated.", "2025-06-10") == [("FC101", "error")]
    assert _found(engine, "The legacy of Prime Minister Ada Quill in 2021 was debated.", "2025-06-10") == [("FC101", "info")]
    assert _found(engine, "The legacy of Prime Minister Ada Quill was debated on Tuesday.", "2025-06-10") == [("FC101", "info")]
    # A future holder is not history.
    assert _found(engine, "The legacy of Prime Minister Bo Fenwick was debated.", "2023-06-10") == [("FC101", "error")]
