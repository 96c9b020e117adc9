"""A table laid on its side: one column per county (`项目 | 合计 | 忻府区 | 定襄县 | …`, the measures as
rows `改造任务 | 12000 | 2600 | …`) is read as the same table with one row per county, so each cell's
column names its measure and its row its region, as in the usual layout. A table whose first column is
its header (`序号 | 一 | 二 …` / `项目名称 | …` / `总投资(万元) | …`, one column per project) is turned
the same way: one row per project."""

from __future__ import annotations

from typing import Protocol, TypeVar

from ..rules.regions import is_region
from .columns import column_kinds, is_region_header, is_total_label


class _Cell(Protocol):
    text: str


C = TypeVar("C", bound=_Cell)


def _place(text: str) -> bool:
    return is_region("".join(text.split()))


def turn(header: list[C], rows: list[list[C | None]]) -> tuple[list[C], list[list[C | None]]] | None:
    """(header, rows) with rows and columns swapped when most columns after the first are places (a
    合计 column may stand among them) and no row is named by a place; None otherwise."""
    names = [c.text for c in header]
    rest = [h for h in names[1:] if h and not is_total_label(h)]
    if len(rest) < 2 or sum(_place(h) for h in rest) * 3 < len(rest) * 2 or is_region_header(names[0]):
        return None
    if not rows or any(len(r) != len(header) or r[0] is None for r in rows):
        return None
    if any(_place(r[0].text) for r in rows if r[0] is not None):
        return None
    new_header = [header[0], *(r[0] for r in rows)]
    new_rows: list[list[C | None]] = [[header[j], *(r[j] for r in rows)] for j in range(1, len(header))]
    return new_header, new_rows  # type: ignore[return-value]


def turn_fields(rows: list[list[C | None]]) -> list[list[C | None]] | None:
    """The rows of a table whose first column holds its header, turned so that column is the first
    row: most first-column cells name fields a header names (序号, 项目名称, 总投资(万元), 完成时限,
    责任单位) and the first row names at most one (序号 | 一 | 二 | 三); None otherwise."""
    if len(rows) < 3 or len(rows[0]) < 2 or any(len(r) != len(rows[0]) or r[0] is None for r in rows):
        return None
    fields = column_kinds([r[0].text for r in rows])  # type: ignore[union-attr]
    across = column_kinds([c.text if c is not None else "" for c in rows[0]])
    if sum(k.kind != "text" for k in fields) * 2 < len(rows) or sum(k.kind != "text" for k in across) > 1:
        return None
    return [[r[j] for r in rows] for j in range(len(rows[0]))]
