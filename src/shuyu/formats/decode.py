"""Reading bytes as text: UTF-8 (with or without BOM), UTF-16 (with BOM, or plainly UTF-16), GB18030/GBK,
and Big5 (with the Hong Kong additions) for traditional Chinese.

Japanese and Korean files in their legacy encodings are refused by name: their bytes also decode as
GB18030, into Chinese-looking nonsense that no later check could tell from a bad translation.

Line ends are never touched: every later position is an offset into exactly the text decoded here.
"""

from __future__ import annotations

import codecs
import gzip
import zlib
from pathlib import Path

from shuyu.errors import InputError
from shuyu.lazyre import lazy

HINT = "save the file as UTF-8"

# Characters a GB18030/GBK file of Chinese prose is made of, beyond ASCII: CJK ideographs and
# punctuation, full-width forms, and the general punctuation and symbols GBK carries (“” — … ℃ ①).
# These patterns serve only files that are not UTF-8: compiled on first use (their large ranges
# take milliseconds each, paid by every start-up when compiled at import).
_CJKISH = lazy(r"[\u00b7\u00d7\u00f7\u2010-\u2027\u2030-\u206f\u2100-\u26ff\u2e80-\u9fff"
                r"\ua000-\ua4cf\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]")
_HAN = lazy(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_HAN_BESIDE_LETTER = lazy(r"(?<=[A-Za-z])[\u3400-\u9fff]|[\u3400-\u9fff](?=[A-Za-z])")
_NON_ASCII = lazy(r"[^\x00-\x7f]")
_WIDE_UTF8 = lazy(r"[\u0800-\U0010ffff]")


def decode_bytes(data: bytes, path: str) -> tuple[str, str]:
    """Decode a file's bytes; the result keeps every character (line ends untouched).

    UTF-8 is tried first (strictly); then Chinese prose saved as UTF-16 without a BOM; GB18030 only
    when the bytes are not UTF-8, decode cleanly as GB18030 and read as Chinese text that is not
    Japanese or Korean in disguise; then Big5 (HKSCS) when it reads as Chinese prose.

    :param data: the file's bytes.
    :param path: the file's name, for error messages.
    :returns: the text and the name of the encoding used.
    :raises InputError: naming the byte offset where neither UTF-8, GB18030 nor Big5 works, or the
        language of a Japanese or Korean file.
    """
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", path, 3), "utf-8-sig"
    if data.startswith(codecs.BOM_UTF16_LE):
        return _strict(data[2:], "utf-16-le", path, 2), "utf-16"
    if data.startswith(codecs.BOM_UTF16_BE):
        return _strict(data[2:], "utf-16-be", path, 2), "utf-16"
    unmarked_utf16 = utf16_without_bom(data)
    if unmarked_utf16:
        return _strict(data, unmarked_utf16, path, 0), unmarked_utf16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_at = exc.start
    if _mostly_utf8(data):
        # A UTF-8 file with a few bad bytes: GB18030 would turn it into plausible nonsense.
        raise _undecodable(data, utf8_at, path)
    chinese_utf16 = _chinese_utf16(data)
    if chinese_utf16:
        return chinese_utf16
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as exc:
        text, bad_at = "", max(utf8_at, exc.start)
    else:
        bad_at = utf8_at
    if text and _looks_chinese(text):
        other = _japanese_or_korean(data, text)
        if other:
            raise InputError(f"reads as {other}, not as Chinese", path=path,
                             hint="shuyu reads UTF-8, UTF-16, GB18030 and Big5: save the file as UTF-8")
        return text, "gb18030"
    # Big5 second: its two-byte codes are nearly all GBK codes too, so a GB2312 file read as Big5
    # can pass; a Big5 file read as GB18030 turns its punctuation into private-use characters.
    traditional = _big5(data)
    if traditional is not None:
        return traditional, "big5hkscs"
    raise _undecodable(data, bad_at, path)


def _strict(data: bytes, encoding: str, path: str, offset: int) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line, column = _position(data, exc.start, encoding)
        raise InputError(f"cannot decode as {encoding.upper()} at byte {exc.start + offset}", path=path,
                         line=line, column=column, hint=HINT) from None


def _undecodable(data: bytes, at: int, path: str) -> InputError:
    line, column = _position(data, at, "utf-8")
    return InputError(f"cannot decode as UTF-8, GB18030 or Big5 at byte {at}", path=path, line=line, column=column, hint=HINT)


def _position(data: bytes, at: int, encoding: str) -> tuple[int, int]:
    """The 1-based line and column (in characters) of byte ``at``, the bytes before it read as ``encoding``."""
    before = data[:at].decode(encoding, errors="replace")
    line_start = max(before.rfind("\n"), before.rfind("\r")) + 1
    return before.count("\n") + before.count("\r") - before.count("\r\n") + 1, len(before) - line_start + 1


def utf16_without_bom(data: bytes) -> str:
    """``utf-16-le``/``utf-16-be`` when the bytes are plainly UTF-16 without a BOM, else ``""``.

    Text saved as UTF-16 has a zero byte in every other position wherever it is ASCII; no
    UTF-8 or GB18030 text has zero bytes at all.
    """
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2 or b"\x00" not in sample:
        return ""
    even_zeros = sample[0::2].count(0)
    odd_zeros = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_zeros > half * 0.3 and even_zeros == 0:
        return "utf-16-le"
    if even_zeros > half * 0.3 and odd_zeros == 0:
        return "utf-16-be"
    return ""


# Punctuation of Chinese prose (、。《》「」 ，：；？！（） “”‘’—): in UTF-16 each has a byte that is a
# control character, 0xFF or 0x30 beside a control character, so GBK or Latin-1 text read as UTF-16
# practically never contains one.
_CHINESE_PUNCTUATION = lazy(r"[\u3001\u3002\u300a-\u300f\uff01\uff08\uff09\uff0c\uff1a\uff1b\uff1f"
                             r"\u2014\u2018\u2019\u201c\u201d]")
_CONTROL = lazy(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ud800-\udfff]")


def _chinese_utf16(data: bytes) -> tuple[str, str] | None:
    """Text and encoding when ``data`` is Chinese prose saved as UTF-16 without a BOM, else None.

    Chinese text in UTF-16 has few or no zero bytes (only its ASCII has), so
    :func:`utf16_without_bom` misses it; it is recognised by decoding cleanly, with no control
    characters, reading as Chinese and containing Chinese punctuation.
    """
    if len(data) < 2 or len(data) % 2:
        return None
    for encoding in ("utf-16-le", "utf-16-be"):
        text = _decoded(data, encoding)
        if (text is not None and not _CONTROL.search(text) and _CHINESE_PUNCTUATION.search(text) and _HAN.search(text)
                and _looks_chinese(text)):
            return text, encoding
    return None


def _decoded(data: bytes, encoding: str) -> str | None:
    """``data`` decoded strictly as ``encoding``, or None where it does not decode."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _mostly_utf8(data: bytes) -> bool:
    """True when valid multi-byte UTF-8 characters outnumber the bytes that are not UTF-8.

    GBK text read as UTF-8 fails on nearly every Chinese character and never forms the
    three-byte sequences of CJK text in UTF-8, so this separates a damaged UTF-8 file from
    a GB18030 one.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")  # a U+FFFD written in the file is no error
    wide = len(_WIDE_UTF8.findall(text)) - bad
    return wide > 2 * bad


def _looks_chinese(text: str) -> bool:
    """True when ``text`` reads as Chinese: its non-ASCII characters are nearly all CJK, some are Han,
    and fewer than half the Han characters touch a Latin letter (a Latin-1 file read as GBK turns each
    accented letter and the letter after it into one Han character inside a Latin word:
    "Tàlént" → "T鄉閚t", "résumé" → "r" + one Han character + "um"…).
    """
    non_ascii = len(_NON_ASCII.findall(text))
    if not non_ascii:
        return True
    han = len(_HAN.findall(text))
    if not han or len(_CJKISH.findall(text)) < 0.9 * non_ascii:
        return False
    return len(_HAN_BESIDE_LETTER.findall(text)) < 0.5 * han


_KANA = lazy(r"[\u3041-\u30ff]")
_HANGUL = lazy(r"[\uac00-\ud7a3]")
# Korean separates words with spaces; Chinese text has hardly a space between two characters.
_SPACED_HANGUL = lazy(r"[\uac00-\ud7a3] [\uac00-\ud7a3]")


def _japanese_or_korean(data: bytes, gb_text: str) -> str:
    """The language and encoding ``data`` is written in when it is Japanese or Korean (``gb_text``,
    its GB18030 reading, looks Chinese), else ``""``.

    EUC-JP shares GB2312's rows of kana, so its GB18030 reading keeps them; Shift_JIS is read as
    CP932 (its Windows superset) and EUC-KR as CP949. Japanese prose is a third kana or more (a
    fifth is asked), and Chinese text read in either has hardly any; Korean read as CP949 is Hangul
    words between spaces, while Chinese read as CP949 gives Hangul too but no spaces between them.
    """
    if _mostly_kana(gb_text):
        return "Japanese (EUC-JP)"
    japanese = _decoded(data, "cp932")
    if japanese is not None and _mostly_kana(japanese):
        return "Japanese (Shift_JIS)"
    korean = _decoded(data, "cp949")
    if korean is not None:
        hangul = len(_HANGUL.findall(korean))
        spaced = len(_SPACED_HANGUL.findall(korean))
        # Three word breaks at least: a Chinese headline ("作者 胡贵龙 潘雨洁") has one or two.
        if hangul >= 0.6 * len(_NON_ASCII.findall(korean)) and spaced >= max(3, 0.1 * hangul):
            return "Korean (EUC-KR)"
    return ""


def _mostly_kana(text: str) -> bool:
    """A fifth of the characters beyond ASCII kana, and three at least: Chinese borrows the odd
    "の" (日本の店)."""
    return len(_KANA.findall(text)) >= max(3, 0.2 * len(_NON_ASCII.findall(text)))


def _big5(data: bytes) -> str | None:
    """The text of ``data`` read as Big5 with the Hong Kong additions, when it decodes and reads as
    Chinese prose (Chinese punctuation among its characters), else None."""
    text = _decoded(data, "big5hkscs")
    if text is not None and _HAN.search(text) and _CHINESE_PUNCTUATION.search(text) and _looks_chinese(text):
        return text
    return None


def read_bytes(path: str | Path) -> bytes:
    """A file's bytes, gunzipped when its name ends in ``.gz``.

    :param path: the file to read.
    :returns: its (decompressed) bytes.
    :raises InputError: for a missing file, a directory, an unreadable file or a broken gzip stream.
    """
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", path=str(p), hint="check the path") from None
    except IsADirectoryError:
        raise InputError("is a directory, not a file", path=str(p), hint="name a file") from None
    except PermissionError:
        raise InputError("permission denied: cannot read the file", path=str(p)) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=str(p)) from None
    if p.name.lower().endswith(".gz"):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as exc:
            raise InputError(f"not a valid gzip file ({exc})", path=str(p)) from None
    return data


def read_text(path: str | Path) -> tuple[str, str]:
    """A file's decoded text and the encoding found.

    :param path: the file to read (gzip-compressed when its name ends in ``.gz``).
    :returns: the text, exactly as in the file, and the encoding's name.
    :raises InputError: when the file cannot be read or decoded.
    """
    return decode_bytes(read_bytes(path), str(path))
