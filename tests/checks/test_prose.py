"""The prose rules, and their page-at-once passes against the text-by-text reference they replace.

`text_issues`, `quote_styles` and `page_issues` (the two over one join) look at a page's texts
joined, to skip the texts that cannot give an issue; the reference below is the code they
replaced: each rule called on each text, and the quote styles found by regular expressions text
by text. Both must give the same issues in the same order for any texts.
"""

from __future__ import annotations

import re

from hypothesis import example
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from shuyu.checks import prose
from shuyu.checks.prose import Issue
from shuyu.checks.prose import page_issues
from shuyu.checks.prose import quote_styles
from shuyu.checks.prose import text_issues

_APOSTROPHES = re.compile(r"[A-Za-z](['’])(?=[A-Za-z])")
_DOUBLE = re.compile(r"([\"“”])")


def reference_text_issues(texts: list[str], rules: tuple[str, ...] = prose.SEGMENT_RULES) -> list[tuple[int, Issue]]:
    funcs = [func for rule, func in (("untranslated", prose.untranslated), ("punctuation", prose.punctuation),
                                     ("repeated-word", prose.repeated_words)) if rule in rules]
    return [(k, issue) for k, text in enumerate(texts) for func in funcs for issue in func(text)]


def reference_quote_styles(texts: list[str]) -> list[tuple[int, Issue]]:
    out = []
    for pattern, straight, label in ((_APOSTROPHES, "'", "apostrophe"), (_DOUBLE, '"', "double quote")):
        uses = [(k, m.start(1), m.group(1)) for k, t in enumerate(texts) for m in pattern.finditer(t)]
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


# Pieces that reach every branch: repeats across spaces and line breaks (and across texts, which
# must not count), the letters Unicode case folding adds to [A-Za-z], non-ASCII spaces, the
# separators the passes join with, Chinese runs with their punctuation, full-width forms, quotes.
_PIECES = st.sampled_from([
    "the", "The", "THE", "had", "that", "a", "b", " ", "  ", "\n", "\t", "\u00a0", "\u3000", "\x1c", "\x01", "\0",
    ".", ",", "-", "_", "3", "é", "İ", "ı", "ſ", "\u212a", "k", "s", "'", "’", "\"", "“", "”", "无锡", "徐州市",
    "，", "。", "（", "）", "！", "～", "Ａ", "\U00020001", "\ud800", " the the ", "People's", "People’s",
])
_TEXT = st.lists(_PIECES, max_size=12).map("".join)
_TEXTS = st.lists(_TEXT, max_size=6)


@settings(max_examples=3000, deadline=None)
@given(_TEXTS, st.sets(st.sampled_from(prose.SEGMENT_RULES)))
@example(["the", "the"], set(prose.SEGMENT_RULES))
@example(["a \x01 a", "the the"], set(prose.SEGMENT_RULES))
@example(["", "the the", "", "无锡，"], set(prose.SEGMENT_RULES))
@example(["\u212a \u212a"], {"repeated-word"})
def test_text_issues_equal_the_rules_text_by_text(texts: list[str], rules: set[str]) -> None:
    chosen = tuple(r for r in prose.SEGMENT_RULES if r in rules)
    assert text_issues(texts, chosen) == reference_text_issues(texts, chosen)


@settings(max_examples=3000, deadline=None)
@given(_TEXTS)
@example(["People's", "People’s", "People’s"])
@example(["it's", "\0’s", "a’b"])
@example(["“a”", '"b"', "\"c\""])
def test_quote_styles_equal_the_text_by_text_search(texts: list[str]) -> None:
    assert quote_styles(texts) == reference_quote_styles(texts)


@settings(max_examples=3000, deadline=None)
@given(_TEXTS, st.sets(st.sampled_from(prose.SEGMENT_RULES)))
@example(["People's", "the the", "无锡，“a”", "\"b\""], set(prose.SEGMENT_RULES))
def test_page_issues_equal_the_text_by_text_rules_then_the_quote_styles(texts: list[str], rules: set[str]) -> None:
    chosen = tuple(r for r in prose.SEGMENT_RULES if r in rules)
    expected = reference_text_issues(texts, chosen) + (reference_quote_styles(texts) if "punctuation" in rules else [])
    assert page_issues(texts, chosen) == expected


@settings(max_examples=3000, deadline=None)
@given(_TEXTS)
@example(["the the"])
@example(["the", "the", "a b", "", "\x01x x"])
@example(["ha ha ha ha", "", "b", "no", "c  c"])
def test_repeat_candidates_of_a_page_are_the_texts_may_repeat_lets_through(texts: list[str]) -> None:
    # The page-at-once search must pick exactly the texts the per-text test picks (no fewer: a
    # repeat would be lost; no more: the test above would not see it, as the rule rejects them).
    page = prose._Page(texts)
    encoded = page.joined.encode("utf-8", "surrogatepass")
    assert prose._repeat_texts(page, encoded) == {k for k, t in enumerate(texts) if prose._may_repeat(t)}


def test_a_word_repeated_across_texts_is_not_a_repeat() -> None:
    assert text_issues(["We met the", "the delegation"]) == []
    assert [(k, i.found) for k, i in text_issues(["We met", "the  the delegation"])] == [(1, "the  the")]


def test_only_the_texts_that_can_give_an_issue_are_examined(monkeypatch) -> None:
    seen = []
    real = prose.repeated_words
    monkeypatch.setattr(prose, "repeated_words", lambda text: seen.append(text) or real(text))
    texts = ["Nothing here.", "It was was late.", "the. The end", "Plain."]
    assert [(k, i.found) for k, i in text_issues(texts)] == [(1, "was was")]
    assert seen == ["It was was late.", "the. The end"]  # a candidate the pattern then rejects


def test_mixed_apostrophes_report_the_minority_with_their_text() -> None:
    found = quote_styles(["People’s Republic", "it's", "Xinhua’s report"])
    assert [(k, i.start, i.found, i.expected) for k, i in found] == [(1, 2, "'", "’")]
    assert found[0][1].message.startswith("mixed apostrophe styles: 1 straight and 2 curly")


def test_registration_marks_are_not_untranslated_but_chinese_beside_them_is() -> None:
    # Every page of a site hosted in China shows its ICP and public-security filings in Chinese, English pages
    # too: five errors a page on a government site's footer before.
    text = "© 2023 Wuxi. 苏ICP备05010345号-1 | 京ICP证030173号 | 苏公网安备 32020202000145号 联系我们"
    assert [i.found for i in prose.untranslated(text)] == ["联系我们"]
    assert [i.found for i in prose.untranslated("备案号：苏ICP备05010345号")] == ["备案号："]
    assert [i.found for i in prose.untranslated("苏ICP备 pending")] == ["苏", "备"]  # no number: not a mark


def test_a_name_written_twice_is_not_a_repeated_word() -> None:
    text = "Pianist Lang Lang and athlete Li Li visited Walla Walla. The the end. THE THE END. In In Wuxi. Wuxi wuxi."
    assert [i.found for i in prose.repeated_words(text)] == ["The the", "THE THE", "In In", "Wuxi wuxi"]
