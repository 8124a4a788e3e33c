"""Bilingual segment files (TSV, TMX, XLIFF, JSONL) as pairs of documents with file positions."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from shuyu.formats.bilingual import AlignedPair
from shuyu.text.document import Document
from shuyu.text.document import Segment
from shuyu.text.offsets import LineIndex
from shuyu.text.offsets import OffsetMap


def pair_documents(path: str, file_text: str, pairs: Iterator[AlignedPair]) -> Iterator[tuple[Document, Document]]:
    """One (Chinese, English) document pair per aligned pair, positioned in the file.

    Each side's text is looked up from the start of the pair's line; where it stands literally
    (TSV, most TMX and XLIFF), positions are exact, otherwise the finding points at the line.
    """
    lines = LineIndex.of(file_text)
    for pair in pairs:
        line = min(max(pair.line, 1), len(lines.starts))
        base = lines.starts[line - 1]
        docs = []
        cursor = base
        for text in (pair.zh, pair.en):
            at = file_text.find(text, cursor) if text else -1
            start = at if at != -1 else base
            if at != -1:
                cursor = at + len(text)
            doc = Document(path=path, text=file_text, kind="pair")
            doc._lines = lines
            doc.segments.append(Segment(text, OffsetMap.identity(len(text), start), "text", 0))
            docs.append(doc)
        yield docs[0], docs[1]


def is_pair_file(path: Path) -> bool:
    """True for the bilingual formats `check` accepts as a single argument."""
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return name.endswith((".tsv", ".tmx", ".xlf", ".xliff", ".jsonl"))
