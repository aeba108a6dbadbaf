"""`factcheck extract --format json`: the Facts layer, so users see what was understood."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from factcheck import __version__
from factcheck.facts import PersonMention, Span, TimeExpr
from factcheck.findings import Result

Text = Callable[[int, int], str]  # text_at of the document: a part of its text


def _span(text: Text, span: Span) -> dict[str, Any]:
    return {"text": text(span.start, span.end), "start": span.start, "end": span.end}


def _time(text: Text, t: TimeExpr) -> dict[str, Any]:
    return {"kind": "time", **_span(text, t.span), "value": t.value.iso(), "grain": t.value.grain,
            "anchor": t.anchor, "tense": t.tense, "clause_tense": t.clause_tense, "weekday": t.weekday,
            "pattern": t.kind}


def _mention(text: Text, m: PersonMention) -> dict[str, Any]:
    shown = {"kind": "person", **_span(text, m.span), "candidates": list(m.candidates), "via": m.via}
    return {**shown, "name": m.name} if m.name else shown


def render(results: list[Result]) -> str:
    documents = []
    for r in results:
        text, f = r.document.text_at, r.facts
        documents.append({
            "path": r.document.path,
            "date": f.document_date.iso(),
            "date_source": f.document_date.source,
            "sentences": [_span(text, s.span) for s in f.sentences],
            "times": [_time(text, t) for t in f.times],
            "mentions": [_mention(text, m) for m in f.mentions],
            "roles": [
                {"kind": "role", **_span(text, c.span), "title": c.title, "offices": list(c.offices),
                 "jurisdiction": c.jurisdiction, "jurisdiction_via": c.jurisdiction_via,
                 "person": _mention(text, c.person), "modifiers": list(c.modifiers), "quoted": c.quoted,
                 "event_time": _time(text, c.event_time) if c.event_time else None, "form": c.form}
                for c in f.roles
            ],
            "events": [
                {"kind": e.kind, **_span(text, e.span), "trigger": _span(text, e.trigger),
                 "agent": _mention(text, e.agent) if e.agent else None,
                 "patient": _mention(text, e.patient) if e.patient else None,
                 "place": e.place, "time": _time(text, e.time) if e.time else None, "quoted": e.quoted,
                 "exclusive": e.exclusive}
                for e in f.events
            ],
            "quotes": [_span(text, q) for q in f.quotes],
            "non_dates": [{"kind": n.kind, **_span(text, n.span)} for n in f.non_dates],
            "orders": [
                {"kind": "order", "relation": o.relation, "trigger": _span(text, o.trigger),
                 "first": _time(text, o.first), "second": _time(text, o.second)}
                for o in f.orders
            ],
        })
    return json.dumps({"version": 1, "tool": {"name": "factcheck", "version": __version__}, "documents": documents},
                      indent=2, ensure_ascii=False) + "\n"
