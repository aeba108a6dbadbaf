"""JSONL corpora: one result a record, in input order, errors kept in place, the same bytes for any
number of workers, resumable, and never more than a bounded window of records in memory."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from _cli import run
from conftest import FIXTURES
from factcheck import archive
from factcheck.archive import Checker, Record, parse_line


def fixture_records() -> list[dict]:
    out = []
    for n, path in enumerate(sorted(p for p in FIXTURES.iterdir() if p.suffix in (".txt", ".md", ".html"))):
        out.append({"id": f"doc-{n}", "path": path.name, "text": path.read_text(encoding="utf-8")})
    return out


def write_corpus(path: Path, records: list[dict], extra_lines: dict[int, str] | None = None) -> Path:
    lines = [json.dumps(r) for r in records]
    for at, line in sorted((extra_lines or {}).items()):
        lines.insert(at, line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


PARSED = [
    (b'{"id": "a", "text": "x"}', Record("c.jsonl", 7, "a", "x")),
    (b'{"id": 3, "text": "x", "date": "2025-07-01", "path": "p/a.md", "extra": 1}',
     Record("c.jsonl", 7, 3, "x", date(2025, 7, 1), "p/a.md", "markdown")),
    (b'{"id": "a", "text": "x", "date": "2025-07-01T09:30:00Z", "path": "a.md", "format": "text"}',
     Record("c.jsonl", 7, "a", "x", date(2025, 7, 1), "a.md", "text")),
    (b'{"id": "a", "text": "x", "date": null, "path": null, "format": "html"}', Record("c.jsonl", 7, "a", "x", format="html")),
    (b'{"id": "a", "text": ', Record("c.jsonl", 7, None, error="not valid JSON (Expecting value: line 1 column 21 (char 20))")),
    (b'{"id": "a", "text": "caf\xe9"}', Record("c.jsonl", 7, None, error="not UTF-8 (invalid byte at offset 24)")),
    (b'["a", "b"]', Record("c.jsonl", 7, None, error="not a JSON object but list")),
    (b'{"text": "x"}', Record("c.jsonl", 7, None, error="no 'id' (a string or an integer)")),
    (b'{"id": true, "text": "x"}', Record("c.jsonl", 7, None, error="'id' must be a string or an integer, not bool")),
    (b'{"id": "a"}', Record("c.jsonl", 7, "a", error="no 'text' (a string)")),
    (b'{"id": "a", "text": "x", "format": "pdf"}',
     Record("c.jsonl", 7, "a", error="'format' must be one of text, markdown, html, not 'pdf'")),
    (b'{"id": "a", "text": "x", "date": "July 1"}', Record("c.jsonl", 7, "a", error="'date' must be YYYY-MM-DD, not 'July 1'")),
    (b'{"id": "a", "text": "x", "date": "2025-02-30"}',
     Record("c.jsonl", 7, "a", error="'date' is not a calendar date: '2025-02-30'")),
]


@pytest.mark.parametrize(("raw", "expected"), PARSED, ids=[p[0].decode("latin-1")[:40] for p in PARSED])
def test_each_line_is_read_field_by_field(raw, expected):
    assert parse_line(raw, "c.jsonl", 7) == expected


def test_a_blank_line_is_no_record():
    assert parse_line(b"  \n", "c.jsonl", 1) is None


def test_a_record_is_checked_as_the_same_text_in_a_file(tmp_path):
    records = fixture_records()
    corpus = write_corpus(tmp_path / "corpus.jsonl", records)
    as_records = run("scan", str(corpus), "--isolated", "--jobs", "1", "--exit-zero", cwd=FIXTURES)
    as_files = run("scan", *[r["path"] for r in records], "--isolated", "--jobs", "1", "--format", "json",
                   "--exit-zero", cwd=FIXTURES)
    assert as_records.returncode == 0, as_records.stderr
    got = [json.loads(line) for line in as_records.stdout.splitlines()]
    assert [g["id"] for g in got] == [r["id"] for r in records]
    expected = json.loads(as_files.stdout)["documents"]
    assert sum(len(d["findings"]) for d in expected) > 20  # the comparison means something
    assert [{**g, "id": None} for g in got] == expected


def test_malformed_lines_are_reported_in_place_and_the_run_goes_on(tmp_path):
    seed = (FIXTURES / "seed-hegseth-austin.txt").read_text(encoding="utf-8")
    corpus = write_corpus(tmp_path / "c.jsonl", [{"id": "seed", "text": seed}, {"id": "ok", "text": "Nothing."}],
                          {1: '{"id": "broken", "text": "no closing quote}', 2: "", 3: '{"id": "no-text"}'})
    proc = run("scan", str(corpus))
    assert proc.returncode == 2
    got = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [g["id"] for g in got] == ["seed", None, "no-text", "ok"]
    assert [g.get("line") for g in got] == [None, 2, 4, None]
    assert got[1]["error"].startswith("not valid JSON") and got[1]["source"] == str(corpus)
    assert {f["code"] for f in got[0]["findings"]} == {"FC101", "FC103"}  # the seed: one finding per mistake
    errors = proc.stderr.splitlines()
    assert errors[0].startswith(f"factcheck: {corpus}:2: not valid JSON")
    assert errors[1] == f"factcheck: {corpus}:4: no 'text' (a string)"
    assert "2 of 4 record(s) could not be checked" in errors[2]
    kept = run("scan", str(corpus), "--keep-going")
    assert kept.returncode == 1 and kept.stdout == proc.stdout  # the seed's errors still count
    assert run("scan", str(corpus), "--keep-going", "--exit-zero").returncode == 0


def test_a_line_over_the_size_limit_is_an_error_result_and_never_read_whole(tmp_path):
    corpus = tmp_path / "c.jsonl"
    long = json.dumps({"id": "long", "text": "Word. " * 5000})
    corpus.write_text(long + "\n" + json.dumps({"id": "short", "text": "Nothing."}) + "\n", encoding="utf-8")
    proc = run("scan", str(corpus), "--max-file-size", "1000", "--exit-zero")
    assert proc.returncode == 2
    got = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [g.get("line") for g in got] == [1, None] and got[1]["id"] == "short"
    assert got[0]["error"].startswith("longer than the size limit of 1,000 bytes")
    assert run("scan", str(corpus), "--exit-zero").returncode == 0  # the default limit (20 MB) takes it


def test_a_fifo_given_as_a_corpus_is_refused_at_once(tmp_path):
    import os

    fifo = tmp_path / "c.jsonl"
    os.mkfifo(fifo)
    proc = run("scan", str(fifo))  # run() times out after 120 s
    assert proc.returncode == 2 and "FIFO" in proc.stderr and "Traceback" not in proc.stderr


def test_a_record_that_cannot_be_loaded_gets_an_error_result(tmp_path):
    corpus = write_corpus(tmp_path / "c.jsonl", [{"id": "fm", "text": "---\ndate: someday\n---\nText.", "format": "markdown"}])
    proc = run("scan", str(corpus), "--keep-going")
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["error"] == "fm:2: front matter date is not YYYY-MM-DD: 'someday'"


def test_dates_record_beats_front_matter_and_option_beats_record(tmp_path):
    text = "---\ndate: 2022-06-01\n---\nU.S. Secretary of Defense Lloyd Austin spoke.\n"
    corpus = write_corpus(tmp_path / "c.jsonl", [{"id": 1, "text": text, "date": "2025-07-01", "format": "markdown"},
                                                  {"id": 2, "text": text, "format": "markdown"}])
    got = [json.loads(line) for line in run("scan", str(corpus), "--exit-zero").stdout.splitlines()]
    assert [(g["date"], g["date_source"], len(g["findings"])) for g in got] == [
        ("2025-07-01", "record", 1), ("2022-06-01", "front-matter", 0)]
    forced = [json.loads(line) for line in run("scan", str(corpus), "--exit-zero", "--date", "2022-01-01").stdout.splitlines()]
    assert [(g["date"], g["date_source"]) for g in forced] == [("2022-01-01", "option")] * 2


def test_standard_input_needs_input_format(tmp_path):
    line = json.dumps({"id": "x", "text": "Monday, July 1, 2025 was hot."}) + "\n"
    proc = run("scan", "-", "--input-format", "jsonl", stdin=line)
    assert proc.returncode == 1
    assert json.loads(proc.stdout)["findings"][0]["code"] == "FC104"


def test_the_output_is_the_same_bytes_for_any_number_of_workers(tmp_path):
    records = fixture_records() * 2  # several batches in flight at once
    corpus = write_corpus(tmp_path / "c.jsonl", [{**r, "id": n} for n, r in enumerate(records)], {40: "garbage"})
    one = run("scan", str(corpus), "--jobs", "1", "--keep-going", "--exit-zero")
    two = run("scan", str(corpus), "--jobs", "2", "--keep-going", "--exit-zero")
    assert one.returncode == 0 and len(one.stdout.splitlines()) == len(records) + 1
    assert one.stdout == two.stdout and one.stderr == two.stderr


def test_resume_appends_only_what_is_missing(tmp_path):
    records = [{"id": n, "text": f"Monday, July {n}, 2025 was the day."} for n in range(1, 8)]
    corpus = write_corpus(tmp_path / "c.jsonl", records)
    full = run("scan", str(corpus), "--exit-zero").stdout.splitlines(keepends=True)
    out = tmp_path / "out.jsonl"
    # An interrupted run: three results, the fourth cut short, and one result marked so that
    # re-checking it would show (a resumed run must keep it as it is).
    marked = json.dumps({"path": None, "id": 2, "date": None, "date_source": "unknown", "findings": []}) + "\n"
    out.write_text(full[0] + marked + full[2] + full[3][:25], encoding="utf-8")
    proc = run("scan", str(corpus), "--resume", str(out), "--exit-zero")
    assert proc.returncode == 0 and proc.stdout == ""
    assert out.read_text(encoding="utf-8") == full[0] + marked + "".join(full[2:])
    again = run("scan", str(corpus), "--resume", str(out), "--exit-zero")  # nothing left to do
    assert again.returncode == 0 and out.read_text(encoding="utf-8") == full[0] + marked + "".join(full[2:])


def test_resume_refuses_a_file_that_is_not_a_result_file(tmp_path):
    corpus = write_corpus(tmp_path / "c.jsonl", [{"id": 1, "text": "x"}])
    other = tmp_path / "notes.jsonl"
    other.write_text("hello\n", encoding="utf-8")
    proc = run("scan", str(corpus), "--resume", str(other))
    assert proc.returncode == 2
    assert proc.stderr == f"factcheck: error: --resume: {other}:1: not a result line of factcheck scan --format jsonl\n"
    assert other.read_text(encoding="utf-8") == "hello\n"


@pytest.mark.parametrize(("args", "message"), [
    (["--format", "text"], "--format text: a JSONL corpus is reported with --format jsonl, one result a record"),
    (["--baseline", "b.json"], "--baseline does not apply to a JSONL corpus"),
    (["--scheduler", "local"], "--scheduler needs --engine dask"),
    (["other.md"], "a JSONL corpus cannot be scanned together with other files"),
])
def test_options_that_do_not_apply_to_a_corpus_are_usage_errors(tmp_path, args, message):
    corpus = write_corpus(tmp_path / "c.jsonl", [{"id": 1, "text": "x"}])
    proc = run("scan", str(corpus), *args)
    assert (proc.returncode, proc.stderr, proc.stdout) == (2, f"factcheck: error: {message}\n", "")


def test_corpus_options_on_plain_files_are_usage_errors():
    proc = run("scan", str(FIXTURES / "seed-hegseth-austin.txt"), "--resume", "out.jsonl")
    assert proc.returncode == 2
    assert proc.stderr == ("factcheck: error: --resume applies to JSONL corpora (files named *.jsonl, "
                           "or --input-format jsonl)\n")


def test_quoted_globs_name_several_corpora_in_order(tmp_path):
    for n in (2, 1):
        write_corpus(tmp_path / f"part-{n}.jsonl", [{"id": f"{n}-a", "text": "x"}, {"id": f"{n}-b", "text": "y"}])
    proc = run("scan", "part-*.jsonl", cwd=tmp_path)
    assert [json.loads(line)["id"] for line in proc.stdout.splitlines()] == ["1-a", "1-b", "2-a", "2-b"]


@pytest.mark.parametrize("jobs", [1, 2])
def test_records_in_flight_stay_within_a_window(jobs):
    """Memory is bounded by the window, not the corpus: the reader is never more than the batches in
    flight ahead of the writer."""
    read = 0

    def records():
        nonlocal read
        for n in range(6000):  # more than the window holds
            read += 1
            yield Record("c.jsonl", n + 1, n, "Nothing here.")

    bound = 1 if jobs == 1 else archive.BATCH_RECORDS * (jobs * archive.WINDOW_PER_WORKER + 1)
    written = 0
    for outcome in archive.outcomes(records(), Checker(), jobs):
        written += 1
        assert read - written < bound
        assert json.loads(outcome.line)["id"] == written - 1
    assert written == read == 6000


def test_check_records_takes_mappings_and_lines():
    items = [{"id": "a", "text": "Monday, July 1, 2025."}, '{"id": "b", "text": "x"}', b"", b"oops"]
    got = list(archive.check_records(items, Checker(date_option=date(2025, 8, 1)), source="list"))
    assert [g["id"] for g in got] == ["a", "b", None]
    assert got[0]["findings"][0]["code"] == "FC104" and got[0]["date_source"] == "option"
    assert got[2]["line"] == 4 and got[2]["source"] == "list"


def test_resume_against_results_from_another_corpus_loses_nothing(tmp_path):
    corpus = write_corpus(tmp_path / "c.jsonl", [{"id": n, "text": "Nothing here."} for n in (1, 2, 3)])
    out = tmp_path / "out.jsonl"
    stranger = json.dumps({"path": None, "id": 99, "date": None, "date_source": "unknown", "findings": []}) + "\n"
    out.write_text(stranger, encoding="utf-8")
    proc = run("scan", str(corpus), "--resume", str(out))
    assert proc.returncode == 0
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == [99, 1, 2, 3]
    assert proc.stderr == ("factcheck: --resume: 1 result(s) of the file matched no record of the corpus in order "
                           "(from id 99); the corpus is not the one they came from, or not in the same order\n")


def test_resume_skips_the_records_done_in_their_order():
    done = iter(archive.key(Record("c.jsonl", n, n)) for n in range(1, 4))
    records = [Record("c.jsonl", n, n, "x") for n in range(1, 7)]
    left = list(archive.not_done(iter(records), done, lambda message: pytest.fail(message)))
    assert [r.id for r in left] == [4, 5, 6]


def test_an_html_record_is_read_as_a_web_page():
    page = "<html><head><title>T</title></head><body><p>The talks are on <b>Monday, July 1, 2025</b>.</p></body></html>"
    as_html, as_text = archive.check_records([{"id": 1, "text": page, "format": "html"},
                                              {"id": 2, "text": page, "path": "page.txt"}])
    start = page.index("Monday")  # positions are in the page as given, tags included
    assert [(f["code"], f["line"], f["column"]) for f in as_html["findings"]] == [("FC104", 1, start + 1)]
    assert as_text["path"] == "page.txt"
    assert archive.parse_value({"id": 3, "text": "x", "path": "a/b.HTM"}, "c.jsonl", 1).format == "html"
