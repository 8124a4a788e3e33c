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
