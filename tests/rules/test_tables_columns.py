"""Columns with their meaning: payer money, role columns one unit per line, progress columns,
merged header rows and captions. Expected values are read from the cells written here."""

import pytest
from helpers import table_layout

from minshi_extract.models import Deadline, Money, Responsibility, Table
from minshi_extract.rules.context import Context
from minshi_extract.rules.table_cells import progress_deadlines
from minshi_extract.rules.table_rows import row_parents
from minshi_extract.rules.tables import records_from_table
from minshi_extract.tables.columns import caption_unit, column_kinds
from minshi_extract.tables.header import flat_header, grid_header
from minshi_extract.tables.model import GCell

CTX = Context(year=2025, programme_id="P01")


def _layout(header: list[str], rows: list[list[str]]) -> tuple[str, list[list[tuple[int, int]]]]:
    return table_layout("附件", header, rows)


def test_column_kinds_from_headers() -> None:
    kinds = column_kinds(["序号", "县(区)", "项目名称", "合计(万元)", "中央财政(万元)", "数量(个)",
                          "牵头单位", "协办单位", "进度要求", "备注"])
    assert [k.kind for k in kinds] == ["serial", "region", "name", "money", "money", "count",
                                       "role", "role", "progress", "remarks"]
    assert kinds[3].total and kinds[3].payer is None
    assert kinds[4].payer == "中央财政" and not kinds[4].total


def test_caption_unit() -> None:
    assert caption_unit("单位:万元") == "万元"
    assert caption_unit("金额单位: 元") == "元"
    assert caption_unit("单位名称") is None


def test_spanning_header_lends_its_unit_to_the_columns_under_it() -> None:
    c = [GCell(t, k, k + 1) for k, t in enumerate(
        ["序号", "项目", "总投资", "资金来源(万元)", None, None, "(万元)", "中央财政", "省级财政", "市县财政"])
         if t is not None]
    top = [c[0], c[1], c[2], c[3], None, None]
    bottom = [None, None, c[4], c[5], c[6], c[7]]
    assert grid_header([top, bottom], 2) == ["序号", "项目", "总投资(万元)", "中央财政(万元)",
                                             "省级财政(万元)", "市县财政(万元)"]


def test_columns_under_a_spanning_qizhong_split_the_money_column_before_them() -> None:
    """`计划总投资(万元)` then `其中` spanning `省级 | 市级 | 县级` (their own cells with no unit): the
    payers are shares of the column before, in its unit; a text column after them keeps none."""
    names = ["序号", "项目名称", "计划总投资(万元)", "其中", "省级", "市级", "县级", "责任单位"]
    c = [GCell(t, k, k + 1) for k, t in enumerate(names)]
    top = [c[0], c[1], c[2], c[3], None, None, c[7]]
    bottom = [None, None, None, c[4], c[5], c[6], None]
    assert grid_header([top, bottom], 2) == ["序号", "项目名称", "计划总投资(万元)", "省级(万元)", "市级(万元)",
                                             "县级(万元)", "责任单位"]


def test_columns_under_a_spanning_money_word_take_the_caption_unit_not_the_count_before() -> None:
    """`补助资金` (a money word, no unit) over `合计 | 中央财政`, caption 单位:万元, after `改造任务(户)`."""
    names = ["县区", "改造任务", "补助资金", "(户)", "合计", "中央财政"]
    c = [GCell(t, k, k + 1) for k, t in enumerate(names)]
    top = [c[0], c[1], c[2], None]
    bottom = [None, c[3], c[4], c[5]]
    assert grid_header([top, bottom], 2, "万元") == ["县区", "改造任务(户)", "合计(万元)", "中央财政(万元)"]


def test_flattened_header_parent_and_caption() -> None:
    cells = [GCell(t, k, k + 1) for k, t in enumerate(["县区", "资金合计", "其中", "中央财政", "省级财政"])]
    kept, names = flat_header(cells, "万元")
    assert [c.text for c in kept] == ["县区", "资金合计", "中央财政", "省级财政"]
    assert names == ["县区", "资金合计(万元)", "中央财政(万元)", "省级财政(万元)"]


def test_payer_columns_give_source_and_link_to_the_row_total() -> None:
    header = ["县区", "合计(万元)", "中央财政(万元)", "省级财政(万元)"]
    rows = [["凉州区", "300", "200", "100"], ["民勤县", "150", "100", "50"], ["合计", "450", "300", "150"]]
    text, spans = _layout(header, rows)
    recs = records_from_table(Table(header=header, rows=rows), spans, text, CTX)
    money = [r for r in recs if isinstance(r, Money)]
    assert [(r.text, r.source, r.region) for r in money] == [
        ("300", None, "凉州区"), ("200", "中央财政", "凉州区"), ("100", "省级财政", "凉州区"),
        ("150", None, "民勤县"), ("100", "中央财政", "民勤县"), ("50", "省级财政", "民勤县"),
        ("450", None, None), ("300", "中央财政", None), ("150", "省级财政", None)]
    assert all(r.per is None for r in money)
    assert money[1]._total is money[0] and money[2]._total is money[0]
    assert money[0]._total is money[6]  # a row's total is a share of the 合计 row's
    assert money[6]._total is None


def test_role_columns_one_unit_per_line() -> None:
    header = ["序号", "工作任务", "牵头单位", "协办单位"]
    rows = [["1", "完成选址", "市民政局", "市财政局\n市自然资源局"]]
    text, spans = _layout(header, rows)
    recs = records_from_table(Table(header=header, rows=rows), spans, text, CTX)
    assert [(r.role, r.unit) for r in recs if isinstance(r, Responsibility)] == [
        ("lead", "市民政局"), ("support", "市财政局"), ("support", "市自然资源局")]


def test_progress_cell_quarters_and_months() -> None:
    cell = "一季度完成招标;二季度开工建设;10月底前通水验收"
    got = progress_deadlines(cell, 100, CTX, "农村供水")
    assert [(d.date, d.text, d.span[0] - 100) for d in got] == [
        ("2025-03", "一季度", 0), ("2025-06", "二季度", 8), ("2025-10", "10月底前", 16)]
    assert all(isinstance(d, Deadline) for d in got)
    assert [d.what for d in got[:2]] == ["农村供水", "农村供水"]  # a quarter step: the row's name


def test_group_rows_are_parents_and_region_rows_give_their_region() -> None:
    kinds = column_kinds(["序号", "项目名称", "投资(万元)"])
    rows = [["", "一、教育类", "80"], ["1", "学校", "50"], ["2", "幼儿园", "30"], ["", "合计", "80"]]
    parents, _ = row_parents(rows, kinds)
    assert parents == [3, 0, 0, None]
    kinds = column_kinds(["序号", "县区", "投资(万元)"])
    rows = [["", "凉州区", "50"], ["1", "城北学校", "50"], ["", "合计", "50"]]
    parents, regions = row_parents(rows, kinds)
    assert parents == [2, 0, None] and regions == [None, "凉州区", None]


def test_a_note_cell_with_a_date_before_sets_a_deadline_a_period_cell_does_not() -> None:
    header = ["序号", "项目名称", "总投资(万元)", "建设年限", "备注"]
    rows = [["1", "城区公办幼儿园扩容", "8600", "2025年", "8月底前完工"],
            ["2", "农村供水保障提升", "7260", "2025-2026年", "含管网186公里"]]
    text, spans = _layout(header, rows)
    recs = records_from_table(Table(header=header, rows=rows), spans, text, CTX)
    assert [(d.date, d.text, d.what) for d in recs if isinstance(d, Deadline)] == [("2025-08", "8月底前", "完工")]


def test_columns_after_a_qizhong_column_split_the_one_before() -> None:
    header = ["县区", "补助资金(万元)", "其中:省级补助(万元)", "县级配套(万元)"]
    rows = [["武功县", "600", "400", "200"]]
    text, spans = _layout(header, rows)
    recs = records_from_table(Table(header=header, rows=rows), spans, text, CTX)
    money = {r.text: r for r in recs if isinstance(r, Money)}
    assert money["400"]._total is money["600"] and money["200"]._total is money["600"]
    assert money["400"].source == "省级"  # 其中: is no part of the payer


def test_a_subtotal_written_after_its_rows_sums_them_and_the_total_sums_the_subtotals() -> None:
    kinds = column_kinds(["类别", "序号", "项目名称", "投资(万元)"])
    rows = [["教育", "1", "学校", "50"], ["", "2", "幼儿园", "30"], ["", "小计", "", "80"],
            ["卫生", "3", "卫生室", "20"], ["", "小计", "", "20"], ["合计", "", "", "100"]]
    parents, _ = row_parents(rows, kinds)
    assert parents == [2, 2, 5, 4, 5, None]


@pytest.mark.parametrize(("header", "unit"), [
    ("总投资(万元)", "万元"), ("县(市、区)财政", None), ("资金(万元)合计", "万元"), ("县(区)", "区")])
def test_a_bracket_inside_a_name_is_no_unit(header: str, unit: str | None) -> None:
    from minshi_extract.tables.columns import unit_of

    assert unit_of(header) == unit


def test_year_columns_take_a_money_caption() -> None:
    from minshi_extract.tables.header import with_caption

    assert [with_caption(h, "万元") for h in ("2024年", "2025年度", "备注")] == ["2024年(万元)", "2025年度(万元)", "备注"]


def test_a_county_and_district_level_is_a_payer() -> None:
    from minshi_extract.meaning.source import header_payer

    assert [header_payer(h) for h in ("县区级", "市县级", "省级")] == ["县区级", "市县级", "省级"]
