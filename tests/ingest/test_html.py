"""The HTML reader on the portal page of the founding notice (corpus/wuwei_2025.html)."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from ingest_facts import CORPUS, EXPECTED_TABLES, coverage, norm_rows

from minshi_extract.errors import InputError
from minshi_extract.ingest import load_bytes
from minshi_extract.ingest.html import clean_inline, find_article, read_html, read_meta, table_rows
from minshi_extract.normalize import normalize


@pytest.fixture(scope="module")
def doc():
    from minshi_extract.ingest import load

    return load(CORPUS / "wuwei_2025.html")


def test_every_body_line_of_the_web_text_is_there(doc):
    # measured: 596 of 596 lines (1.0)
    assert coverage(doc.text) >= 0.99


def test_metadata_into_meta_and_on_top_of_the_text(doc):
    assert doc.meta == {
        "索引号": "11622300013930944B/2025-01527",
        "发布机构": "市政府办",
        "文号": "武政办发〔2025〕7号",
        "发文日期": "2025-03-07",
        "成文日期": "2025-03-07",
        "发布日期": "2025-03-13 17:01",
    }
    assert doc.text.split("\n")[:8] == [
        "索引号: 11622300013930944B/2025-01527",
        "发布机构: 市政府办",
        "文号: 武政办发〔2025〕7号",
        "发文日期: 2025-03-07",
        "成文日期: 2025-03-07",
        "发布日期: 2025-03-13 17:01",
        "",
        "武威市人民政府办公室关于印发2025年省市为民实事实施方案的通知",
    ]


def test_page_chrome_is_dropped(doc):
    for chrome in ("网站首页", "当前位置", "分享到", "扫一扫", "Produced By", "陇ICP备", "相关文章", "浏览次数", "打印本页"):
        assert chrome not in doc.text, chrome


def test_tables_equal_the_notice(doc):
    assert [norm_rows(t.rows) for t in doc.tables] == EXPECTED_TABLES


def test_wrapped_programme_titles_keep_their_lines(doc):
    text = normalize(doc.text)[0]
    assert "\n支持未就业普通高校毕业生到基层就业\n\n及城镇新增就业1.7万人实施方案\n" in text


def _page(body: str) -> bytes:
    return f"<html><head><meta charset='utf-8'><title>关于印发某方案的通知_某市人民政府</title></head><body>{body}</body></html>".encode()


LONG = "为全面完成目标任务，结合实际，制定本方案。" * 6


@pytest.mark.parametrize(
    "container",
    [
        '<div class="article">{}</div>',
        '<div class="TRS_Editor">{}</div>',
        '<div id="zoom">{}</div>',
        "<article>{}</article>",
        '<div class="x"><div class="y">{}</div></div>',  # no known container: the densest block
    ],
)
def test_article_found_by_common_containers(container):
    nav = '<ul><li><a href="/">首页</a></li><li><a href="/b">政务公开专栏导航链接很长很长</a></li></ul>'
    html = _page(nav + container.format(f"<p>{LONG}</p><p>二、资金安排</p>") + '<div class="footer">主办单位</div>')
    doc = read_html(html, "x.html", "")
    # the page title (from <title>, the site name cut off) first, as the web text has it
    assert doc.text == f"关于印发某方案的通知\n\n{LONG}\n\n二、资金安排\n"


def test_colspan_and_rowspan_expand_to_empty_cells():
    soup = BeautifulSoup(
        "<table><tr><td rowspan='2'>凉州区</td><td>80</td></tr><tr><td>28.00</td></tr>"
        "<tr><td colspan='2'>合计</td></tr><tr><td>补助标准<br/>(万元)</td><td></td></tr></table>",
        "lxml",
    )
    assert table_rows(soup.table) == [["凉州区", "80"], ["", "28.00"], ["合计", ""], ["补助标准\n(万元)", ""]]


def test_meta_from_label_colon_items():
    soup = BeautifulSoup("<ul><li>发文机关：某市人民政府</li><li>发文字号：某政发〔2024〕3号</li><li>发布时间：2024-02-01</li></ul>", "lxml")
    assert read_meta(soup) == {"发布机构": "某市人民政府", "文号": "某政发〔2024〕3号", "发布日期": "2024-02-01"}


def test_source_line_breaks_between_cjk_are_not_spaces():
    assert clean_inline("统筹安排\n   资金10040万元") == "统筹安排资金10040万元"
    assert clean_inline("体育总局 财政部") == "体育总局 财政部"


def test_gbk_page_is_decoded():
    html = "<html><head><meta charset='gb2312'></head><body><div class='article'><p>{}</p></div></body></html>"
    doc = load_bytes(html.format(LONG).encode("gb18030"), "gbk.html")
    assert doc.text.endswith(LONG + "\n")


def test_page_without_article_is_one_line_error():
    with pytest.raises(InputError, match=r"^x\.html: HTML page has no article text"):
        read_html(_page("<ul><li><a href='/'>首页</a></li></ul>"), "x.html", "")
    assert find_article(BeautifulSoup(_page("<p>短</p>"), "lxml")) is None


_PROSE = ("为持续保障和改善民生,经市人民政府研究,决定2025年集中办好一批民生实事项目。现将项目清单印发给你们,"
          "请各牵头单位会同配合单位细化工作方案,明确时间表和路线图,确保各项目按期保质完成。")


def test_rows_laid_out_with_divs_are_a_table() -> None:
    """A project list set as `<div class="row">` of `<span>`s (CSS grid / flex), no `<table>`."""
    page = ("<html><body><div id='zoom'><p>" + _PROSE + "</p><div class='plist'>"
            "<div class='row'><span>序号</span><span>项目名称</span><span>投资(万元)</span></div>"
            "<div class='row'><span>1</span><span>城区学校扩容</span><span>12800</span></div>"
            "<div class='row'><span>2</span><span>老旧小区改造</span><span>16500</span></div>"
            "</div><p>注:责任单位中列第一位者为牵头单位。</p></div></body></html>").encode()
    doc = read_html(page, None, "x")
    assert [t.rows for t in doc.tables] == [[["序号", "项目名称", "投资(万元)"], ["1", "城区学校扩容", "12800"],
                                             ["2", "老旧小区改造", "16500"]]]
    assert "\n城区学校扩容\n" in doc.text


def test_prose_with_inline_spans_is_no_div_table() -> None:
    page = ("<html><body><div id='zoom'><div><p>" + _PROSE + "</p><p>一、目标任务</p><p>新建公厕<span>20</span>座,"
            "<span>改造</span>公厕<span>10</span>座。</p></div></div></body></html>").encode()
    assert read_html(page, None, "x").tables == []
