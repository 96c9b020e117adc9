"""For any text, extract returns a Notice and every record is grounded."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minshi_extract.models import Notice
from minshi_extract.pipeline import extract_text

# text built from the pieces notices are made of, so the rules actually fire
PIECES = st.sampled_from(
    [
        "一、目标任务\n", "二、资金安排\n", "三、实施步骤\n", "四、责任主体\n", "(一)", "(二)", "1.", "(1)", "五)",
        "实施方案\n", "牵头单位:", "配合单位:", "实施主体:", "市教育局", "、", ",", "。", "\n", "凉州区",
        "1.7万人", "1080个", "54.25万元", "每人每月1500元", "5:3:2", "5∶2∶3", "70%以上", "百分之二十",
        "(1—2月)", "11月底前", "12月10日前", "2025年", "〔2025〕7号", "附件1\n", "县区\n", "资金(万元)\n",
        "小计\n", "155\n", "一千零八十名", "约", "以上", "不少于", "各", "其中", "（", "）", "：", "１２",
    ]
)
TEXTS = st.one_of(st.text(max_size=300), st.lists(PIECES | st.text(max_size=5), max_size=60).map("".join))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_any_text_gives_a_grounded_notice(text: str) -> None:
    notice = extract_text(text)
    assert isinstance(notice, Notice)
    for rec in notice.all_records():
        s, e = rec.span
        assert 0 <= s <= e <= len(notice.text)
        assert notice.text[s:e] == rec.text
