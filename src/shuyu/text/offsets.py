"""Offset maps: where each character of a derived text came from in the original.

Every transformation of text (markup removed, entities decoded, Traditional folded to
Simplified, whitespace runs collapsed) keeps an :class:`OffsetMap`, so that a match in the
derived text is reported at its exact place in the file. A map is stored as runs: each run says
"from derived position ``d`` on, characters come one for one from original position ``o``", which
keeps the common identity case at a single run however long the text.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field

#: The runs' start of every identity map, shared: a page has thousands, and no map is changed once built.
#: An identity map keeps its one run in tuples (a tuple is built in a tenth of an array's time);
#: maps of several runs keep arrays. Both are only indexed, searched and measured.
_ZERO = (0,)


@dataclass(slots=True)
class OffsetMap:
    """Derived position → original position, as sorted runs of one-for-one characters.

    >>> m = OffsetMap.identity(10)
    >>> m.to_original(4)
    4
    >>> b = OffsetMapBuilder()
    >>> b.copy(0, 3)      # "abc" kept
    >>> b.replace(3, 1)   # "&amp;" (original 3..8) became "&"
    >>> b.copy(8, 2)      # "de" kept
    >>> m = b.build()
    >>> [m.to_original(i) for i in range(6)], m.end_to_original(6)
    ([0, 1, 2, 3, 8, 9], 10)
    """

    derived: Sequence[int] = field(default_factory=lambda: array("q"))
    original: Sequence[int] = field(default_factory=lambda: array("q"))
    length: int = 0
    #: Original offset one past the last character, for mapping an end position.
    original_end: int = 0

    @classmethod
    def identity(cls, length: int, start: int = 0) -> OffsetMap:
        """A map for a text copied unchanged from ``start`` in the original."""
        return cls(_ZERO, (start,), length, start + length)

    def to_original(self, pos: int) -> int:
        """The original offset of the derived character at ``pos``."""
        if pos >= self.length:
            return self.original_end
        i = bisect.bisect_right(self.derived, pos) - 1
        if i < 0:
            return self.original[0] if self.original else 0
        return self.original[i] + (pos - self.derived[i])

    def end_to_original(self, end: int) -> int:
        """The original offset just past the derived span ending at ``end`` (exclusive)."""
        if end <= 0:
            return self.to_original(0)
        return self.to_original(end - 1) + 1

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """``(to_original(start), end_to_original(end))`` in one call, without a search for a map of
        one run (a paragraph copied from the source: nearly every map)."""
        derived = self.derived
        if len(derived) == 1 and derived[0] == 0 and start >= 0:
            base, length = self.original[0], self.length
            o_start = base + start if start < length else self.original_end
            if end <= 0:
                return o_start, (base if length > 0 else self.original_end)
            return o_start, (base + end if end <= length else self.original_end + 1)
        return self.to_original(start), self.end_to_original(end)

    def compose(self, inner: OffsetMap) -> OffsetMap:
        """A map for a text derived from this map's text by ``inner``.

        ``inner`` maps positions of a newer text to positions of this map's derived text;
        the result maps the newer text straight to this map's original.
        """
        builder = OffsetMapBuilder()
        for k in range(len(inner.derived)):
            d0 = inner.derived[k]
            d1 = inner.derived[k + 1] if k + 1 < len(inner.derived) else inner.length
            o0 = inner.original[k]
            pos = d0
            while pos < d1:
                # Split the inner run where it crosses a run boundary of self.
                mid = o0 + (pos - d0)
                j = bisect.bisect_right(self.derived, mid) - 1
                j = max(j, 0)
                run_end = self.derived[j + 1] if j + 1 < len(self.derived) else self.length
                take = min(d1 - pos, max(run_end - mid, 1))
                builder.run(pos, self.to_original(mid))
                pos += take
        return builder.build(length=inner.length, original_end=self.end_to_original(inner.original_end))


class OffsetMapBuilder:
    """Builds an :class:`OffsetMap` while a transformation writes its output."""

    def __init__(self) -> None:
        self._derived = array("q")
        self._original = array("q")
        self._pos = 0

    def run(self, derived_pos: int, original_pos: int) -> None:
        """Start a run: derived characters from ``derived_pos`` on come from ``original_pos`` on."""
        if self._derived and self._original[-1] + (derived_pos - self._derived[-1]) == original_pos:
            return  # continues the current run
        if self._derived and self._derived[-1] == derived_pos:
            self._original[-1] = original_pos
            return
        self._derived.append(derived_pos)
        self._original.append(original_pos)

    def copy(self, original_pos: int, count: int) -> None:
        """Append ``count`` characters copied one for one from ``original_pos``."""
        if count <= 0:
            return
        self.run(self._pos, original_pos)
        self._pos += count

    def replace(self, original_pos: int, count: int) -> None:
        """Append ``count`` derived characters that all stand for the one at ``original_pos``."""
        if count <= 0:
            return
        for i in range(count):
            self._derived.append(self._pos + i)
            self._original.append(original_pos)
        self._pos += count

    def build(self, *, length: int | None = None, original_start: int = 0,
              original_end: int | None = None) -> OffsetMap:
        """The finished map; ``original_start`` is added to every original offset."""
        n = self._pos if length is None else length
        orig = array("q", (o + original_start for o in self._original))
        if not self._derived:
            return OffsetMap.identity(n, original_start)
        end = original_end if original_end is not None else (orig[-1] + (n - self._derived[-1]))
        return OffsetMap(array("q", self._derived), orig, n, end)


@dataclass(slots=True)
class LineIndex:
    """Offset ↔ (line, column) for one text; both 1-based, columns in code points.

    >>> idx = LineIndex.of("ab\\ncd")
    >>> idx.position(3)
    (2, 1)
    >>> idx.line_text(2)
    'cd'
    """

    text: str
    starts: list[int]

    @classmethod
    def of(cls, text: str) -> LineIndex:
        """Index the line starts of ``text`` (``\\n``, ``\\r\\n`` and lone ``\\r`` all end a line)."""
        starts = [0]
        find = text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        if "\r" in text:
            starts = [0]
            i = 0
            n = len(text)
            while i < n:
                ch = text[i]
                if ch == "\r":
                    if i + 1 < n and text[i + 1] == "\n":
                        i += 1
                    starts.append(i + 1)
                elif ch == "\n":
                    starts.append(i + 1)
                i += 1
        return cls(text, starts)

    def position(self, offset: int) -> tuple[int, int]:
        """The (line, column) of ``offset``."""
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1

    def offset(self, line: int, column: int) -> int:
        """The offset of a 1-based (line, column)."""
        return self.starts[line - 1] + column - 1

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line break."""
        start = self.starts[line - 1]
        end = self.starts[line] if line < len(self.starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")
