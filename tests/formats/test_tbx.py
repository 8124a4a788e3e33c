"""TBX: TBX-Basic v3 export, lossless round trips, v3 DCA/DCT and TBX 2008 import, safe parsing."""

from __future__ import annotations

import collections
from pathlib import Path

import pytest
from defusedxml import ElementTree as SafeET
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from shuyu.errors import InputError
from shuyu.formats import tbx
from shuyu.glossary.load import load_glossary
from shuyu.glossary.model import Glossary
from shuyu.model import Category
from shuyu.model import Concept
from shuyu.model import Status
from shuyu.model import Term
from tests.conftest import external
from tests.formats.test_exchange import assert_same_glossary
from tests.formats.test_exchange import glossaries
from tests.formats.test_exchange import sample_glossary

DATA = Path(__file__).resolve().parents[1] / "data" / "tbx"
NS = "{urn:iso:std:iso:30042:ed-2}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def round_trip(g: Glossary, **options: str) -> tbx.ImportResult:
    return tbx.import_tbx(tbx.export_tbx(g, **options).encode("utf-8"), "g.tbx")


# --- export ------------------------------------------------------------------------------------


def test_export_is_tbx_basic_v3_dca() -> None:
    root = SafeET.fromstring(tbx.export_tbx(sample_glossary()).encode("utf-8"))
    assert root.tag == f"{NS}tbx"
    assert (root.get("type"), root.get("style"), root.get(XML_LANG)) == ("TBX-Basic", "dca", "en")
    entries = root.findall(f"{NS}text/{NS}body/{NS}conceptEntry")
    assert [e.get("id") for e in entries] == sorted(sample_glossary().concepts)
    wuxi = next(e for e in entries if e.get("id") == "wuxi")
    assert wuxi.find(f"{NS}descrip[@type='subjectField']").text == "place"
    notes = [n.text for n in wuxi.findall(f"{NS}note")]
    assert notes[0].replace("\r\n", "\n") == sample_glossary().concepts["wuxi"].note.replace("\r\n", "\n")
    assert notes[1:] == ["shuyu:level=prefecture", "shuyu:parent=jiangsu", "shuyu:zh_name=无锡", "shuyu:en_name=Wuxi"]
    en = wuxi.find(f"{NS}langSec[@{XML_LANG}='en']")
    assert [(s.find(f"{NS}term").text, s.find(f"{NS}termNote[@type='administrativeStatus']").text,
             s.find(f"{NS}admin[@type='source']").text) for s in en.findall(f"{NS}termSec")] == [
        ("Wuxi", "preferredTerm-admn-sts", "www.wuxi.gov.cn, checked 2024"),
        ("Wu Xi", "deprecatedTerm-admn-sts", "www.wuxi.gov.cn, checked 2024")]
    template = next(e for e in entries if e.get("id") == "municipal-party-secretary")
    assert [n.text for n in template.findall(f"{NS}note")] == [
        "template over cities", "shuyu:over=prefecture county-city", "shuyu:within=jiangsu"]
    flags = [n.text for n in template.iter(f"{NS}note") if n.text.startswith("shuyu:flags=")]
    assert flags == ["shuyu:flags=case-sensitive no-plural", "shuyu:flags=case-sensitive"]


def test_export_writes_the_language_tags_asked_for() -> None:
    text = tbx.export_tbx(sample_glossary(), source_lang="zh-CN", target_lang="en-US")
    root = SafeET.fromstring(text.encode("utf-8"))
    tags = collections.Counter(s.get(XML_LANG) for s in root.iter(f"{NS}langSec"))
    assert set(tags) == {"zh-CN", "en-US", "es"}
    assert root.get(XML_LANG) == "en-US"


def test_a_carriage_return_is_escaped_so_xml_keeps_it() -> None:
    assert "and newlines\nand a CRLF&#13;\n" not in tbx.export_tbx(sample_glossary())
    assert "&#13;" in tbx.export_tbx(sample_glossary())


def test_a_character_xml_cannot_hold_is_an_input_error() -> None:
    g = Glossary(concepts={"bell": Concept("bell", Category.TERM, [Term("ring\x07", "en")], path="terms.csv", line=7)})
    with pytest.raises(InputError, match="U\\+0007") as info:
        tbx.export_tbx(g)
    assert (info.value.path, info.value.line) == ("terms.csv", 7)


# --- round trips -------------------------------------------------------------------------------


def test_round_trip_keeps_every_field() -> None:
    g = sample_glossary()
    result = round_trip(g)
    assert_same_glossary(result.glossary, g, group_terms_by_lang=True)
    assert result.unmapped == ["terms in languages other than zh and en kept as they are: es (1); "
                               "the glossary CSV holds only zh and en"]


def test_round_trip_with_regional_language_tags() -> None:
    g = sample_glossary()
    result = round_trip(g, source_lang="zh-Hans", target_lang="en-GB")
    assert_same_glossary(result.glossary, g, group_terms_by_lang=True)
    assert any("xml:lang 'zh-Hans' read as 'zh'" in u for u in result.unmapped)


def test_bundled_glossary_round_trips() -> None:
    g = load_glossary()
    result = round_trip(g)
    assert_same_glossary(result.glossary, g, group_terms_by_lang=True)
    assert result.unmapped == []


def test_expanded_export_writes_expansions_with_their_template_and_place() -> None:
    g = load_glossary()
    result = tbx.import_tbx(tbx.export_tbx(g, expanded=True), "expanded.tbx")
    concepts = result.glossary.concepts
    assert not any(c.is_template for c in concepts.values())
    expansion = next(c for c in g.expanded.values() if c.template)
    # An expanded id (template@place) is not a glossary id: it comes back slugified, with the
    # template and the place kept.
    back = concepts[tbx.slugify(expansion.id)]
    assert tbx.slugify(expansion.id) == expansion.id.replace("@", "-")
    assert (back.template, back.place) == (expansion.template, expansion.place)
    assert [t for t in back.terms if not t.romanization] == [t for t in expansion.terms if not t.romanization]
    assert not any(t.romanization for c in concepts.values() for t in c.terms)


@settings(max_examples=60, deadline=None)
@given(g=glossaries())
def test_random_glossaries_survive_tbx(g: Glossary) -> None:
    assert_same_glossary(round_trip(g).glossary, g, group_terms_by_lang=True)


# --- import: hand-written files ----------------------------------------------------------------


def test_tbx_2008_martif() -> None:
    path = DATA / "tbx2008_martif.tbx"
    result = tbx.import_tbx(path.read_bytes(), "old.tbx")
    concepts = result.glossary.concepts
    assert list(concepts) == ["wuxi-city", "wuxi-city-2", "concept-3"]
    wuxi = concepts["wuxi-city"]
    assert (wuxi.category, wuxi.note, wuxi.source, wuxi.line) == (
        Category.PLACE, "A prefecture-level city in Jiangsu.", "GB/T 17693.1", 8)
    assert [(t.lang, t.text, t.status) for t in wuxi.terms] == [
        ("zh", "无锡市", Status.PREFERRED), ("en", "Wuxi", Status.PREFERRED), ("en", "Wu Xi", Status.DEPRECATED),
        ("en", "City of Wuxi", Status.ADMITTED)]
    assert [(t.lang, t.text, t.status) for t in concepts["wuxi-city-2"].terms] == [
        ("de", "Wuxi (Stadt)", Status.DEPRECATED)]
    assert [(t.text, t.status) for t in concepts["concept-3"].terms] == [("mayor", Status.PREFERRED)]
    assert result.status_counts == {"preferredterm-admn-sts": 1, "deprecatedterm-admn-sts": 1,
                                    "standardizedterm-admn-sts": 1, "supersededterm-admn-sts": 1}
    unmapped = result.unmapped
    for expected in [
        "old.tbx:8: concept id 'Wuxi City' (not a kebab-case ASCII id) imported as 'wuxi-city'",
        "old.tbx:36: concept id 'Wuxi City' (an id already used) imported as 'wuxi-city-2'",
        "old.tbx:45: concept id '' (no id) imported as 'concept-3'",
        "old.tbx:32: administrativeStatus 'standardizedTerm-admn-sts' of 'City of Wuxi' in concept wuxi-city, "
        "language en-GB read as admitted (shuyu has no such status)",
        "old.tbx:41: administrativeStatus 'supersededTerm-admn-sts' of 'Wuxi (Stadt)' in concept wuxi-city-2, "
        "language de read as deprecated (shuyu has no such status)",
        "old.tbx:48: empty <term> in concept concept-3, language en not imported",
        "old.tbx:50: <langSet> without xml:lang in concept concept-3: its terms are not imported",
        "old.tbx:12: <transac type=\"transactionType\"> 'origination' in concept wuxi-city not imported",
        "old.tbx:12: <date> '2024-01-02' in concept wuxi-city (a transacGrp member) not imported",
        "old.tbx:37: subjectField 'Geography' of concept wuxi-city-2 is not a shuyu category: imported as 'term'",
        "old.tbx:13: xml:lang 'zh-CN' read as 'zh'",
        "old.tbx:19: xml:lang 'en-GB' read as 'en'",
        "1 superseded term(s) imported as deprecated",
        "terms in languages other than zh and en kept as they are: de (1); the glossary CSV holds only zh and en",
    ]:
        assert expected in unmapped
    assert any(u.startswith("2 term(s) without an administrative status: 2 imported as preferred") for u in unmapped)


def test_tbx_v3_dct_with_chinese() -> None:
    result = tbx.import_tbx((DATA / "v3_dct_zh.tbx").read_bytes(), "dct.tbx")
    (concept,) = result.glossary.concepts.values()
    assert (concept.id, concept.category, concept.source) == ("xuzhou-party-secretary", Category.TITLE, "www.xz.gov.cn")
    assert [(t.lang, t.text, t.status) for t in concept.terms] == [
        ("zh", "徐州市委书记", Status.PREFERRED),
        ("en", "Secretary of the CPC Xuzhou Municipal Committee", Status.PREFERRED),
        ("en", "Xuzhou party chief", Status.ADMITTED),
        ("en", "Xuzhou Party Secretary", Status.DEPRECATED)]
    assert result.unmapped == [
        "dct.tbx:32: usageStatus 'notRecommended' of 'Xuzhou Party Secretary' in concept xuzhou-party-secretary, "
        "language en read as deprecated (shuyu has no such status)",
        "dct.tbx:27: <note> 'journalistic' in concept xuzhou-party-secretary, language en, term 'Xuzhou party chief' "
        "(a termNoteGrp member) not imported",
        "dct.tbx:10: xml:lang 'zh-Hans' read as 'zh'",
    ]


@pytest.mark.parametrize("name", ["entity_expansion.tbx", "external_entity.tbx"])
def test_entities_are_refused(name: str) -> None:
    with pytest.raises(InputError, match="refused XML construct: EntitiesForbidden") as info:
        tbx.import_tbx((DATA / name).read_bytes(), name)
    assert info.value.line > 0


def test_a_bom_is_fine_in_bytes_and_text() -> None:
    text = tbx.export_tbx(sample_glossary())
    for data in ("\ufeff" + text, b"\xef\xbb\xbf" + text.encode("utf-8")):
        assert_same_glossary(tbx.import_tbx(data, "bom.tbx").glossary, sample_glossary(), group_terms_by_lang=True)


@pytest.mark.parametrize(("doc", "line", "column", "fragment"), [
    ('<tbx xmlns="urn:iso:std:iso:30042:ed-2">\n  <text><body>\n</tbx>', 3, 3, "mismatched tag"),
    ("", 1, 1, "no element found"),
    ("<tbx><text><body/></text></tbx>trailing", 1, 32, "junk after document element"),
])
def test_malformed_xml_names_line_and_column(doc: str, line: int, column: int, fragment: str) -> None:
    with pytest.raises(InputError) as info:
        tbx.import_tbx(doc, "bad.tbx")
    assert fragment in info.value.message
    assert (info.value.path, info.value.line, info.value.column) == ("bad.tbx", line, column)


@pytest.mark.parametrize(("doc", "fragment"), [
    ("<html><body/></html>", "not a TBX file: the root element is <html>"),
    ('<tbx xmlns="urn:iso:std:iso:30042:ed-2"><tbxHeader/></tbx>', "no <text><body> element"),
])
def test_a_document_that_is_not_a_termbase(doc: str, fragment: str) -> None:
    with pytest.raises(InputError, match=fragment):
        tbx.import_tbx(doc, "x.tbx")


def test_unknown_shuyu_notes_and_levels_are_reported() -> None:
    doc = ('<tbx xmlns="urn:iso:std:iso:30042:ed-2"><text><body><conceptEntry id="a">'
           "<note>shuyu:level=hamlet</note><note>shuyu:colour=red</note><langSec xml:lang=\"en\"><termSec><term>A</term>"
           "<note>shuyu:flags=loud</note></termSec></langSec></conceptEntry></body></text></tbx>")
    result = tbx.import_tbx(doc, "n.tbx")
    assert result.glossary.concepts["a"].level is None
    assert result.unmapped[:3] == [
        "n.tbx:1: shuyu:level value 'hamlet' of concept a is not a shuyu level: not imported",
        "n.tbx:1: unknown shuyu:flags 'loud' of 'A' in concept a, language en not imported",
        "n.tbx:1: <note> 'shuyu:colour=red' in concept a not imported",
    ]


def test_slugify() -> None:
    assert tbx.slugify("Wuxi City") == "wuxi-city"
    assert tbx.slugify("Zürich_2") == "zurich-2"
    assert tbx.slugify("无锡") == ""


# --- import: the published TBX examples (../shared/data/external) -------------------------------


def _statuses(result: tbx.ImportResult) -> collections.Counter[Status]:
    return collections.Counter(t.status for c in result.glossary.concepts.values() for t in c.terms)


@pytest.mark.external
def test_tbx_basic_examples_import_the_same_from_dca_and_dct() -> None:
    folder = external("tbx-basic-dialect-examples")
    dca, dct = (tbx.import_tbx(path.read_bytes(), str(path)) for path in
                (folder / "DCA" / "Example_Astronomy_DCA_VALID.tbx", folder / "DCT" / "Example_Astronomy_DCT_VALID.tbx"))
    for result in (dca, dct):
        assert len(result.glossary.concepts) == 45
        assert result.status_counts == {"preferredterm-admn-sts": 12, "admittedterm-admn-sts": 16,
                                        "deprecatedterm-admn-sts": 3, "supersededterm-admn-sts": 1}
        assert {t.lang for c in result.glossary.concepts.values() for t in c.terms} == {"en", "es", "zu"}
        assert "1 superseded term(s) imported as deprecated" in result.unmapped
        # 81 terms carry no status: the first of each language without a preferred term is preferred.
        assert _statuses(result) == {Status.PREFERRED: 12 + 71, Status.ADMITTED: 16 + 10, Status.DEPRECATED: 3 + 1}
        assert any(u.startswith("81 term(s) without an administrative status: 71 imported as preferred")
                   for u in result.unmapped)
        assert any("not imported: 316 times (lines " in u for u in result.unmapped)  # transaction dates
    assert dca.glossary.concepts.keys() == dct.glossary.concepts.keys()
    for cid, concept in dca.glossary.concepts.items():
        other = dct.glossary.concepts[cid]
        assert (concept.category, concept.source, concept.terms) == (other.category, other.source, other.terms), cid
        # The published DCT file lacks the Spanish sections' "G-Source" notes of three concepts.
        lines, other_lines = concept.note.splitlines(), other.note.splitlines()
        if cid in ("c7", "c9", "c32"):
            assert lines[:-1] == other_lines
            assert lines[-1].startswith("G-Source: http")
        else:
            assert lines == other_lines, cid
    galactic = next(t for t in dca.glossary.concepts["c1"].terms if t.text == "galactic cluster")
    assert galactic.status == Status.DEPRECATED


@pytest.mark.external
@pytest.mark.parametrize("name", ["min_good.tbx", "basic_good.tbx", "core_structure_good.tbx"])
def test_good_test_files_import(name: str) -> None:
    path = external("tbx-test-files") / name
    data = path.read_bytes()
    result = tbx.import_tbx(data, str(path))
    assert len(result.glossary.concepts) == 45
    assert result.glossary.concepts["c2"].terms[0] == Term("circumstellar accretion disk", "en")
    if name == "min_good.tbx":
        assert data.startswith(b"\xef\xbb\xbf")


@pytest.mark.external
@pytest.mark.parametrize("name", ["min_bad.tbx", "basic_bad.tbx", "core_structure_bad.tbx"])
def test_bad_test_files_import_with_their_problems_reported(name: str) -> None:
    path = external("tbx-test-files") / name
    result = tbx.import_tbx(path.read_bytes(), str(path))
    assert len(result.glossary.concepts) == 45
    expected = {
        "min_bad.tbx": "usageStatus 'not an allowed value' of 'ciclo del carbono-nitrógeno-oxígeno'",
        "basic_bad.tbx": "<descrip type=\"definition\"> 'Definitions may not go at the term level.' in concept c1",
        "core_structure_bad.tbx": "<term> 'Second term' in concept c1",
    }[name]
    assert any(expected in u for u in result.unmapped), result.unmapped
    if name == "basic_bad.tbx":  # a concept-level source outside a descripGrp is still the concept's source
        assert result.glossary.concepts["c1"].source == "Wrong level to have no nesting at."


@pytest.mark.external
def test_poorly_formed_test_file_names_line_and_column() -> None:
    path = external("tbx-test-files") / "poorly_formed_xml.tbx"
    with pytest.raises(InputError) as info:
        tbx.import_tbx(path.read_bytes(), str(path))
    assert (info.value.line, info.value.column) == (42, 8)
    assert "mismatched tag" in info.value.message


# --- robustness --------------------------------------------------------------------------------

_VALID = tbx.export_tbx(sample_glossary()).encode("utf-8")


@settings(max_examples=150, deadline=None)
@given(cut=st.integers(0, len(_VALID)), insert=st.binary(max_size=8), drop=st.integers(0, 40))
def test_damaged_tbx_imports_or_raises_input_error(cut: int, insert: bytes, drop: int) -> None:
    data = _VALID[:cut] + insert + _VALID[cut + drop:]
    try:
        result = tbx.import_tbx(data, "damaged.tbx")
    except InputError as exc:
        error = exc
    else:
        error = None
        assert isinstance(result.unmapped, list)
    assert error is None or error.path == "damaged.tbx"


@pytest.mark.parametrize("data", [b'<?xml version="1.0" encoding="no-such-codec"?><tbx/>', "\ud800<tbx/>"])
def test_undecodable_input_is_an_input_error(data: bytes | str) -> None:
    with pytest.raises(InputError):
        tbx.import_tbx(data, "odd.tbx")
