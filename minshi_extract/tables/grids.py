"""Reader grids: a table the reader saw as a grid (HTML `<table>`, a ruled PDF table, a docx
table) is written into the text one cell per line and kept in RawDoc.tables. Found again in the
text, it gives every cell its column exactly, empty cells included, and the spans of its cells."""

from __future__ import annotations

import regex

from ..models import Table
from ..normalize import normalize_fragment
from ..structure.lines import Line, is_figure, is_furniture
from .columns import caption_unit
from .header import caption_of, grid_headers
from .model import GCell
from .place import is_group_label
from .transpose import turn, turn_fields

Span = tuple[int, int]
_MIN_COVER = 0.8  # share of the block's cell text a grid must account for
_MAX_TITLE_ROWS = 3  # rows of a grid above its header that may be its attachment's label and title


def _compact(s: str) -> str:
    return "".join(s.split())


def _flat(lines: list[Line]) -> tuple[str, list[int], list[int]]:
    """The block's text without blanks, each character's offset, and where each line begins in it."""
    chars: list[str] = []
    offs: list[int] = []
    starts: list[int] = []
    for ln in lines:
        if ln.blank or is_furniture(ln.text):
            continue
        starts.append(len(chars))
        for k, ch in enumerate(ln.text):
            if not ch.isspace():
                chars.append(ch)
                offs.append(ln.start + k)
    return "".join(chars), offs, starts


def _title_row(row: list[str]) -> bool:
    """A row above a grid's header that is its label, title or caption: one filled cell, or only labels
    (`填报单位:… | 单位:万元`)."""
    filled = [c for c in row if c and c.strip()]
    return len(filled) <= 1 or all(":" in c or "：" in c for c in filled)


_NOTE_RE = regex.compile(r"\s*(?:注|备注|附注|说明)\s*\d?\s*[:：]")


def _notes_after(lines: list[Line]) -> int:
    """Characters of the notes closing the block (`注:县级配套资金用于…`): the table's, not its cells."""
    n = 0
    for ln in reversed(lines):
        if ln.blank:
            continue
        if not _NOTE_RE.match(ln.text):
            break
        n += len("".join(ln.text.split()))
    return n


def locate(lines: list[Line], text: str, grid: list[list[str]]) -> list[list[GCell | None]] | None:
    """The grid's cells found in the block's lines, in order, each with its span; None when the
    grid is not this block's table."""
    flat, offs, starts = _flat(lines)
    cells = [[_compact(normalize_fragment(c)) if c else "" for c in row] for row in grid]
    # the grid starts at a line of the block: its first lines, or after a paragraph that introduces
    # it (为便于各区县对照落实，现将目标任务…分解如下。); it accounts for most of the block from there.
    # Its first rows may be the attachment's label and title, read as the block's heading (附件1 /
    # 2021年…计划表 / 填报单位:… in a spreadsheet's first rows): the grid then starts after them.
    at = None
    for skip in range(min(_MAX_TITLE_ROWS, len(cells)) + 1):
        if skip and not _title_row(grid[skip - 1]):
            return None
        whole = "".join(c for row in cells[skip:] for c in row)
        if not whole:
            return None
        at = next((s for s in starts if flat.startswith(whole, s)), None)
        if at is not None:
            cells = cells[skip:]
            break
    if at is None or len(whole) < _MIN_COVER * (len(flat) - at - _notes_after(lines)):
        return None
    out: list[list[GCell | None]] = []
    pos = at
    for row in cells:
        got: list[GCell | None] = []
        for c in row:
            if not c:
                got.append(None)
                continue
            a, b = offs[pos], offs[pos + len(c) - 1] + 1
            got.append(GCell(text[a:b], a, b))
            pos += len(c)
        out.append(got)
    return out


def _is_data(row: list[GCell | None]) -> bool:
    """A row of data, not of the header: it holds a figure, or opens with a group label (`一、…`);
    a `合计` among header cells names a column."""
    texts = [_compact(c.text) for c in row if c is not None]
    return any(is_figure(t) for t in texts) or bool(texts and is_group_label(texts[0]))


def grid_table(lines: list[Line], text: str, grids: list[list[list[str]]]) -> tuple[Table, list[list[Span]]] | None:
    """The first reader grid found in the block, as a Table: header rows merged per column, a
    caption row (`单位:万元`) or a title row spanning the table dropped, cell text as in the notice."""
    caption = caption_of([ln.text for ln in lines if not ln.blank])
    for grid in grids:
        found = locate(lines, text, grid)
        if found is not None:
            return _table(found, text, caption)
    return None


def _table(grid: list[list[GCell | None]], text: str, unit: str | None) -> tuple[Table, list[list[Span]]] | None:
    rows: list[list[GCell | None]] = []
    for row in grid:
        filled = [c for c in row if c is not None]
        if len(filled) == 1 and not rows and caption_unit(filled[0].text):
            unit = caption_unit(filled[0].text)
            continue
        if len(filled) == 1 and not rows and len(row) > 2 and not _is_data(row):
            continue  # a title row spanning the table
        if filled and not rows and all(":" in c.text or "：" in c.text for c in filled):
            # a row of labels above the header (填报单位:… | 单位:万元 | 制表日期:…): the caption's
            unit = next((u for c in filled if (u := caption_unit(c.text))), unit)
            continue
        rows.append(row)
    rows = turn_fields(rows) or rows  # one column per project: one row per project (tables/transpose.py)
    n_head = next((i for i, r in enumerate(rows) if i and _is_data(r)), 1)
    if len(rows) <= n_head:
        return None
    if n_head == 1 and all(c is not None for c in rows[0]):
        turned = turn(rows[0], rows[1:])  # one column per county: one row per county (tables/transpose.py)
        if turned is not None:
            rows = [turned[0], *turned[1]]
    width = max(len(r) for r in rows)
    rows = [r + [None] * (width - len(r)) for r in rows]
    names, parents = grid_headers(rows[:n_head], n_head, unit)
    header = [next((r[j] for r in reversed(rows[:n_head]) if r[j] is not None), None) for j in range(width)]
    spans: list[list[Span]] = [[(c.start, c.end) if c else (0, 0) for c in header]]
    if header and header[0] is None:
        first = next(c for c in header if c is not None)
        spans[0] = [(c.start, c.end) if c else (first.start, first.start) for c in header]
    body: list[list[str]] = []
    last = max((c.end for c in header if c is not None), default=0)
    for row in rows[n_head:]:
        anchor = next((c.start for c in row if c is not None), last)
        spans.append([(c.start, c.end) if c else (anchor, anchor) for c in row])
        body.append([text[c.start:c.end] if c else "" for c in row])
        last = max([last, *(c.end for c in row if c is not None)])
    table = Table(header=names, rows=body)
    table._cell_spans = spans
    table._parents = parents
    return table, spans


def grid_cells(grids: list[list[list[str]]]) -> frozenset[str]:
    """Every filled cell of the reader grids, blanks removed: a line that is one is table text."""
    return frozenset(_compact(normalize_fragment(c)) for g in grids for row in g for c in row if c and c.strip())
