"""Template expansion and the derived romanisation variants."""

from __future__ import annotations

from shuyu.glossary.romanize import place_pinyin
from shuyu.glossary.romanize import romanization_variants


def test_templates_expand_over_their_levels(tiny_glossary) -> None:
    expanded = tiny_glossary.expanded
    secretary = expanded["municipal-party-secretary@wuxi"]
    assert secretary.preferred("zh") == "无锡市委书记"
    assert secretary.preferred("en") == "Secretary of the CPC Wuxi Municipal Committee"
    assert secretary.template == "municipal-party-secretary"
    assert secretary.place == "wuxi"
    # county-level cities are in `over`, districts are not
    assert "municipal-party-secretary@jiangyin" in expanded
    assert "municipal-party-secretary@gulou-district-xuzhou" not in expanded
    # the NPC director template is over prefecture only
    assert "municipal-npc-director@jiangyin" not in expanded
    assert "municipal-party-secretary" not in expanded  # templates themselves are not matched


def test_expansions_keep_deprecated_forms(tiny_glossary) -> None:
    concept = tiny_glossary.expanded["municipal-government@xuzhou"]
    assert [t.text for t in concept.terms_in("en") if t.status.value == "deprecated"] == [
        "CPC Xuzhou Municipal Government"]


def test_romanization_variants_are_derived_for_places(tiny_glossary) -> None:
    xuzhou = tiny_glossary.expanded["xuzhou"]
    derived = sorted(t.text for t in xuzhou.terms if t.romanization)
    assert derived == ["Xu Zhou", "Xu-Zhou", "Xu-zhou"]
    huaian = tiny_glossary.expanded["huaian"]
    assert "Huaian" in [t.text for t in huaian.terms if t.romanization]
    # the written files do not hold derived forms
    assert not any(t.romanization for t in tiny_glossary.concepts["xuzhou"].terms)


def test_place_pinyin_follows_the_standard() -> None:
    cases = {"无锡": "Wuxi", "淮安": "Huai'an", "西安": "Xi'an", "六安": "Lu'an", "睢宁": "Suining",
             "蚌埠": "Bengbu", "六合": "Luhe", "盐都": "Yandu", "海安": "Hai'an", "连云港": "Lianyungang"}
    assert {zh: place_pinyin(zh) for zh in cases} == cases


def test_variants_of_a_wrong_name_are_not_derived() -> None:
    assert romanization_variants("徐州", "Xu Zhou") == []
    assert romanization_variants("沛", "Pei") == []
