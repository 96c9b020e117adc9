"""Phases: a step of 实施步骤 whose heading carries a bracketed time window.

`(一)准备阶段(1—2月)。` -> name 准备阶段, 2025-01..2025-02;
`1.确定目标任务(4月底前)。` -> start null, end 2025-04; `1.(1—3月)。` -> name null.
A window after a colon is a window too (GUIDELINES.md, other layouts):
`(二)组织实施阶段:5月至10月。` -> 2025-05..2025-10; `完成时限:12月` is a deadline line, no step.
A step heading without a window gives no phase (RECORDS.md §3, GUIDELINES.md phase).
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import NamedTuple

import regex

from minshi_extract.models import Phase
from minshi_extract.rules.context import Context
from minshi_extract.rules.dates import DateMatch, date_words, find_dates

# heading markers as the normaliser leaves them: 一、 / (一) / 一) (a lost bracket: `五)实施步骤`) / 1. / (1)
_MARKER_RE = regex.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}、|\(?[一二三四五六七八九十]{1,3}\)|\d{1,2}[.、](?!\d)|\(\d{1,2}\))\s*"
)
# a bracket group (one level of nesting allowed): (5月—8月15日前)
_BRACKET_RE = regex.compile(r"\((?P<inner>[^()]{1,40})\)")
# 摸清底数,核准需求 -> trailing punctuation goes; inner punctuation stays
_NAME_STRIP = " ,.:;、。:"
# a step named 阶段 is a step even where the section kind was not recognised: 准备阶段(1—2月)
_STAGE_NAME_RE = regex.compile(r"阶段$")
# a window after a colon: (一)前期准备阶段:2025年3月—4月。 / (二)组织实施阶段:5月至10月。
# the name holds no clause punctuation, and the window runs to the 。 (or the line end)
_COLON_RE = regex.compile(r"(?P<name>[^,;。:()]{1,30}):\s*(?P<win>[^,;。:]{1,30}?)\s*(?=。|$)")


class StepWindow(NamedTuple):
    """The window of a step heading: where the name and the bracket sit in the text."""

    name: str | None
    name_start: int  # offset of the name (or of the bracket when there is no name)
    open: int  # offset of `(`
    close: int  # offset after `)`
    date: DateMatch  # offsets relative to the bracket's inner text
    start: str | None
    end: str | None


@cache
def _open_start_re() -> regex.Pattern:
    # 即日起至5月底 / 即日—4月: a window opened "now" (start null), then a dash or 至
    words = sorted(date_words().get("open_start_words", []), key=len, reverse=True)
    alt = "|".join(regex.escape(w) for w in words) or "(?!)"
    return regex.compile(rf"^(?:{alt})\s*(?:—{{1,2}}|-|~|至|到)\s*")


def window_of(inner: str, year: int | None) -> tuple[DateMatch, str | None, str | None] | None:
    """(match, start, end) when the whole bracket is one date or range (a 前 allowed), else None.
    `即日起至5月底` is a window with start null and end 5月 (GUIDELINES.md)."""
    s = inner.strip()
    opened = _open_start_re().match(s)
    if opened:
        found = find_dates(s[opened.end():], year)
        if len(found) != 1:
            return None
        d = found[0]
        rest = s[opened.end():]
        if d.start != 0 or d.end != len(rest) or d.is_range or d.window.kind == "year":
            return None
        if d.suffix not in (None, "前", "之前", "以前"):
            return None
        return d, None, d.window.end
    found = find_dates(s, year)
    if len(found) != 1:
        return None
    d = found[0]
    if d.start != 0 or d.end != len(s) or d.window.kind == "year":
        return None
    if d.suffix in ("前", "之前", "以前"):
        # (4月底前): by the end of April, start unknown; (5月—8月15日前): the range keeps its start
        return d, d.window.start if d.is_range else None, d.window.end
    if d.suffix is not None:
        return None
    return d, d.window.start, d.window.end


# the phase and deadline rules both ask for the window of the same line, one after the other: the
# answer is kept for the last few lines only (a pure function of its arguments)
@lru_cache(maxsize=16)
def step_window(text: str, year: int | None, require_marker: bool = True) -> StepWindow | None:
    """The window of a step heading at the start of `text`, before its first 。 (run-in body follows)."""
    m = _MARKER_RE.match(text)
    if m is None and require_marker:
        return None
    head_start = m.end() if m else len(text) - len(text.lstrip())
    stop = text.find("。", head_start)
    head_end = len(text) if stop == -1 else stop
    for b in _BRACKET_RE.finditer(text, head_start, head_end):
        got = window_of(b.group("inner"), year)
        if got is None:
            continue
        date, start, end = got
        # only text between marker and bracket is the name; a bracket later in a sentence is not a window
        name = text[head_start : b.start()].strip(_NAME_STRIP) or None
        if name is not None and any(c in name for c in "。;"):
            return None
        after = text[b.end() : b.end() + 1]
        if after and after not in _NAME_STRIP:  # (一)项目(1—2月)建设...: inside a sentence
            return None
        name_start = head_start + (len(text[head_start : b.start()]) - len(text[head_start : b.start()].lstrip()))
        return StepWindow(name, name_start if name else b.start(), b.start(), b.end(), date, start, end)
    return _colon_window(text, head_start, head_end, year) or _lead_window(text, head_start, head_end, year)


# a window opening the step, before its colon: (一)3月至4月:确定助餐点选址
_LEAD_RE = regex.compile(r"(?P<win>[^,;。:()]{2,24}?)\s*:")


def _window_match(
    pattern: regex.Pattern, text: str, head_start: int, head_end: int, year: int | None
) -> tuple[regex.Match, DateMatch, str | None, str | None] | None:
    """The match of a colon-window pattern whose `win` group is one date or range."""
    m = pattern.match(text, head_start, head_end)
    got = window_of(m.group("win"), year) if m else None
    return (m, *got) if m and got else None


def _lead_window(text: str, head_start: int, head_end: int, year: int | None) -> StepWindow | None:
    """`(一)3月至4月:确定助餐点选址,...` -> a step with no name whose window comes first."""
    found = _window_match(_LEAD_RE, text, head_start, head_end, year)
    if found is None:
        return None
    m, date, start, end = found
    return StepWindow(None, m.start("win"), m.start("win"), m.end("win"), date, start, end)


def _colon_window(text: str, head_start: int, head_end: int, year: int | None) -> StepWindow | None:
    """`(一)前期准备阶段:2025年3月—4月。...` -> name 前期准备阶段, window 2025-03..2025-04: the text
    between the colon and the heading's 。 is one date or range, nothing else."""
    found = _window_match(_COLON_RE, text, head_start, head_end, year)
    if found is None:
        return None
    m, date, start, end = found
    name = m.group("name").strip(_NAME_STRIP) or None
    # a colon line whose name is a deadline label states a target date, no step: 完成时限:12月底前
    if name is None or any(name.endswith(w) for w in date_words().get("deadline_label_endings", [])):
        return None
    name_start = m.start("name") + (len(m.group("name")) - len(m.group("name").lstrip()))
    return StepWindow(name, name_start, m.start("win"), m.end("win"), date, start, end)


def is_step_heading(text: str, ctx: Context) -> bool:
    """A line that starts a step: a heading inside a steps section, or a marked line there."""
    if not ctx.in_steps:
        return False
    return ctx.is_heading or _MARKER_RE.match(text) is not None


def phase_window(text: str, ctx: Context) -> StepWindow | None:
    """The window of the phase the line `text` states, or None (find_phases without the record;
    the deadline rule skips the dates inside it)."""
    if not (ctx.in_steps or ctx.is_heading):
        return None  # neither a line of a steps section nor a heading (the two cases below)
    if not ctx.in_steps and "阶段" not in text:
        return None  # a heading outside a steps section is a step only when named …阶段
    w = step_window(text, ctx.year)
    if w is None:
        return None
    # a heading named …阶段 with a window is a step even if the section kind was missed
    named_stage = ctx.is_heading and w.name and _STAGE_NAME_RE.search(w.name)
    if not (is_step_heading(text, ctx) or named_stage):
        return None
    if w.start is None and w.end is None:
        return None
    return w


def find_phases(text: str, base: int, ctx: Context) -> list[Phase]:
    """The phase of a step heading: `(一)准备阶段(1—2月)` -> Phase(准备阶段, 2025-01, 2025-02)."""
    w = phase_window(text, ctx)
    if w is None:
        return []
    a, b = w.name_start, w.close
    return [
        Phase(
            programme_id=ctx.programme_id,
            part=ctx.part,
            section=ctx.section,
            text=text[a:b],
            span=(base + a, base + b),
            name=w.name,
            start=w.start,
            end=w.end,
        )
    ]
