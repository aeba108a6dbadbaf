"""Lazy patterns: compiled by re.compile on first use, matching exactly as re.compile's pattern; and
no private interpreter API anywhere in the package."""

from __future__ import annotations

import copy
import pickle
import re
from pathlib import Path

from factcheck.lazyre import lazy

SRC = Path(__file__).resolve().parent.parent / "src" / "factcheck"


def test_a_lazy_pattern_is_compiled_on_first_use_and_matches_as_re_compile():
    pattern = lazy(r"(?P<w>[a-z]+)", re.IGNORECASE)
    assert "compiled" not in vars(pattern)
    assert pattern.search("42 Abc").group("w") == "Abc"
    assert "compiled" in vars(pattern) and pattern.groupindex == {"w": 1} and pattern.flags & re.IGNORECASE
    assert pattern.groups == 1 and pattern.compiled is pattern.compiled, "compiled once"
    plain = re.compile(r"(?P<w>[a-z]+)", re.IGNORECASE)
    text = "One two, THREE 4 five"
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert pattern.sub("x", text) == plain.sub("x", text) and pattern.split(text) == plain.split(text)


def test_a_lazy_pattern_survives_copying():
    pattern = lazy(r"\d+")
    assert copy.copy(pattern).findall("a1b22") == ["1", "22"]
    assert pickle.loads(pickle.dumps(pattern)).findall("a1b22") == ["1", "22"]


def test_no_private_interpreter_api_and_no_code_from_the_cache_folder():
    """The regular-expression internals (_sre, re._parser, re._compiler) and loading code or objects
    from files (pickle, marshal) are not used anywhere in the package."""
    banned = ("_sre", "re._parser", "re._compiler", "from re import _", "import marshal", "import pickle",
              "marshal.", "pickle.load")
    offenders = [f"{path.relative_to(SRC)}: {word}" for path in sorted(SRC.rglob("*.py"))
                 for word in banned if word in path.read_text(encoding="utf-8")]
    assert offenders == []
