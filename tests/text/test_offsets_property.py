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


def _maps() -> st.SearchStrategy:
    from shuyu.text.offsets import OffsetMap
    from shuyu.text.offsets import OffsetMapBuilder

    def built(runs: list[tuple[int, int]], start: int, end_extra: int | None) -> OffsetMap:
        builder = OffsetMapBuilder()
        origin = start
        for gap, count in runs:
            origin += gap
            builder.copy(origin, count)
            origin += count
        return builder.build(original_end=None if end_extra is None else origin + end_extra)

    identity = st.builds(OffsetMap.identity, st.integers(0, 30), st.integers(0, 50))
    runs = st.lists(st.tuples(st.integers(0, 3), st.integers(0, 6)), max_size=4)
    return st.one_of(identity, st.builds(built, runs, st.integers(0, 20), st.none() | st.integers(0, 5)))


@given(_maps(), st.integers(-2, 40), st.integers(-2, 40))
def test_a_span_maps_back_as_its_start_and_end_do(omap, start: int, end: int) -> None:
    assert omap.span_to_original(start, end) == (omap.to_original(start), omap.end_to_original(end))


@given(st.text(alphabet="ab\n\r徐", max_size=30))
def test_line_starts_are_the_offsets_after_each_line_break(text: str) -> None:
    from shuyu.text.offsets import LineIndex

    breaks = [i + 1 for i, ch in enumerate(text) if ch == "\n" or (ch == "\r" and text[i + 1:i + 2] != "\n")]
    assert LineIndex.of(text).starts == [0, *breaks]
