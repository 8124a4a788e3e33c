"""The Markdown reader's fast path: pages of plain paragraphs and ATX headings, read without markdown-it.

Most Markdown pages that shuyu lints are prose: headings and paragraphs of text with no inline
markup. For those, markdown-it's block and inline parsers (and the reader's walk over their
tokens) cost several times what the reading needs. :func:`plain_segments` recognises such a page
with a few scans of the whole text at memory speed, then builds, line by line, the segments the
token walk would build. On anything outside that subset it returns None and the page goes through
markdown-it whole: a page is never split in parts, since lists, fences, lazy continuation lines and
reference definitions reach across blocks.

The subset is chosen so that markdown-it reads it one way only. It has no character that starts
inline markup (code, emphasis, strikethrough, inline links and images, autolinks, inline HTML,
tables, entities, escapes of punctuation or of a line break); no line that could start or end
another block (list items, quotes, setext underlines, thematic breaks, fences, indented code, HTML
blocks other than one-line comments, reference definitions, so no reference links either, closing
"#" sequences); none of the whitespace markdown-it trims but does not count as blank (tabs,
no-break and other Unicode spaces); no NUL and no lone CR. ``tests/formats/test_markdown_fast.py``
compares both readings on generated pages.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from shuyu.formats.html import read_range
from shuyu.formats.prose import ProseBuffer
from shuyu.formats.prose import cut_segment
from shuyu.formats.prose import plain_segment
from shuyu.formats.suppress import Directive
from shuyu.text.document import Segment
from shuyu.text.offsets import LineIndex

#: Characters that start inline markup or a table ("<" is looked for apart), NUL (markdown-it
#: reads it as U+FFFD) and the ASCII whitespace markdown-it trims but does not count blank. Looked
#: for one by one with ``str.find``, which runs at memory speed where a pattern with a character
#: class takes a step per character.
_MARKUP = ("`", "*", "_", "|", "~", "\x00", "\t", "\x0b", "\x0c")
#: The brackets of an inline link and of a reference definition: a page with neither has no link
#: ("[Editor: Li Ming]" is text). Looked for only where there is a "]", as finding a pair of
#: characters costs some 20 times as much as finding one.
_LINK_MARKS = ("](", "]:")
#: Whitespace that markdown-it trims off a paragraph or heading but that does not make a line blank
#: (the ASCII ones, tab, VT and FF, are in ``_MARKUP``: these are only looked for in non-ASCII text).
_SPACE_CHARS = ("\xa0", "\u1680", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000",
                *map(chr, range(0x2000, 0x200B)))
#: A complete-looking entity or numeric reference ("AT&T" and "R&D" stay text).
_ENTITY = re.compile(r"&(?:#|[A-Za-z][A-Za-z0-9]*;)")
#: A backslash escaping punctuation, ending a line (a hard break, or escaping the space the line
#: break would trim) or ending the page. Before anything else it stays in the text as written.
_ESCAPE = re.compile(r"\\(?:[!-/:-@\[-`{-~]| *(?:[\r\n]|\Z))")
#: The start of a line that could open or close another block: indented code (4+ spaces), a list
#: item, quote, setext underline or thematic break. Lines starting with "#" are read as headings.
_BLOCK_START = r"(?: {4,}[^ \r\n]| *(?:[-+=>]|\d+[.)]))"  # not \S: "\x85" is not blank to markdown-it
_FIRST_BLOCK_START = re.compile(_BLOCK_START)
_NEXT_BLOCK_START = re.compile("\n" + _BLOCK_START)
#: An HTML comment opening a line (a shuyu directive, mostly): with "-->" on the same line,
#: markdown-it makes the line an HTML block of its own, read by the HTML reader as it is there.
_COMMENT_START = re.compile(r" {0,3}<!--")


class Plain(NamedTuple):
    """What the fast path read: segments, the last block number used, suppression directives."""

    segments: list[Segment]
    block: int
    directives: list[Directive]


def plain_segments(text: str, lines: LineIndex, begin: int, block: int) -> Plain | None:
    """The segments of ``text[begin:]`` if it is only paragraphs, ATX headings and comment lines.

    :param text: the whole page.
    :param lines: its line index.
    :param begin: where the Markdown starts (after any front matter); at a line start.
    :param block: the last block number used so far.
    :returns: the segments (scope ``heading`` or ``paragraph``, one block each, numbered as the
        token walk numbers them), the last block number used and the directives of the comments;
        None when the page needs markdown-it.
    """
    if not _plain_text(text, begin):
        return None
    reader = _PlainReader(text, lines, block)
    at = begin
    # Split at "\n" only: with no lone CR, a CR can only end a line, and then stripping it with the
    # spaces is what markdown-it's "\r\n" → "\n" does.
    for line in text[begin:].split("\n"):
        start = at
        at += len(line) + 1
        content = line.strip(" \r")
        if not content:
            reader.close()
        elif content[0] == "#" and _heading_marks(content):
            if content.endswith("#") and _heading_marks(content) < len(content):
                return None  # maybe a closing sequence: left to markdown-it
            reader.heading(line, content, start)
        elif content[0] == "<":  # a comment line (_plain_text let no other "<" through)
            reader.comment(start, min(at, len(text)))
        else:
            reader.paragraph_line(line, content, start)
    reader.close()
    return Plain(reader.segments, reader.block, reader.directives)


def _heading_marks(content: str) -> int:
    """How many "#" open an ATX heading on a line that is ``content`` (spaces around it taken off); 0: none."""
    hashes = len(content) - len(content.lstrip("#"))
    return hashes if hashes <= 6 and (hashes == len(content) or content[hashes] == " ") else 0


class _PlainReader:
    """The segments of a plain page, built line by line in the token walk's order and numbering."""

    def __init__(self, text: str, lines: LineIndex, block: int) -> None:
        self.text = text
        self.lines = lines
        self.block = block
        self.segments: list[Segment] = []
        self.directives: list[Directive] = []
        #: (text, file offset, offset of its line break) of each line of the open paragraph
        self.para: list[tuple[str, int, int]] = []

    def close(self) -> None:
        """End the open paragraph, if any."""
        if self.para:
            _paragraph(self.para, self.block, self.segments)
            self.para = []

    def paragraph_line(self, line: str, content: str, start: int) -> None:
        if not self.para:
            self.block += 1
        end = start + len(line)
        self.para.append((content, start + line.find(content[0]), end - 1 if line[-1] == "\r" else end))

    def heading(self, line: str, content: str, start: int) -> None:
        self.close()
        self.block += 1
        body = content[_heading_marks(content):].lstrip(" ")
        if body:
            _single(body, start + line.rfind(body), "heading", self.block, self.segments)

    def comment(self, start: int, end: int) -> None:
        """An HTML block of one comment line, read as :meth:`_Reader.html_block` reads it."""
        self.close()
        segments, blocks, directives = read_range(self.text, start, end, self.block, self.lines)
        self.segments += segments
        self.block += blocks
        self.directives += directives


def _plain_text(text: str, begin: int) -> bool:
    """True when ``text[begin:]`` holds nothing outside the fast path's subset (headings aside)."""
    find = text.find
    if any(find(c, begin) != -1 for c in _MARKUP):
        return False
    if find("]", begin) != -1 and any(find(c, begin) != -1 for c in _LINK_MARKS):
        return False
    if not text.isascii() and any(find(c, begin) != -1 for c in _SPACE_CHARS):
        return False
    if find("<", begin) != -1 and not _comment_lines_only(text, begin):
        return False
    if find("&", begin) != -1 and _ENTITY.search(text, begin):
        return False
    if find("\\", begin) != -1 and _ESCAPE.search(text, begin):
        return False
    if find("\r", begin) != -1 and text.count("\r", begin) != text.count("\r\n", begin):
        return False  # a lone CR: markdown-it reads it as a line break, the line pattern does not
    return not (_FIRST_BLOCK_START.match(text, begin) or _NEXT_BLOCK_START.search(text, begin))


def _comment_lines_only(text: str, begin: int) -> bool:
    """True when every "<" of ``text[begin:]`` is on a line that is an HTML comment block of one line."""
    find = text.find
    at = find("<", begin)
    while at != -1:
        line_start = text.rfind("\n", 0, at) + 1
        line_end = find("\n", at)
        if line_end == -1:
            line_end = len(text)
        # markdown-it looks for "-->" in the whole line, "<!--" included ("<!-->" is a closed comment).
        if not _COMMENT_START.match(text, line_start, line_end) or find("-->", line_start, line_end) == -1:
            return False
        at = find("<", line_end)
    return True


def _paragraph(lines: list[tuple[str, int, int]], block: int, segments: list[Segment]) -> None:
    """The segment of a paragraph: its lines without the spaces around them, joined by their breaks."""
    if len(lines) == 1:
        _single(lines[0][0], lines[0][1], "paragraph", block, segments)
        return
    buffer = ProseBuffer()
    brk = -1
    for content, origin, line_break in lines:
        if brk != -1:
            buffer.copy("\n", brk)  # markdown-it's soft (or, after 2+ spaces, hard) break
        buffer.copy(content, origin)
        brk = line_break
    _take(buffer, "paragraph", block, segments)


def _single(content: str, origin: int, scope: str, block: int, segments: list[Segment]) -> None:
    """The segment of one line of text, as :meth:`ProseBuffer.take` makes it."""
    segment = plain_segment(content, origin, scope, block, "") or cut_segment(content, origin, scope, block, "")
    if segment is not None:  # (None: nothing but spaces, or only a URL)
        segments.append(segment)


def _take(buffer: ProseBuffer, scope: str, block: int, segments: list[Segment]) -> None:
    segment = buffer.take(scope=scope, block=block)
    if segment is not None:
        segments.append(segment)
