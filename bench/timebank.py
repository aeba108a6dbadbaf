"""Temporal tagging against TimeBank (gold TIMEX3 in ../shared/corpora/dev/tbaq-timebank).

Strips the TimeML tags keeping offsets, uses the gold CREATION_TIME as document date, and reports
for gold TIMEX3 of type DATE: span recall (any overlap), value accuracy on matched spans, and the
precision of predicted expressions against any gold TIMEX3. Usage: python bench/timebank.py [--list]
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import CORPORA  # noqa: E402

from factcheck.dates import parse_day  # noqa: E402
from factcheck.extract.sentences import split_sentences  # noqa: E402
from factcheck.temporal import find_times  # noqa: E402

_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    type: str
    value: str
    text: str


def parse(path: Path) -> tuple[str, str, list[Gold]]:
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>', raw)
    dct_value = dict(_ATTR.findall(dct.group())).get("value", "") if dct else ""
    body = raw[raw.index("<TEXT>") + 6 : raw.index("</TEXT>")]
    out: list[str] = []
    golds: list[Gold] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    pos = 0
    length = 0
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos : m.start()])
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, name, attrs = m.groups()
        if name == "TIMEX3":
            if not closing:
                open_timex = (length, dict(_ATTR.findall(attrs)))
            elif open_timex is not None:
                start, a = open_timex
                golds.append(Gold(start, length, a.get("type", ""), a.get("value", ""), "".join(out)[start:length]))
                open_timex = None
    out.append(html.unescape(body[pos:]))
    return "".join(out), dct_value[:10], golds


@dataclass(frozen=True)
class Scores:
    gold_dates: int
    matched: int
    scored: int
    correct: int
    predicted: int
    predicted_ok: int

    @property
    def recall(self) -> float:
        return self.matched / max(self.gold_dates, 1)

    @property
    def value_accuracy(self) -> float:
        return self.correct / max(self.scored, 1)

    @property
    def precision(self) -> float:
        return self.predicted_ok / max(self.predicted, 1)


def evaluate(root: Path, listing: list[str] | None = None) -> Scores:
    """Score the temporal tagger on every .tml file under root; disagreements go to `listing`."""
    gold_dates = matched = correct = predicted = predicted_ok = underspecified = 0
    for path in sorted(root.glob("*.tml")):
        text, dct, golds = parse(path)
        sentences = split_sentences(text)
        times, _, _ = find_times(text, sentences, parse_day(dct), "option")
        for t in times:
            predicted += 1
            if any(g.start < t.span.end and t.span.start < g.end for g in golds):
                predicted_ok += 1
            elif listing is not None:
                listing.append(f"FP   {path.name}: {t.text!r} -> {t.value.iso()}")
        for g in golds:
            if g.type != "DATE":
                continue
            gold_dates += 1
            hit = [t for t in times if t.span.start < g.end and g.start < t.span.end]
            if not hit:
                if listing is not None:
                    listing.append(f"MISS {path.name}: {g.text!r} = {g.value}")
                continue
            matched += 1
            value = hit[0].value.iso()
            if "X" in g.value:
                underspecified += 1  # TimeML leaves "1989-WXX" unresolved: nothing to compare with
                continue
            if value == g.value:
                correct += 1
            elif listing is not None:
                listing.append(f"BAD  {path.name}: {g.text!r} gold {g.value} got {value} ({hit[0].text!r}, dct {dct})")
    return Scores(gold_dates, matched, matched - underspecified, correct, predicted, predicted_ok)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--list", action="store_true", help="list every disagreement")
    args = parser.parse_args()
    root = CORPORA / "tbaq-timebank"
    if not root.exists():
        print(f"skipped: {root} is absent")
        return 0
    listing: list[str] = []
    s = evaluate(root, listing if args.list else None)
    print("\n".join(listing))
    print(f"gold DATE expressions: {s.gold_dates}")
    print(f"span recall:    {s.recall:.1%} ({s.matched}/{s.gold_dates})")
    print(f"value accuracy: {s.value_accuracy:.1%} ({s.correct}/{s.scored}; {s.matched - s.scored} gold values left"
          " underspecified with X, such as 1989-WXX, are not scored)")
    print(f"precision:      {s.precision:.1%} ({s.predicted_ok}/{s.predicted})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
