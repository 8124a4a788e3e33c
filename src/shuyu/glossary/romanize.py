"""Hanyu Pinyin of place and person names, as GB/T 17693.1 and GB/T 16159-2012 write them.

A place's proper name is written as one word, first letter capital, with a syllable apostrophe
where a syllable beginning with a, o or e follows another (Xi'an, Huai'an). Polyphonic characters
take their place-name reading, which pypinyin's general dictionary often gets wrong (六合 Luhe,
not Liuhe; 盐都 Yandu, not Yandou): :data:`PLACE_READINGS` holds those readings.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

#: Place-name readings that differ from pypinyin's default, syllables separated by spaces.
#: Each entry is the reading the official romanisation uses (GB/T 17693.1; the polyphonic list
#: in shared/reference/README.md).
PLACE_READINGS: dict[str, str] = {
    "六合": "lu he",
    "六安": "lu an",
    "盐都": "yan du",
    "睢宁": "sui ning",
    "蚌埠": "beng bu",
    "丽水": "li shui",
    "亳州": "bo zhou",
    "泊头": "bo tou",
    "乐亭": "lao ting",
    "蔚县": "yu xian",
    "蔚": "yu",
    "番禺": "pan yu",
    "涡阳": "guo yang",
    "重庆": "chong qing",
    "长沙": "chang sha",
    "长春": "chang chun",
    "长治": "chang zhi",
    "朝阳": "chao yang",
    "厦门": "xia men",
    "大丰": "da feng",
    "东台": "dong tai",
    "海陵": "hai ling",
    "宿迁": "su qian",
    "宿城": "su cheng",
    "宿豫": "su yu",
    "邳州": "pi zhou",
    "盱眙": "xu yi",
    "沭阳": "shu yang",
    "句容": "ju rong",
    "溧水": "li shui",
    "溧阳": "li yang",
    "栖霞": "qi xia",
    "江都": "jiang du",
    "广陵": "guang ling",
    "阜宁": "fu ning",
    "射阳": "she yang",
    "会稽": "kuai ji",
    "天台": "tian tai",
    "台州": "tai zhou",
    "泰州": "tai zhou",
}

_INITIAL_VOWEL = re.compile(r"^[aoe]")

#: pypinyin's readings of the names the bundled glossary asks it for, written out by
#: ``python tools/pinyin_readings.py`` (tests/glossary/test_pinyin_readings.py checks them against
#: pypinyin and that none is missing). Loading the bundled glossary from its files, which every run
#: without a glossary cache does (a fresh CI runner), then needs no pypinyin: importing it loads its
#: 2.5 MB phrase dictionary, 0.2 s of CPU on a quiet machine and seconds under load. Other names
#: (a user's glossary, ``glossary search``) still go to pypinyin.
PINYIN_READINGS_FILE = Path(__file__).with_name("pinyin_readings.tsv")


def syllables(name: str) -> list[str]:
    """The toneless pinyin syllables of a Chinese name, place-name readings applied.

    >>> syllables("睢宁")
    ['sui', 'ning']
    >>> syllables("六合")
    ['lu', 'he']
    """
    return list(_syllables(name))


@functools.lru_cache(maxsize=8192)
def _syllables(name: str) -> tuple[str, ...]:
    if name in PLACE_READINGS:
        return tuple(PLACE_READINGS[name].split())
    # Longest known reading first, so 盐都区 still gets 盐都's reading.
    for key in sorted(PLACE_READINGS, key=len, reverse=True):
        if len(key) > 1 and key in name:
            i = name.index(key)
            return _syllables(name[:i]) + tuple(PLACE_READINGS[key].split()) + _syllables(name[i + len(key):])
    if not name:
        return ()
    known = _precomputed().get(name)
    return known if known is not None else _pypinyin(name)


def _pypinyin(name: str) -> tuple[str, ...]:
    from pypinyin import Style
    from pypinyin import lazy_pinyin

    return tuple(lazy_pinyin(name, style=Style.NORMAL, v_to_u=True))


@functools.cache
def _precomputed() -> dict[str, tuple[str, ...]]:
    try:
        text = PINYIN_READINGS_FILE.read_text(encoding="utf-8")
    except FileNotFoundError:  # a packaging that left it out is slower, not wrong: pypinyin answers
        return {}
    return parse_readings(text)


def parse_readings(text: str) -> dict[str, tuple[str, ...]]:
    """Name → syllables from lines ``name<TAB>syllables separated by spaces`` (``#`` starts a comment line).

    >>> parse_readings("# pypinyin 0.55.0\\n徐州\\txu zhou\\n")
    {'徐州': ('xu', 'zhou')}
    """
    readings: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, _, reading = line.partition("\t")
            readings[name] = tuple(reading.split())
    return readings


def join_syllables(parts: list[str]) -> str:
    """Write syllables as one word with apostrophes where the standard needs them.

    >>> join_syllables(["huai", "an"])
    "Huai'an"
    >>> join_syllables(["xu", "zhou"])
    'Xuzhou'
    """
    out = ""
    for i, syl in enumerate(parts):
        if i and _INITIAL_VOWEL.match(syl):
            out += "'"
        out += syl
    return out[:1].upper() + out[1:]


def place_pinyin(name: str) -> str:
    """The GB/T 17693.1 proper-name form of a Chinese place name.

    >>> place_pinyin("淮安"), place_pinyin("蚌埠"), place_pinyin("无锡")
    ("Huai'an", 'Bengbu', 'Wuxi')
    """
    return join_syllables(syllables(name))


def person_pinyin(surname: str, given: str) -> str:
    """A person's name as GB/T 16159-2012 writes it: surname, space, given name as one word.

    >>> person_pinyin("周", "铁根")
    'Zhou Tiegen'
    """
    return f"{join_syllables(syllables(surname))} {join_syllables(syllables(given))}"


def romanization_variants(zh_name: str, en_name: str) -> list[str]:
    """Known wrong spellings of a correctly romanised proper name.

    Split syllables ("Xu Zhou", "Xu-zhou", "Xu-Zhou") and, when the name needs a syllable
    apostrophe, the forms without it ("Huaian") or with a hyphen instead ("Huai-an").
    Names of one syllable have no such variants.

    >>> romanization_variants("徐州", "Xuzhou")
    ['Xu Zhou', 'Xu-Zhou', 'Xu-zhou']
    >>> romanization_variants("淮安", "Huai'an")
    ['Huai An', 'Huai-An', 'Huai-an', 'Huaian']
    """
    parts = syllables(zh_name)
    if len(parts) < 2 or join_syllables(parts) != en_name:
        return []
    caps = [p[:1].upper() + p[1:] for p in parts]
    variants = {
        " ".join(caps),
        "-".join(caps),
        caps[0] + "-" + "-".join(parts[1:]),
    }
    if "'" in en_name:
        variants.add(en_name.replace("'", ""))
    variants.discard(en_name)
    return sorted(variants)
