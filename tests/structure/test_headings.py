"""Heading markers, titles and kinds: real phrases from the notice and the issue-6 variants."""

from __future__ import annotations

import pytest

from minshi_extract.structure.headings import heading_title, parse_marker, section_kind


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("一、目标任务", ("一、", 1)),
        ("(一)准备阶段(1—2月)。市、县区政府指导凉州区", ("(一)", 2)),
        ("五)实施步骤", ("五)", 2)),
        ("四)责任主体", ("四)", 2)),
        ("1.确定目标任务(4月底前)。发布项目公告", ("1.", 3)),
        ("1.3月15日前完成老旧小区改造项目的可研编制", ("1.", 3)),
        ("2.4月15日前完成施工、监理招投标", ("2.", 3)),
        ("1.(1—3月)。制定工程年度工作方案", ("1.", 3)),
        ("2.2025年残疾人日间照料服务省级示范中心任务分解表", ("2.", 3)),
        ("2、开展职业技能培训三千人次", ("2、", 3)),
        ("3。发放创业担保贷款15000万元", ("3。", 3)),
        ("(10)助残扶困。困难残疾人生活补贴", ("(10)", 4)),
        ("第一件 实施城乡就业增收工程", ("第一件", 1)),
        # a news report's items numbered by a word (lexicon/plans.yaml item_words)
        ("实事一:扩大优质教育资源供给", ("实事一:", 1)),
        ("【项目3】新建公共停车泊位", ("【项目3】", 1)),
        ("项目建设内容包括新建公厕20座", None),
        ("实事求是推进各项工作", None),
        # must NOT be markers
        ("1.7万人参加培训", None),
        ("2025年,全市城镇新增就业1.7万人", None),
        ("牵头单位:市教育局", None),
        ("155", None),
        ("54.25", None),
        ("(具体名额以省人社厅下达指标为准)", None),
        ("", None),
    ],
)
def test_parse_marker(line, expected):
    assert parse_marker(line) == expected


@pytest.mark.parametrize(
    ("body", "title"),
    [
        ("准备阶段(1—2月)。市、县区政府指导凉州区、古浪县教育部门", "准备阶段(1—2月)"),
        ("目标任务", "目标任务"),
        ("乡镇综合养老服务中心。", "乡镇综合养老服务中心"),
        ("摸底调研(1—2月)。对全市农村寄宿制学校进行摸底调研,掌握需求;", "摸底调研(1—2月)"),
        ("4月15日前完成施工、监理招投标和施工许可等前期工作。", "4月15日前完成施工、监理招投标和施工许可等前期工作"),
        # a step whose window follows a colon is a run-in heading like a bracketed one
        ("前期准备阶段:2025年3月—4月。完成方案设计,4月20日前完成招标。", "前期准备阶段:2025年3月—4月"),
        ("组织实施阶段:5月至10月。分区分时改造。", "组织实施阶段:5月至10月"),
    ],
)
def test_heading_title(body, title):
    assert heading_title(body) == title


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("目标任务", "targets"), ("资金安排", "funding"), ("实施步骤", "steps"),
        ("责任主体", "responsibility"), ("完成时限", "deadline"), ("组织保障", "safeguards"),
        ("基本原则", "principles"), ("实施原则", "principles"), ("运营管理", "operation"),
        ("实施范围", "scope"), ("实施内容", "content"), ("建设内容及标准", "content"),
        ("改造内容", "content"), ("保障措施", "safeguards"), ("总体要求", "principles"),
        # a project plan's headings (一、项目概况 ... 六、责任分工)
        ("项目概况", "targets"), ("建设内容和规模", "content"), ("资金筹措", "funding"),
        ("进度安排", "steps"), ("责任分工", "responsibility"), ("职责分工", "responsibility"),
        ("前期准备阶段:2025年3月—4月", "other"),
        # a step named after its stage's work is a step, not a section of that kind
        ("运营管理阶段:12月", "other"),
        # must NOT take a kind
        ("确定目标任务(4月底前)", "other"), ("疫苗选择", "other"), ("准备阶段(1—2月)", "other"),
        ("加强组织领导", "other"), ("城镇新增就业9000人", "other"),
    ],
)
def test_section_kind(title, kind):
    assert section_kind(title) == kind
