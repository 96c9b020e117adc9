"""The PDF reader on the GB/T 9704 style PDF of the founding notice (corpus/wuwei_2025.pdf)."""

from __future__ import annotations

import pytest
from ingest_facts import CORPUS, EXPECTED_TABLES, coverage, norm_rows

from minshi_extract.ingest import load
from minshi_extract.ingest.pdf import _PAGE_NUMBER as PAGE_NUMBER
from minshi_extract.ingest.pdf import Geometry, Line, clean_spaces, joins
from minshi_extract.normalize import normalize


@pytest.fixture(scope="module")
def doc():
    return load(CORPUS / "wuwei_2025.pdf")


def test_every_body_line_of_the_web_text_is_there(doc, ref_lines):
    assert len(ref_lines) == 596
    # measured: 596 of 596 lines (1.0)
    assert coverage(doc.text) >= 0.99


def test_title_comes_in_its_two_printed_lines(doc):
    lines = normalize(doc.text)[0].split("\n")
    i = lines.index("武威市人民政府办公室关于印发")
    assert lines[i + 1 : i + 3] == ["", "2025年省市为民实事实施方案的通知"]


def test_wrapped_lines_join_without_space_even_inside_numbers(doc):
    text = normalize(doc.text)[0]
    # printed as `...统筹 2025 年改善普通高中` / `办学条件...`: one paragraph, no spaces
    assert "统筹安排资金10040万元,其中统筹2025年改善普通高中办学条件等各类补助资金5993万元," in text
    assert "2025 年" not in text


def test_furniture_is_dropped(doc):
    text = doc.text
    assert "武威市人民政府办公室文件" not in text  # the red masthead
    assert "关关于于" not in text and "中中小小学学" not in text  # simulated bold collapsed
    for n in (1, 2, 33, 79):
        assert f"— {n} —" not in text
    assert text.count("武政办发〔2025〕7号") == 1  # the doc number is text, kept once


def test_tables_are_found_and_equal_the_notice(doc):
    assert [norm_rows(t.rows) for t in doc.tables] == EXPECTED_TABLES
    assert [t.page for t in doc.tables] == [34, 35, 39, 48]
    assert all(t.bbox is not None for t in doc.tables)


def test_table_cells_are_flattened_once_one_per_line(doc):
    text = normalize(doc.text)[0]
    assert "\n\n县区\n\n2025年任务(户)\n\n资金(万元)\n\n小计\n\n155\n\n54.25\n\n凉州区\n" in text
    assert "\n补助标准\n(万元)\n\n数量\n(个)\n" in text
    assert text.count("示范村分配名额(个)") == 1


def test_pages_cover_the_text_in_order(doc):
    assert len(doc.pages) == 79
    assert [p.number for p in doc.pages] == list(range(1, 80))
    assert doc.pages[0].start == 0 and doc.pages[-1].end == len(doc.text)
    for a, b in zip(doc.pages, doc.pages[1:], strict=False):
        assert a.end == b.start
    assert (doc.pages[0].width, doc.pages[0].height) == (595.28, 841.89)


def test_a_record_offset_maps_to_its_page(doc):
    # read off the rendered PDF: 资金10040万元 on page 3, 调蓄设施1座 on page 49, 1.5万件 on page 76
    assert doc.page_of(doc.text.index("统筹安排资金10040万元")) == 3
    assert doc.page_of(doc.text.index("实施调蓄设施1座")) == 49
    assert doc.page_of(doc.text.index("每年化解矛盾纠纷1.5万件以上")) == 76


def test_a_paragraph_broken_over_two_pages_is_one_line(doc):
    text = normalize(doc.text)[0]
    # the 强县中 plan's 组织保障(一) starts on page 5 and ends on page 6
    para = "(一)加强组织领导,完善工作机制。充分发挥工作专班牵头抓总作用"
    line = next(ln for ln in text.split("\n") if ln.startswith(para))
    assert line.endswith("确保按照时间节点高质量完成项目建设。")


def test_pdf_metadata_goes_into_meta(doc):
    assert doc.meta["Title"] == "武威市人民政府办公室关于印发2025年省市为民实事实施方案的通知"
    assert doc.meta["Author"] == "武威市人民政府办公室"
    assert doc.format == "pdf"


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("统筹 2025 年改善", "统筹2025年改善"),
        ("（ 1 — 2 月）", "（1—2月）"),
        ("1. 监管责任", "1.监管责任"),
        ("体育总局 财政部", "体育总局 财政部"),  # a space the notice itself has
        ("Produced  By", "Produced By"),
    ],
)
def test_clean_spaces(raw, clean):
    assert clean_spaces(raw) == clean


@pytest.mark.parametrize("s", ["— 3 —", "-3-", "- 3 -", "第3页", "第 3 页 共 9 页", "12", "3/9"])
def test_page_number_patterns(s):
    assert PAGE_NUMBER.match(s)


@pytest.mark.parametrize("s", ["2025年3月7日", "(一)准备阶段", "—3—5月"])
def test_not_page_numbers(s):
    assert not PAGE_NUMBER.match(s)


def _line(text, x0, x1, size=16.0, font="F1"):
    return Line(text=text, x0=x0, x1=x1, top=0, bottom=16, size=size, font=font, page=1)


G = Geometry(body=16.0, left=73.6, right=521.6)


def test_join_rules():
    full = _line("统筹安排资金10040", 105.6, 520.0)
    assert joins(full, _line("万元，其中", 73.6, 200.0), G)  # wrap at the right margin
    assert not joins(full, _line("（二）审批阶段", 105.6, 300.0), G)  # indented: a new paragraph
    assert not joins(_line("二、资金安排", 105.6, 210.0), _line("统筹", 73.6, 300.0), G)  # short line
    assert not joins(full, _line("万元", 73.6, 200.0, font="F2"), G)  # another font (黑体 heading)
    assert not joins(full, _line("实施方案", 73.6, 200.0, size=22.0), G)  # a title line


def test_lines_broken_by_hand_before_the_margin_join() -> None:
    """A PDF made from text with its own line breaks: a line ending in a list or clause separator goes
    on in the next line at the left margin; a line ending a sentence, a centred line or a next line
    opening a heading do not, nor a line ending in a word with room left (an office PDF's lines are
    justified: such a line ended its paragraph)."""
    broken = _line("2025年,全市实施农村供水工程提升项目48处,", 73.6, 440.0)
    assert joins(broken, _line("新建改造供水管网260公里。", 73.6, 300.0), G)
    assert joins(_line("省级财政补助3800万元、", 73.6, 260.0), _line("市级财政补助2400万元。", 73.6, 300.0), G)
    assert not joins(_line("2025年,全市实施农村供水工程提升项目48处", 73.6, 440.0), _line("新建。", 73.6, 300.0), G)
    assert not joins(broken, _line("(二)资金安排", 73.6, 200.0), G)  # a numbered heading
    assert not joins(_line("各县区人民政府,市直各部门:", 73.6, 440.0), _line("现将方案印发给你们。", 73.6, 300.0), G)
    assert not joins(_line("项目总投资1.86亿元。", 73.6, 440.0), _line("其中中央6500万元。", 73.6, 300.0), G)
    assert not joins(_line("一、目标任务", 73.6, 180.0), _line("全市新建公厕20座。", 73.6, 300.0), G)
    assert not joins(_line("湖政办发〔2024〕12号", 230.0, 400.0), _line("各区县人民政府:", 73.6, 300.0), G)
