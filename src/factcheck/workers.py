"""Worker processes that never outlive the run, for a folder scan and for a JSONL corpus alike.

Ctrl-C reaches the whole process group and `pkill` every process it matches, so a worker may get
the signal while it holds a lock of the pool's queues; if it unwound there, the parent's clean-up
could wait forever on that lock. So only the parent acts: a worker ignores SIGINT and dies at once
on SIGTERM or SIGHUP (the default action: no Python code runs), the parent terminates the pool on
every way out, and a worker whose parent vanished without a word (SIGKILL) ends itself.

The parent never waits for a result without a timeout: the kernel may hand a signal to any of the
pool's threads, and Python runs the handler only when the main thread next runs bytecode, so a
main thread blocked for good on a result whose worker the signal killed would never see it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from multiprocessing.pool import AsyncResult, IMapIterator, Pool

T = TypeVar("T")
POLL_SECONDS = 0.5  # how long a pending signal may wait for the main thread


@contextmanager
def worker_pool(jobs: int, initializer: Callable[..., None] | None = None, initargs: tuple[Any, ...] = ()
                ) -> Iterator[Pool]:
    """A pool of `jobs` processes, each set up by `initializer(*initargs)` after its signals."""
    from multiprocessing import Pool  # only here: importing it costs a pre-commit hook

    pool = Pool(jobs, initializer=_start, initargs=(os.getpid(), initializer, initargs))
    try:
        yield pool
        pool.close()
        pool.join()
    finally:
        pool.terminate()


def _start(parent: int, initializer: Callable[..., None] | None, initargs: tuple[Any, ...]) -> None:
    import signal
    import threading

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "SIGHUP"):
        signal.signal(signal.SIGHUP, signal.SIG_DFL)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if initializer is not None:
        initializer(*initargs)


def _watch_parent(parent: int) -> None:
    """End this worker when its parent is gone (killed with no chance to terminate the pool)."""
    import time

    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


def result(job: AsyncResult[T]) -> T:
    """A job's result, the main thread waking often enough to run a signal's handler."""
    from multiprocessing import TimeoutError

    while True:
        try:
            return job.get(POLL_SECONDS)
        except TimeoutError:
            continue


def each(results: IMapIterator[T]) -> Iterator[T]:
    """`pool.imap`'s results, in order, the main thread waking as `result` does."""
    from multiprocessing import TimeoutError

    while True:
        try:
            yield results.next(POLL_SECONDS)
        except TimeoutError:
            continue
        except StopIteration:
            return
