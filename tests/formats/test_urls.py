"""URLs, e-mail addresses and bare domains are found exactly, so that readers can drop them from prose."""

from __future__ import annotations

import pytest
from hypothesis import example
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from shuyu.formats import urls
from shuyu.formats.urls import blank_urls
from shuyu.formats.urls import url_spans


def found(text: str) -> list[str]:
    return [text[start:end] for start, end in url_spans(text)]


@pytest.mark.parametrize(
    ("text", "urls"),
    [
        # Scheme URLs, with the sentence's closing punctuation left out.
        ("See https://x.org/a. Next", ["https://x.org/a"]),
        ("Go to https://x.org/a?!", ["https://x.org/a"]),
        ("ftp://files.x.org/pub; then", ["ftp://files.x.org/pub"]),
        ("Query https://x.org/a?b=1&c=2, done", ["https://x.org/a?b=1&c=2"]),
        # Brackets and quotes that close around a URL are not part of it.
        ("(see https://x.org/a)", ["https://x.org/a"]),
        ("（见 https://x.cn/a）", ["https://x.cn/a"]),
        ("[https://x.org/a]", ["https://x.org/a"]),
        ('"https://x.org/a"', ["https://x.org/a"]),
        ("x https://a.cn/b<c", ["https://a.cn/b"]),
        # Full-width punctuation and curly quotes written around a URL are prose.
        ("请访问 https://x.cn/a。谢谢", ["https://x.cn/a"]),
        ("see https://x.org/a，and more", ["https://x.org/a"]),
        ("see “https://x.org/a” now", ["https://x.org/a"]),
        ("at wuxi.gov.cn/a，the city", ["wuxi.gov.cn/a"]),
        # A URL glued to Chinese text is still found whole.
        ("访问https://x.cn/a", ["https://x.cn/a"]),
        ("访问www.x.cn", ["www.x.cn"]),
        # A non-ASCII path is part of the URL.
        ("http://例子.cn/路径 text", ["http://例子.cn/路径"]),
        # www. names in any case.
        ("www.Wuxi.Com", ["www.Wuxi.Com"]),
        # E-mail addresses, without the full stop after them.
        ("mail info@wuxi.gov.cn.", ["info@wuxi.gov.cn"]),
        ("mailto:a.b+c@b.cn", ["a.b+c@b.cn"]),
        # Bare lower-case domains, with a path, without the comma after them.
        ("english.wuxi.gov.cn/en/index.html, then", ["english.wuxi.gov.cn/en/index.html"]),
        ("wuxi.com is a site", ["wuxi.com"]),
        # Capitalised words joined by a dot are prose, not domains.
        ("Wuxi.Com is a name", []),
        ("Visit Wuxi.gov.cn", []),
        ("CCP.cn", []),
        # Abbreviations and unknown endings are prose.
        ("e.g. U.S. policy", []),
        ("a.b.c.d", []),
        ("No links here at all.", []),
        # Several in one text, in order.
        (
            "See https://x.org/a. Mail info@wuxi.gov.cn or english.wuxi.gov.cn.",
            ["https://x.org/a", "info@wuxi.gov.cn", "english.wuxi.gov.cn"],
        ),
    ],
)
def test_url_spans(text: str, urls: list[str]) -> None:
    assert found(text) == urls


def test_spans_are_offsets_into_the_text() -> None:
    text = "Wuxi https://x.org/a. and www.wuxi.gov.cn"
    assert url_spans(text) == [(5, 20), (26, 41)]


def test_blank_urls_keeps_length_and_everything_else() -> None:
    text = "see https://x.org/CCP now, or info@ccp.cn."
    blanked = blank_urls(text)
    assert blanked == "see " + " " * 17 + " now, or " + " " * 11 + "."
    assert len(blanked) == len(text)


def test_blank_urls_without_urls_is_the_identity() -> None:
    assert blank_urls("Wuxi.Com and e.g. 徐州") == "Wuxi.Com and e.g. 徐州"


# The pattern run over the whole text, as url_spans did before it searched only the words that
# hold a hint: the oracle of the property test below.
def _spans_of_whole_text(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in urls._URL.finditer(text):
        start, end = m.span()
        bare = "://" not in m.group() and "@" not in m.group() and not m.group().lower().startswith("www.")
        if bare and not urls._BARE_DOMAIN.fullmatch(m.group()):
            continue
        while end > start and text[end - 1] in urls._TRAILING:
            end -= 1
        spans.append((start, end))
    return spans


_PIECE = st.sampled_from([
    "https://", "http://", "ftp://", "://", "www.", "WwW.", "w.", "ww", "@", ".cn", ".com", ".Org", ".gov",
    ".info", ".x", ".", "/", "/path", "a", "Wuxi", "wuxi", "gov", "cn", "-", "+", "_", "1", " ", "\n", "\t",
    "\xa0", "\u3000", "访问", "。", "，", "“", "”", "(", ")", "<", ">", '"', "'", "?", "!", ",", ";", ":",
])


@settings(max_examples=1500, deadline=None)
@given(st.lists(_PIECE, max_size=25).map("".join))
@example("see https://x.org/a and www.gov.cn, info@wuxi.gov.cn.")
@example("访问www.x.cn\u3000mail:a@b.cn")
def test_url_spans_searching_only_hinted_words_finds_what_the_whole_text_search_finds(text: str) -> None:
    assert url_spans(text) == _spans_of_whole_text(text)
    assert urls.may_hold_url(text) == bool(urls.url_hints(text))
