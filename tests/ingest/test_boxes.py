"""Tables drawn with box characters in a text notice (ingest/boxes.py): one `|` line a row, each cell's
wrapped pieces joined, rule lines gone; text without such a table unchanged."""

from __future__ import annotations

from minshi_extract import extract_text
from minshi_extract.ingest.boxes import unbox_tables

DRAWN = """附件
2026年项目清单
┌────┬──────────┬────────────────┬──────────┐
│序号│项目名称  │年度目标        │投资(万元)│
├────┼──────────┼────────────────┼──────────┤
│1   │农村公路  │新改建农村公路  │6400      │
│    │提质      │120公里         │          │
├────┼──────────┼────────────────┼──────────┤
│2   │城区幼儿园│新增学位900个   │3500      │
├────┼──────────┼────────────────┼──────────┤
│    │合计      │                │9900      │
└────┴──────────┴────────────────┴──────────┘
注:完成时限为年底前。"""


def test_drawn_table_becomes_one_line_a_row() -> None:
    assert unbox_tables(DRAWN).split("\n") == [
        "附件", "2026年项目清单",
        "序号|项目名称|年度目标|投资(万元)",
        "1|农村公路提质|新改建农村公路120公里|6400",
        "2|城区幼儿园|新增学位900个|3500",
        "|合计||9900",
        "注:完成时限为年底前。",
    ]


def test_ascii_table_ruled_under_its_header_joins_continuation_lines() -> None:
    """Only the header is ruled off: a line whose first cell is empty goes on the row before it."""
    text = ("+----+------------+-------+\n| 序号 | 项目名称 | 户数 |\n+----+------------+-------+\n"
            "| 1 | 农村危房 | 300户 |\n|   | 改造 |  |\n| 2 | 适老化改造 | 500户 |\n+----+------------+-------+")
    assert unbox_tables(text).split("\n") == ["序号|项目名称|户数", "1|农村危房改造|300户", "2|适老化改造|500户"]


def test_text_without_a_drawn_table_is_unchanged() -> None:
    plain = "一、目标任务\n新建公厕20座|改造10座\n|序号|名称|\n|1|公厕|\n----\n"
    assert unbox_tables(plain) is plain


def test_figures_of_a_drawn_table_are_read_from_its_cells() -> None:
    notice = extract_text("某市人民政府关于下达2026年民生实事项目的通知\n各县区人民政府:\n现下达给你们。\n\n" + DRAWN + "\n")
    money = sorted((r.amount_cny, r.text) for r in notice.all_records() if r.type == "money")
    assert money == [(35_000_000.0, "3500"), (64_000_000.0, "6400"), (99_000_000.0, "9900")]
    qty = {(r.value, r.unit) for r in notice.all_records() if r.type == "quantity"}
    assert {(120.0, "公里"), (900.0, "个")} <= qty
    for r in notice.all_records():
        assert notice.text[r.span[0]:r.span[1]] == r.text
