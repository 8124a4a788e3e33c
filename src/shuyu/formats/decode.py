"""Reading bytes as text: UTF-8 (with or without BOM), UTF-16 (with BOM, or plainly UTF-16), GB18030/GBK.

Line ends are never touched: every later position is an offset into exactly the text decoded here.
"""

from __future__ import annotations

import codecs
import gzip
import re
import zlib
from pathlib import Path

from shuyu.errors import InputError

HINT = "save the file as UTF-8"

# Characters a GB18030/GBK file of Chinese prose is made of, beyond ASCII: CJK ideographs and
# punctuation, full-width forms, and the general punctuation and symbols GBK carries (“” — … ℃ ①).
_CJKISH = re.compile(r"[\u00b7\u00d7\u00f7\u2010-\u2027\u2030-\u206f\u2100-\u26ff\u2e80-\u9fff"
                     r"\ua000-\ua4cf\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_HAN_BETWEEN_LETTERS = re.compile(r"(?<=[A-Za-z])[\u3400-\u9fff](?=[A-Za-z])")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_WIDE_UTF8 = re.compile(r"[\u0800-\U0010ffff]")


def decode_bytes(data: bytes, path: str) -> tuple[str, str]:
    """Decode a file's bytes; the result keeps every character (line ends untouched).

    UTF-8 is tried first (strictly); GB18030 only when the bytes are not UTF-8, decode cleanly as
    GB18030 and read as Chinese text.

    :param data: the file's bytes.
    :param path: the file's name, for error messages.
    :returns: the text and the name of the encoding used.
    :raises InputError: naming the byte offset where neither UTF-8 nor GB18030 works.
    """
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", path, 3), "utf-8-sig"
    if data.startswith(codecs.BOM_UTF16_LE):
        return _strict(data[2:], "utf-16-le", path, 2), "utf-16"
    if data.startswith(codecs.BOM_UTF16_BE):
        return _strict(data[2:], "utf-16-be", path, 2), "utf-16"
    unmarked_utf16 = _utf16_without_bom(data)
    if unmarked_utf16:
        return _strict(data, unmarked_utf16, path, 0), unmarked_utf16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_at = exc.start
    if _mostly_utf8(data):
        # A UTF-8 file with a few bad bytes: GB18030 would turn it into plausible nonsense.
        raise _undecodable(data, utf8_at, path)
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise _undecodable(data, max(utf8_at, exc.start), path) from None
    if _looks_chinese(text):
        return text, "gb18030"
    raise _undecodable(data, utf8_at, path)


def _strict(data: bytes, encoding: str, path: str, offset: int) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        at = exc.start + offset
        raise InputError(f"cannot decode as {encoding.upper()} at byte {at}", path=path,
                         line=data.count(b"\n", 0, exc.start) + 1 if encoding == "utf-8" else 0,
                         hint=HINT) from None


def _undecodable(data: bytes, at: int, path: str) -> InputError:
    return InputError(f"cannot decode as UTF-8 or GB18030 at byte {at}", path=path,
                      line=data.count(b"\n", 0, at) + 1, hint=HINT)


def _utf16_without_bom(data: bytes) -> str:
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
    and the Han characters come in runs rather than one at a time between Latin letters (which is
    what a Latin-1 file read as GBK gives: "résumé" → "r" + one Han character + "um"…).
    """
    non_ascii = len(_NON_ASCII.findall(text))
    if not non_ascii:
        return True
    han = len(_HAN.findall(text))
    if not han or len(_CJKISH.findall(text)) < 0.9 * non_ascii:
        return False
    return len(_HAN_BETWEEN_LETTERS.findall(text)) < 0.3 * han


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
