"""Accuracy on real text nobody here wrote. Reads ../shared/corpora (research licences, never
committed) and skips when it is absent. Thresholds sit a little below the measured figures, so a
regression fails CI; the figures themselves are in the README."""

from __future__ import annotations

import sys

import pytest

from conftest import ROOT, SHARED

sys.path.insert(0, str(ROOT / "bench"))

CORPORA = SHARED / "corpora" / "dev"


@pytest.mark.skipif(not (CORPORA / "tbaq-timebank").exists(), reason="TimeBank corpus absent (../shared/corpora)")
def test_timebank_value_accuracy_and_precision():
    from timebank import evaluate

    scores = evaluate(CORPORA / "tbaq-timebank")
    assert scores.value_accuracy >= 0.90
    assert scores.relaxed_precision >= 0.93
    assert scores.date_recall >= 0.84


@pytest.mark.skipif(not (CORPORA / "reuters21578").exists(), reason="Reuters corpus absent (../shared/corpora)")
def test_clean_reuters_sample_is_nearly_silent(engine):
    from corpora import reuters

    from factcheck.document import from_text

    docs = list(reuters(limit=1000))
    findings = [f for doc_id, day, text in docs for f in engine.run(from_text(doc_id, text, day)).findings]
    errors = [f for f in findings if f.severity == "error"]
    assert len(errors) <= len(docs) // 100  # at most 1 error per 100 documents
    assert len(findings) <= 3 * len(docs) // 100


@pytest.mark.skipif(not (CORPORA / "reuters21578").exists(), reason="Reuters corpus absent (../shared/corpora)")
def test_mutation_benchmark_sample():
    from accuracy import run

    report = run(CORPORA, limit=300, seed=1987, listing=None)
    rules = {r["mutation"]: r for r in report["rules"]}
    assert report["clean_errors_per_100"] <= 1.0
    assert report["clean_findings_per_100"] <= 3.0
    assert report["precision"] >= 0.95
    # Without their dates the stories must stay as quiet (a dateline without a year gives no date).
    assert report["undated_documents"] > 0 and report["undated_findings_per_100"] <= 1.0
    for kind, floor in (("holder-swap", 0.9), ("weekday", 0.95), ("range", 0.95), ("attribution", 0.9)):
        assert rules[kind]["mutations"] > 0 and rules[kind]["recall"] >= floor, (kind, rules[kind])
