"""Shared fixtures: the tiny test glossary, the shared data folder, an isolated cache."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
TINY = DATA / "glossary" / "tiny"
SHARED = ROOT.parent / "shared"
EXTERNAL = SHARED / "data" / "external"


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test gets its own automaton cache, so tests never see each other's files."""
    monkeypatch.setenv("SHUYU_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture
def tiny_glossary():
    """The small glossary under tests/data/glossary/tiny, without the bundled one."""
    from shuyu.glossary.load import load_glossary

    return load_glossary([TINY], bundled=False)


@pytest.fixture
def tiny_matcher(tiny_glossary):
    """A matcher over the tiny glossary."""
    from shuyu.match import Matcher

    return Matcher.from_glossary(tiny_glossary)


def external(name: str) -> Path:
    """A folder of ../shared/data/external, or skip the test when it is absent."""
    path = EXTERNAL / name
    if not path.is_dir():
        pytest.skip(f"{path} is absent")
    return path
