"""The one error type every command turns into a one-line message and exit code 2, and the
exit every command goes through."""

from __future__ import annotations

import sys
from typing import Callable, NoReturn


class UsageError(Exception):
    """A problem with the input, the options or the configuration; the message is one line for the user."""


class DataError(ValueError):
    """A data file (knowledge base, lexicon, rule pack) that cannot be read; the message names the
    file and, where there is one, the row."""


def exit_with(command: Callable[[], int]) -> NoReturn:
    """Run a command and exit with its code: a UsageError is one line on stderr and exit code 2,
    Ctrl-C is 130, and a reader that went away (`factcheck ... | head`) ends the run quietly."""
    try:
        code = command()
    except UsageError as exc:
        sys.stderr.write(f"factcheck: error: {exc}\n")
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    sys.exit(code)
