"""Configuration discovery and validation: unknown keys and bad values name the file and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from shuyu.config import find_config
from shuyu.config import load_config
from shuyu.config import relative_posix
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
    (tmp_path / "terms").mkdir()
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


def test_relative_paths_are_relative_posix_kept_per_path_and_root(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    # Config.relative keeps its answers; they must be relative_posix's, for the root of the moment.
    (tmp_path / "site" / "en").mkdir(parents=True)
    (tmp_path / "site" / "en" / "a.md").write_text("x", encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "site" / "link").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    (tmp_path / "site" / "back").symlink_to(tmp_path / "site" / "en", target_is_directory=True)
    monkeypatch.chdir(tmp_path / "site")
    paths = ["en/a.md", "./en/a.md", "en/../en/a.md", "back/a.md", "link/x.md", "missing/y.md",
             str(tmp_path / "site" / "en" / "a.md"), str(tmp_path / "outside.md"), "<stdin>", "."]
    configured = load_config(write(tmp_path / "site" / "shuyu.toml", 'exclude = ["vendor/**"]\n'))
    default = load_config(start=tmp_path / "elsewhere")  # no file: the root is the working directory
    assert default.path is None
    for _ in range(2):
        for path in paths:
            assert configured.relative(path) == relative_posix(path, tmp_path / "site"), path
            assert default.relative(path) == relative_posix(path, Path.cwd()), path
    assert configured.relative("back/a.md") == "en/a.md"
    monkeypatch.chdir(tmp_path)
    for path in paths:  # the working directory moved: so did the default root
        assert default.relative(path) == relative_posix(path, tmp_path), path


def test_a_tool_shuyu_table_in_shuyu_toml_says_to_write_the_keys_at_top_level(tmp_path: Path) -> None:
    # The README's pyproject.toml table pasted into a shuyu.toml said "tool: unknown key".
    path = write(tmp_path / "shuyu.toml", '[tool.shuyu]\nfail-on = "warning"\n[tool.shuyu.rules]\nrepeated-word = false\n')
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert str(info.value) == (
        f"{path}: tool.shuyu: a shuyu.toml takes its keys at top level, without [tool.shuyu] (drop the [tool.shuyu] "
        "line and write [tool.shuyu.rules] as [rules]; [tool.shuyu] is for pyproject.toml)")


def test_another_tool_table_in_shuyu_toml_is_an_unknown_key(tmp_path: Path) -> None:
    path = write(tmp_path / "shuyu.toml", "[tool.other]\nx = 1\n")
    with pytest.raises(ConfigError, match=r"shuyu\.toml: tool: unknown key"):
        load_config(path)


@pytest.mark.parametrize(("name", "text", "key"), [
    ("shuyu.toml", 'glossary = ["terms/"]\n', "glossary"),
    ("pyproject.toml", '[tool.shuyu]\nglossary = "terms/"\n', "tool.shuyu.glossary"),
])
def test_a_missing_glossary_names_the_config_file_and_key(tmp_path: Path, name: str, text: str, key: str) -> None:
    # Not the glossary loader's "check the --glossary path": no --glossary was given.
    path = write(tmp_path / name, text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert str(info.value) == (f"{path}: {key}: no such glossary file or directory 'terms/' "
                               f"(fix the path in {name}; it is relative to {tmp_path})")
