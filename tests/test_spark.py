"""The PySpark recipe (examples/spark_scan.py) in Spark local mode: each record's result line is
the one a plain scan writes. Runs where pyspark and Java are installed, skipped elsewhere."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import sys

import pytest

from _cli import run
from conftest import ROOT
from test_archive import fixture_records, write_corpus

pytest.importorskip("pyspark")
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("Spark needs Java", allow_module_level=True)


def test_the_spark_recipe_gives_the_lines_of_a_plain_scan(tmp_path, monkeypatch):
    from pyspark.sql import SparkSession

    monkeypatch.setenv("PYSPARK_PYTHON", sys.executable)  # the workers' Python: the one factcheck is installed in

    spec = importlib.util.spec_from_file_location("spark_scan", ROOT / "examples" / "spark_scan.py")
    assert spec is not None and spec.loader is not None
    recipe = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(recipe)
    records = [{**r, "id": n} for n, r in enumerate(fixture_records())]
    half = len(records) // 2
    write_corpus(tmp_path / "corpus-1.jsonl", records[:half])
    write_corpus(tmp_path / "corpus-2.jsonl", records[half:])
    plain = run("scan", str(tmp_path / "corpus-*.jsonl"), "--jobs", "1", "--isolated", "--exit-zero")
    assert plain.returncode == 0, plain.stderr
    spark = (SparkSession.builder.master("local[2]").appName("factcheck-test")
             .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate())
    try:
        lines = recipe.scan(spark, str(tmp_path / "corpus-*.jsonl")).collect()
    finally:
        spark.stop()
    # Spark may list the two files in either order; within a file the order is the corpus's.
    assert sorted(line + "\n" for line in lines) == sorted(plain.stdout.splitlines(keepends=True))
    assert len(lines) == len(records)
    assert sum(len(json.loads(line)["findings"]) for line in lines) > 20
