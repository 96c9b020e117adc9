"""Resource limits: compression bombs, glyphs per page, HTML nesting, docx numbering, figures,
the whole-document time budget. Each ends in a clear error (exit 2) or a right answer."""

from __future__ import annotations

import pytest
from hostile_fixtures import (
    deep_divs,
    docx_huge_xml,
    docx_no_body,
    docx_part_bomb,
    flate_bomb,
    glyph_page,
    huge_figure,
    nested_tables,
    numbered_docx,
    numeral_run,
    unclosed_p,
)

from minshi_extract import extract
from minshi_extract.errors import BudgetError, InputError, LimitError
from minshi_extract.ingest import load_bytes
from minshi_extract.ingest.docx import chinese_number
from minshi_extract.limits import MAX_GLYPHS_PER_PAGE, MAX_PART, MAX_XML_PART, budget, check_budget
from minshi_extract.pipeline import extract_text
from minshi_extract.rules.numbers import parse_number


def test_flate_bomb_is_refused_before_it_is_inflated() -> None:
    # blanks inflate ~1000-fold: the ratio limit fires once 16 MB are out, long before the size limit
    with pytest.raises(LimitError, match=r"^bomb.pdf: a PDF stream inflates \d+-fold, over the limit of 200 "
                                         r"\(a compression bomb\?\)$"):
        load_bytes(flate_bomb(MAX_PART // (1 << 20) + 16), "bomb.pdf")


def test_inflation_limits_by_size_and_by_ratio() -> None:
    from minshi_extract.limits import MAX_DECOMPRESSED, RATIO_FLOOR, check_inflation

    check_inflation("a part", RATIO_FLOOR, 1, RATIO_FLOOR, "x")  # small output: any ratio
    check_inflation("a part", MAX_PART, MAX_PART // 10, MAX_PART, "x")  # 10-fold: fine
    with pytest.raises(LimitError) as err:
        check_inflation("a part", MAX_PART + 1, MAX_PART, MAX_PART + 1, "x")
    assert str(err.value) == f"x: a part decompresses past the limit of {MAX_PART} bytes (a compression bomb?)"
    with pytest.raises(LimitError) as err:
        check_inflation("a part", 1000, 1000, MAX_DECOMPRESSED + 1, "x")
    assert str(err.value) == f"x: a part decompresses past the limit of {MAX_DECOMPRESSED} bytes (a compression bomb?)"
    with pytest.raises(LimitError) as err:
        check_inflation("a part", RATIO_FLOOR + 1, 1000, RATIO_FLOOR + 1, "x")
    assert str(err.value) == f"x: a part inflates {(RATIO_FLOOR + 1) // 1000}-fold, over the limit of 200 (a compression bomb?)"


def test_a_page_with_too_many_glyphs_is_refused() -> None:
    with pytest.raises(LimitError) as err:
        load_bytes(glyph_page(MAX_GLYPHS_PER_PAGE + 1000), "g.pdf")
    assert str(err.value) == (f"g.pdf: glyphs on page 1: {MAX_GLYPHS_PER_PAGE + 1000} is over the limit of "
                              f"{MAX_GLYPHS_PER_PAGE}; not a notice this tool can read")


def test_a_page_under_the_glyph_cap_is_read() -> None:
    doc = load_bytes(glyph_page(400), "g.pdf")
    assert doc.text.count("A") == 400


def test_docx_part_bomb_is_refused() -> None:
    with pytest.raises(LimitError, match=r"^bomb.docx: .docx part word/media/bomb.bin inflates \d+-fold, over the "
                                         r"limit of 200 \(a compression bomb\?\)$"):
        load_bytes(docx_part_bomb(MAX_PART // (1 << 20) + 8), "bomb.docx")


def test_docx_part_over_the_size_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    import minshi_extract.ingest.docx as docx

    monkeypatch.setattr(docx, "MAX_PART", 1 << 20)
    with pytest.raises(LimitError) as err:
        load_bytes(docx_part_bomb(2), "bomb.docx")
    assert str(err.value) == "bomb.docx: .docx part word/media/bomb.bin is over 1048576 bytes uncompressed (a compression bomb?)"


def test_docx_with_a_huge_document_xml_is_refused() -> None:
    with pytest.raises(LimitError, match=r"^big.docx: .docx part word/document.xml (is over \d+ bytes uncompressed"
                                         r"|inflates \d+-fold, over the limit of 200) \(a compression bomb\?\)$"):
        load_bytes(docx_huge_xml(MAX_XML_PART // (1 << 20) + 4), "big.docx")


def test_docx_without_a_body() -> None:
    with pytest.raises(InputError) as err:
        load_bytes(docx_no_body(), "nb.docx")
    assert str(err.value) == "nb.docx: .docx document has no body (no <w:body> in word/document.xml)"


def test_docx_numbering_past_99_in_chinese_numerals() -> None:
    lines = [ln for ln in load_bytes(numbered_docx(120), "n.docx").text.split("\n") if ln]
    assert lines[1] == "一、新建学校1所"
    assert lines[99] == "九十九、新建学校99所"
    assert lines[100] == "一百、新建学校100所"
    assert lines[101] == "一百零一、新建学校101所"
    assert lines[120] == "一百二十、新建学校120所"


@pytest.mark.parametrize(("ilvl", "start"), [("12", "1"), ("-1", "1"), ("x", "1"), ("0", "y"), ("0", "")])
def test_docx_numbering_with_bad_levels_or_starts(ilvl: str, start: str) -> None:
    lines = [ln for ln in load_bytes(numbered_docx(3, ilvl=ilvl, start=start), "n.docx").text.split("\n") if ln]
    if ilvl == "0":  # a start that is no number counts from 1
        assert lines[1:] == ["一、新建学校1所", "二、新建学校2所", "三、新建学校3所"]
    else:  # a level Word does not have: no marker, the text kept
        assert lines[1:] == ["新建学校1所", "新建学校2所", "新建学校3所"]


def test_docx_list_with_a_negative_start_counts_from_zero() -> None:
    lines = [ln for ln in load_bytes(numbered_docx(3, start="-3"), "n.docx").text.split("\n") if ln]
    assert lines[1:] == ["〇、新建学校1所", "一、新建学校2所", "二、新建学校3所"]


@pytest.mark.parametrize(("n", "s"), [(0, "〇"), (100, "一百"), (105, "一百零五"), (110, "一百一十"), (999, "九百九十九"),
                                      (1000, "一千"), (1010, "一千零一十"), (2025, "二千零二十五"), (10000, "10000"),
                                      (-3, "-3")])
def test_chinese_number_beyond_99(n: int, s: str) -> None:
    assert chinese_number(n) == s


def test_html_nested_too_deep_is_refused() -> None:
    with pytest.raises(LimitError) as err:
        load_bytes(deep_divs(100_000), "p.html")
    assert str(err.value) == ("p.html: nesting depth of the HTML elements 257 is over the limit of 256; "
                              "not a notice this tool can read")
    with pytest.raises(LimitError) as err:
        load_bytes(nested_tables(5_000), "p.html")
    assert str(err.value) == ("p.html: nesting depth of the HTML tables 17 is over the limit of 16; "
                              "not a notice this tool can read")


def test_html_nested_under_the_depth_limit_is_read_or_refused_cleanly(monkeypatch: pytest.MonkeyPatch) -> None:
    assert "深" in load_bytes(deep_divs(250), "p.html").text
    assert load_bytes(nested_tables(16), "p.html").text.count("新建学校12所") == 4
    import minshi_extract.ingest.html as html
    import minshi_extract.ingest.html_limits as html_limits

    # past the scan and the depth walk, the tree walk's recursion is the limit
    monkeypatch.setattr(html, "MAX_HTML_DEPTH", 10**6)
    monkeypatch.setattr(html_limits, "MAX_HTML_DEPTH", 10**6)
    with pytest.raises(LimitError) as err:
        load_bytes(deep_divs(2_000), "p.html")
    assert str(err.value) == "p.html: HTML elements nested too deep to read; not a notice this tool can read"


def test_html_unclosed_paragraphs_are_read() -> None:
    doc = load_bytes(unclosed_p(3000), "p.html")
    assert doc.text.count("新建学校12所") == 3000


def test_html_with_too_many_tags_is_refused() -> None:
    with pytest.raises(LimitError) as err:
        load_bytes(unclosed_p(100_000), "p.html")  # 100,000 <p> + 3 opening and 3 closing tags
    assert str(err.value) == "p.html: HTML tags: 100006 is over the limit of 60000; not a notice this tool can read"


def test_a_310_digit_figure_is_no_number() -> None:
    assert parse_number("9" * 310) is None
    assert parse_number("1" + "0" * 18) is None
    assert parse_number("9" * 18) == int("9" * 18)
    notice = extract(huge_figure())
    assert all(len(str(getattr(r, "value", 0) or 0)) < 30 for r in notice.all_records())


def test_a_7000_character_numeral_run() -> None:
    notice = extract(numeral_run())
    for rec in notice.all_records():
        assert notice.text[rec.span[0]:rec.span[1]] == rec.text


def test_the_document_budget_ends_in_a_clean_error() -> None:
    with budget(1e-9), pytest.raises(BudgetError) as err:
        check_budget("n.txt")
    assert str(err.value) == "n.txt: not finished within the time budget of 1e-09 s (raise it with --timeout)"
    with pytest.raises(BudgetError, match=r"^<text>: not finished within the time budget"):
        extract_text("一、目标任务\n新建学校12所\n" * 5000, timeout=1e-9)


def test_no_budget_and_an_outer_budget() -> None:
    with budget(None):
        check_budget()  # no budget: nothing raised
    with budget(1e-9), budget(1000), pytest.raises(BudgetError):
        check_budget()  # the sooner deadline holds


def test_docx_with_a_corrupt_deflate_stream() -> None:
    """Found by the fuzz harness: a damaged part raised zlib.error while its size was counted."""
    import io
    import zipfile

    from hostile_fixtures import CORPUS

    data = bytearray((CORPUS / "wuwei_2025.docx").read_bytes())
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    data[start + 100 : start + 160] = b"\xff" * 60
    with pytest.raises(InputError, match=r"^c.docx: not a readable .docx document \("):
        load_bytes(bytes(data), "c.docx")
