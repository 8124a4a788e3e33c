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


def url_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) spans of URLs, e-mail addresses and bare domains in ``text``.

    >>> text = "See https://x.org/a. Mail info@wuxi.gov.cn or english.wuxi.gov.cn."
    >>> [text[s:e] for s, e in url_spans(text)]
    ['https://x.org/a', 'info@wuxi.gov.cn', 'english.wuxi.gov.cn']
    """
    spans = []
    for m in _URL.finditer(text):
        start, end = m.span()
        bare = "://" not in m.group() and "@" not in m.group() and not m.group().lower().startswith("www.")
        # Bare domains are taken only when written in lower case: "Wuxi.Com" in prose is not a URL.
        if bare and not _BARE_DOMAIN.fullmatch(m.group()):
            continue
        while end > start and text[end - 1] in _TRAILING:
            end -= 1
        spans.append((start, end))
    return spans


def blank_urls(text: str) -> str:
    """``text`` with every URL replaced by spaces of the same length.

    >>> blank_urls("see https://x.org/CCP now")
    'see                   now'
    """
    out = list(text)
    for start, end in url_spans(text):
        out[start:end] = " " * (end - start)
    return "".join(out)
