"""The Markdown prose reader: only prose, every character mapped to its place in the file, suppressions."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from shuyu.checks.base import LINT_RULES
from shuyu.checks.base import CheckSettings
from shuyu.checks.engine import lint_document
from shuyu.formats.html import decode_reference
from shuyu.formats.markdown import parse_markdown
from shuyu.model import Location
from shuyu.text.document import Document
from shuyu.text.document import Suppression

TD = "term-deprecated"
PU = "punctuation"


def segments(source: str) -> list[tuple[str, str]]:
    return [(s.text, s.scope) for s in parse_markdown(source, "t.md").segments]


def texts(source: str) -> list[str]:
    return [s.text for s in parse_markdown(source, "t.md").segments]


def assert_maps_back(doc: Document) -> None:
    """Each segment character is the source character at its offset, or stands for a reference or line break there."""
    source = doc.text
    for seg in doc.segments:
        for i, ch in enumerate(seg.text):
            at = seg.offsets.to_original(i)
            assert 0 <= at < len(source), (source, seg.text, i)
            found = source[at]
            if found == ch:
                continue
            if found == "&":  # an entity or numeric reference: the character is its value
                value, length = decode_reference(source, at)
                assert length > 1, (source, seg.text, i)
                assert ch in value, (source, seg.text, i)
            elif ch == "\n":  # a line break read from "\r\n" or "\r" maps to its "\r"
                assert found == "\r", (source, seg.text, i)
            else:  # markdown-it writes U+FFFD for NUL
                assert (ch, found) == ("\ufffd", "\x00"), (source, seg.text, i)


def Loc(line: int, column: int, end_line: int, end_column: int) -> Location:
    return Location(path="t.md", line=line, column=column, end_line=end_line, end_column=end_column)


def locate(doc: Document, word: str, nth: int = 0) -> Location:
    found = []
    for seg in doc.segments:
        at = seg.text.find(word)
        while at != -1:
            found.append(doc.location(seg, at, at + len(word)))
            at = seg.text.find(word, at + 1)
    return found[nth]


# -- only prose --------------------------------------------------------------------------------

SAMPLE = """\
---
title: "Wuxi and Xuzhou"
description: 'Cooperation report'
author: CCP author
tags: [CCP]
---
# Heading *one*

See [the mayor](https://CCP.example/x "CCP title") and ![alt *text*](img-CCP.png) then
<https://ccp.org> and `CCP code` and www.ccp.com and https://ccp.org/x and <!-- CCP comment --> end.
A [reference][r] link.

[r]: https://ccp.example/ref "CCP ref title"

```python
CCP fenced
```

~~~
CCP tilde
~~~

    CCP indented

| Name | 城市 |
|------|------|
| Wuxi | 徐州 |

<div class="CCP">
<p>HTML <b>block</b> <img alt="Alt in HTML"></p>
<script>CCP script</script>
<!-- CCP comment -->
</div>

> Quoted **words**

- List *item*
"""


def test_only_prose_is_read() -> None:
    doc = parse_markdown(SAMPLE, "t.md")
    assert [(s.text, s.scope) for s in doc.segments] == [
        ("Wuxi and Xuzhou", "title"),
        ("Cooperation report", "title"),
        ("Heading one", "heading"),
        ("See the mayor and  then\n and", "paragraph"),  # up to the code span
        ("CCP title", "title-attr"),  # a link's title is prose, as an HTML title attribute is
        ("alt text", "alt"),  # after the text it sits in
        ("and  and  and  end.\nA reference link.", "paragraph"),
        ("Name", "cell"),
        ("城市", "cell"),
        ("Wuxi", "cell"),
        ("徐州", "cell"),
        ("HTML block", "paragraph"),
        ("Alt in HTML", "alt"),
        ("Quoted words", "paragraph"),
        ("List item", "paragraph"),
    ]
    assert_maps_back(doc)
    assert all("CCP" not in s.text for s in doc.segments if s.scope != "title-attr")  # URLs, code, comments
    assert doc.kind == "markdown"


def test_blocks() -> None:
    doc = parse_markdown("One *a*\ntwo\n\nThree `x` four\n\n# Five\n", "t.md")
    assert [(s.text, s.block) for s in doc.segments] == [("One a\ntwo", 1), ("Three", 2), ("four", 2), ("Five", 3)]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("A [link *with* emphasis](</a b> 'T') here.", ["A link with emphasis here.", "T"]),
        ("A [link](https://x.org/(a)b) here.", ["A link here."]),
        ("A [ref][r] and [ref2][] here.\n\n[r]: /u\n[ref2]: /v", ["A ref and ref2 here."]),
        ("Auto <https://ccp.org/a> and <info@ccp.cn> end", ["Auto  and  end"]),
        ("Bare https://ccp.org/a, www.ccp.com. and info@ccp.cn end", ["Bare , . and  end"]),
        ("Code `` a ` CCP `` and ``` CCP ``` end", ["Code", "and", "end"]),
        ("Escapes \\*not em\\* and \\` tick \\\\ slash", ["Escapes *not em* and ` tick \\ slash"]),
        ("Entities &amp; &rsquo; &#8217; &#x2019; &copy2020 &unknown;", ["Entities & ’ ’ ’ &copy2020 &unknown;"]),
        ("***bold italic*** ~~strike~~ _under_", ["bold italic strike under"]),
        ("Hard break  \nand\\\nsoft\nend", ["Hard break\nand\nsoft\nend"]),
        ("![Mayor &amp; *staff*](a.png \"CCP\") of Wuxi", ["Mayor & staff", "CCP", "of Wuxi"]),
        ("[![Logo alt](logo.png)](https://ccp.org)", ["Logo alt"]),
        ("Inline <b>html</b> and <span title='CCP'>span</span> text", ["Inline html and span text", "CCP"]),
        ('<img alt="Xu Zhou &amp; Wuxi" src=a.png> and\n  <abbr\n   title="Communist\n   Party">CPC</abbr>',
         ["Xu Zhou & Wuxi", "and\nCPC", "Communist\n   Party"]),
        ('- item <abbr\n  title="Wuxi\n  Municipal">x</abbr>', ["item x", "Wuxi\nMunicipal"]),  # indent taken off
        ("Setext\n======\n\nSub\n---", ["Setext", "Sub"]),
        ("1. first\n2. second\n   continued\n\n- [ ] task", ["first", "second\ncontinued", "[ ] task"]),
        ("> quote\n> > nested *q*\n\n>lazy\ncontinued", ["quote", "nested q", "lazy\ncontinued"]),
    ],
)
def test_inline_syntax(source: str, expected: list[str]) -> None:
    doc = parse_markdown(source, "t.md")
    assert [s.text for s in doc.segments] == expected
    assert_maps_back(doc)


def test_html_blocks_are_read_by_the_html_reader() -> None:
    source = ("Before\n\n<table>\n<tr><td>Cell &amp; one</td><td lang=\"zh\">徐州</td></tr>\n</table>\n\n"
              "<p>Para <code>CCP</code> <em>em</em></p>\n\nAfter\n")
    doc = parse_markdown(source, "t.md")
    assert [(s.text, s.scope, s.lang) for s in doc.segments] == [
        ("Before", "paragraph", ""),
        ("Cell & one", "cell", ""),
        ("徐州", "cell", "zh"),
        ("Para", "paragraph", ""),
        ("em", "paragraph", ""),
        ("After", "paragraph", ""),
    ]
    blocks = [s.block for s in doc.segments]
    assert blocks == sorted(blocks)
    assert blocks[0] < blocks[1] < blocks[2] < blocks[3]
    assert_maps_back(doc)


def test_front_matter() -> None:
    source = "---\r\ntitle: Wuxi CCP\r\nsummary: \"Quoted: value\"\r\nslug: ccp\r\n...\r\nBody\r\n"
    doc = parse_markdown(source, "t.md")
    assert segments(source) == [("Wuxi CCP", "title"), ("Quoted: value", "title"), ("Body", "paragraph")]
    assert locate(doc, "CCP") == Loc(2, 13, 2, 16)
    assert locate(doc, "Quoted") == Loc(3, 11, 3, 17)
    assert_maps_back(doc)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("---\ntitle: x\nno end\n", [("title: x\nno end", "paragraph")]),  # not closed: not front matter
        ("Para\n---\n", [("Para", "heading")]),  # a setext heading, not front matter
        ("---\ntitle:   \ndescription: \"\"\n---\nx", [("x", "paragraph")]),  # empty values
        ("---\n---\nBody", [("Body", "paragraph")]),
    ],
)
def test_what_is_not_front_matter(source: str, expected: list[tuple[str, str]]) -> None:
    assert segments(source) == expected


# -- positions ---------------------------------------------------------------------------------


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_line_and_column_through_markup_entities_and_line_breaks(newline: str) -> None:
    lines = [
        "# Release &amp; news",
        "",
        "Wuxi &amp; the *municipal* &rsquo; **CCP**,",
        "government &rsquo;s [CCP](http://x.org/CCP) office, 徐州 `CCP` CCP.",
        "",
        "- item &amp; **CCP**",
        "",
        "> quote CCP",
    ]
    doc = parse_markdown(newline.join(lines), "t.md")
    assert locate(doc, "CCP", 0) == Loc(3, lines[2].index("CCP") + 1, 3, lines[2].index("CCP") + 4)
    line4 = lines[3]
    assert locate(doc, "CCP", 1) == Loc(4, line4.index("[CCP") + 2, 4, line4.index("[CCP") + 5)
    assert locate(doc, "CCP", 2) == Loc(4, line4.rindex("CCP") + 1, 4, line4.rindex("CCP") + 4)
    assert locate(doc, "CCP", 3) == Loc(6, 16, 6, 19)
    assert locate(doc, "CCP", 4) == Loc(8, 9, 8, 12)
    assert locate(doc, "news") == Loc(1, 17, 1, 21)
    # A span over a line break ends on the next line.
    assert locate(doc, ",\ngovernment") == Loc(3, len(lines[2]), 4, 11)
    assert_maps_back(doc)


def test_tab_indented_continuation_lines_keep_their_columns() -> None:
    source = "- item one\n\tcontinued CCP\n- two\n  \tmore CCP\n>\tquoted CCP\n"
    doc = parse_markdown(source, "t.md")
    assert texts(source) == ["item one\ncontinued CCP", "two\nmore CCP", "quoted CCP"]
    assert locate(doc, "CCP", 0) == Loc(2, 12, 2, 15)
    assert locate(doc, "CCP", 1) == Loc(4, 9, 4, 12)
    assert locate(doc, "CCP", 2) == Loc(5, 10, 5, 13)
    assert_maps_back(doc)


def test_table_cells_with_escaped_pipes_and_code() -> None:
    source = "| a | b |\n|---|---|\n| `c` | CCP \\| e |\n| x | y \\| CCP |\n"
    doc = parse_markdown(source, "t.md")
    assert texts(source) == ["a", "b", "CCP | e", "x", "y | CCP"]
    assert locate(doc, "CCP", 0) == Loc(3, 9, 3, 12)
    assert locate(doc, "CCP", 1) == Loc(4, 12, 4, 15)
    assert_maps_back(doc)


def test_repeated_cells_are_found_in_order() -> None:
    source = "| Wuxi | Wuxi |\n|---|---|\n| Wuxi | Wuxi |\n"
    doc = parse_markdown(source, "t.md")
    assert [doc.location(s, 0, 4) for s in doc.segments] == [
        Loc(1, 3, 1, 7), Loc(1, 10, 1, 14), Loc(3, 3, 3, 7), Loc(3, 10, 3, 14),
    ]


def test_an_escaped_backtick_before_a_code_span() -> None:
    source = "a \\``x` b `y` CCP"
    doc = parse_markdown(source, "t.md")
    assert texts(source) == ["a `", "b", "CCP"]
    assert locate(doc, "b") == Loc(1, 9, 1, 10)
    assert locate(doc, "CCP") == Loc(1, 15, 1, 18)


def test_an_escaped_backslash_at_the_end_of_image_alt() -> None:
    source = "![a\\\\](x.png) then CCP [b](y)"
    doc = parse_markdown(source, "t.md")
    assert texts(source) == ["a\\", "then CCP b"]
    assert locate(doc, "CCP") == Loc(1, 20, 1, 23)


# -- suppressions ------------------------------------------------------------------------------


def test_suppression_comments() -> None:
    source = "\n".join([
        "Intro",                                                    # 1
        "",                                                         # 2
        "<!-- shuyu: disable=term-deprecated -->",                  # 3
        "",                                                         # 4
        "The CCP said.",                                            # 5
        "",                                                         # 6
        "<!-- shuyu: enable -->",                                   # 7
        "Text <!-- shuyu: disable-next-line=punctuation --> here",  # 8
        "next line",                                                # 9
        "",                                                         # 10
        "```",                                                      # 11
        "<!-- shuyu: disable -->",                                  # 12: code, not a directive
        "```",                                                      # 13
        "<div>",                                                    # 14
        "<!-- shuyu: disable -->",                                  # 15: inside an HTML block
        "<p>x</p>",                                                 # 16
        "</div>",                                                   # 17
        "",                                                         # 18
        "last",                                                     # 19
    ])
    doc = parse_markdown(source, "t.md")
    assert doc.suppressions == [
        Suppression(3, 7, frozenset({TD})),
        Suppression(9, 9, frozenset({PU})),
        Suppression(15, 19),
    ]
    assert doc.suppressed(TD, 5)
    assert not doc.suppressed(PU, 5)
    assert doc.suppressed(PU, 9)
    assert not doc.suppressed(TD, 13)
    assert doc.suppressed("anything", 19)


def test_disable_next_line_in_an_html_comment_block_skips_blank_lines() -> None:
    source = "<!-- shuyu: disable-next-line -->\n\n\nThe CCP\n\n<!--\nshuyu: disable=punctuation\n-->\ntext\n"
    assert parse_markdown(source, "t.md").suppressions == [Suppression(4, 4), Suppression(8, 10, frozenset({PU}))]


# -- property: random documents ------------------------------------------------------------------

SOUP = ["Wuxi", " ", "徐州", "the CCP", "*", "_", "**", "`", "``", "[", "]", "(", ")", "](http://x.org/CCP)", "![",
        "<", ">", "\n", "\n\n", "\r\n", "- ", "> ", "# ", "1. ", "    ", "\t", "&amp;", "&rsquo;", "&#8217;", "\\",
        "\\*", "\\|", "|", "| a | b |\n|---|---|\n", "<!-- c -->", "<b>", "</b>", "<div>", "</div>", "```\n", "~~",
        "www.x.com", "https://a.cn/b", "'", '"', "!", "&copy2020", "=\n", "---\n", "<![x]>", "\x00"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(SOUP), max_size=30))
def test_any_text_parses_and_every_character_maps_back(parts: list[str]) -> None:
    doc = parse_markdown("".join(parts), "t.md")
    assert_maps_back(doc)
    for seg in doc.segments:
        assert seg.text == seg.text.strip()


#: Blocks whose text is never prose, each marked with an upper-case word found nowhere else.
HIDDEN_BLOCKS = ["```\nFENCED &amp; CCP\n```", "~~~ text\nTILDED\n~~~", "<!-- COMMENTED -->",
                 "<script>\nSCRIPTED\n</script>", "[ref]: http://DEFINED.org \"DEFTITLE\""]
#: Inline pieces whose text is never prose.
HIDDEN_INLINE = ["`INLINE &amp; code`", "[link text](http://DESTINATION.org/x)", "<https://AUTOLINK.org>",
                 "<!-- COMMENTED inline -->", " www.BAREURL.com ", " https://SCHEMEURL.org/x ", "![alt](IMAGESRC.png)"]
VISIBLE_INLINE = ["Wuxi", " ", "the", "CCP", "徐州市委书记", "&amp;", "&rsquo;", "&#8217;", "&#x2019;", "*em*",
                  "**strong**", "\\*", "\nline ", "\r\nline ", "<b>bold</b>", "[ref]", "[a](http://b.org/x \"title\")"]
MARKERS = ("FENCED", "TILDED", "COMMENTED", "SCRIPTED", "DEFINED", "DEFTITLE", "INLINE", "DESTINATION",
           "AUTOLINK", "BAREURL", "SCHEMEURL", "IMAGESRC")

PARAGRAPH = st.lists(st.one_of(st.sampled_from(VISIBLE_INLINE), st.sampled_from(HIDDEN_INLINE)), min_size=1, max_size=12)
BLOCK = st.one_of(st.sampled_from(HIDDEN_BLOCKS), PARAGRAPH.map(lambda parts: "Para " + "".join(parts)))
PREFIX = st.sampled_from(["", "# ", "- ", "> ", "1. "])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(PREFIX, BLOCK), max_size=8), st.sampled_from(["\n", "\r\n"]))
def test_random_documents_map_back_and_hide_what_is_not_prose(blocks: list[tuple[str, str]], newline: str) -> None:
    parts = []
    for prefix, block in blocks:
        if block in HIDDEN_BLOCKS or "\n" in block or "\r" in block:
            prefix = ""  # keep block structure simple: a prefix only before one-line paragraphs
        parts.append(prefix + block.replace("\r\n", "\n").replace("\n", newline))
    source = (newline * 2).join(parts) + newline
    doc = parse_markdown(source, "t.md")
    assert_maps_back(doc)
    for seg in doc.segments:
        for marker in MARKERS:
            assert marker not in seg.text, (source, seg.text)
        for i, ch in enumerate(seg.text):
            origin = seg.offsets.to_original(i)
            line, column = doc.lines.position(origin)
            assert doc.lines.offset(line, column) == origin
            if ch not in "\r\n" and source[origin] == ch:
                assert doc.lines.line_text(line)[column - 1] == ch


def test_nul_characters_keep_positions() -> None:
    source = "x\x00y CCP\n\n  \x00 z CCP"
    doc = parse_markdown(source, "t.md")
    assert texts(source) == ["x\ufffdy CCP", "\ufffd z CCP"]
    assert locate(doc, "CCP", 0) == Loc(1, 5, 1, 8)
    assert locate(doc, "CCP", 1) == Loc(3, 7, 3, 10)
    assert_maps_back(doc)


def test_deprecated_term_findings_point_into_the_markdown(tiny_glossary, tiny_matcher) -> None:
    source = ("# Title\r\n\r\nThe mayor &amp; the\r\n*party* &rsquo;s CCP, the **CCP**.\r\n\r\n"
              "<!-- shuyu: disable-next-line=term-deprecated -->\r\nCCP again\r\n\r\n| a | 徐州 CCP |\r\n|---|---|\r\n")
    doc = parse_markdown(source, "t.md")
    findings, _ = lint_document(doc, tiny_glossary, tiny_matcher, CheckSettings(LINT_RULES))
    deprecated = [f.location for f in findings if f.rule == "term-deprecated"]
    assert deprecated == [Loc(4, 18, 4, 21), Loc(4, 29, 4, 32), Loc(9, 10, 9, 13)]  # line 7 is switched off


@pytest.mark.parametrize("source", [
    'See [the city](https://wuxi.gov.cn "Huaian and Wu Xi") today.\n',
    "See [the city](<https://wuxi.gov.cn> 'Huaian and Wu Xi') today.\n",
    "See ![the city](city.png (Huaian and Wu Xi)) today.\n",
    'See [the city](https://wuxi.gov.cn\n  "Huaian and Wu Xi") today.\n',
])
def test_link_and_image_titles_are_prose_as_html_titles_are(source: str) -> None:
    doc = parse_markdown(source, "t.md")
    titles = [s for s in doc.segments if s.scope == "title-attr"]
    assert [s.text for s in titles] == ["Huaian and Wu Xi"]
    assert_maps_back(doc)
    start = titles[0].offsets.to_original(0)
    assert source[start:start + len("Huaian and Wu Xi")] == "Huaian and Wu Xi"


def test_a_link_without_title_or_with_an_escaped_one_gives_none() -> None:
    for source in ("See [the city](https://wuxi.gov.cn) today.\n", 'See [x](y "a \\" b") today.\n'):
        assert [s for s in parse_markdown(source, "t.md").segments if s.scope == "title-attr"] == []
