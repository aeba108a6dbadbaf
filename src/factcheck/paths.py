"""Where the shipped data lives, whether installed from a wheel or in a source checkout."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def rules_dir() -> Path:
    """The shipped `rules/` folder (packaged as factcheck.rules)."""
    return Path(str(resources.files("factcheck.rules")))


def kb_dir() -> Path:
    return rules_dir() / "kb"
