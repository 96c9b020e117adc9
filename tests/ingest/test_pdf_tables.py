"""Ruled PDF tables (ingest/pdf_tables.py): a table cut by a page break is closed where its
verticals end, its repeated header dropped and its cut row joined; expected cells are the ones
`python -m scripts.fixtures tables` writes into corpus/variants/tables/dezhou_2020.pdf."""

from pathlib import Path

from minshi_extract.ingest import load
from minshi_extract.ingest.pdf_tables import continue_row

PDF = Path(__file__).resolve().parents[2] / "corpus" / "variants" / "tables" / "dezhou_2020.pdf"


def test_row_cut_by_a_page_break_is_one_row() -> None:
    raw = load(PDF)
    task = next(t for t in raw.tables if t.rows[0][:2] == ["序号", "工作任务"])
    assert [r[0] for r in task.rows] == ["序号", "1", "2", "3", "4", "5"]
    row = task.rows[3]
    assert row[1].split("\n") == ["实施入户施工安装", "和燃气、电力配套", "工程建设"]
    assert row[3].split("\n") == ["市住房城乡建设局", "市发展改革委", "国网德州供电公司", "市城市管理局", "市应急局"]
    assert row[4] == "三季度末"


def test_continue_row_drops_the_repeated_header_and_joins_the_rest() -> None:
    before = [["序号", "任务", "单位"], ["1", "甲", "市财政局"], ["2", "乙", "市民政局"]]
    after = [["序号", "任务", "单位"], ["", "丙", "市审计局"], ["3", "丁", "市教育局"]]
    assert continue_row(before, after) == [["3", "丁", "市教育局"]]
    assert before[-1] == ["2", "乙\n丙", "市民政局\n市审计局"]


def test_continue_row_keeps_a_row_that_starts_its_own() -> None:
    before = [["序号", "任务"], ["1", "甲"]]
    after = [["序号", "任务"], ["2", "乙"]]
    assert continue_row(before, after) == [["2", "乙"]]
    assert before[-1] == ["1", "甲"]
