"""The `shuyu` command line: one Typer app per command group, composed here.

The console script registers only the command it is asked to run (``shuyu lint …`` never imports
the PO, score or WMT modules and what they pull in), which is most of the start-up time of a CI
lint of one page. ``shuyu.cli.app`` (tests, ``--help``, the Python API) is the whole app.
"""

from __future__ import annotations

import gc
import importlib
import os
import sys
from collections.abc import Iterable

import typer

from shuyu import __version__
from shuyu.cli._streams import carry_chinese_everywhere

#: Command name → (module, attribute, kind): a Typer sub-app ("group") or a command function.
COMMANDS: dict[str, tuple[str, str, str]] = {
    "glossary": ("shuyu.cli.glossary", "app", "group"),
    "po": ("shuyu.cli.po", "app", "group"),
    "wmt": ("shuyu.cli.wmt", "app", "group"),
    "check": ("shuyu.cli.check", "check", "command"),
    "lint": ("shuyu.cli.lint", "lint", "command"),
    "rules": ("shuyu.cli.rules", "rules", "command"),
    "score": ("shuyu.cli.score", "score", "command"),
}


def _version(value: bool) -> None:
    if value:
        print(f"shuyu {__version__}")
        raise typer.Exit()


def root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version."),
) -> None:
    """shuyu (术语): Chinese–English terminology checks for official titles, organisations and places."""


def build_app(names: Iterable[str] | None = None) -> typer.Typer:
    """The app with the commands ``names`` (all of them by default), in the order of :data:`COMMANDS`."""
    wanted = set(COMMANDS if names is None else names)
    app = typer.Typer(
        name="shuyu",
        no_args_is_help=True,
        help="shuyu (术语): Chinese–English terminology checks for official titles, organisations and places.",
        # Plain tracebacks in CI logs; there should be none, every bad input has its own message.
        pretty_exceptions_enable=not os.environ.get("CI"),
        add_completion=False,
    )
    # The callback keeps the app a group even with one command, so "shuyu lint …" parses the same.
    app.callback()(root)
    for name, (module, attr, kind) in COMMANDS.items():
        if name not in wanted:
            continue
        target = getattr(importlib.import_module(module), attr)
        if kind == "group":
            app.add_typer(target, name=name)
        else:
            app.command(name=name)(target)
    return app


def command_named(argv: list[str]) -> str | None:
    """The command an argument list runs (its first word that is not an option), when it is one of ours.

    >>> command_named(["lint", "site/", "--format", "github"]), command_named(["--version"]), command_named(["x"])
    ('lint', None, None)
    """
    first = next((a for a in argv if not a.startswith("-")), None)
    return first if first in COMMANDS else None


def __getattr__(name: str) -> typer.Typer:
    # ``from shuyu.cli import app`` builds the whole app on first use (PEP 562), once.
    if name == "app":
        app = build_app()
        globals()["app"] = app
        return app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main() -> None:
    """Console-script entry point: registers only the command asked for (all of them for help or version)."""
    name = command_named(sys.argv[1:])
    carry_chinese_everywhere()
    try:
        build_app([name] if name else None)()
    finally:
        # The process ends here, and the interpreter's last step would be a full collection over
        # everything still alive (the glossary, its matcher, caches): 40-100 ms after a site lint,
        # to free next to nothing. Frozen objects are left out of it and the OS takes the memory
        # back; atexit handlers and the flush of stdout and stderr still run.
        gc.freeze()
