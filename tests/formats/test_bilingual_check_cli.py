"""`shuyu check PAIRS` / `shuyu score PAIRS` end to end on bilingual files: findings at their exact place with
inline markup, partly translated XLIFF, files with no pair, TSV headers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from shuyu.cli import app

runner = CliRunner()

DEPRECATED = "Secretary of the CCP Wuxi Municipal Committee"
FINDING = f": error term-deprecated use 'Secretary of the CPC Wuxi Municipal Committee' instead of '{DEPRECATED}'"


def check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, text: str) -> tuple[int, str, str]:
    """Run `shuyu check NAME` in ``tmp_path`` on ``text`` (so that the report names the file as given)."""
    (tmp_path / name).write_text(text, encoding="utf-8", newline="")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["check", name])
    return result.exit_code, result.stdout, result.stderr


def col(text: str, line: int, sub: str) -> int:
    return text.splitlines()[line - 1].index(sub) + 1


TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
<header srclang="zh-CN"/>
<body>
<tu tuid="1">
  <tuv xml:lang="zh-CN"><seg>徐州市代表团访问。</seg></tuv>
  <tuv xml:lang="en-US"><seg>A delegation from Xuzhou visited.</seg></tuv>
</tu>
<tu tuid="2">
  <tuv xml:lang="zh-CN"><seg><bpt i="1">&lt;b&gt;</bpt>无锡市委书记<ept i="1">&lt;/b&gt;</ept>黄钦出席。</seg></tuv>
  <tuv xml:lang="en-US"><seg>Huang&#160;Qin, {b}Secretary of the CCP Wuxi Municipal Committee{eb}{br}, attended.</seg></tuv>
</tu>
</body>
</tmx>
""".format(b='<bpt i="1">&lt;b&gt;</bpt>', eb='<ept i="1">&lt;/b&gt;</ept>', br="<ph>&lt;br/&gt;</ph>")


def test_tmx_inline_markup_findings_are_at_their_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = check(tmp_path, monkeypatch, "p.tmx", TMX)
    assert code == 1, out
    # Columns count the file's characters: "&#160;" is six of them, an inline tag all of its own.
    assert (col(TMX, 11, DEPRECATED), col(TMX, 10, "无锡市委书记")) == (72, 56)
    assert f"p.tmx:11:72{FINDING}" in out.splitlines()
    assert "  source: p.tmx:10:56: " in out
    assert "p.tmx:9:1" not in out


XLIFF12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="zh-CN" target-language="en-US" datatype="plaintext" original="r.txt">
    <body>
      <trans-unit id="1"><source>徐州市代表团访问。</source>{target1}</trans-unit>
      <trans-unit id="2"><source><bx id="1"/>无锡市委书记<ex id="2"/><ph id="3">&lt;br/&gt;</ph>黄钦出席。</source>
        <target state="{review}">Huang Qin, {g}{x}Secretary of the CCP Wuxi Municipal Committee</g>, attended.</target>
      </trans-unit>
      <trans-unit id="3"><source>无锡市委书记出席。</source></trans-unit>
      <trans-unit id="4"><source>无锡市委书记出席。</source><target state="new"/></trans-unit>
      <trans-unit id="5"><source>无锡</source><target state="new">Wu Xi</target></trans-unit>
    </body>
  </file>
</xliff>
""".format(target1='<target state="translated">A delegation from Xuzhou visited.</target>', g='<g id="1">', x='<x id="4"/>',
           review="needs-review-translation")


def test_xliff12_inline_markup_and_untranslated_units(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Units 3 (no target) and 4 (an empty new one) are skipped: no term-missing for them, no input error.
    # Unit 5's target is new but has text: it is checked.
    code, out, err = check(tmp_path, monkeypatch, "p.xlf", XLIFF12)
    assert code == 1, out + err
    lines = out.splitlines()
    assert f"p.xlf:7:{col(XLIFF12, 7, DEPRECATED)}{FINDING}" in lines
    assert f"  source: p.xlf:6:{col(XLIFF12, 6, '无锡市委书记')}: " in out
    assert f"p.xlf:11:{col(XLIFF12, 11, 'Wu Xi')}: error name-romanization" in out
    assert "term-missing" not in out
    assert "note: p.xlf: 2 untranslated units skipped (no target or an empty one): 3 (line 9), 4 (line 10)" in out
    assert out.rstrip().endswith("2 errors, 0 warnings, 0 info in 1 file")


XLIFF20 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="zh-CN" trgLang="en">
  <file id="f1">
    <unit id="u1">
      <segment id="s1"><source><sc id="1"/>无锡市委书记<ec startRef="1"/>黄钦<ph id="2"/>出席。</source>
        <target>Huang Qin, <pc id="3">Secretary of the <ph id="4"/>CCP Wuxi Municipal Committee</pc>, attended.</target></segment>
      <segment id="s2" state="initial"><source>无锡市委书记出席。</source></segment>
    </unit>
  </file>
</xliff>
"""


def test_xliff20_inline_markup_and_a_segment_without_target(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, err = check(tmp_path, monkeypatch, "p.xliff", XLIFF20)
    assert code == 1, out + err
    # The term runs across <ph id="4"/>: it starts at "Secretary" and ends after "Committee".
    assert f"p.xliff:6:{col(XLIFF20, 6, 'Secretary')}{FINDING}" in out.splitlines()
    assert f"  source: p.xliff:5:{col(XLIFF20, 5, '无锡市委书记')}: " in out
    assert out.rstrip().endswith("1 error, 0 warnings, 0 info in 1 file")


def test_findings_across_an_inline_tag_end_after_their_last_character(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "p.xliff").write_text(XLIFF20, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["check", "p.xliff", "--format", "json"])
    (finding,) = json.loads(result.stdout)["findings"]
    assert (finding["line"], finding["column"]) == (6, col(XLIFF20, 6, "Secretary"))
    assert (finding["end_line"], finding["end_column"]) == (6, col(XLIFF20, 6, "Committee") + len("Committee"))


EMPTY = {
    "e.tsv": "", "e.jsonl": "", "h.tsv": "en\tzh\n",
    "e.tmx": '<?xml version="1.0"?>\n<tmx version="1.4"><header srclang="zh"/><body>\n</body></tmx>\n',
    "e.xlf": '<?xml version="1.0"?>\n<xliff version="1.2"><file source-language="zh" target-language="en"><body>\n'
             "</body></file></xliff>\n",
}


@pytest.mark.parametrize("command", ["check", "score"])
@pytest.mark.parametrize("name", sorted(EMPTY))
def test_a_file_with_no_pair_is_an_input_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str,
                                               command: str) -> None:
    (tmp_path / name).write_text(EMPTY[name], encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, [command, name] + (["--no-progress"] if command == "score" else []))
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"shuyu: error: {name}: no translation pairs in the file (")
    assert "no findings" not in result.stdout


def test_an_xliff_with_no_unit_translated_is_an_input_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = ('<?xml version="1.0"?>\n<xliff version="1.2"><file source-language="zh" target-language="en"><body>\n'
            '<trans-unit id="1"><source>无锡</source></trans-unit>\n'
            '<trans-unit id="2"><source>徐州</source><target state="needs-translation"></target></trans-unit>\n'
            "</body></file></xliff>\n")
    code, out, err = check(tmp_path, monkeypatch, "p.xlf", text)
    assert code == 2, out + err
    assert err.strip() == ("shuyu: error: p.xlf: no translated units in the file (2 untranslated units skipped) "
                           "(shuyu reads translated units only: translate some first)")


ROWS = [("徐州市代表团访问。", "A delegation from Xuzhou visited."),
        ("无锡市委书记黄钦出席。", f"Huang Qin, {DEPRECATED}, attended.")]


@pytest.mark.parametrize("header", ["en\tzh", "en-US\tzh-CN", "target\tsource"])
def test_tsv_header_with_english_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, header: str) -> None:
    text = header + "\n" + "".join(f"{en}\t{zh}\n" for zh, en in ROWS)
    code, out, err = check(tmp_path, monkeypatch, "p.tsv", text)
    assert code == 1, out + err
    assert f"p.tsv:3:{col(text, 3, DEPRECATED)}{FINDING}" in out.splitlines()
    assert f"  source: p.tsv:3:{col(text, 3, '无锡市委书记')}: " in out


def test_score_reads_a_tsv_with_english_first_header_as_the_zh_first_file(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.tsv").write_text("".join(f"{zh}\t{en}\n" for zh, en in ROWS), encoding="utf-8")
    Path("b.tsv").write_text("en\tzh\n" + "".join(f"{en}\t{zh}\n" for zh, en in ROWS), encoding="utf-8")
    reports = []
    for name in ("a.tsv", "b.tsv"):
        result = runner.invoke(app, ["score", name, "--format", "json", "--no-progress"])
        assert result.exit_code == 0, result.output
        reports.append(json.loads(result.stdout))
    a, b = reports
    assert a["corpus"] == b["corpus"]
    assert a["corpus"]["occurrences"] > 0
    assert [(c["id"], c["renderings"]) for c in a["concepts"]] == [(c["id"], c["renderings"]) for c in b["concepts"]]
