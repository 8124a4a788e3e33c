"""`shuyu lint` through CliRunner: suppression, baseline, config errors, stdin, formats, --jobs."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from shuyu.cli import app
from tests.conftest import TINY

runner = CliRunner()
G = ["--no-bundled", "-g", str(TINY)]

PAGE = """<html><body>
<p>The CCP Wuxi Municipal Committee met.</p>
<script>var x = "CCP";</script>
<!-- shuyu: disable-next-line=term-deprecated -->
<p>Quoted: the CCP said so.</p>
<p>Leaders of Xu Zhou attended the the meeting.</p>
</body></html>
"""


def lint(*args: str, cwd: Path | None = None):
    return runner.invoke(app, ["lint", *args, *G])


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "a.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "site" / "b.md").write_text("# B\n\nParty Secretary of Wuxi met Huaian leaders.\n\n"
                                            "```\nCCP in code\n```\n", encoding="utf-8")
    return tmp_path


def rows(result) -> list[tuple[str, int, int, str]]:
    data = json.loads(result.stdout)
    return [(f["path"], f["line"], f["column"], f["rule"]) for f in data["findings"]]


def test_lints_directory_with_exact_positions(site: Path) -> None:
    result = lint("site", "--format", "json")
    assert result.exit_code == 1, result.output
    assert rows(result) == [
        ("site/a.html", 2, 8, "term-deprecated"),
        ("site/a.html", 6, 15, "name-romanization"),
        ("site/a.html", 6, 32, "repeated-word"),
        ("site/b.md", 3, 29, "name-romanization"),
    ]


def test_suppression_range_and_next_line(site: Path) -> None:
    page = site / "site" / "a.html"
    page.write_text("<!-- shuyu: disable=term-deprecated,repeated-word -->\n" + PAGE + "<!-- shuyu: enable -->\n"
                    "<p>the CCP again</p>\n", encoding="utf-8")
    result = lint(str(page), "--format", "json")
    assert [(r[1], r[3]) for r in rows(result)] == [(7, "name-romanization"), (10, "term-deprecated")]


def test_baseline_survives_unrelated_edit(site: Path) -> None:
    assert lint("site", "--write-baseline", "base.json").exit_code == 0
    assert lint("site", "--baseline", "base.json").exit_code == 0
    page = site / "site" / "a.html"
    page.write_text("<p>An unrelated new paragraph.</p>\n" + PAGE, encoding="utf-8")
    assert lint("site", "--baseline", "base.json").exit_code == 0
    page.write_text(PAGE + "<p>New: Wu Xi.</p>\n", encoding="utf-8")
    result = lint("site", "--baseline", "base.json", "--format", "json")
    assert result.exit_code == 1
    assert rows(result) == [("site/a.html", 8, 9, "name-romanization")]


def test_config_errors_name_file_and_key(site: Path) -> None:
    (site / "shuyu.toml").write_text("[rules]\nno-such-rule = true\n", encoding="utf-8")
    result = lint("site")
    assert result.exit_code == 2
    assert "shuyu.toml: rules.no-such-rule: unknown rule" in result.stderr


def test_config_turns_rules_off_per_path(site: Path) -> None:
    (site / "shuyu.toml").write_text('[rules]\nrepeated-word = false\n[[overrides]]\npaths = ["site/*.md"]\n'
                                     "rules = { name-romanization = false }\n", encoding="utf-8")
    result = lint("site", "--format", "json")
    assert [r[3] for r in rows(result)] == ["term-deprecated", "name-romanization"]


def test_stdin_with_filename(site: Path) -> None:
    result = runner.invoke(app, ["lint", "-", "--stdin-filename", "page.md", "--format", "json", *G],
                           input="Text about Xu Zhou and `CCP` code.\n")
    assert result.exit_code == 1
    assert rows(result) == [("page.md", 1, 12, "name-romanization")]


@pytest.mark.parametrize("forked", [True, False], ids=["workers-inherit-glossary", "workers-load-glossary"])
def test_jobs_give_identical_output(site: Path, forked: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    # Forked workers use the glossary the parent loaded; other start methods load it in each worker.
    monkeypatch.setattr("shuyu.cli._pool.inherits_memory", lambda context: forked)
    for i in range(6):
        shutil.copy(site / "site" / "a.html", site / "site" / f"copy{i}.html")
    serial = lint("site", "--format", "json")
    parallel = lint("site", "--format", "json", "--jobs", "2")
    assert parallel.stdout == serial.stdout


def test_workers_that_load_the_glossary_pause_the_cyclic_collector(monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    import shuyu.cli.lint as lint_cli

    # As a spawned worker would: not a copy of a parent whose lint paused the collector.
    monkeypatch.setattr("shuyu.cli._pool.inherits_memory", lambda context: False)
    assert gc.isenabled()
    with lint_cli._pool(1, (None, None), [str(TINY)], False) as pool:
        assert pool.submit(gc.isenabled).result() is False
    assert gc.isenabled()


def _worker_expects() -> int:
    import shuyu.cli.lint as lint_cli

    return lint_cli._WORKER["gm"][1]._volume  # type: ignore[index]


def test_workers_that_load_the_glossary_expect_their_share(monkeypatch: pytest.MonkeyPatch) -> None:
    # A spawned worker builds its own matcher: it must hear the share a forked one inherits, or a
    # whole site would be searched with the slower automaton on macOS and Windows.
    import shuyu.cli.lint as lint_cli

    monkeypatch.setattr("shuyu.cli._pool.inherits_memory", lambda context: False)
    with lint_cli._pool(1, (None, None), [str(TINY)], False, 7_000_000) as pool:
        assert pool.submit(_worker_expects).result() == 7_000_000


def test_jobs_zero_lints_in_parallel_from_the_threshold_with_the_same_output(
        site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shuyu.cli.lint as lint_cli

    for i in range(6):
        shutil.copy(site / "site" / "a.html", site / "site" / f"copy{i}.html")
    serial = lint("site", "--format", "json", "--jobs", "1")
    pools: list[int] = []
    real_pool = lint_cli._pool
    monkeypatch.setattr(lint_cli, "_pool", lambda jobs, *rest: pools.append(jobs) or real_pool(jobs, *rest))
    monkeypatch.setattr(lint_cli.os, "sched_getaffinity", lambda pid: {0, 1, 2}, raising=False)
    assert lint("site", "--format", "json").stdout == serial.stdout  # the default is --jobs 0
    assert pools == []  # a few kB: one process
    monkeypatch.setattr(lint_cli, "AUTO_JOBS_FROM", 1_000)
    assert lint("site", "--format", "json").stdout == serial.stdout
    assert pools == [3]  # one per CPU the process may use


def test_each_process_expects_its_share_of_the_bytes(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The matcher is told how much text a process will search, so a large share gets the faster
    # automaton (shuyu.match.Matcher.expect); with --jobs each process searches a part.
    from shuyu.match import Matcher

    expected: list[int] = []
    real_expect = Matcher.expect
    monkeypatch.setattr(Matcher, "expect", lambda self, n: expected.append(n) or real_expect(self, n))
    total = sum(p.stat().st_size for p in (site / "site").iterdir())
    serial = lint("site", "--format", "json", "--jobs", "1")
    assert lint("site", "--format", "json", "--jobs", "2").stdout == serial.stdout
    assert lint("site", "--format", "json", "--jobs", "5").stdout == serial.stdout  # more jobs than files
    assert expected == [total, total // 2, total // 2]
    monkeypatch.setattr("shuyu.match.DFA_BYTES_PER_PATTERN", 0)  # every automaton a DFA: the same report
    assert lint("site", "--format", "json", "--jobs", "1").stdout == serial.stdout


def test_auto_jobs_counts_cpus_files_and_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shuyu.cli.lint as lint_cli

    files = []
    for i in range(3):
        (tmp_path / f"{i}.md").write_text("x" * 600, encoding="utf-8")
        files.append(str(tmp_path / f"{i}.md"))
    monkeypatch.setattr(lint_cli, "AUTO_JOBS_FROM", 1_000)
    monkeypatch.setattr(lint_cli.os, "sched_getaffinity", lambda pid: set(range(16)), raising=False)
    assert lint_cli.auto_jobs(files) == 3  # no more processes than files
    assert lint_cli.auto_jobs(files[:1]) == 1
    assert lint_cli.auto_jobs([*files, str(tmp_path / "gone.md")]) == 4  # a missing file is reported later
    monkeypatch.setattr(lint_cli, "AUTO_JOBS_FROM", 10_000)
    assert lint_cli.auto_jobs(files) == 1  # 1,800 bytes: not worth a pool
    monkeypatch.setattr(lint_cli, "AUTO_JOBS_FROM", 1_000)
    monkeypatch.setattr(lint_cli.os, "sched_getaffinity", lambda pid: {0}, raising=False)
    assert lint_cli.auto_jobs(files) == 1
    monkeypatch.setattr(lint_cli, "MAX_AUTO_JOBS", 2)
    monkeypatch.setattr(lint_cli.os, "sched_getaffinity", lambda pid: set(range(16)), raising=False)
    assert lint_cli.auto_jobs(files) == 2


def test_fail_on_and_clean_page(site: Path) -> None:
    (site / "clean.md").write_text("Huang Qin, Secretary of the CPC Wuxi Municipal Committee.\n", encoding="utf-8")
    assert lint("clean.md").exit_code == 0
    assert lint("site", "--fail-on", "warning").exit_code == 1
    bad = lint("site", "--fail-on", "fatal")
    assert bad.exit_code == 2
    assert "--fail-on 'fatal' is not a level" in bad.stderr


def test_missing_path_and_bad_encoding(site: Path) -> None:
    result = lint("nope.html")
    assert result.exit_code == 2
    assert "nope.html: no such file or directory" in result.stderr
    (site / "bad.txt").write_bytes(b"ok \xff\xfe\xfa broken")
    result = lint("bad.txt")
    assert result.exit_code == 2
    assert "byte 3" in result.stderr
    assert "Traceback" not in result.output


def test_github_and_sarif_formats(site: Path) -> None:
    gh = lint("site", "--format", "github")
    assert gh.stdout.splitlines()[0].startswith("::error file=site/a.html,line=2,col=8,")
    sarif = json.loads(lint("site", "--format", "sarif").stdout)
    assert sarif["version"] == "2.1.0"
    assert len(sarif["runs"][0]["results"]) == 4


def test_a_directory_with_nothing_to_lint_is_an_input_error(site: Path) -> None:
    # A CI job pointed at the wrong folder, or at pages of another suffix, must not pass on nothing.
    (site / "php").mkdir()
    (site / "php" / "index.php").write_text("<p>Xu Zhou</p>\n", encoding="utf-8")
    result = lint("php")
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "shuyu: error: php: no file to lint in this directory (suffixes .html, .htm, .xhtml, .md, .markdown, "
        ".txt) (name the pages, or lint them with --type and a glob)"]
    assert lint("php/index.php", "--type", "html").exit_code == 1  # named, with its type: linted


def test_files_the_configuration_excludes_are_left_out_without_an_error(site: Path) -> None:
    # pre-commit names every changed file, excluded ones too: they are skipped, not an error.
    (site / "shuyu.toml").write_text('exclude = ["site/b.md"]\n', encoding="utf-8")
    result = lint("site/b.md", "site/a.html", "--format", "json")
    assert result.exit_code == 1
    assert {row[0] for row in rows(result)} == {"site/a.html"}
    assert lint("site/b.md").exit_code == 0
