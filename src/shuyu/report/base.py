"""What every reporter shares: the run context, relative paths, sorting and the exit status."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field

from shuyu.exitcodes import ExitCode
from shuyu.model import Finding
from shuyu.model import Severity


@dataclass(slots=True)
class ReportContext:
    """The run a report describes: tool version, signature, where paths are relative to, colour."""

    tool_version: str
    signature: dict[str, str] = field(default_factory=dict)
    cwd: str = ""
    color: bool = False
    notes: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)


def relpath(path: str, ctx: ReportContext) -> str:
    """``path`` relative to the run's directory when it is below it, with forward slashes."""
    if ctx.cwd and os.path.isabs(path):
        rel = os.path.relpath(path, ctx.cwd)
        if not rel.startswith(".."):
            path = rel
    return path.replace(os.sep, "/")


def ordered(findings: Sequence[Finding]) -> list[Finding]:
    """Findings in report order: path, line, column, rule."""
    return sorted(findings, key=Finding.sort_key)


def counts(findings: Sequence[Finding]) -> dict[str, int]:
    """Findings per severity, every severity present."""
    c = Counter(f.severity.value for f in findings)
    return {s.value: c.get(s.value, 0) for s in Severity}


def exit_code(findings: Sequence[Finding], fail_on: Severity) -> ExitCode:
    """1 when any finding is at or above ``fail_on``, else 0.

    >>> exit_code([], Severity.ERROR)
    <ExitCode.OK: 0>
    """
    if any(f.severity.rank >= fail_on.rank for f in findings):
        return ExitCode.FINDINGS
    return ExitCode.OK
