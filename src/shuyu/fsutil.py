"""Writing files atomically: a temporary file in the same directory, then a rename over."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from shuyu.errors import InputError


def write_atomic(path: str | Path, data: str | bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never a part.

    A device or a pipe (``-o /dev/null``, ``/dev/stdout``, a FIFO) is written to as it is: it has
    no old contents to keep, and renaming a file over it would replace the device itself (as
    root, ``/dev/null`` became a plain file).

    :raises InputError: when the directory is missing or not writable.
    """
    target = Path(path)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if _is_device_or_pipe(target):
        _write_through(target, raw)
        return
    directory = target.parent if str(target.parent) else Path()
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except FileNotFoundError:
        raise InputError("cannot write: the directory does not exist", path=str(target),
                         hint="create it first") from None
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror}", path=str(target)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(raw)
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            with contextlib.suppress(OSError):
                os.chmod(tmp, target.stat().st_mode & 0o777)
        else:
            with contextlib.suppress(OSError):
                os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise InputError(f"cannot write: {exc.strerror}", path=str(target)) from None


def _is_device_or_pipe(target: Path) -> bool:
    """True when ``target`` exists and is neither a regular file nor a directory (symlinks followed)."""
    try:
        mode = target.stat().st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _write_through(target: Path, raw: bytes) -> None:
    try:
        with target.open("wb") as handle:
            handle.write(raw)
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror}", path=str(target)) from None
