"""附件: references (`附件:1.XX表`), attachment blocks (`附件1` + title + table) and tables
rebuilt from the flattened one-cell-per-line layout."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

import regex

from ..models import Table
from .lines import TIMEOUT, Line, has_cjk, is_figure, is_furniture, is_table_row, title_columns

# a block label alone on its line: 附件1 / 附件 2 / 附件
_LABEL = regex.compile(r"附\s*件\s*(\d{1,2})?\s*[:]?")
# a reference list: 附件:1.困难重度残疾人家庭无障碍改造任务分解表 / 附件:乡村全民健身提升工程任务分解表
_REF = regex.compile(r"附\s*件\s*[:]\s*(.+)")
# continuation item of a reference list: `2.2025年残疾人日间照料服务省级示范中心任务分解表`
_REF_ITEM = regex.compile(r"(\d{1,2})\s*[.、．]\s*(\S.*)")
# where an attachment title ends: ...任务分解表 / ...清单 / ...名单
_TITLE_END = regex.compile(r"(?:表|清单|名单|名册|目录|明细|计划|汇总|一览)$")
_SEQ_HEADERS = ("序号", "编号", "No.", "NO.")
# a note under a table: `注:资金安排包括…` / `备注:` / `说明:`; it ends the table
_NOTE = regex.compile(r"(?:注|备注|说明)\s*\d?\s*[:]")
# a label and its title on one line: `附件:长治市2025年…任务分解表` / `附表:2025年…任务分配表`
_INLINE = regex.compile(r"(附\s*[件表])\s*(\d{1,2})?\s*[:]\s*(\S.*)")
# a heading line of the body (`一、` / `(一)`): a flattened table never runs over one
_BODY_HEADING = regex.compile(r"[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\)")


@dataclass
class Reference:
    """A title named in a 附件: list, with its number (1, 2, ... or None) and the line it is on."""

    title: str
    number: int | None
    line: Line


@dataclass
class Block:
    """An attachment block: label line, title lines, the table cells after them."""

    label: str
    number: int | None
    label_line: Line
    title: str = ""
    title_lines: list[Line] = field(default_factory=list)
    end: int = 0
    table_lines: list[Line] = field(default_factory=list)


@dataclass(frozen=True)
class Cell:
    text: str
    start: int
    end: int
    gap: int  # blank lines before the cell
    head: str = ""  # the cell's first line, when a cell runs over several lines


def _compact(s: str) -> str:
    return "".join(s.split())


def find_references(lines: list[Line]) -> list[Reference]:
    """Titles named after `附件:`; numbered continuation lines under it belong to the list."""
    refs: list[Reference] = []
    nonblank = [ln for ln in lines if not ln.blank]
    for i, ln in enumerate(nonblank):
        m = _REF.fullmatch(ln.text, timeout=TIMEOUT)
        if not m:
            continue
        body = m.group(1).strip()
        item = _REF_ITEM.fullmatch(body, timeout=TIMEOUT)
        if item:
            refs.append(Reference(item.group(2).strip(), int(item.group(1)), ln))
            for nxt in nonblank[i + 1:i + 20]:
                it = _REF_ITEM.fullmatch(nxt.text, timeout=TIMEOUT)
                if not it or int(it.group(1)) != refs[-1].number + 1:
                    break
                refs.append(Reference(it.group(2).strip(), int(it.group(1)), nxt))
        else:
            refs.append(Reference(body, None, ln))
    return refs


def reference_lines(refs: list[Reference]) -> set[int]:
    return {r.line.no for r in refs}


def _ends_table(text: str, plan_title) -> bool:
    """A line a table never runs over: a label, a body heading, a note, a sentence, a plan title."""
    return bool(_LABEL.fullmatch(text, timeout=TIMEOUT) or _INLINE.fullmatch(text, timeout=TIMEOUT)
                or _BODY_HEADING.match(text, timeout=TIMEOUT) or _NOTE.match(text, timeout=TIMEOUT)
                or "。" in text or (len(text) > 40 and not is_table_row(text)) or plan_title(text))


def _inline_table(lines: list[Line], idx: int, stops: list[int], plan_title) -> list[Line]:
    """The table right under an `附件:TITLE` line (rows on one line each, or one cell per line),
    up to the first line a table never runs over; [] when what follows is no table (body text,
    another label): the line is then a reference only."""
    body: list[Line] = []
    for x in lines[idx + 1:]:
        if x.start in stops or (not x.blank and not is_furniture(x.text) and _ends_table(x.text, plan_title)):
            break
        if not is_furniture(x.text):
            body.append(x)
    while body and body[-1].blank:
        body.pop()
    cells = [x for x in body if not x.blank]
    rows = sum(is_table_row(x.text) for x in cells)
    if rows >= 2 and rows * 2 >= len(cells):
        return body
    figures = sum(is_figure(x.text) for x in cells)
    return body if len(cells) >= 4 and figures >= 2 and figures * 3 >= len(cells) else []


def find_inline_blocks(lines: list[Line], stops: list[int], plan_title) -> list[Block]:
    """`附件:TITLE` / `附表:TITLE` lines followed by a table: blocks titled on their label line."""
    blocks: list[Block] = []
    for k, ln in enumerate(lines):
        m = None if ln.blank else _INLINE.fullmatch(ln.text, timeout=TIMEOUT)
        if not m or _REF_ITEM.fullmatch(m.group(3).strip(), timeout=TIMEOUT):
            continue
        table = _inline_table(lines, k, stops, plan_title)
        if table:
            blocks.append(Block(label=_compact(m.group(1)) + (m.group(2) or ""),
                                number=int(m.group(2)) if m.group(2) else None, label_line=ln,
                                title=_compact(m.group(3)), end=table[-1].end, table_lines=table))
    return blocks


def _line_start(ln: Line) -> int:
    return ln.start


def find_blocks(lines: list[Line], refs: list[Reference], stops: list[int]) -> list[Block]:
    """Attachment blocks; each ends at the next block, the next offset in `stops` or the last line."""
    blocks: list[Block] = []
    for ln in lines:
        if ln.blank:
            continue
        m = _LABEL.fullmatch(ln.text, timeout=TIMEOUT)
        if m:
            num = int(m.group(1)) if m.group(1) else None
            blocks.append(Block(label=_compact(ln.text).rstrip(":"), number=num, label_line=ln))
    last = max((ln.end for ln in lines if not ln.blank and not is_furniture(ln.text)), default=0)
    for i, b in enumerate(blocks):
        nexts = [s for s in stops if s > b.label_line.start]
        if i + 1 < len(blocks):
            nexts.append(blocks[i + 1].label_line.start)
        b.end = min(nexts) if nexts else last
        lo = bisect_right(lines, b.label_line.end, key=_line_start)  # lines are in offset order
        hi = bisect_right(lines, b.end, lo, key=_line_start)
        body = [ln for ln in lines[lo:hi] if ln.start < b.end or ln.blank]
        _split_title(b, body, refs)
    return blocks


def _split_title(block: Block, body: list[Line], refs: list[Reference]) -> None:
    """Title lines (wrapped title joined) then table lines."""
    wanted = [_compact(r.title) for r in refs]
    nonblank = [ln for ln in body if not ln.blank and not is_furniture(ln.text)]
    title, used = "", []
    for ln in nonblank[:4]:
        cand = title + _compact(ln.text)
        if any(w == cand for w in wanted):
            title, used = cand, [*used, ln]
            break
        if any(w.startswith(cand) for w in wanted) or (not used and has_cjk(ln.text)):
            title, used = cand, [*used, ln]
            if _TITLE_END.search(cand, timeout=TIMEOUT) and not any(
                w.startswith(cand) and w != cand for w in wanted
            ):
                break
            continue
        break
    # a title that never reached its end word: keep only the first line, the rest are header cells
    if len(used) > 1 and not _TITLE_END.search(title, timeout=TIMEOUT) and title not in wanted:
        used = used[:1]
        title = _compact(used[0].text)
    block.title = title
    block.title_lines = used
    after = used[-1].end if used else block.label_line.end
    block.table_lines = [ln for ln in body if ln.start > after and not is_furniture(ln.text)]


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
        if not spaced:
            run.append(ln)
            flush()
        else:
            run.append(ln)
    flush()
    return cells


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


def rebuild_table(lines: list[Line], text: str) -> tuple[Table, list[list[tuple[int, int]]]] | None:
    """Header + rows from a one-cell-per-line (or `|`-separated) table; None when no figures."""
    lines = [ln for ln in lines if not is_furniture(ln.text) or "|" in ln.text]
    if sum("|" in ln.text for ln in lines if not ln.blank) >= 2:
        return _rebuild_piped(lines)
    nonblank = [ln for ln in lines if not ln.blank]
    rowed = sum(is_table_row(ln.text) for ln in nonblank)
    if nonblank and len(nonblank[0].text.split()) >= 3 and rowed >= 2 and rowed * 2 >= len(nonblank):
        return _rebuild_spaced(nonblank)
    cells = _cells(lines, text)
    first_fig = next((i for i, c in enumerate(cells) if is_figure(c.text)), None)
    if first_fig is None:
        return None
    seq = _is_seq(cells, first_fig, 1) or (cells and cells[0].text in _SEQ_HEADERS)
    data_start = first_fig
    if not seq and first_fig > 0 and not is_figure(cells[first_fig - 1].text):
        data_start = first_fig - 1
    header = _clean_header(cells[:data_start])
    typical_gap = min((c.gap for c in cells[data_start + 1:]), default=0)
    n_head = len(header)
    rows: list[list[Cell]] = []
    expected = 1
    for i in range(data_start, len(cells)):
        c = cells[i]
        # a 序号 table starts rows at serial numbers only: the wider gap of a blank cell (`合计`, an
        # empty 序号 cell, then the figures) is not a row break
        starts = not rows or (not seq and c.gap > typical_gap)
        if seq:
            # a 序号 table: rows start at the next serial number, or after a full row (合计)
            if _is_seq(cells, i, expected):
                starts, expected = True, expected + 1
            elif (rows and n_head and len(rows[-1]) >= n_head) or (not is_figure(c.text) and not rows):
                starts = True
        elif not is_figure(c.text) and not (rows and n_head and len(rows[-1]) < n_head and
                                            _text_columns(header, len(rows[-1]))):
            starts = True
        if starts:
            rows.append([c])
        else:
            rows[-1].append(c)
    n = len(header) or max(len(r) for r in rows)
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
        out_rows.append(row)
    return _make_table(header, out_rows)


def _make_table(
    header: list[Cell], rows: list[list[Cell | None]]
) -> tuple[Table, list[list[tuple[int, int]]]]:
    """A Table with its cell spans; an empty cell gets a zero-width span at its row's first cell."""
    spans: list[list[tuple[int, int]]] = [[(c.start, c.end) for c in header]]
    texts: list[list[str]] = []
    for row in rows:
        anchor = next(c.start for c in row if c is not None)
        spans.append([(c.start, c.end) if c else (anchor, anchor) for c in row])
        texts.append([c.text if c else "" for c in row])
    table = Table(header=[c.text for c in header], rows=texts)
    table._cell_spans = spans
    return table, spans


def _split_spaced(ln: Line) -> list[Cell]:
    """`陈仓区 12 190` -> cells with offsets."""
    return [Cell(m.group(), ln.start + m.start(), ln.start + m.end(), 0)
            for m in regex.finditer(r"\S+", ln.text, timeout=TIMEOUT)]


def _rebuild_spaced(lines: list[Line]) -> tuple[Table, list[list[tuple[int, int]]]] | None:
    """Rows set one per line, cells separated by spaces; a short row (`合计 126 23500`) keeps its
    label on the left (under the label column of a 序号 table) and its figures on the right."""
    header = _split_spaced(lines[0])
    n = len(header)
    seq = header[0].text in _SEQ_HEADERS
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
    return _make_table(header, rows)


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
    rows = [_split_pipe(ln) for ln in lines if not ln.blank and "|" in ln.text]
    rows = [r for r in rows if r]
    if not rows:
        return None
    header = rows[0]
    body = rows[1:]
    # a header wrapped over two lines: `总投资` / `(万元)`
    width = len(header)
    body = [r[:width] + [Cell("", r[-1].end, r[-1].end, 0)] * (width - len(r)) for r in body]
    while body and all(not c.text or c.text.startswith("(") for c in body[0]):
        header = [Cell(h.text + (body[0][j].text if j < len(body[0]) else ""), h.start,
                       body[0][j].end if j < len(body[0]) and body[0][j].text else h.end, 0)
                  for j, h in enumerate(header)]
        body = body[1:]
    spans = [[(c.start, c.end) for c in header]] + [[(c.start, c.end) for c in r] for r in body]
    table = Table(header=[c.text for c in header], rows=[[c.text for c in r] for r in body])
    table._cell_spans = spans
    return table, spans


def find_free_tables(lines: list[Line], taken: set[int]) -> list[Block]:
    """`|`-separated tables standing in the body without an `附件` label (a 计划表 printed after the
    cover letter): 2+ consecutive pipe rows, titled by the short line just above them."""
    blocks: list[Block] = []
    run: list[Line] = []

    def flush() -> None:
        rows = [ln for ln in run if not is_furniture(ln.text)]
        if len(rows) >= 2:
            prev = next((ln for ln in reversed(lines[:run[0].no]) if not ln.blank), None)
            titled = (prev is not None and prev.no not in taken and "|" not in prev.text and len(prev.text) <= 60
                      and has_cjk(prev.text) and not any(p in prev.text for p in "。;:"))
            first = prev if titled and prev is not None else run[0]
            blocks.append(Block(label="", number=None, label_line=first, title=_compact(prev.text) if titled else "",
                                title_lines=[prev] if titled and prev is not None else [],
                                end=run[-1].end, table_lines=list(run)))
        run.clear()

    for ln in lines:
        if not ln.blank and "|" in ln.text and ln.no not in taken:
            run.append(ln)
            continue
        if run:
            flush()
    if run:
        flush()
    return blocks + _flat_tables(lines, taken | {ln.no for b in blocks for ln in (*b.title_lines, *b.table_lines)})


def _table_title(ln: Line | None, taken: set[int]) -> bool:
    """`2019年省政府为民办实事工作任务分工表`: a short line ending in a table word, no sentence."""
    return (ln is not None and ln.no not in taken and len(ln.text) <= 60 and has_cjk(ln.text)
            and not any(p in ln.text for p in "。;:,") and bool(_TITLE_END.search(ln.text, timeout=TIMEOUT)))


def _flat_tables(lines: list[Line], taken: set[int]) -> list[Block]:
    """Flattened (one cell per line) tables standing in the body without an `附件` label: a header
    starting with `序号` or a project-name column (lexicon/table_title_columns.txt), maybe under a
    title line `…表`, running to a note (`注:`), a body heading, an `附件` label or the end; kept
    when it holds a figure cell."""
    blocks: list[Block] = []
    heads = _SEQ_HEADERS + tuple(title_columns())
    k = 0
    while k < len(lines):
        ln = lines[k]
        if ln.blank or ln.no in taken or ln.text not in heads:
            k += 1
            continue
        body: list[Line] = []
        j = k
        while j < len(lines):
            x = lines[j]
            if x.no in taken or (not x.blank and (
                    _NOTE.match(x.text, timeout=TIMEOUT) or _BODY_HEADING.match(x.text, timeout=TIMEOUT)
                    or _LABEL.fullmatch(x.text, timeout=TIMEOUT))):
                break
            if not is_furniture(x.text):
                body.append(x)
            j += 1
        while body and body[-1].blank:
            body.pop()
        cells = [x for x in body if not x.blank]
        if len(cells) < 4 or not any(is_figure(x.text) for x in cells):
            k += 1
            continue
        prev = next((x for x in reversed(lines[:k]) if not x.blank), None)
        titled = _table_title(prev, taken)
        first = prev if titled and prev is not None else ln
        blocks.append(Block(label="", number=None, label_line=first,
                            title=_compact(prev.text) if titled and prev is not None else "",
                            title_lines=[prev] if titled and prev is not None else [],
                            end=body[-1].end, table_lines=body))
        k = j
    return blocks
