"""Bilingual segment files (TSV, TMX, XLIFF, JSONL) as pairs of documents with file positions."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from collections.abc import Iterator
from pathlib import Path

from shuyu.errors import InputError
from shuyu.formats.bilingual import NATIVE_CODE
from shuyu.formats.bilingual import AlignedPair
from shuyu.formats.bilingual import format_of
from shuyu.text.document import Document
from shuyu.text.document import Segment
from shuyu.text.offsets import LineIndex
from shuyu.text.offsets import OffsetMap
from shuyu.text.offsets import OffsetMapBuilder

# The end tag of an XML pair: a pair's text is looked for between its start line and this tag.
_UNIT_END = re.compile(r"</(?:[\w.-]+:)?(?:tu|trans-unit|segment)\s*>")


def _xml_escape(gt: bool) -> Callable[[str], str]:
    table = {"&": "&amp;", "<": "&lt;"} | ({">": "&gt;"} if gt else {})
    return lambda ch: table.get(ch, ch)


def _json_escape(ascii_only: bool) -> Callable[[str], str]:
    return lambda ch: json.dumps(ch, ensure_ascii=ascii_only)[1:-1]


# How a pair's text may be written in each kind of file besides literally.
_ESCAPES: dict[str, tuple[Callable[[str], str], ...]] = {
    "xml": (_xml_escape(True), _xml_escape(False)),
    "jsonl": (_json_escape(False), _json_escape(True)),
    "line": (),
}


def _kind(path: str) -> str:
    try:
        fmt = format_of(Path(path))
    except InputError:
        return "line"
    return "xml" if fmt in ("tmx", "xliff") else "jsonl" if fmt == "jsonl" else "line"


def _locate(file_text: str, text: str, start: int, end: int, kind: str) -> OffsetMap | None:
    """Where ``text`` is written in ``file_text[start:end]``: literally, or with the file kind's escapes."""
    if not text:
        return None
    at = file_text.find(text, start, end)
    if at != -1:
        return OffsetMap.identity(len(text), at)
    for escape in _ESCAPES[kind]:
        pieces = [escape(ch) for ch in text]
        needle = "".join(pieces)
        if needle == text:
            continue
        at = file_text.find(needle, start, end)
        if at == -1:
            continue
        builder = OffsetMapBuilder()
        pos = at
        for piece in pieces:
            if len(piece) == 1:
                builder.copy(pos, 1)
            else:
                builder.replace(pos, 1)  # "&amp;" or "\u4e2d": the character stands where its escape starts
            pos += len(piece)
        return builder.build(original_end=pos)
    return None


# --- XML units, scanned in the file text -----------------------------------------------------------------
#
# The reader takes a segment's text from the parsed tree: entities decoded, line ends normalised, inline
# markup flattened (text-bearing elements kept, native code left out). Inline tags split that text in the
# file, so it cannot be looked up there; instead the unit's elements are walked in the file text, building
# each segment's text the way the reader does with the offset of every character it keeps.

_UNIT_START = re.compile(r"<(?:[\w.-]+:)?(tu|trans-unit|segment)(?=[\s/>])")
_TAG = re.compile(r"""<(/?)([^\s/>!?]+)((?:[^>"']|"[^"]*"|'[^']*')*?)(/?)>""")
_ID_ATTR = re.compile(r"""\b(?:tuid|id)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_TEXT_STOP = re.compile(r"[<&\r]")
_ENTITY = re.compile(r"&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(amp|lt|gt|quot|apos));")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


def _local(name: str) -> str:
    return name.rsplit(":", 1)[-1]


def _skip_markup(file_text: str, at: int) -> int | None:
    """The end of a comment or processing instruction starting at ``at`` (ignored, as the reader's tree
    ignores them), or None when none starts there."""
    for opening, closing in (("<!--", "-->"), ("<?", "?>")):
        if file_text.startswith(opening, at):
            end = file_text.find(closing, at + len(opening))
            return len(file_text) if end == -1 else end + len(closing)
    return None


class _Scan:
    """The text of one segment element and where each of its characters is in the file."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.builder = OffsetMapBuilder()

    def raw(self, file_text: str, start: int, end: int) -> None:
        """Characters written as themselves (text or CDATA), line ends normalised as an XML parser does:
        ``\r\n`` and a lone ``\r`` become ``\n``."""
        pos = start
        while pos < end:
            cr = file_text.find("\r", pos, end)
            if cr == -1:
                self.parts.append(file_text[pos:end])
                self.builder.copy(pos, end - pos)
                return
            if cr > pos:
                self.parts.append(file_text[pos:cr])
                self.builder.copy(pos, cr - pos)
            self.parts.append("\n")
            if cr + 1 < end and file_text[cr + 1] == "\n":
                self.builder.copy(cr + 1, 1)
                pos = cr + 2
            else:
                self.builder.copy(cr, 1)
                pos = cr + 1

    def char(self, ch: str, at: int) -> None:
        """A character written as a reference (``&amp;``, ``&#x4e2d;``): it stands where the reference starts."""
        self.parts.append(ch)
        self.builder.replace(at, len(ch))


def _segment(file_text: str, pos: int) -> tuple[str, OffsetMap, int] | None:
    """The text of the element whose content starts at ``pos``, its offset map, and the end of its end tag;
    None when the element does not end well (the reader would have refused the file)."""
    scan = _Scan()
    open_tags: list[str] = []
    native = 0  # open elements of native code: their content is no text
    n = len(file_text)
    while True:
        stop = _TEXT_STOP.search(file_text, pos)
        if stop is None:
            return None
        at = stop.start()
        if at > pos and not native:
            scan.raw(file_text, pos, at)
        ch = file_text[at]
        if ch == "\r":
            if not native:
                scan.raw(file_text, at, at + 1 + (at + 1 < n and file_text[at + 1] == "\n"))
            pos = at + 1
            if pos < n and file_text[pos] == "\n":
                pos += 1
            continue
        if ch == "&":
            m = _ENTITY.match(file_text, at)
            if m is None:
                return None
            if not native:
                hex_, dec, name = m.groups()
                scan.char(chr(int(hex_, 16)) if hex_ else chr(int(dec)) if dec else _NAMED[name], at)
            pos = m.end()
            continue
        if file_text.startswith("<![CDATA[", at):
            end = file_text.find("]]>", at + 9)
            if end == -1:
                return None
            if not native:
                scan.raw(file_text, at + 9, end)
            pos = end + 3
            continue
        skipped = _skip_markup(file_text, at)
        if skipped is not None:
            pos = skipped
            continue
        tag = _TAG.match(file_text, at)
        if tag is None:
            return None
        closing, name, _, empty = tag.groups()
        pos = tag.end()
        name = _local(name)
        if closing:
            if not open_tags:
                text = "".join(scan.parts)
                return text, scan.builder.build(length=len(text), original_end=at), pos
            if open_tags.pop() in NATIVE_CODE:
                native -= 1
        elif not empty:
            open_tags.append(name)
            if name in NATIVE_CODE:
                native += 1


def _unit_segments(file_text: str, start: int) -> tuple[str, list[tuple[str, OffsetMap]]] | None:
    """The id attribute and the segments (text, offsets) of the XML unit whose start tag is at ``start``:
    a TMX ``tu``'s ``tuv/seg``, an XLIFF ``trans-unit``'s or ``segment``'s own ``source`` and ``target``
    (not those of ``alt-trans``), in file order."""
    tag = _TAG.match(file_text, start)
    if tag is None:
        return None
    m = _ID_ATTR.search(tag.group(3))
    ident = (m.group(1) if m.group(1) is not None else m.group(2)) if m else ""
    segments: list[tuple[str, OffsetMap]] = []
    if tag.group(4):
        return ident, segments
    unit = _local(tag.group(2))
    wanted = ("seg",) if unit == "tu" else ("source", "target")
    depth_of_segment = 1 if unit == "tu" else 0  # tu > tuv > seg; trans-unit > source
    open_tags: list[str] = []
    pos = tag.end()
    while True:
        at = file_text.find("<", pos)
        if at == -1:
            return ident, segments
        if file_text.startswith("<![CDATA[", at):
            end = file_text.find("]]>", at + 9)
            pos = len(file_text) if end == -1 else end + 3
            continue
        skipped = _skip_markup(file_text, at)
        if skipped is not None:
            pos = skipped
            continue
        t = _TAG.match(file_text, at)
        if t is None:
            pos = at + 1
            continue
        pos = t.end()
        closing, name, _, empty = t.groups()
        name = _local(name)
        if closing:
            if not open_tags:
                return ident, segments  # the unit's end tag
            open_tags.pop()
        elif name in wanted and len(open_tags) == depth_of_segment:
            if empty:
                continue
            found = _segment(file_text, pos)
            if found is None:
                return ident, segments
            text, offsets, pos = found
            segments.append((text, offsets))
        elif not empty:
            open_tags.append(name)


def _xml_sides(file_text: str, start: int, stop: int, pair: AlignedPair) -> list[OffsetMap | None]:
    """Offsets of the pair's Chinese and English texts in the XML unit starting between ``start`` and ``stop``
    (its start tag's line): the first segment of that unit whose text is exactly the side's, the two sides
    in different segments where the unit has them. When several units start on the line, the one whose
    segments hold both texts and whose id is the pair's. None for a side no segment holds."""
    best: list[OffsetMap | None] = [None, None]
    pos = start
    while True:
        m = _UNIT_START.search(file_text, pos)
        if m is None or m.start() >= stop:
            return best
        pos = m.end()
        unit = _unit_segments(file_text, m.start())
        if unit is None:
            continue
        ident, segments = unit
        sides: list[OffsetMap | None] = [None, None]
        taken = -1
        for side, text in enumerate((pair.zh, pair.en)):
            if not text:
                continue
            hits = [k for k, (seg_text, _) in enumerate(segments) if seg_text == text]
            k = next((k for k in hits if k != taken), hits[0] if hits else -1)
            if k != -1:
                sides[side] = segments[k][1]
                taken = k
        if sides[0] is not None and sides[1] is not None and ident == pair.id:
            return sides
        if sum(s is not None for s in sides) > sum(s is not None for s in best):
            best = sides


def _at(offset: int, length: int) -> OffsetMap:
    """A map sending every character of a text that cannot be found to one place: the pair's line."""
    if not length:
        return OffsetMap.identity(0, offset)
    builder = OffsetMapBuilder()
    builder.replace(offset, length)
    return builder.build(length=length, original_end=offset)


def pair_documents(path: str, file_text: str, pairs: Iterator[AlignedPair]) -> Iterator[tuple[Document, Document]]:
    """One (Chinese, English) document pair per aligned pair, positioned in the file.

    For TMX and XLIFF, the unit starting on the pair's line is walked in the file text: each side's text
    is the segment (``seg``, ``source``, ``target``) whose text, built as the reader builds it (entities
    and character references decoded, CDATA kept, line ends normalised, inline tags contributing no text,
    native code such as ``bpt``/``ept``/``ph`` content left out, ``g``/``pc``/``mrk``/``hi`` content kept),
    is exactly the pair's; every character then maps to its place in the file, inline markup or not.
    Otherwise (and for TSV and JSONL) each side's text is looked for in the pair's own extent of the file
    (its line; for XML, from its start tag to its end tag), literally or as the file writes it (XML
    entities, JSON escapes); where it is not there, every position of that side is the start of the
    pair's line.
    """
    lines = LineIndex.of(file_text)
    kind = _kind(path)
    for pair in pairs:
        line = min(max(pair.line, 1), len(lines.starts))
        base = lines.starts[line - 1]
        line_end = lines.starts[line] if line < len(lines.starts) else len(file_text)
        found: list[OffsetMap | None] = [None, None]
        if kind == "xml":
            close = _UNIT_END.search(file_text, base)
            limit = close.end() if close else len(file_text)
            found = _xml_sides(file_text, base, line_end, pair)
        else:
            limit = line_end
        docs = []
        cursor = base
        for text, scanned in zip((pair.zh, pair.en), found, strict=True):
            # After the Chinese side first (TSV, JSONL: zh before en), then anywhere in the pair (TMX: any order).
            offsets = (scanned or _locate(file_text, text, cursor, limit, kind)
                       or _locate(file_text, text, base, limit, kind))
            if offsets is None:
                offsets = _at(base, len(text))
            else:
                cursor = offsets.original_end
            doc = Document(path=path, text=file_text, kind="pair")
            doc._lines = lines
            doc.segments.append(Segment(text, offsets, "text", 0))
            docs.append(doc)
        yield docs[0], docs[1]


def is_pair_file(path: Path) -> bool:
    """True for the bilingual formats `check` accepts as a single argument."""
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return name.endswith((".tsv", ".tmx", ".xlf", ".xliff", ".jsonl"))
