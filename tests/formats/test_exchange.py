"""Exchange CSV and JSON: lossless round trips, the documented header, proposals, clear errors.

Also home of the helpers the TBX tests share: a hand-built glossary holding every kind of
field, a hypothesis strategy of random glossaries, and the equality helper.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import string

import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from shuyu.errors import InputError
from shuyu.formats import exchange
from shuyu.glossary.model import Glossary
from shuyu.model import Category
from shuyu.model import Concept
from shuyu.model import Example
from shuyu.model import Level
from shuyu.model import Status
from shuyu.model import Term

NOTE = 'Approved 2021, see "Notice No. 3"; commas, quotes\nand newlines\r\nand a CRLF, <tags> & ampersands'


def sample_glossary() -> Glossary:
    """Every field shuyu has: places with level and parent, a template, flags, a tricky note."""
    concepts = [
        Concept("china", Category.PLACE, [Term("中国", "zh"), Term("China", "en")], level=Level.COUNTRY,
                zh_name="中国", en_name="China", source="GB/T 2260"),
        Concept("jiangsu", Category.PLACE, [Term("江苏省", "zh"), Term("江苏", "zh", Status.ADMITTED),
                                            Term("Jiangsu Province", "en"), Term("Jiangsu", "en", Status.ADMITTED),
                                            Term("Kiangsu", "en", Status.DEPRECATED)],
                level=Level.PROVINCE, parent="china", zh_name="江苏", en_name="Jiangsu", source="GB/T 2260"),
        Concept("shaanxi", Category.PLACE, [Term("陕西省", "zh"), Term("Shaanxi Province", "en")],
                level=Level.PROVINCE, parent="china", zh_name="陕西", en_name="Shaanxi",
                romanization_exception="conventional spelling: Shaanxi distinguishes 陕西 from 山西", source="GB/T 2260"),
        Concept("wuxi", Category.PLACE, [Term("无锡市", "zh"), Term("Wuxi", "en"), Term("Wu Xi", "en", Status.DEPRECATED)],
                level=Level.PREFECTURE, parent="jiangsu", zh_name="无锡", en_name="Wuxi", note=NOTE,
                source="www.wuxi.gov.cn, checked 2024"),
        Concept("municipal-party-secretary", Category.TITLE,
                [Term("{place}市委书记", "zh"),
                 Term("Secretary of the CPC {Place} Municipal Committee", "en", case_sensitive=True, plural=False),
                 Term("{Place} party chief", "en", Status.ADMITTED),
                 Term("{Place} Party Secretary", "en", Status.DEPRECATED, case_sensitive=True)],
                over=(Level.PREFECTURE, Level.COUNTY_CITY), within="jiangsu", note="template over cities",
                source="www.xz.gov.cn"),
        Concept("npc", Category.ORGANIZATION, [Term("全国人民代表大会", "zh"), Term("NPC", "en", case_sensitive=True),
                                               Term("Congreso Nacional del Pueblo", "es")],
                note="shuyu:not=a field, a note that looks like one", source=""),
        Concept("empty-concept", Category.TERM, [], note="no terms yet", source="pending"),
        Concept("xi-jinping", Category.PERSON, [Term("习近平", "zh"), Term("Xi Jinping", "en", plural=False)],
                zh_name="习近平", en_name="Xi Jinping", note="  leading and trailing spaces  ", source="Xinhua"),
    ]
    examples = [Example("municipal-party-secretary@wuxi", "无锡市委书记", "Secretary of the CPC Wuxi Municipal Committee",
                        "pass"),
                Example("wuxi", "无锡", "Wu Xi", "name-romanization")]
    return Glossary(concepts={c.id: c for c in sorted(concepts, key=lambda c: c.id)}, examples=examples)


def comparable(glossary: Glossary, *, group_terms_by_lang: bool = False) -> dict[str, Concept]:
    """Concepts with every field kept except where they were read from (path and line).

    :param group_terms_by_lang: order terms by language (in order of first appearance), keeping
        their order within a language: TBX holds a concept's terms in one section per language.
    """
    out = {}
    for cid, concept in glossary.concepts.items():
        terms = concept.terms
        if group_terms_by_lang:
            langs = list(dict.fromkeys(t.lang for t in terms))
            terms = sorted(terms, key=lambda t: langs.index(t.lang))
        out[cid] = dataclasses.replace(concept, terms=list(terms), path="", line=0)
    return out


def assert_same_glossary(back: Glossary, original: Glossary, *, group_terms_by_lang: bool = False) -> None:
    """Every field of every concept equal, whatever order the concepts came back in."""
    got = comparable(back, group_terms_by_lang=group_terms_by_lang)
    want = comparable(original, group_terms_by_lang=group_terms_by_lang)
    assert sorted(got) == sorted(want)
    for cid, concept in want.items():
        assert got[cid] == concept, cid


_IDS = st.from_regex(r"[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}", fullmatch=True)
# CJK, ASCII letters and the characters that need escaping in CSV, JSON and XML.
_TEXT = st.text(alphabet="无锡徐州市委书记江苏省中国" + string.ascii_letters + " ,;'\"&<>-{}()/", min_size=1, max_size=16)
_TERM_TEXT = _TEXT.map(str.strip).filter(bool)
_FREE = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",), exclude_characters="\x00"), max_size=30)
_XML_SAFE = _FREE.map(lambda s: "".join(ch for ch in s if ch in "\t\n\r" or (ord(ch) >= 0x20 and ch not in "\ufffe\uffff")))


@st.composite
def concepts(draw: st.DrawFn, free_text: st.SearchStrategy[str] = _XML_SAFE) -> Concept:
    """A random concept: any category, place and template fields, terms in zh/en/es of any status."""
    terms = draw(st.lists(st.builds(Term, _TERM_TEXT, st.sampled_from(["zh", "en", "es"]), st.sampled_from(list(Status)),
                                    st.booleans(), st.booleans()), max_size=6))
    return Concept(
        draw(_IDS), draw(st.sampled_from(list(Category))), terms,
        level=draw(st.none() | st.sampled_from(list(Level))),
        parent=draw(st.none() | _IDS),
        zh_name=draw(st.sampled_from(["", "无锡", "徐州"])), en_name=draw(st.sampled_from(["", "Wuxi", "Xuzhou"])),
        over=tuple(draw(st.lists(st.sampled_from(list(Level)), max_size=3, unique=True))),
        within=draw(st.none() | _IDS),
        note=draw(free_text), source=draw(free_text), romanization_exception=draw(free_text),
    )


def glossaries(free_text: st.SearchStrategy[str] = _XML_SAFE) -> st.SearchStrategy[Glossary]:
    """Random glossaries of up to five concepts with distinct ids."""
    return st.lists(concepts(free_text), max_size=5, unique_by=lambda c: c.id).map(
        lambda cs: Glossary(concepts={c.id: c for c in cs}))


# --- round trips -------------------------------------------------------------------------------


def test_csv_round_trip_keeps_every_field() -> None:
    g = sample_glossary()
    result = exchange.import_csv(exchange.export_csv(g), "g.csv")
    assert_same_glossary(result.glossary, g)
    assert result.unmapped == []


def test_json_round_trip_keeps_every_field_and_the_examples() -> None:
    g = sample_glossary()
    result = exchange.import_json(exchange.export_json(g), "g.json")
    assert_same_glossary(result.glossary, g)
    assert [dataclasses.replace(e, path="") for e in result.glossary.examples] == g.examples
    assert result.unmapped == []


def test_equality_helper_sees_a_changed_field() -> None:
    g = sample_glossary()
    back = exchange.import_json(exchange.export_json(g), "g.json").glossary
    back.concepts["wuxi"].note = back.concepts["wuxi"].note.replace("\r\n", "\n")
    with pytest.raises(AssertionError):
        assert_same_glossary(back, g)


@settings(max_examples=60, deadline=None)
@given(g=glossaries(_FREE))
def test_random_glossaries_survive_csv(g: Glossary) -> None:
    assert_same_glossary(exchange.import_csv(exchange.export_csv(g), "r.csv").glossary, g)


@settings(max_examples=60, deadline=None)
@given(g=glossaries(_FREE))
def test_random_glossaries_survive_json(g: Glossary) -> None:
    assert_same_glossary(exchange.import_json(exchange.export_json(g), "r.json").glossary, g)


def test_derived_romanisation_variants_are_not_exported() -> None:
    g = Glossary(concepts={"xuzhou": Concept("xuzhou", Category.PLACE, [
        Term("徐州", "zh"), Term("Xuzhou", "en"), Term("Xu Zhou", "en", Status.DEPRECATED, romanization=True)])})
    assert "Xu Zhou" not in exchange.export_csv(g)
    assert "Xu Zhou" not in exchange.export_json(g)


# --- the CSV layout ----------------------------------------------------------------------------


def test_csv_has_the_documented_header_and_one_row_per_term() -> None:
    text = exchange.export_csv(sample_glossary())
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert text.splitlines()[0] == ("concept_id,category,lang,term,status,note,source,flags,level,parent,zh_name,"
                                    "en_name,romanization,over,within")
    wuxi = [r for r in rows if r["concept_id"] == "wuxi"]
    assert [(r["lang"], r["term"], r["status"]) for r in wuxi] == [
        ("zh", "无锡市", "preferred"), ("en", "Wuxi", "preferred"), ("en", "Wu Xi", "deprecated")]
    assert {r["note"] for r in wuxi} == {NOTE}
    assert {(r["level"], r["parent"]) for r in wuxi} == {("prefecture", "jiangsu")}
    template = [r for r in rows if r["concept_id"] == "municipal-party-secretary"]
    assert {r["over"] for r in template} == {"prefecture county-city"}
    assert [r["flags"] for r in template] == ["", "case-sensitive no-plural", "", "case-sensitive"]
    assert [(r["lang"], r["term"], r["status"]) for r in rows if r["concept_id"] == "empty-concept"] == [("", "", "")]
    assert [r["concept_id"] for r in rows] == sorted(r["concept_id"] for r in rows)


def test_a_bare_carriage_return_is_quoted() -> None:
    g = Glossary(concepts={"a": Concept("a", Category.TERM, [Term("x", "en")], note="one\rtwo")})
    text = exchange.export_csv(g)
    assert '"one\rtwo"' in text
    assert exchange.import_csv(text, "a.csv").glossary.concepts["a"].note == "one\rtwo"


def test_proposal_rows_for_an_existing_concept_give_a_concept_holding_those_terms() -> None:
    # What `shuyu score --suggest` writes: only the required columns, terms for known ids.
    text = ("concept_id,lang,term,status\n"
            "wuxi,en,Wuxi City,admitted\n"
            "wuxi,en,Wu-xi,deprecated\n"
            "municipal-party-secretary,en,{Place} Municipal Party Secretary,admitted\n")
    result = exchange.import_csv(text, "proposals.csv")
    wuxi = result.glossary.concepts["wuxi"]
    assert [(t.lang, t.text, t.status) for t in wuxi.terms] == [("en", "Wuxi City", Status.ADMITTED),
                                                                 ("en", "Wu-xi", Status.DEPRECATED)]
    assert wuxi.category == Category.TERM  # the merge keeps the glossary's own fields
    assert (wuxi.path, wuxi.line) == ("proposals.csv", 2)
    assert result.glossary.concepts["municipal-party-secretary"].line == 4
    assert result.unmapped == []
    assert result.status_counts == {"admitted": 2, "deprecated": 1}


def test_csv_reports_what_it_cannot_map_with_lines() -> None:
    text = ("concept_id,category,lang,term,status,note,flags,colour\n"
            "a,title,en,Mayor,preferred,first note,,red\n"
            'a,place,en,"Mayor of\nthe city",,,shouty,blue\n'
            ",,en,orphan,admitted,,,\n"
            "b,,en,,admitted,,,\n")
    result = exchange.import_csv(text, "x.csv")
    a = result.glossary.concepts["a"]
    assert a.category == Category.TITLE
    assert [(t.text, t.status) for t in a.terms] == [("Mayor", Status.PREFERRED), ("Mayor of\nthe city", Status.ADMITTED)]
    assert result.unmapped == [
        "x.csv:1: columns not imported: colour",
        "x.csv:3: a: category 'place' differs from the concept's first row (line 2); the first is kept",
        "x.csv:3: a: no status for 'Mayor of\\nthe city', read as admitted",
        "x.csv:3: a: unknown flag(s) not imported: shouty",
        "x.csv:5: row without a concept_id not imported",
        "x.csv:6: b: a term needs both lang and term; row not imported",
    ]


def test_csv_tolerates_a_bom() -> None:
    text = "\ufeff" + exchange.export_csv(sample_glossary())
    assert_same_glossary(exchange.import_csv(text, "bom.csv").glossary, sample_glossary())


@pytest.mark.parametrize(("text", "line", "fragment"), [
    ("id,zh,en\nx,甲,A\n", 1, "missing column(s): concept_id, lang, term, status"),
    ("concept_id,lang,term,status\nx,en,X,best\n", 2, "unknown status 'best'"),
    ("concept_id,lang,term,status,category\nx,en,X,preferred,\ny,en,Y,preferred,city\n", 3, "unknown category 'city'"),
    ("concept_id,lang,term,status,level\nx,en,X,preferred,town\n", 2, "unknown level 'town'"),
    ('concept_id,lang,term,status\nx,en,"X,preferred\n', 2, "malformed CSV"),
])
def test_bad_csv_raises_input_error_with_the_line(text: str, line: int, fragment: str) -> None:
    with pytest.raises(InputError) as info:
        exchange.import_csv(text, "bad.csv")
    assert fragment in info.value.message
    assert (info.value.path, info.value.line) == ("bad.csv", line)


# --- JSON --------------------------------------------------------------------------------------


def test_json_document_shape() -> None:
    data = json.loads(exchange.export_json(sample_glossary()))
    assert data["schema"] == 1
    wuxi = next(c for c in data["concepts"] if c["id"] == "wuxi")
    assert set(wuxi) == {"id", "category", "level", "parent", "zh_name", "en_name", "romanization", "over", "within",
                         "note", "source", "terms"}
    assert wuxi["terms"][2] == {"lang": "en", "text": "Wu Xi", "status": "deprecated", "case_sensitive": False,
                                "plural": True}
    template = next(c for c in data["concepts"] if c["id"] == "municipal-party-secretary")
    assert (template["over"], template["within"], template["level"]) == (["prefecture", "county-city"], "jiangsu", None)
    assert data["examples"][1] == {"concept": "wuxi", "zh": "无锡", "en": "Wu Xi", "expect": "name-romanization"}
    assert "无锡" in exchange.export_json(sample_glossary())  # non-ASCII written as is


def test_json_reports_unknown_fields_and_defaults() -> None:
    text = json.dumps({"schema": 1, "generator": "x", "concepts": [
        {"id": "a", "terms": [{"lang": "en", "text": "A", "gloss": "?"}], "colour": "red"}],
        "examples": [{"concept": "a", "zh": "甲", "en": "A", "expect": "pass", "why": "?"}]})
    result = exchange.import_json(text, "j.json")
    a = result.glossary.concepts["a"]
    assert (a.category, a.terms) == (Category.TERM, [Term("A", "en", Status.ADMITTED)])
    assert result.unmapped == [
        "j.json: top-level fields not imported: generator",
        "j.json: concept 0 (a): term 0 has no status, read as admitted",
        "j.json: concept 0 (a): term 0 fields not imported: gloss",
        "j.json: concept 0 (a): fields not imported: colour",
        "j.json: example 0: fields not imported: why",
    ]


@pytest.mark.parametrize(("text", "fragment"), [
    ("{", "malformed JSON"),
    ("[]", "not a shuyu glossary JSON"),
    ('{"schema": 2, "concepts": []}', "unsupported schema 2"),
    ('{"schema": 1, "concepts": [{"id": 3}]}', "'id' must be a string"),
    ('{"schema": 1, "concepts": [{"id": "a", "category": "city"}]}', "unknown category 'city'"),
    ('{"schema": 1, "concepts": [{"id": "a", "terms": [{"lang": "en", "text": "A", "status": "best"}]}]}',
     "unknown status 'best'"),
    ('{"schema": 1, "concepts": [{"id": "a", "terms": [{"lang": "en", "text": "A", "plural": "no"}]}]}',
     "'plural' must be true or false"),
    ('{"schema": 1, "concepts": [{"id": "a"}, {"id": "a"}]}', "duplicate id 'a'"),
    ('{"schema": 1, "concepts": [], "examples": [{"concept": "a"}]}', "'zh' must be a string"),
    ('{"schema": 1, "concepts": ["a"]}', "concept 0 is not an object"),
])
def test_bad_json_raises_input_error(text: str, fragment: str) -> None:
    with pytest.raises(InputError) as info:
        exchange.import_json(text, "bad.json")
    assert fragment in info.value.message
    assert info.value.path == "bad.json"


def test_malformed_json_names_line_and_column() -> None:
    with pytest.raises(InputError) as info:
        exchange.import_json('{"schema": 1,\n  "concepts": [}', "bad.json")
    assert (info.value.line, info.value.column) == (2, 16)


# --- robustness --------------------------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list('concept_id,lang,term,status"\n\rabc无{}[]:1')), max_size=80))
def test_random_text_imports_or_raises_input_error(text: str) -> None:
    for reader in (exchange.import_csv, exchange.import_json):
        error = None
        try:
            reader(text, "random")
        except InputError as exc:
            error = exc
        assert error is None or error.path == "random"
