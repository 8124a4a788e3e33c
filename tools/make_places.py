"""Write glossaries/places.csv: Jiangsu's 13 cities and 95 county-level divisions, China's 34
provincial-level divisions, and the seed's regions.

Chinese names and codes come from the official division list (NBS 2023 codes, read by path from
../shared/data/external/china-admin-divisions/, never copied); the English proper names from the
pinyin table in ../shared/reference/jiangsu-divisions.md, each checked by the loader against
shuyu's own pinyin. Run it again after changing either source: python tools/make_places.py
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from shuyu.glossary.csvio import format_concepts  # noqa: E402
from shuyu.model import Category  # noqa: E402
from shuyu.model import Concept  # noqa: E402
from shuyu.model import Level  # noqa: E402
from shuyu.model import Status  # noqa: E402
from shuyu.model import Term  # noqa: E402

SHARED = ROOT.parent / "shared"
DIVISIONS = SHARED / "data" / "external" / "china-admin-divisions" / "dist"
REFERENCE = SHARED / "reference" / "jiangsu-divisions.md"
NAMES_SOURCE = "Chinese name and code: NBS statistical division codes 2023"
PINYIN_SOURCE = "English: GB/T 17693.1 (Hanyu Pinyin proper name + translated generic)"

# Provincial-level divisions: Chinese full name → (proper zh, proper en, English full, romanization note).
PROVINCES = {
    "北京市": ("北京", "Beijing", "Beijing", ""),
    "天津市": ("天津", "Tianjin", "Tianjin", ""),
    "河北省": ("河北", "Hebei", "Hebei Province", ""),
    "山西省": ("山西", "Shanxi", "Shanxi Province", ""),
    "内蒙古自治区": ("内蒙古", "Inner Mongolia", "Inner Mongolia Autonomous Region",
                 "conventional English name in official use (pinyin Nei Mongol)"),
    "辽宁省": ("辽宁", "Liaoning", "Liaoning Province", ""),
    "吉林省": ("吉林", "Jilin", "Jilin Province", ""),
    "黑龙江省": ("黑龙江", "Heilongjiang", "Heilongjiang Province", ""),
    "上海市": ("上海", "Shanghai", "Shanghai", ""),
    "江苏省": ("江苏", "Jiangsu", "Jiangsu Province", ""),
    "浙江省": ("浙江", "Zhejiang", "Zhejiang Province", ""),
    "安徽省": ("安徽", "Anhui", "Anhui Province", ""),
    "福建省": ("福建", "Fujian", "Fujian Province", ""),
    "江西省": ("江西", "Jiangxi", "Jiangxi Province", ""),
    "山东省": ("山东", "Shandong", "Shandong Province", ""),
    "河南省": ("河南", "Henan", "Henan Province", ""),
    "湖北省": ("湖北", "Hubei", "Hubei Province", ""),
    "湖南省": ("湖南", "Hunan", "Hunan Province", ""),
    "广东省": ("广东", "Guangdong", "Guangdong Province", ""),
    "广西壮族自治区": ("广西", "Guangxi", "Guangxi Zhuang Autonomous Region", ""),
    "海南省": ("海南", "Hainan", "Hainan Province", ""),
    "重庆市": ("重庆", "Chongqing", "Chongqing", ""),
    "四川省": ("四川", "Sichuan", "Sichuan Province", ""),
    "贵州省": ("贵州", "Guizhou", "Guizhou Province", ""),
    "云南省": ("云南", "Yunnan", "Yunnan Province", ""),
    "西藏自治区": ("西藏", "Xizang", "Xizang Autonomous Region", ""),
    "陕西省": ("陕西", "Shaanxi", "Shaanxi Province",
             "conventional spelling: Shaanxi (GB/T 17693.1 annex) distinguishes 陕西 from 山西 Shanxi"),
    "甘肃省": ("甘肃", "Gansu", "Gansu Province", ""),
    "青海省": ("青海", "Qinghai", "Qinghai Province", ""),
    "宁夏回族自治区": ("宁夏", "Ningxia", "Ningxia Hui Autonomous Region", ""),
    "新疆维吾尔自治区": ("新疆", "Xinjiang", "Xinjiang Uygur Autonomous Region", ""),
    "香港特别行政区": ("香港", "Hong Kong", "Hong Kong Special Administrative Region",
                 "conventional (Cantonese-based) English name, Basic Law of the HKSAR"),
    "澳门特别行政区": ("澳门", "Macao", "Macao Special Administrative Region",
                 "conventional English name, Basic Law of the Macao SAR"),
    "台湾省": ("台湾", "Taiwan", "Taiwan Province", ""),
}
EXTRA_ADMITTED = {"西藏": ["Tibet"], "澳门": ["Macau"], "香港": ["HKSAR"]}
REGIONS = [
    ("yangtze-river-delta", "长三角", "长江三角洲", "Yangtze River Delta"),
    ("southern-jiangsu", "苏南", "", "southern Jiangsu"),
    ("northern-jiangsu", "苏北", "", "northern Jiangsu"),
]


def slug(en: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", en.lower().replace("'", "")).strip("-")


def reference_pinyin() -> dict[str, dict[str, str]]:
    """City → {county-level full name → pinyin proper name}, and city → its own pinyin."""
    table: dict[str, dict[str, str]] = {}
    for line in REFERENCE.read_text(encoding="utf-8").splitlines():
        m = re.match(r"\|\s*(\S+市) ([A-Za-z']+)\s*\|(.*)\|\s*$", line)
        if not m:
            continue
        city, city_en, rest = m.groups()
        entries = {"": city_en}
        for item in rest.split(","):
            zh, en = item.strip().split(" ", 1)
            entries[zh] = en.strip()
        table[city] = entries
    return table


def main() -> int:
    if not DIVISIONS.is_dir() or not REFERENCE.is_file():
        print("needs ../shared (division list and reference table)", file=sys.stderr)
        return 2
    concepts: list[Concept] = []
    for full, (zh_name, en_name, en_full, note) in PROVINCES.items():
        pid = slug(en_name)
        admitted_en = [en_name] if en_full != en_name else []
        if en_full == en_name:
            admitted_en.append(f"{en_name} Municipality")
        terms = [Term(full, "zh"), Term(zh_name, "zh", Status.ADMITTED), Term(en_full, "en")]
        terms += [Term(a, "en", Status.ADMITTED) for a in admitted_en + EXTRA_ADMITTED.get(zh_name, [])]
        concepts.append(Concept(pid, Category.PLACE, terms, level=Level.PROVINCE, zh_name=zh_name, en_name=en_name,
                                romanization_exception=note, note="provincial-level division",
                                source=f"{NAMES_SOURCE}; {PINYIN_SOURCE}"))
    pinyin = reference_pinyin()
    cities: dict[str, dict[str, str]] = {r["code"]: r for r in csv.DictReader((DIVISIONS / "cities.csv").open(encoding="utf-8"))
              if r["provinceCode"] == "32"}
    city_ids: dict[str, str] = {}
    for code, row in sorted(cities.items()):
        full = row["name"]
        zh_name = full[:-1]
        en_name = pinyin[full][""]
        cid = slug(en_name)
        city_ids[code] = cid
        concepts.append(Concept(cid, Category.PLACE, [
            Term(full, "zh"), Term(zh_name, "zh", Status.ADMITTED), Term(en_name, "en"),
            Term(f"{en_name} City", "en", Status.ADMITTED)],
            level=Level.PREFECTURE, parent="jiangsu", zh_name=zh_name, en_name=en_name,
            note=f"prefecture-level city; code {code}00", source=f"{NAMES_SOURCE}; {PINYIN_SOURCE}"))
    # The list also codes development zones (徐州经济技术开发区, 苏州工业园区): not divisions, left out.
    areas = [r for r in csv.DictReader((DIVISIONS / "areas.csv").open(encoding="utf-8"))
             if r["provinceCode"] == "32" and r["name"] in pinyin[cities[r["cityCode"]]["name"]]]
    names = [r["name"] for r in areas]
    for row in sorted(areas, key=lambda r: r["code"]):
        full, city = row["name"], cities[row["cityCode"]]["name"]
        en_name = pinyin[city][full]
        generic = full[-1]
        zh_name = full[:-1]
        parent = city_ids[row["cityCode"]]
        if generic == "区":
            level, kind, en, admitted_zh = Level.DISTRICT, "district", f"{en_name} District", []
            admitted_en = [en_name]
        elif generic == "县":
            level, kind, en = Level.COUNTY, "county", f"{en_name} County"
            admitted_zh = [] if len(zh_name) == 1 else [zh_name]
            admitted_en = [en_name + "xian"] if len(zh_name) == 1 else [en_name]
        else:
            level, kind, en, admitted_zh = Level.COUNTY_CITY, "county-level city", en_name, [zh_name]
            admitted_en = [f"{en_name} City"]
        if len(zh_name) == 1:
            en_name = en_name.removesuffix("xian").capitalize()
            en = f"{en_name} County"
            admitted_en = [en_name + "xian"]
        cid = slug(en_name) + ("" if level == Level.COUNTY_CITY else f"-{kind}")
        if names.count(full) > 1 or cid in {c.id for c in concepts}:
            cid += f"-{parent}"
        terms = [Term(full, "zh"), *(Term(a, "zh", Status.ADMITTED) for a in admitted_zh), Term(en, "en"),
                 *(Term(a, "en", Status.ADMITTED) for a in admitted_en)]
        note = f"{kind} of {cities[row['cityCode']]['name']}; code {row['code']}"
        if names.count(full) > 1:
            note += f"; homonym: {full} also exists elsewhere in Jiangsu"
        concepts.append(Concept(cid, Category.PLACE, terms, level=level, parent=parent, zh_name=zh_name,
                                en_name=en_name, note=note, source=f"{NAMES_SOURCE}; {PINYIN_SOURCE}"))
    for rid, zh, zh_admitted, en in REGIONS:
        terms = [Term(zh, "zh"), *([Term(zh_admitted, "zh", Status.ADMITTED)] if zh_admitted else []), Term(en, "en")]
        concepts.append(Concept(rid, Category.PLACE, terms, level=Level.ZONE, parent="jiangsu" if "jiangsu" in rid else None,
                                zh_name=zh, en_name=en, romanization_exception="a region named in English, not a "
                                "pinyin place name", source="seed release (Wuxi government English site)"))
    out = ROOT / "glossaries" / "places.csv"
    out.write_text(format_concepts(concepts), encoding="utf-8")
    counts = {lv.value: sum(1 for c in concepts if c.level == lv) for lv in Level}
    print(f"wrote {len(concepts)} places to {out}: {json.dumps(counts)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
