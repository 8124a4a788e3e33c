"""write_atomic: a regular file is replaced whole; a device or a pipe is written to, never replaced."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from shuyu.errors import InputError
from shuyu.fsutil import same_file
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


def test_a_link_is_written_through_to_its_target_and_stays_a_link(tmp_path: Path) -> None:
    # Renaming the temporary over the link left a plain file there and the target unchanged.
    (tmp_path / "real").mkdir()
    (tmp_path / "links").mkdir()
    target = tmp_path / "real" / "report.json"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    link = tmp_path / "links" / "latest.json"
    link.symlink_to(target)
    write_atomic(link, "new")
    assert link.is_symlink()
    assert link.readlink() == target
    assert target.read_text(encoding="utf-8") == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert sorted(p.name for p in (tmp_path / "real").iterdir()) == ["report.json"]  # no temporary left
    assert sorted(p.name for p in (tmp_path / "links").iterdir()) == ["latest.json"]


def test_a_dangling_link_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "latest.json"
    link.symlink_to("made.json")
    write_atomic(link, "new")
    assert link.is_symlink()
    assert (tmp_path / "made.json").read_text(encoding="utf-8") == "new"


def test_an_error_names_the_path_as_given_not_its_target(tmp_path: Path) -> None:
    link = tmp_path / "latest.json"
    link.symlink_to(tmp_path / "missing" / "made.json")
    with pytest.raises(InputError) as info:
        write_atomic(link, "x")
    assert str(info.value) == f"{link}: cannot write: the directory does not exist (create it first)"


def test_same_file_follows_links_and_spellings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("a", encoding="utf-8")
    (tmp_path / "b.txt").write_text("a", encoding="utf-8")
    (tmp_path / "l.txt").symlink_to("a.txt")
    assert same_file("a.txt", tmp_path / "a.txt")
    assert same_file("./l.txt", "a.txt")
    assert not same_file("a.txt", "b.txt")
    assert not same_file("a.txt", "missing.txt")
