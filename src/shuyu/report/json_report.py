"""The JSON reporter: one object with a schema version, the tool, the signature, findings, summary.

The schema is documented in ``docs/json-schema.md`` and shipped as ``findings.schema.json``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from shuyu.model import Finding
from shuyu.model import Location
from shuyu.report.base import ReportContext
from shuyu.report.base import counts
from shuyu.report.base import ordered
from shuyu.report.base import relpath

SCHEMA_VERSION = 1


def _loc(loc: Location, ctx: ReportContext) -> dict[str, Any]:
    return {"path": relpath(loc.path, ctx), "line": loc.line, "column": loc.column,
            "end_line": loc.end_line, "end_column": loc.end_column}


def finding_dict(f: Finding, ctx: ReportContext) -> dict[str, Any]:
    """One finding as the JSON schema lays it out."""
    return {"rule": f.rule, "severity": f.severity.value, "message": f.message, **_loc(f.location, ctx),
            "concept": f.concept, "expected": f.expected, "found": f.found,
            "source": _loc(f.source, ctx) if f.source is not None else None}


def render(findings: Sequence[Finding], ctx: ReportContext) -> str:
    """The JSON document (indented, UTF-8 text, stable key order)."""
    data = {
        "schema": SCHEMA_VERSION,
        "tool": {"name": "shuyu", "version": ctx.tool_version},
        "signature": ctx.signature,
        "findings": [finding_dict(f, ctx) for f in ordered(findings)],
        "notes": list(ctx.notes),
        "summary": {**counts(findings), "files": len(ctx.files) or len({f.location.path for f in findings})},
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
