"""The rows of a table under one another: group rows (`一、…`) and region rows over their rows, 合计 /
小计 rows over the rows they sum, written after them or before them (the sums tell which)."""

from __future__ import annotations

import regex

from minshi_extract.rules.numbers import ARABIC, parse_number
from minshi_extract.rules.regions import is_region

# a cell that is only a figure: 80 / 28.00 / 1,201 / 3 433 (PDF spacing)
FIGURE_CELL_RE = regex.compile(rf"\s*(?P<num>{ARABIC})\s*")


def squash(s: str) -> str:
    return "".join(s.split())


def _label(row: list[str], is_total_label) -> str:
    """A row's label: its first cell of words, or the total label among them (`南部旗县区 | 小计`: a group
    named in a column merged down over its rows, then the group's 小计)."""
    words = [squash(c) for c in row if c and not FIGURE_CELL_RE.fullmatch(c)]
    return next((w for w in words[1:2] if is_total_label(w)), words[0] if words else "")


def row_parents(rows: list[list[str]], kinds) -> tuple[list[int | None], list[str | None]]:
    """Each row's parent (the group row `一、…` or region row over it, else the 合计 row) and the
    region a region row gives the rows under it."""
    from minshi_extract.tables.columns import is_total_label
    from minshi_extract.tables.place import is_group_label

    serial = next((j for j, k in enumerate(kinds) if k.kind == "serial"), None)
    labels = [_label(row, is_total_label) for row in rows]
    totals = [i for i, lab in enumerate(labels) if is_total_label(lab)]
    grand = next((i for i in totals if "小计" not in labels[i]), totals[-1] if totals else None)
    parents: list[int | None] = [None] * len(rows)
    regions: list[str | None] = [None] * len(rows)
    group: int | None = None
    since = 0  # the first row after the last group or 小计: rows a 小计 written after them sums
    for i, (row, lab) in enumerate(zip(rows, labels, strict=True)):
        if i == grand:
            group = None
            since = i + 1
            continue
        region_row = (serial is not None and serial < len(row) and not row[serial] and is_region(lab)
                      and any(r[serial] for r in rows if serial < len(r)))
        if is_group_label(lab) or region_row:
            group = i
            parents[i] = grand
            since = i + 1
            continue
        if is_total_label(lab):  # a 小计 closes its group, sums the rows written before it, or heads
            # the rows after it (合计 first, then each 小计 over its rows): the arithmetic tells which
            after = _rows_until_label(labels, i, is_total_label, is_group_label)
            before = [k for k in range(since, i) if parents[k] == grand]
            heads = _sums_to(rows, after, i) and not _sums_to(rows, before or list(range(since, i)), i)
            if group is None and not heads:
                for k in before:
                    parents[k] = i
            elif group is not None and not heads and not any(FIGURE_CELL_RE.fullmatch(c) for c in rows[group] if c):
                for k in range(group + 1, i):  # 一、东部川区 (a label, no figures) … 小计: the 小计 sums the group
                    if parents[k] == group:
                        parents[k] = i
            parents[i] = grand
            group = i if heads else None
            since = i + 1
            continue
        parents[i] = group if group is not None else grand
        if group is not None and is_region(labels[group]):
            regions[i] = labels[group]
    return parents, regions


def _rows_until_label(labels: list[str], i: int, *is_label) -> list[int]:
    """The rows after row i up to the next total or group row."""
    out = []
    for k in range(i + 1, len(labels)):
        if any(f(labels[k]) for f in is_label):
            break
        out.append(k)
    return out


def _sums_to(rows: list[list[str]], members: list[int], i: int) -> bool:
    """Row i's figures are the sums of the member rows' in every column where it has one."""
    if not members:
        return False
    checked = 0
    for j, cell in enumerate(rows[i]):
        total = parse_number(squash(cell)) if FIGURE_CELL_RE.fullmatch(cell or "") else None
        if total is None:
            continue
        parts = [parse_number(squash(rows[k][j])) for k in members if j < len(rows[k]) and rows[k][j].strip()]
        if any(p is None for p in parts) or abs(float(sum(parts)) - float(total)) > 0.005:  # type: ignore[arg-type]
            return False
        checked += 1
    return checked > 0
