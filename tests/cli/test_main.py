"""The console script registers only the command it runs, and still offers every command for help."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import sys
from shuyu.cli import main
sys.argv = ["shuyu", *sys.argv[1:]]
try:
    main()
except SystemExit as exit_:
    code = exit_.code
print("MODULES", sorted(sys.modules))
print("EXIT", code)
"""


def probe(*args: str) -> tuple[list[str], str]:
    result = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, cwd=ROOT, check=False)
    lines = result.stdout.splitlines()
    modules = next(line for line in lines if line.startswith("MODULES"))
    exit_code = next(line for line in lines if line.startswith("EXIT")).split()[1]
    return ast.literal_eval(modules.split(" ", 1)[1]), exit_code


def test_lint_of_one_page_imports_no_other_command() -> None:
    modules, code = probe("lint", "corpus/site/index.html")
    assert code in ("0", "1")
    assert "shuyu.cli.lint" in modules
    assert not {"shuyu.cli.po", "shuyu.cli.score", "shuyu.cli.wmt", "shuyu.cli.glossary", "shuyu.cli.check"} & set(modules)


#: Modules a lint of one HTML page in plain text has no use for: each is imported where it is needed
#: (the Markdown reader, colour in a terminal, --jobs, --baseline, the other reporters; pypinyin for
#: names the precomputed readings lack: each test has its own cache, so the probe loads the glossary
#: from its files).
NOT_FOR_ONE_HTML_PAGE = ("markdown_it", "rich", "concurrent.futures.process", "shuyu.formats.markdown",
                         "shuyu.baseline", "shuyu.report.junit", "shuyu.report.sarif", "shuyu.report.json_report",
                         "pypinyin")


def test_lint_of_one_html_page_imports_only_what_it_uses() -> None:
    modules, code = probe("lint", "corpus/site/index.html")
    assert code in ("0", "1")
    assert "shuyu.report.text" in modules
    assert not set(NOT_FOR_ONE_HTML_PAGE) & set(modules)


def test_lint_of_a_markdown_page_imports_the_markdown_reader(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("# Wuxi\n\nThe Wuxi Municipal Government met.\n", encoding="utf-8")
    modules, code = probe("lint", str(page), "--format", "json")
    assert code in ("0", "1")
    assert {"shuyu.formats.markdown", "shuyu.report.json_report"} <= set(modules)
    # A page of plain paragraphs is read by the fast path: markdown-it only comes for a page that needs it.
    assert "markdown_it" not in modules
    assert "shuyu.report.text" not in modules
    page.write_text("# Wuxi\n\nSee [the Wuxi Municipal Government](https://www.wuxi.gov.cn).\n", encoding="utf-8")
    modules, code = probe("lint", str(page), "--format", "json")
    assert "markdown_it" in modules


def test_help_and_version_offer_every_command() -> None:
    result = subprocess.run([sys.executable, "-m", "shuyu", "--help"], capture_output=True, text=True, cwd=ROOT,
                            check=False, env={**os.environ, "COLUMNS": "200"})
    assert result.returncode == 0
    for name in ("check", "lint", "rules", "score", "glossary", "po", "wmt"):
        assert f" {name} " in result.stdout
    version = subprocess.run([sys.executable, "-m", "shuyu", "--version"], capture_output=True, text=True, check=False)
    assert version.stdout.startswith("shuyu ")


def test_a_group_command_runs_through_the_script() -> None:
    result = subprocess.run([sys.executable, "-m", "shuyu", "glossary", "search", "wuxi"], capture_output=True,
                            text=True, cwd=ROOT, check=False)
    assert result.returncode == 0, result.stderr
    assert "无锡" in result.stdout


def test_the_console_script_leaves_what_is_alive_out_of_the_last_collection(monkeypatch) -> None:
    import gc

    from shuyu.cli import main

    monkeypatch.setattr(sys, "argv", ["shuyu", "rules"])
    gc.unfreeze()
    try:
        with pytest.raises(SystemExit) as exit_:
            main()
        assert exit_.value.code in (0, None)
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
