"""Attachment tables: every figure cell becomes a quantity or a money record, every unit
under a role column (责任单位, 牵头单位, 配合单位) a responsibility record.

The unit comes from the column header: `2025年任务(户)` -> quantity 户, `资金(万元)` ->
money (×10000, text_unit 万元), a header with `人数` -> 人 (RECORDS.md §3, GUIDELINES.md).
The region is the row's region cell (`凉州区`); `合计` / `小计` rows have region null.
`序号` columns and cells that are not figures give nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import regex

from minshi_extract.models import Deadline, Money, Percentage, Quantity, Ratio, Responsibility, Table
from minshi_extract.rules.context import Context
from minshi_extract.rules.dates import date_words
from minshi_extract.rules.deadline import find_deadlines
from minshi_extract.rules.numbers import TIMEOUT, parse_number, to_number
from minshi_extract.rules.quantity import units
from minshi_extract.rules.regions import is_region, town_ending_at
from minshi_extract.rules.responsibility import declares_first_is_lead, role_of_header
from minshi_extract.rules.table_cells import (
    due_in_cell,
    link_totals,
    link_worded,
    phase_columns,
    progress_deadlines,
    prose_deadlines,
    quarter_deadlines,
    quarter_of_header,
    role_units,
    row_phase,
    text_cell_records,
)
from minshi_extract.rules.table_places import place_columns, place_links, task_name, unit_column
from minshi_extract.rules.table_rows import FIGURE_CELL_RE as _FIGURE_CELL_RE
from minshi_extract.rules.table_rows import row_parents
from minshi_extract.rules.table_rows import squash as _squash
from minshi_extract.tables.columns import is_region_header, is_total_label
from minshi_extract.tables.columns import lexicon as table_lexicon

_MONEY_UNITS = {"元": 1, "万元": 10**4, "亿元": 10**8}
_SCALES = {"万": 10**4, "亿": 10**8}
# 总投资(万元) / 2025年任务(户) / 补助标准(万元/个): the unit in the header's last bracket
_BRACKET_RE = regex.compile(r"[(\[](?P<unit>[^()\[\]]{1,8})[)\]]\s*$")
# a figure broken over two lines in a flattened table: `1234567.` / `5` (rejoined by the table reader)
_BROKEN_CELL_RE = regex.compile(r"\s*(?P<num>\d+\.\s+\d+)\s*")
_SERIAL_HEADERS = ("序号", "编号", "序 号")
_TOTAL_LABELS = ("合计", "小计", "总计", "全市", "共计")


@dataclass(frozen=True)
class Column:
    """What a header says about its cells."""

    item: str
    kind: str  # "quantity" | "money"
    unit: str  # 户 / 人 / 万元 ...
    per: str | None = None
    scale: int = 1  # 受益人口(万人): a cell 5.2 is 52000 人


def read_header(header: str) -> Column | None:
    """`2025年任务(户)` -> quantity 户; `资金(万元)` -> money 万元; `...目标人数` -> 人;
    `序号`, `县区`, `备注` -> None."""
    h = _squash(header)
    if not h or any(s in h for s in _SERIAL_HEADERS):
        return None
    m = _BRACKET_RE.search(h, timeout=TIMEOUT)
    item = h[: m.start()] if m else h
    if m:
        unit, _, per = m.group("unit").partition("/")
        if unit in _MONEY_UNITS:
            return Column(item, "money", unit, per or None)
        if unit in units():
            return Column(item, "quantity", unit)
        if unit in ("%", "％"):
            return Column(item, "percentage", "%")  # 占比(%) | 45: a share in per cent
        # (万人) / (万户): a count in ten-thousands, the cell scaled to the unit as counted
        scale = _SCALES.get(unit[:1])
        if scale and unit[1:] in units():
            return Column(item, "quantity", unit[1:], scale=scale)
    if "人数" in h:
        return Column(item, "quantity", "人")
    return None


def is_deadline_header(header: str) -> bool:
    """`完成时限` / `完成时间` / `时间节点`: the column's cells are target dates (lexicon/dates.yaml)."""
    h = _squash(header)
    return any(w in h for w in date_words().get("deadline_headers", []))


def _is_town(cell: str) -> bool:
    """A row label that is a whole town name (`鳌阳镇`, `竹管垅乡`, `城关街道`): town rows of a
    county's table are regional shares like county rows."""
    padded = "," + cell  # the cell is the whole name: a boundary stands before it
    return town_ending_at(padded, len(padded)) == 1


def row_region(row: list[str]) -> tuple[str | None, bool]:
    """(region, is_total) of a row: the first cell that is a region name, or the last of the region
    cells standing together from it (`民权县` | `人和镇`: a county's town row is the town's); 合计 rows
    none."""
    found = None
    for cell in row:
        c = _squash(cell)
        if c in _TOTAL_LABELS and found is None:
            return None, True
        if c and (is_region(c) or _is_town(c)):
            found = c
        elif found is not None:
            break
    return found, False


def _figure_span(notice_text: str, span: tuple[int, int]) -> tuple[int, int, str] | None:
    """The figure inside a cell's span, trimmed of blanks: (start, end, text)."""
    a, b = span
    m = _FIGURE_CELL_RE.fullmatch(notice_text, a, b, timeout=TIMEOUT) or _BROKEN_CELL_RE.fullmatch(
        notice_text, a, b, timeout=TIMEOUT)
    if not m:
        return None
    return m.start("num"), m.end("num"), m.group("num")


def records_from_table(
    table: Table, cell_spans: list[list[tuple[int, int]]], notice_text: str, ctx: Context
) -> list[Quantity | Money | Responsibility]:
    """One record per figure cell, one per unit under a role column (责任单位 / 牵头单位 / 协办单位),
    deadlines from deadline and progress columns; money under a payer column carries it as
    `source`; each figure is linked (`_total`) to the total it is a share of. `cell_spans` holds
    the header's spans first, then each row's, row-major, as absolute offsets into `notice_text`."""
    from minshi_extract.tables.columns import column_kinds

    if not ctx.first_is_lead and _notes_first_is_lead(notice_text, cell_spans):
        ctx = replace(ctx, first_is_lead=True)
    header, split_of = _units_under_qizhong(table.header)
    columns = [read_header(h) for h in header]
    kinds = column_kinds(header)
    roles = [role_of_header(h) for h in table.header]
    due = [is_deadline_header(h) for h in table.header]
    quarters = [quarter_of_header(h) for h in table.header]
    name_col = next((j for j, k in enumerate(kinds) if k.kind == "name"), None)
    if name_col is None:  # no 项目名称 column: the first text column after the serial numbers names the rows
        name_col = next((j for j, k in enumerate(kinds) if k.kind == "text" and all(x.kind == "serial" for x in kinds[:j])), None)
        if name_col is not None and _mostly_places([r[name_col] for r in table.rows if name_col < len(r)]):
            name_col = None  # a column of places gives each row its region, not a name
    # 资金来源 | 金额(万元): each row names who pays its money
    by_source = name_col is not None and _squash(table.header[name_col]) in table_lexicon()["source_columns"]
    parents, group_region = row_parents(table.rows, kinds)
    steps = phase_columns(table.header)
    out: list[Quantity | Money | Responsibility | Percentage | Ratio | Deadline] = []
    figures: dict[tuple[int, int], Money | Quantity] = {}
    worded: dict[tuple[int, int], list[Money | Quantity]] = {}  # figures in cells of words
    region_col = next((j for j, h in enumerate(table.header)
                       if is_region_header(_squash(h)) and kinds[j].kind not in ("money", "quantity")), None)
    region_end = region_col + 1 if region_col is not None else 0
    while region_col is not None and region_end < len(table.header) and not table.header[region_end].strip():
        region_end += 1
    unit_col = unit_column(table.header, table.rows)  # 任务指标 | 单位 | 赫山区 | … | 合计: places in columns
    last_region: str | None = None
    last_name: str | None = None
    for r, row in enumerate(table.rows):
        spans = cell_spans[r + 1] if r + 1 < len(cell_spans) else []
        region, is_total = row_region(row)
        if region is None and not is_total and region_col is not None and region_col < len(row):
            # a county cell merged down over several rows (docx vMerge, rowspan) is empty below its
            # first; a name under a county header the gazetteer lacks (柳叶湖旅游度假区) is a region too
            # a region header spanning two columns (`区市` over 市区 | 高区): the place is the last cell named
            cell = next((c for c in map(_squash, reversed(row[region_col:region_end])) if c), "")
            named = cell not in _TOTAL_LABELS and not is_total_label(cell) and not _is_data_cell(cell)  # not 市区小计
            region = (cell if named else None) if cell else last_region
        last_region = region
        region = region or group_region[r]
        name = _squash(row[name_col]) if name_col is not None and name_col < len(row) and row[name_col] else None
        if name is None and not is_total and name_col is not None and region is not None:
            name = last_name  # a project's name merged down over its towns' rows
        last_name = name if not is_total else None
        by_place = place_columns(table.header, row, unit_col, read_header) if unit_col is not None else {}
        for c, col in enumerate(columns):
            if c >= len(row) or c >= len(spans):
                continue
            a, b = spans[c]
            if steps is not None and c in steps:
                if c == steps[1] and steps[0] < len(row):
                    out.extend(row_phase(notice_text, spans[c], row[steps[0]], ctx))
                continue
            if roles[c] is not None:
                out.extend(role_units(notice_text[a:b], a, ctx, roles[c]))
                continue
            if quarters[c]:  # 一季度 | 二季度 | …: what is due by each quarter's end; the cell's figures too
                out.extend(quarter_deadlines(notice_text, spans[c], quarters[c], ctx))
            if due[c]:  # 完成时限 | 2026年8月 -> deadline 2026-08, due: the row's task or project
                for d in find_deadlines(notice_text[a:b], a, replace(ctx, kind="deadline")):
                    if not d.what or len(d.what) <= 2 or d.what.startswith("("):
                        d.what = name or region or d.what  # 7月1日起|执行, (含竣工验收): the row's project is due
                    out.append(d)
                continue
            if kinds[c].kind == "progress" and _figure_span(notice_text, spans[c]) is None:
                out.extend(progress_deadlines(notice_text[a:b], a, ctx, name))
                continue
            found = _figure_span(notice_text, spans[c])
            if found is None:
                cell = text_cell_records(notice_text, spans[c], ctx) + due_in_cell(notice_text, spans[c], ctx)
                for rec in cell:  # a sentence in a county's row counts for that county
                    if region and isinstance(rec, Quantity | Money) and rec.region is None:
                        rec.region = region
                for rec in cell:  # a cell that is one percentage (`任务占比` | 10%): named like a figure
                    if isinstance(rec, Percentage) and rec.item is None and _whole(rec.span, spans[c]):
                        rec.item = table_item(name, table.header[c], False)
                out.extend(cell)
                worded[(r, c)] = [x for x in cell if isinstance(x, Quantity | Money)]
                if steps is not None:
                    out.extend(prose_deadlines(notice_text, spans[c], ctx))
                continue
            if col is None and c in by_place:  # a county's cell in the row's unit
                task = task_name(row, unit_col, name_col, name)
                rec = _figure_record(found, by_place[c][0], _task_payer(task), by_place[c][1], task, ctx)
                if rec is not None:
                    figures[(r, c)] = rec
                    out.append(rec)
                continue
            if col is None:
                continue
            parent = (table._parents[c] if c < len(table._parents) else None) or split_of[c]
            rec = _figure_record(found, col, kinds[c].payer, region, name, ctx, parent)
            if isinstance(rec, Percentage) and by_source:
                rec.item = table_item(None, col.item, False)  # 中央财政 | 占比(%): the payer's share, named by its header
            if isinstance(rec, Money) and name and by_source:
                _row_payer(rec, name, _title_funds(col, ctx.section))
            if rec is not None:
                figures[(r, c)] = rec
                out.append(rec)
    out.extend(_unplaced_records(table, columns, notice_text, ctx, group_region))
    total_col = next((j for j, k in enumerate(kinds) if k.kind == "money" and k.total), None)
    payers = {j for j, k in enumerate(kinds) if k.kind == "money" and k.payer and j != total_col}
    split = _split_column(table.header, kinds, table._parents) if total_col is None else None
    if split is not None:  # 补助资金 | 其中:省级补助 | 市级补助 | 县级配套: the columns after 其中 split the one before
        total_col, payers = split
    by_places = place_links(table.header, unit_col) if unit_col is not None and total_col is None else None
    if by_places is not None:  # each row's counties split its 合计
        total_col, payers = by_places
    row_total = {r: total_col for r in range(len(table.rows)) if total_col is not None and payers}
    link_totals(figures, parents, row_total, payers)
    counts = _split_column(table.header, kinds, table._parents, kind="count")
    if counts is not None:  # 改造任务(户) | 其中: 危房改造(户) · 抗震改造(户): a row's counts split its task
        link_totals(figures, [None] * len(table.rows), dict.fromkeys(range(len(table.rows)), counts[0]), counts[1])
    link_worded(worded, parents)
    return sorted(out, key=lambda x: x.span)




def _is_data_cell(cell: str) -> bool:
    return bool(_FIGURE_CELL_RE.fullmatch(cell))


def _row_payer(rec: Money, name: str, funds: str | None) -> None:
    """A row of a 资金来源 column (`省级财政补助`, `地方政府专项债券`): its payer pays the row's money,
    the rest of its name is the item; a payer alone (`中央财政`) pays the funds the caption names."""
    from minshi_extract.meaning.source import split_payer

    payer, rest = split_payer(name)
    if payer is not None:
        rec.source, rec.item = payer, rest or funds


def _whole(span: tuple[int, int], cell: tuple[int, int]) -> bool:
    """The record is all the cell holds (a qualifier like 以上 aside)."""
    return span[0] - cell[0] <= 1 and cell[1] - span[1] <= 3


def header_payer(header: str | None) -> str | None:
    from minshi_extract.meaning.source import header_payer as payer_of_header

    return payer_of_header(header)


_QIZHONG_LEAD = regex.compile(r"^其中[:、]?")
_HEADER_UNIT = regex.compile(r"[(]([^()]{1,4}元)[)]$")


def _units_under_qizhong(header: list[str]) -> tuple[list[str], list[str | None]]:
    """补助资金(万元) | 其中:自治区补助 | 市级财政: the columns after 其中 split the one before it and count
    in its unit, written once: each such header gets the unit, and the split column's name as the one
    over it (the rest stay as they are, over by none)."""
    from minshi_extract.tables.columns import payer_of

    out, over = list(header), [None] * len(header)
    unit = name = None
    for j in range(1, len(out)):
        h = "".join(out[j].split())
        prev = _HEADER_UNIT.search("".join(out[j - 1].split()))
        if _QIZHONG_LEAD.match(h) and prev and not _HEADER_UNIT.search(h):
            unit, name = prev.group(1), "".join(out[j - 1].split())
        elif unit is None or _HEADER_UNIT.search(h) or payer_of(h) is None:
            unit = None  # the run of payers under 其中 ends: a unit of its own, or no payer named
            continue
        out[j], over[j] = f"{out[j]}({unit})", name
    return out, over


def _task_payer(task: str | None) -> str | None:
    """The payer a task of money names (`市级奖补资金` -> 市级), else None."""
    from minshi_extract.meaning.source import split_payer

    return split_payer(task)[0] if task else None


def table_item(name: str | None, header: str | None, money: bool) -> str | None:
    from minshi_extract.meaning import table_item as item_of_cell

    return item_of_cell(name, header, money)


_UNIT_BRACKET_RE = regex.compile(r"\([^()]*\)$")
_FUNDS_RE = regex.compile(r"(?:补助|奖补|配套|专项|建设|项目)?资金")
# the funds a caption says the table lists: `农村供水保障工程资金|安排表`, `…任务及|补助资金|分配表`
_CAPTION_FUNDS_RE = regex.compile(r"([^及和与、]*资金)(?:安排|分配|明细|汇总|测算|下达|使用)?(?:计划|情况)?(?:一览)?表?$")
_CAPTION_PROJECTS_RE = regex.compile(r"^(\p{Han}{2,20}?(?:项目|实事))(?:计划|安排|一览|清单|汇总)?(?:表|清单)$")
_CAPTION_LEAD_RE = regex.compile(r"^(?:表\s*\d{1,2}\s*)?[^\d]{0,12}?(?:\d{4}|[一二〇○零三四五六七八九]{4})年度?")


def _title_funds(col: Column, section: str | None) -> str | None:
    """Money whose row and header name nothing (a region row under `中央财政` or `资金合计`, a
    spanning header the grid lost): the funds the table's caption names, without its year and
    place (GUIDELINES rule 8: `2021年市级为民办实事项目资金安排表` -> 市级为民办实事项目资金,
    `…任务及补助资金分配表` -> 补助资金)."""
    if col.kind != "money" or not section:
        return None
    caption = _CAPTION_LEAD_RE.sub("", section.split(" ", 1)[-1])
    m = _CAPTION_FUNDS_RE.search(caption)
    if m:
        return m.group(1)
    found = _FUNDS_RE.findall(caption)
    if found:
        return found[-1]
    listed = _CAPTION_PROJECTS_RE.search(caption)  # `…重点民生实事项目表`: the projects it lists
    return listed.group(1) if listed else None


def _cell_item(name: str | None, col: Column, parent: str | None, ctx: Context) -> str | None:
    """A cell's item (GUIDELINES rule 8): its row's name and its column's header; a header that names
    nothing itself (`小计`, `省级`) gives way to the header spanning it (`计划投资(万元)` over `小计 | 省级`),
    so a row's cells read `城镇老旧小区改造 计划投资`; with no name, the spanning header, else the caption's funds."""
    money = col.kind == "money"
    spanning = _UNIT_BRACKET_RE.sub("", parent or "")
    names_thing = spanning and _squash(spanning) not in table_lexicon()["source_columns"]  # not 资金来源
    own = table_item(None, col.item, money)
    # 补助资金 over 旗县区配套 (not 其中 over 县级配套: a generic header names nothing)
    share = bool(names_thing and own in table_lexicon()["share_headers"] and table_item(None, spanning, money))
    if name and names_thing and (own is None or share):
        return table_item(name, spanning, money)
    over = table_item(None, spanning, money) if names_thing else None  # not 资金来源: it names payers
    return (None if share else table_item(name, col.item, money)) or over or _title_funds(col, ctx.section)


def _figure_record(found: tuple[int, int, str], col: Column, payer: str | None, region: str | None,
                   name: str | None, ctx: Context, parent: str | None = None) -> Money | Quantity | None:
    s, e, raw = found
    value = parse_number("".join(raw.split()))
    if value is None:
        return None
    common = {
        "programme_id": ctx.programme_id, "part": ctx.part, "section": ctx.section,
        "text": raw, "span": (s, e), "region": region,
        # a cell whose row and header name nothing is named by the header spanning its column, else
        # by the caption (GUIDELINES rule 8)
        "item": _cell_item(name, col, parent, ctx),
    }
    if col.kind == "percentage":
        common.pop("region")
        return Percentage(value=to_number(value), **common)  # type: ignore[return-value]
    if col.kind == "money":
        amount = to_number(value * _MONEY_UNITS[col.unit])
        return Money(amount_cny=amount, text_unit=col.unit, per=col.per, source=header_payer(payer), **common)
    return Quantity(value=to_number(value * col.scale), unit=col.unit, **common)


def _unplaced_records(table: Table, columns: list[Column | None], notice_text: str, ctx: Context,
                      group_region: list[str | None]) -> list[Money | Quantity]:
    """A figure the sums could not place still counts when every figure column would read it
    alike (all money in 万元): a record without a payer; otherwise none (the warning stands)."""
    kinds = {(c.kind, c.unit, c.per, c.scale) for c in columns if c is not None}
    if len(kinds) != 1 or not table._unplaced:
        return []
    col = next(c for c in columns if c is not None)
    out: list[Money | Quantity] = []
    for r, span in table._unplaced:
        found = _figure_span(notice_text, span)
        row = table.rows[r] if r < len(table.rows) else []
        region = row_region(row)[0] or (group_region[r] if r < len(group_region) else None)
        if found is not None:
            rec = _figure_record(found, replace(col, item=""), None, region, None, ctx)
            if rec is not None:
                out.append(rec)
    return out


# how far from a table its note may stand: `注:责任单位中列第一位者为牵头单位` right under it
_NOTE_REACH_AFTER = 150
_NOTE_REACH_BEFORE = 80


def _notes_first_is_lead(notice_text: str, cell_spans: list[list[tuple[int, int]]]) -> bool:
    """A note just under (or above) the table, `注:责任单位中列第一位者为牵头单位`, makes the
    first unit of each role cell lead, as in a text list after the note."""
    ends = [e for row in cell_spans for _, e in row]
    starts = [s for row in cell_spans for s, _ in row]
    if not ends:
        return False
    first, last = min(starts), max(ends)
    near = notice_text[max(0, first - _NOTE_REACH_BEFORE):first] + "\n" + notice_text[last:last + _NOTE_REACH_AFTER]
    return declares_first_is_lead(near)


def _mostly_places(cells: list[str]) -> bool:
    filled = [c for c in cells if c.strip()]
    return bool(filled) and sum(is_region(_squash(c)) or _is_town(c) for c in filled) * 2 >= len(filled)


def _split_column(header: list[str], kinds, parents: list[str | None] = (), kind: str = "money") -> tuple[int, set[int]] | None:
    """(the column split, its share columns) when a `kind` column's header opens with 其中, or stands
    under a spanning 其中 (a grid's two-row header: 投资 | 其中 over 中央及省级 · 市县; 改造任务(户) | 其中 over
    农村危房改造(户) · 农房抗震改造(户)): the column before it is split by it and the columns after it."""
    under = [(parents[j] if j < len(parents) else None) or "" for j in range(len(header))]
    first = next((j for j, h in enumerate(header) if kinds[j].kind == kind and (
        _squash(h).startswith("其中") or _squash(under[j]).startswith("其中"))), None)
    if first is None or first == 0 or kinds[first - 1].kind != kind:
        return None
    if kind == "money":
        shares = {j for j in range(first, len(header)) if kinds[j].kind == "money"}
    else:  # counts: only the columns under the 其中
        shares = {j for j in range(first, len(header)) if kinds[j].kind == kind and (
            _squash(header[j]).startswith("其中") or under[j] == under[first])}
    return (first - 1, shares) if shares else None
