"""Plan titles a PDF broke inside their last word (`…实施方` / `案`), read from made-up text."""

from minshi_extract.pipeline import extract_text

NOTICE = """某市人民政府办公室关于印发2026年民生实事实施方案的通知

各县区人民政府:

现将有关实施方案印发给你们。

城区新建停车泊位2000个实施

方案

一、目标任务

新建停车泊位2000个。

二、责任主体

牵头单位:市住建局

新建口袋公园30个和城市绿道40公里实施方

案

一、目标任务

新建口袋公园30个、城市绿道40公里。

二、责任主体

牵头单位:市城管局
"""


def test_titles_broken_before_and_inside_the_last_word_are_joined() -> None:
    titles = [p.title for p in extract_text(NOTICE).programmes]
    assert titles == ["城区新建停车泊位2000个实施方案", "新建口袋公园30个和城市绿道40公里实施方案"]


def test_a_short_line_after_a_sentence_is_not_a_title_tail() -> None:
    text = NOTICE.replace("新建口袋公园30个和城市绿道40公里实施方\n\n案", "新建口袋公园30个。\n\n案")
    titles = [p.title for p in extract_text(text).programmes]
    assert titles == ["城区新建停车泊位2000个实施方案"]
