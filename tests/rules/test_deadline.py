"""Deadlines: single target dates (RECORDS.md §3, GUIDELINES.md deadline)."""

from __future__ import annotations

import pytest

from minshi_extract.rules.context import Context
from minshi_extract.rules.deadline import find_deadlines

BODY = Context(year=2025, programme_id="P01", section="三、实施步骤", kind="steps", in_steps=True)


def _ctx(year: int = 2025, **kw) -> Context:
    return Context(**{**BODY.__dict__, "year": year, **kw})


# (line, year, [(date, evidence)])
DEADLINES = [
    ("各县区、各部门单位要高度重视,确保11月底前全面完成。", 2025, [("2025-11", "11月底前")]),
    ("12月10日前,市、县区政府组织力量对2025年中小学“强县中增学位”工程进行结项验收并形成报告", 2025,
     [("2025-12-10", "12月10日前")]),
    ("2.城区中小学增补学位。新建项目3月底开工建设,8月底前学位增补到位。", 2025,
     [("2025-03", "3月底"), ("2025-08", "8月底前")]),
    ("3.2026年3月全面复工,开展小区绿化、美化等剩余工程;", 2025, [("2026-03", "2026年3月")]),
    ("12月上旬,对项目落实情况开展自查,报送总结报告。12月中旬,市人社局统一组织开展项目检查验收。", 2025,
     [("2025-12", "12月上旬"), ("2025-12", "12月中旬")]),
    ("12月上旬各县区政府指导县区人社部门开展项目自查工作。12月中下旬上报市政府。", 2025,
     [("2025-12", "12月上旬"), ("2025-12", "12月中下旬")]),
    ("(三)验收阶段(12月)。12月初,项目所在市、县(区)政府指导工会开展自查自评", 2025, [("2025-12", "12月初")]),
    ("2025年3月开工改造,10月底前完成升级改造任务,年内完成项目竣工验收和资金拨付。", 2025,
     [("2025-03", "2025年3月"), ("2025-10", "10月底前"), ("2025-12", "年内")]),
    ("2025年11月底。", 2025, [("2025-11", "2025年11月底")]),
    ("2025年10月底前完成改造任务,12月底前完成总结宣传工作。", 2025,
     [("2025-10", "2025年10月底前"), ("2025-12", "12月底前")]),
    ("市妇儿工委办分别于7月25日、12月25日前向市财政局通报上半年、当年疫苗接种数据,同时进行清算。", 2025,
     [("2025-07-25", "7月25日"), ("2025-12-25", "12月25日前")]),
    ("完成项目设计审查,4月底完成项目审查并进行招投标,6月中旬完成招投标工作。", 2025,
     [("2025-04", "4月底"), ("2025-06", "6月中旬")]),
    ("7月初,市自然资源局组织对各县区年度搬迁工作完成情况进行专题督导评估,10月底对全市...进行评估验收。", 2025,
     [("2025-07", "7月初"), ("2025-10", "10月底")]),
    ("1.3月15日前完成老旧小区改造项目的可研编制、立项批复;", 2025, [("2025-03-15", "3月15日前")]),
    ("1.2025年4月16日老旧小区改造项目全面开工建设;", 2025, [("2025-04-16", "2025年4月16日")]),
    # issue-6 variants
    ("各区县、各部门要细化工作举措,确保年底前全面完成各项目标任务。", 2024, [("2024-12", "年底前")]),
    ("全面开工建设,力争9月份竣工主体工程,10月底前完成划线。", 2024, [("2024-09", "9月份"), ("2024-10", "10月底前")]),
    ("9月15日起开展集中接种,12月底前完成接种任务。", 2024, [("2024-09-15", "9月15日起"), ("2024-12", "12月底前")]),
    ("从4月起开展入户排查。", 2026, [("2026-04", "4月起")]),
    ("7月31日前完成项目备案。", 2023, [("2023-07-31", "7月31日前")]),
    ("上半年完成主体工程建设。", 2025, [("2025-06", "上半年")]),
    ("三季度末全部投入使用。", 2025, [("2025-09", "三季度末")]),
    ("2024 年 3 月 底前完成招标。", 2024, [("2024-03", "2024 年 3 月 底前")]),
    ("各责任单位每月5日前报送上月工作进展,12月15日前报送全年完成情况。", 2023, [("2023-12-15", "12月15日前")]),
    # later variants: a bare month in a step body, 月份, a colon window is not a deadline but its body is
    ("11月30日前完成竣工验收,12月组织开展群众满意度测评。", 2025,
     [("2025-11-30", "11月30日前"), ("2025-12", "12月")]),
    ("10月份开展中期评估,确保年底前全面完成各项目标任务。", 2022, [("2022-10", "10月份"), ("2022-12", "年底前")]),
    ("(一)前期准备阶段:2025年3月—4月。完成改造方案设计和预算评审,4月20日前完成施工招标。", 2025,
     [("2025-04-20", "4月20日前")]),
    ("今年民生实事征集工作自去年11月启动,明年3月底前完成评估。", 2023, [("2024-03", "明年3月底前")]),
    # 2021-2026 variants: a target beside a status report; Chinese months that are dates
    ("确保9月底前完成年度任务的80%以上,11月30日前全面完成。", 2021,
     [("2021-09", "9月底前"), ("2021-11-30", "11月30日前")]),
    ("一月底前完成摸底,十二月一日前完成验收。", 2021, [("2021-01", "一月底前"), ("2021-12-01", "十二月一日前")]),
    ("报名截止到6月30日。", 2021, [("2021-06-30", "6月30日")]),  # 截止 closes a window: a target
]


@pytest.mark.parametrize(("line", "year", "expected"), DEADLINES)
def test_deadlines(line: str, year: int, expected: list[tuple[str, str]]) -> None:
    base = 500
    notice = "x" * base + line
    found = find_deadlines(line, base, _ctx(year))
    assert [(d.date, d.text) for d in found] == expected
    for d in found:
        assert notice[d.span[0] : d.span[1]] == d.text
        assert (d.programme_id, d.section) == ("P01", "三、实施步骤")


NOT_DEADLINES = [
    "一次性补发年初差额",  # a bare 年初 is a noun here
    "县区残联于每月26日前向市残联报告工作进展。",  # recurring
    "各县区跟踪项目实施进度,每月底报送当月工作进展。",
    "人社部门要按月做好城镇新增就业数据统计和调度",
    "认真贯彻落实2024年11月22日中央政法委印发的《关于加强社会治安综合治理中心规范化建设的意见》",  # historic
    "2025年3月7日",  # signature line
    "紧盯《甘肃省生态及地质灾害避险搬迁实施方案(2022-2026年)》和年度实施方案",  # a title, a period
    "初一、初二女童(2011年9月1日—2013年9月1日出生)在市内进行HPV疫苗2剂次补助接种。",  # birth range
    "各县区筛查工作于本方案下发后1月内完成,并报市卫生健康委备案。",  # relative
    "下半年开展专项督查。",  # a period
    "确保全年安装目标提前完成。",
    "原则上5月31日前完成首剂次接种,并按照0、6月的程序尽早完成第2剂次接种。"[24:],  # a dosing schedule
    "结合2025年普通高校招生全国统一考试报名,开展考前摸底统计",  # a year alone
    "(二)实施阶段(3—10月)。完成项目设计、审查备案、资金配套、投标、项目施工等工作。",  # a phase window
    "补贴期限3年内有效,每年底进行清算。",
    "发布日期:2025-03-13",
    "(三)运营管理阶段:12月。停车设施全部投入使用。",  # the step's own window
    "(二)组织实施阶段:5月至10月。",
    "(一)前期准备(即日起至5月底)",  # an open-start phase window, not a deadline
    "民生实事征集工作自去年11月启动。",  # the past, written relatively
    "上年12月底前已完成摸底。",
    # status reports: the date a progress figure is counted at
    "截至6月底,8个项目平均完成年度目标任务的近55%。",
    "截至2021年6月底,已完工21处。",
    "截至 6月30日,已开工1020户。",
    # a frequency written with a Chinese month: 一月一调度
    "实行“一月一调度、一季一通报”。",
    "坚持一月两通报。",
]


@pytest.mark.parametrize("line", NOT_DEADLINES)
def test_not_deadlines(line: str) -> None:
    assert find_deadlines(line, 0, _ctx()) == []


def test_colon_window_heading_gives_no_deadline() -> None:
    assert find_deadlines("(三)运营管理阶段:12月。", 0, _ctx(is_heading=True)) == []


@pytest.mark.parametrize("line", ["1.确定目标任务(4月底前)。", "(二)组织实施阶段:2025年5月至10月。", "一、(1—3月)。"])
def test_a_step_heading_with_only_its_window_gives_no_deadline(line: str) -> None:
    assert find_deadlines(line, 0, _ctx(is_heading=True)) == []


def test_a_date_after_the_window_of_a_step_heading_is_a_deadline() -> None:
    line = "2.全面施工(5—8月)。8月底前完成主体"
    [d] = find_deadlines(line, 0, _ctx(is_heading=True))
    assert (d.date, d.text) == ("2025-08", "8月底前")


def test_phase_window_is_not_a_deadline_but_the_body_date_is() -> None:
    line = "1.确定目标任务(4月底前)。发布项目公告,4月底前向各县区分解下达年度目标任务。"
    [d] = find_deadlines(line, 0, _ctx(is_heading=True))
    assert (d.date, d.text, d.span) == ("2025-04", "4月底前", (22, 26))


def test_deadline_section_date_with_day() -> None:
    # a 完成时限 section may hold a bare full date: it is the deadline, not a signature
    [d] = find_deadlines("2025年11月30日。", 0, _ctx(kind="deadline", in_steps=False))
    assert d.date == "2025-11-30"


DOCUMENT_OR_TARGET = [
    ("2025年2月10日省政府印发的《实施意见》要求", []),
    ("2025年1月5日召开推进会,部署全年工作。", []),
    ("6月底前印发实施细则。", [("2025-06", "6月底前")]),
    ("3月召开全市推进会。", [("2025-03", "3月")]),
    ("2015年以来累计建成12个中心", []),
    ("2月27日,顺德区召开区政府常务会议,审议通过2024年十件民生实事。", []),  # a past meeting
    ("9月1日,启动集中接种。", [("2025-09-01", "9月1日")]),
]


@pytest.mark.parametrize(("line", "expected"), DOCUMENT_OR_TARGET)
def test_document_dates_and_targets(line: str, expected: list[tuple[str, str]]) -> None:
    assert [(d.date, d.text) for d in find_deadlines(line, 0, _ctx())] == expected


def test_news_lead_date_is_no_deadline() -> None:
    assert find_deadlines("本报讯 1月22日,记者从市发展改革委获悉,十件民生实事确定。", 0, _ctx()) == []
    assert [d.date for d in find_deadlines("1月22日前完成招标。", 0, _ctx())] == ["2025-01-22"]


def test_a_level_reached_by_the_years_end_is_no_action_due() -> None:
    # 到年底,|…普及率达到96%: the date a level holds; 到年底,全面完成…: an action due
    from minshi_extract.pipeline import extract_text

    def dates(s: str) -> list[str]:
        n = extract_text("关于印发2025年为民实事实施方案的通知\n" + s + "\n")
        return [r.date for r in n.all_records() if r.type == "deadline"]

    assert dates("到年底,全县农村自来水普及率达到96%以上。") == []
    assert dates("到2025年底,全面完成老旧小区改造任务。") == ["2025-12"]
