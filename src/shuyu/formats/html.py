"""HTML → prose segments with exact positions, through the standard library's HTML parser.

``html.parser`` reports where every tag and text run starts in the source, which is what exact
positions need. Script, style, code and comments are never prose; ``alt`` and ``title``
attributes are. Entities are decoded with each character mapped back to its source offset.
Inline elements (a, em, strong, span…) do not split a sentence; block elements do.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from shuyu.formats.suppress import parse_directive
from shuyu.formats.suppress import suppressions_from
from shuyu.formats.urls import blank_urls
from shuyu.text.document import Document
from shuyu.text.document import Segment
from shuyu.text.offsets import LineIndex
from shuyu.text.offsets import OffsetMapBuilder

SKIP = frozenset({"script", "style", "code", "pre", "kbd", "samp", "template", "noscript", "svg", "math", "var"})
BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "div", "blockquote", "title",
                    "figcaption", "dt", "dd", "section", "article", "header", "footer", "nav", "aside", "main",
                    "table", "tr", "ul", "ol", "dl", "br", "hr", "body", "head", "html", "caption", "label",
                    "button", "option", "form", "figure", "address", "summary", "details"})
VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source",
                  "track", "wbr", "param"})
SCOPES = {"h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading",
          "h6": "heading", "td": "cell", "th": "cell", "title": "title", "li": "paragraph"}
_ENTITY = re.compile(r"&(#[0-9]+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;?)")


def decode_with_offsets(raw: str, base: int, builder: OffsetMapBuilder, out: list[str]) -> None:
    """Append ``raw`` (source text at offset ``base``) to ``out`` with entities decoded, mapping each char."""
    pos = 0
    for m in _ENTITY.finditer(raw):
        if m.start() > pos:
            builder.copy(base + pos, m.start() - pos)
            out.append(raw[pos:m.start()])
        decoded = html.unescape(m.group())
        if decoded == m.group():  # not an entity after all
            builder.copy(base + m.start(), len(decoded))
        else:
            decoded = decoded.replace("\u00a0", " ")
            builder.replace(base + m.start(), len(decoded))
        out.append(decoded)
        pos = m.end()
    if pos < len(raw):
        builder.copy(base + pos, len(raw) - pos)
        out.append(raw[pos:])


class _Collector(HTMLParser):
    def __init__(self, text: str, doc: Document) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        self.doc = doc
        self.lines = LineIndex.of(text)
        self.skip_depth = 0
        self.stack: list[tuple[str, str]] = []  # (tag, lang)
        self.block = 0
        self.parts: list[str] = []
        self.builder = OffsetMapBuilder()
        self.scope = "paragraph"
        self.directives: list[tuple[int, str, frozenset[str]]] = []

    def source_offset(self) -> int:
        line, col = self.getpos()
        return self.lines.starts[line - 1] + col

    def lang(self) -> str:
        for _, lang in reversed(self.stack):
            if lang:
                return lang
        return ""

    def flush(self) -> None:
        text = blank_urls("".join(self.parts))
        if text.strip():
            self.doc.segments.append(Segment(text, self.builder.build(length=len(text)), self.scope, self.block,
                                             self.lang()))
        self.parts = []
        self.builder = OffsetMapBuilder()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self.source_offset()
        raw = self.get_starttag_text() or ""
        if tag in BLOCKS:
            self.flush()
            self.block += 1
            self.scope = SCOPES.get(tag, "paragraph")
        if tag in SKIP and tag not in VOID:
            self.skip_depth += 1
        lang = dict(attrs).get("lang") or ""
        if tag not in VOID:
            self.stack.append((tag, (lang or "").lower()))
        if self.skip_depth:
            return
        for name in ("alt", "title"):
            value = dict(attrs).get(name)
            if not value:
                continue
            m = re.search(rf"\s{name}\s*=\s*(\"([^\"]*)\"|'([^']*)'|([^\s>]+))", raw, re.IGNORECASE)
            if not m:
                continue
            group = 2 if m.group(2) is not None else 3 if m.group(3) is not None else 4
            builder = OffsetMapBuilder()
            out: list[str] = []
            decode_with_offsets(m.group(group), start + m.start(group), builder, out)
            value_text = "".join(out)
            if value_text.strip():
                self.block += 1
                self.doc.segments.append(Segment(value_text, builder.build(length=len(value_text)),
                                                 "alt" if name == "alt" else "title-attr", self.block,
                                                 (lang or self.lang()).lower()))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCKS:
            self.flush()
            self.block += 1
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break
        if tag in SKIP and self.skip_depth:
            self.skip_depth -= 1

    def _text(self, data: str) -> None:
        if self.skip_depth or not data:
            return
        decode_with_offsets(data, self.source_offset(), self.builder, self.parts)

    handle_data = _text

    def handle_entityref(self, name: str) -> None:
        self._text(f"&{name};" if self.text.startswith(f"&{name};", self.source_offset()) else f"&{name}")

    def handle_charref(self, name: str) -> None:
        self._text(f"&#{name};" if self.text.startswith(f"&#{name};", self.source_offset()) else f"&#{name}")

    def handle_comment(self, data: str) -> None:
        directive = parse_directive(data)
        if directive is not None:
            line, _ = self.lines.position(self.source_offset())
            self.directives.append((line, *directive))


def parse_html(text: str, path: str) -> Document:
    """The prose of an HTML page as segments with exact positions, and its suppression comments."""
    doc = Document(path=path, text=text, kind="html")
    collector = _Collector(text, doc)
    collector.feed(text)
    collector.close()
    collector.flush()
    doc.suppressions = suppressions_from(collector.directives, doc.lines)
    return doc
