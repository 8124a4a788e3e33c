"""GitHub workflow annotations: golden output and escaping exactly as actions/toolkit's command.ts."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shuyu.model import Finding
from shuyu.model import Location
from shuyu.model import Severity
from shuyu.report.base import ReportContext
from shuyu.report.github import annotation
from shuyu.report.github import command
from shuyu.report.github import escape_data
from shuyu.report.github import escape_property
from shuyu.report.github import render
from tests.report.golden import FINDINGS
from tests.report.golden import check_golden
from tests.report.golden import context

LINE = re.compile(r"::(error|warning|notice)(?: ([^:]*))?::(.*)")


def unescape(text: str) -> str:
    """What the runner does with an escaped value (the inverse of the toolkit's escaping)."""
    return (text.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",")
            .replace("%25", "%"))


def test_golden() -> None:
    check_golden("expected.github.txt", render(FINDINGS, context()))


@pytest.mark.parametrize(("raw", "data", "prop"), [
    ("plain", "plain", "plain"),
    ("50%", "50%25", "50%25"),
    ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
    ("a:b,c", "a:b,c", "a%3Ab%2Cc"),
    ("%0A", "%250A", "%250A"),  # an escape already in the text is not taken for one
    ("::error::x", "::error::x", "%3A%3Aerror%3A%3Ax"),
    ("100%\n完成：是,否", "100%25%0A完成：是,否", "100%25%0A完成：是%2C否"),
])
def test_escaping_matches_the_toolkit(raw: str, data: str, prop: str) -> None:
    assert escape_data(raw) == data
    assert escape_property(raw) == prop


@given(st.text())
def test_escaping_round_trips_and_leaves_no_delimiters(raw: str) -> None:
    prop = escape_property(raw)
    assert not set(prop) & {"\r", "\n", ":", ","}
    data = escape_data(raw)
    assert not set(data) & {"\r", "\n"}
    assert unescape(prop) == raw
    assert unescape(data) == raw


def test_every_line_parses_back_to_the_finding() -> None:
    lines = render(FINDINGS, context()).splitlines()
    ordered = sorted(FINDINGS, key=Finding.sort_key)
    assert len(lines) == len(ordered) + 1  # plus the run note
    for line, f in zip(lines[:-1], ordered, strict=True):
        m = LINE.fullmatch(line)
        assert m, line
        level, props, message = m.groups()
        assert level == {"error": "error", "warning": "warning", "info": "notice"}[f.severity.value]
        fields = dict(p.split("=", 1) for p in props.split(","))
        assert fields["title"] == f.rule
        assert unescape(fields["line"]) == str(f.location.line)
        assert unescape(message).startswith(f.message)
    assert lines[-1] == "::notice title=shuyu::alignment fell back to document level for en/release.txt"


def test_path_with_comma_and_colon() -> None:
    line = next(x for x in render(FINDINGS, context()).splitlines() if "untranslated" in x)
    assert line == ("::error file=pages/a%2Cb%3Ac.md,line=3,col=1,endLine=3,endColumn=6,"
                    "title=untranslated::Chinese left in English text: 无锡市政府")


def test_message_with_newline_and_percent() -> None:
    line = next(x for x in render(FINDINGS, context()).splitlines() if "number-mismatch" in x)
    # The expected form (8.5%) is in the message already, so it is not added again.
    assert line.endswith("::the source has 8.5%25 here,%0Athe translation 5.8%25")
    assert "(expected:" not in line


def test_multi_line_span_drops_columns() -> None:
    f = Finding(rule="term-inconsistent", severity=Severity.WARNING, message="m",
                location=Location(path="a.md", line=5, column=18, end_line=6, end_column=11))
    assert annotation(f, ReportContext(tool_version="0")) == (
        "::warning file=a.md,line=5,endLine=6,title=term-inconsistent::m")


def test_expected_form_is_added_when_the_message_lacks_it() -> None:
    f = Finding(rule="name-romanization", severity=Severity.ERROR, message="wrong pinyin", expected="Xuzhou",
                location=Location(path="a.md", line=1, column=1, end_line=1, end_column=8))
    assert annotation(f, ReportContext(tool_version="0")).endswith("::wrong pinyin (expected: Xuzhou)")


def test_empty_properties_are_left_out() -> None:
    assert command("error", [("file", ""), ("line", "")], "m") == "::error::m"
    assert render([], ReportContext(tool_version="0")) == ""


@given(st.lists(st.sampled_from([*"ab:,%\r\n 无", "%25", "%0A"]), max_size=20).map("".join))
def test_escaping_equals_the_toolkit_replacements(text: str) -> None:
    # The functions return early when there is nothing to escape; the result is the full chain.
    data = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    assert escape_data(text) == data
    assert escape_property(text) == data.replace(":", "%3A").replace(",", "%2C")
