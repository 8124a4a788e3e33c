"""`check` over the whole bundled corpus finds exactly the planted errors, no more; lint over the
example site finds exactly the planted problems at their exact positions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from shuyu.cache import load_with_matcher
from shuyu.checks.base import CHECK_RULES
from shuyu.checks.base import LINT_RULES
from shuyu.checks.base import CheckSettings
from shuyu.checks.engine import check_release
from shuyu.checks.engine import lint_documents
from shuyu.formats import read_document

ROOT = Path(__file__).resolve().parents[1]
RELEASES = ROOT / "corpus" / "releases"
SITE = ROOT / "corpus" / "site"


@pytest.fixture(scope="module")
def bundled():
    return load_with_matcher([], use_cache=False)


def planted_releases() -> dict[str, list[dict[str, object]]]:
    return json.loads((RELEASES / "planted.json").read_text(encoding="utf-8"))["releases"]


def release_paths(name: str) -> tuple[Path, Path]:
    return next(RELEASES.glob(f"{name}.zh.*")), next(RELEASES.glob(f"{name}.en.*"))


def test_every_release_is_listed() -> None:
    names = {p.name.split(".")[0] for p in RELEASES.glob("*.zh.*")}
    assert names == set(planted_releases())
    assert len(names) >= 8


@pytest.mark.parametrize("name", sorted(planted_releases()))
def test_release_has_exactly_the_planted_findings(bundled, name: str) -> None:
    glossary, matcher = bundled
    zh, en = release_paths(name)
    result = check_release(read_document(zh), read_document(en), glossary, matcher, CheckSettings(CHECK_RULES))
    got = sorted((f.rule, f.location.line, f.found if f.found is not None else f.expected) for f in result.findings)
    want = sorted((p["rule"], p["line"], p.get("found", p.get("expected"))) for p in planted_releases()[name])
    assert got == want, "\n".join(f"{f.location.line}:{f.location.column} {f.rule} {f.message}" for f in result.findings)


def test_gb18030_and_traditional_sources_are_read(bundled) -> None:
    assert read_document(RELEASES / "06-gb18030.zh.txt").encoding == "gb18030"
    _, matcher = bundled
    zh = read_document(RELEASES / "05-traditional.zh.txt")
    assert any("無錫" in s.text for s in zh.segments)
    found = {c for s in zh.segments for m in matcher.find(s.text, "zh") for c in m.concepts}
    assert "municipal-party-secretary@wuxi" in found


def test_site_lint_has_exactly_the_planted_findings(bundled) -> None:
    glossary, matcher = bundled
    planted = json.loads((SITE / "planted.json").read_text(encoding="utf-8"))["findings"]
    files = sorted(p for p in SITE.rglob("*") if p.suffix in (".html", ".md"))
    assert len(files) >= 12
    docs = [read_document(p) for p in files]
    findings = lint_documents(docs, glossary, matcher, CheckSettings(LINT_RULES))
    got = sorted((Path(f.location.path).relative_to(SITE).as_posix(), f.rule, f.location.line, f.location.column)
                 for f in findings)
    want = []
    for p in planted:
        line_text = (SITE / p["file"]).read_text(encoding="utf-8").splitlines()[p["line"] - 1]
        want.append((p["file"], p["rule"], p["line"], line_text.index(p["at"]) + 1))
    assert got == sorted(want), "\n".join(f"{f.location.path}:{f.location.line}:{f.location.column} {f.rule} "
                                          f"{f.message}" for f in findings)
