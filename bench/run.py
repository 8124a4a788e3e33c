"""Benchmarks side by side: shuyu against naive matchers, textlint-prh and sacrebleu, in one run.

    python bench/run.py [--quick] [--repeat N] [--no-textlint]

Data are generated here, deterministically from a seed, under ``bench/_data/`` (never committed):
a site of HTML and Markdown pages built from real English news text
(``../shared/data/external/wmt21-newstest-zhen/references/``) with deprecated forms and misspelt
places planted at known places; the national 50,000-concept glossary (``bench/make_glossary.py``);
a parallel corpus from the newstest sources and references; a release pair for ``check``.
Every figure is the median of several runs; the suite prints a table and writes
``bench/RESULTS.md``. It never asserts a time: these machines are shared and noisy.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench" / "_data"
NEWS = ROOT.parent / "shared" / "data" / "external" / "wmt21-newstest-zhen"
SEED = 20201111
PLANTS = ["CCP Wuxi Municipal Committee", "Xu Zhou", "CPC Wuxi Municipal Government", "Huaian", "Wu Xi"]


def median_time(func: Callable[[], object], repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def peak_memory(func: Callable[[], object]) -> float:
    tracemalloc.start()
    func()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 1e6


def news_paragraphs() -> list[str]:
    path = NEWS / "references" / "newstest2021.zh-en.ref.A.en"
    if not path.is_file():
        sys.exit(f"{path} is absent: the benchmark needs ../shared/data/external")
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def make_site(pages: int, md_pages: int, target_mb: float) -> tuple[Path, int]:
    """HTML and Markdown pages of news text with one planted problem per page; returns the planted count."""
    rng = random.Random(SEED)
    paras = news_paragraphs()
    site = DATA / f"site-{pages}"
    if site.is_dir():
        shutil.rmtree(site)
    site.mkdir(parents=True)
    per_page = int(target_mb * 1e6 / (pages + md_pages))
    planted = 0
    for i in range(pages + md_pages):
        body, size = [], 0
        while size < per_page:
            p = rng.choice(paras)
            body.append(p)
            size += len(p) + 10
        k = rng.randrange(len(body))
        body[k] = body[k] + f" Officials of the {PLANTS[i % len(PLANTS)]} attended."
        planted += 1
        if i < pages:
            text = ("<!DOCTYPE html><html lang='en'><head><title>News</title><script>var a='CCP';</script></head>"
                    "<body>" + "".join(f"<p>{p}</p>\n" for p in body) + "</body></html>\n")
            (site / f"page{i:04d}.html").write_text(text, encoding="utf-8")
        else:
            (site / f"page{i:04d}.md").write_text("# News\n\n" + "\n\n".join(body) + "\n", encoding="utf-8")
    return site, planted


def site_bytes(site: Path) -> int:
    return sum(p.stat().st_size for p in site.iterdir())


def run_shuyu(args: list[str], env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "shuyu", *args], capture_output=True, check=False,
                   env={**os.environ, **(env or {})})
    return time.perf_counter() - start


def lint_in_process(site: Path, glossary_dirs: list[str], bundled: bool) -> tuple[float, int, float]:
    from shuyu.cache import load_with_matcher
    from shuyu.checks.base import LINT_RULES
    from shuyu.checks.base import CheckSettings
    from shuyu.checks.engine import lint_document
    from shuyu.formats import read_document

    g, m = load_with_matcher(glossary_dirs, bundled=bundled)
    settings = CheckSettings(LINT_RULES)
    files = sorted(site.iterdir())

    def go() -> int:
        return sum(1 for f in files for x in lint_document(read_document(f), g, m, settings)[0]
                   if x.rule in ("term-deprecated", "name-romanization"))

    return *median_time(go, REPEAT), peak_memory(go)  # type: ignore[return-value]


def naive_find(site: Path, patterns: list[str]) -> Callable[[], int]:
    texts = [p.read_text(encoding="utf-8").lower() for p in sorted(site.iterdir())]
    pats = [p.lower() for p in patterns]

    def go() -> int:
        return sum(t.count(p) for t in texts for p in pats)

    return go


def naive_regex(site: Path, patterns: list[str]) -> Callable[[], int]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(site.iterdir())]
    rx = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in sorted(patterns, key=len, reverse=True)) + r")\b",
                    re.IGNORECASE)

    def go() -> int:
        return sum(len(rx.findall(t)) for t in texts)

    return go


def deprecated_forms() -> list[str]:
    from shuyu.glossary.load import load_glossary

    g = load_glossary()
    return sorted({t.text for c in g.expanded.values() for t in c.terms if t.lang == "en" and t.status.value == "deprecated"})


def textlint(site: Path, forms: list[str]) -> tuple[float | None, str]:
    """textlint with textlint-rule-prh and textlint-plugin-html, installed into bench/_tools by npm."""
    npm = shutil.which("npm")
    if npm is None:
        return None, "npm absent: textlint skipped"
    tools = DATA.parent / "_tools"
    if not (tools / "node_modules" / ".bin" / "textlint").exists():
        print("installing textlint, textlint-rule-prh, textlint-plugin-html into bench/_tools …", file=sys.stderr)
        tools.mkdir(parents=True, exist_ok=True)
        proc = subprocess.run([npm, "install", "--prefix", str(tools), "--no-audit", "--no-fund", "textlint",
                               "textlint-rule-prh", "textlint-plugin-html"], capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            return None, "npm install failed: textlint skipped"
    rules = ["version: 1", "rules:"]
    for form in forms[:2000]:
        rules += [f"  - expected: {form!r}", f"    pattern: {form!r}"]
    (tools / "prh.yml").write_text("\n".join(rules) + "\n", encoding="utf-8")
    (tools / ".textlintrc.json").write_text(
        '{"plugins": {"html": true}, "rules": {"prh": {"rulePaths": ["' + str(tools / "prh.yml") + '"]}}}',
        encoding="utf-8")
    html_files = [str(p) for p in sorted(site.iterdir()) if p.suffix == ".html"]
    start = time.perf_counter()
    subprocess.run([str(tools / "node_modules" / ".bin" / "textlint"), "--config", str(tools / ".textlintrc.json"),
                    *html_files], capture_output=True, check=False, cwd=tools)
    return time.perf_counter() - start, "ok"


def check_rows() -> list[tuple[str, str, str, str, str]]:
    """`check` on a ~10 MB release pair built by repeating the bundled releases."""
    from shuyu.cache import load_with_matcher
    from shuyu.checks.base import CHECK_RULES
    from shuyu.checks.base import CheckSettings
    from shuyu.checks.engine import check_release
    from shuyu.formats import read_document
    from shuyu.text.document import plain_document

    releases = ROOT / "corpus" / "releases"
    zh_parts, en_parts = [], []
    for zh in sorted(releases.glob("*.zh.txt")):
        en = zh.with_name(zh.name.replace(".zh.", ".en."))
        zh_parts.append("\n\n".join(s.text for s in read_document(zh).segments))
        en_parts.append("\n\n".join(s.text for s in read_document(en).segments))
    unit_zh, unit_en = "\n\n".join(zh_parts), "\n\n".join(en_parts)
    times = max(1, int(10e6 / len((unit_zh + unit_en).encode("utf-8"))))
    zh_text, en_text = "\n\n".join([unit_zh] * times), "\n\n".join([unit_en] * times)
    size = len((zh_text + en_text).encode("utf-8")) / 1e6
    g, m = load_with_matcher([])

    def go() -> int:
        return len(check_release(plain_document("zh", zh_text), plain_document("en", en_text), g, m,
                                 CheckSettings(CHECK_RULES)).findings)

    t, _ = median_time(go, REPEAT)
    return [(f"check: {size:.1f} MB release pair", f"{t:.2f} s ({size / t:.2f} MB/s)", "", "", f"{peak_memory(go):.0f} MB")]


def score_rows(n: int) -> list[tuple[str, str, str, str, str]]:
    """`score` over n synthetic pairs from newstest2021, against sacrebleu chrF alone on the same pairs."""
    from sacrebleu.metrics import CHRF

    from shuyu.cache import load_with_matcher
    from shuyu.metrics import score_pairs

    src = (NEWS / "sources" / "newstest2021.zh-en.src.zh").read_text(encoding="utf-8").splitlines()
    ref = (NEWS / "references" / "newstest2021.zh-en.ref.A.en").read_text(encoding="utf-8").splitlines()
    rng = random.Random(SEED)
    idx = [rng.randrange(len(src)) for _ in range(n)]
    pairs = [(str(i), src[k], ref[k]) for i, k in enumerate(idx)]
    g, m = load_with_matcher([])
    t_shuyu, _ = median_time(lambda: score_pairs(pairs, g, m), 1)
    hyp = [p[2] for p in pairs]
    t_chrf, _ = median_time(lambda: CHRF().corpus_score(hyp, [hyp]), 1)
    corpus = DATA / "score.tsv"
    corpus.write_text("".join(f"{z}\t{e}\n" for _, z, e in pairs), encoding="utf-8")
    t1 = run_shuyu(["score", str(corpus), "--format", "json", "-o", os.devnull])
    t2 = run_shuyu(["score", str(corpus), "--format", "json", "-o", os.devnull, "--jobs", "2"])
    return [
        (f"score: {n:,} pairs in process", f"{t_shuyu:.1f} s ({n / t_shuyu:,.0f} pairs/s)", f"chrF {t_chrf:.1f} s",
         f"{t_shuyu / t_chrf:.2f}x chrF", ""),
        (f"score CLI {n:,} pairs --jobs 1 vs --jobs 2", f"{t1:.1f} s", f"{t2:.1f} s", f"{t1 / t2:.2f}x speed-up", ""),
    ]


REPEAT = 3


def main() -> int:
    global REPEAT  # noqa: PLW0603 - one setting read by every measurement
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="a small site (2 MB) for a smoke run")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-textlint", action="store_true")
    args = parser.parse_args()
    REPEAT = args.repeat
    sys.path.insert(0, str(ROOT / "src"))
    rows: list[tuple[str, str, str, str, str]] = []
    pages, mds, mb = (100, 20, 2.0) if args.quick else (1000, 200, 20.0)
    site, planted = make_site(pages, mds, mb)
    size = site_bytes(site) / 1e6
    print(f"site: {pages} HTML + {mds} Markdown pages, {size:.1f} MB, {planted} planted", file=sys.stderr)

    t, found, peak = lint_in_process(site, [], True)
    rows.append(("lint, bundled glossary", f"{t:.2f} s ({size / t:.1f} MB/s)", "", "", f"{peak:.0f} MB"))
    print(rows[-1], f"found {found} of {planted} planted", file=sys.stderr)
    national = DATA / "national"
    subprocess.run([sys.executable, str(ROOT / "bench" / "make_glossary.py"), str(national)], check=True,
                   capture_output=True)
    t2, _, peak2 = lint_in_process(site, [str(national)], False)
    rows.append(("lint, national glossary (~50k concepts)", f"{t2:.2f} s ({size / t2:.1f} MB/s)", "", "",
                 f"{peak2:.0f} MB"))
    forms = deprecated_forms()
    tf, _ = median_time(naive_find(site, forms), REPEAT)
    rows.append(("lint vs str.find loop over deprecated forms", f"{t:.2f} s", f"{tf:.2f} s", f"{tf / t:.2f}x", ""))
    tr, _ = median_time(naive_regex(site, forms), REPEAT)
    rows.append(("lint vs one regex alternation", f"{t:.2f} s", f"{tr:.2f} s", f"{tr / t:.2f}x", ""))
    if not args.no_textlint:
        tt, note = textlint(site, forms)
        html_mb = sum(p.stat().st_size for p in site.iterdir() if p.suffix == ".html") / 1e6
        if tt is not None:
            rows.append(("lint vs textlint-prh (HTML only)", f"{t * html_mb / size:.2f} s", f"{tt:.2f} s",
                         f"{tt / (t * html_mb / size):.1f}x", ""))
        else:
            rows.append(("lint vs textlint-prh", "", note, "", ""))

    rows += check_rows()
    rows += score_rows(50_000 if args.quick else 200_000)

    small = DATA / "small.md"
    small.write_text("Huang Qin, Secretary of the CCP Wuxi Municipal Committee.\n", encoding="utf-8")
    cache = DATA / "cache"
    cold = statistics.median(
        run_shuyu(["lint", str(small)], {"SHUYU_CACHE_DIR": str(cache / f"cold{i}")}) for i in range(REPEAT))
    run_shuyu(["lint", str(small)], {"SHUYU_CACHE_DIR": str(cache / "warm")})
    warm = statistics.median(run_shuyu(["lint", str(small)], {"SHUYU_CACHE_DIR": str(cache / "warm")})
                             for _ in range(REPEAT))
    rows.append(("start-up: lint one small page, cold cache", f"{cold:.2f} s", "", "", ""))
    rows.append(("start-up: lint one small page, warm cache", f"{warm:.2f} s", "", f"{cold / warm:.1f}x faster", ""))

    from shuyu.glossary.load import read_glossary
    from shuyu.match import Matcher

    for name, layers, bundled in (("bundled", [], True), ("national", [str(national)], False)):
        tl, (g, _) = median_time(lambda layers=layers, bundled=bundled: read_glossary(layers, bundled=bundled), REPEAT)
        tb, _ = median_time(lambda g=g: Matcher.from_glossary(g), REPEAT)
        rows.append((f"glossary {name}: load+validate+expand ({len(g.expanded)} concepts)", f"{tl:.2f} s", "", "", ""))
        rows.append((f"glossary {name}: automaton build", f"{tb:.2f} s", "", "", ""))

    write_results(rows)
    return 0


def write_results(rows: list[tuple[str, str, str, str, str]]) -> None:
    head = (f"Run {dt.date.today()} on {os.cpu_count()} cores, Python {platform.python_version()}, "
            f"{platform.machine()}; medians of {REPEAT} runs.\n\n"
            "| figure | shuyu | alternative | ratio | peak memory |\n|---|---|---|---|---|\n")
    table = "".join(f"| {' | '.join(r)} |\n" for r in rows)
    print(head + table)
    out = ROOT / "bench" / "RESULTS.md"
    previous = out.read_text(encoding="utf-8") if out.exists() else ""
    notes = previous.split("## Where the time goes", 1)[1] if "## Where the time goes" in previous else "\n"
    out.write_text("# Benchmark results\n\n" + head + table + "\n## Where the time goes" + notes, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
