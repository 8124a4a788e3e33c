"""What every reporter shares: the run context, relative paths, order, counts and the exit status.

A reporter is a pure function ``render(findings, ctx) -> str``: it reads no file and prints
nothing. Everything it needs beyond the findings (tool version, signature, the directory paths
are relative to, the lines of the files, run-level notes, the files checked) is in
:class:`ReportContext`; the CLI fills it in and writes the text where it belongs.
"""

from __future__ import annotations

import functools
import ntpath
import posixpath
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field

from shuyu.exitcodes import ExitCode
from shuyu.model import Finding
from shuyu.model import Location
from shuyu.model import Severity


@dataclass(slots=True, kw_only=True)
class ReportContext:
    """The run a report describes.

    :param tool_version: shuyu's version.
    :param signature: what makes the run reproducible (glossary digest, rules, normalisation).
    :param cwd: the directory paths are reported relative to (empty: paths as given).
    :param color: colour the text report (the CLI decides from ``isatty`` and ``NO_COLOR``).
    :param sources: path → lines of that file, so the text reporter can show a line the
        finding does not carry itself; ``None`` when the caller has none.
    :param notes: run-level notices, such as "alignment fell back to document level".
    :param files: every file checked, so reports can count clean files (JUnit passes them).
    """

    tool_version: str
    signature: dict[str, str] = field(default_factory=dict)
    cwd: str = ""
    color: bool = False
    sources: dict[str, list[str]] | None = None
    notes: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)


def _is_abs(path: str) -> bool:
    return posixpath.isabs(path) or (ntpath.isabs(path) and bool(ntpath.splitdrive(path)[0]))


def relpath(path: str, ctx: ReportContext) -> str:
    """``path`` relative to ``ctx.cwd`` when it lies below it, always with forward slashes.

    A relative path is taken as relative to ``cwd`` already; a path outside ``cwd`` stays absolute.

    >>> relpath("/srv/site/en/a.md", ReportContext(tool_version="0", cwd="/srv/site"))
    'en/a.md'
    >>> relpath("/elsewhere/a.md", ReportContext(tool_version="0", cwd="/srv/site"))
    '/elsewhere/a.md'
    >>> relpath("en\\\\a.md", ReportContext(tool_version="0"))
    'en/a.md'
    """
    return relpath_under(path, ctx.cwd)


# A report names each file once per finding (twice with a source): a site's 24,000 findings are
# on about 1,200 paths, so the answer is kept per (path, cwd) instead of worked out 49,000 times.
# Bounded, for a long-lived process that reports on many trees; findings come sorted by path,
# so even a site with more files than this reuses each answer while its findings last.
@functools.lru_cache(maxsize=4096)
def relpath_under(path: str, cwd: str) -> str:
    """:func:`relpath` given the directory alone (for answers kept per path and cwd)."""
    # Reports must not depend on the OS they are rendered on: normalise to "/" first.
    path = path.replace("\\", "/")
    cwd = cwd.replace("\\", "/").rstrip("/")
    if cwd and _is_abs(path):
        if path.startswith(cwd + "/"):
            return path[len(cwd) + 1:]
        return path
    return posixpath.normpath(path) if path else path


def ordered(findings: Sequence[Finding]) -> list[Finding]:
    """Findings in report order (:meth:`Finding.sort_key`: path, line, column, rule, message)."""
    return sorted(findings, key=Finding.sort_key)


def counts(findings: Sequence[Finding]) -> dict[str, int]:
    """Findings per severity, every severity present, most serious first.

    >>> counts([])
    {'error': 0, 'warning': 0, 'info': 0}
    """
    # Counted by member (Severity.value is a property: ~0.5 µs a finding on a 24,000-finding site),
    # then read by value: a str enum member and its value are equal and hash alike.
    tally = Counter([f.severity for f in findings])
    return {s.value: tally.get(s.value, 0) for s in Severity}


def file_count(findings: Sequence[Finding], ctx: ReportContext) -> int:
    """How many files the run covered: the files checked, plus any a finding names besides."""
    # Distinct paths as given first: relpath once per file, not once per finding.
    given = set(ctx.files)
    given.update(f.location.path for f in findings)
    return len({relpath(p, ctx) for p in given})


def line_of(loc: Location, ctx: ReportContext, fallback: str = "") -> str:
    """The text of the first line of ``loc``, without its line break.

    Taken from ``ctx.sources`` when it holds the file (keyed by the path as given or as
    reported), else ``fallback`` (the line the finding carries); empty when neither knows it.
    """
    if ctx.sources and loc.line >= 1:
        lines = ctx.sources.get(loc.path)
        if lines is None:
            lines = ctx.sources.get(relpath(loc.path, ctx))
        if lines is not None and loc.line <= len(lines):
            return lines[loc.line - 1].rstrip("\r\n")
    return fallback.rstrip("\r\n")


def exit_code(findings: Sequence[Finding], fail_on: Severity) -> ExitCode:
    """The exit status for ``findings``: FINDINGS when any is at or above ``fail_on``, else OK.

    :param findings: what the run found (after suppressions and the baseline).
    :param fail_on: the least serious level that fails the run (``--fail-on``).
    :returns: :attr:`ExitCode.OK` or :attr:`ExitCode.FINDINGS`.

    >>> exit_code([], Severity.ERROR)
    <ExitCode.OK: 0>
    """
    if any(f.severity.rank >= fail_on.rank for f in findings):
        return ExitCode.FINDINGS
    return ExitCode.OK
