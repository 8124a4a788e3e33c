"""Telling a Chinese side from an English one (shuyu/text/script.py)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from shuyu.text.script import has_han
from shuyu.text.script import mostly_han
from shuyu.text.script import sides_swapped

ZH = "无锡市委书记黄钦会见徐州市党政代表团。"
EN = "Huang Qin, Secretary of the CPC Wuxi Municipal Committee, met the Xuzhou delegation."


def test_han_in_simplified_traditional_and_extension_a() -> None:
    assert [has_han(t) for t in ("無錫", "㐀", "a 丁 b", "Wuxi, 2020 — “quoted” ，。", "")] == [True, True, True,
                                                                                          False, False]


def test_mostly_han_weighs_characters_against_letters() -> None:
    texts = (ZH, "APEC会议在无锡召开", EN, "Wuxi (无锡) is a city", "")
    assert [mostly_han(t) for t in texts] == [True, True, False, False, False]


def test_swapped_when_most_pairs_are_the_other_way_round() -> None:
    assert sides_swapped([(EN, ZH)] * 3 + [(ZH, EN)])
    assert not sides_swapped([(EN, ZH)] * 2 + [(ZH, EN)] * 2)  # a half is not most
    assert not sides_swapped([(ZH, EN)] * 5)
    assert not sides_swapped([(EN, EN)] * 5)  # no Chinese anywhere: not swapped (another mistake)
    assert not sides_swapped([("2020", "2020"), ("", "")])  # nothing to judge
    assert sides_swapped([("2020", "2020"), (EN, ZH)])  # only the pair with words counts


@given(st.lists(st.tuples(st.text(alphabet="无锡市abc 12，").map(lambda t: "市" + t), st.text())))
def test_never_swapped_when_every_chinese_side_holds_chinese(pairs: list[tuple[str, str]]) -> None:
    assert not sides_swapped(pairs)
