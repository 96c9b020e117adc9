"""Deadlines: a single target date for an action (RECORDS.md §3, GUIDELINES.md deadline).

`11月底前` -> 2025-11; `12月10日前` -> 2025-12-10; `3月底开工` -> 2025-03; `年底前` -> 2025-12;
`上半年完成` -> 2025-06; `三季度末` -> 2025-09; `分别于7月25日、12月25日前` -> two.
Not deadlines: a phase heading's own window `(4月底前)`, ranges and periods (`5—6月`, `下半年`,
`全年`, `2022-2026年`), years alone, recurring dates (`每年3月`), durations (`下发后1月内`),
past and document dates (`2024年11月22日...印发`, a signature line `2025年3月7日`), dates in 《》,
status reports (`截至6月底,已完工21处`), frequencies (`一月一调度`).
"""

from __future__ import annotations

from functools import cache

import regex

from minshi_extract.models import Deadline
from minshi_extract.rules.context import Context
from minshi_extract.rules.dates import DateMatch, date_words, find_dates, has_trigger
from minshi_extract.rules.numbers import TIMEOUT
from minshi_extract.rules.phase import phase_window

# 每年3月 / 每月15日前 / 逐月: a recurrence, not a target
_RECURRING_LEFT_RE = regex.compile(r"(?:每|逐)[年月季周]?\s*$")
# what is left of a line once the date goes: punctuation only -> a bare date line (signature)
_ONLY_PUNCT_RE = regex.compile(r"^[\s,.:;、。()]*$")
# the action after the date, up to the end of its clause: 8月底前|学位增补到位
# 之前 / 以前 / 前 (by), 起 (from): both schedule an action; 后 (after) and 内 (within) do not
_AFTER = frozenset({"后", "以后", "之后"})
_WITHIN = frozenset({"内", "以内"})


@cache
def _right_re(key: str, reach: int) -> regex.Pattern:
    # 2011年9月1日以后出生 (fact_words, same clause): not a target;
    # 2月27日,顺德区召开区政府常务会议 (document_words, same sentence): a past event
    words = "|".join(regex.escape(w) for w in date_words()[key])
    gap = "[^;。]" if reach > 4 else "[^,;。]"
    return regex.compile(rf"\s*(?:{gap}{{0,{reach}}}?)(?:{words})")


@cache
def _document_left_re() -> regex.Pattern:
    # 发布日期:2025-03-13
    words = "|".join(regex.escape(w) for w in date_words()["document_lead_words"])
    return regex.compile(rf"(?:{words})\s*[::]?\s*$")


@cache
def _status_left_re() -> regex.Pattern:
    # 截至6月底,已完工21处: the date a progress figure is counted at
    words = "|".join(regex.escape(w) for w in date_words()["status_lead_words"])
    return regex.compile(rf"(?:{words})\s*$")


# 一月一调度、一季一通报: a Chinese month followed by a numeral is a frequency, not a date
_FREQUENCY_RE = regex.compile(r"[一二两三四五六七八九十]")
_CN_ONLY_MONTH_RE = regex.compile(r"[一二三四五六七八九十]+月")


@cache
def _period_cue_re() -> regex.Pattern:
    # 上半年完成 / 第三季度前: a period written as a target; 通报上半年、当年数据 is not
    cues = "|".join(regex.escape(w) for w in date_words()["period_deadline_cues"])
    return regex.compile(rf"\s*(?:{cues})")


def _inside_title(text: str, pos: int) -> bool:
    """True inside 《...》 (a document title: 《...方案(2022-2026年)》)."""
    return text.count("《", 0, pos) > text.count("》", 0, pos)


def _is_target(d: DateMatch, text: str, ctx: Context) -> bool:
    """Whether one found date schedules an action."""
    w = d.window
    if d.is_range or w.kind == "year":
        return False
    if d.suffix in _AFTER or (d.suffix in _WITHIN and w.kind in ("month", "day")):
        return False
    if w.kind in ("half", "quarter"):
        if d.word in ("下半年", "全年"):
            return False
        ends_at = d.word and d.word.endswith("末")
        if not (ends_at or d.suffix or _period_cue_re().match(text, d.end, timeout=TIMEOUT)):
            return False
    left = text[max(0, d.start - 8) : d.start]
    if _RECURRING_LEFT_RE.search(left) or _document_left_re().search(left):
        return False
    if _status_left_re().search(left):
        return False
    if _CN_ONLY_MONTH_RE.fullmatch(d.text) and _FREQUENCY_RE.match(text, d.end):
        return False
    if _right_re("fact_words", 4).match(text, d.end):
        return False
    if d.suffix is None and text.endswith("到", 0, d.start) and _reached_state(text, d.end):
        return False  # 到年底,全省…占比达到85%以上: a state the year's end sees, not an action due
    # a full day without 前/起 followed by 印发/召开 in its sentence dates a document or a meeting
    dated_document = w.kind == "day" and d.suffix is None
    if dated_document and _right_re("document_words", 20).match(text, d.end):
        return False
    if _inside_title(text, d.start):
        return False
    if ctx.year is not None and w.explicit_year is not None and w.explicit_year < ctx.year:
        return False  # 2024年11月22日中央政法委印发: the past
    # a line that is only a full date is a signature or document date, unless in 完成时限
    if w.kind != "day" or d.suffix is not None or ctx.kind == "deadline":
        return True
    return not _ONLY_PUNCT_RE.match(text[: d.start] + text[d.end :])


_STATE_RE = regex.compile(r"[,，]([^,;。]{0,30}?)(?:达到|提高到|提高至|提升到|提升至|稳定在|保持在|控制在|超过|不低于|不少于)")


def _reached_state(text: str, end: int) -> bool:
    """到年底,|…普及率达到96%: the clause after the date reaches a level (a linking verb before any
    action verb), the date is when it holds."""
    m = _STATE_RE.match(text, end, min(len(text), end + 40))
    return m is not None and not any(v in m.group(1) for v in ("完成", "建成", "开工", "竣工", "投用", "发放"))


def find_deadlines(text: str, base: int, ctx: Context) -> list[Deadline]:
    """Every single target date in `text`, except inside the window of the line's own phase heading."""
    phase = phase_window(text, ctx)
    windows = [(phase.name_start, phase.close)] if phase is not None else []
    if phase is not None and not (has_trigger(text, 0, phase.name_start) or has_trigger(text, phase.close, len(text))):
        # every date of the line holds a trigger inside the window, so starts there (the marker
        # before the window is no part of a date): nothing to find outside it
        return []
    out: list[Deadline] = []
    for d in find_dates(text, ctx.year):
        if any(a <= d.start < b for a, b in windows):
            continue
        if not _is_target(d, text, ctx) or d.window.end is None:
            continue
        ev = text[d.start : d.end].rstrip()
        out.append(
            Deadline(
                programme_id=ctx.programme_id,
                part=ctx.part,
                section=ctx.section,
                text=ev,
                span=(base + d.start, base + d.start + len(ev)),
                date=d.window.end,
            )
        )
    return out
