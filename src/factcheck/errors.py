"""The one error type every command turns into a one-line message and exit code 2, and the
exit every command goes through."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import NoReturn


class UsageError(Exception):
    """A problem with the input, the options or the configuration; the message is one line for the user.

    A file, folder or value it quotes may hold a newline or a terminal's escape: those characters
    are written as escapes, so the message stays one line whatever the input."""

    def __str__(self) -> str:
        return printable(super().__str__())


# C0 and C1 control characters (the escape that starts a terminal sequence among them), DEL, and
# the bidirectional overrides that make a terminal show text in another order than it is stored,
# each with the escape that shows it. A translation table rather than a regular expression: a
# character class reaching past U+00FF took a third of a millisecond to compile in every run.
_CONTROL = [*range(0x00, 0x20), *range(0x7F, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
_ESCAPES = {c: f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}" for c in _CONTROL}


def printable(text: str) -> str:
    """`text` safe for a terminal: control characters written as escapes (ESC as \\x1b), so a file
    name or a sentence can never move the cursor, recolour the screen or hide what follows."""
    return text.translate(_ESCAPES)


class DataError(ValueError):
    """A data file (knowledge base, lexicon, rule pack) that cannot be read; the message names the
    file and, where there is one, the row."""


class Terminated(KeyboardInterrupt):
    """SIGTERM or SIGHUP, raised where the program is so that it unwinds as on Ctrl-C (worker
    processes terminated, nothing left behind)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


GRACE_SECONDS = 5.0  # for the clean-up after SIGTERM or SIGHUP


def _terminated(owner: int, signum: int, _frame: object) -> None:
    import os
    import threading

    if os.getpid() != owner:  # a worker forked a moment ago, before it set its own handlers
        os._exit(128 + signum)

    # The unwinding terminates the worker pool. A worker that got the signal too (`pkill -f`, a
    # closed terminal) may have died holding a lock of the pool's queue, and the pool's clean-up
    # would then wait for that lock forever: after a grace period the process ends regardless
    # (its workers follow within a second, see factcheck.workers).
    timer = threading.Timer(GRACE_SECONDS, os._exit, (128 + signum,))
    timer.daemon = True
    timer.start()
    raise Terminated(signum)


def exit_with(command: Callable[[], int]) -> NoReturn:
    """Run a command and exit with its code: a UsageError is one line on stderr and exit code 2,
    Ctrl-C is 130 (SIGTERM and SIGHUP 128 + their number, after the same clean-up), and a reader
    that went away (`factcheck ... | head`) ends the run quietly. A closed or full standard output
    is one line on stderr and exit code 2."""
    import functools
    import os
    import signal

    if sys.stderr is None:  # started with stderr closed: warnings go nowhere rather than crash
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - lives as long as the process
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), functools.partial(_terminated, os.getpid()))
    try:
        if sys.stdout is None:
            raise UsageError("standard output is closed")
        code = command()
        sys.stdout.flush()
    except UsageError as exc:
        _error(str(exc))
    except Terminated as exc:
        _exit_now(128 + exc.signum)
    except KeyboardInterrupt:
        _exit_now(130)
    except BrokenPipeError:
        _exit_now(1)
    except OSError as exc:
        if exc.filename is None:  # writing the report failed (a full disk, a closed descriptor)
            _error(f"cannot write the report ({exc.strerror or exc})")
        raise
    _spare_final_collection()
    sys.exit(code)


def _spare_final_collection() -> None:
    """Move every object still alive out of the garbage collector's reach: they live until the
    process ends, and the collection Python runs while shutting down would only walk them again
    (about 6 ms of a one-file scan, a tenth of the run). Nothing is lost: Python does not promise to
    finalise objects still alive at exit, the standard streams are flushed and `atexit` handlers
    run as always."""
    import gc

    gc.freeze()


def _error(message: str) -> NoReturn:
    if sys.stderr is not None:
        try:
            sys.stderr.write(f"factcheck: error: {message}\n")
            sys.stderr.flush()
        except OSError:
            pass
    _exit_now(2)


def _exit_now(code: int) -> NoReturn:
    """Exit without flushing standard output again: after a broken pipe or a full disk, the flush
    at exit would fail once more and print a traceback."""
    import os

    try:
        if sys.stdout is not None:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    sys.exit(code)
