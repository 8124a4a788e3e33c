"""The SARIF 2.1.0 reporter, as plain dicts (code scanning on GitHub reads it)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import Any

from shuyu.model import Finding
from shuyu.model import Location
from shuyu.report.base import ReportContext
from shuyu.report.base import ordered
from shuyu.report.base import relpath
from shuyu.rules import RULES

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _physical(loc: Location, ctx: ReportContext) -> dict[str, Any]:
    return {"physicalLocation": {
        "artifactLocation": {"uri": relpath(loc.path, ctx), "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": loc.line, "startColumn": loc.column,
                   "endLine": loc.end_line, "endColumn": max(loc.end_column, 1)},
    }}


def render(findings: Sequence[Finding], ctx: ReportContext) -> str:
    """A SARIF log with one run; rules from the registry, results with fingerprints."""
    rule_ids = list(RULES)
    results = []
    for f in ordered(findings):
        result: dict[str, Any] = {
            "ruleId": f.rule,
            "ruleIndex": rule_ids.index(f.rule),
            "level": LEVELS[f.severity.value],
            "message": {"text": f.message},
            "locations": [_physical(f.location, ctx)],
            "partialFingerprints": {"shuyu/v1": hashlib.sha256(
                "|".join([relpath(f.location.path, ctx), f.rule, f.found or "", f.concept or ""]).encode()
            ).hexdigest()[:32]},
        }
        if f.source is not None:
            related = _physical(f.source, ctx)
            related["id"] = 1
            related["message"] = {"text": "source"}
            result["relatedLocations"] = [related]
        props = {k: v for k, v in (("concept", f.concept), ("expected", f.expected), ("found", f.found)) if v}
        if props:
            result["properties"] = props
        results.append(result)
    run = {
        "tool": {"driver": {
            "name": "shuyu", "version": ctx.tool_version, "informationUri": "https://pypi.org/project/shuyu/",
            "rules": [{"id": spec.id, "name": spec.name.replace(" ", ""),
                       "shortDescription": {"text": spec.summary},
                       "defaultConfiguration": {"level": LEVELS[spec.default_severity.value]}}
                      for spec in RULES.values()],
        }},
        "originalUriBaseIds": {"%SRCROOT%": {"uri": "file://" + ctx.cwd.rstrip("/") + "/"}} if ctx.cwd else {},
        "columnKind": "unicodeCodePoints",
        "results": results,
        "properties": {"signature": ctx.signature},
    }
    return json.dumps({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, ensure_ascii=False, indent=2) + "\n"
