"""Tests for Gale–Church sentence alignment with anchors and a band."""

from __future__ import annotations

import functools
import math
import random

import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from shuyu.text import align as align_module
from shuyu.text.align import ANCHOR_BONUS
from shuyu.text.align import MAX_ANCHOR_BONUS
from shuyu.text.align import MAX_UNMATCHED_PENALTY
from shuyu.text.align import UNMATCHED_PENALTY
from shuyu.text.align import Bead
from shuyu.text.align import align
from shuyu.text.align import alignment_quality
from shuyu.text.split import split_sentences

# Eight Chinese sentences and nine English ones: the fourth Chinese sentence is translated as two.
ZH = (
    "6月9日，徐州市委书记、市人大常委会主任周铁根率徐州市党政代表团来锡考察。无锡市委书记黄钦会见代表团并陪同考察。"
    "无锡市市长杜小刚、徐州市市长庄兆林出席会议，并代表两市签署年度南北挂钩合作协议。\n\n"
    "黄钦表示，南北挂钩合作是贯彻落实习近平总书记重要指示精神的实际行动，也是中共江苏省委、江苏省人民政府着眼全省发展大局"
    "作出的战略部署。\n\n"
    "两市合作以来，共设立7个南北共建园区，组织2500余人次、280批次开展交流，引进项目615个，总投资超1000亿元。"
    "根据新签署的协议，双方将进一步完善园区共建机制，推动更多产业项目落户。两市还将深化教育、卫生、科技、农业等领域的务实合作。"
    "无锡高新区与徐州经济技术开发区签署了共建协议。\n"
)
EN = (
    "On June 9, Zhou Tiegen, Secretary of the CPC Xuzhou Municipal Committee and Director of the Standing Committee of the "
    "Xuzhou Municipal People's Congress, led a party and government delegation to visit Wuxi. Huang Qin, Secretary of the CPC "
    "Wuxi Municipal Committee, met with the delegation and accompanied them during the visit. Du Xiaogang, Mayor of Wuxi, and "
    "Zhuang Zhaolin, Mayor of Xuzhou, attended the meeting and signed the annual North-South Cooperation Agreement on behalf "
    "of the two cities.\n\n"
    "Mr. Huang Qin said that north-south cooperation was a practical action of implementing the important instructions of "
    "General Secretary Xi Jinping. It was also a strategic plan made by the CPC Jiangsu Provincial Committee and the Jiangsu "
    "Provincial People's Government in light of the overall development of the whole province.\n\n"
    "Since cooperating with each other, the two cities have set up 7 north-south industrial parks, organized over 2,500 "
    "people in 280 batches to carry out exchanges and introduced 615 projects with a total investment of over 100 billion "
    "yuan. According to the newly signed agreement, the two parties will further improve the mechanism for co-building parks "
    "and bring more industrial projects to them. The two cities will also deepen practical cooperation in education, health, "
    "science and technology, agriculture and other fields. Wuxi National High-tech Zone and Xuzhou Economic Development Zone "
    "signed an agreement on co-building.\n"
)

KINDS = {(1, 1): 0.89, (1, 0): 0.0099, (0, 1): 0.0099, (2, 1): 0.089, (1, 2): 0.089, (2, 2): 0.011}


def pairs(beads: list[Bead]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(b.zh, b.en) for b in beads]


def assert_cover(beads: list[Bead], n: int, m: int) -> None:
    """Every index of both sides is in exactly one bead, in order, and every bead is a known kind."""
    assert [i for b in beads for i in b.zh] == list(range(n))
    assert [j for b in beads for j in b.en] == list(range(m))
    for b in beads:
        assert (len(b.zh), len(b.en)) in KINDS
        assert list(b.zh) == list(range(b.zh[0], b.zh[0] + len(b.zh))) if b.zh else True
        assert list(b.en) == list(range(b.en[0], b.en[0] + len(b.en))) if b.en else True


def test_known_release_alignment() -> None:
    zh = split_sentences(ZH, "zh")
    en = split_sentences(EN, "en")
    assert (len(zh), len(en)) == (8, 9)
    beads = align([s.end - s.start for s in zh], [s.end - s.start for s in en])
    assert pairs(beads) == [
        ((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3,), (3, 4)),
        ((4,), (5,)), ((5,), (6,)), ((6,), (7,)), ((7,), (8,)),
    ]
    assert EN[en[3].start:en[4].end].startswith("Mr. Huang Qin said")
    assert alignment_quality(beads) == 1.0


def test_anchors_fix_what_lengths_get_wrong() -> None:
    zh, en = [30, 30], [66, 54, 60]
    # Lengths alone put the split on the second Chinese sentence (66 is nearer 90 than 120 is)...
    assert pairs(align(zh, en, ratio=3.0)) == [((0,), (0,)), ((1,), (1, 2))]
    # ...while the keys show the first Chinese sentence was translated as two.
    anchored = align(zh, en, ratio=3.0, zh_keys=[{"wuxi", "#615"}, {"xuzhou"}], en_keys=[{"wuxi"}, {"#615"}, {"xuzhou"}])
    assert pairs(anchored) == [((0,), (0, 1)), ((1,), (2,))]


@pytest.mark.parametrize(
    ("en_keys", "expected"),
    [
        ([{"a"}, {"c"}], [((0,), (0,)), ((1,), ()), ((2,), (1,))]),
        ([{"a"}, {"b"}], [((0,), (0,)), ((1,), (1,)), ((2,), ())]),
        ([{"b"}, {"c"}], [((0,), ()), ((1,), (0,)), ((2,), (1,))]),
    ],
)
def test_anchors_say_which_sentence_is_untranslated(en_keys: list[set[str]], expected: list) -> None:
    # Three equal Chinese sentences, two English ones: lengths cannot say which one is missing.
    beads = align([30, 30, 30], [90, 90], ratio=3.0, zh_keys=[{"a"}, {"b"}, {"c"}], en_keys=en_keys)
    assert pairs(beads) == expected
    assert alignment_quality(beads) == pytest.approx(4 / 5)


def test_anchor_weights_change_the_bead_cost() -> None:
    base = align([30], [90], ratio=3.0)[0].cost
    assert base == pytest.approx(-math.log(0.89))
    shared = align([30], [90], ratio=3.0, zh_keys=[{"a", "b"}], en_keys=[{"a", "b"}])[0].cost
    assert shared == pytest.approx(base - 2 * ANCHOR_BONUS)
    many = align([30], [90], ratio=3.0, zh_keys=[set("abcdefgh")], en_keys=[set("abcdefgh")])[0].cost
    assert many == pytest.approx(base - MAX_ANCHOR_BONUS)
    unmatched = align([30], [90], ratio=3.0, zh_keys=[{"a"}], en_keys=[{"b"}])[0].cost
    assert unmatched == pytest.approx(base + 2 * UNMATCHED_PENALTY)
    lots = align([30], [90], ratio=3.0, zh_keys=[set("abcdefgh")], en_keys=[set()])[0].cost
    assert lots == pytest.approx(base + MAX_UNMATCHED_PENALTY)


def test_ratio_is_estimated_and_clamped() -> None:
    # 90 English characters for 30 Chinese: the estimate is 3, so the lengths match exactly.
    assert align([30], [90])[0].cost == pytest.approx(-math.log(0.89))
    # 300 for 30 would be 10: clamped to 6, so the bead pays for the mismatch.
    clamped = align([30], [300])[0].cost
    assert clamped > -math.log(0.89) + 1
    assert align([30], [300], ratio=10.0)[0].cost == pytest.approx(-math.log(0.89))


@pytest.mark.parametrize(
    ("zh", "en", "expected"),
    [
        ([], [], []),
        ([10, 20], [], [((0,), ()), ((1,), ())]),
        ([], [5], [((), (0,))]),
    ],
)
def test_empty_sides(zh: list[int], en: list[int], expected: list) -> None:
    beads = align(zh, en)
    assert pairs(beads) == expected
    assert alignment_quality(beads) == (0.0 if expected == [] or not (zh and en) else 1.0)


def test_zero_lengths_and_single_sentences() -> None:
    assert pairs(align([0], [0])) == [((0,), (0,))]
    assert pairs(align([12], [40])) == [((0,), (0,))]


def test_bad_arguments() -> None:
    with pytest.raises(ValueError, match="zh_keys has 1 entries for 2 sentences"):
        align([1, 2], [3], zh_keys=[set()])
    with pytest.raises(ValueError, match="en_keys"):
        align([1], [3], en_keys=[set(), set()])
    with pytest.raises(ValueError, match="negative"):
        align([1, -2], [3])
    with pytest.raises(ValueError, match="ratio"):
        align([1], [3], ratio=-1.0)


def test_alignment_quality() -> None:
    beads = [Bead((0,), (0,), 0.1), Bead((1, 2), (1,), 2.0), Bead((3,), (), 9.0), Bead((), (2,), 9.0)]
    assert alignment_quality(beads) == pytest.approx(5 / 7)
    assert alignment_quality([]) == 0.0
    assert alignment_quality([Bead((0,), (), 1.0)]) == 0.0


def synthetic(n: int, seed: int) -> tuple[list[int], list[int], list[tuple[tuple[int, ...], tuple[int, ...]]]]:
    """A parallel text of ``n`` Chinese sentences, English ~3.5x longer, with a 1-2 split now and then."""
    rng = random.Random(seed)
    zh: list[int] = []
    en: list[int] = []
    truth = []
    j = 0
    for i in range(n):
        length = rng.randint(10, 80)
        zh.append(length)
        if rng.random() < 0.03:
            en += [round(3.5 * length * 0.45), round(3.5 * length * 0.55)]
            truth.append(((i,), (j, j + 1)))
            j += 2
        else:
            en.append(max(1, round(3.5 * length * rng.uniform(0.85, 1.15))))
            truth.append(((i,), (j,)))
            j += 1
    return zh, en, truth


@pytest.mark.slow
def test_band_aligns_a_long_pair() -> None:
    zh, en, truth = synthetic(20_000, seed=1)
    assert len(en) > 20_400  # the splits put the diagonal off by hundreds of sentences at the end
    assert pairs(align(zh, en)) == truth


def test_band_finds_the_exact_alignment_on_moderate_input() -> None:
    zh, en, truth = synthetic(600, seed=7)
    narrow = align(zh, en, band=5)
    exact = align(zh, en, band=len(en))
    assert pairs(narrow) == pairs(exact) == truth


def test_band_follows_a_drifting_path(monkeypatch: pytest.MonkeyPatch) -> None:
    # Forty untranslated Chinese sentences in the middle of 400: the path leaves the diagonal by
    # far more than a band of 8, so the band must be re-centred and widened to find it. Anchors
    # (one key per sentence pair) make the omission unambiguous.
    rng = random.Random(5)
    zh = [rng.randint(50, 60) if 200 <= i < 240 else rng.randint(20, 60) for i in range(400)]
    kept = [i for i in range(400) if not 200 <= i < 240]
    en = [round(3 * zh[i] * rng.uniform(0.9, 1.1)) for i in kept]
    zh_keys = [{f"k{i}"} for i in range(400)]
    en_keys = [{f"k{i}"} for i in kept]
    expected = [((i,), (kept.index(i),)) if i in kept else ((i,), ()) for i in range(400)]
    beads = align(zh, en, zh_keys=zh_keys, en_keys=en_keys, band=8)
    assert pairs(beads) == expected
    assert alignment_quality(beads) == pytest.approx(720 / 760)
    # One pass of the same band, not re-centred, cannot reach that path.
    monkeypatch.setattr(align_module, "MAX_PASSES", 1)
    assert pairs(align(zh, en, zh_keys=zh_keys, en_keys=en_keys, band=8)) != expected


def reference_cost(zh: list[int], en: list[int], zk: list[set[str]], ek: list[set[str]], c: float) -> float:
    """The optimal total cost by plain recursion over the documented model, with no band."""

    def bead(i0: int, i1: int, j0: int, j1: int) -> float:
        lz, le = sum(zh[i0:i1]), sum(en[j0:j1])
        cost = -math.log(KINDS[(i1 - i0, j1 - j0)])
        if i1 > i0 and j1 > j0:  # an omission costs its prior only
            mean = (lz + le / c) / 2
            delta = (le - lz * c) / math.sqrt(mean * 6.8 * c)
            cost -= math.log(math.erfc(abs(delta) / math.sqrt(2)))  # 2 * (1 - Phi(|delta|))
            zkeys, ekeys = set().union(*zk[i0:i1]), set().union(*ek[j0:j1])
            shared = len(zkeys & ekeys)
            cost -= min(ANCHOR_BONUS * shared, MAX_ANCHOR_BONUS)
            cost += min(UNMATCHED_PENALTY * len(zkeys ^ ekeys), MAX_UNMATCHED_PENALTY)
        return cost

    @functools.cache
    def best(i: int, j: int) -> float:
        if i == j == 0:
            return 0.0
        return min(best(i - di, j - dj) + bead(i - di, i, j - dj, j)
                   for di, dj in KINDS if i >= di and j >= dj)

    return best(len(zh), len(en))


_LENGTHS = st.lists(st.integers(1, 60), max_size=7)
_KEYS = st.sets(st.sampled_from("abcd"), max_size=2)


@settings(max_examples=150, deadline=None)
@given(st.data(), _LENGTHS, _LENGTHS, st.sampled_from([2.0, 3.0, 4.5]))
def test_alignment_is_optimal(data: st.DataObject, zh: list[int], en: list[int], c: float) -> None:
    zk = data.draw(st.lists(_KEYS, min_size=len(zh), max_size=len(zh)))
    ek = data.draw(st.lists(_KEYS, min_size=len(en), max_size=len(en)))
    beads = align(zh, en, zh_keys=zk, en_keys=ek, ratio=c)
    assert_cover(beads, len(zh), len(en))
    if zh and en:
        assert sum(b.cost for b in beads) == pytest.approx(reference_cost(zh, en, zk, ek, c), abs=1e-6)


@settings(max_examples=200, deadline=None)
@given(st.data(), st.lists(st.integers(0, 200), max_size=40), st.lists(st.integers(0, 200), max_size=40),
       st.integers(1, 6))
def test_beads_cover_both_sides_in_order(data: st.DataObject, zh: list[int], en: list[int], band: int) -> None:
    zk = data.draw(st.lists(_KEYS, min_size=len(zh), max_size=len(zh)))
    ek = data.draw(st.lists(_KEYS, min_size=len(en), max_size=len(en)))
    banded = align(zh, en, zh_keys=zk, en_keys=ek, band=band)
    assert_cover(banded, len(zh), len(en))
    exact = align(zh, en, zh_keys=zk, en_keys=ek, band=max(len(zh), len(en), 1))
    # A band can only miss the optimum, never beat it.
    assert sum(b.cost for b in exact) <= sum(b.cost for b in banded) + 1e-9
    assert 0.0 <= alignment_quality(banded) <= 1.0
