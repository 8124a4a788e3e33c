"""GitHub Actions workflow annotations (``::error file=…,line=…::message``), one per finding.

Escaping follows actions/toolkit ``packages/core/src/command.ts`` exactly: the message escapes
``%``, CR and LF; property values escape those and ``:`` and ``,`` too. Properties with an empty
value are left out, as the toolkit leaves them out.
"""

from __future__ import annotations

from collections.abc import Sequence

from shuyu.model import Finding
from shuyu.report.base import ReportContext
from shuyu.report.base import ordered
from shuyu.report.base import relpath

#: The workflow command for each severity (GitHub has no "info": its lowest level is "notice").
COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message: ``%`` first (so escapes are not escaped twice), then CR and LF.

    >>> escape_data("50%\\nmore")
    '50%25%0Amore'
    """
    if "%" not in text and "\r" not in text and "\n" not in text:
        return text  # the common case, checked first: a site's report escapes 170,000 values
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value: as data, plus ``:`` and ``,`` (they delimit properties).

    >>> escape_property("a,b:c")
    'a%2Cb%3Ac'
    """
    if ":" not in text and "," not in text:
        return escape_data(text)
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, properties: Sequence[tuple[str, str]], message: str) -> str:
    """One workflow command line (without its line break).

    >>> command("notice", [("file", "a.md"), ("line", "")], "hi")
    '::notice file=a.md::hi'
    """
    props = ",".join([f"{key}={escape_property(value)}" for key, value in properties if value])
    return f"::{name}{' ' + props if props else ''}::{escape_data(message)}"


def annotation(f: Finding, ctx: ReportContext) -> str:
    """The annotation for one finding; the expected form is added when the message lacks it."""
    loc = f.location
    props = [("file", relpath(loc.path, ctx)), ("line", str(loc.line) if loc.line >= 1 else "")]
    # GitHub ignores columns on an annotation spanning several lines (the toolkit's
    # AnnotationProperties: a column "cannot be sent when startLine and endLine are different").
    same_line = loc.end_line == loc.line and loc.line >= 1
    props.append(("col", str(loc.column) if same_line and loc.column >= 1 else ""))
    props.append(("endLine", str(loc.end_line) if loc.end_line >= 1 else ""))
    props.append(("endColumn", str(loc.end_column) if same_line and loc.end_column >= 1 else ""))
    props.append(("title", f.rule))
    message = f.message
    if f.expected and f.expected not in message:
        message += f" (expected: {f.expected})"
    return command(COMMANDS[f.severity.value], props, message)


def render(findings: Sequence[Finding], ctx: ReportContext) -> str:
    """One annotation line per finding, then a ``::notice::`` per run-level note.

    :param findings: the findings, in any order (they are sorted here).
    :param ctx: the run.
    :returns: the annotation lines, each ending with a newline.
    """
    lines = [annotation(f, ctx) for f in ordered(findings)]
    lines += [command("notice", [("title", "shuyu")], note) for note in ctx.notes]
    return "".join(line + "\n" for line in lines)
