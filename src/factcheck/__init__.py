"""factcheck: find statements in prose that cannot all be true.

The public API (see factcheck.api): `load_engine`, `scan_text`, `check_text`, `extract_text`,
`check_document`. They are imported on first use, so that `import factcheck` (which the console
script does) stays as cheap as reading the version.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from factcheck.api import Engine, Result, check_document, check_text, extract_text, load_engine, scan_text
    from factcheck.facts import Facts
    from factcheck.findings import Finding

__all__ = ["Engine", "Facts", "Finding", "Result", "__version__", "check_document", "check_text", "extract_text",
           "load_engine", "scan_text"]

_API = {"Engine": "factcheck.api", "Result": "factcheck.api", "check_document": "factcheck.api",
        "check_text": "factcheck.api", "extract_text": "factcheck.api", "load_engine": "factcheck.api",
        "scan_text": "factcheck.api", "Facts": "factcheck.facts", "Finding": "factcheck.findings"}


def __getattr__(name: str) -> Any:
    module = _API.get(name)
    if module is None:
        raise AttributeError(f"module 'factcheck' has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(module), name)
