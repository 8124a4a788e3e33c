"""Sentence and paragraph splitting for Chinese and English, as spans of the text."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range ``[start, end)`` of a text."""

    start: int
    end: int


_ZH_END = re.compile(r"(?:[。！？；!?;]|……)[」』”’）)\"']*|\n\s*\n|\n")
_ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "no", "st", "co", "ltd", "inc", "jr", "sr", "vs", "etc", "e.g", "i.e",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "gov", "govt", "dept", "u.s", "u.k", "fig", "approx",
})
_EN_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9]|\s*$)|\n\s*\n")


def _trimmed(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if end > start else None


def split_sentences(text: str, lang: str) -> list[Span]:
    """Sentences of ``text`` as trimmed spans, in order, covering every non-blank character.

    >>> t = "Mr. Huang met Zhou. They signed 3.5 deals! Done"
    >>> [t[s.start:s.end] for s in split_sentences(t, "en")]
    ['Mr. Huang met Zhou.', 'They signed 3.5 deals!', 'Done']
    >>> z = "黄钦会见代表团。双方签署协议，共建园区！"
    >>> [z[s.start:s.end] for s in split_sentences(z, "zh")]
    ['黄钦会见代表团。', '双方签署协议，共建园区！']
    """
    spans: list[Span] = []
    start = 0
    pattern = _ZH_END if lang == "zh" else _EN_END
    for m in pattern.finditer(text):
        if lang != "zh" and m.group().startswith("."):
            word = re.search(r"([\w.]+)$", text[start:m.start()])
            token = word.group(1).lower() if word else ""
            if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha() and text[m.start() - 1].isupper()):
                continue
        span = _trimmed(text, start, m.end())
        if span:
            spans.append(span)
        start = m.end()
    tail = _trimmed(text, start, len(text))
    if tail:
        spans.append(tail)
    return spans


def split_paragraphs(text: str) -> list[Span]:
    """Blank-line separated blocks of ``text``, trimmed.

    >>> [(s.start, s.end) for s in split_paragraphs("a\\nb\\n\\n  c\\n")]
    [(0, 3), (7, 8)]
    """
    spans = []
    start = 0
    for m in re.finditer(r"\n[ \t\r]*\n", text):
        span = _trimmed(text, start, m.start())
        if span:
            spans.append(span)
        start = m.end()
    tail = _trimmed(text, start, len(text))
    if tail:
        spans.append(tail)
    return spans
