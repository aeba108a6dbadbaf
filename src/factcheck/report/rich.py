"""--format rich: the terminal report for writers (grouped by file, sentence with the span highlighted)."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from factcheck.findings import Result
from factcheck.report import coverage, locate, printable, summary, summary_line, unchecked

_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold blue"}


def render(results: list[Result], console: Console, show_unchecked: bool = False, quiet: bool = False) -> None:
    for result in results:
        located = locate(result)
        dd = result.facts.document_date
        header = Text(printable(result.document.path), style="bold underline")
        header.append(f"   date {dd.iso() or 'unknown'} ({dd.source})", style="dim")
        console.print(header)
        if not located and not quiet:
            console.print(Text("  no findings", style="green"))
        for loc in located:
            f = loc.finding
            head = Text("  ")
            head.append(f"{loc.line}:{loc.column}", style="cyan")
            head.append("  ")
            head.append(f"{f.severity}", style=_STYLE[f.severity])
            head.append(f"  {f.code} {f.rule}", style="magenta")
            console.print(head)
            console.print(_sentence(result, f.span.start, f.span.end))
            console.print(Text("    " + printable(f.message)))
            for e in f.evidence:
                line = Text("    \u2022 ", style="dim")
                line.append(printable(e.text))
                if e.source:
                    line.append(f"  [{printable(e.source)}]", style="dim")
                console.print(line)
            for ln, c, _el, _ec, m in loc.related:
                console.print(Text(f"    \u21b3 line {ln}:{c}: {printable(m)}", style="dim"))
            console.print()
        if not quiet:
            console.print(Text(f"  {coverage(result)}", style="dim"))
        if show_unchecked:
            for row in unchecked(result):
                console.print(Text(f"    not checked: {row}", style="dim"))
    if quiet:
        return
    s = summary(results)
    style = "bold red" if s["errors"] else ("bold yellow" if s["warnings"] else "bold green")
    console.print(Text(summary_line(s), style=style))


def _sentence(result: Result, start: int, end: int) -> Text:
    """The sentence around a span, with the span highlighted."""
    text = result.document.text_at
    sentence = result.facts.sentences.containing(start)
    lo, hi = (sentence.start, max(sentence.end, end)) if sentence is not None else (start, end)
    out = Text("    ")
    out.append(printable(text(lo, start).replace("\n", " ")), style="dim")
    out.append(printable(text(start, end).replace("\n", " ")), style="bold reverse")
    out.append(printable(text(end, hi).replace("\n", " ")), style="dim")
    return out
