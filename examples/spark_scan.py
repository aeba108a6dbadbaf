"""Check a JSONL corpus with PySpark: one result line a record, as `factcheck scan corpus.jsonl` writes them.

    spark-submit examples/spark_scan.py 'corpus-*.jsonl' results/

A record has `id` and `text`, and optionally `date` (YYYY-MM-DD), `path` and `format` (text,
markdown, html); other columns are ignored. factcheck must be installed on every worker (`pip
install factcheck` in the workers' Python); no extra is needed for Spark.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from typing import Any


def check_partition(rows: Iterable[Any]) -> Iterator[str]:
    """mapPartitions: the results of one partition's records, in order, as JSON lines.

    Imported here, in the worker: the engine is built there from the installed package, once per
    Python worker process (Spark reuses them), and kept for every later partition, so it never
    travels with a task."""
    from factcheck.archive import check_records

    for result in check_records(row.asDict() for row in rows):
        yield json.dumps(result, ensure_ascii=False)


def scan(spark: Any, corpus: str) -> Any:
    """The RDD of result lines for the records of `corpus` (a path or a glob of JSONL files)."""
    return spark.read.json(corpus).rdd.mapPartitions(check_partition)


def main(argv: list[str]) -> int:
    from pyspark.sql import SparkSession

    if len(argv) != 3:
        sys.stderr.write("usage: spark-submit spark_scan.py CORPUS.jsonl OUTPUT-FOLDER\n")
        return 2
    spark = SparkSession.builder.appName("factcheck").getOrCreate()
    scan(spark, argv[1]).saveAsTextFile(argv[2])
    spark.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
