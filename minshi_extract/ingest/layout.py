"""The layout of a plain-text notice read before its structure: a PDF copy's running heads dropped,
a figure cut from its unit by a hard line break joined again, tables drawn with box characters,
tables of wrapped blank-separated rows, tables set in columns of blanks and tables of tab-separated
cells made `|` rows."""

from __future__ import annotations

from functools import cache
from importlib import resources

import regex

from .aligned_rows import unalign_tables, untab_tables
from .boxes import unbox_tables
from .pages import drop_running_heads
from .wrapped_rows import unwrap_spaced_tables


@cache
def _split_figure() -> regex.Pattern:
    """A line of prose ending in the digits of a figure whose unit opens the next line (`…补助资金3620`
    / `万元、省级…`): a PDF copy's hard wrap. Units: money, percent and the measure words of
    lexicon/units.txt; not 年 / 月 / 日 (`2025` / `年` is a date, left as it is)."""
    raw = resources.files("minshi_extract.lexicon").joinpath("units.txt").read_text("utf-8")
    units = {u.strip() for u in raw.splitlines() if u.strip() and not u.startswith("#")}
    units -= {"年", "月", "日", "天", "周岁", "岁"}
    units |= {"万元", "亿元", "元", "%", "％", "万人", "万户", "万个"}
    alt = "|".join(regex.escape(u) for u in sorted(units, key=len, reverse=True))
    return regex.compile(rf"(?<=\p{{Han}}[\d.,]{{1,15}})\n(?=(?:{alt}))")


def join_split_figures(text: str) -> str:
    return _split_figure().sub("", text) if "\n" in text else text


def text_layout(text: str) -> str:
    # the -layout reader first: a table with serials in aligned columns is read whole, its wrapped cells
    # by column, before the spaced-row reader would take its first page as rows of its own
    # a browser's tab copy first: its rows are unambiguous, and a group label between them (一、…类) must
    # not be taken by the wrapped-row readers as a line of the row above
    tables = unwrap_spaced_tables(unalign_tables(unbox_tables(untab_tables(join_split_figures(drop_running_heads(text))))))
    return tables
