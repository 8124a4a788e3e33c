"""The Markdown fast path reads every page exactly as markdown-it does, or hands it over.

``parse_markdown(..., fast=False)`` (markdown-it and the token walk) is the reference. For any
page, the fast path must give the same Document: segment texts, offset runs, scopes, blocks,
languages and suppressions. On a page outside its subset it must give up, never guess; on pages
of plain paragraphs and headings it must not give up.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from hypothesis import example
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from shuyu.formats.markdown import parse_markdown
from shuyu.formats.markdown_fast import plain_segments
from shuyu.text.document import Document
from shuyu.text.offsets import LineIndex


def reading(doc: Document) -> tuple[object, ...]:
    segments = [(s.text, list(s.offsets.derived), list(s.offsets.original), s.offsets.length,
                 s.offsets.original_end, s.scope, s.block, s.lang) for s in doc.segments]
    return doc.kind, segments, doc.suppressions


def fast_path_takes(source: str) -> bool:
    return plain_segments(source, LineIndex.of(source), 0, 0) is not None


def assert_same(source: str) -> None:
    assert reading(parse_markdown(source, "t.md")) == reading(parse_markdown(source, "t.md", fast=False)), source


# -- pages the fast path reads ----------------------------------------------------------------

PLAIN = """\
# News

The mayor of Wuxi met the delegation on 3 May. AT&T and R&D, 100% (not 99%) - and "quotes" ‘too’.
A second line of the same paragraph<HARD>
and a third after a hard break; #hashtag, 1. not a list, a-b, a+b, a=b, a>b, !bang, $5, {x}, ^, @.

  ## Indented heading ##x

[Editor: Chen Haifeng] and [ref] and ![not an image] and C:\\Windows\\path \\ and a\\b.
See https://ccp.org/a, www.ccp.com and info@ccp.cn here.

####### seven is text
#
无锡市委 and café, naïve. \ufeff
""".replace("<HARD>", "  ")  # a hard break (trailing spaces kept out of the source)


def test_a_plain_page_takes_the_fast_path_and_reads_as_markdown_it_reads_it() -> None:
    assert fast_path_takes(PLAIN)
    assert_same(PLAIN)
    texts = [(s.text, s.scope) for s in parse_markdown(PLAIN, "t.md").segments]
    assert texts[0] == ("News", "heading")
    assert ("Indented heading ##x", "heading") in texts
    assert ("####### seven is text", "paragraph") in texts


@pytest.mark.parametrize("newline", ["\r\n", "\n"])
def test_line_breaks_map_to_their_first_character(newline: str) -> None:
    source = PLAIN.replace("\n", newline)
    assert fast_path_takes(source)
    assert_same(source)


COMMENTED = """\
<!-- shuyu: disable=term-deprecated -->
# The CCP heading
<!-- shuyu: enable -->
A paragraph
<!-- shuyu: disable-next-line -->

Next to CCP.
  <!-- a <b> comment --> and text after it
<!-->
<!-- shuyu: disable=punctuation -->"""


def test_comment_lines_take_the_fast_path_and_give_the_same_suppressions() -> None:
    assert fast_path_takes(COMMENTED)
    assert_same(COMMENTED)
    doc = parse_markdown(COMMENTED, "t.md")
    assert [s.text for s in doc.segments] == ["The CCP heading", "A paragraph", "Next to CCP.", "and text after it"]
    assert doc.suppressed("term-deprecated", 2)
    assert not doc.suppressed("term-deprecated", 4)
    assert doc.suppressed("untranslated", 7)
    assert not doc.suppressed("untranslated", 8)
    assert doc.suppressed("punctuation", 10)


def test_front_matter_is_read_before_the_fast_path() -> None:
    source = '---\ntitle: "A [CCP] *title*"\ntags: [a, b]\n---\n# Heading\n\nText.\n'
    assert fast_path_takes(source[source.index("# Heading"):])
    assert_same(source)
    assert [s.text for s in parse_markdown(source, "t.md").segments] == ["A [CCP] *title*", "Heading", "Text."]


@pytest.mark.parametrize(
    "source",
    [
        "A *b*", "A _b_", "A `b`", "A ~~b~~", "A ~b", "A <b>", "A | b\n--|--", "A [b](c)", "[b]: /c\n\n[b]",
        "A &amp; b", "A &#8217; b", "A \\* b", "A\\\nb", "A \\ \nb", "A\\", "A\tb", "A\xa0b", "A\u3000b",
        "A\u2003b", "A\x00b", "A\rb", "- a", "+ a", "* a", "1. a", "2) a", "> a", "a\n===", "a\n---",
        "    code", "a\n    b", "# a #", "# a#", "A <!-- x -->", "<!-- a\n-->",
        "    <!-- a -->", "<div>", "<b>a</b>", "<https://x.org>", "a <b",
    ],
)
def test_anything_else_goes_to_markdown_it(source: str) -> None:
    assert not fast_path_takes(source)
    assert_same(source)


# -- any page: the same Document either way ---------------------------------------------------

_WORDS = st.sampled_from([
    "Wuxi", "mayor", "CCP", "无锡", "café", "a", "R&D", "AT&T", "&amp;", "&#8217;", "&#x2019;", "&copy",
    "&unknown;", "&", "\\", "\\x", "\\*", "\\ ", "C:\\dir", "x.com", "https://ccp.org/a", "info@ccp.cn",
    "www.ccp.com", "[Editor: Li]", "[a](b)", "[r]", "[r]:", "[r][]", "![alt]", "![a](b.png)", "*em*",
    "_u_", "snake_case", "`code`", "~~s~~", "~", "|", "<b>", "</b>", "<https://x.org>",
    "<!-- shuyu: disable=term-deprecated -->", "<!-- x -->", "#", "##", "#x", "!", "(", ")", ":", "-",
    "+", "=", ">", "1.", "2)", "10.", "<!--", "<!-->", "< b", "\xa0", "\u3000", "\u2003", "\x85", "\x1c", "\x0c", "\x00", "\t",
    "\ufeff", "\u200b", "“quoted”", "’", "%", "$", "@", "{", "}", "^",
])
_PREFIXES = st.sampled_from([
    "", "", "", "", " ", "  ", "   ", "    ", "\t", "# ", "## ", "###### ", "####### ", "#", "  # ", "- ",
    "* ", "+ ", "1. ", "1) ", "> ", "=", "===", "---", "***", "___", "```", "~~~", "<div>", "[r]: /u ",
    "| ", "|---|", "<!-- ", "-->", "\xa0", "\u3000",
])
_SUFFIXES = st.sampled_from(["", "", "", " ", "  ", "   ", " #", "#", " ##", "\\", "\t", " -->", "\xa0"])
_BLANKS = st.sampled_from(["", "", " ", "  ", "    ", "\t", "\xa0"])
_NEWLINES = st.sampled_from(["\n", "\n", "\n", "\r\n", "\r"])


@st.composite
def markdown_line(draw: st.DrawFn, words: st.SearchStrategy[str], prefixes: st.SearchStrategy[str],
                  suffixes: st.SearchStrategy[str], blanks: st.SearchStrategy[str],
                  first: st.SearchStrategy[str] | None = None) -> str:
    if draw(st.integers(0, 3)) == 0:
        return draw(blanks)
    body = ([draw(first)] if first is not None else []) + draw(st.lists(words, min_size=0, max_size=6))
    sep = draw(st.sampled_from([" ", " ", "", "  "]))
    return draw(prefixes) + sep.join(body) + draw(suffixes)


@st.composite
def markdown_page(draw: st.DrawFn, line: st.SearchStrategy[str], newlines: st.SearchStrategy[str]) -> str:
    lines = draw(st.lists(line, min_size=0, max_size=12))
    out = ""
    for text in lines:
        out += text + draw(newlines)
    if out and draw(st.booleans()):
        out = out.rstrip("\r\n")  # no final line break
    if draw(st.integers(0, 5)) == 0:
        out = "---\ntitle: Wuxi [CCP]\n---\n" + out
    return out


_ANY_PAGE = markdown_page(markdown_line(_WORDS, _PREFIXES, _SUFFIXES, _BLANKS), _NEWLINES)

# Only what the fast path reads: plain words, headings, indentation below 4 spaces, CRLF.
_PLAIN_WORDS = st.sampled_from([
    "Wuxi", "mayor", "无锡", "café", "a", "R&D", "AT&T", "&copy", "\\x", "C:\\dir", "x.com",
    "https://ccp.org/a", "info@ccp.cn", "www.ccp.com", "[Editor: Li]", "[r]", "![alt]", "#", "##", "#x", "!",
    ")", "-", "+", "=", ">", "1.", "a:b", "\x85", "\x1c", "\ufeff", "\u200b", "“quoted”", "’", "%", "{",
])
_COMMENT_LINES = st.sampled_from([
    "<!-- shuyu: disable-next-line=term-deprecated -->", "<!-- shuyu: disable -->", "<!-- shuyu: enable -->",
    " <!-- x --> after", "   <!-- shuyu: disable=untranslated -->  ", "<!-->", "<!-- a <b> -->",
])
_PLAIN_LINE = markdown_line(
    _PLAIN_WORDS, st.sampled_from(["", "", "", " ", "   ", "# ", "## ", "###### ", "####### ", "#"]),
    st.sampled_from(["", "", " ", "  ", "   "]), st.sampled_from(["", " ", "   "]),
    first=st.sampled_from(["Wuxi", "无锡", "“quoted”", "#x", "[Editor: Li]", "(a)", "a"]),
)
_PLAIN_PAGE = markdown_page(st.one_of(_PLAIN_LINE, _PLAIN_LINE, _PLAIN_LINE, _COMMENT_LINES),
                            st.sampled_from(["\n", "\r\n"]))


@settings(max_examples=400, deadline=None)
@given(_ANY_PAGE)
@example("a\n\xa0\nb")
@example("\xa0\nabc")
@example("abc\n\u3000")
@example("a \\ \nb")
@example("# a \\")
@example("[Editor: Li]\n\n[Editor: Li]: /x")
@example("a\r\r\nb")
@example("x\n  \n\n# h #\n")
@example("    \x85 Wuxi\n")
def test_any_page_reads_the_same_with_or_without_the_fast_path(source: str) -> None:
    assert_same(source)


@settings(max_examples=300, deadline=None)
@given(_PLAIN_PAGE)
@example("# \n#\n## a\nb\n#######\n")
@example("a  \r\nb \r\n c\r\n")
@example("\x85\n\x1c a\n\ufeff# b")
def test_plain_pages_take_the_fast_path(source: str) -> None:
    body = source.split("---\n", 2)[-1] if source.startswith("---\n") else source
    closing = re.search(r"(?m)^ {0,3}#{1,6} .*#[ \r]*$", body)  # a heading ending in "#" is left to markdown-it
    assert fast_path_takes(body) or closing
    assert_same(source)


def test_a_plain_page_is_read_without_importing_markdown_it() -> None:
    # markdown-it is imported and configured only when a page needs it: most of the start-up of a
    # run over plain pages.
    code = ("import sys; from shuyu.formats.markdown import parse_markdown; "
            "parse_markdown('# News\\n\\nThe CPC Wuxi Municipal Committee met.\\n', 'a.md'); "
            "print('markdown_it' in sys.modules); "
            "parse_markdown('See [the list](https://x.org).\\n', 'b.md'); print('markdown_it' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "True"]
