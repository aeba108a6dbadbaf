"""Property-based fuzzing of the parsers that read what users write: the text itself (with any
document date), front matter, configuration files and baselines. Whatever the input, each either
succeeds or fails with its one-line error type (the CLI turns it into exit code 2); any other
exception is a bug.

The budget is small by default (a few seconds in all, for CI); set FACTCHECK_FUZZ_EXAMPLES to run
longer locally, e.g. FACTCHECK_FUZZ_EXAMPLES=60000 for about eight minutes (random seeds). Inputs that once failed
stay below as @example cases, so they are tried first on every run.
"""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import _engine
from factcheck.dates import DateError, parse_day, parse_partial
from factcheck.document import InputError, from_bytes, from_text
from factcheck.errors import UsageError

EXAMPLES = int(os.environ.get("FACTCHECK_FUZZ_EXAMPLES", "25"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize="FACTCHECK_FUZZ_EXAMPLES" not in os.environ,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

# Words the extractors react to, so random text reaches dates, titles, names and tense.
VOCAB = [
    "Defense", "Secretary", "Lloyd", "Austin", "Pete", "Hegseth", "National", "Security", "Adviser", "Jake",
    "Sullivan", "U.S.", "former", "then-", "acting", "President", "Prime", "Minister", "will", "visit", "visited",
    "invited", "met", "on", "in", "by", "since", "until", "from", "to", "and", "the", "of", "yesterday", "today",
    "tomorrow", "last", "next", "week", "month", "year", "decade", "century", "ago", "later", "Monday", "Friday",
    "January", "July", "December", "1", "31", "2025", "1999", "0001", "9999", "10000", "9998", "1e400", "-",
    "2025-07-01", "9999-12-31", "0001-01-01", "the 1990s", "Q4", "spring", "summer", ".", ",", "\n", "\n\n", '"',
    "(", ")", "—", "'s", "\x1b[2J", "\u202e", "\ufeff", "\r\n", "\x00",
]
words = st.one_of(st.sampled_from(VOCAB), st.text(max_size=6))
texts = st.lists(words, max_size=60).map(" ".join)
dates = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))


@FUZZ
@given(texts, st.one_of(st.none(), dates), st.booleans())
@example("I saw him yesterday.", date(1, 1, 1), False)
@example("He will visit tomorrow and next week.", date(9999, 12, 31), False)
@example("The talks in 9999 and the 10000s went on.", None, False)
@example("Defense Secretary Lloyd Austin spoke last decade, in the 9990s.", date(9999, 1, 1), True)
@example("invited \u00b4 visit", None, False)  # a spacing accent once folded to the trie's value key
def test_any_text_with_any_date_is_checked_or_refused_in_one_line(text: str, day: date | None, markdown: bool):
    try:
        doc = from_text("<fuzz>", text, day, markdown=markdown)
    except InputError:
        return  # malformed front matter and the like: a one-line error
    _engine().run(doc)


front_lines = st.one_of(
    st.sampled_from(["date: 9999", "date: 2025-07-01", "date: 0000-01-01", "date: 2025-02-30", "date: '2025-07-01'",
                     "date: 2025-07-01T10:00:00Z", "date:", "title: x", "  - item", "# comment", "---", "...",
                     "date: 1e400", "date: \x00", "Date: 10000-01-01"]),
    st.text(max_size=20).filter(lambda s: "\n" not in s and "\r" not in s),
)


@FUZZ
@given(st.lists(front_lines, max_size=8), st.booleans(), texts)
@example(["date: 9999"], True, "Text.")
@example(["date: 10000-01-01"], True, "Text.")
def test_front_matter_is_read_or_refused_in_one_line(lines: list[str], closed: bool, body: str):
    text = "---\n" + "\n".join(lines) + ("\n---\n" if closed else "\n") + body
    try:
        doc = from_bytes("<fuzz>.md", text.encode("utf-8", "surrogatepass"), None, markdown=True)
    except InputError as exc:
        assert "\n" not in str(exc)
        return
    _engine().run(doc)


@FUZZ
@given(st.text(max_size=12))
@example("9999")
@example("9999-12")
@example("0000")
def test_partial_dates_parse_or_raise_date_error(value: str):
    try:
        parse_partial(value)
        parse_day(value)
    except DateError:
        pass


toml_values = st.one_of(
    st.integers(), st.floats(allow_nan=False), st.booleans(), st.text(max_size=10),
    st.sampled_from(['"20 MB"', '"lots"', '["FC1"]', '[1, 2]', '{a = 1}', '"9999-12-31"', '"2025-07-01"', "1e400",
                     '["/usr"]', '"error"', '{FC101 = "error"}', '{FC101 = 5}', '{"*.md" = ["FC101"]}', '{"*.md" = 1}']),
)
config_keys = st.sampled_from(["select", "ignore", "fail-on", "date", "include", "exclude", "rule-dirs", "kb-dirs",
                               "max-file-size", "severity", "per-file-ignores", "unknown", "tool"])


def _toml_value(value: object) -> str:
    if isinstance(value, str) and value[:1] in '"[{' or value == "1e400":
        return str(value)
    return json.dumps(value)


@FUZZ
@given(st.lists(st.tuples(config_keys, toml_values), max_size=5), st.booleans(), st.binary(max_size=8))
@example([("tool", 1)], True, b"")
@example([("select", "FC1")], False, b"\xff")
@example([("rule-dirs", "\n")], False, b"")  # found by a long run: a folder named by a newline, quoted in the message
def test_configuration_files_load_or_fail_in_one_line(tmp_path_factory, pairs, in_pyproject: bool, junk: bytes):
    from factcheck.config import discover, load

    folder = tmp_path_factory.mktemp("config")
    body = "\n".join(f"{k} = {_toml_value(v)}" for k, v in dict(pairs).items())
    if in_pyproject:
        path = folder / "pyproject.toml"
        text = body if any(k == "tool" for k, _ in pairs) else "[tool.factcheck]\n" + body
    else:
        path = folder / ".factcheck.toml"
        text = body
    path.write_bytes(text.encode() + junk)
    try:
        load(discover(folder))
    except UsageError as exc:
        assert "\n" not in str(exc)


rows = st.fixed_dictionaries({}, optional={
    "path": st.one_of(st.text(max_size=5), st.integers()), "rule": st.one_of(st.text(max_size=5), st.none()),
    "fingerprint": st.one_of(st.text(max_size=5), st.lists(st.integers(), max_size=2)),
    "count": st.one_of(st.integers(), st.floats(), st.text(max_size=3), st.booleans()),
})
baselines = st.one_of(
    st.fixed_dictionaries({"version": st.one_of(st.just(2), st.integers(), st.text(max_size=2)),
                           "findings": st.one_of(st.lists(rows, max_size=4), st.dictionaries(st.text(max_size=3), st.integers()))}),
    st.recursive(st.one_of(st.none(), st.integers(), st.text(max_size=4)), lambda c: st.lists(c, max_size=3), max_leaves=8),
)


@FUZZ
@given(st.one_of(baselines.map(lambda b: json.dumps(b).encode()), st.binary(max_size=40)))
@example(b'{"version": 2, "findings": [{"path": "a", "rule": "FC101", "fingerprint": "x", "count": 1e400}]}')
@example(b"[" * 100_000 + b"]" * 100_000)
@example(b'{"version": 2, "findings": [{"path": "a", "rule": "FC101", "fingerprint": "x", "count": NaN}]}')
def test_baselines_load_or_fail_in_one_line(tmp_path_factory, data: bytes):
    from factcheck.baseline import read

    path = Path(tmp_path_factory.mktemp("baseline")) / "baseline.json"
    path.write_bytes(data)
    try:
        read(path)
    except UsageError as exc:
        assert "\n" not in str(exc)


@pytest.mark.parametrize("value", ["9999-12-31", "0001-01-01", "10000-01-01", "0000-01-01"])
def test_edge_dates_on_the_command_line_are_refused_or_run(value: str):
    from factcheck.scan_command import parse_date_option

    try:
        day = parse_date_option(value)
    except UsageError as exc:
        assert "--date" in str(exc)
        return
    for text in ("It happened yesterday.", "He will visit next week.", "In 2025 and in the 1990s, talks went on."):
        _engine().run(from_text("<edge>", text, day))
