"""Tables rebuilt from the text: one cell per line (empty cells vanished), `|`-separated rows,
rows set on one line with spaces. Every reader writes its tables into the text this way."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..models import Table
from ..structure.lines import Line, has_cjk, is_figure, is_furniture, is_table_row
from .columns import ColumnKind, caption_unit, column_kinds, is_total_label, lexicon, squash
from .header import caption_of, children_in_place, flat_header, grid_headers, split_glued, with_caption
from .place import FIGURE_KINDS, is_group_label
from .recover import arithmetic, drop_repeated, join_broken, take_caption
from .steps import steps_rows
from .transpose import turn

_SEQ_HEADERS = ("序号", "编号", "No.", "NO.")


@dataclass(frozen=True)
class Cell:
    text: str
    start: int
    end: int
    gap: int  # blank lines before the cell
    head: str = ""  # the cell's first line, when a cell runs over several lines
    broken: bool = False  # a figure rejoined from two lines (`1234567.` / `5`)


def _cells(lines: list[Line], text: str) -> list[Cell]:
    """Cells of a flattened table: a run of consecutive non-blank lines is one cell when the
    layout separates cells by blank lines (`补助标准` + `(万元)`), else each line is one."""
    # only blank lines BETWEEN cells count: a blank line before the first cell (after the title)
    # says nothing about how the cells are separated
    nonblank = [k for k, ln in enumerate(lines) if not ln.blank]
    inner = lines[nonblank[0]:nonblank[-1] + 1] if nonblank else []
    # runs of consecutive non-blank lines: one per cell (or a few lines each) when blank lines
    # separate the cells; a dense one-cell-per-line table with a footer after one blank line
    # (`右江区` / `3800` / ... then `主办:…`) has a couple of long runs and is not spaced
    runs = [r for r in "".join("x" if ln.blank else "." for ln in inner).split("x") if r]
    spaced = len(runs) > 1 and len(runs) * 3 >= len(nonblank)
    if not spaced and len(runs) > 1:
        # the footer after the table's last blank line (`广元市人民政府办公室` / `…印发`) is no cell
        last_blank = max(k for k, ln in enumerate(lines) if ln.blank and k < nonblank[-1])
        if not any(is_figure(ln.text) for ln in lines[last_blank:]):
            lines = lines[:last_blank]
    cells: list[Cell] = []
    gap = 0
    run: list[Line] = []

    def flush() -> None:
        nonlocal gap
        if run:
            cells.append(Cell("".join(r.text for r in run), run[0].start, run[-1].end, gap, run[0].text))
            run.clear()
            gap = 0

    for ln in lines:
        if ln.blank:
            if run:
                flush()
            gap += 1
            continue
        run.append(ln)
        if not spaced and not ln.text.endswith(_GOES_ON):
            flush()  # one cell a line, but a line ending with a comma goes on in the next
    flush()
    return cells


_GOES_ON = (",", "、", "，")


def _clean_header(cells: list[Cell]) -> list[Cell]:
    """Merge header fragments into the cell before: `(万元)`, `201191—201391`, `期间出生)`."""
    out: list[Cell] = []
    for c in cells:
        # judged on the cell's first line: a cell a reader kept whole (`...人数` / `201191—201391` /
        # `期间出生)` in one cell) is not a fragment of the cell before
        t = c.head or c.text
        # `(万元)` wrapped off `补助标准`; `201191—201391` (no CJK) and `期间出生)` (unbalanced) are pieces
        frag = t.startswith("(") or (t[:1].isdigit() and not has_cjk(t)) or t.count(")") > t.count("(")
        if out and frag:
            prev = out[-1]
            out[-1] = Cell(prev.text + c.text, prev.start, c.end, prev.gap, prev.head)
        else:
            out.append(c)
    return out


def _figure_columns(rows: list[list[Cell]], n: int) -> list[int]:
    """Columns (after the serial number and label) holding figures in every full row."""
    full = [r for r in rows if len(r) == n]
    return [j for j in range(2, n) if full and all(is_figure(r[j].text) for r in full)]


def _text_columns(header: list[Cell], j: int) -> bool:
    """Column j holds text, not figures: its header names no unit bracket (`资金来源`, `责任单位`)."""
    return j < len(header) and "(" not in header[j].text and not header[j].text.endswith(("数", "量"))


def _is_seq(cells: list[Cell], i: int, expected: int) -> bool:
    return (cells[i].text == str(expected) and i + 1 < len(cells)
            and not is_figure(cells[i + 1].text))


def cells_in(lines: list[Line]) -> int:
    """The most cells a table's lines can hold: a `|` row's cells, else its blank-separated words."""
    return sum(max(ln.text.count("|") + 1, len(ln.text.split())) for ln in lines)


def rebuild_table(
    lines: list[Line], text: str, grids: list[list[list[str]]] | None = None
) -> tuple[Table, list[list[tuple[int, int]]]] | None:
    """Header + rows from a one-cell-per-line (or `|`-separated) table; None when no figures.
    `grids`: the tables the reader saw as grids (RawDoc.tables); one found in these lines gives
    every cell its column exactly."""
    if grids:
        from .grids import grid_table

        found = grid_table(lines, text, grids)
        if found is not None:
            return found
    lines = [ln for ln in lines if not is_furniture(ln.text) or "|" in ln.text]
    if sum("|" in ln.text for ln in lines if not ln.blank) >= 2:
        return _rebuild_piped(lines)
    nonblank = [ln for ln in lines if not ln.blank]
    rowed = sum(is_table_row(ln.text) for ln in nonblank)
    head = next((ln for ln in nonblank if not caption_unit(ln.text)), None)
    if head is not None and rowed >= 2 and rowed * 2 >= len(nonblank) and (
            len(head.text.split()) >= 3 or split_glued(head.text, max(len(ln.text.split()) for ln in nonblank))):
        return _rebuild_spaced(nonblank)
    return _rebuild_flat(_cells(lines, text))



def _is_label(text: str) -> bool:
    return is_total_label(text) or is_group_label(text)


def _data_start(cells: list[Cell], first_fig: int, seq: bool) -> int:
    """Where the rows begin: at the first figure (a 序号 table's `1`), or at the label before it;
    a `合计` / `一、…项目` label before the first figure is a row, never a header cell."""
    start = first_fig
    if first_fig > 0 and not is_figure(cells[first_fig - 1].text) and (not seq or _is_label(cells[first_fig - 1].text)):
        start = first_fig - 1
    while start > 1 and _is_label(cells[start - 1].text):
        start -= 1
    return start


def _rebuild_flat(cells: list[Cell]) -> tuple[Table, list[list[tuple[int, int]]]] | None:
    unit, cells = take_caption(cells)
    cells = join_broken(cells)
    steps = steps_rows(cells) if cells and squash(cells[0].text) in lexicon()["stages"] else None
    if steps is not None:
        return _make_table(*steps)
    first_fig = next((i for i, c in enumerate(cells) if is_figure(c.text)), None)
    if first_fig is None:
        return None
    seq = _is_seq(cells, first_fig, 1) or (cells and cells[0].text in _SEQ_HEADERS)
    data_start = _data_start(cells, first_fig, seq)
    raw_header = children_in_place(_clean_header(cells[:data_start]))
    header, texts = flat_header(raw_header, unit)
    kinds = column_kinds(texts) if texts else []
    rows = _segment(drop_repeated(cells[data_start:], raw_header), header, seq, kinds)
    n = len(header) or max(len(r) for r in rows)
    out_rows = _pad(rows, seq, n)
    kinds = kinds if len(kinds) == n else []
    table_warnings: list[str] = []
    unplaced: list[tuple[int, tuple[int, int]]] = []
    if kinds:
        out_rows, table_warnings, unplaced = arithmetic(rows, out_rows, kinds)
    table, spans = _make_table(header, out_rows, texts)
    table._warnings = table_warnings
    table._unplaced = unplaced
    return table, spans


def _segment(cells: list[Cell], header: list[Cell], seq: bool, kinds: list[ColumnKind]) -> list[list[Cell]]:
    """Cells into rows: a 序号 table starts a row at each serial number, a `合计` / `一、…` label
    or after a full row; another table at each word cell not under a word column (a table whose
    only word column is its first: at each word cell)."""
    words_after = any(k.kind not in FIGURE_KINDS for k in kinds[1:]) if kinds else True
    typical_gap = min((c.gap for c in cells[1:]), default=0)
    n_head = len(header)
    rows: list[list[Cell]] = []
    expected = 1
    for i, c in enumerate(cells):
        # a 序号 table starts rows at serial numbers only: the wider gap of a blank cell (`合计`, an
        # empty 序号 cell, then the figures) is not a row break
        starts = not rows or (not seq and c.gap > typical_gap) or _is_label(c.text)
        if seq:
            # a 序号 table: rows start at the next serial number, or after a full row (合计)
            if _is_seq(cells, i, expected):
                starts, expected = True, expected + 1
            elif (rows and n_head and len(rows[-1]) >= n_head) or (not is_figure(c.text) and not rows):
                starts = True
        elif not is_figure(c.text) and not (words_after and rows and n_head and len(rows[-1]) < n_head and
                                            _text_columns(header, len(rows[-1]))):
            starts = True
        if starts:
            rows.append([c])
        else:
            rows[-1].append(c)
    return rows


def _pad(rows: list[list[Cell]], seq: bool, n: int) -> list[list[Cell | None]]:
    """Short rows padded: a label-less total row right-aligned, a 序号 table's 合计 row under the
    figure columns, any other row filled from the left."""
    labelled = [r for r in rows if not is_figure(r[0].text)]
    last_filled = max((len(r) - 1 for r in labelled), default=n - 1)
    out_rows: list[list[Cell | None]] = []
    for r in rows:
        row: list[Cell | None] = list(r)
        if seq and not is_figure(r[0].text):
            # 合计 row of a 序号 table: no serial number; its figures go under the figure columns
            row = [None, r[0]]
            figs = [c for c in r[1:] if is_figure(c.text)]
            cols = _figure_columns(rows, n)
            if len(figs) == len(r) - 1 and len(cols) >= len(figs):
                row += [None] * (n - 2)
                for col, c in zip(cols, figs, strict=False):
                    row[col] = c
            else:
                row += r[1:]
        if len(row) < n:
            if is_figure(r[0].text) and not seq:
                # a total row without its label: figures sit in the right-most filled columns
                pad_left = max(0, last_filled + 1 - len(row))
                row = [None] * pad_left + row
            row = row + [None] * (n - len(row))
        out_rows.append(row[:n] if len(row) > n and all(c is None for c in row[n:]) else row)
    return out_rows


def _make_table(
    header: list[Cell], rows: list[list[Cell | None]], names: list[str] | None = None
) -> tuple[Table, list[list[tuple[int, int]]]]:
    """A Table with its cell spans; an empty cell gets a zero-width span at its row's first cell
    (a row with no cell left: at the header's end). `names`: the column headers, when they are
    not the header cells' own text (a spanning parent's unit carried down, a caption's unit)."""
    spans: list[list[tuple[int, int]]] = [[(c.start, c.end) for c in header]]
    texts: list[list[str]] = []
    last = header[-1].end if header else 0
    for row in rows:
        anchor = next((c.start for c in row if c is not None), last)
        spans.append([(c.start, c.end) if c else (anchor, anchor) for c in row])
        texts.append([c.text if c else "" for c in row])
        last = max([last, *(c.end for c in row if c is not None)])
    headers = names if names is not None and len(names) == len(header) else [c.text for c in header]
    table = Table(header=headers, rows=texts)
    table._cell_spans = spans
    return table, spans


_WORD = regex.compile(r"\S+")


def _split_spaced(ln: Line) -> list[Cell]:
    """`陈仓区 12 190` -> cells with offsets."""
    return [Cell(m.group(), ln.start + m.start(), ln.start + m.end(), 0)
            for m in _WORD.finditer(ln.text)]


def _rebuild_spaced(lines: list[Line]) -> tuple[Table, list[list[tuple[int, int]]]] | None:
    """Rows set one per line, cells separated by spaces; a short row (`合计 126 23500`) keeps its
    label on the left (under the label column of a 序号 table) and its figures on the right."""
    unit = None
    while lines and caption_unit(lines[0].text) and len(lines) > 2:  # 单位:万元 above the header
        unit, lines = caption_unit(lines[0].text), lines[1:]
    header = _split_spaced(lines[0])
    width = max(len(_split_spaced(ln)) for ln in lines[1:])
    glued = split_glued(lines[0].text, width) if len(header) == 1 else None
    if glued is not None:
        header = [Cell(lines[0].text[a:b], lines[0].start + a, lines[0].start + b, 0) for a, b in glued]
    n = len(header)
    seq = header[0].text in _SEQ_HEADERS
    names = [c.text for c in header]
    units = _unit_row(lines[0], lines[1]) if len(lines) > 2 else None
    if units is not None:  # 改造任务 / (户): a header whose units a second line gives
        names = [h + u for h, u in zip(names, units, strict=True)]
        lines = lines[1:]
    rows: list[list[Cell | None]] = []
    for ln in lines[1:]:
        cells = _split_spaced(ln)
        row: list[Cell | None] = list(cells[:n])
        if len(cells) < n:
            label = [] if is_figure(cells[0].text) else [cells[0]]
            figs = cells[len(label):]
            lead: list[Cell | None] = [None] * (1 if seq and label else 0)
            row = [*lead, *label]
            row += [None] * (n - len(row) - len(figs)) + figs
        rows.append(row)
    turned = turn(header, rows)
    if turned is not None:  # one column per county: one row per county (tables/transpose.py)
        header, rows = turned
        names = [c.text for c in header]  # type: ignore[union-attr]
    return _make_table(header, rows, [with_caption(h, unit) for h in names])


_UNIT_ONLY = regex.compile(r"\([^()\d]{1,6}\)")


def _unit_row(head: Line, line: Line) -> list[str] | None:
    """The units a line under the header gives its columns (`县区 改造任务 省级奖补资金` over `(户) (万元)
    (万元)`): the label columns on the left have none, so k units go to the last k columns (a text
    copy keeps no indent to align them by); None when the line is not only units."""
    cells = _split_spaced(line)
    n = len(_split_spaced(head))
    if not cells or len(cells) > n or not all(_UNIT_ONLY.fullmatch(c.text) for c in cells):
        return None
    return [""] * (n - len(cells)) + [c.text for c in cells]


def _split_pipe(ln: Line) -> list[Cell]:
    """`项目名称|建设内容及规模|总投资` -> cells with offsets."""
    cells: list[Cell] = []
    pos = ln.start
    for part in ln.text.split("|"):
        stripped = part.strip()
        lead = len(part) - len(part.lstrip())
        cells.append(Cell(stripped, pos + lead, pos + lead + len(stripped), 0))
        pos += len(part) + 1
    return cells


def _rebuild_piped(lines: list[Line]) -> tuple[Table, list[list[tuple[int, int]]]] | None:
    """A `|` grid: exact cells (an empty one kept as `||`); header rows up to the first row with a
    figure or a serial number, merged per column (`资金合计` / `(万元)`, a spanning `资金来源(万元)|||`
    over `中央财政|省级财政|市县财政`); a caption line `单位:万元` gives its unit."""
    unit = caption_of([ln.text for ln in lines if not ln.blank and "|" not in ln.text])
    rows = [_split_pipe(ln) for ln in lines if not ln.blank and "|" in ln.text]
    rows = [r for r in rows if r]
    if not rows:
        return None
    rows = _one_header(rows)
    width = len(rows[0])
    grid = [r[:width] + [Cell("", r[-1].end, r[-1].end, 0)] * (width - len(r)) for r in rows]
    n_head = next((i for i, r in enumerate(grid) if i and _data_row(r)), 1)
    head_grid = [[c if c.text else None for c in r] for r in grid[:n_head]]
    names, parents = grid_headers(head_grid, n_head, unit)  # type: ignore[arg-type]
    header = [next((r[j] for r in reversed(grid[:n_head]) if r[j].text), grid[0][j]) for j in range(width)]
    table, spans = _make_table(header, grid[n_head:], names)  # type: ignore[arg-type]
    table._parents = parents  # the header spanning each column (GUIDELINES rule 8), as a reader grid's
    return table, spans


def _one_header(rows: list[list[Cell]]) -> list[list[Cell]]:
    """A table in two parts with headers of their own (`序号|项目名称|总投资(万元)|牵头单位|…`, later
    `序号|项目名称|目标任务|牵头单位|配合单位|…`): one header of the columns of both, each row's cells
    under the column of its own part's header; no second header row."""
    first = [c.text for c in rows[0]]
    again = next((i for i, r in enumerate(rows[2:], 2) if len(r) >= 3 and r[0].text == first[0]
                  and not _data_row(r) and rows[i - 1] and _data_row(rows[i - 1])), None)
    if again is None or not first[0]:
        return rows
    second = [c.text for c in rows[again]]
    added = [j for j, t in enumerate(second) if t and t not in first]
    header = rows[0] + [rows[again][j] for j in added]
    names = first + [second[j] for j in added]
    out = [header]
    for k, r in enumerate(rows[1:], 1):
        if k == again:
            continue
        cells = [Cell("", r[0].start, r[0].start, 0)] * len(names) if r else []
        titles = first if k < again else second
        for j, c in enumerate(r):
            if j < len(titles) and titles[j] in names:
                cells[names.index(titles[j])] = c
        out.append(cells)
    return out


def _data_row(row: list[Cell]) -> bool:
    """A row of data, not of the header: a figure (a serial number too), or a group label first."""
    texts = [c.text for c in row if c.text]
    return any(is_figure(t) for t in texts) or bool(texts and is_group_label(texts[0]))
