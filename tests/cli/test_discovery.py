"""Directory search of `shuyu lint`: the files pathlib's rglob finds, named as it names them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from shuyu.cli.lint import LINTABLE
from shuyu.cli.lint import lintable_files


def rglob_files(root: Path) -> list[str]:
    # The straightforward search lintable_files stands for.
    return sorted(str(f) for f in root.rglob("*") if f.is_file() and f.suffix.lower() in LINTABLE)


NAMES = ["a.html", "B.HTM", "c.md", "d.Markdown", "e.txt", "f.xhtml", "g.py", ".hidden.md", ".md", "..html",
         "h.", "i.md.bak", "j.tar.txt", "k l.md", "无锡.md", "noext"]


def _build(root: Path, layout: list[tuple[int, str, str]]) -> None:
    """Files, directories and symlinks from (depth, kind, name) triples, each under the last directory made."""
    dirs = [root]
    for depth, kind, name in layout:
        parent = dirs[min(depth, len(dirs) - 1)]
        target = parent / name
        if target.exists() or target.is_symlink():
            continue
        if kind == "dir":
            target.mkdir()
            dirs.append(target)
        elif kind == "file":
            target.write_text("x", encoding="utf-8")
        elif kind == "link-to-file":
            target.symlink_to(root / "a.html")  # may dangle: then it is not a file
        elif kind == "link-to-dir":
            target.symlink_to(root, target_is_directory=True)  # a loop rglob does not enter
        elif kind == "self-loop":
            target.symlink_to(target)


_LAYOUT = st.lists(st.tuples(st.integers(0, 3),
                             st.sampled_from(["dir", "file", "file", "file", "link-to-file", "link-to-dir", "self-loop"]),
                             st.sampled_from([*NAMES, "sub", "sub.md", ".git"])), max_size=25)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(_LAYOUT)
def test_same_files_as_rglob(tmp_path_factory: pytest.TempPathFactory, layout: list[tuple[int, str, str]]) -> None:
    root = tmp_path_factory.mktemp("site")
    (root / "a.html").write_text("x", encoding="utf-8")
    _build(root, layout)
    assert lintable_files(root) == rglob_files(root)


def test_names_follow_the_root_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "site" / "en").mkdir(parents=True)
    for name in ("site/a.md", "site/en/b.HTML", "site/en/.c.txt", "top.md"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for given_as in (".", "site", "site/", "./site", str(tmp_path), str(tmp_path) + "/site/", "site/../site"):
        root = Path(given_as)
        assert lintable_files(root) == rglob_files(root), given_as
    assert lintable_files(Path()) == sorted(["site/a.md", "site/en/.c.txt", "site/en/b.HTML", "top.md"])


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root reads any directory")
def test_an_unreadable_directory_is_skipped_as_rglob_skips_it(tmp_path: Path) -> None:
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "x.md").write_text("x", encoding="utf-8")
    (tmp_path / "open.md").write_text("x", encoding="utf-8")
    (tmp_path / "locked").chmod(0)
    try:
        assert lintable_files(tmp_path) == rglob_files(tmp_path) == [str(tmp_path / "open.md")]
    finally:
        (tmp_path / "locked").chmod(0o755)
