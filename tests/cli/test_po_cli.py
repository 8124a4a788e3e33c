"""`shuyu po …`: export is byte-stable and checked, catalogs read back by babel, polib and msgfmt,
application catalogs checked at their msgstr lines, translators' edits imported back."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from typer.testing import CliRunner

from shuyu.cli import app
from tests.conftest import TINY

runner = CliRunner()
G = ["--no-bundled", "-g", str(TINY)]
ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "corpus" / "app"


def run(*args: str):
    return runner.invoke(app, list(args))


def test_repository_locales_are_current() -> None:
    result = run("po", "export", "--check")
    assert result.exit_code == 0, result.stderr


def test_export_is_stable_and_check_detects_drift(tmp_path: Path) -> None:
    assert run("po", "export", "--output-dir", str(tmp_path), *G).exit_code == 0
    files = {p: p.read_bytes() for p in tmp_path.rglob("*.po*")}
    assert {p.relative_to(tmp_path).as_posix() for p in files} == {
        "glossary.pot", "en/LC_MESSAGES/glossary.po", "zh_Hans/LC_MESSAGES/glossary.po"}
    assert run("po", "export", "--output-dir", str(tmp_path), *G).exit_code == 0
    assert {p: p.read_bytes() for p in tmp_path.rglob("*.po*")} == files
    assert run("po", "export", "--check", "--output-dir", str(tmp_path), *G).exit_code == 0
    (tmp_path / "glossary.pot").write_text("stale", encoding="utf-8")
    stale = run("po", "export", "--check", "--output-dir", str(tmp_path), *G)
    assert stale.exit_code == 1
    assert "out of date" in stale.stderr


def test_catalog_content_and_readers(tmp_path: Path) -> None:
    run("po", "export", "--output-dir", str(tmp_path), *G)
    assert run("po", "compile", "--output-dir", str(tmp_path)).exit_code == 0
    en = tmp_path / "en" / "LC_MESSAGES" / "glossary.po"
    entry = polib.pofile(str(en)).find("无锡市委书记", msgctxt="municipal-party-secretary@wuxi")
    assert entry is not None
    assert entry.msgstr == "Secretary of the CPC Wuxi Municipal Committee"
    assert "template: municipal-party-secretary; place: wuxi" in entry.comment
    assert "avoid: Secretary of the CCP Wuxi Municipal Committee" in entry.comment
    with en.open("rb") as f:
        catalog = read_po(f)
    assert str(catalog.locale) == "en"
    with en.with_suffix(".mo").open("rb") as f:
        mo = read_mo(f)
    assert "Secretary of the CPC Wuxi Municipal Committee" in {m.string for m in mo}
    zh = polib.mofile(str(tmp_path / "zh_Hans" / "LC_MESSAGES" / "glossary.mo"))
    assert zh.find("Wuxi", msgctxt="wuxi").msgstr == "无锡市"
    if shutil.which("msgfmt") is None:
        pytest.skip("GNU gettext is not installed")
    for po in tmp_path.rglob("*.po"):
        subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(po)], check=True)


def test_sample_catalog_has_exactly_the_planted_findings() -> None:
    result = run("po", "check", str(APP / "zh_to_en.po"), "--format", "json")
    assert result.exit_code == 1
    got = sorted((f["rule"], f["line"], f["found"] or f["expected"]) for f in json.loads(result.stdout)["findings"])
    planted = json.loads((APP / "planted.json").read_text(encoding="utf-8"))["findings"]
    assert got == sorted((p["rule"], p["line"], p.get("found", p.get("expected"))) for p in planted)


def test_fuzzy_and_obsolete_on_request() -> None:
    result = run("po", "check", str(APP / "zh_to_en.po"), "--format", "json", "--include-fuzzy", "--include-obsolete")
    lines = {f["line"] for f in json.loads(result.stdout)["findings"]}
    assert {43, 50} <= lines  # the fuzzy msgstr, and the obsolete `#~ msgstr "CCP"` (not its `#~ msgid` line)


HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: en\\n"\n\n'


def positions(tmp_path: Path, text: str, *extra: str) -> list[tuple]:
    """(rule, found or expected, line, column, end column, source line, source column) of each finding."""
    path = tmp_path / "app.po"
    path.write_text(text, encoding="utf-8")
    result = run("po", "check", str(path), "--format", "json", *extra, *G)
    assert result.exit_code in (0, 1), result.output
    return sorted((f["rule"], f["found"] or f["expected"], f["line"], f["column"], f["end_column"],
                   f["source"]["line"] if f.get("source") else None,
                   f["source"]["column"] if f.get("source") else None)
                  for f in json.loads(result.stdout)["findings"])


def test_wrapped_msgstr_findings_are_at_their_continuation_line(tmp_path: Path) -> None:
    text = HEADER + '#: app.py:10\nmsgid "欢迎来到淮安和徐州"\nmsgstr ""\n"Welcome to "\n"Huaian and Xu Zhou"\n'
    assert positions(tmp_path, text) == [
        ("name-romanization", "Huaian", 10, 2, 8, 7, 12),
        ("name-romanization", "Xu Zhou", 10, 13, 20, 7, 15),
    ]


def test_escapes_before_a_finding_do_not_shift_it(tmp_path: Path) -> None:
    text = HEADER + 'msgid "“徐州”\\n淮安"\nmsgstr "\\"Xu Zhou\\"\\n\\tHuaian"\n'
    assert positions(tmp_path, text) == [
        ("name-romanization", "Huaian", 7, 24, 30, 6, 14),
        ("name-romanization", "Xu Zhou", 7, 11, 18, 6, 9),
    ]


def test_obsolete_entries_are_reported_at_their_own_msgstr(tmp_path: Path) -> None:
    text = HEADER + ('msgid "徐州"\nmsgstr "Xuzhou"\n\n'
                     '#~ msgid ""\n#~ "旧的徐州"\n#~ msgstr ""\n#~ "Old: "\n#~ "Xu Zhou old"\n')
    assert positions(tmp_path, text) == []
    assert positions(tmp_path, text, "--include-obsolete") == [("name-romanization", "Xu Zhou", 13, 5, 12, 10, 7)]


def test_msgctxt_and_plural_forms_with_a_wrapped_msgstr(tmp_path: Path) -> None:
    text = HEADER + ('#, c-format\nmsgctxt "stats"\nmsgid "在淮安签约%d个项目"\nmsgid_plural ""\n"在徐州签约%d个项目"\n'
                     'msgstr[0] "%d project signed in Huaian"\nmsgstr[1] ""\n"%d projects signed "\n'
                     '"in Xu Zhou"\n')
    assert positions(tmp_path, text) == [
        ("name-romanization", "Huaian", 11, 33, 39, 8, 9),
        ("name-romanization", "Xu Zhou", 14, 5, 12, 10, 3),
    ]


@pytest.mark.parametrize(("text", "fragment"), [
    ('"Language: en\\n"\ngarbage\n', "malformed PO"),
    ('msgid "a"\nmsgid "b"\nmsgstr ""\n', "malformed PO"),
    ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=GBK\\n"\n', "charset GBK"),
    ('msgid "无锡"\nmsgstr "Wu\\qxi"\n', ":2:11: malformed PO: invalid escape sequence \\q"),
    ('msgid "无锡"\n\nmsgid "徐州"\nmsgstr "Xuzhou"\n', ":3: malformed PO"),
])
def test_malformed_catalogs_are_one_line(tmp_path: Path, text: str, fragment: str) -> None:
    path = tmp_path / "bad.po"
    path.write_text(text, encoding="utf-8")
    result = run("po", "check", str(path), *G)
    assert result.exit_code == 2
    assert fragment in result.stderr
    assert str(path) in result.stderr
    assert "Traceback" not in result.output


def test_round_trip_through_import_into_an_empty_glossary(tmp_path: Path) -> None:
    run("po", "export", "--output-dir", str(tmp_path / "loc"), *G)
    empty = tmp_path / "g"
    empty.mkdir()
    po = tmp_path / "loc" / "en" / "LC_MESSAGES" / "glossary.po"
    # an empty glossary knows none of the ids: every entry comes in as a new concept
    result = run("po", "import", str(po), "--apply", "--no-bundled", "--target", str(empty))
    assert result.exit_code == 0, result.output
    from shuyu.glossary.load import load_glossary

    original = load_glossary([TINY], bundled=False)
    back = load_glossary([empty], bundled=False)
    assert sorted((c.preferred("zh"), c.preferred("en"), c.category) for c in back.concepts.values()) == sorted(
        (c.preferred("zh"), c.preferred("en"), c.category) for c in original.expanded.values())


def test_translator_edit_shows_a_diff_then_applies(tmp_path: Path) -> None:
    glossary_copy = tmp_path / "g"
    shutil.copytree(TINY, glossary_copy)
    loc = tmp_path / "loc"
    g = ["--no-bundled", "-g", str(glossary_copy)]
    run("po", "export", "--output-dir", str(loc), *g)
    po_path = loc / "en" / "LC_MESSAGES" / "glossary.po"
    po = polib.pofile(str(po_path))
    po.find("无锡市", msgctxt="wuxi").msgstr = "Wuxi Municipality"
    po.save(str(po_path))
    before = (glossary_copy / "places.csv").read_bytes()
    preview = run("po", "import", str(po_path), *g)
    assert "~ wuxi: + en admitted 'Wuxi Municipality'" in preview.stdout
    assert (glossary_copy / "places.csv").read_bytes() == before
    assert run("po", "import", str(po_path), "--apply", *g).exit_code == 0
    shown = run("glossary", "show", "wuxi", *g).stdout
    assert "en admitted: Wuxi Municipality" in shown
