"""A template's terms all hold a slot: a fixed term would be given to every place it expands over."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from shuyu.cli import app
from shuyu.glossary.expand import EN_SLOT
from shuyu.glossary.expand import ZH_SLOT
from shuyu.glossary.load import read_glossary
from tests.conftest import TINY

MAYOR = ("mayor,title,,,,,,prefecture county-city,jiangsu,{place}市长,{place}市市长,,Mayor of {Place},,,,,"
         "Wuxi government English site (reference/README.md)")


def tiny_with_mayor(tmp_path: Path, row: str) -> Path:
    target = tmp_path / "g"
    shutil.copytree(TINY, target)
    titles = target / "titles.csv"
    text = titles.read_text(encoding="utf-8")
    assert MAYOR in text.splitlines()[1]
    titles.write_text(text.replace(MAYOR, row), encoding="utf-8")
    return target


@pytest.mark.parametrize(("row", "message"), [
    (MAYOR.replace("Mayor of {Place},,", "Mayor of {Place},Mayor of Xu Zhou,"),
     "mayor: template term without {Place}: 'Mayor of Xu Zhou' (en admitted) would be given to every place"),
    (MAYOR.replace("{place}市市长,,", "{place}市市长,市长,"),
     "mayor: template term without {place}: '市长' (zh deprecated) would be given to every place"),
])
def test_a_template_term_without_a_slot_is_a_problem(tmp_path: Path, row: str, message: str) -> None:
    folder = tiny_with_mayor(tmp_path, row)
    _, problems = read_glossary([folder], bundled=False)
    assert [(p.path, p.line, p.message) for p in problems] == [(str(folder / "titles.csv"), 2, message)]


def test_validate_command_fails_on_it(tmp_path: Path) -> None:
    folder = tiny_with_mayor(tmp_path, MAYOR.replace("Mayor of {Place},,", "Mayor of {Place},Mayor of Xu Zhou,"))
    result = CliRunner().invoke(app, ["glossary", "validate", "--no-bundled", "-g", str(folder)])
    assert result.exit_code != 0
    assert "titles.csv:2" in result.output
    assert "template term without {Place}: 'Mayor of Xu Zhou' (en admitted) would be given to every place" \
        in result.output


def test_every_template_term_holds_a_slot_in_the_tiny_and_bundled_glossaries() -> None:
    for paths, bundled in (([TINY], False), ([], True)):
        g, problems = read_glossary(paths, bundled=bundled)
        assert problems == []
        templates = [c for c in g.concepts.values() if c.is_template]
        assert templates
        assert all(ZH_SLOT in t.text or EN_SLOT in t.text for c in templates for t in c.terms)
