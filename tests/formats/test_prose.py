"""ProseBuffer: a segment's text and the source offset of every character, URLs cut and whitespace trimmed."""

from __future__ import annotations

from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from shuyu.formats.prose import ProseBuffer
from shuyu.formats.prose import cut_segment
from shuyu.formats.prose import plain_segment
from shuyu.formats.urls import url_spans
from shuyu.text.document import Segment


def origins(segment: Segment) -> list[int]:
    return [segment.offsets.to_original(i) for i in range(len(segment.text))]


def take(buffer: ProseBuffer) -> Segment:
    segment = buffer.take(scope="paragraph", block=3, lang="en")
    assert segment is not None
    return segment


def test_copied_text_keeps_its_offsets() -> None:
    buffer = ProseBuffer()
    buffer.copy("Wuxi ", 10)
    buffer.copy("and", 20)  # after a tag: a gap in the source
    segment = take(buffer)
    assert segment.text == "Wuxi and"
    assert origins(segment) == [10, 11, 12, 13, 14, 20, 21, 22]
    assert segment.offsets.end_to_original(len(segment.text)) == 23
    assert (segment.scope, segment.block, segment.lang) == ("paragraph", 3, "en")


def test_mapped_characters_all_stand_for_one_offset() -> None:
    buffer = ProseBuffer()
    buffer.copy("A", 0)
    buffer.mapped("≂̸", 1)  # one reference, two characters
    buffer.copy("B", 16)
    segment = take(buffer)
    assert segment.text == "A≂̸B"
    assert origins(segment) == [0, 1, 1, 16]


def test_take_trims_whitespace_and_keeps_offsets() -> None:
    buffer = ProseBuffer()
    buffer.copy(" \n\t Wuxi", 100)
    buffer.mapped("\u00a0", 108)
    buffer.copy("city \r\n", 114)
    segment = take(buffer)
    assert segment.text == "Wuxi\u00a0city"
    assert origins(segment) == [104, 105, 106, 107, 108, 114, 115, 116, 117]
    assert segment.offsets.end_to_original(len(segment.text)) == 118


def test_take_removes_urls_and_keeps_offsets() -> None:
    buffer = ProseBuffer()
    buffer.copy("See https://x.org/CCP. Mail info@ccp.cn or ", 0)
    buffer.copy("english.wuxi.gov.cn", 50)
    buffer.copy(" now", 80)
    segment = take(buffer)
    assert segment.text == "See . Mail  or  now"
    assert origins(segment) == [0, 1, 2, 3, 21, 22, 23, 24, 25, 26, 27, 39, 40, 41, 42, 80, 81, 82, 83]


def test_a_url_running_over_an_entity_is_removed_whole() -> None:
    buffer = ProseBuffer()
    buffer.copy("go https://x.org/?a=1", 0)
    buffer.mapped("&", 21)  # &amp;
    buffer.copy("b=2 now", 26)
    segment = take(buffer)
    assert segment.text == "go  now"
    assert origins(segment) == [0, 1, 2, 29, 30, 31, 32]


def test_a_url_at_either_end_leaves_no_whitespace() -> None:
    buffer = ProseBuffer()
    buffer.copy("https://x.org/a Wuxi www.ccp.com", 5)
    segment = take(buffer)
    assert segment.text == "Wuxi"
    assert origins(segment) == [21, 22, 23, 24]


def test_blank_or_url_only_is_none() -> None:
    buffer = ProseBuffer()
    assert buffer.take(scope="paragraph", block=0) is None
    buffer.copy(" \n\u3000 ", 0)
    assert buffer.take(scope="paragraph", block=0) is None
    buffer.copy(" https://x.org/a. ", 0)
    segment = buffer.take(scope="paragraph", block=0)
    assert segment is not None
    assert segment.text == "."  # the sentence's full stop is not part of the URL


def test_take_resets_and_truthiness() -> None:
    buffer = ProseBuffer()
    assert not buffer
    buffer.copy("", 3)
    buffer.mapped("", 4)
    assert not buffer
    buffer.copy("x", 3)
    assert buffer
    assert take(buffer).text == "x"
    assert not buffer
    assert buffer.take(scope="paragraph", block=0) is None
    buffer.copy("y", 9)
    assert origins(take(buffer)) == [9]


# -- property: the same result as cutting and trimming one character at a time ----------------------

PIECES = st.lists(
    st.tuples(
        st.booleans(),  # mapped (an entity) or copied
        st.sampled_from(["Wuxi", " ", "\n", "徐州", "https://x.org/a", "www.ccp.com", ".", "&", "’", "a@b.cn",
                         " CCP ", "wuxi.gov.cn/", "\u00a0", "?q=1", "，"]),
        st.integers(min_value=0, max_value=5),  # gap in the source before the piece
    ),
    max_size=20,
)


@settings(max_examples=300, deadline=None)
@given(PIECES)
def test_take_matches_a_character_by_character_reference(pieces: list[tuple[bool, str, int]]) -> None:
    buffer = ProseBuffer()
    chars: list[str] = []
    where: list[int] = []
    origin = 0
    for mapped, text, gap in pieces:
        origin += gap
        if mapped:
            buffer.mapped(text, origin)
            where += [origin] * len(text)
            origin += 5
        else:
            buffer.copy(text, origin)
            where += range(origin, origin + len(text))
            origin += len(text)
        chars += text
    keep = [True] * len(chars)
    for start, end in url_spans("".join(chars)):
        keep[start:end] = [False] * (end - start)
    kept = [(c, o) for c, o, k in zip(chars, where, keep, strict=True) if k]
    while kept and kept[0][0].isspace():
        kept.pop(0)
    while kept and kept[-1][0].isspace():
        kept.pop()
    segment = buffer.take(scope="cell", block=1)
    if not kept:
        assert segment is None
        return
    assert segment is not None
    assert segment.text == "".join(c for c, _ in kept)
    assert origins(segment) == [o for _, o in kept]
    assert segment.offsets.end_to_original(len(segment.text)) == kept[-1][1] + 1


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Wuxi", " ", "\n", "https://x.org/a", "www.ccp.com", ".", "a@b.cn", "wuxi.gov.cn/",
                                 "\u00a0", "?q=1", "，", "徐州"]), max_size=12).map("".join),
       st.integers(min_value=0, max_value=50))
def test_cut_segment_is_take_of_one_copy(text: str, origin: int) -> None:
    buffer = ProseBuffer()
    buffer.copy(text, origin)
    want = buffer.take(scope="heading", block=3, lang="en")
    got = plain_segment(text, origin, "heading", 3, "en") or cut_segment(text, origin, "heading", 3, "en")
    assert (got is None) == (want is None)
    if got is not None and want is not None:
        assert (got.text, origins(got), got.scope, got.block, got.lang) == \
            (want.text, origins(want), want.scope, want.block, want.lang)
        assert got.offsets.end_to_original(len(got.text)) == want.offsets.end_to_original(len(want.text))
