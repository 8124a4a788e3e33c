"""`shuyu score` before and after a change, side by side in one run: throughput, CPU, peak RSS, same output.

    python bench/score_before_after.py --before REV [--corpus FILE] [--jobs 1,2] [--repeat 3]

The code of ``REV`` (its ``src`` and ``glossaries``, from ``git archive``) is unpacked to a temporary
directory and run beside the working tree's, each as ``python -m shuyu score CORPUS --format json -o …``
in a subprocess with its own ``PYTHONPATH`` and glossary cache. Runs alternate (before, after, before,
after, …) so that the load of a shared machine falls on both alike; each figure is the median of
``--repeat`` runs, measured as ``bench/score_corpus.py`` measures (``os.wait4`` rusage: wall, CPU of the
process and its workers, ``ru_maxrss``; the process tree's RSS sampled every 50 ms). The JSON outputs
must be byte-identical across versions and ``--jobs``: the script says whether they are. Prints a
Markdown table; never asserts a time.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from score_corpus import ROOT
from score_corpus import Run
from score_corpus import loadavg
from score_corpus import machine
from score_corpus import measure

DEFAULT_CORPUS = ROOT / "bench" / "_data" / "score" / "pairs-100000-s20211110.tsv.gz"


def unpack(rev: str, into: Path) -> Path:
    """``src`` and ``glossaries`` of ``rev`` under ``into`` (the package finds its bundled glossary beside src)."""
    archive = subprocess.run(["git", "archive", rev, "src", "glossaries"], cwd=ROOT, capture_output=True, check=True)
    into.mkdir(parents=True)
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    return into / "src"


def argv(corpus: Path, jobs: int, out: Path) -> list[str]:
    return [sys.executable, "-m", "shuyu", "score", str(corpus), "--format", "json", "-o", str(out), "--jobs", str(jobs)]


def cell(runs: list[Run], pairs: int) -> tuple[str, float, float]:
    wall = statistics.median(r.wall for r in runs)
    cpu = statistics.median(r.cpu for r in runs)
    text = (f"{wall:.1f} s, {pairs / wall:,.0f} pairs/s | {cpu:.1f} s, {pairs / cpu:,.0f} pairs/CPU-s | "
            f"{max(r.maxrss_mb for r in runs):,.0f} MB | {max(r.tree_mb for r in runs):,.0f} MB")
    return text, wall, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--before", required=True, help="git revision of the code to compare with")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="a pairs file (bench/score_corpus.py)")
    parser.add_argument("--pairs", type=int, default=0, help="pairs in the corpus (default: from its file name)")
    parser.add_argument("--jobs", default="1,2")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=1800)
    args = parser.parse_args()
    pairs = args.pairs or int(args.corpus.name.split("-")[1])
    jobs_list = [int(j) for j in args.jobs.split(",")]
    with tempfile.TemporaryDirectory(prefix="score-before-") as tmp:
        work = Path(tmp)
        trees = {"before": unpack(args.before, work / "before"), "after": ROOT / "src"}
        envs = {name: {"PYTHONPATH": str(src), "SHUYU_CACHE_DIR": str(work / f"cache-{name}")}
                for name, src in trees.items()}
        tiny = work / "tiny.tsv"
        tiny.write_text("无锡市委书记出席会议。\tThe Secretary of the CPC Wuxi Municipal Committee attended.\n",
                        encoding="utf-8")
        for name in trees:  # build each glossary cache before anything is measured
            measure(argv(tiny, 1, work / "warm.json"), args.timeout, envs[name])
        load_before = loadavg()
        runs: dict[tuple[str, int], list[Run]] = {(n, j): [] for n in trees for j in jobs_list}
        outputs: set[bytes] = set()  # every run's JSON: one value when all are identical
        for _ in range(args.repeat):
            for jobs in jobs_list:
                for name in trees:
                    out = work / f"{name}-j{jobs}.json"
                    run = measure(argv(args.corpus, jobs, out), args.timeout, envs[name])
                    print(f"  {name} --jobs {jobs}: {run}", file=sys.stderr)
                    runs[name, jobs].append(run)
                    outputs.add(out.read_bytes() if out.exists() else b"")
                    out.unlink(missing_ok=True)
        identical = len(outputs) == 1 and all(r.status == "ok" for rs in runs.values() for r in rs)
    lines = [f"`shuyu score` on {args.corpus.name} ({pairs:,} pairs), before = {args.before}, after = the working "
             f"tree; {machine()}; load average {load_before} before, {loadavg()} after; median of {args.repeat} "
             "alternating runs.", "",
             "| code | --jobs | wall, pairs/s | CPU (all processes), pairs/CPU-s | peak RSS | tree RSS |",
             "|---|---|---|---|---|---|"]
    figures: dict[tuple[str, int], tuple[float, float]] = {}
    for jobs in jobs_list:
        for name in trees:
            text, wall, cpu = cell(runs[name, jobs], pairs)
            figures[name, jobs] = wall, cpu
            lines.append(f"| {name} | {jobs} | {text} |")
    lines.append("")
    for jobs in jobs_list:
        (bw, bc), (aw, ac) = figures["before", jobs], figures["after", jobs]
        lines.append(f"- `--jobs {jobs}`: after/before speed-up {bw / aw:.2f}x wall, {bc / ac:.2f}x CPU.")
    lines.append(f"- JSON output of every run byte-identical across versions and --jobs: {'yes' if identical else 'NO'}.")
    print("\n".join(lines))
    return 0 if identical else 1


if __name__ == "__main__":
    sys.exit(main())
