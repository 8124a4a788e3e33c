"""Rendering findings with a reporter, writing them, and computing the exit status."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from shuyu import __version__
from shuyu.checks.base import CheckSettings
from shuyu.cli._errors import StdoutError
from shuyu.errors import InputError
from shuyu.exitcodes import ExitCode
from shuyu.fsutil import write_atomic
from shuyu.model import Finding
from shuyu.model import Severity
from shuyu.report import REPORTERS
from shuyu.report.base import ReportContext
from shuyu.report.base import exit_code
from shuyu.rules import RULES


def parse_fail_on(value: str | None, default: Severity | None = None) -> Severity:
    """The --fail-on level (an unknown value is a usage error)."""
    if value is None:
        return default or Severity.ERROR
    try:
        return Severity(value)
    except ValueError:
        raise InputError(f"--fail-on {value!r} is not a level", hint="use error, warning or info") from None


def select_rules(base: frozenset[str], select: Sequence[str] | None, ignore: Sequence[str] | None) -> frozenset[str]:
    """Rules after --select and --ignore, each a rule id or a prefix of ids."""
    def expand(items: Sequence[str]) -> set[str]:
        out: set[str] = set()
        for item in items:
            hits = {r for r in RULES if r == item or r.startswith(item)}
            if not hits:
                raise InputError(f"unknown rule {item!r}", hint="'shuyu rules' lists them")
            out |= hits
        return out

    chosen = set(base) if not select else expand(select)
    return frozenset(chosen - expand(ignore or []))


def settings_from(rules: frozenset[str], overrides: dict[str, object] | None = None) -> CheckSettings:
    """CheckSettings from enabled rules and config-style overrides (bool or Severity per rule)."""
    enabled = set(rules)
    severities: dict[str, Severity] = {}
    for rule, value in (overrides or {}).items():
        if value is False:
            enabled.discard(rule)
        elif isinstance(value, Severity):
            enabled.add(rule)
            severities[rule] = value
        elif value is True:
            enabled.add(rule)
    return CheckSettings(frozenset(enabled), severities)


def emit(findings: Sequence[Finding], *, fmt: str, output: Path | None, fail_on: Severity,
         files: list[str], signature: dict[str, str], notes: list[str] | None = None) -> int:
    """Render findings, write them to --output or stdout, and return the exit status."""
    if fmt not in REPORTERS:
        raise InputError(f"unknown format {fmt!r}", hint="use " + ", ".join(REPORTERS))
    color = (output is None and fmt == "text" and sys.stdout.isatty() and not os.environ.get("NO_COLOR"))
    ctx = ReportContext(tool_version=__version__, signature=signature, cwd=str(Path.cwd()), color=bool(color),
                        notes=list(notes or []), files=files)
    text = REPORTERS[fmt](findings, ctx)
    if output is None:
        write_stdout(text)
    else:
        write_atomic(output, text)
    return int(exit_code(findings, fail_on))


def write_stdout(text: str) -> None:
    """Write ``text`` to standard output and flush it.

    :raises StdoutError: when it cannot be written (``> /dev/full``, a pipe closed by ``head``):
        the command's error handler makes it one line and exit 2.
    """
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except OSError as exc:
        raise StdoutError(exc) from None


def done(code: int) -> None:
    """End the command with ``code`` (0 clean, 1 findings at the --fail-on level)."""
    import typer

    if code != int(ExitCode.OK):
        raise typer.Exit(code)
