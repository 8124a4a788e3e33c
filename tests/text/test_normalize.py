"""Normalisation folds exactly what its tables say, one character for one, wherever it stands."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from shuyu.text.normalize import _EN_FOLD
from shuyu.text.normalize import _FULLWIDTH
from shuyu.text.normalize import _fold_en
from shuyu.text.normalize import _fold_en_by_replace
from shuyu.text.normalize import _fold_fullwidth
from shuyu.text.normalize import _fold_fullwidth_by_replace
from shuyu.text.normalize import normalize_en
from shuyu.text.normalize import normalize_en_bytes
from shuyu.text.normalize import normalize_zh

# Text drawn mostly from the characters the tables change, with ASCII, Chinese and astral ones.
_CHARS = st.sampled_from(sorted({*map(chr, _EN_FOLD), *map(chr, _FULLWIDTH)}) + list("aZ '-\"徐州市😀\0"))
_TEXT = st.lists(st.one_of(_CHARS, st.characters()), max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_folding_runs_equals_translating_every_character(text: str) -> None:
    assert _fold_en(text) == text.translate(_EN_FOLD)
    assert _fold_en_by_replace(text) == text.translate(_EN_FOLD)
    assert _fold_en(text * 30) == (text * 30).translate(_EN_FOLD)  # long enough for the replace path
    assert _fold_fullwidth(text) == text.translate(_FULLWIDTH)
    assert _fold_fullwidth_by_replace(text) == text.translate(_FULLWIDTH)
    assert _fold_fullwidth(text * 30) == (text * 30).translate(_FULLWIDTH)


def test_english_and_chinese_folds() -> None:
    assert normalize_en("Beijing’s\u00a0 Mayor\u2014\tX")[0] == "beijing's mayor- x"
    assert normalize_zh("徐州（ＸＺ）—无锡\u3000")[0] == "徐州(XZ)-无锡 "


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "Wuxi", " ", "  ", "\t", "\u00a0", "’", "\n", "İ"]), max_size=30).map("".join))
def test_english_normalisation_is_fold_lower_and_one_space_per_run(text: str) -> None:
    norm, omap = normalize_en(text)
    lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text.translate(_EN_FOLD))
    assert norm == re.sub(" {2,}", " ", lowered)
    assert [omap.to_original(i) for i in range(len(norm))] == sorted({omap.to_original(i) for i in range(len(norm))})


# Latin-1 letters both cases, what lowers into Latin-1 from beyond it, and characters beyond it.
_LATIN1_MIX = st.lists(st.one_of(
    st.sampled_from(["a", "Wuxi", "Lü", "LÜ", "ÿ", "ß", " ", "  ", "\t", "\n", "`", "?", "\u00a0", "’", "—", "é",
                     "北京", "😀", "\0", "\u0130", "\u0178", "\u1e9e", "\u212a", "\u212b"]),
    st.characters(max_codepoint=0x2FF)), max_size=30).map("".join)


@settings(max_examples=500, deadline=None)
@given(_LATIN1_MIX)
def test_english_normalisation_in_bytes_is_the_text_one_in_latin1(text: str) -> None:
    got = normalize_en_bytes(text)
    if any(c in text for c in "\u0130\u0178\u1e9e\u212a\u212b"):  # each lowers into Latin-1 from beyond
        assert got is None
        return
    assert got is not None
    norm, omap = got
    want, want_map = normalize_en(text)
    assert norm == want.encode("latin-1", "replace")
    positions = range(len(norm) + 1)
    if omap is None:
        assert all(want_map.to_original(i) == i for i in positions)
    else:
        assert [omap.to_original(i) for i in positions] == [want_map.to_original(i) for i in positions]
        assert [omap.end_to_original(i) for i in positions] == [want_map.end_to_original(i) for i in positions]
