"""Sentence and paragraph splitting for Chinese and English, as spans of the text.

Both splitters first choose cut positions, then cut the text there and trim whitespace from each
piece, dropping pieces that are blank. That construction is what guarantees the contract the
aligner and the checks rely on: spans are in order, do not overlap, start and end on a non-blank
character, and every non-blank character of the text is inside exactly one span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from shuyu.errors import InputError


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range ``[start, end)`` of a text."""

    start: int
    end: int


#: Characters that break a line, as :meth:`str.splitlines` counts them.
_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"

#: Closing quotes and brackets that stay with the sentence they close (。” belongs to the quote).
_ZH_CLOSERS = "」』”’）)】〕》〉\"'"
#: A run of Chinese sentence enders: 。！？； (and the half-width !? a Chinese text may use), and an
#: ellipsis of two or more …/⋯ (a single … is used inside lists: 等…), then closers.
_ZH_END = re.compile(rf"(?:[。！？；!?]|…{{2,}}|⋯{{2,}})+[{re.escape(_ZH_CLOSERS)}]*")
#: What, right after an end run, shows the sentence goes on: a comma or colon (“好！”，他说).
_ZH_GOES_ON = "，、,：:"

_EN_CLOSERS = "\"'”’)]}»"
_EN_OPENERS = "\"'“‘([{«"
_EN_END = re.compile(rf"(?:[.!?]|…)+[{re.escape(_EN_CLOSERS)}]*")
#: Abbreviations after which a full stop never ends a sentence (compared lower-cased, without the
#: final full stop). "no" is handled on its own: it is an abbreviation only before a number.
_ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "st", "co", "ltd", "inc", "corp", "jr", "sr", "vs", "etc", "e.g", "i.e", "cf",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "gen", "gov", "govt", "rep", "sen", "rev", "dept", "fig", "vol", "approx", "mt", "ave",
})
#: Upper-case initialisms written with full stops: U.S, U.K, P.R.C (the final stop is the match).
_INITIALISM = re.compile(r"(?:[A-Z]\.)+[A-Z]")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def split_sentences(text: str, lang: str) -> list[Span]:
    """Sentences of ``text`` as trimmed spans, in order, covering every non-blank character.

    Chinese (``lang`` starting with ``zh``): a sentence ends at 。！？； or an ellipsis ……, with the
    closing quotes and brackets that follow it, and at every line break (Chinese text is not
    hard-wrapped: a line is a paragraph or a title). It never ends at 、 or ，.

    English (``lang`` starting with ``en``): a sentence ends at . ! ? or … (with closing quotes and
    brackets) followed by whitespace and an upper-case letter, a digit or an opening quote, or by
    the end of the text; never after a common abbreviation (Mr. Dr. Co. Ltd. etc. e.g. Jan. …),
    an initialism (U.S.), a single capital initial (J. Smith) or "No." before a number, and never
    inside a number (3.5). A blank line always ends a sentence; a single line break ends one only
    after a title-like line (no final punctuation, its words capitalised), since English prose is
    often hard-wrapped.

    :param text: the text to split.
    :param lang: a language tag: ``zh…`` or ``en…``.
    :returns: the sentence spans.
    :raises InputError: for a language other than Chinese or English.

    >>> t = "Mr. Huang met Zhou. They signed 3.5 deals! Done"
    >>> [t[s.start:s.end] for s in split_sentences(t, "en")]
    ['Mr. Huang met Zhou.', 'They signed 3.5 deals!', 'Done']
    >>> z = "黄钦会见代表团。双方签署协议，共建园区！"
    >>> [z[s.start:s.end] for s in split_sentences(z, "zh")]
    ['黄钦会见代表团。', '双方签署协议，共建园区！']
    """
    tag = lang.lower()
    if tag.startswith("zh"):
        cuts = _zh_cuts(text)
    elif tag.startswith("en"):
        cuts = _en_cuts(text)
    else:
        raise InputError(f"cannot split sentences of language {lang!r}", hint="use 'zh' or 'en'")
    return _pieces(text, cuts)


def split_paragraphs(text: str) -> list[Span]:
    """Blank-line separated blocks of ``text``, trimmed (a line of only whitespace is blank).

    :param text: the text to split.
    :returns: the paragraph spans, in order.

    >>> [(s.start, s.end) for s in split_paragraphs("a\\nb\\n \\t\\n  c\\n")]
    [(0, 3), (9, 10)]
    """
    spans: list[Span] = []
    start = -1  # start of the paragraph being read, -1 between paragraphs
    end = 0
    pos = 0
    for line in text.splitlines(keepends=True):
        if line.isspace():
            if start >= 0:
                spans.append(Span(start, end))
                start = -1
        else:
            first = pos + len(line) - len(line.lstrip())
            if start < 0:
                start = first
            end = pos + len(line.rstrip())
        pos += len(line)
    if start >= 0:
        spans.append(Span(start, end))
    return spans


def _pieces(text: str, cuts: set[int]) -> list[Span]:
    """The trimmed, non-blank pieces of ``text`` between the cut positions."""
    spans: list[Span] = []
    start = 0
    for cut in [*sorted(cuts), len(text)]:
        a, b = start, cut
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            spans.append(Span(a, b))
        start = max(start, cut)
    return spans


def _line_ends(text: str) -> list[tuple[int, int, bool]]:
    """Each line as (start, end without its break, blank)."""
    lines = []
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip(_LINE_BREAKS)
        lines.append((pos, pos + len(body), not body.strip()))
        pos += len(line)
    return lines


def _zh_cuts(text: str) -> set[int]:
    cuts = {end for _, end, _ in _line_ends(text)}
    for m in _ZH_END.finditer(text):
        rest = text[m.end():m.end() + 1]
        if rest and rest in _ZH_GOES_ON:
            continue
        cuts.add(m.end())
    return cuts


def _en_cuts(text: str) -> set[int]:
    cuts: set[int] = set()
    lines = _line_ends(text)
    for k, (start, end, blank) in enumerate(lines):
        nxt = lines[k + 1] if k + 1 < len(lines) else None
        if blank or nxt is None or nxt[2] or _title_like(text[start:end], text[nxt[0]:nxt[1]]):
            cuts.add(end)
    for m in _EN_END.finditer(text):
        after = m.end()
        while after < len(text) and text[after].isspace():
            after += 1
        if after == len(text):
            cuts.add(m.end())
            continue
        if after == m.end() or not _starts_sentence(text[after]):
            continue
        if _abbreviation_before(text, m.start(), m.group(), text[after]):
            continue
        cuts.add(m.end())
    return cuts


def _starts_sentence(char: str) -> bool:
    """True for an upper-case letter, a digit, an opening quote or a caseless letter (汉字)."""
    return char.isupper() or char.isdigit() or char in _EN_OPENERS or (char.isalpha() and not char.islower())


def _abbreviation_before(text: str, stop: int, run: str, following: str) -> bool:
    """True when the single full stop at ``stop`` closes an abbreviation rather than a sentence."""
    if not run.startswith(".") or run.rstrip(_EN_CLOSERS) != ".":
        return False
    begin = stop
    while begin > 0 and not text[begin - 1].isspace():
        begin -= 1
    token = text[begin:stop].lstrip(_EN_OPENERS)
    if token.lower() in _ABBREVIATIONS or _INITIALISM.fullmatch(token):
        return True
    if token.lower() == "no":
        return following.isdigit()
    # A single capital initial: "J. Smith", "Huang Q. said".
    return len(token) == 1 and token.isupper()


def _title_like(line: str, next_line: str) -> bool:
    """True when ``line`` reads as a heading: no final punctuation and its longer words capitalised."""
    stripped = line.strip()
    following = next_line.lstrip()
    if not stripped or not following or stripped[-1] in ".!?…,;:-–—" or not _starts_sentence(following[0]):
        return False
    words = [w for w in _WORD.findall(stripped) if len(w) > 3]
    if not words:
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised * 4 >= len(words) * 3
