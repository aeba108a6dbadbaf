"""The README's accuracy figures, rendered from a results file (bench/results/accuracy.json).

README.md holds them between `<!-- figures:start -->` and `<!-- figures:end -->`; a test renders the
committed results and fails when the section differs, so the README cannot drift from the results.
"""

from __future__ import annotations

import re
from typing import Any

START, END = "<!-- figures:start -->", "<!-- figures:end -->"


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{100 * x:.1f}%"


def _n(caught: int, made: int) -> str:
    return f"{100 * caught / made:.1f}% ({caught}/{made})" if made else "no case"


def render(r: dict[str, Any]) -> str:
    """The figures section (kept short: the README is a user's guide; docs/evaluation.md explains each figure)."""
    c, rn, tb, u, m = r["clean"], r.get("real_news"), r.get("timebank"), r["undated_reuters"], r["mutations"]

    def rec(*kinds: str) -> str:
        return " / ".join(_n(m[k]["caught"], m[k]["made"]) for k in kinds)

    lines = [
        f"Figures of `{r['command']}` (commit `{r['commit'][:12]}`, {r['date']}, {r['machine']}), copied from",
        "`bench/results/accuracy.json` (a test holds the two equal). **All of it is development data**: the rules were",
        "tuned on Reuters, BBC and TimeBank, and the real-news set is used to find faults now; expect worse on text",
        "nobody here has read. Corpora: `../shared/corpora/dev/` (not committed). How each figure is made:",
        "`docs/evaluation.md`; the real-news annotations: `docs/annotation-guide.md`.",
        "",
        "| figure | data | value |",
        "|---|---|---|",
        f"| findings per 100 documents, all false positives | Reuters 1987, dated ({c['reuters']['documents']}) | {c['reuters']['per_100']} |",
        f"| the same | BBC politics 2004-05, undated ({c['bbc']['documents']}) | {c['bbc']['per_100']} |",
        f"| the same, scanned without their dates | Reuters ({u['documents']}) | {u['per_100']} |",
    ]
    if rn and "real-news" in c:
        lines.append(f"| findings per 100 documents | real news 2023-26, 30+ countries ({c['real-news']['documents']}) "
                     f"| {c['real-news']['per_100']} ({rn['findings_on_annotated_errors']} on annotated errors) |")
    lines += [
        "| recall, FC101: holder swap / then written with formal first name / nickname / initial / no accents "
        f"| text-level mutations | {rec('holder-swap', 'variant-formal', 'variant-nickname', 'variant-initial', 'variant-no-accents')} |",
        "| recall: FC104 weekday / FC105 range / FC106 tense / FC103 attribution "
        f"| text-level mutations | {rec('weekday', 'range', 'tense', 'attribution')} |",
        f"| precision over all findings | all of the above | {_pct(r['precision'])} |",
    ]
    if rn:
        lines += [
            f"| knowledge base covers / checker can check | real news, {rn['role_mentions']} annotated title-name mentions "
            f"| {_pct(rn['kb_covered_share'])} / {_pct(rn['checkable_share'])} |",
            f"| stale-title recall (FC101) / FC101 on right titles | real news, {rn['role_mentions_wrong']} wrong titles "
            f"| {rn['stale_titles_caught']}/{rn['role_mentions_wrong']} / {rn['fc101_on_right_mentions']} |",
            f"| FC103 false alarms / wrong weekdays caught | real news, {rn['event_pairs']} event pairs / {rn['wrong_weekdays']} weekdays "
            f"| {rn['fc103_false_alarms']} / {rn['wrong_weekdays_caught']} |",
        ]
    if tb:
        lines += [
            f"| TimeBank strict (exact span and type) / relaxed (overlap): precision, recall | {tb['gold_timex3']} gold TIMEX3 "
            f"| {_pct(tb['strict']['precision'])}, {_pct(tb['strict']['recall'])} / {_pct(tb['relaxed']['precision'])}, "
            f"{_pct(tb['relaxed']['recall'])} |",
            f"| TimeBank DATEs found / values right | {tb['gold_dates']} gold DATEs | {_pct(tb['date_recall'])} / {_pct(tb['value_accuracy'])} |",
        ]
    lines += ["", "Re-run with `python bench/accuracy.py --json --readme` (a few minutes; `--list` shows every finding and miss)."]
    return "\n".join(lines)


def replace_section(readme: str, section: str) -> str:
    pattern = re.compile(re.escape(START) + r".*?" + re.escape(END), re.DOTALL)
    if not pattern.search(readme):
        raise ValueError(f"README.md has no {START} ... {END} section")
    return pattern.sub(lambda _: f"{START}\n{section}\n{END}", readme)


def section_of(readme: str) -> str | None:
    m = re.search(re.escape(START) + r"\n(.*?)\n" + re.escape(END), readme, re.DOTALL)
    return m.group(1) if m else None
