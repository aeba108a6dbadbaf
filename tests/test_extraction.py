"""Table-driven tests of the extraction stages on sentences we wrote."""

from __future__ import annotations

import re
from datetime import date

import pytest

from conftest import SHARED, fixture_texts, scan_text
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
    ("Agriculture Secretary Carlos Dominguez III spoke.", ("Carlos Dominguez III", ("carlos-dominguez-iii",), None, ())),
    ("Philippine Agriculture Secretary Carlos Dominguez III spoke.", ("Carlos Dominguez III", ("carlos-dominguez-iii",), "PH", ())),
    # Without its suffix the name is not matched: a son often shares his father's (Ferdinand Marcos Jr.).
    ("Agriculture Secretary Carlos Dominguez spoke.", ("Carlos Dominguez", (), None, ())),
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


# Title-name forms: (sentence, the role's text, its jurisdiction, its modifiers), or None when no claim.
@pytest.mark.parametrize("text,role,jurisdiction,modifiers", [
    ("David Lammy, the foreign secretary, spoke.", "David Lammy, the foreign secretary", "GB", ()),
    ("Rishi Sunak, Britain's prime minister, spoke.", "Rishi Sunak, Britain's prime minister", "GB", ()),
    ("Britain's prime minister, Rishi Sunak, spoke.", "Britain's prime minister, Rishi Sunak", "GB", ()),
    ("The new US Secretary of Defense, Pete Hegseth, spoke.", "new US Secretary of Defense, Pete Hegseth", "US", ()),
    ("He met former president Jair Bolsonaro.", "former president Jair Bolsonaro", "BR", ("former",)),
    ("It was broken by vice president J.D. Vance, he said.", "vice president J.D. Vance", "US", ()),
    ("He met US Trade Representative Ambassador Katherine Tai.", "US Trade Representative Ambassador Katherine Tai", "US", ()),
    ("Foreign Secretary Lord David Cameron spoke.", "Foreign Secretary Lord David Cameron", "GB", ()),
    ("He met New French Prime Minister François Bayrou.", "New French Prime Minister François Bayrou", "FR", ()),
    ("Getty Images Britain’s new Prime Minister Keir Starmer began.", "Britain’s new Prime Minister Keir Starmer", "GB", ()),
    ("It was the first speech under President Prabowo Subianto, he said.", "President Prabowo Subianto", "ID", ()),
    ("She served under former Prime Minister Gordon Brown.", "former Prime Minister Gordon Brown", "GB", ("former",)),
    ("He spoke with Secretary of State (@StateDept) Marco Rubio today.", "Secretary of State (@StateDept) Marco Rubio", "US", ()),
    ("President-elect Donald Trump spoke.", "President-elect Donald Trump", "US", ("designate",)),
    ("Defense secretary nominee Pete Hegseth spoke.", "Defense secretary nominee Pete Hegseth", "US", ("designate",)),
    ("They met outgoing Secretary of State Antony Blinken.", "outgoing Secretary of State Antony Blinken", "US", ("outgoing",)),
    ("They met then-president Barack Obama.", "then-president Barack Obama", "US", ("then",)),
    ("They met ex-prime minister Boris Johnson.", "ex-prime minister Boris Johnson", "GB", ("former",)),
    ("They met interim President Mohammad Mokhber.", "interim President Mohammad Mokhber", None, ("acting",)),
    ("She was replaced by justice secretary Shabana Mahmood.", "justice secretary Shabana Mahmood", "GB", ("then",)),
    ("Modi met Biden. Prime Minister Boris Johnson spoke.", "Prime Minister Boris Johnson", "GB", ()),
])
def test_title_forms(text, role, jurisdiction, modifiers):
    roles = scan_text(text, "2025-02-01").facts.roles
    found = [r for r in roles if text[r.span.start : r.span.end] == role]
    assert found, [text[r.span.start : r.span.end] for r in roles]
    if jurisdiction is not None:
        assert found[0].jurisdiction == jurisdiction
    assert found[0].modifiers == modifiers


@pytest.mark.parametrize("text", [
    "He met bank president Joe Biden.",  # a job description after a noun
    "He met Under Secretary Joe Biden.",  # another office
    "Labour's shadow chancellor Rachel Reeves spoke.",  # a blocker
    "The prime minister, the chancellor, Rishi Sunak and others met.",  # a list, not an apposition
    "He met Foreign Minister Tomas Verhoeven.",  # no cue and no known term: the office stays unresolved
])
def test_title_forms_silent(text):
    roles = scan_text(text, "2025-02-01").facts.roles
    assert all(r.jurisdiction is None for r in roles), [(text[r.span.start : r.span.end], r.jurisdiction) for r in roles]


def _tiny_extractor():
    """Two countries whose foreign ministers share a title, and one person who held both offices."""
    from factcheck.dates import Interval
    from factcheck.extract.pipeline import Extractor
    from factcheck.kb.model import Jurisdiction, KnowledgeBase, Office, Person, Term, Title
    from factcheck.lexicon import load_lexicon
    from factcheck.paths import rules_dir

    kb = KnowledgeBase.build(
        [Jurisdiction("AA", "Aland", ("Alandic",)), Jurisdiction("BB", "Boland", ("Bolandic",))],
        [Office("aa.fm", "AA", "Foreign Minister", True, (Title("Foreign Minister"),), "test"),
         Office("bb.fm", "BB", "Foreign Minister", True, (Title("Foreign Minister"),), "test")],
        [Person("ann-tester", "Ann Tester", source="test"), Person("bo-other", "Bo Other", source="test")],
        [Term("ann-tester", "aa.fm", Interval.year(2010), Interval.year(2012), source="test"),
         Term("ann-tester", "bb.fm", Interval.year(2015), Interval.year(2018), source="test")],
    )
    return Extractor.build(kb, load_lexicon(rules_dir() / "lexicon.toml"))


@pytest.mark.parametrize("text,jurisdiction,via", [
    ("Foreign Minister Ann Tester met Bolandic traders.", "BB", "context"),  # held both: the story's country
    ("Foreign Minister Ann Tester met Alandic and Bolandic traders.", None, "unresolved"),  # the story names both
    ("Foreign Minister Ann Tester spoke.", None, "unresolved"),  # no country in the story
    ("Foreign Minister Bo Other met Bolandic traders.", None, "unresolved"),  # never held it: no default
    ("Alandic Foreign Minister Ann Tester spoke in Boland.", "AA", "phrase"),
])
def test_jurisdiction_from_story_context(text, jurisdiction, via):
    from factcheck.document import from_text

    facts = _tiny_extractor().extract(from_text("<test>", text))
    (claim,) = facts.roles
    assert (claim.jurisdiction, claim.jurisdiction_via) == (jurisdiction, via)
    assert (claim.office is None) == (jurisdiction is None)


@pytest.mark.parametrize("text,person", [
    ("He met UN Secretary-General Antonio Guterres.", "antonio-guterres"),  # accents do not matter
    ("President Lee ends his trip. Lee Jae-myung spoke in Seoul.", "lee-jae-myung"),  # named in full later
])
def test_names_resolved(text, person):
    roles = scan_text(text, "2025-07-01").facts.roles
    assert roles and roles[0].person.candidates == (person,)


@pytest.mark.parametrize("text,person,via", [
    ("Treasury Secretary Robert Rubin spoke.", "bob-rubin", "name-variant-office"),  # the sources write "Bob Rubin"
    ("Treasury Secretary Donald Regan spoke.", "don-regan", "name-variant-office"),
    ("Defense Secretary Charles Hagel spoke.", "chuck-hagel", "name-variant-office"),
    ("Treasury Secretary Timothy Geithner spoke.", "tim-geithner", "full-name"),  # a Wikidata label
    ("Treasury Secretary W. Michael Blumenthal spoke.", "w-michael-blumenthal", "full-name"),
    ("Treasury Secretary Michael Blumenthal spoke.", "w-michael-blumenthal", "full-name"),  # a leading initial dropped
    ("U.N. Secretary-General Antonio Guterres spoke.", "antonio-guterres", "full-name"),  # accents folded
    ("External Affairs Minister S Jaishankar spoke.", "s-jaishankar", "full-name"),
    ("Pakistani Prime Minister Anwaar-ul-Haq Kakar spoke.", "anwaar-ul-haq-kakar", "full-name"),
    ("Brazilian President Lula spoke.", "luiz-inacio-lula-da-silva", "full-name"),  # a mononym news uses
    ("Treasury Secretary Geithner spoke.", "tim-geithner", "surname-office"),
    ("Treasury Secretary James A. Baker III spoke.", "james-baker", "initials-office"),  # the sources: "James Baker"
    ("Secretary of State George P. Shultz spoke.", "george-shultz", "initials-office"),
    ("Secretary of State C. Vance spoke.", "cyrus-vance", "initials-office"),  # the first name as its initial
    ("President John Adams spoke.", "john-adams", "full-name"),  # not John Q. Adams, initial dropped
    ("Polish president L. Kaczyński spoke.", "lech-kaczynski", "initials-office"),  # a lower-case title too
    ("Philippine President B. Aquino III spoke.", "benigno-aquino-iii", "initials-office"),  # filed under "III"
    ("French Prime Minister Michel Barnier spoke.", "michel-barnier", "full-name"),  # two sources' Barniers: the office decides
])
def test_names_as_people_write_them(text, person, via):
    roles = scan_text(text, "2020-01-01").facts.roles
    assert [(r.person.candidates, r.person.via) for r in roles] == [((person,), via)]


@pytest.mark.parametrize("text", [
    "Treasury Secretary K. Baker spoke.",  # no holder of the office agrees with the initial
    "President George Bush spoke.",  # two holders of the office agree
    "Agriculture Secretary James A. Baker spoke.",  # initials need an office the person held
    "The bank's president B. Smith spoke.",  # a lower-case title binds initials only of a holder of its office
    "Philippine President B. Aquino spoke.",  # a suffix the person is known by must be written
])
def test_initials_resolve_only_through_one_holder_of_the_office(text):
    roles = scan_text(text, "2020-01-01").facts.roles
    assert all(len(r.person.candidates) != 1 for r in roles)


def test_a_given_name_variant_alone_names_nobody():
    # "Charles Hagel" is a hint that needs an office: without a title it is not Chuck Hagel.
    facts = scan_text("Charles Hagel spoke.", "2020-01-01").facts
    assert all("chuck-hagel" not in m.candidates for m in facts.mentions)


def test_a_given_name_variant_needs_an_office_the_person_held():
    roles = scan_text("Agriculture Secretary Charles Hagel spoke.", "2020-01-01").facts.roles
    assert all("chuck-hagel" not in r.person.candidates for r in roles)


# Each time-expression kind runs only on sentences with the words (or sequences) every match of it
# holds; a sentence it matches must never be passed over, and one it cannot match need not compile it.
@pytest.mark.parametrize(("kind", "text"), [
    ("mm-range", "from May to July 2024"), ("mm-range", "between Jan. and Feb., 2023"),
    ("mm-range", "from May to May 2020"), ("weekday-paren", "Tuesday (July 1, 2025)"),
    ("weekday-paren", "Tuesday(May 5)"), ("dm", "He left on 5 May"), ("dm", "the 1st of Sept. 2020"),
    ("dm-range", "23-26 of July"), ("my", "Mar. 2024"), ("my", "June, 1999"), ("m-rel-year", "March of this year"),
    ("md", "on Sept. 5"), ("md", "Tuesday, May\t1st"), ("md-range", "Aug 23 to 26"), ("y", "in 1999"),
    ("y", "since 2020's vote"), ("duration", "for a full 10 days"), ("duration", "a 10-day-long visit"),
    ("duration", "two years' work"), ("duration", "\u017fix days"),
])
def test_time_kind_runs_where_it_matches(kind: str, text: str) -> None:
    from factcheck.temporal.expressions import pattern, runnable_kinds

    assert pattern(kind).search(text)
    assert kind in runnable_kinds(text)


@pytest.mark.parametrize(("kind", "text"), [
    ("mm-range", "from May 23 to 26, 2025"), ("weekday-paren", "on Tuesday, July 1, 2025"),
    ("dm", "on July 1, 2025"), ("dm-range", "August 23 to 26, 2025"), ("my", "on May 7, 2025"),
    ("m-rel-year", "in March"), ("md", "in May, the 5 members"), ("md-range", "It may go on 5-7 May"),
    ("y", "a 20-point lead and 1,800 jobs"), ("duration", "the year began; many weeks passed"),
])
def test_time_kind_skipped_where_it_cannot_match(kind: str, text: str) -> None:
    from factcheck.temporal.expressions import pattern, runnable_kinds

    assert not pattern(kind).search(text)
    assert kind not in runnable_kinds(text)


# The gate over real text: in no sentence of the fixtures or of the research corpora (when present)
# does a kind that runnable_kinds leaves out find a match.
def test_time_kind_gates_never_drop_a_match() -> None:
    from factcheck.temporal.expressions import KINDS, matches, runnable_kinds

    texts = fixture_texts()
    corpora = SHARED / "corpora" / "dev"
    for folder in ("bbc-politics", "real-news"):
        texts += [p.read_text(encoding="utf-8") for p in sorted((corpora / folder).glob("*.txt"))]
    reuters = sorted((corpora / "reuters21578").glob("reut2-*.sgm"))[:1]
    texts += [body for path in reuters for body in re.findall(r"<BODY>(.*?)</BODY>", path.read_text("latin-1"), re.S)]
    checked = 0
    for text in texts:
        for start, end in split_sentences(text).spans():
            kinds = runnable_kinds(text[start:end])
            for kind in KINDS:
                if kind not in kinds:
                    assert next(matches(kind, text, start, end), None) is None, (kind, text[start:end])
                    checked += 1
    assert checked > 10_000


# The kinds runnable_kinds leaves out of a sentence without a digit: each match holds one.
def test_kinds_that_need_a_digit_hold_one() -> None:
    from factcheck.temporal.expressions import _NEED_DIGIT, matches

    texts = ["Tuesday (May 5), 23-26 July 2024, from May to July 2024, Sept. 5-7, 1st of March, June, 1999"]
    found = set()
    for text in [*texts, *fixture_texts()]:
        for kind in _NEED_DIGIT:
            for m in matches(kind, text, 0, len(text)):
                assert re.search("[0-9]", m.group()), (kind, m.group())
                found.add(kind)
    assert found == _NEED_DIGIT


# The word before a full stop, found by a search back for a space where it can: the same word as
# stepping back a character at a time, at every full stop of the fixtures and of these edges.
def test_word_before_a_full_stop() -> None:
    from factcheck.extract.sentences import _word_before

    def stepping(prose: str, stop: int) -> str:
        start = stop
        while start > 0 and not prose[start - 1].isspace() and prose[start - 1] not in "(\"'\u201c":
            start -= 1
        return prose[start:stop]

    edges = ["He left (Labour. A x.y. U.S. \u201cetc. caf\u00e9. 'Gen. \tTab.\u00a0nbsp. averyveryverylongword. 12. .",
             ".start", "no space at all.ever"]
    stops = 0
    for text in [*edges, *fixture_texts()]:
        for stop in (i for i, c in enumerate(text) if c in ".!?"):
            assert _word_before(text, stop) == stepping(text, stop), text[max(0, stop - 20) : stop]
            stops += 1
    assert stops > 500


# md and md-range read their month and weekday as any capitalised word and keep the matches whose
# words are names (expressions.matches), sparing the compile of both alternations: they must find
# exactly what the patterns that spell the names out find, in every text and every window of one.
_NAME_EDGES = (
    "May. 5 and May 5, Mayor 5, Mar. 5, Sept. 5-7, Sept 5 to 7, Sep.5, June. 3, Junex 3, McDonald 5",
    "Tuesday, July 1, 2025; Tues., July 1; Tue. the March 3; Tuesday. July 1; Monday 5; President July 4",
    "March Madness 5, Mar. July 5, Mon. Jan. 5 - 7, 2024; Thurs, May 2; Thurs. May 2; Fri.,May 2; Sat.  ,  June 3",
    "JULY 5, July5, Julyé 5, xJuly 5, _July 5, July 5:30, July 55, Feb 29 to 30 billion, Dec 3 - 1st qtr, Sunday (May 4)",
)


@pytest.mark.parametrize("kind", ["md", "md-range"])
def test_named_kinds_match_as_the_spelt_out_patterns(kind: str) -> None:
    import re

    from factcheck.temporal import expressions as ex

    spelt = re.compile(ex._SOURCES[kind].replace(ex._WD_WORD, ex._WD).replace(ex._MONTH_WORD.format(g="m"), ex._MONTH.format(g="m")))
    assert spelt.pattern != ex._SOURCES[kind]
    texts = [*_NAME_EDGES, *fixture_texts()]
    found = 0
    for text in texts:
        for start, end in ((0, len(text)), (3, len(text) - 2), (len(text) // 3, 2 * len(text) // 3)):
            got = [(m.span(), m.groupdict()) for m in ex.matches(kind, text, start, end)]
            assert got == [(m.span(), m.groupdict()) for m in spelt.finditer(text, start, end)], text[:60]
            found += len(got)
    assert found > 20


# "m" and "weekday" are not run in a sentence where earlier kinds took every month name, or every
# "day", that their matches need (expressions.superseded): the same matches as running them.
def test_superseded_kinds_would_add_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck import temporal
    from factcheck.temporal import expressions

    edges = ["On Tuesday, July 1, 2025, he left; in July he came back on Tuesday.", "Tues., March 3 or in March",
             "from May 2 to May 9, and then in May; Sunday (June 1) and the Sunday after", "Monday\u0130 July 1",
             "in Sept. 2020, Sept. 5, and since Sept.; a holiday on Friday, Jan. 3", "by June, on June 3, 2021"]
    texts = [*edges, *fixture_texts()]
    skipped = 0

    def counting(kind: str, sentence: str, taken: bytearray) -> bool:
        nonlocal skipped
        answer = expressions.superseded(kind, sentence, taken)
        skipped += answer
        return answer

    for text in texts:
        sentences = split_sentences(text)
        monkeypatch.setattr(temporal, "superseded", counting)
        got = [(r.kind, r.match.span()) for found in temporal._scan(text, sentences) for r in found]
        monkeypatch.setattr(temporal, "superseded", lambda kind, sentence, taken: False)
        assert got == [(r.kind, r.match.span()) for found in temporal._scan(text, sentences) for r in found], text[:60]
    assert skipped > 20


# Without a document date find_times reads an expression's tense only once it has resolved
# (temporal._expression): no resolver may read the tense then, whatever else the context holds.
def test_without_a_document_date_no_resolver_reads_the_tense() -> None:
    from datetime import date

    from factcheck.dates import Interval
    from factcheck.temporal import expressions as ex

    texts = ["this quarter, later this month, next week, the full year, tonight, on Friday, now, March of last "
             "year, the current quarter, the coming weekend, at present, since May, in the fourth quarter, two "
             "days later, a year earlier, the following month, the '90s, last summer, summer 2020, Feb. 30, 2025"]
    texts += fixture_texts()
    contexts = [(previous, year, last) for previous, year, last in (
        (None, None, None), (Interval.day(date(2020, 5, 4)), 2020, Interval.quarter(2020, 2)),
        (Interval.day(date(1999, 12, 31)), 1999, Interval.month(1999, 12)))]

    def outcome(kind: str, m: re.Match[str], ctx: ex.Context) -> object:
        try:
            return ex.resolve(kind, m, ctx)
        except (ValueError, OverflowError) as exc:
            return type(exc)

    resolved = set()
    for text in texts:
        for kind in ex.KINDS:
            if kind in ex.NOT_DATES:
                continue  # never resolved
            for m in ex.matches(kind, text, 0, len(text)):
                for previous, year, last in contexts:
                    got = {repr(outcome(kind, m, ex.Context(None, tense, previous, year, last)))
                           for tense in ("past", "future", "present", "unknown")}
                    assert len(got) == 1, (kind, m.group(), got)
                    resolved.update(kind for answer in got if answer != "None")
    assert len(resolved) >= 12  # the test is not passed by resolving nothing


@pytest.mark.parametrize("text,date_,span,office,person,via", [
    # a monarch named by given or regnal name
    ("Queen Elizabeth opened parliament.", "2021-05-11", "Queen Elizabeth", "gb.monarch", "elizabeth-ii", "regnal-name"),
    # the capitalised run of a headline, or a country after the name, is not part of the name
    ("Prime Minister Sunak Opens New Bridge Across The Aire\n\nIt opened.", "2023-03-01", "Prime Minister Sunak",
     "gb.prime-minister", "rishi-sunak", "surname-office"),
    ("King Charles Canada tour - the couple landed.", "2024-05-01", "King Charles", "gb.monarch", "charles-iii",
     "regnal-name"),
    # a short title names the one office of the person's own record whose title contains it
    ("The bank and its president Roberto Campos Neto kept rates high.", "2023-05-08",
     "president Roberto Campos Neto", "br.central-bank-governor", "roberto-campos-neto", "full-name"),
    # a bare head word after an adjective, through the one office of the person's record containing it
    ("Roberto Campos Neto spoke. The current governor Campos Neto left.", "2023-05-08",
     "current governor Campos Neto", "br.central-bank-governor", "roberto-campos-neto", "surname"),
    # a compound surname after the full name was given
    ("Roberto Campos Neto spoke. Later Central Bank President Campos Neto left.", "2023-05-08",
     "Central Bank President Campos Neto", "br.central-bank-governor", "roberto-campos-neto", "surname"),
    # a party before the title
    ("Labour Prime Minister Keir Starmer spoke.", "2025-02-01", "Labour Prime Minister Keir Starmer",
     "gb.prime-minister", "keir-starmer", "full-name"),
    # the first word of a quotation is capitalised as any sentence's first word is
    ('He wrote: "Thank President Joe Biden for the call."', "2023-05-08", "President Joe Biden", "us.president",
     "joe-biden", "full-name"),
    # an item of a list set off by semicolons: title, comma, rank, name
    ("Present were the whip; Foreign Secretary, Ambassador David Lammy; and others.", "2025-02-01",
     "Foreign Secretary, Ambassador David Lammy", "gb.foreign-secretary", "david-lammy", "full-name"),
    # a form of address or formal style before the title
    ("The Custodian of the Two Holy Mosques King Salman received him.", "2023-02-05", "King Salman", "sa.monarch",
     "salman-bin-abdulaziz", "regnal-name"),
    # the knowledge base's title for an office the Wikidata extract gave none
    ("First Deputy Prime Minister Andrei Belousov spoke.", "2021-03-01", "First Deputy Prime Minister Andrei Belousov",
     "ru.first-deputy-prime-minister", "andrei-belousov", "full-name"),
    # a one-letter slip in the surname of the title's holder at the document date
    ("They dined with Prime Minister Elisabeth Berne.", "2023-09-20", "Prime Minister Elisabeth Berne",
     "fr.prime-minister", "elisabeth-borne", "near-name-holder"),
    # a title after the name that closes the sentence
    ("They met Andrew Bailey, Governor of the Bank of England.", "2023-05-08",
     "Andrew Bailey, Governor of the Bank of England", "gb.central-bank-governor", "andrew-bailey", "full-name"),
])
def test_title_forms_recognised(text, date_, span, office, person, via):
    roles = scan_text(text, date_).facts.roles
    found = [(r.office, r.person.candidates, r.person.via) for r in roles if text[r.span.start : r.span.end] == span]
    assert found == [(office, (person,), via)], [(text[r.span.start : r.span.end], r.office, r.person) for r in roles]


@pytest.mark.parametrize("text,date_", [
    # running text: a longer capitalised name is not cut down to a surname the knowledge base knows
    ("The bridge was opened by Prime Minister Sunak Patel of the student union.", "2023-03-01"),
    # a given name no holder of the title's offices bears
    ("Guests said King Harald would send a message.", "2024-05-01"),
    # a short title that no office of the person's record contains
    ("President Chris Hipkins was not named.", "2023-05-08"),
    # a slip is read only as the holder at the date, under an unmodified title, one edit off, same given name
    ("They dined with Prime Minister Elisabeth Berne.", "2025-09-20"),
    ("They dined with former Prime Minister Elisabeth Berne.", "2023-09-20"),
    ("They dined with Prime Minister Elisabeth Burns.", "2023-09-20"),
    ("They dined with Prime Minister Elise Borne.", "2023-09-20"),
    # a bare head word that several offices of the person's record contain, or with nothing before it
    ("Antony Blinken came; the secretary Antony Blinken spoke.", "2023-05-08"),
    ("Roberto Campos Neto spoke. Bank governor Campos Neto left.", "2023-05-08"),
    ("Roberto Campos Neto spoke. The former governor Campos Neto left.", "2023-05-08"),
    # after a comma, a capitalised title is one more item of a list
    ("He thanked the whip, Foreign Secretary, David Cameron and the staff.", "2025-02-01"),
    # a word naming another office still blocks after a party word
    ("Party Prime Minister Rishi Sunak is a sketch.", "2023-05-08"),
])
def test_title_forms_not_resolved(text, date_):
    roles = scan_text(text, date_).facts.roles
    assert all(r.office is None or len(r.person.candidates) != 1 for r in roles), \
        [(text[r.span.start : r.span.end], r.office, r.person.candidates) for r in roles]


@pytest.mark.parametrize("text, key", [
    ("Guterres", "guterres"), ("Inácio", "inacio"), ("U.S.", "us"), ("O\u2019Brien", "o'brien"),
    # A lone spacing accent decomposes to a space and a mark; a key never holds whitespace.
    ("\u00b4", "\u00b4"), ("\u00a8", "\u00a8"),
])
def test_token_keys_fold_accents_and_never_hold_spaces(text, key):
    from factcheck.extract.tokens import token_key

    assert token_key(text) == key


def test_tokens_read_a_stretch_at_a_time_are_those_of_the_whole_text(monkeypatch: pytest.MonkeyPatch) -> None:
    # tokenize splits a long text in stretches that end after a whitespace character; with short
    # stretches, every kind of token and gap falls on a boundary somewhere, and the tokens must be
    # those one pass of the readable pattern over the whole text finds (random characters too).
    import random

    from factcheck.extract import tokens as tokens_module

    pieces = ["U.S.", "O'Brien's", "then-Secretary", "1,000.5", "2024", "Müller", "naïve", "e\u0301t\u00e9",
              "snake_case", "_x", "'s", "\u2019s", "!", "...", "(a)", "\u00a0", "\u2009", "\n\n", " ", "\t", "A.", "ǅ"]
    rng = random.Random(15)
    text = "".join(rng.choice(pieces) + rng.choice(["", " ", "  ", "\n"]) for _ in range(3_000))
    text += "".join(chr(rng.choice([rng.randrange(0x20, 0x3000), 0x27, 0x2019, 0x2E, 0x5F, 0x73])) for _ in range(20_000))
    text += "!" * 3_000 + " " + "a" * 3_000 + "U.S." * 700 + "'s" * 900 + " end"  # long runs without a space
    # The token pattern as its comment spells it, tried alternative by alternative.
    whole = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W\d_]\w*(?:['\u2019](?![sS]\b)\w+)*|['\u2019][sS]\b|\d+(?:[.,]\d+)*|[^\s\w]")
    expected = [(m.group(), m.start(), m.end()) for m in whole.finditer(text)]
    for stretch, at_once in ((1, 1), (7, 3), (64, 512), (8192, 512)):
        monkeypatch.setattr(tokens_module, "STRETCH", stretch)
        monkeypatch.setattr(tokens_module, "MATCHES_AT_ONCE", at_once)
        assert [(t.text, t.start, t.end) for t in tokens_module.tokenize(text)] == expected


def test_a_long_run_without_spaces_is_tokenised_in_bounded_memory() -> None:
    # 2 MB of marks and no space: a token per character, whose columns take 10 bytes each; reading
    # them all in one split would hold a list entry and an offset object for each as well (over 80).
    import tracemalloc

    from factcheck.extract.tokens import tokenize

    text = "!?" * 1_000_000
    tokenize("warm up")
    tracemalloc.start()
    try:
        tokens = tokenize(text)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(tokens) == len(text) and tokens[-1].text == "?"
    assert peak / len(text) < 14
