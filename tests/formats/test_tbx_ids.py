"""TBX concept ids are XML NCNames (``xsd:ID`` in the TBX core structure), reversibly."""

from __future__ import annotations

import re

import pytest
from defusedxml import ElementTree as SafeET
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from shuyu.formats import tbx
from shuyu.glossary.load import load_glossary
from shuyu.glossary.model import Glossary
from shuyu.model import Category
from shuyu.model import Concept
from shuyu.model import Term

NS = "{urn:iso:std:iso:30042:ed-2}"

# Namespaces in XML 1.0, [4] NCName ::= Name - (Char* ':' Char*), over XML 1.0 (fifth edition) [4]/[4a].
_START = ("A-Z_a-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c\u200d\u2070-\u218f"
          "\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff")
NCNAME = re.compile(f"[{_START}][{_START}\\-.0-9\u00b7\u0300-\u036f\u203f\u2040]*")


def entry_ids(text: str) -> list[str]:
    root = SafeET.fromstring(text.encode("utf-8"))
    return [e.get("id") for e in root.iter(f"{NS}conceptEntry")]


def test_the_ncname_pattern_is_the_xml_rule() -> None:
    for good in ("wuxi", "_40_", "a.b-c", "无锡", "é"):
        assert NCNAME.fullmatch(good), good
    for bad in ("a@b", "2nd", "-a", ".a", "a:b", "a b", ""):
        assert not NCNAME.fullmatch(bad), bad


def test_every_id_of_the_expanded_bundled_export_is_an_ncname() -> None:
    g = load_glossary()
    ids = entry_ids(tbx.export_tbx(g, expanded=True))
    assert sum("@" in cid for cid in g.expanded) > 2000  # the expansions, template@place
    assert len(ids) == len({cid for cid, c in g.expanded.items() if not c.is_template})
    assert [cid for cid in ids if not NCNAME.fullmatch(cid)] == []
    assert "county-cppcc-chairman_40_baoying-county" in ids


def test_ids_already_valid_are_written_unchanged(monkeypatch: pytest.MonkeyPatch) -> None:
    g = load_glossary()
    assert all(NCNAME.fullmatch(cid) and "_" not in cid for cid in g.concepts)
    text = tbx.export_tbx(g)
    assert entry_ids(text) == sorted(g.concepts)
    # Byte for byte what an export without the id mapping writes: no churn.
    monkeypatch.setattr(tbx, "ncname_id", lambda cid: cid)
    assert tbx.export_tbx(g) == text
    expanded = tbx.export_tbx(g, expanded=True)
    assert '<conceptEntry id="wuxi">' in expanded


@pytest.mark.parametrize(("cid", "written"), [
    ("county-cppcc-chairman@baoying-county", "county-cppcc-chairman_40_baoying-county"),
    ("a_b", "a_5f_b"),
    ("a_40_b", "a_5f_40_5f_b"),
    ("2nd-ring", "_32_nd-ring"),
    ("-x", "_2d_x"),
    ("a.b", "a.b"),
    ("a:b c", "a_3a_b_20_c"),
    ("wuxi", "wuxi"),
])
def test_the_id_mapping(cid: str, written: str) -> None:
    assert tbx.ncname_id(cid) == written
    assert NCNAME.fullmatch(written)
    assert tbx.id_from_ncname(written) == cid


@settings(max_examples=300, deadline=None)
@given(cid=st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=20))
def test_the_id_mapping_is_reversible_and_always_an_ncname(cid: str) -> None:
    written = tbx.ncname_id(cid)
    assert NCNAME.fullmatch(written)
    assert tbx.id_from_ncname(written) == cid


def test_ids_come_back_from_a_file_shuyu_wrote() -> None:
    g = Glossary(concepts={cid: Concept(cid, Category.TERM, [Term("环", "zh"), Term("ring", "en")], source="s")
                           for cid in ("2nd-ring", "ring")})
    text = tbx.export_tbx(g)
    assert entry_ids(text) == ["_32_nd-ring", "ring"]
    result = tbx.import_tbx(text, "g.tbx")
    assert list(result.glossary.concepts) == ["2nd-ring", "ring"]
    assert result.unmapped == []


def test_expanded_ids_come_back_as_their_slug_not_the_escape() -> None:
    g = load_glossary()
    result = tbx.import_tbx(tbx.export_tbx(g, expanded=True), "expanded.tbx")
    back = result.glossary.concepts["county-cppcc-chairman-baoying-county"]
    assert (back.template, back.place) == ("county-cppcc-chairman", "baoying-county")
    assert not any("-40-" in cid for cid in result.glossary.concepts)
    assert any("expanded.tbx:" in u and "concept id 'county-cppcc-chairman@baoying-county' (not a kebab-case ASCII id) "
            "imported as 'county-cppcc-chairman-baoying-county'" in u for u in result.unmapped)


def test_ids_of_other_tools_files_are_not_unescaped() -> None:
    doc = (f'<tbx xmlns="{NS[1:-1]}"><text><body><conceptEntry id="a_40_b"><langSec xml:lang="en"><termSec>'
           "<term>x</term></termSec></langSec></conceptEntry></body></text></tbx>")
    assert list(tbx.import_tbx(doc, "other.tbx").glossary.concepts) == ["a-40-b"]
