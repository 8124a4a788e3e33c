"""Numbers, amounts, percentages and dates in Chinese and English, normalised for comparison.

Chinese: Arabic and full-width digits, Chinese numerals (一百二十三, 两千, 二〇二〇), the 万/亿/千
multipliers (3.5万 = 35,000; 1000亿 = 100 billion), 百分之十五 and 15%, and the approximations
余/多/超过/逾/近/约. English: digits with thousands separators, million/billion/trillion, percent,
"over"/"more than"/"nearly"/"about", and number words from two to ninety-nine.

Conservative by design (a checker that cries wolf gets switched off):

- Chinese numerals count only before a classifier (7个, 三批, 五家) or inside 百分之…, so 一带一路,
  统一 and 一体化 are not numbers. Digits count everywhere except in dates, ordinals (第3) and
  identifiers glued to letters (G20, 5G).
- English number words ("two", "seven") are used to match a Chinese number but never reported
  on their own: translations add and drop them freely ("the two cities" for 两市). "one" is never
  a number word here ("one of the", "the one").
- Ordinals (1st, first, 第一) are not quantities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from decimal import InvalidOperation

_FW_DIGITS = str.maketrans("０１２３４５６７８９．，％", "0123456789.,%")
_ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_ZH_UNITS = {"十": 10, "百": 100, "千": 1000}
_ZH_BIG = {"万": 10**4, "亿": 10**8}
ZH_NUMERAL = "零〇一二两三四五六七八九十百千万亿"
#: Classifiers after which a Chinese numeral is a quantity.
CLASSIFIERS = "个家项人批次户元名座条所件位场届期项亩吨台辆架艘家户篇部"
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
           r"|[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]*)")
_ZH_QTY = re.compile(
    r"(?P<pre>超过|大约|超|逾|近|约)?"
    r"(?:百分之(?P<pct_zh>[零〇一二两三四五六七八九十百千点.0-9]+)"
    r"|(?P<num>" + _ZH_NUM + r")(?P<post>余|多)?(?P<mult2>[万亿]+)?(?P<pct>%)?)"
)
_ZH_TIME = re.compile(r"[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?|[0-9]{1,2}[时点](?:[0-9]{1,2}分)?(?:[0-9]{1,2}秒)?")
_ISO_DATE = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})[-/.]([01]?[0-9])[-/.]([0-3]?[0-9])(?![0-9])")
_ZH_YEAR = re.compile(r"(?<![0-9.,])(?:19[0-9]{2}|20[0-3][0-9])(?![0-9.,万亿%％年例人个家元名次件项户批座条所余多])")
_ZH_DATE = re.compile(
    r"(?:(?P<y>[0-9]{4}|[〇零一二三四五六七八九]{4})年)?"
    r"(?:(?P<m>[0-9]{1,2}|十[一二]?|[一二三四五六七八九])月)?"
    r"(?:(?P<d>[0-9]{1,2}|三十[一]?|二?十[一二三四五六七八九]?|[一二三四五六七八九])[日号])?"
)
_EN_NUM = re.compile(
    r"(?P<pre>\b(?:over|more than|nearly|about|approximately|around|at least|almost|roughly|under|less than)\s+)?"
    r"(?<![\w.,])(?P<num>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)(?![\w])"
    r"(?:\s*(?P<mult>thousand|million|billion|trillion)\b)?"
    r"(?:\s*(?P<pct>%|percent\b|per cent\b))?",
    re.IGNORECASE,
)
_EN_WORD = re.compile(
    r"(?P<pre>\b(?:over|more than|nearly|about|around|almost)\s+)?"
    r"\b(?P<word>(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen)\b(?:\s+(?P<mult>thousand|million|billion|trillion)\b)?(?:\s+(?P<pct>percent)\b)?",
    re.IGNORECASE,
)
_MONTH_RE = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
             r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
_EN_DATE = re.compile(
    r"\b(?P<iso>(?P<iy>(?:19|20)[0-9]{2})-(?P<im>[01]?[0-9])-(?P<id>[0-3]?[0-9]))\b"
    r"|\b(?P<m1>" + _MONTH_RE + r")\s+(?P<d1>[0-3]?[0-9])(?:st|nd|rd|th)?\b(?:,?\s+(?P<y1>(?:19|20)[0-9]{2})\b)?"
    r"|\b(?P<d2>[0-3]?[0-9])\s+(?P<m2>" + _MONTH_RE + r")(?:,?\s+(?P<y2>(?:19|20)[0-9]{2})\b)?"
    r"|\b(?P<m3>" + _MONTH_RE + r")\s+(?P<y3>(?:19|20)[0-9]{2})\b"
    r"|\bthe\s+(?P<d5>[0-3]?[0-9])(?:st|nd|rd|th)\b"
    r"|\b(?P<m6>January|February|March|April|June|July|August|September|October|November|December)\b"
    r"|\b(?:in|late|early|mid|since|from|until|by|of|end of|beginning of)[\s-]+(?P<m7>May)\b"
    r"|(?<![\w,.])(?P<y4>(?:19|20)[0-9]{2})(?![\w%]|[,.][0-9]|\s*(?:percent|thousand|million|billion))"
)
_EN_TIME = re.compile(r"\b[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?:\s*[ap]\.?m\.?)?|\b[0-9]{1,2}\s*[ap]\.m\.",
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
            section += digit
            total = (total + section) * _ZH_BIG[c] if _ZH_BIG[c] > 10**4 else total + section * _ZH_BIG[c]
            section = digit = 0
    return total + section + digit


def _zh_value(num: str) -> Decimal | None:
    """``3.5万`` → 35000, ``1000亿`` → 100000000000, ``两千`` → 2000."""
    m = re.fullmatch(r"([0-9][0-9,]*(?:\.[0-9]+)?)([万亿]*)", num)
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


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for s, e in spans:
        for i in range(s, e):
            chars[i] = " "
    return "".join(chars)


def extract_quantities(text: str, lang: str) -> list[Quantity]:
    """Every quantity in ``text`` (dates excluded), in order."""
    folded = text.translate(_FW_DIGITS)
    times = _ZH_TIME if lang == "zh" else _EN_TIME
    spans = [(d.start, d.end) for d in extract_dates(text, lang)] + [m.span() for m in times.finditer(folded)]
    masked = _mask(folded, spans)
    return _zh_quantities(masked, text) if lang == "zh" else _en_quantities(masked, text)


def _zh_quantities(masked: str, text: str) -> list[Quantity]:
    out = []
    for m in _ZH_QTY.finditer(masked):
        if not m.group(0).strip() or (m.group("num") is None and m.group("pct_zh") is None):
            continue
        start, end = m.start(), m.end()
        before = masked[start - 1] if start else ""
        if before == "第" or (before.isascii() and before.isalpha()):
            continue
        after = masked[end] if end < len(masked) else ""
        if after == "." or (after == "后" and not m.group("post")) or masked.startswith(("世纪", "年代"), end):
            continue  # an address (www.12377.cn), a generation (90后), a century or decade (18世纪, 80年代)
        if before in {"-", "－"}:
            continue  # a model name (卡-52)
        if m.group("pct_zh") is not None:
            raw = m.group("pct_zh").replace("点", ".")
            value = _zh_value(raw) if re.fullmatch(r"[0-9.]+", raw) is None else Decimal(raw)
            unit = "percent"
        else:
            num = m.group("num")
            if not any(ch.isdigit() for ch in num):
                # A bare Chinese numeral is a number only before a classifier; 一 and 两 there are
                # mostly "a" and "both/the couple" in English (一名志愿者, 两人), not numbers.
                if not (after and after in CLASSIFIERS) or num in ("一", "两", "二", "零", "〇"):
                    continue
            elif after.isascii() and after.isalpha():
                continue
            value = _zh_value(num)
            if value is not None and m.group("mult2"):
                for c in m.group("mult2"):
                    value *= {"万": 10**4, "亿": 10**8}[c]
            unit = "percent" if m.group("pct") else ""
        if value is None:
            continue
        approx = _APPROX_ZH_PRE.get(m.group("pre") or "", "") or _APPROX_ZH_POST.get(m.group("post") or "", "")
        if not approx and masked.startswith(("以上", "左右"), end):
            approx = _APPROX_ZH_POST[masked[end:end + 2]]
        out.append(Quantity(value, unit, approx, start, end, text[start:end]))
    return out


def _en_quantities(masked: str, text: str) -> list[Quantity]:
    out = []
    for m in _EN_NUM.finditer(masked):
        end = m.end()
        if re.match(r"(?:st|nd|rd|th)\b|\.[A-Za-z]", masked[m.end("num"):]):
            continue  # ordinals, and numbers in addresses (www.12377.cn)
        if re.search(r"[A-Za-z]-$", masked[max(0, m.start("num") - 2):m.start("num")]):
            continue  # names with numbers: COVID-19, Su-27
        value = Decimal(m.group("num").replace(",", ""))
        if m.group("mult"):
            value *= _EN_MULT[m.group("mult").lower()]
        approx = _APPROX_EN.get((m.group("pre") or "").strip().lower(), "")
        unit = "percent" if m.group("pct") else ""
        start = m.start("pre") if m.group("pre") else m.start("num")
        out.append(Quantity(value, unit, approx, start, end, text[start:end]))
    for m in _EN_WORD.finditer(masked):
        words = m.group("word").lower().split("-")
        value = Decimal(sum(_EN_WORDS.get(w, 0) if w in _EN_WORDS else
                            {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                             "eight": 8, "nine": 9}[w] for w in words))
        if m.group("mult"):
            value *= _EN_MULT[m.group("mult").lower()]
        start = m.start("pre") if m.group("pre") else m.start("word")
        out.append(Quantity(value, "percent" if m.group("pct") else "",
                            _APPROX_EN.get((m.group("pre") or "").strip().lower(), ""), start, m.end(),
                            text[start:m.end()], word=True))
    return sorted(out, key=lambda q: q.start)


def _int_zh(value: str | None) -> int | None:
    if not value:
        return None
    if value.isdigit():
        return int(value)
    return zh_numeral(value)


def extract_dates(text: str, lang: str) -> list[DateValue]:
    """Every date in ``text``, in order (partial dates allowed)."""
    out = []
    if lang == "zh":
        folded = text.translate(_FW_DIGITS)
        for m in _ISO_DATE.finditer(folded):
            out.append(DateValue(int(m.group(1)), int(m.group(2)), int(m.group(3)), m.start(), m.end(), m.group()))
        for m in _ZH_YEAR.finditer(folded):
            # A bare year (2019-2020赛季, 2020上半年) is a date, not a quantity.
            if not any(d.start <= m.start() < d.end for d in out):
                out.append(DateValue(int(m.group()), None, None, m.start(), m.end(), m.group()))
        taken = [(d.start, d.end) for d in out]
        for m in _ZH_DATE.finditer(folded):
            if any(s <= m.start() < e for s, e in taken):
                continue
            y, mo, d = m.group("y"), m.group("m"), m.group("d")
            if not m.group(0) or not (mo or d or y):
                continue
            if d and not mo and (y or not re.fullmatch(r"[0-9]{1,2}[日号]", m.group(0))):
                continue
            start = m.start("m") if not y and mo and m.start("m") >= 0 else m.start()
            out.append(DateValue(_int_zh(y), _int_zh(mo), _int_zh(d), start, m.end(), text[start:m.end()]))
        return sorted(out, key=lambda d: d.start)
    for m in _EN_DATE.finditer(text):
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
        out.append(DateValue(y, mo, d, m.start(), m.end(), m.group(0)))
    return out


def _pair(unmatched_zh: list, unmatched_en: list, make, can_pair, report_left) -> list:  # type: ignore[no-untyped-def]
    """Pair leftovers in order: a wrong value is one mismatch, not a missing plus an added one."""
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
    en_left = list(en)
    unmatched = []
    for z in zh:
        hit = next((e for e in en_left if e.value == z.value and e.unit == z.unit), None)
        if hit is None and z.unit == "":
            hit = next((e for e in en_left if e.value == z.value), None)
        if hit is None:
            unmatched.append(z)
        else:
            en_left.remove(hit)
    # English numbers with no source counterpart are not reported: translators add them freely
    # (COVID-19, "Part 2"); a wrong or dropped source number is what matters.
    return _pair(unmatched, en_left, Mismatch, lambda e: not e.word, lambda e: False)


def _date_agrees(z: DateValue, e: DateValue) -> bool:
    shared = False
    for a, b in ((z.year, e.year), (z.month, e.month), (z.day, e.day)):
        if a is not None and b is not None:
            if a != b:
                return False
            shared = True
    # A Chinese date without a day does not match an English day-only date, and vice versa.
    return shared and (z.day is None) == (e.day is None) if z.month or e.month else shared


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
