"""Tables of blank-separated cells wrapped over lines, as a PDF text copy gives them
(ingest/wrapped_rows.py): one `|` line a row, each wrapped piece on its column."""

from __future__ import annotations

from minshi_extract import extract_text
from minshi_extract.ingest.wrapped_rows import unwrap_spaced_tables

WRAPPED = """附件
2025年民生实事项目表
序 项目名称 建设内容 投资 完成时限 牵头单位 配合单位
号 (万元)
1 农村公路 新改建农村公路120公里, 6400 2025年10月底前 县交通运输局 县财政局、
提质改造 改造危桥8座 县自然资源局
2 城区公厕建设 新建城区公厕20座 900 2025年9月底前 县城管局 县住建局
— 2 —
3 老年助餐服务 建设老年助餐点15个,每个 450 2025年12月底前 县民政局 县财政局
补助30万元
合计 7750
注:投资含上级补助资金。"""


def test_wrapped_rows_become_one_line_a_row() -> None:
    assert unwrap_spaced_tables(WRAPPED).split("\n") == [
        "附件", "2025年民生实事项目表",
        "序号|项目名称|建设内容|投资(万元)|完成时限|牵头单位|配合单位",
        "1|农村公路提质改造|新改建农村公路120公里,改造危桥8座|6400|2025年10月底前|县交通运输局|县财政局、县自然资源局",
        "2|城区公厕建设|新建城区公厕20座|900|2025年9月底前|县城管局|县住建局",
        "3|老年助餐服务|建设老年助餐点15个,每个补助30万元|450|2025年12月底前|县民政局|县财政局",
        "|合计||7750|||",  # seven columns
        "注:投资含上级补助资金。",
    ]


def test_rows_of_one_line_and_numbered_prose_are_left_as_they_are() -> None:
    one_line = "序号 县区 户数(户) 资金(万元)\n1 东城区 120 360\n2 西城区 80 240\n合计 200 600\n"
    assert unwrap_spaced_tables(one_line) is one_line
    prose = "工作要求 责任单位 完成时限 主要内容\n1 各单位要高度重视\n2 加强督查\n"
    assert unwrap_spaced_tables(prose) is prose


def test_wrapped_table_gives_each_row_its_programme() -> None:
    notice = extract_text("某县人民政府关于印发2025年民生实事项目的通知\n各乡镇人民政府:\n现印发给你们。\n\n" + WRAPPED + "\n")
    assert [p.title for p in notice.programmes] == ["农村公路提质改造", "城区公厕建设", "老年助餐服务"]
    road = notice.programmes[0]
    assert {(r.value, r.unit) for r in road.records if r.type == "quantity"} == {(120.0, "公里"), (8.0, "座")}
    assert [r.amount_cny for r in road.records if r.type == "money"] == [64_000_000.0]
