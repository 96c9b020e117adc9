"""Metadata written the ways blind batch 12 found: portal labels without a colon (`<dt>索引号</dt>
<dd>…</dd>`, `<td>索引号</td><td>…</td>`) or spread out (`索 引 号:`), a title whose issuer line
stands above it with a blank line between, a title naming its issuer without the place, and a
signature date followed by `(此件公开发布)`. Pages written for these tests."""

from __future__ import annotations

import pytest

from minshi_extract import extract, extract_text

PAGE = """<html><head><title>x</title></head><body>
<section class="doc-meta">
<dl><dt>索引号</dt><dd>011097017/2026-08121</dd></dl>
<dl><dt>发布单位</dt><dd>宜昌市人民政府办公室</dd></dl>
<dl><dt>发布日期</dt><dd>2026-03-12</dd></dl>
</section>
<table><tr><td>文号</td><td>宜府办发〔2026〕5号</td></tr></table>
<ul><li><b>索 引 号:</b>999/2026-1</li></ul>
<div class="article">
<h1>市人民政府办公室关于印发宜昌市2026年普惠托育服务扩容民生实事实施方案的通知</h1>
<p>各县市区人民政府:</p>
<p>《宜昌市2026年普惠托育服务扩容民生实事实施方案》已经市人民政府同意,现印发给你们,请认真抓好落实。</p>
<p>宜昌市人民政府办公室</p>
<p>2026年3月9日</p>
<p>宜昌市2026年普惠托育服务扩容民生实事实施方案</p>
<p>一、目标任务</p>
<p>2026年新增普惠托位1200个。</p>
</div></body></html>
"""


def test_portal_labels_without_colon_and_the_full_issuer(tmp_path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    meta = extract(path).meta
    assert meta.index_no == "011097017/2026-08121"  # the first label wins
    assert meta.published_on == "2026-03-12"
    assert meta.doc_number == "宜府办发〔2026〕5号"
    assert meta.issuer == "宜昌市人民政府办公室"  # the title's 市人民政府办公室 in full


PDF_COPY = """德州市人民政府办公室

关于印发德州市2020年农村清洁取暖改造

民生实事实施方案的通知

德政办字〔2020〕8号

各县(市、区)人民政府:

现将《德州市2020年农村清洁取暖改造民生实事实施方案》印发给你们,请认真贯彻执行。

德州市人民政府办公室

2020年4月2日(此件公开发布)

德州市2020年农村清洁取暖改造民生实事实施方案

一、目标任务

2020年完成农村清洁取暖改造3万户。
"""


def test_issuer_line_above_the_title_and_a_dated_signature_with_a_note() -> None:
    meta = extract_text(PDF_COPY).meta
    assert meta.title == "德州市人民政府办公室关于印发德州市2020年农村清洁取暖改造民生实事实施方案的通知"
    assert meta.issuer == "德州市人民政府办公室"
    assert meta.issued_on == "2020-04-02"


@pytest.mark.parametrize(("line", "number"), [
    ("丽政办发【2024]9号", "丽政办发〔2024〕9号"),  # a scan's misread: brackets of two kinds
    ("某府办发[2022〕5号", "某府办发〔2022〕5号"),
    ("某政办发[2023]12号", "某政办发[2023]12号"),  # a matched pair stays as written
    ("某政办发〔2023〕12号", "某政办发〔2023〕12号"),
])
def test_a_doc_number_in_brackets_of_two_kinds_is_in_the_standard_ones(line: str, number: str) -> None:
    from minshi_extract.structure.lines import split_lines
    from minshi_extract.structure.meta import find_doc_number

    text = f"某市人民政府办公室文件\n{line}\n关于印发某市民生实事实施方案的通知\n"
    assert find_doc_number(split_lines(text), len(text)) == number


CONGRESS = """某某市第八届人民代表大会第三次会议

关于2024年市级民生实事项目票决结果的公告

(第5号)

某某市第八届人民代表大会第三次会议于2024年1月10日对10个候选项目进行了票决,确定以下项目为2024年市级民生实事项目,现予公告。

一、城区学校扩容

得票:301票

主要内容:新建中小学校2所,新增学位2400个。

二、农村供水保障

得票:288票

主要内容:新建改造农村供水工程30处。

某某市第八届人民代表大会第三次会议主席团

2024年1月10日
"""


def test_a_congress_session_announcement_names_its_session_presidium_and_number() -> None:
    meta = extract_text(CONGRESS).meta
    assert meta.title == "某某市第八届人民代表大会第三次会议关于2024年市级民生实事项目票决结果的公告"
    assert meta.issuer == "某某市第八届人民代表大会第三次会议主席团"  # the session's presidium signs
    assert meta.doc_number == "第5号"


def test_portal_chrome_after_the_source_and_a_department_title() -> None:
    page = ("吉林省民政厅\n\n关于印发2022年适老化改造实施方案的通知\n\n来源:某市人民政府办公室索引号:123\n\n"
            "各市(州)民政局:\n\n现将方案印发给你们。\n\n一、目标任务\n\n完成改造1000户。\n")
    meta = extract_text(page).meta
    assert meta.title == "吉林省民政厅关于印发2022年适老化改造实施方案的通知"
    assert meta.issuer == "吉林省民政厅"
    news = "全市新建口袋公园20个\n\n来源:某某日报记者 王某\n\n今年全市新建口袋公园20个。\n"
    assert extract_text(news).meta.issuer == "某某日报"
