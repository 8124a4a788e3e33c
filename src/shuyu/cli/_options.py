"""Options shared by several commands, declared once."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

GlossaryOpt = Annotated[
    list[Path] | None,
    typer.Option("--glossary", "-g", help="A glossary directory or CSV file layered over the bundled one "
                 "(repeatable; a concept with the same id overrides the bundled one)."),
]
NoBundledOpt = Annotated[
    bool, typer.Option("--no-bundled", help="Do not start from the bundled glossary."),
]
OutputOpt = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write to this file (atomically) instead of stdout."),
]
FormatOpt = Annotated[
    str, typer.Option("--format", "-f", help="Report format: text, json, sarif, github or junit."),
]
FailOnOpt = Annotated[
    str | None, typer.Option("--fail-on", help="Exit 1 when a finding is at or above this level: error, warning "
                             "or info (default: error, or the config's fail-on)."),
]
SelectOpt = Annotated[
    list[str] | None, typer.Option("--select", help="Run only these rules (repeatable; a prefix such as term- "
                                   "selects every rule starting with it)."),
]
IgnoreOpt = Annotated[
    list[str] | None, typer.Option("--ignore", help="Do not run these rules (repeatable; prefixes allowed)."),
]
