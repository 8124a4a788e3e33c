"""Corpus metrics on a hand-checked corpus: every figure exact, shards merge to the same result."""

from __future__ import annotations

import functools

import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from shuyu.metrics import ConceptStats
from shuyu.metrics import CorpusStats
from shuyu.metrics import Scorer
from shuyu.metrics import chunks
from shuyu.metrics import combine
from shuyu.metrics import score_pairs
from tests import test_numbers_speed_equivalence as _numbers_oracle

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
    # "Huang Qin inspected.": the title is really left out, no English is named for it
    assert (dict(wuxi.missing_renderings), wuxi.missing_unaligned) == ({}, 1)
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


# Hand-made pairs for the English actually used where the glossary form is missing (module doc of
# shuyu.metrics): the anchor is the place's English name, the span takes the concept's vocabulary
# around it and the head words next to it, never across punctuation, a coordinator or a claimed match.
ALIGNED = [
    ("a", "无锡市委书记黄钦讲话。", "Huang Qin, Party chief of Wuxi, spoke."),
    ("b", "无锡市委书记黄钦出席。", "Wuxi's Party boss Huang Qin attended."),
    ("c", "无锡市委书记黄钦考察。", "Huang Qin inspected."),
    ("d", "徐州市市长会见了无锡市委书记。", "The Mayor of Xuzhou met the head of the CPC Wuxi Committee."),
    ("e", "中国共产党成立。", "The Communist Party was founded."),
    ("f", "徐州市委书记出席了会议。", "Xuzhou's mayor welcomed Zhou Tiegen, Party chief of Xuzhou."),
    ("g", "无锡市委书记黄钦讲话。", "Huang Qin, Party chief of Wuxi, spoke."),
    ("h", "江苏省人民政府和无锡市人民政府", "the Jiangsu government and the Wuxi city government"),
    ("i", "无锡市委书记和徐州市委书记", "the Party chiefs of Wuxi and Xuzhou"),
]


@pytest.fixture
def aligned(tiny_glossary, tiny_matcher) -> CorpusStats:
    return score_pairs(ALIGNED, tiny_glossary, tiny_matcher)


def test_missing_renderings_name_the_english_used(aligned: CorpusStats) -> None:
    wuxi = aligned.concepts["municipal-party-secretary@wuxi"]
    assert dict(wuxi.renderings) == {"missing": 6}
    assert dict(wuxi.missing_renderings) == {
        "Party chief of Wuxi": 2,  # a, g: vocabulary word "Party" three words from the anchor
        "Wuxi's Party boss": 1,  # b: possessive anchor, head word "boss"; the name after it is not taken
        "head of the CPC Wuxi Committee": 1,  # d: across "of the" to the head word; "Mayor of Xuzhou" is claimed
        "Party chiefs of Wuxi": 1,  # i: not across "and"
    }
    assert wuxi.missing_examples == {"Party chief of Wuxi": ["a", "g"], "Wuxi's Party boss": ["b"],
                                     "head of the CPC Wuxi Committee": ["d"], "Party chiefs of Wuxi": ["i"]}
    assert wuxi.missing_unaligned == 1  # c
    assert dict(aligned.concepts["mayor@xuzhou"].renderings) == {"Mayor of Xuzhou": 1}


def test_anchor_with_most_vocabulary_wins(aligned: CorpusStats) -> None:
    # f: two "Xuzhou" anchors; "Party chief of Xuzhou" gathers a vocabulary word, "Xuzhou's mayor" none.
    # i: what is left of the English after Wuxi's title took its words.
    xuzhou = aligned.concepts["municipal-party-secretary@xuzhou"]
    assert dict(xuzhou.missing_renderings) == {"Party chief of Xuzhou": 1, "Xuzhou": 1}
    assert xuzhou.missing_examples == {"Party chief of Xuzhou": ["f"], "Xuzhou": ["i"]}


def test_vocabulary_cluster_without_anchor_and_coordinators(aligned: CorpusStats) -> None:
    # e: no place to anchor on; "Communist Party" holds two distinct words of the CPC's English terms
    assert dict(aligned.concepts["cpc"].missing_renderings) == {"Communist Party": 1}
    # h: the Jiangsu government before "and" is not Wuxi's
    assert dict(aligned.concepts["municipal-government@wuxi"].missing_renderings) == {"Wuxi city government": 1}
    assert dict(aligned.concepts["jiangsu"].renderings) == {"Jiangsu": 1}


def test_missing_forms_are_bounded_and_chunking_is_invisible(tiny_glossary, tiny_matcher) -> None:
    pairs = [(str(i), "无锡市委书记出席。", f"Party chief {w} of Wuxi attended.")
             for i, w in enumerate(["Alpha", "Beta", "Alpha", "Gamma", "Alpha", "Delta", "Beta", "Eps"])]
    stats = score_pairs(pairs, tiny_glossary, tiny_matcher, chunk=3, keep=2)
    wuxi = stats.concepts["municipal-party-secretary@wuxi"]
    # chunk 1: Alpha, Beta, Alpha -> Alpha 2, Beta 1
    # chunk 2: Gamma, Alpha, Delta -> Alpha 3, Beta 1, Delta 1, Gamma 1 -> keep Alpha 3, Beta 1 (ties by form)
    # chunk 3: Beta, Eps -> Alpha 3, Beta 2, Eps 1 -> keep Alpha 3, Beta 2
    assert dict(wuxi.missing_renderings) == {"Party chief Alpha of Wuxi": 3, "Party chief Beta of Wuxi": 2}
    assert wuxi.missing_examples == {"Party chief Alpha of Wuxi": ["0", "2", "4"], "Party chief Beta of Wuxi": ["1", "6"]}
    assert wuxi.renderings["missing"] == 8
    # what --jobs does: chunks scored apart (in any process), merged and pruned in order
    scorer = Scorer(tiny_glossary, tiny_matcher)
    parts = [scorer.score_chunk(block) for block in chunks(pairs, 3)]
    again = combine(parts, keep=2).concepts["municipal-party-secretary@wuxi"]
    assert (again.missing_renderings, again.missing_examples) == (wuxi.missing_renderings, wuxi.missing_examples)


def test_prune_keeps_the_most_frequent_then_first_by_form() -> None:
    c = ConceptStats("x", "x")
    c.missing_renderings.update({"b": 2, "a": 2, "c": 5, "d": 1})
    c.missing_examples = {"a": ["1"], "b": ["2"], "c": ["3"], "d": ["4"]}
    c.prune(2)
    assert (dict(c.missing_renderings), c.missing_examples) == ({"c": 5, "a": 2}, {"c": ["3"], "a": ["1"]})


NUMBER_LINES = [
    ("zh", "徐州市委书记、市人大常委会主任周铁根，6月9日，引进项目615个，总投资超1000亿元。"),
    ("zh", "２０２０年６月９日，三家企业签约，增长百分之十五，约3.5万人参加，18:30开幕。"),
    ("zh", "一带一路统一一体化，两人出席，二〇二〇年十二月三十一日。"),
    ("zh", "没有数字的句子。"),
    ("en", "On June 9, 2020 at 6:30 p.m. over 615 projects worth more than 100 billion yuan, 15 percent, COVID-19."),
    ("en", "Two thousand people, twenty-one cities, the 3rd of May and in May 2019; 2019-2020 season."),
]


def _lines_to_check() -> list[tuple[str, str]]:
    from tests.conftest import EXTERNAL

    root = EXTERNAL / "wmt21-newstest-zhen"
    lines = list(NUMBER_LINES)
    if root.is_dir():  # the real news lines too, when ../shared is there
        lines += [("zh", x) for x in (root / "sources" / "newstest2021.zh-en.src.zh").read_text("utf-8").splitlines()]
        lines += [("en", x) for x in (root / "references" / "newstest2021.zh-en.ref.A.en").read_text("utf-8").splitlines()]
    return lines


def test_number_extraction_equals_the_public_functions() -> None:
    from shuyu import numbers
    from shuyu.metrics import _ZH_DATE_HINT
    from shuyu.metrics import _ZH_QTY_HINT
    from shuyu.metrics import quantities_and_dates

    for lang, text in _lines_to_check():
        qty, dates = numbers.extract_quantities(text, lang), numbers.extract_dates(text, lang)
        assert quantities_and_dates(text, lang) == (qty, dates), text
        if lang == "zh":  # the pre-filters are necessary conditions: no hint, nothing to find
            assert _ZH_QTY_HINT.search(text) or not qty, text
            assert _ZH_DATE_HINT.search(text) or not dates, text


@settings(max_examples=600, deadline=None)
@given(st.one_of(_numbers_oracle.tokens, _numbers_oracle.spaced), st.sampled_from(["zh", "en"]))
def test_number_extraction_equals_the_oracle_on_token_soup(text: str, lang: str) -> None:
    """``quantities_and_dates`` (one fold, dates found once, times from the first digit) against the numbers
    code before the speed-ups, with each pre-filter flag the scorer passes."""
    from shuyu.metrics import _ZH_DATE_HINT
    from shuyu.metrics import _ZH_QTY_HINT
    from shuyu.metrics import quantities_and_dates

    old_qty = _numbers_oracle.outcome(_numbers_oracle.ref_extract_quantities, text, lang)
    old_dates = _numbers_oracle.ref_extract_dates(text, lang)
    qty, dates = quantities_and_dates(text, lang)
    if old_qty in _numbers_oracle.OLD_CRASHES:
        assert isinstance(qty, list), text
    else:
        assert qty == old_qty, text
    assert dates == old_dates, text
    assert quantities_and_dates(text, lang, quantities=False) == ([], old_dates), text
    if lang == "zh" and _ZH_DATE_HINT.search(text) is None:
        assert quantities_and_dates(text, lang, dates=False) == (qty, []), text
    if lang == "zh" and _ZH_QTY_HINT.search(text) is None:
        assert qty == [], text


ZH_HINT_TOKENS = [*"0123456789０１２３４５６７８９零〇一二两三四五六七八九十百千万亿分之年月日号余多%％个家元名次人天a ，。",
                  *"萬億兩號個項餘",
                  "百分之", "百分", "分之"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(ZH_HINT_TOKENS), max_size=8).map("".join))
def test_the_chinese_hints_find_the_lines_the_plain_patterns_find(text: str) -> None:
    import re

    from shuyu import numbers
    from shuyu.metrics import _NUMERALS
    from shuyu.metrics import _ZH_DATE_HINT
    from shuyu.metrics import _ZH_QTY_HINT

    plain_date = re.compile(r"[0-9０-９]|[〇零一二三四五六七八九十][年月日号號]")
    plain_qty = re.compile(rf"[0-9０-９]|[百一二两三四五六七八九十]分之"
                           rf"|[{_NUMERALS}][{_NUMERALS}余餘多%％]*[{numbers.CLASSIFIERS}]|[{_NUMERALS}]*[万亿萬億]")
    assert (_ZH_DATE_HINT.search(text) is None) == (plain_date.search(text) is None)
    assert (_ZH_QTY_HINT.search(text) is None) == (plain_qty.search(text) is None)


@functools.cache
def _tiny_scorer() -> Scorer:
    from shuyu.glossary.load import load_glossary
    from shuyu.match import Matcher
    from tests.conftest import TINY

    glossary = load_glossary([TINY], bundled=False)
    return Scorer(glossary, Matcher.from_glossary(glossary))


@settings(max_examples=600, deadline=None)
@given(st.one_of(_numbers_oracle.tokens, _numbers_oracle.spaced),
       st.one_of(_numbers_oracle.spaced, _numbers_oracle.tokens))
def test_number_and_date_counts_are_the_public_comparisons(zh: str, en: str) -> None:
    """What ``score_pair`` counts (pre-filters, quantities as values, number words only when they can count)
    against the old-code oracle's extraction and ``compare_quantities`` / ``compare_dates``."""
    from shuyu import numbers

    ref = _numbers_oracle
    zq, zd = ref.outcome(ref.ref_extract_quantities, zh, "zh"), ref.ref_extract_dates(zh, "zh")
    eq = ref.outcome(ref.ref_extract_quantities, en, "en")
    if zq in ref.OLD_CRASHES or eq in ref.OLD_CRASHES:
        return  # the old code had no answer there
    ed = ref.ref_extract_dates(en, "en")
    stats = CorpusStats()
    _tiny_scorer().score_pair("p", zh, en, stats, zh_matches=[], en_matches=[])
    assert stats.numbers_total == len(zq)
    assert stats.numbers_agree == len(zq) - sum(1 for m in numbers.compare_quantities(zq, eq) if m.zh is not None)
    assert stats.dates_total == len(zd)
    assert stats.dates_agree == len(zd) - sum(1 for m in numbers.compare_dates(zd, ed) if m.zh is not None)


def test_a_pair_is_one_example_however_often_it_holds_the_concept(tiny_glossary, tiny_matcher) -> None:
    pairs = [("a", "无锡市委书记黄钦出席。无锡市委书记讲话。",
              "Secretary of the CPC Wuxi Municipal Committee Huang Qin attended. Secretary of the CPC Wuxi "
              "Municipal Committee spoke."),
             ("b", "无锡市委书记出席。", "Secretary of the CPC Wuxi Municipal Committee attended.")]
    serial = score_pairs(pairs, tiny_glossary, tiny_matcher).concepts["municipal-party-secretary@wuxi"]
    assert serial.occurrences == 3
    assert serial.examples == {"Secretary of the CPC Wuxi Municipal Committee": ["a", "b"]}
    shards = score_pairs(pairs[:1], tiny_glossary, tiny_matcher)
    shards.merge(score_pairs(pairs, tiny_glossary, tiny_matcher))
    assert shards.concepts["municipal-party-secretary@wuxi"].examples == serial.examples


def _tokens_reference(text: str, blocked: list[tuple[int, int]]) -> tuple[list, list, list]:
    """The word scan of :meth:`_Tokens.of` written plainly (one break search per gap, no key cache)."""
    from shuyu.metrics import _BREAK
    from shuyu.metrics import _WORD
    from shuyu.metrics import _key

    spans, keys, chunks_ = [], [], []
    chunk, prev_end, b = 0, 0, 0
    blocked = sorted(blocked)
    for m in _WORD.finditer(text):
        s, e = m.span()
        if _BREAK.search(text, prev_end, s):
            chunk += 1
        while b < len(blocked) and blocked[b][1] <= s:
            b += 1
        if b < len(blocked) and blocked[b][0] < e:
            chunks_.append(-1)
            chunk += 1
        else:
            chunks_.append(chunk)
        spans.append((s, e))
        keys.append(_key(m.group()))
        prev_end = e
    return spans, keys, chunks_


@pytest.mark.parametrize("text", [
    "Huang Qin, Party chief of Wuxi, spoke.", "", "...", "a,b;c (d) [e] “f” — g – h!? i", "Wuxi's  People’s  Communists",
    "no breaks at all here", ",, leading and trailing ,,", "x" * 50 + "." + "y",
])
def test_token_scan_equals_the_plain_scan(text: str) -> None:
    from shuyu.metrics import _Tokens

    for blocked in ([], [(0, 3)], [(5, 12), (0, 2)], [(len(text) - 1, len(text))]):
        tokens = _Tokens.of(text, blocked)
        assert (tokens.spans, tokens.keys, tokens.chunks) == _tokens_reference(text, blocked), (text, blocked)


def test_token_scan_on_newstest_lines() -> None:
    from shuyu.metrics import _Tokens

    for lang, text in _lines_to_check():
        if lang == "en":
            tokens = _Tokens.of(text, [(10, 20)])
            assert (tokens.spans, tokens.keys, tokens.chunks) == _tokens_reference(text, [(10, 20)]), text


def _anchor_hits_reference(tokens, anchors):  # type: ignore[no-untyped-def]
    """_anchor_hits trying every place, as it was written first."""
    hits: list[tuple[int, int]] = []
    keys, chunks_ = tokens.keys, tokens.chunks
    for anchor in anchors:
        n = len(anchor)
        for i in range(len(keys) - n + 1):
            chunk = chunks_[i]
            if chunk < 0 or tuple(keys[i:i + n]) != anchor or any(c != chunk for c in chunks_[i:i + n]):
                continue
            if not any(s <= i + n - 1 and i <= e for s, e in hits):
                hits.append((i, i + n - 1))
    return hits


@pytest.mark.parametrize("text", [
    "Wuxi, Wuxi city and Wu Xi; the Wuxi Wuxi government of Wu Xi Wu", "Wu", "", "Xi Wu Xi Wu Xi, Wu. Xi Wu",
    "The Jiangsu government and the Wuxi city government met Wuxi's Party chief in Wu Xi City",
])
def test_anchor_hits_equal_the_plain_scan(text: str) -> None:
    from shuyu.metrics import _anchor_hits
    from shuyu.metrics import _Tokens

    anchors = (("wu", "xi", "city"), ("wu", "xi"), ("wuxi",), ("xi",))
    for blocked in ([], [(0, 4)], [(5, 9), (20, 30)]):
        tokens = _Tokens.of(text, blocked)
        expected = _anchor_hits_reference(tokens, anchors)
        assert _anchor_hits(tokens, anchors) == expected, (text, blocked)
        if tokens.keys:
            tokens.block(0, 0)  # blocking words keeps the index of keys valid
            assert _anchor_hits(tokens, anchors) == _anchor_hits_reference(tokens, anchors)


def test_concept_stats_pickle_to_the_same_counts_in_the_same_order(stats: CorpusStats) -> None:
    import pickle
    from collections import Counter

    assert stats.concepts
    for concept in stats.concepts.values():
        concept.missing_renderings.update({"b form": 2, "a form": 2})  # order of insertion, not of sorting
        concept.missing_examples["b form"] = ["x"]
        back = pickle.loads(pickle.dumps(concept))
        assert back == concept
        for name in ConceptStats.__slots__:
            mine, theirs = getattr(back, name), getattr(concept, name)
            assert type(mine) is type(theirs), name
            if isinstance(theirs, dict):
                assert list(mine.items()) == list(theirs.items()), name
        assert isinstance(back.renderings, Counter)
    back_all = pickle.loads(pickle.dumps(stats))
    assert back_all == stats
    assert list(back_all.concepts) == list(stats.concepts)


@functools.cache
def _tiny_profiles() -> list:  # type: ignore[type-arg]
    from shuyu.metrics import concept_profile

    glossary = _tiny_scorer().glossary
    ids = sorted({*glossary.expanded, *glossary.concepts})
    return [concept_profile(glossary, cid) for cid in ids]


def _profile_words() -> list[str]:
    words = {w for p in _tiny_profiles() for a in p.anchors for w in a} | {w for p in _tiny_profiles() for w in p.vocabulary}
    return sorted(words)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(["the", "of", "and", "Wuxi", "chief", ",", ".", " ", "’s", "'s", "s", "ß", "ﬁ",
                                            "İ", "ſ", "-", "Party", "PARTY", "Committee", "x", "中"]),
                          st.builds(lambda w, f: f(w), st.deferred(lambda: st.sampled_from(_profile_words())),
                                    st.sampled_from([str, str.upper, str.title, lambda w: w + "s", lambda w: w + "’s"]))),
                max_size=14).map(" ".join))
def test_a_concept_that_cannot_render_finds_no_english(text: str) -> None:
    """``ConceptProfile.can_render`` is a necessary condition: where it says no, english_rendering finds nothing."""
    from shuyu.metrics import _Tokens
    from shuyu.metrics import english_rendering

    folded = text.casefold().replace("’", "'")
    for profile in _tiny_profiles():
        if not profile.can_render(folded):
            assert english_rendering(_Tokens.of(text, []), profile, 0.5) is None, (text, profile)


# --- consistency counts distinct renderings; no occurrence, no figure ------------------------------------

_SECRETARY = "Secretary of the CPC Wuxi Municipal Committee"


def _wuxi_secretary(tiny_glossary, tiny_matcher, *english: str) -> tuple[ConceptStats, CorpusStats]:
    pairs = [(str(i), "无锡市委书记黄钦出席。", en) for i, en in enumerate(english, start=1)]
    stats = score_pairs(pairs, tiny_glossary, tiny_matcher)
    return stats.concepts["municipal-party-secretary@wuxi"], stats


def test_each_named_missing_form_is_its_own_rendering(tiny_glossary, tiny_matcher) -> None:
    # Three different English titles were one rendering ("missing"), consistency 100%.
    wuxi, stats = _wuxi_secretary(tiny_glossary, tiny_matcher, "Party chief of Wuxi", "Wuxi Party boss",
                                  "top leader of Wuxi")
    assert dict(wuxi.renderings) == {"missing": 3}
    assert dict(wuxi.missing_renderings) == {"Party chief of Wuxi": 1, "Wuxi Party boss": 1, "leader of Wuxi": 1}
    assert wuxi.top_rendering() == ("missing", "Party chief of Wuxi", 1)
    assert wuxi.consistency == 1 / 3
    s = stats.summary()
    assert (s["consistency_micro"], s["consistency_macro"], s["accuracy_micro"]) == (1 / 3, 1 / 3, 0.0)


def test_missing_occurrences_with_no_english_named_are_one_rendering(tiny_glossary, tiny_matcher) -> None:
    wuxi, stats = _wuxi_secretary(tiny_glossary, tiny_matcher, "Huang Qin inspected.", "Huang Qin spoke.",
                                  "Huang Qin, Party chief of Wuxi, spoke.")
    assert (wuxi.missing_unaligned, dict(wuxi.missing_renderings)) == (2, {"Party chief of Wuxi": 1})
    assert wuxi.top_rendering() == ("unaligned", "missing", 2)
    assert wuxi.consistency == 2 / 3
    assert stats.summary()["consistency_micro"] == 2 / 3


def test_renderings_of_equal_count_go_to_the_better_status(tiny_glossary, tiny_matcher) -> None:
    wuxi, _ = _wuxi_secretary(tiny_glossary, tiny_matcher, *[f"Huang Qin, {_SECRETARY}, spoke."] * 2,
                              *["Huang Qin, Party chief of Wuxi, spoke."] * 2)
    assert wuxi.top_rendering() == ("preferred", _SECRETARY, 2)
    assert wuxi.consistency == 0.5
    wuxi, _ = _wuxi_secretary(tiny_glossary, tiny_matcher, "Huang Qin, Secretary of the CCP Wuxi Municipal Committee.",
                              "Huang Qin, Party Secretary of Wuxi.", "Huang Qin inspected.")
    assert wuxi.form_status == {"Secretary of the CCP Wuxi Municipal Committee": "deprecated",
                                "Party Secretary of Wuxi": "admitted"}
    assert wuxi.top_rendering() == ("admitted", "Party Secretary of Wuxi", 1)
    wuxi, _ = _wuxi_secretary(tiny_glossary, tiny_matcher, "Huang Qin inspected.", "Huang Qin, Party chief of Wuxi.")
    assert wuxi.top_rendering() == ("missing", "Party chief of Wuxi", 1)


def test_distinct_renderings_merge_to_the_same_figures(tiny_glossary, tiny_matcher) -> None:
    english = ["Party chief of Wuxi", f"Huang Qin, {_SECRETARY}.", "Wuxi Party boss", "Party chief of Wuxi",
               "Huang Qin inspected.", f"{_SECRETARY}", "Party Secretary of Wuxi"]
    pairs = [(str(i), "无锡市委书记黄钦出席。", en) for i, en in enumerate(english, start=1)]
    one = score_pairs(pairs, tiny_glossary, tiny_matcher)
    scorer = Scorer(tiny_glossary, tiny_matcher)
    merged = combine(scorer.score_chunk(block) for block in chunks(pairs, 2))
    assert merged == one
    assert one.summary()["consistency_micro"] == 2 / 7
    assert one.concepts["municipal-party-secretary@wuxi"].top_rendering() == ("preferred", _SECRETARY, 2)


def test_no_occurrence_gives_no_term_figures(tiny_glossary, tiny_matcher) -> None:
    s = score_pairs([("1", "今天天气很好。", "The weather is fine today.")], tiny_glossary, tiny_matcher).summary()
    assert (s["accuracy_micro"], s["accuracy_macro"], s["consistency_micro"], s["consistency_macro"]) == (
        None, None, None, None)
    assert (s["pairs"], s["occurrences"], s["number_agreement"], s["date_agreement"]) == (1, 0, 1.0, 1.0)
    assert CorpusStats().summary()["consistency_micro"] is None
    assert ConceptStats("x", "x").top_rendering() == ("", "", 0)
