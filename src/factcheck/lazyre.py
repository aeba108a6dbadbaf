"""Regular expressions compiled the first time they are used.

Python compiles a pattern in Python code, and a module that compiles its patterns when imported
makes every run pay for them, also for texts that never need them (Markdown masks for a plain text
file, directives in a file without one). A lazy pattern costs nothing until a text asks for it.
"""

from __future__ import annotations

import re


class _LazyPattern:
    def __init__(self, source: str, flags: int) -> None:
        self._source = source
        self._flags = flags

    def __getattr__(self, name: str):
        # Called only until the first use: afterwards the compiled pattern's methods are attributes
        # of this object, found without this detour.
        compiled = re.compile(self._source, self._flags)
        for method in ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split"):
            setattr(self, method, getattr(compiled, method))
        self.pattern, self.flags, self.groupindex = compiled.pattern, compiled.flags, compiled.groupindex
        return getattr(compiled, name)


def lazy(source: str, flags: int = 0) -> re.Pattern[str]:
    """A pattern that behaves as re.compile(source, flags) and is compiled on first use."""
    return _LazyPattern(source, flags)  # type: ignore[return-value]
