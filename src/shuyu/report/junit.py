"""JUnit XML: one test case per file checked, one failure per error or warning (CI dashboards read it).

Files with no error or warning pass; info findings go to the test case's ``system-out`` so they
are visible without failing it. Text goes through :mod:`xml.etree.ElementTree`, which escapes
markup; characters XML 1.0 cannot hold at all are replaced first.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from shuyu.model import Finding
from shuyu.model import Severity
from shuyu.report.base import ReportContext
from shuyu.report.base import ordered
from shuyu.report.base import relpath

SUITE = "shuyu"
#: Code points XML 1.0 cannot hold at all: C0 controls but TAB/LF/CR, surrogates, U+FFFE/U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """``text`` with characters XML 1.0 cannot hold replaced by U+FFFD.

    >>> xml_text("a\\x00b\\tc")
    'a\\ufffdb\\tc'
    """
    return _NOT_XML.sub("\ufffd", text)


def _line(path: str, f: Finding) -> str:
    text = f"{path}:{f.location.line}:{f.location.column}: {f.severity.value} {f.rule} {f.message}"
    if f.expected:
        text += f"\nexpected: {f.expected}"
    return text


def render(findings: Sequence[Finding], ctx: ReportContext) -> str:
    """A ``<testsuites>`` document holding one ``<testsuite name="shuyu">``.

    :param findings: the findings, in any order (they are sorted here).
    :param ctx: the run; ``ctx.files`` are the test cases (files only findings name are added).
    :returns: the XML document with its declaration, ending with a newline.
    """
    by_file: dict[str, list[Finding]] = {relpath(p, ctx): [] for p in ctx.files}
    for f in ordered(findings):
        by_file.setdefault(relpath(f.location.path, ctx), []).append(f)
    failing = sum(1 for fs in by_file.values() if any(f.severity != Severity.INFO for f in fs))
    attrs = {"name": SUITE, "tests": str(len(by_file)), "failures": str(failing), "errors": "0"}
    root = ET.Element("testsuites", attrs)
    suite = ET.SubElement(root, "testsuite", {**attrs, "skipped": "0"})
    for path in sorted(by_file):
        case = ET.SubElement(suite, "testcase", {"classname": xml_text(path), "name": xml_text(path)})
        infos = []
        for f in by_file[path]:
            if f.severity == Severity.INFO:
                infos.append(_line(path, f))
                continue
            failure = ET.SubElement(case, "failure", {
                "type": f.rule,
                "message": xml_text(f"{f.location.line}:{f.location.column}: {f.message}"),
            })
            failure.text = xml_text(_line(path, f))
        if infos:
            ET.SubElement(case, "system-out").text = xml_text("\n".join(infos))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
