"""Search by Chinese (Simplified and Traditional), English and pinyin."""

from __future__ import annotations

import pytest

from shuyu.glossary.search import search


@pytest.mark.parametrize("query", ["无锡", "無錫", "wuxi", "WUXI", "Wú Xī", "wu2 xi1", "Wu Xi", "Wuxi City"])
def test_every_key_finds_wuxi_first(tiny_glossary, query: str) -> None:
    hits = search(tiny_glossary, query)
    assert hits, query
    assert hits[0].concept.id == "wuxi"


def test_partial_english_finds_templates(tiny_glossary) -> None:
    ids = [h.concept.id for h in search(tiny_glossary, "municipal committee")]
    assert "municipal-party-secretary" in ids


def test_expanded_search_finds_titles_of_a_place(tiny_glossary) -> None:
    ids = [h.concept.id for h in search(tiny_glossary, "徐州", expanded=True)]
    assert ids[0] == "xuzhou"
    assert "municipal-party-secretary@xuzhou" in ids


def test_homonyms_are_both_found(tiny_glossary) -> None:
    ids = {h.concept.id for h in search(tiny_glossary, "鼓楼")}
    assert ids == {"gulou-district-nanjing", "gulou-district-xuzhou"}


def test_no_hit(tiny_glossary) -> None:
    assert search(tiny_glossary, "zzzz") == []
    assert search(tiny_glossary, "   ") == []
