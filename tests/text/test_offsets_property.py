"""Property tests: every offset map round-trips to the character it came from."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from shuyu.formats.html import parse_html
from shuyu.text.normalize import fold_en_keep_case
from shuyu.text.normalize import normalize_en
from shuyu.text.normalize import normalize_zh

EN_CHARS = st.text(alphabet="AbcXyz '’‘“”-–—\n\t\u00a0  .,İ", max_size=60)
ZH_CHARS = st.text(alphabet="無錫市委書記徐州经济（）ＡＢ１２\u3000。，", max_size=40)


@given(EN_CHARS)
def test_english_normalisation_maps_every_character_back(text: str) -> None:
    norm, omap = normalize_en(text)
    for i, ch in enumerate(norm):
        folded = fold_en_keep_case(text[omap.to_original(i)])
        expected = folded.lower() if len(folded.lower()) == 1 else folded  # İ lowers to two characters
        assert expected == ch


@given(ZH_CHARS)
def test_chinese_normalisation_keeps_length_and_positions(text: str) -> None:
    norm, omap = normalize_zh(text)
    assert len(norm) == len(text)
    assert all(omap.to_original(i) == i for i in range(len(norm)))


WORDS = st.sampled_from(["Wuxi", "the", "CPC", "&amp;", "&rsquo;", "&#8217;", "<em>", "</em>", "<b>", "</b>", "\n",
                         " ", "徐州", "<br>", "<!-- c -->", "<span title='CCP'>", "</span>"])


@given(st.lists(WORDS, max_size=30))
def test_html_segments_map_back_to_the_source(parts: list[str]) -> None:
    source = "<p>" + "".join(parts) + "</p>"
    doc = parse_html(source, "t.html")
    for seg in doc.segments:
        for i, ch in enumerate(seg.text):
            at = seg.offsets.to_original(i)
            if source[at] == "&":
                continue  # an entity: the character stands for the whole reference
            assert source[at] == ch or (ch == " " and source[at].isspace()), (source, seg.text, i)
