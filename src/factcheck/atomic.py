"""Writing a file whole or not at all: a temporary file in the same folder, renamed over the target.

A reader (or the next run) sees the old file or the new one, never a cut-off one; a full disk or an
interruption leaves the old file and no temporary file behind. The rename replaces a symbolic link
itself, never the file it points to.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path`; raises OSError when it cannot, leaving `path` as it was."""
    def fill(tmp: Path) -> None:
        tmp.write_bytes(data)

    write_with(path, fill)


def write_with(path: Path, fill: Callable[[Path], None]) -> None:
    """`fill(tmp)` writes the new content to a temporary file beside `path`, which then replaces
    `path` (errors from `fill` propagate after the temporary file is removed)."""
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    tmp = Path(name)
    try:
        os.close(fd)
        fill(tmp)
        os.chmod(tmp, _mode(path))
        with open(tmp, "rb+") as fh:  # on disk before it takes the name: a crash leaves the old file
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def _mode(path: Path) -> int:
    """The permissions the file has (when it exists and is ours to replace), else the usual ones
    for a new file (mkstemp's are private to the user)."""
    try:
        st = os.lstat(path)
        if stat.S_ISREG(st.st_mode):
            return stat.S_IMODE(st.st_mode)
    except OSError:
        pass
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
