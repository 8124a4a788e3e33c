"""The JSON reporter: one object with a schema version, the tool, the signature, findings, summary.

The layout is documented in ``docs/json-schema.md`` and shipped as the JSON Schema
``findings.schema.json`` beside this module; ``SCHEMA_VERSION`` changes when a field is removed
or changes meaning, never when one is added. (The module is not called ``json`` so that it does
not shadow the standard library inside the package.)
"""

from __future__ import annotations

import json
from collections.abc import Callable
from collections.abc import Sequence
from importlib import resources
from typing import Any

from shuyu.model import Finding
from shuyu.model import Location
from shuyu.model import Severity
from shuyu.report._jsontext import encode_basestring
from shuyu.report._jsontext import number
from shuyu.report._jsontext import optional
from shuyu.report.base import ReportContext
from shuyu.report.base import counts
from shuyu.report.base import file_count
from shuyu.report.base import ordered
from shuyu.report.base import relpath

SCHEMA_VERSION = 1
#: The JSON Schema (draft-07) the output follows, shipped in the package.
SCHEMA_FILE = "findings.schema.json"


def location_dict(loc: Location, ctx: ReportContext) -> dict[str, Any]:
    """A location as the schema lays it out: path (relative to ``ctx.cwd``), line, columns."""
    return {"path": relpath(loc.path, ctx), "line": loc.line, "column": loc.column,
            "end_line": loc.end_line, "end_column": loc.end_column}


def finding_dict(f: Finding, ctx: ReportContext) -> dict[str, Any]:
    """One finding as the schema lays it out (every key present, ``null`` where it does not apply)."""
    loc = location_dict(f.location, ctx)
    return {
        "rule": f.rule,
        "severity": f.severity.value,
        "message": f.message,
        "path": loc["path"],
        "line": loc["line"],
        "column": loc["column"],
        "end_line": loc["end_line"],
        "end_column": loc["end_column"],
        "concept": f.concept,
        "expected": f.expected,
        "found": f.found,
        "source": location_dict(f.source, ctx) if f.source is not None else None,
    }


def report_dict(findings: Sequence[Finding], ctx: ReportContext) -> dict[str, Any]:
    """The whole report as plain data, keys in output order."""
    data = _frame(findings, ctx)
    data["findings"] = [finding_dict(f, ctx) for f in ordered(findings)]
    return data


def _frame(findings: Sequence[Finding], ctx: ReportContext) -> dict[str, Any]:
    """The report with an empty list where the findings go (the key keeps its place)."""
    return {
        "schema": SCHEMA_VERSION,
        "tool": {"name": "shuyu", "version": ctx.tool_version},
        "signature": dict(ctx.signature),
        "notes": list(ctx.notes),
        "findings": [],
        "summary": {**counts(findings), "files": file_count(findings, ctx)},
    }


def render(findings: Sequence[Finding], ctx: ReportContext) -> str:
    """The JSON document: indented by 2, UTF-8 text (``ensure_ascii=False``), one trailing newline.

    :param findings: the findings, in any order (they are sorted here).
    :param ctx: the run.
    :returns: the document.
    """
    frame = json.dumps(_frame(findings, ctx), ensure_ascii=False, indent=2) + "\n"
    if not findings:
        return frame
    # Each finding is written straight from its fields (no dict per finding, no pure-Python
    # encoder: see _jsontext), laid out as json.dumps(indent=2) lays it out; the tests compare
    # the two on generated findings. A field of a type the template does not know raises TypeError.
    try:
        block = ",\n".join(_findings_json(ordered(findings), ctx))
    except TypeError:
        return json.dumps(report_dict(findings, ctx), ensure_ascii=False, indent=2) + "\n"
    head, tail = frame.split('\n  "findings": [],\n', 1)
    return f'{head}\n  "findings": [\n{block}\n  ],\n{tail}'


#: Each severity as a JSON string.
_SEVERITY_JSON = {s: encode_basestring(s.value) for s in Severity}


def _findings_json(findings: list[Finding], ctx: ReportContext) -> list[str]:
    """:func:`_finding_json` of each finding, each path made relative and encoded once for the
    report (a ~24,000-finding site has 1,200 paths)."""
    paths: dict[str, str] = {}

    def path_json(path: str) -> str:
        encoded = paths.get(path)
        if encoded is None:
            encoded = paths[path] = encode_basestring(relpath(path, ctx))
        return encoded

    return [_finding_json(f, path_json) for f in findings]


def _location_json(loc: Location, path_json: Callable[[str], str], indent: str) -> str:
    """The fields of :func:`location_dict`, one per line at ``indent``, without braces."""
    return (f'{indent}"path": {path_json(loc.path)},\n'
            f'{indent}"line": {number(loc.line)},\n'
            f'{indent}"column": {number(loc.column)},\n'
            f'{indent}"end_line": {number(loc.end_line)},\n'
            f'{indent}"end_column": {number(loc.end_column)}')


def _finding_json(f: Finding, path_json: Callable[[str], str]) -> str:
    """:func:`finding_dict` at the depth of the findings list, as json.dumps(indent=2) lays it out."""
    if f.source is None:
        source = "null"
    else:
        source = "{\n" + _location_json(f.source, path_json, "        ") + "\n      }"
    severity = _SEVERITY_JSON[f.severity] if type(f.severity) is Severity else encode_basestring(f.severity.value)
    return (f'    {{\n'
            f'      "rule": {encode_basestring(f.rule)},\n'
            f'      "severity": {severity},\n'
            f'      "message": {encode_basestring(f.message)},\n'
            f'{_location_json(f.location, path_json, "      ")},\n'
            f'      "concept": {optional(f.concept)},\n'
            f'      "expected": {optional(f.expected)},\n'
            f'      "found": {optional(f.found)},\n'
            f'      "source": {source}\n'
            f'    }}')


def schema() -> dict[str, Any]:
    """The JSON Schema of :func:`render`'s output, read from the package data.

    :returns: the parsed schema.
    """
    text = resources.files("shuyu.report").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data
