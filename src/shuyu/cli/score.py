"""`shuyu score CORPUS…`: terminology accuracy and consistency over a parallel corpus, with sacrebleu beside it."""

from __future__ import annotations

import contextlib
import sys
from collections import deque
from collections.abc import Callable
from collections.abc import Iterable
from collections.abc import Iterator
from concurrent.futures import Future
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Annotated
from typing import Any

import typer

from shuyu import score_report
from shuyu.cache import load_with_matcher
from shuyu.cli._errors import SWAP_SAMPLE
from shuyu.cli._errors import handles_errors
from shuyu.cli._errors import refuse_swapped
from shuyu.cli._options import GlossaryOpt
from shuyu.cli._options import NoBundledOpt
from shuyu.cli._options import OutputOpt
from shuyu.cli._pool import worker_pool
from shuyu.errors import InputError
from shuyu.formats.bilingual import LINE_FORMATS
from shuyu.formats.bilingual import format_of
from shuyu.formats.bilingual import line_blocks
from shuyu.formats.bilingual import pair_tuples
from shuyu.formats.bilingual import read_pairs
from shuyu.formats.bilingual import yields_no_pair
from shuyu.formats.decode import read_text
from shuyu.fsutil import write_atomic
from shuyu.glossary.model import Glossary
from shuyu.match import Matcher
from shuyu.metrics import CHUNK
from shuyu.metrics import MAX_MISSING_FORMS
from shuyu.metrics import CorpusStats
from shuyu.metrics import Scorer
from shuyu.metrics import chunks
from shuyu.metrics import combine
from shuyu.metrics import score_pairs
from shuyu.signature import signature
from shuyu.suggest import suggestions


def corpus_pairs(paths: list[Path]) -> Iterator[tuple[str, str, str]]:
    """``(id, zh, en)`` from bilingual files, or from directories of ``NAME.zh.*`` / ``NAME.en.*`` releases."""
    for path in paths:
        if path.is_dir():
            found = False
            for zh in sorted(path.rglob("*.zh.*")):
                en = zh.with_name(zh.name.replace(".zh.", ".en.", 1))
                if en.is_file():
                    found = True
                    yield str(zh.relative_to(path)), read_text(zh)[0], read_text(en)[0]
            if not found:  # scored anyway, a report of zeros with exit 0 (a CI job pointed at the wrong folder)
                raise InputError("no releases in the directory", path=str(path),
                                 hint="it should hold pairs of files such as NAME.zh.txt and NAME.en.txt")
        elif format_of(path) in LINE_FORMATS:  # read_pairs' lines, numbers and errors, parsed a block at a time
            fmt = format_of(path)
            for first, lines in line_blocks(path):
                yield from pair_tuples(path, fmt, enumerate(lines, first))
        else:
            for pair in read_pairs(path):
                yield f"{path.name}:{pair.id}", pair.zh, pair.en


def unpaired_files(directory: Path) -> list[str]:
    """The ``NAME.zh.*`` files of a release directory with no ``NAME.en.*`` partner, and the ``NAME.en.*`` files
    that are no Chinese file's partner (what :func:`corpus_pairs` skips), relative to it, sorted."""
    partners: set[Path] = set()
    orphans: list[Path] = []
    for zh in directory.rglob("*.zh.*"):
        if not zh.is_file():
            continue
        en = zh.with_name(zh.name.replace(".zh.", ".en.", 1))
        if en.is_file():
            partners.add(en)
        else:
            orphans.append(zh)
    orphans += [en for en in directory.rglob("*.en.*") if en.is_file() and en not in partners]
    return sorted({p.relative_to(directory).as_posix() for p in orphans})


#: Unpaired files a note names (the rest are counted).
_NAMED = 10


def _note_unpaired(paths: list[Path]) -> None:
    """One note on stderr per release directory that holds files without their translation: they are skipped."""
    for path in paths:
        if not path.is_dir():
            continue
        orphans = unpaired_files(path)
        if orphans:
            files = "1 file without its translation" if len(orphans) == 1 else \
                f"{len(orphans)} files without their translation"
            names = ", ".join(orphans[:_NAMED])
            if len(orphans) > _NAMED:
                names += f", … {len(orphans) - _NAMED} more"
            print(f"note: {path}: {files} skipped: {names}", file=sys.stderr)


@dataclass(frozen=True, slots=True)
class _Lines:
    """Lines of a pair file for a worker to parse, the first of them line ``first`` of the file. A list of
    lines pickles several times faster than the lines joined into one text (a joined text of Chinese lines
    takes the widest character of any of them, and is encoded whole), and is what the worker needs."""

    path: str
    fmt: str
    first: int
    lines: list[str]


#: A piece of a work item: lines to parse, or pairs the parent has read already (other formats, directories).
_Part = _Lines | list[tuple[str, str, str]]


def _work_items(paths: list[Path], size: int) -> Iterator[tuple[list[_Part], int]]:
    """``metrics.chunks(corpus_pairs(paths), size)`` as ``(parts, pairs)`` work items for ``--jobs``: the same
    pairs in the same chunks, but lines of TSV and JSONL files are left for the workers to parse, so that the
    parent only reads and decodes (a C call per block) and counts the lines that give a pair.

    When reading fails, the item read so far is yielded before the error is raised: in one process the
    pairs before a bad line are scored before it, and a worker's error in them must come first.
    """
    parts: list[_Part] = []
    have = 0
    try:
        for path in paths:
            fmt = None if path.is_dir() else format_of(path)
            if fmt not in LINE_FORMATS:
                pairs: list[tuple[str, str, str]] = []
                parts.append(pairs)  # filled in place; an empty list costs nothing
                for pair in corpus_pairs([path]):
                    pairs.append(pair)
                    have += 1
                    if have == size:
                        yield parts, have
                        pairs = []
                        parts, have = [pairs], 0
                continue
            name = str(path)
            for first, lines in line_blocks(path):
                if first == 1 or not all(map(str.strip, lines)):
                    # ends[k]: the index after the k-th line that gives a pair
                    ends: list[int] | None = [i + 1 for i, line in enumerate(lines)
                                              if not yields_no_pair(fmt, first + i, line)]
                    total = len(ends)
                else:
                    ends, total = None, len(lines)  # every line gives a pair
                start = taken = 0
                while taken < total:
                    take = min(size - have, total - taken)
                    taken += take
                    end = ends[taken - 1] if ends is not None else taken
                    parts.append(_Lines(name, fmt, first + start, lines[start:end]))
                    start, have = end, have + take
                    if have == size:
                        yield parts, have
                        parts, have = [], 0
    except Exception:
        if have:
            yield parts, have
        raise
    if have:
        yield parts, have


_SWAP_HINT = "give the Chinese first: zh then en columns, or --src with the Chinese source"


def _lines(path: Path) -> list[str]:
    return read_text(path)[0].splitlines()


_WORKER: dict[str, Any] = {}


def _init(paths: list[str], bundled: bool) -> None:
    _WORKER["scorer"] = Scorer(*load_with_matcher(paths, bundled=bundled))


def _share(glossary: Glossary, matcher: Matcher) -> None:
    # A forked worker finds the parent's glossary and matcher here; each scores with its own Scorer (it
    # caches what it learns of concepts), as a worker that loads them does.
    _WORKER["scorer"] = Scorer(glossary, matcher)


def _score_item(parts: list[_Part]) -> CorpusStats:
    # Unpruned: the parent merges and prunes chunk by chunk, exactly as one process does.
    pairs: list[tuple[str, str, str]] = []
    for part in parts:
        if isinstance(part, _Lines):
            pairs += pair_tuples(Path(part.path), part.fmt, enumerate(part.lines, part.first))
        else:
            pairs += part
    return _WORKER["scorer"].score_chunk(pairs)


def _result(future: Future[CorpusStats], n: int) -> CorpusStats:
    stats = future.result()
    if stats.pairs != n:  # the parent's count of pair lines decides where chunks end: it must be exact
        raise RuntimeError(f"a work item of {n} pairs gave {stats.pairs}")
    return stats


def _in_order(pool: ProcessPoolExecutor, items: Iterable[tuple[list[_Part], int]], jobs: int,
              advance: Callable[[int], None]) -> Iterator[CorpusStats]:
    """Chunk results in corpus order, with at most two chunks per worker in flight (memory stays flat;
    ``pool.map`` would read the whole corpus first). An error reading the corpus is raised after the
    chunks before it, whose own errors (a bad line a worker parsed) come first, as in one process."""
    pending: deque[tuple[Future[CorpusStats], int]] = deque()
    failure: Exception | None = None
    it = iter(items)
    while True:
        try:
            item = next(it, None)
        except Exception as exc:  # re-raised below, once the chunks before it are done
            failure = exc
            break
        if item is None:
            break
        parts, n = item
        pending.append((pool.submit(_score_item, parts), n))
        if len(pending) >= 2 * jobs:
            stats = _result(*pending.popleft())
            yield stats
            advance(stats.pairs)
    while pending:
        stats = _result(*pending.popleft())
        yield stats
        advance(stats.pairs)
    if failure is not None:
        raise failure


def _counted(pairs: Iterable[tuple[str, str, str]], advance: Callable[[int], None],
             every: int = 500) -> Iterator[tuple[str, str, str]]:
    n = 0
    for pair in pairs:
        yield pair
        n += 1
        if n == every:
            advance(n)
            n = 0
    if n:
        advance(n)


def _stderr_is_tty() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


@contextlib.contextmanager
def _progress_bar(show: bool) -> Iterator[Callable[[int], None]]:
    """``advance(n)`` for a rich progress bar on stderr, or a no-op when it is not shown.

    The total is not known (the corpus is streamed), so the bar counts pairs and their rate.
    """
    if not show:
        yield lambda n: None
        return
    from rich.console import Console
    from rich.progress import BarColumn
    from rich.progress import Progress
    from rich.progress import ProgressColumn
    from rich.progress import SpinnerColumn
    from rich.progress import Task
    from rich.progress import TextColumn
    from rich.progress import TimeElapsedColumn
    from rich.text import Text

    class Rate(ProgressColumn):
        def render(self, task: Task) -> Text:
            return Text(f"{task.speed:,.0f} pairs/s" if task.speed else "")

    columns = (SpinnerColumn(), TextColumn("scoring"), BarColumn(), TextColumn("{task.completed:,.0f} pairs"),
               Rate(), TimeElapsedColumn())
    with Progress(*columns, console=Console(file=sys.stderr, force_terminal=True), transient=True) as bar:
        task = bar.add_task("score", total=None)
        yield lambda n: bar.advance(task, n)


def mt_scores(hyp: list[str], ref: list[str], *, ter: bool) -> dict[str, Any]:
    """sacrebleu BLEU and chrF (and TER on request), with their signatures, unchanged."""
    from sacrebleu.metrics import BLEU
    from sacrebleu.metrics import CHRF
    from sacrebleu.metrics import TER

    zh_target = any("\u4e00" <= ch <= "\u9fff" for line in ref[:200] for ch in line)
    metrics: list[tuple[str, Any]] = [("BLEU", BLEU(tokenize="zh" if zh_target else "13a")), ("chrF", CHRF())]
    if ter:
        metrics.append(("TER", TER(normalized=zh_target, asian_support=zh_target)))
    out = {}
    for name, metric in metrics:
        result = metric.corpus_score(hyp, [ref])
        out[name] = {"score": result.score, "signature": str(metric.get_signature())}
    return out


@handles_errors
def score(
    corpus: Annotated[list[Path] | None, typer.Argument(help="Bilingual files (tsv, jsonl, tmx, xliff, corpus.zh "
                                                      "with corpus.en; .gz too) or directories of release pairs.")] = None,
    src: Annotated[Path | None, typer.Option("--src", help="Chinese source lines, for --hyp's terminology.")] = None,
    hyp: Annotated[Path | None, typer.Option("--hyp", help="A translation to evaluate (line-aligned).")] = None,
    ref: Annotated[Path | None, typer.Option("--ref", help="Its reference translation (line-aligned).")] = None,
    ter: Annotated[bool, typer.Option("--ter", help="Also compute TER (slow).")] = False,
    format_: Annotated[str, typer.Option("--format", "-f", help="text, json or csv.")] = "text",
    output: OutputOpt = None,
    html_file: Annotated[Path | None, typer.Option("--html", help="Also write a self-contained HTML report.")] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Score in N processes (same results).")] = 1,
    suggest: Annotated[Path | None, typer.Option("--suggest", help="Write the recurring unapproved English "
                                                 "renderings as proposals for 'shuyu glossary import'.")] = None,
    suggest_min: Annotated[int, typer.Option("--suggest-min", min=1, help="How often a rendering must recur to "
                                             "be proposed.")] = 2,
    suggest_status: Annotated[str, typer.Option("--suggest-status", help="Status the proposals carry: deprecated "
                                                "(default: flag the drift) or admitted.")] = "deprecated",
    progress: Annotated[bool, typer.Option("--progress/--no-progress", help="A progress bar on stderr (shown only "
                                           "when stderr is a terminal).")] = True,
    glossary: GlossaryOpt = None,
    no_bundled: NoBundledOpt = False,
) -> None:
    """Score how each glossary concept is translated across a corpus; BLEU/chrF/TER with --hyp/--ref."""
    if format_ not in ("text", "json", "csv"):
        raise InputError(f"unknown format {format_!r}", hint="use text, json or csv")
    if suggest_status not in score_report.SUGGEST_STATUSES:
        raise InputError(f"unknown proposal status {suggest_status!r}", hint="use deprecated or admitted")
    layers = [str(p) for p in glossary or []]
    g, matcher = load_with_matcher(layers, bundled=not no_bundled)
    if hyp is not None or ref is not None:
        if hyp is None or ref is None:
            raise InputError("--hyp and --ref go together")
        hyp_lines, ref_lines = _lines(hyp), _lines(ref)
        if len(hyp_lines) != len(ref_lines):
            raise InputError(f"--hyp has {len(hyp_lines)} lines, --ref {len(ref_lines)}", path=str(hyp))
        mt = mt_scores(hyp_lines, ref_lines, ter=ter)
        terms = src is not None  # without the Chinese no terminology is scored: no term figures to show
        pairs: Iterator[tuple[str, str, str]] = iter(())
        items: Iterator[tuple[list[_Part], int]] | None = None
        if src is not None:
            src_lines = _lines(src)
            if len(src_lines) != len(hyp_lines):
                raise InputError(f"--src has {len(src_lines)} lines, --hyp {len(hyp_lines)}", path=str(src))
            refuse_swapped(src, zip(src_lines[:SWAP_SAMPLE], hyp_lines[:SWAP_SAMPLE], strict=True), _SWAP_HINT)
            pairs = ((str(i), z, h) for i, (z, h) in enumerate(zip(src_lines, hyp_lines, strict=True), start=1))
    else:
        if not corpus:
            raise InputError("nothing to score", hint="give a corpus, or --hyp and --ref")
        mt = {}
        terms = True
        for path in corpus:
            refuse_swapped(path, ((zh, en) for _, zh, en in islice(corpus_pairs([path]), SWAP_SAMPLE)), _SWAP_HINT)
        _note_unpaired(corpus)  # once, whatever reads the directories again (one process, --jobs)
        pairs = corpus_pairs(corpus)
        items = _work_items(corpus, CHUNK)
    with _progress_bar(progress and _stderr_is_tty()) as advance:
        if jobs > 1:
            if items is None:
                items = (([block], len(block)) for block in chunks(pairs, CHUNK))
            try:
                with worker_pool(jobs, lambda: _share(g, matcher), _init, (layers, not no_bundled)) as pool:
                    stats = combine(_in_order(pool, items, jobs, advance), MAX_MISSING_FORMS)
            finally:
                _WORKER.pop("scorer", None)
        else:
            stats = score_pairs(_counted(pairs, advance), g, matcher, chunk=CHUNK, keep=MAX_MISSING_FORMS)
    sig = signature(g)
    if format_ == "json":
        text = score_report.to_json(stats, sig, mt)
    elif format_ == "csv":
        text = score_report.to_csv(stats)
    else:
        text = score_report.to_text(stats, sig, mt, terms=terms)
    if output is None:
        sys.stdout.write(text)
    else:
        write_atomic(output, text)
    if html_file is not None:
        write_atomic(html_file, score_report.to_html(stats, sig, mt=mt))
        print(f"wrote {html_file}", file=sys.stderr)
    if suggest is not None:
        rows = suggestions(stats, g, min_count=suggest_min, matcher=matcher)
        write_atomic(suggest, score_report.to_suggest_csv(rows, suggest_status))
        print(f"wrote {suggest}: {len(rows)} proposal(s); review them, then 'shuyu glossary import {suggest}'",
              file=sys.stderr)
