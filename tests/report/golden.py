"""The fixed findings every reporter's golden file is rendered from, and the golden-file check.

Set ``SHUYU_UPDATE_GOLDEN=1`` to rewrite the expected files from the current output (then review
the diff); conftest.py is shared, so this is an environment variable, not a pytest option.
"""

from __future__ import annotations

import os
from pathlib import Path

from shuyu.model import Finding
from shuyu.model import Location
from shuyu.model import Severity
from shuyu.report.base import ReportContext

DATA = Path(__file__).resolve().parents[1] / "data" / "report"
CWD = "/srv/site"
EN = f"{CWD}/en/release.txt"
ZH = f"{CWD}/zh/release.txt"
#: A path with a comma and a colon: both must be escaped in GitHub properties and SARIF URIs.
MD = f"{CWD}/pages/a,b:c.md"
CLEAN = f"{CWD}/pages/clean.html"
#: Given relative, as a baseline file named on the command line would be.
BASELINE = "shuyu-baseline.toml"

EN_LINES = [
    "Wuxi and Xuzhou Deepen North-South Cooperation\n",
    "Song Lewei, Secretary of the Xuzhou City Committee, led the delegation.\n",
    "Trade grew 5.8% in the first half of the year.\n",
    "The the delegation visited the Wuxi High-tech Zone on 12 March.\n",
]
ZH_LINES = [
    "无锡徐州深化南北合作\n",
    "中共徐州市委书记宋乐伟率团考察。\n",
    "上半年贸易增长8.5%。\n",
    "代表团于3月12日考察了无锡高新区。\n",
]
MD_LINES = [
    "# 合作\n",
    "\n",
    "无锡市政府 and Xu Zhou signed a “cooperation” agreement，too.\n",
    "\n",
    "Officials of the Wuxi City\n",
    "Government attended.\n",
]


def loc(path: str, line: int, column: int, end_column: int, end_line: int | None = None) -> Location:
    """A location on one line (or ending on ``end_line``)."""
    return Location(path=path, line=line, column=column, end_line=end_line or line, end_column=end_column)


#: Deliberately not in report order: every reporter must sort.
FINDINGS: list[Finding] = [
    Finding(rule="punctuation", severity=Severity.WARNING, location=loc(MD, 3, 51, 52),
            message="full-width comma '，' in English text", expected=",", found="，",
            context=MD_LINES[2]),
    Finding(rule="number-mismatch", severity=Severity.ERROR, location=loc(EN, 3, 12, 16),
            message="the source has 8.5% here,\nthe translation 5.8%", expected="8.5%", found="5.8%",
            source=loc(ZH, 3, 8, 12)),
    Finding(rule="term-deprecated", severity=Severity.ERROR, location=loc(EN, 2, 30, 51),
            message="deprecated form 'Xuzhou City Committee'",
            concept="xuzhou-municipal-committee", expected="CPC Xuzhou Municipal Committee",
            found="Xuzhou City Committee", source=loc(ZH, 2, 3, 7)),
    Finding(rule="untranslated", severity=Severity.ERROR, location=loc(MD, 3, 1, 6),
            message="Chinese left in English text: 无锡市政府", found="无锡市政府", context=MD_LINES[2]),
    Finding(rule="name-romanization", severity=Severity.ERROR, location=loc(MD, 3, 11, 18),
            message="'Xu Zhou' splits the pinyin of a glossary place", concept="xuzhou",
            expected="Xuzhou", found="Xu Zhou", context=MD_LINES[2]),
    Finding(rule="term-inconsistent", severity=Severity.WARNING, location=loc(MD, 5, 18, 11, end_line=6),
            message="'Wuxi City Government' differs from the form used most in this document",
            concept="wuxi-municipal-government", expected="Wuxi Municipal Government",
            found="Wuxi City\nGovernment", context=MD_LINES[4]),
    Finding(rule="repeated-word", severity=Severity.WARNING, location=loc(EN, 4, 1, 8),
            message="'the' written twice", found="The the"),
    Finding(rule="term-admitted", severity=Severity.INFO, location=loc(EN, 4, 32, 51),
            message="admitted form; the preferred form is 'Wuxi National High-tech Industrial Development Zone'",
            concept="wuxi-high-tech-zone", expected="Wuxi National High-tech Industrial Development Zone",
            found="Wuxi High-tech Zone", source=loc(ZH, 4, 13, 18), source_context=ZH_LINES[3]),
    Finding(rule="alignment", severity=Severity.INFO, location=loc(EN, 1, 1, 1),
            message="alignment fell back to document level"),
    Finding(rule="baseline-expired", severity=Severity.WARNING, location=loc(BASELINE, 4, 1, 1),
            message="baseline entry expired on 2025-01-31 (100% of its findings are reported again)"),
]


def context(**changes: object) -> ReportContext:
    """The run the golden files describe; ``changes`` override single fields."""
    fields: dict[str, object] = {
        "tool_version": "0.1.0",
        "signature": {"glossary": "sha256:3f2a9c", "rules": "default", "normalize": "nfkc+t2s"},
        "cwd": CWD,
        "color": False,
        "sources": {EN: EN_LINES, ZH: ZH_LINES},
        "notes": ["alignment fell back to document level for en/release.txt"],
        "files": [EN, MD, CLEAN],
    }
    fields.update(changes)
    return ReportContext(**fields)  # type: ignore[arg-type]


def check_golden(name: str, text: str) -> None:
    """Compare ``text`` with ``tests/data/report/<name>``, or rewrite it under SHUYU_UPDATE_GOLDEN=1."""
    path = DATA / name
    if os.environ.get("SHUYU_UPDATE_GOLDEN") == "1":
        with path.open("w", encoding="utf-8", newline="") as fh:
            fh.write(text)
    assert path.is_file(), f"{path} is missing: run with SHUYU_UPDATE_GOLDEN=1 to create it"
    with path.open(encoding="utf-8", newline="") as fh:
        expected = fh.read()
    assert text == expected, f"{name} differs from the golden file (SHUYU_UPDATE_GOLDEN=1 rewrites it)"
