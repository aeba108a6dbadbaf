"""Dask: the same checks on a cluster, with the engine built once per worker.

    >>> import dask.bag as db
    >>> from factcheck.dask import scan_bag
    >>> results = scan_bag(db.read_text("corpus-*.jsonl"))      # a bag of result objects
    >>> results.map(json.dumps).to_textfiles("results-*.jsonl")

Needs the optional extra: `pip install 'factcheck[dask]'` (dask and distributed). The engine is not
sent with the tasks: each worker process builds it from its own installed copy of factcheck (and
its compiled cache) the first time it is asked, and keeps it. `kb_dirs` and `rule_dirs` must
therefore be readable at the same paths on every worker.

A cluster started for checking should run with `CLUSTER_CONFIG` (the local cluster of `--scheduler
local` does; put the same keys in a long-lived cluster's Dask configuration).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from typing import Any

from factcheck.archive import (
    WINDOW_PER_WORKER,
    Checker,
    Outcome,
    Record,
    Runner,
    check_batch,
    check_records,
    in_order,
)
from factcheck.errors import UsageError

# Dask settings for a cluster that only checks text. Every server (scheduler, nanny, worker) wakes
# every 20 ms to see whether its event loop is blocked, the statistical profiler samples each
# worker's task thread every 10 ms and the memory monitor polls every 100 ms: on two cores an idle
# local cluster of two workers burned 4% of a core, and busy workers lose the interpreter lock to
# these callbacks (docs/archive.md). A blocked loop is still reported, and memory limits are still
# enforced, at coarser ticks.
CLUSTER_CONFIG: dict[str, object] = {
    "distributed.admin.tick.interval": "500ms",
    "distributed.worker.profile.enabled": False,
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
}


def scan_bag(bag: Any, *, date: datetime.date | None = None, select: Iterable[str] = (), ignore: Iterable[str] = (),
             kb_dirs: Iterable[str] = (), rule_dirs: Iterable[str] = (), checker: Checker | None = None) -> Any:
    """A bag of records -> a bag of results, partition by partition, in the same order.

    A record is a mapping (`{"id": ..., "text": ..., "date": ..., "path": ..., "format": ...}`) or a
    JSON line of one (as `dask.bag.read_text` gives). A result is the JSON contract's document
    object (`path`, `id`, `date`, `date_source`, `findings`), or an object with `error` for a record
    that cannot be checked: the objects `factcheck scan corpus.jsonl` prints one a line. `date`
    overrides every record's date; `select`/`ignore` name rules as on the command line; `checker`
    gives all of these at once (as the command line builds it from a configuration)."""
    if checker is None:
        chosen, ignored = tuple(select), tuple(ignore)
        checker = Checker(tuple(str(p) for p in kb_dirs), tuple(str(p) for p in rule_dirs),
                          ((chosen, ignored, ()),) if chosen or ignored else (), date)
    return bag.map_partitions(_scan_partition, checker)


def _scan_partition(items: Iterable[object], checker: Checker) -> list[dict[str, Any]]:
    return list(check_records(items, checker, source="bag"))


def runner(scheduler: str) -> Runner:
    """The runner `factcheck scan --engine dask --scheduler ADDRESS` hands its records to."""
    return lambda records, checker, jobs: outcomes(records, checker, scheduler, jobs)


def local_cluster(workers: int) -> Any:
    """A cluster of `workers` single-threaded worker processes on this machine, set up with
    `CLUSTER_CONFIG`: the one `--scheduler local` starts (and the suite and `bench/scale.py` use)."""
    import logging

    import dask.config
    from distributed import LocalCluster

    with dask.config.set(CLUSTER_CONFIG):  # each nanny hands the configuration to its worker process
        return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,  # type: ignore[no-untyped-call]
                            dashboard_address=":0", silence_logs=logging.ERROR)


def outcomes(records: Iterable[Record], checker: Checker, scheduler: str, jobs: int = 1) -> Iterator[Outcome]:
    """`factcheck scan --engine dask`: batches of records sent to a Dask cluster (at `scheduler`, or
    a cluster of `jobs` local worker processes for "local"), results written in input order as
    they come back, with a bounded number of batches in flight."""
    try:
        from distributed import Client
    except ImportError:
        raise UsageError("--engine dask needs dask's distributed scheduler: pip install 'factcheck[dask]'") from None
    if scheduler == "local":
        cluster = local_cluster(jobs)
        client = Client(cluster)  # type: ignore[no-untyped-call]
    else:
        cluster = None
        try:
            client = Client(scheduler)  # type: ignore[no-untyped-call]
        except OSError as exc:
            raise UsageError(f"--scheduler {scheduler}: cannot reach the scheduler ({exc})") from None
    try:
        threads = sum(client.nthreads().values()) or 1  # type: ignore[no-untyped-call]
        yield from in_order(lambda batch: client.submit(check_batch, batch, checker, pure=False), records,
                            threads * WINDOW_PER_WORKER)
    finally:
        client.close()  # type: ignore[no-untyped-call]
        if cluster is not None:
            cluster.close()
