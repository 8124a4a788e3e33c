"""How `name-romanization` and `date-mismatch` compare with professional MQM annotations (a report, not a test).

    python bench/mqm_report.py [N]     # N: also print N findings per rule that overlap no annotated error

Reads the WMT23 zh→en MQM data (``../shared/data/external/mqm-generalmt2023-zhen``, by path, never
copied). For every system output a segment has, the annotators' "Locale convention/Name format" and
"Locale convention/Date format" error spans are the reference; shuyu's findings of the matching rule
on (source, output) are the predictions. A finding is a true positive when it overlaps an annotated
span of that category in that output. Prints precision and recall per rule.
"""

from __future__ import annotations

import csv
import io
import re
import sys
import tarfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from shuyu.cache import load_with_matcher  # noqa: E402
from shuyu.checks.base import CheckSettings  # noqa: E402
from shuyu.checks.engine import check_release  # noqa: E402
from shuyu.text.document import plain_document  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "external" / "mqm-generalmt2023-zhen"
SHOW = int(sys.argv[1]) if len(sys.argv) > 1 else 0
CATEGORIES = {"Locale convention/Name format": "name-romanization", "Locale convention/Date format": "date-mismatch"}


def spans(marked: str) -> tuple[str, list[tuple[int, int]]]:
    """The text without ``<v>…</v>`` marks, and the marked spans' offsets in it."""
    out, found, pos = [], [], 0
    for m in re.finditer(r"<v>(.*?)</v>", marked):
        out.append(marked[pos:m.start()])
        start = sum(map(len, out))
        out.append(m.group(1))
        found.append((start, start + len(m.group(1))))
        pos = m.end()
    out.append(marked[pos:])
    return "".join(out), found


def main() -> int:
    archive = DATA / "generalMT2023" / "zhen" / "sxs_mqm_generalMT2023_zhen.3ratingsPerSegment.tsv.tar.gz"
    if not archive.is_file():
        print(f"{archive} is absent", file=sys.stderr)
        return 2
    with tarfile.open(archive) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith(".tsv"))
        text = tar.extractfile(member).read().decode("utf-8")  # type: ignore[union-attr]
    csv.field_size_limit(sys.maxsize)
    outputs: dict[tuple[str, str], tuple[str, str]] = {}
    gold: dict[tuple[str, str], dict[str, list[tuple[int, int]]]] = defaultdict(lambda: defaultdict(list))
    # Every annotated error span, whatever its category: a date finding the annotators filed under
    # "Accuracy/Mistranslation" is still a real error, which the category-exact precision does not credit.
    any_error: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for row in csv.DictReader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE):
        if row["severity"] == "HOTW-test":
            continue
        key = (row["system"], row["globalSegId"])
        target, marked = spans(row["target"])
        source, _ = spans(row["source"])
        outputs[key] = (source, target)
        rule = CATEGORIES.get(row["category"])
        if rule:
            gold[key][rule] += marked
        if row["category"] not in ("No-error", "Non-translation!") and row["severity"] not in ("No-error", "Neutral"):
            any_error[key] += marked
    glossary, matcher = load_with_matcher([])
    settings = CheckSettings(frozenset(CATEGORIES.values()))
    tp = defaultdict(int)
    fp = defaultdict(int)
    tp_any = defaultdict(int)
    examples: dict[str, list[str]] = defaultdict(list)
    found_gold = defaultdict(int)
    total_gold = defaultdict(int)
    for key, (source, target) in outputs.items():
        result = check_release(plain_document("src", source), plain_document("hyp", target), glossary, matcher, settings)
        lines = target.split("\n")
        starts = [sum(len(x) + 1 for x in lines[:i]) for i in range(len(lines))]
        hits = defaultdict(set)
        for f in result.findings:
            if f.rule not in CATEGORIES.values():
                continue
            s = starts[f.location.line - 1] + f.location.column - 1
            e = starts[f.location.end_line - 1] + f.location.end_column - 1
            overlapping = {k for k, (gs, ge) in enumerate(gold[key][f.rule]) if gs < max(e, s + 1) and s < ge}
            if any(gs < max(e, s + 1) and s < ge for gs, ge in any_error[key]):
                tp_any[f.rule] += 1
            elif len(examples[f.rule]) < SHOW:
                examples[f.rule].append(f"{key[0]} {key[1]}: {f.message} | {target[max(s - 40, 0):e + 40]!r}")
            if overlapping:
                tp[f.rule] += 1
                hits[f.rule] |= overlapping
            else:
                fp[f.rule] += 1
        for rule in CATEGORIES.values():
            unique = set(gold[key][rule])
            total_gold[rule] += len(unique)
            found_gold[rule] += len({gold[key][rule][k] for k in hits[rule]})
    print(f"{len(outputs)} system outputs annotated with MQM\n")
    print("| rule | MQM category | annotated spans | findings | precision | recall | on any MQM error |\n"
          "|---|---|---|---|---|---|---|")
    for category, rule in CATEGORIES.items():
        found = tp[rule] + fp[rule]
        precision = tp[rule] / found if found else float("nan")
        recall = found_gold[rule] / total_gold[rule] if total_gold[rule] else float("nan")
        on_any = tp_any[rule] / found if found else float("nan")
        print(f"| `{rule}` | {category} | {total_gold[rule]} | {found} | {precision:.2f} | {recall:.2f} | {on_any:.2f} |")
    for rule, lines in examples.items():
        print(f"\nfindings of `{rule}` on no annotated error (first {SHOW}):")
        for line in lines:
            print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
