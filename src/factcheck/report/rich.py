"""--format rich: the terminal report for writers (grouped by file, sentence with the span highlighted)."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from factcheck.findings import Result
from factcheck.report import locate, summary

_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold blue"}


def render(results: list[Result], console: Console) -> None:
    for result in results:
        located = locate(result)
        dd = result.facts.document_date
        header = Text(result.document.path, style="bold underline")
        header.append(f"   date {dd.iso() or 'unknown'} ({dd.source})", style="dim")
        console.print(header)
        if not located:
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
            console.print(Text("    " + f.message))
            for e in f.evidence:
                line = Text("    \u2022 ", style="dim")
                line.append(e.text)
                if e.source:
                    line.append(f"  [{e.source}]", style="dim")
                console.print(line)
            for ln, c, _el, _ec, m in loc.related:
                console.print(Text(f"    \u21b3 line {ln}:{c}: {m}", style="dim"))
            console.print()
    s = summary(results)
    style = "bold red" if s["errors"] else ("bold yellow" if s["warnings"] else "bold green")
    console.print(Text(
        f"{s['documents']} document(s), {s['findings']} finding(s): {s['errors']} error(s), {s['warnings']} warning(s)",
        style=style))


def _sentence(result: Result, start: int, end: int) -> Text:
    """The sentence around a span, with the span highlighted."""
    text = result.document.text
    for s in result.facts.sentences:
        if s.span.start <= start < s.span.end:
            lo, hi = s.span.start, max(s.span.end, end)
            break
    else:
        lo, hi = start, end
    out = Text("    ")
    out.append(text[lo:start].replace("\n", " "), style="dim")
    out.append(text[start:end].replace("\n", " "), style="bold reverse")
    out.append(text[end:hi].replace("\n", " "), style="dim")
    return out
