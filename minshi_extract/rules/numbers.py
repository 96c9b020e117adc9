"""The one number reader of the project.

Reads Arabic figures (`1,080`, `51637.29`, PDF-spaced `1 0 0 0`), Chinese numerals
(`一千零八十`, `两万`, `三千`, `百分之二十`) and the scale words 万/亿 (also 萬/億), with
exact Decimal arithmetic: `1.7万` -> 17000, `0.12亿` -> 12000000, `51637.29万` -> 516372900.

Other rules build on the exported pattern fragments (`NUMBER`, `ARABIC`, `CHINESE`) and on
`find_numbers`, which returns every number in a text with its offsets.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

import regex

TIMEOUT = 1.0  # seconds; every pattern run on user text gets it

# Chinese digits, formal (大写) and traditional forms included: 两万, 壹仟, 萬
_CN_DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "○": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "貳": 2, "两": 2, "兩": 2,
    "三": 3, "叁": 3, "參": 3, "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "陸": 6,
    "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
}
_CN_SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_CN_BIG_UNITS: dict[str, int] = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
SCALE: dict[str, int] = _CN_BIG_UNITS

_DIGIT_CLASS = "零〇○一壹二贰貳两兩三叁參四肆五伍六陆陸七柒八捌九玖"
_CN_CLASS = _DIGIT_CLASS + "十拾百佰千仟万萬亿億"

# 1,080 / 51637.29 / 1 0 0 0 (PDF spacing: three or more single digits, each after one blank)
ARABIC = r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d(?: \d){2,}(?!\d)|\d+)(?:\.\d+)?"
# a Chinese numeral starts with a digit or 十 (十五个); bare 百/千/万 are words (`万名...行动`);
# a decimal point 点 is followed by digits and maybe a scale word: 三点五万, 六点五
# (at most 20 characters each: a 7,000-character run of numerals must not cost a scan per start)
CHINESE = rf"(?:[{_DIGIT_CLASS}十拾][{_CN_CLASS}]{{0,20}}(?:点[{_DIGIT_CLASS}]{{1,20}}[万萬亿億]{{0,2}})?)"
# an Arabic figure may carry a scale word: 1.7万, 4.68亿, 1 000万; PDF spacing before 万 too
_SCALED_ARABIC = rf"(?:{ARABIC})(?: ?[万萬亿億])?"
NUMBER = rf"(?:{_SCALED_ARABIC}|{CHINESE})"
# 百分之二十, 百分之6.5
PERCENT_WORDS = rf"百分之(?:{ARABIC}|{CHINESE})"

_CHINESE_FULL = regex.compile(rf"[{_CN_CLASS}点]+")
_NUMBER_RE = regex.compile(rf"(?<![\d.])(?<!\d,)(?<!\d )(?:{PERCENT_WORDS}|{NUMBER})")
_ARABIC_FULL = regex.compile(rf"({ARABIC}) ?([万萬亿億]*)")


@dataclass(frozen=True)
class NumberMatch:
    """One number found in a text: its offsets, its value, how it was written."""

    start: int
    end: int
    text: str
    value: Decimal
    chinese: bool  # written with Chinese numerals (一千零八十), not Arabic digits


def to_number(d: Decimal) -> int | float:
    """int when integral (`17000`), else float (`15.75`)."""
    if d == d.to_integral_value():
        return int(d)
    return float(d)


def _digit_string(s: str) -> Decimal:
    return Decimal("".join(str(_CN_DIGITS[c]) for c in s))


def _parse_decimal(s: str) -> Decimal | None:
    """三点五万 -> 35000, 六点五 -> 6.5, 零点三 -> 0.3: integer part, 点, digits, scale words."""
    whole, _, rest = s.partition("点")
    frac = rest.rstrip("万萬亿億")
    if not frac or not all(c in _CN_DIGITS for c in frac):
        return None
    value = _parse_chinese(whole) if whole else Decimal(0)
    if value is None:
        return None
    value += Decimal("0." + "".join(str(_CN_DIGITS[c]) for c in frac))
    for c in rest[len(frac):]:
        value *= _CN_BIG_UNITS[c]
    return value


def _parse_chinese(s: str) -> Decimal | None:
    """一千零八十 -> 1080, 两万 -> 20000, 十五 -> 15, 三千 -> 3000, 一二 -> 12 (digit string),
    一万五 -> 15000 and 两千五 -> 2500 (a last digit right after a unit counts that unit's tenths)."""
    if not s:
        return None
    if "点" in s:
        return _parse_decimal(s)
    if all(c in _CN_DIGITS for c in s) and len(s) > 1:
        # 二〇二五 -> 2025: a digit-by-digit numeral
        return _digit_string(s)
    total = 0  # finished 亿/万 groups
    section = 0  # the group under the current big unit
    digit: int | None = None
    last_unit = 0  # the unit just before the current digit; 0 after 零 or at the start
    small = 0  # the last small unit of this group: they must fall (一千二百, never 一百二千)
    big = 0  # the last big unit
    for c in s:
        if c in _CN_DIGITS:
            if digit is not None:
                return None  # 三五 inside a numeral with units: not one number
            digit = _CN_DIGITS[c] or None
            if digit is None:
                last_unit = 0  # 一万零五: the 五 is units, not thousands
        elif c in _CN_SMALL_UNITS:
            unit = _CN_SMALL_UNITS[c]
            if (small and unit >= small) or (digit is None and (unit != 10 or section)):
                return None  # 一百二百, 百 without a digit
            section += (digit or 1) * unit
            digit, last_unit, small = None, unit, unit
        elif c in _CN_BIG_UNITS:
            unit = _CN_BIG_UNITS[c]
            group = section + (digit or 0)
            if unit == big or (group == 0 and len(s) > 1 and not 0 < big < unit):
                return None  # 万万, 亿千一, 一亿万; a lone 万 is 10000; 一万亿 is 10**12
            if unit > 10**4:
                total = (total + (group or int(not total))) * unit
            else:
                total += (group or 1) * unit
            section, digit, last_unit, small, big = 0, None, unit, 0, unit
        else:
            return None
    tail = digit or 0
    if tail and last_unit >= 100:
        tail *= last_unit // 10  # 一万五 = 一万五千, 两千五 = 两千五百, 三百五 = 三百五十
    return Decimal(total + section + tail)


# a figure at or past 10^18 is not a count or an amount (a 310-digit run, an id): not a number
MAX_FIGURE = Decimal(10) ** 18


def parse_number(s: str) -> Decimal | None:
    if len(s) <= 24:  # the same short figures (2025, 12, 一) come again and again: remembered
        return _parse_short(s)
    value = _parse_number(s)
    return None if value is None or abs(value) >= MAX_FIGURE else value


@lru_cache(maxsize=4096)
def _parse_short(s: str) -> Decimal | None:
    value = _parse_number(s)
    return None if value is None or abs(value) >= MAX_FIGURE else value


def _parse_number(s: str) -> Decimal | None:
    """Value of one written number, or None.

    `1.7万` -> 17000, `4.68亿` -> 468000000, `1,080` -> 1080, `1 0 0 0` -> 1000,
    `一千零八十` -> 1080, `两万` -> 20000, `百分之二十` -> 20, `1.8万余` is not a number (None).
    """
    s = s.strip()
    if not s:
        return None
    if s.startswith("百分之"):
        return _parse_number(s[3:])
    m = _ARABIC_FULL.fullmatch(s)
    if m:
        try:
            value = Decimal(m.group(1).replace(",", "").replace(" ", ""))
        except InvalidOperation:
            return None
        for c in m.group(2):
            value *= _CN_BIG_UNITS[c]
        return value
    if _CHINESE_FULL.fullmatch(s):
        return _parse_chinese(s)
    return None


def find_numbers(text: str) -> list[NumberMatch]:
    """Every number in `text`, left to right, with absolute-in-`text` offsets."""
    if len(text) <= 64:  # a record's evidence, read several times by the meaning pass
        return list(_numbers_of_short(text))
    return _find_numbers(text)


@lru_cache(maxsize=4096)
def _numbers_of_short(text: str) -> tuple[NumberMatch, ...]:
    return tuple(_find_numbers(text))


def _find_numbers(text: str) -> list[NumberMatch]:
    out: list[NumberMatch] = []
    for m in _NUMBER_RE.finditer(text):
        raw = m.group()
        value = parse_number(raw)
        if value is None:
            continue
        chinese = not any(c.isdigit() for c in raw)
        out.append(NumberMatch(m.start(), m.end(), raw, value, chinese))
    return out
