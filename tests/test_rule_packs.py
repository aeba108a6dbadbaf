"""Rule packs without Python: pattern and valid-period rules, house facts feeding the knowledge
base, each rule's own examples run as tests, and one-line errors for a pack that cannot be used."""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest

import factcheck
from _cli import run
from factcheck.errors import UsageError

PACK = Path(__file__).resolve().parent / "data" / "house-pack"

ARTICLE = """---
date: 2025-06-01
---
Acme CEO Bram Stolte presented the Widgetron on Tuesday.
Acme CEO Dana Whitfield called the company world-leading.
Acme Labs unveiled the device in March 2024.
"""

CORRECTED = """---
date: 2025-06-01
---
Former Acme CEO Bram Stolte presented the Acme Flow on Tuesday.
Acme CEO Dana Whitfield called the company a leader.
Acme Research unveiled the device in March 2024; Acme Labs had built the prototype in 2018.
"""


@functools.lru_cache(maxsize=1)
def _engine() -> factcheck.Engine:
    return factcheck.load_engine(rule_dirs=[PACK])


def test_a_pack_of_three_rules_and_house_facts_fires_from_the_command_line():
    proc = run("scan", "--rules", str(PACK), "-", "--format", "json", stdin=ARTICLE)
    assert proc.returncode == 1, proc.stderr
    found = [(f["code"], f["line"]) for d in json.loads(proc.stdout)["documents"] for f in d["findings"]]
    # role-tenure and office-conflict know the house's own chief executives from house.toml.
    assert found == [("FC101", 4), ("ACME001", 4), ("FC102", 5), ("ACME003", 5), ("ACME002", 6)]
    listing = run("rules", "--rules", str(PACK)).stdout
    assert "ACME001  old-product-name" in listing and "FC101  role-tenure" in listing


def test_the_corrected_article_is_silent():
    assert factcheck.scan_text(CORRECTED, path="a.md", engine=_engine()) == []


def test_messages_say_what_to_write():
    by_code = {f.code: f.message for f in factcheck.scan_text(ARTICLE, path="a.md", engine=_engine())}
    assert by_code["ACME001"].startswith("write 'Acme Flow', not 'Widgetron'")
    assert by_code["ACME003"] == "house style bans 'world-leading'"  # the pack's own template
    assert "write 'Acme Research'" in by_code["ACME002"] and "Dana Whitfield" in by_code["FC101"]


def test_explain_prints_the_rule_pack_docs_and_examples():
    out = run("rules", "--rules", str(PACK), "--explain", "old-product-name").stdout
    assert "renamed" not in out.splitlines()[0] and "Acme Flow" in out
    assert "fires   Customers praised the Widgetron.  [date 2025-03-01]" in out
    assert "silent  Customers praised the Widgetron.  [date 2024-05-01]" in out


PACK_EXAMPLES = [(r.code, ex) for r in _engine().rules if r.code.startswith("ACME") for ex in r.examples]


@pytest.mark.parametrize("code,example", PACK_EXAMPLES, ids=[f"{c}-{i}" for i, (c, _) in enumerate(PACK_EXAMPLES)])
def test_rule_pack_examples(code, example):
    fired = [f for f in factcheck.scan_text(example.text, example.date, engine=_engine()) if f.code == code]
    assert bool(fired) == example.fires


def test_every_pack_rule_has_firing_and_silent_examples():
    pack_rules = [r for r in _engine().rules if r.code.startswith("ACME")]
    assert len(pack_rules) == 3 and all({e.fires for e in r.examples} == {True, False} for r in pack_rules)


BAD = [
    ('[[rule]]\ncode = "X1"\nname = "x"\nkind = "pattern"\nseverity = "warning"\nsummary = "s"\n'
     '[rule.options]\nphrase = ["a"]\n', "unknown option 'phrase' for kind 'pattern'"),
    ('[[rule]]\ncode = "X1"\nname = "x"\nkind = "pattern"\nseverity = "warning"\nsummary = "s"\n'
     '[rule.options]\nphrases = "a"\n', "option 'phrases' must be a list"),
    ('[[rule]]\ncode = "X1"\nname = "x"\nkind = "pattern"\nseverity = "warning"\nsummary = "s"\n'
     '[rule.options]\nphrases = ["a"]\nfrom = "May 2024"\n', "not a date"),
    ('[[rule]]\ncode = "X1"\nname = "x"\nkind = "pattern"\nseverity = "warning"\nsummary = "s"\n'
     '[rule.options]\nphrases = ["a"]\n[rule.messages]\navoid = "no {txt}"\n', "names unknown field(s) txt"),
    ('[[rule]]\ncode = "X1"\nname = "x"\nkind = "patern"\nseverity = "warning"\nsummary = "s"\n', "unknown kind 'patern'"),
    ('[[rule]]\ncode = "X1"\nname = "x"\nkind = "valid-period"\nseverity = "warning"\nsummary = "s"\n'
     '[rule.options]\nnames = ["a"]\n', "needs from, until or both"),
    ('[[rule]]\ncode = "FC104"\nseverity = "fatal"\n', "severity must be error, warning or info"),
    ('[[rules]]\ncode = "X1"\n', "unknown table(s) rules"),
    ('[[term]]\nperson = "A B"\noffice = "us.president"\nstart = "2020"\n', "every term needs a source"),
    ('[[term]]\nperson = "A B"\noffice = "acme.cfo"\nstart = "2020"\nsource = "s"\n', "unknown office 'acme.cfo'"),
]


@pytest.mark.parametrize("text,needle", BAD, ids=[n for _, n in BAD])
def test_a_pack_that_cannot_be_used_is_a_one_line_error(tmp_path: Path, text: str, needle: str):
    (tmp_path / "bad.toml").write_text(text)
    with pytest.raises(UsageError, match=None) as caught:
        factcheck.load_engine(rule_dirs=[tmp_path])
    message = str(caught.value)
    assert needle in message and "\n" not in message and str(tmp_path / "bad.toml") in message


def test_a_bad_pack_on_the_command_line_exits_2(tmp_path: Path):
    (tmp_path / "bad.toml").write_text('[[rule]]\ncode = "FC104"\nseverity = "fatal"\n')
    proc = run("scan", "--rules", str(tmp_path), "-", stdin="Text.\n")
    assert proc.returncode == 2 and len(proc.stderr.splitlines()) == 1 and "Traceback" not in proc.stderr
    missing = run("scan", "--rules", str(tmp_path / "nope"), "-", stdin="Text.\n")
    assert missing.returncode == 2 and "--rules" in missing.stderr and "no such directory" in missing.stderr
