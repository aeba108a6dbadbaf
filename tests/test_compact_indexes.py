"""The compact indexes that replaced dicts and sets in the readers of people and events (issue 16,
memory per byte of text) answer as those did, on every fixture and on hand-made edge cases."""

from __future__ import annotations

from conftest import fixture_texts
from factcheck.api import extract_text
from factcheck.extract.events import _Guests, _Record, _Starts, _TriggerTokens
from factcheck.facts import EventClaim, PersonMention, Span, TimeExpr
from factcheck.temporal import TimesBySentence


def _dict_index(times: tuple[TimeExpr, ...]) -> dict[int, tuple[TimeExpr, ...]]:
    """The dict of tuples that grouped times by sentence before `TimesBySentence`."""
    index: dict[int, list[TimeExpr]] = {}
    for t in times:
        if not t.value.is_reference:
            index.setdefault(t.sentence, []).append(t)
    return {k: tuple(v) for k, v in index.items()}


def test_times_by_sentence_groups_as_the_dict_did(engine) -> None:
    checked = 0
    for text in fixture_texts():
        facts = extract_text(text, engine=engine)
        # Reversed as well: the index sorts by sentence and keeps the given order within one.
        for times in (facts.times, facts.times[::-1]):
            expected = _dict_index(times)
            index = TimesBySentence(times)
            for sentence in range(-1, len(facts.sentences) + 1):
                assert index.of(sentence) == expected.get(sentence, ())
            checked += len(expected)
    assert checked > 100  # the fixtures have sentences with dates, several in some


def test_people_come_in_text_order(engine) -> None:
    # events._Starts searches the mentions and role claims by bisection: find_people must give them in
    # the order of their offsets.
    for text in fixture_texts():
        facts = extract_text(text, engine=engine)
        starts = [m.span.start for m in facts.mentions]
        assert starts == sorted(starts)
        starts = [r.span.start for r in facts.roles]
        assert starts == sorted(starts)


def _mention(start: int) -> PersonMention:
    return PersonMention("X", Span(start, start + 1), 0, ("Q1",), "full-name")


def test_starts_find_a_person_at_an_exact_offset_the_later_of_two() -> None:
    a, b, c, d = _mention(5), _mention(5), _mention(9), _mention(300_000)
    starts = _Starts([(5, a), (5, b), (9, c), (300_000, d)])
    assert starts.get(5) is b  # the later of two at one offset, as a dict's assignment
    assert starts.get(9) is c and starts.get(300_000) is d
    assert [starts.get(k) for k in (0, 4, 6, 8, 10, 299_999, 300_001)] == [None] * 7
    assert _Starts([]).get(0) is None


def test_trigger_tokens_as_a_set_of_the_triggers_tokens() -> None:
    ranges = [(3, 5), (5, 6), (10, 13), (300_000, 300_002)]
    inside = _TriggerTokens()
    for start, end in ranges:
        inside.add(start, end)
    expected = {k for start, end in ranges for k in range(start, end)}
    probe = [*range(16), *range(299_998, 300_004)]
    assert [k for k in probe if k in inside] == sorted(expected)
    assert 0 not in _TriggerTokens()


def _visit(host: str, guest: str, at: int, place: str = "JP", via: str = "full-name", quoted: bool = False) -> _Record:
    agent = PersonMention(host, Span(at, at + 1), 0, (host,), via)
    patient = PersonMention(guest, Span(at + 2, at + 3), 0, (guest,), "full-name")
    event = EventClaim("visit", Span(at, at + 3), Span(at + 1, at + 2), 0, agent, patient, place, None, quoted)
    return _Record(event, host, guest, agent, patient)


def _scanned(found: list[_Record], guest: str, offset: int) -> list[_Record]:
    """What a visit noun read before `_Guests`: every unquoted event of the guest ending by `offset`."""
    return [r for r in found if r.patient_key == guest and r.event.trigger.end <= offset and not r.event.quoted]


def _last_alike(records: list[_Record]) -> list[_Record]:
    """Of the events alike in all a visit noun reads of them (host, kind, exclusiveness, named host,
    destination), the last of each, in text order."""
    last = {(r.agent_key, r.event.kind, r.event.exclusive, r.agent.via, r.event.place): r for r in records}
    return sorted(last.values(), key=records.index)


def test_guests_fold_their_earlier_events_into_the_last_of_each_kind() -> None:
    # 600 visits of one guest by two hosts, one of them named by a role noun now and then, to two
    # places, some quoted, and visits of another guest between: a noun after any of them reads the
    # last event of each group of the full scan, and never more than the groups there are.
    found = []
    for n in range(600):
        host, place = ("a", "JP") if n % 3 else ("b", "IN" if n % 2 else "JP")
        found.append(_visit(host, "g", 10 * n, place, "role-noun" if n % 7 == 0 else "full-name", quoted=n % 11 == 0))
        found.append(_visit("a", "h", 10 * n + 5))
    guests = _Guests(found)
    for offset in (0, 1, 2, 15, 2_000, 2_001, 3_333, 6_000, 9_000):
        got = guests.before("g", offset)
        assert got == _last_alike(_scanned(found, "g", offset)), offset
        assert len(got) <= 6
    assert guests.before("nobody", 9_000) == []


def test_findings_share_equal_messages_evidence_and_related_places() -> None:
    from conftest import scan_text

    # The same stale title after a first mention of the holder, twice: the second finding points back
    # at the same first mention, and keeps the first one's objects rather than equal copies.
    text = "President Donald Trump spoke on Monday." + " United States President George H. W. Bush said so." * 2
    findings = [f for f in scan_text(text, "2025-07-01").findings if f.related]
    assert len(findings) == 2
    first, second = findings
    assert first.related == second.related and first.related is second.related
    assert first.message is second.message and first.evidence is second.evidence
