"""Running heads of a plain-text copy of a PDF: dropped at page tops after their first appearance."""

from minshi_extract.ingest.pages import drop_running_heads
from minshi_extract.pipeline import extract_text

COPY = (
    "某市人民政府办公室关于印发某市2021年重点民生实事实施方案的通知\n各县区人民政府:\n现印发给你们。\n"
    "— 1 —\n\f某市2021年重点民生实事实施方案\n\n一、目标任务\n(一)农村户厕改造。完成农村户厕改造2.4万户,由各县区积极争取\n"
    "— 2 —\n\f某市2021年重点民生实事实施方案\n上级资金。\n(二)城区学校扩容。新增学位8100个。\n"
    "— 3 —\n\f某市2021年重点民生实事实施方案\n二、资金安排\n总投资约9.9亿元。\n"
)


def test_a_running_head_goes_from_every_page_top_but_its_first_appearance() -> None:
    out = drop_running_heads(COPY)
    assert out.count("某市2021年重点民生实事实施方案\n") == 1
    assert "由各县区积极争取\n— 2 —\n\f\n上级资金" in out  # the page break stays, the head goes


def test_text_without_page_breaks_or_repeats_is_unchanged() -> None:
    assert drop_running_heads("一、目标任务\n新增学位100个。\n") == "一、目标任务\n新增学位100个。\n"
    once = "通知\n— 1 —\n附件1\n— 2 —\n附件2\n"
    assert drop_running_heads(once) == once  # short page tops are content


def test_the_running_head_opens_no_plan_of_its_own() -> None:
    titles = [p.title for p in extract_text(COPY).programmes]
    assert titles.count("某市2021年重点民生实事实施方案") <= 1 and len(titles) >= 1
