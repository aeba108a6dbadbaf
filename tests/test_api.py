"""The public Python API: what a notebook or a pipeline calls."""

from __future__ import annotations

import pickle
from datetime import date

import pytest

import factcheck
from factcheck.errors import UsageError

STALE = "U.S. Secretary of Defense Lloyd Austin spoke to reporters."


def test_scan_text_finds_a_stale_title_at_the_date_given():
    findings = factcheck.scan_text(STALE, date="2025-07-01")
    assert [(f.code, f.rule) for f in findings] == [("FC101", "role-tenure")]
    assert isinstance(findings[0], factcheck.Finding)
    # In office on that day: nothing to report.
    assert factcheck.scan_text(STALE, date=date(2023, 7, 1)) == []


def test_the_engine_pickles_and_a_copy_checks_the_same():
    engine = factcheck.load_engine()
    copy = pickle.loads(pickle.dumps(engine))
    assert factcheck.scan_text(STALE, date="2025-07-01", engine=copy) == factcheck.scan_text(STALE, date="2025-07-01", engine=engine)


def test_load_engine_selects_rules():
    engine = factcheck.load_engine(ignore=["role-tenure"])
    assert "FC101" not in {r.code for r in engine.rules}
    assert factcheck.scan_text(STALE, date="2025-07-01", engine=engine) == []
    with pytest.raises(UsageError, match="unknown rule"):
        factcheck.load_engine(select=["FC9999"])


def test_extract_text_returns_the_facts_layer():
    facts = factcheck.extract_text("The call took place on Monday, July 1, 2025.")
    assert isinstance(facts, factcheck.Facts)
    assert [t.value.iso() for t in facts.times] == ["2025-07-01"]


def test_check_text_keeps_path_and_reads_markdown_by_suffix():
    result = factcheck.check_text("---\ndate: 2025-07-01\n---\n\n" + STALE + "\n", path="a.md")
    assert result.document.path == "a.md"
    assert result.facts.document_date.source == "front-matter"
    assert [f.code for f in result.findings] == ["FC101"]
    assert result.document.position(result.findings[0].span.start) == (5, 1)


def test_a_bad_date_is_a_one_line_usage_error():
    with pytest.raises(UsageError, match="YYYY-MM-DD"):
        factcheck.scan_text(STALE, date="July 2025")


def test_import_factcheck_does_not_load_the_engine():
    import subprocess
    import sys

    code = "import sys, factcheck; print('factcheck.engine' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "False"
