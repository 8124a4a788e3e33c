"""Numbers, amounts, percentages and dates in Chinese and English, normalised for comparison.

Chinese: Arabic and full-width digits, Chinese numerals (一百二十三, 两千, 二〇二〇), the 万/亿/千
multipliers (3.5万 = 35,000; 1000亿 = 100 billion), 百分之十五 and 15%, and the approximations
余/多/超过/逾/近/约. English: digits with thousands separators, million/billion/trillion, percent,
"over"/"more than"/"nearly"/"about", and number words ("seven", "three hundred and fifty", "forty-two
hundred"), with or without a multiplier ("two hundred thousand", "a million"). A range of days ("October 1
to 7", "9-11 June") gives a date for each end, as 10月1日至7日 does; so does a range of months (3至5月),
but one from January (1-9月, the year so far, as often "the first nine months") gives none. Fractions up to
tenths in either language (三分之一, 1/3, "a third of", "two-thirds") are one quantity each, and a number
against a unit symbol is an amount (5km, 2L, 300MW), as is English money in short (5bn; $10m, £3k).

Conservative by design (a checker that cries wolf gets switched off):

- Chinese numerals count only before a classifier (7个, 三批, 五家) or inside 百分之…, so 一带一路,
  统一 and 一体化 are not numbers; one that starts with 百, 千 or 万 (an implicit 一) only beside an
  approximation too (近百万人, 千余人), as 千家万户 and 百人 are idioms or vague amounts. Digits
  count everywhere except in dates, ordinals (第3) and identifiers glued to letters (G20, 5G; not the
  unit symbols of :data:`GLUED_UNITS`).
- English number words ("two", "seven") are used to match a Chinese number but never reported
  on their own: translations add and drop them freely ("the two cities" for 两市); so "one" may be
  one (1例 = "one case"), and "a" is a number only before hundred, thousand, million ("a million").
- A bare 7日 is the 7th of the month, but a number of days where the words around it say so (7日内,
  为期3日, 14日集中隔离).
- Ordinals (1st, first, 第一) are not quantities, nor anniversaries (70周年, "the 70th anniversary"),
  nor 1倍 and 2倍 ("doubled", "tripled" as often as "twice").
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import ROUND_HALF_UP
from decimal import Decimal
from decimal import InvalidOperation
from operator import attrgetter
from operator import itemgetter
from string import ascii_letters

#: Traditional characters the number and date patterns read, and their Simplified forms (one for one, so positions
#: hold): 1000億元 and 3.5萬人 are amounts as 1000亿元 and 3.5万人 are, 6月9號 a date, 3個 a count.
_TRADITIONAL = "萬億兩點餘約過個項戶條場屆畝噸臺輛週紀後號時決"
_SIMPLIFIED = "万亿两点余约过个项户条场届亩吨台辆周纪后号时决"
_FW_DIGITS = str.maketrans("０１２３４５６７８９．，％" + _TRADITIONAL, "0123456789.,%" + _SIMPLIFIED)
#: The characters :data:`_FW_DIGITS` changes but "，", the Chinese comma (in most Chinese lines).
_FULLWIDTH = re.compile(f"[０-９．％{_TRADITIONAL}]")
_DIGIT = re.compile(r"[0-9]")
_ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_ZH_UNITS = {"十": 10, "百": 100, "千": 1000}
_ZH_BIG = {"万": 10**4, "亿": 10**8}
ZH_NUMERAL = "零〇一二两三四五六七八九十百千万亿"
#: Classifiers after which a Chinese numeral is a quantity.
CLASSIFIERS = "个家项人批次户元名座条所件位场届期项亩吨台辆架艘家户篇部個項戶條場屆畝噸臺輛"  # Traditional forms last
_APPROX_ZH_PRE = {"超过": "over", "超": "over", "逾": "over", "近": "about", "约": "about", "大约": "about"}
_APPROX_ZH_POST = {"余": "over", "多": "over", "以上": "over", "左右": "about"}
_APPROX_EN = {"over": "over", "more than": "over", "nearly": "about", "about": "about",
              "approximately": "about", "around": "about", "at least": "over", "almost": "about",
              "some": "about", "roughly": "about", "under": "under", "less than": "under"}
_EN_MULT = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_EN_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
             "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
             "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
             "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_MONTHS = {m: i + 1 for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july",
                                            "august", "september", "october", "november", "december"])}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9

# After digits only 万 and 亿 multiply: 千 there is nearly always a unit (千瓦 kilowatt, 千米 km).
_ZH_NUM = (r"(?:[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?[万亿]*"
           r"|[零〇一二两三四五六七八九十百千万][零〇一二两三四五六七八九十百千万亿]*)")
# The number (or 百分之...) only: the approximation before it (超过/大约/超/逾/近/约) is read by
# :func:`_zh_quantities`, so that no position is tried six times over.
_ZH_QTY = re.compile(
    r"(?:百分之(?P<pct_zh>[零〇一二两三四五六七八九十百千点.0-9]+)"
    r"|(?P<num>" + _ZH_NUM + r")(?P<post>余|多)?(?P<mult2>[万亿]+)?(?P<pct>%)?)"
)
# [0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?|[0-9]{1,2}[时点](?:[0-9]{1,2}分)?(?:[0-9]{1,2}秒)? with the first digit in
# front, so that the search skips to digits (same matches, same order of trying).
_ZH_TIME = re.compile(r"[0-9](?:[0-9]?:[0-9]{2}(?::[0-9]{2})?|[0-9]?[时点](?:[0-9]{1,2}分)?(?:[0-9]{1,2}秒)?)")
# (?<![0-9])((?:19|20)[0-9]{2})… and (?<![0-9.,])(?:19[0-9]{2}|20[0-3][0-9])… with the lookbehind after the first
# digit, so that each pattern starts with literal characters and the search skips to them (same matches).
_ISO_DATE = re.compile(r"((?:1(?<![0-9]1)9|2(?<![0-9]2)0)[0-9]{2})[-/.]([01]?[0-9])[-/.]([0-3]?[0-9])(?![0-9])")
_ZH_YEAR = re.compile(r"(?:1(?<![0-9.,]1)9[0-9]{2}|2(?<![0-9.,]2)0[0-3][0-9])"
                      r"(?![0-9.,万亿%％年例人个家元名次件项户批座条所余多])")
_ZH_Y = r"[0-9]{4}|[〇零一二三四五六七八九]{4}"
_ZH_M = r"[0-9]{1,2}|十[一二]?|[一二三四五六七八九]"
_ZH_D = r"[0-9]{1,2}|三十[一]?|二?十[一二三四五六七八九]?|[一二三四五六七八九]"
# A year, month and day, each optional. The lookahead only stops it matching the empty string at every
# character (matches it would find are the same): where one part can match, the parts match as before.
_ZH_DATE = re.compile(
    rf"(?=(?:{_ZH_Y})年|(?:{_ZH_M})月|(?:{_ZH_D})[日号])"
    rf"(?:(?P<y>{_ZH_Y})年)?(?:(?P<m>{_ZH_M})月)?(?:(?P<d>{_ZH_D})[日号])?"
)
#: Every part of a Chinese date ends in one of these numerals right before its 年/月/日/号, at most three
#: characters after the date starts: no hint, no date, and none starts more than 3 characters before it.
_ZH_DATE_HINT = re.compile(r"[0-9〇零一二三四五六七八九十][年月日号]")
#: A day of the month alone: 26日. A bare 1号 is a house, a line or a document number far more often than a day
#: (学前东路1号, 地铁1号线, 苏政发〔2026〕3号): 号 is a day only after a month (6月9号).
_DAY_ONLY = re.compile(r"[0-9]{1,2}日")
#: A range of months, 1-9月, 3至5月 (the first month written without its 月). From January it is the year so
#: far, "the first nine months" in English as often as "January to September": no date on either end then;
#: from another month, the first month is a date as the last is.
_ZH_MONTH_RANGE_REST = r"\s*[-－—–~～至到]\s*(?:[0-9]{1,2}|十[一二]?|[一二三四五六七八九])月"
_ZH_MONTH_RANGE = re.compile(r"([0-9]{1,2}|十[一二]?|[一二三四五六七八九])" + _ZH_MONTH_RANGE_REST)
#: What follows the first month of a range, for the quantities (1-9月: the 1 is no number).
_ZH_MONTH_RANGE_AFTER = re.compile(_ZH_MONTH_RANGE_REST)
#: A quantity starts (after at most two characters of 超过/大约/...) with a digit, a numeral or 百分之.
_ZH_QTY_HINT = re.compile(r"[0-9零〇一二两三四五六七八九十百千万]")
_DIGITS_DOTS = re.compile(r"[0-9.]+")
_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}


def _word_key(word: str) -> str:
    """A number word as the tables spell it. The pattern ignores case the Unicode way, so it also
    matches "ſeven" (long s) and "fİve" (dotted capital I), which ``lower()`` leaves unknown.

    >>> _word_key("ſeven"), _word_key("fİve"), _word_key("Twenty")
    ('seven', 'five', 'twenty')
    """
    folded = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in folded if not unicodedata.combining(c))
#: Unit symbols written against a number ("5km", "2L", "300MW", "28.4mg"), case as SI writes them: "5G",
#: "4K" and "3D" are names, not amounts. Before a symbol the number is still a number, in either language.
GLUED_UNITS = ("km²|km2|km|cm|mm|nm|μm|µm|m²|m³|m2|m3|mg|μg|µg|kg|g|t|mL|ml|L|kWh|MWh|GWh|TWh|kW|MW|GW|kV|kHz|MHz|GHz"
               "|Hz|KB|MB|GB|TB|Mbps|Gbps|mph|ha|m")
#: A unit symbol right after a Chinese number (the letters around it end there: 4cm，300MW的).
_ZH_GLUED_UNIT = re.compile(rf"(?:{GLUED_UNITS})(?![A-Za-z0-9])")
#: English money in short: "5bn", "$10m", "£3k"; m and k multiply only after a currency sign (10m is ten metres).
_GLUED_MULT = {"bn": 10**9, "tn": 10**12, "mn": 10**6}
_CURRENCY_MULT = {"m": 10**6, "M": 10**6, "k": 10**3}
#: Currency codes written against a figure (RMB10m): the figure is money, its m a million.
_CURRENCY_CODES = ("RMB", "CNY", "USD", "HKD", "EUR", "GBP", "JPY")
#: After "10m", what makes the m a million rather than metres: money or people counted.
_COUNTED_AFTER = re.compile(r"\s+(?:yuan|dollars?|euros?|pounds|people|persons|residents|visitors|tourists|users|"
                            r"households|jobs|passengers|cases|viewers|subscribers)\b", re.IGNORECASE)
_CURRENCY_SIGNS = "$£€¥"
#: Currency codes written against the figure (RMB3.45 billion, USD20): blanked so that the figure is read.
_GLUED_CODE = re.compile(rf"(?<![A-Za-z])(?:{'|'.join(_CURRENCY_CODES)})(?=[0-9])")
_GLUED_CODE_HINT = re.compile(rf"(?:{'|'.join(_CURRENCY_CODES)})[0-9]")


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group())


#: A fraction in digits, 1/3 or 3/4: at most tenths (what English writes in words too), not part of a date
#: (2020/1/3 is masked before) or of a longer figure (24/7 is no fraction: its numerator is the larger).
_DIGIT_FRACTION = re.compile(r"(?<![0-9A-Za-z./,_])([1-9])/(10|[1-9])(?![0-9A-Za-z/_]|[.,][0-9])")
#: 三分之一, 十分之三, 4分之3.
_ZH_FRACTION = re.compile(r"([0-9]+|[一二两三四五六七八九十]+)分之([0-9]+|[一二两三四五六七八九十]+)")
_FRACTION_NUMERATORS = r"an|a|one|two|three|four|five|six|seven|eight|nine"
_FRACTION_DENOMINATORS = r"half|halves|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?"
#: "a third of", "two-thirds", "three quarters". "a third" and "one third" (with a space) are fractions only
#: before "of", punctuation, the end, or another fraction ("a fifth to a quarter of"): "a third party" and
#: "one third-party app" are not.
_EN_FRACTION = re.compile(
    rf"\b(?P<n>{_FRACTION_NUMERATORS})(?P<sep>[- ])(?P<d>{_FRACTION_DENOMINATORS})\b(?!-)"
    rf"(?P<fits>(?=\s+of\b|\s*[^\w\s-]|\s*\Z|\s+(?:to|or|and)\s+(?:{_FRACTION_NUMERATORS})[- ](?:{_FRACTION_DENOMINATORS})\b))?",
    re.IGNORECASE)
#: The word before "three quarters" when they are periods of a year ("the first three quarters").
_PERIOD_BEFORE = re.compile(r"\b(?:first|last|past|next|previous|coming|remaining|consecutive|straight|successive)\s+\Z",
                            re.IGNORECASE)

_DENOMINATOR_VALUES = {"half": 2, "halve": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6,
                       "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}
#: Every value a fraction can have here, computed as the readers compute it (so equal values are equal Decimals),
#: and how a message writes it (in lowest terms: 2/4 is 1/2).
FRACTION_TEXT = {Decimal(n) / Decimal(d): f"{n}/{d}" for d in range(10, 1, -1) for n in range(d - 1, 0, -1)}
FRACTION_VALUES = frozenset(FRACTION_TEXT)


def _has_fraction_stem(lowered: str) -> bool:
    """Whether a fraction's denominator word is in ``lowered`` (the text lower-cased and folded as the number
    words are: see :func:`_en_words`): substring tests, several times faster than one pattern's search."""
    return ("third" in lowered or "quarter" in lowered or "half" in lowered or "halves" in lowered or "fourth" in lowered
            or "fifth" in lowered or "sixth" in lowered or "seventh" in lowered or "eighth" in lowered or "ninth" in lowered
            or "tenth" in lowered)


def fraction_value(numerator: int, denominator: int) -> Decimal | None:
    """The value of a proper fraction of at most tenths (None for any other).

    >>> fraction_value(1, 4), fraction_value(3, 2), fraction_value(1, 12)
    (Decimal('0.25'), None, None)
    """
    if not 1 <= numerator < denominator <= 10:
        return None
    return Decimal(numerator) / Decimal(denominator)


_ZH_DIGIT_VALUE = re.compile(r"([0-9][0-9,]*(?:\.[0-9]+)?)([万亿]*)")
# The number first, so the search skips to digits; the approximation word before it ("over 5") is found
# by :func:`_pre_start` afterwards. The first digit is taken out of both alternatives (backtracking is
# unchanged) so that the pattern starts with [0-9]; (?<![\w.,][0-9]) after it is (?<![\w.,]) before it.
_EN_NUM = re.compile(
    r"(?P<num>[0-9](?<![\w.,][0-9])(?:[0-9]{0,2}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]*(?:\.[0-9]+)?))"
    rf"(?:(?-i:(?P<glued>bn|tn|mn|k|M|{GLUED_UNITS}))(?![\w])|(?![\w]))"
    r"(?:\s*(?P<mult>thousand|million|billion|trillion)\b)?"
    r"(?:\s*(?P<pct>%|percent\b|per cent\b))?",
    re.IGNORECASE,
)
_EN_NUM_PRE = re.compile(r"\b(?:over|more than|nearly|about|approximately|around|at least|almost|roughly|under|less than)\Z",
                         re.IGNORECASE)
_EN_TENS = (r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
            r"(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine)\b)?")
_EN_TEENS = (r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
             r"|seventeen|eighteen|nineteen")
# "a" is a number only before hundred, thousand, million… ("a million", "a hundred"), which the code asks of
# it; "three hundred and fifty thousand" and "thirty two" are read whole.
_EN_WORD_RE = (
    rf"\b(?P<word>{_EN_TENS}|{_EN_TEENS}|one|a)\b"
    rf"(?:\s+(?P<hundred>hundred)\b(?:\s+(?:and\s+)?(?P<rest>{_EN_TENS}|{_EN_TEENS}|one)\b)?)?"
    r"(?:\s+(?P<mult>thousand|million|billion|trillion)\b)?(?:\s+(?P<pct>percent)\b)?"
)
# Number words without the approximation before them (found by :func:`_pre_start`). Case is ignored: on
# ASCII text that is the same as matching the lower-cased text, which is several times faster.
_EN_WORD = re.compile(_EN_WORD_RE, re.IGNORECASE)
_EN_WORD_LOWER = re.compile(_EN_WORD_RE)
_EN_WORD_PRE = re.compile(r"\b(?:over|more than|nearly|about|around|almost)\Z", re.IGNORECASE)
#: Every number word starts with one of these, or is "one" or "a" before one of the multipliers.
_EN_WORD_STEMS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                  "thirt", "fift", "twent", "fort")
_EN_WORD_STEM = re.compile("|".join(_EN_WORD_STEMS) + r"|\b(?:one|a)\s+(?:hundred|thousand|million|billion|trillion)\b")


def _has_stem(text: str) -> bool:
    """``any(s in text for s in _EN_WORD_STEMS)`` or a multiplier in ``text``, without a generator: False when
    :data:`_EN_WORD_STEM` cannot match."""
    return ("one" in text or "two" in text or "three" in text or "four" in text or "five" in text or "six" in text
            or "seven" in text or "eight" in text or "nine" in text or "ten" in text or "eleven" in text or "twelve" in text
            or "thirt" in text or "fift" in text or "twent" in text or "fort" in text
            or "hundred" in text or "thousand" in text or "illion" in text)
_MONTH_RE = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
             r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
# Every alternative starts after a non-word character, with a digit, a capital month letter or the first
# letter of "the"/in/late/early/to/and... (m7): checking that first is several times faster than trying all eight.
_EN_DATE = re.compile(
    r"(?<!\w)(?=[0-9JFMASONDtilemsfuboa])(?:"
    r"\b(?P<iso>(?P<iy>(?:19|20)[0-9]{2})-(?P<im>[01]?[0-9])-(?P<id>[0-3]?[0-9]))\b"
    r"|\b(?P<m1>" + _MONTH_RE + r")\s+(?P<d1>[0-3]?[0-9])(?:st|nd|rd|th)?\b(?:,?\s+(?P<y1>(?:19|20)[0-9]{2})\b)?"
    r"|\b(?P<d2>[0-3]?[0-9])(?:st|nd|rd|th)?\s+(?P<m2>" + _MONTH_RE + r")(?:,?\s+(?P<y2>(?:19|20)[0-9]{2})\b)?"
    r"|\b(?P<m3>" + _MONTH_RE + r")\s+(?P<y3>(?:19|20)[0-9]{2})\b"
    r"|\bthe\s+(?P<d5>[0-3]?[0-9])(?:st|nd|rd|th)\b"
    r"|\b(?P<m6>January|February|March|April|June|July|August|September|October|November|December)\b"
    r"|\b(?:in|late|early|mid|since|from|until|by|of|end of|beginning of|to|through|till|and)[\s-]+(?P<m7>May)\b"
    r"|(?<![\w,.])(?P<y4>(?:19|20)[0-9]{2})(?![\w%]|[,.][0-9]|\s*(?:percent|thousand|million|billion)))"
)
#: Every English date holds a digit or a month hint (Jan, Feb, …, Dec: case matters in _EN_DATE). This finds
#: the hints and the first digit of the runs of digits a date can start with (see :func:`_en_date_matches`):
#: a day of 1 or 2 digits ([0-3]?[0-9]) or a year of 4 (19.. or 20..), the whole run (every digit alternative
#: of _EN_DATE ends its number where the run ends: \b, \s, "-", (?![\w%]) or st/nd/rd/th follow). It starts
#: with one character class, which ``re`` scans for quickly (``[0-9]+|Jan|…`` is tried at every character).
_EN_DATE_HINTS = re.compile(r"[0-9JFMASOND](?:(?<=[0-9])(?<![0-9][0-9])(?:(?![0-9])|(?<=[0-3])[0-9](?![0-9])"
                            r"|(?<=1)9[0-9]{2}(?![0-9])|(?<=2)0[0-9]{2}(?![0-9]))"
                            r"|(?<=J)(?:an|un|ul)|(?<=F)eb|(?<=M)a[ry]|(?<=A)(?:pr|ug)|(?<=S)ep|(?<=O)ct|(?<=N)ov|(?<=D)ec)")
#: The words before "May" in :data:`_EN_DATE` ("in May", "end of May").
_EN_MAY_KEYS = ("in", "late", "early", "mid", "since", "from", "until", "by", "of", "end of", "beginning of", "to",
                "through", "till", "and")
# \b[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?:\s*[ap]\.?m\.?)?|\b[0-9]{1,2}\s*[ap]\.m\. with the first digit in front
# (the \b before a digit is "no word character before it").
_EN_TIME = re.compile(r"[0-9](?<!\w[0-9])(?:[0-9]?:[0-9]{2}(?::[0-9]{2})?(?:\s*[ap]\.?m\.?)?|[0-9]?\s*[ap]\.m\.)",
                      re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number found in text: its value, unit (``""`` or ``"percent"``), approximation and span."""

    value: Decimal
    unit: str
    approx: str
    start: int
    end: int
    text: str
    #: English number words never count as "added" on their own (see the module notes).
    word: bool = False


@dataclass(frozen=True, slots=True)
class DateValue:
    """A date found in text; any field may be missing (6月9日 has no year)."""

    year: int | None
    month: int | None
    day: int | None
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Mismatch:
    """A source number without its counterpart: paired with the nearest unmatched one, if any."""

    zh: Quantity | None
    en: Quantity | None


@dataclass(frozen=True, slots=True)
class DateMismatch:
    """A date that does not agree (or has no counterpart)."""

    zh: DateValue | None
    en: DateValue | None


def zh_numeral(text: str) -> int | None:
    """The value of a Chinese numeral.

    >>> zh_numeral("一百二十三"), zh_numeral("二〇二〇"), zh_numeral("三万五千"), zh_numeral("十五")
    (123, 2020, 35000, 15)
    >>> zh_numeral("百万"), zh_numeral("千"), zh_numeral("万"), zh_numeral("亿")
    (1000000, 1000, 10000, 100000000)
    """
    if not text or any(c not in _ZH_DIGITS and c not in _ZH_UNITS and c not in _ZH_BIG for c in text):
        return None
    if all(c in _ZH_DIGITS for c in text) and len(text) > 1:
        return int("".join(str(_ZH_DIGITS[c]) for c in text))  # 二〇二〇: digit by digit
    total = section = digit = 0
    for c in text:
        if c in _ZH_DIGITS:
            digit = _ZH_DIGITS[c]
        elif c in _ZH_UNITS:
            section += (digit or 1) * _ZH_UNITS[c]
            digit = 0
        else:
            section += digit or (0 if section or total else 1)  # 万 alone is ten thousand
            total = (total + section) * _ZH_BIG[c] if _ZH_BIG[c] > 10**4 else total + section * _ZH_BIG[c]
            section = digit = 0
    return total + section + digit


def _zh_value(num: str) -> Decimal | None:
    """``3.5万`` → 35000, ``1000亿`` → 100000000000, ``两千`` → 2000."""
    if num.isascii() and num.isdigit():  # the common case: what the pattern below gives for it
        return Decimal(num)
    m = _ZH_DIGIT_VALUE.fullmatch(num)
    try:
        if m:
            value = Decimal(m.group(1).replace(",", ""))
            for c in m.group(2):
                value *= {"万": 10**4, "亿": 10**8}[c]
            return value
        n = zh_numeral(num)
        return Decimal(n) if n is not None else None
    except InvalidOperation:
        return None


def normalise_number(text: str, lang: str) -> Decimal | None:
    """The value of one number token.

    >>> normalise_number("1000亿", "zh"), normalise_number("100 billion", "en")
    (Decimal('100000000000'), Decimal('100000000000'))
    """
    found = extract_quantities(text, lang)
    return found[0].value if found else None


def _fold(text: str) -> str:
    """``text.translate(_FW_DIGITS)``; a mere ``replace`` when "，" is the only character it would change, and
    nothing on ASCII text (the table changes none of its characters)."""
    if text.isascii():
        return text
    return text.translate(_FW_DIGITS) if _FULLWIDTH.search(text) else text.replace("，", ",")


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with every character inside one of ``spans`` replaced by a space."""
    n = len(text)
    if all(s >= 0 and e <= n for s, e in spans):
        for s, e in spans:
            if s < e:
                text = text[:s] + " " * (e - s) + text[e:]
        return text
    chars = list(text)  # out-of-range spans: the same IndexError (or wrap-around) as always
    for s, e in spans:
        for i in range(s, e):
            chars[i] = " "
    return "".join(chars)


def _pre_start(masked: str, start: int, pre: re.Pattern[str]) -> int:
    """Where an approximation word (``pre``, anchored at its end) and the whitespace after it begin, if they
    end at ``start`` ("over 5", "about  two"); else ``start``. No such word is 13 characters or longer."""
    i = start
    while i and masked[i - 1].isspace():
        i -= 1
    if i == start:
        return start
    m = pre.search(masked, max(0, i - 13), i)
    return m.start() if m else start


def extract_quantities(text: str, lang: str) -> list[Quantity]:
    """Every quantity in ``text`` (dates excluded), in order."""
    folded = _fold(text)
    spans = [(d.start, d.end) for d in extract_dates(text, lang)]
    digit = _DIGIT.search(folded)
    if digit:  # every time has a digit, and starts at it
        times = _ZH_TIME if lang == "zh" else _EN_TIME
        spans += [m.span() for m in times.finditer(folded, digit.start())]
    masked = _mask(folded, spans)
    return _zh_quantities(masked, text) if lang == "zh" else _en_quantities(masked, text)


def _zh_qty_matches(masked: str) -> Iterator[re.Match[str]]:
    """``_ZH_QTY.finditer(masked)``: every match starts with a character of :data:`_ZH_QTY_HINT` (百 of 百分之, a
    digit or a numeral), so the pattern is tried only there (the hint's one character class is found by a fast
    scan; the pattern's alternation is tried at every character by ``finditer``). Matches are never empty."""
    pos = 0
    while (hint := _ZH_QTY_HINT.search(masked, pos)) is not None:
        m = _ZH_QTY.match(masked, hint.start())
        if m is None:
            pos = hint.start() + 1
        else:
            yield m
            pos = m.end()


def _zh_quantities(masked: str, text: str, *, lean: bool = False) -> list:  # type: ignore[type-arg]
    """The Chinese quantities of ``masked`` (``text`` with dates and times masked), in order; ``lean=True``
    gives ``(value, unit)`` for each instead, fractions first (what :func:`unmatched_count` reads)."""
    out: list = []  # type: ignore[type-arg]
    if "分之" in masked:
        masked = _zh_fractions(masked, text, out, lean)
    if "/" in masked:
        masked = _digit_fractions(masked, text, out, lean)
    fractions = len(out)
    size = len(masked)
    pos = 0
    # _zh_qty_matches inlined (a generator costs a call per match)
    while (hint := _ZH_QTY_HINT.search(masked, pos)) is not None:
        m = _ZH_QTY.match(masked, hint.start())
        if m is None:
            pos = hint.start() + 1
            continue
        start, end = m.span()
        pos = end
        # One of the two alternatives matched: pct_zh or num is set.
        pct_zh, num, post, mult2, pct = m.groups()
        if pct_zh is None and not "0" <= num[0] <= "9" and (end >= size or masked[end] not in CLASSIFIERS) \
                and "万" not in num and "亿" not in num and not mult2:
            continue  # a bare numeral not before a classifier (统一, 一些): the test below, first (no side effects)
        pre, start = _zh_approximation(masked, start)
        before = masked[start - 1] if start else ""
        if before == "第" or (before.isascii() and before.isalpha()) or before in ("备", "证") or (
                before == " " and masked[max(0, start - 3):start].rstrip(" ").endswith(("备", "证"))):
            continue  # an ordinal, an identifier (G20), a site's filing number (苏ICP备05010345号, 苏公网安备 3202…号)
        after = masked[end] if end < size else ""
        if after == "." or (after == "后" and not post) or masked.startswith(("世纪", "年代", "周年"), end):
            # an address (www.12377.cn), a generation (90后), a century, decade or anniversary (18世纪, 80年代,
            # 70周年: ordinals in English, "the 70th anniversary", which are not quantities either)
            continue
        if before in {"-", "－"}:
            continue  # a model name (卡-52)
        if (after == "届" and not masked.endswith(_COUNTING, 0, start)) or (
                after == "次" and masked.startswith(_SESSIONS, end + 1) and "届" in masked[max(0, start - 12):start]) \
                or _PLAN.fullmatch(num or "") or after == "号":
            # ordinals without 第: 二十届 "the 20th", 十四届人大二次会议 "the second session", 十四五 "the 14th Five-Year
            # Plan" (but 连续三届 and 召开三次会议 count); and N号 without a month, a house, line or document number
            # or a day ("No. 1", "the 9th"): neither a date nor a figure to compare
            continue
        if after == "月" or (after and after in "-－—–~～至到 " and _ZH_MONTH_RANGE_AFTER.match(masked, end)):
            continue  # a month: the first of a range (1-9月, 3至5月), or the last of the year so far (1-9月)
        if pct_zh is not None:
            raw = pct_zh.replace("点", ".")
            try:
                value = _zh_value(raw) if _DIGITS_DOTS.fullmatch(raw) is None else Decimal(raw)
            except InvalidOperation:
                continue  # 百分之. or 百分之3..5: no number to compare
            unit = "percent"
        else:
            # num starts with an ASCII digit or is all Chinese numerals (none of which isdigit)
            if not "0" <= num[0] <= "9":
                # A bare Chinese numeral is a number before a classifier; 一 and 两 there are mostly "a"
                # and "both/the couple" in English (一名志愿者, 两人), not numbers. Without a classifier, only
                # a large amount is (三万群众, 近百万群众): 近三年 and 近十年 are as often "recent years" and
                # "the past decade".
                if after and after in CLASSIFIERS:
                    if num in ("一", "两", "二", "零", "〇"):
                        continue
                elif not ("万" in num or "亿" in num or mult2) or (num[0] not in "一二两三四五六七八九" and not (pre or post)):
                    continue
                # 百/千/万 first (an implicit 一) is a number beside an approximation, 近百万人 or 千余人, and
                # otherwise mostly an idiom or a vague amount: 千家万户, 万人空巷, 百人 ("hundreds"), 千万 ("by
                # all means"), 亿万人民.
                if num[0] in "百千万亿" and not (pre or post):
                    continue
            elif after.isascii() and after.isalpha() and _ZH_GLUED_UNIT.match(masked, end) is None:
                continue  # an identifier (5G, 4K), but 4cm and 300MW are amounts
            value = _zh_value(num)
            if value is not None and mult2:
                for c in mult2:
                    value *= {"万": 10**4, "亿": 10**8}[c]
            unit = "percent" if pct else ""
        if value is None or (value <= 2 and after == "倍"):
            continue  # 增长1倍 is "doubled", 2倍 as often "tripled" as "twice": no figure to compare
        if lean:
            out.append((value, unit))
            continue
        approx = _APPROX_ZH_PRE.get(pre, "") or _APPROX_ZH_POST.get(post or "", "")
        if not approx and masked.startswith(("以上", "左右"), end):
            approx = _APPROX_ZH_POST[masked[end:end + 2]]
        out.append(Quantity(value, unit, approx, start, end, text[start:end]))
    if fractions and not lean and len(out) > 1:
        out.sort(key=_START)  # fractions came first
    return out


def _zh_approximation(masked: str, start: int) -> tuple[str, int]:
    """The approximation word right before a Chinese number at ``start`` (超过, 大约, 超, 逾, 近, 约, or "") and
    where the quantity then starts: the leftmost place, as a pattern's optional group before the number would
    match (no number holds these characters)."""
    pre = masked[start - 2:start] if start >= 2 else ""
    if pre in ("超过", "大约"):
        return pre, start - 2
    if start and masked[start - 1] in "超逾近约":
        return masked[start - 1], start - 1
    return "", start


def _zh_fractions(masked: str, text: str, out: list, lean: bool) -> str:  # type: ignore[type-arg]
    """Append the fractions of ``masked`` (三分之一, 十分之三) to ``out`` and return ``masked`` with them masked.
    百分之 (per cent) is read as a percentage, and 千分之/万分之 are not read at all, as before."""
    spans = []
    for m in _ZH_FRACTION.finditer(masked):
        if masked.startswith(("决赛", "世纪"), m.end()):
            continue  # 四分之一决赛 are the quarter-finals; 四分之一世纪 often "a quarter century"
        denominator, numerator = (int(g) if g.isascii() else zh_numeral(g) for g in m.groups())
        value = fraction_value(numerator, denominator) if numerator is not None and denominator is not None else None
        if value is None:
            continue
        start, end = m.span()
        spans.append((start, end))
        if lean:
            out.append((value, ""))
            continue
        pre, start = _zh_approximation(masked, start)
        approx = _APPROX_ZH_PRE.get(pre, "")
        if not approx and masked.startswith(("以上", "左右", "多"), end):
            approx = _APPROX_ZH_POST["多" if masked[end] == "多" else masked[end:end + 2]]
        out.append(Quantity(value, "", approx, start, end, text[start:end]))
    return _mask(masked, spans) if spans else masked


_ORDINAL_OR_ADDRESS = re.compile(r"(?:st|nd|rd|th)\b|\.[A-Za-z]")


def _en_quantities(masked: str, text: str, *, lean: bool = False, words: bool = True) -> list:  # type: ignore[type-arg]
    """The English quantities of ``masked`` (``text`` with dates and times masked), in order.

    ``lean=True`` gives ``(value, unit)`` for each instead, in no particular order (what
    :func:`unmatched_count` needs: the approximation before a number and its text are not read);
    ``words=False`` leaves out number words (exact when no Chinese value can be one: :data:`WORD_VALUES`).
    """
    out: list = []  # type: ignore[type-arg]
    digit = _DIGIT.search(masked)
    if digit and _GLUED_CODE_HINT.search(masked):
        masked = _GLUED_CODE.sub(_blank, masked)  # RMB3.45 billion: the figure is 3.45 billion
    if digit and "/" in masked:
        masked = _digit_fractions(masked, text, out, lean)
    for m in _EN_NUM.finditer(masked, digit.start()) if digit else ():
        num_start, num_end = m.span("num")
        if _ORDINAL_OR_ADDRESS.match(masked, num_end):
            continue  # ordinals, and numbers in addresses (www.12377.cn)
        if num_start >= 2 and masked[num_start - 1] == "-" and masked[num_start - 2] in ascii_letters:
            continue  # names with numbers: COVID-19, Su-27
        num, mult, pct, glued = m.group("num", "mult", "pct", "glued")
        value = Decimal(num.replace(",", "")) if "," in num else Decimal(num)
        if glued is not None:
            if glued in _GLUED_MULT:
                value *= _GLUED_MULT[glued]
            elif glued in _CURRENCY_MULT and (
                    (num_start and masked[num_start - 1] in _CURRENCY_SIGNS) or text.endswith(_CURRENCY_CODES, 0, num_start)
                    or (glued == "m" and _COUNTED_AFTER.match(masked, m.end("glued")))):
                value *= _CURRENCY_MULT[glued]  # $10m, RMB10m, 10m yuan, 15m visitors (10m alone is ten metres)
        if mult:
            value *= _EN_MULT[mult.lower()]
        unit = "percent" if pct else ""
        if lean:
            out.append((value, unit))
            continue
        start = _pre_start(masked, num_start, _EN_NUM_PRE)
        approx = _APPROX_EN.get(masked[start:num_start].strip().lower(), "")
        end = m.end()
        out.append(Quantity(value, unit, approx, start, end, text[start:end]))
    if not words:
        return out if lean or len(out) < 2 else sorted(out, key=_START)
    out += _en_words(masked, text, lean=lean)
    if lean or len(out) < 2:
        return out
    return sorted(out, key=_START)


def _digit_fractions(masked: str, text: str, out: list, lean: bool) -> str:  # type: ignore[type-arg]
    """Append the fractions in digits (1/3, 3/4) of ``masked`` to ``out`` and return ``masked`` with them masked,
    so that neither figure is read again on its own."""
    spans = []
    for m in _DIGIT_FRACTION.finditer(masked):
        value = fraction_value(int(m.group(1)), int(m.group(2)))
        if value is None:
            continue
        start, end = m.span()
        spans.append((start, end))
        out.append((value, "") if lean else Quantity(value, "", "", start, end, text[start:end]))
    return _mask(masked, spans) if spans else masked


def _en_fractions(masked: str, text: str, lean: bool) -> tuple[list, str]:  # type: ignore[type-arg]
    """The fractions in words of ``masked`` ("a third of", "two-thirds"), as number words, and ``masked`` with
    them masked (so that "two" of "two thirds" is not read as 2)."""
    out: list = []  # type: ignore[type-arg]
    spans = []
    for m in _EN_FRACTION.finditer(masked):
        n_word, sep, d_word = m.group("n", "sep", "d")
        key = _word_key(d_word)
        plural = key.endswith("s")
        denominator = _DENOMINATOR_VALUES.get(key[:-1] if plural else key)
        n_key = _word_key(n_word)
        numerator = 1 if n_key in ("a", "an", "one") else _UNITS.get(n_key)
        if denominator is None or numerator is None or plural != (numerator > 1):
            continue  # "two third", "a thirds", or a look-alike the tables do not know
        if numerator == 1 and sep == " " and m.group("fits") is None:
            continue  # "a third party", "one third time"
        if sep == " " and _PERIOD_BEFORE.search(masked, max(0, m.start() - 14), m.start()):
            continue  # "the first three quarters", "the last two halves": periods, not fractions
        value = fraction_value(numerator, denominator)
        if value is None:
            continue  # "three halves"
        start, end = m.span()
        spans.append((start, end))
        if lean:
            out.append((value, ""))
            continue
        pre = _pre_start(masked, start, _EN_WORD_PRE)
        out.append(Quantity(value, "", _APPROX_EN.get(masked[pre:start].strip().lower(), ""), pre, end, text[pre:end],
                            word=True))
    return out, (_mask(masked, spans) if spans else masked)


def _en_words(masked: str, text: str, *, lean: bool = False) -> list:  # type: ignore[type-arg]
    """The English number words of ``masked`` as :func:`_en_quantities` gives them, in order (fractions in words
    among them)."""
    out: list = []  # type: ignore[type-arg]
    if masked.isascii():  # ignoring case is matching the lower-cased text; every word starts with a stem
        lowered = masked.lower()
        if _has_fraction_stem(lowered):  # every fraction's denominator is one (a case-blind search costs 5x)
            out, masked = _en_fractions(masked, text, lean)
            lowered = masked.lower()
        stem = _EN_WORD_STEM.search(lowered) if _has_stem(lowered) else None
        words_found = _EN_WORD_LOWER.finditer(lowered, stem.start()) if stem else ()
    else:
        # The same skip, on a copy folded so that every character the pattern takes for an ASCII letter (ignoring
        # case the Unicode way: "ſ" for s, "ı" and "İ" for i) is that letter, one character for one, so that
        # positions agree (İ is the one character that lower() makes two).
        folded = masked.replace("İ", "i").lower().replace("ſ", "s").replace("ı", "i")
        if _has_fraction_stem(folded):
            out, masked = _en_fractions(masked, text, lean)
            folded = masked.replace("İ", "i").lower().replace("ſ", "s").replace("ı", "i")
        stem = _EN_WORD_STEM.search(folded) if _has_stem(folded) else None
        words_found = _EN_WORD.finditer(masked, stem.start()) if stem else ()
    for m in words_found:
        hundred, rest, mult = m.group("hundred", "rest", "mult")
        value = _word_value(m.group("word"))
        if value == 1 and not (hundred or mult) and m.group("word").lower() != "one":
            continue  # "a": a number only before hundred, thousand, million…
        if value is None or (rest is not None and (rest_value := _word_value(rest)) is None):
            continue
        if hundred:
            value = value * 100 + (rest_value if rest is not None else 0)
        value = Decimal(value)
        if mult:
            value *= _EN_MULT[mult.lower()]
        unit = "percent" if m.group("pct") else ""
        if lean:
            out.append((value, unit))
            continue
        word_start = m.start("word")
        start = _pre_start(masked, word_start, _EN_WORD_PRE)
        out.append(Quantity(value, unit, _APPROX_EN.get(masked[start:word_start].strip().lower(), ""), start, m.end(),
                            text[start:m.end()], word=True))
    if not lean and len(out) > 1 and out[0].value in FRACTION_VALUES:
        out.sort(key=_START)  # fractions came first
    return out


def _word_value(word: str) -> int | None:
    """The value of a number word of the pattern ("twenty-one", "a", "one"; None for a word the tables do not
    know, such as a Unicode look-alike the case-blind pattern let through).

    >>> _word_value("Twenty-One"), _word_value("a"), _word_value("seven")
    (21, 1, 7)
    """
    found = [_word_key(w) for w in re.split(r"[-\s]+", word)]
    if found in (["a"], ["one"]):
        return 1
    if not all(w in _EN_WORDS or w in _UNITS for w in found):
        return None
    return sum(_EN_WORDS.get(w, 0) if w in _EN_WORDS else _UNITS[w] for w in found)


class _WordValues:
    """Every value an English number word can have, and a few more: 1 to 9,999 ("one", "forty-two hundred and
    six"), alone or times a thousand, million, billion or trillion ("a thousand"). An English number word can
    only be the counterpart of a Chinese quantity with one of these values; one more only costs
    :func:`shuyu.metrics` a second count. (A test of the value rather than a set of
    the 50,000 of them.)

    >>> [v in WORD_VALUES for v in (Decimal(7), Decimal(4200), Decimal("2.5E+6"), Decimal(10**6), Decimal(1),
    ...                             Decimal(10001), Decimal("2.5"), Decimal(0))]
    [True, True, True, True, True, False, False, False]
    """

    __slots__ = ()

    def __contains__(self, value: object) -> bool:
        if not isinstance(value, Decimal) or not value.is_finite():
            return False
        if value != value.to_integral_value():
            return value in FRACTION_VALUES  # "a third", "three quarters"
        n = int(value)
        for mult in (1, *_EN_MULT.values()):
            base, rest = divmod(n, mult)
            if rest:
                break  # a larger multiplier cannot divide it either (each is a multiple of the one before)
            if 1 <= base <= 9999:
                return True
        return False


WORD_VALUES = _WordValues()


def unmatched_count(zh: list[tuple[Decimal, str]], en: list[tuple[Decimal, str]], words_from: int | None = None) -> int:
    """How many of the Chinese quantities ``zh`` (``(value, unit)``) :func:`compare_quantities` reports, given the
    English ones (``(value, unit)``); each in any order: the count depends only on which there are.

    Quantities of different values never meet, and within one value (units "" and "percent") more English
    quantities never match fewer Chinese ones: a Chinese "" takes an English "" before a "percent", a "percent"
    only a "percent", and whatever is left with more is at least what is left with fewer. So English number
    words (values :data:`WORD_VALUES`) change the count only when a Chinese quantity of such a value is
    unmatched without them. A large figure may also match an English one that rounds it (:func:`rounds_to`),
    after every exact match, and only among digits: ``words_from`` says where the number words start in ``en``
    (None: there are none; 0: all are words).
    """
    en_left = [(e[0], e[1], k) for k, e in enumerate(en)]
    unmatched = []
    for value, unit in zh:
        hit = next((i for i, e in enumerate(en_left) if e[0] == value and e[1] == unit), None)
        if hit is None and unit == "":
            hit = next((i for i, e in enumerate(en_left) if e[0] == value), None)
        if hit is None:
            unmatched.append((value, unit))
        else:
            del en_left[hit]
    if not unmatched or words_from == 0:
        return len(unmatched)
    # Rounded figures after every exact match, among digits only (as compare_quantities takes them).
    digits = en_left if words_from is None else [e for e in en_left if e[2] < words_from]
    wrong = 0
    for value, unit in unmatched:
        hit = _rounded_pick(value, unit, digits, lambda e: e[0], lambda e: e[1])
        if hit is None:
            wrong += 1
        else:
            digits.remove(hit)
    return wrong


#: A figure this large may be rounded in English: 749.08万 is "7.49 million", 1.2345亿 "123 million".
ROUNDED_FROM = Decimal(10**6)


def rounds_to(value: Decimal, written: Decimal) -> bool:
    """Whether ``written`` is ``value`` rounded to the figures ``written`` shows, off by at most 1%: how a
    translation writes a large amount (7,490,800 → "7.49 million", "7.5 million"; not "7 million", 6.5% off).

    >>> rounds_to(Decimal(7490800), Decimal("7.49E+6")), rounds_to(Decimal(7490800), Decimal(7 * 10**6))
    (True, False)
    """
    if value < ROUNDED_FROM or written < ROUNDED_FROM or value == written:
        return False
    exponent = written.normalize().as_tuple().exponent
    if not isinstance(exponent, int) or exponent <= 0:
        return False
    if value.quantize(Decimal(1).scaleb(exponent), rounding=ROUND_HALF_UP) != written:
        return False
    return abs(value - written) * 100 <= value


def _near_fraction(value: Decimal, written: Decimal, unit: str) -> bool:
    """Whether ``written`` (a percentage, or a decimal below 1) is the fraction ``value`` as a release rounds it:
    三分之一 is "33%", "33.3 percent" or "0.33" (within half a percentage point)."""
    if value not in FRACTION_VALUES:
        return False
    if unit == "percent":
        return abs(value * 100 - written) <= Decimal("0.5")
    return unit == "" and written < 1 and abs(value - written) <= Decimal("0.005")


def _rounded_pick(value, unit, candidates, value_of, unit_of):  # type: ignore[no-untyped-def]
    """The candidate of the same unit that ``value`` rounds to (:func:`rounds_to`), or that writes the fraction
    ``value`` as a rounded percentage or decimal (:func:`_near_fraction`); the nearest of several."""
    fits = [c for c in candidates if (unit_of(c) == unit and rounds_to(value, value_of(c)))
            or _near_fraction(value, value_of(c), unit_of(c))]
    return min(fits, key=lambda c: (abs(value_of(c) - value), value_of(c))) if fits else None


def _int_zh(value: str | None) -> int | None:
    if not value:
        return None
    if value.isdigit():
        return int(value)
    return zh_numeral(value)


#: The last text :func:`extract_dates` read and what it found, as one tuple (replaced whole, so threads
#: never see a text with another text's dates): callers ask for the quantities and then the dates of the
#: same text, and :func:`extract_quantities` needs the dates too.
_LAST_DATES: list[tuple[str | None, str | None, list[DateValue]]] = [(None, None, [])]


def extract_dates(text: str, lang: str) -> list[DateValue]:
    """Every date in ``text``, in order (partial dates allowed)."""
    last_text, last_lang, last_found = _LAST_DATES[0]
    if last_lang == lang and last_text == text:
        return list(last_found)
    found = _zh_dates(text) if lang == "zh" else _en_dates(text)
    _LAST_DATES[0] = (text, lang, found)
    return list(found)


_START = attrgetter("start")
_VALUE = attrgetter("value")
_UNIT = attrgetter("unit")
_LEAN_START = itemgetter(3)


def _zh_dates(text: str, folded: str | None = None, *, lean: bool = False) -> list:  # type: ignore[type-arg]
    """The Chinese dates of ``text`` (``folded``: ``_fold(text)``, when the caller has it); ``lean=True`` gives
    each as ``(year, month, day, start, end)`` (what :func:`unmatched_dates` and masking read)."""
    out: list = []  # type: ignore[type-arg]
    spans: list[tuple[int, int]] = []  # of the dates in out
    if folded is None:
        folded = _fold(text)
    digit = _DIGIT.search(folded)
    if digit:  # ISO dates and bare years start with a digit
        for m in _ISO_DATE.finditer(folded, digit.start()):
            y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
            out.append((y, mo, d, *m.span()) if lean else DateValue(y, mo, d, m.start(), m.end(), m.group()))
            spans.append(m.span())
        for m in _ZH_YEAR.finditer(folded, digit.start()):
            # A bare year (2019-2020赛季, 2020上半年) is a date, not a quantity.
            if not spans or not any(s <= m.start() < e for s, e in spans):
                y = int(m.group())
                out.append((y, None, None, *m.span()) if lean else DateValue(y, None, None, m.start(), m.end(), m.group()))
                spans.append(m.span())
    hint = _ZH_DATE_HINT.search(folded)
    if hint and "月" in folded:
        for m in _ZH_MONTH_RANGE.finditer(folded):
            if any(s <= m.start() < e for s, e in spans):
                continue
            first = _int_zh(m.group(1))
            if first == 1:
                spans.append(m.span())  # the year so far: neither end is a date
            elif first is not None and 1 < first <= 12:
                s, e = m.span(1)
                out.append((None, first, None, s, e) if lean else DateValue(None, first, None, s, e, text[s:e]))
                spans.append((s, e))
    if hint:
        taken = list(spans)
        for m in _zh_date_matches(folded, hint.start()):
            if taken and any(s <= m.start() < e for s, e in taken):
                continue
            if m.start() and "0" <= folded[m.start() - 1] <= "9":
                continue  # the end of a longer number (199号, 05010345号): no date
            y, mo, d = m.group("y", "m", "d")
            if d and not mo and (y or not _DAY_ONLY.fullmatch(m.group(0)) or _is_duration(folded, m.start(), m.end())):
                continue
            start = m.start("m") if not y and mo and m.start("m") >= 0 else m.start()
            end = m.end()
            if lean:
                out.append((_int_zh(y), _int_zh(mo), _int_zh(d), start, end))
            else:
                out.append(DateValue(_int_zh(y), _int_zh(mo), _int_zh(d), start, end, text[start:end]))
    if len(out) > 1:
        out.sort(key=_LEAN_START if lean else _START)  # stable, as sorted() was
    return out


#: After N次, what makes N an ordinal: 十四届人大二次会议 is "the second session of the 14th NPC".
_SESSIONS = ("会议", "全会", "全体会议", "代表大会", "党代会", "常委会")
#: Before N届, what makes it a count ("three consecutive sessions"), not an ordinal.
_COUNTING = ("连续", "共", "先后", "已", "累计", "历经", "曾", "已经")
#: 十四五, 十五五: the 14th and 15th Five-Year Plans, no amounts.
_PLAN = re.compile("十[一二三四五六七八九]五")

#: Around a bare 7日, what makes it a number of days (7日内 "within 7 days", 为期3日, 14日集中隔离) rather than the
#: 7th of the month; 前 and 后 are left out: 25日前 is as often "before the 25th" as 3日前 "3 days ago".
_DURATION_AFTER = ("内", "以内", "之内", "以上", "左右", "集中", "居家", "隔离")
_DURATION_BEFORE = ("为期", "连续", "近", "每", "过去", "最近", "未来", "满", "持续", "历时", "用时")


def _is_duration(folded: str, start: int, end: int) -> bool:
    """True when the day-only date ``folded[start:end]`` (7日) counts days instead.

    >>> _is_duration("须持7日内核酸检测", 2, 4), _is_duration("为期3日的会议", 2, 4), _is_duration("26日启用", 0, 3)
    (True, True, False)
    """
    return folded.startswith(_DURATION_AFTER, end) or folded.endswith(_DURATION_BEFORE, 0, start)


def _zh_date_matches(folded: str, hint: int) -> Iterator[re.Match[str]]:
    """``_ZH_DATE.finditer(folded)``, given the first hint (:data:`_ZH_DATE_HINT`) at ``hint``.

    A date starts at most 3 characters before the numeral of a hint (a year's 4 digits, a month's or day's up
    to 3 characters end in one, right before its 年/月/日/号): so only the 4 places up to each hint are tried,
    instead of the pattern at every character to the end of the line (every match is non-empty, so the next
    search starts where the last match ended, as in ``finditer``).
    """
    pos = 0
    while True:
        h = hint - 3
        for p in range(max(pos, h), hint + 1):
            m = _ZH_DATE.match(folded, p)
            if m is not None:
                yield m
                pos = m.end()
                break
        else:
            pos = max(pos, hint + 1)
        found = _ZH_DATE_HINT.search(folded, pos)
        if found is None:
            return
        hint = found.start()


def _en_date_matches(text: str) -> list[re.Match[str]]:
    """``list(_EN_DATE.finditer(text))``, with the pattern tried only where a date can start.

    Every alternative of :data:`_EN_DATE` holds a digit or a month hint (:data:`_EN_DATE_HINTS`) at the start of a
    word (after a non-word character) and starts there, but two: "the 5th" starts at "the" and "in May" at one
    of :data:`_EN_MAY_KEYS`, each ending where the run of spaces (and, for May, hyphens) before the digit or the
    May begins. So the pattern is tried at the hints (the first digit of a run that can be a day or a year: the
    others follow a word character) and, before a digit, at such a "the" and, before May, at such keywords, in
    increasing order: a keyword holds neither a digit nor a capital, so no hint lies between it and its hint.
    Matches are never empty: after one, trying goes on where it ended, as in ``finditer``.
    """
    out: list[re.Match[str]] = []
    lo = 0  # the places before this were tried, or cannot start a date
    for hint in _EN_DATE_HINTS.finditer(text):
        h = hint.start()
        if h < lo:
            continue
        r = h
        while r and (text[r - 1].isspace() or text[r - 1] == "-"):
            r -= 1
        if r < h:
            if text[h] in "0123456789":
                keys = [r - 3] if r >= 3 and text.startswith("the", r - 3) else []
            else:
                keys = sorted(r - len(k) for k in _EN_MAY_KEYS if text.endswith(k, 0, r)) if hint.group() == "May" else []
            for k in keys:
                if k < lo:
                    continue
                m = _EN_DATE.match(text, k)
                if m is not None:
                    out.append(m)
                    lo = m.end()
            if h < lo:
                continue
        m = _EN_DATE.match(text, h)
        if m is not None:
            out.append(m)
            lo = m.end()
        else:
            lo = h + 1
    return out


#: The other end of a range of days after "October 1" ("October 1 to 7", "June 9-11") and before "11 June"
#: ("9 to 11 June"): the day stands for a date of the same month, as 10月1日至7日 writes it.
_RANGE_TO = r"\s*(?:-|–|—|to|through|until|till|and)\s*"
#: May at the end of a range of months written with a dash ("March-May"): "to May" is read as a date already.
_TO_MAY = re.compile(r"[ \t]*[-–—][ \t]*(May)\b")
_EN_RANGE_AFTER = re.compile(_RANGE_TO + r"([0-3]?[0-9])(?:st|nd|rd|th)?\b(?![.,:]?[0-9]|\s*(?:%|per))", re.IGNORECASE)
_EN_RANGE_BEFORE = re.compile(r"(?<![\w.,])([0-3]?[0-9])(?:st|nd|rd|th)?" + _RANGE_TO + r"\Z", re.IGNORECASE)


def _en_dates(text: str, *, lean: bool = False) -> list:  # type: ignore[type-arg]
    """The English dates of ``text``; ``lean=True`` gives each as ``(year, month, day, start, end)``.

    >>> [(d.month, d.day, d.text) for d in _en_dates("from October 1 to 7 and 9-11 June")]
    [(10, 1, 'October 1'), (10, 7, '7'), (6, 9, '9'), (6, 11, '11 June')]
    """
    out: list = []  # type: ignore[type-arg]
    for m in _en_date_matches(text):
        g = m.group
        if g("iso"):
            y, mo, d = int(g("iy")), int(g("im")), int(g("id"))
        elif g("m1"):
            y, mo, d = (int(g("y1")) if g("y1") else None), _MONTHS[g("m1").rstrip(".").lower()], int(g("d1"))
        elif g("m2"):
            y, mo, d = (int(g("y2")) if g("y2") else None), _MONTHS[g("m2").rstrip(".").lower()], int(g("d2"))
        elif g("m3"):
            y, mo, d = int(g("y3")), _MONTHS[g("m3").rstrip(".").lower()], None
        elif g("d5"):
            y, mo, d = None, None, int(g("d5"))
        elif g("m6") or g("m7"):
            y, mo, d = None, _MONTHS[(g("m6") or g("m7")).lower()], None
        else:
            y, mo, d = int(g("y4")), None, None
        if (mo and not 1 <= mo <= 12) or (d and not 1 <= d <= 31):
            continue
        if g("m2") and (before := _EN_RANGE_BEFORE.search(text, max(0, m.start() - 16), m.start())) is not None:
            first = int(before.group(1))
            if 1 <= first < d:
                s, e = before.span(1)
                out.append((y, mo, first, s, e) if lean else DateValue(y, mo, first, s, e, text[s:e]))
        out.append((y, mo, d, *m.span()) if lean else DateValue(y, mo, d, m.start(), m.end(), m.group(0)))
        if g("m6") and (may := _TO_MAY.match(text, m.end())) is not None:  # "March-May", as 3至5月 writes it
            s, e = may.span(1)
            out.append((None, 5, None, s, e) if lean else DateValue(None, 5, None, s, e, "May"))
        if g("m1") and not g("y1") and (after := _EN_RANGE_AFTER.match(text, m.end())) is not None:
            last = int(after.group(1))
            if d < last <= 31:
                s, e = after.span(1)
                out.append((None, mo, last, s, e) if lean else DateValue(None, mo, last, s, e, text[s:e]))
    return out


def _pair(unmatched_zh: list, unmatched_en: list, make, can_pair, report_left, rank=None) -> list:  # type: ignore[no-untyped-def]
    """Pair leftovers in order: a wrong value is one mismatch, not a missing plus an added one. ``rank(z, e)``,
    when given, says which leftover is likeliest a source item's translation (the lowest; the first of equals;
    None: never that one)."""
    if rank is not None:
        fits = [j for j, e in enumerate(unmatched_en) if can_pair(e)]
        ranked = ((rank(z, unmatched_en[j]), i, j) for i, z in enumerate(unmatched_zh) for j in fits)
        pairs = sorted(r for r in ranked if r[0] is not None)
        partner: dict[int, int] = {}
        for _, i, j in pairs:
            if i not in partner and j not in partner.values():
                partner[i] = j
        return [make(z, unmatched_en[partner[i]] if i in partner else None) for i, z in enumerate(unmatched_zh)] + \
            [make(None, e) for j, e in enumerate(unmatched_en) if j not in partner.values() and report_left(e)]
    out = []
    en_left = list(unmatched_en)
    for z in unmatched_zh:
        e = next((e for e in en_left if can_pair(e)), None)
        if e is not None:
            en_left.remove(e)
        out.append(make(z, e))
    out += [make(None, e) for e in en_left if report_left(e)]
    return out


def compare_quantities(zh: list[Quantity], en: list[Quantity]) -> list[Mismatch]:
    """Multiset comparison by value and unit; leftovers paired in order.

    >>> zh = extract_quantities("引进项目615个，总投资超1000亿元", "zh")
    >>> en = extract_quantities("introduced 615 projects with over 100 billion yuan", "en")
    >>> compare_quantities(zh, en)
    []
    """
    # Digits before number words, so that a word never takes the figure a rounded one could have matched
    # (unmatched_count is given them in that order); the order among each kept.
    en_left = [e for e in en if not e.word] + [e for e in en if e.word]
    unmatched = []
    for z in zh:
        hit = next((e for e in en_left if e.value == z.value and e.unit == z.unit), None)
        if hit is None and z.unit == "":
            hit = next((e for e in en_left if e.value == z.value), None)
        if hit is None:
            unmatched.append(z)
        else:
            en_left.remove(hit)
    if unmatched:  # then large figures that the English rounds (749.08万, "7.49 million"), digits only
        rounded = []
        for z in unmatched:
            hit = _rounded_pick(z.value, z.unit, [e for e in en_left if not e.word], _VALUE, _UNIT)
            if hit is None:
                rounded.append(z)
            else:
                en_left.remove(hit)
        unmatched = rounded
    # English numbers with no source counterpart are not reported: translators add them freely
    # (COVID-19, "Part 2"); a wrong or dropped source number is what matters.
    # Number words pair with nothing ("the two cities"), but a fraction in words is as specific as digits: 三分之一
    # against "one quarter" points at "one quarter".
    return _pair(unmatched, en_left, Mismatch, lambda e: not e.word or e.value in FRACTION_VALUES, lambda e: False,
                 _likeness)


def _likeness(z: Quantity, e: Quantity) -> tuple[bool, bool, float] | None:
    """How unlike a translation of ``z`` ``e`` looks: a fraction for a whole number, then another unit, then how
    many times larger or smaller it is (16 is likelier the translation of 15 than "100 million" is); None for a
    fraction in words against a whole number (no translation of it)."""
    if e.word and z.value not in FRACTION_VALUES:
        return None
    zf, ef = float(z.value), float(e.value)
    distance = abs(math.log10(ef / zf)) if zf > 0 and ef > 0 else float(zf != ef) * 99
    return (z.value in FRACTION_VALUES) != (e.value in FRACTION_VALUES), z.unit != e.unit, distance


def _date_agrees(z: DateValue, e: DateValue) -> bool:
    shared = False
    for a, b in ((z.year, e.year), (z.month, e.month), (z.day, e.day)):
        if a is not None and b is not None:
            if a != b:
                return False
            shared = True
    # A Chinese date without a day does not match an English day-only date, and vice versa.
    return shared and (z.day is None) == (e.day is None) if z.month or e.month else shared


def _agree(zy: int | None, zm: int | None, zd: int | None, ey: int | None, em: int | None, ed: int | None) -> bool:
    """:func:`_date_agrees` of two dates given as their fields."""
    shared = False
    for a, b in ((zy, ey), (zm, em), (zd, ed)):
        if a is not None and b is not None:
            if a != b:
                return False
            shared = True
    return shared and (zd is None) == (ed is None) if zm or em else shared


def unmatched_dates(zh: list[tuple], en: list[tuple]) -> int:  # type: ignore[type-arg]
    """How many of the Chinese dates ``zh`` :func:`compare_dates` reports, the dates given lean:
    ``(year, month, day, start, end)``, each list in text order."""
    en_left = list(en)
    wrong = 0
    for z in zh:
        zy, zm, zd = z[0], z[1], z[2]
        for i, e in enumerate(en_left):
            if _agree(zy, zm, zd, e[0], e[1], e[2]):
                del en_left[i]
                break
        else:
            wrong += 1
    return wrong


def compare_dates(zh: list[DateValue], en: list[DateValue]) -> list[DateMismatch]:
    """Dates that do not agree; a Chinese date without a year matches an English one with it.

    >>> compare_dates(extract_dates("6月9日", "zh"), extract_dates("On June 9, 2020", "en"))
    []
    """
    en_left = list(en)
    unmatched = []
    for z in zh:
        hit = next((e for e in en_left if _date_agrees(z, e)), None)
        if hit is None:
            unmatched.append(z)
        else:
            en_left.remove(hit)
    # English dates with no source counterpart are not reported: translations add the year
    # or the release date freely. Only a wrong or dropped source date is.
    return _pair(unmatched, en_left, DateMismatch, lambda e: True, lambda e: False)
