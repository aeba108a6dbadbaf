"""Golden fixtures: each article in fixtures/ beside the findings it must produce.

`fixtures/NAME.expected` lists one finding per line as `LINE:COL CODE SEVERITY SPAN-TEXT`;
lines starting with `#` are comments, and `# args: --date YYYY-MM-DD` sets options.
A fixture whose expected file has no finding lines must be silent.

`# known-gap: PART: REASON` marks a fixture whose golden file says what the checker should report but
does not yet (PART is the part that must change: read, judge or kb). It runs as a strict xfail: it must
still fail, and once the gap is closed the test fails until the line is removed, so no marker goes stale.
"""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest

from conftest import FIXTURES
from factcheck.dates import parse_day
from factcheck.document import load_path

ARTICLES = sorted(p for p in FIXTURES.iterdir() if p.suffix in (".txt", ".md", ".html"))


GAP_PARTS = ("read", "judge", "kb")


def _golden(article: Path) -> tuple[list[str], str | None, str | None]:
    """The golden file's findings, its --date, and its known-gap reason (None when there is none)."""
    path = article.with_suffix(".expected")
    assert path.exists(), f"{article.name} has no golden file {path.name}"
    findings, date, gap = [], None, None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# known-gap:"):
            gap = line[len("# known-gap:"):].strip()
            assert gap.split(":", 1)[0].strip() in GAP_PARTS and ":" in gap, f"{path.name}: '# known-gap: PART: REASON'"
        elif line.startswith("# args:"):
            args = shlex.split(line[len("# args:"):])
            if "--date" in args:
                date = args[args.index("--date") + 1]
        elif line.strip() and not line.startswith("#"):
            findings.append(line.strip())
    return sorted(findings), date, gap


def _actual(engine, article: Path, date: str | None) -> list[str]:
    result = engine.run(load_path(article, parse_day(date) if date else None))
    out = []
    for f in result.findings:
        line, col = result.document.position(f.span.start)
        text = result.document.text[f.span.start : f.span.end].replace("\n", " ")
        out.append(f"{line}:{col} {f.code} {f.severity} {text}")
    return sorted(out)


def test_every_golden_file_has_its_article():
    articles = {a.stem for a in ARTICLES}
    orphans = [p.name for p in FIXTURES.glob("*.expected") if p.stem not in articles]
    assert not orphans, f"golden files without an article (renamed or deleted?): {orphans}"


def _param(article: Path):  # type: ignore[no-untyped-def]
    gap = _golden(article)[2]
    marks = [pytest.mark.xfail(reason=f"known gap ({gap})", strict=True)] if gap else []
    return pytest.param(article, id=article.name, marks=marks)


@pytest.mark.parametrize("article", [_param(a) for a in ARTICLES])
def test_fixture(engine, article: Path):
    expected, date, _ = _golden(article)
    assert _actual(engine, article, date) == expected
