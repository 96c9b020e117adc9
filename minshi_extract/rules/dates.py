"""The one date resolver: written dates -> ISO partial dates (`2025`, `2025-11`, `2025-11-30`).

A written date is read into a `DateWindow` (first and last ISO date it covers):
`11月底` -> 2025-11..2025-11, `上半年` -> 2025-01..2025-06, `第三季度` -> 2025-07..2025-09,
`三季度末` -> 2025-09..2025-09, `年底` -> 2025-12, `全年` -> 2025-01..2025-12,
`(2025年4月16日—2026年6月)` -> 2025-04-16..2026-06, `11月—次年2月` -> 2025-11..2026-02,
`2024.01-2024.12` -> 2024-01..2024-12, `2022-2026年` -> 2022..2026.
A date without a year takes the notice year (Context.year); a range end whose month comes
before its start's month is in the next year.

Other rules call `find_dates` (every date or range in a text, with offsets) and `resolve`
(one written date, e.g. a table cell).
"""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

import regex

from minshi_extract.rules.lexicon import load_yaml
from minshi_extract.rules.numbers import parse_number

LEXICON = Path(__file__).resolve().parent.parent / "lexicon"


@cache
def date_words() -> dict:
    """lexicon/dates.yaml, loaded once."""
    return load_yaml("dates.yaml")


# --- patterns ------------------------------------------------------------------------------------

_CN_YEAR = "[〇○零一二三四五六七八九]{4}"  # 二〇二五年
_CN_MONTH = "(?:十[一二]?|[一二三四五六七八九])"  # 十二月
_CN_DAY = "(?:[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"  # 三十一日
_REL_YEAR = "次年|翌年|明年|下一年|第二年|当年|今年|本年|去年|上年|前年"
_MOD = "中下旬|上中旬|上旬|中旬|下旬|底|末|初"
# a bare 年 that is not a count or a recurrence: 3年内 / 三年内 / 每年底 / 去年底 / 近年初
_NOT_COUNT = r"(?<![\d一二三四五六七八九十两几多数每半近去上前往历])"
# a Chinese month is not part of a word: 统一月报, 逐月, 一个月 (个 already stops it)
_CN_MONTH_OK = r"(?<![\u4e00-\u9fff])|(?<=[年于在至到从自—~\-])"
# dashes and words joining two ends of a range: 1—2月, 2024.01-2024.12, 1~3月, 5月至8月
_DASH = r"\s*(?:—{1,2}|-|~|至)\s*"


def _point(p: str) -> str:
    """Pattern of one date point; group names carry the prefix `p` so two points can share a range."""
    year = rf"(?:(?P<{p}y>(?:19|20)\d{{2}}|{_CN_YEAR})\s*年(?!度)|(?P<{p}ry>{_REL_YEAR}))"
    return (
        "(?:"
        # 2024.01 / 2024-01-15 / 2024/1 (tables, 建设起止年限)
        rf"(?P<{p}ny>(?:19|20)\d{{2}})[./\-](?P<{p}nm>\d{{1,2}})(?:[./\-](?P<{p}nd>\d{{1,2}}))?(?![\d.])"
        # 2025年11月底 / 3月15日 / 十二月 / 9月份 / 2024 年 3 月 (PDF spacing)
        rf"|(?:{year}\s*)?(?P<{p}m>\d{{1,2}}|(?:{_CN_MONTH_OK}){_CN_MONTH})\s*月(?:份)?"
        rf"(?:\s*(?P<{p}d>\d{{1,2}}|{_CN_DAY})\s*[日号])?(?:\s*(?P<{p}mod>{_MOD}))?"
        # 2025年上半年 / 下半年 / 全年
        rf"|(?:{year}\s*)?(?P<{p}half>上半年|下半年|全年)"
        # 2025年第三季度 / 三季度末
        rf"|(?:{year}\s*)?第?(?P<{p}q>[一二三四1-4])\s*季度(?P<{p}qmod>末|初)?"
        # 2025年底 / 年内 / 当年底 / 次年初 / 2025年初
        # (not 3年内 / 三年内 / 每年底 / 去年底: durations, recurring and past years)
        rf"|(?:(?P<{p}wy>(?:19|20)\d{{2}}|{_CN_YEAR})\s*年|(?P<{p}wr>次|翌|明|当|今|本)年)(?P<{p}w>底|末|内|初)"
        # a bare 年初 is a noun more often than a date (补发年初差额): bare 年底 / 年末 / 年内 only
        rf"|{_NOT_COUNT}年(?P<{p}w>底|末|内)"
        # year alone: 2025年 / 2025 (only as a range end or a whole table cell)
        rf"|(?P<{p}yo>(?:19|20)\d{{2}})(?:\s*年(?!度)|(?![\d.%万元]))"
        ")"
    )


# a bare figure that takes the unit of the range's other end: `1`—3月, 2025年`1`—3月, `2022`-2026年
_BARE = rf"(?:(?:(?P<ay>(?:19|20)\d{{2}})\s*年)?(?P<abare>\d{{1,2}}|{_CN_MONTH}))"
# what may follow a date: 前 (by), 起 (from), 后 (after), 内 (within)
_SUFFIX = r"(?:\s*(?P<suffix>之前|以前|前|起|开始|以后|之后|后|以内|内))?"

# not inside a figure or a list of figures: 1.5月, 0、6月 (a dosing schedule), 12个月
_LEFT = r"(?<![\d.])(?<!\d,)(?<!\d、)"
# a list marker may stand right before the date: `1.3月15日前` (marker 1. then 3月15日)
_RANGE_RE = regex.compile(rf"{_LEFT}(?P<a>{_point('a')}|{_BARE}){_DASH}(?P<b>{_point('b')}){_SUFFIX}")
_TRIGGER_RE = regex.compile(r"[年月季]|(?:19|20)\d{2}")
# a range needs a join of _DASH followed by what can open its end point (_point: a digit, a
# Chinese year or month digit, a relative year 次年/去年.., 上/下半年, 全年, 第三季度, 年底)
_RANGE_GATE_RE = regex.compile(rf"{_DASH}[\d〇○零一二三四五六七八九十次翌明下第当今本去上前全年]")
_POINT_RE = regex.compile(rf"{_LEFT}(?P<a>{_point('a')}){_SUFFIX}")
_MARKER_RE = regex.compile(r"^\s*(?:\d{1,2}[.、]|\(\d{1,2}\))")


def _names(pattern: regex.Pattern) -> tuple[str, ...]:
    """The group names of `pattern` by group number (a name used twice is one group)."""
    names = [""] * pattern.groups
    for name, i in pattern.groupindex.items():
        names[i - 1] = name
    return tuple(names)


# every character a date or range match can hold (the patterns' own characters; digits and blanks
# by str.isdigit / str.isspace, which take in all of \d and \s): no match spans another character
_DATE_CHARS = frozenset(_POINT_RE.pattern + _RANGE_RE.pattern)


def _run_start(text: str, k: int) -> int:
    """Start of the run of date characters ending at `k`: no date starts before it when the first
    date trigger of the text is at `k` (each date holds a trigger and lies in one run)."""
    while k > 0 and ((c := text[k - 1]) in _DATE_CHARS or c.isdigit() or c.isspace()):
        k -= 1
    return k


def _run_end(text: str, k: int) -> int:
    """End of the run of date characters starting at `k` (the patterns look ahead at one
    character at most, never at the end of the text: a scan may stop there)."""
    while k < len(text) and ((c := text[k]) in _DATE_CHARS or c.isdigit() or c.isspace()):
        k += 1
    return k


_LAST_TRIGGER_RE = regex.compile(r"(?r)" + _TRIGGER_RE.pattern)  # searched from the end


def _point_groups(pattern: regex.Pattern, p: str) -> tuple[tuple[int, str], ...]:
    """(index in m.groups(), name without the prefix `p`) of every group of point `p`: `anm` -> nm."""
    return tuple((i, name[len(p):]) for i, name in enumerate(_names(pattern)) if name.startswith(p) and name != p)


_RANGE_A = _point_groups(_RANGE_RE, "a")  # a's groups, and abare -> bare
_RANGE_B = _point_groups(_RANGE_RE, "b")
_POINT_A = _point_groups(_POINT_RE, "a")


def _groups_of(groups: tuple, names: tuple[tuple[int, str], ...]) -> dict[str, str]:
    """The groups of one point that took part in a match, by their names without the prefix
    (the regex module's groupdict costs ~10x more)."""
    return {name: groups[i] for i, name in names if groups[i] is not None}


# --- values ------------------------------------------------------------------------------------


class DateWindow(NamedTuple):
    """The first and last ISO partial date a written date covers (equal for a single day/month)."""

    start: str | None
    end: str | None
    kind: str  # day | month | year_word | half | quarter | year | range
    explicit_year: int | None = None  # the year as written, when written


class DateMatch(NamedTuple):
    """One date or range found in a text."""

    start: int
    end: int  # end of the date, suffix included
    text: str
    window: DateWindow
    suffix: str | None  # 前 / 起 / 后 / 内 ...
    is_range: bool
    word: str | None = None  # the period word when it is one: 上半年 / 全年 / 年内 / 第三季度


@lru_cache(maxsize=1024)
def _int(s: str | None) -> int | None:
    """`12` / `十二` / `二〇二五` -> int, through the project's one number reader (the same month
    and year figures come again and again: remembered)."""
    if not s:
        return None
    v = parse_number("".join(s.split()))
    return int(v) if v is not None else None


def _iso(year: int, month: int | None = None, day: int | None = None) -> str:
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


_YEAR_KEYS = ("y", "ny", "wy", "yo")


def _year_of(g: dict, default: int | None) -> tuple[int | None, int | None]:
    """(year to use, year as written) for a point's groups `g` (_groups_of)."""
    for key in _YEAR_KEYS:
        if key in g:
            y = _int(g[key])
            if y is not None:
                return y, y
    rel = g.get("ry") or g.get("wr")
    if rel and default is not None:
        offsets = date_words()["relative_years"]
        off = offsets.get(rel, offsets.get(rel + "年", 0))
        # 去年11月启动: a past year counts as written, so a deadline rule sees the past
        return default + off, (default + off if off < 0 else None)
    return default, None


def _window_of(g: dict, year: int | None, explicit: int | None) -> DateWindow | None:
    """Window of a point's groups `g` (_groups_of), or None when invalid or the year is unknown."""
    if year is None:
        return None
    if "nm" in g:
        return _month_day(year, _int(g["nm"]), _int(g.get("nd")), explicit)
    if "m" in g:
        return _month_day(year, _int(g["m"]), _int(g.get("d")), explicit)
    words = date_words()
    if "half" in g:
        a, b = words["halves"][g["half"]]
        return DateWindow(_iso(year, a), _iso(year, b), "half", explicit)
    if "q" in g:
        q = words["quarters"][g["q"]]
        first, last = 3 * q - 2, 3 * q
        mod = g.get("qmod")
        if mod == "末":  # 三季度末 -> 09
            first = last
        elif mod == "初":
            last = first
        return DateWindow(_iso(year, first), _iso(year, last), "quarter", explicit)
    if "w" in g:
        a, b = words["year_words"][g["w"]]
        return DateWindow(_iso(year, a), _iso(year, b), "year_word", explicit)
    if "yo" in g:
        return DateWindow(_iso(year), _iso(year), "year", explicit)
    return None


def _days_in(year: int, month: int) -> int:
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _month_day(year: int, m: int | None, d: int | None, explicit: int | None) -> DateWindow | None:
    if m is None or not 1 <= m <= 12:
        return None
    if d is not None:
        if not 1 <= d <= _days_in(year, m):  # 2月30日 is no day (its ISO date would be none either)
            return None
        iso = _iso(year, m, d)
        return DateWindow(iso, iso, "day", explicit)
    iso = _iso(year, m)
    return DateWindow(iso, iso, "month", explicit)


def _month_of(iso: str | None) -> int | None:
    return int(iso[5:7]) if iso and len(iso) >= 7 else None


def _range_window(ga: dict, gb: dict, default: int | None) -> DateWindow | None:
    """`1—2月`, `2025年1月—2月`, `5月—8月15日`, `11月—次年2月`, `2022-2026年`, `2024.01-2024.12`
    (`ga`, `gb`: the groups of the two ends, _groups_of)."""
    ay, a_explicit = _year_of(ga, default)
    bare = ga.get("bare")
    if bare:
        a_explicit = _int(ga.get("y"))
        ay = a_explicit if a_explicit is not None else default
    by, b_explicit = _year_of(gb, ay)
    if bare:
        n = _int(bare)
        if gb.get("yo"):  # 2022-2026年: the bare left end is a year... written with two digits: no
            return None
        if not (gb.get("m") or gb.get("nm")):
            return None
        a = _month_day(ay, n, None, a_explicit) if ay is not None else None
    elif ga.get("yo") and gb.get("yo"):  # 2022-2026年
        a = DateWindow(_iso(ay), _iso(ay), "year", a_explicit) if ay is not None else None
    else:
        a = _window_of(ga, ay, a_explicit)
    if a is None or by is None:
        return None
    b = _window_of(gb, by, b_explicit)
    if b is None:
        return None
    # 11月—2月: the end lies in the next year when no year is written on it
    am, bm = _month_of(a.end), _month_of(b.start)
    if b_explicit is None and not gb.get("ry") and am and bm and bm < am:
        b = _window_of(gb, by + 1, None)
        if b is None:
            return None
    if (b.end or "") < (a.start or ""):
        return None
    return DateWindow(a.start, b.end, "range", a_explicit or b_explicit)


def _word_of(g: dict) -> str | None:
    if g.get("half"):
        return g["half"]
    if g.get("q"):
        return "第" + g["q"] + "季度" + (g.get("qmod") or "")
    if g.get("w"):
        return "年" + g["w"]
    return None


def has_trigger(text: str, start: int, end: int) -> bool:
    """Whether a date trigger (年, 月, 季, a year's digits) lies in text[start:end]: every date holds one."""
    return _TRIGGER_RE.search(text, start, end) is not None


_SHORT = 48  # a text this short (a bracket, a cell) is scanned whole: bounding the scan costs more


def find_dates(text: str, year: int | None) -> list[DateMatch]:
    """Every date and date range in `text`, left to right; a point inside a range is not repeated.

    Year-only points (`2025年`) are included with kind `year`; callers decide what counts.
    A date without a year after one written with a later year takes that year
    (`2026年3月全面复工,5月完成` -> 2026-05).
    """
    first = _TRIGGER_RE.search(text)
    if first is None:
        return []  # every date holds 年, 月, 季 or a year's digits
    scan = text
    k = starts_with_marker(text)
    if k:  # `1.3月15日前`: the marker 1. is not part of a figure
        scan = " " * k + text[k:]
        first = _TRIGGER_RE.search(scan)
        if first is None:
            return []
    lo, hi = 0, len(scan)
    if hi > _SHORT:
        # the scans run from the run of the first trigger to the run of the last: the same matches
        last = _LAST_TRIGGER_RE.search(scan)
        lo, hi = _run_start(scan, first.start()), _run_end(scan, last.end() if last else hi)
    out: list[DateMatch] = []
    taken: list[tuple[int, int]] = []
    ranges = _RANGE_RE.finditer(scan, lo, hi) if _RANGE_GATE_RE.search(scan, lo, hi) else ()
    for m in ranges:
        groups = m.groups()
        w = _range_window(_groups_of(groups, _RANGE_A), _groups_of(groups, _RANGE_B), year)
        if w is None:
            continue
        out.append(DateMatch(m.start(), m.end(), text[m.start() : m.end()], w, m.group("suffix"), True))
        taken.append((m.start(), m.end()))
    current = year
    # a range over the whole scan (a bracket `1—2月`) leaves no point: each would start inside it
    whole = len(taken) == 1 and taken[0][0] <= lo and taken[0][1] >= hi
    for m in () if whole else _POINT_RE.finditer(scan, lo, hi):
        if taken and any(a <= m.start() < b or a < m.end() <= b for a, b in taken):
            continue
        g = _groups_of(m.groups(), _POINT_A)
        y, explicit = _year_of(g, current)
        w = _window_of(g, y, explicit)
        if w is None:
            continue
        if explicit is not None and year is not None and explicit > year and w.kind != "year":
            current = explicit
        out.append(
            DateMatch(m.start(), m.end(), text[m.start() : m.end()], w, m.group("suffix"), False, _word_of(g))
        )
    out.sort(key=lambda d: d.start)
    return out


def resolve(text: str, year: int | None) -> DateWindow | None:
    """The window of a text that is exactly one date or range (blanks and a 前/起 allowed), else None.

    `2024.01-2024.12` -> 2024-01..2024-12, `2025` -> 2025..2025, `(12月)` -> YYYY-12..YYYY-12.
    """
    s = text.strip().strip("()").strip()
    found = find_dates(s, year)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(s):
        return found[0].window
    return None


def starts_with_marker(text: str) -> int:
    """Length of a list marker at the start (`1.` in `1.3月15日前完成`), else 0."""
    m = _MARKER_RE.match(text)
    return m.end() if m else 0
