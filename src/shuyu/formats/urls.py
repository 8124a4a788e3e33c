"""URLs, e-mail addresses and bare domain names are not prose: find them so readers can drop them."""

from __future__ import annotations

import re

# A URL character: not a space, a bracket or quote that closes it, nor full-width punctuation or
# curly quotes (prose written around a URL: "见 https://x.cn/a。", "see “https://x.org”，and").
_C = r"[^\s<>\"'）)\]，。；：！？、“”‘’《》【】]"
_URL = re.compile(
    # After a letter or digit of another script too ("访问https://…"), where \b sees no boundary.
    rf"(?<![A-Za-z0-9])(?:https?|ftp)://{_C}+"
    rf"|(?<![A-Za-z0-9])www\.{_C}+"
    r"|\b[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
    # Bare lower-case domains such as english.wuxi.gov.cn, common on Chinese government sites.
    rf"|\b(?:[a-z0-9-]+\.)+(?:cn|com|org|net|gov|edu|int|info)\b(?:/{_C}*)?",
    re.IGNORECASE,
)
_BARE_DOMAIN = re.compile(r"(?:[a-z0-9-]+\.)+[a-z]+(?:/.*)?", re.DOTALL)
# A sentence's closing punctuation right after a URL is not part of it.
_TRAILING = ".,;:!?"


#: Every URL, address or domain :func:`url_spans` finds contains "://", "@", "www." or one of these
#: endings: text without any is not searched (the full pattern is slow on long prose).
_DOMAIN_END = re.compile(r"\.(?:cn|com|org|net|gov|edu|int|info)\b", re.IGNORECASE)
_WWW = re.compile(r"www\.", re.IGNORECASE)
#: The end of a whitespace-free word.
_WORD_END = re.compile(r"\S*")


def may_hold_url(text: str) -> bool:
    """False when :func:`url_spans` finds nothing in ``text``: a cheap test first (substring
    tests first: they run at memory speed)."""
    return ("://" in text or "@" in text or _DOMAIN_END.search(text) is not None
            or (("w." in text or "W." in text) and _WWW.search(text) is not None))


def url_hints(text: str) -> list[int]:
    """Sorted offsets in ``text`` where :func:`may_hold_url` sees a hint: a text span holding
    none of them gives False there (each hint lies within the characters it tests, and none
    spans whitespace or markup). One pass over a page instead of four tests per paragraph.

    >>> url_hints("See www.gov.cn or a@b. Also x://y")
    [4, 7, 11, 19, 29]
    """
    hints = [m.start() for m in _DOMAIN_END.finditer(text)]
    for needle in ("://", "@", "w.", "W."):
        at = text.find(needle)
        while at != -1:
            if needle[0] not in "wW" or (at >= 2 and _WWW.match(text, at - 2)):
                hints.append(at if needle[0] not in "wW" else at - 2)
            at = text.find(needle, at + 1)
    hints.sort()
    return hints


def url_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) spans of URLs, e-mail addresses and bare domains in ``text``.

    Every match of the pattern holds a hint of :func:`url_hints` and no whitespace, and no
    assertion of the pattern tells whitespace from the text's ends: so it is run only on the
    whitespace-free words that hold a hint (the pattern tries four alternatives at every
    position, some 30 µs for a paragraph; a word is a few characters).

    >>> text = "See https://x.org/a. Mail info@wuxi.gov.cn or english.wuxi.gov.cn."
    >>> [text[s:e] for s, e in url_spans(text)]
    ['https://x.org/a', 'info@wuxi.gov.cn', 'english.wuxi.gov.cn']
    """
    spans: list[tuple[int, int]] = []
    word_end = -1
    for hint in url_hints(text):
        if hint < word_end:
            continue  # in the word just searched
        start = hint
        while start and not text[start - 1].isspace():
            start -= 1
        word_end = _WORD_END.match(text, hint).end()
        _add_spans(text, start, word_end, spans)
    return spans


def _add_spans(text: str, first: int, last: int, spans: list[tuple[int, int]]) -> None:
    """Append the spans of the URLs in ``text[first:last]``."""
    for m in _URL.finditer(text, first, last):
        start, end = m.span()
        bare = "://" not in m.group() and "@" not in m.group() and not m.group().lower().startswith("www.")
        # Bare domains are taken only when written in lower case: "Wuxi.Com" in prose is not a URL.
        if bare and not _BARE_DOMAIN.fullmatch(m.group()):
            continue
        while end > start and text[end - 1] in _TRAILING:
            end -= 1
        spans.append((start, end))


def blank_urls(text: str) -> str:
    """``text`` with every URL replaced by spaces of the same length.

    >>> blank_urls("see https://x.org/CCP now")
    'see                   now'
    """
    out = list(text)
    for start, end in url_spans(text):
        out[start:end] = " " * (end - start)
    return "".join(out)
