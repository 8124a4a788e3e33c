"""Prose segments built piece by piece, each piece with the source offset it came from."""

from __future__ import annotations

from shuyu.formats.urls import may_hold_url
from shuyu.formats.urls import url_spans
from shuyu.text.document import Segment
from shuyu.text.offsets import OffsetMap
from shuyu.text.offsets import OffsetMapBuilder


def plain_segment(text: str, origin: int, scope: str, block: int, lang: str) -> Segment | None:
    """The segment of ``text`` copied one for one from the source at ``origin``, when it needs
    only trimming (no URL to cut out, not blank); else None, for :meth:`ProseBuffer.take`."""
    stripped = text.strip()
    if not stripped or may_hold_url(stripped):
        return None
    lead = text.find(stripped[0]) if len(stripped) != len(text) else 0
    return Segment(stripped, OffsetMap.identity(len(stripped), origin + lead), scope, block, lang)


def cut_segment(text: str, origin: int, scope: str, block: int, lang: str) -> Segment | None:
    """The segment of ``text`` copied one for one from the source at ``origin``, with its URLs cut
    out and trimmed (None when nothing is left): what :meth:`ProseBuffer.take` builds from one
    copy, for a text :func:`plain_segment` declined."""
    return _without_urls(text, [[0, origin, len(text), False]], scope, block, lang)


class ProseBuffer:
    """Collects the text of one segment and the source offsets of its characters, then builds the Segment.

    Offsets are kept as runs (text copied one for one from the source is one run however long;
    each character of a decoded entity stands for the entity's ``&``), so cutting URLs and
    trimming whitespace stay exact without a Python step per character.
    """

    __slots__ = ("_length", "_runs", "_texts")

    def __init__(self) -> None:
        self._texts: list[str] = []
        #: [position in the collected text, source offset, length, mapped]
        self._runs: list[list] = []
        self._length = 0

    def __bool__(self) -> bool:
        return self._length > 0

    def copy(self, text: str, origin: int) -> None:
        """Append ``text`` copied one for one from the source at ``origin``."""
        n = len(text)
        if not n:
            return
        runs = self._runs
        if runs:
            last = runs[-1]
            if not last[3] and last[1] + last[2] == origin:
                last[2] += n
                self._texts.append(text)
                self._length += n
                return
        runs.append([self._length, origin, n, False])
        self._texts.append(text)
        self._length += n

    def mapped(self, text: str, origin: int) -> None:
        """Append ``text`` whose characters all stand for the source offset ``origin`` (an entity)."""
        n = len(text)
        if not n:
            return
        self._runs.append([self._length, origin, n, True])
        self._texts.append(text)
        self._length += n

    def take(self, *, scope: str, block: int, lang: str = "") -> Segment | None:
        """The segment collected so far (URLs removed, whitespace trimmed), or None when blank; resets."""
        if not self._length:
            return None
        texts, runs = self._texts, self._runs
        self._texts, self._runs, self._length = [], [], 0
        text = texts[0] if len(texts) == 1 else "".join(texts)
        if text.isspace():
            return None  # the line breaks and indentation between block tags
        if len(runs) == 1 and not runs[0][3]:
            plain = plain_segment(text, runs[0][1], scope, block, lang)
            if plain is not None:
                return plain
        return _without_urls(text, runs, scope, block, lang)


def _without_urls(text: str, runs: list[list], scope: str, block: int, lang: str) -> Segment | None:
    """The segment of collected ``text`` (source offsets in ``runs``, as :class:`ProseBuffer` keeps
    them) with URLs cut out and whitespace trimmed; None when nothing is left."""
    spans = url_spans(text) if may_hold_url(text) else []
    # The kept parts of the text (outside URLs), as (start, end) in the collected text.
    keep: list[tuple[int, int]] = []
    pos = 0
    for start, end in spans:
        if start > pos:
            keep.append((pos, start))
        pos = max(pos, end)
    if pos < len(text):
        keep.append((pos, len(text)))
    kept = "".join(text[a:b] for a, b in keep) if spans else text
    stripped = kept.strip()
    if not stripped:
        return None
    lead = len(kept) - len(kept.lstrip())
    first, last = lead, lead + len(stripped)  # the segment's span in the kept text
    # Back to spans of the collected text.
    final: list[tuple[int, int]] = []
    at = 0
    for a, b in keep:
        lo, hi = max(first, at), min(last, at + b - a)
        if lo < hi:
            final.append((a + lo - at, a + hi - at))
        at += b - a
    builder = OffsetMapBuilder()
    k = 0
    for a, b in final:
        while runs[k][0] + runs[k][2] <= a:
            k += 1
        j = k
        while j < len(runs) and runs[j][0] < b:
            r_pos, r_origin, r_len, r_mapped = runs[j]
            lo, hi = max(a, r_pos), min(b, r_pos + r_len)
            if r_mapped:
                for _ in range(hi - lo):
                    builder.copy(r_origin, 1)
            else:
                builder.copy(r_origin + lo - r_pos, hi - lo)
            j += 1
    return Segment(stripped, builder.build(), scope, block, lang)
