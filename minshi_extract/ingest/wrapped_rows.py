"""A table a PDF text copy set as lines of blank-separated cells, its cells wrapped over several lines
(`pdftotext` without `-layout`):

    序 项目名称 主要目标任务 计划投资 完成时限 牵头单位 配合单位
    号 (万元)
    1 城区学前教育扩容 新建改扩建公办幼儿园12所, 21600 2024年8月底前 市教育局 市发改委、市住建局、
    新增普惠性学位3240个 市自然资源和规划局
    2 社区居家养老服务 建设社区养老服务综合体15个, 2250 2024年10月底前 市民政局 市财政局
    提升 为2000户特殊困难老年人家庭
    合计 108510

A row starts with its serial number and has one field a column; the lines after it until the next row
hold the rest of its wrapped cells, each piece going to a column that can go on: one whose text ends
in a separator (`,` `、`), the widest text column (the content), a unit column for a body's name, the
columns left of those (a wrapped name) when more pieces than that are on the line. The header's second
line completes its columns (`序`+`号`, `计划投资`+`(万元)`). The table is rewritten as one `|` line a
row (as the HTML and .docx readers give their grids); page-number lines inside it go. Nothing else
in the text changes, and nothing changes unless the rows number 1, 2, 3… with the header's width and
some row or the header wraps (rows of one line each are read as they are).
"""

from __future__ import annotations

import regex

from ..cells import is_figure_cell as is_figure
from .splice import splice

_SERIAL = regex.compile(r"(\d{1,3})\s")
_ROW_ONE_AT_START = ("1 ", "1\t", "1\u3000")
_ROW_ONE = tuple("\n" + w for w in _ROW_ONE_AT_START)
_TOTAL = ("合计", "总计")
_UNIT_ONLY = regex.compile(r"\([^()\d]{1,6}\)")
_PAGE_NUMBER = regex.compile(r"[-—–]{1,2}\s*\d{1,3}\s*[-—–]{1,2}|第\s*\d{1,3}\s*页")
_DATE = regex.compile(r"(?:(?:19|20)\d{2}\s*年)?\d{1,2}\s*月[^ ]{0,6}|(?:19|20)\d{2}年|年底前|年内")
_GOES_ON = tuple(",，、(和及与")
_UNIT_COLUMN = ("单位", "部门")
_MIN_WIDTH = 4


def _fields(line: str) -> list[str]:
    return line.split()


def _header_words() -> tuple[str, ...]:
    from ..tables.header import header_words

    return header_words()


def _is_header(fields: list[str]) -> bool:
    """A header line: 4+ fields, 2+ of them column words (`项目名称`, `完成时限`, `牵头单位`)."""
    if len(fields) < _MIN_WIDTH or any(is_figure(f) for f in fields):
        return False
    words = _header_words()
    known = sum(any(f.startswith(w) or f.endswith(w) for w in words) or f.endswith(
        ("单位", "时限", "任务", "内容", "目标", "名称")) for f in fields)
    return known >= 2


def _row_start(line: str, expected: int) -> bool:
    m = _SERIAL.match(line)
    return m is not None and int(m.group(1)) == expected


def _kinds(rows: list[list[str]], width: int) -> list[str]:
    """Per column: `serial`, `figure`, `date` or `text`, by what the rows' first lines hold."""
    out = []
    for j in range(width):
        cells = [r[j] for r in rows if j < len(r) and r[j]]
        if j == 0:
            out.append("serial")
        elif cells and sum(is_figure(c) for c in cells) * 2 > len(cells):
            out.append("figure")
        elif cells and sum(bool(_DATE.fullmatch(c)) for c in cells) * 2 > len(cells):
            out.append("date")
        else:
            out.append("text")
    return out


def _targets(row: list[str], pieces: list[str], text_cols: list[int], widest: int, header: list[str]) -> list[int]:
    """The columns the pieces of a continuation line go on, left to right."""
    chosen = {j for j in text_cols if row[j].endswith(_GOES_ON)} | {widest}
    units = [j for j in text_cols if header[j].endswith(_UNIT_COLUMN)]
    if len(pieces) == 1 and len(chosen) > 1:
        organ = _names_body(pieces[0])
        pick = next((j for j in sorted(chosen) if (j in units) == organ), widest)
        return [pick]
    order = sorted(chosen)
    left = [j for j in reversed(text_cols) if j < order[0]]
    right = [j for j in text_cols if j > order[0] and j not in chosen]
    for j in left + right:
        if len(order) >= len(pieces):
            break
        order = sorted({*order, j})
    return order[:len(pieces)] if len(order) >= len(pieces) else order


def _header(first: list[str], more: list[list[str]], kinds: list[str]) -> list[str]:
    """The header's columns completed by the pieces of its second line(s)."""
    head = list(first)
    words = _header_words()
    for pieces in more:
        for p in pieces:
            if _UNIT_ONLY.fullmatch(p):
                j = next((j for j, k in enumerate(kinds) if k == "figure" and "(" not in head[j]), None)
            else:
                j = next((j for j, h in enumerate(head) if h + p in words), None)
                j = j if j is not None else min(range(len(head)), key=lambda x: len(head[x]))
            if j is not None:
                head[j] += p
    return head


def _table(lines: list[str], at: int) -> tuple[int, list[str]] | None:
    """(end, `|` lines) of the wrapped table whose header is lines[at], None when it is none."""
    head = _fields(lines[at])
    width = len(head)
    k = at + 1
    more: list[list[str]] = []
    while k < len(lines) and lines[k].strip() and not _row_start(lines[k], 1) and len(more) < 2:
        more.append(_fields(lines[k]))
        k += 1
    if k >= len(lines) or not _row_start(lines[k], 1):
        return None
    rows: list[list[str]] = []
    conts: list[list[list[str]]] = []
    total: list[str] | None = None
    while k < len(lines):
        line = lines[k].strip()
        if _row_start(line, len(rows) + 1):
            fields = _fields(line)
            if len(fields) != width:
                return None if len(rows) < 2 or not (more or any(conts)) else (k, _emit(head, more, rows, conts, total))
            rows.append(fields)
            conts.append([])
        elif line.startswith(_TOTAL):
            total = _fields(line)
            k += 1
            break
        elif not line or _PAGE_NUMBER.fullmatch(line):
            pass
        elif len(_fields(line)) < width and rows:
            conts[-1].append(_fields(line))
        else:
            break
        k += 1
    if len(rows) < 2 or not (more or any(conts)):
        return None  # rows of one line each: the table reader takes them as they are
    while k > at and not lines[k - 1].strip():
        k -= 1
    return k, _emit(head, more, rows, conts, total)


def _emit(head: list[str], more: list[list[str]], rows: list[list[str]], conts: list[list[list[str]]],
          total: list[str] | None) -> list[str]:
    width = len(head)
    kinds = _kinds(rows, width)
    header = _header(head, more, kinds)
    text_cols = [j for j in range(width) if kinds[j] == "text"]
    if not text_cols:
        return ["|".join(header)] + ["|".join(r) for r in rows]
    widest = max(text_cols, key=lambda j: sum(len(r[j]) for r in rows))
    out = ["|".join(header)]
    for row, lines in zip(rows, conts, strict=True):
        row = list(row)
        for pieces in lines:
            cols = _targets(row, pieces, text_cols, widest, header)
            for n, p in enumerate(pieces):
                j = cols[min(n, len(cols) - 1)]
                row[j] += p
        out.append("|".join(row))
    if total:
        cells = [""] * width
        cells[text_cols[0]] = total[0]
        figures = [j for j in range(width) if kinds[j] == "figure"]
        for j, f in zip(figures, total[1:], strict=False):
            cells[j] = f
        out.append("|".join(cells))
    return out


def unwrap_spaced_tables(text: str) -> str:
    """`text` with every wrapped blank-separated table turned into `|` rows; unchanged without one.
    Only the lines just above a line opening with `1 ` are tried as headers (linear in the text)."""
    if not any(w in text for w in _ROW_ONE) and not text.startswith(_ROW_ONE_AT_START):
        return text  # no line opens with `1 `: no such table (most notices; str scans only)
    lines = text.split("\n")
    tables: list[tuple[int, int, list[str]]] = []
    done = 0
    for r, line in enumerate(lines):
        if r < done or not _row_start(line, 1):
            continue
        for h in range(r - 1, max(done, r - 3) - 1, -1):
            found = _table(lines, h) if _is_header(_fields(lines[h])) else None
            if found is not None:
                tables.append((h, found[0], found[1]))
                done = found[0]
                break
    return splice(lines, tables) if tables else text


def _names_body(piece: str) -> bool:
    """The piece ends like a body's name (lexicon/roles.yaml unit_suffixes: 局, 委, 人民政府 …)."""
    from ..rules.unit_names import unit_end_re  # only when a wrapped table is read

    return unit_end_re().search(piece) is not None
