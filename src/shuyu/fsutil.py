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

    A symbolic link is written through: its target is replaced (atomically), the link stays a
    link, as ``>`` in a shell writes through it. Renaming over the link itself would leave a
    plain file where the link was and the file it points at unchanged.

    :raises InputError: when the directory is missing or not writable.
    """
    shown = str(path)  # errors name the path as given, not where its links lead
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if _is_device_or_pipe(Path(path)):
        # Opened as named: /dev/stdout resolves to /proc/self/fd/1 and then to "pipe:[…]", no path.
        _write_through(Path(path), raw, shown)
        return
    # realpath, not Path.resolve: a dangling link names the file to create, and a link loop is
    # left for the write to report (Path.resolve raises RuntimeError on one before 3.13).
    target = Path(os.path.realpath(path))
    directory = target.parent
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except FileNotFoundError:
        raise InputError("cannot write: the directory does not exist", path=shown,
                         hint="create it first") from None
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror}", path=shown) from None
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
        raise InputError(f"cannot write: {exc.strerror}", path=shown) from None


def _is_device_or_pipe(target: Path) -> bool:
    """True when ``target`` exists and is neither a regular file nor a directory (symlinks followed)."""
    try:
        mode = target.stat().st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _write_through(target: Path, raw: bytes, shown: str) -> None:
    try:
        with target.open("wb") as handle:
            handle.write(raw)
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror}", path=shown) from None


def same_file(a: str | Path, b: str | Path) -> bool:
    """True when ``a`` and ``b`` both exist and are one file (links, hard links and spellings such
    as ``./x`` and ``/abs/x`` followed), compared by device and inode where the system has them."""
    try:
        return Path(a).samefile(b)
    except (OSError, ValueError):
        return False
