"""The Markdown reader alone: MB/s of ``parse_markdown`` on a set of .md files (CPU time, best/median).

Usage: ``python bench/markdown_reader.py [DIR|FILELIST ...] [--repeat N] [--slow] [--compare]``. A
directory is read for ``*.md``; a ``.txt`` argument is a list of paths, one a line (real-world
files). ``--slow`` also times the markdown-it path (``parse_markdown(..., fast=False)``, the reader
as it was before the fast path), interleaved with the reader; ``--compare`` checks that both give
equal Documents on every file and counts the files the fast path read.
It never asserts a time: these machines are shared and noisy.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from shuyu.formats.markdown import _without_front_matter
from shuyu.formats.markdown import parse_markdown
from shuyu.formats.markdown_fast import plain_segments
from shuyu.text.document import Document


def load(args: list[str]) -> list[tuple[str, str]]:
    """(path, text) of every file named or found, undecodable files left out."""
    paths: list[Path] = []
    for arg in args:
        p = Path(arg)
        if p.is_dir():
            paths += sorted(p.glob("*.md"))
        elif p.suffix == ".txt":
            paths += [Path(line) for line in p.read_text(encoding="utf-8").splitlines() if line]
        else:
            paths.append(p)
    out = []
    for p in paths:
        try:
            out.append((str(p), p.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError):
            continue
    return out


def reading(doc: Document) -> tuple[object, ...]:
    """Everything a Document says, offsets as plain lists, for comparing two readings."""
    segments = [(s.text, list(s.offsets.derived), list(s.offsets.original), s.offsets.length,
                 s.offsets.original_end, s.scope, s.block, s.lang) for s in doc.segments]
    return doc.kind, segments, doc.suppressions


def compare(files: list[tuple[str, str]]) -> None:
    """The fast path and markdown-it must give equal Documents; counts, and the files that differ."""
    plain = equal = 0
    for path, text in files:
        doc = parse_markdown(text, path)
        took = plain_segments(text, doc.lines, _begin(doc), 0) is not None
        plain += took
        if reading(doc) == reading(parse_markdown(text, path, fast=False)):
            equal += 1
        else:
            print("DIFFERS", path, "(fast path)" if took else "")
    print(f"{len(files)} files, {plain} read by the fast path, {equal} equal")


def _begin(doc: Document) -> int:
    """Where the page's Markdown starts (after front matter), as the reader finds it."""
    n = _without_front_matter(doc.text, doc.lines)[1]
    return doc.lines.starts[n] if n < len(doc.lines.starts) else len(doc.text)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("inputs", nargs="*", default=["bench/_data/site-1000"])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--slow", action="store_true", help="also time the markdown-it path, interleaved")
    ap.add_argument("--compare", action="store_true", help="check fast path = markdown-it on every file")
    a = ap.parse_args()
    files = load(a.inputs)
    if a.compare:
        compare(files)
        return
    size = sum(len(t.encode("utf-8")) for _, t in files) / 1e6
    # Interleaved, so that both readings see the same load on these shared cores.
    modes = {"reader": True, "markdown-it path": False} if a.slow else {"reader": True}
    times: dict[str, list[float]] = {name: [] for name in modes}
    for _ in range(a.repeat):
        for name, fast in modes.items():
            t0 = time.process_time()
            for path, text in files:
                parse_markdown(text, path, fast=fast)
            times[name].append(time.process_time() - t0)
    for name, ts in times.items():
        best, med = min(ts), statistics.median(ts)
        print(f"{name}: {len(files)} files, {size:.2f} MB: best {best:.3f} s ({size / best:.1f} MB/s), "
              f"median {med:.3f} s ({size / med:.1f} MB/s)")


if __name__ == "__main__":
    main()
