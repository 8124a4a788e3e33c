"""Normalisation for matching, with offset maps back to the original text.

Chinese: Traditional characters fold to Simplified (OpenCC ``t2s``) and full-width ASCII forms
to half-width. English: curly quotes, primes and accents fold to ``'``, dash variants to ``-``,
every whitespace character (line breaks, no-break spaces) to a space and runs of them to one,
and case to lower. Each function returns the normalised text and an :class:`OffsetMap`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from shuyu.lazyre import lazy
from shuyu.text.offsets import OffsetMap
from shuyu.text.offsets import OffsetMapBuilder

# Full-width ASCII (U+FF01..U+FF5E) and the ideographic space fold one for one (NFKC agrees on
# these); the rest of NFKC is not applied: it would fold 。and 、 differently and change lengths.
_FULLWIDTH: dict[int, int] = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20
# Dash variants inside names (江阴—睢宁工业园, 江阴-睢宁工业园) fold to a hyphen, one for one.
_FULLWIDTH.update(dict.fromkeys((0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212), 0x2D))

_EN_FOLD: dict[int, str] = {
    **{ord(c): "'" for c in "\u2018\u2019\u201a\u201b\u2032\u00b4\u0060\uff07"},
    **{ord(c): '"' for c in "\u201c\u201d\u201e\u201f\u2033\uff02"},
    **{ord(c): "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"},
    **{ord(c): " " for c in "\t\n\r\x0b\x0c\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
                            "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"},
}


def _folder(table: dict[int, int] | dict[int, str]) -> Callable[[str], str]:
    """``str.translate`` by ``table``, applied only to the runs of characters the table changes.

    ``str.translate`` looks every character of a non-ASCII text up in the table (and raises and
    catches a ``KeyError`` inside for each one missing): on Chinese text or curly-quoted English it
    ran at about 20 MB/s, slower than the automaton. A character class finds the few characters
    to change at memory speed.
    """
    runs = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(table)) + "]+")

    def fold(text: str) -> str:
        return runs.sub(lambda m: m.group().translate(table), text)

    return fold


_fold_fullwidth_runs = _folder(_FULLWIDTH)
_FULLWIDTH_CHARS = lazy("[" + "".join(re.escape(chr(c)) for c in sorted(_FULLWIDTH)) + "]")
_FULLWIDTH_STR = {chr(c): chr(r) for c, r in _FULLWIDTH.items()}


def _fold_fullwidth_by_replace(text: str) -> str:
    """``text.translate(_FULLWIDTH)`` as one ``str.replace`` per distinct character to fold.

    Chinese prose holds a full-width comma every dozen characters: a call-back per run (as
    :func:`_folder` makes) costs more than listing them and replacing the few distinct ones
    (2.7x faster on a 5,000-line chunk of newstest). Full-width forms are too many (95) for one
    search per table character, as English folding does.
    """
    for ch in set(_FULLWIDTH_CHARS.findall(text)):
        text = text.replace(ch, _FULLWIDTH_STR[ch])
    return text


def _fold_fullwidth(text: str) -> str:
    return _fold_fullwidth_runs(text) if len(text) < _REPLACE_FROM else _fold_fullwidth_by_replace(text)


_fold_en_runs = _folder(_EN_FOLD)
_EN_PAIRS = tuple((chr(c), r) for c, r in _EN_FOLD.items())
#: From this length on, English is folded by one ``str.replace`` per character present.
_REPLACE_FROM = 256


def _fold_en_by_replace(text: str) -> str:
    """``text.translate(_EN_FOLD)`` as one search (and, when found, one replace) per character of
    the table: each runs at memory speed, while the pattern of :func:`_folder` calls back into
    Python for every curly quote of a page (7x slower on the bench pages)."""
    for ch, folded in _EN_PAIRS:
        if ch in text:
            text = text.replace(ch, folded)
    return text


def _fold_en(text: str) -> str:
    # A short text (a term, a match's surface) is cheaper to fold in one pattern pass than in
    # forty searches.
    return _fold_en_runs(text) if len(text) < _REPLACE_FROM else _fold_en_by_replace(text)
#: "  +", not " {2,}": a pattern that starts with a literal is searched for that literal first,
#: while a leading repeat is tried at every position (5x slower over a page).
_SPACE_RUN = re.compile("  +")
_HAN_OR_WIDE = re.compile(r"[^\x00-\x7f]")


@functools.lru_cache(maxsize=1)
def _t2s():  # type: ignore[no-untyped-def]
    import opencc

    return opencc.OpenCC("t2s.json")


def _to_simplified_whole(text: str) -> str | None:
    """OpenCC's conversion of the whole text, or None when it changed the text's length."""
    if not _HAN_OR_WIDE.search(text):
        return text
    converted = _t2s().convert(text)
    return converted if len(converted) == len(text) else None


def to_simplified(text: str) -> str:
    """Traditional → Simplified, one character for one (phrase conversions that change length
    fall back to character-by-character conversion so offsets survive).

    >>> to_simplified("無錫市委書記")
    '无锡市委书记'
    """
    whole = _to_simplified_whole(text)
    if whole is not None:
        return whole
    convert = _t2s().convert
    out = []
    for ch in text:
        c = convert(ch)
        out.append(c if len(c) == 1 else ch)
    return "".join(out)


def normalize_zh(text: str) -> tuple[str, OffsetMap]:
    """Normalise Chinese text for matching; every step keeps length, so the map is identity.

    >>> normalize_zh("徐州經濟技術開發區（ＸＺ）")[0]
    '徐州经济技术开发区(XZ)'
    """
    folded = to_simplified(_fold_fullwidth(text))
    return folded, OffsetMap.identity(len(folded))


def normalize_zh_whole(text: str) -> str | None:
    """``normalize_zh(text)[0]`` when OpenCC converts the text whole, one character for one; else None.

    For callers that join many texts: when a phrase conversion in one of them changes the length,
    converting the joined text character by character would change the others too.
    """
    return _to_simplified_whole(_fold_fullwidth(text))


def normalize_zh_term(term: str) -> str:
    """The normalised form of a Chinese glossary term."""
    return normalize_zh(term)[0]


def normalize_zh_terms(terms: list[str]) -> list[str]:
    """:func:`normalize_zh_term` over many terms at once (one conversion call instead of one per term).

    >>> normalize_zh_terms(["無錫", "徐州"])
    ['无锡', '徐州']
    """
    if not terms:
        return []
    joined = "\n".join(t.replace("\n", " ") for t in terms)
    out = normalize_zh(joined)[0].split("\n")
    if len(out) != len(terms):  # a conversion ate a separator: fall back to one by one
        return [normalize_zh_term(t) for t in terms]
    return out


def normalize_en(text: str) -> tuple[str, OffsetMap]:
    """Normalise English text for matching, with the map back to ``text``.

    >>> norm, m = normalize_en("CPC  Wuxi\\nMunicipal Committee’s")
    >>> norm
    "cpc wuxi municipal committee's"
    >>> m.to_original(4), m.to_original(9)
    (5, 10)
    """
    folded = _fold_en(text)
    lowered = folded.lower()
    if len(lowered) != len(folded):
        # A few characters lower to two (İ → i̇); lower them one by one, keeping length.
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in folded)
    if "  " not in lowered:
        return lowered, OffsetMap.identity(len(lowered))
    builder = OffsetMapBuilder()
    parts = []
    pos = 0
    out_len = 0
    for m in _SPACE_RUN.finditer(lowered):
        chunk = lowered[pos:m.start() + 1]
        builder.copy(pos, len(chunk))
        parts.append(chunk)
        out_len += len(chunk)
        pos = m.end()
    tail = lowered[pos:]
    builder.copy(pos, len(tail))
    parts.append(tail)
    out = "".join(parts)
    return out, builder.build(length=len(out), original_end=len(text))


#: Each Latin-1 character (one byte) as English normalisation leaves it: letters lower-cased (all
#: stay in Latin-1), line breaks and tabs a space, the backtick an apostrophe.
_EN_LATIN1 = bytes(ord(_fold_en_runs(chr(c)).lower()) for c in range(256))
_SPACE_RUN_BYTES = re.compile(b"  +")
#: The characters beyond Latin-1 whose lower case holds a Latin-1 one (KELVIN SIGN → "k", "Ÿ" → "ÿ";
#: "İ" lowers to "i" and a combining dot, which :func:`normalize_en` keeps as "İ").
_LOWER_TO_LATIN1 = ("\u0130", "\u0178", "\u1e9e", "\u212a", "\u212b")


def normalize_en_bytes(text: str) -> tuple[bytes, OffsetMap | None] | None:
    """:func:`normalize_en` for an automaton whose patterns are all Latin-1: the same text as
    Latin-1 bytes, with every character beyond Latin-1 that folding leaves a ``?`` (no such pattern
    can match there), and the map back to ``text`` (None: identity).

    Lower-casing is one table pass over bytes instead of ``str.lower`` over text with curly
    quotes, which goes character by character through the Unicode tables (a tenth of the matching),
    and the automaton then gets one byte per character, whose offsets it gives without converting
    from UTF-8. None when ``text`` holds a character whose lower case is in Latin-1 while it is
    not (that case needs :func:`normalize_en`).

    >>> norm, omap = normalize_en_bytes("Xi’an  Municipal\\nCommittee — ZÜRICH 北京")
    >>> norm.decode("latin-1")
    "xi'an municipal committee - zürich ??"
    >>> omap.to_original(6), omap.end_to_original(len(norm))
    (7, 38)
    """
    if text.isascii():
        raw = text.encode("ascii")
    else:
        folded = _fold_en(text)
        if any(c in folded for c in _LOWER_TO_LATIN1):
            return None
        raw = folded.encode("latin-1", "replace")
    lowered = raw.translate(_EN_LATIN1)
    if b"  " not in lowered:
        return lowered, None
    builder = OffsetMapBuilder()
    parts = []
    pos = 0
    for m in _SPACE_RUN_BYTES.finditer(lowered):
        chunk = lowered[pos:m.start() + 1]
        builder.copy(pos, len(chunk))
        parts.append(chunk)
        pos = m.end()
    tail = lowered[pos:]
    builder.copy(pos, len(tail))
    parts.append(tail)
    out = b"".join(parts)
    return out, builder.build(length=len(out), original_end=len(text))


def normalize_en_term(term: str, *, keep_case: bool = False) -> str:
    """The normalised form of an English glossary term (``keep_case`` for case-sensitive terms).

    >>> normalize_en_term("Standing Committee of the Wuxi Municipal People’s Congress")
    "standing committee of the wuxi municipal people's congress"
    """
    folded = _SPACE_RUN.sub(" ", _fold_en(term).strip())
    return folded if keep_case else folded.lower()


def fold_en_keep_case(text: str) -> str:
    """Quotes, dashes and whitespace folded as :func:`normalize_en` does, case kept (same length)."""
    return _fold_en(text)
