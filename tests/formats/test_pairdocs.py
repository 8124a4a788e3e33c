"""pair_documents / is_pair_file: each side of a pair becomes a document positioned in the pair file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

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


def test_xliff_inline_markup_points_at_the_unit_line(tmp_path: Path) -> None:
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
    # Unit b's texts are split by inline markup: not in the file as such. Unit c holds the same
    # text literally, but positions must not jump to it: they stay on b's line.
    assert en_b.segments[0].text == "Secretary of the CPC Xuzhou Municipal Committee"
    assert where(en_b, "Xuzhou") == (4, 1, 4, 2)
    assert where(zh_b, "书记") == (4, 1, 4, 2)
    assert where(en_c, "Xuzhou") == (8, col(text, 8, "Xuzhou"), 8, col(text, 8, "Xuzhou") + 6)
    assert where(zh_c, "书记") == (8, col(text, 8, "书记"), 8, col(text, 8, "书记") + 2)


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
