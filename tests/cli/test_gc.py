"""Batch commands pause the cyclic garbage collector and restore it, whatever happens inside."""

from __future__ import annotations

import gc
import inspect

import pytest

from shuyu.cli._gc import cyclic_gc_paused
from shuyu.cli._gc import pauses_cyclic_gc
from shuyu.cli.lint import lint


@pytest.fixture(autouse=True)
def _restore_gc():
    was = gc.isenabled()
    yield
    gc.enable() if was else gc.disable()


def test_the_collector_is_off_inside_and_on_again_after() -> None:
    gc.enable()
    with cyclic_gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_the_collector_is_on_again_after_an_exception() -> None:
    gc.enable()
    with pytest.raises(RuntimeError), cyclic_gc_paused():
        raise RuntimeError
    assert gc.isenabled()


def test_a_collector_turned_off_by_the_caller_stays_off() -> None:
    gc.disable()
    with cyclic_gc_paused():
        pass
    assert not gc.isenabled()


def test_the_decorator_keeps_the_signature_typer_reads() -> None:
    def command(path: str, *, jobs: int = 1) -> tuple[str, int, bool]:
        return path, jobs, gc.isenabled()

    wrapped = pauses_cyclic_gc(command)
    assert inspect.signature(wrapped) == inspect.signature(command)
    gc.enable()
    assert wrapped("a", jobs=2) == ("a", 2, False)
    assert gc.isenabled()
    assert inspect.signature(lint).parameters["jobs"].default == 0


def test_lint_runs_without_the_collector_and_restores_it(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    import shuyu.cli.lint as lint_module
    from shuyu.cli import app
    from tests.conftest import TINY

    seen = []
    real = lint_module.lint_document

    def spy(*args, **kwargs):
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(lint_module, "lint_document", spy)
    page = tmp_path / "a.md"
    page.write_text("The CCP met.\n", encoding="utf-8")
    gc.enable()
    result = CliRunner().invoke(app, ["lint", str(page), "--no-bundled", "-g", str(TINY)])
    assert result.exit_code in (0, 1), result.output
    assert seen == [False]
    assert gc.isenabled()
