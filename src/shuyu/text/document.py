"""The text model every reader produces and every check consumes: documents of segments.

A reader (``shuyu.formats``) turns a file into a :class:`Document`: the decoded original text,
and :class:`Segment` objects holding only prose (markup, scripts, code removed) each with an
:class:`~shuyu.text.offsets.OffsetMap` back into the original. Checks never see markup and never
lose a position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from dataclasses import field

from shuyu.model import Location
from shuyu.text.offsets import LineIndex
from shuyu.text.offsets import OffsetMap


@dataclass(slots=True)
class Segment:
    """A run of prose: its text and where each character came from.

    ``scope`` is what the prose is in the page: ``paragraph``, ``heading``, ``alt``, ``title``,
    ``text`` (plain text files) or ``cell``. ``block`` numbers the block-level element the segment
    belongs to, so that segments of one paragraph can be joined for sentence-level work.
    """

    text: str
    offsets: OffsetMap
    scope: str = "text"
    block: int = 0
    lang: str = ""


@dataclass(frozen=True, slots=True)
class Suppression:
    """Rules switched off for a range of lines by an inline comment (empty ``rules`` = all)."""

    first_line: int
    last_line: int
    rules: frozenset[str] = frozenset()

    def covers(self, rule: str, line: int) -> bool:
        """True when ``rule`` is off at ``line``."""
        return self.first_line <= line <= self.last_line and (not self.rules or rule in self.rules)


@dataclass(slots=True)
class Document:
    """A decoded file: its original text, its prose segments, and inline suppressions."""

    path: str
    text: str
    segments: list[Segment] = field(default_factory=list)
    kind: str = "text"
    encoding: str = "utf-8"
    suppressions: list[Suppression] = field(default_factory=list)
    _lines: LineIndex | None = None

    @property
    def lines(self) -> LineIndex:
        """The line index of the original text (built on first use)."""
        if self._lines is None:
            self._lines = LineIndex.of(self.text)
        return self._lines

    def location(self, segment: Segment, start: int, end: int) -> Location:
        """The file location of ``segment.text[start:end]``."""
        return self.span_location(*segment.offsets.span_to_original(start, end))

    def span_location(self, start: int, end: int) -> Location:
        """The file location of original offsets ``start``..``end``."""
        line, col = self.lines.position(start)
        end_line, end_col = self.lines.position(max(end, start))
        return Location(path=self.path, line=line, column=col, end_line=end_line, end_column=end_col)

    def suppressed(self, rule: str, line: int) -> bool:
        """True when an inline comment switches ``rule`` off at ``line``."""
        return any(s.covers(rule, line) for s in self.suppressions)


_PARAGRAPH = re.compile(r"\S(?:.|\n(?![ \t\r]*\n))*")


def plain_document(path: str, text: str, *, encoding: str = "utf-8") -> Document:
    """A document whose prose is the whole text, one segment per paragraph (blank-line separated).

    >>> [s.text for s in plain_document("a.txt", "One.\\nTwo.\\n\\n  Three.\\n").segments]
    ['One.\\nTwo.', 'Three.']
    """
    doc = Document(path=path, text=text, kind="text", encoding=encoding)
    for block, m in enumerate(_PARAGRAPH.finditer(text)):
        chunk = m.group().rstrip()
        doc.segments.append(Segment(chunk, OffsetMap.identity(len(chunk), m.start()), "text", block))
    return doc
