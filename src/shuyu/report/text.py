"""The text reporter: ``path:line:col: severity rule message``, the line, a caret, the fix."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from shuyu.model import Finding
from shuyu.report.base import ReportContext
from shuyu.report.base import counts
from shuyu.report.base import ordered
from shuyu.report.base import relpath

_COLORS = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[36m"}
_BOLD, _DIM, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"


def cells(text: str) -> int:
    """Terminal cells ``text`` takes: wide (CJK) characters take two.

    >>> cells("ab"), cells("无锡")
    (2, 4)
    """
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def caret(line: str, column: int, end_column: int, end_same_line: bool) -> str:
    """A caret line under columns ``column``..``end_column`` of ``line`` (code points, 1-based)."""
    start = max(column - 1, 0)
    end = end_column - 1 if end_same_line else len(line)
    end = max(end, start + 1)
    return " " * cells(line[:start].expandtabs(1)) + "^" * max(1, cells(line[start:end]))


def render(findings: Sequence[Finding], ctx: ReportContext) -> str:
    """Every finding with its line and caret, then a summary line."""
    out: list[str] = []

    def paint(text: str, code: str) -> str:
        return f"{code}{text}{_RESET}" if ctx.color else text

    for f in ordered(findings):
        loc = f.location
        head = f"{relpath(loc.path, ctx)}:{loc.line}:{loc.column}:"
        out.append(f"{paint(head, _BOLD)} {paint(f.severity.value, _COLORS[f.severity.value])} "
                   f"{f.rule} {f.message}")
        if f.context:
            line = f.context.rstrip("\n")
            out.append(f"    {line}")
            out.append("    " + paint(caret(line, loc.column, loc.end_column, loc.end_line == loc.line),
                                      _COLORS[f.severity.value]))
        if f.expected and f.rule not in ("term-missing",):
            out.append(f"    expected: {f.expected}")
        if f.source is not None:
            src = f.source
            text = f": {f.source_context.strip()}" if f.source_context else ""
            out.append(paint(f"    source: {relpath(src.path, ctx)}:{src.line}:{src.column}{text}", _DIM))
    for note in ctx.notes:
        out.append(f"note: {note}")
    c = counts(findings)
    files = len({f.location.path for f in findings})
    if findings:
        out.append(f"{c['error']} error(s), {c['warning']} warning(s), {c['info']} info in {files} file(s)")
    else:
        out.append("no findings")
    return "\n".join(out) + "\n"
