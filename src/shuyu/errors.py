"""Domain errors: bad input the tool cannot work with (findings are for bad text, not these)."""

from __future__ import annotations

from dataclasses import dataclass


class ShuyuError(Exception):
    """Base of every error shuyu raises on bad input; the CLI turns it into one line, exit 2."""

    def __init__(self, message: str, *, path: str = "", line: int = 0, column: int = 0,
                 hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        self.hint = hint

    def __str__(self) -> str:
        where = self.path
        if where and self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        text = f"{where}: {self.message}" if where else self.message
        if self.hint:
            text += f" ({self.hint})"
        return text


class InputError(ShuyuError):
    """A file that cannot be read, decoded or parsed."""


class ConfigError(ShuyuError):
    """A configuration file with an unknown key or a bad value."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in a glossary, with the file and line it is on."""

    path: str
    line: int
    message: str
    code: str = "glossary"

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}" if self.line else f"{self.path}: {self.message}"


class GlossaryError(ShuyuError):
    """A glossary that does not validate; carries every problem, not only the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        first = problems[0] if problems else Problem("", 0, "invalid glossary")
        more = f" (and {len(problems) - 1} more problem(s): run 'shuyu glossary validate')" if len(problems) > 1 else ""
        super().__init__(first.message + more, path=first.path, line=first.line)
