"""An unlabelled one-cell-per-line task table after the cover letter (a provincial 任务分工表 with
序号 / 项目名称 / 资金安排(万元) / 责任单位 / 完成时限 and a 合计 row), bracketed portal labels, and
a portal's download rows under the attachments; small fixture strings written for these tests."""

from __future__ import annotations

from minshi_extract.normalize import normalize
from minshi_extract.structure import build_skeleton
from minshi_extract.structure.headings import section_kind
from minshi_extract.structure.lines import is_furniture


def skel(raw: str):
    return build_skeleton(normalize(raw)[0])


TASK_TABLE = """[索引号] AB123-2019-0001    [发文字号] 某政办〔2019〕1号
[成文日期] 2019-03-01    [发布日期] 2019-03-05

某省人民政府办公厅关于印发2019年为民办实事任务分工的通知

某政办〔2019〕1号

各市人民政府:

现将《2019年为民办实事任务分工表》印发给你们,请认真贯彻落实。

                                某省人民政府办公厅
                                  2019年3月1日

2019年为民办实事任务分工表


序号

项目名称

主要内容及目标

资金安排
(万元)

责任单位

完成时限

1

农村危房改造

完成农村危房改造1万户,户均补助2万元。

20000

省住建厅(牵头)、省财政厅

2019年10月底

2

饮水安全提升

受益人口5万人。

3000

省水利厅

2019年11月

合计



23000



注:资金安排包括中央补助资金和省级财政资金。

某通知.pdf
"""


def test_unlabelled_task_table_rows_are_programmes():
    n = skel(TASK_TABLE)
    assert [p.title for p in n.programmes] == ["农村危房改造", "饮水安全提升"]
    (att,) = n.attachments
    assert att.title == "2019年为民办实事任务分工表"
    assert att.programme_id is None
    (table,) = att.tables
    assert table.header == ["序号", "项目名称", "主要内容及目标", "资金安排(万元)", "责任单位", "完成时限"]
    assert table.rows[0] == ["1", "农村危房改造", "完成农村危房改造1万户,户均补助2万元。", "20000",
                             "省住建厅(牵头)、省财政厅", "2019年10月底"]
    # the 合计 row: blank cells skipped by the wider gap, its figure under the money column
    assert table.rows[-1] == ["", "合计", "", "23000", "", ""]
    assert len(table.rows) == 3  # the 注: line is not a row


def test_bracketed_portal_labels_give_meta():
    m = skel(TASK_TABLE).meta
    assert m.index_no == "AB123-2019-0001"
    assert m.issued_on == "2019-03-01"
    assert m.published_on == "2019-03-05"
    assert m.doc_number == "某政办〔2019〕1号"


def test_header_word_in_body_without_figures_is_no_table():
    raw = """某县人民政府关于印发2024年民生实事实施方案的通知

各乡镇:

现将方案印发给你们。

项目名称

各乡镇要认真填报。
"""
    assert skel(raw).attachments == []


def test_portal_download_rows_are_furniture():
    assert is_furniture("附件下载:")
    assert is_furniture("相关附件:")
    assert is_furniture("扫一扫在手机上查看当前页面")
    assert is_furniture("【扫一扫】在手机上浏览")
    assert not is_furniture("附件:2024年任务分解表")


def test_standard_and_target_group_heading_kinds():
    assert section_kind("补贴标准") == "funding"
    assert section_kind("救助标准") == "funding"
    assert section_kind("安置对象及岗位管理") == "scope"
    assert section_kind("建设及服务标准") == "content"


def test_bracketed_portal_label_lines_are_furniture():
    assert is_furniture("[索引号] AB123-2019-0001    [发文字号] 某政办〔2019〕1号")
    assert is_furniture("[成文日期] 2019-03-01    [发布日期] 2019-03-05")
    assert is_furniture("【发布机构】某区政府办")
    assert not is_furniture("[2019]5号文件要求各地落实。")


# a PDF's text copy (written for this test): a space-set table whose units stand on a second header
# line, and a one-cell-per-line table whose content cell wraps after a comma
ATTACHED = """某县人民政府办公室关于印发某县2021年民生实事实施方案的通知
各乡镇人民政府:
现印发给你们。

附件1

某县2021年农村户厕改造任务及资金分配表

乡镇      改造任务    省级奖补资金    县级配套资金
            (户)         (万元)          (万元)
甲镇      1200        120             36
乙镇      2400        240             72
合计      3600        360             108

附件2

某县2021年民生实事项目计划表

序号
项目名称
主要建设内容
计划投资
(万元)
责任单位
完成时间
1
城区学校扩容
新建、改扩建中小学校6所,
新增学位8100个
46800
县教育局
8月31日前
2
农村道路畅通
新改建农村公路420公里
9480
县交通运输局
10月底前
"""


def test_units_on_a_second_header_line_go_to_the_columns_on_the_right() -> None:
    table = skel(ATTACHED).attachments[0].tables[0]
    assert table.header == ["乡镇", "改造任务(户)", "省级奖补资金(万元)", "县级配套资金(万元)"]
    assert table.rows[0] == ["甲镇", "1200", "120", "36"]


def test_a_cell_line_ending_with_a_comma_goes_on_in_the_next() -> None:
    table = skel(ATTACHED).attachments[1].tables[0]
    assert table.rows[0] == ["1", "城区学校扩容", "新建、改扩建中小学校6所,新增学位8100个", "46800", "县教育局", "8月31日前"]
    assert table.rows[1][3] == "9480"


# a PDF's text copy (written for this test): a table laid on its side, one column per county, the
# blanks of its header lost, its units in the title; and a one-cell-per-line table whose header comes
# again in pieces after a page break
SIDEWAYS = """某市人民政府办公室关于印发某市2021年民生实事实施方案的通知
各县人民政府:
现印发给你们。

附件1

某市2021年农村户厕改造任务及补助资金分配表(单位:户、万元)
项目 合计 武功县 礼泉县 永寿县
改造任务 5000 2000 1800 1200
补助资金 1500 600 540 360

附件2

某市2021年管网改造计划表

序号
改造片区
改造管网
(公里)
投资
(万元)
1
东片区
16
4500

—6—

序号
改造片区
改造管网
(公里)
投资
(万元)
2
西片区
12
3400
"""


def test_a_table_with_one_column_per_county_is_read_with_one_row_per_county() -> None:
    table = skel(SIDEWAYS).attachments[0].tables[0]
    assert table.header == ["项目", "改造任务(户)", "补助资金(万元)"]  # two units in the title: each its own
    assert table.rows == [["合计", "5000", "1500"], ["武功县", "2000", "600"], ["礼泉县", "1800", "540"],
                          ["永寿县", "1200", "360"]]


def test_a_header_repeated_in_pieces_after_a_page_break_is_dropped() -> None:
    table = skel(SIDEWAYS).attachments[1].tables[0]
    assert table.rows == [["1", "东片区", "16", "4500"], ["2", "西片区", "12", "3400"]]
