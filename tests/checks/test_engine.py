"""The check engine on small pairs: elided titles, homonyms, alignment, sources, suppression."""

from __future__ import annotations

from shuyu.checks.base import CHECK_RULES
from shuyu.checks.base import CheckSettings
from shuyu.checks.engine import FALLBACK_NOTE
from shuyu.checks.engine import check_release
from shuyu.formats import document_from_text
from shuyu.text.document import plain_document


def run(zh: str, en: str, glossary, matcher, kind: str = "text"):
    zh_doc = plain_document("s.zh.txt", zh)
    en_doc = document_from_text(en, "t.en." + ("html" if kind == "html" else "txt"), kind)
    return check_release(zh_doc, en_doc, glossary, matcher, CheckSettings(CHECK_RULES))


def brief(result):
    return [(f.rule, f.location.line, f.location.column, f.found or f.expected) for f in result.findings]


def test_correct_translation_is_clean(tiny_glossary, tiny_matcher) -> None:
    result = run("6月9日，无锡市委书记黄钦会见代表团。", "On June 9, Huang Qin, Secretary of the CPC Wuxi Municipal "
                 "Committee, met with the delegation.", tiny_glossary, tiny_matcher)
    assert result.findings == []


def test_elided_title_takes_the_place_before_it(tiny_glossary, tiny_matcher) -> None:
    zh = "徐州市委书记、市人大常委会主任周铁根到访。"
    ok = run(zh, "Zhou Tiegen, Secretary of the CPC Xuzhou Municipal Committee and Director of the Standing "
             "Committee of the Xuzhou Municipal People's Congress, visited.", tiny_glossary, tiny_matcher)
    assert ok.findings == []
    missing = run(zh, "Zhou Tiegen, Secretary of the CPC Xuzhou Municipal Committee, visited.",
                  tiny_glossary, tiny_matcher)
    assert brief(missing) == [("term-missing", 1, 1,
                               "Director of the Standing Committee of the Xuzhou Municipal People's Congress")]
    assert missing.findings[0].source is not None
    assert missing.findings[0].source.column == 8


def test_deprecated_form_names_its_source(tiny_glossary, tiny_matcher) -> None:
    result = run("无锡市委书记黄钦", "Huang Qin, Secretary of the CCP Wuxi Municipal Committee", tiny_glossary,
                 tiny_matcher)
    (f,) = result.findings
    assert (f.rule, f.expected) == ("term-deprecated", "Secretary of the CPC Wuxi Municipal Committee")
    assert f.source is not None
    assert (f.source.line, f.source.column) == (1, 1)


def test_misspelt_place_is_one_finding_not_two(tiny_glossary, tiny_matcher) -> None:
    result = run("徐州市市长庄兆林出席。", "Zhuang Zhaolin, Mayor of Xu Zhou, attended.", tiny_glossary, tiny_matcher)
    assert [f.rule for f in result.findings] == ["name-romanization"]


def test_untranslated_term_is_not_also_missing(tiny_glossary, tiny_matcher) -> None:
    result = run("无锡市委书记黄钦出席。", "The 无锡市委书记 attended.", tiny_glossary, tiny_matcher)
    assert [f.rule for f in result.findings] == ["untranslated"]


def test_paragraphs_pair_and_findings_point_at_the_aligned_paragraph(tiny_glossary, tiny_matcher) -> None:
    zh = "黄钦会见代表团。\n\n徐州市委书记周铁根出席。"
    en = "Huang Qin met the delegation.\n\nZhou Tiegen attended."
    result = run(zh, en, tiny_glossary, tiny_matcher)
    assert brief(result) == [("term-missing", 3, 1, "Secretary of the CPC Xuzhou Municipal Committee")]
    assert result.findings[0].source.line == 3


def test_numbers_and_dates(tiny_glossary, tiny_matcher) -> None:
    result = run("6月9日，引进项目615个，总投资超1000亿元。",
                 "On June 19, 651 projects were introduced with over 100 billion yuan.", tiny_glossary, tiny_matcher)
    assert brief(result) == [("date-mismatch", 1, 4, "June 19"), ("number-mismatch", 1, 13, "651")]


def test_fractions_and_glued_units_in_number_messages(tiny_glossary, tiny_matcher) -> None:
    result = run("近三分之一的人口居住在距海岸5公里以内。", "Nearly a quarter of the population lives within 50km of the coast.",
                 tiny_glossary, tiny_matcher)
    messages = sorted((f.message, f.expected, f.found) for f in result.findings if f.rule == "number-mismatch")
    assert messages == [("the source has '5' (5), the translation '50km'", "5", "50km"),
                        ("the source has '近三分之一' (1/3), the translation 'Nearly a quarter'", "1/3", "Nearly a quarter")]


def test_expected_amounts_are_written_as_a_release_writes_them(tiny_glossary, tiny_matcher) -> None:
    result = run("总投资1.2亿元，其中32亿元为外资，新增3.5万户。",
                 "A total of 12 million yuan, 23 billion of it foreign, 3,500 households.", tiny_glossary, tiny_matcher)
    assert sorted((f.expected, f.found) for f in result.findings if f.rule == "number-mismatch") == [
        ("120 million", "12 million"), ("3.2 billion", "23 billion"), ("35,000", "3,500")]


def test_fallback_to_document_level_is_said_once(tiny_glossary, tiny_matcher) -> None:
    zh = "无锡。\n\n徐州。\n\n南京。"
    en = ("Wuxi, Xuzhou and Nanjing are cities. " * 30).strip()
    result = run(zh, en, tiny_glossary, tiny_matcher)
    assert result.notes == [FALLBACK_NOTE]
    assert [f.rule for f in result.findings] == ["alignment"]


def test_html_translation_positions(tiny_glossary, tiny_matcher) -> None:
    en = "<html><body><p>Huang Qin, Secretary of the <em>CCP</em> Wuxi\nMunicipal Committee</p></body></html>"
    result = run("无锡市委书记黄钦", en, tiny_glossary, tiny_matcher, kind="html")
    (f,) = result.findings
    assert (f.rule, f.location.line, f.location.column, f.location.end_line) == ("term-deprecated", 1, 27, 2)
