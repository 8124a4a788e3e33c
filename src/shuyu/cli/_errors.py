"""Turning domain errors into one clear line on stderr and exit status 2."""

from __future__ import annotations

import errno
import functools
import inspect
import os
import sys
from collections.abc import Callable
from collections.abc import Iterable
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from typing import TypeVar

import typer

from shuyu.errors import GlossaryError
from shuyu.errors import InputError
from shuyu.errors import ShuyuError
from shuyu.exitcodes import ExitCode
from shuyu.fsutil import same_file
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


#: The parameters (by name, in every command) that name a file the command writes, with their option.
OUTPUT_OPTIONS: dict[str, str] = {
    "output": "--output", "write_baseline": "--write-baseline", "html_file": "--html", "suggest": "--suggest",
}
#: Parameters holding file names as strings (every Path parameter that is not an output is an input).
INPUT_STRINGS = frozenset({"paths", "stdin_filename"})
#: Inputs an output may replace: --write-baseline over the --baseline it renews (the run does not
#: read the old one when it writes a new one).
MAY_REPLACE: dict[str, frozenset[str]] = {"write_baseline": frozenset({"baseline"})}
#: Errors that only writing raises: from a command's own print(), they are standard output's.
_WRITE_ERRNOS = frozenset(n for n in (getattr(errno, name, None) for name in ("EPIPE", "ENOSPC", "EDQUOT", "EFBIG"))
                          if n is not None)


class StdoutError(Exception):
    """Standard output could not take the report (a full disk, a closed pipe): not bad input, but
    still one line and exit 2, never a traceback."""

    def __init__(self, error: OSError) -> None:
        super().__init__(error.strerror or str(error))
        self.error = error


def refuse_writing_inputs(outputs: Mapping[str, str | Path | None], inputs: Iterable[str | Path]) -> None:
    """An input error when an output (by option: ``{"--output": path}``) is one of ``inputs``.

    ``shuyu check a.zh.txt a.en.txt -o a.en.txt`` replaced the translation with the report; an
    output is refused before anything is read or written when it is the same file as an input (a
    link or another spelling of it too). A device or a pipe (``-o /dev/stdout``) is written
    through, never replaced, so it loses nothing and is let through.
    """
    for option, out in outputs.items():
        if out is None or not _regular_file(out):
            continue
        for item in inputs:
            if str(item) != "-" and same_file(out, item):
                alias = "" if Path(out).absolute() == Path(item).absolute() else f", named {item}"
                raise InputError(f"is an input of this run{alias}", path=str(out),
                                 hint=f"choose another {option} path")


def glossary_inputs(layers: Iterable[str | Path]) -> list[Path]:
    """The files glossary layers (files or directories) are read from, as inputs a run must not write over."""
    found: list[Path] = []
    for layer in layers:
        if Path(layer).is_dir():
            from shuyu.glossary.load import glossary_files  # only runs writing a file with a glossary directory

            found += glossary_files(Path(layer))
        else:
            found.append(Path(layer))
    return found


def _regular_file(path: str | Path) -> bool:
    try:
        return Path(path).is_file()
    except (OSError, ValueError):
        return False


def _refuse_outputs_over_inputs(params: Mapping[str, Any]) -> None:
    """:func:`refuse_writing_inputs` over a command's parameters: the outputs by :data:`OUTPUT_OPTIONS`,
    every other path a parameter names as an input (the files of a glossary directory too; the
    files a lint finds in a directory or a glob are checked by lint, once found)."""
    outputs = {name: value for name, value in params.items() if name in OUTPUT_OPTIONS and value is not None}
    if not outputs:
        return
    for name, out in outputs.items():
        inputs: list[str | Path] = []
        for key, value in params.items():
            if key in OUTPUT_OPTIONS or key in MAY_REPLACE.get(name, ()):
                continue
            values = value if isinstance(value, list | tuple) else [value]
            named = [v for v in values if isinstance(v, Path) or (key in INPUT_STRINGS and isinstance(v, str))]
            inputs += glossary_inputs(named) if key == "glossary" else named
        refuse_writing_inputs({OUTPUT_OPTIONS[name]: out}, inputs)


def flush_stdout() -> None:
    """Flush standard output, where a report still buffered would otherwise fail at exit, past any handler.

    :raises StdoutError: when it cannot be written.
    """
    stream = sys.stdout
    if stream is None:
        return
    try:
        stream.flush()
    except OSError as exc:
        raise StdoutError(exc) from None


def _stdout_failed(error: OSError) -> typer.Exit:
    """One line for a standard output that cannot be written (none for a pipe closed by its reader), and exit 2.

    Standard output is pointed at the null device first, as the Python documentation advises for
    a broken pipe: the interpreter flushes it once more at exit, and the report still buffered
    would fail again there ("Exception ignored ... BrokenPipeError", exit 120).
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, AttributeError, ValueError):
        pass  # not a file descriptor (a test's captured stream): nothing to flush at exit
    if error.errno != errno.EPIPE:
        full = error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))
        hint = "free some space, or send the output elsewhere" if full else "send the output elsewhere"
        print(f"shuyu: error: <stdout>: cannot write: {error.strerror or error} ({hint})", file=sys.stderr)
    return typer.Exit(int(ExitCode.USAGE))


def handles_errors(func: F) -> F:
    """Wrap a command so bad input ends in one line and exit 2, never a traceback.

    Before the command runs, an output that is one of its inputs is refused
    (:func:`refuse_writing_inputs`); after it, standard output is flushed so that a report that
    cannot be written (``> /dev/full``, ``| head``) is one line too, not a traceback at exit.
    """
    signature = inspect.signature(func)

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            try:
                params = signature.bind_partial(*args, **kwargs).arguments
            except TypeError:
                params = {}
            _refuse_outputs_over_inputs(params)
            try:
                result = func(*args, **kwargs)
            except (typer.Exit, SystemExit):
                flush_stdout()
                raise
            flush_stdout()
            return result
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
        except StdoutError as exc:
            raise _stdout_failed(exc.error) from None
        except OSError as exc:
            if exc.errno not in _WRITE_ERRNOS:
                raise
            raise _stdout_failed(exc) from None

    return wrapper  # type: ignore[return-value]
