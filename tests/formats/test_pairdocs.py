"""pair_documents / is_pair_file: each side of a pair becomes a document positioned in the pair file."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from hypothesis import assume
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from shuyu.formats.bilingual import AlignedPair
from shuyu.formats.bilingual import read_pairs
from shuyu.formats.pairdocs import is_pair_file
from shuyu.formats.pairdocs import pair_documents
from shuyu.text.document import Document


def where(doc: Document, sub: str, nth: int = 0) -> tuple[int, int, int, int]:
    """(line, column, end line, end column) in the file of the ``nth`` ``sub`` of the document's only segment."""
    (segment,) = doc.segments
    start = -1
    for _ in range(nth + 1):
        start = segment.text.index(sub, start + 1)
    loc = doc.location(segment, start, start + len(sub))
    return loc.line, loc.column, loc.end_line, loc.end_column


def col(text: str, line: int, sub: str) -> int:
    """The 1-based column of ``sub`` on ``line`` of ``text``."""
    return text.splitlines()[line - 1].index(sub) + 1


def docs_of(tmp_path: Path, name: str, text: str) -> list[tuple[Document, Document]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    return list(pair_documents(str(path), text, read_pairs(path)))


def test_tsv_positions_are_exact(tmp_path: Path) -> None:
    text = "徐州市代表团访问。\tA delegation from Xuzhou visited.\r\nid-2\t无锡市委书记出席。\tThe Wuxi party chief attended.\r\n"
    (zh1, en1), (zh2, en2) = docs_of(tmp_path, "p.tsv", text)
    assert (zh1.path, zh1.kind, zh1.text) == (str(tmp_path / "p.tsv"), "pair", text)
    assert zh1.segments[0].text == "徐州市代表团访问。"
    assert where(zh1, "徐州") == (1, 1, 1, 3)
    assert where(en1, "Xuzhou") == (1, 29, 1, 35)
    assert where(zh2, "无锡市委书记") == (2, 6, 2, 12)
    assert where(en2, "Wuxi") == (2, 20, 2, 24)
    assert col(text, 1, "Xuzhou") == 29


def test_tsv_identical_sides_take_their_own_cells(tmp_path: Path) -> None:
    (zh, en), = docs_of(tmp_path, "p.tsv", "GDP\tGDP\n")
    assert where(zh, "GDP") == (1, 1, 1, 4)
    assert where(en, "GDP") == (1, 5, 1, 8)


def test_jsonl_escaped_quotes(tmp_path: Path) -> None:
    # The JSONL line writes the English with escaped quotes: not in the file literally, found through the escapes.
    text = json.dumps({"zh": "甲", "en": 'He said "Wuxi".'}, ensure_ascii=False) + "\n"
    (zh, en), = docs_of(tmp_path, "p.jsonl", text)
    assert where(en, "Wuxi") == (1, col(text, 1, "Wuxi"), 1, col(text, 1, "Wuxi") + 4)
    assert text[col(text, 1, "Wuxi") - 3: col(text, 1, "Wuxi") - 1] == '\\"'  # it is the escaped one
    assert where(zh, "甲") == (1, 9, 1, 10)


def test_jsonl_ascii_escaped_chinese(tmp_path: Path) -> None:
    text = json.dumps({"id": "1", "zh": "无锡市委书记黄钦", "en": "Huang Qin"}) + "\n"
    assert "\\u65e0" in text
    (zh, en), = docs_of(tmp_path, "p.jsonl", text)
    head = text.index("\\u65e0") + 1
    # Each character stands where its \uXXXX escape starts: 书记 is characters 4 and 5.
    assert where(zh, "书记") == (1, head + 4 * 6, 1, head + 5 * 6 + 1)
    assert where(en, "Qin") == (1, text.index("Qin") + 1, 1, text.index("Qin") + 4)


def test_tmx_english_first_and_entities(tmp_path: Path) -> None:
    text = ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header/><body>\n'
            '<tu tuid="1">\n'
            '  <tuv xml:lang="en"><seg>R&amp;D centre of Wuxi</seg></tuv>\n'
            '  <tuv xml:lang="zh"><seg>无锡研发中心</seg></tuv>\n'
            '</tu>\n</body></tmx>\n')
    (zh, en), = docs_of(tmp_path, "m.tmx", text)
    assert en.segments[0].text == "R&D centre of Wuxi"
    assert where(zh, "无锡") == (5, 27, 5, 29)
    assert where(en, "Wuxi") == (4, 45, 4, 49)
    assert col(text, 4, "Wuxi") == 45
    # "&" stands where "&amp;" starts; "R&D" spans the whole "R&amp;D".
    assert where(en, "R&D") == (4, 27, 4, 27 + len("R&amp;D"))
    assert where(en, "centre") == (4, col(text, 4, "centre"), 4, col(text, 4, "centre") + 6)


def test_xliff12_inline_markup_positions_are_exact(tmp_path: Path) -> None:
    text = ('<?xml version="1.0"?>\n<xliff version="1.2"><file source-language="zh" target-language="en"><body>\n'
            '<trans-unit id="a"><source>无锡</source><target>Wuxi</target></trans-unit>\n'
            '<trans-unit id="b">\n'
            '  <source>徐州<g id="1">市委</g>书记</source>\n'
            '  <target>Secretary of the <g id="1">CPC Xuzhou</g> Municipal Committee</target>\n'
            '</trans-unit>\n'
            '<trans-unit id="c"><source>徐州市委书记</source><target>Secretary of the CPC Xuzhou Municipal Committee</target>'
            '</trans-unit>\n</body></file></xliff>\n')
    pairs = docs_of(tmp_path, "r.xlf", text)
    (zh_a, en_a), (zh_b, en_b), (zh_c, en_c) = pairs
    assert where(zh_a, "无锡") == (3, col(text, 3, "无锡"), 3, col(text, 3, "无锡") + 2)
    assert where(en_a, "Wuxi") == (3, 47, 3, 51)
    assert col(text, 3, "Wuxi") == 47
    # Unit b's texts are split by inline markup; every character is where the file has it. Unit c holds
    # the same text literally, but positions must not jump to it.
    assert en_b.segments[0].text == "Secretary of the CPC Xuzhou Municipal Committee"
    assert where(en_b, "Xuzhou") == (6, col(text, 6, "Xuzhou"), 6, col(text, 6, "Xuzhou") + 6)
    assert where(en_b, "Municipal") == (6, col(text, 6, "Municipal"), 6, col(text, 6, "Municipal") + 9)
    # A span across an inline tag starts and ends where its first and last characters are.
    assert where(en_b, "of the CPC") == (6, col(text, 6, "of the"), 6, col(text, 6, "CPC") + 3)
    assert where(zh_b, "市委书记") == (5, col(text, 5, "市委"), 5, col(text, 5, "书记") + 2)
    assert where(en_c, "Xuzhou") == (8, col(text, 8, "Xuzhou"), 8, col(text, 8, "Xuzhou") + 6)
    assert where(zh_c, "书记") == (8, col(text, 8, "书记"), 8, col(text, 8, "书记") + 2)


def test_xliff12_native_code_entities_cdata_and_crlf(tmp_path: Path) -> None:
    text = ('<?xml version="1.0"?>\r\n<xliff version="1.2"><file source-language="zh-CN" target-language="en"><body>\r\n'
            '<trans-unit id="1"><source><bx id="1"/>&#x65E0;锡<ex id="1"/><ph id="2">&lt;br/&gt;</ph>市委书记</source>\r\n'
            '<target>R&amp;D<x id="9"/> <ph id="2">&lt;b class="Wuxi"&gt;</ph>in <![CDATA[Wu<xi>]]>\r\n'
            '<it id="3" pos="open">&lt;i&gt;</it>and <mrk mtype="term">Xuzhou</mrk></target>\r\n'
            '<note>Wuxi and Xuzhou</note></trans-unit>\r\n</body></file></xliff>\r\n')
    (zh, en), = docs_of(tmp_path, "r.xlf", text)
    assert zh.segments[0].text == "无锡市委书记"
    assert en.segments[0].text == "R&D in Wu<xi>\nand Xuzhou"
    assert where(zh, "无锡") == (3, col(text, 3, "&#x65E0;"), 3, col(text, 3, "锡") + 1)
    assert where(zh, "市委书记") == (3, col(text, 3, "市委书记"), 3, col(text, 3, "市委书记") + 4)
    assert where(en, "R&D") == (4, col(text, 4, "R&amp;D"), 4, col(text, 4, "R&amp;D") + 7)
    assert where(en, "in") == (4, col(text, 4, "in <!"), 4, col(text, 4, "in <!") + 2)  # not the "in" of the ph's class
    assert where(en, "Wu<xi>") == (4, col(text, 4, "Wu<xi>"), 4, col(text, 4, "Wu<xi>") + 6)
    assert where(en, "Xuzhou") == (5, col(text, 5, "Xuzhou"), 5, col(text, 5, "Xuzhou") + 6)  # not the note's


def test_tmx_inline_codes_positions_are_exact(tmp_path: Path) -> None:
    text = ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="zh-CN"/><body>\n'
            '<tu tuid="7">\n'
            '  <prop type="x-note">Secretary of the CCP Wuxi Municipal Committee</prop>\n'
            '  <tuv xml:lang="zh-CN"><seg><bpt i="1">&lt;b&gt;</bpt>无锡市委书记<ept i="1">&lt;/b&gt;</ept>黄钦</seg></tuv>\n'
            '  <tuv xml:lang="en-US"><seg>Huang Qin, <bpt i="1">&lt;a title="<sub>Wuxi</sub>"&gt;</bpt>'
            'Secretary of the CCP <hi type="b">Wuxi</hi> Municipal Committee<ept i="1">&lt;/a&gt;</ept>'
            '<ph>&lt;br/&gt;</ph><it pos="begin">&lt;i&gt;</it><ut>{\\i}</ut> attended.</seg></tuv>\n'
            '</tu>\n</body></tmx>\n')
    (zh, en), = docs_of(tmp_path, "m.tmx", text)
    assert zh.segments[0].text == "无锡市委书记黄钦"
    assert en.segments[0].text == "Huang Qin, Secretary of the CCP Wuxi Municipal Committee attended."
    term = "Secretary of the CCP Wuxi Municipal Committee"
    # Not the prop's copy of the term on line 4, nor the "Wuxi" of the bpt's native code.
    assert where(en, term) == (6, col(text, 6, "Secretary"), 6, col(text, 6, "Committee") + 9)
    assert where(en, "Wuxi") == (6, col(text, 6, ">Wuxi</hi>") + 1, 6, col(text, 6, ">Wuxi</hi>") + 5)
    assert where(en, "attended") == (6, col(text, 6, "attended"), 6, col(text, 6, "attended") + 8)
    assert where(zh, "无锡市委书记") == (5, col(text, 5, "无锡"), 5, col(text, 5, "无锡") + 6)
    assert where(zh, "黄钦") == (5, col(text, 5, "黄钦"), 5, col(text, 5, "黄钦") + 2)


def test_xliff20_inline_codes_positions_are_exact(tmp_path: Path) -> None:
    text = ('<?xml version="1.0"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="zh" '
            'trgLang="en-US"><file id="f"><unit id="u">\n'
            '<segment id="s1" state="initial"><source><sc id="1"/>无锡<ec startRef="1"/>市委<ph id="2"/>书记</source>\n'
            '<target>Secretary of the <pc id="3">CPC <mrk id="m" translate="no">Wuxi</mrk></pc><ph id="2"/> Municipal'
            ' Committee</target></segment>\n</unit></file></xliff>\n')
    (zh, en), = docs_of(tmp_path, "r.xlf", text)
    assert (zh.segments[0].text, en.segments[0].text) == ("无锡市委书记", "Secretary of the CPC Wuxi Municipal Committee")
    assert where(en, "Wuxi") == (4, col(text, 4, "Wuxi"), 4, col(text, 4, "Wuxi") + 4)
    assert where(en, "Municipal Committee") == (4, col(text, 4, "Municipal"), 4, col(text, 4, "Committee") + 9)
    assert where(zh, "无锡市委书记") == (3, col(text, 3, "无锡"), 3, col(text, 3, "书记") + 2)


def test_units_sharing_a_line_take_their_own_segments(tmp_path: Path) -> None:
    tu = '<tu tuid="{}"><tuv xml:lang="zh"><seg>无锡<ph>x</ph></seg></tuv><tuv xml:lang="en"><seg>{}<ph>x</ph></seg></tuv></tu>'
    text = ('<?xml version="1.0"?>\n<tmx version="1.4"><header/><body>'
            + tu.format("a", "Wu Xi") + tu.format("b", "Wuxi") + tu.format("c", "Wu Xi") + "</body></tmx>\n")
    docs = docs_of(tmp_path, "m.tmx", text)
    starts = [text.index('tuid="a"'), text.index('tuid="b"'), text.index('tuid="c"')]
    for (zh, en), start, end in zip(docs, starts, [*starts[1:], len(text)], strict=True):
        for doc in (zh, en):
            (segment,) = doc.segments
            assert all(start < segment.offsets.to_original(i) < end for i in range(len(segment.text)))


# --- every character where the file has it, whatever the inline markup -----------------------------------

# (raw, text) pieces of a segment; a lone CR is followed by a space, never by the LF a next piece may start with.
_TEXT = [("无锡", "无锡"), ("Wuxi", "Wuxi"), (" ", " "), ("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), (">", ">"),
         ("&#38;", "&"), ("&#x4E2D;", "中"), ("&#x1F600;", "\U0001F600"), ("&quot;", '"'), ("&apos;", "'"), ('"', '"'),
         ("\r\n", "\n"), ("\r ", "\n "), ("\n", "\n"), ("\t", "\t"), ("&#13;", "\r"), ("<![CDATA[a<b&c]]>", "a<b&c"),
         ("<![CDATA[x\r\ny]]>", "x\ny"), ("<![CDATA[]]>", ""), ("<!-- Wuxi -->", ""), ("<?pi Wuxi?>", ""),
         ("\U00020000", "\U00020000")]
_CODES = {
    "tmx": ['<bpt i="1">&lt;b&gt;</bpt>', '<ept i="1">&lt;/b&gt;</ept>', '<ph x="1">&lt;br/&gt;</ph>', '<ph/>',
            '<it pos="begin">&lt;i&gt;</it>', '<ut>{\\b}</ut>', '<bpt i="2">&lt;a title="<sub>Wuxi</sub>"&gt;</bpt>',
            '<ph type="x>y">&amp;</ph>'],
    "xliff12": ['<x id="1"/>', '<bx id="2"/>', '<ex id="3"/>', '<ph id="4">&lt;br/&gt;</ph>', '<bpt id="5">&lt;b&gt;</bpt>',
                '<ept id="5">&lt;/b&gt;</ept>', '<it id="6" pos="open">&lt;i&gt;</it>', "<x id='a>b'/>",
                '<ph id="7"><sub>Wuxi</sub></ph>'],
    "xliff20": ['<ph id="1"/>', '<sc id="2"/>', '<ec startRef="2"/>', '<cp hex="0001"/>', '<sm id="m1"/>', '<em startRef="m1"/>'],
}
_WRAPS = {
    "tmx": [('<hi type="b">', "</hi>"), ("<hi>", "</hi>")],
    "xliff12": [('<g id="8">', "</g>"), ('<mrk mtype="term">', "</mrk>"), ('<g id="9" ctype="bold">', "</g>")],
    "xliff20": [('<pc id="3">', "</pc>"), ('<mrk id="m2" translate="no">', "</mrk>")],
}


def _join(pieces: list[tuple[str, str]]) -> tuple[str, str]:
    return "".join(raw for raw, _ in pieces), "".join(t for _, t in pieces)


def _content(fmt: str) -> st.SearchStrategy[tuple[str, str]]:
    leaf = st.one_of(st.sampled_from(_TEXT), st.sampled_from([(code, "") for code in _CODES[fmt]]))

    def nest(inner: st.SearchStrategy[tuple[str, str]]) -> st.SearchStrategy[tuple[str, str]]:
        wrapped = st.tuples(st.sampled_from(_WRAPS[fmt]), inner).map(lambda w: (w[0][0] + w[1][0] + w[0][1], w[1][1]))
        return st.lists(st.one_of(leaf, wrapped), max_size=5).map(_join)

    return st.recursive(st.lists(leaf, max_size=6).map(_join), nest, max_leaves=16)


def _file(fmt: str, zh: str, en: str) -> str:
    if fmt == "tmx":
        return ('<?xml version="1.0"?>\n<tmx version="1.4"><header/><body>\n<tu tuid="1">\n'
                f'<tuv xml:lang="zh-CN"><seg>{zh}</seg></tuv>\n<tuv xml:lang="en"><seg>{en}</seg></tuv>\n'
                "</tu>\n</body></tmx>\n")
    if fmt == "xliff12":
        return ('<?xml version="1.0"?>\n<xliff version="1.2"><file source-language="zh" target-language="en"><body>\n'
                f'<trans-unit id="1"><source>{zh}</source>\n<target>{en}</target></trans-unit>\n</body></file></xliff>\n')
    return ('<?xml version="1.0"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="zh" '
            f'trgLang="en"><file id="f"><unit id="u">\n<segment><source>{zh}</source>\n<target>{en}</target></segment>\n'
            "</unit></file></xliff>\n")


_REF = re.compile(r"&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(amp|lt|gt|quot|apos));")


def _written_at(file_text: str, offset: int) -> str:
    """The character the file writes at ``offset``: itself, a line end, or a reference decoded."""
    m = _REF.match(file_text, offset)
    if m:
        hex_, dec, name = m.groups()
        return chr(int(hex_, 16)) if hex_ else chr(int(dec)) if dec else html.unescape(f"&{name};")
    return "\n" if file_text[offset] == "\r" else file_text[offset]


@pytest.mark.parametrize("fmt", ["tmx", "xliff12", "xliff20"])
def test_every_character_maps_to_its_place_in_the_file(tmp_path: Path, fmt: str) -> None:
    @settings(max_examples=150, deadline=None)
    @given(zh=_content(fmt), en=_content(fmt))
    def check(zh: tuple[str, str], en: tuple[str, str]) -> None:
        assume(en[1].strip())  # an XLIFF unit with an empty target is skipped
        text = _file(fmt, zh[0], en[0])
        (zh_doc, en_doc), = docs_of(tmp_path, "p.tmx" if fmt == "tmx" else "p.xlf", text)
        zh_at, en_at = text.index(zh[0] + "</"), text.index(en[0] + "</", text.index("en" if fmt == "tmx" else "<target"))
        for doc, (raw, expected), start in ((zh_doc, zh, zh_at), (en_doc, en, en_at)):
            (segment,) = doc.segments
            assert segment.text == expected
            offsets = [segment.offsets.to_original(i) for i in range(len(expected))]
            assert [_written_at(text, o) for o in offsets] == list(expected)
            assert all(start <= o < start + len(raw) for o in offsets)
            assert offsets == sorted(set(offsets))

    check()


def test_empty_side_is_positioned_at_the_line(tmp_path: Path) -> None:
    (zh, en), = docs_of(tmp_path, "p.tsv", "a\tb\n无锡\t\n")[1:]
    assert en.segments[0].text == ""
    assert en.segments[0].offsets.to_original(0) == len("a\tb\n")
    assert where(zh, "无锡") == (2, 1, 2, 3)


def test_pair_line_out_of_range_is_clamped() -> None:
    text = "无锡\tWuxi\n"
    pair = AlignedPair("x", "无锡", "Wuxi", "p.tsv", 99)
    (zh, en), = list(pair_documents("p.tsv", text, iter([pair])))
    assert en.segments[0].text == "Wuxi"
    assert where(zh, "无锡") == (2, 1, 2, 2)  # the last line (empty, after the final line end)
    pair0 = AlignedPair("x", "徐州", "Xuzhou", "p.tsv", 0)
    (zh0, _), = list(pair_documents("p.tsv", text, iter([pair0])))
    assert where(zh0, "徐州") == (1, 1, 1, 2)


def test_pairs_are_produced_lazily() -> None:
    def pairs():
        yield AlignedPair("1", "无锡", "Wuxi", "p.tsv", 1)
        raise AssertionError("read past the first pair")

    docs = pair_documents("p.tsv", "无锡\tWuxi\n", pairs())
    zh, en = next(docs)
    assert (zh.segments[0].text, en.segments[0].text) == ("无锡", "Wuxi")


@pytest.mark.parametrize(("name", "expected"), [
    ("a.tsv", True), ("a.TSV.gz", True), ("a.tmx", True), ("a.xlf", True), ("a.xliff.gz", True), ("a.jsonl", True),
    ("a.txt", False), ("a.zh", False), ("a.gz", False), ("tsv", False), ("a.tsv.bak", False),
])
def test_is_pair_file(name: str, expected: bool) -> None:
    assert is_pair_file(Path(name)) is expected


@pytest.mark.parametrize("codec", ["utf-8-sig", "gbk", "utf-16"])
def test_decoded_file_and_pairs_agree(tmp_path: Path, codec: str) -> None:
    # `check` decodes the file with read_text and reads the pairs with read_pairs: both must see
    # the same text, whatever the encoding, for positions to land.
    from shuyu.formats.decode import read_text

    text = "徐州\tXuzhou\r\n无锡市委书记\tSecretary of the CPC Wuxi Municipal Committee\r\n"
    path = tmp_path / "p.tsv"
    path.write_bytes(text.encode(codec))
    file_text, _ = read_text(path)
    (_, _), (zh, en) = list(pair_documents(str(path), file_text, read_pairs(path)))
    assert where(zh, "书记") == (2, 5, 2, 7)
    assert where(en, "Wuxi") == (2, col(text, 2, "Wuxi"), 2, col(text, 2, "Wuxi") + 4)
