"""The import layering: each module imports only modules of its own layer or lower ones, and no two
modules import each other, directly or around a circle. Imports under `if TYPE_CHECKING:` are
annotations only and do not count; imports inside functions do (they run)."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "factcheck"

# Lowest first. A module belongs to the first layer with a prefix matching its name.
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    ("foundation", ("factcheck", "factcheck.errors", "factcheck.paths", "factcheck.lazyre", "factcheck.pickling", "factcheck.dates",
                    "factcheck.cache", "factcheck.atomic", "factcheck.plain", "factcheck.discovery",
                    "factcheck.workers")),
    ("records", ("factcheck.facts", "factcheck.findings")),
    ("loading", ("factcheck.document", "factcheck.html_text", "factcheck.config", "factcheck.lexicon",
                 "factcheck.gitignore")),
    ("knowledge and time", ("factcheck.temporal", "factcheck.kb.model", "factcheck.kb.load",
                            "factcheck.kb.cache", "factcheck.kb.house", "factcheck.kb.validate", "factcheck.kb.build",
                            "factcheck.kb.importers", "factcheck.kb")),
    ("extraction", ("factcheck.extract",)),
    ("checks", ("factcheck.checks", "factcheck.suppressions", "factcheck.selection", "factcheck.fingerprint")),
    ("engine", ("factcheck.engine", "factcheck.compiled")),
    ("api", ("factcheck.api",)),
    ("many documents and reports", ("factcheck.scanning", "factcheck.baseline", "factcheck.diff", "factcheck.report",
                                    "factcheck.archive", "factcheck.dask")),
    ("command line", ("factcheck.scan_command", "factcheck.cli", "factcheck.entry", "factcheck.__main__",
                      "factcheck.kb.commands")),
]


def _module(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _layer(module: str) -> int:
    best: tuple[int, int] | None = None  # (prefix length, layer): the longest matching prefix wins
    for n, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if module == prefix or (prefix != "factcheck" and module.startswith(prefix + ".")):
                if best is None or len(prefix) > best[0]:
                    best = (len(prefix), n)
    assert best is not None, f"{module} is in no layer: add it to LAYERS in {__file__}"
    return best[1]


def _type_checking(node: ast.If) -> bool:
    return isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"


def _imports(path: Path, module: str, known: set[str]) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = {id(n) for node in ast.walk(tree) if isinstance(node, ast.If) and _type_checking(node)
               for child in node.body for n in ast.walk(child)}
    found: set[str] = set()
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
            # "from factcheck.kb import model" imports the module factcheck.kb.model
            names = [f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names]
        else:
            continue
        found.update(n for n in names if n in known)
    found.discard(module)
    return found


def _graph() -> dict[str, set[str]]:
    files = {_module(p): p for p in SRC.rglob("*.py")}
    known = set(files)
    return {m: _imports(p, m, known) for m, p in files.items()}


def test_every_module_has_a_layer():
    for module in _graph():
        _layer(module)


def test_no_module_imports_a_higher_layer():
    upward = [f"{m} ({LAYERS[_layer(m)][0]}) imports {d} ({LAYERS[_layer(d)][0]})"
              for m, deps in sorted(_graph().items()) for d in sorted(deps) if _layer(d) > _layer(m)
              and not (m == "factcheck" and d.startswith("factcheck."))]
    assert upward == []


# Cycles owned by work in progress elsewhere, each to be cut there (none left).
KNOWN_CYCLES: set[str] = set()


def test_no_import_cycles():
    graph = _graph()
    cycles = set()
    for start in sorted(graph):
        stack = [(start, (start,))]
        while stack:
            node, path = stack.pop()
            for nxt in graph[node]:
                if nxt == start and len(path) > 1:
                    cycles.add(" -> ".join((*path, start)))
                elif nxt not in path and nxt > start:  # each cycle once, from its smallest module
                    stack.append((nxt, (*path, nxt)))
    assert cycles - KNOWN_CYCLES == set()


def test_the_check_would_see_an_upward_import(tmp_path: Path):
    # The checker itself: an import from the records layer up to the engine is caught.
    fake = tmp_path / "factcheck" / "facts.py"
    fake.parent.mkdir()
    fake.write_text("from factcheck.engine import Engine\nif TYPE_CHECKING:\n    from factcheck.api import scan_text\n")
    global SRC
    saved, SRC = SRC, tmp_path / "factcheck"
    try:
        deps = _imports(fake, "factcheck.facts", {"factcheck.engine", "factcheck.api", "factcheck.facts"})
    finally:
        SRC = saved
    assert deps == {"factcheck.engine"} and _layer("factcheck.engine") > _layer("factcheck.facts")
