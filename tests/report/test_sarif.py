"""The SARIF reporter: golden output, validation against the OASIS SARIF 2.1.0 schema, field details."""

from __future__ import annotations

import dataclasses
import json
import urllib.parse
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
from shuyu.report.sarif import FINGERPRINT
from shuyu.report.sarif import artifact_uri
from shuyu.report.sarif import render
from shuyu.report.sarif import sarif_log
from shuyu.rules import RULES
from tests.report.golden import FINDINGS
from tests.report.golden import check_golden
from tests.report.golden import context

SCHEMA = Path(__file__).resolve().parents[1] / "data" / "report" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def validator() -> Draft7Validator:
    # The schema is draft-07 and self-contained: no reference is fetched over the network.
    data = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert data["$schema"] == "http://json-schema.org/draft-07/schema#"
    Draft7Validator.check_schema(data)
    return Draft7Validator(data)


def log(findings=FINDINGS, **changes) -> dict:
    return json.loads(render(findings, context(**changes)))


def test_golden() -> None:
    check_golden("expected.sarif.json", render(FINDINGS, context()))


@pytest.mark.parametrize("changes", [{}, {"notes": [], "signature": {}}, {"cwd": ""}])
def test_output_validates_against_the_sarif_schema(validator: Draft7Validator, changes: dict) -> None:
    for findings in (FINDINGS, []):
        errors = [e.message for e in validator.iter_errors(log(findings, **changes))]
        assert errors == []


def test_the_schema_catches_a_bad_log(validator: Draft7Validator) -> None:
    # Proof that validation has teeth: SARIF has no "info" level and regions start at line 1.
    bad = log()
    bad["runs"][0]["results"][0]["level"] = "info"
    assert not validator.is_valid(bad)
    bad = log()
    bad["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    assert not validator.is_valid(bad)


def test_driver_lists_every_rule_in_registry_order() -> None:
    driver = log()["runs"][0]["tool"]["driver"]
    assert driver["name"] == "shuyu"
    assert driver["version"] == "0.1.0"
    assert driver["informationUri"].startswith("https://")
    assert [r["id"] for r in driver["rules"]] == list(RULES)
    by_id = {r["id"]: r for r in driver["rules"]}
    assert by_id["term-admitted"]["defaultConfiguration"] == {"level": "note"}
    assert by_id["punctuation"]["defaultConfiguration"] == {"level": "warning"}
    assert by_id["term-missing"]["defaultConfiguration"] == {"level": "error"}
    assert by_id["repeated-word"]["name"] == "RepeatedWord"
    assert by_id["alignment"]["shortDescription"]["text"] == RULES["alignment"].summary


def test_results_point_at_their_rule_and_carry_levels() -> None:
    run = log()["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    levels = {"error": "error", "warning": "warning", "info": "note"}
    expected = sorted(FINDINGS, key=Finding.sort_key)
    assert len(run["results"]) == len(expected)
    for result, f in zip(run["results"], expected, strict=True):
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == f.rule
        assert result["level"] == levels[f.severity.value]
        assert result["message"]["text"] == f.message


def test_run_fields() -> None:
    run = log()["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": "file:///srv/site/"}}
    assert run["properties"]["signature"]["glossary"] == "sha256:3f2a9c"
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert [n["message"]["text"] for n in notes] == ["alignment fell back to document level for en/release.txt"]


def test_locations_regions_and_related_source() -> None:
    results = log()["runs"][0]["results"]
    deprecated = next(r for r in results if r["ruleId"] == "term-deprecated")
    physical = deprecated["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"] == {"uri": "en/release.txt", "uriBaseId": "%SRCROOT%"}
    assert physical["region"] == {"startLine": 2, "startColumn": 30, "endLine": 2, "endColumn": 51}
    related = deprecated["relatedLocations"][0]
    assert related["physicalLocation"]["artifactLocation"]["uri"] == "zh/release.txt"
    assert related["physicalLocation"]["region"]["startColumn"] == 3
    assert related["message"]["text"] == "source: 中共徐州市委书记宋乐伟率团考察。"
    assert deprecated["properties"] == {"concept": "xuzhou-municipal-committee",
                                        "expected": "CPC Xuzhou Municipal Committee",
                                        "found": "Xuzhou City Committee"}
    multi_line = next(r for r in results if r["ruleId"] == "term-inconsistent")
    assert multi_line["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 5, "startColumn": 18, "endLine": 6, "endColumn": 11}


@pytest.mark.parametrize(("path", "uri", "relative"), [
    ("/srv/site/pages/a,b:c.md", "pages/a%2Cb%3Ac.md", True),
    ("/srv/site/新闻/稿 1.md", "%E6%96%B0%E9%97%BB/%E7%A8%BF%201.md", True),
    ("rel/x.md", "rel/x.md", True),
    ("/other/x y.md", "file:///other/x%20y.md", False),
])
def test_artifact_uris(path: str, uri: str, relative: bool) -> None:
    got, is_relative = artifact_uri(path, ReportContext(tool_version="0", cwd="/srv/site"))
    assert (got, is_relative) == (uri, relative)
    if relative:
        # A relative reference must not look like it has a scheme, and must decode to the path.
        assert ":" not in got.split("/")[0]
        assert urllib.parse.unquote(got) == path.removeprefix("/srv/site/")


def test_path_outside_cwd_has_no_uri_base() -> None:
    f = Finding(rule="punctuation", severity=Severity.WARNING, message="m",
                location=Location(path="/other/p.md", line=1, column=1, end_line=1, end_column=2))
    artifact = log([f])["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artifact == {"uri": "file:///other/p.md"}


def test_a_location_without_a_line_has_no_region(validator: Draft7Validator) -> None:
    f = Finding(rule="alignment", severity=Severity.INFO, message="m",
                location=Location(path="/srv/site/a.md", line=0, column=0, end_line=0, end_column=0))
    doc = log([f])
    assert "region" not in doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert validator.is_valid(doc)


def test_partial_fingerprints_survive_moved_lines_but_not_other_text() -> None:
    def fp(line: int, found: str, path: str = "/srv/site/a.md") -> str:
        f = Finding(rule="term-deprecated", severity=Severity.ERROR, message="m", found=found, concept="c",
                    location=Location(path=path, line=line, column=3, end_line=line, end_column=9))
        return sarif_log([f], context())["runs"][0]["results"][0]["partialFingerprints"][FINGERPRINT]

    assert fp(3, "Xu Zhou") == fp(40, "Xu Zhou")
    assert fp(3, "Xu Zhou") != fp(3, "Xuzhou City")
    assert fp(3, "Xu Zhou") != fp(3, "Xu Zhou", "/srv/site/b.md")
    assert len(fp(3, "x")) == 64


def test_document_header() -> None:
    doc = log()
    assert doc["version"] == "2.1.0"
    assert doc["$schema"].endswith("sarif-schema-2.1.0.json")
    assert len(doc["runs"]) == 1


def test_artifact_uris_are_kept_per_cwd() -> None:
    # artifact_uri keeps its answers: one worked out for another cwd must not be reused.
    for _ in range(2):
        assert artifact_uri("/srv/site/a b.md", ReportContext(tool_version="0", cwd="/srv/site")) == ("a%20b.md", True)
        assert artifact_uri("/srv/site/a b.md", ReportContext(tool_version="0", cwd="/other")) == (
            "file:///srv/site/a%20b.md", False)


_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=8) | st.sampled_from(
    ['"quoted"', "back\\slash", "line\nbreak", "\t\x00\x1f\x7f", "无锡“市”", "\u2028", "😀", "", "  padded  "])
_PATH = st.sampled_from(["/srv/site/en/a.md", "/srv/site/pages/a,b:c.md", "/other/x y.md", "rel/新闻.md",
                         "C:\\site\\w.md", "./b.md", ""]) | _TEXT.map(lambda t: f"/srv/site/{t}")
_LOCATION = st.builds(Location, path=_PATH, line=st.integers(-1, 10**6), column=st.integers(-1, 999),
                      end_line=st.integers(-1, 10**6), end_column=st.integers(-1, 999))
_FINDING = st.builds(Finding, rule=st.sampled_from([*RULES, "not-a-rule"]),
                     severity=st.sampled_from(list(Severity)), location=_LOCATION, message=_TEXT,
                     concept=st.none() | _TEXT, expected=st.none() | _TEXT, found=st.none() | _TEXT,
                     source=st.none() | _LOCATION, source_context=_TEXT)


@settings(max_examples=300, deadline=None)
@given(st.lists(_FINDING, max_size=5), st.lists(_TEXT, max_size=2),
       st.sampled_from(["/srv/site", "", "C:\\site", "relative/dir", "/"]), st.booleans())
def test_fast_rendering_equals_json_dumps_of_the_log(findings: list[Finding], notes: list[str], cwd: str,
                                                     signed: bool) -> None:
    ctx = context(notes=notes, cwd=cwd, **({} if signed else {"signature": {}}))
    assert render(findings, ctx) == json.dumps(sarif_log(findings, ctx), ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize("changes", [
    {"message": 5}, {"concept": True}, {"expected": 1.5}, {"found": 0}, {"rule": 7},
    {"location": Location(path="/srv/site/a.md", line=True, column=2, end_line=2, end_column=3)},
    {"source": Location(path="/srv/site/zh.md", line=1, column=Severity.ERROR, end_line=1, end_column=2.0)},
])
def test_fields_of_unexpected_types_are_written_as_json_dumps_writes_them(changes: dict[str, object]) -> None:
    # Not what the checks produce, but the reporter must not write different JSON for it (or fail
    # where json.dumps would not).
    findings = [dataclasses.replace(FINDINGS[2], **changes), *FINDINGS[3:]]  # type: ignore[arg-type]
    try:
        expected = json.dumps(sarif_log(findings, context()), ensure_ascii=False, indent=2) + "\n"
    except TypeError:
        with pytest.raises(TypeError):
            render(findings, context())
        return
    assert render(findings, context()) == expected
