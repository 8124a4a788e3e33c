"""Build a national-scale glossary from the official division list, for benchmarks.

Reads ``../shared/data/external/china-admin-divisions/dist/`` (never copied into the project) and
writes a glossary directory in shuyu's canonical CSV: every province, prefecture-level city and
county-level division with pinyin names (through shuyu's own romanisation), plus title and
organisation templates at each level, so that expansion yields about 50,000 concepts.

    python bench/make_glossary.py [OUT_DIR]      # default bench/_data/national
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

from shuyu.glossary.csvio import format_concepts
from shuyu.glossary.romanize import place_pinyin
from shuyu.model import Category
from shuyu.model import Concept
from shuyu.model import Level
from shuyu.model import Status
from shuyu.model import Term

ROOT = Path(__file__).resolve().parents[1]
DIVISIONS = ROOT.parent / "shared" / "data" / "external" / "china-admin-divisions" / "dist"
SOURCE = "NBS division codes 2023 (china-admin-divisions); pinyin by shuyu.glossary.romanize"

# Generic parts of names, longest first, with their English and level.
GENERICS = [
    ("特别行政区", "Special Administrative Region", Level.PROVINCE),
    ("维吾尔自治区", "Uygur Autonomous Region", Level.PROVINCE),
    ("壮族自治区", "Zhuang Autonomous Region", Level.PROVINCE),
    ("回族自治区", "Hui Autonomous Region", Level.PROVINCE),
    ("自治区", "Autonomous Region", Level.PROVINCE),
    ("自治州", "Autonomous Prefecture", Level.PREFECTURE),
    ("自治县", "Autonomous County", Level.COUNTY),
    ("自治旗", "Autonomous Banner", Level.COUNTY),
    ("林区", "Forestry District", Level.COUNTY),
    ("地区", "Prefecture", Level.PREFECTURE),
    ("省", "Province", Level.PROVINCE),
    ("盟", "League", Level.PREFECTURE),
    ("旗", "Banner", Level.COUNTY),
    ("区", "District", Level.DISTRICT),
    ("县", "County", Level.COUNTY),
    ("市", "City", None),
]
TEMPLATES = [
    # (id, levels, zh, en)
    ("party-secretary-{lv}", "{place}{g}委书记", "Secretary of the CPC {Place} {G} Committee"),
    ("deputy-party-secretary-{lv}", "{place}{g}委副书记", "Deputy Secretary of the CPC {Place} {G} Committee"),
    ("party-committee-{lv}", "中共{place}{g}委", "CPC {Place} {G} Committee"),
    ("government-{lv}", "{place}{g}人民政府", "{Place} {G} People's Government"),
    ("npc-standing-committee-{lv}", "{place}{g}人大常委会", "Standing Committee of the {Place} {G} People's Congress"),
    ("npc-director-{lv}", "{place}{g}人大常委会主任", "Director of the Standing Committee of the {Place} {G} People's Congress"),
    ("cppcc-committee-{lv}", "政协{place}{g}委员会", "{Place} {G} Committee of the CPPCC"),
    ("cppcc-chairman-{lv}", "{place}{g}政协主席", "Chairman of the {Place} {G} Committee of the CPPCC"),
    ("discipline-secretary-{lv}", "{place}{g}纪委书记", "Secretary of the {Place} {G} Commission for Discipline Inspection"),
    ("head-{lv}", "{place}{g}长", "Head of {Place} {G}"),
    ("deputy-head-{lv}", "{place}副{g}长", "Deputy Head of {Place} {G}"),
    ("public-security-bureau-{lv}", "{place}{g}公安局", "{Place} {G} Public Security Bureau"),
]
LEVEL_WORDS = {
    Level.PROVINCE: ("省", "Provincial"),
    Level.PREFECTURE: ("市", "Municipal"),
    Level.COUNTY_CITY: ("市", "Municipal"),
    Level.COUNTY: ("县", "County"),
    Level.DISTRICT: ("区", "District"),
}


def split_name(name: str, default: Level) -> tuple[str, str, Level]:
    """(proper name, English generic, level) of an official division name."""
    for zh, en, level in GENERICS:
        if name.endswith(zh) and len(name) > len(zh) + 1:
            return name[: -len(zh)], en, level or default
    return name, "", default


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower().replace("'", "")).strip("-") or "x"


def place(code: str, name: str, level: Level, parent: str | None) -> Concept:
    proper, generic, level = split_name(name, level)
    en_name = place_pinyin(proper)
    if level == Level.PREFECTURE and generic == "City":
        generic = ""
    en = f"{en_name} {generic}".strip() if generic and generic != "City" else en_name
    terms = [Term(name, "zh"), Term(en, "en")]
    if proper != name:
        terms.append(Term(proper, "zh", Status.ADMITTED))
    return Concept(f"{slug(en_name)}-{code[:6]}", Category.PLACE, terms, level=level, parent=parent,
                   zh_name=proper, en_name=en_name, note=f"code {code[:6]}", source=SOURCE)


def build(out: Path) -> int:
    if not DIVISIONS.is_dir():
        print(f"{DIVISIONS} is absent: cannot build the national glossary", file=sys.stderr)
        return 2
    places: list[Concept] = []
    ids: dict[str, str] = {}
    with (DIVISIONS / "provinces.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            c = place(row["code"], row["name"], Level.PROVINCE, None)
            ids[row["code"]] = c.id
            places.append(c)
    with (DIVISIONS / "cities.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["name"] in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"):
                ids[row["code"]] = ids[row["provinceCode"]]
                continue
            c = place(row["code"], row["name"], Level.PREFECTURE, ids[row["provinceCode"]])
            ids[row["code"]] = c.id
            places.append(c)
    with (DIVISIONS / "areas.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            level = Level.COUNTY_CITY if row["name"].endswith("市") else Level.COUNTY
            c = place(row["code"], row["name"], level, ids.get(row["cityCode"], ids[row["provinceCode"]]))
            places.append(c)
    templates = []
    for level, (g, big) in LEVEL_WORDS.items():
        if level == Level.COUNTY_CITY:
            continue
        over = (Level.PREFECTURE, Level.COUNTY_CITY) if level == Level.PREFECTURE else (level,)
        for tid, zh, en in TEMPLATES:
            terms = [Term(zh.replace("{g}", g), "zh"), Term(en.replace("{G}", big), "en")]
            templates.append(Concept(tid.replace("{lv}", level.value), Category.TITLE, terms, over=over,
                                     source=SOURCE))
    out.mkdir(parents=True, exist_ok=True)
    (out / "places.csv").write_text(format_concepts(places), encoding="utf-8")
    (out / "titles.csv").write_text(format_concepts(templates), encoding="utf-8")
    print(f"wrote {len(places)} places and {len(templates)} templates to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(build(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "bench" / "_data" / "national"))
