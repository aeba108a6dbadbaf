"""Dask: a LocalCluster of two worker processes gives the bytes a plain scan gives, and each
worker builds the engine once, whatever the number of tasks it runs."""

from __future__ import annotations

import json

import pytest

from _cli import run
from test_archive import fixture_records, write_corpus

distributed = pytest.importorskip("distributed")
bag = pytest.importorskip("dask.bag")


@pytest.fixture(scope="module")
def client():
    from factcheck.dask import local_cluster

    cluster = local_cluster(2)
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    records = [{**r, "id": n} for n, r in enumerate(fixture_records())]  # more than one batch
    path = write_corpus(tmp_path_factory.mktemp("dask") / "corpus.jsonl", records, {50: "{not json"})
    return records, path, run("scan", str(path), "--jobs", "1", "--isolated")


def test_scan_bag_gives_the_bytes_of_a_plain_scan(client, corpus):
    from factcheck.dask import scan_bag

    records, path, plain = corpus
    expected = [line for line in plain.stdout.splitlines(keepends=True) if "error" not in json.loads(line)]
    lines = path.read_text(encoding="utf-8").splitlines()
    results = scan_bag(bag.from_sequence([x for x in lines if x != "{not json"], npartitions=8)).compute()
    assert len(results) == len(records) == len(expected)
    assert [json.dumps(r, ensure_ascii=False) + "\n" for r in results] == expected
    assert sum(len(r["findings"]) for r in results) > 20


def test_engine_dask_on_a_cluster_gives_the_bytes_of_jobs_1(client, corpus):
    _, path, plain = corpus
    on_dask = run("scan", str(path), "--engine", "dask", "--scheduler", client.scheduler.address, "--isolated")
    assert plain.returncode == on_dask.returncode == 2
    assert on_dask.stdout == plain.stdout and on_dask.stderr == plain.stderr
    assert f"{path}:51: not valid JSON" in on_dask.stderr


def test_each_worker_builds_the_engine_once(client, corpus):
    from factcheck.dask import scan_bag

    records, _, _ = corpus
    scan_bag(bag.from_sequence(records, npartitions=16)).compute()

    def builds() -> int:
        from factcheck import archive

        return archive._engine.cache_info().misses

    assert sorted(client.run(builds).values()) == [1, 1]


def test_a_scheduler_that_cannot_be_reached_is_a_usage_error():
    import dask

    from factcheck.archive import Checker, Record
    from factcheck.dask import outcomes
    from factcheck.errors import UsageError

    with dask.config.set({"distributed.comm.timeouts.connect": "0.2s"}), pytest.raises(UsageError) as caught:
        list(outcomes([Record("c.jsonl", 1, 1, "x")], Checker(), "tcp://127.0.0.1:9"))
    assert str(caught.value).startswith("--scheduler tcp://127.0.0.1:9: cannot reach the scheduler")


def test_local_workers_run_with_the_cluster_settings(client):
    import dask.config

    from factcheck.dask import CLUSTER_CONFIG

    seen = client.run(lambda: {key: dask.config.get(key) for key in CLUSTER_CONFIG})
    assert len(seen) == 2
    assert all(config == CLUSTER_CONFIG for config in seen.values())
    assert dask.config.get("distributed.worker.profile.enabled") is True  # the client's own is left alone
