"""Each check's EXAMPLES table (next to its code) runs here: sentences that must fire and must not."""

from __future__ import annotations

import pytest

from conftest import _engine, scan_text

CASES = [(rule.code, ex) for rule in _engine().rules for ex in rule.examples]


def test_every_rule_has_firing_and_silent_examples():
    for rule in _engine().rules:
        kinds = {ex.fires for ex in rule.examples}
        assert kinds == {True, False}, rule.code


@pytest.mark.parametrize("code,example", CASES, ids=[f"{c}-{'fires' if e.fires else 'silent'}-{i}" for i, (c, e) in enumerate(CASES)])
def test_example(code, example):
    result = scan_text(example.text, example.date)
    fired = [f for f in result.findings if f.code == code]
    assert bool(fired) == example.fires, [f.message for f in result.findings]
