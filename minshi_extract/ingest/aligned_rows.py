"""Tables a text copy sets in columns: by runs of blanks (`pdftotext -layout`) or by tabs (a browser's copy
of a web page's table).

`pdftotext -layout` keeps each character where the page had it, so a table's columns stand under each
other and a cell that wraps goes on in the next lines, in its own column, with the other columns blank:

     序                                       计划投资
           项目名称        主要目标任务                  完成时限        牵头单位
     号                                       (万元)
      1   城乡学校扩容    新建、改扩建中小学校9所,    36500   2023年8月底前   市教育局
          提质            新增学位8100个

A row starts with its serial number (1, 2, 3…) or a total (`合计`) in the first column; its fields
give the columns (where they stand: start, middle or end, as cells are set left, centred or right);
each line after it until the next row adds its pieces to the column each stands in. The header lines
above row 1 are joined per column the same way (`序`+`号`, `计划投资`+`(万元)`); a page break inside
the table (blank lines, a page number, the header repeated) is passed over. The table is rewritten as
one `|` line a row, as the HTML and .docx readers give their grids; nothing else in the text changes.

A browser copies a table as one line a row, its cells separated by tabs: two lines or more of two
tabs or more are written as `|` rows (an empty cell stays empty).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from statistics import median

import regex

from ..cells import is_figure_cell as is_figure
from ..limits import check_budget
from ..tables.place import is_group_label
from .boxes import _join
from .splice import splice

_FIELD = regex.compile(r"\S+(?: \S+)*")  # a field: words separated by single blanks
_SERIAL = regex.compile(r"\d{1,3}")
_TOTAL = ("合计", "总计", "小计")
_PAGE_NUMBER = regex.compile(r"[-—–]{1,2}\s*\d{1,3}\s*[-—–]{1,2}|第\s*\d{1,3}\s*页|\d{1,3}")
_MIN_COLUMNS = 3
_MAX_HEADER_LINES = 4
_WIDE_PUNCT = frozenset("“”‘’…—·")  # ambiguous-width marks a Chinese font sets full width


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" or c in _WIDE_PUNCT else 1 for c in s)


Field = tuple[int, int, str]  # (start, end) in display columns, text


@lru_cache(maxsize=4096)
def _fields(line: str) -> tuple[Field, ...]:
    """The fields of a line (cached: a page's lines are read again for its rows and its header)."""
    out: list[Field] = []
    col, pos = 0, 0
    for m in _FIELD.finditer(line):
        col += _width(line[pos:m.start()])
        w = _width(m.group())
        out.append((col, col + w, m.group()))
        col += w
        pos = m.end()
    return tuple(out)


def _split_crowded(fields: list[Field], n: int) -> list[Field]:
    """A row line with fewer fields than columns: fields holding single blanks split at them
    (`2023年12月20日前 市水利局`: a cell run up to its neighbour)."""
    if len(fields) >= n:
        return fields
    out: list[Field] = []
    for a, _, t in fields:
        for m in regex.finditer(r"\S+", t):
            s = a + _width(t[:m.start()])
            out.append((s, s + _width(m.group()), m.group()))
    return out if len(out) <= n else fields


class _Columns:
    """Where each column stands, from the row lines that fill every column."""

    def __init__(self, rows: list[list[Field]]) -> None:
        n = len(rows[0])
        self.starts = [median(r[j][0] for r in rows) for j in range(n)]
        self.ends = [median(r[j][1] for r in rows) for j in range(n)]
        self.mids = [(a + b) / 2 for a, b in zip(self.starts, self.ends, strict=True)]

    def of(self, f: Field) -> int:
        """The column a field stands in: nearest by its start, middle or end."""
        a, b, _ = f
        m = (a + b) / 2
        return min(range(len(self.starts)), key=lambda j: min(
            abs(a - self.starts[j]), abs(m - self.mids[j]), abs(b - self.ends[j])))


def _row_label(fields: list[Field], expected: int) -> bool:
    if not fields:
        return False
    t = fields[0][2]
    return t.startswith(_TOTAL) or (_SERIAL.fullmatch(t) is not None and int(t) == expected)


def _is_break(line: str) -> bool:
    s = line.strip()
    return not s or _PAGE_NUMBER.fullmatch(s) is not None


class _Table:
    def __init__(self, lines: list[str], first: int) -> None:
        self.lines = lines
        self.first = first  # the line of row 1

    def read(self) -> tuple[int, int, list[str]] | None:
        """(first line, end, `|` lines) of the table whose row 1 is lines[first]; None if none."""
        lines = self.lines
        head_at = self._header_start()
        header = [_fields(ln) for ln in lines[head_at:self.first]]
        rows: list[list[list[Field]]] = []
        k = self.first
        repeated = {ln.strip() for ln in lines[head_at:self.first]}
        while k < len(lines):
            fields = _fields(lines[k])
            if _row_label(fields, len(rows) + 1) and len(fields) >= 2:
                rows.append([fields])
            elif not rows:
                return None
            elif _is_break(lines[k]):
                nxt = self._after_break(k, repeated, len(rows) + 1, rows[0][0][1][0] - 1)
                if nxt is None:
                    break
                k = nxt
                continue
            elif fields and fields[0][0] >= rows[0][0][1][0] - 1:  # from the second column on: wrapped cells
                rows[-1].append(fields)
            else:
                break
            k += 1
        if len(rows) < 2:
            return None
        end = k
        while end > self.first and _is_break(lines[end - 1]):
            end -= 1
        n = max(len(r[0]) for r in rows)
        full = [r[0] for r in rows if len(r[0]) == n]
        if n < _MIN_COLUMNS or len(full) * 2 < len(rows):
            return None
        cols = _Columns(full)
        out = ["|".join(self._cells(cols, header, n))] if header else []
        out += ["|".join(self._cells(cols, r, n)) for r in rows]
        return head_at, end, out

    def _header_start(self) -> int:
        """The header lines above row 1: lines of fields, no blank line between them (one blank line
        may stand between the header and row 1, as between rows)."""
        top = self.first
        if top > 1 and not self.lines[top - 1].strip() and self.lines[top - 2].strip():
            top -= 1
        h = top
        while h > 0 and top - h < _MAX_HEADER_LINES and self.lines[h - 1].strip():
            f = _fields(self.lines[h - 1])
            if len(f) < 2 or _SERIAL.fullmatch(f[0][2]) or f[0][2].startswith(_TOTAL):
                break  # a header line, not a row of another table
            h -= 1
        return h if h < top else self.first

    def _after_break(self, k: int, repeated: set[str], expected: int, wrapped_at: int) -> int | None:
        """The line the table goes on at after a page break (or a blank line) at lines[k], None when it
        ends there: after blank lines, a page number, a running head (a short line of one field), the
        header again, the next row or a row's wrapped cells (from the second column on)."""
        j = k
        seen_header = False
        while j < len(self.lines) and j - k < 12:
            s = self.lines[j].strip()
            if _is_break(self.lines[j]):
                j += 1
            elif s in repeated:
                seen_header = True
                j += 1
            elif not seen_header and len(_fields(self.lines[j])) == 1 and len(s) <= 20 and j + 1 < len(self.lines) \
                    and _is_break(self.lines[j + 1]):
                j += 1  # a running head between pages
            else:
                break
        if j >= len(self.lines) or j - k >= 12:
            return None
        fields = _fields(self.lines[j])
        wrapped = bool(fields) and fields[0][0] >= wrapped_at
        return j if seen_header or wrapped or _row_label(fields, expected) else None

    @staticmethod
    def _cells(cols: _Columns, lines: list[list[Field]], n: int) -> list[str]:
        pieces: list[list[str]] = [[] for _ in range(n)]
        for k, fields in enumerate(lines):
            for f in _split_crowded(fields, n) if k == 0 else fields:
                pieces[cols.of(f)].append(f[2])
        return [_join(p) for p in pieces]


def unalign_tables(text: str) -> str:
    """`text` with every column-aligned table turned into `|` rows; unchanged without one. Only a
    line whose first field is `1` after a run of blanks, with two fields more, is tried as row 1."""
    if "   " not in text:
        return text
    lines = text.split("\n")
    found: list[tuple[int, int, list[str]]] = []
    done = 0
    for r, line in enumerate(lines):
        if r % 4096 == 0:
            check_budget()
        if r < done or not line.lstrip().startswith("1 ") or "   " not in line:
            continue
        fields = _fields(line)
        if len(fields) < _MIN_COLUMNS or fields[0][2] != "1":
            continue
        table = _Table(lines, r).read()
        if table is not None and table[0] >= done:
            found.append(table)
            done = table[1]
    return splice(lines, found) if found else text


def untab_tables(text: str) -> str:
    """`text` with runs of two lines or more holding two tabs or more written as `|` rows."""
    if text.count("\t") < 4:
        return text
    lines = text.split("\n")
    out = list(lines)
    changed = False
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and (lines[j].count("\t") >= 2 or _group_between(lines, i, j)
                                  or _broken_between(lines, i, j)):
            j += 1
        if j - i >= 2:
            h = _broken_header(lines, i)  # a header whose cells broke over lines: one row again
            rows = ["".join(lines[h:i])] * (h < i) + lines[i:j]
            out[h:j] = [""] * max(0, i - h - 1) + _tab_rows([[c.strip(" \u3000") for c in ln.split("\t")] for ln in rows])
            changed = True
        i = max(j, i + 1)
    return "\n".join(out) if changed else text


def _broken_header(lines: list[str], i: int) -> int:
    """Where a header copied with line breaks inside its cells starts (`县(市、区)\t城镇新增就业` /
    `(人)\t农村危房改造` / … / `(人)`): the lines just above row i whose tabs add up to row i's; i if none."""
    want, got, h = lines[i].count("\t"), 0, i
    while h > 0 and i - h < 8 and lines[h - 1].strip() and lines[h - 1].count("\t") < want:
        got += lines[h - 1].count("\t")
        h -= 1
        if got == want:
            return h if i - h >= 2 else i
    return i


def _broken_between(lines: list[str], i: int, j: int) -> bool:
    """lines[j] is the rest of a row whose cell broke over lines (`…\t市卫生健康委` / `市教育局\t2020年11月底`),
    or a header's second row that lost its leading tabs (`合计\t其中:市级财政`): a line of one tab between
    two tab rows."""
    if j <= i or lines[j].count("\t") != 1 or j + 1 >= len(lines):
        return False
    k = j + 1 + _group_between(lines, i, j + 1)  # a group label may stand before the next row
    return k < len(lines) and lines[k].count("\t") >= 2


def _group_between(lines: list[str], i: int, j: int) -> bool:
    """lines[j] is a group label between two tab rows (`一、城乡建设类(3项)`): a short line without tabs."""
    s = lines[j].strip()
    return (j > i and 0 < len(s) <= 30 and "\t" not in s and j + 1 < len(lines)
            and lines[j + 1].count("\t") >= 2)


def _tab_rows(rows: list[list[str]]) -> list[str]:
    """`|` lines of a copied table, every row as wide as the widest. A browser copies a header cell
    merged over rows once and a row of a merged header without the cells merged into it from above:
    the first row's last cell spans the columns it lacks (`县 | 总投资 | 资金来源` over four payers), a
    later header row's cells stand under it, at the right (`中央财政 | 省级财政 | …`)."""
    width = max(len(r) for r in rows)
    data = next((k for k, r in enumerate(rows) if any(is_figure(c) for c in r[1:])), len(rows))
    rows = rows[:data] + _rowspan_filled(_broken_joined(rows[data:], width), width)
    out = []
    for k, r in enumerate(rows):
        pad = [""] * (width - len(r))
        group = len(r) == 1 and is_group_label(r[0])  # 一、城乡建设类(3项): a row of its own, label first
        under = _under_span(rows[0], r) if 0 < k < data and not group else None
        if under is not None:  # 年度投资 | (empty) over 合计 | 其中:市级财政: the row stands under that cell
            out.append("|".join([""] * under + r + [""] * (width - under - len(r))))
            continue
        out.append("|".join(pad + r if 0 < k < data and not group else r + pad))
    return out


def _broken_joined(rows: list[list[str]], width: int) -> list[list[str]]:
    """Rows whose cells broke over lines joined back: a line of fewer cells than any row has (width - 1)
    that opens with no serial number goes on the short row before it (`2|…|市卫生健康委` + `市教育局|2020年11月底`)."""
    out: list[list[str]] = []
    for r in rows:
        prev = out[-1] if out else None
        if (prev is not None and len(r) < width - 1 and len(prev) + len(r) - 1 <= width
                and not _SERIAL.fullmatch(r[0]) and not is_group_label(r[0])):
            out[-1] = [*prev[:-1], prev[-1] + r[0], *r[1:]]
        else:
            out.append(list(r))
    return out


def _rowspan_filled(rows: list[list[str]], width: int) -> list[list[str]]:
    """A first column merged down over rows (`类别`: 教育 over items 1 and 2) is copied once, in the group's
    first row; the rows after it lack that cell and open with their serial number: they take the cells
    of the last full row before their serial's column."""
    full = [r for r in rows if len(r) == width]
    col = next((c for c in range(1, 3) if full and sum(bool(_SERIAL.fullmatch(r[c])) for r in full) * 2 > len(full)), None)
    if col is None:
        return rows
    out, last = [], None
    for r in rows:
        if len(r) == width:
            last = r
        elif last is not None and len(r) == width - col and _SERIAL.fullmatch(r[0]):
            r = last[:col] + r
        out.append(r)
    return out


def _under_span(top: list[str], r: list[str]) -> int | None:
    """Where a header's lower row stands when the top row has one cell spanning as many columns as it
    has cells (a cell followed by len(r) - 1 empty ones) before its end: that cell's column; None if none."""
    n = len(r)
    if n < 2:
        return None
    spans = [j for j in range(len(top) - n) if top[j] and not any(top[j + 1:j + n])]
    return spans[0] if len(spans) == 1 else None
