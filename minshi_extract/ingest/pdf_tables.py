"""Ruled tables of a PDF page: pdfplumber's table finder with explicit settings.

- Lines first: the ruling lines bound the cells. A table cut by a page break has its last row
  open (the verticals run on below the last horizontal rule, no rule closes them) or its first
  row open at the top of the next page: the open side is closed with an explicit rule where the
  verticals end, so the cut row is read as a row, not left as loose text.
- Text alignment as the fallback for a page whose tables have no rules at all (a table set with
  columns of aligned words): only taken when it finds a grid of 3+ rows and 3+ columns holding
  figures, so a page of prose never becomes a table.
- Rows continued over a page: after the repeated header, a first row with its key cell (序号 /
  the first column) empty is the rest of the page's last row; its cells are joined on.
"""

from __future__ import annotations

from typing import Any

import regex

LINES = {
    "vertical_strategy": "lines",
    "horizontal_strategy": "lines",
    "snap_tolerance": 3,
    "join_tolerance": 3,
    "intersection_tolerance": 3,
    "edge_min_length": 3,
}
TEXT = {
    "vertical_strategy": "text",
    "horizontal_strategy": "text",
    "snap_tolerance": 3,
    "join_tolerance": 3,
    "min_words_vertical": 3,
    "min_words_horizontal": 2,
    "text_x_tolerance": 2,
}
FIGURE = regex.compile(r"\d+(?:\.\d+)?")  # a figure cell of a PDF table (pdf_unruled too)
_TOL = 1.0


def find_tables(page: Any) -> list:
    """The ruled tables of a page (lines first, open sides closed); text alignment as fallback."""
    tables = page.find_tables(LINES)
    if tables:
        extra = _closing_rules(page, tables)
        if extra:
            settings = {**LINES, "explicit_horizontal_lines": extra}
            tables = page.find_tables(settings)
        return tables
    if page.edges:
        return []
    found = [t for t in page.find_tables(TEXT) if _grid_like(t)]
    for t in found:
        t.unruled = True  # pdf_unruled tidies its rows and reads its header again
    return found


def _closing_rules(page: Any, tables: list) -> list[float]:
    """Where a table's verticals run on past its last (or before its first) horizontal rule: a
    rule at their far end closes the row the page break cut."""
    out: list[float] = []
    vertical = [e for e in page.edges if e["orientation"] == "v"]
    for t in tables:
        x0, top, x1, bottom = t.bbox
        inside = [e for e in vertical if x0 - _TOL <= e["x0"] <= x1 + _TOL]
        below = [e["bottom"] for e in inside if e["top"] >= bottom - _TOL and e["bottom"] > bottom + 5]
        above = [e["top"] for e in inside if e["bottom"] <= top + _TOL and e["top"] < top - 5]
        if len(below) >= 2:
            out.append(max(below))
        if len(above) >= 2:
            out.append(min(above))
    return out


def _grid_like(table: Any) -> bool:
    rows = table.extract()
    if len(rows) < 3 or max((len(r) for r in rows), default=0) < 3:
        return False
    figures = sum(1 for r in rows for c in r if c and FIGURE.fullmatch(c.strip()))
    return figures >= len(rows)


def continue_row(before: list[list[str]], rows: list[list[str]]) -> list[list[str]]:
    """`rows` (a table's part on the next page) without the header rows it repeats from `before`
    (the part on the page before), its first row joined onto `before`'s last row when it is the
    rest of that row: its key cell empty where the last row has one, a cell of its own filled."""
    k = 0
    while k < len(rows) and k < len(before) - 1 and rows[k] == before[k]:
        k += 1
    rows = rows[k:]
    last = before[-1]
    if not k or not rows or len(rows[0]) != len(last):
        return rows
    first = rows[0]
    if first[0] or not last[0] or not any(first[1:]):
        return rows
    for i, cell in enumerate(first):
        if cell:
            last[i] = f"{last[i]}\n{cell}" if last[i] else cell
    return rows[1:]
