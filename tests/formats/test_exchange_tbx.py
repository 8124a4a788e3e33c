"""TBX, exchange CSV and JSON: lossless round trips, liberal TBX reading, clear errors."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from shuyu.errors import InputError
from shuyu.formats import exchange
from shuyu.formats import tbx
from shuyu.glossary.csvio import format_concepts
from shuyu.glossary.load import load_glossary
from shuyu.glossary.model import Glossary
from shuyu.model import Category
from shuyu.model import Concept
from shuyu.model import Status
from shuyu.model import Term
from tests.conftest import external

ROUND_TRIPS = {
    "tbx": (tbx.export_tbx, lambda text: tbx.import_tbx(text, "g.tbx")),
    "csv": (exchange.export_csv, lambda text: exchange.import_csv(text, "g.csv")),
    "json": (exchange.export_json, lambda text: exchange.import_json(text, "g.json")),
}


def canonical(concepts: dict[str, Concept]) -> str:
    """Every field of every concept, in the canonical CSV (so equality is byte equality)."""
    return format_concepts(list(concepts.values()))


@pytest.mark.parametrize("fmt", sorted(ROUND_TRIPS))
def test_bundled_glossary_round_trips(fmt: str) -> None:
    g = load_glossary()
    write, read = ROUND_TRIPS[fmt]
    back = read(write(g))
    assert canonical(back.glossary.concepts) == canonical(g.concepts)
    assert [u for u in back.unmapped if "superseded" not in u] == []


@settings(max_examples=40, deadline=None)
@given(
    texts=st.lists(st.text(alphabet="无锡徐州 AbcXyz'-,\"&<>", min_size=1, max_size=10).map(str.strip).filter(bool),
                   min_size=2, max_size=5, unique=True),
    note=st.text(alphabet="ab ,\"\n<>&", max_size=15).map(str.strip),
    status=st.sampled_from(list(Status)),
)
def test_random_concepts_round_trip(texts: list[str], note: str, status: Status) -> None:
    terms = [Term(texts[0], "zh"), Term(texts[1], "en")] + [Term(t, "en", status) for t in texts[2:]]
    concept = Concept("x-1", Category.TERM, terms, note=note, source="s")
    g = Glossary(concepts={"x-1": concept})
    for write, read in ROUND_TRIPS.values():
        assert canonical(read(write(g)).glossary.concepts) == canonical(g.concepts)


@pytest.mark.parametrize("style", ["DCA", "DCT"])
def test_tbx_basic_examples_import_in_both_styles(style: str) -> None:
    folder = external("tbx-basic-dialect-examples")
    path = next((folder / style).glob("*.tbx"))
    result = tbx.import_tbx(path.read_bytes(), str(path))
    assert len(result.glossary.concepts) == 45
    assert result.status_counts == {"preferredterm-admn-sts": 12, "admittedterm-admn-sts": 16,
                                    "deprecatedterm-admn-sts": 3, "supersededterm-admn-sts": 1}
    assert {t.lang for c in result.glossary.concepts.values() for t in c.terms} == {"en", "es", "zu"}
    assert "1 superseded term(s) imported as deprecated" in result.unmapped
    assert any("transacGrp" in u for u in result.unmapped)


def test_both_styles_give_the_same_concepts() -> None:
    folder = external("tbx-basic-dialect-examples")
    a, b = (tbx.import_tbx(next((folder / s).glob("*.tbx")).read_bytes(), s) for s in ("DCA", "DCT"))
    def terms(result: exchange.ImportResult) -> dict[str, list[tuple[str, str, Status]]]:
        return {cid: [(t.lang, t.text, t.status) for t in c.terms] for cid, c in result.glossary.concepts.items()}

    assert terms(a) == terms(b)


@pytest.mark.parametrize("name", ["min_good.tbx", "basic_good.tbx", "core_structure_good.tbx", "min_bad.tbx",
                                  "basic_bad.tbx", "core_structure_bad.tbx"])
def test_tbx_test_files_import_without_crashing(name: str) -> None:
    path = external("tbx-test-files") / name
    result = tbx.import_tbx(path.read_bytes(), str(path))
    assert len(result.glossary.concepts) == 45
    if name == "min_good.tbx":
        assert path.read_bytes().startswith(b"\xef\xbb\xbf")


def test_poorly_formed_tbx_names_line_and_column() -> None:
    path = external("tbx-test-files") / "poorly_formed_xml.tbx"
    with pytest.raises(InputError) as info:
        tbx.import_tbx(path.read_bytes(), str(path))
    assert (info.value.line, info.value.column) == (42, 8)


def test_entity_expansion_is_refused() -> None:
    bomb = ('<?xml version="1.0"?><!DOCTYPE tbx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
            '<tbx xmlns="urn:iso:std:iso:30042:ed-2"><text><body/></text><p>&b;</p></tbx>')
    with pytest.raises(InputError, match="refused XML construct"):
        tbx.import_tbx(bomb, "bomb.tbx")


def test_tbx_2008_martif_is_read() -> None:
    doc = ('<martif type="TBX-Basic" xml:lang="en"><text><body><termEntry id="Wuxi City">'
           '<langSet xml:lang="zh-CN"><tig><term>无锡市</term><termNote type="administrativeStatus">preferredTerm-admn-sts'
           '</termNote></tig></langSet><langSet xml:lang="en"><tig><term>Wuxi</term></tig><ntig><termGrp><term>Wu Xi'
           '</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termGrp></ntig></langSet>'
           '</termEntry></body></text></martif>')
    result = tbx.import_tbx(doc, "old.tbx")
    (concept,) = result.glossary.concepts.values()
    assert concept.id == "wuxi-city"
    assert [(t.lang, t.text, t.status) for t in concept.terms] == [
        ("zh", "无锡市", Status.PREFERRED), ("en", "Wuxi", Status.PREFERRED), ("en", "Wu Xi", Status.DEPRECATED)]
    assert any("'Wuxi City'" in u and "'wuxi-city'" in u for u in result.unmapped)


@pytest.mark.parametrize(("reader", "text", "fragment"), [
    (exchange.import_csv, "a,b\n1,2\n", "missing column"),
    (exchange.import_csv, "concept_id,lang,term,status\nx,en,X,best\n", "unknown status 'best'"),
    (exchange.import_json, "{", "malformed JSON"),
    (exchange.import_json, "[]", "not a shuyu glossary JSON"),
])
def test_bad_exchange_files(reader, text: str, fragment: str) -> None:
    with pytest.raises(InputError, match=fragment):
        reader(text, "f")
