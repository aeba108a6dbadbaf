"""One selector matcher for --select/--ignore, the configuration and inline suppressions."""

from __future__ import annotations

import pytest

from factcheck.findings import selects


@pytest.mark.parametrize("selector,code,name,expected", [
    ("ALL", "FC101", "role-tenure", True),
    ("all", "ACME001", "old-name", True),
    ("FC101", "FC101", "role-tenure", True),
    ("fc1", "FC101", "role-tenure", True),
    ("FC", "FC101", "role-tenure", True),
    ("F", "FC101", "role-tenure", False),
    ("FC2", "FC101", "role-tenure", False),
    ("role-tenure", "FC101", "role-tenure", True),
    ("role", "FC101", "role-tenure", False),
    ("ACME", "ACME001", "old-name", True),
    ("ACME00", "ACME001", "old-name", True),
    ("AC", "ACME001", "old-name", False),
    ("", "FC101", "role-tenure", False),
])
def test_selects(selector, code, name, expected):
    assert selects(selector, code, name) is expected
