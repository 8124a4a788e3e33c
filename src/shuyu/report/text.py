"""The text reporter: ``path:line:col: severity rule message``, the line, a caret, the fix.

Plain text unless ``ctx.color``; colour goes through rich, which the CLI turns on only for a
terminal without ``NO_COLOR``. Columns are code points; the caret line is laid out in terminal
cells, so a wide (CJK) character before or inside the span counts two.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Sequence

from rich.console import Console
from rich.text import Text

from shuyu.model import Finding
from shuyu.report.base import ReportContext
from shuyu.report.base import counts
from shuyu.report.base import file_count
from shuyu.report.base import line_of
from shuyu.report.base import ordered
from shuyu.report.base import relpath

#: Indent of everything printed under a finding's first line.
INDENT = "  "
#: Cells a tab takes in the shown line (tabs are expanded so the caret stays aligned).
TAB_CELLS = 4

_SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}

#: A run of (text, rich style) pieces making one output line; style "" is unstyled.
Piece = tuple[str, str]


def char_cells(char: str) -> int:
    """Terminal cells one character takes: 2 for wide and full-width, 0 for combining marks.

    >>> char_cells("a"), char_cells("徐"), char_cells("，"), char_cells("\\u0301")
    (1, 2, 2, 0)
    """
    if char == "\t":
        return TAB_CELLS
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def cells(text: str) -> int:
    """Terminal cells ``text`` takes.

    >>> cells("ab"), cells("无锡"), cells("无锡 city")
    (2, 4, 9)
    """
    return sum(char_cells(c) for c in text)


def _printable(line: str) -> str:
    """``line`` as shown: tabs expanded, control characters (which could drive the terminal) replaced."""
    out = []
    for char in line:
        if char == "\t":
            out.append(" " * TAB_CELLS)
        elif unicodedata.category(char) == "Cc":
            out.append("\ufffd")
        else:
            out.append(char)
    return "".join(out)


def caret(line: str, column: int, end_column: int | None) -> str:
    """The caret line under code-point columns ``column``..``end_column`` (1-based, end exclusive).

    ``end_column`` ``None`` means the span runs past the end of the line. The caret is at least
    one cell wide, so an empty span or one at the end of the line still shows where it is.

    >>> caret("the the river", 1, 8)
    '^^^^^^^'
    >>> caret("无锡市 met Xu Zhou", 9, 16)
    '           ^^^^^^^'
    """
    start = min(max(column - 1, 0), len(line))
    end = len(line) if end_column is None else min(max(end_column - 1, start), len(line))
    # char_cells agrees with _printable cell for cell (a tab is TAB_CELLS, a control one U+FFFD).
    indent = cells(line[:start])
    width = cells(line[start:end])
    return " " * indent + "^" * max(width, 1)


def _finding_lines(f: Finding, ctx: ReportContext) -> list[list[Piece]]:
    loc = f.location
    sev = f.severity.value
    style = _SEVERITY_STYLE[sev]
    first, *rest = f.message.split("\n") if f.message else [""]
    lines: list[list[Piece]] = [[
        (f"{relpath(loc.path, ctx)}:{loc.line}:{loc.column}:", "bold"), (" ", ""),
        (sev, style), (" ", ""), (f.rule, "magenta"), (" ", ""), (first.rstrip("\r"), ""),
    ]]
    # Further message lines are indented so every finding still starts at column 1.
    lines += [[(INDENT + more.rstrip("\r"), "")] for more in rest]
    text = line_of(loc, ctx, f.context)
    if text and loc.line >= 1:
        lines.append([(INDENT + _printable(text), "")])
        end = loc.end_column if loc.end_line == loc.line else None
        lines.append([(INDENT + caret(text, loc.column, end), style)])
    if f.expected:
        lines.append([(INDENT + "expected: ", "green"), (f.expected, "bold green")])
    if f.source is not None:
        src = f.source
        where = f"{relpath(src.path, ctx)}:{src.line}:{src.column}"
        src_text = _printable(line_of(src, ctx, f.source_context).strip())
        lines.append([(INDENT + "source: " + where + (f": {src_text}" if src_text else ""), "dim")])
    return lines


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def summary(findings: Sequence[Finding], ctx: ReportContext) -> str:
    """The last line: ``N errors, N warnings, N info in N files``, or ``no findings``.

    >>> summary([], ReportContext(tool_version="0"))
    'no findings'
    >>> summary([], ReportContext(tool_version="0", files=["a.md", "b.md"]))
    'no findings in 2 files'
    """
    n_files = file_count(findings, ctx)
    where = f" in {_plural(n_files, 'file')}" if n_files else ""
    if not findings:
        return "no findings" + where
    c = counts(findings)
    return f"{_plural(c['error'], 'error')}, {_plural(c['warning'], 'warning')}, {c['info']} info{where}"


def render(findings: Sequence[Finding], ctx: ReportContext) -> str:
    """Every finding with its line and caret, the run's notes, then a summary line.

    :param findings: the findings, in any order (they are sorted here).
    :param ctx: the run; ``ctx.color`` turns on ANSI colour.
    :returns: the report, ending with a newline.
    """
    lines: list[list[Piece]] = []
    for f in ordered(findings):
        lines += _finding_lines(f, ctx)
    lines += [[("note: ", "cyan"), (note, "")] for note in ctx.notes]
    # The summary takes the colour of the most serious finding, green when there is none.
    worst = max((f.severity for f in findings), key=lambda s: s.rank, default=None)
    lines.append([(summary(findings, ctx), _SEVERITY_STYLE[worst.value] if worst else "green")])
    if not ctx.color:
        return "".join("".join(text for text, _ in pieces) + "\n" for pieces in lines)
    return _colored(lines)


def _colored(lines: list[list[Piece]]) -> str:
    # Every choice rich would otherwise take from the environment or the terminal is fixed here,
    # so the output depends only on the findings and the context.
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, color_system="standard", no_color=False,
                      width=1_000_000, soft_wrap=True, markup=False, emoji=False, highlight=False,
                      legacy_windows=False, tab_size=TAB_CELLS)
    for pieces in lines:
        console.print(Text.assemble(*[(text, style) if style else text for text, style in pieces]),
                      soft_wrap=True)
    return buffer.getvalue()
