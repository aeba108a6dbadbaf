"""The shipped knowledge base: valid, faithful to its sources, and right on facts we checked by hand."""

from __future__ import annotations

import csv
import functools
import random
import re

import pytest
from typer.testing import CliRunner

from conftest import SHARED
from factcheck.dates import parse_partial
from factcheck.kb import open_kb
from factcheck.kb.commands import kb_app
from factcheck.kb.validate import validate

KB = open_kb()
SOURCES = SHARED / "data" / "kb-sources"


def test_shipped_kb_has_no_problems():
    from factcheck.paths import kb_dir

    report = validate(KB, kb_dir=kb_dir())
    assert report.problems == ()


def test_every_term_has_a_source():
    assert all(t.source for t in KB.terms)


# Hand-checked facts: (title as written, jurisdiction, day, the holder's name)
FACTS = [
    ("National Security Advisor", "US", "2025-03-01", "Mike Waltz"),
    ("National Security Advisor", "US", "2024-06-01", "Jake Sullivan"),
    ("Home Secretary", "GB", "2004-12-20", "Charles Clarke"),
    ("Home Secretary", "GB", "2003-06-01", "David Blunkett"),
    ("Prime Minister", "GB", "1985-06-01", "Margaret Thatcher"),
    ("Prime Minister", "GB", "2004-06-01", "Tony Blair"),
    ("Prime Minister", "GB", "2008-06-01", "Gordon Brown"),
    ("Chancellor of the Exchequer", "GB", "1987-03-02", "Nigel Lawson"),
    ("Chancellor of the Exchequer", "GB", "2004-06-01", "Gordon Brown"),
    ("Foreign Secretary", "GB", "2004-06-01", "Jack Straw"),
    ("Foreign Secretary", "GB", "1987-03-02", "Geoffrey Howe"),
    ("Defence Secretary", "GB", "2004-06-01", "Geoff Hoon"),
    ("President", "US", "1987-03-02", "Ronald Reagan"),
    ("President", "US", "2010-06-01", "Barack Obama"),
    ("President", "US", "2025-03-01", "Donald Trump"),
    ("Vice President", "US", "1987-03-02", "George H.W. Bush"),
    ("Vice President", "US", "2023-06-01", "Kamala Harris"),
    ("Secretary of State", "US", "1987-03-02", "George Shultz"),
    ("Secretary of State", "US", "2023-06-01", "Antony Blinken"),
    ("Secretary of the Treasury", "US", "1987-03-02", "James Baker"),
    ("Secretary of Defense", "US", "1987-03-02", "Caspar Weinberger"),
    ("Secretary of Defense", "US", "2023-06-01", "Lloyd Austin"),
    ("Secretary of Defense", "US", "2025-08-23", "Pete Hegseth"),
    ("Secretary of Agriculture", "US", "1987-03-02", "Richard Lyng"),
    ("Attorney General", "US", "2023-06-01", "Merrick Garland"),
    ("Prime Minister", "IN", "2010-06-01", "Manmohan Singh"),
    ("Prime Minister", "IN", "2020-06-01", "Narendra Modi"),
    ("Defence Minister", "IN", "2025-07-01", "Rajnath Singh"),
    ("External Affairs Minister", "IN", "2023-06-01", "S. Jaishankar"),
    ("Chancellor", "DE", "2023-06-01", "Olaf Scholz"),
    ("Prime Minister", "JP", "2025-03-01", "Shigeru Ishiba"),
    ("King", "GB", "2024-05-14", "Charles III"),
    ("Speaker", "US", "2024-03-20", "Mike Johnson"),
    ("Chancellor", "DE", "2010-06-01", "Angela Merkel"),
    ("Secretary-General", "UN", "2025-06-07", "António Guterres"),
]


@pytest.mark.parametrize("title,jurisdiction,day,name", FACTS, ids=[f"{f[0]}-{f[1]}-{f[2]}" for f in FACTS])
def test_well_known_fact(title, jurisdiction, day, name):
    ref = parse_partial(day)
    offices = [o for o in KB.offices_titled(title) if KB.offices[o].jurisdiction == jurisdiction]
    holders = {t.person for o in offices for t in KB.terms_in(o) if t.held(ref) == "yes"}
    assert len(holders) == 1
    person = KB.people[holders.pop()]
    assert name in (person.name, *person.aliases)


def test_open_terms_are_not_assumed_to_run_forever():
    # Wikidata's open ends mean "in office as of the extract (2022)": no claim about 2026 from them.
    ref = parse_partial("2026-01-01")
    only_wikidata = [t for t in KB.terms if t.source.startswith("wikidata:") and " ; " not in t.source and t.end is None]
    assert only_wikidata
    for t in only_wikidata:
        assert t.held(ref) != "yes"
        assert t.confirmed_until is None or t.confirmed_until <= parse_partial("2023-01-31").last


def test_name_changes_are_aliases():
    assert KB.people_named("Peter Mandelson") == KB.people_named("Lord Mandelson") != ()


@pytest.mark.parametrize("args,needle", [
    (["who", "National Security Advisor", "--on", "2025-03-01", "--jurisdiction", "US"], "Mike Waltz"),
    (["who", "National Security Advisor", "--on", "2024-06-01", "--jurisdiction", "US"], "Jake Sullivan"),
    (["who", "Home Secretary", "--on", "2004-12-20"], "Charles Clarke"),
    (["person", "Lloyd Austin"], "chicagocrusader"),
    (["stats"], "Secretary of Defense"),
    (["validate"], "0 problem(s)"),
])
def test_kb_commands(args, needle):
    result = CliRunner().invoke(kb_app, args, env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    assert needle in result.output


def _raw_rows_538() -> list[dict[str, str]]:
    with (SOURCES / "us-538-cabinet-turnover" / "cabinet-turnover.csv").open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


@functools.cache
def _raw_rows_wikidata(rel: str) -> tuple[dict[str, str], ...]:
    with (SOURCES / "everypolitician-wikidata" / rel).open(encoding="utf-8-sig", newline="") as fh:
        return tuple(csv.DictReader(fh))


@pytest.mark.skipif(not SOURCES.exists(), reason="../shared/data/kb-sources absent")
def test_a_sample_of_terms_matches_the_raw_source_rows():
    """120 terms drawn across IfG, FiveThirtyEight and Wikidata, compared with the raw row they cite."""
    rng = random.Random(7)
    ifg_apps = {}
    with (SOURCES / "uk-ifg-ministers" / "appointment.csv").open(encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            ifg_apps[row["id"]] = row
    raw538 = _raw_rows_538()
    checked = 0
    by_source = {"ifg": [], "fivethirtyeight": [], "wikidata": []}
    for t in KB.terms:
        for key, bucket in by_source.items():
            # Hand-written rows citing a bare QID (manual.csv) have no raw row to compare with.
            if t.source.startswith(key) and (key != "wikidata" or "(EveryPolitician " in t.source):
                bucket.append(t)
    first = {key: [(t, t.source.split(" ; ")[0]) for t in terms] for key, terms in by_source.items()}
    for key, terms in first.items():
        for t, source in rng.sample(terms, min(40, len(terms))):
            if key == "ifg":
                row = ifg_apps[source.split("/")[-1]]
                assert t.start.iso() == row["start_date"][:10]
                assert (t.end.iso() if t.end else "") == row["end_date"][:10]
            elif key == "fivethirtyeight":
                row = raw538[int(source.rsplit(" ", 1)[-1]) - 2]
                assert KB.people[t.person].name == row["appointee"] or row["appointee"] in KB.people[t.person].aliases
            else:
                # "wikidata:Q3056379 (EveryPolitician india-ministers/holders21.csv row 48)": the cited file must
                # hold a row for that QID starting that day, naming the person the term is given to.
                qid, rel = re.fullmatch(r"wikidata:(Q\d+) \(EveryPolitician ([^ )]+)(?: row \d+)?\)", source).groups()
                rows = [r for r in _raw_rows_wikidata(rel) if r["personID"] == qid and r["start"] == t.start.iso()]
                assert rows, (source, t.start.iso())
                person = KB.people[t.person]
                assert person.qid in ("", qid)
                assert rows[0]["person"] in (person.name, *person.aliases), (rows[0]["person"], person.name)
            checked += 1
    assert checked >= 100


def test_name_variants_keep_a_generational_suffix():
    from factcheck.kb.importers.names import variants

    assert "Ferdinand Marcos" not in variants("Ferdinand Marcos Jr.")  # the son's name is not the father's
    assert "Robert Kennedy Jr." in variants("Robert F. Kennedy Jr.")  # a middle initial may go
    assert "Mark Esper" in variants("Mark T. Esper")
    assert "Antonio Guterres" in variants("António Guterres")


@pytest.mark.parametrize("name,qid", [("Benjamin Netanyahu", "Q43723"), ("William Ruto", "Q195725"),
                                      ("Christine Lagarde", "Q484605"), ("Sergei Lavrov", "Q58217")])
def test_curated_people_join_their_wikidata_item(name, qid):
    # News pages give no QID: the curated person is the one Wikidata item of that name in the
    # jurisdiction (or the item overrides.toml names), not a second person a title cannot tell apart.
    assert [KB.people[p].qid for p in KB.people_named(name)] == [qid]


def test_an_aka_note_lists_several_names():
    assert KB.people_named("Volodymyr Zelenskyy") == KB.people_named("Volodymyr Zelensky") != ()


def test_a_start_less_row_seen_later_confirms_the_same_persons_term():
    # Lavrov: Wikidata's term from 2004 (in office as of 2022), the curated row without a start (in
    # office as of a 2025 page), and nobody else starting in between: one term known to 2025.
    (lavrov,) = KB.people_named("Sergei Lavrov")
    assert KB.held(lavrov, "ru.foreign-minister", parse_partial("2024-05-14")) == "yes"


def test_a_start_less_row_does_not_bridge_another_holders_term():
    from factcheck.dates import Interval
    from factcheck.kb.model import Jurisdiction, KnowledgeBase, Office, Person, Term

    day = parse_partial
    office = Office(id="x.fm", jurisdiction="X", name="Foreign Minister", single_holder=True, titles=())
    ann = [Term("a", "x.fm", day("2004-03-09"), None, confirmed_until=day("2010-01-01").start, source="s"),
           Term("a", "x.fm", None, None, confirmed_until=day("2025-01-01").start, source="s")]
    kb = KnowledgeBase.build(
        [Jurisdiction("X", "Xland", ())], [office], [Person("a", "Ann Aa"), Person("b", "Bo Bb")],
        [*ann, Term("b", "x.fm", day("2012-01-01"), day("2014-01-01"), source="s")])
    first = next(t for t in kb.terms if t.person == "a" and t.start is not None)
    assert first.confirmed_until == day("2010-01-01").start  # Bo Bb's term lies in between
    assert kb.held("a", "x.fm", Interval.day(day("2013-01-01").start)) == "unknown"
    alone = KnowledgeBase.build([Jurisdiction("X", "Xland", ())], [office], [Person("a", "Ann Aa")], ann)
    first = next(t for t in alone.terms if t.start is not None)
    assert first.confirmed_until == day("2025-01-01").start and "in office 2025-01-01" in first.source
    assert alone.held("a", "x.fm", Interval.day(day("2020-01-01").start)) == "yes"


def test_build_joins_a_curated_person_only_to_the_one_item_of_that_name():
    from factcheck.kb.build import Row, _people
    from factcheck.kb.importers.common import SourceTerm

    rows = [Row("curated", SourceTerm("Ann Aa", "x.pm", "2024-01-01", "", "https://example.org/a")),
            Row("wikidata", SourceTerm("Ann Aa", "x.fm", "2010-01-01", "2012-01-01", "wikidata:Q1", qid="Q1")),
            Row("curated", SourceTerm("Bo Bb", "x.pm", "2020-01-01", "2024-01-01", "https://example.org/b")),
            Row("wikidata", SourceTerm("Bo Bb", "x.fm", "1990-01-01", "1992-01-01", "wikidata:Q2", qid="Q2")),
            Row("wikidata", SourceTerm("Bo Bb", "x.dm", "1970-01-01", "1972-01-01", "wikidata:Q3", qid="Q3")),
            Row("curated", SourceTerm("Cy Cc", "y.pm", "2020-01-01", "", "https://example.org/c")),
            Row("wikidata", SourceTerm("Cy Cc", "x.fm", "2000-01-01", "2002-01-01", "wikidata:Q4", qid="Q4"))]
    rows, people, merges = _people(rows, {}, {})
    pids = [r.pid for r in rows]
    assert pids[0] == pids[1]  # Ann: one item of that name in X
    assert len({pids[2], pids[3], pids[4]}) == 3  # Bo: two items of that name, no join
    assert pids[5] != pids[6]  # Cy: another jurisdiction
    assert [m for m in merges if "curated pages" in m[3]] and len(merges) == 1
