"""Responsibilities (RECORDS.md §3, GUIDELINES.md responsibility, issue 6 variants)."""

from __future__ import annotations

import pytest

from minshi_extract.rules.context import Context
from minshi_extract.rules.responsibility import (
    declares_first_is_lead,
    expand_elisions,
    find_responsibilities,
    wrapped_line_end,
)

CTX = Context(year=2025, programme_id="P03", section="四、责任主体", kind="responsibility")

# (line, [(role, unit, evidence)])
CASES = [
    ("牵头单位:市教育局", [("lead", "市教育局", "市教育局")]),
    ("配合单位:市发展改革委、市财政局、市自然资源局、市住建局",
     [("support", "市发展改革委", "市发展改革委"), ("support", "市财政局", "市财政局"),
      ("support", "市自然资源局", "市自然资源局"), ("support", "市住建局", "市住建局")]),
    ("实施单位:凉州区人民政府、古浪县人民政府",
     [("implementer", "凉州区人民政府", "凉州区人民政府"), ("implementer", "古浪县人民政府", "古浪县人民政府")]),
    ("实施主体:各县区政府", [("implementer", "各县区政府", "各县区政府")]),
    # bare town names take the town level and the body of the last item (blind batch 8)
    ("实施单位:中枢、盐津、坛厂街道办事处",
     [("implementer", "中枢街道办事处", "中枢"), ("implementer", "盐津街道办事处", "盐津"),
      ("implementer", "坛厂街道办事处", "坛厂街道办事处")]),
    ("实施单位:凉州区、民勤县、天祝县政府",
     [("implementer", "凉州区政府", "凉州区"), ("implementer", "民勤县政府", "民勤县"),
      ("implementer", "天祝县政府", "天祝县政府")]),
    ("实施单位:各县区政府、总工会",
     [("implementer", "各县区政府", "各县区政府"), ("implementer", "各县区总工会", "总工会")]),
    ("实施主体:各县区党委、政府",
     [("implementer", "各县区党委", "各县区党委"), ("implementer", "各县区政府", "政府")]),
    ("配合单位:市财政局,中国铁塔股份有限公司武威市分公司",
     [("support", "市财政局", "市财政局"),
      ("support", "中国铁塔股份有限公司武威市分公司", "中国铁塔股份有限公司武威市分公司")]),
    ("配合单位:市财政局、市住建局、市水务局、市地震局等相关部门单位",
     [("support", "市财政局", "市财政局"), ("support", "市住建局", "市住建局"),
      ("support", "市水务局", "市水务局"), ("support", "市地震局", "市地震局")]),
    ("责任主体:各县区政府", [("responsible", "各县区政府", "各县区政府")]),
    ("实施主体:各县(区)政府", [("implementer", "各县(区)政府", "各县(区)政府")]),
    ("实施主体:市公安局、各县区政府", [("implementer", "市公安局", "市公安局"), ("implementer", "各县区政府", "各县区政府")]),
    ("牵头单位:团市委", [("lead", "团市委", "团市委")]),
    # issue-6 variants
    ("实施单位:吴兴区、南浔区、德清县、长兴县、安吉县政府",
     [("implementer", "吴兴区政府", "吴兴区"), ("implementer", "南浔区政府", "南浔区"),
      ("implementer", "德清县政府", "德清县"), ("implementer", "长兴县政府", "长兴县"),
      ("implementer", "安吉县政府", "安吉县政府")]),
    ("1.城镇新增就业1.1万人,扶持成功创业2600人(县人社局、县财政局)。",
     [("responsible", "县人社局", "县人社局"), ("responsible", "县财政局", "县财政局")]),
    ("5.为全县4.3万名农村义务教育学生提供营养膳食补助,每生每天5元。(县教育局、县财政局)",
     [("responsible", "县教育局", "县教育局"), ("responsible", "县财政局", "县财政局")]),
    ("2.发放创业担保贷款3.5亿元,带动就业4000人以上。(牵头单位:县人社局)", [("lead", "县人社局", "县人社局")]),
    ("11.新建农村区域性养老服务中心2个,新增养老床位400张(牵头单位:县民政局)。", [("lead", "县民政局", "县民政局")]),
    ("7.开展筛查2万人(牵头单位:市卫健委、市残联)", [("lead", "市卫健委", "市卫健委"), ("lead", "市残联", "市残联")]),
    ("新增公办学位3000个,8月底前投入使用。(牵头单位:市教育局;配合单位:市发展和改革局、市住房和城乡建设局)",
     [("lead", "市教育局", "市教育局"), ("support", "市发展和改革局", "市发展和改革局"),
      ("support", "市住房和城乡建设局", "市住房和城乡建设局")]),
    ("责任单位:市民政局、市财政局", [("responsible", "市民政局", "市民政局"), ("responsible", "市财政局", "市财政局")]),
    ("牵头部门:市住建局", [("lead", "市住建局", "市住建局")]),
    ("配合部门:市妇联、市城投集团", [("support", "市妇联", "市妇联"), ("support", "市城投集团", "市城投集团")]),
    ("协办单位:住建局", [("support", "住建局", "住建局")]),
    # GUIDELINES.md: an elided institution type takes its neighbour's prefix, a bare 市/县/区 included
    ("配合单位:市财政局、住建局", [("support", "市财政局", "市财政局"), ("support", "市住建局", "住建局")]),
    ("(一)改造老旧小区18个(县住建局)", [("responsible", "县住建局", "县住建局")]),
    ("牵头单位:市教育局 配合单位:市财政局", [("lead", "市教育局", "市教育局"), ("support", "市财政局", "市财政局")]),
    # a role marked on the unit itself: (牵头) leads, the others keep the label's role
    ("责任单位:省教育厅(牵头)、省财政厅、省发展改革委",
     [("lead", "省教育厅", "省教育厅"), ("responsible", "省财政厅", "省财政厅"),
      ("responsible", "省发展改革委", "省发展改革委")]),
    ("责任单位:省财政厅、省残联(牵头)", [("responsible", "省财政厅", "省财政厅"), ("lead", "省残联", "省残联")]),
    ("责任单位:市民政局(牵头单位)、市财政局", [("lead", "市民政局", "市民政局"), ("responsible", "市财政局", "市财政局")]),
    ("责任单位:县水利局(牵头),县财政局(配合)", [("lead", "县水利局", "县水利局"), ("support", "县财政局", "县财政局")]),
    ("4.新建城市书房5个(市文广旅局(牵头)、市财政局)。",
     [("lead", "市文广旅局", "市文广旅局"), ("responsible", "市财政局", "市财政局")]),
    # more label words of lexicon/roles.yaml
    ("具体实施单位:各乡镇人民政府", [("implementer", "各乡镇人民政府", "各乡镇人民政府")]),
    ("牵头部门:市文旅局;协同单位:市财政局", [("lead", "市文旅局", "市文旅局"), ("support", "市财政局", "市财政局")]),
    ("责任处室:社会事务处", [("responsible", "社会事务处", "社会事务处")]),
    # a bracket that is part of a name is no marker
    ("实施单位:各县(市、区)人民政府", [("implementer", "各县(市、区)人民政府", "各县(市、区)人民政府")]),
    ("配合单位:各镇(街道)、区财政局", [("support", "各镇(街道)", "各镇(街道)"), ("support", "区财政局", "区财政局")]),
    # a list wrapped over lines: a line ending with 、 goes on in the next (indent trimmed)
    ("配合单位:市财政局、市市场监管局、\n          市卫生健康委",
     [("support", "市财政局", "市财政局"), ("support", "市市场监管局", "市市场监管局"),
      ("support", "市卫生健康委", "市卫生健康委")]),
    ("牵头单位:市民政局\n配合单位:市财政局、\n市卫生健康委\n实施主体:各县区政府",
     [("lead", "市民政局", "市民政局"), ("support", "市财政局", "市财政局"),
      ("support", "市卫生健康委", "市卫生健康委"), ("implementer", "各县区政府", "各县区政府")]),
    # a line break without a trailing separator ends the list
    ("配合单位:市财政局\n市卫生健康委要加强指导", [("support", "市财政局", "市财政局")]),
    # elisions with a bare 市/县 prefix (GUIDELINES.md, last lines)
    ("配合单位:市住建局、财政局、自然资源和规划局",
     [("support", "市住建局", "市住建局"), ("support", "市财政局", "财政局"),
      ("support", "市自然资源和规划局", "自然资源和规划局")]),
    ("配合单位:市发展改革局、财政局、住房和城乡建设局等相关部门",
     [("support", "市发展改革局", "市发展改革局"), ("support", "市财政局", "财政局"),
      ("support", "市住房和城乡建设局", "住房和城乡建设局")]),
    # the neighbour before (as expanded) wins over the one after
    ("责任单位:市住房和城乡建设局(牵头),市财政局、扶贫开发局、残联,各县(区)人民政府",
     [("lead", "市住房和城乡建设局", "市住房和城乡建设局"), ("responsible", "市财政局", "市财政局"),
      ("responsible", "市扶贫开发局", "扶贫开发局"), ("responsible", "市残联", "残联"),
      ("responsible", "各县(区)人民政府", "各县(区)人民政府")]),
    # 城市 / 市场 / 城乡 name no place: still bare institution types
    ("配合单位:县财政局、城市管理局、市场监管局",
     [("support", "县财政局", "县财政局"), ("support", "县城市管理局", "城市管理局"),
      ("support", "县市场监管局", "市场监管局")]),
    # a neighbour opening with 市 lends 市 only, not 市城市
    ("配合单位:市城市管理局、财政局",
     [("support", "市城市管理局", "市城市管理局"), ("support", "市财政局", "财政局")]),
    # names that hold a place or are proper names keep as written
    ("配合单位:县财政局、人民银行兴国县支行、各乡镇人民政府、桦南镇人民政府",
     [("support", "县财政局", "县财政局"), ("support", "人民银行兴国县支行", "人民银行兴国县支行"),
      ("support", "各乡镇人民政府", "各乡镇人民政府"), ("support", "桦南镇人民政府", "桦南镇人民政府")]),
    ("配合单位:市财政局、国网固原供电公司", [("support", "市财政局", "市财政局"),
                                             ("support", "国网固原供电公司", "国网固原供电公司")]),
    ("牵头单位:州教育局、团州委", [("lead", "州教育局", "州教育局"), ("lead", "团州委", "团州委")]),
    ("配合单位:团市委、各街道办事处", [("support", "团市委", "团市委"), ("support", "各街道办事处", "各街道办事处")]),
    # towns are places in a list of bare places
    ("实施单位:嘉积镇、博鳌镇、万泉镇人民政府",
     [("implementer", "嘉积镇人民政府", "嘉积镇"), ("implementer", "博鳌镇人民政府", "博鳌镇"),
      ("implementer", "万泉镇人民政府", "万泉镇人民政府")]),
    ("实施单位:城关街道、东城街道办事处",
     [("implementer", "城关街道办事处", "城关街道"), ("implementer", "东城街道办事处", "东城街道办事处")]),
    ("实施单位:各乡镇(街道)", [("implementer", "各乡镇(街道)", "各乡镇(街道)")]),
    # a 等 tail ends its group; a comma opens the next
    ("(区卫生健康和体育局、区教育局等部门,各乡镇人民政府)",
     [("responsible", "区卫生健康和体育局", "区卫生健康和体育局"), ("responsible", "区教育局", "区教育局"),
      ("responsible", "各乡镇人民政府", "各乡镇人民政府")]),
    ("配合单位:市财政局等部门、市民政局", [("support", "市财政局", "市财政局")]),
    # a sub-heading ends its label with a full stop; a unit marked (牵头) leads
    # a word naming the project may stand before a label
    ("本项目牵头单位:市水利局;配合单位:市财政局", [("lead", "市水利局", "市水利局"), ("support", "市财政局", "市财政局")]),
    ("(四)责任单位。市交通运输局(牵头)、市财政局。",
     [("lead", "市交通运输局", "市交通运输局"), ("responsible", "市财政局", "市财政局")]),
]


@pytest.mark.parametrize(("line", "expected"), CASES)
def test_responsibilities(line: str, expected: list[tuple[str, str, str]]) -> None:
    base = 321
    notice = "x" * base + line
    found = find_responsibilities(line, base, CTX)
    assert [(r.role, r.unit, r.text) for r in found] == expected
    for r in found:
        assert notice[r.span[0] : r.span[1]] == r.text
        assert (r.programme_id, r.section) == ("P03", "四、责任主体")


NO_RECORD = [
    "四、责任主体",
    "各地要明确责任单位。市财政局做好资金保障。",  # a label word ending a sentence is no label
    "(五)责任主体",
    "凉州区、古浪县作为项目实施主体,全面负责项目建设工作",
    "积极争取中央和省级资金,天祝县人民政府作为责任主体,全面负责项目前期",
    "团市委牵头负责学生资助工作,市教育局、市民政局、市人社局要明确责任分工",
    "不具备条件的县区,由“组团式”帮扶、专科联盟牵头单位组派专业人员免费到县级医疗机构",
    "县级责任领导:各县区政府分管负责同志",
    "部门责任领导:市教育局分管负责同志",
    "牵头领导:市政府分管副市长",  # a person
    "分管领导:市政府分管副市长",
    "主办单位:弥勒市人民政府办公室 承办单位:弥勒市融媒体中心",  # a portal footer
    "(牵头)",  # a marker without a unit
    "推进施工(以行政村为单位)。",
    "共建成示范中心39所(凉州区)。",
    "建设产业(yè)园区(chǎn)",  # pinyin glosses
    "初一、初二女童(2011年9月1日—2013年9月1日出生)",
    "提交房屋买卖合同(网签)",
    "县(区)疾控中心合理划分接种单位(武威十五中、武威铁中女学生接种按属地纳入凉州区接种计划范围)。",
]


# (text, end of the first physical line) -> end of the logical line the orchestrator should pass
WRAPPED = [
    ("配合单位:市财政局、市市场监管局、\n     市卫生健康委\n\n实施主体:各县区政府", "     市卫生健康委"),
    ("配合单位:市财政局、\n市民政局、\n市卫生健康委\n下一行", "市卫生健康委"),
    ("配合单位:市财政局、\n\n市卫生健康委", None),  # a blank line ends the list
    ("牵头单位:市民政局\n配合单位:市财政局", None),  # no separator at the line end
    # a label ending its line: its list is on the next line, a blank line (a PDF's paragraph gap) between
    ("牵头单位:市水利局;配合单位:\n\n市财政局、市卫生健康委。\n\n(二)严格质量管理。", "市财政局、市卫生健康委。"),
]


@pytest.mark.parametrize(("text", "last_line"), WRAPPED)
def test_wrapped_line_end(text: str, last_line: str | None) -> None:
    first_end = text.index("\n")
    end = wrapped_line_end(text, first_end)
    if last_line is None:
        assert end == first_end
    else:
        assert text[:end].endswith(last_line) and text[end:end + 1] in ("\n", "")


@pytest.mark.parametrize("line", NO_RECORD)
def test_no_responsibility(line: str) -> None:
    assert find_responsibilities(line, 0, CTX) == []


def test_first_listed_is_lead_note() -> None:
    assert declares_first_is_lead("(各项目责任单位中,列第一位者为牵头单位)")
    ctx = Context(**{**CTX.__dict__})
    object.__setattr__(ctx, "first_is_lead", True)  # the orchestrator carries the note on
    found = find_responsibilities("1.城镇新增就业1.1万人(县人社局、县财政局、县税务局)。", 0, ctx)
    assert [(r.role, r.unit) for r in found] == [
        ("lead", "县人社局"), ("responsible", "县财政局"), ("responsible", "县税务局")
    ]
    found = find_responsibilities("责任单位:市人社局、市财政局、市农业农村局", 0, ctx)
    assert [(r.role, r.unit) for r in found] == [
        ("lead", "市人社局"), ("responsible", "市财政局"), ("responsible", "市农业农村局")
    ]
    # labelled lead/support lists are not touched by the note
    found = find_responsibilities("牵头单位:市民政局;配合单位:市财政局、市残联", 0, ctx)
    assert [(r.role, r.unit) for r in found] == [("lead", "市民政局"), ("support", "市财政局"), ("support", "市残联")]


def test_expand_elisions() -> None:
    assert expand_elisions(["凉州区", "民勤县", "天祝县政府"]) == ["凉州区政府", "民勤县政府", "天祝县政府"]
    assert expand_elisions(["各县区党委", "政府"]) == ["各县区党委", "各县区政府"]
    assert expand_elisions(["市教育局", "市财政局"]) == ["市教育局", "市财政局"]


def test_table_cell_units() -> None:
    from minshi_extract.rules.responsibility import find_units, role_of_header

    assert role_of_header("责任单位") == "responsible"
    assert role_of_header("牵头 单位") == "lead"
    assert role_of_header("建设起止年限") is None
    cell = "市住房城乡建设局、市城市管理局"
    found = find_units(cell, 40, CTX, "responsible")
    assert [(r.role, r.unit, r.span) for r in found] == [
        ("responsible", "市住房城乡建设局", (40, 48)), ("responsible", "市城市管理局", (49, 55))
    ]


# a table cell: an elided institution takes its neighbour's prefix; a lone one stays as written
TABLE_CELLS = [
    ("县发展改革委、财政局、自然资源局", ["县发展改革委", "县财政局", "县自然资源局"]),
    ("县财政局、住建局", ["县财政局", "县住建局"]),
    ("住建局", ["住建局"]),
    ("县残联、各乡镇人民政府", ["县残联", "各乡镇人民政府"]),
    ("各镇(街道)、区财政局", ["各镇(街道)", "区财政局"]),
]


@pytest.mark.parametrize(("cell", "units"), TABLE_CELLS)
def test_table_cell_elisions(cell: str, units: list[str]) -> None:
    from minshi_extract.rules.responsibility import find_units

    assert [r.unit for r in find_units(cell, 0, CTX, "support")] == units


# batch 8: first item's prefix and last item's suffix; a body named after its city; place groups
BATCH8 = [
    ("配合单位:市财政、住房城乡建设、自然资源和规划局等部门",
     [("support", "市财政局"), ("support", "市住房城乡建设局"), ("support", "市自然资源和规划局")]),
    ("配合单位:市发展改革委、财政局,柳州供电局等",
     [("support", "市发展改革委"), ("support", "市财政局"), ("support", "柳州供电局")]),
    ("配合单位:市公安局、财政局", [("support", "市公安局"), ("support", "市财政局")]),
    ("新建道路30公里。(区交通局、区财政局、相关镇街)",
     [("responsible", "区交通局"), ("responsible", "区财政局"), ("responsible", "相关镇街")]),
]


@pytest.mark.parametrize(("line", "expected"), BATCH8)
def test_batch8_units(line: str, expected: list[tuple[str, str]]) -> None:
    assert [(r.role, r.unit) for r in find_responsibilities(line, 0, CTX)] == expected


@pytest.mark.parametrize("line", ["新建道路30公里。(相关镇街)", "新建道路30公里。(各乡镇、各街道)"])
def test_place_groups_alone_are_no_bracket_list(line: str) -> None:
    assert find_responsibilities(line, 0, CTX) == []


def test_a_line_only_of_units_under_a_responsibility_heading() -> None:
    """`四、责任单位` then `县水利局(牵头)、县财政局,各镇人民政府。`: the units of the list, the marked
    one leads; not a sender signing off alone, nor a 抄送 line, nor outside such a heading."""
    ctx = Context(year=2025, programme_id="P01", section="四、责任单位", kind="responsibility")
    found = find_responsibilities("县水利局(牵头)、县财政局,各镇人民政府。", 0, ctx)
    assert [(r.role, r.unit) for r in found] == [
        ("lead", "县水利局"), ("responsible", "县财政局"), ("responsible", "各镇人民政府")]
    assert find_responsibilities("某县人民政府办公室", 0, ctx) == []
    assert find_responsibilities("抄送:县委办公室、县人大常委会办公室。", 0, ctx) == []
    other = Context(year=2025, programme_id="P01", section="一、目标任务", kind="targets")
    assert find_responsibilities("县水利局、县财政局。", 0, other) == []


def test_role_words_after_units_without_brackets() -> None:
    # X牵头,Y、Z配合: the lead, and a 配合 after a 、-group marks the whole group
    recs = find_responsibilities("(责任单位:市卫生健康委牵头,市住建局、市民政局配合)", 0, CTX)
    assert [(r.role, r.unit) for r in recs] == [
        ("lead", "市卫生健康委"), ("support", "市住建局"), ("support", "市民政局")]
