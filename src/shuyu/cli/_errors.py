"""Turning domain errors into one clear line on stderr and exit status 2."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from typing import TypeVar

import typer

from shuyu.errors import GlossaryError
from shuyu.errors import InputError
from shuyu.errors import ShuyuError
from shuyu.exitcodes import ExitCode
from shuyu.text.script import sides_swapped

F = TypeVar("F", bound=Callable[..., Any])


def fail(message: str) -> typer.Exit:
    """Print ``shuyu: error: message`` to stderr and return the exit to raise (status 2)."""
    print(f"shuyu: error: {message}", file=sys.stderr)
    return typer.Exit(int(ExitCode.USAGE))


#: How many pairs at the head of a bilingual file tell whether its sides were given the other way round.
SWAP_SAMPLE = 50


def refuse_swapped(path: Path, head: Iterable[tuple[str, str]], hint: str = "give the Chinese first: zh then en columns",
                   ) -> None:
    """An input error when the first (Chinese, English) pairs of ``path`` have their sides the other way round:
    scored or checked anyway, every figure is 0 and every term a finding, and nothing says why."""
    if sides_swapped(head):
        raise InputError("the Chinese side holds no Chinese and the English side is Chinese: the sides look swapped",
                         path=str(path), hint=hint)


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
