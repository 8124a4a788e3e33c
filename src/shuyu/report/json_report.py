"""The JSON reporter: one object with a schema version, the tool, the signature, findings, summary.

The layout is documented in ``docs/json-schema.md`` and shipped as the JSON Schema
``findings.schema.json`` beside this module; ``SCHEMA_VERSION`` changes when a field is removed
or changes meaning, never when one is added. (The module is not called ``json`` so that it does
not shadow the standard library inside the package.)
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from importlib import resources
from json.encoder import encode_basestring  # type: ignore[attr-defined]
from typing import Any

from shuyu.model import Finding
from shuyu.model import Location
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
    return {
        "schema": SCHEMA_VERSION,
        "tool": {"name": "shuyu", "version": ctx.tool_version},
        "signature": dict(ctx.signature),
        "notes": list(ctx.notes),
        "findings": [finding_dict(f, ctx) for f in ordered(findings)],
        "summary": {**counts(findings), "files": file_count(findings, ctx)},
    }


def render(findings: Sequence[Finding], ctx: ReportContext) -> str:
    """The JSON document: indented by 2, UTF-8 text (``ensure_ascii=False``), one trailing newline.

    :param findings: the findings, in any order (they are sorted here).
    :param ctx: the run.
    :returns: the document.
    """
    data = report_dict(findings, ctx)
    items = data["findings"]
    if not items:
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    # json.dumps with an indent runs the pure-Python encoder (1.8 s for 24,000 findings); the
    # findings are flat objects of strings, numbers and one nested location, written here the
    # way json.dumps(indent=2) writes them (the tests compare the two on generated findings).
    try:
        block = ",\n".join(map(_finding_json, items))
    except TypeError:
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    data["findings"] = []
    head, tail = json.dumps(data, ensure_ascii=False, indent=2).split('\n  "findings": [],\n', 1)
    return f'{head}\n  "findings": [\n{block}\n  ],\n{tail}\n'


def _scalar(value: object) -> str:
    """A JSON scalar as json.dumps writes it (TypeError for anything else)."""
    if isinstance(value, str):
        return encode_basestring(value)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return int.__repr__(value)
    raise TypeError(type(value).__name__)


def _finding_json(item: dict[str, Any]) -> str:
    """One finding object at the depth of the findings list, as json.dumps(indent=2) lays it out."""
    lines = []
    for key, value in item.items():
        if isinstance(value, dict) and value:
            inner = ",\n".join(f"        {encode_basestring(k)}: {_scalar(v)}" for k, v in value.items())
            lines.append(f"      {encode_basestring(key)}: {{\n{inner}\n      }}")
        else:
            lines.append(f"      {encode_basestring(key)}: {_scalar(value)}")
    return "    {\n" + ",\n".join(lines) + "\n    }"


def schema() -> dict[str, Any]:
    """The JSON Schema of :func:`render`'s output, read from the package data.

    :returns: the parsed schema.
    """
    text = resources.files("shuyu.report").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data
