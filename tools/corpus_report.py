"""Precision and recall of `shuyu check` on the bundled corpus, per rule, against corpus/releases/planted.json.

    python tools/corpus_report.py
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from shuyu.cache import load_with_matcher  # noqa: E402
from shuyu.checks.base import CHECK_RULES  # noqa: E402
from shuyu.checks.base import CheckSettings  # noqa: E402
from shuyu.checks.engine import check_release  # noqa: E402
from shuyu.formats import read_document  # noqa: E402


def main() -> int:
    releases = ROOT / "corpus" / "releases"
    planted = json.loads((releases / "planted.json").read_text(encoding="utf-8"))["releases"]
    glossary, matcher = load_with_matcher([])
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for name, items in sorted(planted.items()):
        zh, en = next(releases.glob(f"{name}.zh.*")), next(releases.glob(f"{name}.en.*"))
        result = check_release(read_document(zh), read_document(en), glossary, matcher, CheckSettings(CHECK_RULES))
        got = Counter((f.rule, f.location.line, f.found if f.found is not None else f.expected) for f in result.findings)
        want = Counter((p["rule"], p["line"], p.get("found", p.get("expected"))) for p in items)
        for key in got | want:
            hit = min(got[key], want[key])
            tp[key[0]] += hit
            fp[key[0]] += got[key] - hit
            fn[key[0]] += want[key] - hit
    print("| rule | planted | found | precision | recall |\n|---|---|---|---|---|")
    for rule in sorted(set(tp) | set(fp) | set(fn)):
        found, planted_n = tp[rule] + fp[rule], tp[rule] + fn[rule]
        precision = tp[rule] / found if found else 1.0
        recall = tp[rule] / planted_n if planted_n else 1.0
        print(f"| `{rule}` | {planted_n} | {found} | {precision:.2f} | {recall:.2f} |")
    total_tp, total_fp, total_fn = sum(tp.values()), sum(fp.values()), sum(fn.values())
    print(f"| all | {total_tp + total_fn} | {total_tp + total_fp} | {total_tp / max(1, total_tp + total_fp):.2f} | "
          f"{total_tp / max(1, total_tp + total_fn):.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
