"""Every validation rule, each shown by a small bad glossary collected by glob."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from shuyu.glossary.load import read_glossary

BAD = Path(__file__).resolve().parents[1] / "data" / "glossary" / "bad"
EXPECTED = json.loads((BAD / "expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", sorted(BAD.glob("bad.*.csv")), ids=lambda p: p.name)
def test_bad_glossary_reports_file_and_line(path: Path) -> None:
    line, fragment = EXPECTED[path.name[len("bad."):-len(".csv")]]
    _, problems = read_glossary([path], bundled=False)
    matching = [p for p in problems if fragment in p.message]
    assert matching, f"no problem mentions {fragment!r}: {[str(p) for p in problems]}"
    assert matching[0].path == str(path)
    assert matching[0].line == line


def test_every_bad_fixture_has_an_expectation() -> None:
    names = {p.name[len("bad."):-len(".csv")] for p in BAD.glob("bad.*.csv")}
    assert names == set(EXPECTED)


def test_tiny_glossary_is_valid() -> None:
    from tests.conftest import TINY

    _, problems = read_glossary([TINY], bundled=False)
    assert problems == []


def test_all_problems_are_reported_not_only_the_first(tmp_path: Path) -> None:
    text = (BAD / "bad.romanization.csv").read_text(encoding="utf-8")
    text += "Bad Id,place,prefecture,jiangsu,徐州,Xu Zhou,,,,徐州市,,,Xuzhou ,,,,,src\n"
    path = tmp_path / "g.csv"
    path.write_text(text, encoding="utf-8")
    _, problems = read_glossary([path], bundled=False)
    messages = " | ".join(p.message for p in problems)
    for fragment in ("Huai'an", "kebab-case", "surrounding whitespace", "not the Hanyu Pinyin"):
        assert fragment in messages
    assert {p.line for p in problems} == {4, 5}


def test_homonymous_places_may_share_a_chinese_term() -> None:
    from tests.conftest import TINY

    g, problems = read_glossary([TINY], bundled=False)
    assert problems == []
    assert g.concepts["gulou-district-nanjing"].preferred("zh") == g.concepts["gulou-district-xuzhou"].preferred("zh")


def test_documented_romanization_exception_is_honoured(tmp_path: Path) -> None:
    header = (BAD / "bad.romanization.csv").read_text(encoding="utf-8").splitlines()[0]
    path = tmp_path / "g.csv"
    path.write_text(header + "\nshaanxi,place,province,,陕西,Shaanxi,conventional spelling: distinguishes 陕西 from 山西,"
                    ",,陕西省,陕西,,Shaanxi,Shaanxi Province,,,,GB/T 17693.1\n", encoding="utf-8")
    _, problems = read_glossary([path], bundled=False)
    assert problems == []
    path.write_text(header + "\nshaanxi,place,province,,陕西,Shaanxi,,,,陕西省,陕西,,Shaanxi,Shaanxi Province,,,,"
                    "GB/T 17693.1\n", encoding="utf-8")
    _, problems = read_glossary([path], bundled=False)
    assert any("expected 'Shanxi'" in p.message for p in problems)
