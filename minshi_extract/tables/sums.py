"""The arithmetic a table carries, checked: a row's total = the sum of its payer columns, a group
row or the 合计 row = the sum of the rows under it, column by column (`eval` reports it)."""

from __future__ import annotations

from ..models import Notice, Table
from .columns import column_kinds
from .place import FIGURE_KINDS, row_sums, value_of


def _value(row: list[str], j: int) -> int | None:
    return value_of(row[j]) if j < len(row) and row[j].strip() else None


def check_table(table: Table) -> tuple[int, int]:
    """(sums that check out, sums the table states)."""
    from ..rules.table_rows import row_parents

    kinds = column_kinds(table.header)
    figs = [j for j, k in enumerate(kinds) if k.kind in FIGURE_KINDS]
    ok = stated = 0
    rs = row_sums(kinds)
    if rs.total is not None and len(rs.payers) >= 2:  # one `其中:` column is a share, not a split
        for row in table.rows:
            total = _value(row, rs.total)
            if total is None or all(_value(row, j) is None for j in rs.payers):
                continue
            stated += 1
            ok += total == sum(_value(row, j) or 0 for j in rs.payers)
    parents, _ = row_parents(table.rows, kinds)
    for p in sorted({p for p in parents if p is not None}):
        for j in figs:
            want = _value(table.rows[p], j)
            if want is None:
                continue
            stated += 1
            ok += want == _sum_under(table.rows, parents, p, j)
    return ok, stated


def _sum_under(rows: list[list[str]], parents: list[int | None], p: int, j: int) -> int:
    """The sum of row p's children in column j; a child group row without a figure there counts
    by its own children (a heading-only `一、…类` row)."""
    total = 0
    for r, q in enumerate(parents):
        if q != p:
            continue
        v = _value(rows[r], j)
        if v is None and r in parents:
            v = _sum_under(rows, parents, r, j)
        total += v or 0
    return total


def notice_sums(notice: Notice) -> tuple[int, int]:
    """(sums that check out, sums stated) over every table of the notice."""
    ok = stated = 0
    for att in notice.attachments:
        for table in att.tables:
            a, b = check_table(table)
            ok, stated = ok + a, stated + b
    return ok, stated
