"""decode_bytes / read_bytes / read_text: every encoding shuyu accepts, and every way a file is refused."""

from __future__ import annotations

import codecs
import contextlib
import gzip
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from shuyu.errors import InputError
from shuyu.formats.decode import decode_bytes
from shuyu.formats.decode import read_bytes
from shuyu.formats.decode import read_text
from tests.conftest import external

# Government prose as it is published: CJK punctuation, book-title marks, full-width digits and
# parentheses, quotation marks, an ASCII year, and Windows line ends.
PROSE = ("为深入贯彻落实党中央、国务院关于推进南北合作的决策部署，3月18日，无锡市委书记黄钦率无锡市党政代表团"
         "赴徐州市考察。\r\n"
         "双方签署了《无锡市—徐州市南北结对合作框架协议（２０２１—２０２５年）》，"
         "徐州市委书记周铁根表示，“要把合作推向深入”。\r\n"
         "会议强调，要坚持以人民为中心的发展思想，推动2021年经济社会高质量发展。\r\n")


def test_utf8_without_bom() -> None:
    assert decode_bytes(PROSE.encode("utf-8"), "a.txt") == (PROSE, "utf-8")


def test_utf8_with_bom_drops_only_the_bom() -> None:
    assert decode_bytes(codecs.BOM_UTF8 + PROSE.encode("utf-8"), "a.txt") == (PROSE, "utf-8-sig")
    # A second BOM is text (U+FEFF), not a mark, and is kept.
    assert decode_bytes(codecs.BOM_UTF8 * 2 + b"x", "a.txt") == ("\ufeffx", "utf-8-sig")


@pytest.mark.parametrize(("bom", "codec"), [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")])
def test_utf16_with_bom(bom: bytes, codec: str) -> None:
    assert decode_bytes(bom + PROSE.encode(codec), "a.txt") == (PROSE, "utf-16")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_mostly_ascii(codec: str) -> None:
    text = "Huang Qin, Secretary of the CPC Wuxi Municipal Committee (无锡市委书记).\n"
    assert decode_bytes(text.encode(codec), "a.txt") == (text, codec)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_chinese_prose(codec: str) -> None:
    # Chinese prose in UTF-16 has almost no zero bytes (only the line ends and the year have them);
    # it used to be refused as "cannot decode as UTF-8 or GB18030".
    assert decode_bytes(PROSE.encode(codec), "a.txt") == (PROSE, codec)
    one_line = "无锡市委书记黄钦出席会议并讲话。"
    assert decode_bytes(one_line.encode(codec), "a.txt") == (one_line, codec)


def test_utf16_with_bom_but_truncated_names_the_byte() -> None:
    data = codecs.BOM_UTF16_LE + "第一行\n第二行".encode("utf-16-le") + b"\x00"  # odd: half a code unit
    with pytest.raises(InputError) as info:
        decode_bytes(data, "a.txt")
    assert info.value.message == "cannot decode as UTF-16-LE at byte 16"
    assert (info.value.path, info.value.line, info.value.column) == ("a.txt", 2, 4)


@pytest.mark.parametrize("codec", ["gbk", "gb18030"])
def test_gbk_and_gb18030_chinese_prose(codec: str) -> None:
    assert decode_bytes(PROSE.encode(codec), "a.txt") == (PROSE, "gb18030")


# The same release in traditional characters, as Hong Kong and Taiwan publish it.
TRADITIONAL = ("為深入貫徹落實黨中央、國務院關於推進南北合作的決策部署，3月18日，無錫市委書記黃欽率無錫市黨政代表團"
               "赴徐州市考察。\r\n會議強調，要堅持以人民為中心的發展思想。\r\n")


@pytest.mark.parametrize("codec", ["big5", "big5hkscs", "cp950"])
def test_big5_traditional_chinese(codec: str) -> None:
    assert decode_bytes(TRADITIONAL.encode(codec), "a.txt") == (TRADITIONAL, "big5hkscs")


def test_big5_hong_kong_characters() -> None:
    hk = "石硤尾邨重建計劃已獲批准。\n"  # 邨 is a Hong Kong addition (HKSCS), not in plain Big5
    data = hk.encode("big5hkscs")
    with pytest.raises(UnicodeEncodeError):
        hk.encode("big5")
    assert decode_bytes(data, "a.txt") == (hk, "big5hkscs")


@pytest.mark.parametrize(("text", "codec", "language"), [
    ("東京都は本日、新しい経済対策を発表しました。知事は記者会見で説明した。", "shift_jis", "Japanese (Shift_JIS)"),
    ("無錫市の代表団は徐州市を訪問し、協力協定に署名した。", "cp932", "Japanese (Shift_JIS)"),
    ("東京都は本日、新しい経済対策を発表しました。知事は記者会見で説明した。", "euc_jp", "Japanese (EUC-JP)"),
    ("중국 정부는 오늘 새로운 경제 조치를 발표했다. 시장은 기자회견에서 설명했다.", "euc_kr", "Korean (EUC-KR)"),
    ("우시시 대표단은 오늘 쉬저우시를 방문하여 협력 협정에 서명했다.", "cp949", "Korean (EUC-KR)"),
])
def test_japanese_and_korean_are_refused_by_name(text: str, codec: str, language: str) -> None:
    data = text.encode(codec)
    assert data.decode("gb18030") != text  # what used to be read: no error, and nothing of the real text
    with pytest.raises(InputError) as info:
        decode_bytes(data, "a.txt")
    assert info.value.message == f"reads as {language}, not as Chinese"
    assert info.value.hint == "shuyu reads UTF-8, UTF-16, GB18030 and Big5: save the file as UTF-8"


@pytest.mark.parametrize("text", ["压实责任 各部门强化防汛救灾工作", "作者 胡贵龙 潘雨洁", "美中贸谈代表 传8月会面",
                                  "日本首相在东京会见了中国代表团。", "“日本の店”在无锡开业。", "日本の店"])
def test_short_chinese_texts_stay_chinese(text: str) -> None:
    # Chinese read as CP949 gives Hangul too: a headline's one or two spaces must not make it
    # Korean, nor one borrowed の in four characters make it Japanese.
    assert decode_bytes(text.encode("gb18030"), "a.txt") == (text, "gb18030")


def test_gb18030_characters_outside_gbk() -> None:
    # 𠮷 (U+20BB7, CJK extension B) exists only in GB18030, as a four-byte sequence.
    text = "刘䶮是南汉开国皇帝，𠮷字见于日本姓氏。\n"
    with pytest.raises(UnicodeEncodeError):
        text.encode("gbk")
    data = text.encode("gb18030")
    assert b"\x95\x34\xb2\x35" in data
    assert decode_bytes(data, "a.txt") == (text, "gb18030")


def test_gbk_line_ends_are_not_touched() -> None:
    text = "第一段。\r\n第二段。\r第三段。\n"
    assert decode_bytes(text.encode("gbk"), "a.txt") == (text, "gb18030")


def test_damaged_utf8_is_refused_at_the_bad_byte() -> None:
    data = bytearray(PROSE.encode("utf-8"))
    second_line = data.index(b"\n") + 1
    bad = second_line + 3 * 4  # the first byte of the fifth character of line 2 ("《无锡市" is 4 characters)
    data[bad] = 0xFF
    with pytest.raises(InputError) as info:
        decode_bytes(bytes(data), "release.zh.txt")
    err = info.value
    assert err.message == f"cannot decode as UTF-8, GB18030 or Big5 at byte {bad}"
    assert (err.path, err.line, err.column, err.hint) == ("release.zh.txt", 2, 5, "save the file as UTF-8")
    assert str(err) == (f"release.zh.txt:2:5: cannot decode as UTF-8, GB18030 or Big5 at byte {bad} "
                        "(save the file as UTF-8)")


def test_damaged_utf8_with_several_bad_bytes_names_the_first() -> None:
    data = bytearray(PROSE.encode("utf-8"))
    third_line = data.index(b"\n", data.index(b"\n") + 1) + 1
    for k in (third_line, third_line + 30, len(data) - 5):
        data[k] = 0x80
    with pytest.raises(InputError) as info:
        decode_bytes(bytes(data), "a.txt")
    assert info.value.message == f"cannot decode as UTF-8, GB18030 or Big5 at byte {third_line}"
    assert (info.value.line, info.value.column) == (3, 1)


def test_undecodable_ascii_file_line_and_column() -> None:
    with pytest.raises(InputError) as info:
        decode_bytes(b"ab\r\ncd\ref\xffgh", "a.txt")
    assert info.value.message == "cannot decode as UTF-8, GB18030 or Big5 at byte 9"
    assert (info.value.line, info.value.column) == (3, 3)


@pytest.mark.parametrize(("text", "at"), [
    # The byte named is where neither UTF-8 nor GB18030 goes on: GB18030 swallows an accented
    # letter followed by a letter ("é" + "s"), and stops at one followed by a space or the end.
    ("résumé", 5),
    ("Please send your résumé and a cover letter.\n", 22),
    ("naïve résumés déjà vu\n", 17),
    ("The Café Bélanger is a well-known meeting place.\n", 7),
    ("Température: 25 °C, humidité: 60 %\n", 27),
    ("Größe, Maße und Gewicht\n", 2),
])
@pytest.mark.parametrize("codec", ["latin-1", "cp1252"])
def test_latin1_is_not_mistaken_for_gbk(text: str, at: int, codec: str) -> None:
    with pytest.raises(InputError) as info:
        decode_bytes(text.encode(codec), "a.txt")
    assert info.value.message == f"cannot decode as UTF-8, GB18030 or Big5 at byte {at}"
    assert (info.value.line, info.value.column) == (1, at + 1)


def test_latin1_words_that_are_valid_gb18030_bytes() -> None:
    # Every accented letter here is followed by a letter, so the bytes decode cleanly as GB18030
    # ("T鄉閚t is…"): the text must still be refused, not read as Chinese.
    data = "Tàlént is the key.\n".encode("latin-1")
    assert data.decode("gb18030").startswith("T")
    with pytest.raises(InputError):
        decode_bytes(data, "a.txt")


def test_empty_and_ascii() -> None:
    assert decode_bytes(b"", "a.txt") == ("", "utf-8")
    assert decode_bytes(b"plain\r\nascii\n", "a.txt") == ("plain\r\nascii\n", "utf-8")


def test_a_literal_replacement_character_is_not_damage() -> None:
    text = "无锡\ufffd徐州\n"
    assert decode_bytes(text.encode("utf-8"), "a.txt") == (text, "utf-8")


# --- files -------------------------------------------------------------------------------------

def test_read_text_keeps_crlf(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(PROSE.encode("utf-8"))
    text, encoding = read_text(path)
    assert (text, encoding) == (PROSE, "utf-8")
    assert text.count("\r\n") == 3


def test_read_text_gzip_is_transparent(tmp_path: Path) -> None:
    path = tmp_path / "a.zh.txt.gz"
    path.write_bytes(gzip.compress(PROSE.encode("gb18030")))
    assert read_text(path) == (PROSE, "gb18030")
    assert read_bytes(path) == PROSE.encode("gb18030")
    upper = tmp_path / "B.TXT.GZ"
    upper.write_bytes(gzip.compress(b"x\n"))
    assert read_bytes(upper) == b"x\n"


def test_gzip_bytes_without_gz_name_are_not_decompressed(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    packed = gzip.compress(b"hello")
    path.write_bytes(packed)
    assert read_bytes(path) == packed


@pytest.mark.parametrize("damage", ["not-gzip", "truncated", "bad-crc", "corrupt-body"])
def test_broken_gzip(tmp_path: Path, damage: str) -> None:
    packed = bytearray(gzip.compress(PROSE.encode("utf-8") * 20))
    if damage == "not-gzip":
        packed = bytearray(PROSE.encode("utf-8"))
    elif damage == "truncated":
        packed = packed[: len(packed) // 2]
    elif damage == "corrupt-body":
        for k in range(12, 40):  # deflate data: zlib.error, not a gzip exception
            packed[k] ^= 0x55
    else:
        packed[-8] ^= 0xFF  # the CRC32 of the trailer
    path = tmp_path / "a.txt.gz"
    path.write_bytes(bytes(packed))
    with pytest.raises(InputError) as info:
        read_text(path)
    assert info.value.message.startswith("not a valid gzip file (")
    assert info.value.path == str(path)


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.txt"
    with pytest.raises(InputError) as info:
        read_text(path)
    assert (info.value.message, info.value.path, info.value.hint) == ("no such file", str(path), "check the path")


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        read_bytes(tmp_path)
    assert (info.value.message, info.value.path, info.value.hint) == ("is a directory, not a file", str(tmp_path),
                                                                      "name a file")


def test_decode_error_from_file_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"line one\nline \xc3( two\n")
    with pytest.raises(InputError) as info:
        read_text(str(path))
    assert str(info.value) == f"{path}:2:6: cannot decode as UTF-8, GB18030 or Big5 at byte 14 (save the file as UTF-8)"


def test_newstest_source_in_every_encoding(tmp_path: Path) -> None:
    source = external("wmt21-newstest-zhen") / "sources" / "newstest2021.zh-en.src.zh"
    text, encoding = read_text(source)
    assert encoding == "utf-8"
    assert text == source.read_bytes().decode("utf-8")
    assert text.count("\n") == 1948
    head = "\n".join(text.splitlines()[:200]) + "\n"
    for codec, name in (("gb18030", "gb18030"), ("utf-16", "utf-16"), ("utf-8-sig", "utf-8-sig")):
        copy = tmp_path / f"src.{codec}.gz"
        copy.write_bytes(gzip.compress(head.encode(codec)))
        assert read_text(copy) == (head, name)


@pytest.mark.external
def test_every_newstest_line_in_gb18030_and_big5() -> None:
    # One line is the hardest case for telling Chinese from Japanese and Korean: each of the
    # 2,950 Chinese lines of newstest must read back as it was in GB18030. In Big5 (converted to
    # traditional characters, where Big5 holds them) every three lines must: a single line of
    # Big5 can also read as plausible GB18030, which is taken first (5 of 2,249 lines did).
    import opencc

    root = external("wmt21-newstest-zhen")
    lines = [line for path in (root / "sources" / "newstest2021.zh-en.src.zh",
                               root / "references" / "newstest2021.en-zh.ref.A.zh")
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(lines) == 2950
    assert [line for line in lines if decode_bytes(line.encode("gb18030"), "x") != (line, "gb18030")] == []
    to_traditional = opencc.OpenCC("s2t")
    chunks = ["\n".join(lines[i:i + 3]) for i in range(0, len(lines), 3)]
    read = 0
    for chunk in map(to_traditional.convert, chunks):
        try:
            data = chunk.encode("big5hkscs")
        except UnicodeEncodeError:
            continue  # a character Big5 lacks
        assert decode_bytes(data, "x") == (chunk, "big5hkscs")
        read += 1
    assert read == 526


# --- properties --------------------------------------------------------------------------------

_ANY_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=200)


@settings(max_examples=300, deadline=None)
@given(_ANY_TEXT.filter(lambda s: not s.startswith("\ufeff") and "\x00" not in s))
def test_utf8_round_trip(text: str) -> None:
    # Excluded: a leading U+FEFF is a BOM by definition, and zero bytes make ASCII look like UTF-16.
    assert decode_bytes(text.encode("utf-8"), "p.txt") == (text, "utf-8")


@settings(max_examples=300, deadline=None)
@given(_ANY_TEXT)
def test_utf8_sig_round_trip(text: str) -> None:
    assert decode_bytes(text.encode("utf-8-sig"), "p.txt") == (text, "utf-8-sig")


@settings(max_examples=300, deadline=None)
@given(_ANY_TEXT)
def test_utf16_round_trip(text: str) -> None:
    assert decode_bytes(text.encode("utf-16"), "p.txt") == (text, "utf-16")


@settings(max_examples=500, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_decode_or_raise_input_error(data: bytes) -> None:
    error: InputError | None = None
    try:
        text, encoding = decode_bytes(data, "p.bin")
    except InputError as err:
        error = err
    if error is None:
        assert encoding in ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "gb18030", "big5hkscs")
        # Decoding lost nothing: the text encodes back to the very bytes (after the BOM).
        if encoding == "utf-16":
            assert (codecs.BOM_UTF16_LE if data.startswith(codecs.BOM_UTF16_LE) else codecs.BOM_UTF16_BE) + text.encode(
                "utf-16-le" if data.startswith(codecs.BOM_UTF16_LE) else "utf-16-be") == data
        else:
            assert text.encode(encoding) == data
    elif error.message.startswith("reads as "):  # a judgement of the whole file: no position
        assert (error.path, error.line, error.message) in {
            ("p.bin", 0, f"reads as {language}, not as Chinese")
            for language in ("Japanese (Shift_JIS)", "Japanese (EUC-JP)", "Korean (EUC-KR)")}
    else:
        assert (error.path, error.line >= 1, error.column >= 1) == ("p.bin", True, True)
        assert error.message.startswith("cannot decode as ")


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_any_bytes_behind_a_gz_name(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("gz") / "x.txt.gz"
    path.write_bytes(data)
    with contextlib.suppress(InputError):
        read_text(path)
