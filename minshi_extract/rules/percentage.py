"""Percentages: `50%`, `70%以上` (at_least), `百分之二十` (RECORDS.md §3 percentage).

`由8%降至7%` -> two records; `接种率达到30%以上` -> 30 at_least.
"""

from __future__ import annotations

import regex

from minshi_extract.models import Percentage
from minshi_extract.rules.context import Context
from minshi_extract.rules.numbers import ARABIC, CHINESE, TIMEOUT, parse_number, to_number
from minshi_extract.rules.quantity import (
    PREFIX,
    SUFFIX,
    figure_qualifier,
    heading_marker_glued,
)

# 50% / 70%以上 / 不低于95% / 百分之二十 / 百分之六十以上 / 8 %  (PDF spacing)
PERCENT_RE = regex.compile(
    rf"(?P<pre>{PREFIX})?(?:(?<![\d.A-Za-z])(?P<num>{ARABIC}) ?[%％]|百分之(?P<cn>{ARABIC}|{CHINESE}))"
    rf"(?P<post>{SUFFIX})?"
)


def find_percentages(text: str, base: int, ctx: Context) -> list[Percentage]:
    """Percentage records of one line/paragraph `text` that starts at offset `base`."""
    out: list[Percentage] = []
    for m in PERCENT_RE.finditer(text, timeout=TIMEOUT):
        num = m.group("num") or m.group("cn")
        num_start = m.start("num") if m.group("num") else m.start("cn")
        if heading_marker_glued(text, num_start):
            continue
        value = parse_number(num)
        if value is None:
            continue
        out.append(
            Percentage(
                programme_id=ctx.programme_id, part=ctx.part, section=ctx.section,
                text=m.group(), span=(base + m.start(), base + m.end()),
                value=to_number(value), qualifier=figure_qualifier(m),
            )
        )
    return out
