"""`附件:TITLE` / `附表:TITLE` on one line followed by a table (rows on one line each, or one cell
per line) is an attachment block with that title; followed by body text or another label it is a
reference only. A table between two plans ends at the next plan's title. Small fixture strings
written for these tests."""

from __future__ import annotations

from minshi_extract.normalize import normalize
from minshi_extract.structure import build_skeleton
from minshi_extract.structure.lines import is_table_row


def skel(raw: str):
    return build_skeleton(normalize(raw)[0])


HEAD = """某市人民政府办公室关于印发2024年民生实事实施方案的通知

各县(区)人民政府:

现将《某市2024年饮水工程实施方案》《某市2024年助餐服务实施方案》印发给你们,请认真组织实施。

某市人民政府办公室
2024年2月1日

"""

PLAN_A = """某市2024年饮水工程实施方案

一、目标任务

2024年新建供水工程20处,受益人口3万人(各县任务见附件)。

二、资金来源

总投资3000万元,由县级财政统筹解决。

"""

PLAN_B = """某市2024年助餐服务实施方案

一、目标任务

2024年新建社区助餐点30个。

二、资金来源

市级财政每个助餐点补助5万元。
"""

SPACED = """附件:某市2024年饮水工程任务表

序号　县区　工程(处)　受益人口(万人)　总投资(万元)
1　东区　12　1.8　1800
2　西区　8　1.2　1200
合计　20　3　3000

"""


def test_spaced_table_under_one_line_label_is_a_block():
    n = skel(HEAD + PLAN_A + SPACED + PLAN_B)
    [att] = n.attachments
    assert att.label == "附件"
    assert att.title == "某市2024年饮水工程任务表"
    assert att.programme_id == "P01"
    [table] = att.tables
    assert table.header == ["序号", "县区", "工程(处)", "受益人口(万人)", "总投资(万元)"]
    assert table.rows == [["1", "东区", "12", "1.8", "1800"],
                          ["2", "西区", "8", "1.2", "1200"],
                          ["", "合计", "20", "3", "3000"]]
    assert not any("missing" in w for w in n.warnings)


def test_table_between_plans_ends_at_next_plan_title():
    n = skel(HEAD + PLAN_A + SPACED + PLAN_B)
    assert [p.title for p in n.programmes] == ["某市2024年饮水工程实施方案", "某市2024年助餐服务实施方案"]
    assert n.attachments[0].span[1] < n.programmes[1].span[0]


def test_unlabelled_header_row_is_no_title_fragment():
    # no 附件 line: the rows above the second plan's title are still not part of it
    table = "县区　工程(处)　总投资(万元)\n东区　12　1800\n西区　8　1200\n\n"
    n = skel(HEAD + PLAN_A + table + PLAN_B)
    assert [p.title for p in n.programmes] == ["某市2024年饮水工程实施方案", "某市2024年助餐服务实施方案"]


def test_appendix_table_label_inside_plan():
    fuibiao = ("附表:2024年助餐点任务分配表\n\n乡镇(街道)　助餐点(个)　补助资金(万元)\n"
               "甲镇　10　50\n乙街道　20　100\n合计　30　150\n")
    n = skel(HEAD + PLAN_A + PLAN_B + "\n" + fuibiao)
    [att] = n.attachments
    assert (att.label, att.title, att.programme_id) == ("附表", "2024年助餐点任务分配表", "P02")
    assert att.tables[0].header == ["乡镇(街道)", "助餐点(个)", "补助资金(万元)"]
    assert att.tables[0].rows[-1] == ["合计", "30", "150"]


def test_flattened_table_under_one_line_label():
    flat = "附件:某市2024年饮水工程任务表\n\n县区\n工程(处)\n总投资(万元)\n东区\n12\n1800\n西区\n8\n1200\n\n"
    n = skel(HEAD + PLAN_A + flat + PLAN_B)
    [att] = n.attachments
    assert att.title == "某市2024年饮水工程任务表"
    assert att.tables[0].header == ["县区", "工程(处)", "总投资(万元)"]
    assert att.tables[0].rows == [["东区", "12", "1800"], ["西区", "8", "1200"]]
    assert len(n.programmes) == 2


def test_label_followed_by_body_text_or_label_is_a_reference():
    ref = "附件:某市2024年饮水工程任务表\n\n附件:某市2024年助餐点名单\n\n"
    n = skel(HEAD + PLAN_A + ref + PLAN_B)
    assert n.attachments == []
    assert any("某市2024年饮水工程任务表" in w for w in n.warnings)
    assert any("某市2024年助餐点名单" in w for w in n.warnings)


def test_is_table_row():
    assert is_table_row("陈仓区 12 190 5.2 4420")
    assert is_table_row("县区 工程(处) 新建改造管网(公里) 受益人口(万人)")
    assert not is_table_row("某市2024年助餐服务实施方案")
    assert not is_table_row("2024 年 助餐服务")
