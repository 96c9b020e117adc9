"""Percentage rule: real phrases, each with the value read by hand."""

import pytest

from minshi_extract.rules.context import Context
from minshi_extract.rules.percentage import find_percentages

CTX = Context(year=2025, programme_id="P04")

CASES = [
    ("按照不低于50%的比例", [(50, "at_least")]),
    ("市级抽查20%、县级抽查30%", [(20, None), (30, None)]),
    ("完成工程量的70%以上", [(70, "at_least")]),
    ("一次性交(竣)工验收合格率达98%以上", [(98, "at_least")]),
    ("接种率达到百分之二十", [(20, None)]),
    ("占比百分之六十以上", [(60, "at_least")]),
    ("由8%降至7%", [(8, None), (7, None)]),
    ("覆盖率达到 95 %", [(95, None)]),
    ("增长12.5%左右", [(12.5, "about")]),
    ("不超过5%", [(5, "at_most")]),
    # 2021-2026 variants
    ("城镇调查失业率控制在5.5%以内", [(5.5, "at_most")]),
    ("确保参保率稳定在95%以上", [(95, "at_least")]),
    ("市级财政按40%给予补助", [(40, None)]),
    ("8个项目平均完成年度目标任务的近55%", [(55, "about")]),
]

NOT_PERCENT = ["2025年3月", "5:3:2", "1+N", "百分点", "按2000/人"]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_percentage(text: str, expected: list[tuple]) -> None:
    recs = find_percentages(text, 10, CTX)
    assert [(r.value, r.qualifier) for r in recs] == expected
    for r in recs:
        assert r.span[0] >= 10 and text[r.span[0] - 10:r.span[1] - 10] == r.text


@pytest.mark.parametrize("text", NOT_PERCENT)
def test_not_percentage(text: str) -> None:
    assert find_percentages(text, 0, CTX) == []
