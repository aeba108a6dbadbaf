"""HTML read with a parser (text, offsets back to the page, the page's own date) and positions in
files with a byte-order mark, CRLF line ends or a hard-wrapped claim."""

from __future__ import annotations

import json
from datetime import date

import pytest

from _cli import run
from factcheck.document import from_html, from_text
from factcheck.html_text import read_html


def _page(head: str = "", body: str = "") -> str:
    return f"<!DOCTYPE html>\n<html>\n<head>\n{head}\n</head>\n<body>\n{body}\n</body>\n</html>\n"


@pytest.mark.parametrize("head,body,day,evidence", [
    ('<meta property="article:published_time" content="2025-07-01T23:30:00-04:00">', "", date(2025, 7, 1), "article:published_time"),
    ('<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "datePublished": "2024-03-05T08:00:00Z"}]}</script>',
     "", date(2024, 3, 5), "JSON-LD"),
    ('<meta name="date" content="2023-11-13">', "", date(2023, 11, 13), "date"),
    ("", '<article><time datetime="2022-02-24T05:00">24 February</time><p>Text.</p></article>', date(2022, 2, 24), "time"),
    ('<meta name="date" content="Monday">', "", None, ""),  # no year: no date, and never today's
    ("", "<p>No date anywhere.</p>", None, ""),
])
def test_page_date(head, body, day, evidence):
    page = read_html(_page(head, body))
    assert page.published == day
    assert evidence in page.date_evidence


def test_published_time_wins_over_time_element():
    page = read_html(_page('<meta property="article:published_time" content="2025-01-02">',
                           '<time datetime="2019-05-05">then</time>'))
    assert page.published == date(2025, 1, 2)


def test_head_scripts_styles_navigation_are_not_prose():
    source = _page("<title>Old headline</title><style>p{}</style>",
                   '<nav>Menu</nav><div role="navigation">Links</div><script>var a = 1;</script>'
                   "<h1>Headline</h1><p>First <b>bold</b> para&shy;graph &amp; more.</p><footer>Foot</footer>")
    text = read_html(source).text
    assert "Old headline" not in text and "Menu" not in text and "Links" not in text and "var a" not in text
    assert "Foot" not in text and "<" not in text
    assert "Headline\n\nFirst bold para\u00adgraph & more." in text


def test_head_without_end_tag_still_reads_the_body():
    text = read_html("<html><head><title>T</title><body><p>Body text.</p></body></html>").text
    assert "Body text." in text and "T" not in text.replace("Body text.", "")


def test_every_character_maps_back_to_its_source():
    source = _page(body="<p>Prime Minister <a href='/x'>Rishi&nbsp;Sunak</a> spoke.</p>")
    page = read_html(source)
    start = page.text.index("Rishi")
    assert source[page.offsets[start] : page.offsets[start] + 5] == "Rishi"
    nbsp = page.text.index("Sunak") - 1
    assert source[page.offsets[nbsp] : page.offsets[nbsp] + 6] == "&nbsp;"


def test_markup_between_title_and_name_keeps_the_claim_and_its_position():
    source = _page('<meta property="article:published_time" content="2025-07-01">',
                   "<p>He met\n<em>U.S. Secretary of Defense</em> <a href=\"/a\">Lloyd Austin</a> today.</p>")
    doc = from_html("a.html", source)
    assert doc.date_source == "metadata" and doc.declared_date == date(2025, 7, 1)
    from conftest import _engine

    result = _engine().run(doc)
    assert [f.code for f in result.findings] == ["FC101"]
    line, col = doc.position(result.findings[0].span.start)
    assert source.split("\n")[line - 1][col - 1 :].startswith("U.S. Secretary")


def test_directive_in_an_html_comment_suppresses(tmp_path):
    page = tmp_path / "a.html"
    page.write_text(_page('<meta name="date" content="2025-07-01">',
                          "<p>He met U.S. Secretary of Defense Lloyd Austin. <!-- factcheck: ignore[FC101] --></p>"))
    out = json.loads(run("scan", str(page), "--format", "json").stdout)
    assert out["documents"][0]["findings"] == []


def test_extract_shows_no_tags(tmp_path):
    page = tmp_path / "a.html"
    page.write_text(_page("<title>T</title>", "<p>Prime Minister <a href='/x'>Keir Starmer</a> spoke.</p>"))
    out = json.loads(run("extract", str(page), "--format", "json").stdout)
    texts = [s["text"] for s in out["documents"][0]["sentences"]] + [r["text"] for r in out["documents"][0]["roles"]]
    assert texts and not any("<" in t or "href" in t for t in texts)


@pytest.mark.parametrize("raw,line,col", [
    ("\ufeffHe met U.S. Secretary of State Antony Blinken.\r\n", 1, 8),  # a BOM is not a column
    ("Intro.\r\nHe met U.S. Secretary of State Antony Blinken.\r\n", 2, 8),  # CRLF
    ("He met the visiting U.S.\nSecretary of State Antony Blinken.\n", 1, 21),  # the cue starts the span
    ("He met the visiting\nU.S. Secretary of State\nAntony Blinken.\n", 2, 1),
])
def test_positions_are_those_of_the_span_start(raw, line, col, tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(raw.encode("utf-8"))
    sarif = json.loads(run("scan", str(path), "--format", "sarif", "--date", "2025-03-03").stdout)
    region = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (line, col)
    js = json.loads(run("scan", str(path), "--format", "json", "--date", "2025-03-03").stdout)
    finding = js["documents"][0]["findings"][0]
    assert (finding["line"], finding["column"]) == (line, col)
    doc = from_text("a.txt", raw)
    assert doc.text[0] != "\ufeff"
