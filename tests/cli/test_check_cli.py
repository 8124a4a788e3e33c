"""`shuyu check` through CliRunner: the README's main command, pair files, encodings, exit codes, cache."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from shuyu.cli import app

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[2]
RELEASES = ROOT / "corpus" / "releases"


def test_readme_main_command_shows_real_findings() -> None:
    result = runner.invoke(app, ["check", str(RELEASES / "01-delegation.zh.txt"), str(RELEASES / "01-delegation.en.txt")])
    assert result.exit_code == 1
    assert "error term-deprecated use 'Secretary of the CPC Wuxi Municipal Committee' instead of" in result.stdout
    assert "source: " in result.stdout
    assert result.stdout.rstrip().endswith("4 errors, 0 warnings, 0 info in 1 file")
    # The README's sample output is what the command prints, line for line.
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    sample = readme.split("gives the approved form and the Chinese it comes from:\n\n```\n", 1)[1].split("```", 1)[0]
    shown = [line for line in sample.splitlines() if line != "…"]
    assert len(shown) == 6
    assert all(line in result.stdout.splitlines() for line in shown)


def test_clean_release_exits_0() -> None:
    result = runner.invoke(app, ["check", str(RELEASES / "05-traditional.zh.txt"), str(RELEASES / "05-traditional.en.txt")])
    assert result.exit_code == 0, result.stdout
    assert "no findings" in result.stdout


@pytest.mark.parametrize("suffix", ["tsv", "jsonl", "tmx", "xlf"])
def test_bilingual_files_point_at_the_pair_line(tmp_path: Path, suffix: str) -> None:
    zh, en = "无锡市委书记黄钦出席。", "Huang Qin, Secretary of the CCP Wuxi Municipal Committee, attended."
    ok_zh, ok_en = "徐州市代表团访问。", "A delegation from Xuzhou visited."
    if suffix == "tsv":
        text = f"{ok_zh}\t{ok_en}\n{zh}\t{en}\n"
    elif suffix == "jsonl":
        text = json.dumps({"id": "1", "zh": ok_zh, "en": ok_en}, ensure_ascii=False) + "\n" + json.dumps(
            {"id": "2", "zh": zh, "en": en}, ensure_ascii=False) + "\n"
    elif suffix == "tmx":
        tu = '<tu><tuv xml:lang="zh-CN"><seg>{}</seg></tuv><tuv xml:lang="en-US"><seg>{}</seg></tuv></tu>'
        text = ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="zh-CN"/><body>\n'
                + tu.format(ok_zh, ok_en) + "\n" + tu.format(zh, en) + "\n</body></tmx>\n")
    else:
        unit = '<trans-unit id="{}"><source>{}</source><target>{}</target></trans-unit>'
        text = ('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2"><file source-language="zh-CN" '
                'target-language="en" datatype="plaintext" original="x"><body>\n' + unit.format(1, ok_zh, ok_en) + "\n"
                + unit.format(2, zh, en) + "\n</body></file></xliff>\n")
    path = tmp_path / f"pairs.{suffix}"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["check", str(path), "--format", "json"])
    assert result.exit_code == 1, result.output
    (finding,) = json.loads(result.stdout)["findings"]
    assert finding["rule"] == "term-deprecated"
    assert text.splitlines()[finding["line"] - 1].find("CCP") != -1


@pytest.mark.parametrize(("encoding", "source"), [("utf-8-sig", "无锡市委书记黄钦出席。"), ("utf-16", "无锡市委书记黄钦出席。"),
                                                  ("gb18030", "无锡市委书记黄钦出席。"), ("big5hkscs", "無錫市委書記黃欽出席。")])
def test_source_encodings(tmp_path: Path, encoding: str, source: str) -> None:
    # Clean (exit 0) only when the source was read right: else 无锡市委书记 is missing from the English.
    zh = tmp_path / "s.txt"
    zh.write_bytes(source.encode(encoding))
    en = tmp_path / "t.txt"
    en.write_text("Huang Qin, Secretary of the CPC Wuxi Municipal Committee, attended.", encoding="utf-8")
    result = runner.invoke(app, ["check", str(zh), str(en)])
    assert result.exit_code == 0, result.output


def test_undecodable_file_names_the_byte(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Huang Qin \xff\xfe\x00\xd8 broken \x80")
    result = runner.invoke(app, ["check", str(bad), str(bad)])
    assert result.exit_code == 2
    assert "byte 10" in result.stderr
    assert result.stderr.count("\n") == 1


def test_japanese_file_is_refused_by_name(tmp_path: Path) -> None:
    # Shift_JIS bytes decode as GB18030 too, into Chinese-looking nonsense: one line, exit 2.
    ja = tmp_path / "ja.txt"
    ja.write_bytes("無錫市の代表団は本日、徐州市を訪問しました。".encode("shift_jis"))
    en = tmp_path / "en.txt"
    en.write_text("The Wuxi delegation visited Xuzhou today.", encoding="utf-8")
    result = runner.invoke(app, ["check", str(ja), str(en)])
    assert result.exit_code == 2
    assert result.stderr == (f"shuyu: error: {ja}: reads as Japanese (Shift_JIS), not as Chinese (shuyu reads UTF-8, UTF-16, "
                             "GB18030 and Big5: save the file as UTF-8)\n")


def test_usage_errors() -> None:
    assert runner.invoke(app, ["check", str(RELEASES / "01-delegation.zh.txt")]).exit_code == 2
    result = runner.invoke(app, ["check", "missing.txt", "missing2.txt"])
    assert result.exit_code == 2
    assert "missing.txt: no such file" in result.stderr
    bad_format = runner.invoke(app, ["check", str(RELEASES / "05-traditional.zh.txt"),
                                     str(RELEASES / "05-traditional.en.txt"), "--format", "xml"])
    assert bad_format.exit_code == 2


def test_second_run_loads_the_cached_automaton_tables(monkeypatch: pytest.MonkeyPatch) -> None:
    from shuyu import cache

    cache.load_with_matcher([])
    monkeypatch.setattr(cache, "build_tables", lambda g: pytest.fail("tables rebuilt despite the cache"))
    monkeypatch.setattr(cache, "read_glossary", lambda *a, **k: pytest.fail("glossary re-expanded despite the cache"))
    glossary, matcher = cache.load_with_matcher([])
    assert "municipal-party-secretary@wuxi" in glossary.expanded
    assert matcher.find("无锡市委书记", "zh")


@pytest.mark.parametrize(("source", "translation", "message"), [
    ("01-delegation.en.txt", "01-delegation.zh.txt",
     "the source holds no Chinese and the translation does: the two files look swapped "
     "(give the Chinese source first, then the English translation)"),
    ("01-delegation.en.txt", "01-delegation.en.txt",
     "the source holds no Chinese text (give the Chinese source first, then its English translation; "
     "'shuyu lint' checks English alone)"),
], ids=["swapped", "english-twice"])
def test_a_source_without_chinese_is_an_input_error(source: str, translation: str, message: str) -> None:
    # Checked anyway, the swapped pair gave 16 errors and the English twice 5, all noise.
    result = runner.invoke(app, ["check", str(RELEASES / source), str(RELEASES / translation)])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"shuyu: error: {RELEASES / source}: {message}"


@pytest.mark.parametrize(("translation", "message"), [
    ("", "the translation holds no text (give the English translation second)"),
    ("<html><body><script>var x = 1;</script></body></html>\n", "the translation holds no text (give the English "
     "translation second)"),
    ("无锡市委书记黄钦会见代表团。\n", "the translation is Chinese, not English (give the Chinese source first, then "
     "its English translation)"),
], ids=["empty", "no-prose", "chinese"])
def test_an_empty_or_chinese_translation_is_an_input_error(tmp_path: Path, translation: str, message: str) -> None:
    # Checked anyway, every concept and number of the source was reported missing at line 1 (11 findings).
    en = tmp_path / ("en.html" if translation.startswith("<") else "en.txt")
    en.write_text(translation, encoding="utf-8")
    result = runner.invoke(app, ["check", str(RELEASES / "01-delegation.zh.txt"), str(en)])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"shuyu: error: {en}: {message}"


def test_a_traditional_or_html_source_is_chinese(tmp_path: Path) -> None:
    zh = tmp_path / "src.html"
    zh.write_text("<p>無錫市委書記黃欽會見代表團。</p>\n", encoding="utf-8")
    en = tmp_path / "en.txt"
    en.write_text("Huang Qin, Secretary of the CPC Wuxi Municipal Committee, met the delegation.\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(zh), str(en)])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("suffix", [".tsv", ".jsonl"])
def test_a_bilingual_file_with_its_sides_swapped_is_an_input_error(tmp_path: Path, suffix: str) -> None:
    # Checked anyway, every English term was a finding against nothing.
    rows = [("Huang Qin met the delegation in Wuxi.", "黄钦在无锡会见了代表团。"),
            ("The city's GDP grew 7 percent.", "全市地区生产总值增长7%。")]
    path = tmp_path / f"pairs{suffix}"
    if suffix == ".tsv":
        path.write_text("".join(f"{zh}\t{en}\n" for zh, en in rows), encoding="utf-8")
    else:
        path.write_text("".join(json.dumps({"zh": zh, "en": en}, ensure_ascii=False) + "\n" for zh, en in rows),
                        encoding="utf-8")
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"shuyu: error: {path}: the Chinese side holds no Chinese and the English side is Chinese: the sides look "
        "swapped (give the Chinese first: zh then en columns)")
    path.write_text(path.read_text(encoding="utf-8").replace("Huang Qin", "黄钦 Huang Qin"), encoding="utf-8")
    assert runner.invoke(app, ["check", str(path)]).exit_code != 2  # one pair the right way round: not most
