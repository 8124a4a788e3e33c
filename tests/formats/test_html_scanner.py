"""The HTML scanner reads every page exactly as the html.parser path does, or hands it over.

The scanner (one compiled pattern over the page) is the fast path of the HTML reader; html.parser
is the reference. For any markup, both must give the same segments (text, offset runs, scope,
block, language), the same directives and the same block count; on markup outside the scanner's
well-formed subset the scanner must give up, never guess.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import assume
from hypothesis import example
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from shuyu.formats.html import HtmlCollector


def reading(source: str, *, scanner: bool, start: int = 0, end: int | None = None) -> tuple[object, ...]:
    c = HtmlCollector(source, start, end).run(scanner=scanner)
    segments = [(s.text, list(s.offsets.derived), list(s.offsets.original), s.offsets.length,
                 s.offsets.original_end, s.scope, s.block, s.lang) for s in c.segments]
    return segments, c.directives, c.blocks


def scanned(source: str) -> bool:
    return HtmlCollector(source).run().scanned


# Two defects of html.parser (Python 3.11) that the scanner does not share: a "&#" that starts no
# complete character reference makes the rest of the page text (tags included), and a page that
# ends inside a reference ("AT&T", "&copy.2020") reads it wrong ("ATT", "©.2020.2020").
_BROKEN_CHARREF = re.compile(r"&#(?![0-9]+[^0-9a-fA-F]|[xX][0-9a-fA-F]+[^0-9a-fA-F])")
_ENDS_IN_REFERENCE = re.compile(r"&[a-zA-Z#][-.a-zA-Z0-9]*\Z")


def html_parser_defect(source: str) -> bool:
    return bool(_BROKEN_CHARREF.search(source) or _ENDS_IN_REFERENCE.search(source))


def test_the_scanner_does_not_share_html_parsers_defects() -> None:
    source = "<p>a &#x; b</p><script>CCP</script><p>c AT&T</p><p>R&D</p><p>AT&T"
    assert html_parser_defect(source)
    assert scanned(source)
    assert [s[0] for s in reading(source, scanner=True)[0]] == ["a &#x; b", "c AT&T", "R&D", "AT&T"]


PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Wuxi &amp; Suzhou news</title>
<style>p { color: red } </p></style>
<script type="text/javascript">if (a < b && c > d) { x = "<p>CCP</p>"; }</script></head>
<body class='page'>
<!-- shuyu: disable-next-line=term-deprecated -->
<h1 id=top>The CCP Wuxi Municipal Committee</h1>
<p>Beijing&rsquo;s mayor met <a href="https://example.com/?a=1&amp;b=2" title="Link &quot;here&quot;">the
delegation</a> on 3&nbsp;May. AT&T and R&D &copy2020 &#8217; &#x2019;</p>
<p lang="zh-Hans">无锡市委</p><div lang='EN-GB'><span>Colour</span><br/><img src=a.png alt="Xu Zhou"></div>
<table><tr><th>Name</th><td>Jiangsu<br>Province</td></tr></table>
<?php echo 1; ?>
<pre>CCP pre</pre><code>x</code><TEXTAREA>CCP</TEXTAREA><P>Upper &lt;case&gt;</P>
<p>a < b and c > d, 1 <2</p>
</body></html>
"""


def test_a_well_formed_page_is_scanned_and_read_as_html_parser_reads_it() -> None:
    assert scanned(PAGE)
    assert reading(PAGE, scanner=True) == reading(PAGE, scanner=False)
    texts = [s[0] for s in reading(PAGE, scanner=True)[0]]
    assert "The CCP Wuxi Municipal Committee" in texts
    assert "Xu Zhou" in texts
    assert "无锡市委" in texts


def test_a_slice_of_a_document_is_scanned_alone() -> None:
    # HTML blocks inside Markdown are read as a range of the whole document's text.
    text = "# Title\n\n<p>One <b>CCP</b></p>\n<div>two</div>\n\nMore *Markdown*."
    start, end = text.index("<p>"), text.index("\n\nMore")
    assert reading(text, scanner=True, start=start, end=end) == reading(text, scanner=False, start=start, end=end)
    assert [s[0] for s in reading(text, scanner=True, start=start, end=end)[0]] == ["One CCP", "two"]


@pytest.mark.parametrize("source", [
    "<p>x</p><![CDATA[ CCP ]]><p>y</p>",  # a marked section
    "<p>x</p><!bogus comment><p>y</p>",
    "<p>x</p><!-- never closed <p>y</p>",
    "<p>x</p><script>never closed <p>y</p>",
    "<p class=a=b>x</p>",  # not a plainly unquoted value
    "<p class='a'title='b'>x</p>",  # no space between attributes
    "<p>x</ p>",
    "<p>x</p><a href='unclosed>y</a>",
    "<!DOCTYPE html",
    "<?xml version='1.0'",
])
def test_markup_outside_the_subset_goes_to_html_parser(source: str) -> None:
    assert not scanned(source)
    assert reading(source, scanner=True) == reading(source, scanner=False)


_TEXT = st.sampled_from([
    "Wuxi", "CCP", " ", "\n", "\r\n", "the mayor’s", "AT&T", "R&D", "&amp;", "&amp", "&ampx", "&rsquo;",
    "&copy2020", "&copy.2020", "&#8217;", "&#x2019;", "&nbsp;", "&lt;", "a < b", "c > d", "1 <2", "“quoted”",
    "无锡", "http://example.com/x", "www.gov.cn", "e@x.org", "\t", "&quot;", "x=1", "'", '"', "/", "-->",
])
_ATTRIBUTE = st.sampled_from([
    "", " id=a", ' class="x y"', " title='Mayor &amp; staff'", ' alt="Xu Zhou"', " lang=zh", ' lang="en-GB"',
    " LANG='ZH-Hans'", " xml:lang=fr", " hidden", " data-x=1 title=Suzhou", ' alt=""', " title", "\n alt='a\nb'",
    ' href="a>b"', " lang", ' lang="zh" lang="en"', " title=&quot;x&quot;",
])
_TAG = st.sampled_from([
    "p", "div", "span", "a", "b", "em", "h1", "h3", "td", "th", "li", "title", "script", "style", "code",
    "pre", "noscript", "template", "svg", "img", "br", "hr", "input", "textarea", "P", "Div", "SCRIPT", "x-y",
    "font", "table", "tr",
])


#: Text without markup or references (most of them: a block of any _TEXT is rarely plain).
_CLEAN = [t for t in _TEXT.elements if "&" not in t and "<" not in t] * 3 + ["&amp;", "a < b"]


@st.composite
def _markup(draw: st.DrawFn) -> str:
    pieces: list[str] = []
    for _ in range(draw(st.integers(0, 30))):
        kind = draw(st.integers(0, 13))
        if kind >= 12:  # a run of plain blocks with whitespace between, read by plain_run
            for _ in range(draw(st.integers(1, 6))):
                tag = draw(st.sampled_from(["p", "h2", "li", "td", "title", "dd", "p", "pre", "P"]))
                end = draw(st.sampled_from([tag, tag, tag, "p"]))
                space = draw(st.sampled_from(["", "\n", " \n  ", "\t", "\xa0", "\r\n", "x"]))
                text = "".join(draw(st.sampled_from(_CLEAN)) for _ in range(3))
                pieces.append(f"{space}<{tag}>{text}</{end}>")
        elif kind >= 10:  # the plain block the scanner reads in one step, or nearly it
            tag = draw(st.sampled_from(["p", "h2", "li", "td", "title", "div", "caption", "pre", "P"]))
            end = draw(st.sampled_from([tag, tag, "p", tag.upper()]))
            pieces.append(f"<{tag}>{draw(_TEXT)}{draw(_TEXT)}</{end}>")
        elif kind <= 3:
            pieces.append(draw(_TEXT))
        elif kind <= 5:
            slash = draw(st.sampled_from(["", "", "/", " /"]))
            pieces.append(f"<{draw(_TAG)}{draw(_ATTRIBUTE)}{slash}>")
        elif kind <= 7:
            pieces.append(f"</{draw(_TAG)}{draw(st.sampled_from(['', ' ', chr(10)]))}>")
        else:
            pieces.append(draw(st.sampled_from([
                "<!-- shuyu: disable=term-deprecated -->", "<!-- note -->", "<!---->", "<!-- a -- >",
                "<!DOCTYPE html>", "<!doctype html>", "<?php x ?>", "<![CDATA[x]]>", "<!x>", "</>", "</ p>",
                "<a b=c=d>", "<", "&", "<!--", "<p", "</p", "<1>", "< p>", "<p title='x>y'>",
                "<!-- shuyu: disable-next-line -->",
            ])))
    return "".join(pieces)


@settings(max_examples=600, deadline=None)
@given(_markup())
@example("<p>x</p><script>a</script><p>y &amp; z</p>")
@example(" <span title=&quot;x&quot;>Wuxi")
@example("<title>a<b>c</b></title><style>p{}</STYLE ><p>d</p>")
@example("<code><p>x</p></code><p>y</p><div lang=zh><p>无锡</p><td> </td></div><h2>\n</h2><p></p>")
@example("<span>a <li>b</li> c<img alt=x><p>d</p>")
@example("<div lang=zh><p>a</p>\n<h2> b </h2> <td>see www.gov.cn</td><li></li><p>\n</p>\xa0<p>c &amp;</p></div><p>d")
def test_the_scanner_reads_any_markup_as_html_parser_does(source: str) -> None:
    assume(not html_parser_defect(source))
    assert reading(source, scanner=True) == reading(source, scanner=False)
