"""Tables drawn with box characters in a plain-text notice (a Word table pasted or saved as text):

    ┌────┬──────────────┬──────────┐          +----+--------------+----------+
    │ 序号 │ 项目名称       │ 投资(万元) │          | 序号 | 项目名称       | 投资(万元) |
    ├────┼──────────────┼──────────┤    or    +----+--------------+----------+
    │ 1  │ 新建中小学5所, │ 38600    │          | 1  | 新建中小学5所, | 38600    |
    │    │ 新增学位4500个 │          │          |    | 新增学位4500个 |          |
    └────┴──────────────┴──────────┘          +----+--------------+----------+

A cell wraps over the physical lines of its row, so a line is not a row: the lines between two rule
lines are one row when the table rules every row, else a line whose first cell is empty goes on the
row before it. Each row becomes one `|`-separated line (the form the table reader takes, as the HTML
and .docx readers give their grids), each cell its pieces joined; the rule lines go. Text outside
such tables is unchanged.
"""

from __future__ import annotations

import regex

_BAR = "│┃║|｜"
_RULE_CHARS = "─━═-+┌┐└┘├┤┬┴┼╔╗╚╝╠╣╦╩╬╒╕╘╛╞╡╤╧╪╓╖╙╜╟╢╥╨╫=:"
_DRAWN = "│┃║┌├└─━═╔╠╚"  # characters no `|` table of prose has: a drawn table is present
_RULE = regex.compile(rf"[ \t\u3000]*[{regex.escape(_RULE_CHARS)}]*[─━═+┼╬┬┴├┤┌└][{regex.escape(_RULE_CHARS)} \t]*")
_ASCII_RULE = regex.compile(r"[ \t\u3000]*\+(?:[-=:]+\+){1,}[ \t]*")


def _is_rule(line: str) -> bool:
    return bool(line.strip()) and (_RULE.fullmatch(line) is not None or _ASCII_RULE.fullmatch(line) is not None)


def _cells(line: str) -> list[str] | None:
    """The cells of a drawn row line (`│ 1 │ 城区… │`), None when the line is no row of a drawn table."""
    s = line.strip(" \t\u3000")
    if len(s) < 2 or s[0] not in _BAR or s[-1] not in _BAR:
        return None
    parts = regex.split(f"[{regex.escape(_BAR)}]", s[1:-1])
    return [p.strip(" \t\u3000") for p in parts] if len(parts) >= 2 else None


def _join(pieces: list[str]) -> str:
    out = ""
    for p in pieces:
        if not p:
            continue
        # words of Latin script keep a blank between them; Chinese text wraps without one
        out += (" " if out and out[-1].isascii() and out[-1].isalnum() and p[0].isascii() and p[0].isalnum() else "") + p
    return out


def _rows(groups: list[list[list[str]]]) -> list[list[str]]:
    """Logical rows of the groups of row lines between rules."""
    ruled_rows = len(groups) >= 3  # a header and two rows or more, each between its own rules
    rows: list[list[list[str]]] = []
    for group in groups:
        for k, cells in enumerate(group):
            if not rows or k == 0 or (not ruled_rows and cells[0] != ""):
                rows.append([cells])
            else:
                rows[-1].append(cells)
    width = max(len(c) for r in rows for c in r)
    return [[_join([c[j] if j < len(c) else "" for c in r]) for j in range(width)] for r in rows]


def _table_end(lines: list[str], i: int) -> int:
    """The end of the drawn table whose first line is lines[i] (a rule or a row line)."""
    j = i
    while j < len(lines) and (_is_rule(lines[j]) or _cells(lines[j]) is not None):
        j += 1
    return j


def _rewrite(block: list[str]) -> list[str] | None:
    """`|` lines of a drawn table's lines; None when they are not one (fewer than two rows)."""
    groups: list[list[list[str]]] = [[]]
    for line in block:
        if _is_rule(line):
            if groups[-1]:
                groups.append([])
        else:
            groups[-1].append(_cells(line) or [])
    groups = [g for g in groups if g]
    if sum(len(g) for g in groups) < 2 or len(block) == sum(len(g) for g in groups):
        return None  # no rule line: not a drawn table (a `|` table of text is read as it is)
    return ["|".join(row) for row in _rows(groups)]


def unbox_tables(text: str) -> str:
    """`text` with every drawn table turned into `|` rows, one line a row; unchanged without one."""
    if not any(c in text for c in _DRAWN) and "+-" not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    changed = False
    while i < len(lines):
        if _is_rule(lines[i]) or _cells(lines[i]) is not None:
            j = _table_end(lines, i)
            rows = _rewrite(lines[i:j])
            if rows is not None:
                out.extend(rows)
                changed = True
                i = j
                continue
            out.extend(lines[i:j])
            i = j
            continue
        out.append(lines[i])
        i += 1
    return "\n".join(out) if changed else text
