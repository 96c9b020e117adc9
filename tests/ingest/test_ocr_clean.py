"""OCR clean-up rules and Tesseract TSV parsing: no engine needed (issue 13)."""

from __future__ import annotations

import pytest

from minshi_extract.errors import InputError
from minshi_extract.ingest import sniff
from minshi_extract.ingest.ocr import options, parse_tsv, snap_sizes
from minshi_extract.ingest.ocr_clean import PAGE_NUMBER, agree_repeats, clean_joined, clean_line, locate


@pytest.mark.parametrize(
    ("seen", "fixed"),
    [
        ("准备阶段(1一2月)", "准备阶段(1—2月)"),
        ("开展供需对接(5月一8月15日前)", "开展供需对接(5月—8月15日前)"),
        ("资金3。86亿元", "资金3.86亿元"),
        ("新建1O8O个", "新建1080个"),
        ("补助l0万元", "补助10万元"),
        ("惠及2l户", "惠及21户"),
        ("1.确定目标任务《4月底前)。", "1.确定目标任务(4月底前)。"),
        ("4:总结评估〈12月20日前)。", "4.总结评估(12月20日前)。"),
        ("牵头单位;市人社局", "牵头单位:市人社局"),
        ("配合单位,市财政局", "配合单位:市财政局"),
        ("(志)集中建设阶段(4—10月)。", "(二)集中建设阶段(4—10月)。"),
    ],
)
def test_clean_line_fixes_what_context_makes_certain(seen: str, fixed: str) -> None:
    assert clean_line(seen) == fixed


@pytest.mark.parametrize(
    "kept",
    ["第一批一中学", "同志(志愿者)", "PM2.5", "见《方案》(附件)", "比例1:2", "2025年,完成", "一、目标任务", "共计3,000万元"],
)
def test_clean_line_leaves_text_it_cannot_be_sure_of(kept: str) -> None:
    assert clean_line(kept) == kept


def test_bracket_opened_on_one_line_closed_on_the_next() -> None:
    assert clean_joined("扶持成功创业2600人〈县人社局、县财政局)") == "扶持成功创业2600人(县人社局、县财政局)"


@pytest.mark.parametrize(("line", "is_page"), [("一3一", True), ("一&一", True), ("—12—", True), ("一、目标", False)])
def test_page_number_as_ocr_reads_it(line: str, is_page: bool) -> None:
    assert bool(PAGE_NUMBER.match(line)) is is_page


def test_locate_gives_each_character_its_confidence() -> None:
    text = "头\n\n资金100万元\n\n一3一"
    got = locate(text, [("资金100万元", [0.9, 0.9, 0.5, 0.5, 0.5, 0.8, 0.8]), ("不在这里", [0.1] * 4)])
    assert got == {3: 0.9, 4: 0.9, 5: 0.5, 6: 0.5, 7: 0.5, 8: 0.8, 9: 0.8}


_HEAD = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"


def _tsv(rows: list[tuple]) -> str:
    return _HEAD + "".join("\t".join(str(v) for v in r) + "\n" for r in rows)


def test_parse_tsv_places_characters_in_points_and_in_order() -> None:
    tsv = _tsv([
        (4, 1, 1, 1, 1, 0, 200, 400, 400, 45, -1, ""),
        (5, 1, 1, 1, 1, 1, 200, 400, 90, 45, 96.0, "资金"),
        (5, 1, 1, 1, 1, 2, 280, 402, 90, 44, 40.0, "1O0"),  # overlaps the word before it
        (5, 1, 1, 1, 1, 3, 380, 400, 90, 45, 91.0, "万元"),
        (4, 1, 1, 1, 2, 0, 700, 2200, 200, 45, -1, ""),
        (5, 1, 1, 1, 2, 1, 700, 2200, 200, 45, 90.0, "一3一"),  # the page number
        (4, 1, 2, 1, 1, 0, 900, 900, 3, 4, -1, ""),
        (5, 1, 2, 1, 1, 1, 900, 900, 3, 4, 30.0, "0"),  # a speck
    ])
    chars = parse_tsv(tsv, 72 / 200, 1)
    snap_sizes(chars)
    assert "".join(c["text"] for c in chars) == "资金100万元"
    assert [c["conf"] for c in chars] == [0.96, 0.96, 0.4, 0.4, 0.4, 0.91, 0.91]
    xs = [c["x0"] for c in chars]
    assert xs == sorted(xs) and xs[0] == pytest.approx(72.0)
    assert {c["size"] for c in chars} == {16.0}  # 45 px at 200 dpi: 16.2 pt


@pytest.mark.parametrize(
    ("head", "kind"),
    [(b"\x89PNG\r\n\x1a\n", "image"), (b"\xff\xd8\xff\xe0", "image"), (b"II*\x00", "image"), (b"MM\x00*", "image")],
)
def test_image_files_are_sniffed(head: bytes, kind: str) -> None:
    assert sniff(head + b"\x00" * 64) == kind


def test_unknown_ocr_mode_is_an_input_error() -> None:
    with pytest.raises(InputError, match="expected auto, always or never"), options(mode="sometimes"):
        pass


def _ocr_notice(conf_of_digits: float):
    from minshi_extract import extract
    from minshi_extract.ingest.rawdoc import Page, RawDoc

    text = "2025年为民实事\n\n新建学校10所，投入资金500万元。\n"
    conf = {i: 0.95 for i, ch in enumerate(text) if ch.strip()}
    at = text.index("10所")
    conf[at] = conf[at + 1] = conf_of_digits
    raw = RawDoc(text=text, format="pdf", pages=[Page(1, 0, len(text))], conf=conf)
    return extract(raw)


def test_records_carry_ocr_confidence_and_weak_figures_are_flagged() -> None:
    notice = _ocr_notice(0.4)
    by_text = {r.text: r for r in notice.all_records()}
    assert by_text["10所"].confidence == 0.4
    assert by_text["500万元"].confidence == 0.95
    assert [w for w in notice.warnings if "OCR" in w] == [
        f"low OCR confidence 0.40 on the figure of {by_text['10所'].id} '10所' (page 1): check it"
    ]


def test_html_view_outlines_low_confidence_records() -> None:
    from minshi_extract.render import render_html

    html = render_html(_ocr_notice(0.4))
    assert html.count("outline:2px dashed") == 1 and "OCR confidence 0.40" in html
    assert "outline:2px dashed" not in render_html(_ocr_notice(0.9))


def test_a_pdf_pdfium_cannot_open_is_a_clean_error() -> None:
    """Found by the fuzz harness: pdfminer read a damaged PDF whose empty pages then went to OCR,
    and pdfium's refusal escaped as an internal error."""
    import pytest

    pytest.importorskip("pypdfium2")
    from minshi_extract.errors import InputError
    from minshi_extract.ingest.ocr_doc import _open

    with pytest.raises(InputError, match=r"x\.pdf: damaged PDF"):
        _open(b"%PDF-1.3\n1 0 obj\n<<\n/Pages 1\x010 R\n>>\nendobj\n", "x.pdf")


def _confident(text: str, low: dict[str, float]) -> dict[int, float]:
    """0.95 for every character but the last occurrence of each of `low`'s."""
    conf = {i: 0.95 for i in range(len(text))}
    for ch, c in low.items():
        conf[text.rindex(ch)] = c
    return conf


def test_a_heading_read_elsewhere_with_more_confidence_takes_that_reading() -> None:
    # huzhou_2024: the programme's heading read `…流感疫盏实施方案` (0.74), its name in the
    # notice's 《…》 `…流感疫苗实施方案` (0.95)
    text = "现将《为1.2万名60周岁以上老年人免费接种流感疫苗实施方案》印发\n为1.2万名60周岁以上老年人免费接种流感疫盏实施方案\n一、目标"
    conf = _confident(text, {"盏": 0.74})
    fixed = agree_repeats(text, conf)
    assert fixed.split("\n")[1] == "为1.2万名60周岁以上老年人免费接种流感疫苗实施方案"
    assert conf[text.index("盏")] == 0.95


@pytest.mark.parametrize(
    ("text", "low"),
    [
        # the other reading is no surer
        ("《为老年人免费接种流感疫苗实施方案》\n为老年人免费接种流感疫盏实施方案", {"盏": 0.95}),
        # numerals make two phrases
        ("第一批民生实事项目清单\n第二批民生实事项目清单", {"二": 0.5}),
        # a line shorter than MIN_REPEAT: too short to be sure it is the same phrase
        ("牵头单位县民政局\n县财政局", {"财": 0.5}),
    ],
)
def test_lines_not_surely_the_same_phrase_are_kept(text: str, low: dict[str, float]) -> None:
    assert agree_repeats(text, _confident(text, low)) == text


def test_a_table_cell_is_never_changed() -> None:
    text = "《为老年人免费接种流感疫苗实施方案》\n为老年人免费接种流感疫盏实施方案"
    cell = "为老年人免费接种流感疫盏实施方案"
    assert agree_repeats(text, _confident(text, {"盏": 0.5}), frozenset({cell})) == text


def test_a_heading_wrapped_onto_two_lines_is_one_phrase() -> None:
    # huzhou_2024's heading is set on two lines: `…免费接种流感` / `疫盏实施方案`
    text = "现将《为1.2万名60周岁以上老年人免费接种流感疫苗实施方案》印发\n\n为1.2万名60周岁以上老年人免费接种流感\n\n疫盏实施方案"
    assert agree_repeats(text, _confident(text, {"盏": 0.74})).endswith("流感\n\n疫苗实施方案")
