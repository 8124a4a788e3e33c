"""Corpus metrics on a hand-checked corpus: every figure exact, shards merge to the same result."""

from __future__ import annotations

import pytest

from shuyu.metrics import CorpusStats
from shuyu.metrics import score_pairs

PAIRS = [
    ("1", "无锡市委书记黄钦出席。", "Huang Qin, Secretary of the CPC Wuxi Municipal Committee, attended."),
    ("2", "无锡市委书记黄钦讲话。", "Huang Qin, Party Secretary of Wuxi, spoke."),
    ("3", "无锡市委书记黄钦会见代表团。", "Huang Qin, Secretary of the CCP Wuxi Municipal Committee, met them."),
    ("4", "无锡市委书记黄钦考察。", "Huang Qin inspected."),
    ("5", "徐州市委书记、市人大常委会主任周铁根，6月9日，引进项目615个。",
     "Zhou Tiegen, Secretary of the CPC Xuzhou Municipal Committee and Director of the Standing Committee of the "
     "Xuzhou Municipal People's Congress, on June 9 introduced 651 projects."),
]


@pytest.fixture
def stats(tiny_glossary, tiny_matcher) -> CorpusStats:
    return score_pairs(PAIRS, tiny_glossary, tiny_matcher)


def test_per_concept_figures(stats: CorpusStats) -> None:
    wuxi = stats.concepts["municipal-party-secretary@wuxi"]
    assert wuxi.occurrences == 4
    assert dict(wuxi.renderings) == {"Secretary of the CPC Wuxi Municipal Committee": 1, "Party Secretary of Wuxi": 1,
                                     "Secretary of the CCP Wuxi Municipal Committee": 1, "missing": 1}
    assert wuxi.accuracy == pytest.approx(0.5)
    assert wuxi.consistency == pytest.approx(0.25)
    assert wuxi.examples["missing"] == ["4"]
    npc = stats.concepts["municipal-npc-director@xuzhou"]  # an elided title, resolved
    assert (npc.occurrences, npc.accuracy) == (1, 1.0)


def test_corpus_figures(stats: CorpusStats) -> None:
    s = stats.summary()
    # occurrences: wuxi secretary 4, xuzhou secretary 1, npc director 1
    assert (s["pairs"], s["concepts"], s["occurrences"]) == (5, 3, 6)
    assert s["accuracy_micro"] == pytest.approx(4 / 6)
    assert s["accuracy_macro"] == pytest.approx((0.5 + 1 + 1) / 3)
    assert s["consistency_micro"] == pytest.approx((1 + 1 + 1) / 6)
    assert s["consistency_macro"] == pytest.approx((0.25 + 1 + 1) / 3)
    assert (s["numbers"], s["number_agreement"]) == (1, 0.0)
    assert (s["dates"], s["date_agreement"]) == (1, 1.0)


def test_shards_merge_to_the_same_result(tiny_glossary, tiny_matcher, stats: CorpusStats) -> None:
    merged = CorpusStats()
    for chunk in (PAIRS[:2], PAIRS[2:3], PAIRS[3:]):
        merged.merge(score_pairs(chunk, tiny_glossary, tiny_matcher))
    assert merged.summary() == stats.summary()
    assert {k: (v.renderings, v.examples) for k, v in merged.concepts.items()} == {
        k: (v.renderings, v.examples) for k, v in stats.concepts.items()}
