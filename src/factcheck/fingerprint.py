"""A finding's identity that survives edits elsewhere: rule, the words of its span, the rest of its sentence.

Line numbers and neighbouring paragraphs are left out on purpose, so an accepted finding keeps its
identity when the paragraph moves (baselines) and code-scanning services can track it across
commits (SARIF partialFingerprints).
"""

from __future__ import annotations

import hashlib
import re

from factcheck.findings import Finding, Result

_WORD = re.compile(r"\w+")


def _words(text: str) -> str:
    return " ".join(w.lower() for w in _WORD.findall(text))


def fingerprint(result: Result, finding: Finding) -> str:
    text = result.document.text_at
    sentence = result.facts.sentences.containing(finding.span.start) or finding.span
    key = "\x1f".join((finding.code, _words(text(finding.span.start, finding.span.end)),
                       _words(text(sentence.start, finding.span.start)), _words(text(finding.span.end, sentence.end))))
    return hashlib.sha256(key.encode()).hexdigest()[:24]
