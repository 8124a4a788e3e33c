"""Outputs never replace inputs, links are written through, and a standard output that cannot be
written is one line and exit 2, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from shuyu.cli import build_app

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[2]
RELEASES = ROOT / "corpus" / "releases"
TINY = ROOT / "tests" / "data" / "glossary" / "tiny"
PAGE = "Huang Qin, Secretary of the CCP Wuxi Municipal Committee, met the the delegation.\n"


def refused(path: object, option: str = "--output", named: str = "") -> str:
    also = f", named {named}" if named else ""
    return f"shuyu: error: {path}: is an input of this run{also} (choose another {option} path)\n"


@pytest.fixture
def release(tmp_path: Path) -> tuple[Path, Path]:
    zh, en = tmp_path / "a.zh.txt", tmp_path / "a.en.txt"
    zh.write_bytes((RELEASES / "01-delegation.zh.txt").read_bytes())
    en.write_bytes((RELEASES / "01-delegation.en.txt").read_bytes())
    return zh, en


@pytest.fixture
def page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)  # no configuration of the checkout is found upward
    path = tmp_path / "site" / "victim.md"
    path.parent.mkdir()
    path.write_text(PAGE, encoding="utf-8")
    return path


def _unchanged(*files: Path) -> dict[Path, bytes]:
    return {f: f.read_bytes() for f in files}


@pytest.mark.parametrize("which", [0, 1])
def test_check_refuses_to_write_its_report_over_either_input(release: tuple[Path, Path], which: int) -> None:
    before = _unchanged(*release)
    target = release[which]
    result = runner.invoke(build_app(["check"]), ["check", *map(str, release), "-o", str(target), "-f", "json"])
    assert result.exit_code == 2
    assert result.stderr == refused(target)
    assert result.stdout == ""
    assert _unchanged(*release) == before


def test_check_refuses_an_output_that_is_an_input_under_another_name(release: tuple[Path, Path]) -> None:
    zh, en = release
    link = en.with_name("link.en.txt")
    link.symlink_to(en.name)
    before = _unchanged(zh, en)
    result = runner.invoke(build_app(["check"]), ["check", str(zh), str(link), "-o", str(en)])
    assert result.exit_code == 2
    assert result.stderr == refused(en, named=link)
    assert _unchanged(zh, en) == before


@pytest.mark.parametrize("option", ["--output", "--write-baseline"])
@pytest.mark.parametrize("how", ["file", "directory", "glob", "stdin"])
def test_lint_refuses_to_write_over_a_page_it_lints(page: Path, option: str, how: str) -> None:
    arg = {"file": str(page), "directory": str(page.parent), "glob": str(page.parent / "*.md"), "stdin": "-"}[how]
    extra = ["--stdin-filename", str(page)] if how == "stdin" else []
    result = runner.invoke(build_app(["lint"]), ["lint", arg, *extra, option, str(page)], input=PAGE)
    assert result.exit_code == 2
    assert result.stderr == refused(page, option)
    assert page.read_text(encoding="utf-8") == PAGE


def test_lint_refuses_to_write_over_its_configuration_or_its_glossary(page: Path, tmp_path: Path) -> None:
    terms = tmp_path / "terms"
    terms.mkdir()
    (terms / "places.csv").write_bytes((TINY / "places.csv").read_bytes())
    config = tmp_path / "shuyu.toml"
    config.write_text('glossary = ["terms"]\n', encoding="utf-8")
    before = _unchanged(config, terms / "places.csv")
    app = build_app(["lint"])
    for target in ("shuyu.toml", "terms/places.csv"):
        result = runner.invoke(app, ["lint", str(page), "-o", target])
        assert result.exit_code == 2
        assert result.stderr == refused(target)
    assert _unchanged(config, terms / "places.csv") == before


def test_lint_still_writes_a_new_report_and_renews_its_baseline_in_place(page: Path) -> None:
    app = build_app(["lint"])
    args = ["lint", str(page.parent), "--no-bundled", "-g", str(TINY)]
    report = page.parent / "report.md"  # beside the pages, but not one of them: nothing to refuse
    assert runner.invoke(app, [*args, "-o", str(report)]).exit_code == 1
    assert "repeated-word" in report.read_text(encoding="utf-8")
    baseline = page.with_name("baseline.json")
    assert runner.invoke(app, [*args, "--write-baseline", str(baseline)]).exit_code == 0
    result = runner.invoke(app, [*args, "--baseline", str(baseline), "--write-baseline", str(baseline)])
    assert result.exit_code == 0, result.stderr
    assert page.read_text(encoding="utf-8") == PAGE


def test_score_and_glossary_export_refuse_to_write_over_their_inputs(tmp_path: Path) -> None:
    corpus = tmp_path / "pairs.tsv"
    corpus.write_text("无锡市代表团访问。\tA delegation from Wuxi visited.\n", encoding="utf-8")
    terms = tmp_path / "terms"
    terms.mkdir()
    (terms / "places.csv").write_bytes((TINY / "places.csv").read_bytes())
    before = _unchanged(corpus, terms / "places.csv")
    app = build_app(["score", "glossary"])
    for args, target, option in [
        (["score", str(corpus), "-o", str(corpus)], corpus, "--output"),
        (["score", str(corpus), "--html", str(corpus)], corpus, "--html"),
        (["score", str(corpus), "--suggest", str(corpus)], corpus, "--suggest"),
        (["glossary", "export", "-g", str(terms), "-o", str(terms / "places.csv")], terms / "places.csv", "--output"),
    ]:
        result = runner.invoke(app, args)
        assert result.exit_code == 2, args
        assert result.stderr == refused(target, option)
    assert _unchanged(corpus, terms / "places.csv") == before


def test_po_check_refuses_to_write_over_its_catalog(tmp_path: Path) -> None:
    catalog = tmp_path / "app.po"
    catalog.write_text('msgid ""\nmsgstr ""\n"Language: en\\n"\n\nmsgid "无锡"\nmsgstr "Wuxi"\n', encoding="utf-8")
    before = catalog.read_bytes()
    result = runner.invoke(build_app(["po"]), ["po", "check", str(catalog), "-o", str(catalog)])
    assert result.exit_code == 2
    assert result.stderr == refused(catalog)
    assert catalog.read_bytes() == before


def test_a_report_written_onto_a_link_replaces_its_target_and_keeps_the_link(page: Path) -> None:
    target = page.with_name("report.txt")
    target.write_text("old report\n", encoding="utf-8")
    link = page.with_name("latest.txt")
    link.symlink_to(target.name)
    result = runner.invoke(build_app(["lint"]), ["lint", str(page), "--no-bundled", "-g", str(TINY), "-o", str(link)])
    assert result.exit_code == 1
    assert link.is_symlink()
    assert link.readlink() == Path(target.name)
    assert "repeated-word" in target.read_text(encoding="utf-8")


# Standard output that cannot take the report, in a real process: the failure comes at a write or
# at the last flush, which an in-process runner never reaches.

def _run(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "shuyu", *args], stderr=subprocess.PIPE, cwd=ROOT, check=False,
                          **kwargs)  # type: ignore[call-overload]


FULL_LINE = b"shuyu: error: <stdout>: cannot write: No space left on device (free some space, or send the output elsewhere)\n"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
@pytest.mark.parametrize("args", [
    # A report larger than the stream's buffer fails at a write, a short one at the flush at the end.
    ["check", "corpus/releases/01-delegation.zh.txt", "corpus/releases/01-delegation.en.txt", "-f", "json"],
    ["lint", "-", "--stdin-filename", "page.md", "--no-bundled", "-g", "tests/data/glossary/tiny"],
])
def test_a_full_disk_on_stdout_is_one_line_and_exit_2(args: list[str]) -> None:
    with open("/dev/full", "wb") as full:  # noqa: PTH123
        result = _run(args, stdout=full, input=PAGE.encode())
    assert result.returncode == 2
    assert result.stderr == FULL_LINE


@pytest.mark.parametrize("args", [
    ["check", "corpus/releases/01-delegation.zh.txt", "corpus/releases/01-delegation.en.txt", "-f", "json"],
    ["lint", "-", "--stdin-filename", "page.md", "--no-bundled", "-g", "tests/data/glossary/tiny"],
    ["glossary", "list"],
])
def test_a_pipe_closed_by_its_reader_ends_quietly(args: list[str]) -> None:
    # `shuyu check … | head -1`: the reader has gone before the report is written. A short report
    # failed at the interpreter's last flush ("Exception ignored … BrokenPipeError", exit 120).
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = _run(args, stdout=write_end, input=PAGE.encode())
    finally:
        os.close(write_end)
    assert result.returncode == 2
    assert result.stderr == b""
