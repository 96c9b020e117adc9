"""Quantities: a number with a measure word or unit (RECORDS.md §3 quantity).

`学位1080个` -> 1080 个; `1.7万人` -> 17000 人; `49个9964户` -> 49 个 and 9964 户;
`不低于500平方米` -> 500 平方米 at_least; `10个工作日内` -> 10 个工作日 at_most;
`凉州区10000人、民勤县2300人` -> two records with region; `民勤县、天祝县各3个` -> one per county.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from functools import cache
from typing import NamedTuple

import regex

from minshi_extract.models import Quantity
from minshi_extract.rules.context import Context
from minshi_extract.rules.lexicon import load_yaml
from minshi_extract.rules.numbers import ARABIC, CHINESE, NUMBER, TIMEOUT, parse_number, to_number
from minshi_extract.rules.regions import (
    LEXICON,
    clause_region,
    count_share_regions,
    exclusions,
    period_bounds,
    regions_before,
    respective_regions,
    sentence_bounds,
)


@cache
def units() -> tuple[str, ...]:
    """lexicon/units.txt, longest first (个工作日 before 个, 平方米 before 米)."""
    lines = (LEXICON / "units.txt").read_text(encoding="utf-8").splitlines()
    words = {w.strip() for w in lines if w.strip() and not w.startswith("#")}
    return tuple(sorted(words, key=len, reverse=True))


@cache
def qualifier_lexicon() -> dict:
    """lexicon/qualifiers.yaml, loaded once."""
    return load_yaml("qualifiers.yaml")


def _alternation(words: list[str] | tuple[str, ...]) -> str:
    return "(?:" + "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w))) + ")"


def _qualifier_words(place: str) -> list[str]:
    return [w for ws in qualifier_lexicon()[place].values() for w in ws]


@cache
def _qualifier_kinds(place: str) -> dict[str, str]:
    """The kind of each qualifier word of `place` (the first kind listing it)."""
    out: dict[str, str] = {}
    for kind, words in qualifier_lexicon()[place].items():
        for w in words:
            out.setdefault(w, kind)
    return out


def qualifier_of(word: str | None, place: str) -> str | None:
    """`以上` (suffix) -> at_least; `约` (prefix) -> about; None for no word."""
    return _qualifier_kinds(place).get(word) if word else None


PREFIX = _alternation(_qualifier_words("prefix"))
INFIX = _alternation(_qualifier_words("infix"))
SUFFIX = _alternation(_qualifier_words("suffix"))
# 萬人(ren): a pinyin gloss in brackets must not break a figure
GLOSS = r"(?:\([a-z]+\))?"
# the number part shared with money: an optional qualifier before, an optional 余/多 after
# 近万名 -> 10000 名 about: a bare scale word counts after an approximating prefix
FIGURE = (
    rf"(?:(?P<pre>{PREFIX})?(?P<num>{NUMBER})|(?P<pre>近|约|逾)(?P<num>[万萬千百]))"
    rf"{GLOSS} ?(?P<inf>{INFIX})?"
)
_LEFT = r"(?<![\d.A-Za-z+])(?<!\d,)(?<!\d )"

# 1080个 / 不低于500平方米 / 1.8万余人 / 10个工作日内 / 60周岁以上
QUANTITY_RE = regex.compile(
    rf"{_LEFT}{FIGURE} ?(?P<unit>{_alternation(units())}){GLOSS}(?P<post>{SUFFIX})?"
)


@cache
def people_nouns() -> tuple[str, ...]:
    """lexicon/people_nouns.txt, longest first."""
    lines = (LEXICON / "people_nouns.txt").read_text(encoding="utf-8").splitlines()
    return tuple(sorted({w.strip() for w in lines if w.strip() and not w.startswith("#")}, key=len, reverse=True))


# 13.3万常住人口 / 1600万城乡老年居民 -> 人: a count of people without a measure word takes 人;
# the figure carries 万/亿 (a bare `2025年城乡居民` is a year), up to 4 modifiers stand between
POPULATION_RE = regex.compile(
    rf"{_LEFT}(?P<pre>{PREFIX})?(?P<num>{ARABIC} ?[万萬亿億]|{CHINESE}[万萬亿億])"
    rf"(?P<what>\p{{Han}}{{0,4}}?)(?:{_alternation(people_nouns())})"
)
# “七有”, ‘5’, "1+N": figures inside short quotes are names or slogans
_QUOTED_RE = regex.compile(r"“[^”\n]{0,20}”|‘[^’\n]{0,20}’|\"[^\"\n]{0,20}\"")
_CHINESE_ONLY = regex.compile(rf"{CHINESE}")
_YEAR_LIKE = range(1900, 2101)


class Figure(NamedTuple):
    """One figure found in a text, before it becomes a record."""

    start: int  # first char of the evidence (a prefix qualifier included)
    num_start: int
    end: int  # after unit and suffix qualifier
    value: Decimal
    unit: str
    qualifier: str | None
    chinese: bool


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans of short quotations (“七有”, “1+N”) whose figures are names, not counts."""
    if "“" not in text and "‘" not in text and '"' not in text:
        return []  # no quotation opens here
    return [m.span() for m in _QUOTED_RE.finditer(text)]


def inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def figure_qualifier(m: regex.Match) -> str | None:
    """The qualifier of a match with groups pre/inf/post: 不低于 / 余 / 以上."""
    names = m.re.groupindex  # (m.groupdict() costs ~10x more than the three groups)
    return (
        qualifier_of(m.group("pre") if "pre" in names else None, "prefix")
        or qualifier_of(m.group("inf") if "inf" in names else None, "infix")
        or qualifier_of(m.group("post") if "post" in names else None, "suffix")
    )


@cache
def _words_tuple(key: str) -> tuple[str, ...]:
    """A word list of lexicon/exclusions.yaml as a tuple (str.startswith tests all of it at once)."""
    return tuple(exclusions().get(key, []))


def _after_unit_is_word(text: str, end: int) -> bool:
    """九年制, 二年级, 2017年版, 一次性: the measure word is part of a longer word."""
    return text.startswith(_words_tuple("after_unit"), end)


class Found(NamedTuple):
    """The groups of one QUANTITY_RE match, offsets relative to the text the rule reads."""

    start: int
    num_start: int
    num_end: int
    unit_end: int
    end: int
    num: str
    unit: str
    pre: str | None
    inf: str | None
    post: str | None

    @classmethod
    def of(cls, m: regex.Match, shift: int = 0) -> Found:
        """The groups of `m`, its offsets minus `shift` (a match over the whole text, read in a line)."""
        start, end = m.span()
        num_start, num_end = m.span("num")
        num, unit, pre, inf, post = m.group("num", "unit", "pre", "inf", "post")
        return cls(start - shift, num_start - shift, num_end - shift, m.end("unit") - shift, end - shift,
                   num, unit, pre, inf, post)

    def qualifier(self) -> str | None:
        """不低于 / 余 / 以上, as figure_qualifier reads a match."""
        return (qualifier_of(self.pre, "prefix") or qualifier_of(self.inf, "infix")
                or qualifier_of(self.post, "suffix"))


def _is_year_or_date(unit: str, pre: str | None, post: str | None, value: Decimal) -> bool:
    if unit == "年":
        # 2025年 / 二〇二五年 is a year, 3年 is a duration
        return value == value.to_integral_value() and int(value) in _YEAR_LIKE
    if unit == "月":
        # 3月15日, 11月底 are dates; only 1月内 / 满6月 count (下发后1月内 -> 1 月 at_most)
        return not (post in ("内", "以内") or pre in ("满", "近"))
    return False


def never_counts(m: regex.Match) -> bool:
    """True for a QUANTITY_RE match that gives no figure whatever stands around it: a year or a
    date (`2025年`, `3月15日`: most matches of a notice), so the candidates pass drops it."""
    unit = m.group("unit")
    if unit != "年" and unit != "月":
        return False
    value = parse_number(m.group("num"))
    return value is None or _is_year_or_date(unit, m.group("pre"), m.group("post"), value)


def _chinese_numeral_ok(text: str, f: Found) -> bool:
    """一名工作人员 counts; 一户一档, 入一户、装一户, 二次核查, 统一户籍 do not."""
    num_start, end = f.num_start, f.end
    ex = exclusions()
    if f.unit in ex.get("chinese_numeral_units", []):
        return False
    before = text[num_start - 1] if num_start > 0 else ""
    if before and before in ex.get("before_chinese_numeral", ""):
        return False  # 统一户, 唯一, 之一: the numeral belongs to the preceding word
    if num_start > 1 and text[num_start - 2] == "不":
        return False  # 不漏一户、不错一人: a 不V一X idiom
    if text.startswith(_words_tuple("after_chinese_numeral_unit"), end):
        return False  # 一户一档, 一户多残, 一人一策
    if len(f.num) > 1 and not any(c in "十百千万亿" for c in f.num):
        return False  # 七一路, 五一广场: digits in words without their places are a name, not a number
    if f.unit in ex.get("place_units", []) and text.startswith(_words_tuple("place_words"), end):
        return False  # 五台县, 七一路片区: a place's name
    if regions_before(text, num_start) is not None:
        return True  # 柯城区两所、衢江区两所: regional shares may repeat a figure
    phrase = f.num + f.unit
    nearby = text[max(0, num_start - 8):num_start] + text[end:end + 8]
    return phrase not in nearby  # 入一户、装一户: a repeated phrase is a slogan


# 2.2025年春季学期: a heading marker `2.` glued to a year at the start of a line
_MARKER_THEN_NUMBER = regex.compile(r"\d{1,2}\.\d{3,}")
# 附件:1.2023年农村幼儿园... / `    2.2023年...`: a list marker glued to a year after a colon or an
# indent; no count is written `1.2023年` (four decimal places, year-like, before 年)
_MARKER_THEN_YEAR = regex.compile(r"\d{1,2}\.(?:19|20)\d{2}(?=\s*年)")
_MARKER_AFTER = ":;。"  # 附件:1. / ...;2.


def heading_marker_glued(text: str, num_start: int) -> bool:
    """True for `1.2026年...` at a line start, or `附件:1.2023年...` after a colon or an indent,
    which is the marker `1.` then a figure."""
    k = num_start - 1  # the last character before it on its line that is not a blank
    while k >= 0 and text[k] in " \t":
        k -= 1
    if k >= 0 and text[k] != "\n" and text[k] not in _MARKER_AFTER:
        return False  # the figure follows words on its line, not a colon, ; or 。
    if _MARKER_THEN_YEAR.match(text, num_start):
        return True
    at_line_start = num_start == 0 or text[num_start - 1] == "\n"
    return at_line_start and _MARKER_THEN_NUMBER.match(text, num_start) is not None


def _excluded(text: str, f: Found, value: Decimal, quotes: list[tuple[int, int]], chinese: bool) -> bool:
    num_start = f.num_start
    if heading_marker_glued(text, num_start):
        return True
    ordinal = num_start > 0 and text[num_start - 1] in "第首"
    duration = f.unit in exclusions().get("durations_after_first", [])
    if ordinal and not (text[num_start - 1] == "首" and duration):
        return True  # 第2剂次: an ordinal (首30分钟 is a duration)
    if quotes and inside(num_start, quotes):
        return True  # “七有”
    if text.startswith("+", f.num_end) or text.startswith("+", f.end):
        return True  # 1+N, 10+‘5’+N
    if _after_unit_is_word(text, f.unit_end):
        return True
    if _is_year_or_date(f.unit, f.pre, f.post, value):
        return True
    if duration and _time_spoken_of(text, f):
        return True
    return chinese and not _chinese_numeral_ok(text, f)


def _time_spoken_of(text: str, f: Found) -> bool:
    """过去一年, 未来五年, 一年来: a duration the text looks back or ahead over (lexicon exclusions)."""
    before = text[max(0, f.num_start - 2):f.num_start]
    return (before.endswith(_words_tuple("time_before_duration"))
            or text.startswith(_words_tuple("time_after_duration"), f.end))


# 35—64岁: the bare first number of a range, right before its dash
_RANGE_FIRST_RE = regex.compile(r"(?<![\d.:：/-])(?P<num>\d+(?:\.\d+)?) ?[—–~～\-至到] ?$")


def _range_firsts(text: str, figures: list[Figure]) -> list[Figure]:
    """`35—64岁` -> the 35 of the range, with the unit of 64岁 (lexicon range_units)."""
    out: list[Figure] = []
    for f in figures:
        if f.unit not in qualifier_lexicon().get("range_units", []) or f.chinese or f.start != f.num_start:
            continue
        m = _RANGE_FIRST_RE.search(text, max(0, f.num_start - 14), f.num_start)
        value = parse_number(m.group("num")) if m else None
        if value is not None:
            out.append(Figure(m.start("num"), m.start("num"), f.end, value, f.unit, None, False))  # evidence 35—64岁
    return out


def _has_scale(text: str) -> bool:
    """A count of people without a measure word carries 万 or 亿 (POPULATION_RE)."""
    return "万" in text or "亿" in text or "萬" in text or "億" in text


def find_figures(text: str, found: Sequence[Found] | None = None) -> list[Figure]:
    """Every quantity-like figure of `text` that passes the exclusions, left to right. `found`:
    the QUANTITY_RE matches of `text` when the caller has them (from one scan of the whole notice)."""
    quotes = quoted_spans(text)
    out: list[Figure] = []
    if found is None:
        found = [Found.of(m) for m in QUANTITY_RE.finditer(text, overlapped=False, timeout=TIMEOUT)]
    for f in found:
        value = parse_number(f.num)
        if value is None:
            continue
        chinese = _CHINESE_ONLY.fullmatch(f.num) is not None  # a numeral without a digit
        if _excluded(text, f, value, quotes, chinese):
            continue
        out.append(Figure(f.start, f.num_start, f.end, value, f.unit, f.qualifier(), chinese))
    out += _range_firsts(text, out)
    taken = [(f.start, f.end) for f in out]
    people = POPULATION_RE.finditer(text, timeout=TIMEOUT) if _has_scale(text) else ()
    for m in people:
        value = parse_number(m.group("num"))
        if value is None or inside(m.start("num"), quotes) or inside(m.start("num"), taken):
            continue
        out.append(
            Figure(m.start(), m.start("num"), m.end(), value, "人",
                   qualifier_of(m.group("pre"), "prefix"), False)
        )
    return sorted(out, key=lambda f: f.start)


def share_regions(
    text: str, starts: list[int], start: int, memo: dict | None = None
) -> tuple[tuple[str, ...], int] | None:
    """Regions of a regional share ending at `start`, when its sentence splits figures
    among two or more regions; else None (`凉州区5万户` alone has region null). `memo`: the
    regions_before answers of `text` by offset and the regions of its sentences by (start, end),
    shared by the calls on one text."""
    if memo is None:
        memo = {}
    share = memo[start] if start in memo else memo.setdefault(start, regions_before(text, start))
    if share is None:
        return None
    lo, hi = sentence_bounds(text, start)
    if share.start < lo:
        return None
    key = (lo, hi)  # one count a sentence, kept for its other figures (counted for each: quadratic)
    if key not in memo:
        memo[key] = count_share_regions(text, starts, lo, hi, memo)
    if memo[key] < 2 and not _split_over_semicolons(text, starts, start, memo):
        return None
    return share.names, share.start


def _split_over_semicolons(text: str, starts: list[int], start: int, memo: dict) -> bool:
    """海城区1所,…;银海区2所,…: the regions of a sentence's `;` parts split its figures together."""
    lo, hi = period_bounds(text, start)
    key = ("period", lo, hi)
    if key not in memo:
        memo[key] = count_share_regions(text, starts, lo, hi, memo) if text.find(";", lo, hi) != -1 else 0
    return memo[key] >= 2


def _record(
    text: str, base: int, ctx: Context, f: Figure, s: int, region: str | None, item: str | None = None
) -> Quantity:
    return Quantity(
        programme_id=ctx.programme_id, part=ctx.part, section=ctx.section,
        text=text[s:f.end], span=(base + s, base + f.end),
        value=to_number(f.value), unit=f.unit, item=item,
        qualifier=f.qualifier, region=region,
    )


def find_quantities(text: str, base: int, ctx: Context, found: Sequence[Found] | None = None) -> list[Quantity]:
    """Quantity records of one line/paragraph `text` that starts at offset `base` (`found`: its
    QUANTITY_RE matches, when the caller scanned the whole notice)."""
    figures = find_figures(text, found)
    starts = [f.start for f in figures]
    out: list[Quantity] = []
    # a share counts what its total counts: 18个乡镇综合养老服务中心(其中:凉州区8个...) -> 8个 of the same item
    total_item: dict[str, str | None] = {}
    prev: Figure | None = None
    prev_regions: tuple[str | None, ...] = (None,)
    memo: dict = {}
    respective = respective_regions(text, starts) if "分别" in text else {}
    for f in figures:
        if f.start in respective:  # 肃州区、玉门市分别为|720个、400个
            rec = _record(text, base, ctx, f, f.start, respective[f.start], total_item.get(f.unit))
            out.append(rec)
            prev, prev_regions = f, (rec.region,)
            continue
        share = share_regions(text, starts, f.start, memo)
        if share is None and prev is not None and f.start == prev.end and prev_regions != (None,):
            # 利州区58个4320户 / 宛城区3所3150个: a figure glued to a share is the same region's
            share = prev_regions, f.start
        if share is None:
            region = clause_region(text, f.start, starts)
            rec = _record(text, base, ctx, f, f.start, region)
            total_item[f.unit] = rec.item
            out.append(rec)
            prev, prev_regions = f, (region,)
            continue
        names, s = share
        for name in names:  # 民勤县、天祝县各3个 -> one record per county, one shared span
            out.append(_record(text, base, ctx, f, s, name, total_item.get(f.unit)))
        prev, prev_regions = f, tuple(names)
    return out
