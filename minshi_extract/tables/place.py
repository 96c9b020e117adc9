"""Grid recovery by arithmetic. A flattened table loses its empty cells, so a short row's cells
could sit in several columns; the sums the table carries decide: a row's total = the sum of its
payer columns, a group row (`一、…项目`) = the sum of its items, the 合计 row = the sum of all.
Each row's cells keep their order; a figure goes to a figure column, a word to a word column.
A row no placement fits keeps its figures, marked unplaced, with a warning."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import regex

from .columns import ColumnKind, is_total_label

FIGURE_KINDS = ("money", "count")
_WORD_KINDS = ("name", "region", "text", "role", "progress", "deadline", "remarks")
_NUMBER = regex.compile(r"[-+]?\d+(?:\.\d+)?")
_NONE = regex.compile(r"[-—/]+|无|0")
_GROUP = regex.compile(r"(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\)|[A-Z]\.)\S")
_SCALE = 10_000  # sums compared in units of 1/10000
_MAX_CANDIDATES = 400
_MAX_STATES = 20_000


class CellLike(Protocol):
    text: str
    start: int
    end: int


def is_group_label(text: str) -> bool:
    """`一、教育类项目` / `(二)卫生健康` / `A.民生工程`: a row heading a group of rows."""
    return bool(_GROUP.match(text.strip()))


_DASHES = regex.compile(r"[-—/]+")


def value_of(text: str) -> int | None:
    """A figure cell in 1/10000 units; a dash or `/` is zero; None for a word."""
    t = "".join(text.split())
    if _NUMBER.fullmatch(t):
        return round(float(t) * _SCALE)
    if _DASHES.fullmatch(t):
        return 0
    return None


def _fits(cell: CellLike, kind: ColumnKind, first: bool) -> bool:
    v = value_of(cell.text)
    if kind.kind == "serial":
        return first and v is not None and "." not in cell.text
    if kind.kind in FIGURE_KINDS:
        return v is not None
    if kind.kind in ("name", "region", "text"):
        return v is None
    return v is None and not is_total_label(cell.text) and not is_group_label(cell.text)


def placements(cells: Sequence[CellLike], kinds: list[ColumnKind]) -> Iterator[tuple[int, ...]]:
    """Column index of each cell, order kept, leftmost placements first (a depth-first walk that
    drops a branch as soon as a cell does not fit its column; at most _MAX_CANDIDATES)."""
    n, k = len(kinds), len(cells)
    if k > n:
        return
    found = 0
    stack: list[tuple[int, tuple[int, ...]]] = [(0, ())]
    while stack:
        i, cols = stack.pop()
        if i == k:
            yield cols
            found += 1
            if found >= _MAX_CANDIDATES:
                return
            continue
        start = cols[-1] + 1 if cols else 0
        nxt = [(i + 1, (*cols, j)) for j in range(start, n - (k - i - 1)) if _fits(cells[i], kinds[j], i == 0)]
        stack.extend(reversed(nxt))


@dataclass
class RowSums:
    """The row-level sum: the total column and its payer columns (empty when the table has none)."""

    total: int | None = None
    payers: list[int] = field(default_factory=list)


def row_sums(kinds: list[ColumnKind]) -> RowSums:
    money = [j for j, k in enumerate(kinds) if k.kind == "money"]
    total = next((j for j in money if kinds[j].total), None)
    payers = [j for j in money if kinds[j].payer is not None and j != total]
    return RowSums(total, payers) if total is not None and payers else RowSums()


def _vector(cells: Sequence[CellLike], cols: tuple[int, ...], figs: list[int]) -> tuple[int, ...]:
    got = {j: value_of(c.text) or 0 for c, j in zip(cells, cols, strict=True)}
    return tuple(got.get(j, 0) for j in figs)


def _row_ok(cells: Sequence[CellLike], cols: tuple[int, ...], rs: RowSums) -> bool:
    if rs.total is None:
        return True
    got = {j: value_of(c.text) or 0 for c, j in zip(cells, cols, strict=True)}
    if rs.total not in got:
        return not any(got.get(j) for j in rs.payers)
    return got[rs.total] == sum(got.get(j, 0) for j in rs.payers)


@dataclass
class Placed:
    """The outcome: columns per row (None: the row's figures are unplaced) and warnings."""

    cols: list[tuple[int, ...] | None]
    warnings: list[str] = field(default_factory=list)
    checked: int = 0  # sums that check out
    sums: int = 0  # sums tried
    confirmed: set[int] = field(default_factory=set)  # rows whose placement a sum confirmed


def _roles(rows: list[Sequence[CellLike]]) -> list[str]:
    out = []
    for r in rows:
        label = next((c.text for c in r if value_of(c.text) is None), "")
        out.append("total" if is_total_label(label) else "group" if is_group_label(label) else "item")
    return out


def _dp(options: list[list[tuple[tuple[int, ...], object]]]) -> dict[tuple[int, ...], list[object]] | None:
    """Every reachable sum vector of one option per member, with the choices reaching it first."""
    states: dict[tuple[int, ...], list[object]] = {(): []}
    for opts in options:
        nxt: dict[tuple[int, ...], list[object]] = {}
        for vec, picks in states.items():
            for ov, choice in opts:
                s = tuple(a + b for a, b in zip(vec, ov, strict=False)) if vec else ov
                if s not in nxt:
                    nxt[s] = [*picks, choice]
            if len(nxt) > _MAX_STATES:
                return None  # too many ways to add up: the sums decide nothing here
        states = nxt
    return states


def place(rows: list[Sequence[CellLike]], kinds: list[ColumnKind]) -> Placed:
    """Columns for every row's cells, the sums deciding where a short row's cells go."""
    figs = [j for j, k in enumerate(kinds) if k.kind in FIGURE_KINDS]
    rs = row_sums(kinds)
    cands: list[list[tuple[int, ...]]] = []
    for r in rows:
        every = list(placements(r, kinds))
        ok = [c for c in every if _row_ok(r, c, rs)]
        cands.append(ok)
    out = Placed(cols=[c[0] if c else None for c in cands])
    if rs.total is not None:
        out.confirmed = {i for i, c in enumerate(cands) if c and rs.total in c[0]}
    for i, c in enumerate(cands):
        short = len(rows[i]) < len(kinds) or any(getattr(x, "broken", False) for x in rows[i])
        if not c and short and any(value_of(x.text) is not None for x in rows[i]):
            out.warnings.append(f"table row {_label(rows[i])}: no placement of its figures fits the columns"
                                + (" and the row total" if rs.total is not None else "")
                                + f"; figures {_figures(rows[i], kinds)} kept unplaced")
    roles = _roles(rows)
    _solve_columns(rows, roles, cands, figs, out, kinds)
    return out


def _figures(row: Sequence[CellLike], kinds: list[ColumnKind]) -> str:
    """The row's figures, its serial number left out."""
    serial = bool(kinds) and kinds[0].kind == "serial" and bool(row) and row[0].text.isdigit()
    return ", ".join("".join(c.text.split()) for c in row[int(serial):] if value_of(c.text) is not None)


def _label(row: Sequence[CellLike]) -> str:
    return "·".join(c.text for c in row[:3])


def _solve_columns(rows, roles: list[str], cands, figs: list[int], out: Placed, kinds: list[ColumnKind]) -> None:
    """Group rows = the sum of their items, the 合计 row = the sum of the groups and loose items;
    when the sums pick one placement per ambiguous row, take it; when nothing fits, the ambiguous
    rows' figures are unplaced."""
    vec = {}
    for i, r in enumerate(rows):
        vec[i] = [(_vector(r, c, figs), c) for c in cands[i]]
    members_top: list[int] = []
    group_of: dict[int, list[int]] = {}
    cur: int | None = None
    for i, role in enumerate(roles):
        if role == "group":
            cur = i
            group_of[i] = []
        elif role == "item":
            if cur is not None:
                group_of[cur].append(i)
            else:
                members_top.append(i)
        elif role == "total":
            cur = None
    chosen: dict[int, tuple[int, ...]] = {}
    failed = False
    top_opts: list[list[tuple[tuple[int, ...], object]]] = []
    top_ids: list[object] = []
    for g, items in group_of.items():
        summed = [o for o in vec[g] if any(o[0])]
        if not summed or not items:  # a heading-only group row: its items count for the total
            members_top.extend(items)
            continue
        out.sums += 1
        states = _dp([[(v, (m, c)) for v, c in vec[m]] for m in items])
        if states is None:
            continue
        fit = [(v, c) for v, c in summed if v in states]
        if not fit:
            failed = True
            continue
        out.checked += 1
        v, c = fit[0]
        chosen[g] = c
        for m, mc in states[v]:  # type: ignore[misc]
            chosen[m] = mc
        top_opts.append([(v, ("fixed", g))])
        top_ids.append(g)
    totals = [i for i, role in enumerate(roles) if role == "total"]
    members = sorted(set(members_top))
    if totals and (members or top_opts):
        t = totals[-1]
        out.sums += 1
        states = _dp([*top_opts, *([(v, (m, c)) for v, c in vec[m]] for m in members)])
        fit = [(v, c) for v, c in vec[t] if states is not None and v in states]
        if states is None:
            pass
        elif fit:
            out.checked += 1
            v, c = fit[0]
            chosen[t] = c
            for pick in states[v]:  # type: ignore[index]
                if pick[0] != "fixed":
                    chosen[pick[0]] = pick[1]
        else:
            failed = True
    for i, c in chosen.items():
        out.cols[i] = c
    out.confirmed |= set(chosen)
    if failed:
        for i in range(len(rows)):
            if i not in chosen and len({_vector(rows[i], c, figs) for c in cands[i]}) > 1:
                out.cols[i] = None
                out.warnings.append(f"table row {_label(rows[i])}: the column sums fit no placement of its "
                                    f"figures; figures {_figures(rows[i], kinds)} kept unplaced")
