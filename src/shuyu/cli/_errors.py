"""Turning domain errors into one clear line on stderr and exit status 2."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any
from typing import TypeVar

import typer

from shuyu.errors import GlossaryError
from shuyu.errors import ShuyuError
from shuyu.exitcodes import ExitCode

F = TypeVar("F", bound=Callable[..., Any])


def fail(message: str) -> typer.Exit:
    """Print ``shuyu: error: message`` to stderr and return the exit to raise (status 2)."""
    print(f"shuyu: error: {message}", file=sys.stderr)
    return typer.Exit(int(ExitCode.USAGE))


def handles_errors(func: F) -> F:
    """Wrap a command so bad input ends in one line and exit 2, never a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except GlossaryError as exc:
            first = exc.problems[0] if exc.problems else None
            more = len(exc.problems) - 1
            text = f"invalid glossary: {first}" if first else "invalid glossary"
            if more:
                text += f" (and {more} more: run 'shuyu glossary validate')"
            raise fail(text) from None
        except ShuyuError as exc:
            raise fail(str(exc)) from None
        except KeyboardInterrupt:
            print("shuyu: interrupted", file=sys.stderr)
            raise typer.Exit(130) from None
        except BrokenPipeError:
            raise typer.Exit(int(ExitCode.USAGE)) from None

    return wrapper  # type: ignore[return-value]
