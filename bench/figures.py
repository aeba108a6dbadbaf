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


def render(r: dict[str, Any]) -> str:
    c, rn, tb, u = r["clean"], r.get("real_news"), r.get("timebank"), r["undated_reuters"]
    lines = [
        "## Measured on real text",
        "",
        f"Figures of `{r['command']}` at commit `{r['commit'][:12]}` ({r['date']}; {r['machine']}), from",
        "`bench/results/accuracy.json` (a test holds them equal), on research corpora in `../shared/corpora/dev/`.",
        "**All of it is development data** (rules tuned on Reuters, BBC and TimeBank; the real-news set used",
        "to find faults): expect worse on text nobody here has read.",
        "",
        "| what | data | figure |",
        "|---|---|---|",
    ]
    for name, label in (("reuters", "Reuters-21578, 1987, with their dates"), ("bbc", "BBC politics, 2004-2005, undated")):
        if name in c:
            k = c[name]
            lines.append(f"| clean-text findings per 100 documents | {label} ({k['documents']} docs) "
                         f"| {k['per_100']} (errors {k['errors_per_100']}) |")
    if "real-news" in c and rn:
        k = c["real-news"]
        lines.append(f"| findings per 100 documents, classed against the annotations | real news 2023-2026, 30+ countries, dated "
                     f"({k['documents']} docs) | {k['per_100']}: {rn['findings_on_annotated_errors']} on annotated errors, "
                     f"{rn['other_findings']} other |")
    lines.append(f"| findings per 100 when scanned without their dates | Reuters ({u['documents']} docs) | {u['per_100']} |")
    variants = {k: m for k, m in r["mutations"].items() if k.startswith("variant-")}
    for kind, m in r["mutations"].items():
        if kind in variants:
            continue
        by = ", ".join(f"{k} {v[0]}/{v[1]}" for k, v in m["by_corpus"].items() if v[1])
        lines.append(f"| mutation recall, {kind} ({m['rule']}) | text-level mutations: {by or 'none made'} "
                     f"| {_pct(m['recall'])} ({m['caught']}/{m['made']}) |")
    if variants:  # one row: the same swaps, the name written another way
        names = " / ".join(k.removeprefix("variant-") for k in variants)
        figures = " / ".join(f"{m['caught']}/{m['made']}" for m in variants.values())
        lines.append(f"| mutation recall, name variants of caught swaps (FC101) | {names} | {figures} |")
    lines.append(f"| precision over all findings (clean and mutated text; real-news findings as classed) | all of the above "
                 f"| {_pct(r['precision'])} |")
    if rn:
        lines += [
            (f"| title-name mentions the knowledge base covers (office and person) / of those, the title read as that "
             f"office and person | real news, {rn['role_mentions']} annotated mentions "
             f"| {_pct(rn['kb_covered_share'])} ({rn['kb_covered']}) / {_pct(rn.get('recognised_share'))} "
             f"({rn.get('recognised', '-')}/{rn['kb_covered']}) |"),
            (f"| checkable share: mentions the checker binds, resolves and can date | real news | {_pct(rn['checkable_share'])} "
             f"({rn['checkable']}/{rn['role_mentions']}) |"),
            (f"| stale-title recall (FC101 on mentions annotated wrong) | real news, {rn['role_mentions_wrong']} wrong mentions "
             f"| {_pct(rn['stale_title_recall'])} ({rn['stale_titles_caught']}/{rn['role_mentions_wrong']}; "
             f"{rn['stale_titles_flagged_by_any_rule']} flagged by some rule) |"),
            f"| FC101 on mentions annotated right: errors (false alarms) / info notes | real news | "
            f"{rn.get('fc101_errors_on_right_mentions', '-')} / "
            f"{rn['fc101_on_right_mentions'] - rn.get('fc101_errors_on_right_mentions', 0)} |",
            (f"| event pairs found (both mentions, with guest and host) / FC103 false alarms | real news, "
             f"{rn['event_pairs']} annotated pairs, none a contradiction | "
             f"{rn.get('event_pairs_found', '-')}/{rn['event_pairs']} / {rn['fc103_false_alarms']} |"),
            f"| wrong weekdays caught (FC104) | real news, {rn['wrong_weekdays']} annotated | {rn['wrong_weekdays_caught']} |",
        ]
    if tb:
        lines += [
            (f"| strict: exact span and type (precision / recall) | TimeBank, {tb['gold_timex3']} gold TIMEX3 "
             f"| {_pct(tb['strict']['precision'])} / {_pct(tb['strict']['recall'])} |"),
            (f"| relaxed: overlap, any type (precision / recall) | TimeBank | {_pct(tb['relaxed']['precision'])} / "
             f"{_pct(tb['relaxed']['recall'])} |"),
            (f"| gold DATEs found (overlap) / their values right | TimeBank, {tb['gold_dates']} DATEs | {_pct(tb['date_recall'])} / "
             f"{_pct(tb['value_accuracy'])} ({tb['values_correct']}/{tb['values_scored']}) |"),
        ]
    lines += [
        "",
        "How the mutations are made, what the annotations mark, and how the test thresholds sit below these",
        "figures: [docs/accuracy.md](docs/accuracy.md). `python bench/accuracy.py --json --readme` (a few minutes)",
        "writes new results and this section.",
    ]
    return "\n".join(lines)


def replace_section(readme: str, section: str) -> str:
    pattern = re.compile(re.escape(START) + r".*?" + re.escape(END), re.DOTALL)
    if not pattern.search(readme):
        raise ValueError(f"README.md has no {START} ... {END} section")
    return pattern.sub(lambda _: f"{START}\n{section}\n{END}", readme)


def section_of(readme: str) -> str | None:
    m = re.search(re.escape(START) + r"\n(.*?)\n" + re.escape(END), readme, re.DOTALL)
    return m.group(1) if m else None
