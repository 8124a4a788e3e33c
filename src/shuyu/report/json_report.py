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
    return json.dumps(report_dict(findings, ctx), ensure_ascii=False, indent=2) + "\n"


def schema() -> dict[str, Any]:
    """The JSON Schema of :func:`render`'s output, read from the package data.

    :returns: the parsed schema.
    """
    text = resources.files("shuyu.report").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data
