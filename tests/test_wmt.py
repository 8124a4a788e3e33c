"""WMT terminology figures: the organisers' definitions on hand-checked data, then the public figures reproduced."""

from __future__ import annotations

import doctest
import math
from pathlib import Path

import pytest

from shuyu import wmt
from shuyu.errors import InputError
from shuyu.formats import wmt_data
from tests.conftest import external

SYSTEM = "CommandA_MT"


@pytest.mark.parametrize("module", [wmt, wmt_data])
def test_doctests(module: object) -> None:
    failed, attempted = doctest.testmod(module)  # type: ignore[arg-type]
    assert attempted > 0
    assert failed == 0


# --- WMT25 term success rate: the organisers' definition ----------------------------------------


def test_success_rate_counts_lowercased_substrings_and_caps_at_one() -> None:
    # 2 source occurrences, 1 in the output: 0.5; 3 outputs for 1 source: capped at 1.
    assert wmt.wmt25_term_success_rate("金管局，金管局", "The HKMA said", "金管局", ["HKMA"]) == 0.5
    assert wmt.wmt25_term_success_rate("金管局", "HKMA, hkma, Hkma", "金管局", ["HKMA"]) == 1.0
    # Substrings: 'us' inside 'business'; alternatives that lowercase alike both count.
    assert wmt.wmt25_term_success_rate("美國", "business", "美國", ["US"]) == 1.0
    assert wmt.wmt25_term_success_rate("甲，甲", "the Fund", "甲", ["Fund", "fund"]) == 1.0
    assert wmt.wmt25_term_success_rate("甲", "nothing", "甲", [" Fund "]) == 0.0


def test_success_rate_valid_terms_need_source_and_reference() -> None:
    terms = {"財政司司長": ["Financial Secretary", "FS"], "行政長官": ["Chief Executive"], "": ["x"], "總裁": ["Chief Executive"]}
    docs = [
        # 財政司司長 valid (in src, 'fs' in ref): 1/2; 行政長官 not in src; 總裁 in src but not in ref.
        ("財政司司長與財政司司長", "The FS spoke", "the Financial Secretary", terms),
        # 行政長官 valid: 1/1.
        ("行政長官", "The Chief Executive", "The chief executive", terms),
    ]
    r = wmt.wmt25_success_rate(docs)
    assert (r.valid, r.total, r.rate) == (2, 1.5, 0.75)
    assert wmt.wmt25_success_rate([]).rate == -1.0


def test_shuyu_counting_is_word_bounded_and_subsumes_nested_terms() -> None:
    terms = {"美國": ["US"], "香港金融管理局": ["Hong Kong Monetary Authority"], "金融管理局": ["Monetary Authority"],
             "基金": ["Fund", "fund"]}
    src = "美國。香港金融管理局。金融管理局。基金"
    ref = "US. Hong Kong Monetary Authority. Monetary Authority. Fund"
    hyp = "business. Hong Kong Monetary Authority. Monetary Authority. Fund"
    cmp = wmt.compare_success_rate([(src, hyp, ref, terms)])
    # Theirs: 美國 1 ('us' in 'business'), HKMA 1, 金融管理局 2 src / 2 hyp = 1, 基金 min(2/1, 1) = 1.
    assert (cmp.theirs.valid, cmp.theirs.rate) == (4, 1.0)
    # shuyu: 美國 0 (no word 'US'); the others 1 each (金融管理局 once in the source, once in the output).
    assert (cmp.shuyu.valid, cmp.shuyu.total) == (4, 3.0)
    reasons = {d.term: d.reason for d in cmp.differences}
    assert reasons == {"美國": wmt.REASON_SUBWORD}


def test_shuyu_counting_reasons() -> None:
    terms = {"人民幣": ["renminbi"], "離岸人民幣": ["offshore renminbi"], "基金": ["Fund", "fund"], "一國兩制": ['"one country']}
    docs = [
        # 人民幣 only inside 離岸人民幣: not valid for shuyu.
        ("離岸人民幣", "offshore renminbi", "offshore renminbi", terms),
        # 人民幣 twice in the source, once nested: shuyu counts one source occurrence.
        ("人民幣，離岸人民幣", "renminbi and CNH", "renminbi, offshore renminbi", terms),
        # 基金: one span, two alternatives that lowercase alike: theirs 2/2, shuyu 1/2.
        ("基金，基金", "the fund", "the fund", terms),
        # Curly quotes fold to straight ones only in shuyu.
        ("一國兩制", "“one country, two systems”", "“one country, two systems”", terms),
    ]
    cmp = wmt.compare_success_rate(docs)
    got = {(d.doc, d.term): d.reason for d in cmp.differences}
    assert got == {
        (0, "人民幣"): wmt.REASON_SRC_ONLY_NESTED,
        (1, "人民幣"): wmt.REASON_SRC_NESTED,
        (2, "基金"): wmt.REASON_DOUBLE,
        (3, "一國兩制"): wmt.REASON_FOLDED,
    }
    figures = wmt.success_rate_figures(docs)
    assert figures["differences"][wmt.REASON_DOUBLE]["examples"][0]["wmt25"] == 1.0  # type: ignore[index]


def test_term_dict_glossary_skips_blank_forms() -> None:
    g, ids = wmt.term_dict_glossary({"甲": ["A", " ", "a"], "": ["B"]})
    assert ids == {"甲": "t0"}
    assert [(t.text, t.status.value) for t in g.expanded["t0"].terms] == [("甲", "preferred"), ("A", "preferred"),
                                                                          ("a", "admitted")]


# --- WMT25 consistency ---------------------------------------------------------------------------


def test_consistency_micro_and_macro_group_by_pseudoreference() -> None:
    rows = [("a", "a"), ("a", "a"), ("b", "a"), ("c", "c"), ("x", "▁0"), ("y", "▁1")]
    assert wmt.consistency(rows, "micro") == 3 / 6
    # Groups in order of first appearance: a 2/3, c 1/1, ▁0 0, ▁1 0.
    assert wmt.consistency(rows, "macro") == (2 / 3 + 1.0 + 0.0 + 0.0) / 4
    with pytest.raises(ValueError, match="micro or macro"):
        wmt.consistency(rows, "median")
    with pytest.raises(ValueError, match="no term"):
        wmt.consistency([], "micro")


def test_pseudoref_table_reader_keeps_strings(tmp_path: Path) -> None:
    path = tmp_path / "t.tsv"
    path.write_text("\ttgt\tpseudoref_first\ttgt\tpseudoref_frequent\ttgt\tpseudoref_predefined\n"
                    "0\tnan\tnan\tnan\tnan\tnan\t▁3\n1\t\"a\tb\"\ta\tx\tx\tx\tx\n", encoding="utf-8")
    tables = wmt_data.read_pseudorefs(path)
    assert tables["first"] == [("nan", "nan"), ("a\tb", "a")]
    assert tables["predefined"] == [("nan", "▁3"), ("x", "x")]
    figures = wmt.consistency_figures({2016: tables}, {"2016": wmt.pseudoref_consistency(tables)})
    assert figures["equals_stats"] == {"2016": True}
    assert figures["mean_macro"] == {"first": 0.5, "frequent": 1.0, "predefined": 0.5}
    bad = tmp_path / "bad.tsv"
    bad.write_text("\ttgt\tpseudoref_first\n0\ta\n", encoding="utf-8")
    with pytest.raises(InputError, match="pseudoref_frequent"):
        wmt_data.read_pseudorefs(bad)
    bad.write_text(path.read_text(encoding="utf-8") + "2\ta\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad.tsv:4: 2 columns, the header has 7"):
        wmt_data.read_pseudorefs(bad)


def test_compare_published_tolerance() -> None:
    assert wmt.compare_published({"a": 1.0, "b": 2.0}, {"a": 1.0 + 1e-13, "b": 2.1, "c": 3.0}) == {"a": True, "b": False}


# --- WMT21 exact-match (Alam et al. 2021) --------------------------------------------------------


def test_alam_exact_match_claims_positions_and_uses_regular_expressions() -> None:
    segs = [
        # Three annotated 'nez' for two occurrences: the third is missed.
        ("1", "le nez qui coule , le nez", [["nez"], ["nez"], ["nez"]]),
        # Every alternative found claims a position: 'a' claims 0 and 'b' claims 2, so the second term is missed.
        ("2", "a b", [["a", "b"], ["b"]]),
        # Tokenised matching: no match inside a token, and alternatives are regular expressions.
        ("3", "symptômes, COVID-19", [["symptômes"], ["COVID.19"]]),
        ("4", "x", [["(unclosed"]]),
    ]
    em = wmt.alam_exact_match(segs)
    assert (em.correct, em.wrong, em.regex_errors) == (4, 4, 1)
    assert em.missed[0] == ("1", "nez")
    assert wmt.ExactMatch().accuracy == 0.0


def test_alam_alternatives_and_padding() -> None:
    assert wmt.alam_alternatives("症|症状", " 症状 ") == ["症", "症状"]
    assert wmt.alam_alternatives("疫情", " 流行 ") == ["疫情", "流行"]
    assert wmt.alam_pad("  a \t b ") == " a b "


def test_substring_match_needs_no_segmentation() -> None:
    segs = [("1", "这些 症状 已 持续 多长时间 ？", [["症状"]]),
            ("2", "新冠肺炎（COVID-19）疫情", [["新冠 肺炎"], ["COVID-19"], ["疫情"], ["疫情"]])]
    unsegmented = [(i, wmt.unsegment_zh(t), terms) for i, t, terms in segs]
    assert unsegmented[0][1] == "这些症状已持续多长时间？"
    assert wmt.alam_exact_match(unsegmented).correct == 0
    sm = wmt.substring_match(unsegmented)
    assert (sm.correct, sm.wrong) == (4, 1)
    # Traditional and full-width forms fold as the matcher folds them.
    assert wmt.substring_match([("1", "新冠肺炎（ＣＯＶＩＤ－19）", [["新冠 肺炎"], ["COVID-19"]])]).correct == 2


def test_parse_sgm_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no <seg>"):
        wmt_data.parse_sgm("<doc>\n</doc>\n", "x.sgm")
    with pytest.raises(InputError, match="unreadable"):
        wmt_data.parse_sgm("<seg>no id</seg>\n", "x.sgm")
    with pytest.raises(InputError, match="no such file"):
        wmt_data.read_sgm(tmp_path / "missing.sgm")


# --- The public figures --------------------------------------------------------------------------

def _docs(mode: str) -> list[wmt_data.Wmt25Doc]:
    return wmt_data.read_wmt25_docs(external("wmt25-terminology-zhen"), SYSTEM, mode)


@pytest.mark.external
@pytest.mark.parametrize(("mode", "rate"), [("proper", 0.8826445370268557), ("noterm", 0.6408928248141249)])
def test_wmt25_term_success_rate(mode: str, rate: float) -> None:
    docs = _docs(mode)
    assert len(docs) == 56
    r = wmt.wmt25_success_rate((d.src, d.hyp, d.ref, d.terms) for d in docs)
    assert r.valid == 5291
    assert math.isclose(r.rate, rate, rel_tol=0, abs_tol=1e-12)


@pytest.mark.external
@pytest.mark.slow
def test_wmt25_bleu_and_chrf() -> None:
    docs = _docs("proper")
    mt = wmt.mt_metrics([d.hyp for d in docs], [d.ref for d in docs])
    assert math.isclose(mt["BLEU"]["score"], 46.74327754116061, rel_tol=0, abs_tol=1e-12)  # type: ignore[arg-type]
    assert math.isclose(mt["chrF2++"]["score"], 75.52663012192876, rel_tol=0, abs_tol=1e-12)  # type: ignore[arg-type]
    assert "tok:13a" in str(mt["BLEU"]["signature"])
    assert "nw:2" in str(mt["chrF2++"]["signature"])


@pytest.mark.external
@pytest.mark.parametrize("mode", ["proper", "noterm"])
def test_wmt25_consistency_from_pseudorefs_equals_stats(mode: str) -> None:
    root = external("wmt25-terminology-zhen")
    stats = wmt_data.read_stats(root, mode)[SYSTEM]
    tables = {y: wmt_data.read_pseudorefs(wmt_data.pseudoref_path(root, SYSTEM, y, mode)) for y in wmt_data.ZHEN_YEARS}
    assert [len(t["first"]) for t in tables.values()][:1] == ([1118] if mode == "proper" else [len(tables[2016]["first"])])
    for year, table in tables.items():
        assert wmt.pseudoref_consistency(table) == stats[str(year)], year
    figures = wmt.consistency_figures(tables, stats)
    assert all(figures["equals_stats"].values())  # type: ignore[attr-defined]
    published = wmt_data.read_published(root)["zhen"][mode][SYSTEM]
    for kind in ("frequent", "predefined"):
        assert math.isclose(figures["mean_macro"][kind], published[f"consistency_{kind}"], rel_tol=0, abs_tol=1e-12)  # type: ignore[index]
    if mode == "proper":
        assert math.isclose(figures["mean_macro"]["frequent"], 0.9300330922771287, rel_tol=0, abs_tol=1e-12)  # type: ignore[index]


@pytest.mark.external
@pytest.mark.slow
def test_wmt25_shuyu_word_bounded_figure() -> None:
    docs = _docs("proper")
    cmp = wmt.compare_success_rate([(d.src, d.hyp, d.ref, d.terms) for d in docs])
    assert (cmp.theirs.valid, cmp.theirs.rate) == (5291, wmt.wmt25_success_rate((d.src, d.hyp, d.ref, d.terms)
                                                                                   for d in docs).rate)
    assert cmp.shuyu.valid == 4576
    assert math.isclose(cmp.shuyu.rate, 0.8756182217700004, rel_tol=0, abs_tol=1e-12)
    assert cmp.shuyu.rate < cmp.theirs.rate
    reasons = cmp.reasons()
    assert reasons[wmt.REASON_SRC_ONLY_NESTED] == 638
    assert reasons[wmt.REASON_SUBWORD] == 46
    assert wmt.REASON_OTHER not in reasons


@pytest.mark.external
def test_wmt21_eval_sample_surface_exact_match() -> None:
    root = external("wmt21-terminology-eval-sample") / "data"
    ref = wmt_data.read_sgm(root / "dev.en-fr.fr.sgm")
    hyp = wmt_data.read_sgm(root / "en-fr.dev.txt.truecased.sgm")
    assert [s.id for s in ref] == [s.id for s in hyp]
    terms = {s.id: [wmt.alam_alternatives(t.tgt, t.text) for t in s.terms] for s in ref}
    em = wmt.alam_exact_match((h.id, h.text, terms[h.id]) for h in hyp)
    assert (em.correct, em.total) == (759, 901)
    assert em.accuracy == 759 / 901


@pytest.mark.external
def test_wmt21_enzh_unsegmented() -> None:
    ref = wmt_data.read_sgm(external("wmt21-terminology-enzh") / "test.en-zh.zh.sgm")
    terms = {s.id: [wmt.alam_alternatives(t.tgt, t.text) for t in s.terms] for s in ref}
    segmented = wmt.alam_exact_match((s.id, s.text, terms[s.id]) for s in ref)
    # One miss with the segmented reference itself: term 203's alternative 流行病 claims the
    # position of term 205 (流行病) in segment 437.
    assert (segmented.correct, segmented.total, segmented.missed) == (2228, 2229, [("437", "流行病")])
    unsegmented = [(s.id, wmt.unsegment_zh(s.text), terms[s.id]) for s in ref]
    em = wmt.alam_exact_match(unsegmented)
    assert (em.correct, em.total) == (359, 2229)
    assert em.accuracy == 0.1610587707492149
    sm = wmt.substring_match(unsegmented)
    assert sm.accuracy >= 0.99
    assert (sm.correct, sm.total) == (2229, 2229)
