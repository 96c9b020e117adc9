"""Cells read with their column's meaning: progress cells (`一季度完成选址;二季度开工`) give
deadlines at quarter ends or months, role cells one unit per line, a steps table (阶段 | 时间 |
工作内容) one phase per row and the deadlines of its prose cells, and the links of a table's
arithmetic (`part_of`): a payer cell is a share of its row's total, a row of its group row or of
the 合计 row, a group row of the 合计 row; a note cell's deadline and a cell written as a sentence."""

from __future__ import annotations

from dataclasses import replace

import regex

from minshi_extract.models import Deadline, Money, Percentage, Phase, Quantity, Ratio, Responsibility
from minshi_extract.rules.context import Context
from minshi_extract.rules.deadline import find_deadlines
from minshi_extract.rules.money import find_money
from minshi_extract.rules.numbers import TIMEOUT
from minshi_extract.rules.percentage import find_percentages
from minshi_extract.rules.phase import window_of
from minshi_extract.rules.quantity import find_quantities
from minshi_extract.rules.ratio import find_ratios
from minshi_extract.rules.regions import is_region
from minshi_extract.rules.responsibility import find_units

# a step of a progress cell: `一季度完成选址` / `3月底前开工` / `第四季度:竣工验收`
_QUARTER = regex.compile(r"第?(?P<q>[一二三四1-4])\s*季度")
_QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_STEP_SPLIT = regex.compile(r"[;。\n]")


def progress_deadlines(text: str, base: int, ctx: Context, what: str | None) -> list[Deadline]:
    """One deadline per step of a progress cell: a step opening with a quarter ends with it
    (`二季度开工` -> YYYY-06); any other step's dates are read as deadlines (`11月底前完成`)."""
    out: list[Deadline] = []
    pos = 0
    for piece in [*_STEP_SPLIT.split(text, timeout=TIMEOUT)]:
        start = text.find(piece, pos)
        pos = start + len(piece)
        lead = len(piece) - len(piece.lstrip(" ,:、"))
        m = _QUARTER.match(piece, lead, timeout=TIMEOUT)
        if m and ctx.year is not None:
            month = 3 * _QUARTERS[m.group("q")]
            a = base + start + m.start()
            out.append(Deadline(date=f"{ctx.year}-{month:02d}", what=what, text=m.group(), span=(a, a + len(m.group())),
                                programme_id=ctx.programme_id, part=ctx.part, section=ctx.section))
            continue
        if piece.strip():
            out.extend(find_deadlines(piece, base + start, replace(ctx, kind="deadline")))
    return out


def quarter_of_header(header: str) -> int | None:
    """一季度 / 第二季度 / 3季度 as a whole column header: the quarter its cells are due in."""
    m = _QUARTER.fullmatch("".join(header.split()), timeout=TIMEOUT)
    return _QUARTERS[m.group("q")] if m else None


_NOTHING_DUE = regex.compile(r"[—–\-/无]*")


def quarter_deadlines(text: str, cell: tuple[int, int], quarter: int, ctx: Context) -> list[Deadline]:
    """A cell under a quarter's column (`一季度 | 完成项目选址`) that names no date of its own: one deadline
    at the quarter's end, grounded by the cell (the header is no part of the row), due: its first clause;
    a dash is nothing due. A cell with its own dates (`11月底前全部完工`) is read as prose."""
    a, b = cell
    body = text[a:b].strip()
    if _NOTHING_DUE.fullmatch(body) or ctx.year is None or find_deadlines(body, 0, replace(ctx, kind="deadline")):
        return []
    a += len(text[a:b]) - len(text[a:b].lstrip())
    what = _STEP_SPLIT.split(body)[0].split(",")[0].strip() or None
    return [Deadline(date=f"{ctx.year}-{3 * quarter:02d}", what=what, text=body, span=(a, a + len(body)),
                     programme_id=ctx.programme_id, part=ctx.part, section=ctx.section)]


def role_units(text: str, base: int, ctx: Context, role) -> list[Responsibility]:
    """One record per unit of a role cell; a cell holding one unit per line is read line by line, its
    lines one list (列第一位者为牵头单位: the first unit of the cell leads, not the first of each line)."""
    out: list[Responsibility] = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            found = find_units(line, base + pos, ctx, role)
            if out and ctx.first_is_lead:
                found = [r.model_copy(update={"role": "responsible"}) if r.role == "lead" else r for r in found]
            out.extend(found)
        pos += len(line) + 1
    return out


def link_totals(cells: dict[tuple[int, int], Money | Quantity], parents: list[int | None],
                row_total: dict[int, int], payers: set[int]) -> None:
    """Set `_total` on each figure record: a payer cell -> its row's total cell; any other cell ->
    the same column's cell of the row's parent (group row or 合计 row)."""
    for (r, c), rec in cells.items():
        if c in payers and r in row_total and (r, row_total[r]) in cells:
            rec._total = cells[(r, row_total[r])]
            continue
        p = parents[r]
        if p is not None and (p, c) in cells:
            rec._total = cells[(p, c)]


def link_worded(cells: dict[tuple[int, int], list[Money | Quantity]], parents: list[int | None]) -> None:
    """Figures in cells of words (`改造户厕420户` under a 小计 row's `改造户厕1300户`): each is a share of
    the figure of its kind in the same column of its row's parent row, when that cell has exactly one."""
    for (r, c), recs in cells.items():
        p = parents[r] if r < len(parents) else None
        if p is None or (p, c) not in cells:
            continue
        for rec in recs:
            same = [t for t in cells[(p, c)] if type(t) is type(rec) and _kind(t) == _kind(rec)]
            if len(same) == 1 and rec._total is None:
                rec._total = same[0]


def _kind(rec: Money | Quantity) -> tuple:
    return (rec.unit,) if isinstance(rec, Quantity) else (rec.per,)


def phase_columns(headers: list[str]) -> tuple[int, int] | None:
    """(stage column, window column) of a steps table (`阶段 | 时间 | 工作内容`), else None
    (lexicon/table_columns.yaml `stages`, `windows`)."""
    from minshi_extract.tables.columns import lexicon, squash

    names = [squash(h) for h in headers]
    stage = next((j for j, h in enumerate(names) if h in lexicon()["stages"]), None)
    window = next((j for j, h in enumerate(names) if h in lexicon()["windows"]), None)
    return (stage, window) if stage is not None and window is not None else None


def row_phase(text: str, span: tuple[int, int], stage: str, ctx: Context) -> list[Phase]:
    """The phase of one row of a steps table: named by its stage cell, its window the time cell
    (`摸底申报阶段 | 2021年3月—4月` -> 2021-03..2021-04); a cell that is no window gives none."""
    a, b = span
    got = window_of(text[a:b], ctx.year)
    if got is None or (got[1] is None and got[2] is None):
        return []
    name = "".join(stage.split()) or None
    return [Phase(programme_id=ctx.programme_id, part=ctx.part, section=ctx.section, text=text[a:b],
                  span=(a, b), name=name, start=got[1], end=got[2])]


def prose_deadlines(text: str, span: tuple[int, int], ctx: Context) -> list[Deadline]:
    """The dates of a prose cell of a steps table (`…,4月20日前将改造任务分解到村到户`), line by
    line, each due with the action its sentence names."""
    from minshi_extract.meaning import what_of

    out: list[Deadline] = []
    a, b = span
    for line in regex.finditer(r"[^\n]+", text[a:b]):
        for d in find_deadlines(line.group(), a + line.start(), replace(ctx, kind="deadline")):
            d.what = what_of(text, d)
            out.append(d)
    return out


def due_in_cell(notice_text: str, span: tuple[int, int], ctx: Context) -> list:
    """A note cell that sets a deadline (`备注` | `8月底前完工`): a date with `前` is due, in any column
    (a bare date or a range in a cell is a period: `建设起止年限` | `2024-2025年`)."""
    a, b = span
    if "前" not in notice_text[a:b]:
        return []
    out = [d for d in find_deadlines(notice_text[a:b], a, replace(ctx, kind="deadline")) if "前" in d.text]
    for d in out:  # what is due: the cell's words after the date (8月底前|完工)
        d.what = d.what or notice_text[d.span[1]:b].strip(" ,。;、") or None
    return out


def text_cell_records(
    notice_text: str, span: tuple[int, int], ctx: Context
) -> list[Quantity | Money | Percentage | Ratio]:
    """A cell written as a sentence (`新建教学楼2栋,新增学位1800个`, `治理率达到95%`) is read like
    text: its figures carry their own units, so the column header does not matter. Dates in
    cells count only under a deadline column (a `建设起止年限` cell is a period)."""
    a, b = span
    cell = notice_text[a:b]
    if not cell.strip() or is_region("".join(cell.split())):
        return []
    return [
        *find_quantities(cell, a, ctx), *find_money(cell, a, ctx),
        *find_percentages(cell, a, ctx), *find_ratios(cell, a, ctx),
    ]
