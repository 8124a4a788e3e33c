"""Configuration mistakes on the command line: one line naming the config file and key, exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from shuyu.cli import build_app

runner = CliRunner()


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "page.md").write_text("A delegation from Wuxi visited.\n", encoding="utf-8")
    return tmp_path


def test_readme_table_pasted_into_shuyu_toml(site: Path) -> None:
    (site / "shuyu.toml").write_text('[tool.shuyu]\nfail-on = "warning"\n', encoding="utf-8")
    result = runner.invoke(build_app(["lint"]), ["lint", "page.md"])
    assert result.exit_code == 2
    assert result.stderr == (
        f"shuyu: error: {site / 'shuyu.toml'}: tool.shuyu: a shuyu.toml takes its keys at top level, without "
        "[tool.shuyu] (drop the [tool.shuyu] line and write [tool.shuyu.rules] as [rules]; [tool.shuyu] is for "
        "pyproject.toml)\n")


def test_a_missing_glossary_in_the_config_names_the_config_not_the_option(site: Path) -> None:
    (site / "shuyu.toml").write_text('glossary = ["terms/"]\n', encoding="utf-8")
    result = runner.invoke(build_app(["lint"]), ["lint", "page.md"])
    assert result.exit_code == 2
    assert result.stderr == (f"shuyu: error: {site / 'shuyu.toml'}: glossary: no such glossary file or directory "
                             f"'terms/' (fix the path in shuyu.toml; it is relative to {site})\n")
    assert "--glossary" not in result.stderr
