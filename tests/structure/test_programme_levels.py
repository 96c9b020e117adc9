"""Choosing the programme level by project evidence (structure/evidence.py), on small fixture
strings written for these tests, one per layout."""

from __future__ import annotations

import pytest

from minshi_extract.normalize import normalize
from minshi_extract.structure import build_skeleton
from minshi_extract.structure.evidence import Candidate, Evidence, choose, evidence, is_category


def skel(raw: str):
    return build_skeleton(normalize(raw)[0])


def spans(n) -> list[str]:
    return [n.text[p.span[0]:p.span[1]] for p in n.programmes]


# --- the scoring function --------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("(一)实施农村危房改造。全年改造农村危房1500户以上。(牵头单位:市住建局)", Evidence(True, True, False, False)),
    ("为1200户困难残疾人家庭实施无障碍改造,每户补助5000元。(县残联)", Evidence(True, True, True, False)),
    ("城镇新增就业1.2萬人。責任單位:區人社局。", Evidence(True, True, False, False)),
    ("9月底前完成年度任务的80%以上,11月30日前全面完成。", Evidence(False, False, False, True)),
    ("完成时间:2026年10月15日", Evidence(False, False, False, True)),
    ("对照年度目标,加快项目进度", Evidence()),
    ("各牵头单位于每月25日前向市政府督查室报送项目进展情况。", Evidence()),  # no label, a recurring date
    ("教育类(3件)", Evidence(target=True)),  # a count; the heading is excluded as a category instead
    ("补贴期限3年,2025年起实施", Evidence()),  # durations and years are not targets
])
def test_evidence(text, expected):
    assert evidence(text) == expected


@pytest.mark.parametrize(("title", "expected"), [
    ("教育类(3件)", True), ("就业创业(3项)", True), ("教育方面", True),
    ("提高城乡居民医保财政补助", False), ("新增学位3000个", False),
])
def test_is_category(title, expected):
    assert is_category(title) is expected


def _cand(name, scores, excluded=None, need_unit=False):
    return Candidate(name, items=list(range(len(scores))), scores=scores,
                     excluded=excluded or [False] * len(scores), need_unit=need_unit)


UNIT = Evidence(unit=True)
FIGS = Evidence(target=True, money=True)
DATE = Evidence(date=True)


def test_choose_most_projects_and_half_rule():
    groups = _cand("heading1", [Evidence(), Evidence()])
    items = _cand("heading2", [UNIT] * 8 + [DATE] * 3)
    assert choose([groups, items]) is items
    # 6 measures with units out of 18 lines: less than half, not a programme level
    measures = _cand("heading3", [UNIT, Evidence(), Evidence()] * 6)
    parents = _cand("heading1", [UNIT] * 6)
    assert choose([measures, parents]) is parents


def test_choose_titled_plan_needs_units_and_ties_prefer_structure():
    targets = _cand("heading2", [FIGS, FIGS], need_unit=True)
    assert choose([targets]) is None  # one plan's (一)(二) targets stay inside the plan
    assert choose([_cand("heading2", [FIGS, FIGS])]) is not None
    table, heads = _cand("table", [UNIT, UNIT]), _cand("heading1", [UNIT, UNIT])
    assert choose([heads, table]) is table
    kinds = _cand("heading1", [UNIT, UNIT], excluded=[True, True])
    assert choose([kinds]) is None


# --- layouts ---------------------------------------------------------------------------------------

# a progress notice: (一)…(三) projects under a 一、 group, a closing 二、 group of work demands
GROUPED = """某市人民政府办公室关于加快推进2021年重点民生实事项目建设的通知

某政办函〔2021〕9号

各县市区人民政府,市直有关单位:

现就有关事项通知如下:

一、对照年度目标,加快项目进度

(一)实施农村危房改造。全年改造农村危房1500户以上,每户补助1.2万元。(牵头单位:市住建局)

(二)扩大公办幼儿园学位供给。新增公办学位不低于5400个。(牵头单位:市教育局)

(三)稳定和扩大就业。确保城镇新增就业3.2万人。(牵头单位:市人社局)

二、压实工作责任,确保按期完成

(一)倒排工期抓进度。各牵头单位要确保9月底前完成年度任务的80%以上。

(二)严格考核抓问效。对进度滞后的单位予以通报。

某市人民政府办公室
2021年7月12日
"""


def test_second_level_items_under_a_group_are_programmes():
    n = skel(GROUPED)
    assert [p.title for p in n.programmes] == ["实施农村危房改造", "扩大公办幼儿园学位供给", "稳定和扩大就业"]
    assert spans(n)[-1] == "(三)稳定和扩大就业。确保城镇新增就业3.2万人。(牵头单位:市人社局)"
    assert n.meta.issued_on == "2021-07-12"


NEWS = """某市公布2025年5件民生实事

来源:某市日报　　发布时间:2025-02-18 09:12

　　记者获悉,今年我市将办好5件民生实事,具体如下:

　　(一)新增城镇就业3.5万人。全年开展职业技能培训2.2万人次。(责任单位:市人社局)

　　(二)改造城镇老旧小区152个。惠及居民1.36万户。(责任单位:市住房城乡建设局)

　　(三)为6.2万名老年人提供免费健康体检,其中上门体检不少于3000人(责任单位:市卫生健康委)。

　　市政府有关负责人表示,将对5件民生实事实行清单化管理。

责任编辑:某某
"""


def test_news_items_with_bracketed_units():
    n = skel(NEWS)
    assert [p.title for p in n.programmes] == [
        "新增城镇就业3.5万人", "改造城镇老旧小区152个", "为6.2万名老年人提供免费健康体检,其中上门体检不少于3000人"]
    # the closing paragraph is notice-level, not the last item's
    assert spans(n)[-1].endswith("(责任单位:市卫生健康委)。")
    assert (n.meta.title, n.meta.issuer, n.meta.published_on) == ("某市公布2025年5件民生实事", "某市日报", "2025-02-18")


TABLE_IN_BODY = """某县人民政府办公室关于印发某县2026年民生实事项目计划的通知

某政办发〔2026〕4号

各乡(镇)人民政府,县政府各部门:

现将《某县2026年民生实事项目计划表》印发给你们。

某县人民政府办公室
2026年1月20日

某县2026年民生实事项目计划表

序号|民生实事项目|年度目标|投资估算(万元)|责任单位|完成时间
1|城区老旧供热管网改造|改造老旧供热管网22公里|6800|县住建局、县供热公司|2026年10月15日
2|农村公路提档升级|新改建农村公路85公里|9350|县交通运输局|2026年10月底
合计| | |16150| |

注:责任单位中列第一位者为牵头单位。

有关要求

一、加强组织领导。各责任单位要成立项目工作专班。

二、强化资金保障。县财政局要优先保障项目资金需求。
"""


def test_table_in_the_body_without_an_attachment_label():
    n = skel(TABLE_IN_BODY)
    assert [p.title for p in n.programmes] == ["城区老旧供热管网改造", "农村公路提档升级"]
    att = n.attachments[0]
    assert (att.label, att.title) == ("", "某县2026年民生实事项目计划表")
    assert att.tables[0].header[1] == "民生实事项目"
    assert att.tables[0].rows[2][0] == "合计"


RESTARTED = """某县2024年民生实事项目

一、教育(2项)

1.新建幼儿园3所,新增学位900个(县教育局)。

2.改造农村学校食堂20所(县教育局、县财政局)。

二、医疗(2项)

1.为65周岁以上老年人免费健康体检4万人(县卫健委)。

2.建设村卫生室30个,每个补助2万元(县卫健委)。
"""


def test_numbering_restarting_under_each_category():
    n = skel(RESTARTED)
    assert [p.title for p in n.programmes] == [
        "新建幼儿园3所,新增学位900个", "改造农村学校食堂20所", "为65周岁以上老年人免费健康体检4万人",
        "建设村卫生室30个,每个补助2万元"]


def test_one_plan_with_targets_items_stays_one_programme():
    raw = ("2023年社区老年助餐服务提升实施方案\n一、目标任务\n(一)新建社区老年助餐点。全市新建助餐点120个,每个补助5万元。\n"
           "(二)提升服务质量。每个助餐点日均服务不低于50人次,每餐补助3元。\n二、实施步骤\n(一)摸底选址(4月—6月)。6月底前完成。\n"
           "(二)建设运营(7月—9月)。9月底前建成120个。\n三、责任分工\n牵头单位:市民政局\n")
    n = skel(raw)
    assert [p.title for p in n.programmes] == ["2023年社区老年助餐服务提升实施方案"]


def test_issuer_wrapped_above_the_title():
    raw = ("某县人民政府办公室\n关于印发2022年县级民生实事项目的通知\n\n某政办发〔2022〕3号\n\n各乡镇人民政府:\n"
           "现印发给你们。\n\n某县人民政府办公室\n2022年2月21日\n\n2022年县级民生实事项目\n\n"
           "1.实施城镇老旧小区改造。改造老旧小区21个。牵头单位:县住建局。\n\n"
           "2.新改建农村公路150公里。危桥改造8座。牵头单位:县交通运输局。\n")
    n = skel(raw)
    assert (n.meta.title, n.meta.issuer) == ("某县人民政府办公室关于印发2022年县级民生实事项目的通知", "某县人民政府办公室")
    assert [p.title for p in n.programmes] == ["实施城镇老旧小区改造", "新改建农村公路150公里"]


def test_numbered_measures_under_a_target_heading_are_not_programmes():
    raw = ("某市2026年民生实事\n\n一、城镇新增就业9000人\n推进措施:\n1.开展招聘活动50场,提供岗位1.5万个。\n"
           "2.对首次创业人员给予一次性补贴5000元,带动就业300人。\n3.年底前实现零就业家庭动态清零。\n"
           "二、新增公办幼儿园学位1080个\n推进措施:\n1.新建公办幼儿园3所,补助200万元。\n2.9月底前投入使用,新增教师60名。\n")
    n = skel(raw)
    assert [p.title for p in n.programmes] == ["城镇新增就业9000人", "新增公办幼儿园学位1080个"]
    assert [s.marker for s in n.programmes[0].sections] == ["1.", "2.", "3."]


def test_news_list_naming_no_units_takes_one_piece_of_evidence():
    raw = ("某市公布2025年3件民生实事\n来源:某市日报 发布时间:2025-02-18 09:12\n具体如下:\n"
           "(一)新增城镇就业3.5万人。\n(二)改造城镇老旧小区152个。\n(三)提高低保标准。每人每月提高50元。\n")
    assert [p.title for p in skel(raw).programmes] == ["新增城镇就业3.5万人", "改造城镇老旧小区152个", "提高低保标准"]


def test_serial_table_total_row_after_an_empty_cell():
    raw = ("附件1\n\n某某任务分解表\n\n序号\n\n县(市)\n\n幼儿园\n(所)\n\n补助资金\n(万元)\n\n"
           "1\n\n甲县\n\n5\n\n400\n\n2\n\n乙县\n\n4\n\n320\n\n合计\n\n  \n\n9\n\n720\n")
    table = skel(raw).attachments[0].tables[0]
    assert table.header == ["序号", "县(市)", "幼儿园(所)", "补助资金(万元)"]
    assert table.rows[-1] == ["", "合计", "9", "720"]


def test_items_of_an_umbrella_plan_with_labelled_sub_headings_are_programmes() -> None:
    """A provincial plan of items, each with (一)目标任务 … (四)责任单位。 (the label ended by a full
    stop, the units after it): the items are the programmes."""
    raw = ("关于印发2024年某省五项民生实事实施方案的通知\n各市人民政府:\n现印发给你们。\n某省人民政府\n2024年2月1日\n"
           "2024年某省五项民生实事实施方案\n"
           "一、农村公路提质\n(一)目标任务。新改建农村公路800公里。\n(二)资金来源。总投资9亿元。\n"
           "(三)责任单位。省交通运输厅(牵头)、省财政厅。\n"
           "二、公办幼儿园建设\n(一)目标任务。新建公办幼儿园40所,新增学位9000个。\n(二)资金来源。总投资6亿元。\n"
           "(三)责任单位。省教育厅(牵头)、省财政厅。\n"
           "三、残疾儿童康复\n(一)目标任务。救助残疾儿童3000名。\n(二)资金来源。安排资金5400万元。\n"
           "(三)责任单位。省残联(牵头)、省卫生健康委。\n")
    assert [p.title for p in skel(raw).programmes] == ["农村公路提质", "公办幼儿园建设", "残疾儿童康复"]


@pytest.mark.parametrize(("title", "expected"), [
    ("2022年山西省十项民生实事实施方案", True),
    ("2024年市级为民办实事项目实施方案", True),
    ("某市2023年养老服务提升民生实事实施方案", False),  # names its own project
    ("某市2022年“一老一小”服务设施建设民生实事实施方案", False),
])
def test_umbrella_title(title: str, expected: bool) -> None:
    from minshi_extract.structure import umbrella

    assert umbrella(title) is expected


def test_a_project_table_under_a_plan_naming_its_own_project_lists_its_sites() -> None:
    """One plan for one project (…服务设施建设民生实事实施方案) with a table of its sites: one programme,
    the rows are its records, not programmes."""
    raw = ("关于印发某市2022年养老服务设施建设民生实事实施方案的通知\n各区人民政府:\n现印发给你们。\n某市人民政府办公室\n2022年4月2日\n"
           "某市2022年养老服务设施建设民生实事实施方案\n一、目标任务\n新建社区养老服务中心3个。\n附件:项目明细表\n附件\n项目明细表\n"
           "序号|项目名称|建设规模|总投资(万元)\n1|东街社区养老服务中心|床位60张|480\n2|西街社区养老服务中心|床位40张|360\n"
           "3|南街社区养老服务中心|床位50张|420\n")
    assert [p.title for p in skel(raw).programmes] == ["某市2022年养老服务设施建设民生实事实施方案"]


def test_inline_items_after_a_run_in_heading_are_programmes() -> None:
    """A work report's chapter `(六)办好民生实事。今年…:一是…;二是…;三是…。` on one line: the run-in
    heading does not hide the items written after it."""
    raw = ("政府工作报告\n各位代表:\n二、2026年工作安排\n"
           "(六)用心用情办好民生实事。今年,市政府将办好三件民生实事:一是新增公办学位1.8万个;"
           "二是改造城镇老旧小区86个,惠及居民1.2万户;三是建设长者饭堂50间,对80周岁以上老年人每餐补贴3元。\n")
    assert [p.title for p in skel(raw).programmes] == [
        "新增公办学位1.8万个", "改造城镇老旧小区86个,惠及居民1.2万户", "建设长者饭堂50间,对80周岁以上老年人每餐补贴3元"]


def test_a_closing_that_counts_all_the_items_is_the_notices() -> None:
    """A closing sentence counting all the items (`确保三件民生实事年底前全部见效`) after the last inline
    item is the notice's, its deadline too, not the last item's."""
    from minshi_extract import extract_text

    n = extract_text("2025年政府工作报告\n各位代表:\n今年将办好三件民生实事:一是新增学位3000个;二是改造老旧小区40个;"
                     "三是新建公厕30座。我们将确保三件民生实事年底前全部见效。\n")
    assert [p.title for p in n.programmes] == ["新增学位3000个", "改造老旧小区40个", "新建公厕30座"]
    assert [r.text for r in n.records if r.type == "deadline"] == ["年底前"]
    assert not [r for r in n.programmes[-1].records if r.type == "deadline"]


def test_a_heading_item_broken_inside_a_clause_keeps_its_whole_clauses() -> None:
    """A PDF copy breaks an item's line inside a clause: the title stops at the last whole clause."""
    raw = ("某市人民政府关于下达2022年民生实事项目的通知\n各区人民政府:\n现将项目下达给你们。\n"
           "一、新建城乡公厕120座,其中农村公厕\n不少于80座。(市城管局)\n"
           "二、新增义务教育学位6000个。(市教育局)\n"
           "三、新增养老机构床位1500张,其中护理型床位\n不少于1000张。(市民政局)\n")
    assert [p.title for p in skel(raw).programmes] == ["新建城乡公厕120座", "新增义务教育学位6000个", "新增养老机构床位1500张"]


def test_a_progress_reports_closing_section_is_no_programme() -> None:
    """一、…二、… items of a 进展情况 report, then 三、下一步工作要求: the closing section is the
    report's own, not a third project (lexicon/section_kinds.yaml)."""
    n = skel("某区2025年民生实事项目上半年进展情况的通报\n\n"
             "一、老旧小区改造\n\n年度目标:改造老旧小区30个。进展情况:已开工22个,完成投资0.8亿元。\n\n"
             "责任单位:区住房城乡建设委\n\n"
             "二、社区养老服务\n\n年度目标:新建社区养老服务站12个。进展情况:已建成7个。\n\n"
             "责任单位:区民政局\n\n"
             "三、下一步工作要求\n\n各牵头单位要倒排工期,12月20日前报送全年完成情况。\n\n"
             "某区人民政府办公室\n\n2025年7月10日\n")
    assert [p.title for p in n.programmes] == ["老旧小区改造", "社区养老服务"]


def test_a_plans_unit_list_is_not_the_first_line_of_the_next_title() -> None:
    """四、责任单位 / 市住建局(牵头)、市财政局、各区县人民政府 / 下一个实施方案: the unit list ends the
    plan before; it is no wrapped first line of the next plan's title."""
    n = skel("某市人民政府办公室关于印发2023年民生实事实施方案的通知\n\n各区县人民政府:\n\n现将实施方案印发给你们。\n\n"
             "某市人民政府办公室\n\n2023年3月1日\n\n老旧小区改造实施方案\n\n一、目标任务\n\n改造老旧小区30个。\n\n"
             "二、责任单位\n\n市住房城乡建设局(牵头)、市发展改革委、各区县人民政府\n\n"
             "农村供水保障实施方案\n\n一、目标任务\n\n新建供水工程12处。\n\n二、责任单位\n\n市水利局\n")
    assert [p.title for p in n.programmes] == ["老旧小区改造实施方案", "农村供水保障实施方案"]


def test_a_plans_years_set_under_its_title_belong_to_it() -> None:
    n = skel("某市人民政府办公室关于印发实施方案的通知\n\n各区县人民政府:\n\n现将方案印发给你们。\n\n某市人民政府办公室\n\n"
             "2024年3月1日\n\n城区学位扩容实施方案\n\n(2024—2026年)\n\n一、目标任务\n\n新增学位9000个。\n\n"
             "农贸市场改造实施方案\n\n一、目标任务\n\n改造农贸市场12个。\n")
    assert [p.title for p in n.programmes] == ["城区学位扩容实施方案(2024—2026年)", "农贸市场改造实施方案"]


def test_a_closing_paragraph_after_the_last_items_units_is_the_notices() -> None:
    """一、…(责任单位:…) × 3, then 下一步,各责任单位要…: the closing belongs to the notice, not the last item."""
    text = ("某区2025年民生实事完成情况的通报\n\n"
            "一、老旧小区改造\n\n改造老旧小区30个,已全部完工。\n\n责任单位:区住建局。\n\n"
            "二、社区食堂建设\n\n新建社区食堂12个,已全部运营。\n\n责任单位:区民政局。\n\n"
            "三、城市书房建设\n\n新建城市书房10家。\n\n责任单位:区文广旅局。\n\n"
            "下一步,各责任单位要做好运营管护,于2026年1月15日前提交候选项目建议。\n\n"
            "某区人民政府办公室\n\n2025年12月26日\n")
    n = skel(text)
    assert n.text[n.programmes[-1].span[0]:n.programmes[-1].span[1]].rstrip().endswith("责任单位:区文广旅局。")


def test_an_inline_item_closed_by_its_units_bracket_is_titled_without_it() -> None:
    """`…;三是新建公厕30座(责任单位:市城管局、市住建局)。`: the bracket names who does the item, it is not
    part of its title (a news page lists each item's units after it)."""
    raw = ("市政府今年将办好三件民生实事:一是新增学位3000个;二是改造老旧小区40个;"
           "三是新建公厕30座,其中农村公厕不少于20座(责任单位:市城管局、市住建局)。\n")
    assert [p.title for p in skel(raw).programmes][-1] == "新建公厕30座,其中农村公厕不少于20座"


def test_inline_items_under_an_umbrella_heading_beside_a_review() -> None:
    """一、2023年工作回顾(摘要) (figures of last year) / 二、2024年民生实事 with its items inline: the
    umbrella heading is no project, its items are."""
    raw = ("政府工作报告(摘要)\n——2024年1月10日在某市第八届人民代表大会第三次会议上\n"
           "编者按:以下为政府工作报告中“2023年工作回顾”和“2024年民生实事”部分内容。\n"
           "一、2023年工作回顾(摘要)\n全年民生支出达到52亿元,民生支出占比达到78%。新增城镇就业1.1万人,改造老旧小区30个。\n"
           "二、2024年民生实事\n今年再办好5件民生实事:一是新增学位3000个;二是改造老旧小区40个,惠及居民1.2万户;"
           "三是为全市适龄妇女免费开展两癌筛查2万人;四是城乡低保标准每人每月提高30元;五是新改建农村公路150公里。\n"
           "以上民生实事资金总额5.6亿元,确保12月底前全部完成。\n")
    assert [p.title for p in skel(raw).programmes] == [
        "新增学位3000个", "改造老旧小区40个,惠及居民1.2万户", "为全市适龄妇女免费开展两癌筛查2万人",
        "城乡低保标准每人每月提高30元", "新改建农村公路150公里"]


def test_the_last_inline_items_units_line_is_its_own() -> None:
    """一是…/责任单位:… per item: the units line after the last item is that item's, not the notice's."""
    from minshi_extract import extract_text

    n = extract_text("市政府今年将办好三件实事。\n一是新增学位3000个。\n责任单位:市教育局\n二是改造老旧小区40个。\n"
                     "责任单位:市住建局\n三是新建公厕30座。\n责任单位:市城管局、市财政局\n\n据了解,去年各项实事均已完成。\n")
    assert [[r.unit for r in p.records if r.type == "responsibility"] for p in n.programmes] == [
        ["市教育局"], ["市住建局"], ["市城管局", "市财政局"]]
