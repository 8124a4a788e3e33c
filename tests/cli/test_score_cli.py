"""`shuyu score` through CliRunner: formats, --jobs parity, HTML escaping, sacrebleu figures."""

from __future__ import annotations

import importlib
import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from shuyu.cli import app
from shuyu.formats import bilingual
from tests.conftest import TINY
from tests.conftest import external

runner = CliRunner()
score_cli = importlib.import_module("shuyu.cli.score")  # the module (shuyu.cli.score is also the command)
G = ["--no-bundled", "-g", str(TINY)]


def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "c.tsv"
    rows = ["zh\ten"] + [f"无锡市委书记黄钦出席第{i}次会议。\tHuang Qin, Secretary of the CPC Wuxi Municipal Committee, "
                         f"attended meeting {i}." for i in range(1, 40)]
    rows.append("无锡市委书记<b>黄钦</b>。\tParty Secretary of Wuxi <script>alert(1)</script>")
    # the glossary form missing: the English used is found by alignment (shuyu.metrics)
    rows += ["无锡市委书记黄钦讲话。\tHuang Qin, Party chief of Wuxi, spoke."] * 2
    rows.append("无锡市委书记黄钦讲话。\tHuang Qin, Party chief of <script>Wuxi</script> spoke.")
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_json_schema_and_figures(tmp_path: Path) -> None:
    result = runner.invoke(app, ["score", str(corpus(tmp_path)), "--format", "json", *G])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"schema", "concepts", "corpus", "signature"}
    (concept,) = data["concepts"]
    assert concept["id"] == "municipal-party-secretary@wuxi"
    assert concept["occurrences"] == 43
    assert concept["renderings"] == {"Secretary of the CPC Wuxi Municipal Committee": 39, "missing": 3,
                                     "Party Secretary of Wuxi": 1}
    assert concept["consistency"] == 39 / 43
    assert concept["accuracy"] == 40 / 43
    assert concept["missing_renderings"] == {"Party chief of Wuxi": 2, "Party chief of <script>Wuxi": 1}
    assert concept["missing_examples"] == {"Party chief of <script>Wuxi": ["c.tsv:44"],
                                           "Party chief of Wuxi": ["c.tsv:42", "c.tsv:43"]}
    assert concept["missing_unaligned"] == 0
    assert data["corpus"]["occurrences"] == 43
    assert data["signature"]["glossary"]


@pytest.mark.parametrize("forked", [True, False], ids=["workers-inherit-glossary", "workers-load-glossary"])
def test_jobs_give_identical_results(tmp_path: Path, forked: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    # Forked workers score with the glossary the parent loaded; other start methods load it in each worker.
    monkeypatch.setattr("shuyu.cli._pool.inherits_memory", lambda context: forked)
    path = corpus(tmp_path)
    one = runner.invoke(app, ["score", str(path), "--format", "json", *G]).stdout
    two = runner.invoke(app, ["score", str(path), "--format", "json", "--jobs", "2", *G]).stdout
    assert one == two


def _worker_loads() -> int:
    return score_cli._WORKER["scorer"].matcher._volume


@pytest.mark.parametrize("forked", [True, False])
def test_forked_workers_use_the_parents_glossary(tmp_path: Path, forked: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    # Each load is numbered in its matcher: a forked worker sees the parent's (load 1) and loads none;
    # a worker that loads its own continues the parent's count (load 2). The worker reports which it has.
    from shuyu.cache import load_with_matcher

    monkeypatch.setattr("shuyu.cli._pool.inherits_memory", lambda context: forked)
    loads = [0]

    def numbered(paths: list[str], *, bundled: bool):  # type: ignore[no-untyped-def]
        g, m = load_with_matcher(paths, bundled=bundled)
        loads[0] += 1
        m.expect(loads[0])
        return g, m

    monkeypatch.setattr(score_cli, "load_with_matcher", numbered)
    g, m = numbered([str(TINY)], bundled=False)
    with score_cli.worker_pool(1, lambda: score_cli._share(g, m), score_cli._init, ([str(TINY)], False)) as pool:
        assert pool.submit(_worker_loads).result() == (1 if forked else 2)
    score_cli._WORKER.pop("scorer", None)


def test_html_report_is_offline_and_escaped(tmp_path: Path) -> None:
    html_file = tmp_path / "r.html"
    result = runner.invoke(app, ["score", str(corpus(tmp_path)), "--html", str(html_file), *G])
    assert result.exit_code == 0
    page = html_file.read_text(encoding="utf-8")
    assert "<svg" in page
    assert "<script" not in page
    assert "&ldquo;Party chief of &lt;script&gt;Wuxi&rdquo;: 1" in page
    assert "&ldquo;Party chief of Wuxi&rdquo;: 2 <small>(e.g. c.tsv:42, c.tsv:43)</small>" in page
    assert re.search(r"<p>Number agreement [0-9.]+ \([0-9]+ numbers\); date agreement [0-9.]+ \([0-9]+ dates\)\.</p>", page)
    assert "http://" not in page
    assert "https://" not in page


def test_text_and_csv(tmp_path: Path) -> None:
    path = corpus(tmp_path)
    text = runner.invoke(app, ["score", str(path), *G]).stdout
    assert f"term accuracy    micro {40 / 43:.4f}" in text
    assert "| shuyu:0.1.0|glossary:" in text
    assert "missing: Party chief of Wuxi (2), Party chief of <script>Wuxi (1)\n" in text
    csv_out = runner.invoke(app, ["score", str(path), "--format", "csv", *G]).stdout
    header, row = csv_out.splitlines()
    assert header == "id,zh,occurrences,accuracy,consistency,renderings,missing_renderings,missing_unaligned"
    assert row.startswith("municipal-party-secretary@wuxi,无锡市委书记,43,0.9302,0.9070,")
    assert row.endswith(',"{""Party chief of Wuxi"": 2, ""Party chief of <script>Wuxi"": 1}",0')


def test_bad_inputs(tmp_path: Path) -> None:
    assert runner.invoke(app, ["score", *G]).exit_code == 2
    bad = tmp_path / "x.tsv"
    bad.write_text("a\tb\tc\td\n", encoding="utf-8")
    result = runner.invoke(app, ["score", str(bad), *G])
    assert result.exit_code == 2
    assert "x.tsv:1: expected 2 or 3 tab-separated columns" in result.stderr


def test_newstest_sacrebleu_figures_unchanged() -> None:
    # shuyu passes sacrebleu's figures through unchanged: equal to sacrebleu's own on this interpreter, and
    # to the figures pinned here up to the last digits (on Python 3.13 the en-zh BLEU comes out 2e-14 higher).
    from sacrebleu.metrics import BLEU
    from sacrebleu.metrics import CHRF

    root = external("wmt21-newstest-zhen")
    hyp, ref = root / "system-outputs" / "newstest2021.zh-en.hyp.Online-B.en", root / "references" / "newstest2021.zh-en.ref.A.en"
    zh_en = runner.invoke(app, ["score", "--hyp", str(hyp), "--ref", str(ref), "--format", "json", *G])
    mt = json.loads(zh_en.stdout)["mt"]
    hyp_lines, ref_lines = hyp.read_text(encoding="utf-8").splitlines(), ref.read_text(encoding="utf-8").splitlines()
    assert mt["BLEU"]["score"] == BLEU().corpus_score(hyp_lines, [ref_lines]).score
    assert mt["chrF"]["score"] == CHRF().corpus_score(hyp_lines, [ref_lines]).score
    assert mt["BLEU"]["score"] == pytest.approx(32.41391916722605, rel=1e-12)
    assert mt["chrF"]["score"] == pytest.approx(61.33811623149186, rel=1e-12)
    hyp, ref = root / "system-outputs" / "newstest2021.en-zh.hyp.Online-B.zh", root / "references" / "newstest2021.en-zh.ref.A.zh"
    en_zh = runner.invoke(app, ["score", "--hyp", str(hyp), "--ref", str(ref), "--format", "json", *G])
    mt = json.loads(en_zh.stdout)["mt"]
    hyp_lines, ref_lines = hyp.read_text(encoding="utf-8").splitlines(), ref.read_text(encoding="utf-8").splitlines()
    assert mt["BLEU"]["score"] == BLEU(tokenize="zh").corpus_score(hyp_lines, [ref_lines]).score
    assert mt["BLEU"]["score"] == pytest.approx(36.02030032157105, rel=1e-12)
    assert "tok:zh" in mt["BLEU"]["signature"]


SUGGEST_ROWS = [
    "无锡市委书记黄钦讲话。\tHuang Qin, Party chief of Wuxi, spoke.",
    "无锡市委书记黄钦讲话。\tHuang Qin, Party chief of Wuxi, spoke.",
    "徐州市委书记周铁根讲话。\tZhou Tiegen, Party chief of Xuzhou, spoke.",
    "中国共产党成立。\tThe Communist Party was founded.",
    "中国共产党成立。\tThe Communist Party was founded.",
    "无锡市委书记黄钦讲话。\tHuang Qin, Party chief of Wu Xi, spoke.",  # the place misspelt: not proposed
    "无锡市委书记黄钦讲话。\tHuang Qin, Secretary of the CPC Wuxi Municipal Committee, spoke.",
]


def test_suggest_writes_proposals_that_glossary_import_reads(tmp_path: Path) -> None:
    path = tmp_path / "c.tsv"
    path.write_text("\n".join(SUGGEST_ROWS) + "\n", encoding="utf-8")
    out = tmp_path / "proposals.csv"
    result = runner.invoke(app, ["score", str(path), "--suggest", str(out), "--format", "json", *G])
    assert result.exit_code == 0, result.output
    assert "wrote " in result.stderr
    assert "2 proposal(s)" in result.stderr
    json.loads(result.stdout)  # stdout stays one JSON object
    # "Party chief of Wuxi" (2) and "... of Xuzhou" (1) add up on the template, the place as {Place}
    assert out.read_text(encoding="utf-8") == (
        "concept_id,lang,term,status,count,examples\n"
        "cpc,en,Communist Party,deprecated,2,c.tsv:4 | c.tsv:5\n"
        "municipal-party-secretary,en,Party chief of {Place},deprecated,3,c.tsv:1 | c.tsv:2 | c.tsv:3\n")
    preview = runner.invoke(app, ["glossary", "import", str(out), *G])
    assert preview.exit_code == 0, preview.output
    assert preview.stdout.splitlines() == ["~ cpc: + en deprecated 'Communist Party'",
                                           "~ municipal-party-secretary: + en deprecated 'Party chief of {Place}'"]
    assert "columns not imported: count, examples" in preview.stderr
    assert "2 change(s); run again with --apply" in preview.stderr
    assert not list(tmp_path.glob(".proposals.csv.*"))  # written atomically, no temporary left


def test_suggest_options_and_applied_proposals(tmp_path: Path) -> None:
    path = tmp_path / "c.tsv"
    path.write_text("\n".join(SUGGEST_ROWS) + "\n", encoding="utf-8")
    out = tmp_path / "p.csv"
    result = runner.invoke(app, ["score", str(path), "--suggest", str(out), "--suggest-min", "3", "--suggest-status",
                                 "admitted", *G])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").splitlines()[1:] == [
        "municipal-party-secretary,en,Party chief of {Place},admitted,3,c.tsv:1 | c.tsv:2 | c.tsv:3"]
    assert runner.invoke(app, ["score", str(path), "--suggest", str(out), "--suggest-status", "maybe", *G]).exit_code == 2
    # applied to a copy of the glossary, the proposal is a glossary form: the same corpus now finds it
    layer = tmp_path / "g"
    shutil.copytree(TINY, layer)
    applied = runner.invoke(app, ["glossary", "import", str(out), "--apply", "--no-bundled", "-g", str(layer)])
    assert applied.exit_code == 0, applied.output
    again = json.loads(runner.invoke(app, ["score", str(path), "--format", "json", "--no-bundled", "-g",
                                           str(layer)]).stdout)
    wuxi = next(c for c in again["concepts"] if c["id"] == "municipal-party-secretary@wuxi")
    assert wuxi["renderings"] == {"Party chief of Wuxi": 2, "Secretary of the CPC Wuxi Municipal Committee": 1,
                                  "missing": 1}
    assert wuxi["statuses"] == {"admitted": 2, "missing": 1, "preferred": 1}
    assert wuxi["missing_renderings"] == {"Party chief of Wu Xi": 1}


def test_progress_bar_only_on_a_terminal(tmp_path: Path, monkeypatch) -> None:
    path = corpus(tmp_path)
    quiet = runner.invoke(app, ["score", str(path), "--format", "json", *G])
    assert quiet.exit_code == 0
    assert quiet.stderr == ""  # CliRunner's stderr is not a terminal: no progress text at all
    monkeypatch.setattr(score_cli, "_stderr_is_tty", lambda: True)
    for jobs in ("1", "2"):
        shown = runner.invoke(app, ["score", str(path), "--format", "json", "--jobs", jobs, *G])
        assert shown.exit_code == 0
        assert "scoring" in shown.stderr
        assert "pairs" in shown.stderr
        assert json.loads(shown.stdout)["corpus"]["pairs"] == 43  # never in the JSON on stdout
    off = runner.invoke(app, ["score", str(path), "--format", "json", "--no-progress", *G])
    assert off.stderr == ""


def test_jobs_identical_across_many_chunks_with_pruning(tmp_path: Path, monkeypatch) -> None:
    # Small chunks and a tight bound on missing forms, so merging and pruning happen many times:
    # one process and two give the same bytes.
    monkeypatch.setattr(score_cli, "CHUNK", 4)
    monkeypatch.setattr(score_cli, "MAX_MISSING_FORMS", 2)
    words = ["Alpha", "Beta", "Alpha", "Gamma", "Alpha", "Delta", "Beta", "Eps", "Beta", "Zeta", "Alpha"] * 3
    path = tmp_path / "c.tsv"
    path.write_text("".join(f"无锡市委书记出席第{i}次会议。\tParty chief {w} of Wuxi attended meeting {i}.\n"
                            for i, w in enumerate(words)), encoding="utf-8")
    one = runner.invoke(app, ["score", str(path), "--format", "json", *G])
    two = runner.invoke(app, ["score", str(path), "--format", "json", "--jobs", "2", *G])
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout
    (concept,) = json.loads(one.stdout)["concepts"]
    assert concept["renderings"] == {"missing": 33}
    assert concept["missing_renderings"] == {"Party chief Alpha of Wuxi": 12, "Party chief Beta of Wuxi": 9}
    # Gamma, Delta, Eps, Zeta (3 each) were pruned at chunk ends: counts are kept for the forms that recur most
    assert concept["missing_examples"]["Party chief Alpha of Wuxi"] == ["c.tsv:1", "c.tsv:3", "c.tsv:5"]


def _parsed(items) -> list[list[tuple[str, str, str]]]:  # type: ignore[no-untyped-def]
    """The pairs of ``_work_items`` chunks, parsed as a worker parses them."""
    out = []
    for parts, n in items:
        pairs: list[tuple[str, str, str]] = []
        for part in parts:
            if isinstance(part, score_cli._Lines):
                path = Path(part.path)
                numbered = enumerate(part.lines, part.first)
                pairs += [(f"{path.name}:{p.id}", p.zh, p.en)
                          for p in bilingual.parse_lines(path, part.fmt, numbered)]
            else:
                pairs += part
        assert len(pairs) == n
        out.append(pairs)
    return out


def test_work_items_are_the_chunks_of_one_process(tmp_path: Path, monkeypatch) -> None:
    # Blank lines, a header, CRLF and lone CR, a JSONL file, a TMX file and a directory of releases, with
    # chunks that straddle files and blocks: the workers get exactly the pairs and chunks one process scores.
    monkeypatch.setattr(bilingual, "_BLOCK", 64)  # many small blocks
    tsv = tmp_path / "a.tsv"
    tsv.write_bytes("id\tzh\ten\r\n1\t无锡\tWuxi\r\n\r\n  \n2\t徐州\tXuzhou\r3\t南京\tNanjing\n\n\n".encode()
                    + "".join(f"{i}\t第{i}条\tItem {i}\n" for i in range(4, 40)).encode())
    jsonl = tmp_path / "b.jsonl"
    jsonl.write_text("".join(json.dumps({"zh": f"中{i}", "en": f"en {i}"}) + ("\n\n" if i % 3 else "\n")
                             for i in range(25)), encoding="utf-8")
    two = tmp_path / "c.tsv"
    two.write_text("zh\ten\n" + "".join(f"两列{i}\ttwo {i}\n" for i in range(30)), encoding="utf-8")
    tmx = tmp_path / "d.tmx"
    tmx.write_text('<?xml version="1.0"?>\n<tmx version="1.4"><header/><body>\n' + "".join(
        f'<tu><tuv xml:lang="zh"><seg>记{i}</seg></tuv><tuv xml:lang="en"><seg>tu {i}</seg></tuv></tu>\n'
        for i in range(7)) + "</body></tmx>\n", encoding="utf-8")
    releases = tmp_path / "rel"
    releases.mkdir()
    (releases / "x.zh.txt").write_text("无锡市委书记出席。\n第二行", encoding="utf-8")
    (releases / "x.en.txt").write_text("The Wuxi party chief attended.\nLine two", encoding="utf-8")
    paths = [tsv, jsonl, two, tmx, releases, tsv]
    for size in (1, 4, 5, 13, 5000):
        expected = [list(c) for c in score_cli.chunks(score_cli.corpus_pairs(paths), size)]
        assert _parsed(score_cli._work_items(paths, size)) == expected, size
        assert all(isinstance(p, score_cli._Lines) for parts, _ in score_cli._work_items([tsv, jsonl], 4)
                   for p in parts)


def test_jobs_report_the_first_bad_line_as_one_process_does(tmp_path: Path, monkeypatch) -> None:
    # A bad column count early (found by a worker) and undecodable bytes later (found by the parent's
    # reading, past the first block that settles the encoding): both runs name the first; then a file with
    # only the late error.
    monkeypatch.setattr(score_cli, "CHUNK", 1000)  # the parent reaches the bad byte before any result
    good = "无锡市委书记出席。\tThe Wuxi party chief attended.\n"
    path = tmp_path / "bad.tsv"
    path.write_bytes((good * 4 + "only one column\n" + good * 2000).encode() + b"\xff\xfe\tx\n")
    for jobs in ("1", "2"):
        result = runner.invoke(app, ["score", str(path), *G, "--jobs", jobs])
        assert result.exit_code == 2
        assert "bad.tsv:5: expected 2 or 3 tab-separated columns, found 1" in result.stderr, jobs
    late = tmp_path / "late.tsv"
    late.write_bytes((good * 2000).encode() + b"\xff\xfe\tx\n")
    outputs = {runner.invoke(app, ["score", str(late), *G, "--jobs", jobs]).stderr for jobs in ("1", "2")}
    (message,) = outputs
    assert "late.tsv:2001:1: cannot decode as UTF-8 at byte" in message


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_corpus_with_its_sides_swapped_is_an_input_error(tmp_path: Path, jobs: str) -> None:
    # Scored anyway, every figure was 0 with nothing to say why.
    path = tmp_path / "swapped.tsv"
    lines = corpus(tmp_path).read_text(encoding="utf-8").splitlines()[1:]
    path.write_text("".join("\t".join(reversed(line.split("\t"))) + "\n" for line in lines), encoding="utf-8")
    result = runner.invoke(app, ["score", str(path), *G, "--jobs", jobs])
    assert result.exit_code == 2
    assert result.stderr.strip() == (f"shuyu: error: {path}: the Chinese side holds no Chinese and the English side "
                                     "is Chinese: the sides look swapped (give the Chinese first: zh then en columns, "
                                     "or --src with the Chinese source)")


def test_hyp_scoring_with_an_english_src_is_an_input_error(tmp_path: Path) -> None:
    lines = corpus(tmp_path).read_text(encoding="utf-8").splitlines()[1:]
    zh, en = tmp_path / "zh.txt", tmp_path / "en.txt"
    zh.write_text("".join(line.split("\t")[0] + "\n" for line in lines), encoding="utf-8")
    en.write_text("".join(line.split("\t")[1] + "\n" for line in lines), encoding="utf-8")
    assert runner.invoke(app, ["score", "--src", str(zh), "--hyp", str(en), "--ref", str(en), *G]).exit_code == 0
    result = runner.invoke(app, ["score", "--src", str(en), "--hyp", str(zh), "--ref", str(zh), *G])
    assert result.exit_code == 2
    assert "the sides look swapped" in result.stderr


def test_a_directory_without_releases_is_an_input_error(tmp_path: Path) -> None:
    # Scored anyway, it printed a report of zeros and exit 0.
    (tmp_path / "notes.txt").write_text("nothing to pair\n", encoding="utf-8")
    (tmp_path / "only.zh.txt").write_text("无锡\n", encoding="utf-8")  # no only.en.txt beside it
    for jobs in ("1", "2"):
        result = runner.invoke(app, ["score", str(tmp_path), "--jobs", jobs])
        assert result.exit_code == 2
        assert result.stderr.strip() == (f"shuyu: error: {tmp_path}: no releases in the directory (it should hold "
                                         "pairs of files such as NAME.zh.txt and NAME.en.txt)")


# --- distinct renderings, ties, empty figures, unpaired release files -------------------------------------

def _tsv(tmp_path: Path, name: str, rows: list[str]) -> Path:
    path = tmp_path / name
    path.write_text("".join(row + "\n" for row in rows), encoding="utf-8")
    return path


def _body(text: str) -> list[str]:
    """The report's lines without their signatures."""
    return [line.split(" | shuyu:")[0] for line in text.splitlines()]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_consistency_counts_each_missing_form_as_a_rendering(tmp_path: Path, jobs: str) -> None:
    # Was "0.0% 100.0%  missing (3)" and consistency micro 1.0000 with three different renderings listed.
    path = _tsv(tmp_path, "c.tsv", ["无锡市委书记黄钦出席。\tParty chief of Wuxi", "无锡市委书记黄钦出席。\tWuxi Party boss",
                                    "无锡市委书记黄钦出席。\ttop leader of Wuxi"])
    text = runner.invoke(app, ["score", str(path), *G, "--jobs", jobs]).stdout
    assert _body(text) == [
        "concept                                         occ    acc   cons  top rendering",
        "municipal-party-secretary@wuxi                    3   0.0%  33.3%  missing: Party chief of Wuxi (1)",
        "                                                                   missing: Party chief of Wuxi (1), Wuxi Party "
        "boss (1), leader of Wuxi (1)",
        "",
        "term accuracy    micro 0.0000  macro 0.0000  (3 occurrences of 1 concepts in 3 pairs)",
        "term consistency micro 0.3333  macro 0.3333",
        "number agreement 1.0000 (0 numbers)  date agreement 1.0000 (0 dates)",
    ]
    data = json.loads(runner.invoke(app, ["score", str(path), *G, "--jobs", jobs, "-f", "json"]).stdout)
    assert data["concepts"][0]["consistency"] == 1 / 3
    assert (data["corpus"]["consistency_micro"], data["corpus"]["consistency_macro"]) == (1 / 3, 1 / 3)
    csv_row = runner.invoke(app, ["score", str(path), *G, "--jobs", jobs, "-f", "csv"]).stdout.splitlines()[1]
    assert csv_row.startswith("municipal-party-secretary@wuxi,无锡市委书记,3,0.0000,0.3333,")


def test_a_tie_shows_the_preferred_form(tmp_path: Path) -> None:
    secretary = "Secretary of the CPC Wuxi Municipal Committee"
    path = _tsv(tmp_path, "t.tsv", [f"无锡市委书记黄钦出席。\tHuang Qin, {secretary}, attended."] * 2
                + ["无锡市委书记黄钦出席。\tHuang Qin, Party chief of Wuxi, attended."] * 2)
    lines = _body(runner.invoke(app, ["score", str(path), *G]).stdout)
    assert lines[1] == f"municipal-party-secretary@wuxi                    4  50.0%  50.0%  {secretary} (2)"


def test_no_occurrence_is_no_figure(tmp_path: Path) -> None:
    # Read "accuracy_micro": 0.0 beside number and date agreement 1.0.
    path = _tsv(tmp_path, "e.tsv", ["今天天气很好。\tThe weather is fine today."])
    result = runner.invoke(app, ["score", str(path), *G, "--html", str(tmp_path / "e.html")])
    assert _body(result.stdout)[2:] == [
        "term accuracy    micro n/a  macro n/a  (0 occurrences of 0 concepts in 1 pairs)",
        "term consistency micro n/a  macro n/a",
        "number agreement 1.0000 (0 numbers)  date agreement 1.0000 (0 dates)",
    ]
    page = (tmp_path / "e.html").read_text(encoding="utf-8")
    assert "Accuracy micro n/a, macro n/a; consistency micro n/a, macro n/a." in page
    corpus_ = json.loads(runner.invoke(app, ["score", str(path), *G, "-f", "json"]).stdout)["corpus"]
    assert {k: corpus_[k] for k in ("accuracy_micro", "accuracy_macro", "consistency_micro", "consistency_macro",
                                    "number_agreement")} == {
        "accuracy_micro": None, "accuracy_macro": None, "consistency_micro": None, "consistency_macro": None,
        "number_agreement": 1.0}
    assert runner.invoke(app, ["score", str(path), *G, "-f", "csv"]).stdout == (
        "id,zh,occurrences,accuracy,consistency,renderings,missing_renderings,missing_unaligned\n")


def test_hyp_and_ref_without_src_show_no_term_figures(tmp_path: Path) -> None:
    hyp, ref, src = tmp_path / "h.en", tmp_path / "r.en", tmp_path / "s.zh"
    hyp.write_text("Huang Qin, Party chief of Wuxi, spoke.\n", encoding="utf-8")
    ref.write_text("Huang Qin, Secretary of the CPC Wuxi Municipal Committee, spoke.\n", encoding="utf-8")
    src.write_text("无锡市委书记黄钦讲话。\n", encoding="utf-8")
    lines = _body(runner.invoke(app, ["score", "--hyp", str(hyp), "--ref", str(ref), *G]).stdout)
    assert [line.split(" ")[0] for line in lines] == ["number", "BLEU", "chrF"]
    assert lines[0] == "number agreement 1.0000 (0 numbers)  date agreement 1.0000 (0 dates)"
    data = json.loads(runner.invoke(app, ["score", "--hyp", str(hyp), "--ref", str(ref), *G, "-f", "json"]).stdout)
    assert (data["concepts"], data["corpus"]["accuracy_micro"], data["corpus"]["consistency_macro"]) == ([], None, None)
    with_src = _body(runner.invoke(app, ["score", "--src", str(src), "--hyp", str(hyp), "--ref", str(ref), *G]).stdout)
    assert with_src[4:6] == ["term accuracy    micro 0.0000  macro 0.0000  (1 occurrences of 1 concepts in 1 pairs)",
                             "term consistency micro 1.0000  macro 1.0000"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_release_files_without_their_translation_are_noted(tmp_path: Path, jobs: str) -> None:
    # Were skipped without a word.
    releases = tmp_path / "rel"
    (releases / "sub").mkdir(parents=True)
    (releases / "a.zh.txt").write_text("无锡市委书记黄钦出席。\n", encoding="utf-8")
    (releases / "a.en.txt").write_text("Huang Qin, Party Secretary of Wuxi, attended.\n", encoding="utf-8")
    clean = runner.invoke(app, ["score", str(releases), *G, "--jobs", jobs, "-f", "json"])
    assert (clean.exit_code, clean.stderr) == (0, "")
    (releases / "orphan.zh.txt").write_text("徐州市委书记周铁根出席。\n", encoding="utf-8")
    result = runner.invoke(app, ["score", str(releases), *G, "--jobs", jobs, "-f", "json"])
    assert result.exit_code == 0
    assert result.stderr == f"note: {releases}: 1 file without its translation skipped: orphan.zh.txt\n"
    assert result.stdout == clean.stdout
    (releases / "sub" / "b.en.md").write_text("Zhou Tiegen attended.\n", encoding="utf-8")
    result = runner.invoke(app, ["score", str(releases), *G, "--jobs", jobs, "-f", "json"])
    assert result.stderr == f"note: {releases}: 2 files without their translation skipped: orphan.zh.txt, sub/b.en.md\n"
    assert result.stdout == clean.stdout


def test_suggest_leaves_out_misspelt_places_and_other_concepts_forms(tmp_path: Path) -> None:
    # Proposed "mayor,en,Mayor of Xu Zhou", "municipal-party-secretary,en,Party chief of Wu Xi" and, at
    # --suggest-min 1, "mayor,en,{Place} Municipal Committee".
    path = _tsv(tmp_path, "h.tsv", ["徐州市长庄兆林出席。\tZhuang Zhaolin, Mayor of Xu Zhou, attended."] * 2
                + ["无锡市委书记黄钦出席。\tHuang Qin, Party chief of Wu Xi, attended."] * 2
                + ["无锡市长杜小刚出席。\tDu Xiaogang, Secretary of the CPC Wuxi Municipal Committee, attended."])
    out = tmp_path / "h.csv"
    for least in ("1", "2"):
        result = runner.invoke(app, ["score", str(path), "--suggest", str(out), "--suggest-min", least, *G])
        assert result.exit_code == 0, result.output
        assert "wrote " + str(out) + ": 0 proposal(s)" in result.stderr
        assert out.read_text(encoding="utf-8") == "concept_id,lang,term,status,count,examples\n"


def test_html_report_carries_the_mt_figures(tmp_path: Path) -> None:
    # The page left out BLEU and chrF, which the text and JSON reports give.
    hyp, ref = tmp_path / "h.en", tmp_path / "r.en"
    hyp.write_text("The mayor of Wuxi met the delegation.\nIt rained.\n", encoding="utf-8")
    ref.write_text("The Mayor of Wuxi met the delegation.\nIt rained today.\n", encoding="utf-8")
    html_file = tmp_path / "r.html"
    result = runner.invoke(app, ["score", "--hyp", str(hyp), "--ref", str(ref), "--format", "json", "--html",
                                 str(html_file), *G])
    assert result.exit_code == 0, result.output
    mt = json.loads(result.stdout)["mt"]
    page = html_file.read_text(encoding="utf-8")
    for name in ("BLEU", "chrF"):
        assert f"<li>{name} {mt[name]['score']:.4f} <small>" in page
