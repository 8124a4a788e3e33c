"""Tests for sentence and paragraph splitting."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from shuyu.errors import InputError
from shuyu.text.split import Span
from shuyu.text.split import split_paragraphs
from shuyu.text.split import split_sentences

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seeds" / "000_c3f32409b094996d.txt"


def sentences(text: str, lang: str) -> list[str]:
    return [text[s.start:s.end] for s in split_sentences(text, lang)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("黄钦会见代表团。双方签署协议。", ["黄钦会见代表团。", "双方签署协议。"], id="full-stop"),
        pytest.param("真的吗？是的！好；走吧", ["真的吗？", "是的！", "好；", "走吧"], id="question-exclamation-semicolon"),
        pytest.param("真的吗？！他问。", ["真的吗？！", "他问。"], id="run-of-enders"),
        pytest.param("他说：“我们要加强合作。”随后双方签署协议。", ["他说：“我们要加强合作。”", "随后双方签署协议。"],
                     id="closing-quote-kept"),
        pytest.param("「好！」『行？』（完。）再见", ["「好！」", "『行？』", "（完。）", "再见"], id="corner-quotes-brackets"),
        pytest.param("他说：‘好！’”然后走了。", ["他说：‘好！’”", "然后走了。"], id="nested-closers"),
        pytest.param("我们等待着……终于来了。", ["我们等待着……", "终于来了。"], id="ellipsis"),
        pytest.param("他说：“来了……”她笑了。", ["他说：“来了……”", "她笑了。"], id="ellipsis-with-quote"),
        pytest.param("教育、卫生、科技等…领域", ["教育、卫生、科技等…领域"], id="single-ellipsis-char-no-end"),
        pytest.param("“好！”，他说。", ["“好！”，他说。"], id="comma-after-quote-continues"),
        pytest.param("共设立7个园区，引进项目615个、总投资1000亿元", ["共设立7个园区，引进项目615个、总投资1000亿元"],
                     id="no-split-on-commas"),
        pytest.param("总投资3.5亿元。增长12.5%。", ["总投资3.5亿元。", "增长12.5%。"], id="decimals"),
        pytest.param("携手共建南北合作新样板\n6月9日，代表团来锡考察。", ["携手共建南北合作新样板", "6月9日，代表团来锡考察。"],
                     id="title-line"),
        pytest.param("第一段没有句号\n\n　　第二段。", ["第一段没有句号", "第二段。"], id="paragraph-and-ideographic-space"),
        pytest.param("发布时间：2020-06-11 浏览：", ["发布时间：2020-06-11 浏览："], id="release-time"),
        pytest.param("Wuxi is great! 无锡。", ["Wuxi is great!", "无锡。"], id="half-width-exclamation"),
        pytest.param("  \n 。\n", ["。"], id="lone-stop"),
        pytest.param("", [], id="empty"),
    ],
)
def test_zh_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text, "zh") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Huang met Zhou. They signed the agreement.", ["Huang met Zhou.", "They signed the agreement."],
                     id="full-stop"),
        pytest.param("Really? Yes! Fine", ["Really?", "Yes!", "Fine"], id="question-exclamation-tail"),
        pytest.param("Mr. Huang met Mrs. Zhou and Dr. Wang.", ["Mr. Huang met Mrs. Zhou and Dr. Wang."], id="titles"),
        pytest.param("Ms. Li and Prof. Chen arrived. St. Paul's is far.", ["Ms. Li and Prof. Chen arrived.",
                                                                          "St. Paul's is far."], id="more-titles"),
        pytest.param("Wuxi Co. Ltd. Signed it with ABC Inc. Yesterday.", ["Wuxi Co. Ltd. Signed it with ABC Inc. Yesterday."],
                     id="company-abbreviations"),
        pytest.param("Parks, schools, etc. Were built.", ["Parks, schools, etc. Were built."], id="etc"),
        pytest.param("Fields, e.g. Health, and i.e. Education.", ["Fields, e.g. Health, and i.e. Education."],
                     id="eg-ie"),
        pytest.param("On Jan. 5 and Sept. 9 and Dec. 12 they met.", ["On Jan. 5 and Sept. 9 and Dec. 12 they met."],
                     id="months"),
        pytest.param("The U.S. Government and the U.K. Parliament met.", ["The U.S. Government and the U.K. Parliament met."],
                     id="initialisms"),
        pytest.param("J. Smith met Huang Q. Wang.", ["J. Smith met Huang Q. Wang."], id="single-initials"),
        pytest.param("Project No. 5 started. The answer was no. Then we left.",
                     ["Project No. 5 started.", "The answer was no.", "Then we left."], id="no-before-number-only"),
        pytest.param("Xuzhou vs. Wuxi. Wuxi won.", ["Xuzhou vs. Wuxi.", "Wuxi won."], id="vs"),
        pytest.param("Growth was 3.5 percent. GDP rose 12.5%.", ["Growth was 3.5 percent.", "GDP rose 12.5%."],
                     id="decimals"),
        pytest.param("It was 2019. 2020 was better.", ["It was 2019.", "2020 was better."], id="digit-starts-sentence"),
        pytest.param('He said "We agree." Then he left.', ['He said "We agree."', "Then he left."], id="closing-quote"),
        pytest.param("He said, “We agree.” “Good,” she said.", ["He said, “We agree.”", "“Good,” she said."],
                     id="curly-quotes"),
        pytest.param("(This was new.) The parks grew.", ["(This was new.)", "The parks grew."], id="closing-bracket"),
        pytest.param('"Go." he said.', ['"Go." he said.'], id="lower-case-continues"),
        pytest.param("He paused... Then he spoke… Finally", ["He paused...", "Then he spoke…", "Finally"], id="ellipsis"),
        pytest.param("Meeting at 9 a.m. Huang spoke.", ["Meeting at 9 a.m.", "Huang spoke."], id="am-pm-ends"),
        pytest.param("Release time:2020-06-11 Browse:", ["Release time:2020-06-11 Browse:"], id="release-time"),
        pytest.param("The delegation visited Wuxi.\n无锡市委书记黄钦会见代表团。",
                     ["The delegation visited Wuxi.", "无锡市委书记黄钦会见代表团。"], id="untranslated-chinese-follows"),
        pytest.param("Wuxi and Xuzhou kicked off a new round of\ncooperation between the two regions.",
                     ["Wuxi and Xuzhou kicked off a new round of\ncooperation between the two regions."], id="hard-wrapped"),
        pytest.param("Mayors of Wuxi and Xuzhou attended the meeting and\nSigned the agreement.",
                     ["Mayors of Wuxi and Xuzhou attended the meeting and\nSigned the agreement."],
                     id="hard-wrapped-capital-next-line"),
        pytest.param("A New Model for North-South Cooperation\nWuxi and Xuzhou met.",
                     ["A New Model for North-South Cooperation", "Wuxi and Xuzhou met."], id="title-line"),
        pytest.param("No final stop here\n\nNext paragraph", ["No final stop here", "Next paragraph"], id="blank-line"),
        pytest.param("One.\r\n\r\nTwo.", ["One.", "Two."], id="crlf"),
        pytest.param("", [], id="empty"),
    ],
)
def test_en_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text, "en") == expected


def test_language_tags_with_regions() -> None:
    assert sentences("好。行。", "zh-CN") == ["好。", "行。"]
    assert sentences("Yes. No.", "en-GB") == ["Yes.", "No."]


def test_unknown_language_is_an_input_error() -> None:
    with pytest.raises(InputError, match="'fr'"):
        split_sentences("Oui. Non.", "fr")


def test_seed_release_splits_right() -> None:
    if not SEED.is_file():
        pytest.skip(f"{SEED} is absent")
    text = SEED.read_text(encoding="utf-8")
    got = sentences(text, "en")
    assert got[:3] == [
        "Working Together to Build a New Model for North-South Cooperation",
        "Release time:2020-06-11 Browse:",
        "Wuxi and Xuzhou kicked off a new round of cooperation between southern Jiangsu region and northern Jiangsu region.",
    ]
    assert got[3].startswith("On June 9, Zhou Tiegen,")
    assert got[3].endswith("to visit Wuxi.")
    # "Mr." does not end a sentence: the whole sentence, quote included, is one span.
    mr = [s for s in got if s.startswith("Mr. Huang Qin said")]
    assert len(mr) == 1
    assert mr[0].endswith('cross-river integration and north-south cooperation".')
    assert not any(s in {"Mr.", "Mr"} for s in got)
    assert got[-3:] == [
        "(Photo/Wuxi Daily)",
        "All rights reserved Sponsored by Wuxi Municipal People's Government Office",
        "Technical Support: Wuxi WangDao\xa0\xa0Network Support: Wuxi Mobile\xa0\xa0Security Support: Jiangsu Jun'an Detection",
    ]
    assert len(got) == 20
    assert_partition(text, split_sentences(text, "en"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("a\nb\n\n  c\n", ["a\nb", "c"], id="simple"),
        pytest.param("a\n \t\n\nb", ["a", "b"], id="whitespace-only-line-is-blank"),
        pytest.param("a\r\n\r\nb\r\nc", ["a", "b\r\nc"], id="crlf"),
        pytest.param("　　第一段。\n　\n　　第二段。", ["第一段。", "第二段。"], id="ideographic-space-line"),
        pytest.param("a\u2029\u2029b", ["a", "b"], id="paragraph-separator"),
        pytest.param("\n\n\n", [], id="blank"),
        pytest.param("", [], id="empty"),
        pytest.param("one line", ["one line"], id="one-line"),
    ],
)
def test_paragraphs(text: str, expected: list[str]) -> None:
    assert [text[s.start:s.end] for s in split_paragraphs(text)] == expected


def test_span_is_frozen() -> None:
    span = Span(1, 3)
    with pytest.raises(AttributeError):
        span.start = 2  # type: ignore[misc]


def assert_partition(text: str, spans: list[Span]) -> None:
    """Spans are ordered, disjoint, trimmed, and every non-blank character is in exactly one."""
    covered = [0] * len(text)
    previous_end = 0
    for span in spans:
        assert previous_end <= span.start < span.end <= len(text)
        assert not text[span.start].isspace()
        assert not text[span.end - 1].isspace()
        for k in range(span.start, span.end):
            covered[k] += 1
        previous_end = span.end
    for k, char in enumerate(text):
        if not char.isspace():
            assert covered[k] == 1, (k, char)


_ALPHABET = st.sampled_from(
    list("abcXYZ019 .!?;:,'\"()") + list("。！？；，、…”」）“「汉字") + ["\n", "\n\n", "\r\n", "\u3000", "\t", "\xa0", "\u2029"]
    + ["Mr.", "U.S.", "No. ", "3.5", "J. ", "etc. ", "……", "?!"]
)
_TEXT = st.lists(_ALPHABET, max_size=60).map("".join)


@settings(max_examples=300)
@given(_TEXT, st.sampled_from(["zh", "en"]))
def test_sentences_partition_the_text(text: str, lang: str) -> None:
    assert_partition(text, split_sentences(text, lang))


@settings(max_examples=300)
@given(st.text(max_size=80))
def test_sentences_partition_any_text(text: str) -> None:
    assert_partition(text, split_sentences(text, "zh"))
    assert_partition(text, split_sentences(text, "en"))


@settings(max_examples=300)
@given(_TEXT)
def test_paragraphs_partition_the_text(text: str) -> None:
    spans = split_paragraphs(text)
    assert_partition(text, spans)
    for span in spans:
        # No paragraph holds a blank line...
        assert not any(line.isspace() or not line for line in text[span.start:span.end].splitlines())
    for left, right in pairwise(spans):
        # ...and consecutive paragraphs are separated by one: a whole line of the gap, break included.
        lines = text[left.end:right.start].splitlines(keepends=True)[1:]
        assert any(not line.strip() and line != line.splitlines()[0] for line in lines)
