"""Glossary-free English prose rules: `untranslated`, `punctuation`, `repeated-word`.

Each function takes the text of one prose segment and returns issues with offsets in it; the
engine turns them into findings with file positions.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import islice

from shuyu.lazyre import lazy

HAN = ("\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002a6df\U0002a700-\U0002ebef"
       "\U00030000-\U0003134f")
CJK_PUNCT = "，。、；：！？（）【】《》〈〉「」『』～·“”‘’"
_HAN_RUN = lazy(f"[{HAN}](?:[{HAN}{CJK_PUNCT}\u3000\\s]*[{HAN}])?[{CJK_PUNCT}]?")
_FULLWIDTH = {
    "，": ",", "。": ".", "、": ",", "；": ";", "：": ":", "！": "!", "？": "?", "（": "(", "）": ")",
    "【": "[", "】": "]", "《": '"', "》": '"', "〈": '"', "〉": '"', "「": '"', "」": '"', "『": '"',
    "』": '"', "～": "~",
}
_PUNCT = lazy("[" + "".join(_FULLWIDTH) + "\uff01-\uff5e]+")
# Possessive: a shorter word or run of spaces could never be followed by the repeat, so the
# engine is told not to try (same matches, a third faster).
_WORD_REPEAT = re.compile(r"\b([A-Za-z]++)(\s++)(\1)\b", re.IGNORECASE)
#: The characters outside ASCII that ``[A-Za-z]`` matches when case is ignored (İ ı ſ K).
_FOLDED_LETTERS = ("\u0130", "\u0131", "\u017f", "\u212a")
#: Bytes → ASCII letters lower-cased, everything else a space.
_LETTERS_ONLY = bytes(c | 0x20 if (65 <= c <= 90 or 97 <= c <= 122) else 32 for c in range(256))
#: Repeats that are good English ("had had", "that that").
ALLOWED_REPEATS = frozenset({"had", "that"})
_APOSTROPHES = re.compile(r"[A-Za-z](['’])(?=[A-Za-z])")
_DOUBLE = re.compile(r"([\"“”])")


def _may_quote(text: str, label: str) -> bool:
    """A cheap test before the pattern: can ``text`` hold an apostrophe (or a double quote)?"""
    if label == "apostrophe":
        return "'" in text or "’" in text
    return '"' in text or "“" in text or "”" in text


@dataclass(frozen=True, slots=True)
class Issue:
    """A problem in a segment's text: rule, span, message, what was found and what to write."""

    rule: str
    start: int
    end: int
    message: str
    found: str
    expected: str | None = None


def untranslated(text: str) -> list[Issue]:
    """Each run of Chinese characters (with the punctuation inside it) left in English text.

    >>> [(i.start, i.end, i.found) for i in untranslated("Leaders of 徐州市、无锡 met.")]
    [(11, 17, '徐州市、无锡')]
    """
    if text.isascii():
        return []
    return [Issue("untranslated", m.start(), m.end(), f"untranslated Chinese text '{m.group()}'", m.group())
            for m in _HAN_RUN.finditer(text)]


def _to_ascii(run: str) -> str:
    return "".join(_FULLWIDTH.get(c, chr(ord(c) - 0xFEE0) if "\uff01" <= c <= "\uff5e" else c) for c in run)


def punctuation(text: str) -> list[Issue]:
    """Full-width punctuation and forms in English text, outside Chinese runs.

    >>> [(i.found, i.expected) for i in punctuation("parks，and （industry）")]
    [('，', ','), ('（', '('), ('）', ')')]
    """
    if text.isascii():
        return []
    hits = list(_PUNCT.finditer(text))
    if not hits:
        return []
    han = [(m.start(), m.end()) for m in _HAN_RUN.finditer(text)]
    out = []
    for m in hits:
        for i, ch in enumerate(m.group()):
            pos = m.start() + i
            if any(s <= pos <= e for s, e in han):
                continue  # part of (or next to) Chinese left untranslated: that finding covers it
            expected = _to_ascii(ch)
            out.append(Issue("punctuation", pos, pos + 1,
                             f"full-width '{ch}' in English text: write '{expected}'", ch, expected))
    return out


def repeated_words(text: str) -> list[Issue]:
    """A word written twice in a row ("the the"), across spaces and line breaks.

    >>> [(i.found, i.expected) for i in repeated_words("implement the the spirit; he had had enough")]
    [('the the', 'the')]
    """
    if not _may_repeat(text):
        return []
    out = []
    for m in _WORD_REPEAT.finditer(text):
        word = m.group(1)
        if word.lower() in ALLOWED_REPEATS:
            continue
        out.append(Issue("repeated-word", m.start(), m.end(), f"repeated word '{word}'", m.group(), word))
    return out


def _may_repeat(text: str) -> bool:
    """A cheap test before the repeated-word pattern: are two neighbouring words the same?

    Words here are runs of ASCII letters, case folded, with everything else a separator: every
    match of the pattern is such a pair (it may find pairs the pattern rejects, "the. The").
    """
    if not text.isascii() and any(c in text for c in _FOLDED_LETTERS):
        return True
    words = text.encode("ascii", "replace").translate(_LETTERS_ONLY).split()
    return any(map(operator.eq, words, islice(words, 1, None)))


def quote_styles(texts: Sequence[str]) -> list[tuple[int, Issue]]:
    """Mixed straight and curly apostrophes (People's / People’s) or double quotes in one document.

    The majority style wins (a tie goes to the straight one); every use of the other is reported
    with the segment index it is in.
    """
    out: list[tuple[int, Issue]] = []
    for pattern, straight, label in ((_APOSTROPHES, "'", "apostrophe"), (_DOUBLE, '"', "double quote")):
        uses = [(k, m.start(1), m.group(1)) for k, t in enumerate(texts) if _may_quote(t, label)
                for m in pattern.finditer(t)]
        n_straight = sum(1 for _, _, c in uses if c == straight)
        n_curly = len(uses) - n_straight
        if not n_straight or not n_curly:
            continue
        majority_straight = n_straight >= n_curly
        for k, pos, ch in uses:
            if (ch == straight) == majority_straight:
                continue
            expected = straight if majority_straight else ("’" if label == "apostrophe" else ("“" if ch == '"' else ch))
            message = (f"mixed {label} styles: {n_straight} straight and {n_curly} curly in this document; "
                       f"use {'straight' if majority_straight else 'curly'} ones")
            out.append((k, Issue("punctuation", pos, pos + 1, message, ch, expected)))
    return out
