"""Number and date normalisation against hand-written tables of zh ↔ en pairs."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shuyu.numbers import compare_dates
from shuyu.numbers import compare_quantities
from shuyu.numbers import extract_dates
from shuyu.numbers import extract_quantities
from shuyu.numbers import normalise_number
from shuyu.numbers import zh_numeral

AGREE = [
    ("组织2500余人次、280批次开展交流，引进项目615个，总投资超1000亿元",
     "organized over 2,500 people in 280 batches to carry out exchanges and introduced 615 projects with a total "
     "investment of over 100 billion yuan"),
    ("设立7个南北共建园区", "set up 7 north-south industrial parks"),
    ("设立七个园区", "set up seven parks"),
    ("新增市场主体3.5万户", "35,000 new market entities"),
    ("投资1.2亿元", "an investment of 120 million yuan"),
    ("增长百分之十五", "grew by 15 percent"),
    ("增长15%", "grew by 15 per cent"),
    ("增长１５％", "up 15%"),
    ("一百二十三家企业", "123 enterprises"),
    ("两千名", "2,000 people"),
    ("三万五千户", "35,000 households"),
    ("比利时有1100多万人口。", "Belgium has a population of more than 11 million."),
    ("总投资58亿元", "a total investment of 5.8 billion yuan"),
    ("地区生产总值11277亿元", "GDP of 1,127.7 billion yuan"),
    ("约3000人", "about 3,000 people"),
    ("一带一路建设取得进展", "progress on the Belt and Road"),
    ("两市合作", "the two cities cooperate"),
    ("一名志愿者", "a volunteer"),
    ("新冠病毒", "COVID-19 virus"),
    ("90后青年", "young people born in the 1990s"),
    ("访问www.12377.cn举报", "report at www.12377.cn"),
    ("12时30分", "at 12:30"),
    ("装机容量1000万千瓦", "installed capacity of 10 million kilowatts"),
    # Number words with hundred, and "a"/"one" before a multiplier (三百人 was reported against "Three hundred").
    ("共有三百人参加", "Three hundred people took part"),
    ("近百万人观看", "Nearly a million people watched"),
    ("近百万人观看", "nearly one million viewers"),
    ("千余人来自外地", "more than a thousand came from elsewhere"),
    ("三百五十万元", "3.5 million yuan"),
    ("三十五万元", "three hundred and fifty thousand yuan"),
    ("二十万名", "two hundred thousand people"),
    ("逾千家企业", "over 1,000 companies"),
    # A range of months: its first month is no number (1-9月 gave a false '1').
    ("1-9月，工业增加值增长7.2%", "From January to September, industrial added value grew 7.2%"),
    ("1至9月，外贸总额4.5万亿元", "In the first nine months, foreign trade reached 4.5 trillion yuan"),
    ("1—12月份，新增就业1.2万人", "In 2023, 12,000 new jobs were created"),
    # Anniversaries are ordinals in English; 1倍 and 2倍 are "doubled" and "tripled" as often as figures.
    ("庆祝新中国成立70周年", "celebrating the 70th anniversary of the founding of New China"),
    ("出口额增长1倍", "exports doubled"),
    ("产量是去年的2倍", "output tripled from last year"),
    # "one" counts (1例 is "one case"), and "thirty two" is read whole as "thirty-two" is.
    ("当日新增境外输入无症状感染者1例", "One new asymptomatic imported case was reported that day"),
    ("该州有32个郡进入紧急状态", "Thirty two counties in the state are in a state of emergency"),
    # A bare N日 that counts days is a number, not the Nth of the month.
    ("须持7日内核酸检测阴性证明", "a negative nucleic acid test taken within 7 days"),
    ("实施14日集中隔离医学观察", "14-day centralized quarantine and medical observation"),
    ("为期3日的会议", "a three-day meeting"),
    # 百/千/万 first without an approximation: idioms and vague amounts, not numbers.
    ("走进千家万户", "reached every household"),
    ("上百万人", "millions of people"),
    ("数百万人", "several million people"),
    ("百姓", "the people"),
    # Without a classifier, a large amount is still one (近百万人 was read, 近百万群众 not); 近十年, 千万 are no figures.
    ("帮助近百万群众增收", "helped nearly a million people raise their incomes"), ("惠及三万群众", "benefiting 30,000 people"),
    ("近十年来", "over the past decade"), ("千万不要", "never"), ("亿万人民", "hundreds of millions of people"),
    ("十万火急", "extremely urgent"),
    # Unit symbols against the number are amounts in both languages (2升 was reported against "2L"); 5G is a name.
    ("全长5公里", "5km long"), ("每天饮水1.5-2升", "drink 1.5-2L of water a day"), ("直径达4cm", "4cm in diameter"),
    ("重3千克", "weighs 3kg"), ("装机容量300MW", "an installed capacity of 300 MW"), ("功率5千瓦", "rated at 5kW"),
    ("5G网络", "5G networks"), ("酒精含量28.4mg/100ml", "a result of 28.4mg/100ml"),
    # Money in short: bn always multiplies; m and k after a currency sign.
    ("投资100亿元", "an investment of 10bn yuan"), ("投入资金约34.5亿元", "invested about RMB3.45 billion"),
    ("1000万美元", "$10m"), ("500万英镑", "£5m"), ("投资1000万元", "an investment of 10m yuan"),
    ("投资1000万元", "RMB10m"), ("1500万人次", "15m visitors"), ("1000万美元", "$10mn"), ("1000万美元", "$10M"),
    ("长10米", "10m long"),
    # Fractions, in words and in digits, either side.
    ("近三分之一的野生动物", "nearly a third of wildlife species"), ("三分之二", "two thirds of the votes"),
    ("四分之一至五分之一", "a fifth to a quarter of the total"), ("三分之一", "one-third"), ("占1/3", "a third of it"),
    ("四分之三的受访者", "3/4 of respondents"), ("三分之二多数", "a two-thirds majority"),
    ("第三方", "a third party"), ("全天候24/7服务", "24/7 service"), ("八分之一", "an eighth of the budget"),
    ("三分之一的居民", "33% of residents"), ("三分之一的居民", "33.3 percent of residents"), ("三分之一", "0.33 of it"),
    # Traditional Chinese: 萬 and 億 multiply as 万 and 亿 do (every Traditional amount was a false finding).
    ("總投資1000億元。", "Total investment was 100 billion yuan."), ("超過1000億元", "over 100 billion yuan"),
    ("新增3.5萬戶", "35,000 new households"), ("三萬個", "30,000"), ("1000餘人", "more than 1,000 people"),
    # 号 alone is a house, line or document number, not a day; a site's filing number is no figure to translate.
    ("学前东路1号", "No. 1 Xueqian East Road"), ("地铁1号线", "Metro Line 1"), ("观山路199号", "199 Guanshan Road"),
    ("苏政发〔2026〕3号", "Su Zheng Fa [2026] No. 3"), ("版权所有 苏ICP备05010345号-1", "All rights reserved"),
    ("苏公网安备 32020202000145号", "Jiangsu public security filing"),
    # Ordinals without 第: sessions and congresses, and the Five-Year Plans.
    ("二十届三中全会", "the Third Plenary Session of the 20th CPC Central Committee"),
    ("十四届全国人大二次会议", "the second session of the 14th NPC"), ("市委十四届六次全会", "the sixth plenary session"),
    ("十四五期间", "during the 14th Five-Year Plan period"),
    # ...but counts stay counts: held three meetings, three sessions in a row.
    ("今年共召开三次会议", "three meetings were held this year"), ("连续三届获奖", "won three times in a row"),
    # N号 without a month: a day or a house number, no figure to compare.
    ("9号，会议召开。", "The meeting was held on the 9th."), ("本月15号", "on the 15th of this month"),
    # A large figure rounded as releases round it, within 1%.
    ("常住人口749.08万人", "a resident population of 7.49 million"), ("常住人口749.08万人", "about 7.5 million residents"),
    ("总投资1.2345亿元", "a total investment of 123 million yuan"),
    ("前3季度", "in the first three quarters"), ("进入四分之一决赛", "reached the quarter-finals"),
    ("四分之一世纪以来", "for a quarter century"),
]
DISAGREE = [
    ("280批次", "208 batches", "280", "208"),
    ("新增3.5万户", "3,500 new entities", "3.5万", "3,500"),
    ("总投资1000亿元", "a total of 10 billion yuan", "1000亿", "10 billion"),
    ("增长6.3%", "up 3.6 percent", "6.3%", "3.6 percent"),
    ("引进项目615个", "introduced 651 projects", "615", "651"),
    ("设立七个园区", "set up eight parks", "七", None),
    ("总投资58亿元", "no figure given", "58亿", None),
    ("近百万人观看", "nearly ten million people watched", "近百万", None),
    ("千余人", "more than a hundred people", "千余", None),
    ("万余名", "over 1,000 volunteers", "万余", "over 1,000"),
    ("产量增长5倍", "output grew three times over", "5", None),
    ("全长5公里", "50km long", "5", "50km"),
    ("1.92万公顷", "192,000ha", "1.92万", "192,000ha"),
    ("投资100亿元", "an investment of 100bn yuan", "100亿", "100bn"),
    ("三分之一的人口", "a quarter of the population", "三分之一", "a quarter"),
    ("三分之一的人口", "about one quarter.", "三分之一", "about one quarter"),
    ("三分之一的居民", "30% of residents", "三分之一", "30%"),
    ("15个项目", "a third of the projects", "15", None),
    ("四分之三", "3/5 of them", "四分之三", "3/5"),
    ("新增3.5萬戶", "3,500 new households", "3.5萬", "3,500"),
    ("帮助近百万群众增收", "helped nearly ten million people", "近百万", None),
    ("惠及三万群众", "benefiting 300,000 people", "三万", "300,000"),
    ("常住人口749.08万人", "a resident population of 7 million", "749.08万", "7 million"),
    ("今年共召开三次会议", "two meetings were held this year", "三", None),
    ("新增就业615人", "620 new jobs", "615", "620"),
    # A wrong figure is paired with the likeliest English one, not the next one left over.
    ("全市新开工亿元以上项目120个，其中10亿元以上项目15个。",
     "The city started 120 projects each worth over 100 million yuan, including 16 worth over 1 billion yuan.",
     "15", "16"),
]
DATES_AGREE = [
    ("6月9日", "On June 9"), ("6月9日", "on 9 June"), ("2020年6月", "in June 2020"), ("2020年6月11日", "2020-06-11"),
    ("二〇二〇年六月九日", "June 9, 2020"), ("26日", "on the 26th"), ("2020年", "In 2020, the city"),
    ("去年12月", "last December"), ("5月底", "in late May"), ("7月26日电", "July 26 (Xinhua)"),
    # Ranges of days: the second day is a date of the same month (7日 was reported missing).
    ("10月1日至7日", "from October 1 to 7"), ("6月9日—11日", "June 9-11"), ("6月9日至11日", "from 9 to 11 June"),
    ("10月1日至7日", "between October 1 and 7"),
    # A range of months from another month than January: both ends are dates.
    ("3至5月", "from March to May"), ("3月至5月", "March through May"), ("4月和5月", "April and May"),
    ("3至5月", "March-May"), ("4月至5月", "in April – May"),
    ("6月9號", "on June 9"), ("6月9号", "June 9"), ("12月3日", "On 3rd December"), ("12月3日", "on the 3rd of December"),
]
DATES_DISAGREE = [("9月30日", "As of September 3"), ("6月9日", "On July 9"), ("2019年", "in 2018,"),
                  ("10月1日至7日", "from October 1 to 8"), ("6月9日至11日", "from 8 to 11 June"),
                  ("3至5月", "from March to June")]


@pytest.mark.parametrize(("zh", "en"), AGREE)
def test_numbers_agree(zh: str, en: str) -> None:
    assert compare_quantities(extract_quantities(zh, "zh"), extract_quantities(en, "en")) == []


@pytest.mark.parametrize(("zh", "en", "zh_text", "en_text"), DISAGREE)
def test_numbers_disagree(zh: str, en: str, zh_text: str, en_text: str | None) -> None:
    (m,) = compare_quantities(extract_quantities(zh, "zh"), extract_quantities(en, "en"))
    assert m.zh is not None
    assert m.zh.text == zh_text
    assert (m.en.text if m.en else None) == en_text


@pytest.mark.parametrize(("zh", "en"), DATES_AGREE)
def test_dates_agree(zh: str, en: str) -> None:
    assert extract_dates(zh, "zh"), zh
    assert compare_dates(extract_dates(zh, "zh"), extract_dates(en, "en")) == []


@pytest.mark.parametrize(("zh", "en"), DATES_DISAGREE)
def test_dates_disagree(zh: str, en: str) -> None:
    assert len(compare_dates(extract_dates(zh, "zh"), extract_dates(en, "en"))) == 1


def to_chinese(n: int) -> str:
    """A generator of Chinese numerals independent of the parser (for the property test)."""
    digits = "零一二三四五六七八九"
    if n == 0:
        return "零"

    def section(v: int) -> str:
        out, zero = "", False
        for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            d = v // unit % 10
            if d:
                out += ("零" if zero and out else "") + digits[d] + name
                zero = False
            else:
                zero = True
        return out

    parts = []
    for big, name in ((10**8, "亿"), (10**4, "万"), (1, "")):
        v = n // big % 10**4 if big < 10**8 else n // big
        if v:
            parts.append(section(v) + name)
        elif parts:
            parts.append("零")
    return "".join(parts).rstrip("零").replace("零零", "零")


@given(st.integers(min_value=1, max_value=10**11))
def test_every_form_of_a_number_normalises_to_it(n: int) -> None:
    assert normalise_number(f"{n:,}", "en") == Decimal(n)
    assert normalise_number(f"{n}个", "zh") == Decimal(n)
    assert zh_numeral(to_chinese(n)) == n
    if n % 10**4 == 0:
        assert normalise_number(f"{n // 10**4}万个", "zh") == Decimal(n)


@given(st.text(alphabet="0123456789,.万亿个年月日 abc%", max_size=30), st.sampled_from(["zh", "en"]))
def test_spans_slice_back_to_the_surface(text: str, lang: str) -> None:
    for q in extract_quantities(text, lang):
        assert text[q.start:q.end] == q.text
    for d in extract_dates(text, lang):
        assert text[d.start:d.end] == d.text


@pytest.mark.parametrize(("text", "lang", "values"), [
    ("百分之.", "zh", []), ("百分之3..5", "zh", []), ("百分之3.5", "zh", [("3.5", "percent")]),
    ("ſeven years", "en", [("7", "")]), ("fİve percent", "en", [("5", "percent")]),
    ("10m", "en", [("10", "")]), ("$10m", "en", [("10000000", "")]), ("5bn", "en", [("5000000000", "")]),
    ("5G", "en", []), ("4K", "en", []), ("5g", "en", [("5", "")]), ("3 halves", "en", [("3", "")]),
    ("two third", "en", [("2", "")]), ("a thirds", "en", []), ("ſeven-tenths", "en", [("0.7", "")]),
    ("十分重要", "zh", []), ("二十分之一", "zh", []), ("千分之五", "zh", []), ("5G", "zh", []),
])
def test_odd_input_finds_what_is_there_and_never_raises(text: str, lang: str, values: list[tuple[str, str]]) -> None:
    assert [(str(q.value), q.unit) for q in extract_quantities(text, lang)] == values
