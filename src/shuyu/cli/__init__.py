"""The `shuyu` command line: one Typer app per command group, composed here."""

from __future__ import annotations

import os

import typer

from shuyu import __version__
from shuyu.cli import glossary
from shuyu.cli import po
from shuyu.cli import wmt
from shuyu.cli.check import check
from shuyu.cli.lint import lint
from shuyu.cli.rules import rules
from shuyu.cli.score import score

app = typer.Typer(
    name="shuyu",
    no_args_is_help=True,
    help="shuyu (术语): Chinese–English terminology checks for official titles, organisations and places.",
    # Plain tracebacks in CI logs; there should be none, every bad input has its own message.
    pretty_exceptions_enable=not os.environ.get("CI"),
    add_completion=False,
)
app.add_typer(glossary.app, name="glossary")
app.add_typer(po.app, name="po")
app.add_typer(wmt.app, name="wmt")
app.command()(check)
app.command()(lint)
app.command()(rules)
app.command()(score)


def _version(value: bool) -> None:
    if value:
        print(f"shuyu {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version."),
) -> None:
    """shuyu (术语): Chinese–English terminology checks for official titles, organisations and places."""


def main() -> None:
    """Console-script entry point."""
    app()
