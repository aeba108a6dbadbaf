"""The README stays a user's guide: short, with the set-up commands CI runs, and one figures section."""

from __future__ import annotations

import re

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_is_under_15_kb():
    assert len(README.encode()) < 15 * 1024


def test_the_test_command_is_the_one_ci_runs():
    commands = re.findall(r"```sh\n(.*?)\n```", README, re.S)
    assert len(commands) == 2 and commands[0].startswith("python3 -m venv .venv && .venv/bin/pip install . ")
    ci = [line.replace(" -q", "") for line in (ROOT / ".ci" / "run").read_text().splitlines()]
    assert commands[1] in ci  # CI runs the same command, only quieter


def test_one_figures_section_between_markers():
    assert README.count("<!-- figures:start -->") == 1 and README.count("<!-- figures:end -->") == 1
    assert README.index("<!-- figures:start -->") < README.index("## Measured on real text") < README.index("<!-- figures:end -->")
