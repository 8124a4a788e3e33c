"""Prose segments built one character at a time, each character with the source offset it came from."""

from __future__ import annotations

from shuyu.formats.urls import url_spans
from shuyu.text.document import Segment
from shuyu.text.offsets import OffsetMapBuilder


class ProseBuffer:
    """Collects the characters of one segment and their source offsets, then builds the Segment.

    Keeping one offset per character (rather than runs) makes cutting URLs and trimming
    whitespace exact; a segment is one paragraph, so the list stays small.
    """

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.origins: list[int] = []

    def __bool__(self) -> bool:
        return bool(self.chars)

    def copy(self, text: str, origin: int) -> None:
        """Append ``text`` copied one for one from the source at ``origin``."""
        self.chars.extend(text)
        self.origins.extend(range(origin, origin + len(text)))

    def mapped(self, text: str, origin: int) -> None:
        """Append ``text`` whose characters all stand for the source offset ``origin`` (an entity)."""
        self.chars.extend(text)
        self.origins.extend([origin] * len(text))

    def take(self, *, scope: str, block: int, lang: str = "") -> Segment | None:
        """The segment collected so far (URLs removed, whitespace trimmed), or None when blank; resets."""
        chars, origins = self.chars, self.origins
        self.chars, self.origins = [], []
        text = "".join(chars)
        spans = url_spans(text)
        if spans:
            keep = [True] * len(chars)
            for start, end in spans:
                keep[start:end] = [False] * (end - start)
            chars = [c for c, k in zip(chars, keep, strict=True) if k]
            origins = [o for o, k in zip(origins, keep, strict=True) if k]
        start, end = 0, len(chars)
        while start < end and chars[start].isspace():
            start += 1
        while end > start and chars[end - 1].isspace():
            end -= 1
        if start == end:
            return None
        builder = OffsetMapBuilder()
        for origin in origins[start:end]:
            builder.copy(origin, 1)
        return Segment("".join(chars[start:end]), builder.build(), scope, block, lang)
