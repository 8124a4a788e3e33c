"""`shuyu lint PATH…`: terminology lint of English pages (HTML, Markdown, text) for CI."""

from __future__ import annotations

import gc
import glob
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING
from typing import Annotated

import typer

from shuyu.cache import load_with_matcher
from shuyu.checks.base import LINT_RULES
from shuyu.checks.base import CheckSettings
from shuyu.checks.consistency import inconsistent_terms
from shuyu.checks.engine import lint_document
from shuyu.cli._errors import glossary_inputs
from shuyu.cli._errors import handles_errors
from shuyu.cli._errors import refuse_writing_inputs
from shuyu.cli._gc import pauses_cyclic_gc
from shuyu.cli._options import FailOnOpt
from shuyu.cli._options import FormatOpt
from shuyu.cli._options import GlossaryOpt
from shuyu.cli._options import IgnoreOpt
from shuyu.cli._options import NoBundledOpt
from shuyu.cli._options import OutputOpt
from shuyu.cli._options import SelectOpt
from shuyu.cli._pool import worker_pool
from shuyu.cli._report import done
from shuyu.cli._report import emit
from shuyu.cli._report import parse_fail_on
from shuyu.cli._report import select_rules
from shuyu.cli._report import settings_from
from shuyu.config import Config
from shuyu.config import load_config
from shuyu.errors import InputError
from shuyu.formats import document_from_text
from shuyu.formats import read_document
from shuyu.fsutil import write_atomic
from shuyu.model import Finding
from shuyu.signature import signature

if TYPE_CHECKING:
    from concurrent.futures import Executor

#: Suffixes a directory is searched for.
LINTABLE = (".html", ".htm", ".xhtml", ".md", ".markdown", ".txt")
_GLOB_CHARS = set("*?[")


def expand_paths(paths: list[str], config: Config) -> list[str]:
    """Files from files, directories (recursive) and globs, in a stable order, excludes applied."""
    out: list[str] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = lintable_files(p)
            if not found:
                # A CI job pointed at the wrong folder (or at pages of another suffix) would pass on nothing.
                raise InputError(f"no file to lint in this directory (suffixes {', '.join(LINTABLE)})", path=raw,
                                 hint="name the pages, or lint them with --type and a glob")
        elif p.is_file():
            found = [raw]
        elif _GLOB_CHARS & set(raw):
            found = sorted(f for f in glob.glob(raw, recursive=True) if Path(f).is_file())  # noqa: PTH207 - shell-style patterns
            if not found:
                raise InputError(f"no file matches {raw!r}", hint="check the pattern (quote it to let shuyu expand **)")
        else:
            raise InputError("no such file or directory", path=raw)
        out += [f for f in found if not config.excluded(f)]
    seen: set[str] = set()
    return [f for f in out if not (f in seen or seen.add(f))]  # type: ignore[func-returns-value]


def lintable_files(root: Path) -> list[str]:
    """The files below ``root`` with a lintable suffix, as strings, sorted.

    What ``sorted(str(f) for f in root.rglob("*") if f.is_file() and f.suffix.lower() in
    LINTABLE)`` gives (the same names, symlinked directories not entered, symlinked files kept,
    unreadable directories skipped), from os.scandir, whose entries know their type: rglob makes
    a Path of every entry and stats it (9 ms for the 1,200-file bench site, 1.5 ms this way).
    """
    found: list[str] = []
    top = str(root)
    # Children are named as pathlib names them: "a.md" below ".", not "./a.md".
    pending = [(top, "" if top == "." else top if top.endswith(os.sep) else top + os.sep)]
    while pending:
        directory, prefix = pending.pop()
        try:
            with os.scandir(directory) as entries:
                for entry in entries:
                    path = prefix + entry.name
                    if _is_dir(entry) and not entry.is_symlink():
                        pending.append((path, path + os.sep))
                    elif _suffix(entry.name).lower() in LINTABLE and _is_file(entry):
                        found.append(path)
        except PermissionError:
            continue
    return sorted(found)


def _suffix(name: str) -> str:
    """``PurePath(name).suffix``: from the last dot, unless the dot starts or ends the name."""
    dot = name.rfind(".")
    return name[dot:] if 0 < dot < len(name) - 1 else ""


# os.DirEntry raises some errors (a symlink loop) that pathlib takes as "no": ask pathlib then.
def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return Path(entry.path).is_dir()


def _is_file(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_file()
    except OSError:
        return Path(entry.path).is_file()


#: From this many bytes of input on, ``--jobs 0`` lints in parallel: a pool costs about 0.1 s to
#: start and to gather from, and one process lints some 14 MB/s, so below a few MB it cannot pay.
AUTO_JOBS_FROM = 4_000_000
#: ``--jobs 0`` uses at most this many processes: each holds a copy of the matcher's automata, and
#: the parent's merge and report stay serial.
MAX_AUTO_JOBS = 8


def input_bytes(files: list[str]) -> int:
    """The size of ``files`` on disk, together (one that cannot be read counts nothing: reading it
    reports the error)."""
    total = 0
    for f in files:
        try:
            total += os.stat(f).st_size  # noqa: PTH116 (a Path per file costs more than the stat)
        except OSError:
            continue
    return total


def auto_jobs(files: list[str], total: int | None = None) -> int:
    """How many processes ``--jobs 0`` lints ``files`` in: one per CPU this process may run on (up to
    :data:`MAX_AUTO_JOBS`) when they come to :data:`AUTO_JOBS_FROM` bytes or more (``total``, when
    the caller knows it), else one."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    if cpus < 2 or len(files) < 2:
        return 1
    if (input_bytes(files) if total is None else total) >= AUTO_JOBS_FROM:
        return min(cpus, MAX_AUTO_JOBS, len(files))
    return 1


# Worker state for --jobs: the glossary and its matcher, once per process.
_WORKER: dict[str, object] = {}


def _init_worker(paths: list[str], bundled: bool, share: int) -> None:
    # A worker that is not a fork of the parent (spawn, forkserver) starts with the cyclic collector
    # on: pause it as the parent's lint does (a forked worker inherits the pause). The worker's
    # process ends with the pool, so nothing turns it back on.
    gc.disable()
    glossary, matcher = load_with_matcher(paths, bundled=bundled)
    # Told its share of the bytes as a forked worker's inherited matcher was (Matcher.expect).
    matcher.expect(share)
    _WORKER["gm"] = glossary, matcher


def _pool(jobs: int, gm: tuple[object, object], layers: list[str], bundled: bool, share: int = 0) -> Executor:
    """A pool of ``jobs`` lint workers, each with the glossary ``gm`` (loaded from ``layers``), about to
    search ``share`` bytes each."""
    return worker_pool(jobs, lambda: _WORKER.__setitem__("gm", gm), _init_worker, (layers, bundled, share))


def _lint_path(args: tuple[str, str | None, CheckSettings]):  # type: ignore[no-untyped-def]
    path, kind, settings = args
    glossary, matcher = _WORKER["gm"]  # type: ignore[misc]
    doc = read_document(path, kind=kind)
    return lint_document(doc, glossary, matcher, settings)


@handles_errors
@pauses_cyclic_gc
def lint(
    paths: Annotated[list[str] | None, typer.Argument(help="Files, directories (recursive) or globs; - for stdin.")] = None,
    file_type: Annotated[str | None, typer.Option("--type", help="Read every input as html, markdown or text "
                                                  "(default: from the suffix).")] = None,
    stdin_filename: Annotated[str | None, typer.Option("--stdin-filename", help="The name to report for stdin "
                                                       "(its suffix sets the type).")] = None,
    config_file: Annotated[Path | None, typer.Option("--config", help="A shuyu.toml or pyproject.toml "
                                                     "(default: found upward from here).")] = None,
    baseline: Annotated[Path | None, typer.Option("--baseline", help="Report only findings not in this baseline.")] = None,
    write_baseline: Annotated[Path | None, typer.Option("--write-baseline", help="Record today's findings here "
                                                        "and exit 0.")] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=0, help="Lint files in N processes (same output); 0, the "
                                      f"default: one per CPU (up to {MAX_AUTO_JOBS}) when the files come to "
                                      f"{AUTO_JOBS_FROM // 1_000_000} MB or more, else one.")] = 0,
    format_: FormatOpt = "text",
    output: OutputOpt = None,
    fail_on: FailOnOpt = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    glossary: GlossaryOpt = None,
    no_bundled: NoBundledOpt = False,
) -> None:
    """Lint English pages: deprecated forms, romanisation, leftover Chinese, punctuation, repeats, drift."""
    config = load_config(config_file) if config_file else load_config(start=Path.cwd())
    level = parse_fail_on(fail_on, config.fail_on)
    base_rules = select_rules(LINT_RULES, select, ignore)
    layers = [str(p) for p in config.glossary] + [str(p) for p in glossary or []]
    g, matcher = load_with_matcher(layers, bundled=not no_bundled)
    inputs = paths or config.include
    if not inputs:
        raise InputError("nothing to lint", hint="give files, directories or globs, or set include in the config")
    # Nor onto the configuration found upward or a glossary file it names.
    writes = {"--output": output, "--write-baseline": write_baseline}
    refuse_writing_inputs(writes, [*glossary_inputs(layers), *([config.path] if config.path else [])])

    def settings_for(path: str) -> CheckSettings:
        return settings_from(base_rules, dict(config.rules_for(path)))

    findings: list[Finding] = []
    occurrences = []
    files: list[str] = []
    if inputs == ["-"]:
        name = stdin_filename or "<stdin>"
        data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode("utf-8")
        doc = document_from_text(_decode_stdin(data, name), name, kind=file_type)
        found, occurrences = lint_document(doc, g, matcher, settings_for(name))
        findings += found
        files = [name]
    else:
        files = expand_paths(inputs, config)
        # Before a page is read: -o or --write-baseline onto a page found in a directory or a glob
        # would replace it (a file named on the command line was refused before the run began).
        refuse_writing_inputs(writes, files)
        work = [(f, file_type, settings_for(f)) for f in files]
        total = input_bytes(files)
        jobs = jobs or auto_jobs(files, total)
        # Each process searches its share: a large share pays for a faster automaton (a fork
        # inherits the matcher, so the workers build theirs as this says).
        share = total // max(1, min(jobs, len(files)))
        matcher.expect(share)
        if jobs > 1 and len(files) > 1:
            try:
                with _pool(jobs, (g, matcher), layers, not no_bundled, share) as pool:
                    results = list(pool.map(_lint_path, work, chunksize=max(1, len(work) // (jobs * 8))))
            finally:
                _WORKER.pop("gm", None)
        else:
            results = [lint_document(read_document(f, kind=file_type), g, matcher, s) for f, file_type, s in work]
        for found, occ in results:
            findings += found
            occurrences += occ
    global_settings = settings_from(base_rules, dict(config.rules))
    findings += inconsistent_terms(occurrences, g, global_settings)
    findings.sort(key=Finding.sort_key)
    if write_baseline is not None or baseline is not None:
        from shuyu import baseline as baseline_mod  # only runs with a baseline pay for its import
    if write_baseline is not None:
        write_atomic(write_baseline, baseline_mod.dump(baseline_mod.entries_for(findings)))
        print(f"wrote {len(findings)} finding(s) to baseline {write_baseline}", file=sys.stderr)
        return
    if baseline is not None:
        try:
            text = baseline.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise InputError("no such baseline file", path=str(baseline),
                             hint="create one with --write-baseline") from None
        findings = baseline_mod.apply(findings, baseline_mod.parse(text, str(baseline)))
    code = emit(findings, fmt=format_, output=output, fail_on=level, files=files,
                signature=signature(g, global_settings))
    done(code)


def _decode_stdin(data: bytes, name: str) -> str:
    from shuyu.formats.decode import decode_bytes

    text, _ = decode_bytes(data, name)
    return text

