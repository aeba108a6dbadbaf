"""A check kind from another package: installed into a fresh virtual environment, it is discovered
through the factcheck.checks entry-point group, listed by `factcheck rules` and fires in
`factcheck scan`, exactly like a built-in."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import site
import subprocess
import sys
import zipfile
from pathlib import Path

# The package's pyproject.toml would declare: [project.entry-points."factcheck.checks"]
# shouting = "factcheck_shouting:CHECK". The test writes the wheel a build would make (so it needs
# neither a build backend nor the network) and installs it with pip.
ENTRY_POINTS = "[factcheck.checks]\nshouting = factcheck_shouting:CHECK\n"

MODULE = '''\
"""shouting (SHOUT001): a word of five or more capital letters that is not a known acronym.

Why is this bad? House style writes words in capitals only when they are acronyms.
"""

import re

from factcheck.checks.registry import CheckKind, Example
from factcheck.findings import Finding
from factcheck.facts import Span

WORD = re.compile(r"\\b[A-Z]{5,}\\b")


def check(facts, kb, rule):
    allowed = set(rule.options["acronyms"])
    for m in WORD.finditer(facts.prose):
        if m.group() not in allowed:
            yield Finding(rule.code, rule.name, rule.severity, Span(m.start(), m.end()),
                          rule.message("shout", word=m.group()))


CHECK = CheckKind(
    code="SHOUT001", name="shouting", severity="info", summary="A word in capitals that is not an acronym.",
    run=check, needs=frozenset({"prose"}), options={"acronyms": ("NASDAQ",)},
    messages={"shout": "'{word}' is shouted; write it in lower case"}, doc=__doc__,
    examples=(Example("The board was FURIOUS.", True), Example("Shares fell on the NASDAQ.", False)),
)
'''


def _wheel(folder: Path) -> Path:
    files = {
        "factcheck_shouting.py": MODULE,
        "factcheck_shouting-0.1.dist-info/METADATA": "Metadata-Version: 2.1\nName: factcheck-shouting\nVersion: 0.1\n",
        "factcheck_shouting-0.1.dist-info/WHEEL": "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
        "factcheck_shouting-0.1.dist-info/entry_points.txt": ENTRY_POINTS,
    }
    record = []
    for name, text in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(text.encode()).digest()).rstrip(b"=").decode()
        record.append(f"{name},sha256={digest},{len(text.encode())}")
    record.append("factcheck_shouting-0.1.dist-info/RECORD,,")
    path = folder / "factcheck_shouting-0.1-py3-none-any.whl"
    with zipfile.ZipFile(path, "w") as zf:
        for name, text in files.items():
            zf.writestr(name, text)
        zf.writestr("factcheck_shouting-0.1.dist-info/RECORD", "\n".join(record) + "\n")
    return path


def test_a_plugin_package_adds_a_check(tmp_path: Path):
    package = _wheel(tmp_path)
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    target = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                            capture_output=True, text=True, check=True).stdout.strip()
    # The new environment sees this one's packages (factcheck, typer, rich, pip), so installing
    # the plugin needs no network and no copy of factcheck.
    (Path(target) / "outer.pth").write_text(
        "".join(f"import site; site.addsitedir({p!r})\n" for p in site.getsitepackages()))
    env = {**os.environ, "FACTCHECK_CACHE_DIR": str(tmp_path / "cache"), "PIP_NO_INDEX": "1",
           "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", str(package)],
                   check=True, env=env, capture_output=True, cwd=tmp_path)

    def factcheck(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(python), "-m", "factcheck", *args], capture_output=True, text=True, env=env,
                              input=stdin, cwd=tmp_path, timeout=120)

    listing = factcheck("rules")
    assert "SHOUT001  shouting" in listing.stdout, listing.stderr
    assert "FC101  role-tenure" in listing.stdout  # the built-ins are found the same way
    proc = factcheck("scan", "-", "--format", "json", "--fail-on", "info", stdin="The board was FURIOUS at the NASDAQ listing.\n")
    found = [(f["code"], f["message"]) for d in json.loads(proc.stdout)["documents"] for f in d["findings"]]
    assert found == [("SHOUT001", "'FURIOUS' is shouted; write it in lower case")] and proc.returncode == 1
    # A rule pack configures the plugin's rule like any other: its options are validated too.
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "style.toml").write_text('[[rule]]\ncode = "SHOUT001"\n[rule.options]\nacronyms = ["FURIOUS", "NASDAQ"]\n')
    assert factcheck("scan", "-", "--rules", str(pack), "--format", "json", stdin="The board was FURIOUS.\n").returncode == 0
    (pack / "style.toml").write_text('[[rule]]\ncode = "SHOUT001"\n[rule.options]\nacronym = ["FURIOUS"]\n')
    bad = factcheck("scan", "-", "--rules", str(pack), stdin="Text.\n")
    assert bad.returncode == 2 and "unknown option 'acronym'" in bad.stderr and len(bad.stderr.splitlines()) == 1
    # Uninstalled, it is gone (the compiled engine is keyed by the installed entry points).
    subprocess.run([str(python), "-m", "pip", "uninstall", "-q", "-y", "factcheck-shouting"], check=True, env=env,
                   capture_output=True)
    assert "SHOUT001" not in factcheck("rules").stdout
