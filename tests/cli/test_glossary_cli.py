"""`shuyu glossary …` through CliRunner: exit codes, stdout/stderr, safe edits."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from shuyu.cli import app
from tests.conftest import TINY

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args))


@pytest.fixture
def tiny_copy(tmp_path: Path) -> Path:
    target = tmp_path / "g"
    shutil.copytree(TINY, target)
    return target


def snapshot(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir())}


def test_search_by_three_keys() -> None:
    for query in ("wuxi", "無錫", "Wú Xī"):
        result = run("glossary", "search", query, "--no-bundled", "-g", str(TINY))
        assert result.exit_code == 0, result.output
        assert result.stdout.splitlines()[0].startswith("wuxi\tplace\t无锡市\tWuxi")


def test_search_without_hit_exits_1() -> None:
    result = run("glossary", "search", "qqqq", "--no-bundled", "-g", str(TINY))
    assert result.exit_code == 1
    assert "no concept matches" in result.stderr


def test_show_expanded_concept() -> None:
    result = run("glossary", "show", "municipal-party-secretary@wuxi", "--no-bundled", "-g", str(TINY))
    assert result.exit_code == 0
    assert "expanded from template municipal-party-secretary over place wuxi" in result.stdout
    assert "en deprecated: Secretary of the CCP Wuxi Municipal Committee" in result.stdout


def test_show_unknown_id_is_one_line_exit_2() -> None:
    result = run("glossary", "show", "nope", "--no-bundled", "-g", str(TINY))
    assert result.exit_code == 2
    assert result.stderr.strip().count("\n") == 0
    assert "unknown concept id 'nope'" in result.stderr


def test_stats_json() -> None:
    result = run("glossary", "stats", "--json", "--no-bundled", "-g", str(TINY))
    data = json.loads(result.stdout)
    assert data["concepts"] == 13
    assert data["templates"] == 4
    assert data["by_category"]["place"] == 8
    assert data["expanded_concepts"] == 27


def test_add_writes_canonical_file(tiny_copy: Path) -> None:
    result = run("glossary", "add", "--id", "taizhou", "--category", "place", "--level", "prefecture",
                 "--parent", "jiangsu", "--zh-name", "泰州", "--en-name", "Taizhou", "--zh", "泰州市",
                 "--zh-admitted", "泰州", "--en", "Taizhou", "--source", "GB/T 17693.1",
                 "--no-bundled", "-g", str(tiny_copy))
    assert result.exit_code == 0, result.output
    text = (tiny_copy / "places.csv").read_text(encoding="utf-8")
    assert "taizhou,place,prefecture,jiangsu,泰州,Taizhou,,,,泰州市,泰州,,Taizhou,,,,,GB/T 17693.1\n" in text
    fmt = run("glossary", "fmt", "--check", "-g", str(tiny_copy))
    assert fmt.exit_code == 0, fmt.output
    found = run("glossary", "search", "taizhou", "--no-bundled", "-g", str(tiny_copy))
    assert found.stdout.startswith("taizhou\t")


def test_refused_add_leaves_files_byte_identical(tiny_copy: Path) -> None:
    before = snapshot(tiny_copy)
    result = run("glossary", "add", "--id", "huaiyin", "--category", "place", "--level", "prefecture",
                 "--parent", "jiangsu", "--zh-name", "淮阴", "--en-name", "Huai Yin", "--zh", "淮阴市",
                 "--en", "Huai Yin", "--source", "x", "--no-bundled", "-g", str(tiny_copy))
    assert result.exit_code == 2
    assert "not the Hanyu Pinyin" in result.stderr
    assert "nothing was written" in result.stderr
    assert snapshot(tiny_copy) == before


def test_duplicate_add_is_refused(tiny_copy: Path) -> None:
    before = snapshot(tiny_copy)
    result = run("glossary", "add", "--id", "wuxi", "--category", "place", "--zh", "无锡", "--en", "Wuxi",
                 "--source", "s", "--no-bundled", "-g", str(tiny_copy))
    assert result.exit_code == 2
    assert "already exists" in result.stderr
    assert snapshot(tiny_copy) == before


def test_deprecate_then_edit_then_remove(tiny_copy: Path) -> None:
    g = ["--no-bundled", "-g", str(tiny_copy)]
    assert run("glossary", "deprecate", "wuxi", "Wuxi Municipality", *g).exit_code == 0
    shown = run("glossary", "show", "wuxi", *g).stdout
    assert "en deprecated: Wuxi Municipality" in shown
    # deprecating the preferred form is refused
    refused = run("glossary", "deprecate", "wuxi", "Wuxi", *g)
    assert refused.exit_code == 2
    assert "preferred" in refused.stderr
    assert run("glossary", "edit", "cpc", "--add-en-admitted", "the Party", "--note", "Party of China", *g).exit_code == 0
    shown = run("glossary", "show", "cpc", *g).stdout
    assert "en admitted: the Party" in shown
    assert "note: Party of China" in shown
    # removing a place that other places name as parent is refused
    before = snapshot(tiny_copy)
    refused = run("glossary", "remove", "jiangsu", *g)
    assert refused.exit_code == 2
    assert snapshot(tiny_copy) == before
    assert run("glossary", "remove", "huaian", *g).exit_code == 0
    assert "huaian" not in (tiny_copy / "places.csv").read_text(encoding="utf-8")


def test_fmt_fixes_drift(tiny_copy: Path) -> None:
    places = tiny_copy / "places.csv"
    lines = places.read_text(encoding="utf-8").splitlines(keepends=True)
    places.write_text(lines[0] + "".join(reversed(lines[1:])), encoding="utf-8")
    check = run("glossary", "fmt", "--check", "-g", str(tiny_copy))
    assert check.exit_code == 1
    assert "would reformat" in check.stderr
    assert run("glossary", "fmt", "-g", str(tiny_copy)).exit_code == 0
    assert places.read_text(encoding="utf-8") == "".join(lines)


def test_validate_reports_problems_with_lines(tmp_path: Path) -> None:
    bad = Path(__file__).resolve().parents[1] / "data" / "glossary" / "bad" / "bad.romanization.csv"
    result = run("glossary", "validate", "--no-bundled", "-g", str(bad))
    assert result.exit_code == 1
    assert f"{bad}:4: huaian: en_name 'Huaian'" in result.stdout


def test_validate_runs_examples(tiny_copy: Path) -> None:
    ok = run("glossary", "validate", "--no-bundled", "-g", str(tiny_copy))
    assert ok.exit_code == 0, ok.output
    examples = tiny_copy / "examples.csv"
    examples.write_text(examples.read_text(encoding="utf-8")
                        + "municipal-party-secretary@wuxi,无锡市委书记黄钦,\"Huang Qin, Party chief of Wuxi\",pass\n",
                        encoding="utf-8")
    bad = run("glossary", "validate", "--no-bundled", "-g", str(tiny_copy))
    assert bad.exit_code == 1
    assert "examples.csv:4: example for municipal-party-secretary@wuxi should pass but raised term-missing" in bad.stdout


def test_missing_glossary_path_is_one_line() -> None:
    result = run("glossary", "list", "-g", "/nonexistent/glossary")
    assert result.exit_code == 2
    assert "no such glossary file or directory" in result.stderr
    assert "Traceback" not in result.output


def test_non_utf8_glossary(tmp_path: Path) -> None:
    path = tmp_path / "g.csv"
    path.write_bytes((TINY / "places.csv").read_text(encoding="utf-8").encode("gb18030"))
    result = run("glossary", "list", "--no-bundled", "-g", str(path))
    assert result.exit_code == 2
    assert "not valid UTF-8 at byte" in result.stderr


def test_export_import_round_trip_through_the_cli(tmp_path: Path) -> None:
    out = tmp_path / "g.tbx"
    assert run("glossary", "export", "--format", "tbx", "-o", str(out), "--no-bundled", "-g", str(TINY)).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith('<?xml version="1.0" encoding="UTF-8"?>\n<tbx ')
    empty = tmp_path / "empty"
    empty.mkdir()
    preview = run("glossary", "import", str(out), "--no-bundled", "--target", str(empty))
    assert preview.exit_code == 0
    assert "+ wuxi (place): 无锡市 = Wuxi" in preview.stdout
    assert list(empty.iterdir()) == []  # nothing written without --apply
    applied = run("glossary", "import", str(out), "--apply", "--no-bundled", "--target", str(empty))
    assert applied.exit_code == 0, applied.output
    for name in ("places.csv", "titles.csv", "organizations.csv"):
        assert (empty / name).read_text(encoding="utf-8") == (TINY / name).read_text(encoding="utf-8")


def test_export_csv_and_json_to_stdout() -> None:
    csv_out = run("glossary", "export", "--format", "csv", "--no-bundled", "-g", str(TINY)).stdout
    assert csv_out.splitlines()[0].startswith("concept_id,category,lang,term,status")
    data = json.loads(run("glossary", "export", "--format", "json", "--no-bundled", "-g", str(TINY)).stdout)
    assert data["schema"] == 1
    assert len(data["concepts"]) == 13
    bad = run("glossary", "export", "--format", "xls", "--no-bundled", "-g", str(TINY))
    assert bad.exit_code == 2


def test_import_says_what_it_leaves_out_and_reads_chinese_encodings(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    rows = ("concept_id,category,lang,term,status\nnew-a,term,fr,bonjour,preferred\n"
            "new-a,term,en-US,hello,preferred\nnew-a,term,zh-CN,你好,preferred\n")
    gbk = tmp_path / "excel.csv"
    gbk.write_bytes(rows.encode("gbk"))  # what Excel on Chinese Windows saves
    result = run("glossary", "import", str(gbk), "--no-bundled", "--target", str(empty))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["+ new-a (term): 你好 = hello"]  # zh-CN and en-US are zh and en
    assert result.stderr.splitlines()[0] == (f"not mapped: {gbk}: new-a: 'bonjour' is in language 'fr'; the glossary "
                                             "holds zh and en terms only; not imported")
    exported = tmp_path / "g.json"
    assert run("glossary", "export", "-f", "json", "-o", str(exported), "--no-bundled", "-g", str(TINY)).exit_code == 0
    count = len(json.loads(exported.read_text(encoding="utf-8"))["examples"])
    assert count > 0
    result = run("glossary", "import", str(exported), "--no-bundled", "--target", str(empty))
    note = (f"not mapped: {exported}: {count} example(s) not imported: import merges concepts; copy examples into "
            "the glossary's examples.csv")
    assert note in result.stderr.splitlines()


def test_import_of_a_missing_file_says_so_whatever_its_name(tmp_path: Path) -> None:
    result = run("glossary", "import", str(tmp_path / "terms.xlsx"))
    assert result.exit_code == 2
    assert result.stderr.strip() == f"shuyu: error: {tmp_path / 'terms.xlsx'}: no such file (check the path)"


def test_import_and_edit_into_an_overlay_copy_the_concept_below(tmp_path: Path) -> None:
    # Into a layer over the bundled glossary, a bundled concept was taken for a new one with the imported
    # term alone ("+ wuxi (place):  = ", refused: no Chinese, no source), and edit said "unknown concept id".
    overlay = tmp_path / "my"
    overlay.mkdir()
    rows = tmp_path / "in.csv"
    rows.write_text("concept_id,category,lang,term,status\nwuxi,place,en,City of Wuxi,admitted\n", encoding="utf-8")
    preview = run("glossary", "import", str(rows), "-g", str(overlay), "--target", str(overlay))
    assert preview.exit_code == 0, preview.output
    assert preview.stdout.splitlines() == [f"~ wuxi: copied from the glossary below into {overlay}, where it overrides it",
                                           "~ wuxi: + en admitted 'City of Wuxi'"]
    assert list(overlay.iterdir()) == []
    applied = run("glossary", "import", str(rows), "-g", str(overlay), "--target", str(overlay), "--apply")
    assert applied.exit_code == 0, applied.output
    shown = run("glossary", "show", "wuxi", "-g", str(overlay))
    assert "  zh preferred: 无锡市" in shown.stdout.splitlines()  # the whole concept, not the new term alone
    assert "  en admitted: City of Wuxi" in shown.stdout.splitlines()
    assert f"defined at: {overlay / 'places.csv'}:2" in shown.stdout
    edited = run("glossary", "edit", "xuzhou", "--add-en-admitted", "City of Xuzhou", "-g", str(overlay))
    assert edited.exit_code == 0, edited.output
    assert "  en admitted: City of Xuzhou" in run("glossary", "show", "xuzhou", "-g", str(overlay)).stdout.splitlines()
    assert run("glossary", "validate", "-g", str(overlay)).exit_code == 0
