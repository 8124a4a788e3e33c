"""shuyu against an earlier shuyu, side by side in one run: what a change bought, on the same data.

    python bench/compare.py [--base REV] [--repeat N] [--quick]

The earlier version is checked out with ``git worktree`` into a temporary folder; each figure is
measured in fresh child processes, the two versions taking turns run by run (so both see the same
load on a shared machine), and reported as the median CPU time of each, their ratio, and whether
the two versions gave the same output (a digest of every finding or score). The data are the
bench site of ``bench/run.py`` (built there when absent), a release pair made by repeating the
bundled releases, and pairs from newstest2021. Nothing is asserted; the table goes to stdout and
to ``bench/COMPARE.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "src"))

import run as suite  # noqa: E402  (bench/run.py: the site generator and data paths)

# Each probe runs in a child process with one version's src/ first on sys.path and prints
# {"cpu": seconds, "digest": ...}. Only APIs both versions have are used.
_LINT = """
import hashlib, json, sys, time
from pathlib import Path
from shuyu.cache import load_with_matcher
from shuyu.checks.base import LINT_RULES, CheckSettings
from shuyu.checks.engine import lint_documents
from shuyu.formats import read_document
g, m = load_with_matcher([], bundled=True)
files = sorted(Path(sys.argv[1]).iterdir())
t = time.process_time()
found = lint_documents([read_document(f) for f in files], g, m, CheckSettings(LINT_RULES))
cpu = time.process_time() - t
rows = sorted(repr((f.rule, Path(f.location.path).name, f.location.line, f.location.column, f.message)) for f in found)
print(json.dumps({"cpu": cpu, "digest": hashlib.sha256("\\n".join(rows).encode()).hexdigest()[:12],
                  "n": len(rows)}))
"""
_CHECK = """
import hashlib, json, sys, time
from pathlib import Path
from shuyu.cache import load_with_matcher
from shuyu.checks.base import CHECK_RULES, CheckSettings
from shuyu.checks.engine import check_release
from shuyu.text.document import plain_document
zh, en = Path(sys.argv[1]).read_text(encoding="utf-8"), Path(sys.argv[2]).read_text(encoding="utf-8")
g, m = load_with_matcher([], bundled=True)
t = time.process_time()
r = check_release(plain_document("zh", zh), plain_document("en", en), g, m, CheckSettings(CHECK_RULES))
cpu = time.process_time() - t
rows = [repr((f.rule, f.location.line, f.location.column, f.message)) for f in r.findings]
print(json.dumps({"cpu": cpu, "digest": hashlib.sha256("\\n".join(rows).encode()).hexdigest()[:12],
                  "n": len(rows)}))
"""
_SCORE = """
import hashlib, json, sys, time
from shuyu.cache import load_with_matcher
from shuyu.metrics import score_pairs
pairs = [tuple(line.rstrip("\\n").split("\\t")) for line in open(sys.argv[1], encoding="utf-8")]
g, m = load_with_matcher([], bundled=True)
t = time.process_time()
stats = score_pairs(pairs, g, m)
cpu = time.process_time() - t
summary = (stats.pairs, stats.numbers_total, stats.numbers_agree, stats.dates_total, stats.dates_agree,
           sorted((k, v.occurrences, sorted(v.renderings.items()), sorted(v.statuses.items()),
                   sorted(v.missing_renderings.items())) for k, v in stats.concepts.items()))
print(json.dumps({"cpu": cpu, "digest": hashlib.sha256(repr(summary).encode()).hexdigest()[:12], "n": len(pairs)}))
"""
_START = """
import json, resource, subprocess, sys
subprocess.run([sys.executable, "-m", "shuyu", "lint", sys.argv[1]], capture_output=True)
r = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"cpu": r.ru_utime + r.ru_stime, "digest": "", "n": 0}))
"""


def probe(src: Path, script: str, args: list[str], cache: Path) -> dict[str, float | str]:
    env = {**os.environ, "PYTHONPATH": str(src), "SHUYU_CACHE_DIR": str(cache)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed shuyu has its bytecode
    out = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, env=env, check=False)
    if out.returncode != 0:
        raise SystemExit(f"probe failed in {src}: {out.stderr.strip().splitlines()[-1:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def release_pair(target: float, folder: Path) -> tuple[Path, Path, float]:
    """A Chinese and an English text of about ``target`` bytes together, from the bundled releases."""
    from shuyu.formats.decode import read_text

    zh_parts, en_parts = [], []
    for zh in sorted((ROOT / "corpus" / "releases").glob("*.zh.txt")):
        en = zh.with_name(zh.name.replace(".zh.", ".en."))
        zh_parts.append(read_text(zh)[0].strip())  # some releases are GB18030 or UTF-16
        en_parts.append(read_text(en)[0].strip())
    unit_zh, unit_en = "\n\n".join(zh_parts), "\n\n".join(en_parts)
    times = max(1, int(target / len((unit_zh + unit_en).encode("utf-8"))))
    zh_path, en_path = folder / "release.zh.txt", folder / "release.en.txt"
    zh_path.write_text("\n\n".join([unit_zh] * times), encoding="utf-8")
    en_path.write_text("\n\n".join([unit_en] * times), encoding="utf-8")
    return zh_path, en_path, (zh_path.stat().st_size + en_path.stat().st_size) / 1e6


def score_corpus(n: int, folder: Path) -> Path:
    src = (suite.NEWS / "sources" / "newstest2021.zh-en.src.zh").read_text(encoding="utf-8").splitlines()
    ref = (suite.NEWS / "references" / "newstest2021.zh-en.ref.A.en").read_text(encoding="utf-8").splitlines()
    path = folder / f"pairs-{n}.tsv"
    path.write_text("".join(f"p{i}\t{src[i % len(src)]}\t{ref[i % len(ref)]}\n" for i in range(n)), encoding="utf-8")
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base", default="661de05", help="the earlier revision (default: before the speed work of "
                        "2026-12-02)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="a tenth of the site and smaller inputs")
    args = parser.parse_args()

    pages, mds = (100, 20) if args.quick else (1000, 200)
    site = suite.DATA / f"site-{pages}"
    if not site.is_dir():
        suite.make_site(pages, mds, 2.0 if args.quick else 20.0)
    site_mb = suite.site_bytes(site) / 1e6
    with tempfile.TemporaryDirectory(prefix="shuyu-compare-") as tmp:
        work = Path(tmp)
        base_tree = work / "base"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(base_tree), args.base],
                       check=True)
        try:
            base_rev = subprocess.run(["git", "-C", str(base_tree), "rev-parse", "--short", "HEAD"], check=True,
                                      capture_output=True, text=True).stdout.strip()
            head_rev = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], check=True,
                                      capture_output=True, text=True).stdout.strip()
            dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no", "--",
                                    "src", "glossaries"], check=True, capture_output=True, text=True).stdout.strip()
            head_label = head_rev + (" + uncommitted changes to the code" if dirty else "")
            zh, en, pair_mb = release_pair(0.25e6 if args.quick else 1e6, work)
            pairs_n = 5_000 if args.quick else 20_000
            pairs = score_corpus(pairs_n, work)
            small = work / "small.html"
            small.write_text("<p>Huang Qin, Secretary of the CCP Wuxi Municipal Committee.</p>\n", encoding="utf-8")
            figures = [
                (f"lint, in process, bundled glossary: {pages + mds} pages, {site_mb:.1f} MB", _LINT, [str(site)],
                 site_mb, "MB/s"),
                (f"check, in process: release pair of {pair_mb:.2f} MB", _CHECK, [str(zh), str(en)], pair_mb, "MB/s"),
                (f"score, in process: {pairs_n:,} newstest pairs", _SCORE, [str(pairs)], pairs_n, "pairs/s"),
                ("start-up: `shuyu lint` one small page, warm cache (process CPU)", _START, [str(small)], 0, ""),
            ]
            trees = {"base": base_tree / "src", "head": ROOT / "src"}
            rows = []
            for label, script, fargs, amount, unit in figures:
                runs: dict[str, list[dict]] = {"base": [], "head": []}
                for name, src in trees.items():  # warm the glossary caches and the bytecode once
                    probe(src, script, fargs, work / f"cache-{name}")
                for _ in range(args.repeat):
                    for name, src in trees.items():
                        runs[name].append(probe(src, script, fargs, work / f"cache-{name}"))
                med = {name: statistics.median(float(r["cpu"]) for r in rs) for name, rs in runs.items()}
                same = "same output" if runs["base"][0]["digest"] == runs["head"][0]["digest"] else "output differs"
                if unit:  # the start-up probe counts nothing
                    same += f" ({runs['head'][0]['n']:,} {'pairs' if unit == 'pairs/s' else 'findings'})"

                def rate(t: float, amount: float = amount, unit: str = unit) -> str:
                    digits = 2 if unit == "MB/s" else 0
                    return f" ({amount / t:,.{digits}f} {unit})" if amount else ""

                rows.append((label, f"{med['base']:.2f} s{rate(med['base'])}", f"{med['head']:.2f} s{rate(med['head'])}",
                             f"{med['base'] / med['head']:.1f}x", same))
                print(" | ".join(rows[-1]), file=sys.stderr, flush=True)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base_tree)], check=False)
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    text = (f"# shuyu {head_label} against {base_rev}, side by side\n\n"
            f"Run {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC by `python bench/compare.py"
            f"{' --quick' if args.quick else ''} --base {args.base}` on {os.cpu_count()} cores, Python "
            f"{platform.python_version()}; load average at the end {load}. CPU time of each run (child process), "
            f"median of {args.repeat}, the two versions taking turns.\n\n"
            f"| figure | {base_rev} | {head_label} | speed-up | output |\n|---|---|---|---|---|\n"
            + "".join(f"| {' | '.join(r)} |\n" for r in rows))
    print(text)
    if not args.quick:
        (ROOT / "bench" / "COMPARE.md").write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
