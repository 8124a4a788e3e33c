"""Readers: files → Documents (prose segments with exact positions) and bilingual pairs."""

from __future__ import annotations

from pathlib import Path

from shuyu.errors import InputError
from shuyu.formats.decode import read_text
from shuyu.text.document import Document
from shuyu.text.document import plain_document

KINDS = ("html", "markdown", "text")
_SUFFIXES = {".html": "html", ".htm": "html", ".xhtml": "html", ".md": "markdown", ".markdown": "markdown"}


def kind_of(path: str) -> str:
    """The document kind a file name implies (text when unknown)."""
    name = path.lower().removesuffix(".gz")
    return _SUFFIXES.get(Path(name).suffix, "text")


def document_from_text(text: str, path: str, kind: str | None = None, encoding: str = "utf-8") -> Document:
    """A Document from decoded text (stdin, tests) of the given kind, or the kind its name implies."""
    kind = kind or kind_of(path)
    # Each reader is imported when a file of its kind comes: markdown-it is a good part of the
    # start-up of a run that lints one HTML page, and plain text needs neither parser.
    if kind == "html":
        from shuyu.formats.html import parse_html

        doc = parse_html(text, path)
    elif kind in ("markdown", "md"):
        from shuyu.formats.markdown import parse_markdown

        doc = parse_markdown(text, path)
    elif kind in ("text", "txt"):
        doc = plain_document(path, text)
    else:
        raise InputError(f"unknown document type {kind!r}", path=path, hint="use html, markdown or text")
    doc.encoding = encoding
    return doc


def read_document(path: str | Path, *, kind: str | None = None) -> Document:
    """Read and parse a file (encoding detected; type from the suffix unless given)."""
    text, encoding = read_text(path)
    return document_from_text(text, str(path), kind, encoding)
