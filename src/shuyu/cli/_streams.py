"""Standard output and error that can carry Chinese, whatever the locale says."""

from __future__ import annotations

import codecs
import sys
from typing import TextIO


def can_carry_chinese(stream: TextIO) -> bool:
    """True when ``stream`` encodes every character a report can hold (a UTF encoding)."""
    try:
        name = codecs.lookup(stream.encoding or "ascii").name
    except LookupError:
        return False
    return name.startswith("utf")  # utf-8, utf-16(-le/-be), utf-32


def carry_chinese(stream: TextIO) -> None:
    """Make ``stream`` able to write any report instead of failing at the first Chinese character.

    Reports quote Chinese sources and glossary forms, and Python encodes standard output in the
    locale's encoding: ``shuyu check … > report.txt`` on Windows (cp1252 when redirected), under a
    Latin-1 locale or with ``PYTHONIOENCODING=latin-1`` stopped with a UnicodeEncodeError traceback
    halfway through the report. Redirected output (a file, a pipe, a CI log) is written in UTF-8, as
    git and ruff write theirs; a terminal keeps its encoding, and a character it cannot show is
    written as an escape (``\\u65e0``) rather than lost or fatal.
    """
    if can_carry_chinese(stream) or not hasattr(stream, "reconfigure"):
        return
    try:
        interactive = stream.isatty()
    except (AttributeError, ValueError):
        interactive = False
    if interactive:
        stream.reconfigure(errors="backslashreplace")
    else:
        stream.reconfigure(encoding="utf-8")


def carry_chinese_everywhere() -> None:
    """:func:`carry_chinese` for standard output and standard error."""
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            carry_chinese(stream)
