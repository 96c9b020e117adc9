"""Time limits, scope words and people before a rate: what such a figure counts. Phrases of my own;
each expected value is read from the phrase (gold/GUIDELINES.md "What a figure counts", "Hard cases")."""

import pytest

from minshi_extract.pipeline import extract_text

HEAD = "关于印发2025年为民实事实施方案的通知\n"


def _item(text: str, evidence: str):
    hits = [r for r in extract_text(HEAD + text).all_records() if r.text == evidence]
    assert hits, f"no record {evidence!r}"
    return hits[0].item


@pytest.mark.parametrize(
    ("phrase", "evidence", "item"),
    [
        # a limit on a time the clause names: the time; a bare limit names nothing
        ("不动产抵押登记办理时限不超过5个工作日。", "不超过5个工作日", "不动产抵押登记办理时限"),
        ("一次性创业补贴期限最长不超过2年。", "不超过2年", "一次性创业补贴期限"),
        ("项目审批时间压缩至3个工作日以内。", "3个工作日以内", "项目审批时间"),
        ("申请材料齐全的在7个工作日内办结。", "7个工作日内", None),
        # a time frame opening the phrase and 每X before the noun are scope
        ("改造期间每条背街小巷断行时间不超过20天。", "不超过20天", "背街小巷断行时间"),
        ("新建社区食堂20个,每处建筑面积不少于120平方米。", "不少于120平方米", "建筑面积"),
    ],
)
def test_limits_and_scope(phrase: str, evidence: str, item: str | None) -> None:
    assert _item(phrase, evidence) == item


def test_people_before_a_second_rate_are_who_is_paid() -> None:
    # …给予生活补贴,|困难残疾人|每人每月150元: the people are paid; the rate continues the first one's item
    text = "对重度残疾人按每人每月200元标准给予生活补贴,困难残疾人每人每月150元。"
    assert _item(text, "每人每月150元") == "生活补贴"
