"""Dogfood: the bundled glossary validates, is canonical, passes the romanisation check and has
the coverage the project promises (every Jiangsu division, every provincial-level division)."""

from __future__ import annotations

from collections import Counter

from typer.testing import CliRunner

from shuyu.cli import app
from shuyu.glossary.load import read_glossary
from shuyu.glossary.romanize import place_pinyin
from shuyu.glossary.validate import check_romanization
from shuyu.model import Category

runner = CliRunner()


def test_bundled_glossary_validates_with_its_examples() -> None:
    result = runner.invoke(app, ["glossary", "validate"])
    assert result.exit_code == 0, result.stdout
    assert "ok:" in result.stderr


def test_bundled_glossary_is_canonical() -> None:
    result = runner.invoke(app, ["glossary", "fmt", "--check"])
    assert result.exit_code == 0, result.stderr


def test_romanisation_of_every_bundled_place() -> None:
    g, problems = read_glossary([])
    assert problems == []
    places = g.places()
    assert all(check_romanization(p) == [] for p in places)
    checked = [p for p in places if not p.romanization_exception]
    assert all(place_pinyin(p.zh_name) == p.en_name for p in checked)
    exceptions = sorted(p.id for p in places if p.romanization_exception)
    assert exceptions == ["hong-kong", "inner-mongolia", "macao", "northern-jiangsu", "shaanxi", "southern-jiangsu",
                          "yangtze-river-delta"]


def test_coverage_of_jiangsu_and_china() -> None:
    g, _ = read_glossary([])
    places = g.places()
    levels = Counter(p.level.value for p in places if p.level)
    assert levels["province"] == 34
    assert sum(1 for p in places if p.parent == "jiangsu" and p.level and p.level.value == "prefecture") == 13
    assert (levels["district"], levels["county-city"], levels["county"]) == (55, 21, 19)
    gulou = sorted(p.id for p in places if p.zh_name == "鼓楼")
    assert gulou == ["gulou-district-nanjing", "gulou-district-xuzhou"]


def test_seed_terms_are_in_the_bundled_glossary() -> None:
    g, _ = read_glossary([])
    english = {t.text for c in g.expanded.values() for t in c.terms if t.lang == "en" and t.status.value != "deprecated"}
    for form in ("Secretary of the CPC Xuzhou Municipal Committee",
                 "Director of the Standing Committee of the Xuzhou Municipal People's Congress",
                 "Secretary of the CPC Wuxi Municipal Committee", "Mayor of Wuxi", "Mayor of Xuzhou",
                 "CPC Jiangsu Provincial Committee", "Jiangsu Provincial People's Government",
                 "Wuxi National High-tech Zone", "Xuzhou Economic Development Zone", "Jiangyin-Suining Industrial Park",
                 "Yangtze River Delta", "Belt and Road", "Wuxi Municipal People's Government Office", "Wuxi Daily",
                 "southern Jiangsu", "northern Jiangsu", "General Secretary", "Xi Jinping", "Zhou Tiegen"):
        assert form in english, form
    assert all(c.source for c in g.concepts.values())
    assert {c.category for c in g.concepts.values()} == set(Category)
