"""The precomputed pypinyin readings: exactly pypinyin's, complete for the bundled glossary, and the
reason loading the bundled glossary imports no pypinyin."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from shuyu.glossary import romanize
from shuyu.glossary.load import read_glossary

ROOT = Path(__file__).resolve().parents[2]


def _tool():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("pinyin_readings_tool", ROOT / "tools" / "pinyin_readings.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_file_is_pypinyins_reading_of_every_name_the_bundled_glossary_asks_for() -> None:
    tool = _tool()
    expected = tool.render(tool.asked_readings())
    # Compare the readings, not the header: it names the pypinyin version that wrote the file.
    strip = lambda text: [line for line in text.splitlines() if not line.startswith("#")]  # noqa: E731
    assert strip(romanize.PINYIN_READINGS_FILE.read_text(encoding="utf-8")) == strip(expected), \
        "stale: run python tools/pinyin_readings.py"


def test_the_bundled_glossary_is_the_same_with_and_without_them(monkeypatch: pytest.MonkeyPatch) -> None:
    with_table, problems = read_glossary([], bundled=True)
    assert not problems
    monkeypatch.setattr(romanize, "_precomputed", dict)
    romanize._syllables.cache_clear()
    try:
        live, _ = read_glossary([], bundled=True)
    finally:
        romanize._syllables.cache_clear()
    assert with_table == live


def test_loading_the_bundled_glossary_imports_no_pypinyin() -> None:
    code = ("import sys\nfrom shuyu.glossary.load import read_glossary\n"
            "g, problems = read_glossary([], bundled=True)\nprint(len(g.expanded), not problems, 'pypinyin' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT).stdout
    count, ok, imported = out.split()
    assert int(count) > 1000
    assert ok == "True"
    assert imported == "False"


def test_other_names_still_go_to_pypinyin() -> None:
    from pypinyin import Style
    from pypinyin import lazy_pinyin

    name = "呼和浩特"
    assert name not in romanize._precomputed()
    assert romanize.syllables(name) == lazy_pinyin(name, style=Style.NORMAL, v_to_u=True)
