"""write_atomic: a regular file is replaced whole; a device or a pipe is written to, never replaced."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from shuyu.errors import InputError
from shuyu.fsutil import write_atomic


def test_a_file_is_replaced_whole_and_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    write_atomic(target, "new 无锡")
    assert target.read_text(encoding="utf-8") == "new 无锡"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]  # no temporary left


def test_dev_null_stays_a_device() -> None:
    # `shuyu lint … -o /dev/null` as root used to rename a temporary file over the device.
    devnull = Path(os.devnull)
    if not devnull.exists() or not stat.S_ISCHR(devnull.stat().st_mode):
        pytest.skip("no character device at os.devnull")
    write_atomic(devnull, "discarded")
    assert stat.S_ISCHR(devnull.stat().st_mode)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_written_to(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    write_atomic(fifo, "through the pipe")
    reader.join(timeout=10)
    assert received == [b"through the pipe"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["pipe"]


def test_a_missing_directory_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="directory does not exist"):
        write_atomic(tmp_path / "missing" / "out.json", "x")


def test_a_directory_is_not_written_over(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    with pytest.raises(InputError, match="cannot write"):
        write_atomic(tmp_path / "out", "x")
    assert (tmp_path / "out").is_dir()
