"""GitHub Actions workflow annotations, escaped as actions/toolkit's command.ts escapes them."""

from __future__ import annotations

from collections.abc import Sequence

from shuyu.model import Finding
from shuyu.report.base import ReportContext
from shuyu.report.base import ordered
from shuyu.report.base import relpath

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Escape a message: ``%``, CR and LF.

    >>> escape_data("50%\\nmore")
    '50%25%0Amore'
    """
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value: as data, plus ``:`` and ``,``.

    >>> escape_property("a,b:c")
    'a%2Cb%3Ac'
    """
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(findings: Sequence[Finding], ctx: ReportContext) -> str:
    """One ``::error file=…,line=…::message`` line per finding."""
    lines = []
    for f in ordered(findings):
        loc = f.location
        props = [("file", relpath(loc.path, ctx)), ("line", str(loc.line)), ("col", str(loc.column)),
                 ("endLine", str(loc.end_line)), ("endColumn", str(loc.end_column)), ("title", f.rule)]
        message = f.message + (f" (expected: {f.expected})" if f.expected and f.expected not in f.message else "")
        lines.append(f"::{COMMANDS[f.severity.value]} "
                     + ",".join(f"{k}={escape_property(v)}" for k, v in props) + f"::{escape_data(message)}")
    return "".join(line + "\n" for line in lines)
