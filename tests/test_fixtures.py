"""Golden fixtures: each article in fixtures/ beside the findings it must produce.

`fixtures/NAME.expected` lists one finding per line as `LINE:COL CODE SEVERITY SPAN-TEXT`;
lines starting with `#` are comments, and `# args: --date YYYY-MM-DD` sets options.
A fixture whose expected file has no finding lines must be silent.
"""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest

from conftest import FIXTURES
from factcheck.dates import parse_day
from factcheck.document import load_path

ARTICLES = sorted(p for p in FIXTURES.iterdir() if p.suffix in (".txt", ".md", ".html"))


def _expected(article: Path) -> tuple[list[str], str | None]:
    path = article.with_suffix(".expected")
    assert path.exists(), f"{article.name} has no golden file {path.name}"
    findings, date = [], None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# args:"):
            args = shlex.split(line[len("# args:"):])
            if "--date" in args:
                date = args[args.index("--date") + 1]
        elif line.strip() and not line.startswith("#"):
            findings.append(line.strip())
    return sorted(findings), date


def _actual(engine, article: Path, date: str | None) -> list[str]:
    result = engine.run(load_path(article, parse_day(date) if date else None))
    out = []
    for f in result.findings:
        line, col = result.document.position(f.span.start)
        text = result.document.text[f.span.start : f.span.end].replace("\n", " ")
        out.append(f"{line}:{col} {f.code} {f.severity} {text}")
    return sorted(out)


def test_there_are_enough_fixtures():
    assert len(ARTICLES) >= 26


@pytest.mark.parametrize("article", ARTICLES, ids=[a.name for a in ARTICLES])
def test_fixture(engine, article: Path):
    expected, date = _expected(article)
    assert _actual(engine, article, date) == expected
