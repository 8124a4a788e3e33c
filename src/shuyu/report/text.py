"""The text reporter: ``path:line:col: severity rule message``, the line, a caret, the fix.

Plain text unless ``ctx.color``; colour goes through rich, which the CLI turns on only for a
terminal without ``NO_COLOR``. Columns are code points; the caret line is laid out in terminal
cells, so a wide (CJK) character before or inside the span counts two.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Sequence

from shuyu.model import Finding
from shuyu.model import Location
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
#: A shown line longer than this many cells is cut to a window around the span: a release's
#: paragraph is often one line of 500 characters, and printing it whole under every finding buries
#: the finding.
MAX_CELLS = 120
#: Cells of context kept before the span when a line is cut.
LEAD_CELLS = 40
ELLIPSIS = "…"

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


#: Printable characters that take one cell each, among those English text uses: ASCII, Latin-1
#: and Latin Extended-A/B (no soft hyphen), general punctuation such as curly quotes and dashes
#: (no invisible format characters). Assigned long ago, so no Unicode version changes them (a
#: test checks each against :func:`char_cells`).
ONE_CELL = "\u0020-\u007e\u00a0-\u00ac\u00ae-\u024f\u2010-\u2027\u2030-\u205e"
_NOT_ONE_CELL = re.compile(f"[^{ONE_CELL}]")


def _one_cell_each(text: str) -> bool:
    """True when every character of ``text`` is printable as it is and takes one cell.

    Such a line is laid out as ASCII is, with no ``unicodedata`` calls per character (a news
    paragraph of 500 characters with one curly quote cost 3,000 of them per finding).
    """
    return _NOT_ONE_CELL.search(text) is None


def cells(text: str) -> int:
    """Terminal cells ``text`` takes.

    >>> cells("ab"), cells("无锡"), cells("无锡 city"), cells("a\tb")
    (2, 4, 9, 6)
    """
    if text.isascii():
        # Every ASCII character takes one cell but the tab (control characters count one too,
        # as char_cells says): the common case without three unicodedata calls per character.
        return len(text) + (TAB_CELLS - 1) * text.count("\t")
    if _one_cell_each(text):
        return len(text)
    return sum(char_cells(c) for c in text)


def _wider_than(text: str, limit: int) -> bool:
    """``cells(text) > limit``, stopping as soon as it is (a long paragraph line is shown cut anyway).

    >>> _wider_than("无锡" * 100, 120), _wider_than("无锡", 120)
    (True, False)
    """
    if text.isascii():
        return cells(text) > limit
    if _one_cell_each(text):
        return len(text) > limit
    used = 0
    for char in text:
        used += char_cells(char)
        if used > limit:
            return True
    return False


def _printable(line: str) -> str:
    """``line`` as shown: tabs expanded, control characters (which could drive the terminal) replaced."""
    if _one_cell_each(line):
        return line
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


def window(line: str, column: int, end_column: int | None, max_cells: int = MAX_CELLS) -> tuple[str, int, int | None]:
    """``line`` cut to about ``max_cells`` cells around the span, with the span's columns in the cut line.

    Short lines are returned as they are. A cut side is marked with an ellipsis; the span itself
    is never cut at its start, and its end only when the span alone is wider than the window.

    >>> window("x" * 200 + " CCP " + "y" * 200, 202, 205, max_cells=20)
    ('…xxxxx CCP yyyyyyyy…', 8, 11)
    >>> window("x" * 300, 300, None, max_cells=20)
    ('…xxxxxxx', 8, None)
    >>> window("short line", 7, 11)
    ('short line', 7, 11)
    """
    return _window(line, column, end_column, max_cells, _one_cell_each(line))


def _window(line: str, column: int, end_column: int | None, max_cells: int,
            one_cell: bool) -> tuple[str, int, int | None]:
    """:func:`window`, told whether ``line`` is :func:`_one_cell_each` (the caller has asked already)."""
    if not (len(line) > max_cells if one_cell else _wider_than(line, max_cells)):
        return line, column, end_column
    start = min(max(column - 1, 0), len(line))
    end = len(line) if end_column is None else min(max(end_column - 1, start), len(line))
    lead = min(LEAD_CELLS, max_cells // 3)
    left, right = _bounds(line, start, lead, max_cells, one_cell)
    right = max(right, min(start + 1, len(line)))
    text = (ELLIPSIS if left else "") + line[left:right] + (ELLIPSIS if right < len(line) else "")
    shift = left - (1 if left else 0)
    new_end = None if end_column is None or end > right else end + 1 - shift
    return text, start + 1 - shift, new_end


def _bounds(line: str, start: int, lead: int, max_cells: int, one_cell: bool | None = None) -> tuple[int, int]:
    """Where the window starts (at most ``lead`` cells before ``start``) and ends (the cells left
    after room for the ellipses), walking the line cell by cell.

    ``one_cell`` is :func:`_one_cell_each` of ``line`` when the caller knows it (``None``: ask here).
    """
    if one_cell or (line.isascii() and "\t" not in line) or (one_cell is None and _one_cell_each(line)):
        # One cell per character: the walks below come to this, without a call per character.
        left = max(start - lead, 0)
        return left, min(len(line), left + max(max_cells - (1 if left else 0) - 1, 0))
    left, used = start, 0
    while left > 0 and used + char_cells(line[left - 1]) <= lead:
        left -= 1
        used += char_cells(line[left])
    right, used = left, 0
    budget = max_cells - (1 if left else 0) - 1  # room for the ellipses
    while right < len(line) and used + char_cells(line[right]) <= budget:
        used += char_cells(line[right])
        right += 1
    return left, right


def _shown_with_caret(line: str, column: int, end_column: int | None) -> tuple[str, str]:
    """The line as shown (cut to the window, made printable) and the caret line under the span.

    What :func:`window`, :func:`_printable` and :func:`caret` give, asking once whether every
    character takes one cell: such a line (most English, cut or not, since the ellipsis is one cell
    too) needs no replacing and puts the caret by arithmetic.
    """
    one_cell = _one_cell_each(line)
    shown, column, end_column = _window(line, column, end_column, MAX_CELLS, one_cell)
    if not one_cell:
        return _printable(shown), caret(shown, column, end_column)
    start = min(max(column - 1, 0), len(shown))
    end = len(shown) if end_column is None else min(max(end_column - 1, start), len(shown))
    return shown, " " * start + "^" * max(end - start, 1)


def _excerpt(f: Finding, ctx: ReportContext) -> tuple[str, str] | None:
    """The finding's line as shown and its caret line; ``None`` when the line is not known."""
    loc = f.location
    text = line_of(loc, ctx, f.context)
    if not text or loc.line < 1:
        return None
    return _shown_with_caret(text, loc.column, loc.end_column if loc.end_line == loc.line else None)


def _source_note(src: Location, f: Finding, ctx: ReportContext) -> str:
    """``source: path:line:col: the source line`` (the line cut to its window) for a bilingual finding."""
    where = f"{relpath(src.path, ctx)}:{src.line}:{src.column}"
    src_line = line_of(src, ctx, f.source_context)
    src_text = _printable(window(src_line, src.column, src.end_column if src.end_line == src.line else None)[0].strip())
    return "source: " + where + (f": {src_text}" if src_text else "")


def _message_lines(f: Finding) -> list[str]:
    """The message's lines, without the CR of a CRLF."""
    return [line.rstrip("\r") for line in (f.message.split("\n") if f.message else [""])]


def _finding_lines(f: Finding, ctx: ReportContext) -> list[list[Piece]]:
    loc = f.location
    sev = f.severity.value
    style = _SEVERITY_STYLE[sev]
    first, *rest = _message_lines(f)
    lines: list[list[Piece]] = [[
        (f"{relpath(loc.path, ctx)}:{loc.line}:{loc.column}:", "bold"), (" ", ""),
        (sev, style), (" ", ""), (f.rule, "magenta"), (" ", ""), (first, ""),
    ]]
    # Further message lines are indented so every finding still starts at column 1.
    lines += [[(INDENT + more, "")] for more in rest]
    excerpt = _excerpt(f, ctx)
    if excerpt is not None:
        lines.append([(INDENT + excerpt[0], "")])
        lines.append([(INDENT + excerpt[1], style)])
    if f.expected:
        lines.append([(INDENT + "expected: ", "green"), (f.expected, "bold green")])
    if f.source is not None:
        lines.append([(INDENT + _source_note(f.source, f, ctx), "dim")])
    return lines


def _finding_text(f: Finding, ctx: ReportContext) -> str:
    """The lines of :func:`_finding_lines` as plain text, each ending with a newline.

    Written directly, not joined from (text, style) pieces: a site's 24,000 findings made 360,000
    pieces to throw away again (the tests compare the two).
    """
    loc = f.location
    first, *rest = _message_lines(f)
    out = [f"{relpath(loc.path, ctx)}:{loc.line}:{loc.column}: {f.severity.value} {f.rule} {first}"]
    out += [INDENT + more for more in rest]
    excerpt = _excerpt(f, ctx)
    if excerpt is not None:
        out += [INDENT + excerpt[0], INDENT + excerpt[1]]
    if f.expected:
        out.append(f"{INDENT}expected: {f.expected}")
    if f.source is not None:
        out.append(INDENT + _source_note(f.source, f, ctx))
    out.append("")
    return "\n".join(out)


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
    if not ctx.color:
        parts = [_finding_text(f, ctx) for f in ordered(findings)]
        parts += [f"note: {note}\n" for note in ctx.notes]
        parts.append(summary(findings, ctx) + "\n")
        return "".join(parts)
    lines: list[list[Piece]] = []
    for f in ordered(findings):
        lines += _finding_lines(f, ctx)
    lines += [[("note: ", "cyan"), (note, "")] for note in ctx.notes]
    # The summary takes the colour of the most serious finding, green when there is none.
    worst = max((f.severity for f in findings), key=lambda s: s.rank, default=None)
    lines.append([(summary(findings, ctx), _SEVERITY_STYLE[worst.value] if worst else "green")])
    return _colored(lines)


def _colored(lines: list[list[Piece]]) -> str:
    # rich is imported here, not at the top: only a terminal gets colour, and importing rich costs
    # a CI run (plain text, JSON, SARIF…) a noticeable part of its start-up.
    from rich.console import Console
    from rich.text import Text

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
