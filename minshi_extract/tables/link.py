"""Table rows linked to programmes by name: a list-style notice whose annex (项目清单) lists its
projects gives each row's records to the programme its name cell names; a table whose spanning
headers name programmes (城镇老旧小区改造 over three columns, 农村供水保障 over three more) gives each
column's records to the programme over it."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable

import regex

from ..models import Programme, Table
from ..normalize import normalize_fragment
from .columns import column_kinds, is_total_label, squash


def same_name(a: str, b: str) -> bool:
    """Two project names are one: equal once blanks go, or one is the other with a tail."""
    x, y = squash(normalize_fragment(a)), squash(normalize_fragment(b))
    if not x or not y:
        return False
    short, long_ = sorted((x, y), key=len)
    return x == y or (len(short) >= 4 and long_.startswith(short))


def name_column(table: Table) -> int | None:
    return next((j for j, k in enumerate(column_kinds(table.header)) if k.kind == "name"), None)


def row_names(table: Table) -> list[str]:
    col = name_column(table)
    return [row[col] if col is not None and col < len(row) else "" for row in table.rows]


def matches(names: list[str], titles: list[str]) -> int:
    """How many of `names` name one of `titles`."""
    return sum(any(same_name(n, t) for t in titles) for n in names if n)


def row_programmes(table: Table, programmes: list[Programme]) -> list[Programme | None] | None:
    """The programme each row's name names; None when fewer than two rows name one (the table
    is then no list of the programmes, its rows go by position)."""
    names = row_names(table)
    out = [next((p for p in programmes if n and same_name(n, p.title)), None) for n in names]
    if sum(p is not None for p in out) < 2:
        return None
    # a name cell merged down over its project's rows (its towns, its 小计) is empty below its first:
    # those rows are the project's, up to the next name or a 合计 row
    # (a 小计 closes a project so merged; after a row of its own name it closes a group of projects)
    merged = [False] * len(out)
    for r in range(1, len(out)):
        if out[r] is not None or squash(names[r]) or out[r - 1] is None or _group_row(table.rows[r]):
            continue  # (a group label row `二、教育卫生(3项)` in the serial column is no project's)
        total = _total_kind(table.rows[r])
        if total == "合计" or (total == "小计" and not merged[r - 1]):
            continue
        out[r], merged[r] = out[r - 1], True
    return out


def _group_row(row: list[str]) -> bool:
    from .place import is_group_label

    first = next((c for c in row if c.strip()), "")
    return is_group_label(first) and sum(bool(c.strip()) for c in row) == 1


def _total_kind(row: list[str]) -> str | None:
    """`小计` for a subtotal row, `合计` for any other total row, else None."""
    from .columns import is_total_label

    labels = [squash(c) for c in row if c and is_total_label(squash(c))]
    return None if not labels else "小计" if all(c == "小计" for c in labels) else "合计"


def row_at(table: Table, pos: int) -> int | None:
    """The row holding offset `pos` (a record's start)."""
    for r, spans in enumerate(table._cell_spans[1:]):
        if any(a <= pos < b for a, b in spans):
            return r
    return None


def row_finder(table: Table) -> Callable[[int], int | None]:
    """`row_at` for many offsets of one table: a binary search over its cells (disjoint spans, as
    cells in the text are), not a scan of every row per record (quadratic in a 20,000-row table)."""
    cells = sorted((a, b, r) for r, spans in enumerate(table._cell_spans[1:]) for a, b in spans if a < b)
    if any(cells[i][1] > cells[i + 1][0] for i in range(len(cells) - 1)):
        return lambda pos: row_at(table, pos)
    starts = [a for a, _, _ in cells]

    def at(pos: int) -> int | None:
        i = bisect_right(starts, pos) - 1
        return cells[i][2] if i >= 0 and pos < cells[i][1] else None

    return at


class Titles(list):
    """The programmes with their titles as column_programmes compares them, and each run of four
    characters of the titles -> the titles holding it, in order (made once for a notice's tables)."""

    def __init__(self, pairs: list[tuple[Programme, str]]) -> None:
        super().__init__(pairs)
        self.runs: dict[str, list[int]] = {}
        for i, (_, t) in enumerate(pairs):
            for k in range(len(t) - _RUN + 1):
                at = self.runs.setdefault(t[k:k + _RUN], [])
                if not at or at[-1] != i:
                    at.append(i)


def programme_titles(programmes: list[Programme]) -> Titles:
    """Each programme with its title as column_programmes compares it (made once for a notice's tables)."""
    return Titles([(g, squash(normalize_fragment(g.title))) for g in programmes])


def column_programmes(table: Table, titles: list[tuple[Programme, str]]) -> list[Programme | None] | None:
    """The programme each column's spanning header names (its name within the programme's title, of
    `titles` from programme_titles), or, in a table of places, each column's own header (`县(市、区) |
    城镇新增就业(人) | 农村危房改造(户) | …`: one task of each programme by county); None unless the
    headers name two programmes at least."""
    names = getattr(table, "_parents", None) or []
    near = False
    if sum(1 for x in set(names) if x) < 2:
        if not places_table(table):
            return None  # the common case: no title compared
        parents = list(names) + [None] * (len(table.header) - len(names))
        # a column under a spanning header (农村公路(公里) over 提质改造 | 安全生命防护) is named by it
        names, near = [_UNIT.sub("", p or h) for p, h in zip(parents, table.header, strict=False)], True
    out: list[Programme | None] = []
    index = titles.runs if isinstance(titles, Titles) else Titles(list(titles)).runs
    for parent in names:
        name = squash(normalize_fragment(parent)) if parent else ""
        # the titles sharing a run of four characters with the name (社区老年助餐点 / 社区老年助餐服务),
        # looked up by its runs, not compared with every title (tables x programmes: quadratic)
        hits = sorted({i for k in range(len(name) - _RUN + 1) for i in index.get(name[k:k + _RUN], ())})
        out.append(next((titles[i][0] for i in hits if near or name in titles[i][1]), None))
    return out if len({id(g) for g in out if g is not None}) >= 2 else None


_UNIT = regex.compile(r"[(][^()]{1,8}[)]$")
_RUN = 4  # characters a column's name and a programme's title share at least


def places_table(table: Table) -> bool:
    """Most rows are named by a place (or a total) in their first cell: a table by county."""
    from ..rules.regions import is_region

    firsts = [squash(r[0]) for r in table.rows if r and squash(r[0])]
    return len(firsts) >= 2 and 2 * sum(is_region(f) or is_total_label(f) for f in firsts) >= len(firsts)


def column_finder(table: Table) -> Callable[[int], int | None]:
    """The column of the cell holding an offset (a record's start), by binary search over the cells."""
    cells = sorted((a, b, c) for spans in table._cell_spans[1:] for c, (a, b) in enumerate(spans) if a < b)
    starts = [a for a, _, _ in cells]

    def at(pos: int) -> int | None:
        i = bisect_right(starts, pos) - 1
        return cells[i][2] if i >= 0 and pos < cells[i][1] else None

    return at
