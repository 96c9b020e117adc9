"""Ratio rule: splits written 5:3:2 with their parties."""

import pytest

from minshi_extract.rules.context import Context
from minshi_extract.rules.ratio import find_ratios

CTX = Context(year=2025, programme_id="P03")

CASES = [
    ("所需资金由省、市、县按照5:3:2比例分担", [([5, 3, 2], ["省", "市", "县"])]),
    ("省、市、县三级按照5:2:3的比例分担", [([5, 2, 3], ["省", "市", "县"])]),
    ("省、市、县三级财政按照5∶2∶3的比例分担", [([5, 2, 3], ["省", "市", "县"])]),
    ("由市、区县财政按5:5比例分担", [([5, 5], ["市", "区县"])]),
    ("按照6:4的比例配套", [([6, 4], [])]),
    ("资金按5：3：2分担", [([5, 3, 2], [])]),
    # 2021-2026 variants: parties with 乡 and 由 before the list
    ("建设资金由市、县、乡按4:3:3比例分担", [([4, 3, 3], ["市", "县", "乡"])]),
    ("由州、县两级财政按1:1比例分担", [([1, 1], ["州", "县"])]),
]

NOT_RATIOS = [
    "发布日期: 2025-03-13 17:01 浏览次数:",
    "上午9:30开始",
    "凉州区10000人",
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_ratio(text: str, expected: list[tuple]) -> None:
    recs = find_ratios(text, 100, CTX)
    assert [(r.shares, r.parties) for r in recs] == expected
    for r in recs:
        assert text[r.span[0] - 100:r.span[1] - 100] == r.text


@pytest.mark.parametrize("text", NOT_RATIOS)
def test_not_ratio(text: str) -> None:
    assert find_ratios(text, 0, CTX) == []


# a staffing ratio: the ratio word stands earlier in the sentence; `X与Y比例` names the parties
STAFFING = [
    ("保育人员与婴幼儿比例:乳儿班不低于1:3,托小班不低于1:5。",
     [([1, 3], ["保育人员", "婴幼儿"]), ([1, 5], ["保育人员", "婴幼儿"])]),
    ("师生比例达到1:15", [([1, 15], [])]),
]


@pytest.mark.parametrize(("text", "expected"), STAFFING)
def test_staffing_ratio(text: str, expected: list[tuple]) -> None:
    assert [(r.shares, r.parties) for r in find_ratios(text, 0, CTX)] == expected


@pytest.mark.parametrize("text", ["会议于17:30召开,调整比例。", "上午9:30开始。比例另定"])
def test_time_is_not_staffing_ratio(text: str) -> None:
    assert find_ratios(text, 0, CTX) == []
