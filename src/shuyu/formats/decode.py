"""Reading bytes as text: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK, detected."""

from __future__ import annotations

import codecs
import gzip
from pathlib import Path

from shuyu.errors import InputError


def decode_bytes(data: bytes, path: str) -> tuple[str, str]:
    """Decode a file's bytes; the result keeps every character (line ends untouched).

    :returns: the text and the encoding used.
    :raises InputError: naming the byte offset where neither UTF-8 nor GB18030 works.
    """
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", path, 3), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", path, 0), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        try:
            # GB18030 decodes almost any byte string; accept it only when it yields mostly CJK
            # text, so that a broken UTF-8 file is reported rather than turned into nonsense.
            text = data.decode("gb18030")
        except UnicodeDecodeError as exc:
            raise InputError(f"cannot decode as UTF-8 (byte {utf8_error.start}) or GB18030 (byte {exc.start})",
                             path=path, hint="save the file as UTF-8") from None
        if _looks_chinese(text):
            return text, "gb18030"
        raise InputError(f"not valid UTF-8 at byte {utf8_error.start}", path=path,
                         hint="save the file as UTF-8") from None


def _strict(data: bytes, encoding: str, path: str, offset: int) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"cannot decode as {encoding.upper()} at byte {exc.start + offset}", path=path,
                         hint="save the file as UTF-8") from None


def _looks_chinese(text: str) -> bool:
    non_ascii = [c for c in text if ord(c) > 0x7F]
    if not non_ascii:
        return True
    cjk = sum(1 for c in non_ascii if "\u3000" <= c <= "\u9fff" or "\uff00" <= c <= "\uffef")
    return cjk / len(non_ascii) > 0.9


def read_bytes(path: str | Path) -> bytes:
    """A file's bytes, gunzipped when its name ends in .gz.

    :raises InputError: for a missing file, a directory, or one that cannot be read.
    """
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", path=str(p), hint="check the path") from None
    except IsADirectoryError:
        raise InputError("is a directory, not a file", path=str(p)) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path=str(p)) from None
    if p.name.endswith(".gz"):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            raise InputError(f"not a valid gzip file ({exc})", path=str(p)) from None
    return data


def read_text(path: str | Path) -> tuple[str, str]:
    """A file's decoded text and the encoding found."""
    return decode_bytes(read_bytes(path), str(path))
