"""Markdown (CommonMark, via markdown-it-py) → prose segments with exact positions.

markdown-it gives the lines of every block but not the columns of inline text, so each text
token is found again in its block's source, character by character, stepping over emphasis
markers, link syntax, escapes and entities. Code (fenced, indented, inline) and HTML are never
prose; link text and image alt text are; link destinations are not.
"""

from __future__ import annotations

import html
import re

from markdown_it import MarkdownIt

from shuyu.formats.suppress import parse_directive
from shuyu.formats.suppress import suppressions_from
from shuyu.formats.urls import blank_urls
from shuyu.text.document import Document
from shuyu.text.document import Segment
from shuyu.text.offsets import OffsetMapBuilder

_MD = MarkdownIt("commonmark")
_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)
_ENTITY = re.compile(r"&(#[0-9]+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)")


class _Cursor:
    """Walks a block's source, mapping each character of a decoded text back to it."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.pos = start
        self.end = end

    def locate(self, content: str, builder: OffsetMapBuilder, parts: list[str]) -> None:
        text = self.text
        for ch in content:
            found = None
            pos = self.pos
            while pos < self.end:
                c = text[pos]
                if c == ch:
                    found = (pos, 1)
                    break
                if c == "\\" and pos + 1 < self.end and text[pos + 1] == ch:
                    found = (pos + 1, 1)
                    break
                if c == "&":
                    m = _ENTITY.match(text, pos)
                    if m and html.unescape(m.group()) == ch:
                        found = (pos, len(m.group()))
                        break
                if ch in " \n" and c in " \t\r\n":
                    found = (pos, 1)
                    break
                pos += 1
            if found is None:
                # Not in the source (a normalised character): map it to where we are.
                builder.replace(min(self.pos, self.end - 1), 1)
            else:
                builder.replace(found[0], 1) if found[1] > 1 else builder.copy(found[0], 1)
                self.pos = found[0] + found[1]
            parts.append(ch)

    def skip(self, content: str) -> None:
        at = self.text.find(content, self.pos, self.end)
        if at != -1:
            self.pos = at + len(content)


def parse_markdown(text: str, path: str) -> Document:
    """The prose of a Markdown document as segments with exact positions, and its suppressions."""
    doc = Document(path=path, text=text, kind="markdown")
    lines = doc.lines
    directives: list[tuple[int, str, frozenset[str]]] = []
    tokens = _MD.parse(text)
    scope = "paragraph"
    block = 0
    for tok in tokens:
        if tok.type == "heading_open":
            scope = "heading"
        elif tok.type == "paragraph_open":
            scope = "paragraph" if scope != "heading" else scope
        elif tok.type in ("heading_close", "paragraph_close"):
            scope = "paragraph"
        if tok.type == "html_block" and tok.map:
            base = lines.starts[tok.map[0]]
            for m in _COMMENT.finditer(text, base, _block_end(text, lines, tok.map)):
                d = parse_directive(m.group(1))
                if d is not None:
                    directives.append((lines.position(m.start())[0], *d))
            continue
        if tok.type != "inline" or not tok.map or not tok.children:
            continue
        block += 1
        start = lines.starts[tok.map[0]]
        cursor = _Cursor(text, start, _block_end(text, lines, tok.map))
        builder = OffsetMapBuilder()
        parts: list[str] = []
        for child in tok.children:
            if child.type == "text":
                cursor.locate(child.content, builder, parts)
            elif child.type in ("softbreak", "hardbreak"):
                cursor.locate("\n", builder, parts)
            elif child.type == "code_inline":
                cursor.skip(child.content)
                builder.replace(max(cursor.pos - 1, start), 1)
                parts.append(" ")  # inline code is not prose, but it separates words
            elif child.type == "image":
                cursor.locate(child.content, builder, parts)
            elif child.type == "html_inline":
                d = parse_directive(child.content[4:-3]) if child.content.startswith("<!--") else None
                if d is not None:
                    directives.append((lines.position(cursor.pos)[0], *d))
                cursor.skip(child.content)
        seg_text = blank_urls("".join(parts))
        if seg_text.strip():
            doc.segments.append(Segment(seg_text, builder.build(length=len(seg_text)), scope, block))
    doc.suppressions = suppressions_from(directives, lines)
    return doc


def _block_end(text: str, lines, line_map: list[int]) -> int:  # type: ignore[no-untyped-def]
    end_line = line_map[1]
    return lines.starts[end_line] if end_line < len(lines.starts) else len(text)
