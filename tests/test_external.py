"""Real text nobody here wrote (../shared/data/external): skipped cleanly when the folder is absent."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import sys
import tarfile
from pathlib import Path

import pytest

from shuyu.cache import load_with_matcher
from shuyu.checks.base import CHECK_RULES
from shuyu.checks.base import CheckSettings
from shuyu.checks.engine import check_release
from shuyu.checks.prose import untranslated
from shuyu.text.document import plain_document
from tests.conftest import external

GOLDEN = Path(__file__).resolve().parent / "data" / "golden" / "newstest2021-check.json"
SYSTEMS = ["HuaweiTSC", "Online-B", "Online-Y"]
HAN = re.compile(r"[\u3400-\u9fff]")

pytestmark = pytest.mark.external


def newstest_runs() -> dict[str, list[list[object]]]:
    root = external("wmt21-newstest-zhen")
    glossary, matcher = load_with_matcher([])
    src = (root / "sources" / "newstest2021.zh-en.src.zh").read_text(encoding="utf-8").splitlines()
    outputs = {"reference": root / "references" / "newstest2021.zh-en.ref.A.en"}
    outputs |= {s: root / "system-outputs" / f"newstest2021.zh-en.hyp.{s}.en" for s in SYSTEMS}
    runs = {}
    for name, path in outputs.items():
        hyp = path.read_text(encoding="utf-8").splitlines()
        assert len(hyp) == len(src)
        found: list[list[object]] = []
        for line, (zh, en) in enumerate(zip(src, hyp, strict=True), start=1):
            result = check_release(plain_document("src", zh), plain_document("hyp", en), glossary, matcher,
                                   CheckSettings(CHECK_RULES))
            found += [[line, f.location.column, f.rule, f.found or f.expected or ""] for f in result.findings]
        runs[name] = found
    return runs


def test_newstest_check_matches_golden_snapshot() -> None:
    runs = newstest_runs()
    if os.environ.get("SHUYU_UPDATE_GOLDEN") or not GOLDEN.exists():
        GOLDEN.write_text(json.dumps(runs, ensure_ascii=False, sort_keys=True).replace("], [", "],\n[") + "\n",
                          encoding="utf-8")
        if not os.environ.get("SHUYU_UPDATE_GOLDEN"):
            pytest.fail(f"wrote a new golden snapshot {GOLDEN}; commit it and run again")
    assert runs == json.loads(GOLDEN.read_text(encoding="utf-8"))


def mqm_targets() -> dict[tuple[str, str], str]:
    root = external("mqm-generalmt2023-zhen")
    archive = root / "generalMT2023" / "zhen" / "sxs_mqm_generalMT2023_zhen.3ratingsPerSegment.tsv.tar.gz"
    with tarfile.open(archive) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith(".tsv"))
        data = tar.extractfile(member).read().decode("utf-8")  # type: ignore[union-attr]
    csv.field_size_limit(sys.maxsize)
    reader = csv.DictReader(io.StringIO(data), delimiter="\t", quoting=csv.QUOTE_NONE)
    targets = {}
    for row in reader:
        if row["severity"] == "HOTW-test":
            continue
        targets[(row["system"], row["globalSegId"])] = re.sub(r"</?v>", "", row["target"])
    return targets


def test_untranslated_flags_exactly_the_mqm_outputs_that_contain_chinese() -> None:
    targets = mqm_targets()
    assert len(targets) > 3000
    with_chinese = {k for k, t in targets.items() if HAN.search(t)}
    flagged = {k for k, t in targets.items() if untranslated(t)}
    assert with_chinese, "the data has outputs with Chinese left in"
    assert flagged == with_chinese
