"""JUnit XML: golden output, well-formed XML, one test case per file, failures per error/warning."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from shuyu.model import Finding
from shuyu.model import Location
from shuyu.model import Severity
from shuyu.report.base import ReportContext
from shuyu.report.junit import render
from shuyu.report.junit import xml_text
from tests.report.golden import FINDINGS
from tests.report.golden import check_golden
from tests.report.golden import context


def parse(text: str) -> ET.Element:
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    return ET.fromstring(text.encode("utf-8"))


def test_golden() -> None:
    check_golden("expected.junit.xml", render(FINDINGS, context()))


def test_one_suite_one_case_per_file() -> None:
    root = parse(render(FINDINGS, context()))
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["shuyu"]
    cases = suites[0].findall("testcase")
    assert [c.get("classname") for c in cases] == [
        "en/release.txt", "pages/a,b:c.md", "pages/clean.html", "shuyu-baseline.toml"]
    assert suites[0].get("tests") == "4"
    assert suites[0].get("failures") == "3"


def test_failures_per_error_and_warning_and_clean_files_pass() -> None:
    cases = {c.get("classname"): c for c in parse(render(FINDINGS, context())).iter("testcase")}
    assert cases["pages/clean.html"].findall("*") == []
    md = cases["pages/a,b:c.md"].findall("failure")
    assert [f.get("type") for f in md] == ["untranslated", "name-romanization", "punctuation", "term-inconsistent"]
    en = cases["en/release.txt"]
    assert [f.get("type") for f in en.findall("failure")] == ["term-deprecated", "number-mismatch", "repeated-word"]
    # Info findings do not fail the file but are still visible.
    out = en.find("system-out")
    assert out is not None
    assert "term-admitted" in (out.text or "")
    assert "alignment" in (out.text or "")


def test_text_survives_escaping() -> None:
    cases = {c.get("classname"): c for c in parse(render(FINDINGS, context())).iter("testcase")}
    number = next(f for f in cases["en/release.txt"].findall("failure") if f.get("type") == "number-mismatch")
    assert number.get("message") == "3:12: the source has 8.5% here,\nthe translation 5.8%"
    assert number.text == ("en/release.txt:3:12: error number-mismatch the source has 8.5% here,\n"
                           "the translation 5.8%\nexpected: 8.5%")


def test_markup_and_forbidden_characters_stay_well_formed() -> None:
    f = Finding(rule="untranslated", severity=Severity.ERROR, message='<b>&"x"</b>\x00\x1b end',
                location=Location(path="a&b<c>.md", line=1, column=1, end_line=1, end_column=2))
    root = parse(render([f], ReportContext(tool_version="0")))
    case = root.find("testsuite/testcase")
    assert case is not None
    assert case.get("classname") == "a&b<c>.md"
    failure = case.find("failure")
    assert failure is not None
    assert failure.get("message") == '1:1: <b>&"x"</b>\ufffd\ufffd end'


def test_xml_text_keeps_tab_newline_and_cjk() -> None:
    assert xml_text("a\tb\nc\r无锡") == "a\tb\nc\r无锡"
    assert xml_text("\x0b\ufffe") == "\ufffd\ufffd"


def test_no_files_no_findings() -> None:
    root = parse(render([], ReportContext(tool_version="0")))
    suite = root.find("testsuite")
    assert suite is not None
    assert suite.get("tests") == "0"
    assert suite.findall("testcase") == []
