"""JUnit XML: golden output, well-formed XML, one test case per file, failures per error/warning."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from shuyu.model import Finding
from shuyu.model import Location
from shuyu.model import Severity
from shuyu.report.base import ReportContext
from shuyu.report.base import ordered
from shuyu.report.base import relpath
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


def _etree_render(findings: list[Finding], ctx: ReportContext) -> str:
    # The report built as an ElementTree, indented and serialised by it: what render writes directly.
    by_file: dict[str, list[Finding]] = {relpath(p, ctx): [] for p in ctx.files}
    for f in ordered(findings):
        by_file.setdefault(relpath(f.location.path, ctx), []).append(f)
    failing = sum(1 for fs in by_file.values() if any(f.severity != Severity.INFO for f in fs))
    attrs = {"name": "shuyu", "tests": str(len(by_file)), "failures": str(failing), "errors": "0"}
    root = ET.Element("testsuites", attrs)
    suite = ET.SubElement(root, "testsuite", {**attrs, "skipped": "0"})
    for path in sorted(by_file):
        case = ET.SubElement(suite, "testcase", {"classname": xml_text(path), "name": xml_text(path)})
        infos = []
        for f in by_file[path]:
            line = f"{path}:{f.location.line}:{f.location.column}: {f.severity.value} {f.rule} {f.message}"
            line += f"\nexpected: {f.expected}" if f.expected else ""
            if f.severity == Severity.INFO:
                infos.append(line)
                continue
            failure = ET.SubElement(case, "failure", {
                "type": f.rule, "message": xml_text(f"{f.location.line}:{f.location.column}: {f.message}")})
            failure.text = xml_text(line)
        if infos:
            ET.SubElement(case, "system-out").text = xml_text("\n".join(infos))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=8) | st.sampled_from(
    ['a "quoted" <tag> & more', "tab\there", "cr\rlf\n", "\x00\x0b\ufffe", "无锡 ’", "", " "])
_PATH = st.sampled_from(["/srv/site/a.md", "/srv/site/b&c.md", "rel/<x>.md", "/other/x.md"]) | _TEXT
_FINDING = st.builds(
    Finding, rule=st.sampled_from(["punctuation", "term-deprecated"]) | _TEXT,
    severity=st.sampled_from(list(Severity)), message=_TEXT, expected=st.none() | _TEXT,
    location=st.builds(Location, path=_PATH, line=st.integers(-1, 99), column=st.integers(-1, 99),
                       end_line=st.integers(-1, 99), end_column=st.integers(-1, 99)))


@settings(max_examples=300, deadline=None)
@given(st.lists(_FINDING, max_size=6), st.lists(_PATH, max_size=3))
def test_written_document_is_what_elementtree_writes(findings: list[Finding], files: list[str]) -> None:
    ctx = context(files=files)
    assert render(findings, ctx) == _etree_render(findings, ctx)


def test_a_rule_that_is_not_text_fails_as_elementtree_fails() -> None:
    odd = Finding(rule=7, severity=Severity.ERROR, message="m",  # type: ignore[arg-type]
                  location=Location(path="a.md", line=1, column=1, end_line=1, end_column=2))
    with pytest.raises(TypeError, match="cannot serialize 7"):
        render([odd], context())
    with pytest.raises(TypeError, match="cannot serialize 7"):
        _etree_render([odd], context())
