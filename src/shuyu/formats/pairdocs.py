"""Bilingual segment files (TSV, TMX, XLIFF, JSONL) as pairs of documents with file positions."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from collections.abc import Iterator
from pathlib import Path

from shuyu.errors import InputError
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


def _at(offset: int, length: int) -> OffsetMap:
    """A map sending every character of a text that cannot be found to one place: the pair's line."""
    if not length:
        return OffsetMap.identity(0, offset)
    builder = OffsetMapBuilder()
    builder.replace(offset, length)
    return builder.build(length=length, original_end=offset)


def pair_documents(path: str, file_text: str, pairs: Iterator[AlignedPair]) -> Iterator[tuple[Document, Document]]:
    """One (Chinese, English) document pair per aligned pair, positioned in the file.

    Each side's text is looked for in the pair's own extent of the file (its line; for TMX and
    XLIFF, from its start tag to its end tag), literally or as the file writes it (XML entities,
    JSON escapes), so that positions are exact; where it is not there (inline markup), every
    position of that side is the start of the pair's line.
    """
    lines = LineIndex.of(file_text)
    kind = _kind(path)
    for pair in pairs:
        line = min(max(pair.line, 1), len(lines.starts))
        base = lines.starts[line - 1]
        if kind == "xml":
            close = _UNIT_END.search(file_text, base)
            limit = close.end() if close else len(file_text)
        else:
            limit = lines.starts[line] if line < len(lines.starts) else len(file_text)
        docs = []
        cursor = base
        for text in (pair.zh, pair.en):
            # After the Chinese side first (TSV, JSONL: zh before en), then anywhere in the pair (TMX: any order).
            offsets = _locate(file_text, text, cursor, limit, kind) or _locate(file_text, text, base, limit, kind)
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
