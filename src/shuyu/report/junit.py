"""JUnit XML: one test case per file checked, one failure per error or warning (CI dashboards read it).

Files with no error or warning pass; info findings go to the test case's ``system-out`` so they
are visible without failing it. Characters XML 1.0 cannot hold at all are replaced, then markup
is escaped as :mod:`xml.etree.ElementTree` escapes it.

The document is written as text, laid out as ``ET.indent`` and ``ET.tostring`` lay out the same
tree (the tests build that tree and compare): building 25,000 elements to serialise them again
took 0.3 s of a 24,000-finding site's report.
"""

from __future__ import annotations

import re
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
    attrs = f'name="{SUITE}" tests="{len(by_file)}" failures="{failing}" errors="0"'
    cases = [_testcase(path, by_file[path]) for path in sorted(by_file)]
    suite = f'<testsuite {attrs} skipped="0"'
    suite += (">\n    " + "\n    ".join(cases) + "\n  </testsuite>") if cases else " />"
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<testsuites {attrs}>\n  {suite}\n</testsuites>\n'


def _testcase(path: str, findings: list[Finding]) -> str:
    """One ``<testcase>``: a ``<failure>`` per error or warning, the info findings in ``<system-out>``."""
    name = _attribute(xml_text(path))
    children = []
    infos = []
    for f in findings:
        if f.severity == Severity.INFO:
            infos.append(_line(path, f))
            continue
        message = _attribute(xml_text(f"{f.location.line}:{f.location.column}: {f.message}"))
        children.append(f'<failure type="{_attribute(f.rule)}" message="{message}">'
                        f"{_character_data(xml_text(_line(path, f)))}</failure>")
    if infos:
        out = "\n".join(infos)
        children.append(f"<system-out>{_character_data(xml_text(out))}</system-out>")
    head = f'<testcase classname="{name}" name="{name}"'
    if not children:
        return head + " />"
    return head + ">\n      " + "\n      ".join(children) + "\n    </testcase>"


_MARKUP = re.compile("[&<>]")
_ATTRIBUTE_SPECIAL = re.compile('[&<>"\r\n\t]')


def _character_data(text: str) -> str:
    """Text escaped as ElementTree escapes an element's text.

    >>> _character_data("a < b && c > d")
    'a &lt; b &amp;&amp; c &gt; d'
    """
    if _MARKUP.search(text) is None:
        return text
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attribute(value: str) -> str:
    """An attribute value escaped as ElementTree escapes it (line breaks and tabs as references).

    :raises TypeError: for a value that is not a string, as ElementTree raises.
    """
    if not isinstance(value, str):
        raise TypeError(f"cannot serialize {value!r} (type {type(value).__name__})")
    if _ATTRIBUTE_SPECIAL.search(value) is None:
        return value
    return (_character_data(value).replace('"', "&quot;").replace("\r", "&#13;").replace("\n", "&#10;")
            .replace("\t", "&#09;"))
