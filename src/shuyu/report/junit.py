"""JUnit XML: one test case per file checked, one failure per finding (CI dashboards read it)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence

from shuyu.model import Finding
from shuyu.report.base import ReportContext
from shuyu.report.base import ordered
from shuyu.report.base import relpath


def render(findings: Sequence[Finding], ctx: ReportContext) -> str:
    """A ``<testsuites>`` document; files without findings pass."""
    by_file: dict[str, list[Finding]] = {relpath(p, ctx): [] for p in ctx.files}
    for f in ordered(findings):
        by_file.setdefault(relpath(f.location.path, ctx), []).append(f)
    failures = sum(len(v) for v in by_file.values())
    suites = ET.Element("testsuites", name="shuyu", tests=str(len(by_file)), failures=str(failures))
    suite = ET.SubElement(suites, "testsuite", name="shuyu", tests=str(len(by_file)),
                          failures=str(sum(1 for v in by_file.values() if v)), errors="0", skipped="0")
    for path in sorted(by_file):
        case = ET.SubElement(suite, "testcase", classname=path, name=path)
        for f in by_file[path]:
            failure = ET.SubElement(case, "failure", type=f.rule, message=f.message)
            failure.text = (f"{path}:{f.location.line}:{f.location.column}: {f.severity.value} {f.rule} "
                            f"{f.message}" + (f"\nexpected: {f.expected}" if f.expected else ""))
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
