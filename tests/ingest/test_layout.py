"""A plain-text notice's layout before its structure (ingest/layout.py)."""

from __future__ import annotations

import pytest

from minshi_extract import extract_text
from minshi_extract.ingest.layout import join_split_figures


@pytest.mark.parametrize(("text", "joined"), [
    # a PDF copy's hard wrap between a figure and its unit
    ("其中中央财政补助资金3620\n万元、省级财政补助资金1080万元。", "其中中央财政补助资金3620万元、省级财政补助资金1080万元。"),
    ("改造农村危房1200\n户,其中", "改造农村危房1200户,其中"),
    ("覆盖率达到95\n%以上", "覆盖率达到95%以上"),
    # left alone: a table row's figure, a year before 年, a line that is only a number
    ("合计 108510\n个人缴费部分", "合计 108510\n个人缴费部分"),
    ("截至2025\n年底前", "截至2025\n年底前"),
    ("3620\n万元", "3620\n万元"),
])
def test_join_split_figures(text: str, joined: str) -> None:
    assert join_split_figures(text) == joined


def test_split_figure_read_with_its_unit() -> None:
    n = extract_text("某县2025年民生实事实施方案\n一、资金安排\n全县共需资金5210万元,其中中央财政补助资金3620\n万元、县级财政1590万元。\n")
    assert sorted(r.amount_cny for r in n.all_records() if r.type == "money") == [15_900_000.0, 36_200_000.0, 52_100_000.0]
