"""The HTML prose reader: only prose, entities decoded, every character mapped to its place in the file."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from shuyu.checks.base import LINT_RULES
from shuyu.checks.base import CheckSettings
from shuyu.checks.engine import lint_document
from shuyu.formats.html import HtmlCollector
from shuyu.formats.html import add_decoded
from shuyu.formats.html import decode_reference
from shuyu.formats.html import parse_html
from shuyu.formats.html import primary_language
from shuyu.formats.prose import ProseBuffer
from shuyu.model import Location
from shuyu.text.document import Document
from shuyu.text.document import Segment
from shuyu.text.document import Suppression

TD = "term-deprecated"


def texts(source: str) -> list[str]:
    return [s.text for s in parse_html(source, "t.html").segments]


def origins(segment: Segment) -> list[int]:
    return [segment.offsets.to_original(i) for i in range(len(segment.text))]


def assert_maps_back(doc: Document) -> None:
    """Every character of every segment comes from its source offset: copied, or decoded from a reference there."""
    for seg in doc.segments:
        for i, ch in enumerate(seg.text):
            at = seg.offsets.to_original(i)
            assert 0 <= at < len(doc.text), (seg.text, i)
            if doc.text[at] == ch:
                continue
            assert doc.text[at] == "&", (doc.text, seg.text, i)
            value, length = decode_reference(doc.text, at)
            assert length > 1, (doc.text, seg.text, i)
            assert ch in value, (doc.text, seg.text, i)


# -- only prose --------------------------------------------------------------------------------


def test_only_prose_is_read() -> None:
    source = (
        "<!DOCTYPE html><html><head><title>Wuxi news</title>"
        "<meta name='description' content='CCP meta'>"
        "<script>var x = '<p>CCP script</p>';</script>"
        "<style>p::after { content: 'CCP style' }</style></head>"
        "<body><!-- CCP comment -->"
        "<p>The mayor <code>CCP code</code> spoke.</p>"
        "<pre>CCP pre\nformatted</pre>"
        "<noscript>CCP noscript: please enable JavaScript</noscript>"
        "<template><p>CCP template</p></template>"
        "<textarea>CCP textarea</textarea>"
        "<p>Press <kbd>CCP kbd</kbd> and read <samp>CCP samp</samp> in <var>CCP</var>.</p>"
        "<svg><text>CCP svg</text></svg>"
        "<p>Last words.</p></body></html>"
    )
    assert texts(source) == ["Wuxi news", "The mayor", "spoke.", "Press", "and read", "in", ".", "Last words."]


def test_markup_inside_script_stays_script() -> None:
    assert texts("<p>a</p><SCRIPT>if (x </p>) { y = '<b>CCP</b>' }</SCRIPT><p>b</p>") == ["a", "b"]


def test_an_unclosed_code_element_ends_with_its_block() -> None:
    assert texts("<p>one <code>CCP</p><p>two</p>") == ["one", "two"]


def test_alt_and_title_attributes_are_prose_of_their_own() -> None:
    source = ('<p>Before <img src="CCP.png" alt="Mayor&rsquo;s office" data-x="CCP"> after '
              "<a href='https://ccp.example/' title='The Secretary'>link</a>.</p>"
              "<p><img alt=Unquoted src=a.png><abbr title=\"\">empty</abbr></p>")
    doc = parse_html(source, "t.html")
    assert [(s.text, s.scope) for s in doc.segments] == [
        ("Before  after link.", "paragraph"),
        ("Mayor’s office", "alt"),
        ("The Secretary", "title-attr"),
        ("Unquoted", "alt"),  # met before any text of its paragraph: first
        ("empty", "paragraph"),
    ]
    alt = doc.segments[1]
    at = source.index("Mayor")
    assert origins(alt) == [*range(at, at + 5), at + 5, *range(at + 12, at + 20)]
    assert origins(doc.segments[3]) == list(range(source.index("Unquoted"), source.index("Unquoted") + 8))
    # Each attribute segment is a block of its own.
    assert len({s.block for s in doc.segments}) == len(doc.segments)
    assert_maps_back(doc)


def test_attributes_in_skipped_elements_are_not_prose() -> None:
    assert texts('<pre title="CCP"><img alt="CCP"></pre><script title="CCP"></script><p>ok</p>') == ["ok"]


def test_scopes() -> None:
    source = ("<head><title>Page</title></head><body><h1>Head</h1><h3>Sub <em>head</em></h3>"
              "<table><tr><th>Name</th><td>Wuxi</td></tr></table><p>Para</p><li>Item</li></body>")
    assert [(s.text, s.scope) for s in parse_html(source, "t.html").segments] == [
        ("Page", "title"), ("Head", "heading"), ("Sub head", "heading"), ("Name", "cell"), ("Wuxi", "cell"),
        ("Para", "paragraph"), ("Item", "paragraph"),
    ]


# -- entities ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("&amp;", ("&", 5)),
        ("&amp", ("&", 4)),
        ("&rsquo;", ("’", 7)),
        ("&#8217;", ("’", 7)),
        ("&#8217", ("’", 6)),
        ("&#x2019;", ("’", 8)),
        ("&#X2019;", ("’", 8)),
        ("&copy2020", ("©", 5)),
        ("&notit;", ("¬", 4)),
        ("&nbsp;", ("\u00a0", 6)),
        ("&NotEqualTilde;", ("≂̸", 15)),
        ("&#0;", ("\ufffd", 4)),
        ("&unknown;", ("&", 1)),
        ("& ", ("&", 1)),
        ("&", ("&", 1)),
        ("&#;", ("&", 1)),
    ],
)
def test_decode_reference(raw: str, expected: tuple[str, int]) -> None:
    assert decode_reference("x" + raw, 1) == expected


def test_add_decoded_maps_every_character() -> None:
    buffer = ProseBuffer()
    add_decoded(buffer, "A &amp; B&rsquo;s AT&T", 100)
    seg = buffer.take(scope="paragraph", block=1)
    assert seg is not None
    assert seg.text == "A & B’s AT&T"
    assert origins(seg) == [100, 101, 102, 107, 108, 109, 116, 117, 118, 119, 120, 121]
    assert seg.offsets.end_to_original(len(seg.text)) == 122


def test_entities_are_decoded_and_map_to_their_ampersand() -> None:
    source = ("<p>A &amp; B &rsquo; C &#8217; D &#x2019; E &copy2020 F&nbsp;G AT&T-Mobile "
              "&copy.2020 &unknown; 5 &lt; 6 &amp</p>")
    doc = parse_html(source, "t.html")
    assert [s.text for s in doc.segments] == [
        "A & B ’ C ’ D ’ E ©2020 F\u00a0G AT&T-Mobile ©.2020 &unknown; 5 < 6 &"
    ]
    seg = doc.segments[0]
    for i, ch in enumerate(seg.text):
        at = seg.offsets.to_original(i)
        if ch in "’©\u00a0<" or (ch == "&" and source[at + 1] in "al"):
            assert source[at] == "&", i
        else:
            assert source[at] == ch, i
    assert_maps_back(doc)


def test_entities_in_the_title_element() -> None:
    assert texts("<title>Wuxi &amp; Xuzhou &mdash; news</title>") == ["Wuxi & Xuzhou — news"]


# -- positions ---------------------------------------------------------------------------------


def Loc(line: int, column: int, end_line: int, end_column: int) -> Location:
    return Location(path="t.html", line=line, column=column, end_line=end_line, end_column=end_column)


def locate(doc: Document, word: str) -> Location:
    for seg in doc.segments:
        at = seg.text.find(word)
        if at != -1:
            return doc.location(seg, at, at + len(word))
    raise AssertionError(word)


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_and_column_through_tags_entities_and_line_breaks(newline: str) -> None:
    lines = [
        "<html><head><title>Release &amp; news</title></head>",
        "<body><p>Wuxi &rsquo;s <em>municipal</em>",
        "government &amp;&#x2019; the <b>CCP</b> committee, 徐州 &mdash; CCP</p>",
        "<p>Second paragraph</p></body></html>",
    ]
    doc = parse_html(newline.join(lines), "t.html")
    line3 = lines[2]
    first = line3.index("CCP") + 1
    second = line3.rindex("CCP") + 1
    assert locate(doc, "CCP") == Loc(3, first, 3, first + 3)
    assert locate(doc, "mdash; CCP".replace("mdash; ", "— ")) == Loc(3, second - 8, 3, second + 3)
    assert locate(doc, "Second") == Loc(4, 4, 4, 10)
    # A span running over a line break ends on the next line.
    assert locate(doc, "municipal\ngovernment".replace("\n", newline)) == Loc(
        2, lines[1].index("municipal") + 1, 3, 11)
    assert_maps_back(doc)


def test_columns_count_code_points() -> None:
    source = "<p>徐州市 &#x1F600; 𝒳 Wuxi</p>"
    doc = parse_html(source, "t.html")
    assert locate(doc, "Wuxi") == Loc(1, source.index("Wuxi") + 1, 1, source.index("Wuxi") + 5)


def test_collector_reads_a_slice_with_file_offsets() -> None:
    text = "# Title\r\n\r\n<div>\r\n<p>Wuxi &amp; CCP</p>\r\n</div>\r\n\r\nafter <p>not read</p>"
    start, end = text.index("<div>"), text.index("\r\n\r\nafter")
    collector = HtmlCollector(text, start, end).run()
    assert [s.text for s in collector.segments] == ["Wuxi & CCP"]
    seg = collector.segments[0]
    assert seg.offsets.to_original(seg.text.index("CCP")) == text.index("CCP")


# -- segmentation ------------------------------------------------------------------------------


def test_inline_elements_do_not_split_a_sentence() -> None:
    source = ('<p>The <a href="/x">Secretary</a> of the <strong>CPC</strong> <em>Xuzhou</em> '
              "<span class='x'>Municipal</span> <i>Committee</i><b></b> said.</p>")
    doc = parse_html(source, "t.html")
    assert [s.text for s in doc.segments] == ["The Secretary of the CPC Xuzhou Municipal Committee said."]
    assert_maps_back(doc)


def test_block_elements_and_br_split() -> None:
    source = "<div>One<div>Two</div>Three</div><p>Line one<br>line two<br/>three</p><ul><li>a</li><li>b</li></ul>"
    doc = parse_html(source, "t.html")
    assert [s.text for s in doc.segments] == ["One", "Two", "Three", "Line one", "line two", "three", "a", "b"]
    blocks = [s.block for s in doc.segments]
    assert len(set(blocks[:3])) == 3
    assert blocks[3] == blocks[4] == blocks[5]  # <br> starts a segment, not a block
    assert blocks[6] != blocks[7]
    assert blocks == sorted(blocks)


def test_lang_attributes() -> None:
    source = ('<html lang="en-GB"><body><p>English <span lang="zh-Hans-CN">徐州市</span> more '
              '<em lang="en">still English</em></p><p xml:lang="fr">Français</p><p>back</p></body></html>')
    doc = parse_html(source, "t.html")
    assert [(s.text, s.lang) for s in doc.segments] == [
        ("English", "en"), ("徐州市", "zh"), ("more still English", "en"), ("Français", "fr"), ("back", "en"),
    ]
    assert doc.segments[0].block == doc.segments[1].block == doc.segments[2].block


def test_alt_text_takes_the_language_it_is_in() -> None:
    doc = parse_html('<p lang="zh">图 <img alt="无锡"></p><img lang="en" alt="Wuxi">', "t.html")
    assert [(s.text, s.scope, s.lang) for s in doc.segments] == [
        ("图", "paragraph", "zh"), ("无锡", "alt", "zh"), ("Wuxi", "alt", "en"),
    ]


@pytest.mark.parametrize(
    ("tag", "expected"),
    [("zh-Hans-CN", "zh"), ("EN_us", "en"), (" en ", "en"), ("", ""), ("x-klingon", "x")],
)
def test_primary_language(tag: str, expected: str) -> None:
    assert primary_language(tag) == expected


def test_stray_close_tags() -> None:
    assert texts("<p>a</span>b</em>c</p>") == ["abc"]  # stray inline close: nothing happens
    assert texts("one</p>two</div>three") == ["one", "two", "three"]  # stray block close: a break
    assert texts("one</br>two") == ["one", "two"]
    assert texts("</b></i></p>only") == ["only"]


@pytest.mark.parametrize(
    "source",
    [
        "", "<", "<p", "<p>unclosed", "</", "<!--", "<!-- unclosed comment CCP", "<![x", "<![x]> text",
        "<p>a <![CDATA[x]]> b", "<![if !IE]>a<![endif]>", "<!DOCTYPE", "<?php echo 1 ?>text", "&", "&#", "&#x;",
        "<p title='unclosed>text", '<img alt="x', "<a href=x>a<b>b</a>c</b>", "<script>unclosed CCP",
        "<<p>>", "<p/>x", "<p =x>y</p>", "<ta\x00g>z", "\x00\ufffd", "<p>a</P>b", "<br/><br></br>",
        "<table><td>x<tr>y", "</script>", "<style>", "<p><p><p><p>" * 50,
    ],
)
def test_malformed_html_never_raises(source: str) -> None:
    doc = parse_html(source, "t.html")
    assert_maps_back(doc)
    assert all("CCP" not in s.text for s in doc.segments)


def test_marked_sections_are_bogus_comments_and_positions_stay_right() -> None:
    source = "<p>a <![x]> b\nsee <![if x]>CCP here"
    doc = parse_html(source, "t.html")
    assert [s.text for s in doc.segments] == ["a  b\nsee CCP here"]
    assert locate(doc, "CCP") == Loc(2, 14, 2, 17)


# -- suppressions ------------------------------------------------------------------------------


def test_suppression_comments() -> None:
    source = "\n".join([
        "<p>one</p>",                                       # 1
        "<!-- shuyu: disable=term-deprecated -->",          # 2
        "<p>CCP</p>",                                       # 3
        "<!-- shuyu: enable -->",                           # 4
        "<p>two</p> <!--shuyu: disable-next-line-->",       # 5
        "",                                                 # 6
        "<p>three</p>",                                     # 7
        "<!-- not a directive -->",                         # 8
        "<!-- shuyu:",                                      # 9
        "     disable -->",                                 # 10
        "<p>x</p>",                                         # 11
        "<p>y</p>",                                         # 12
    ])
    doc = parse_html(source, "t.html")
    assert doc.suppressions == [
        Suppression(2, 4, frozenset({TD})),
        Suppression(7, 7),
        Suppression(10, 12),
    ]
    assert doc.suppressed(TD, 3)
    assert not doc.suppressed("punctuation", 3)
    assert doc.suppressed("punctuation", 7)
    assert not doc.suppressed(TD, 6)
    assert [s.text for s in doc.segments] == ["one", "CCP", "two", "three", "x", "y"]


def test_directives_inside_skipped_elements_still_count() -> None:
    doc = parse_html("<div>\n<!-- shuyu: disable -->\n<p>a</p>\n</div>", "t.html")
    assert doc.suppressions == [Suppression(2, 4)]


# -- property: random documents ------------------------------------------------------------------

#: Fragments whose text never reaches a segment, each with a marker to look for.
HIDDEN = [
    "<script>var CCP = '<p>SCRIPTED</p>';</script>",
    "<!-- COMMENTED &amp; -->",
    "<code>CODED &amp; x</code>",
    "<style>p { content: 'STYLED' }</style>",
    "<pre>PRE\r\nFORMATTED</pre>",
    "<noscript>NOSCRIPTED</noscript>",
]
VISIBLE = [
    "Wuxi", "the", " ", "Secretary", "徐州市委书记", "无锡", "CPC", "&amp;", "&rsquo;", "&#8217;", "&#x2019;",
    "&copy2020", "&nbsp;", "AT&T", " & ", "a < b", "\n", "\r\n", "\t", "<p>", "</p>", "<em>", "</em>",
    "<a href='https://x.cn/CCP'>", "</a>", "<br>", "<div>", "</div>", "<span lang='zh'>", "</span>",
    "<h2>", "</h2>", "<img alt='Mayor&rsquo;s office'>", "<td>", "</span>", "<![x]>", " https://x.org/a. ",
]
FRAGMENTS = st.lists(st.one_of(st.sampled_from(VISIBLE), st.sampled_from(HIDDEN)), max_size=40)


@settings(max_examples=300, deadline=None)
@given(FRAGMENTS)
def test_random_documents_map_back_and_hide_what_is_not_prose(parts: list[str]) -> None:
    source = "".join(parts)
    hidden: list[tuple[int, int]] = []
    at = 0
    for part in parts:
        if part in HIDDEN:
            hidden.append((at, at + len(part)))
        at += len(part)
    doc = parse_html(source, "t.html")
    assert_maps_back(doc)
    for seg in doc.segments:
        assert seg.text == seg.text.strip()
        for word in ("SCRIPTED", "COMMENTED", "CODED", "STYLED", "FORMATTED", "NOSCRIPTED", "https", "x.org"):
            assert word not in seg.text
        for i, ch in enumerate(seg.text):
            origin = seg.offsets.to_original(i)
            assert not any(start <= origin < end for start, end in hidden), (source, seg.text, i)
            # The position in lines and columns names the same character.
            line, column = doc.lines.position(origin)
            assert doc.lines.offset(line, column) == origin
            if ch not in "\r\n":
                assert doc.lines.line_text(line)[column - 1] == source[origin]
            assert source[origin] in (ch, "&")


# -- end to end: a lint finding lands on the right line and column -------------------------------


def test_deprecated_term_findings_point_into_the_html(tiny_glossary, tiny_matcher) -> None:
    source = ("<html>\n<body><p>The mayor &amp; the\n<em>party</em> &rsquo;s CCP, the <b>CCP</b>.</p>\n"
              "<!-- shuyu: disable-next-line=term-deprecated -->\n<p>CCP again</p>\n<p>徐州 CCP</p></body></html>\n")
    doc = parse_html(source, "t.html")
    findings, _ = lint_document(doc, tiny_glossary, tiny_matcher, CheckSettings(LINT_RULES))
    deprecated = [f.location for f in findings if f.rule == "term-deprecated"]
    assert deprecated == [Loc(3, 25, 3, 28), Loc(3, 37, 3, 40), Loc(6, 7, 6, 10)]  # line 5 is switched off
