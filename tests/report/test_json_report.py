"""The JSON reporter: golden output, validation against the shipped JSON Schema, layout details."""

from __future__ import annotations

import copy
import dataclasses
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st
from jsonschema import Draft7Validator

from shuyu.model import Finding
from shuyu.model import Location
from shuyu.model import Severity
from shuyu.report.base import ReportContext
from shuyu.report.json_report import SCHEMA_VERSION
from shuyu.report.json_report import render
from shuyu.report.json_report import report_dict
from shuyu.report.json_report import schema
from tests.report.golden import FINDINGS
from tests.report.golden import check_golden
from tests.report.golden import context

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def validator() -> Draft7Validator:
    data = schema()
    Draft7Validator.check_schema(data)
    return Draft7Validator(data)


def test_golden() -> None:
    check_golden("expected.json", render(FINDINGS, context()))


def test_output_validates_against_the_schema(validator: Draft7Validator) -> None:
    for findings in (FINDINGS, []):
        doc = json.loads(render(findings, context()))
        assert list(validator.iter_errors(doc)) == []


@pytest.mark.parametrize(("where", "value"), [
    (("findings", 0, "severity"), "fatal"),
    (("findings", 0, "rule"), "Term_Missing"),
    (("findings", 0, "line"), "2"),
    (("summary", "files"), -1),
    (("schema",), 2),
    (("findings", 1, "source"), {"path": "zh/release.txt"}),
])
def test_schema_rejects_malformed_reports(validator: Draft7Validator, where: tuple, value: object) -> None:
    doc = json.loads(render(FINDINGS, context()))
    bad = copy.deepcopy(doc)
    target = bad
    for key in where[:-1]:
        target = target[key]
    target[where[-1]] = value
    assert list(validator.iter_errors(bad)), f"schema accepted {where}={value!r}"


def test_schema_rejects_unknown_keys(validator: Draft7Validator) -> None:
    doc = json.loads(render(FINDINGS, context()))
    doc["findings"][0]["extra"] = 1
    assert not validator.is_valid(doc)


def test_layout_and_key_order() -> None:
    out = render(FINDINGS, context())
    doc = json.loads(out)
    assert list(doc) == ["schema", "tool", "signature", "notes", "findings", "summary"]
    assert doc["schema"] == SCHEMA_VERSION == 1
    assert doc["tool"] == {"name": "shuyu", "version": "0.1.0"}
    assert list(doc["findings"][0]) == ["rule", "severity", "message", "path", "line", "column", "end_line",
                                        "end_column", "concept", "expected", "found", "source"]
    assert doc["summary"] == {"error": 4, "warning": 4, "info": 2, "files": 4}
    # Chinese is written as is (ensure_ascii=False), indented by 2, one trailing newline.
    assert "无锡市政府" in out
    assert "\\u" not in out
    assert out.startswith('{\n  "schema": 1,')
    assert out.endswith("}\n")


def test_findings_are_sorted_and_paths_relative() -> None:
    doc = json.loads(render(list(reversed(FINDINGS)), context()))
    places = [(f["path"], f["line"], f["column"]) for f in doc["findings"]]
    assert places[0] == ("en/release.txt", 1, 1)
    assert ("pages/a,b:c.md", 3, 11) in places
    assert places[-1] == ("shuyu-baseline.toml", 4, 1)
    bilingual = next(f for f in doc["findings"] if f["rule"] == "number-mismatch")
    assert bilingual["message"] == "the source has 8.5% here,\nthe translation 5.8%"
    assert bilingual["source"] == {"path": "zh/release.txt", "line": 3, "column": 8, "end_line": 3, "end_column": 12}
    assert next(f for f in doc["findings"] if f["rule"] == "repeated-word")["source"] is None


def test_empty_report() -> None:
    doc = json.loads(render([], ReportContext(tool_version="9")))
    assert doc["findings"] == []
    assert doc["notes"] == []
    assert doc["signature"] == {}
    assert doc["summary"] == {"error": 0, "warning": 0, "info": 0, "files": 0}


def test_schema_is_documented() -> None:
    doc = (ROOT / "docs" / "json-schema.md").read_text(encoding="utf-8")
    for key in ("schema", "tool", "signature", "notes", "findings", "summary", "end_column", "expected", "source"):
        assert f"`{key}`" in doc


_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12) | st.sampled_from(
    ['"quoted"', "back\\slash", "line\nbreak", "\t\x00\x1f\x7f", "无锡“市”", "\u2028\u2029", "😀"])
_LOCATION = st.builds(Location, path=_TEXT.map(lambda t: f"/srv/site/{t}"), line=st.integers(1, 10**6),
                      column=st.integers(1, 999), end_line=st.integers(1, 10**6), end_column=st.integers(1, 999))
_FINDING = st.builds(Finding, rule=st.sampled_from(["term-deprecated", "punctuation"]),
                     severity=st.sampled_from(list(Severity)), location=_LOCATION, message=_TEXT,
                     concept=st.none() | _TEXT, expected=st.none() | _TEXT, found=st.none() | _TEXT,
                     source=st.none() | _LOCATION)


@settings(max_examples=300, deadline=None)
@given(st.lists(_FINDING, max_size=5), st.lists(_TEXT, max_size=2))
def test_fast_rendering_equals_json_dumps_with_an_indent(findings: list[Finding], notes: list[str]) -> None:
    ctx = dataclasses.replace(context(), notes=list(notes))
    assert render(findings, ctx) == json.dumps(report_dict(findings, ctx), ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize("changes", [
    {"message": 5}, {"concept": True}, {"expected": 1.5}, {"found": 0},
    {"location": Location(path="/srv/site/a.md", line=True, column=2, end_line=2, end_column=3)},
    {"source": Location(path="/srv/site/zh.md", line=1, column=Severity.ERROR, end_line=1, end_column=2.0)},
])
def test_fields_of_unexpected_types_are_written_as_json_dumps_writes_them(changes: dict[str, object]) -> None:
    # Not what the checks produce, but a reporter must not write different JSON for it.
    odd = dataclasses.replace(FINDINGS[0], **changes)  # type: ignore[arg-type]
    findings = [odd, *FINDINGS[1:]]
    assert render(findings, context()) == json.dumps(report_dict(findings, context()), ensure_ascii=False,
                                                     indent=2) + "\n"
