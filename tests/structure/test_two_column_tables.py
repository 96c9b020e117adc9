"""A two-column attachment table flattened one cell per line with no blank lines between cells
(`县区` / `培训人数(人)` / `甲县` / `120` / ...) and a footer after one blank line; a small fixture
written for this test."""

from __future__ import annotations

from minshi_extract.normalize import normalize
from minshi_extract.structure import build_skeleton
from minshi_extract.structure.attachments import rebuild_table
from minshi_extract.structure.lines import split_lines

NOTICE = """某市人民政府办公室关于印发2024年技能培训实施方案的通知

各县人民政府:

现将《2024年技能培训实施方案》印发给你们,请认真组织实施。

附件:1.2024年技能培训实施方案
2.2024年技能培训任务分解表

某市人民政府办公室
2024年2月1日

附件2

2024年技能培训任务分解表

县区
培训人数(人)
甲县
120
乙县
80
合计
200

某市人民政府办公室
"""


def test_two_column_table_rebuilt_without_footer():
    text = normalize(NOTICE)[0]
    lines = split_lines(text)
    start = next(ln.no for ln in lines if ln.text == "县区")
    built = rebuild_table(lines[start - 1:], text)
    assert built is not None
    table = built[0]
    assert table.header == ["县区", "培训人数(人)"]
    assert table.rows == [["甲县", "120"], ["乙县", "80"], ["合计", "200"]]


def test_two_column_attachment_has_table():
    notice = build_skeleton(normalize(NOTICE)[0])
    att = next(a for a in notice.attachments if a.title == "2024年技能培训任务分解表")
    assert att.tables
    assert att.tables[0].header == ["县区", "培训人数(人)"]
    assert att.tables[0].rows[-1] == ["合计", "200"]
