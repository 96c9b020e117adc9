"""The .docx reader on the Word document of the founding notice (corpus/wuwei_2025.docx)."""

from __future__ import annotations

import io

import pytest
from ingest_facts import CORPUS, EXPECTED_TABLES, coverage, norm_rows

from minshi_extract.ingest import load, load_bytes
from minshi_extract.ingest.docx import chinese_number, format_number
from minshi_extract.normalize import normalize


@pytest.fixture(scope="module")
def doc():
    return load(CORPUS / "wuwei_2025.docx")


def test_every_body_line_of_the_web_text_is_there(doc):
    # measured: 596 of 596 lines (1.0)
    assert coverage(doc.text) >= 0.99


def test_tables_in_place_and_equal_the_notice(doc):
    assert [norm_rows(t.rows) for t in doc.tables] == EXPECTED_TABLES
    text = normalize(doc.text)[0]
    # the table comes right after its attachment title, before 附件2
    assert "\n任务分解表\n\n\n县区\n\n2025年任务(户)\n\n资金(万元)\n\n小计\n" in text
    assert text.index("0.00") < text.index("附件2")


def test_masthead_dropped_and_core_properties_kept(doc):
    assert "武威市人民政府办公室文件" not in doc.text
    assert doc.meta["title"] == "武威市人民政府办公室关于印发2025年省市为民实事实施方案的通知"
    assert doc.meta["author"] == "武威市人民政府办公室"
    assert doc.meta["created"].startswith("2025-03-07")
    assert doc.format == "docx"


@pytest.mark.parametrize(
    ("n", "s"), [(1, "一"), (9, "九"), (10, "十"), (12, "十二"), (20, "二十"), (17, "十七")]
)
def test_chinese_number(n, s):
    assert chinese_number(n) == s


def test_format_number():
    assert format_number(3, "decimal") == "3"
    assert format_number(3, "chineseCounting") == "三"
    assert format_number(2, "decimalEnclosedCircle") == "②"


def _numbered_docx() -> bytes:
    """A document whose headings carry Word's automatic numbering `%1、` in chineseCounting."""
    from docx import Document
    from docx.oxml import parse_xml

    doc = Document()
    part = doc.part.numbering_part
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    part.element.append(
        parse_xml(
            f'<w:abstractNum {w} w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
            '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
            '<w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum>'
        )
    )
    part.element.append(parse_xml(f'<w:num {w} w:numId="9"><w:abstractNumId w:val="7"/></w:num>'))
    for text, level in [
        ("目标任务", 0),
        ("支持古浪县第一中学", 1),
        ("在凉州城区增补学位", 1),
        ("资金安排", 0),
        ("省级补助", 1),
    ]:
        p = doc.add_paragraph(text)
        p._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {w}><w:ilvl w:val="{level}"/><w:numId w:val="9"/></w:numPr>')
        )
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def test_automatic_numbering_is_written_back():
    doc = load_bytes(_numbered_docx(), "n.docx")
    assert [ln for ln in doc.text.split("\n") if ln] == [
        "一、目标任务",
        "（一）支持古浪县第一中学",
        "（二）在凉州城区增补学位",
        "二、资金安排",
        "（一）省级补助",
    ]


_WNS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _body_docx(body_xml: str) -> bytes:
    """A document whose body is the given WordprocessingML (namespace prefix w:)."""
    from docx import Document
    from docx.oxml import parse_xml

    doc = Document()
    body = doc.element.body
    for el in list(body):
        if not el.tag.endswith("sectPr"):
            body.remove(el)
    wrapper = parse_xml(f"<w:body {_WNS}>{body_xml}</w:body>")
    for i, el in enumerate(list(wrapper)):
        body.insert(i, el)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _r(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def test_text_inside_content_controls_smart_tags_and_insertions_is_read():
    # a form template: the figures typed into content controls, a place name tagged, an edit tracked
    body = (
        f"<w:p>{_r('新建幼儿园')}<w:sdt><w:sdtContent>{_r('3')}</w:sdtContent></w:sdt>{_r('所,')}"
        f'<w:smartTag w:uri="urn:x" w:element="place">{_r("城关镇")}</w:smartTag>{_r("新增学位")}'
        f'<w:ins w:id="1" w:author="a">{_r("540")}</w:ins><w:del w:id="2" w:author="a">'
        f"<w:r><w:delText>450</w:delText></w:r></w:del>{_r('个。')}</w:p>"
    )
    doc = load_bytes(_body_docx(body), "sdt.docx")
    assert "新建幼儿园3所,城关镇新增学位540个。" in doc.text
    assert "450" not in doc.text


def test_rows_in_content_controls_and_tables_nested_in_cells_are_read():
    def tc(*paras: str) -> str:
        return "<w:tc>" + "".join(f"<w:p>{_r(t)}</w:p>" for t in paras) + "</w:tc>"

    nested = f"<w:tc><w:tbl><w:tr>{tc('省级')}{tc('300')}</w:tr><w:tr>{tc('县级')}{tc('200')}</w:tr></w:tbl></w:tc>"
    body = (
        f"<w:tbl><w:tr>{tc('项目')}{tc('资金(万元)')}</w:tr>"
        f"<w:sdt><w:sdtContent><w:tr>{tc('农村公路')}<w:sdt><w:sdtContent>{tc('500')}</w:sdtContent></w:sdt>"
        f"</w:tr></w:sdtContent></w:sdt>"
        f"<w:tr>{tc('资金构成')}{nested}</w:tr></w:tbl>"
    )
    doc = load_bytes(_body_docx(body), "rows.docx")
    assert doc.tables[0].rows == [
        ["项目", "资金(万元)"],
        ["农村公路", "500"],
        ["资金构成", "省级\n300\n县级\n200"],
    ]


def test_a_form_is_read_as_labelled_lines_and_its_nested_table_as_the_grid():
    # 项目名称 | … / 任务分配 | (a table of counties) / 牵头单位 | …: a project form, not a data table
    def tc(*paras: str) -> str:
        return "<w:tc>" + "".join(f"<w:p>{_r(t)}</w:p>" for t in paras) + "</w:tc>"

    def tr(*cells: str) -> str:
        return "<w:tr>" + "".join(cells) + "</w:tr>"

    nested = ("<w:tc><w:tbl>" + tr(tc("县区"), tc("任务(个)")) + tr(tc("城关区"), tc("6"))
              + tr(tc("西固区"), tc("4")) + tr(tc("合计"), tc("10")) + "</w:tbl></w:tc>")
    body = ("<w:tbl>" + tr(tc("项目名称"), tc("社区食堂建设")) + tr(tc("任务分配"), nested)
            + tr(tc("完成时限"), tc("2024年10月底前")) + tr(tc("牵头单位"), tc("市民政局"))
            + tr(tc("配合单位"), tc("市财政局、市市场监管局")) + "</w:tbl>")
    doc = load_bytes(_body_docx(body), "form.docx")
    assert "项目名称:社区食堂建设" in doc.text and "牵头单位:市民政局" in doc.text
    assert [t.rows for t in doc.tables] == [[["县区", "任务(个)"], ["城关区", "6"], ["西固区", "4"], ["合计", "10"]]]
