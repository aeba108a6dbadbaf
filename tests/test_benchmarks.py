"""Accuracy against the committed figures (bench/results/accuracy.json).

The README's figures section must be exactly what the results file renders to (no corpus needed).
On the corpora in ../shared (research licences, never committed; skipped when absent) the sample
configuration is run again and held to the committed sample figures less a stated margin, so a
regression fails while improvements from other work pass; after such work, re-run
`python bench/accuracy.py --json --readme` and commit the new results.
"""

from __future__ import annotations

import functools
import json
import sys
from typing import Any

import pytest

from conftest import ROOT, SHARED

sys.path.insert(0, str(ROOT / "bench"))

import figures

CORPORA = SHARED / "corpora" / "dev"
RESULTS = json.loads((ROOT / "bench" / "results" / "accuracy.json").read_text(encoding="utf-8"))

# Margins below (or, for false positives, above) the committed sample figures.
RECALL_MARGIN = 0.10  # absolute, for each mutation kind with at least MIN_MUTATIONS in the sample
MIN_MUTATIONS = 10
PRECISION_MARGIN = 0.05
CLEAN_MARGIN = 1.0  # findings per 100 documents
TIMEBANK_MARGIN = 0.02
SHARE_MARGIN = 0.05

needs_corpora = pytest.mark.skipif(not (CORPORA / "reuters21578").exists(), reason="corpora absent (../shared/corpora)")


def test_readme_figures_are_the_committed_results():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = figures.section_of(readme)
    assert section is not None, f"README.md lacks {figures.START} ... {figures.END}"
    assert section == figures.render(RESULTS), "README figures differ from bench/results/accuracy.json: run " \
        "python bench/accuracy.py --json --readme (or re-render with --readme after editing the results)"


def test_results_say_where_they_come_from():
    assert RESULTS["commit"] and RESULTS["date"] and RESULTS["machine"] and RESULTS["command"]
    assert RESULTS["sample"]["limit"] > 0


@functools.cache
def _sample() -> dict[str, Any]:
    from accuracy import run

    return run(CORPORA, RESULTS["sample"]["limit"])


@needs_corpora
def test_clean_text_stays_quiet():
    now, then = _sample()["clean"], RESULTS["sample"]["clean"]
    for corpus, committed in then.items():
        assert now[corpus]["per_100"] <= committed["per_100"] + CLEAN_MARGIN, (corpus, now[corpus])
    assert _sample()["undated_reuters"]["per_100"] <= RESULTS["sample"]["undated_reuters"]["per_100"] + CLEAN_MARGIN


@needs_corpora
def test_mutation_recall_per_kind():
    now, then = _sample()["mutations"], RESULTS["sample"]["mutations"]
    checked = 0
    for kind, committed in then.items():
        if committed["made"] >= MIN_MUTATIONS:
            checked += 1
            assert now[kind]["made"] > 0 and now[kind]["recall"] >= committed["recall"] - RECALL_MARGIN, (kind, now[kind])
    assert checked >= 3
    assert _sample()["precision"] >= RESULTS["sample"]["precision"] - PRECISION_MARGIN


@needs_corpora
@pytest.mark.skipif(not (CORPORA / "real-news").exists(), reason="real-news set absent")
def test_real_news():
    now, then = _sample()["real_news"], RESULTS["sample"]["real_news"]
    assert now["annotations_not_matching_text"] == 0 and now["mutation_specs_not_matching_text"] == 0
    assert now["checkable_share"] >= then["checkable_share"] - SHARE_MARGIN
    assert now["recognised_share"] >= then["recognised_share"] - SHARE_MARGIN
    assert now["event_pairs_found"] >= then["event_pairs_found"] - 1  # of 10 annotated pairs
    assert now["stale_titles_caught"] >= then["stale_titles_caught"]
    assert now["fc101_on_right_mentions"] <= then["fc101_on_right_mentions"] + 2
    assert now["fc103_false_alarms"] <= then["fc103_false_alarms"]


@pytest.mark.skipif(not (CORPORA / "tbaq-timebank").exists(), reason="TimeBank corpus absent (../shared/corpora)")
def test_timebank_strict_and_relaxed():
    from timebank import evaluate
    from timebank import figures as timebank_figures

    now, then = timebank_figures(evaluate(CORPORA / "tbaq-timebank")), RESULTS["timebank"]
    for mode in ("strict", "relaxed"):
        for measure in ("precision", "recall"):
            assert now[mode][measure] >= then[mode][measure] - TIMEBANK_MARGIN, (mode, measure, now[mode])
    assert now["value_accuracy"] >= then["value_accuracy"] - TIMEBANK_MARGIN
