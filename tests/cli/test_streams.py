"""Reports reach standard output whole whatever the locale's encoding (shuyu/cli/_streams.py)."""

from __future__ import annotations

import codecs
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from shuyu.cli._streams import can_carry_chinese
from shuyu.cli._streams import carry_chinese

ROOT = Path(__file__).resolve().parents[2]
RELEASE = ["corpus/releases/01-delegation.zh.txt", "corpus/releases/01-delegation.en.txt"]


class _Stream(io.TextIOWrapper):
    """A text stream over bytes, a terminal or not."""

    def __init__(self, encoding: str, tty: bool) -> None:
        super().__init__(io.BytesIO(), encoding=encoding)
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty

    def written(self, text: str) -> bytes:
        self.write(text)
        self.flush()
        return self.buffer.getvalue()  # type: ignore[attr-defined]


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252", "ascii"])
def test_a_check_redirected_under_a_legacy_encoding_writes_the_whole_report_in_utf8(encoding: str) -> None:
    # `shuyu check … > report.txt` on Windows (cp1252 when redirected) stopped with a traceback at the
    # first Chinese character of the report.
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    result = subprocess.run([sys.executable, "-m", "shuyu", "check", *RELEASE], capture_output=True, cwd=ROOT,
                            env=env, check=False)
    assert result.returncode == 1, result.stderr.decode("utf-8", "replace")
    assert b"Traceback" not in result.stderr
    report = result.stdout.decode("utf-8")
    assert "source: corpus/releases/01-delegation.zh.txt:7:30: 两市合作以来" in report
    assert report.rstrip().endswith("4 errors, 0 warnings, 0 info in 1 file")


def test_an_error_naming_a_chinese_path_reaches_stderr_under_a_legacy_encoding(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "cp1252"}
    missing = tmp_path / "无锡.en.txt"
    result = subprocess.run([sys.executable, "-m", "shuyu", "lint", str(missing)], capture_output=True, cwd=ROOT,
                            env=env, check=False)
    assert result.returncode == 2
    assert result.stderr.decode("utf-8").startswith(f"shuyu: error: {missing}: no such file or directory")


def test_a_terminal_keeps_its_encoding_and_escapes_what_it_cannot_show() -> None:
    stream = _Stream("latin-1", tty=True)
    carry_chinese(stream)
    assert stream.encoding == "latin-1"
    assert stream.written("Wuxi 无锡 café") == b"Wuxi \\u65e0\\u9521 caf\xe9"


def test_redirected_output_is_written_in_utf8() -> None:
    stream = _Stream("cp1252", tty=False)
    carry_chinese(stream)
    assert stream.written("无锡 café") == "无锡 café".encode()


@pytest.mark.parametrize("encoding", ["utf-8", "UTF8", "utf-16", "utf_8_sig"])
def test_a_utf_stream_is_left_alone(encoding: str) -> None:
    stream = _Stream(encoding, tty=False)
    assert can_carry_chinese(stream)
    carry_chinese(stream)
    assert stream.errors == "strict"
    assert codecs.lookup(stream.encoding).name == codecs.lookup(encoding).name
