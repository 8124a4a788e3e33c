"""The SARIF 2.1.0 reporter, built as plain dicts (GitHub code scanning and IDE viewers read it).

Paths are URIs relative to ``%SRCROOT%`` (the directory the command ran in, given in
``originalUriBaseIds``); columns are code points (``columnKind: unicodeCodePoints``), and
``endColumn`` is exclusive, as SARIF defines it and as shuyu's locations are.
"""

from __future__ import annotations

import functools
import hashlib
import json
import pathlib
import urllib.parse
from collections.abc import Sequence
from typing import Any

from shuyu.model import Finding
from shuyu.model import Location
from shuyu.report._jsontext import encode_basestring
from shuyu.report._jsontext import number
from shuyu.report.base import ReportContext
from shuyu.report.base import line_of
from shuyu.report.base import ordered
from shuyu.report.base import relpath
from shuyu.report.base import relpath_under
from shuyu.rules import RULES
from shuyu.rules import RuleSpec

SCHEMA_URI = "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json"
SARIF_VERSION = "2.1.0"
INFORMATION_URI = "https://pypi.org/project/shuyu/"
SRCROOT = "%SRCROOT%"
#: Name of the partial fingerprint; the suffix changes if what is hashed ever changes.
FINGERPRINT = "shuyuFindingHash/v1"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def artifact_uri(path: str, ctx: ReportContext) -> tuple[str, bool]:
    """The URI of ``path`` and whether it is relative to ``%SRCROOT%``.

    Relative paths are percent-encoded so that a ``:`` or a space in a file name cannot be read
    as a URI scheme or break the reference.

    >>> artifact_uri("/srv/a,b:c.md", ReportContext(tool_version="0", cwd="/srv"))
    ('a%2Cb%3Ac.md', True)
    >>> artifact_uri("/tmp/x y.md", ReportContext(tool_version="0", cwd="/srv"))
    ('file:///tmp/x%20y.md', False)
    """
    return _artifact_uri(path, ctx.cwd)


@functools.lru_cache(maxsize=4096)  # percent-encoding a path per finding, 2 or 3 times, adds up
def _artifact_uri(path: str, cwd: str) -> tuple[str, bool]:
    rel = relpath_under(path, cwd)
    if rel.startswith("/"):
        return pathlib.PurePosixPath(rel).as_uri(), False
    if len(rel) > 2 and rel[1] == ":" and rel[2] == "/":
        return pathlib.PureWindowsPath(rel).as_uri(), False
    return urllib.parse.quote(rel, safe="/"), True


def physical_location(loc: Location, ctx: ReportContext) -> dict[str, Any]:
    """A SARIF ``location`` holding the ``physicalLocation`` of ``loc``."""
    uri, relative = artifact_uri(loc.path, ctx)
    artifact: dict[str, Any] = {"uri": uri}
    if relative:
        artifact["uriBaseId"] = SRCROOT
    physical: dict[str, Any] = {"artifactLocation": artifact}
    # A location with no line (the whole file) has no region: SARIF lines start at 1.
    if loc.line >= 1:
        region: dict[str, Any] = {"startLine": loc.line, "startColumn": max(loc.column, 1)}
        if loc.end_line >= loc.line:
            region["endLine"] = loc.end_line
            region["endColumn"] = max(loc.end_column, 1)
        physical["region"] = region
    return {"physicalLocation": physical}


def fingerprint(f: Finding, ctx: ReportContext) -> str:
    """A hash of path, rule, found text and concept: stable when lines move, as code scanning wants."""
    key = "|".join([relpath(f.location.path, ctx), f.rule, f.found or "", f.concept or ""])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def rule_descriptor(spec: RuleSpec) -> dict[str, Any]:
    """A SARIF ``reportingDescriptor`` for one rule of the registry."""
    return {
        "id": spec.id,
        # SARIF recommends an identifier-like name; the id stays the kebab-case key.
        "name": "".join(word.capitalize() for word in spec.id.split("-")),
        "shortDescription": {"text": spec.summary},
        "fullDescription": {"text": spec.help},
        "help": {"text": spec.help},
        "defaultConfiguration": {"level": LEVELS[spec.default_severity.value]},
        "properties": {"title": spec.name},
    }


def result(f: Finding, ctx: ReportContext, rule_index: dict[str, int]) -> dict[str, Any]:
    """A SARIF ``result`` for one finding."""
    out: dict[str, Any] = {"ruleId": f.rule}
    if f.rule in rule_index:
        out["ruleIndex"] = rule_index[f.rule]
    out["level"] = LEVELS[f.severity.value]
    out["message"] = {"text": f.message}
    out["locations"] = [physical_location(f.location, ctx)]
    if f.source is not None:
        related = physical_location(f.source, ctx)
        related["id"] = 0
        text = line_of(f.source, ctx, f.source_context).strip()
        related["message"] = {"text": f"source: {text}" if text else "source"}
        out["relatedLocations"] = [related]
    out["partialFingerprints"] = {FINGERPRINT: fingerprint(f, ctx)}
    props = {k: v for k, v in (("concept", f.concept), ("expected", f.expected), ("found", f.found))
             if v is not None}
    if props:
        out["properties"] = props
    return out


def sarif_log(findings: Sequence[Finding], ctx: ReportContext) -> dict[str, Any]:
    """The SARIF log as plain data: one run, every rule of the registry, one result per finding."""
    rule_index = _rule_index()
    return _log([result(f, ctx, rule_index) for f in ordered(findings)], ctx)


def _rule_index() -> dict[str, int]:
    return {rule_id: i for i, rule_id in enumerate(RULES)}


def _log(results: list[dict[str, Any]], ctx: ReportContext) -> dict[str, Any]:
    """The SARIF log around ``results``."""
    run: dict[str, Any] = {
        "tool": {"driver": {
            "name": "shuyu",
            "version": ctx.tool_version,
            "informationUri": INFORMATION_URI,
            "rules": [rule_descriptor(spec) for spec in RULES.values()],
        }},
    }
    invocation: dict[str, Any] = {"executionSuccessful": True}
    if ctx.notes:
        invocation["toolExecutionNotifications"] = [
            {"level": "note", "message": {"text": note}} for note in ctx.notes]
    run["invocations"] = [invocation]
    if ctx.cwd:
        root = ctx.cwd.replace("\\", "/").rstrip("/") or "/"
        root_path = pathlib.PureWindowsPath(root) if root[1:3] == ":/" else pathlib.PurePosixPath(root)
        if root_path.is_absolute():
            base = root_path.as_uri()
            run["originalUriBaseIds"] = {SRCROOT: {"uri": base if base.endswith("/") else base + "/"}}
    run["columnKind"] = "unicodeCodePoints"
    run["results"] = results
    if ctx.signature:
        run["properties"] = {"signature": dict(ctx.signature)}
    return {"$schema": SCHEMA_URI, "version": SARIF_VERSION, "runs": [run]}


#: Where the results go in the log: the only key of the run object (six spaces deep) with that name.
_RESULTS_SLOT = '\n      "results": []'


def render(findings: Sequence[Finding], ctx: ReportContext) -> str:
    """The SARIF log as JSON text (indented by 2, UTF-8, one trailing newline).

    :param findings: the findings, in any order (they are sorted here).
    :param ctx: the run.
    :returns: the document.
    """
    frame = json.dumps(_log([], ctx), ensure_ascii=False, indent=2) + "\n"
    if not findings:
        return frame
    # The results are written from templates, laid out as json.dumps(indent=2) lays out
    # sarif_log (the tests compare the two on generated findings): json.dumps' indenting encoder
    # is pure Python and took 1.5 s for a site's 24,000 results. A value of a type the templates
    # do not know raises TypeError, and then json.dumps writes the whole log.
    head, _, tail = frame.partition(_RESULTS_SLOT)
    rule_index = _rule_index()
    try:
        block = ",\n".join([_result_json(f, ctx, rule_index) for f in ordered(findings)])
    except TypeError:
        return json.dumps(sarif_log(findings, ctx), ensure_ascii=False, indent=2) + "\n"
    return f'{head}\n      "results": [\n{block}\n      ]{tail}'


#: Indents of the templates: a result's keys (it sits at 8 spaces) and its locations (at 12).
_KEY = " " * 10
_LOCATION = " " * 12


def _result_json(f: Finding, ctx: ReportContext, rule_index: dict[str, int]) -> str:
    """:func:`result` for one finding, at its depth in the log, as json.dumps(indent=2) writes it."""
    k = _KEY
    parts = [f'        {{\n{k}"ruleId": {encode_basestring(f.rule)}']
    if f.rule in rule_index:
        parts.append(f'{k}"ruleIndex": {rule_index[f.rule]}')
    parts.append(f'{k}"level": {encode_basestring(LEVELS[f.severity.value])}')
    parts.append(f'{k}"message": {{\n{k}  "text": {encode_basestring(f.message)}\n{k}}}')
    parts.append(f'{k}"locations": [\n{_location_json(f.location, ctx)}\n{_LOCATION}}}\n{k}]')
    if f.source is not None:
        text = line_of(f.source, ctx, f.source_context).strip()
        message = encode_basestring(f"source: {text}" if text else "source")
        parts.append(f'{k}"relatedLocations": [\n{_location_json(f.source, ctx)},\n'
                     f'{_LOCATION}  "id": 0,\n{_LOCATION}  "message": {{\n{_LOCATION}    "text": {message}\n'
                     f'{_LOCATION}  }}\n{_LOCATION}}}\n{k}]')
    parts.append(f'{k}"partialFingerprints": {{\n{k}  "{FINGERPRINT}": "{fingerprint(f, ctx)}"\n{k}}}')
    props = [f'{k}  "{key}": {encode_basestring(value)}'
             for key, value in (("concept", f.concept), ("expected", f.expected), ("found", f.found))
             if value is not None]
    if props:
        parts.append(f'{k}"properties": {{\n' + ",\n".join(props) + f"\n{k}}}")
    return ",\n".join(parts) + "\n        }"


def _location_json(loc: Location, ctx: ReportContext) -> str:
    """:func:`physical_location` as a list item, left open after its last key (a related location adds more)."""
    i = _LOCATION
    uri, relative = artifact_uri(loc.path, ctx)
    base = f',\n{i}      "uriBaseId": "{SRCROOT}"' if relative else ""
    text = (f'{i}{{\n{i}  "physicalLocation": {{\n{i}    "artifactLocation": {{\n'
            f'{i}      "uri": {encode_basestring(uri)}{base}\n{i}    }}')
    if loc.line >= 1:
        text += (f',\n{i}    "region": {{\n{i}      "startLine": {number(loc.line)},\n'
                 f'{i}      "startColumn": {number(max(loc.column, 1))}')
        if loc.end_line >= loc.line:
            text += (f',\n{i}      "endLine": {number(loc.end_line)},\n'
                     f'{i}      "endColumn": {number(max(loc.end_column, 1))}')
        text += f"\n{i}    }}"
    return text + f"\n{i}  }}"
