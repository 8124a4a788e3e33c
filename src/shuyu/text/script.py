"""Which script a text is written in: enough to tell a Chinese side from an English one."""

from __future__ import annotations

import re
from collections.abc import Iterable

#: Chinese characters: the CJK unified ideographs, extension A and the compatibility block.
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")


def has_han(text: str) -> bool:
    """Whether ``text`` holds a Chinese character.

    >>> has_han("COVID - 19"), has_han("新冠"), has_han("無錫")
    (False, True, True)
    """
    return HAN.search(text) is not None


def mostly_han(text: str) -> bool:
    """Whether ``text`` holds more Chinese characters than ASCII letters (a Chinese text, with the odd
    Latin name or number in it).

    >>> mostly_han("无锡市委书记黄钦会见APEC代表团"), mostly_han("Huang Qin met 黄钦")
    (True, False)
    """
    return len(HAN.findall(text)) > len(_LATIN.findall(text))


def sides_swapped(pairs: Iterable[tuple[str, str]]) -> bool:
    """Whether (Chinese, English) pairs look given the other way round: most hold no Chinese character on
    the Chinese side while their English side is mostly Chinese. Pairs with neither side usable (empty,
    numbers only) do not count.

    >>> sides_swapped([("Wuxi is a city.", "无锡是一座城市。"), ("", "")])
    True
    >>> sides_swapped([("无锡是一座城市。", "Wuxi is a city."), ("Wuxi", "无锡")])
    False
    """
    swapped = counted = 0
    for zh, en in pairs:
        zh_han = has_han(zh)
        if not (zh_han or has_han(en) or _LATIN.search(zh) or _LATIN.search(en)):
            continue
        counted += 1
        swapped += not zh_han and mostly_han(en)
    return counted > 0 and swapped * 2 > counted
