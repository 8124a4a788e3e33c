"""Regular expressions compiled on first use, not when their module is imported.

Compiling a character class over large Unicode ranges (CJK, "anything above U+0800") takes
milliseconds each; a module-level ``re.compile`` makes every start-up pay for patterns the run
may never use (the GB18030 heuristics of a UTF-8 page, the glossary validator on a cached load).
A :func:`lazy` pattern is a drop-in module constant: ``_HAN.search(text)`` reads the same, the
first attribute access compiles, and the compiled pattern's bound methods are then stored on the
object itself, so later calls cost what they cost with a plain compiled pattern.
"""

from __future__ import annotations

import re
from typing import Any
from typing import cast


class LazyPattern:
    """Stands in for ``re.compile(pattern, flags)`` and compiles it when first used."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._source = pattern
        self._flags = flags

    def __getattr__(self, name: str) -> Any:
        # Called only for names not yet in the instance dict: the first .search/.sub/… of each.
        if name.startswith("__"):
            raise AttributeError(name)  # copy/pickle probes must not compile or delegate
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            compiled = self.__dict__["_compiled"] = re.compile(self._source, self._flags)
        value = getattr(compiled, name)
        self.__dict__[name] = value
        return value

    def __repr__(self) -> str:
        return f"lazy({self._source!r}, {self._flags!r})"


def lazy(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A pattern compiled on first use; use it exactly like ``re.compile(pattern, flags)``.

    >>> word = lazy(r"\\w+")
    >>> word.findall("Wuxi and Xuzhou"), word.pattern
    (['Wuxi', 'and', 'Xuzhou'], '\\\\w+')
    """
    return cast("re.Pattern[str]", LazyPattern(pattern, flags))
