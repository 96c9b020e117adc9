"""A task table by place in columns: each row a task, a column of its unit, one column per county and
a 合计 column (`任务指标 | 单位 | 赫山区 | 资阳区 | … | 合计`). The header of a place column has no unit of
its own: the row's unit cell gives it, the place gives the record its region, and the row's 合计 cell
is the total its places split."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import regex

from minshi_extract.rules.regions import is_region
from minshi_extract.rules.table_rows import squash
from minshi_extract.tables.columns import is_total_label
from minshi_extract.tables.columns import lexicon as table_lexicon

_TOTALS = ("合计", "小计", "总计", "全市", "共计")


def unit_column(header: list[str], rows: list[list[str]] = ()) -> int | None:
    """The column holding each row's unit (单位 / 计量单位), or an indicator column whose cells end with
    their unit (`托位数(个)`, `市级奖补资金(万元)`), when place columns follow it: most of the headers after
    it name places the gazetteer knows (the others are places it lacks, 大通湖区)."""
    names = table_lexicon().get("unit_columns", [])
    at = next((j for j, h in enumerate(header) if squash(h) in names), None)
    if at is None:
        at = next((j for j in range(len(header) - 2) if _units_in_cells([r[j] for r in rows if j < len(r)])), None)
    if at is None:
        return None
    after = [squash(h) for h in header[at + 1:] if squash(h) and not _total(h)]
    return at if after and 2 * sum(is_region(h) for h in after) >= len(after) else None


def _units_in_cells(cells: list[str]) -> bool:
    """Most filled cells of a column end with a bracketed unit (`改造小区(个)`)."""
    filled = [c for c in map(squash, cells) if c]
    return len(filled) >= 2 and 2 * sum(bool(_BRACKET_UNIT.search(c)) for c in filled) > len(filled)


_BRACKET_UNIT = regex.compile(r"\(([^()]{1,4})\)$")


def _row_unit(cell: str) -> str:
    """The unit a row's unit cell gives: the cell (`个`), or the bracket its indicator ends with."""
    m = _BRACKET_UNIT.search(cell)
    return m.group(1) if m else cell


def _place(header: str) -> str | None:
    h = squash(header)
    return h if h and not _total(h) else None


def _total(header: str) -> bool:
    h = squash(header)
    return h in _TOTALS or is_total_label(h)


def place_columns(header: list[str], row: list[str], at: int,
                  read: Callable[[str], Any]) -> dict[int, tuple[Any, str | None]]:
    """Column index -> (the column read in the row's unit by `read`, its place; None for the 合计
    column)."""
    unit = _row_unit(squash(row[at])) if at < len(row) else ""
    if not unit:
        return {}
    out: dict[int, tuple[Any, str | None]] = {}
    for j in range(at + 1, len(header)):
        place = _place(header[j])
        if place is None and not _total(header[j]):
            continue
        col = read(f"({unit})")
        if col is not None:
            out[j] = (col, place)
    return out


def place_links(header: list[str], at: int) -> tuple[int, set[int]] | None:
    """(the 合计 column, the place columns) of a table by place: each row's places split its 合计."""
    total = next((j for j in range(at + 1, len(header)) if _total(header[j])), None)
    places = {j for j in range(at + 1, len(header)) if _place(header[j])}
    return (total, places) if total is not None and places else None


def task_name(row: list[str], at: int, name_col: int | None, name: str | None) -> str | None:
    """The row's task (任务指标, the cell before the unit, or the indicator the unit closes) when it is not
    the project's name column."""
    cell = squash(row[at]) if at < len(row) else ""
    if _BRACKET_UNIT.search(cell) and at != name_col:
        return _BRACKET_UNIT.sub("", cell) or name
    if at >= 1 and at - 1 != name_col and at - 1 < len(row) and squash(row[at - 1]):
        return squash(row[at - 1])
    return name
