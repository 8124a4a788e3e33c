"""read_pairs and friends: each pair format's pairs, ids and lines; encodings, gzip, malformed input; streaming."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from shuyu.errors import InputError
from shuyu.formats import bilingual
from shuyu.formats.bilingual import AlignedPair
from shuyu.formats.bilingual import format_of
from shuyu.formats.bilingual import read_pairs
from tests.conftest import external

ZH1 = "无锡市委书记黄钦率党政代表团赴徐州考察。"
EN1 = "Huang Qin, Secretary of the CPC Wuxi Municipal Committee, led a delegation to Xuzhou."
ZH2, EN2 = "双方签署了《南北结对合作框架协议》。", "The two sides signed a framework agreement on north–south pairing."
ZH3, EN3 = "徐州市市长庄兆林出席。", "Zhuang Zhaolin, Mayor of Xuzhou, attended."


def pairs_of(path: Path, **kwargs: object) -> list[tuple[str, str, str, int]]:
    """The pairs as (id, zh, en, line), after checking every pair names the file."""
    pairs = list(read_pairs(path, **kwargs))  # type: ignore[arg-type]
    assert all(isinstance(p, AlignedPair) and p.path == str(path) for p in pairs)
    return [(p.id, p.zh, p.en, p.line) for p in pairs]


def error_of(path: Path, **kwargs: object) -> InputError:
    with pytest.raises(InputError) as info:
        list(read_pairs(path, **kwargs))  # type: ignore[arg-type]
    return info.value


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(gzip.compress(data) if path.name.endswith(".gz") else data)
    return path


# --- format names ------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "fmt"), [
    ("a.tsv", "tsv"), ("A.TSV.GZ", "tsv"), ("a.jsonl", "jsonl"), ("a.jsonl.gz", "jsonl"), ("a.tmx", "tmx"),
    ("a.xlf", "xliff"), ("a.xliff.gz", "xliff"), ("corpus.zh", "lines"), ("corpus.zh.gz", "lines"),
])
def test_format_of(name: str, fmt: str) -> None:
    assert format_of(Path(name)) == fmt


def test_unknown_format() -> None:
    with pytest.raises(InputError) as info:
        format_of(Path("pairs.csv"))
    assert (info.value.message, info.value.path) == ("unknown bilingual format", "pairs.csv")
    err = error_of(Path("pairs.tsv"), fmt="csv")
    assert err.message == "unknown bilingual format 'csv'"
    assert err.hint == "one of tsv, jsonl, tmx, xliff, lines"


# --- TSV ---------------------------------------------------------------------------------------

def test_tsv_two_and_three_columns_header_blank_lines(tmp_path: Path) -> None:
    path = write(tmp_path / "p.tsv", f"id\tzh\ten\n{ZH1}\t{EN1}\n\n  \nrel-7\t{ZH2}\t{EN2}\n{ZH3}\t\n".encode())
    assert pairs_of(path) == [("2", ZH1, EN1, 2), ("rel-7", ZH2, EN2, 5), ("6", ZH3, "", 6)]


def test_tsv_header_only_on_the_first_line(tmp_path: Path) -> None:
    path = write(tmp_path / "p.tsv", b"zh\ten\nzh\ten\n")
    assert pairs_of(path) == [("2", "zh", "en", 2)]


@pytest.mark.parametrize("header", ["zh\ten", "ZH\tEN", "zh-CN\ten-US", "zh_Hans\ten_GB", "zho\teng", "Chinese\tEnglish",
                                    "source\ttarget", "src\ttgt", "中文\t英文", " zh \t en "])
def test_tsv_header_in_zh_en_order_is_skipped(tmp_path: Path, header: str) -> None:
    path = write(tmp_path / "p.tsv", f"{header}\n{ZH1}\t{EN1}\nx-2\t{ZH2}\t{EN2}\n".encode())
    assert pairs_of(path) == [("2", ZH1, EN1, 2), ("x-2", ZH2, EN2, 3)]


@pytest.mark.parametrize("header", ["en\tzh", "EN\tZH", "en-US\tzh-CN", "en_GB\tzh_Hant_TW", "eng\tzho", "English\tChinese",
                                    "target\tsource", "英文\t中文"])
def test_tsv_header_with_english_first_swaps_the_columns(tmp_path: Path, header: str) -> None:
    path = write(tmp_path / "p.tsv", f"{header}\n{EN1}\t{ZH1}\n\nx-2\t{EN2}\t{ZH2}\n".encode())
    assert pairs_of(path) == [("2", ZH1, EN1, 2), ("x-2", ZH2, EN2, 4)]


@pytest.mark.parametrize(("header", "row"), [
    ("id\ten\tzh", f"a\t{EN1}\t{ZH1}"), ("en\tzh\tid", f"{EN1}\t{ZH1}\ta"), ("zh\tid\ten", f"{ZH1}\ta\t{EN1}"),
    ("tuid\ten-US\tzh-CN", f"a\t{EN1}\t{ZH1}"), ("en\tzh", f"a\t{EN1}\t{ZH1}"),
])
def test_tsv_three_column_headers(tmp_path: Path, header: str, row: str) -> None:
    path = write(tmp_path / "p.tsv", f"{header}\n{row}\n".encode())
    assert pairs_of(path) == [("a", ZH1, EN1, 2)]


@pytest.mark.parametrize("first", ["zh\tzh", "en\ten", "id\tzh", "fr\ten", "zh\ten\tnote", "zhx\ten", "id\tid\ten"])
def test_tsv_first_line_that_names_no_two_languages_is_a_pair(tmp_path: Path, first: str) -> None:
    # Headerless files keep their behaviour: a first line that is not a header is read as zh<TAB>en.
    path = write(tmp_path / "p.tsv", f"{first}\n{ZH1}\t{EN1}\n".encode())
    cells = first.split("\t")
    expected = ("1", cells[0], cells[1], 1) if len(cells) == 2 else (cells[0], cells[1], cells[2], 1)
    assert pairs_of(path) == [expected, ("2", ZH1, EN1, 2)]


def test_tsv_header_swap_holds_for_lines_parsed_away_from_line_1(tmp_path: Path) -> None:
    # `shuyu score` parses a file a block (or, with --jobs, a chunk) at a time: lines after the first block
    # must take the file's header too, as read_pairs does.
    from shuyu.cli.score import corpus_pairs

    rows = [(f"{ZH1}{k}", f"{EN1} {k}") for k in range(6)]
    path = write(tmp_path / "p.tsv", ("en\tzh\n" + "".join(f"{e}\t{z}\n" for z, e in rows)).encode())
    numbered = list(enumerate(path.read_text(encoding="utf-8").splitlines(), 1))
    expected = [(f"p.tsv:{k}", z, e) for k, (z, e) in enumerate(rows, 2)]
    assert bilingual.pair_tuples(path, "tsv", numbered[:3]) + bilingual.pair_tuples(path, "tsv", numbered[3:]) == expected
    assert [(f"p.tsv:{p.id}", p.zh, p.en) for p in bilingual.parse_lines(path, "tsv", numbered[4:])] == expected[3:]
    assert list(corpus_pairs([path])) == expected
    assert [bilingual.yields_no_pair("tsv", n, line) for n, line in numbered[:2]] == [True, False]


def test_tsv_line_numbers_count_crlf_and_lone_cr(tmp_path: Path) -> None:
    # LineIndex counts \r\n and a lone \r as one line end each; the reader must agree with it.
    path = write(tmp_path / "p.tsv", f"{ZH1}\t{EN1}\r\n{ZH2}\t{EN2}\r{ZH3}\t{EN3}\r\n\r\n".encode())
    assert pairs_of(path) == [("1", ZH1, EN1, 1), ("2", ZH2, EN2, 2), ("3", ZH3, EN3, 3)]


@pytest.mark.parametrize(("line", "found"), [(f"{ZH2} {EN2}", 1), (f"1\t{ZH2}\t{EN2}\tnote", 4)])
def test_tsv_line_with_wrong_column_count(tmp_path: Path, line: str, found: int) -> None:
    path = write(tmp_path / "p.tsv", f"{ZH1}\t{EN1}\n{line}\n{ZH3}\t{EN3}\n".encode())
    err = error_of(path)
    assert (err.path, err.line, err.message) == (str(path), 2, f"expected 2 or 3 tab-separated columns, found {found}")
    assert str(err) == (f"{path}:2: expected 2 or 3 tab-separated columns, found {found} "
                        "(zh<TAB>en or id<TAB>zh<TAB>en)")


def test_tsv_pairs_before_the_bad_line_are_yielded(tmp_path: Path) -> None:
    path = write(tmp_path / "p.tsv", f"{ZH1}\t{EN1}\nno tab here\n".encode())
    pairs = read_pairs(path)
    assert next(pairs).en == EN1
    with pytest.raises(InputError):
        next(pairs)


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "utf-16", "gbk", "gb18030"])
def test_tsv_encodings(tmp_path: Path, codec: str) -> None:
    text = f"{ZH1}\t{EN1}\r\n{ZH3}\t{EN3}\r\n"
    path = write(tmp_path / "p.tsv", text.replace("–", "-").encode(codec))
    assert pairs_of(path) == [("1", ZH1, EN1, 1), ("2", ZH3, EN3, 2)]


def test_tsv_big5_traditional(tmp_path: Path) -> None:
    zh1, zh2 = "無錫市委書記黃欽出席會議。", "徐州市委書記周鐵根表示，要把合作推向深入。"
    path = write(tmp_path / "p.tsv", f"{zh1}\t{EN1}\r\n{zh2}\t{EN3}\r\n".encode("big5hkscs"))
    assert pairs_of(path) == [("1", zh1, EN1, 1), ("2", zh2, EN3, 2)]


def test_tsv_gzip(tmp_path: Path) -> None:
    path = write(tmp_path / "p.tsv.gz", f"{ZH1}\t{EN1}\n{ZH2}\t{EN2}\n".encode())
    assert pairs_of(path) == [("1", ZH1, EN1, 1), ("2", ZH2, EN2, 2)]


def test_tsv_bad_byte_late_in_a_large_file(tmp_path: Path) -> None:
    # Past the first block the encoding is settled (UTF-8): a bad byte further on is named by line,
    # column and byte offset in the file, not by an offset inside some buffer.
    good = f"{ZH1}\t{EN1}\n".encode()
    lines = 2000
    data = good * lines + f"{ZH3}\t".encode() + b"Zhuang \xff\n" + good
    assert len(good) * lines > bilingual.HEAD
    path = write(tmp_path / "p.tsv", data)
    err = error_of(path)
    at = len(good) * lines + len(f"{ZH3}\t".encode()) + len("Zhuang ")
    assert err.message == f"cannot decode as UTF-8 at byte {at}"
    assert (err.line, err.column, err.hint) == (lines + 1, len(ZH3) + 1 + len("Zhuang ") + 1, "save the file as UTF-8")


def test_tsv_bad_byte_in_the_first_block(tmp_path: Path) -> None:
    path = write(tmp_path / "p.tsv", f"{ZH1}\t{EN1}\n".encode() + b"x\ty\xc3(\n")
    err = error_of(path)
    at = len(f"{ZH1}\t{EN1}\n".encode()) + 3
    assert (err.message, err.line, err.column) == (f"cannot decode as UTF-8, GB18030 or Big5 at byte {at}", 2, 4)


@pytest.mark.parametrize("damage", ["truncated", "not-gzip", "bad-crc", "corrupt-body"])
def test_tsv_broken_gzip(tmp_path: Path, damage: str) -> None:
    packed = bytearray(gzip.compress(f"{ZH1}\t{EN1}\n".encode() * 50))
    if damage == "truncated":
        packed = packed[:-20]
    elif damage == "not-gzip":
        packed = bytearray(b"id\tzh\ten\n")
    elif damage == "corrupt-body":
        for k in range(12, 40):  # deflate data: zlib.error, not a gzip exception
            packed[k] ^= 0x55
    else:
        packed[-8] ^= 0xFF
    path = tmp_path / "p.tsv.gz"
    path.write_bytes(bytes(packed))
    err = error_of(path)
    assert err.message.startswith("not a valid gzip file (")
    assert err.path == str(path)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    missing = tmp_path / "none.tsv"
    err = error_of(missing)
    assert (err.message, err.path) == ("no such file", str(missing))
    folder = tmp_path / "dir.tsv"
    folder.mkdir()
    err = error_of(folder)
    assert (err.message, err.path) == ("is a directory, not a file", str(folder))


# --- JSONL -------------------------------------------------------------------------------------

def test_jsonl_ids_and_lines(tmp_path: Path) -> None:
    lines = [json.dumps({"id": "a-1", "zh": ZH1, "en": EN1}, ensure_ascii=False), "",
             json.dumps({"id": 42, "zh": ZH2, "en": EN2}), json.dumps({"zh": ZH3, "en": EN3, "extra": [1]}),
             json.dumps({"id": None, "zh": "", "en": ""})]
    path = write(tmp_path / "p.jsonl", ("\n".join(lines) + "\n").encode())
    assert pairs_of(path) == [("a-1", ZH1, EN1, 1), ("42", ZH2, EN2, 3), ("4", ZH3, EN3, 4), ("5", "", "", 5)]


def test_jsonl_gzip_with_bom(tmp_path: Path) -> None:
    path = write(tmp_path / "p.jsonl.gz", ("\ufeff" + json.dumps({"zh": ZH1, "en": EN1}) + "\n").encode())
    assert pairs_of(path) == [("1", ZH1, EN1, 1)]


def test_jsonl_malformed_line(tmp_path: Path) -> None:
    path = write(tmp_path / "p.jsonl", (json.dumps({"zh": ZH1, "en": EN1}) + '\n{"zh": "x", "en": }\n').encode())
    err = error_of(path)
    assert (err.path, err.line, err.column, err.message) == (str(path), 2, 19, "malformed JSON: Expecting value")


@pytest.mark.parametrize(("line", "message"), [
    ('["zh", "en"]', 'each line must be an object with "zh" and "en" strings'),
    ('{"zh": "x"}', 'each line must be an object with "zh" and "en" strings'),
    ('{"zh": "x", "en": 3}', 'each line must be an object with "zh" and "en" strings'),
    ('{"id": {"n": 1}, "zh": "x", "en": "y"}', '"id" must be a string or an integer'),
    ('{"id": true, "zh": "x", "en": "y"}', '"id" must be a string or an integer'),
])
def test_jsonl_wrong_shape(tmp_path: Path, line: str, message: str) -> None:
    path = write(tmp_path / "p.jsonl", f'{{"zh": "a", "en": "b"}}\n\n{line}\n'.encode())
    err = error_of(path)
    assert (err.line, err.message) == (3, message)


# --- line-aligned pairs ------------------------------------------------------------------------

def test_line_pairs(tmp_path: Path) -> None:
    zh = write(tmp_path / "corpus.zh", f"{ZH1}\n{ZH2}\r\n\n{ZH3}".encode())
    write(tmp_path / "corpus.en", f"{EN1}\n{EN2}\n\n{EN3}\n".encode())
    assert pairs_of(zh) == [("1", ZH1, EN1, 1), ("2", ZH2, EN2, 2), ("3", "", "", 3), ("4", ZH3, EN3, 4)]


def test_line_pairs_gzip_and_explicit_english_file(tmp_path: Path) -> None:
    zh = write(tmp_path / "news.zh.gz", f"{ZH1}\n{ZH2}\n".encode("gb18030"))
    write(tmp_path / "news.en.gz", f"{EN1}\n{EN2}\n".encode("utf-8-sig"))
    assert pairs_of(zh) == [("1", ZH1, EN1, 1), ("2", ZH2, EN2, 2)]
    other = write(tmp_path / "ref.txt", b"one\ntwo\n")
    assert pairs_of(zh, en_path=other) == [("1", ZH1, "one", 1), ("2", ZH2, "two", 2)]


def test_line_pairs_chinese_file_longer_by_one(tmp_path: Path) -> None:
    # zip() used to swallow the Chinese file's extra line and report nothing.
    zh = write(tmp_path / "c.zh", f"{ZH1}\n{ZH2}\n{ZH3}\n".encode())
    write(tmp_path / "c.en", f"{EN1}\n{EN2}\n".encode())
    pairs = read_pairs(zh)
    assert [p.en for p in (next(pairs), next(pairs))] == [EN1, EN2]
    with pytest.raises(InputError) as info:
        next(pairs)
    err = info.value
    assert (err.path, err.line) == (str(zh), 3)
    assert err.message == "c.zh has more lines than c.en: line 3 has no translation"


def test_line_pairs_english_file_longer(tmp_path: Path) -> None:
    zh = write(tmp_path / "c.zh", f"{ZH1}\n".encode())
    en = write(tmp_path / "c.en", f"{EN1}\n{EN2}\n{EN3}\n".encode())
    err = error_of(zh)
    assert (err.path, err.line, err.message) == (str(en), 2, "c.en has more lines than c.zh: line 2 has no source")


def test_line_pairs_missing_english_file(tmp_path: Path) -> None:
    zh = write(tmp_path / "c.zh", b"x\n")
    err = error_of(zh)
    assert (err.path, err.message) == (str(tmp_path / "c.en"), "no such file")


def test_line_pairs_without_a_zh_name(tmp_path: Path) -> None:
    # Used to pair the file with itself.
    path = write(tmp_path / "corpus.txt", b"x\n")
    err = error_of(path, fmt="lines")
    assert (err.path, err.message) == (str(path), "cannot tell which file holds the English lines")


# --- TMX ---------------------------------------------------------------------------------------

TMX = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4">
  <header creationtool="test" creationtoolversion="1" segtype="sentence" o-tmf="none" adminlang="en-US"
          srclang="zh-CN" datatype="plaintext"/>
  <body>
    <tu tuid="wx-1">
      <tuv xml:lang="zh-CN"><seg>{zh1}</seg></tuv>
      <tuv xml:lang="en-US"><seg>{en1}</seg></tuv>
    </tu>
    <tu>
      <prop type="x-note">English first, upper-case language codes</prop>
      <tuv xml:lang="EN-GB"><seg>{inline_en}</seg></tuv>
      <tuv xml:lang="ZH-CN"><seg>研发<bpt i="1">&lt;b&gt;</bpt>中心<ept i="1">&lt;/b&gt;</ept>启用</seg></tuv>
    </tu>
    <tu tuid="wx-3"><tuv lang="zh"><seg>{zh3}</seg></tuv><tuv lang="en"><seg>{en3}</seg></tuv>{ja}</tu>
  </body>
</tmx>
"""


TMX_INLINE_EN = 'R&amp;D <bpt i="1">&lt;b&gt;</bpt>centre<ept i="1">&lt;/b&gt;</ept> <hi>opened</hi><ph>&lt;br/&gt;</ph>'


def tmx_text() -> str:
    return TMX.format(zh1=ZH1, en1=EN1, zh3=ZH3, en3=EN3, inline_en=TMX_INLINE_EN, ja='<tuv xml:lang="ja"><seg>x</seg></tuv>')


def test_tmx_pairs_ids_lines_inline_codes(tmp_path: Path) -> None:
    path = write(tmp_path / "m.tmx", tmx_text().encode())
    assert pairs_of(path) == [("wx-1", ZH1, EN1, 7), ("2", "研发中心启用", "R&D centre opened", 11),
                              ("wx-3", ZH3, EN3, 16)]


def test_tmx_utf16_with_declaration_and_gzip(tmp_path: Path) -> None:
    text = tmx_text().replace('encoding="UTF-8"', 'encoding="UTF-16"')
    path = write(tmp_path / "m.tmx.gz", text.encode("utf-16"))
    assert [p[0] for p in pairs_of(path)] == ["wx-1", "2", "wx-3"]


def test_tmx_not_xml(tmp_path: Path) -> None:
    path = write(tmp_path / "m.tmx", b"zh\ten\nthis is not xml\n")
    err = error_of(path)
    assert (err.path, err.line, err.column, err.message) == (str(path), 1, 1, "malformed XML: syntax error")


def test_tmx_cut_short(tmp_path: Path) -> None:
    text = tmx_text()
    path = write(tmp_path / "m.tmx", text[: text.index("<tu tuid=\"wx-3\">")].encode())
    pairs = read_pairs(path)
    assert [next(pairs).id, next(pairs).id] == ["wx-1", "2"]
    with pytest.raises(InputError) as info:
        next(pairs)
    assert info.value.message == "malformed XML: no element found"
    assert info.value.line == 16


def test_tmx_bad_utf8(tmp_path: Path) -> None:
    data = tmx_text().encode().replace(ZH3.encode(), b"\xff\xfe" + ZH3.encode())
    path = write(tmp_path / "m.tmx", data)
    err = error_of(path)
    assert (err.line, err.message) == (16, "malformed XML: not well-formed (invalid token)")


def test_tmx_unit_without_english(tmp_path: Path) -> None:
    text = tmx_text().replace('<tuv lang="en"><seg>' + EN3 + "</seg></tuv>", "")
    path = write(tmp_path / "m.tmx", text.encode())
    err = error_of(path)
    assert (err.line, err.message) == (16, "translation unit 'wx-3' has no en segment")


def test_tmx_entity_expansion_bomb_is_refused(tmp_path: Path) -> None:
    bomb = ('<?xml version="1.0"?>\n<!DOCTYPE tmx [\n <!ENTITY a "aaaaaaaaaa">\n'
            ' <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">\n <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">\n]>\n'
            '<tmx version="1.4"><body><tu><tuv xml:lang="zh"><seg>&c;</seg></tuv>'
            '<tuv xml:lang="en"><seg>&c;</seg></tuv></tu></body></tmx>\n')
    path = write(tmp_path / "bomb.tmx", bomb.encode())
    err = error_of(path)
    assert (err.path, err.line, err.message) == (str(path), 3, "refused XML: declares the entity 'a'")


def test_tmx_external_entity_is_refused(tmp_path: Path) -> None:
    secret = write(tmp_path / "secret.txt", b"SECRET")
    xxe = (f'<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY x SYSTEM "file://{secret}">]>\n'
           '<tmx><body><tu><tuv xml:lang="zh"><seg>&x;</seg></tuv><tuv xml:lang="en"><seg>x</seg></tuv></tu></body></tmx>')
    path = write(tmp_path / "xxe.tmx", xxe.encode())
    err = error_of(path)
    assert err.message == "refused XML: declares the entity 'x'"
    assert "SECRET" not in str(err)


def test_tmx_ut_is_native_code(tmp_path: Path) -> None:
    # TMX <ut> (unknown tag) delimits native code, as bpt, ept, it and ph do: its content is no text.
    text = tmx_text().replace(f"<seg>{EN1}</seg>", "<seg>Huang Qin<ut>&lt;br&gt;</ut> attended.</seg>")
    path = write(tmp_path / "m.tmx", text.encode())
    assert pairs_of(path)[0] == ("wx-1", ZH1, "Huang Qin attended.", 7)


# --- XLIFF -------------------------------------------------------------------------------------

XLIFF12_TARGET2 = '<target>R&amp;D <g id="1">centre</g><x id="2"/> opened<ph id="3">&lt;br&gt;</ph></target>'
XLIFF12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="zh-CN" target-language="en-US" datatype="plaintext" original="release.txt">
    <body>
      <trans-unit id="t1">
        <source>{zh1}</source>
        <target state="translated">{en1}</target>
      </trans-unit>
      <group id="g">
        <trans-unit id="t2"><source>研发<g id="1">中心</g><x id="2"/>启用</source>{target2}
          <alt-trans><source>研发中心</source><target>machine suggestion</target></alt-trans></trans-unit>
      </group>
    </body>
  </file>
  <file source-language="en" target-language="zh" datatype="plaintext" original="back.txt">
    <body>
      <trans-unit id="t3"><source>{en3}</source><target>{zh3}</target></trans-unit>
    </body>
  </file>
</xliff>
"""


def xliff12(target2: str = XLIFF12_TARGET2) -> str:
    return XLIFF12.format(zh1=ZH1, en1=EN1, zh3=ZH3, en3=EN3, target2=target2)


def test_xliff12_pairs_groups_alt_trans_reversed_languages(tmp_path: Path) -> None:
    path = write(tmp_path / "r.xlf", xliff12().encode())
    assert pairs_of(path) == [("t1", ZH1, EN1, 5), ("t2", "研发中心启用", "R&D centre opened", 10),
                              ("t3", ZH3, EN3, 17)]


def test_xliff12_unit_without_target_is_skipped_and_counted(tmp_path: Path) -> None:
    # A partly translated file is the normal state mid-job: the untranslated unit is skipped, the rest read.
    # The target of <alt-trans> is a suggestion, never the unit's translation.
    text = xliff12(target2="")
    path = write(tmp_path / "r.xlf", text.encode())
    reader = read_pairs(path)
    assert [(p.id, p.line) for p in reader] == [("t1", 5), ("t3", 17)]
    assert (reader.skipped, reader.skipped_units, reader.pairs) == (1, [("t2", 10)], 2)
    assert reader.note() == f"{path}: 1 untranslated unit skipped (no target or an empty one): t2 (line 10)"


@pytest.mark.parametrize("target2", [
    "<target/>", "<target></target>", "<target>  \n  </target>", '<target state="new"></target>',
    '<target state="needs-translation"/>', '<target state="translated"></target>', '<target><x id="1"/></target>',
])
def test_xliff12_empty_target_is_skipped_whatever_its_state(tmp_path: Path, target2: str) -> None:
    path = write(tmp_path / "r.xlf", xliff12(target2=target2).encode())
    reader = read_pairs(path)
    assert [p.id for p in reader] == ["t1", "t3"]
    assert reader.skipped_units == [("t2", 10)]


@pytest.mark.parametrize("state", ["new", "needs-translation", "needs-review-translation", "translated", "final"])
def test_xliff12_target_with_text_is_read_whatever_its_state(tmp_path: Path, state: str) -> None:
    path = write(tmp_path / "r.xlf", xliff12(target2=f'<target state="{state}">R&amp;D centre</target>').encode())
    reader = read_pairs(path)
    assert [(p.id, p.en) for p in reader] == [("t1", EN1), ("t2", "R&D centre"), ("t3", EN3)]
    assert (reader.skipped, reader.note()) == (0, None)


def test_xliff12_unit_without_source_is_still_an_error(tmp_path: Path) -> None:
    text = xliff12().replace("<source>研发<g id=\"1\">中心</g><x id=\"2\"/>启用</source>", "")
    path = write(tmp_path / "r.xlf", text.encode())
    err = error_of(path)
    assert (err.line, err.message) == (10, "trans-unit 't2' has no <source>")


def test_xliff_every_unit_untranslated_is_an_input_error(tmp_path: Path) -> None:
    text = xliff12().replace(f"<target state=\"translated\">{EN1}</target>", "").replace(XLIFF12_TARGET2, "")
    text = text.replace(f"<target>{ZH3}</target>", '<target state="new"/>')
    path = write(tmp_path / "r.xlf", text.encode())
    reader = read_pairs(path)
    with pytest.raises(InputError) as info:
        list(reader)
    assert (info.value.path, info.value.message) == (str(path), "no translated units in the file (3 untranslated units skipped)")
    assert info.value.hint == "shuyu reads translated units only: translate some first"
    assert reader.skipped == 3


def test_skipped_note_names_the_first_five(tmp_path: Path) -> None:
    units = "".join(f'<trans-unit id="u{k}"><source>无锡</source></trans-unit>\n' for k in range(8))
    text = ('<?xml version="1.0"?>\n<xliff version="1.2"><file source-language="zh" target-language="en"><body>\n'
            + units + f'<trans-unit id="ok"><source>{ZH1}</source><target>{EN1}</target></trans-unit>\n'
            + "</body></file></xliff>\n")
    path = write(tmp_path / "r.xlf", text.encode())
    reader = read_pairs(path)
    assert [p.id for p in reader] == ["ok"]
    assert reader.note() == (f"{path}: 8 untranslated units skipped (no target or an empty one): u0 (line 3), "
                             "u1 (line 4), u2 (line 5), u3 (line 6), u4 (line 7), and 3 more")


def test_xliff_other_languages_are_refused(tmp_path: Path) -> None:
    text = xliff12().replace('target-language="en-US"', 'target-language="fr"')
    path = write(tmp_path / "r.xlf", text.encode())
    err = error_of(path)
    assert (err.line, err.message) == (3, "not a Chinese–English file (source 'zh-CN', target 'fr')")


XLIFF20_TARGET_U2 = '<target>R&amp;D <pc id="1">centre</pc><ph id="2"/> opened</target>'
XLIFF20 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="zh-CN" trgLang="en">
  <file id="f1">
    <unit id="u1">
      <segment><source>{zh1}</source><target>{en1}</target></segment>
      <ignorable><source> </source><target> </target></ignorable>
      <segment id="s2">
        <source>{zh2}</source>
        <target>{en2}</target>
      </segment>
    </unit>
    <unit id="u2"><segment><source>研发<pc id="1">中心</pc><ph id="2"/>启用</source>{target_u2}</segment></unit>
  </file>
</xliff>
"""


def xliff20() -> str:
    return XLIFF20.format(zh1=ZH1, en1=EN1, zh2=ZH2, en2=EN2, target_u2=XLIFF20_TARGET_U2)


def test_xliff20_units_segments_ignorables(tmp_path: Path) -> None:
    path = write(tmp_path / "r.xliff.gz", xliff20().encode())
    assert pairs_of(path) == [("u1:1", ZH1, EN1, 5), ("s2", ZH2, EN2, 7), ("u2:1", "研发中心启用", "R&D centre opened", 12)]


@pytest.mark.parametrize("target", ["", "<target/>", "<target> </target>"])
def test_xliff20_segment_without_target_is_skipped(tmp_path: Path, target: str) -> None:
    text = xliff20().replace(f"<target>{EN2}</target>", target).replace('<segment id="s2">', '<segment id="s2" state="initial">')
    path = write(tmp_path / "r.xlf", text.encode())
    reader = read_pairs(path)
    assert [p.id for p in reader] == ["u1:1", "u2:1"]
    assert reader.skipped_units == [("s2", 7)]


def test_xliff20_initial_segment_with_a_target_is_read(tmp_path: Path) -> None:
    text = xliff20().replace('<segment id="s2">', '<segment id="s2" state="initial">')
    path = write(tmp_path / "r.xlf", text.encode())
    reader = read_pairs(path)
    assert [(p.id, p.en) for p in reader] == [("u1:1", EN1), ("s2", EN2), ("u2:1", "R&D centre opened")]
    assert reader.skipped == 0


def test_xliff_not_xml(tmp_path: Path) -> None:
    path = write(tmp_path / "r.xlf", b'<?xml version="1.0"?>\n<xliff version="1.2">\n<file source-language="zh">\n</xliff>\n')
    err = error_of(path)
    assert (err.line, err.column, err.message) == (4, 3, "malformed XML: mismatched tag")


# --- files with no pair ------------------------------------------------------------------------

EMPTY_FILES = {
    "e.tsv": b"", "blank.tsv": b"\n \r\n\t\n", "header.tsv": b"zh\ten\n", "e.tsv.gz": b"", "e.jsonl": b"",
    "blank.jsonl": b"\n\n",
    "e.tmx": b'<?xml version="1.0"?>\n<tmx version="1.4"><header srclang="zh"/><body></body></tmx>\n',
    "e12.xlf": b'<?xml version="1.0"?>\n<xliff version="1.2"><file source-language="zh" target-language="en">'
               b"<body/></file></xliff>\n",
    "e20.xliff": b'<?xml version="1.0"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" '
                 b'srcLang="zh" trgLang="en"><file id="f"/></xliff>\n',
}


@pytest.mark.parametrize("name", sorted(EMPTY_FILES))
def test_a_file_with_no_pair_is_an_input_error(tmp_path: Path, name: str) -> None:
    path = write(tmp_path / name, EMPTY_FILES[name])
    reader = read_pairs(path)
    err = error_of(path)
    assert (err.path, err.line, err.message) == (str(path), 0, "no translation pairs in the file")
    assert err.hint
    assert reader.skipped == 0


def test_empty_line_pairs_are_an_input_error(tmp_path: Path) -> None:
    zh = write(tmp_path / "c.zh", b"")
    write(tmp_path / "c.en", b"")
    err = error_of(zh)
    assert (err.path, err.message, err.hint) == (str(zh), "no translation pairs in the file",
                                                 "the two files must have one line per segment")


@pytest.mark.parametrize("name", ["e.tsv", "blank.tsv", "header.tsv", "e.jsonl"])
def test_line_blocks_of_a_file_with_no_pair_raise_after_the_last_block(tmp_path: Path, name: str) -> None:
    # `shuyu score` reads TSV and JSONL through line_blocks, not read_pairs: the same error, after every line.
    path = write(tmp_path / name, EMPTY_FILES[name])
    blocks: list[tuple[int, list[str]]] = []
    with pytest.raises(InputError) as info:
        blocks.extend(bilingual.line_blocks(path))
    assert info.value.message == "no translation pairs in the file"
    assert sum(len(lines) for _, lines in blocks) == EMPTY_FILES[name].count(b"\n")


def test_line_blocks_of_other_files_do_not_look_for_pairs(tmp_path: Path) -> None:
    assert list(bilingual.line_blocks(write(tmp_path / "c.en", b""))) == []
    tsv = write(tmp_path / "c.tsv", "zh\ten\n\n无锡\tWuxi\n".encode())
    assert list(bilingual.line_blocks(tsv)) == [(1, ["zh\ten", "", "无锡\tWuxi"])]


# --- streaming ---------------------------------------------------------------------------------

def _consumed(stream: object) -> int:
    """Bytes taken from the disk file under a stream opened by the reader."""
    inner = getattr(stream, "fileobj", None) or getattr(stream, "raw", None)
    return inner.tell()  # type: ignore[union-attr]


@pytest.mark.parametrize("name", ["big.tsv", "big.tsv.gz", "big.jsonl", "big.zh", "big.tmx", "big.xlf"])
def test_first_pair_comes_before_the_file_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    count = 25_000
    if name.startswith("big.tsv"):
        data = b"".join(f"{ZH1}\t{EN1} {k}\n".encode() for k in range(count))
    elif name == "big.jsonl":
        data = b"".join(json.dumps({"id": k, "zh": ZH1, "en": EN1}).encode() + b"\n" for k in range(count))
    elif name == "big.zh":
        data = f"{ZH1}\n".encode() * count
        write(tmp_path / "big.en", f"{EN1}\n".encode() * count)
    elif name == "big.tmx":
        tu = f'<tu><tuv xml:lang="zh"><seg>{ZH1}</seg></tuv><tuv xml:lang="en"><seg>{EN1}</seg></tuv></tu>\n'
        data = ('<?xml version="1.0"?>\n<tmx version="1.4"><header/><body>\n' + tu * count + "</body></tmx>\n").encode()
    else:
        unit = f'<trans-unit id="x"><source>{ZH1}</source><target>{EN1}</target></trans-unit>\n'
        data = ('<?xml version="1.0"?>\n<xliff version="1.2"><file source-language="zh" target-language="en"><body>\n'
                + unit * count + "</body></file></xliff>\n").encode()
    path = write(tmp_path / name, data)
    size = path.stat().st_size
    assert size > 1_000_000 or name.endswith(".gz")

    opened: list[object] = []
    real_open = bilingual._open_binary

    def spy(p: Path) -> object:
        stream = real_open(p)
        opened.append(stream)
        return stream

    monkeypatch.setattr(bilingual, "_open_binary", spy)
    pairs = read_pairs(path)
    first = next(pairs)
    assert (first.zh, first.line) == (ZH1, 1 if name in ("big.tsv", "big.tsv.gz", "big.jsonl", "big.zh") else 3)
    assert opened
    for stream in opened:
        assert _consumed(stream) < 300_000, "the reader read far ahead of the first pair"
    rest = sum(1 for _ in pairs)
    assert rest == count - 1


# --- real corpora ------------------------------------------------------------------------------

def test_newstest2021_as_line_pairs() -> None:
    root = external("wmt21-newstest-zhen")
    zh = root / "sources" / "newstest2021.zh-en.src.zh"
    en = root / "references" / "newstest2021.zh-en.ref.A.en"
    pairs = list(read_pairs(zh, en_path=en))
    assert len(pairs) == 1948
    assert (pairs[0].id, pairs[0].line) == ("1", 1)
    assert pairs[0].zh == "新华时评：把优秀返乡农民工打造成乡村振兴生力军-新华网"
    assert pairs[0].en.startswith("Xinhua Commentary: Outstanding returning rural migrant workers")
    assert pairs[-1].zh == zh.read_text(encoding="utf-8").splitlines()[-1]
    assert pairs[-1].en == en.read_text(encoding="utf-8").splitlines()[-1]


def test_wmt23_terminology_siblings() -> None:
    zh = external("wmt23-terminology-zhen") / "data_test" / "zhen.zh"
    assert format_of(zh) == "lines"
    pairs = list(read_pairs(zh))
    # 2639 line ends and a last line without one, in both files ("wc -l" says 2639).
    assert len(pairs) == 2640
    assert pairs[-1].zh == zh.read_text(encoding="utf-8").rsplit("\n", 1)[1]
    assert (pairs[0].zh, pairs[0].en) == ("郝仁，人如其名，是一个好人。", "Hao Ren, being true to his name, was good man.")
    assert [p.line for p in pairs[:3]] == [1, 2, 3]


def test_line_pairs_broken_gzip_names_the_broken_file(tmp_path: Path) -> None:
    zh = write(tmp_path / "c.zh.gz", f"{ZH1}\n".encode())
    en = tmp_path / "c.en.gz"
    en.write_bytes(gzip.compress(f"{EN1}\n".encode() * 100)[:-30])
    err = error_of(zh)
    assert err.path == str(en)
    assert err.message.startswith("not a valid gzip file (")


# --- properties --------------------------------------------------------------------------------

_ANY_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=30)
_CELL = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\t\r\n\x00"), max_size=30)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.tuples(_CELL, _CELL).filter(lambda r: (r[0] + r[1]).strip() != ""), min_size=1, max_size=8),
       codec=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]), crlf=st.booleans())
def test_tsv_round_trip(tmp_path: Path, rows: list[tuple[str, str]], codec: str, crlf: bool) -> None:
    # A line that is all whitespace is skipped as blank, so every row has some text.
    end = "\r\n" if crlf else "\n"
    path = write(tmp_path / "prop.tsv", ("id\tzh\ten" + end + "".join(f"{z}\t{e}{end}" for z, e in rows)).encode(codec))
    assert pairs_of(path) == [(str(k), z, e, k) for k, (z, e) in enumerate(rows, start=2)]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.tuples(_ANY_TEXT, _ANY_TEXT), min_size=1, max_size=8), ascii_only=st.booleans())
def test_jsonl_round_trip(tmp_path: Path, rows: list[tuple[str, str]], ascii_only: bool) -> None:
    lines = [json.dumps({"id": f"r{k}", "zh": z, "en": e}, ensure_ascii=ascii_only) for k, (z, e) in enumerate(rows)]
    path = write(tmp_path / "prop.jsonl", ("\n".join(lines) + "\n").encode())
    assert pairs_of(path) == [(f"r{k}", z, e, k + 1) for k, (z, e) in enumerate(rows)]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=400), name=st.sampled_from(["x.tsv", "x.jsonl", "x.tmx", "x.xlf", "x.tsv.gz"]))
def test_any_bytes_give_pairs_or_input_error(tmp_path: Path, data: bytes, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    try:
        pairs = list(read_pairs(path))
    except InputError as err:
        assert err.path == str(path)  # noqa: PT017 - the property is "InputError or pairs", not one error
    else:
        assert all(p.line >= 1 for p in pairs)


def _reference_tuples(path: Path, fmt: str, numbered: list[tuple[int, str]]) -> object:
    """What shuyu score made of parse_lines before pair_tuples: the tuples, or the error (message and line)."""
    try:
        return [(f"{path.name}:{p.id}", p.zh, p.en) for p in bilingual.parse_lines(path, fmt, numbered)]
    except InputError as exc:
        return ("error", str(exc), exc.line)


def _tuples(path: Path, fmt: str, numbered: list[tuple[int, str]]) -> object:
    try:
        return bilingual.pair_tuples(path, fmt, numbered)
    except InputError as exc:
        return ("error", str(exc), exc.line)


TSV_CELLS = st.sampled_from(["", " ", "zh", "en", "id", "ZH ", "无锡", "Wuxi", "7", "a b", "\u3000", '{"zh": "x"}'])
TSV_LINES = st.lists(st.lists(TSV_CELLS, max_size=4).map("\t".join), max_size=8)


@settings(max_examples=500, deadline=None)
@given(TSV_LINES, st.integers(1, 3), st.sampled_from(["tsv", "jsonl"]))
def test_pair_tuples_are_what_parse_lines_gives(lines: list[str], first: int, fmt: str) -> None:
    # blank and whitespace-only lines, a header on line 1 (or not on line 1), 1 to 4 columns, bad JSON
    path = Path("corpus") / f"pairs.{fmt}"
    numbered = list(enumerate(lines, first))
    assert _tuples(path, fmt, numbered) == _reference_tuples(path, fmt, numbered)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(TSV_LINES, st.sampled_from(["\n", "\r\n", "\r"]))
def test_score_reads_a_tsv_file_as_read_pairs_does(tmp_path: Path, lines: list[str], end: str) -> None:
    from shuyu.cli.score import corpus_pairs

    path = tmp_path / "pairs.tsv"
    path.write_bytes(end.join(lines).encode("utf-8"))

    def read(pairs) -> object:  # type: ignore[no-untyped-def]
        try:
            return list(pairs)
        except InputError as exc:
            return ("error", str(exc), exc.line)

    assert read(corpus_pairs([path])) == read((f"{path.name}:{p.id}", p.zh, p.en) for p in read_pairs(path))
