"""`shuyu wmt wmt25 | wmt21` through CliRunner: a tiny hand-made task folder, bad inputs, the public figures."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from typer.testing import CliRunner

from shuyu.cli import app
from tests.conftest import external

runner = CliRunner()
YEARS = (2016, 2018, 2020, 2022, 2024)
TERMS = {"金管局": ["HKMA", "Monetary Authority"], "美國": ["US"]}


def tiny_wmt25(tmp_path: Path, *, pseudorefs: bool = True) -> Path:
    """One document a year; 金管局 translated in every year, 美國 only as 'business'."""
    root = tmp_path / "wmt25"
    (root / "references").mkdir(parents=True)
    (root / "submissions").mkdir()
    for y in YEARS:
        ref = {"zh": "金管局與美國", "en": "The HKMA and the US", "proper": TERMS, "random": {}, "noterm": {}}
        hyp = {"zh": "金管局與美國", "en": "The HKMA and business", "terms": TERMS}
        (root / "references" / f"full_data_{y}.jsonl").write_text(json.dumps(ref, ensure_ascii=False) + "\n", encoding="utf-8")
        (root / "submissions" / f"S.{y}.zhen.proper.jsonl").write_text(json.dumps(hyp, ensure_ascii=False) + "\n",
                                                                       encoding="utf-8")
    if pseudorefs:
        (root / "pseudorefs").mkdir()
        (root / "stats").mkdir()
        header = "\ttgt\tpseudoref_first\ttgt\tpseudoref_frequent\ttgt\tpseudoref_predefined\n"
        rows = "0\thkma\thkma\thkma\thkma\thkma\thkma\n1\tus\tus\tus\tus\tus\t▁0\n"
        stats = {}
        for y in YEARS:
            (root / "pseudorefs" / f"S.{y}.zhen.proper.tsv_pseudoref.tsv").write_text(header + rows, encoding="utf-8")
            stats[str(y)] = {"first": {"micro": 1.0, "macro": 1.0}, "frequent": {"micro": 1.0, "macro": 1.0},
                             "predefined": {"micro": 0.5, "macro": 0.5}}
        (root / "stats" / "stats-zhen.proper.json").write_text(json.dumps({"S": stats}), encoding="utf-8")
        published = {"zhen": {"proper": {"S": {"proper_term_success_rate": 1.0, "consistency_frequent": 1.0,
                                               "consistency_predefined": 0.5}}}}
        (root / "track2_score_dict.json").write_text(json.dumps(published), encoding="utf-8")
    return root


def test_wmt25_tiny_json(tmp_path: Path) -> None:
    root = tiny_wmt25(tmp_path)
    result = runner.invoke(app, ["wmt", "wmt25", str(root), "--system", "S", "--mode", "proper", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    fig = data["modes"]["proper"]
    tsr = fig["term_success_rate"]
    # Theirs: both terms valid and found ('us' inside 'business'); shuyu: 美國 not found as a word.
    assert tsr["wmt25"] == {"valid": 10, "rate": 1.0}
    assert tsr["shuyu"] == {"valid": 10, "rate": 0.5}
    assert list(tsr["differences"]) == ["hyp: substring inside a longer word or term (not counted by shuyu)"]
    assert fig["consistency"]["equals_stats"] == dict.fromkeys(map(str, YEARS), True)
    assert fig["consistency"]["mean_macro"] == {"first": 1.0, "frequent": 1.0, "predefined": 0.5}
    assert "random_term_success_rate" not in fig  # the tiny references have an empty random dictionary
    assert fig["equals_published"] == {"proper_term_success_rate": True, "consistency_frequent": True,
                                       "consistency_predefined": True}
    assert set(fig["mt"]) == {"BLEU", "chrF2++"}


def test_wmt25_tiny_text_without_pseudorefs(tmp_path: Path) -> None:
    root = tiny_wmt25(tmp_path, pseudorefs=False)
    out_file = tmp_path / "out.txt"
    result = runner.invoke(app, ["wmt", "wmt25", str(root), "--system", "S", "--mode", "proper", "--no-mt",
                                 "-o", str(out_file)])
    assert result.exit_code == 0, result.output
    text = out_file.read_text(encoding="utf-8")
    assert "term success rate (wmt25, lowercased substrings)  1.0  over 10 valid terms" in text
    assert "term success rate (shuyu, word-bounded)           0.5  over 10 valid terms" in text
    assert "'us' in 'business'" in text
    assert "BLEU" not in text
    assert "consistency" not in text.split("shuyu counting")[0]


@pytest.mark.parametrize(("args", "message"), [
    (["wmt25", "{missing}"], "no such directory"),
    (["wmt25", "{root}", "--system", "Nobody"], "Nobody.2016.zhen.proper.jsonl: no such file"),
    (["wmt25", "{root}", "--mode", "fuzzy"], "unknown mode 'fuzzy'"),
    (["wmt25", "{root}", "--format", "xml"], "unknown format 'xml'"),
    (["wmt21", "{missing}", "{missing}"], "no such file"),
    (["wmt21", "{root}", "{root}"], "is a directory"),
])
def test_bad_inputs_one_line_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    root = tiny_wmt25(tmp_path)
    argv = ["wmt", *(a.format(missing=tmp_path / "nope", root=root) for a in args)]
    result = runner.invoke(app, argv)
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("shuyu: error: ")


def test_wmt25_mismatched_source_is_an_input_error(tmp_path: Path) -> None:
    root = tiny_wmt25(tmp_path, pseudorefs=False)
    path = root / "submissions" / "S.2018.zhen.proper.jsonl"
    path.write_text(json.dumps({"zh": "別的", "en": "x"}) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["wmt", "wmt25", str(root), "--system", "S", "--mode", "proper", "--no-mt"])
    assert result.exit_code == 2
    assert "S.2018.zhen.proper.jsonl:1: source text differs" in result.stderr


def _sgm(path: Path, segs: list[str]) -> Path:
    body = "\n".join(f'<seg id="{i}"> {s} </seg>' for i, s in enumerate(segs, start=1))
    path.write_text(f'<refset>\n<doc docid="d">\n<p>\n{body}\n</p>\n</doc>\n</refset>\n', encoding="utf-8")
    return path


def test_wmt21_tiny_chinese(tmp_path: Path) -> None:
    ref = _sgm(tmp_path / "ref.zh.sgm", [
        '这些 <term id="1" type="src_original_and_tgt_original" src="symptoms" tgt="症|症状"> 症状 </term> 已 持续 多久 ？',
        '没有 术语 。',
        '<term id="2" type="src_original_and_tgt_original" src="COVID-19" tgt="COVID - 19"> COVID - 19 </term> 疫情',
    ])
    result = runner.invoke(app, ["wmt", "wmt21", str(ref), str(ref), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["exact_match"] == {"correct": 2, "wrong": 0, "accuracy": 1.0, "regex_errors": 0}
    result = runner.invoke(app, ["wmt", "wmt21", str(ref), str(ref), "--unsegment", "--format", "json"])
    data = json.loads(result.stdout)
    assert (data["exact_match"]["correct"], data["terms"]) == (1, 2)  # 'COVID - 19' keeps its spaces
    assert data["shuyu_substring"]["correct"] == 2
    text = runner.invoke(app, ["wmt", "wmt21", str(ref), str(ref), "--unsegment"]).stdout
    assert "exact-match (Alam et al. 2021, surface only)  1/2 = 0.5" in text
    assert "shuyu substring matching (no segmentation)    2/2 = 1.0" in text


def test_wmt21_needs_shared_segment_ids(tmp_path: Path) -> None:
    ref = _sgm(tmp_path / "ref.sgm", ["a"])
    hyp = tmp_path / "hyp.sgm"
    hyp.write_text('<seg id="99"> a </seg>\n', encoding="utf-8")
    result = runner.invoke(app, ["wmt", "wmt21", str(ref), str(hyp)])
    assert result.exit_code == 2
    assert "no segment id of the hypothesis is in the reference" in result.stderr


# --- The public figures --------------------------------------------------------------------------


@pytest.mark.external
@pytest.mark.slow
def test_wmt25_public_figures_json() -> None:
    root = external("wmt25-terminology-zhen")
    # BLEU and chrF2++ are asserted in tests/test_wmt.py (slow on these long documents).
    result = runner.invoke(app, ["wmt", "wmt25", str(root), "--mode", "proper", "--no-mt", "--format", "json"])
    assert result.exit_code == 0, result.output
    fig = json.loads(result.stdout)["modes"]["proper"]
    tsr = fig["term_success_rate"]
    assert tsr["wmt25"]["valid"] == 5291
    assert math.isclose(tsr["wmt25"]["rate"], 0.8826445370268557, rel_tol=0, abs_tol=1e-12)
    assert tsr["shuyu"]["valid"] == 4576
    assert math.isclose(fig["consistency"]["mean_macro"]["frequent"], 0.9300330922771287, rel_tol=0, abs_tol=1e-12)
    assert all(fig["consistency"]["equals_stats"].values())
    assert fig["random_term_success_rate"]["valid"] == 17859
    assert math.isclose(fig["random_term_success_rate"]["rate"], 0.8806538958305274, rel_tol=0, abs_tol=1e-12)
    assert fig["equals_published"] == {"proper_term_success_rate": True, "random_term_success_rate": True,
                                       "consistency_frequent": True, "consistency_predefined": True}


@pytest.mark.external
def test_wmt21_public_figures_text() -> None:
    sample = external("wmt21-terminology-eval-sample") / "data"
    text = runner.invoke(app, ["wmt", "wmt21", str(sample / "dev.en-fr.fr.sgm"),
                               str(sample / "en-fr.dev.txt.truecased.sgm")]).stdout
    assert "exact-match (Alam et al. 2021, surface only)  759/901 = 0.8423973362930077" in text
    assert "for Chinese targets only" in text
    zh = external("wmt21-terminology-enzh") / "test.en-zh.zh.sgm"
    result = runner.invoke(app, ["wmt", "wmt21", str(zh), str(zh), "--unsegment", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["exact_match"]["correct"], data["terms"]) == (359, 2229)
    assert data["exact_match"]["accuracy"] == 0.1610587707492149
    assert data["shuyu_substring"]["accuracy"] >= 0.99
