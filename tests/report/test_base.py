"""Shared reporter helpers: relative paths, order, counts, line lookup, exit status and exit codes."""

from __future__ import annotations

import pytest

from shuyu.exitcodes import ExitCode
from shuyu.model import Finding
from shuyu.model import Location
from shuyu.model import Severity
from shuyu.report.base import ReportContext
from shuyu.report.base import counts
from shuyu.report.base import exit_code
from shuyu.report.base import file_count
from shuyu.report.base import line_of
from shuyu.report.base import ordered
from shuyu.report.base import relpath
from tests.report.golden import FINDINGS
from tests.report.golden import context


def finding(severity: Severity, path: str = "a.md", line: int = 1, column: int = 1, rule: str = "punctuation") -> Finding:
    return Finding(rule=rule, severity=severity, message="m",
                   location=Location(path=path, line=line, column=column, end_line=line, end_column=column + 1))


def test_exit_code_values_are_pinned() -> None:
    # Scripts and CI configurations depend on these numbers.
    assert {c.name: int(c) for c in ExitCode} == {"OK": 0, "FINDINGS": 1, "USAGE": 2}


@pytest.mark.parametrize(("severities", "fail_on", "expected"), [
    ([], Severity.ERROR, ExitCode.OK),
    ([], Severity.INFO, ExitCode.OK),
    ([Severity.ERROR], Severity.ERROR, ExitCode.FINDINGS),
    ([Severity.WARNING], Severity.ERROR, ExitCode.OK),
    ([Severity.WARNING], Severity.WARNING, ExitCode.FINDINGS),
    ([Severity.INFO], Severity.WARNING, ExitCode.OK),
    ([Severity.INFO], Severity.INFO, ExitCode.FINDINGS),
    ([Severity.INFO, Severity.ERROR], Severity.WARNING, ExitCode.FINDINGS),
])
def test_exit_code(severities: list[Severity], fail_on: Severity, expected: ExitCode) -> None:
    assert exit_code([finding(s) for s in severities], fail_on) is expected


@pytest.mark.parametrize(("path", "cwd", "expected"), [
    ("/srv/site/en/a.md", "/srv/site", "en/a.md"),
    ("/srv/site/en/a.md", "/srv/site/", "en/a.md"),
    ("/srv/sitemap/a.md", "/srv/site", "/srv/sitemap/a.md"),  # a sibling that shares a prefix
    ("/elsewhere/a.md", "/srv/site", "/elsewhere/a.md"),
    ("./en/a.md", "/srv/site", "en/a.md"),
    ("en\\a.md", "", "en/a.md"),
    ("C:\\work\\site\\a.md", "C:\\work\\site", "a.md"),
    ("/abs/a.md", "", "/abs/a.md"),
])
def test_relpath(path: str, cwd: str, expected: str) -> None:
    assert relpath(path, ReportContext(tool_version="0", cwd=cwd)) == expected


def test_relpath_answers_for_the_context_it_is_given() -> None:
    # relpath keeps its answers: one kept for another cwd (or for the path alone) must not be reused.
    path = "/srv/site/en/a.md"
    for _ in range(2):
        assert relpath(path, ReportContext(tool_version="0", cwd="/srv/site")) == "en/a.md"
        assert relpath(path, ReportContext(tool_version="0", cwd="/srv")) == "site/en/a.md"
        assert relpath(path, ReportContext(tool_version="0", cwd="/other")) == path
        assert relpath(path, ReportContext(tool_version="0")) == path


def test_file_count_counts_paths_as_reported() -> None:
    # A file given as checked and named by a finding another way (relative, "./", backslashes) is one file.
    ctx = ReportContext(tool_version="0", cwd="/srv/site", files=["/srv/site/en/a.md", "/srv/site/b.md"])
    named = [finding(Severity.ERROR, path) for path in ("en/a.md", "./en/a.md", "en\\a.md", "/srv/site/c.md")]
    assert file_count(named, ctx) == 3


def test_ordered_uses_the_finding_sort_key() -> None:
    shuffled = [finding(Severity.INFO, "b.md", 1, 1), finding(Severity.ERROR, "a.md", 2, 5),
                finding(Severity.ERROR, "a.md", 2, 1, rule="untranslated"), finding(Severity.ERROR, "a.md", 2, 1)]
    out = ordered(shuffled)
    assert [(f.location.path, f.location.line, f.location.column, f.rule) for f in out] == [
        ("a.md", 2, 1, "punctuation"), ("a.md", 2, 1, "untranslated"), ("a.md", 2, 5, "punctuation"),
        ("b.md", 1, 1, "punctuation")]
    assert shuffled[0].location.path == "b.md"  # the input list is left as it was


def test_counts_and_file_count_on_the_golden_findings() -> None:
    assert counts(FINDINGS) == {"error": 4, "warning": 4, "info": 2}
    # en/release.txt, pages/a,b:c.md, pages/clean.html (checked, clean) and the baseline file a finding names.
    assert file_count(FINDINGS, context()) == 4
    assert file_count([], context(files=[])) == 0


def test_line_of_prefers_sources_then_falls_back() -> None:
    loc = Location(path="/srv/site/en/a.md", line=2, column=1, end_line=2, end_column=2)
    ctx = ReportContext(tool_version="0", cwd="/srv/site", sources={"/srv/site/en/a.md": ["one\n", "two\r\n"]})
    assert line_of(loc, ctx, "fallback") == "two"
    by_relative = ReportContext(tool_version="0", cwd="/srv/site", sources={"en/a.md": ["one\n", "two\n"]})
    assert line_of(loc, by_relative) == "two"
    past_end = Location(path="/srv/site/en/a.md", line=9, column=1, end_line=9, end_column=2)
    assert line_of(past_end, ctx, "carried\n") == "carried"
    assert line_of(loc, ReportContext(tool_version="0")) == ""


def test_context_defaults() -> None:
    ctx = ReportContext(tool_version="1.2")
    assert (ctx.signature, ctx.cwd, ctx.color, ctx.sources, ctx.notes, ctx.files) == ({}, "", False, None, [], [])
    with pytest.raises(TypeError):
        ReportContext("1.2")  # type: ignore[misc]  # keyword-only, so fields can be added safely
