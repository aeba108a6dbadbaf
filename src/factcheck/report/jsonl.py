"""--format jsonl: one finding per line (the JSON contract's finding object plus its path), for streaming."""

from __future__ import annotations

import json

from factcheck.findings import Result
from factcheck.report.json import finding_object


def render(results: list[Result]) -> str:
    return "".join(
        json.dumps({"path": r.document.path, **obj}, ensure_ascii=False) + "\n"
        for r in results for obj in finding_object(r)
    )
