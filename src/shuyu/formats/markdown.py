"""Markdown (CommonMark, via markdown-it-py) → prose segments with exact positions.

markdown-it gives the lines of every block but not the columns of inline text. Each inline
block's source (``token.content``: its lines with list markers, quote markers and indentation
taken off) is found again line by line in the file, and each text token is found again in that
source character by character, stepping over emphasis markers, link syntax, escapes and
entities. Code (fenced, indented, inline) is never prose, nor are link destinations, autolinks,
bare URLs or front matter keys; link text, image alt text, link and image titles (an HTML
``title``), table cells, the prose of HTML blocks and the ``alt`` and ``title`` values of inline
HTML tags are.

Pages made only of plain paragraphs, ATX headings and comment lines (plain prose, as a release
often is; not a README with links, lists or code) are read without markdown-it by
:mod:`shuyu.formats.markdown_fast`, to the same Document, several times faster.
"""

from __future__ import annotations

import bisect
import re
import string
from array import array
from functools import cache
from html import unescape
from html.entities import html5
from typing import TYPE_CHECKING

from shuyu.formats.html import add_decoded
from shuyu.formats.html import prose_attributes
from shuyu.formats.html import read_range
from shuyu.formats.markdown_fast import plain_segments
from shuyu.formats.prose import ProseBuffer
from shuyu.formats.suppress import Directive
from shuyu.formats.suppress import parse_directive
from shuyu.formats.suppress import suppressions_from
from shuyu.text.document import Document
from shuyu.text.document import Segment
from shuyu.text.offsets import LineIndex
from shuyu.text.offsets import OffsetMap

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token


@cache
def _markdown_it() -> MarkdownIt:
    """The CommonMark parser, made when a page first needs it: importing and configuring
    markdown-it is most of the start-up of a run over plain pages, which the fast path reads."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


_ENTITY = re.compile(r"&(?:#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{0,31};)")
_ESCAPABLE = frozenset(string.punctuation)
_FRONT_MATTER_FIELD = re.compile(r"(title|description|summary)[ \t]*:[ \t]*(?P<q>[\"']?)(?P<value>.*?)(?P=q)[ \t]*\r?$")
_SCOPES = {"heading_open": "heading", "paragraph_open": "paragraph", "th_open": "cell", "td_open": "cell"}


def parse_markdown(text: str, path: str, *, fast: bool = True) -> Document:
    """The prose of a Markdown document as segments with exact positions, and its suppressions.

    :param text: the document's decoded text.
    :param path: the file's name, for locations.
    :param fast: read pages of plain paragraphs, headings and comment lines without markdown-it
        (the same Document); False sends every page through markdown-it, for tests and benchmarks.
    :returns: a Document of kind ``markdown``.
    """
    doc = Document(path=path, text=text, kind="markdown")
    reader = _Reader(text, doc.lines)
    source, front_lines = _without_front_matter(text, doc.lines)
    if front_lines:
        reader.front_matter(front_lines)
    plain = None
    if fast:
        begin = doc.lines.starts[front_lines] if front_lines < len(doc.lines.starts) else len(text)
        plain = plain_segments(text, doc.lines, begin, reader.block)
    if plain is not None:
        reader.segments += plain.segments
        reader.block = plain.block
        reader.directives += plain.directives
    else:
        reader.read(_markdown_it().parse(source))
    doc.segments = reader.segments
    doc.suppressions = suppressions_from(reader.directives, doc.lines, path)
    return doc


def _without_front_matter(text: str, lines: LineIndex) -> tuple[str, int]:
    """The text with a leading YAML front matter block blanked out (line count kept), and its length in lines."""
    if lines.line_text(1).rstrip() != "---":
        return text, 0
    for n in range(2, len(lines.starts) + 1):
        if lines.line_text(n).rstrip() in ("---", "..."):
            end = lines.starts[n] if n < len(lines.starts) else len(text)
            return "\n" * n + text[end:], n
    return text, 0


def _entity_at(src: str, at: int) -> tuple[str, int]:
    """A CommonMark entity or numeric reference at ``src[at]``: its text and length (``("", 0)`` if none)."""
    m = _ENTITY.match(src, at)
    if not m:
        return "", 0
    ref = m.group()
    if ref[1] != "#" and ref[1:] not in html5:
        return "", 0
    return unescape(ref), len(ref)


class _Inline:
    """The source of one inline block: its text and where each of its lines is in the file."""

    def __init__(self, doc_text: str, lines: LineIndex, token: Token, lower: int, in_cell: bool) -> None:
        self.src = token.content
        first_line = token.map[0] + 1 if token.map else 1
        self.line_starts: list[int] = []  # offsets in src
        self.bases: list[int] = []  # file offsets of those line starts
        self.breaks: list[int] = []  # file offsets of each line's "\n"
        at = 0
        for k, part in enumerate(self.src.split("\n")):
            line_no = min(first_line + k, len(lines.starts))
            line_start = lines.starts[line_no - 1]
            line = lines.line_text(line_no).replace("\0", "\ufffd")  # as markdown-it reads NUL
            col_low = max(lower - line_start, 0)
            if in_cell:
                col = line.find(part, col_low)
                if col == -1 and "|" in part:
                    # The table took the backslash off each escaped "\|": read the cell as written.
                    escaped = part.replace("|", "\\|")
                    col = line.find(escaped, col_low)
                    if col != -1:
                        self.src = part = escaped
            else:
                stripped = line.rstrip()
                col = len(stripped) - len(part) if stripped.endswith(part) else line.rfind(part)
                if col < col_low:
                    col = line.find(part, col_low)
            base = line_start + max(col, 0)
            core = part.lstrip(" ")
            if col == -1 and core and not in_cell:
                # A tab of the indentation came out as spaces: place the text after them.
                found = line.find(core, col_low)
                if found != -1:
                    base = line_start + found - (len(part) - len(core))
            self.line_starts.append(at)
            self.bases.append(base)
            self.breaks.append(line_start + len(line) if line_no < len(lines.starts) else len(doc_text))
            at += len(part) + 1
            lower = base + len(part)
        self.end = lower

    def offset_map(self) -> OffsetMap:
        """The map from positions in ``src`` to file offsets (one run per line)."""
        end = self.file_offset(len(self.src) - 1) + 1 if self.src else (self.bases[0] if self.bases else 0)
        return OffsetMap(array("q", self.line_starts), array("q", self.bases), len(self.src), end)

    def file_offset(self, pos: int) -> int:
        """The file offset of ``src[pos]``."""
        k = bisect.bisect_right(self.line_starts, pos) - 1
        return self.bases[k] + (pos - self.line_starts[k])

    def break_offset(self, pos: int) -> int:
        """The file offset of the line break at ``src[pos]`` ("\\n", or the "\\r" of "\\r\\n")."""
        k = bisect.bisect_right(self.line_starts, pos) - 1
        return self.breaks[k]


class _Reader:
    def __init__(self, text: str, lines: LineIndex) -> None:
        self.text = text
        self.lines = lines
        self.segments: list[Segment] = []
        self.directives: list[Directive] = []
        self.block = 0
        self.lower = 0  # inline sources are found at or after this file offset, in document order

    def new_block(self) -> int:
        self.block += 1
        return self.block

    def front_matter(self, count: int) -> None:
        """Title, description and summary values of YAML front matter are prose (scope ``title``)."""
        for n in range(2, count):
            m = _FRONT_MATTER_FIELD.fullmatch(self.lines.line_text(n))
            if m and m.group("value").strip():
                at = self.lines.starts[n - 1] + m.start("value")
                value = m.group("value")
                self.segments.append(Segment(value, OffsetMap.identity(len(value), at), "title", self.new_block()))

    def read(self, tokens: list[Token]) -> None:
        scope = "paragraph"
        for tok in tokens:
            if tok.type in _SCOPES:
                scope = _SCOPES[tok.type]
            elif tok.type == "html_block" and tok.map:
                self.html_block(tok)
            elif tok.type == "inline" and tok.children is not None:
                self.inline(tok, scope)
                if tok.map:
                    self.lower = max(self.lower, self.lines.starts[tok.map[0]])

    def html_block(self, tok: Token) -> None:
        """The prose and the directives of an HTML block, read by the HTML reader."""
        start = self.lines.starts[tok.map[0]]
        end = self.lines.starts[tok.map[1]] if tok.map[1] < len(self.lines.starts) else len(self.text)
        segments, blocks, directives = read_range(self.text, start, end, self.block, self.lines)
        self.segments += segments
        self.block += blocks
        self.directives += directives

    def inline(self, tok: Token, scope: str) -> None:
        inline = _Inline(self.text, self.lines, tok, self.lower, scope == "cell")
        walk = _Walk(self, inline, scope, self.new_block())
        walk.children(tok.children or [])
        walk.flush()
        if scope == "cell":
            self.lower = inline.end


class _Walk:
    """Walks the inline tokens of one block, locating each character in the block's source."""

    def __init__(self, reader: _Reader, inline: _Inline, scope: str, block: int) -> None:
        self.reader = reader
        self.inline = inline
        self.src = inline.src
        self.pos = 0
        self.scope = scope
        self.block = block
        self.buffer = ProseBuffer()
        self.pending: list[Segment] = []
        self.autolink = False

    def flush(self) -> None:
        segment = self.buffer.take(scope=self.scope, block=self.block)
        if segment is not None:
            self.reader.segments.append(segment)
        self.reader.segments.extend(self.pending)
        self.pending = []

    def children(self, tokens: list[Token]) -> None:
        for child in tokens:
            kind = child.type
            if kind == "text":
                if self.autolink:
                    continue  # the URL itself
                self.locate(child.content, self.buffer)
            elif kind in ("softbreak", "hardbreak"):
                at = self.src.find("\n", self.pos)
                if at != -1:
                    self.buffer.copy("\n", self.inline.break_offset(at))
                    self.pos = at + 1
            elif kind == "code_inline":
                self.flush()  # code is not prose; the text on either side is not one phrase
                self.skip_code(child.markup or "`")
            elif kind == "html_inline":
                self.html_inline(child.content)
            elif kind == "link_open":
                self.autolink = child.markup == "autolink"
            elif kind == "link_close":
                if self.autolink:
                    close = self.src.find(">", self.pos)
                    self.pos = close + 1 if close != -1 else self.pos
                    self.autolink = False
                else:
                    self.link_tail()
            elif kind == "image":
                self.image(child)

    def locate(self, content: str, buffer: ProseBuffer) -> None:
        """Append ``content`` to ``buffer``, each character mapped to where it is in the source."""
        src, n = self.src, len(self.src)
        # The common case: the text stands verbatim at the current position, on one line, with no
        # backslash or "&" that the walk below would read as an escape or an entity. One copy then
        # maps it all; the character walk costs a Python step (and a bisect) per character.
        if (content and src.startswith(content, self.pos) and "\\" not in content and "&" not in content
                and "\n" not in content):
            buffer.copy(content, self.inline.file_offset(self.pos))
            self.pos += len(content)
            return
        j = 0
        while j < len(content):
            ch = content[j]
            i = self.pos
            while i < n:
                c = src[i]
                if c == "\\" and i + 1 < n and src[i + 1] in _ESCAPABLE:
                    if src[i + 1] == ch:
                        buffer.copy(ch, self.inline.file_offset(i + 1))
                        self.pos = i + 2
                        j += 1
                        break
                    i += 2
                    continue
                if c == "&":
                    value, length = _entity_at(src, i)
                    if length and content.startswith(value, j):
                        buffer.mapped(value, self.inline.file_offset(i))
                        self.pos = i + length
                        j += len(value)
                        break
                if c == ch:
                    buffer.copy(ch, self.inline.file_offset(i))
                    self.pos = i + 1
                    j += 1
                    break
                i += 1
            else:
                # Not in the source (markdown-it replaced it, as NUL → U+FFFD): keep it where we are.
                buffer.mapped(ch, self.inline.file_offset(min(self.pos, max(n - 1, 0))))
                j += 1

    def skip_code(self, fence: str) -> None:
        opening = _backtick_run(self.src, self.pos, len(fence))
        if opening == -1:
            return
        closing = _backtick_run(self.src, opening + len(fence), len(fence))
        self.pos = closing + len(fence) if closing != -1 else opening + len(fence)

    def html_inline(self, content: str) -> None:
        at = self.src.find(content, self.pos)
        if at == -1:
            return
        if content.startswith("<!--") and content.endswith("-->"):
            directive = parse_directive(content[4:-3])
            if directive is not None:
                line = self.reader.lines.position(self.inline.file_offset(at + len(content) - 1))[0]
                self.reader.directives.append((line, *directive))
        elif content[1:2].isalpha():  # a start tag: its alt and title values are prose, as in HTML
            for scope, value, value_at in prose_attributes(content):
                self.attribute(scope, value, at + value_at)
        self.pos = at + len(content)

    def link_tail(self) -> None:
        """Move past the ``](destination "title")`` that closes a link or image; its title is prose, as an
        HTML ``title`` attribute is (scope ``title-attr``)."""
        start = self.pos
        self.pos = _skip_link_tail(self.src, start)
        title = _LINK_TITLE.search(self.src, start, self.pos)
        if title is not None:
            group = next(g for g in (1, 2, 3) if title.group(g) is not None)
            self.attribute("title-attr", title.group(group), title.start(group))

    def attribute(self, scope: str, value: str, at: int) -> None:
        """The segment of an attribute value at ``src[at]``, placed as image alt text is."""
        buffer = ProseBuffer()
        add_decoded(buffer, value, at)  # mapped into the block's source first
        segment = buffer.take(scope=scope, block=self.reader.new_block())
        if segment is None:
            return
        # A value may run over lines whose indentation markdown-it took off: map through them.
        segment.offsets = self.inline.offset_map().compose(segment.offsets)
        if self.buffer:
            self.pending.append(segment)
        else:
            self.reader.segments.append(segment)

    def image(self, tok: Token) -> None:
        """Image alt text is prose of its own (scope ``alt``)."""
        alt = ProseBuffer()
        saved, self.buffer = self.buffer, alt
        self.children(tok.children or [])
        self.buffer = saved
        segment = alt.take(scope="alt", block=self.reader.new_block())
        if segment is not None:
            if self.buffer:
                self.pending.append(segment)
            else:
                self.reader.segments.append(segment)
        self.link_tail()  # the title after the alt text, as an HTML img's


def _backtick_run(src: str, start: int, length: int) -> int:
    """Where the next run of exactly ``length`` backticks at or after ``start`` begins (-1: none)."""
    i = src.find("`" * length, start)
    while i != -1:
        end = i
        while end < len(src) and src[end] == "`":
            end += 1
        if end - i == length and (i == start or src[i - 1] != "`"):  # an escaped "\`" may come just before
            return i
        i = src.find("`" * length, end)
    return -1


#: The title of an inline link's tail, ``](destination "title")`` (quoted with "", '' or ()), ending the tail;
#: a title with a backslash escape is left alone (its characters would need mapping one by one).
_LINK_TITLE = re.compile(r"\]\([ \t]*(?:<[^<>\n]*>|[^\s()<>]+)[ \t\n]+"
                         r"(?:\"([^\"\\]*)\"|'([^'\\]*)'|\(([^()\\]*)\))[ \t]*\)\Z")


def _skip_link_tail(src: str, pos: int) -> int:
    """The position after the ``](destination "title")``, ``][ref]`` or ``]`` that closes a link."""
    close = src.find("]", pos)
    while close > pos and src[close - 1] == "\\":  # a backslash before pos was an escape already read
        close = src.find("]", close + 1)
    if close == -1:
        return pos
    i = close + 1
    if i < len(src) and src[i] == "[":
        end = src.find("]", i)
        return end + 1 if end != -1 else i
    if i >= len(src) or src[i] != "(":
        return i
    depth, quote, angle = 0, "", False
    while i < len(src):
        c = src[i]
        if c == "\\":
            i += 2
            continue
        if quote:
            if c == quote:
                quote = ""
        elif angle:
            angle = c != ">"
        elif c == "<" and src[i - 1] == "(":
            angle = True
        elif c in "\"'" and src[i - 1] in " \t\n":
            quote = c
        elif c == "(" and not (depth == 0 and i == close + 1):
            depth += 1
        elif c == "(":
            depth = 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return close + 1
