"""Phases: a step heading of 实施步骤 with a bracketed window (RECORDS.md §3, GUIDELINES.md phase)."""

from __future__ import annotations

import pytest

from minshi_extract.rules.context import Context
from minshi_extract.rules.phase import find_phases

STEPS = Context(year=2025, programme_id="P01", section="三、实施步骤", kind="steps", in_steps=True, is_heading=True)

# (heading line, year, name, start, end, evidence)
PHASES = [
    ("(一)准备阶段(1—2月)。市、县区政府指导凉州区、古浪县教育部门结合实际,制定本区域工作方案", 2025,
     "准备阶段", "2025-01", "2025-02", "准备阶段(1—2月)"),
    ("1.确定目标任务(4月底前)。发布项目公告,向各县区分解下达年度目标任务。", 2025,
     "确定目标任务", None, "2025-04", "确定目标任务(4月底前)"),
    ("2.开展供需对接(5月—8月15日前)。全市大力宣传解读项目政策基础上", 2025,
     "开展供需对接", "2025-05", "2025-08-15", "开展供需对接(5月—8月15日前)"),
    ("(二)组织实施阶段(2025年4月16日—2026年6月)。", 2025,
     "组织实施阶段", "2025-04-16", "2026-06", "组织实施阶段(2025年4月16日—2026年6月)"),
    ("(四)验收阶段(12月)。12月10日前,市、县区政府组织力量对...进行结项验收", 2025,
     "验收阶段", "2025-12", "2025-12", "验收阶段(12月)"),
    ("6.做好总结,宣传典型(2025年全年)。", 2025,
     "做好总结,宣传典型", "2025-01", "2025-12", "做好总结,宣传典型(2025年全年)"),
    ("1.(1—3月)。制定工程年度工作方案,做好临建工程搭建、围堰填筑", 2025, None, "2025-01", "2025-03", "(1—3月)"),
    ("(一)谋划部署阶段(2025年1月—2月)。市委政法委牵头", 2025,
     "谋划部署阶段", "2025-01", "2025-02", "谋划部署阶段(2025年1月—2月)"),
    ("(五)综合评估阶段(2026年6月底前)。紧盯《甘肃省生态及地质灾害避险搬迁实施方案(2022-2026年)》", 2025,
     "综合评估阶段", None, "2026-06", "综合评估阶段(2026年6月底前)"),
    ("(一)项目前期阶段(2025年4月15日前)。", 2025, "项目前期阶段", None, "2025-04-15", "项目前期阶段(2025年4月15日前)"),
    ("1.摸清底数,核准需求(2025年1—3月)。根据省级项目实施方案制定我市项目实施方案", 2025,
     "摸清底数,核准需求", "2025-01", "2025-03", "摸清底数,核准需求(2025年1—3月)"),
    ("(一)准备阶段(1月—2月)。", 2025, "准备阶段", "2025-01", "2025-02", "准备阶段(1月—2月)"),
    ("(一)对象确定阶段(1—12月)。1.细化部署。", 2025, "对象确定阶段", "2025-01", "2025-12", "对象确定阶段(1—12月)"),
    # issue-6 variants: another year, a window into the next year, a half year, PDF spacing
    ("(一)前期准备阶段(1—3月)。各区县完成点位选址", 2024, "前期准备阶段", "2024-01", "2024-03", "前期准备阶段(1—3月)"),
    ("(三)冬季施工阶段(11月—次年2月)。", 2023, "冬季施工阶段", "2023-11", "2024-02", "冬季施工阶段(11月—次年2月)"),
    ("(二)建设阶段(上半年)。", 2026, "建设阶段", "2026-01", "2026-06", "建设阶段(上半年)"),
    ("(一)准备阶段(2024 年 3 月)。", 2024, "准备阶段", "2024-03", "2024-03", "准备阶段(2024 年 3 月)"),
]


@pytest.mark.parametrize(("line", "year", "name", "start", "end", "evidence"), PHASES)
def test_phase(line: str, year: int, name: str | None, start: str | None, end: str | None, evidence: str) -> None:
    base = 1000
    notice = "x" * base + line
    ctx = Context(**{**STEPS.__dict__, "year": year})
    [p] = find_phases(line, base, ctx)
    assert (p.name, p.start, p.end, p.text) == (name, start, end, evidence)
    assert notice[p.span[0] : p.span[1]] == p.text
    assert (p.programme_id, p.section) == ("P01", "三、实施步骤")


NO_PHASE = [
    "(一)项目申报。市文体广电和旅游局负责,根据省体育局下达的任务指标统一组织申报。",  # no window
    "1.3月15日前完成老旧小区改造项目的可研编制、立项批复;",  # a dated item, no bracket
    "1.2025年4月16日老旧小区改造项目全面开工建设;",
    "(二)项目实施及验收。市文体广电和旅游局根据省体育局确定的实施单位组织县(区)政府具体实施",
    "2.核查公示。对申报对象(以行政村为单位)进行公示。",  # bracket that is no window
    "(三)补充发放。对因特殊原因未及时发放的学生,于9月30日前(含)补发。",
    "(一)摸底(2011年9月1日—2013年9月1日出生)女童。",  # bracket inside a sentence
]


@pytest.mark.parametrize("line", NO_PHASE)
def test_no_phase(line: str) -> None:
    assert find_phases(line, 0, STEPS) == []


def test_window_outside_steps_is_no_phase() -> None:
    ctx = Context(year=2025, kind="safeguards", in_steps=False, is_heading=True)
    assert find_phases("(一)加强组织领导(长期)。", 0, ctx) == []
    assert find_phases("(一)督导检查(1—2月)。", 0, ctx) == []
