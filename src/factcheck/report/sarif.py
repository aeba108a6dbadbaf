"""--format sarif: SARIF 2.1.0 for code scanning (GitHub, GitLab, Azure DevOps)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

from factcheck import __version__
from factcheck.checks.registry import Rule
from factcheck.findings import Result
from factcheck.fingerprint import fingerprint
from factcheck.report import locate

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _region(line: int, col: int, end_line: int, end_col: int) -> dict[str, Any]:
    return {"startLine": line, "startColumn": col, "endLine": end_line, "endColumn": end_col}


def _uri(path: str) -> str:
    """A URI reference: relative paths stay relative (code scanning resolves them against the
    checkout), absolute ones become file: URIs."""
    if path == "-":
        return "stdin"
    p = Path(path)
    return p.as_uri() if p.is_absolute() else quote(p.as_posix())


def _doc(rule: Rule) -> str:
    """The rule's documentation (its check module's docstring); the summary for rules without one."""
    return rule.doc


def render(results: list[Result], rules: tuple[Rule, ...]) -> str:
    index = {r.code: i for i, r in enumerate(rules)}
    out_results = []
    for result in results:
        for loc in locate(result):
            f = loc.finding
            related = [
                {"id": n, "message": {"text": m},
                 "physicalLocation": {"artifactLocation": {"uri": _uri(result.document.path)}, "region": _region(ln, c, el, ec)}}
                for n, (ln, c, el, ec, m) in enumerate(loc.related, start=1)
            ]
            entry: dict[str, Any] = {
                "ruleId": f.code,
                "level": LEVEL[f.severity],
                "message": {"text": f.message},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": _uri(result.document.path)},
                    "region": _region(loc.line, loc.column, loc.end_line, loc.end_column),
                }}],
                "partialFingerprints": {"factcheck/v1": fingerprint(result, f)},
            }
            if f.code in index:
                entry["ruleIndex"] = index[f.code]
            if related:
                entry["relatedLocations"] = related
            out_results.append(entry)
    driver = {
        "name": "factcheck",
        "version": __version__,
        "informationUri": "https://example.org/factcheck",
        "rules": [
            {
                "id": r.code,
                "name": r.name,
                "shortDescription": {"text": r.summary},
                "fullDescription": {"text": _doc(r).split("\n\n")[0]},
                "help": {"text": _doc(r)},
                "defaultConfiguration": {"level": LEVEL[r.severity]},
            }
            for r in rules
        ],
    }
    payload = {"$schema": SCHEMA, "version": "2.1.0", "runs": [{"tool": {"driver": driver}, "columnKind": "unicodeCodePoints",
                                                      "results": out_results}]}
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
