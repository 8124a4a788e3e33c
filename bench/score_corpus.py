"""`shuyu score` on one million synthetic zh–en pairs: throughput, peak memory, chrF ratio, --jobs 2 speed-up.

    python bench/score_corpus.py [--pairs N] [--repeat R] [--quick] [--seed S] [--timeout SEC]

Data are generated here, deterministically from the seed, and streamed to gzip TSV files under
``bench/_data/score/`` (never committed): each pair is a line of the newstest2021 zh→en source with
its reference translation (``../shared/data/external/wmt21-newstest-zhen/``, read by path), and most
pairs get a sentence with a bundled glossary term planted on both sides, its English written the
preferred way, an admitted way, a deprecated way or left out. Corpora of N/10, 3N/10 and N pairs
are made (one stream: the smaller ones are prefixes of the larger).

Every measurement runs the CLI as a subprocess (``python -m shuyu score FILE --format json``) and
reads the process's own resource usage from the kernel when it is reaped (``os.wait4``, the
accounting ``resource.getrusage(RUSAGE_CHILDREN)`` and ``/usr/bin/time -v`` report): wall time, CPU
time and peak RSS (``ru_maxrss``: the largest single process). With ``--jobs 2`` the workers are
separate processes, so the RSS of the whole process tree is also sampled from ``/proc`` every 50 ms
and its peak reported. Measured:

- pairs per second with the bundled glossary and with the ~50,000-concept national glossary
  (``bench/make_glossary.py``, layered over the bundled one with ``-g``), ``--jobs 1`` and ``--jobs 2``;
- sacrebleu chrF alone on the same pairs (a subprocess reading the same file: the English side as
  hypothesis against the newstest Online-B output of the same source line, streamed in chunks through
  sacrebleu's per-segment statistics, see ``CHRF_SCRIPT``), and the ratio;
- peak RSS at N/10, 3N/10 and N pairs, to show whether memory is flat in corpus length.

Medians of ``--repeat`` runs at N pairs (one run at the smaller sizes). It never asserts a time: the
machine is shared and noisy, so the load average before and after is recorded too, and CPU times
beside wall times. Every figure is kept in ``bench/_data/score/measurements.json``; with ``--budget``
a figure that would not fit is reported from the last run that measured it, with its date and the
code it ran on. Prints a table and writes ``bench/SCORE_RESULTS.md`` (keeping its ``## Notes``).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gzip
import json
import os
import platform
import random
import signal
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import asdict
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench" / "_data" / "score"
NEWS = ROOT.parent / "shared" / "data" / "external" / "wmt21-newstest-zhen"
SOURCE = NEWS / "sources" / "newstest2021.zh-en.src.zh"
REFERENCE = NEWS / "references" / "newstest2021.zh-en.ref.A.en"
SYSTEM = NEWS / "system-outputs" / "newstest2021.zh-en.hyp.Online-B.en"
RESULTS = ROOT / "bench" / "SCORE_RESULTS.md"
SEED = 20211110
GENERATOR = 1  # bump when the generated corpus changes, so cached files are rebuilt
TARGET_RATE = 50_000  # pairs/s with --jobs 2 (issue 7)
TARGET_RSS_MB = 1024  # 1M pairs within 1 GB

# (Chinese sentence, English sentence) around a planted term
FRAMES = [
    ("{zh}出席会议并讲话。", " The {en} attended the meeting and spoke."),
    ("会议由{zh}主持。", " The meeting was chaired by the {en}."),
    ("{zh}有关负责人介绍了情况。", " An official of the {en} briefed the meeting."),
    ("记者从{zh}获悉。", " Reporters learned this from the {en}."),
]
MISSING_EN = ["local officials", "the authorities", "the department concerned"]
# share of planted renderings: preferred, admitted, deprecated, left out
MIX = (("preferred", 0.70), ("admitted", 0.10), ("deprecated", 0.10), ("missing", 0.10))


def read_lines(path: Path) -> list[str]:
    if not path.is_file():
        sys.exit(f"{path} is absent: the benchmark needs ../shared/data/external/wmt21-newstest-zhen")
    return [line.replace("\t", " ").strip() for line in path.read_text(encoding="utf-8").splitlines()]


def plantable() -> list[tuple[str, dict[str, list[str]]]]:
    """(Chinese preferred term, English forms by status) of every bundled concept that has both.

    Runs in a child (``--emit-terms``) so this process never loads a glossary: a child's ``ru_maxrss`` starts
    from its parent's high-water mark, so the parent must stay small for the children's peaks to be theirs."""
    proc = subprocess.run([sys.executable, __file__, "--emit-terms"], capture_output=True, text=True, check=True)
    return [(zh, en) for zh, en in json.loads(proc.stdout)]


def _emit_terms() -> None:
    from shuyu.glossary.load import load_glossary

    out = []
    for concept in sorted(load_glossary().expanded.values(), key=lambda c: c.id):
        zh = [t.text for t in concept.terms if t.lang == "zh" and t.status.value == "preferred"]
        en: dict[str, list[str]] = {}
        for t in concept.terms:
            if t.lang == "en":
                en.setdefault(t.status.value, []).append(t.text)
        if zh and en.get("preferred"):
            out.append((zh[0], en))
    print(json.dumps(out, ensure_ascii=False))


def generate(sizes: list[int], seed: int) -> dict[int, tuple[Path, dict[str, object]]]:
    """Stream the pairs once to ``pairs-N-sSEED.tsv.gz`` (id, zh, en) for every N in sizes: the smaller files are
    prefixes of the larger. A file whose manifest matches is reused."""
    DATA.mkdir(parents=True, exist_ok=True)
    result: dict[int, tuple[Path, dict[str, object]]] = {}
    for n in sizes:
        path = DATA / f"pairs-{n}-s{seed}.tsv.gz"
        manifest_path = path.with_suffix(".json")
        if path.is_file() and manifest_path.is_file():
            manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
            if manifest.get("generator") == GENERATOR and manifest.get("pairs") == n:
                result[n] = path, manifest
    todo = sorted(set(sizes) - set(result))
    if not todo:
        return result
    src, ref = read_lines(SOURCE), read_lines(REFERENCE)
    terms = plantable()
    rng = random.Random(seed)
    planted: dict[str, int] = dict.fromkeys([m for m, _ in MIX], 0)
    start = time.perf_counter()
    paths = {n: DATA / f"pairs-{n}-s{seed}.tsv.gz" for n in todo}
    outs = {n: gzip.open(paths[n].with_suffix(".tmp"), "wt", encoding="utf-8", compresslevel=1)  # noqa: SIM115
            for n in todo}
    size = 0
    try:
        for i in range(todo[-1]):
            k = rng.randrange(len(src))
            zh, en = src[k], ref[k]
            plants = 1 if rng.random() < 0.6 else 0
            plants += 1 if rng.random() < 0.15 else 0
            for _ in range(plants):
                term_zh, forms = terms[rng.randrange(len(terms))]
                frame_zh, frame_en = FRAMES[rng.randrange(len(FRAMES))]
                r, kind = rng.random(), "missing"
                for name, share in MIX:
                    if r < share:
                        kind = name
                        break
                    r -= share
                if kind != "missing" and not forms.get(kind):
                    kind = "preferred" if kind == "admitted" else "missing"
                if kind == "missing":
                    rendering = MISSING_EN[rng.randrange(len(MISSING_EN))]
                    frame_en = frame_en.replace("the {en}", "{en}")
                else:
                    rendering = forms[kind][rng.randrange(len(forms[kind]))]
                planted[kind] += 1
                zh += frame_zh.format(zh=term_zh)
                en += frame_en.format(en=rendering)
            line = f"p{i:07d}-L{k}\t{zh}\t{en}\n"
            size += len(line.encode("utf-8"))
            for n, out in outs.items():
                if i < n:
                    out.write(line)
            if i + 1 in outs:
                outs.pop(i + 1).close()
                path = paths[i + 1]
                path.with_suffix(".tmp").replace(path)
                manifest = {"generator": GENERATOR, "pairs": i + 1, "seed": seed, "planted": dict(planted),
                            "bytes": size, "bytes_gz": path.stat().st_size,
                            "seconds": round(time.perf_counter() - start, 1)}
                path.with_suffix(".json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
                result[i + 1] = path, manifest
    finally:
        for out in outs.values():
            out.close()
    return result


# ---------------------------------------------------------------- measuring a subprocess


@dataclass
class Run:
    wall: float
    cpu: float
    maxrss_mb: float  # ru_maxrss: the largest single process (the scorer, or its largest worker)
    tree_mb: float  # sampled peak of the summed RSS of the process and its children
    status: str  # "ok", "exit N", "timeout"


def _tree_rss_kb(pid: int) -> int:
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with Path(f"/proc/{p}/status").open(encoding="ascii", errors="replace") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
                        break
            with Path(f"/proc/{p}/task/{p}/children").open(encoding="ascii") as f:
                todo += [int(c) for c in f.read().split()]
        except (OSError, ValueError):
            continue
    return total


def measure(argv: list[str], timeout: float, env: dict[str, str] | None = None) -> Run:
    """Run argv, reap it with wait4 for its own rusage, sample the tree's RSS meanwhile."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env={**os.environ, **(env or {})}, start_new_session=True)
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], _tree_rss_kb(proc.pid))
            done.wait(0.05)

    def drain() -> None:
        assert proc.stderr is not None
        err.append(proc.stderr.read()[-4000:])

    err: list[bytes] = []
    threads = [threading.Thread(target=sample, daemon=True), threading.Thread(target=drain, daemon=True)]
    for t in threads:
        t.start()
    killed: list[bool] = []

    def kill() -> None:
        killed.append(True)
        os.killpg(proc.pid, signal.SIGKILL)  # the session this run started: the scorer and its workers

    timer = threading.Timer(timeout, kill)
    timer.start()
    _, wstatus, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    timer.cancel()
    timed_out = bool(killed)
    done.set()
    for t in threads:
        t.join(5)
    proc.returncode = os.waitstatus_to_exitcode(wstatus)
    status = "timeout" if timed_out else "ok" if proc.returncode == 0 else f"exit {proc.returncode}"
    if status not in ("ok", "timeout"):
        print(f"  {' '.join(argv[:6])} … failed: {b''.join(err).decode(errors='replace')}", file=sys.stderr)
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, peak[0] / 1024, status)


@dataclass
class Figure:
    key: str
    label: str
    pairs: int
    runs: list[Run] = field(default_factory=list)
    when: str = ""  # empty: measured in this run; else when and on what code an earlier run measured it
    skipped: str = ""

    @property
    def ok(self) -> bool:
        return bool(self.runs) and all(r.status == "ok" for r in self.runs)

    @property
    def wall(self) -> float:
        return statistics.median(r.wall for r in self.runs)

    @property
    def cpu(self) -> float:
        return statistics.median(r.cpu for r in self.runs)

    @property
    def rate(self) -> float:
        return self.pairs / self.wall

    @property
    def maxrss(self) -> float:
        return max(r.maxrss_mb for r in self.runs)

    @property
    def tree(self) -> float:
        return max(r.tree_mb for r in self.runs)

    def time_cell(self) -> str:
        if not self.runs:
            return f"not run ({self.skipped})" if self.skipped else "not run"
        if not self.ok:
            bad = next(r for r in self.runs if r.status != "ok")
            if bad.status == "timeout":
                return f"stopped after {bad.wall:.0f} s (< {self.pairs / bad.wall:,.0f} pairs/s)"
            return bad.status
        n = f" (median of {len(self.runs)})" if len(self.runs) > 1 else ""
        return f"{self.wall:.1f} s{n}, {self.rate:,.0f} pairs/s, CPU {self.cpu:.1f} s ({self.pairs / self.cpu:,.0f} pairs/CPU-s)"

    def rss_cell(self, tree: bool = False) -> str:
        return f"{self.tree if tree else self.maxrss:,.0f} MB" if self.runs else ""

    def measured(self) -> str:
        return self.when or ("this run" if self.runs else "")


class Store:
    """Measurements kept between invocations (``bench/_data/score/measurements.json``), so a figure that a later,
    time-limited run could not repeat is still reported, with when and on what code it was measured."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.data: dict[str, dict[str, object]] = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.data = {}

    def get(self, key: str) -> Figure | None:
        rec = self.data.get(key)
        if rec is None:
            return None
        runs = [Run(**r) for r in rec["runs"]]  # type: ignore[arg-type, union-attr]
        return Figure(key, str(rec["label"]), int(rec["pairs"]), runs,  # type: ignore[call-overload]
                      when=f"run of {rec.get('run', rec['measured_at'])}, {str(rec['code']).split(' + ')[0]}"
                      + (" + uncommitted changes" if " + " in str(rec["code"]) else ""))

    def put(self, fig: Figure, code: str, run: str) -> None:
        if not fig.ok:
            return
        with contextlib.suppress(OSError, ValueError):  # another invocation may have stored figures meanwhile
            self.data.update(json.loads(self.path.read_text(encoding="utf-8")))
        self.data[fig.key] = {"label": fig.label, "pairs": fig.pairs, "runs": [asdict(r) for r in fig.runs],
                              "measured_at": f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC", "code": code,
                              "run": run}
        tmp = self.path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(self.data, indent=1) + "\n", encoding="utf-8")
        tmp.replace(self.path)


def shuyu_argv(corpus: Path, jobs: int, glossary: Path | None, out: Path) -> list[str]:
    argv = [sys.executable, "-m", "shuyu", "score", str(corpus), "--format", "json", "-o", str(out)]
    if jobs > 1:
        argv += ["--jobs", str(jobs)]
    if glossary is not None:
        argv += ["--no-bundled", "-g", str(glossary)]
    return argv


# sacrebleu's corpus_score keeps every reference's n-gram counts: on 1M pairs it held over 13 GB (and was growing)
# when stopped. chrF's corpus statistics are sums of per-segment statistics, so this streams the same pairs in
# chunks through sacrebleu's own per-segment statistics and sums them: the same score as corpus_score to the last
# digit (checked on 20,000 pairs), at the same cost per pair, in flat memory.
CHRF_SCRIPT = """
import gzip, itertools, sys
from sacrebleu.metrics import CHRF
from sacrebleu.utils import sum_of_lists
system = open(sys.argv[2], encoding="utf-8").read().splitlines()
metric, total = CHRF(), None
with gzip.open(sys.argv[1], "rt", encoding="utf-8") as f:
    while chunk := list(itertools.islice(f, 10000)):
        hyp, ref = [], []
        for line in chunk:
            pid, zh, en = line.rstrip("\\n").split("\\t")
            hyp.append(en)
            ref.append(system[int(pid.rsplit("-L", 1)[1])])
        stats = metric._extract_corpus_statistics(hyp, [ref])
        total = sum_of_lists(stats if total is None else [total, *stats])
print(metric._compute_score_from_stats(total).score)
"""


def machine() -> str:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="ascii", errors="replace").splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        mem = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal"))
        memory = f", {mem / 1024 / 1024:.0f} GB RAM"
    except (OSError, StopIteration):
        memory = ""
    return (f"{os.cpu_count()} cores ({model or platform.processor() or platform.machine()}){memory}, "
            f"Python {platform.python_version()}, {platform.system()} {platform.release()}")


def code_state() -> str:
    def git(*args: str) -> str:
        proc = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False)
        return proc.stdout.rstrip("\n")

    head = git("rev-parse", "--short", "HEAD")
    dirty = sorted(line[3:] for line in git("status", "--porcelain", "--untracked-files=no", "src").splitlines())
    return f"commit {head}" + (f" + uncommitted changes in {', '.join(dirty)}" if dirty else "")


def loadavg() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def expanded_count(path: Path | None) -> int:
    """Concepts the matcher uses, counted in a child (this process stays small)."""
    proc = subprocess.run([sys.executable, __file__, "--emit-count", str(path or "")], capture_output=True, text=True,
                          check=False)
    return int(proc.stdout.strip() or 0)


def _emit_count(path: str) -> None:
    from shuyu.glossary.load import read_glossary

    glossary, _ = read_glossary([path] if path else [], bundled=not path)
    print(len(glossary.expanded))


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--emit-terms":
        _emit_terms()
        return 0
    if len(sys.argv) > 2 and sys.argv[1] == "--emit-count":
        _emit_count(sys.argv[2])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=int, default=1_000_000, help="the largest corpus (default 1,000,000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure at the largest size (median)")
    parser.add_argument("--quick", action="store_true", help="30,000 pairs, one run each: a smoke test of the script")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--budget", type=float, default=0,
                        help="seconds for the measurements, after generation and warm-up (0: no limit); a figure that "
                        "would not fit is reported from the last run that measured it, if any")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds before one run is stopped")
    parser.add_argument("--reuse-chrf", action="store_true", help="report the stored chrF baseline of the same corpus "
                        "instead of measuring it again (sacrebleu alone does not change with shuyu's code)")
    parser.add_argument("--chrf-pairs", type=int, default=0,
                        help="measure chrF on the corpus of this size (one of N/10, 3N/10, N; default N)")
    parser.add_argument("--only", default="bundled,memory,chrf,national",
                        help="comma-separated subset of bundled (largest size), memory (smaller sizes), chrf, national "
                        "to measure; the others are reported from the last run that measured them, if any")
    parser.add_argument("--no-national", action="store_true", help="skip the national glossary")
    parser.add_argument("--no-write", action="store_true", help=f"print only; leave {RESULTS.name} alone")
    args = parser.parse_args()
    if args.quick:
        args.pairs, args.repeat = 30_000, 1
    only = {part.strip() for part in args.only.split(",") if part.strip()}
    env = {"SHUYU_CACHE_DIR": str(DATA / "cache")}
    started = dt.datetime.now(dt.UTC)
    code, load_before = code_state(), loadavg()
    print(f"{machine()}; {code}; load {load_before}", file=sys.stderr)

    n = args.pairs
    sizes = sorted({max(1, n // 10), max(1, n * 3 // 10), n})
    generated = generate(sizes, args.seed)
    corpora = {size: path for size, (path, _) in generated.items()}
    for size, (path, info) in sorted(generated.items()):
        print(f"corpus {size:,} pairs: {path.name}, {int(info['bytes']) / 1e6:.0f} MB, "  # type: ignore[call-overload]
              f"{path.stat().st_size / 1e6:.1f} MB gzip", file=sys.stderr)
    manifest = generated[n][1]

    glossaries: list[tuple[str, Path | None]] = [("bundled", None)]
    if not args.no_national:
        national = DATA / "national"
        proc = subprocess.run([sys.executable, str(ROOT / "bench" / "make_glossary.py"), str(national)],
                              capture_output=True, text=True, check=False)
        if proc.returncode == 0:
            glossaries.append(("national", national))
            print(proc.stderr.strip(), file=sys.stderr)
        else:
            print(f"make_glossary.py failed, national glossary skipped: {proc.stderr[-500:]}", file=sys.stderr)
    # warm the automaton cache of each glossary, so that no measured run builds it
    tiny = DATA / "tiny.tsv"
    tiny.write_text("无锡市委书记出席会议。\tThe Secretary of the CPC Wuxi Municipal Committee attended.\n", encoding="utf-8")
    concepts: dict[str, int] = {}
    for name, path in glossaries:
        warm = measure(shuyu_argv(tiny, 1, path, DATA / f"warm-{name}.json"), args.timeout, env)
        if warm.status != "ok":
            print(f"{name} glossary: shuyu score fails ({warm.status}); skipped", file=sys.stderr)
            continue
        concepts[name] = expanded_count(path)
    glossaries = [(name, path) for name, path in glossaries if name in concepts]

    deadline = time.monotonic() + args.budget if args.budget else float("inf")  # measurements only
    store = Store(DATA / "measurements.json")
    figures: dict[tuple[str, int, int], Figure] = {}
    rates: dict[tuple[str, int], float] = {}  # (glossary, jobs) -> pairs/s measured in this run

    def key(kind: str, size: int, jobs: int) -> str:
        return f"{kind}/{size}/j{jobs}/seed{args.seed}/gen{GENERATOR}"

    def estimate(kind: str, size: int, jobs: int) -> float | None:
        rate = rates.get((kind, jobs)) or rates.get(("bundled", jobs)) or rates.get((kind, 1))
        if rate is None:
            earlier = store.get(key(kind, size, jobs))
            rate = earlier.rate if earlier is not None and earlier.ok else None
        return None if rate is None else size / rate * 1.15 + 10

    def run_figure(kind: str, label: str, size: int, jobs: int, repeat: int, argv: list[str], part: str) -> Figure:
        fig = Figure(key(kind, size, jobs), label, size)
        if part not in only:
            earlier = store.get(fig.key)
            if earlier is not None:
                earlier.label = label
                return earlier
            fig.skipped = "not in --only"
            return fig
        for i in range(repeat):
            left = deadline - time.monotonic()
            est = estimate(kind, size, jobs)
            if i > 0 and est is not None and est > left:
                break  # a median of fewer runs rather than none
            if left < 5 or (est is not None and est > left):
                fig.skipped = f"estimated {est:,.0f} s, {max(left, 0):,.0f} s of the budget left" if est else "budget spent"
                earlier = store.get(fig.key)
                if earlier is not None:
                    earlier.label = label
                    return earlier
                return fig
            fig.runs.append(measure(argv, min(args.timeout, left), None if kind == "chrf" else env))
            print(f"  {label}: {fig.runs[-1]}", file=sys.stderr)
            if fig.runs[-1].status != "ok":
                break
            rates[kind, jobs] = max(rates.get((kind, jobs), 0), size / fig.runs[-1].wall)
        store.put(fig, code, f"{started:%Y-%m-%d %H:%M} UTC")
        return fig

    def shuyu(name: str, path: Path | None, size: int, jobs: int, repeat: int, part: str) -> None:
        out = DATA / f"out-{name}-{size}-j{jobs}.json"
        figures[name, size, jobs] = run_figure(name, f"{name}, {size:,} pairs, --jobs {jobs}", size, jobs, repeat,
                                               shuyu_argv(corpora[size], jobs, path, out), part)

    # in order of importance, so that a limited budget spends itself on the headline figures
    for jobs in (1, 2):
        shuyu("bundled", None, sizes[0], jobs, 1, "memory")
    for jobs in (2, 1):  # --jobs 2 first: the target is set for it
        shuyu("bundled", None, n, jobs, args.repeat, "bundled")
    for size in sizes[1:-1]:
        for jobs in (1, 2):
            shuyu("bundled", None, size, jobs, 1, "memory")
    m = args.chrf_pairs if args.chrf_pairs in sizes else n
    if args.reuse_chrf:
        only.discard("chrf")
    chrf = run_figure("chrf", f"sacrebleu chrF alone, {m:,} pairs", m, 1, args.repeat if m == n else 1,
                      [sys.executable, "-c", CHRF_SCRIPT, str(corpora[m]), str(SYSTEM)], "chrf")
    for name, path in glossaries[1:]:
        for jobs in (1, 2):
            shuyu(name, path, n, jobs, args.repeat, "national")
            if not figures[name, n, jobs].runs and len(sizes) > 1:
                # no time for the largest corpus: measure the smallest, and say so
                shuyu(name, path, sizes[0], jobs, 1, "national")

    summaries = {name: read_summary(DATA / f"out-{name}-{n}-j1.json") for name, _ in glossaries}
    report = render(args, sizes, figures, chrf, glossaries, concepts, manifest, summaries, started, code, load_before,
                    loadavg())
    print(report)
    if not args.no_write:
        previous = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else ""
        notes = previous[previous.index("\n## Notes"):] if "\n## Notes" in previous else ""
        RESULTS.write_text(report + notes, encoding="utf-8")  # hand-written notes are kept
        print(f"wrote {RESULTS.relative_to(ROOT)}", file=sys.stderr)
    return 0


def read_summary(path: Path) -> dict[str, object]:
    try:
        return json.loads(path.read_text(encoding="utf-8"))["corpus"]
    except (OSError, ValueError, KeyError):
        return {}


def ratio(a: Figure, b: Figure, *, same_run: bool = True) -> str:
    """a's time over b's, wall and CPU; for two shuyu figures, only when one run measured both (the same code)."""
    if not (a.ok and b.ok):
        return "n/a"
    if same_run and a.when != b.when:
        return "n/a (measured in different runs)"
    return f"{a.wall / b.wall:.2f}x (CPU {a.cpu / b.cpu:.2f}x)"


def render(args: argparse.Namespace, sizes: list[int], figures: dict[tuple[str, int, int], Figure], chrf: Figure,
           glossaries: list[tuple[str, Path | None]], concepts: dict[str, int], manifest: dict[str, object],
           summaries: dict[str, dict[str, object]], started: dt.datetime, code: str, load_before: str,
           load_after: str) -> str:
    n = args.pairs
    planted = dict(manifest.get("planted", {}))  # type: ignore[call-overload]
    lines = [
        "# `shuyu score` on a synthetic parallel corpus",
        "",
        f"Run {started:%Y-%m-%d %H:%M} UTC on {machine()}; shuyu {code}. Load average {load_before} before and "
        f"{load_after} after: a shared machine where other work ran at the same time, so wall times are noisy "
        "(CPU times less so). Produced by `python bench/score_corpus.py "
        + " ".join(a for a in sys.argv[1:]) + "`.",
        "",
        f"Corpus: {n:,} zh–en pairs from newstest2021 zh→en (a source line with its reference A translation), "
        f"seed {args.seed}, streamed to gzip TSV under `bench/_data/score/` "
        f"({int(manifest.get('bytes', 0)) / 1e6:,.0f} MB uncompressed, "  # type: ignore[call-overload]
        f"{int(manifest.get('bytes_gz', 0)) / 1e6:,.0f} MB gzip); bundled glossary terms planted, their English "  # type: ignore[call-overload]
        f"written: {', '.join(f'{k} {v:,}' for k, v in planted.items())}.",
        "Glossaries: " + "; ".join(f"{name}, {concepts[name]:,} expanded concepts"
                                   + (" (`bench/make_glossary.py`, used alone: `--no-bundled -g`)" if p else "")
                                   for name, p in glossaries) + ".",
        "",
        f"Each figure runs the CLI in a subprocess (`python -m shuyu score FILE --format json -o …`), start-up, "
        f"gzip and JSON output included; at {n:,} pairs the median of up to {args.repeat} runs. Peak RSS is the "
        "kernel's `ru_maxrss` of the reaped process (`os.wait4`: what `getrusage(RUSAGE_CHILDREN)` and "
        "`/usr/bin/time -v` report, the largest single process, so with `--jobs 2` the largest of the parent "
        "and its workers); tree RSS is the peak of the summed RSS of the process and its workers, sampled from "
        "`/proc` every 50 ms.",
        "",
        "| figure | time, throughput | peak RSS | tree RSS | ratio | measured |",
        "|---|---|---|---|---|---|",
    ]

    def row(fig: Figure, note: str = "") -> None:
        lines.append(f"| {fig.label} | {fig.time_cell()} | {fig.rss_cell()} | {fig.rss_cell(tree=True)} | {note} | "
                     f"{fig.measured()} |")

    b1, b2 = figures["bundled", n, 1], figures["bundled", n, 2]
    row(b1)
    row(b2, f"{ratio(b1, b2)} speed-up from --jobs 2")
    for name, _ in glossaries[1:]:
        g1, g2 = figures[name, n, 1], figures[name, n, 2]
        row(g1, f"{ratio(g1, b1)} the time of bundled")
        row(g2, f"{ratio(g1, g2)} speed-up from --jobs 2")
        s1, s2 = figures.get((name, sizes[0], 1)), figures.get((name, sizes[0], 2))
        if s1 is not None and s2 is not None and sizes[0] != n and (s1.runs or s2.runs):
            b = figures["bundled", sizes[0], 1]
            row(s1, f"{ratio(s1, b)} bundled at this size (no time for {n:,} pairs)")
            row(s2, f"{ratio(s1, s2)} speed-up from --jobs 2")
    row(chrf, "baseline")
    m = chrf.pairs
    against = [(f"{name}, --jobs {jobs}", figures.get((name, m, jobs))) for name, _ in glossaries for jobs in (1, 2)]
    cells = [f"{label} {ratio(fig, chrf, same_run=False)}" for label, fig in against if fig is not None and fig.ok and chrf.ok]
    lines += ["", f"shuyu's time over sacrebleu chrF's alone on the same {m:,} pairs (wall; CPU, all processes): "
              + ("; ".join(cells) if cells else "no pair of figures to compare") + "."]
    lines += ["", "Memory against corpus length (bundled glossary, one run each below the largest size):", "",
              "| pairs | --jobs 1 peak RSS | --jobs 1 time | --jobs 2 peak RSS | --jobs 2 tree RSS | --jobs 2 time | "
              "speed-up from --jobs 2 | measured |", "|---|---|---|---|---|---|---|---|"]
    for size in sizes:
        f1, f2 = figures["bundled", size, 1], figures["bundled", size, 2]
        when = " / ".join(dict.fromkeys(w for w in (f1.measured(), f2.measured()) if w))
        lines.append(f"| {size:,} | {f1.rss_cell()} | {f1.time_cell()} | {f2.rss_cell()} | {f2.rss_cell(tree=True)} | "
                     f"{f2.time_cell()} | {ratio(f1, f2)} | {when} |")
    lines += ["", "Against the targets (issue 7; reported, never asserted):", ""]
    if b2.ok:
        verdict = "met" if b2.rate >= TARGET_RATE else f"not met: {b2.rate / TARGET_RATE:.1%} of it"
        lines.append(f"- ≥ {TARGET_RATE:,} pairs/s with `--jobs 2`, bundled glossary: {b2.rate:,.0f} pairs/s, {verdict}.")
    else:
        lines.append(f"- ≥ {TARGET_RATE:,} pairs/s with `--jobs 2`: {b2.time_cell()}.")
    for jobs in (1, 2):
        fig = figures["bundled", n, jobs]
        if fig.runs:
            peak = fig.tree if jobs > 1 else fig.maxrss
            verdict = ("met" if peak <= TARGET_RSS_MB else "not met") + ("" if fig.ok else ", run incomplete")
            lines.append(f"- {n:,} pairs within {TARGET_RSS_MB:,} MB, `--jobs {jobs}`: {peak:,.0f} MB"
                         + (" (tree)" if jobs > 1 else "") + f", {verdict}.")
    for jobs, what in ((1, "peak RSS"), (2, "tree RSS")):
        figs = [figures["bundled", s, jobs] for s in sizes]
        if all(f.runs for f in figs):
            mbs = [f.tree if jobs > 1 else f.maxrss for f in figs]
            lines.append(f"- memory against corpus length, `--jobs {jobs}` ({what}): "
                         f"{' → '.join(f'{m:,.0f}' for m in mbs)} MB for {' → '.join(f'{s:,}' for s in sizes)} pairs.")
    for name, summary in summaries.items():
        if summary:
            lines.append(f"- sanity, {name} glossary at {n:,} pairs: {summary.get('occurrences', 0):,} occurrences of "
                         f"{summary.get('concepts', 0):,} concepts, accuracy micro "
                         f"{float(summary.get('accuracy_micro') or 0):.4f}, consistency micro "  # type: ignore[arg-type]
                         f"{float(summary.get('consistency_micro') or 0):.4f}.")  # type: ignore[arg-type]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
