"""OCR layout and the second reading of figures in table cells (issue 13): no engine needed.

Each case is what Tesseract gave on the tests' scans of corpus PDFs, cut down: the words of a
line overlapping so that a short last line ran to the margin, a cell's wrapped lines read as
separate lines, `35` read `过` in a table cell, `(9--12月)`, `验收阶段12月)`."""

from __future__ import annotations

import itertools

import pytest

from minshi_extract.ingest.ocr import parse_tsv, snap_sizes
from minshi_extract.ingest.ocr_clean import clean_joined, clean_line, reshape, reshape_text
from minshi_extract.ingest.ocr_digits import figure_of, read_digits
from minshi_extract.ingest.ocr_tables import cell_text

_HEAD = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"


def _tsv(rows: list[tuple]) -> str:
    return _HEAD + "".join("\t".join(str(v) for v in r) + "\n" for r in rows)


@pytest.mark.parametrize(
    ("seen", "fixed"),
    [
        ("(二)集中接种阶段(9--12月)。", "(二)集中接种阶段(9—12月)。"),
        ("(二)建设提升〈(3--9月)。", "(二)建设提升(3—9月)。"),
        ("(四)验收阶段12月)。", "(四)验收阶段(12月)。"),
        ("(三)实施阶段5—11月)。", "(三)实施阶段(5—11月)。"),
        # a speck read as a character inside a date (wuwei_2025's signature date, its 验收阶段)
        ("2025年3月了7日", "2025年3月7日"),
        ("12月10上日前,市、县区政府组织力量", "12月10日前,市、县区政府组织力量"),
    ],
)
def test_reshape_fixes_a_mark_read_twice_or_lost(seen: str, fixed: str) -> None:
    assert reshape_text(seen) == fixed


@pytest.mark.parametrize(
    "kept",
    ["(牵头单位:县民政局,12月)", "2025-2026年", "电话0379-6543", "见附件(12月)", "——", "3月至7日", "5月1日至7日", "12月上旬"],
)
def test_reshape_leaves_what_it_cannot_be_sure_of(kept: str) -> None:
    assert reshape_text(kept) == kept


@pytest.mark.parametrize(("seen", "fixed"), [("3.三季度未前全部投入运营", "3.三季度末前全部投入运营"), ("11月未前往", "11月未前往")])
def test_end_of_a_span_of_time_read_as_its_look_alike(seen: str, fixed: str) -> None:
    assert clean_line(seen) == fixed


def test_an_opening_bracket_read_twice() -> None:
    # shuyang_2023: `…体检6.5万人（县卫健委）。` read `6.5万人【〈县卫健` / `委)。`
    tsv = _tsv([
        (4, 1, 1, 1, 1, 0, 200, 400, 360, 42, -1, ""),
        (5, 1, 1, 1, 1, 1, 200, 400, 250, 42, 95.0, "体检6.5万人"),
        (5, 1, 1, 1, 1, 2, 452, 400, 33, 42, 24.0, "【〈"),
        (5, 1, 1, 1, 1, 3, 490, 400, 70, 42, 91.0, "县卫"),
    ])
    assert "".join(c["text"] for c in parse_tsv(tsv, 72 / 200, 1)) == "体检6.5万人〈县卫"
    assert clean_joined("体检6.5万人〈县卫健委)。") == "体检6.5万人(县卫健委)。"  # the lines joined


def test_reshape_gives_the_merged_and_restored_marks_boxes() -> None:
    chars = [{"text": t, "x0": 10.0 * i, "x1": 10.0 * i + 9} for i, t in enumerate("段3--9月)")]
    out = reshape(chars)
    assert "".join(c["text"] for c in out) == "段(3—9月)"
    lost, dash = out[1], out[3]
    assert (lost["x0"], lost["x1"]) == (10.0, 10.0)  # no width, where the `3` starts
    assert (dash["x0"], dash["x1"]) == (20.0, 39.0)  # the two hyphens' boxes


def test_a_line_never_runs_past_its_box() -> None:
    # the second word's box starts inside the first one's: laid end to end they would reach 527 px
    tsv = _tsv([
        (4, 1, 1, 1, 1, 0, 200, 400, 300, 45, -1, ""),
        (5, 1, 1, 1, 1, 1, 200, 400, 280, 45, 95.0, "一二三"),
        (5, 1, 1, 1, 1, 2, 300, 400, 200, 45, 95.0, "四五六"),
    ])
    chars = parse_tsv(tsv, 72 / 200, 1)
    assert "".join(c["text"] for c in chars) == "一二三四五六"
    assert chars[0]["x0"] == pytest.approx(200 * 72 / 200)
    assert chars[-1]["x1"] == pytest.approx(500 * 72 / 200)
    assert all(a["x1"] <= b["x0"] + 1e-9 for a, b in itertools.pairwise(chars))


def test_a_line_opening_with_a_bracket_starts_at_its_em() -> None:
    # shuyang_2023: `(牵头单位:县人社局)` continues a paragraph; its `(` is inked 25 px right of the margin
    tsv = _tsv([
        (4, 1, 1, 1, 1, 0, 225, 400, 420, 42, -1, ""),
        (5, 1, 1, 1, 1, 1, 225, 400, 14, 42, 91.0, "("),
        (5, 1, 1, 1, 1, 2, 262, 400, 383, 42, 93.0, "牵头单位:县人社局)"),
    ])
    chars = parse_tsv(tsv, 72 / 200, 1)
    assert chars[0]["x0"] == pytest.approx(225 * 72 / 200 - 0.5 * 42 * 72 / 200)
    assert chars[-1]["x1"] == pytest.approx(chars[-1]["x0"] + 0.9 * 42 * 72 / 200)


def test_a_word_taller_than_its_line_does_not_make_a_heading() -> None:
    # `局` read in a box of 63 px (a stroke of the next line taken in); the line's box is 42
    tsv = _tsv([
        (4, 1, 1, 1, 1, 0, 200, 400, 120, 42, -1, ""),
        (5, 1, 1, 1, 1, 1, 200, 400, 40, 63, 95.0, "生"),
        (5, 1, 1, 1, 1, 2, 240, 400, 80, 63, 95.0, "健康局"),
    ])
    assert {round(c["size"], 1) for c in parse_tsv(tsv, 72 / 200, 1)} == {round(42 * 72 / 200, 1)}


def _line(text: str, size: float, page: int, line: str) -> list[dict]:
    return [{"text": t, "size": size, "page_number": page, "line": line} for t in text]


def test_one_body_size_for_the_whole_document() -> None:
    body = _line("各地各部门要尽力而为量力而行确保", 15.0, 1, "a")
    next_page = _line("各项实事年底前全面完成并报告进展", 14.2, 2, "a")  # 5% under: the same size
    wider = _line("附表2025年改造任务分配表", 16.5, 2, "b")  # 10% over, 13 characters: another size
    short = _line("局)", 17.0, 2, "c")  # 13% over, but 2 characters: the body size
    snap_sizes(body + next_page + wider + short)
    assert {c["size"] for c in body + next_page + short} == {15.0}
    assert {c["size"] for c in wider} == {16.5}  # kept to a tenth


def _cell_chars(lines: list[tuple[str, float]], left: float, size: float = 11.0) -> list[dict]:
    """Characters of lines set from x=left, one em (size / 0.92) per ideograph, half for a digit."""
    out = []
    for k, (text, indent) in enumerate(lines):
        x, top = left + indent, 100.0 + k * 17.0
        for t in text:
            w = size / 0.92 * (0.55 if t.isascii() else 1.0)
            out.append({"text": t, "x0": x, "x1": x + w, "top": top, "bottom": top + size, "size": size,
                        "fontname": "OCR", "page_number": 1})
            x += w
    return out


@pytest.mark.parametrize(
    ("lines", "width", "text"),
    [
        # shouguang_2024's header cell 建设内容及规模, three ideographs a line; OCR put line 1 10pt right
        ([("建设内", 10.0), ("容及规", 0.0), ("模", 0.0)], 55.2, "建设内容及规模"),
        # `局、` could not start a line without the character before it
        ([("和城乡", 0.0), ("建设", 0.0), ("局、市", 0.0)], 55.2, "和城乡建设局、市"),
        # a cell line never ends at a comma but for want of room
        ([("5所，", 0.0), ("新增学", 0.0)], 55.2, "5所，新增学"),
        # two short lines in a wide cell are two lines
        ([("市财政局", 30.0), ("市审计局", 30.0)], 150.0, "市财政局\n市审计局"),
    ],
)
def test_scanned_cell_lines_run_on_when_they_had_no_room(lines, width: float, text: str) -> None:
    bbox = (190.0, 95.0, 190.0 + width, 100.0 + 17.0 * len(lines) + 5)
    assert cell_text(_cell_chars(lines, 196.0), bbox) == text


@pytest.mark.parametrize(
    ("first", "figure", "cell"),
    [
        ("过", ("35", 0.966), "35"),  # shangcheng_2024's table: `35` read as one ideograph
        ("5", ("15.75", 0.957), "15.75"),
        ("凡", ("2", 0.97), "2"),
        ("4200", ("4200", 0.967), "4200"),
        ("于岗镇", ("2", 0.9), "于岗镇"),  # a name is never a figure
        ("合计", None, "合计"),
    ],
)
def test_a_cell_takes_the_second_reading_of_its_figure(first: str, figure, cell: str) -> None:
    assert figure_of(first, figure) == cell


def test_second_reading_keeps_only_whole_confident_figures() -> None:
    # three cells stacked on the sheet: [x0, y0, x1, y1 (points), top, bottom, ink width (pixels)]
    spans = [[10, 10, 60, 30, 30, 60, 100], [10, 30, 60, 50, 90, 120, 100], [10, 50, 60, 70, 150, 180, 40]]
    tsv = _tsv([
        (5, 1, 1, 1, 1, 1, 30, 30, 98, 30, 95.7, "15.75"),
        (5, 1, 1, 1, 2, 1, 30, 90, 60, 30, 96.0, "8000"),  # `8000户`: the `户` is not read, the ink not covered
        (5, 1, 1, 1, 3, 1, 30, 150, 40, 30, 41.0, "2"),  # not sure
    ])
    assert read_digits(tsv, spans) == [[10, 10, 60, 30, "15.75", 0.957]]


def _page_with_ink(boxes: list[tuple[int, int, int, int]]):
    from PIL import Image, ImageDraw

    img = Image.new("L", (800, 400), 255)
    draw = ImageDraw.Draw(img)
    for x0, y0, x1, y1 in boxes:  # a `character`: a vertical stroke and horizontal ones
        draw.rectangle((x0 + 18, y0, x0 + 21, y1), fill=0)
        for y in range(y0, y1, 8):
            draw.rectangle((x0, y, x1, y + 1), fill=0)
    return img


def test_ink_no_word_covers_is_read_again() -> None:
    pytest.importorskip("PIL")
    from minshi_extract.ingest.ocr_missed import missed_bands, reread

    # one line of 8 characters of 40 px; Tesseract read the last 5 (shuyang_2023's `二、教育文化`
    # read as `育文化`), and 5 on the line below
    chars = [(100 + 45 * i, 100, 140 + 45 * i, 140) for i in range(8)]
    below = [(100 + 45 * i, 200, 140 + 45 * i, 240) for i in range(5)]
    img = _page_with_ink(chars + below)
    tsv = _tsv([
        (4, 1, 1, 1, 1, 0, 235, 100, 220, 40, -1, ""),
        *[(5, 1, 1, 1, 1, k, x0, 100, 40, 40, 93.0, "育") for k, (x0, _, _, _) in enumerate(chars[3:], 1)],
        (4, 1, 2, 1, 1, 0, 100, 200, 220, 40, -1, ""),
        *[(5, 1, 2, 1, 1, k, x0, 200, 40, 40, 93.0, "县") for k, (x0, _, _, _) in enumerate(below, 1)],
    ])
    bands = missed_bands(img, tsv)
    assert len(bands) == 1 and bands[0][1] >= 95 and bands[0][3] <= 145 and bands[0][0] <= 102

    def run(png: bytes, psm: str) -> str:  # the band read as one line: all 8 characters
        assert psm == "7"
        return _tsv([(5, 1, 1, 1, 1, k, 40 + 45 * k, 33, 40, 40, 92.0, "教") for k in range(8)])

    chars_read = parse_tsv(reread(img, tsv, bands, run), 1.0, 1)
    assert "".join(c["text"] for c in chars_read if c["top"] < 150) == "教" * 8
    assert "".join(c["text"] for c in chars_read if c["top"] > 150) == "县" * 5


def test_a_line_read_with_little_confidence_is_read_again() -> None:
    pytest.importorskip("PIL")
    from PIL import Image

    from minshi_extract.ingest.ocr_missed import reread, weak_bands

    # wuwei_2025's signature date `2025年3月7日`, set wide, read `2025人钙5月了.目` (confidences as read)
    date = [("2025", 89.9), ("人", 44.2), ("钙", 0.0), ("5", 14.2), ("月", 2.5), ("了.", 0.0), ("目", 79.2)]
    sure = [("武威市", 93.0), ("人民", 95.0), ("政府", 94.0), ("办公室", 92.0)]
    tsv = _tsv([
        (4, 1, 1, 1, 1, 0, 100, 100, 400, 41, -1, ""),
        *[(5, 1, 1, 1, 1, k, 100 + 50 * k, 100, 40, 41, c, t) for k, (t, c) in enumerate(sure)],
        (4, 1, 2, 1, 1, 0, 100, 200, 400, 41, -1, ""),
        *[(5, 1, 2, 1, 1, k, 100 + 50 * k, 200, 40, 41, c, t) for k, (t, c) in enumerate(date)],
        (4, 1, 3, 1, 1, 0, 100, 300, 100, 41, -1, ""),
        *[(5, 1, 3, 1, 1, k, 100 + 50 * k, 300, 40, 41, 90.0, t) for k, t in enumerate("个。")],  # read surely
    ])
    assert weak_bands(tsv) == [(100, 200, 500, 241)]
    img = Image.new("L", (700, 400), 255)

    def run(png: bytes, psm: str) -> str:
        return _tsv([(5, 1, 1, 1, 1, k, 40 + 45 * k, 10, 40, 41, 90.0, t) for k, t in enumerate("2025年3月7日")])

    def read(tsv: str) -> str:  # in reading order, as the PDF line builder puts the lines
        return "".join(c["text"] for c in sorted(parse_tsv(tsv, 1.0, 1), key=lambda c: (round(c["top"], -1), c["x0"])))

    assert read(reread(img, tsv, weak_bands(tsv), run, weak=True)) == "武威市人民政府办公室" + "2025年3月7日" + "个。"

    def unsure(png: bytes, psm: str) -> str:
        return _tsv([(5, 1, 1, 1, 1, k, 40 + 45 * k, 10, 40, 41, 30.0, t) for k, t in enumerate("2O25年")])

    assert "2025人钙5月了.目" in read(reread(img, tsv, weak_bands(tsv), unsure, weak=True))  # the first kept


def test_a_short_line_of_specks_is_read_again_as_a_line_of_body_text() -> None:
    pytest.importorskip("PIL")
    from PIL import Image

    from minshi_extract.ingest.ocr_missed import reread, weak_bands

    # wuwei_2025 office, page 2: `…中小学学位1080` wraps `个。` onto a line of its own, read `|`
    # (57.7, a box 4x26) and `o` (56.1, 12x12) among words 41 high; read again as a line: `个。`
    sure = [("增补", 96.6), ("义务", 96.9), ("教育", 96.0), ("1080", 92.1)]
    tsv = _tsv([
        (4, 1, 1, 1, 1, 0, 100, 100, 400, 41, -1, ""),
        *[(5, 1, 1, 1, 1, k, 100 + 90 * k, 100, 80, 41, c, t) for k, (t, c) in enumerate(sure)],
        (4, 1, 2, 1, 1, 0, 100, 170, 38, 27, -1, ""),
        (5, 1, 2, 1, 1, 1, 100, 170, 4, 26, 57.7, "|"),
        (5, 1, 2, 1, 1, 2, 126, 185, 12, 12, 56.1, "o"),
    ])
    (band,) = weak_bands(tsv)
    x0, top, x1, bottom = band
    assert (x0, x1) == (100, 138) and bottom - top >= 41 and top <= 170 and bottom >= 197
    img = Image.new("L", (700, 400), 255)

    def run(png: bytes, psm: str) -> str:
        return _tsv([(5, 1, 1, 1, 1, k, 40 + 45 * k, 20, 40, 41, c, t) for k, (t, c) in enumerate([("个", 93.1), ("。", 86.5)])])

    chars = parse_tsv(reread(img, tsv, [band], run, weak=True), 1.0, 1)
    assert "".join(c["text"] for c in chars if c["top"] > 150) == "个。"


def _sized_line(text: str, line: str, top: float, size: float, page: int = 1) -> list[dict]:
    return [{"text": ch, "size": size, "top": top, "page_number": page, "line": line} for ch in text]


def test_line_sizes_keep_a_tenth_and_a_short_line_follows_the_long_one_above() -> None:
    # shangcheng_2025 (page 3): body set at 16pt (14.0 of ink), `配合单位：…` at 18pt (16.6 of
    # ink) wrapping to `管理局`, whose height rests on one word (16.9); under it `附件3` (18.0)
    body = [c for i in range(4) for c in _sized_line("县道升级改造二十八公里乡道改造", f"b{i}", 100 + 28 * i, 14.0)]
    wide = _sized_line("配合单位:县公安局交警大队、县自然资源局、县城市", "w", 221.4, 16.6)
    short = _sized_line("管理局", "s", 248.4, 16.9)
    title = _sized_line("附件3", "t", 275.0, 18.0)
    chars = body + wide + short + title
    snap_sizes(chars)
    sizes = {c["line"]: c["size"] for c in chars}
    assert sizes["b0"] == 14.0 and sizes["w"] == 16.6  # not 17: 17 over 14 is a title's ratio (1.2)
    assert sizes["s"] == 16.6  # the size of the line it wraps from
    assert sizes["t"] == 18.0  # a short line under a short one keeps its own
