"""The text reporter: golden output, caret alignment under CJK text, colour on and off, summary."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from shuyu.model import Finding
from shuyu.model import Location
from shuyu.model import Severity
from shuyu.report import text
from shuyu.report.base import ReportContext
from shuyu.report.text import caret
from shuyu.report.text import cells
from shuyu.report.text import render
from tests.report.golden import FINDINGS
from tests.report.golden import check_golden
from tests.report.golden import context

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def one(line: str, column: int, end_column: int, *, end_line: int = 1, **kw: object) -> Finding:
    loc = Location(path="a.md", line=1, column=column, end_line=end_line, end_column=end_column)
    return Finding(rule="untranslated", severity=Severity.ERROR, location=loc, message="m", context=line, **kw)


def test_golden() -> None:
    check_golden("expected.txt", render(FINDINGS, context()))


def test_colour_off_has_no_escape_sequences() -> None:
    out = render(FINDINGS, context(color=False))
    assert "\x1b" not in out


def test_colour_on_is_the_same_text_with_ansi_styles() -> None:
    plain = render(FINDINGS, context(color=False))
    coloured = render(FINDINGS, context(color=True))
    assert ANSI.search(coloured)
    assert "\x1b[1;31merror" in coloured  # errors in bold red
    assert ANSI.sub("", coloured) == plain


def test_colour_ignores_no_color_in_the_environment(monkeypatch) -> None:
    # The CLI decides colour (isatty, NO_COLOR); the reporter only follows ctx.color.
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("TERM", "dumb")
    assert ANSI.search(render(FINDINGS, context(color=True)))


def test_caret_under_cjk_text_counts_wide_characters_twice() -> None:
    line = "无锡市 met Xu Zhou"
    assert line[8:15] == "Xu Zhou"  # columns 9..16 (end exclusive)
    assert caret(line, 9, 16) == " " * (3 * 2 + 5) + "^" * 7
    # A span of CJK characters gets two carets per character.
    assert caret(line, 1, 4) == "^" * 6


def test_caret_in_rendered_output_sits_under_the_span() -> None:
    line = "无锡市政府 and Xu Zhou signed"
    out = render([one(line, 11, 18)], ReportContext(tool_version="0"))
    shown, under = out.splitlines()[1:3]
    assert shown == "  " + line
    start = under.index("^")
    # The text before the caret takes as many cells as the text before the span.
    assert start == cells("  " + line[:10])
    assert under[start:] == "^" * 7


def test_caret_for_full_width_punctuation_is_two_cells() -> None:
    assert caret("ok，then", 3, 4) == "  ^^"


def test_caret_for_an_empty_span_and_past_the_end() -> None:
    assert caret("abc", 2, 2) == " ^"
    assert caret("abc", 4, 4) == "   ^"
    assert caret("abc", 9, 12) == "   ^"  # clamped to the end of the line


def test_caret_for_a_span_running_onto_the_next_line() -> None:
    assert caret("the Wuxi City", 5, None) == "    " + "^" * 9
    out = render([one("the Wuxi City", 5, 3, end_line=2)], ReportContext(tool_version="0"))
    assert out.splitlines()[2] == "  " + "    " + "^" * 9


def test_tabs_and_combining_marks() -> None:
    # A tab is shown as spaces of the same width the caret counts for it.
    out = render([one("\tab", 2, 3)], ReportContext(tool_version="0"))
    shown, under = out.splitlines()[1:3]
    assert "\t" not in shown
    assert under.index("^") == shown.index("a")
    # A combining acute accent takes no cell of its own.
    assert caret("cafe\u0301 x", 7, 8) == "     ^"


def test_control_characters_in_the_line_never_reach_the_terminal() -> None:
    out = render([one("bad\x1b[31m text", 1, 4)], ReportContext(tool_version="0"))
    assert "\x1b" not in out
    assert "bad\ufffd[31m text" in out


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30), st.data())
def test_caret_layout_property(line: str, data: st.DataObject) -> None:
    column = data.draw(st.integers(1, len(line) + 1))
    end = data.draw(st.integers(column, len(line) + 1))
    out = caret(line, column, end)
    indent = len(out) - len(out.lstrip(" "))
    assert set(out[indent:]) == {"^"}
    assert indent == cells(line[:column - 1])
    assert len(out) - indent == max(1, cells(line[column - 1:end - 1]))


def test_line_comes_from_sources_or_the_finding_or_is_left_out() -> None:
    loc = Location(path="/p/a.md", line=1, column=1, end_line=1, end_column=2)
    bare = Finding(rule="punctuation", severity=Severity.WARNING, location=loc, message="m")
    assert render([bare], ReportContext(tool_version="0")).splitlines() == [
        "/p/a.md:1:1: warning punctuation m", "0 errors, 1 warning, 0 info in 1 file"]
    with_sources = render([bare], ReportContext(tool_version="0", sources={"/p/a.md": ["x,y\n"]}))
    assert with_sources.splitlines()[1:3] == ["  x,y", "  ^"]


def test_message_lines_after_the_first_are_indented() -> None:
    f = one("", 1, 2)
    f = Finding(rule=f.rule, severity=f.severity, location=f.location, message="first\nsecond")
    assert render([f], ReportContext(tool_version="0")).splitlines()[:2] == [
        "a.md:1:1: error untranslated first", "  second"]


def test_bilingual_finding_shows_expected_and_source_line() -> None:
    out = render(FINDINGS, context()).splitlines()
    i = out.index("en/release.txt:2:30: error term-deprecated deprecated form 'Xuzhou City Committee'")
    assert out[i + 3] == "  expected: CPC Xuzhou Municipal Committee"
    assert out[i + 4] == "  source: zh/release.txt:2:3: 中共徐州市委书记宋乐伟率团考察。"


def test_summary_line() -> None:
    assert render([], ReportContext(tool_version="0")) == "no findings\n"
    assert render([], ReportContext(tool_version="0", files=["a.md"])) == "no findings in 1 file\n"
    last = render(FINDINGS, context()).splitlines()[-1]
    assert last == "4 errors, 4 warnings, 2 info in 4 files"
    assert text.summary([one("", 1, 2)], ReportContext(tool_version="0")) == "1 error, 0 warnings, 0 info in 1 file"


def test_notes_are_printed_before_the_summary() -> None:
    out = render([], ReportContext(tool_version="0", notes=["alignment fell back to document level"]))
    assert out == "note: alignment fell back to document level\nno findings\n"


def test_summary_colour_follows_the_most_serious_finding() -> None:
    ctx = ReportContext(tool_version="0", color=True)
    info = Finding(rule="term-admitted", severity=Severity.INFO, message="m",
                   location=Location(path="a.md", line=1, column=1, end_line=1, end_column=2))
    assert render([info], ctx).splitlines()[-1] == "\x1b[36m0 errors, 0 warnings, 1 info in 1 file\x1b[0m"
    assert render([], ctx) == "\x1b[32mno findings\x1b[0m\n"


def _walked_bounds(line: str, start: int, lead: int, max_cells: int) -> tuple[int, int]:
    # The cell-by-cell walk, as text._bounds does it for any line.
    left, used = start, 0
    while left > 0 and used + text.char_cells(line[left - 1]) <= lead:
        left -= 1
        used += text.char_cells(line[left])
    right, used = left, 0
    budget = max_cells - (1 if left else 0) - 1
    while right < len(line) and used + text.char_cells(line[right]) <= budget:
        used += text.char_cells(line[right])
        right += 1
    return left, right


@given(st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=127).filter(lambda c: c != "\t"), max_size=300),
       st.integers(0, 300), st.integers(0, 50), st.integers(0, 150))
def test_window_bounds_of_ascii_lines_are_the_walks(line: str, start: int, lead: int, max_cells: int) -> None:
    start = min(start, len(line))
    assert text._bounds(line, start, lead, max_cells) == _walked_bounds(line, start, lead, max_cells)


def test_every_one_cell_character_takes_one_cell_and_is_shown_as_it_is() -> None:
    chars = [chr(c) for c in range(0x30000) if text._one_cell_each(chr(c))]
    assert len(chars) == 597  # the ranges of ONE_CELL, and no character outside them
    assert all(text.char_cells(c) == 1 and unicodedata.category(c) != "Cc" for c in chars)


_MIXED = st.text(alphabet=st.sampled_from([*"ab ,.\t\x01\x7f’“—é", "\u00ad", "\u200b", "\u0301", "无", "，", "Ω", "\u2028",
                                           "\u00a0"]), max_size=200)


@given(_MIXED, st.integers(0, 200), st.integers(0, 50), st.integers(0, 150))
def test_one_cell_lines_are_laid_out_as_the_character_walk_does(line: str, start: int, lead: int, max_cells: int) -> None:
    start = min(start, len(line))
    assert text.cells(line) == sum(text.char_cells(c) for c in line)
    assert text._wider_than(line, max_cells) == (sum(text.char_cells(c) for c in line) > max_cells)
    assert text._printable(line) == "".join(
        " " * text.TAB_CELLS if c == "\t" else "\ufffd" if unicodedata.category(c) == "Cc" else c for c in line)
    assert text._bounds(line, start, lead, max_cells) == _walked_bounds(line, start, lead, max_cells)


def _straight_excerpt(line: str, column: int, end_column: int | None) -> tuple[str, str]:
    # The window, then the printable line and the caret from the cut line: the way spelled out.
    shown, column, end_column = text.window(line, column, end_column)
    return text._printable(shown), caret(shown, column, end_column)


_LONG_ENGLISH = st.text(alphabet=st.sampled_from([*"ab ,.’“—é\u00a0"]), min_size=100, max_size=400)


@given(_MIXED | _LONG_ENGLISH, st.integers(-2, 420), st.none() | st.integers(-2, 420))
def test_excerpt_is_window_printable_and_caret(line: str, column: int, end_column: int | None) -> None:
    assert text._shown_with_caret(line, column, end_column) == _straight_excerpt(line, column, end_column)


_MESSAGE = st.text(alphabet=st.sampled_from([*"ab \r\n’", "无"]), max_size=20)
_LOC = st.builds(Location, path=st.sampled_from(["/srv/site/en/a.md", "zh/b.md", "c\\d.md"]),
                 line=st.integers(-1, 3), column=st.integers(-1, 60), end_line=st.integers(-1, 3),
                 end_column=st.integers(-1, 60))
_FINDING = st.builds(Finding, rule=st.sampled_from(["punctuation", "term-deprecated"]),
                     severity=st.sampled_from(list(Severity)), location=_LOC, message=_MESSAGE,
                     expected=st.none() | _MESSAGE, source=st.none() | _LOC, context=_MIXED | _LONG_ENGLISH,
                     source_context=_MIXED)


@given(_FINDING, st.booleans())
def test_plain_finding_text_is_the_pieces_without_styles(finding: Finding, with_sources: bool) -> None:
    sources = {"/srv/site/en/a.md": ["one\n", "无锡\ttwo\r\n"]} if with_sources else None
    ctx = ReportContext(tool_version="0", cwd="/srv/site", sources=sources)
    pieces = text._finding_lines(finding, ctx)
    assert text._finding_text(finding, ctx) == "".join("".join(t for t, _ in line) + "\n" for line in pieces)
