"""Configuration: `[tool.factcheck]` in pyproject.toml, or `.factcheck.toml` (top level), found by
walking up from each checked file; `--config FILE` names one, `--isolated` ignores them all.

    select = ["FC1"]                 # codes, code prefixes or names; default: every rule
    ignore = ["event-attribution"]
    fail-on = "warning"              # error (default), warning, info, never
    date = "2025-07-01"              # document date for texts that give none (front matter wins)
    include = ["*.md", "*.txt"]      # file name patterns when a directory is scanned
    exclude = ["drafts/*"]           # paths (relative to the configuration file) never scanned
    rule-dirs = ["style/rules"]      # extra rule packs: *.toml files with [[rule]] tables
    kb-dirs = ["style/kb"]           # extra knowledge-base folders (same layout as rules/kb)
    max-file-size = "20 MB"          # larger files are reported and skipped (bytes, or "500 kB", "1 GB")

    [tool.factcheck.severity]        # per-rule severity
    FC103 = "error"

    [tool.factcheck.per-file-ignores]
    "archive/*" = ["FC101"]

Unknown keys are errors (exit code 2) that suggest the closest valid key.
"""

from __future__ import annotations

import fnmatch
import os
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from factcheck.dates import (
    FIRST_DOCUMENT_DAY,
    LAST_DOCUMENT_DAY,
    DateError,
    check_document_day,
    parse_day,
)
from factcheck.document import MAX_FILE_SIZE
from factcheck.errors import UsageError
from factcheck.findings import Severity
from factcheck.lazyre import lazy

KEYS = ("select", "ignore", "fail-on", "date", "require-date", "include", "exclude", "rule-dirs", "kb-dirs", "max-file-size",
        "severity", "per-file-ignores")
FAIL_ON = ("error", "warning", "info", "never")
SEVERITIES = tuple(s.value for s in Severity)


# eq=False: a configuration is read once per folder and passed along, never compared.
@dataclass(frozen=True, eq=False)
class Config:
    """The configuration that applies to a file: rule selection, severities, dates and paths."""

    path: Path | None = None  # the file it came from; None: defaults
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str = "error"
    date: date | None = None
    require_date: bool = False  # an undated document is an error (missing-date, FC108)
    include: tuple[str, ...] = ("*.md", "*.markdown", "*.txt", "*.text", "*.html", "*.htm")
    exclude: tuple[str, ...] = ()
    rule_dirs: tuple[Path, ...] = ()
    kb_dirs: tuple[Path, ...] = ()
    max_file_size: int = MAX_FILE_SIZE  # bytes
    severity: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict, hash=False, compare=False)

    @property
    def root(self) -> Path:
        return self.path.parent if self.path else Path.cwd()

    def ignored_for(self, file: str) -> tuple[str, ...]:
        if not self.per_file_ignores:
            return ()  # resolving paths costs more than checking a short article
        rel = _relative(file, self.root)
        return tuple(r for pattern, rules in self.per_file_ignores.items() if fnmatch.fnmatch(rel, pattern) for r in rules)

    def excludes(self, file: str) -> bool:
        if not self.exclude:
            return False
        rel = _relative(file, self.root)
        return any(fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(Path(rel).name, p) for p in self.exclude)

    def includes(self, file: str) -> bool:
        name = os.path.basename(file)
        return any(fnmatch.fnmatch(name, p) for p in self.include)

    def describe(self) -> str:
        """The configuration as TOML (in the .factcheck.toml layout), with where it came from."""
        import json  # only for `factcheck config`

        q = json.dumps
        lines = [f"# from {self.path}" if self.path else "# defaults (no configuration file found, or --isolated)"]
        lines += [
            f"select = {q(list(self.select))}", f"ignore = {q(list(self.ignore))}", f"fail-on = {q(self.fail_on)}",
            f"date = {q(self.date.isoformat())}" if self.date else "# date: none (front matter, a dateline or the text decides)",
            f"require-date = {q(self.require_date)}",
            f"include = {q(list(self.include))}", f"exclude = {q(list(self.exclude))}",
            f"rule-dirs = {q([str(p) for p in self.rule_dirs])}", f"kb-dirs = {q([str(p) for p in self.kb_dirs])}",
            f"max-file-size = {self.max_file_size}",
            "", "[severity]", *(f"{q(k)} = {q(v)}" for k, v in sorted(self.severity.items())),
            "", "[per-file-ignores]", *(f"{q(k)} = {q(list(v))}" for k, v in sorted(self.per_file_ignores.items())),
        ]
        return "\n".join(lines) + "\n"


def _relative(file: str, root: Path) -> str:
    try:
        return str(Path(os.path.realpath(file)).relative_to(os.path.realpath(root)))
    except ValueError:
        return file


def discover(start: Path) -> Path | None:
    """The nearest .factcheck.toml, or pyproject.toml with [tool.factcheck], at or above start."""
    folder = start if start.is_dir() else start.parent
    real = Path(os.path.realpath(folder))
    for d in (real, *real.parents):
        own = d / ".factcheck.toml"
        if own.is_file():
            return own
        pyproject = d / "pyproject.toml"
        if pyproject.is_file() and _may_configure(pyproject) and _tool_table(_read(pyproject), pyproject) is not None:
            return pyproject
    return None


# The ways TOML can give the table tool.factcheck a key: a header or dotted key naming tool.factcheck,
# or a [tool] table or a `tool = {...}` inline table that may hold it. A pyproject.toml with none of
# them is passed over without parsing it: most projects' pyproject.toml configures other tools, and
# importing a TOML parser cost a pre-commit hook more than the rest of finding its configuration.
_TOOL_FACTCHECK = lazy(
    r"""\btool["']?\s*\.\s*["']?factcheck\b|^\s*\[\s*["']?tool["']?\s*\]|^\s*["']?tool["']?\s*=""", re.MULTILINE)


def _may_configure(pyproject: Path) -> bool:
    try:
        text = pyproject.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return True  # let _read report it
    return _TOOL_FACTCHECK.search(text) is not None


def _read(path: Path) -> dict[str, Any]:
    import tomllib  # only where a configuration file exists

    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except OSError as exc:
        raise UsageError(f"{path}: cannot read ({exc.strerror})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:  # bytes that are not UTF-8 too
        raise UsageError(f"{path}: not valid TOML ({exc})") from None


def _tool_table(data: dict[str, Any], path: Path) -> object:
    """[tool.factcheck] of a pyproject.toml (None when absent); `tool` itself must be a table."""
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise UsageError(f"{path}: tool must be a table ([tool]), not {tool!r}")
    return tool.get("factcheck")


def _close(word: str, choices: tuple[str, ...]) -> list[str]:
    import difflib  # only for the error message

    return difflib.get_close_matches(word, choices, n=1)


def load(path: Path | None) -> Config:
    if path is None:
        return Config()
    if not path.is_file():
        raise UsageError(f"--config: {path}: no such file")
    data = _read(path)
    table = (_tool_table(data, path) or {}) if path.name == "pyproject.toml" else data
    if not isinstance(table, dict):
        raise UsageError(f"{path}: [tool.factcheck] must be a table")
    for key in table:
        if key not in KEYS:
            close = _close(key.replace("_", "-"), KEYS)
            hint = f"; did you mean {close[0]!r}?" if close else f" (valid: {', '.join(KEYS)})"
            raise UsageError(f"{path}: unknown key {key!r}{hint}")
    fail_on = table.get("fail-on", "error")
    if fail_on not in FAIL_ON:
        raise UsageError(f"{path}: fail-on must be one of {', '.join(FAIL_ON)}, not {fail_on!r}")
    try:
        day = check_document_day(parse_day(str(table["date"]))) if "date" in table else None
    except DateError:
        raise UsageError(f"{path}: date must be YYYY-MM-DD between {FIRST_DOCUMENT_DAY} and {LAST_DOCUMENT_DAY}, "
                         f"not {table['date']!r}") from None
    require_date = table.get("require-date", False)
    if not isinstance(require_date, bool):
        raise UsageError(f"{path}: require-date must be true or false, not {require_date!r}")
    severity = _table(table, "severity", path)
    for rule, level in severity.items():
        if level not in SEVERITIES:
            close = _close(str(level), SEVERITIES)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise UsageError(f"{path}: severity of {rule!r} must be one of {', '.join(SEVERITIES)}, not {level!r}{hint}")
    per_file = {str(pattern): _strings(rules, f"per-file-ignores.{pattern!r}", path)
                for pattern, rules in _table(table, "per-file-ignores", path).items()}
    return Config(
        path=path,
        select=_strings(table.get("select", []), "select", path),
        ignore=_strings(table.get("ignore", []), "ignore", path),
        fail_on=fail_on,
        date=day,
        require_date=require_date,
        include=_strings(table.get("include", []), "include", path) or Config.include,
        exclude=_strings(table.get("exclude", []), "exclude", path),
        rule_dirs=_folders(table, "rule-dirs", path),
        kb_dirs=_folders(table, "kb-dirs", path),
        max_file_size=parse_size(table.get("max-file-size", MAX_FILE_SIZE), f"{path}: max-file-size"),
        severity={str(k): str(v) for k, v in severity.items()},
        per_file_ignores=per_file,
    )


_SIZE = lazy(r"\s*([0-9]+(?:\.[0-9]+)?)\s*([kKMG]i?B|B)?\s*")
_LARGEST = 10**15
_UNITS = {None: 1, "B": 1, "kB": 10**3, "KB": 10**3, "MB": 10**6, "GB": 10**9, "KiB": 2**10, "MiB": 2**20, "GiB": 2**30}


def parse_size(value: object, where: str) -> int:
    """A size in bytes from a number of bytes or a string such as "20 MB" or "512 KiB"."""
    size: float = 0
    if isinstance(value, int) and not isinstance(value, bool):
        size = value
    elif isinstance(value, str) and (m := _SIZE.fullmatch(value)) is not None and m.group(2) in _UNITS:
        size = float(m.group(1)) * _UNITS[m.group(2)]
    if not 1 <= size <= _LARGEST:
        raise UsageError(f"{where} must be a number of bytes (1 to 10**15) or a size such as \"20 MB\", not {value!r}")
    return int(size)


def _table(table: dict[str, Any], key: str, path: Path) -> dict[str, Any]:
    value = table.get(key, {})
    if not isinstance(value, dict):
        raise UsageError(f"{path}: {key} must be a table ([{key}] or {key} = {{...}})")
    return value


def _folders(table: dict[str, Any], key: str, path: Path) -> tuple[Path, ...]:
    folders = tuple((path.parent / p) for p in _strings(table.get(key, []), key, path))
    for folder in folders:
        if not folder.is_dir():
            raise UsageError(f"{path}: {key}: {folder}: no such directory")
    return folders


def _strings(value: object, key: str, path: Path) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise UsageError(f"{path}: {key} must be a list of strings")
    return tuple(value)
