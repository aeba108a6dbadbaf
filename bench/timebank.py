"""Temporal tagging against TimeBank (gold TIMEX3 in ../shared/corpora/dev/tbaq-timebank).

Strips the TimeML tags keeping offsets, uses the gold CREATION_TIME as document date, and scores
the temporal tagger two ways over every gold TIMEX3 in the text (DATE, TIME, DURATION, SET):

* strict:  a prediction matches a gold expression with exactly the same span and the same type
           (our dates are DATE, durations DURATION, recurring sets SET);
* relaxed: a prediction matches a gold expression it overlaps, whatever either's type.

Both report precision and recall; value accuracy is scored on gold DATEs matched (relaxed) by a
date, leaving out gold values TimeML itself leaves underspecified ("1989-WXX").
Usage: python bench/timebank.py [--list]
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import CORPORA
from factcheck.dates import parse_day
from factcheck.extract.sentences import split_sentences
from factcheck.temporal import find_times

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
    gold: int  # gold TIMEX3 in the text, every type
    predicted: int  # our expressions: dates, durations and sets
    strict_gold_matched: int
    strict_predicted_matched: int
    relaxed_gold_matched: int
    relaxed_predicted_matched: int
    gold_dates: int
    dates_matched: int  # gold DATEs overlapped by a predicted date
    scored: int  # of those, with a fully specified gold value
    correct: int

    @property
    def strict_precision(self) -> float:
        return self.strict_predicted_matched / max(self.predicted, 1)

    @property
    def strict_recall(self) -> float:
        return self.strict_gold_matched / max(self.gold, 1)

    @property
    def relaxed_precision(self) -> float:
        return self.relaxed_predicted_matched / max(self.predicted, 1)

    @property
    def relaxed_recall(self) -> float:
        return self.relaxed_gold_matched / max(self.gold, 1)

    @property
    def date_recall(self) -> float:
        return self.dates_matched / max(self.gold_dates, 1)

    @property
    def value_accuracy(self) -> float:
        return self.correct / max(self.scored, 1)


@dataclass(frozen=True)
class Predicted:
    start: int
    end: int
    type: str
    text: str
    value: str  # ISO value for dates, "" otherwise


_TYPE_OF_NON_DATE = {"duration": "DURATION", "set": "SET"}


def predictions(text: str, dct: str) -> list[Predicted]:
    sentences = split_sentences(text)
    times, _, non_dates = find_times(text, sentences, parse_day(dct), "option")
    out = [Predicted(t.span.start, t.span.end, "DATE", t.text, t.value.iso()) for t in times]
    out += [Predicted(n.span.start, n.span.end, _TYPE_OF_NON_DATE[n.kind], n.text, "") for n in non_dates
            if n.kind in _TYPE_OF_NON_DATE]
    return out


def evaluate(root: Path, listing: list[str] | None = None) -> Scores:
    """Score the temporal tagger on every .tml file under root; disagreements go to `listing`."""
    gold_n = predicted_n = sg = sp = rg = rp = gold_dates = dates_matched = scored = correct = 0
    for path in sorted(root.glob("*.tml")):
        text, dct, golds = parse(path)
        preds = predictions(text, dct)
        gold_n += len(golds)
        predicted_n += len(preds)
        for p in preds:
            if any(g.start == p.start and g.end == p.end and g.type == p.type for g in golds):
                sp += 1
            if any(g.start < p.end and p.start < g.end for g in golds):
                rp += 1
            elif listing is not None:
                listing.append(f"FP   {path.name}: {p.text!r} ({p.type} {p.value})")
        for g in golds:
            exact = any(g.start == p.start and g.end == p.end and g.type == p.type for p in preds)
            sg += exact
            overlapping = [p for p in preds if p.start < g.end and g.start < p.end]
            rg += bool(overlapping)
            if not overlapping and listing is not None:
                listing.append(f"MISS {path.name}: {g.text!r} = {g.type} {g.value}")
            elif not exact and listing is not None:
                listing.append(f"SPAN {path.name}: gold {g.text!r} {g.type}, ours {[(p.text, p.type) for p in overlapping]}")
            if g.type != "DATE":
                continue
            gold_dates += 1
            dates = [p for p in overlapping if p.type == "DATE"]
            if not dates:
                continue
            dates_matched += 1
            if "X" in g.value:
                continue  # TimeML leaves "1989-WXX" unresolved: nothing to compare with
            scored += 1
            if dates[0].value == g.value:
                correct += 1
            elif listing is not None:
                listing.append(f"BAD  {path.name}: {g.text!r} gold {g.value} got {dates[0].value} ({dates[0].text!r}, dct {dct})")
    return Scores(gold_n, predicted_n, sg, sp, rg, rp, gold_dates, dates_matched, scored, correct)


def figures(s: Scores) -> dict[str, object]:
    """The scores as plain data for bench/results."""
    return {
        "gold_timex3": s.gold, "predicted": s.predicted,
        "strict": {"precision": round(s.strict_precision, 3), "recall": round(s.strict_recall, 3),
                   "predicted_matched": s.strict_predicted_matched, "gold_matched": s.strict_gold_matched},
        "relaxed": {"precision": round(s.relaxed_precision, 3), "recall": round(s.relaxed_recall, 3),
                    "predicted_matched": s.relaxed_predicted_matched, "gold_matched": s.relaxed_gold_matched},
        "gold_dates": s.gold_dates, "date_recall": round(s.date_recall, 3),
        "value_accuracy": round(s.value_accuracy, 3), "values_scored": s.scored, "values_correct": s.correct,
    }


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
    print(f"gold TIMEX3: {s.gold}; predicted: {s.predicted}")
    print(f"strict  (exact span and type): precision {s.strict_precision:.1%} ({s.strict_predicted_matched}/{s.predicted}),"
          f" recall {s.strict_recall:.1%} ({s.strict_gold_matched}/{s.gold})")
    print(f"relaxed (overlap, any type):   precision {s.relaxed_precision:.1%} ({s.relaxed_predicted_matched}/{s.predicted}),"
          f" recall {s.relaxed_recall:.1%} ({s.relaxed_gold_matched}/{s.gold})")
    print(f"gold DATEs overlapped by a date: {s.date_recall:.1%} ({s.dates_matched}/{s.gold_dates}); value accuracy"
          f" {s.value_accuracy:.1%} ({s.correct}/{s.scored}; {s.dates_matched - s.scored} underspecified gold values not scored)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
