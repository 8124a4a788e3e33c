"""Glossary-free English prose rules: `untranslated`, `punctuation`, `repeated-word`.

Each function takes the text of one prose segment and returns issues with offsets in it; the
engine turns them into findings with file positions.
"""

from __future__ import annotations

import operator
import re
from bisect import bisect_right
from collections.abc import Collection
from collections.abc import Sequence
from itertools import accumulate
from itertools import islice
from typing import NamedTuple

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
#: A character either Chinese rule starts from: a text without one gives neither a finding.
_CJK_GATE = lazy(f"[{HAN}" + "".join(_FULLWIDTH) + "\uff01-\uff5e]")
# Possessive: a shorter word or run of spaces could never be followed by the repeat, so the
# engine is told not to try (same matches, a third faster).
_WORD_REPEAT = re.compile(r"\b([A-Za-z]++)(\s++)(\1)\b", re.IGNORECASE)
#: The characters outside ASCII that ``[A-Za-z]`` matches when case is ignored (İ ı ſ K).
_FOLDED_LETTERS = ("\u0130", "\u0131", "\u017f", "\u212a")
#: Bytes → ASCII letters lower-cased, everything else a space.
_LETTERS_ONLY = bytes(c | 0x20 if (65 <= c <= 90 or 97 <= c <= 122) else 32 for c in range(256))
#: The same, keeping the byte 1 that stands between texts joined for one pass over a page.
_LETTERS_AND_SEPARATOR = _LETTERS_ONLY[:1] + b"\x01" + _LETTERS_ONLY[2:]
#: Two neighbouring equal words in text brought to ``_LETTERS_AND_SEPARATOR`` (words of lower-case
#: letters between runs of spaces). Starting with a literal space lets the engine jump from space to
#: space rather than try every position: the search is three times faster than splitting into words.
#: A word is taken as "no space", which the engine steps over faster than a class of letters; the
#: only other word is the separator byte 1 (always alone between spaces), and ``\b`` keeps two of
#: them from making a pair, as no word character stands on either side of one.
_NEIGHBOUR_REPEAT = re.compile(rb" ([^ ]++) ++\1\b")
#: Repeats that are good English ("had had", "that that").
ALLOWED_REPEATS = frozenset({"had", "that"})


class Issue(NamedTuple):
    """A problem in a segment's text: rule, span, message, what was found and what to write.

    A named tuple rather than a frozen dataclass: as immutable, and built three times faster (a
    page has a score of issues, most of them quote styles).
    """

    rule: str
    start: int
    end: int
    message: str
    found: str
    expected: str | None = None


#: The registration marks Chinese regulation requires on every page of a site hosted in China, English pages
#: included, written as filed: the ICP filing or licence (苏ICP备05010345号-1, 京ICP证030173号) and the public
#: security filing (苏公网安备 32020202000145号). Left in Chinese on purpose: not untranslated text.
_REGISTRATION = lazy(f"[{HAN}](?:ICP[备证]|公网安备)[\\s:：]*[0-9]+号(?:-[0-9]+)?")


def untranslated(text: str) -> list[Issue]:
    """Each run of Chinese characters (with the punctuation inside it) left in English text, but in the
    registration marks a site in China must show in Chinese (:data:`_REGISTRATION`).

    >>> [(i.start, i.end, i.found) for i in untranslated("Leaders of 徐州市、无锡 met.")]
    [(11, 17, '徐州市、无锡')]
    >>> untranslated("© 2023 Wuxi. 苏ICP备05010345号-1 苏公网安备 32020202000145号")
    []
    """
    if text.isascii():
        return []
    if "ICP" in text or "公网安备" in text:
        # Blanked (same length, so offsets hold): a run of Chinese beside a mark is still found, alone.
        text = _REGISTRATION.sub(lambda m: " " * len(m.group()), text)
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
    """A word written twice in a row ("the the"), across spaces and line breaks; not a name (Lang Lang).

    >>> [(i.found, i.expected) for i in repeated_words("implement the the spirit; he had had enough")]
    [('the the', 'the')]
    >>> [i.found for i in repeated_words("Lang Lang played; The the end; In In Wuxi")]
    ['The the', 'In In']
    """
    if not _may_repeat(text):
        return []
    out = []
    for m in _WORD_REPEAT.finditer(text):
        word = m.group(1)
        if word.lower() in ALLOWED_REPEATS or _is_name(word, m.group(3)):
            continue
        out.append(Issue("repeated-word", m.start(), m.end(), f"repeated word '{word}'", m.group(), word))
    return out


def _is_name(first: str, second: str) -> bool:
    """True for a name written twice, both capitalised alike: reduplicated Chinese given names (Lang Lang,
    Li Li) and places (Walla Walla, Bora Bora). "The the" and "THE THE" stay typos, as do capitalised
    function words ("In In")."""
    return first == second and first.istitle() and len(first) > 1 and first.lower() not in _FUNCTION_WORDS


#: Words that, capitalised twice, are a typo rather than a name.
_FUNCTION_WORDS = frozenset({"the", "an", "and", "or", "of", "to", "in", "on", "at", "for", "by", "with", "from", "is",
                             "are", "was", "were", "be", "it", "this", "we", "he", "she", "they", "as", "but"})


def _may_repeat(text: str) -> bool:
    """A cheap test before the repeated-word pattern: are two neighbouring words the same?

    Words here are runs of ASCII letters, case folded, with everything else a separator: every
    match of the pattern is such a pair (it may find pairs the pattern rejects, "the. The").
    """
    if not text.isascii() and any(c in text for c in _FOLDED_LETTERS):
        return True
    words = text.encode("ascii", "replace").translate(_LETTERS_ONLY).split()
    return any(map(operator.eq, words, islice(words, 1, None)))


#: The per-text rules in the order their issues are given for each text.
SEGMENT_RULES = ("untranslated", "punctuation", "repeated-word")


def text_issues(texts: Sequence[str], rules: Collection[str] = SEGMENT_RULES) -> list[tuple[int, Issue]]:
    """:func:`untranslated`, :func:`punctuation` and :func:`repeated_words` of each text (those in
    ``rules``), with the index of the text, in text order and in that rule order within a text.

    A page has about a hundred texts and most give nothing: rather than three calls per text,
    one pass over the page's texts joined tells which texts can give an issue at all, and only
    those are examined.

    >>> [(k, i.rule, i.found) for k, i in text_issues(["No issue.", "the the end", "无锡，"])]
    [(1, 'repeated-word', 'the the'), (2, 'untranslated', '无锡，')]
    """
    return _text_issues(_Page(texts), rules)


def quote_styles(texts: Sequence[str]) -> list[tuple[int, Issue]]:
    """Mixed straight and curly apostrophes (People's / People’s) or double quotes in one document.

    The majority style wins (a tie goes to the straight one); every use of the other is reported
    with the segment index it is in.
    """
    return _quote_styles(_Page(texts))


def page_issues(texts: Sequence[str], rules: Collection[str] = SEGMENT_RULES) -> list[tuple[int, Issue]]:
    """:func:`text_issues`, then :func:`quote_styles` when ``punctuation`` is among ``rules``: the
    two share their pass over the texts joined."""
    page = _Page(texts)
    out = _text_issues(page, rules)
    if "punctuation" in rules:
        out += _quote_styles(page)
    return out


class _Page:
    """A page's texts joined for the passes over them all, with where each text starts.

    The separator is a word of its own (a byte 1 between spaces): neither a letter, so no word or
    apostrophe is seen across texts, nor a character the Chinese rules look for.
    """

    __slots__ = ("_starts", "joined", "texts")
    SEPARATOR = " \x01 "

    def __init__(self, texts: Sequence[str]) -> None:
        self.texts = texts
        self.joined = self.SEPARATOR.join(texts)
        self._starts: list[int] | None = None

    @property
    def starts(self) -> list[int]:
        """Where each text starts in the joined texts (worked out on first use: most pages need none)."""
        if self._starts is None:
            self._starts = _starts(self.texts, len(self.SEPARATOR))
        return self._starts


def _text_issues(page: _Page, rules: Collection[str]) -> list[tuple[int, Issue]]:
    """:func:`text_issues` of a page's texts already joined."""
    chinese = [func for rule, func in (("untranslated", untranslated), ("punctuation", punctuation)) if rule in rules]
    repeat = "repeated-word" in rules
    # One encoding serves both gates: UTF-8 keeps ASCII letters and leaves the rest bytes above 127.
    encoded = page.joined.encode("utf-8", "surrogatepass") if chinese or repeat else b""
    cjk = _cjk_texts(page, encoded) if chinese else set()
    repeats = _repeat_texts(page, encoded) if repeat else set()
    out: list[tuple[int, Issue]] = []
    for k in sorted(cjk | repeats):
        text = page.texts[k]
        if k in cjk:
            for func in chinese:
                out += [(k, issue) for issue in func(text)]
        if k in repeats:
            out += [(k, issue) for issue in repeated_words(text)]
    return out


def _starts(texts: Sequence[str], sep: int) -> list[int]:
    """Where each text starts in the texts joined by a separator of ``sep`` characters."""
    # The lengths summed, plus k separators before text k: both sequences stepped through in C.
    return list(map(operator.add, accumulate(map(len, texts), initial=0), range(0, sep * len(texts), sep)))


#: UTF-8 lead and continuation bytes of characters below U+3000: deleting them leaves bytes only
#: where a character the Chinese rules look for (all at or above U+3000) could be.
_BELOW_U3000 = bytes(range(0xE3))


def _cjk_texts(page: _Page, encoded: bytes) -> set[int]:
    """Indices of the texts holding a Chinese character or a full-width form (all others give
    neither Chinese rule an issue); ``encoded`` is the joined texts in UTF-8."""
    # Two C passes rule out almost every English page, where curly quotes and dashes are the only
    # characters outside ASCII; a search with the Chinese character class is ten times slower.
    if page.joined.isascii() or not encoded.translate(None, _BELOW_U3000):
        return set()
    starts = page.starts
    out = set()
    m = _CJK_GATE.search(page.joined)
    while m is not None:
        k = bisect_right(starts, m.start()) - 1
        out.add(k)
        if k + 1 == len(starts):
            break
        m = _CJK_GATE.search(page.joined, starts[k + 1])  # on from the next text
    return out


def _repeat_texts(page: _Page, encoded: bytes) -> set[int]:
    """Indices of the texts :func:`_may_repeat` lets through, found in one pass over them all;
    ``encoded`` is the joined texts in UTF-8.

    The separator word between texts keeps the last word of one text and the first of the next
    from being neighbours. The texts are brought to the words :func:`_may_repeat` compares (each
    byte outside ASCII a space, as each character outside ASCII is one there); one search then
    finds the neighbouring equal words, without making an object per word.
    """
    texts = page.texts
    if not texts:
        return set()
    if page.joined.count("\x01") != len(texts) - 1:  # a text holds the separator itself
        return {k for k, t in enumerate(texts) if _may_repeat(t)}
    out = set()
    if not page.joined.isascii() and any(c in page.joined for c in _FOLDED_LETTERS):
        out = {k for k, t in enumerate(texts) if any(c in t for c in _FOLDED_LETTERS)}
    # The space in front gives the first word the space every other word has before it.
    words = b" " + encoded.translate(_LETTERS_AND_SEPARATOR)
    k = searched = 0
    for m in _NEIGHBOUR_REPEAT.finditer(words):
        k += words.count(b"\x01", searched, m.start())  # separators before the pair: its text
        searched = m.start()
        out.add(k)
    return out


def _uses(text: str, ch: str, apostrophe: bool) -> list[int]:
    """Where ``ch`` stands in ``text``; for an apostrophe, only between two ASCII letters (else it
    is a quotation mark). ``str.find`` runs at memory speed: a few dozen quotes on a page cost less
    than one regex pass over it."""
    out = []
    i = text.find(ch)
    while i >= 0:
        out.append(i)
        i = text.find(ch, i + 1)
    if apostrophe:
        last = len(text) - 1
        out = [i for i in out if 0 < i < last and text[i - 1] in _ASCII_LETTERS and text[i + 1] in _ASCII_LETTERS]
    return out


_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
#: The styles compared: label, the straight character, and the curly ones (the one to write first).
_QUOTE_STYLES = (("apostrophe", "'", "’"), ("double quote", '"', "“”"))


def _quote_styles(page: _Page) -> list[tuple[int, Issue]]:
    """:func:`quote_styles` of a page's texts already joined."""
    out: list[tuple[int, Issue]] = []
    joined = page.joined
    for label, straight, curly in _QUOTE_STYLES:
        if straight not in joined or not any(c in joined for c in curly):
            continue  # one style only, or none: nothing is mixed
        minority = _minority(joined, label, straight, curly)
        if minority is None:
            continue
        uses, message, expected = minority
        starts = page.starts
        for pos, ch in uses:
            k = bisect_right(starts, pos) - 1
            start = pos - starts[k]
            out.append((k, Issue("punctuation", start, start + 1, message, ch, expected)))
    return out


def _minority(joined: str, label: str, straight: str, curly: str) -> tuple[list[tuple[int, str]], str, str] | None:
    """The uses of the minority style of ``label`` in text order, the message for each and what to
    write instead; None when the document does not mix the styles."""
    apostrophe = label == "apostrophe"
    straight_at = _uses(joined, straight, apostrophe)
    curly_at = [(i, ch) for ch in curly for i in _uses(joined, ch, apostrophe)]
    if not straight_at or not curly_at:
        return None
    majority_straight = len(straight_at) >= len(curly_at)
    message = (f"mixed {label} styles: {len(straight_at)} straight and {len(curly_at)} curly in this document; "
               f"use {'straight' if majority_straight else 'curly'} ones")
    if majority_straight:
        return sorted(curly_at), message, straight
    return [(i, straight) for i in straight_at], message, curly[0]
