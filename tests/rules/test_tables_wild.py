"""Tables as offices save them (blind batch 31's layouts, phrases of our own): a spreadsheet saved as a
web page, a project's cells merged down over its towns, a table laid on its side, a funds table with
shares in per cent."""

from __future__ import annotations

import io

from minshi_extract import extract, extract_text
from minshi_extract.ingest import load_bytes


def _sheet_page() -> bytes:
    """A spreadsheet saved as a web page: the whole page is one table, its first rows the annex label,
    the title and a row of labels, then a two-row header (payers under 计划投资, 县区 among them)."""
    td = "".join
    rows = [
        td(["<td>附件2</td>"] + ["<td></td>"] * 7),
        '<td colspan=8>某市2022年民生实事项目计划表</td>',
        '<td colspan=3>填报单位：某市民生工程领导小组办公室</td><td></td><td></td><td colspan=3>单位：万元</td>',
        '<td rowspan=2>序号</td><td rowspan=2>项目名称</td><td rowspan=2>主要建设内容</td>'
        '<td colspan=4>计划投资</td><td rowspan=2>责任单位</td>',
        "<td>合计</td><td>省级</td><td>市级</td><td>县区</td>",
        td(f"<td>{c}</td>" for c in ["1", "城区公厕改造", "改造公厕40座", "1,200", "400", "500", "300", "市城管局"]),
        td(f"<td>{c}</td>" for c in ["2", "农村公路养护", "养护农村公路300公里", "2,100", "900", "700", "500", "市交通运输局"]),
        td(f"<td>{c}</td>" for c in ["合计", "", "", "3,300", "1,300", "1,200", "800", ""]),
    ]
    body = "".join(f"<tr>{r}</tr>" for r in rows)
    return (f'<html><head><meta name=ProgId content=Excel.Sheet></head><body><div align=center>'
            f'<table border=0>{body}</table></div></body></html>').encode()


def test_a_spreadsheet_page_is_read_as_its_table() -> None:
    n = extract(load_bytes(_sheet_page(), "sheet.html"))
    assert [p.title for p in n.programmes] == ["城区公厕改造", "农村公路养护"]
    assert n.meta.title == "某市2022年民生实事项目计划表"  # not the annex label
    toilets = sorted((r.amount_cny, r.source) for r in n.programmes[0].records if r.type == "money")
    assert toilets == [(3_000_000.0, "县区"), (4_000_000.0, "省级"), (5_000_000.0, "市级"), (12_000_000.0, None)]
    total = next(r for r in n.programmes[0].records if r.type == "money" and r.amount_cny == 12_000_000)
    assert {r.amount_cny for r in n.programmes[0].records if r.type == "money" and r.part_of == total.id} == {
        3_000_000.0, 4_000_000.0, 5_000_000.0}


def test_a_project_merged_over_its_towns_keeps_its_rows_and_subtotal() -> None:
    """项目名称 merged down over its towns' rows and their 小计: they are the project's; payers 中央 | 省 | 市 |
    县 under 资金来源 split each row's total."""
    text = ("某县2023年民生实事实施方案\n各乡镇人民政府:\n现将任务分解如下。\n\n"
            "一、农村户厕改造\n改造户厕800户。\n二、乡村学校少年宫建设\n建设少年宫2所。\n\n附件\n任务分解表\n"
            "项目名称|实施乡镇|建设任务|计划投资(万元)||||\n|||合计|资金来源|||\n||||中央|省|市|县\n"
            "农村户厕改造|城关镇|改造户厕500户|150|80|40|10|20\n|东关镇|改造户厕300户|90|50|20|5|15\n"
            "|小计|改造户厕800户|240|130|60|15|35\n"
            "乡村学校少年宫建设|西关镇|少年宫2所|60|30|20|5|5\n合计|||300|160|80|20|40\n")
    n = extract_text(text)
    toilets = next(p for p in n.programmes if p.title.startswith("农村户厕"))
    money = [r for r in toilets.records if r.type == "money"]
    assert {900000.0, 1_500_000.0, 2_400_000.0} <= {r.amount_cny for r in money}
    row_total = next(r for r in money if r.amount_cny == 1_500_000.0)
    assert sorted((r.amount_cny, r.source) for r in money if r.part_of == row_total.id) == [
        (100_000.0, "市"), (200_000.0, "县"), (400_000.0, "省"), (800_000.0, "中央")]  # not the 小计's
    central = next(r for r in money if r.amount_cny == 800_000.0)
    assert (central.item, central.region) == ("农村户厕改造 计划投资", "城关镇")


def test_a_docx_table_laid_on_its_side_and_shares_in_per_cent() -> None:
    from docx import Document

    doc = Document()
    doc.add_paragraph("某市2021年老旧小区改造实施方案")
    doc.add_paragraph("一、目标任务")
    t = doc.add_table(rows=3, cols=4)
    for r, cells in enumerate([["项目", "城关区", "七里河区", "合计"], ["改造老旧小区(个)", "12", "8", "20"],
                               ["加装电梯(部)", "5", "3", "8"]]):
        for c, v in enumerate(cells):
            t.cell(r, c).text = v
    doc.add_paragraph("二、资金筹措")
    doc.add_paragraph("表2  2021年老旧小区改造资金安排表")
    f = doc.add_table(rows=3, cols=3)
    for r, cells in enumerate([["资金来源", "金额(万元)", "占比(%)"], ["中央财政", "600", "60"], ["市级财政", "400", "40"]]):
        for c, v in enumerate(cells):
            f.cell(r, c).text = v
    buf = io.BytesIO()
    doc.save(buf)
    n = extract(load_bytes(buf.getvalue(), "side.docx"))
    recs = n.all_records()
    assert sorted((r.value, r.unit, r.region) for r in recs if r.type == "quantity") == [
        (3.0, "部", "七里河区"), (5.0, "部", "城关区"), (8.0, "个", "七里河区"), (8.0, "部", None),
        (12.0, "个", "城关区"), (20.0, "个", None)]
    assert sorted((r.value, r.item) for r in recs if r.type == "percentage") == [(40, "占比"), (60, "占比")]
    funds = sorted((r.amount_cny, r.source, r.item) for r in recs if r.type == "money")
    assert funds == [(4_000_000.0, "市级财政", "老旧小区改造资金"), (6_000_000.0, "中央财政", "老旧小区改造资金")]


def test_figures_in_cells_of_words_are_shares_of_their_subtotal_row() -> None:
    """Cells of words holding two figures each (`维修供水工程6处` / `受益人口3200人`) under a 小计 row's."""
    text = ("某县2023年民生实事实施方案\n各乡镇人民政府:\n现将任务分解如下。\n\n一、农村饮水安全巩固提升\n"
            "维修改造供水工程。\n二、村级道路硬化\n硬化道路12公里。\n\n附件\n任务分解表\n"
            "项目名称|实施乡镇|建设任务|计划投资(万元)\n农村饮水安全巩固提升|城关镇|维修供水工程6处,受益人口3200人|210\n"
            "|东关镇|维修供水工程4处,受益人口2100人|160\n|小计|维修供水工程10处,受益人口5300人|370\n"
            "村级道路硬化|西关镇|硬化道路12公里|360\n")
    recs = [r for r in extract_text(text).programmes[0].records if r.type == "quantity"]
    works = next(r for r in recs if r.value == 10)
    people = next(r for r in recs if r.value == 5300)
    assert sorted(r.value for r in recs if r.part_of == works.id) == [4.0, 6.0]
    assert sorted(r.value for r in recs if r.part_of == people.id) == [2100.0, 3200.0]


def test_a_docx_grid_followed_by_its_note_is_still_its_table() -> None:
    """A note under a .docx table (`注:…`) is no cell of it: the grid is still found in the text."""
    from docx import Document

    doc = Document()
    for line in ["某市2021年农村改厕实施方案", "一、资金安排", "附件2", "某市2021年改厕补助资金分配表", "单位:万元"]:
        doc.add_paragraph(line)
    t = doc.add_table(rows=4, cols=4)
    for r, cells in enumerate([["县(区)", "合计", "省级奖补", "县级配套"], ["城关区", "300", "200", "100"],
                               ["七里河区", "200", "120", "80"], ["合计", "500", "320", "180"]]):
        for c, v in enumerate(cells):
            t.cell(r, c).text = v
    doc.add_paragraph("注:县级配套资金用于村级公厕新建改建,户厕改造县级配套由各县(区)根据财力自行安排,不在本表列示。")
    buf = io.BytesIO()
    doc.save(buf)
    n = extract(load_bytes(buf.getvalue(), "note.docx"))
    money = sorted((r.amount_cny, r.region) for r in n.all_records() if r.type == "money" and r.region)
    assert money == [(800_000.0, "七里河区"), (1_000_000.0, "城关区"), (1_200_000.0, "七里河区"),
                     (2_000_000.0, "七里河区"), (2_000_000.0, "城关区"), (3_000_000.0, "城关区")]


def test_a_task_table_by_county_in_columns_takes_each_rows_unit() -> None:
    """任务指标 | 单位 | one column per county | 合计: each county cell counts in its row's unit, has the
    county as its region, and is a share of the row's 合计 (a place the gazetteer lacks, 东湖新区, too)."""
    body = ("某市2023年民生实事任务分解表\n\n"
            "序号|项目名称|任务指标|单位|城关区|七里河区|东湖新区|合计\n"
            "1|农村公厕建设|新建改建公厕|座|12|8|3|23\n"
            "2|社区食堂建设|新建社区食堂|个|5|4|1|10\n")
    n = extract_text("某市人民政府办公室关于印发2023年民生实事项目的通知\n\n" + body)
    recs = {(r.text, r.region): r for r in n.all_records() if r.type == "quantity"}
    assert (recs[("8", "七里河区")].unit, recs[("8", "七里河区")].item) == ("座", "新建改建公厕")
    assert recs[("1", "东湖新区")].unit == "个"
    total = recs[("10", None)]
    assert [recs[(t, p)].part_of for t, p in (("5", "城关区"), ("4", "七里河区"), ("1", "东湖新区"))] == [total.id] * 3


def test_a_funds_table_by_year_names_each_rows_payer() -> None:
    """资金来源 | 2024年 | 2025年 | 合计 under `单位:万元`: the year columns count money, each row's name
    names who pays (城区财政资金 too: a city's districts pay before 财政)."""
    body = ("附件\n\n资金筹措计划表\n\n单位:万元\n\n"
            "资金来源|2024年|2025年|合计\n中央预算内投资|3000|2000|5000\n城区财政资金|1200|800|2000\n合计|4200|2800|7000\n")
    n = extract_text("某市人民政府办公室关于印发2024年民生实事项目的通知\n\n" + body)
    money = {r.text: r for r in n.all_records() if r.type == "money"}
    assert (money["3000"].amount_cny, money["3000"].source) == (30_000_000, "中央")
    assert money["800"].source == "城区财政"


def test_a_table_in_two_parts_with_headers_of_their_own() -> None:
    """序号|项目名称|总投资(万元)|牵头单位, then 序号|项目名称|目标任务|牵头单位|配合单位: one table whose rows
    keep their own part's columns (a tab copy of a portal page)."""
    rows = [
        "一、建设类项目",
        "序号\t项目名称\t建设内容\t总投资(万元)\t计划投资(万元)\t牵头单位\t完成时限",
        "1\t城区学校扩容\t新建学校3所\t26000\t12000\t市教育局\t8月底前",
        "2\t老旧小区改造\t改造小区40个\t18000\t18000\t市住建局\t11月底前",
        "二、服务类项目",
        "序号\t项目名称\t服务内容\t目标任务\t牵头单位\t配合单位\t完成时限",
        "3\t老年助餐服务\t为老年人提供助餐服务\t新建助餐点40个\t市民政局\t市财政局\t10月底前",
    ]
    body = "附件\n\n某市2025年民生实事任务表\n\n" + "\n".join(rows) + "\n"
    n = extract_text("某市人民政府办公室关于印发2025年民生实事项目的通知\n\n" + body)
    units = sorted((r.role, r.unit) for r in n.all_records() if r.type == "responsibility")
    assert units == [("lead", "市住建局"), ("lead", "市教育局"), ("lead", "市民政局"), ("support", "市财政局")]


def test_count_columns_under_qizhong_split_their_rows_task() -> None:
    body = ("任务分配表\n\n序号|县区|改造任务(户)|其中||补助资金(元)\n|||危房改造(户)|抗震改造(户)|\n"
            "1|城关区|20|18|2|760,000\n2|七里河区|42|36|6|1,560,000\n")
    n = extract_text("某市人民政府办公室关于印发2023年民生实事项目的通知\n\n" + body)
    q = {(r.text, r.region): r for r in n.all_records() if r.type == "quantity"}
    assert (q[("18", "城关区")].part_of, q[("36", "七里河区")].part_of) == (q[("20", "城关区")].id, q[("42", "七里河区")].id)


def test_a_table_by_county_whose_columns_name_the_programmes() -> None:
    """县(区) | 城镇新增就业(人) | 农村公厕改造(座): each column is one programme's task by county, so its
    cells are that programme's records, not the last programme's."""
    text = ("某市人民政府办公室关于印发2025年民生实事项目的通知\n\n各县(区)人民政府,市直各部门:\n"
            "    现将2025年民生实事项目印发给你们,请认真组织实施。\n"
            "    一、城镇新增就业。全年城镇新增就业2000人。\n    二、农村公厕改造。全年改造农村公厕55座。\n"
            "    附件:2025年民生实事任务分解表\n\n某市人民政府办公室\n2025年3月1日\n\n附件\n\n"
            "2025年民生实事任务分解表\n\n县(区)|城镇新增就业(人)|农村公厕改造(座)\n城关区|1200|30\n七里河区|800|25\n")
    n = extract_text(text)
    cells = [sorted((r.text, r.region) for r in p.records if r.region) for p in n.programmes]
    assert cells == [[("1200", "城关区"), ("800", "七里河区")], [("25", "七里河区"), ("30", "城关区")]]


def test_units_glued_by_a_joined_cell_are_each_a_unit() -> None:
    body = ("附件\n\n项目表\n\n序号|项目名称|主要任务|牵头单位\n1|视力筛查|为中小学生开展视力筛查2次|市卫生健康委市教育局\n"
            "2|党建阵地|新建党群服务中心3个|市委组织部\n3|老旧小区改造|改造小区30个|市住建局各县区政府\n")
    n = extract_text("某市人民政府办公室关于印发2024年民生实事项目的通知\n\n" + body)
    assert sorted(r.unit for r in n.all_records() if r.type == "responsibility") == [
        "各县区政府", "市住建局", "市卫生健康委", "市委组织部", "市教育局"]


def test_a_places_header_spanning_a_group_and_its_places() -> None:
    """`区市` over two columns (a group 市区, then its places): a place the gazetteer lacks (高新区 written
    高区) is the row's region all the same; a 市县 column under money is a payer, not a place."""
    body = ("附件\n\n任务分配表\n\n区市||改造小区(个)|补助资金(万元)\n市区|城中区|12|600\n|高区|8|400\n|小计|20|1000\n"
            "东县||10|500\n合计||30|1500\n")
    n = extract_text("某市人民政府办公室关于印发2021年老旧小区改造实施方案的通知\n\n" + body)
    regions = {(r.text, r.region) for r in n.all_records() if r.type == "quantity"}
    assert {("12", "城中区"), ("8", "高区"), ("10", "东县")} <= regions


def test_quarter_columns_give_what_is_due_by_each_quarter() -> None:
    """序号 | 项目 | 一季度 | 二季度 | 三季度 | 四季度: each filled cell is due at its quarter's end, a dash is
    nothing due, and a cell with its own date keeps that date."""
    body = ("附件\n\n项目推进计划\n\n序号|项目名称|一季度|二季度|三季度|四季度\n"
            "1|公厕改造|完成选址,开展设计|全部开工|—|11月底前全部完工\n")
    n = extract_text("某市人民政府办公室关于印发2022年民生实事项目的通知\n\n" + body)
    due = sorted((r.date, r.what) for r in n.all_records() if r.type == "deadline")
    assert due == [("2022-03", "完成选址"), ("2022-06", "全部开工"), ("2022-11", "全部完工")]


def test_a_spanning_funds_header_is_named_whole_and_each_level_pays() -> None:
    """财政补助资金(万元) over 合计 | 中央 | 区市级: 财政 names no payer, so the funds keep their name; 区市级
    is a level that pays (like 县级), not what is paid for."""
    body = ("附件\n\n补助资金分配表\n\n区市|财政补助资金(万元)|||\n|合计|中央|区市级\n城中区|300|200|100\n"
            "东县|150|100|50\n合计|450|300|150\n")
    n = extract_text("某市人民政府办公室关于印发2021年老旧小区改造实施方案的通知\n\n" + body)
    money = {(r.text, r.region): r for r in n.all_records() if r.type == "money"}
    assert (money[("100", "城中区")].item, money[("100", "城中区")].source) == ("财政补助资金", "区市级")


def test_one_form_per_project_gives_one_programme_per_form() -> None:
    """项目一 / a two-column form (项目名称 | X, 建设内容 | …, 任务分解 merged down over its lines, 牵头单位 |
    …) per project: each form is read as `label:value` lines and each 项目名称 opens a programme."""
    from minshi_extract.ingest.forms import form_text

    rows = [["项目名称", "农村供水保障"], ["建设内容", "新建供水工程12处"], ["任务分解", "民勤县:工程8处"],
            ["", "古浪县:工程4处"], ["总投资", "900万元"], ["牵头单位", "市水利局"]]
    assert form_text(rows) == ("项目名称:农村供水保障\n\n建设内容:新建供水工程12处\n\n任务分解\n\n民勤县:工程8处\n"
                               "古浪县:工程4处\n\n总投资:900万元\n\n牵头单位:市水利局")
    forms = "\n\n".join(f"项目{k}\n\n{form_text(r)}" for k, r in (
        ("一", rows), ("二", [["项目名称", "老旧小区改造"], ["建设内容", "改造小区30个"], ["总投资", "1.2亿元"],
                             ["牵头单位", "市住建局"]])))
    n = extract_text("某市人民政府办公室关于印发2025年为民办实事工程项目的通知\n\n附件\n\n项目一览表\n\n" + forms + "\n")
    assert [p.title for p in n.programmes] == ["农村供水保障", "老旧小区改造"]
    assert {(r.text, r.region) for r in n.programmes[0].records if r.type == "quantity"} >= {("8处", "民勤县"), ("4处", "古浪县")}


def test_a_table_by_county_under_a_spanning_programme_header() -> None:
    """县区 | 农村公路(公里) over 提质改造 | 安全生命防护, then 农村危房改造(户): the spanning header names the
    programme of the columns under it."""
    text = ("某市人民政府办公室关于印发2024年民生实事项目的通知\n\n各县区人民政府:\n    现将项目印发给你们。\n"
            "    一、农村公路提质改造。全年提质改造农村公路60公里。\n    二、农村危房改造。全年改造农村危房50户。\n\n"
            "附件\n\n任务分解表\n\n县区|农村公路(公里)||农村危房改造(户)\n|提质改造|安全生命防护|\n城关区|40|10|30\n七里河区|20|5|20\n")
    n = extract_text(text)
    cells = [sorted(r.text for r in p.records if r.region == "城关区") for p in n.programmes]
    assert cells == [["10", "40"], ["30"]]


def test_a_payers_share_word_under_what_it_pays_adds_nothing() -> None:
    """补助资金(万元) over 合计 | 中央 | 旗县区配套: the column's payer is the level its header opens with
    (as for 市县配套资金), and 配套 adds nothing to what the spanning header names."""
    body = ("附件\n\n补助资金分配表\n\n旗县区|补助资金(万元)||\n|合计|中央|旗县区配套\n红山区|300|200|100\n"
            "合计|300|200|100\n")
    n = extract_text("某市人民政府办公室关于印发2022年农村户厕改造实施方案的通知\n\n" + body)
    money = {(r.text, r.region): r for r in n.all_records() if r.type == "money"}
    assert (money[("100", "红山区")].item, money[("100", "红山区")].source) == ("补助资金", "旗县区")


def test_a_group_merged_down_with_its_subtotal_first_sums_its_rows() -> None:
    """区域 | 县区 | 任务(户): `南部 | 小计 | 500` heads the group's rows (the group's name merged down over
    them, its 小计 written first): its rows are shares of the 小计, not of the table's 合计."""
    body = ("附件\n\n任务分配表\n\n区域|县区|改造任务(户)\n南部片区|小计|500\n|城关区|300\n|七里河区|200\n"
            "北部片区|小计|400\n|西固区|400\n合计||900\n")
    n = extract_text("某市人民政府办公室关于印发2022年农村户厕改造实施方案的通知\n\n" + body)
    q = {(r.text, r.region): r for r in n.all_records() if r.type == "quantity"}
    assert q[("300", "城关区")].part_of == q[("200", "七里河区")].part_of == q[("500", None)].id


def test_a_level_inside_a_payer_header_names_the_payer() -> None:
    """床位建设市级补助(万元): the level inside the header pays (as 市级补助 would at its start)."""
    body = ("附件\n\n补助资金表\n\n县区|新增床位(张)|床位建设市级补助(万元)\n城关区|120|36\n七里河区|96|28.8\n")
    n = extract_text("某市人民政府办公室关于印发2026年养老服务实施方案的通知\n\n" + body)
    assert {r.text: r.source for r in n.all_records() if r.type == "money"} == {"36": "市级", "28.8": "市级"}


def test_a_group_label_row_between_projects_is_no_projects() -> None:
    """序号 | 项目名称 | …: `二、城乡建设(2项)` written in the serial column between project rows counts the
    notice's items, it does not go on the project row above it."""
    body = ("附件\n\n项目计划表\n\n序号|项目名称|主要目标任务|牵头单位\n一、社会保障(2项)|||\n"
            "1|低保提标|低保标准提高到每人每月800元|市民政局\n2|老年助餐|新建助餐点40个|市民政局\n"
            "二、城乡建设(2项)|||\n3|公厕改造|改造公厕60座|市城管局\n4|农村公路|新改建农村公路90公里|市交通运输局\n")
    n = extract_text("某市人民政府办公室关于印发2023年为民办实事项目的通知\n\n" + body)
    assert [p.title for p in n.programmes] == ["低保提标", "老年助餐", "公厕改造", "农村公路"]
    assert [r.text for r in n.programmes[1].records if r.type == "quantity"] == ["40个"]


def test_a_due_cell_whose_verb_says_nothing_leaves_the_project_due() -> None:
    """完成时限 | 7月1日起执行: 执行 names no action of its own, the row's project is due (GUIDELINES: a 完成时限
    column gives the row's project name); 11月底前开工 names one."""
    body = ("附件\n\n项目表\n\n序号|项目名称|主要任务|完成时限\n1|城乡低保提标|低保标准提高到每人每月800元|7月1日起执行\n"
            "2|公厕改造|改造公厕60座|11月底前全部完工\n")
    n = extract_text("某市人民政府办公室关于印发2023年为民办实事项目的通知\n\n" + body)
    assert sorted((r.date, r.what) for r in n.all_records() if r.type == "deadline") == [
        ("2023-07-01", "城乡低保提标"), ("2023-11", "全部完工")]


def test_units_in_hexagonal_brackets_and_a_glued_federation() -> None:
    """各县〔市、区〕人民政府: a page's 〔〕 hold a list like (), the unit is named with (); 市妇联市财政局 glued by
    a joined cell: two units."""
    body = ("附件\n\n项目表\n\n序号|项目名称|主要任务|配合单位\n1|两癌筛查|筛查适龄妇女2万人|市妇联市财政局\n"
            "2|公厕改造|改造公厕60座|各县〔市、区〕人民政府\n")
    n = extract_text("某市人民政府办公室关于印发2024年民生实事项目的通知\n\n" + body)
    assert sorted(r.unit for r in n.all_records() if r.type == "responsibility") == [
        "各县(市、区)人民政府", "市妇联", "市财政局"]


def test_a_task_table_by_district_whose_indicators_carry_their_unit() -> None:
    """任务指标 | 全市 | 其中 over the districts | 市级牵头单位: each indicator ends with its unit (`托位数(个)`,
    `市级奖补资金(万元)`): a district's cell counts in it, has the district as region and pays by the
    level the indicator names; 市级牵头单位 leads."""
    body = ("附件\n\n任务分解表\n\n序号|项目|任务指标|全市|城关区|七里河区|市级牵头单位\n"
            "1|新增托位|托位数(个)|500|300|200|市卫生健康委\n||市级奖补资金(万元)|100|60|40|\n")
    n = extract_text("某市人民政府办公室关于印发2024年民生实事项目的通知\n\n" + body)
    got = {(r.text, r.region): r for r in n.all_records() if r.type in ("quantity", "money")}
    assert (got[("300", "城关区")].type, got[("300", "城关区")].unit) == ("quantity", "个")
    assert (got[("60", "城关区")].amount_cny, got[("60", "城关区")].source) == (600_000, "市级")
    assert [(r.role, r.unit) for r in n.all_records() if r.type == "responsibility"] == [("lead", "市卫生健康委")]


def test_columns_after_qizhong_count_in_the_unit_of_the_column_they_split() -> None:
    """补助资金(万元) | 其中:自治区补助 | 市级财政: the unit is written once; the payer columns after 其中
    are money in it, shares of the row's 补助资金, the last one named by it."""
    body = ("附件\n\n资金分配表\n\n项目|养老床位(张)|补助资金(万元)|其中:自治区补助|市级财政\n城关区|40|190|90|100\n"
            "七里河区|30|160|70|90\n合计|70|350|160|190\n")
    n = extract_text("某市人民政府办公室关于印发2020年养老服务提升实施方案的通知\n\n" + body)
    money = {(r.text, r.region): r for r in n.all_records() if r.type == "money"}
    share = money[("100", "城关区")]
    assert (share.amount_cny, share.source, share.item) == (1_000_000, "市级财政", "补助资金")
    assert share.part_of == money[("190", "城关区")].id
