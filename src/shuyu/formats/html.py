"""HTML → prose segments with exact positions, through the standard library's HTML parser.

``html.parser`` reports where every tag and text run starts in the source, which is what exact
positions need (and it never gives up on malformed markup). Script, style, code, preformatted
text, templates, ``noscript`` fallbacks and comments are never prose; ``alt`` and ``title``
attribute values are. Entities are decoded with each character mapped back to the ``&`` of its
reference. Inline elements (a, em, strong, span…) do not split a sentence; block elements do.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from html import unescape
from html.entities import html5
from html.parser import HTMLParser

from shuyu.formats.prose import ProseBuffer
from shuyu.formats.prose import cut_segment
from shuyu.formats.prose import plain_segment
from shuyu.formats.suppress import Directive
from shuyu.formats.suppress import parse_directive
from shuyu.formats.suppress import suppressions_from
from shuyu.formats.urls import url_hints
from shuyu.text.document import Document
from shuyu.text.document import Segment
from shuyu.text.offsets import LineIndex
from shuyu.text.offsets import OffsetMap

#: Elements whose content is never prose. ``noscript`` holds the page's fallback for browsers
#: without JavaScript ("please enable JavaScript"), not its content.
SKIP = frozenset({"script", "style", "code", "pre", "kbd", "samp", "template", "noscript", "svg", "math", "var",
                  "textarea", "iframe", "object"})
#: Elements that end a segment where they start and where they end.
BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "div", "blockquote", "title",
                    "figcaption", "dt", "dd", "section", "article", "header", "footer", "nav", "aside", "main",
                    "table", "tr", "thead", "tbody", "tfoot", "ul", "ol", "dl", "hr", "body", "head", "html",
                    "caption", "label", "button", "option", "select", "form", "fieldset", "legend", "figure",
                    "address", "summary", "details", "dialog", "menu", "center"})
#: Void elements: never closed, so never kept open.
VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source",
                  "track", "wbr", "param", "keygen"})
SCOPES = {"h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading",
          "h6": "heading", "td": "cell", "th": "cell", "title": "title"}
#: Prose attributes and the scope their segments get.
ATTRIBUTE_SCOPES = {"alt": "alt", "title": "title-attr"}

_REFERENCE = re.compile(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)")
# What html.parser consumes for an entity or character reference: its names may hold "-" and
# ".", so "AT&T-Mobile" or "&copy.2020" reach handle_entityref whole ("T-Mobile", "copy.2020").
_PARSED_REFERENCE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][-.A-Za-z0-9]*);?")
_TAG_NAME = re.compile(r"<[a-zA-Z][^\t\n\r\f />\x00]*")

# The scanner's well-formed subset of markup. Where one of these matches, html.parser reads the
# same construct the same way (tag names are the characters it allows in end tags; attributes are
# separated by ASCII whitespace, values quoted or plainly unquoted); anything else that starts like
# markup ("other") sends the page to html.parser.
_SPACE = r"[ \t\n\r\f]"
_NAME = r"[a-zA-Z][-.a-zA-Z0-9:_]*"
_ATTR = rf"""[^\s"'<>/=`]+(?:{_SPACE}*={_SPACE}*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?"""
#: Block elements whose plain form, with text that holds no markup or reference, the scanner
#: reads in one step (``<p>Text.</p>``: most of a page).
_PLAIN_BLOCKS = r"p|h[1-6]|li|td|th|div|dt|dd|title|figcaption|caption|blockquote|summary|legend"
_TOKEN = re.compile(
    rf"""<(?:(?P<block>(?P<btag>{_PLAIN_BLOCKS})>(?P<btext>[^<&]*)</(?P=btag)>)"""
    rf"""|(?P<start>{_NAME})(?P<attrs>(?:{_SPACE}+{_ATTR})*){_SPACE}*(?P<slash>/?)>"""
    rf"""|/(?P<end>{_NAME}){_SPACE}*>|(?P<comment>!--)|(?P<declaration>![dD][oO][cC][tT][yY][pP][eE])"""
    r"""|(?P<pi>\?)|(?P<other>[a-zA-Z/!]))""")
#: The plain block tags and the end tag that closes each (what the run reader compares), and the
#: scope each gives its text (None: the scope of the element it is in).
_PLAIN_CLOSERS = {tag: f"</{tag}>" for tag in _PLAIN_BLOCKS.replace("h[1-6]", "h1|h2|h3|h4|h5|h6").split("|")}
_PLAIN_SCOPES = {closer: SCOPES.get(tag) for tag, closer in _PLAIN_CLOSERS.items()}
_ATTRIBUTES = re.compile(rf"""{_SPACE}+([^\s"'<>/=`]+)(?:{_SPACE}*={_SPACE}*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")
_CDATA_END = {tag: re.compile(rf"</\s*{tag}\s*>", re.IGNORECASE) for tag in ("script", "style")}
_COMMENT_END = re.compile(r"--\s*>")


def _lang_attribute(raw: str) -> str | None:
    """The value of the first ``lang`` or ``xml:lang`` attribute of a well-formed start tag, as
    html.parser gives it (unquoted, references decoded; None when the tag has neither)."""
    if "lang" not in raw.lower():
        return None
    for m in _ATTRIBUTES.finditer(raw, _TAG_NAME.match(raw).end()):  # type: ignore[union-attr]
        if m.group(1).lower() not in ("lang", "xml:lang"):
            continue
        value = m.group(2)
        if value is None:
            return None  # html.parser gives a bare attribute the value None
        if value[:1] in ("'", '"'):
            value = value[1:-1]
        return unescape(value) if value else value
    return None


# html.parser's own tolerant attribute pattern: name, then optionally = and a (quoted) value.
_ATTRIBUTE = re.compile(
    r"((?<=[\'\"\s/])[^\s/>][^\s/=>]*)(\s*=+\s*(\'[^\']*\'|\"[^\"]*\"|(?![\'\"])[^>\s]*))?(?:\s|/(?!>))*")


def decode_reference(raw: str, at: int) -> tuple[str, int]:
    """The text of the character reference at ``raw[at]`` and how many source characters it spans.

    Follows HTML: ``&amp;``, ``&#8217;``, ``&#x2019;``, and the legacy names that need no
    semicolon (``&amp``, ``&copy2020`` = ``©2020``). Not a reference: ``("&", 1)``.

    >>> decode_reference("a &rsquo; b", 2)
    ('’', 7)
    >>> decode_reference("&copy2020", 0)
    ('©', 5)
    """
    m = _REFERENCE.match(raw, at)
    if not m:
        return "&", 1
    body = m.group(1)
    if body.startswith("#"):
        return unescape(m.group()), len(m.group())
    if body.endswith(";") and body in html5:
        return html5[body], len(m.group())
    name = body.rstrip(";")
    for i in range(len(name), 1, -1):
        if name[:i] in html5:  # html5 lists the legacy names without their semicolon
            return html5[name[:i]], i + 1
    return "&", 1


def add_decoded(buffer: ProseBuffer, raw: str, origin: int) -> None:
    """Append ``raw`` (source text at ``origin``) to ``buffer`` with references decoded and mapped."""
    pos = 0
    while True:
        amp = raw.find("&", pos)
        if amp == -1:
            buffer.copy(raw[pos:], origin + pos)
            return
        buffer.copy(raw[pos:amp], origin + pos)
        value, length = decode_reference(raw, amp)
        if length == 1:
            buffer.copy("&", origin + amp)
        else:
            buffer.mapped(value, origin + amp)
        pos = amp + length


def primary_language(lang: str) -> str:
    """The primary subtag of a language tag, lower-cased: ``zh-Hans-CN`` → ``zh``."""
    return lang.strip().split("-")[0].split("_")[0].lower()


@dataclass(slots=True)
class _Open:
    """An open element, with the language and scope in force inside it (so no walk up the stack)."""

    tag: str
    inner_lang: str
    inner_scope: str


class HtmlCollector(HTMLParser):
    """Collects the prose segments and suppression directives of HTML source.

    :param text: the whole document's text.
    :param start: where the HTML to read starts in ``text`` (HTML blocks inside Markdown).
    :param end: where it ends (default: the end of ``text``).
    """

    def __init__(self, text: str, start: int = 0, end: int | None = None) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        self.src_start = start
        self.src_end = len(text) if end is None else end
        #: Where each line starts, counted by "\n" alone as html.parser counts them, whatever the
        #: file's line ends are: built when html.parser first drives (the scanner never needs it).
        self.newlines: list[int] | None = None
        self.stack: list[_Open] = []
        self.skip_depth = 0  # how many elements of the stack are in SKIP
        self.block = 0
        self.blocks = 0  # block numbers handed out so far
        self.buffer = ProseBuffer()
        self.segment_scope = "paragraph"
        self.segment_block = 0
        self.segment_lang = ""
        self.segments: list[Segment] = []
        self.pending: list[Segment] = []
        #: (offset of the comment's end, action, rules)
        self.directives: list[tuple[int, str, frozenset[str]]] = []
        self.closing = False  # all the source has been fed: what is still open runs to its end
        self.scanned = False  # run() read the source with the scanner alone
        self.scanning = False  # the scanner, not html.parser, drives the handlers
        self.held = False  # the scanner left out whitespace that begins the current segment
        self.at = 0  # the document offset of the construct being handled, when the scanner drives
        self.hints: list[int] | None = None  # url_hints of the text, once a run of plain blocks needs them

    def run(self, *, scanner: bool = True) -> HtmlCollector:
        """Parse the source; the results are in ``segments`` and ``directives``.

        The scanner reads well-formed markup (nearly every page) with one compiled pattern; a page
        with a construct it does not know is read again from the start by ``html.parser``, and
        ``scanner=False`` reads every page that way (the tests compare the two).
        """
        self.scanned = scanner and self.scan()
        if self.scanned:
            self.flush()
            return self
        if scanner:
            self.__init__(self.text, self.src_start, self.src_end)  # type: ignore[misc]
        self.feed(self.text[self.src_start:self.src_end])
        self.closing = True
        self.close()
        self.flush()
        return self

    def scan(self) -> bool:
        """Read the source with :data:`_TOKEN`, calling the same handlers ``html.parser`` would.

        :returns: False (with the state half-built) at the first construct outside the scanner's
            well-formed subset: a start tag it cannot match whole, ``<![``, a bogus comment, an
            unclosed comment, script or declaration.
        """
        text, end = self.text, self.src_end
        pos = self.src_start
        token = _TOKEN.search
        buffer = self.buffer
        self.scanning = True
        while True:
            m = token(text, pos, end)
            if m is None:
                if pos < end:
                    self.add_text(text[pos:end], pos)
                return True
            lt = m.start()
            if lt > pos:
                raw = text[pos:lt]
                # Whitespace before any text of a segment (the indentation between tags) would be
                # trimmed from it, and nothing that changes a segment's scope, block or language
                # can come before its text without ending it: leave it out.
                if buffer._length or not raw.isspace():
                    self.add_text(raw, pos)
                elif not self.skip_depth:
                    self.held = True  # a segment has begun, for where attribute segments go
            kind = m.lastgroup
            if kind == "block" and not self.skip_depth:
                self.plain_block(m)
                pos = self.plain_run(m.end())
                continue
            name = m.group("start")
            if kind == "block":  # inside code or another skipped element: the general handlers
                tag = m.group("btag")
                self.start_tag(tag, None, f"<{tag}>", lt)
                self.end_tag(tag)
                pos = m.end()
            elif name is not None:
                tag = name.lower()
                raw = m.group()
                self.at = lt
                self.start_tag(tag, _lang_attribute(raw), raw, lt)
                pos = m.end()
                if m.group("slash"):
                    if tag not in VOID:
                        self.end_tag(tag)
                elif tag in {"script", "style"}:
                    close = _CDATA_END[tag].search(text, pos, end)
                    if close is None:
                        return False
                    pos = close.start()  # the content is never prose; the end tag comes next
            elif kind == "end":
                self.end_tag(m.group("end").lower())
                pos = m.end()
            elif kind == "comment":
                close = _COMMENT_END.search(text, lt + 4, end)
                if close is None:
                    return False
                self.at = lt
                self.handle_comment(text[lt + 4:close.start()])
                pos = close.end()
            elif kind == "declaration":
                close = text.find(">", lt + 9, end)
                if close == -1:
                    return False
                pos = close + 1
            elif kind == "pi":
                close = text.find(">", lt + 2, end)
                if close == -1:
                    return False
                pos = close + 1
            else:
                return False

    def plain_block(self, m: re.Match[str]) -> None:
        """``<p>text</p>`` (a block element without attributes around text without markup or
        references, outside skipped elements): what :meth:`start_tag`, :meth:`add_text` and
        :meth:`end_tag` do for it, without the open-element record in between."""
        self.flush()
        tag = m.group("btag")
        top = self.stack[-1] if self.stack else None
        self.blocks += 1
        raw = m.group("btext")
        if raw and not raw.isspace():
            scope = SCOPES.get(tag) or (top.inner_scope if top else "paragraph")
            lang = top.inner_lang if top else ""
            segment = (plain_segment(raw, m.start("btext"), scope, self.blocks, lang)
                       or cut_segment(raw, m.start("btext"), scope, self.blocks, lang))  # a URL to cut out
            if segment is not None:
                self.segments.append(segment)
        self.blocks += 1
        self.block = self.blocks

    def plain_run(self, pos: int) -> int:
        """The plain blocks that follow one at ``pos``, each after whitespace only, read as
        :meth:`plain_block` reads them, with string searches instead of a pattern match each (on
        news pages such runs are most of the text); returns where the run ends.

        A block is ``<tag>text</tag>`` with ``tag`` in :data:`_PLAIN_CLOSERS` and text without
        ``<`` or ``&``: what the ``block`` alternative of :data:`_TOKEN` matches.
        """
        text, end = self.text, self.src_end
        find = text.find
        top = self.stack[-1] if self.stack else None
        inner_scope = top.inner_scope if top else "paragraph"
        lang = top.inner_lang if top else ""
        hints = self.hints
        if hints is None:
            hints = self.hints = url_hints(text)
        h, n_hints = bisect_left(hints, pos), len(hints)
        segments = self.segments
        identity = OffsetMap.identity
        blocks = self.blocks
        while True:
            lt = find("<", pos, end)
            if lt == -1 or (lt > pos and not text[pos:lt].isspace()):
                break
            gt = find(">", lt, end)
            closer = _PLAIN_CLOSERS.get(text[lt + 1:gt]) if gt != -1 else None
            if closer is None:  # a tag with attributes, an end tag, a comment...
                break
            close = find("<", gt, end)
            after = close + len(closer)
            if close == -1 or not text.startswith(closer, close, after):
                break
            origin = gt + 1
            raw = text[origin:close]
            if "&" in raw:
                break
            blocks += 1
            if raw and not raw.isspace():
                scope = _PLAIN_SCOPES[closer] or inner_scope
                while h < n_hints and hints[h] < origin:
                    h += 1
                if h < n_hints and hints[h] < close:  # a URL may be there: the general path
                    self.blocks = blocks
                    segment = plain_segment(raw, origin, scope, blocks, lang) or cut_segment(raw, origin, scope, blocks, lang)
                    if segment is not None:
                        segments.append(segment)
                else:
                    stripped = raw.strip()
                    lead = raw.find(stripped[0]) if len(stripped) != len(raw) else 0
                    segments.append(Segment(stripped, identity(len(stripped), origin + lead), scope, blocks, lang))
            blocks += 1
            pos = after
        self.blocks = self.block = blocks
        return pos

    # -- state -------------------------------------------------------------------------------

    def source_offset(self) -> int:
        """The document offset of the construct being handled (by html.parser's count of lines)."""
        line, column = self.getpos()
        if self.newlines is None:
            self.newlines = [0] + [m.end() for m in re.finditer("\n", self.text[self.src_start:self.src_end])]
        return self.src_start + self.newlines[line - 1] + column

    def skipping(self) -> bool:
        return self.skip_depth > 0

    def lang(self) -> str:
        return self.stack[-1].inner_lang if self.stack else ""

    def scope(self) -> str:
        return self.stack[-1].inner_scope if self.stack else "paragraph"

    def new_block(self) -> int:
        """A fresh block number."""
        self.blocks += 1
        return self.blocks

    def flush(self) -> None:
        """End the current segment (if any), then add the attribute segments met inside it."""
        self.held = False
        if not self.buffer._length and not self.pending:
            return
        segment = self.buffer.take(scope=self.segment_scope, block=self.segment_block, lang=self.segment_lang)
        if segment is not None:
            self.segments.append(segment)
        self.segments += self.pending
        self.pending = []

    # -- parser callbacks --------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        lang_value = next((v for k, v in attrs if k in ("lang", "xml:lang")), None) if attrs else None
        self.start_tag(tag, lang_value, self.get_starttag_text() or "", self.source_offset())

    def start_tag(self, tag: str, lang_value: str | None, raw: str, start: int) -> None:
        """A start tag ``raw`` at ``start`` (name lower-cased; the value of its first lang attribute)."""
        lang = primary_language(lang_value) if lang_value is not None else None
        was_skipping, old_lang = self.skip_depth > 0, self.lang()
        if tag in BLOCKS:
            self.flush()
            self.block = self.new_block()
        elif tag == "br" or tag in SKIP or (lang is not None and lang != old_lang):
            self.flush()  # a line break, code, or another language: same block, new segment
        if tag not in VOID:
            scope = SCOPES.get(tag) or self.scope()
            self.stack.append(_Open(tag, old_lang if lang is None else lang, scope))
            if tag in SKIP:
                self.skip_depth += 1
        if not was_skipping and tag not in SKIP:
            self.attribute_segments(raw, start, lang if lang is not None else old_lang)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        self.end_tag(tag)

    def end_tag(self, tag: str) -> None:
        """An end tag: closes the innermost open element of that name and all inside it."""
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i].tag == tag:
                break
        else:
            if tag in BLOCKS or tag == "br":  # a stray </p> or </br> still breaks the text
                self.flush()
                if tag in BLOCKS:
                    self.block = self.new_block()
            return
        stack = self.stack
        was_skipping, old_lang = self.skip_depth > 0, stack[-1].inner_lang
        if i == len(stack) - 1:  # the common case: the element closed is the innermost one
            closing_block = tag in BLOCKS
            if tag in SKIP:
                self.skip_depth -= 1
            stack.pop()
        else:
            closing = stack[i:]
            closing_block = any(o.tag in BLOCKS for o in closing)
            self.skip_depth -= sum(1 for o in closing if o.tag in SKIP)
            del stack[i:]
        if closing_block:
            self.flush()
            self.block = self.new_block()
        elif was_skipping != self.skipping() or old_lang != self.lang():
            self.flush()

    def handle_data(self, data: str) -> None:
        self.add_text(data, self.source_offset())

    def handle_entityref(self, name: str) -> None:
        self.add_reference()

    def handle_charref(self, name: str) -> None:
        self.add_reference()

    def handle_comment(self, data: str) -> None:
        directive = parse_directive(data)
        if directive is not None:
            start = self.at if self.scanning else self.source_offset()
            close = self.text.find("-->", start, self.src_end)
            self.directives.append((close if close != -1 else start, *directive))

    def parse_comment(self, i: int, report: int = 1) -> int:
        """A comment still open at the end of the source runs to ``--!>`` or the end, as browsers read it.

        (The standard library would read its text as prose.)
        """
        k = super().parse_comment(i, report)
        if k == -1 and self.closing:
            bang = self.rawdata.find("--!>", i + 4)
            end = bang if bang != -1 else len(self.rawdata)
            self.handle_comment(self.rawdata[i + 4:end])
            return end + 4 if bang != -1 else end
        return k

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        """``<![x`` that is not a known marked section: a bogus comment, as browsers read it.

        The standard library raises AssertionError there (and may have moved its position).
        """
        pos = self.getpos()
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            self.lineno, self.offset = pos
            return self.parse_bogus_comment(i)

    # -- helpers -----------------------------------------------------------------------------

    def add_reference(self) -> None:
        at = self.source_offset()
        m = _PARSED_REFERENCE.match(self.text, at, self.src_end)
        # html.parser consumed "&name" and a ";" if present: the same span as the pattern.
        self.add_text(m.group() if m else "&", at)

    def add_text(self, raw: str, origin: int) -> None:
        if not raw or self.skip_depth:
            return
        if not self.buffer:
            self.segment_scope, self.segment_block, self.segment_lang = self.scope(), self.block, self.lang()
        add_decoded(self.buffer, raw, origin)

    def attribute_segments(self, raw: str, start: int, lang: str) -> None:
        """Segments for the ``alt`` and ``title`` values of a start tag at ``start`` (its source ``raw``)."""
        for scope, value, value_at in prose_attributes(raw):
            buffer = ProseBuffer()
            add_decoded(buffer, value, start + value_at)
            segment = buffer.take(scope=scope, block=self.new_block(), lang=lang)
            if segment is None:
                continue
            if self.buffer or self.held:
                self.pending.append(segment)  # after the text it sits in, to keep document order
            else:
                self.segments.append(segment)


def prose_attributes(raw: str) -> list[tuple[str, str, int]]:
    """The ``alt`` and ``title`` values of the start tag ``raw``: (scope, raw value, where the value
    starts in ``raw``), as html.parser reads attributes; references are left for the caller.

    >>> prose_attributes("<img src=x.png alt='Xu Zhou' TITLE=Wuxi>")
    [('alt', 'Xu Zhou', 20), ('title-attr', 'Wuxi', 35)]
    """
    lowered = raw.lower()
    if "alt" not in lowered and "title" not in lowered:
        return []  # neither attribute can be there
    name = _TAG_NAME.match(raw)
    if not name:
        return []
    out = []
    for m in _ATTRIBUTE.finditer(raw, name.end()):
        scope = ATTRIBUTE_SCOPES.get(m.group(1).lower())
        if scope is None or m.group(3) is None:
            continue
        value_at = m.start(3)
        value = m.group(3)
        if value[:1] in ("'", '"'):
            value, value_at = value[1:-1], value_at + 1
        out.append((scope, value, value_at))
    return out


def parse_html(text: str, path: str) -> Document:
    """The prose of an HTML page as segments with exact positions, and its suppression comments.

    :param text: the page's decoded text.
    :param path: the file's name, for locations.
    :returns: a Document of kind ``html``.
    """
    doc = Document(path=path, text=text, kind="html")
    collector = HtmlCollector(text).run()
    doc.segments = collector.segments
    doc.suppressions = suppressions_from(directives_by_line(collector.directives, doc.lines), doc.lines, path)
    return doc


def read_range(text: str, start: int, end: int, first_block: int,
               lines: LineIndex) -> tuple[list[Segment], int, list[Directive]]:
    """The HTML at ``text[start:end]`` inside another document (an HTML block in Markdown): its
    segments with block numbers after ``first_block``, how many blocks it used, and its directives."""
    collector = HtmlCollector(text, start, end).run()
    for segment in collector.segments:
        segment.block += first_block
    return collector.segments, collector.blocks, directives_by_line(collector.directives, lines)


def directives_by_line(directives: list[tuple[int, str, frozenset[str]]], lines: LineIndex) -> list[Directive]:
    """(offset, action, rules) → (line, action, rules)."""
    return [(lines.position(at)[0], action, rules) for at, action, rules in directives]
