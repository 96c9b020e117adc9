"""Tables a text copy sets in columns (ingest/aligned_rows.py): `pdftotext -layout` columns of blanks,
a browser's tab-separated rows; each becomes one `|` line a row, other text unchanged."""

from __future__ import annotations

from minshi_extract import extract_text
from minshi_extract.ingest.aligned_rows import unalign_tables, untab_tables

# a -layout copy: a two-line header, cells wrapped in their columns, a page break with the header
# repeated inside row 2, a cell run up to its neighbour with one blank (`2026年6月底前 县卫健局`)
LAYOUT = """附件

                  某县2026年民生实事项目表

 序                                                     总投资
      项目名称        建设内容                                 完成时间       责任单位
 号                                                     (万元)
  1   村卫生室        新建标准化村卫生室24个，             960   2026年6月底前 县卫健局
      提升            配备基本诊疗设备
  2   城区停车场      新建公共停车场6处，新增            3300   2026年10月底前  县住建局、

                                  — 5 —

 序                                                     总投资
      项目名称        建设内容                                 完成时间       责任单位
 号                                                     (万元)
                      停车泊位1200个                                            县城管局
  3   农村饮水        改造供水管网85公里                2100   2026年11月底前  县水利局
      合计                                            6360

    二、各责任单位要按月报送进度。"""


def test_layout_table_becomes_one_line_a_row() -> None:
    assert unalign_tables(LAYOUT).split("\n") == [
        "附件", "", "                  某县2026年民生实事项目表", "",
        "序号|项目名称|建设内容|总投资(万元)|完成时间|责任单位",
        "1|村卫生室提升|新建标准化村卫生室24个，配备基本诊疗设备|960|2026年6月底前|县卫健局",
        "2|城区停车场|新建公共停车场6处，新增停车泊位1200个|3300|2026年10月底前|县住建局、县城管局",
        "3|农村饮水|改造供水管网85公里|2100|2026年11月底前|县水利局",
        "|合计||6360||",
        "", "    二、各责任单位要按月报送进度。",
    ]


def test_layout_table_read_as_a_table() -> None:
    n = extract_text("某县2026年民生实事实施方案\n" + LAYOUT + "\n")
    money = sorted((r.amount_cny, r.text) for r in n.all_records() if r.type == "money")
    assert money == [(9_600_000.0, "960"), (21_000_000.0, "2100"), (33_000_000.0, "3300"), (63_600_000.0, "6360")]
    spaces = next(r for r in n.all_records() if r.type == "quantity" and r.value == 1200)
    assert spaces.unit == "个"


def test_text_without_an_aligned_table_is_unchanged() -> None:
    prose = "    一、目标任务\n    新建村卫生室24个，   配备基本诊疗设备。\n1 新建 2 改造\n"
    assert unalign_tables(prose) == prose


TABBED = "2026年项目计划表\n序号\t项目\t目标\t投资(万元)\n1\t农村公路\t新改建80公里\t6400\n2\t托育\t新增托位300个\t\n合计\t\t\t6400\n说明:\t略"


def test_tab_rows_become_pipe_rows() -> None:
    assert untab_tables(TABBED).split("\n") == [
        "2026年项目计划表", "序号|项目|目标|投资(万元)", "1|农村公路|新改建80公里|6400", "2|托育|新增托位300个|",
        "合计|||6400", "说明:\t略",
    ]
    one = "甲\t乙\t丙\n正文"
    assert untab_tables(one) == one  # one line of tabs is no table


def test_layout_rows_set_apart_by_blank_lines() -> None:
    """A -layout copy that sets a blank line between the header and each row."""
    spaced = "\n".join(ln for line in LAYOUT.split("\n") for ln in ([line, ""] if line.startswith(("  1", "  2", "  3", " 号")) else [line]))
    rows = [ln for ln in unalign_tables(spaced).split("\n") if "|" in ln]
    assert rows[0] == "序号|项目名称|建设内容|总投资(万元)|完成时间|责任单位"
    assert rows[1] == "1|村卫生室提升|新建标准化村卫生室24个，配备基本诊疗设备|960|2026年6月底前|县卫健局"
    assert len(rows) == 5


def test_tab_rows_of_a_merged_header_stand_under_their_parent() -> None:
    """A browser copies a two-row header with merged cells once: the first row's last cell spans the
    columns it lacks, the second row's cells stand at the right under it."""
    copied = ("县(市、区)\t总投资\t资金来源\n中央财政\t省级财政\t市县财政\n"
              "城关区\t900\t500\t300\t100\n七里河区\t600\t300\t200\t100\n")
    assert untab_tables(copied).split("\n")[:4] == [
        "县(市、区)|总投资|资金来源||", "||中央财政|省级财政|市县财政", "城关区|900|500|300|100",
        "七里河区|600|300|200|100"]


# a -layout copy whose rows wrap in several columns at once (项目名称, 配合单位, 完成时限) before a page break:
# the -layout reader takes it whole, before the spaced-row reader could take its first page as rows
WRAPPED = """附件

                         某市2021年民生实事任务分解表

序号  项目名称          年度目标任务                      总投资     其中：市级    牵头单位    配合单位              完成时限
                                                          （万元）   补助（万元）
1     城区学校扩容      新建中小学校3所，新增学位         6200       1500          市教育局    市财政局、            2021年
      提质              2700个                                                                 各区县政府            8月底前
2     农村公路提档      提档升级农村公路120公里           4800       900           市交通局    市财政局、            2021年
      升级                                                                                     各区县政府            11月底前

                                — 3 —

序号  项目名称          年度目标任务                      总投资     其中：市级    牵头单位    配合单位              完成时限
                                                          （万元）   补助（万元）
3     老年助餐服务      新建社区老年食堂40个，            1600       400           市民政局    市财政局、            2021年
                        每个补助4万元                                                          市市场监管局          10月底前
      合计                                                12600      2800
"""


def test_layout_rows_wrapped_in_several_columns_over_a_page_break() -> None:
    from minshi_extract.ingest.layout import text_layout

    rows = [ln for ln in text_layout(WRAPPED).split("\n") if "|" in ln]
    assert rows == [
        "序号|项目名称|年度目标任务|总投资（万元）|其中：市级补助（万元）|牵头单位|配合单位|完成时限",
        "1|城区学校扩容提质|新建中小学校3所，新增学位2700个|6200|1500|市教育局|市财政局、各区县政府|2021年8月底前",
        "2|农村公路提档升级|提档升级农村公路120公里|4800|900|市交通局|市财政局、各区县政府|2021年11月底前",
        "3|老年助餐服务|新建社区老年食堂40个，每个补助4万元|1600|400|市民政局|市财政局、市市场监管局|2021年10月底前",
        "|合计||12600|2800|||",
    ]


def test_group_labels_between_tab_rows_are_rows_of_their_own() -> None:
    text = ("项目计划表\n单位:万元\n序号\t项目名称\t总投资\t牵头单位\n一、城乡建设类(2项)\n"
            "1\t老旧小区改造\t1860\t市住建局\n2\t农村供水保障\t4350\t市水务局\n二、社会保障类(1项)\n"
            "3\t普惠托育服务\t600\t市卫生健康委\n")
    rows = [ln for ln in untab_tables(text).split("\n") if "|" in ln]
    assert rows == ["序号|项目名称|总投资|牵头单位", "一、城乡建设类(2项)|||", "1|老旧小区改造|1860|市住建局",
                    "2|农村供水保障|4350|市水务局", "二、社会保障类(1项)|||", "3|普惠托育服务|600|市卫生健康委"]
    n = extract_text("某市人民政府办公室关于印发2023年民生实事项目的通知\n\n" + text)
    money = sorted(r.amount_cny for r in n.all_records() if r.type == "money")
    assert money == [6_000_000, 18_600_000, 43_500_000]  # 单位:万元 under the title is the caption


def test_a_tab_header_whose_cells_broke_over_lines_is_one_row_again() -> None:
    """A browser's copy of a header with line breaks inside its cells (`城镇新增就业⏎(人)`): the lines
    above the first row whose tabs add up to its tabs are that row's header."""
    text = "分解表\n县(市、区)\t城镇新增就业\n(人)\t农村公厕改造\n(座)\n城关区\t1200\t30\n七里河区\t800\t25\n"
    assert untab_tables(text).split("\n") == [
        "分解表", "", "", "县(市、区)|城镇新增就业(人)|农村公厕改造(座)", "城关区|1200|30", "七里河区|800|25", "",
    ]


def test_a_tab_copy_of_a_column_merged_down_and_a_cell_broken_over_lines() -> None:
    """类别 merged down over its items is copied once, so the rows after it open with their serial; a
    cell holding two lines breaks its row in two: both mended, each row as wide as the header."""
    text = ("类别\t序号\t项目名称\t资金(万元)\t牵头单位\t完成时限\n"
            "民生保障\t1\t老年助餐\t600\t市民政局\t2024年10月底\n"
            "2\t困难群众救助\t1200\t市民政局\n市财政局\t2024年12月底\n"
            "城市建设\t3\t公厕改造\t800\t市城管局\t2024年11月底\n")
    rows = [ln for ln in untab_tables(text).split("\n") if "|" in ln]
    assert rows == ["类别|序号|项目名称|资金(万元)|牵头单位|完成时限",
                    "民生保障|1|老年助餐|600|市民政局|2024年10月底",
                    "民生保障|2|困难群众救助|1200|市民政局市财政局|2024年12月底",
                    "城市建设|3|公厕改造|800|市城管局|2024年11月底"]


def test_a_header_row_that_lost_its_leading_tabs_stands_under_its_spanning_cell() -> None:
    text = ("序号\t项目名称\t年度投资(万元)\t\t责任单位\t完成时间\n合计\t其中:市级财政\n一、社会保障(1项)\n"
            "1\t低保提标\t11800\t3900\t市民政局\n市财政局\t7月1日起\n2\t公厕改造\t800\t200\t市城管局\t11月底\n")
    rows = [ln for ln in untab_tables(text).split("\n") if "|" in ln]
    assert rows[:3] == ["序号|项目名称|年度投资(万元)||责任单位|完成时间", "||合计|其中:市级财政||",
                        "一、社会保障(1项)|||||"]
    assert rows[3:] == ["1|低保提标|11800|3900|市民政局市财政局|7月1日起", "2|公厕改造|800|200|市城管局|11月底"]
