"""Quoted speech: claims inside quotation marks are the speaker's words, not the writer's."""

from __future__ import annotations

import re

from factcheck.facts import Span
from factcheck.lazyre import lazy

_CURLY = lazy(r"\u201c[^\u201d]*\u201d", re.S)
# Straight quotes pair up within a paragraph; an opening quote starts the text or follows a space or
# bracket. The pattern begins with the quote itself and looks behind it only then: a pattern that
# begins with the look-behind is tried at every position and took ten times as long.
_STRAIGHT = lazy(r'"(?<=(?<![^\s(\[])")[^"\n]*(?:\n(?!\s*\n)[^"\n]*)*"')


def find_quotes(prose: str) -> tuple[Span, ...]:
    spans = [Span(m.start(), m.end()) for m in _CURLY.finditer(prose)]
    spans += [Span(m.start(), m.end()) for m in _STRAIGHT.finditer(prose)]
    return tuple(sorted(spans, key=lambda s: (s.start, s.end)))
