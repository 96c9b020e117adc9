"""One table model for every reader: a reader grid found again in the text, a `|` grid with two
header rows, a flattened table with its header repeated after page furniture, group rows, and
rows linked to a list-style notice's items by name. Values read from the text written here."""

from minshi_extract.models import Money, Quantity, Responsibility
from minshi_extract.pipeline import extract_text
from minshi_extract.structure.lines import split_lines
from minshi_extract.tables.grids import locate

COVER = """某市人民政府办公室关于印发2025年民生实事项目的通知

各县(区)人民政府,市政府各部门:

现将2025年民生实事项目印发给你们,请认真贯彻落实。

某市人民政府办公室

2025年3月1日

"""


def test_reader_grid_located_in_the_text_keeps_empty_cells() -> None:
    text = "县区\n\n中央财政\n\n省级财政\n\n凉州区\n\n20\n\n民勤县\n\n15\n"
    grid = [["县区", "中央财政", "省级财政"], ["凉州区", "", "20"], ["民勤县", "15", ""]]
    found = locate(split_lines(text), text, grid)
    assert found is not None
    assert [[c.text if c else None for c in row] for row in found] == [
        ["县区", "中央财政", "省级财政"], ["凉州区", None, "20"], ["民勤县", "15", None]]
    assert text[found[1][2].start:found[1][2].end] == "20"


def test_reader_grid_located_after_a_paragraph_introducing_it() -> None:
    """An attachment's paragraph before its table (为便于…分解如下。) does not hide the grid below it."""
    text = ("为便于各区县对照落实,现将目标任务和省、市补助资金分解如下,各区县应细化到乡镇和具体工程。\n\n"
            "县区\n\n中央财政\n\n省级财政\n\n凉州区\n\n20\n\n民勤县\n\n15\n")
    grid = [["县区", "中央财政", "省级财政"], ["凉州区", "", "20"], ["民勤县", "15", ""]]
    found = locate(split_lines(text), text, grid)
    assert found is not None and text[found[2][1].start:found[2][1].end] == "15"


def test_reader_grid_not_found_when_the_text_differs() -> None:
    text = "县区\n\n中央财政\n\n凉州区\n\n20\n"
    assert locate(split_lines(text), text, [["县区", "省级财政"], ["凉州区", "20"]]) is None


def test_piped_grid_with_two_header_rows_and_an_empty_cell() -> None:
    body = """附件:项目资金表

附件

项目资金表

序号|项目名称|资金合计|资金来源(万元)|
||(万元)|中央财政|省级财政
1|城区供热管网改造|500|300|200
2|农村危房改造|120||120
合计||620|300|320
"""
    notice = extract_text(COVER + body)
    table = notice.attachments[0].tables[0]
    assert table.header == ["序号", "项目名称", "资金合计(万元)", "中央财政(万元)", "省级财政(万元)"]
    assert table.rows[1] == ["2", "农村危房改造", "120", "", "120"]
    money = [(r.text, r.source) for r in notice.all_records() if isinstance(r, Money)]
    assert ("200", "省级财政") in money and ("620", None) in money


def test_flattened_table_header_repeated_after_page_furniture() -> None:
    cells = ["县区", "改造户数(户)", "补助资金(万元)", "凉州区", "80", "28", "— 3 —",
             "县区", "改造户数(户)", "补助资金(万元)", "民勤县", "45", "15.75", "合计", "125", "43.75"]
    body = "附件\n\n改造任务分解表\n\n" + "\n\n".join(cells) + "\n"
    notice = extract_text(COVER + body)
    table = notice.attachments[0].tables[0]
    assert table.rows == [["凉州区", "80", "28"], ["民勤县", "45", "15.75"], ["合计", "125", "43.75"]]
    recs = [(r.text, r.region) for r in notice.all_records() if isinstance(r, Quantity | Money)]
    assert ("45", "民勤县") in recs and ("15.75", "民勤县") in recs


def test_list_notice_annex_rows_go_to_the_items_they_name() -> None:
    body = """2025年民生实事项目安排

一、项目安排

(一)城区供热管网改造。改造城区供热管网38公里。

(二)农村危房改造。完成农村危房改造1200户。

附件:项目表

附件

项目表

序号

项目名称

投资(万元)

牵头单位

1

城区供热管网改造

500

市住建局

2

农村危房改造

120

市住建局

合计

620
"""
    notice = extract_text(COVER + body)
    assert [p.title for p in notice.programmes] == ["城区供热管网改造", "农村危房改造"]
    first, second = notice.programmes
    assert {(r.type, r.text) for r in first.all_records()} >= {("quantity", "38公里"), ("money", "500")}
    assert ("money", "120") in {(r.type, r.text) for r in second.all_records()}
    assert any(isinstance(r, Responsibility) and r.unit == "市住建局" for r in second.all_records())
    assert [r.text for r in notice.records if isinstance(r, Money)] == ["620"]  # the 合计 row: the notice's


def test_group_rows_inside_a_flattened_table_under_an_inline_label() -> None:
    cells = ["序号", "项目名称", "投资(万元)", "一、教育类项目", "80", "1", "城北学校扩建", "50",
             "2", "幼儿园扩容", "30", "二、卫生类项目", "20", "3", "卫生院改造", "12", "4", "村卫生室建设", "8",
             "合计", "100"]
    body = "附件:2025年民生实事项目表\n\n" + "\n\n".join(cells) + "\n"
    notice = extract_text(COVER + body)
    table = notice.attachments[0].tables[0]
    assert [r[1] for r in table.rows] == ["一、教育类项目", "城北学校扩建", "幼儿园扩容", "二、卫生类项目",
                                          "卫生院改造", "村卫生室建设", "合计"]
    assert [p.title for p in notice.programmes] == ["城北学校扩建", "幼儿园扩容", "卫生院改造", "村卫生室建设"]
    recs = {r.text: r for r in notice.all_records() if isinstance(r, Money)}
    assert recs["50"]._total is recs["80"] and recs["30"]._total is recs["80"]
    assert recs["80"]._total is recs["100"] and recs["20"]._total is recs["100"]
    assert recs["12"]._total is recs["20"] and recs["8"]._total is recs["20"]


def test_columns_under_a_spanning_qizhong_split_the_money_column_before_it() -> None:
    """投资(万元) | 其中 over 中央及省级 · 市县 (a grid's two header rows): the payer columns are shares of
    the row's investment, whatever the composed header keeps of the 其中."""
    body = """附件:民生实事项目清单

附件

民生实事项目清单

序号|项目名称|投资(万元)|其中||牵头单位
|||中央及省级|市县|
1|城区供热管网改造|500|300|200|市住建局
2|农村危房改造|120|70|50|市住建局
合计||620|370|250|
"""
    notice = extract_text(COVER + body)
    money = {r.text: r for r in notice.all_records() if isinstance(r, Money)}
    assert (money["300"].source, money["300"].part_of) == ("中央及省级", money["500"].id)
    assert (money["200"].source, money["200"].part_of) == ("市县", money["500"].id)
    assert money["50"].part_of == money["120"].id


def test_a_table_laid_on_its_side_has_one_row_a_project() -> None:
    """序号 | 一 | 二 over 项目名称 | … / 总投资(万元) | … / 责任单位 | …: its first column is its header
    (tables/transpose.py turn_fields); each project column is a row, and a programme."""
    from minshi_extract.ingest import load_bytes
    from minshi_extract.pipeline import extract

    page = ("<html><head><title>t</title></head><body><div class='article'>"
            "<h1>某市人民政府办公室关于印发2024年民生实事项目的通知</h1><p>各区县人民政府:</p><p>现将项目印发给你们。</p>"
            "<p>某市人民政府办公室</p><p>2024年3月1日</p><p>2024年民生实事项目安排表</p><table>"
            "<tr><td>序号</td><td>一</td><td>二</td></tr>"
            "<tr><td>项目名称</td><td>城区学校扩容工程</td><td>农村供水保障工程</td></tr>"
            "<tr><td>总投资(万元)</td><td>8600</td><td>3200</td></tr>"
            "<tr><td>完成时限</td><td>2024年8月底前</td><td>2024年11月底前</td></tr>"
            "<tr><td>责任单位</td><td>市教育局</td><td>市水利局</td></tr>"
            "</table></div></body></html>")
    n = extract(load_bytes(page.encode("utf-8"), "p.html"))
    assert [(p.title, sorted((r.type, r.text) for r in p.all_records())) for p in n.programmes] == [
        ("城区学校扩容工程", [("deadline", "2024年8月底前"), ("money", "8600"), ("responsibility", "市教育局")]),
        ("农村供水保障工程", [("deadline", "2024年11月底前"), ("money", "3200"), ("responsibility", "市水利局")]),
    ]


def test_a_header_copied_row_by_row_puts_the_second_rows_cells_under_their_parent() -> None:
    """序号 / 项目名称 / 资金合计 / 资金来源 / 完成时限 / 中央 / 省级 (one cell a line): the payers of the
    second header row stand under 资金来源, before 完成时限."""
    body = ("附件\n\n项目资金安排表\n\n单位:万元\n\n序号\n\n项目名称\n\n资金合计\n\n资金来源\n\n完成时限\n\n中央\n\n省级\n\n"
            "1\n\n农村危房改造\n\n900\n\n600\n\n300\n\n10月底前\n\n"
            "2\n\n城区供热管网改造\n\n1500\n\n1000\n\n500\n\n11月底前\n")
    n = extract_text(COVER + body)
    money = {r.text: r for r in n.all_records() if isinstance(r, Money)}
    assert (money["600"].source, money["600"].part_of) == ("中央", money["900"].id)
    assert (money["500"].source, money["500"].part_of) == ("省级", money["1500"].id)
    assert not any(r.text == "10" for r in n.all_records())  # 10月底前 is a date, not a figure cell


def test_columns_under_headers_naming_two_programmes_go_to_each() -> None:
    """县区 | 城镇老旧小区改造 over 小区 · 补助资金 | 农村供水保障 over 工程 · 总投资: one table of two
    programmes' tasks; each column's figures go to the programme its header names."""
    body = ("某市2024年城镇老旧小区改造实施方案\n\n一、目标任务\n\n改造老旧小区20个。任务分解见附件。\n\n"
            "某市2024年农村供水保障实施方案\n\n一、目标任务\n\n新建供水工程9处。\n\n"
            "附件\n\n任务分解表\n\n"
            "序号|县区|城镇老旧小区改造||农村供水保障|\n"
            "||小区(个)|补助资金(万元)|工程(处)|总投资(万元)\n"
            "1|城关区|12|1500|4|800\n"
            "2|七里河区|8|900|5|1100\n")
    n = extract_text(COVER + body)
    first, second = n.programmes
    assert {(r.text, r.region) for r in first.all_records() if r.text in ("12", "1500", "4", "800")} == {
        ("12", "城关区"), ("1500", "城关区")}
    assert {(r.text, r.region) for r in second.all_records() if r.text in ("12", "1500", "4", "800")} == {
        ("4", "城关区"), ("800", "城关区")}


def test_a_free_tables_title_with_its_unit_names_the_funds_of_its_payer_columns() -> None:
    """`…资金分配表(单位:万元)` over `县区 | 合计 | 中央 | 省级` rows: the title is the table's (its unit the
    caption), and a county's payer cells count the funds it names (GUIDELINES rule 8)."""
    body = ("资金安排。各县区资金安排见下表。\n\n2022年农村供水工程资金分配表(单位:万元)\n\n"
            "县(市、区) | 合计 | 中央 | 省级\n城关区 | 900 | 600 | 300\n七里河区 | 600 | 400 | 200\n")
    n = extract_text(COVER + body)
    money = {(r.text, r.region, r.source): r for r in n.all_records() if isinstance(r, Money)}
    assert money[("600", "城关区", "中央")].item == "农村供水工程资金"
    assert money[("900", "城关区", None)].item == "农村供水工程资金"
