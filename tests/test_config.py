"""Configuration discovery and validation: unknown keys and bad values name the file and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from shuyu.config import find_config
from shuyu.config import load_config
from shuyu.errors import ConfigError
from shuyu.model import Severity


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_found_upward_in_pyproject(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.shuyu]\nfail-on = "warning"\n[tool.shuyu.rules]\nrepeated-word = false\n')
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert find_config(deep) == tmp_path / "pyproject.toml"
    config = load_config(start=deep)
    assert config.fail_on == Severity.WARNING
    assert config.rules == {"repeated-word": False}


def test_pyproject_without_table_is_skipped(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n")
    assert find_config(tmp_path) is None
    assert load_config(start=tmp_path).path is None


def test_shuyu_toml_overrides_and_globs(tmp_path: Path) -> None:
    path = write(tmp_path / "shuyu.toml", 'glossary = ["terms"]\nexclude = ["site/vendor/**"]\n'
                 '[rules]\npunctuation = "error"\n[[overrides]]\npaths = ["site/legacy/*"]\n'
                 'rules = { punctuation = false, repeated-word = "info" }\n')
    config = load_config(path)
    assert config.glossary == [tmp_path / "terms"]
    assert config.rules_for(str(tmp_path / "site" / "a.html")) == {"punctuation": Severity.ERROR}
    assert config.rules_for(str(tmp_path / "site" / "legacy" / "b.html")) == {
        "punctuation": False, "repeated-word": Severity.INFO}
    assert config.excluded(str(tmp_path / "site" / "vendor" / "x" / "c.html"))
    assert not config.excluded(str(tmp_path / "site" / "c.html"))


@pytest.mark.parametrize(("text", "fragment"), [
    ("colour = 1\n", "colour: unknown key"),
    ('fail-on = "fatal"\n', "fail-on: 'fatal' is not a severity"),
    ("[rules]\nno-such-rule = true\n", "rules.no-such-rule: unknown rule"),
    ('[rules]\npunctuation = "loud"\n', "rules.punctuation: 'loud' is not a severity"),
    ("include = 3\n", "include: must be a string or an array of strings"),
    ("[[overrides]]\nrules = {}\n", "overrides[0].paths: must list at least one glob"),
    ('[[overrides]]\npaths = ["a"]\nwhen = 1\n', "overrides[0].when: unknown key"),
    ("this is not toml\n", "malformed TOML"),
])
def test_bad_config_names_file_and_key(tmp_path: Path, text: str, fragment: str) -> None:
    path = write(tmp_path / "shuyu.toml", text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert fragment in str(info.value)
    assert str(path) in str(info.value)


def test_pyproject_keys_are_named_with_their_table(tmp_path: Path) -> None:
    path = write(tmp_path / "pyproject.toml", "[tool.shuyu]\ncolour = 1\n")
    with pytest.raises(ConfigError, match=r"tool\.shuyu\.colour: unknown key"):
        load_config(path)
