"""A flattened steps table (`阶段 | 时间 | 工作内容`, one cell per line): it holds windows, not
figures, so the figure-driven flat reader finds no rows in it. Its rows are found by their window
cells: each row's cell under the window column is a date or a range."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..rules.phase import window_of
from .columns import lexicon, squash

if TYPE_CHECKING:
    from .flat import Cell


def steps_rows(cells: list[Cell]) -> tuple[list[Cell], list[list[Cell | None]]] | None:
    """(header, rows) of a steps table: the header is the run of cells before the first row (a
    stage column and a window column among them); a row starts one stage cell before each
    window cell, and a work cell broken over lines is joined back to its row's last cell."""
    words = lexicon()
    width = next((i for i, c in enumerate(cells) if window_of(c.text, None) is not None), 0) - 1
    if width < 2:
        return None
    header = cells[:width]
    names = [squash(c.text) for c in header]
    stage = next((j for j, h in enumerate(names) if h in words["stages"]), None)
    window = next((j for j, h in enumerate(names) if h in words["windows"]), None)
    if stage is None or window is None or window != stage + 1:
        return None
    body = cells[width:]
    starts = [i - window for i, c in enumerate(body) if i >= window and window_of(c.text, None) is not None]
    rows: list[list[Cell | None]] = []
    for k, s in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(body)
        row: list[Cell | None] = list(body[s:end])
        if len(row) > width:  # a work cell over several lines: its lines are one cell
            first, last = body[s + width - 1], body[end - 1]
            joined = "\n".join(c.text for c in body[s + width - 1:end])
            row = [*row[:width - 1], replace(first, text=joined, end=last.end)]
        rows.append(row + [None] * (width - len(row)))
    return (header, rows) if rows else None
