"""A ruled table's cells read again on a sheet (ocr_cells, issue 13): no engine needed, the
engine's hOCR is written by the tests."""

from __future__ import annotations

from PIL import Image, ImageDraw

from minshi_extract.ingest import ocr_cells
from minshi_extract.ingest.ocr_cells import _by_line, _chars, _merge, _placed, cell_lines, read_cells
from minshi_extract.ingest.ocr_missed import _rows

_HEAD = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"


def _hocr(words: list[tuple[float, list[tuple[str, int, int, int, int]]]]) -> str:
    """Tesseract's hOCR with character boxes: (word confidence, [(char, x0, y0, x1, y1)])."""
    out = []
    for conf, chars in words:
        spans = "".join(
            f"\n       <span class='ocrx_cinfo' title='x_bboxes {x0} {y0} {x1} {y1}; x_conf 99.1'>{ch}</span>"
            for ch, x0, y0, x1, y1 in chars
        )
        out.append(f"      <span class='ocrx_word' id='w' title='bbox 0 0 1 1; x_wconf {conf:g}'>{spans}\n      </span>")
    return "<body>\n" + "\n".join(out) + "\n</body>"


def test_strokes_of_one_line_are_one_band_two_lines_are_two() -> None:
    # `二`: two strokes 8 and 6 pixels high, 30 apart top to bottom; two lines of a 30-pixel em
    assert _merge([(0, 8), (24, 30)], em=30) == [(0, 30)]
    assert _merge([(0, 30), (48, 78)], em=30) == [(0, 30), (48, 78)]


def test_hocr_gives_each_character_its_box_and_its_word_confidence() -> None:
    hocr = _hocr([(96, [("资", 42, 44, 73, 75), ("金", 77, 45, 106, 75)]), (29, [("&amp;", 120, 44, 130, 75)])])
    assert _chars(hocr) == [
        ("资", 42.0, 73.0, 44.0, 75.0, 96.0, 0),
        ("金", 77.0, 106.0, 45.0, 75.0, 96.0, 0),
        ("&", 120.0, 130.0, 44.0, 75.0, 29.0, 1),
    ]


def test_a_character_goes_to_the_line_its_box_starts_in() -> None:
    # one cell, two lines on its row: ink at x 10-50 and 60-90, the row's em from y 100;
    # `、` ends line one, but the LSTM's box for it runs from 48 to 70, into line two
    places = [[(10, 50, 100), (60, 90, 100)]]
    chars = [("券", 30, 46, 100, 130, 92, 0), ("、", 48, 70, 100, 130, 93, 0), ("市", 70, 88, 100, 130, 93, 1)]
    lines = _by_line(chars, places, row=30)
    assert ["".join(c[0] for c in line) for line in lines[0]] == ["券、", "市"]


def test_a_line_read_again_is_spread_over_its_ink_one_word_per_word_read() -> None:
    # `2024.03` read as one word on the sheet at 100-170: back on the page over its ink 200-270,
    # its em from 300 to 330, one word (a lone `.` would be taken for a speck)
    chars = [(ch, 100 + 10 * i, 110 + 10 * i, 5, 20, 88.0, 4) for i, ch in enumerate("2024.03")]
    rows = _placed(chars, (200, 300, 270, 330), n=0)
    assert [(r["level"], r["text"], r["left"], r["top"], r["width"], r["height"]) for r in rows] == [
        ("4", "", "200", "300", "70", "30"),
        ("5", "2024.03", "200", "300", "70", "30"),
    ]
    assert rows[1]["conf"] == "88" and rows[1]["block_num"] == str(ocr_cells.BLOCK)


def _page(words: list[tuple[int, int, int, int, float, str]]) -> str:
    rows = [(5, 1, 1, 1, 1, k, x, y, w, h, conf, text) for k, (x, y, w, h, conf, text) in enumerate(words, 1)]
    return _HEAD + "".join("\t".join(str(v) for v in r) + "\n" for r in rows)


CELLS = [(10.0, 10.0, 200.0, 100.0), (200.0, 10.0, 390.0, 100.0)]


def _image(ink: bool) -> Image.Image:
    img = Image.new("L", (400, 200), 250)
    if ink:  # a line of ink in the first cell
        ImageDraw.Draw(img).rectangle((30, 40, 149, 69), fill=0)
    return img


def test_empty_cells_keep_no_word_of_the_page_pass() -> None:
    # specks in an empty cell read as `大工` by the page pass; `附件` outside the table stays
    page = _page([(50, 40, 60, 30, 12.0, "大工"), (20, 150, 60, 30, 95.0, "附件")])

    def engine(*args, **kwargs) -> str:
        raise AssertionError("nothing to read")

    out = read_cells(_image(ink=False), page, CELLS, 200, engine)
    assert [w["text"] for w in _rows(out) if w["level"] == "5"] == ["附件"]


def test_the_surer_of_the_sheet_and_the_page_pass_reading_is_kept() -> None:
    img = _image(ink=True)
    lines, _ = cell_lines(img, CELLS, 200)
    assert [len(c) for c in lines] == [1]
    x0, y0, x1, y1 = lines[0][0]
    assert (x0, x1) == (30, 150) and y0 <= 40 and y1 >= 70

    def engine(sure: float):
        def run(png: bytes, psm: str, out: str = "tsv") -> str:
            assert out == "hocr" and psm == ocr_cells.PSM
            scale = next(s for s in ocr_cells.SCALES if ocr_cells._sheet(img, lines, s)[0] == png)
            _, places = ocr_cells._sheet(img, lines, scale)
            a, b, top = places[0][0]
            h = round((y1 - y0) * scale)
            return _hocr([(sure, [("户", a, top, (a + b) // 2, top + h), ("数", (a + b) // 2, top, b, top + h)])])
        return run

    page = _page([(30, 40, 120, 30, 60.0, "具")])
    surer = read_cells(img, page, CELLS, 200, engine(90.0))
    assert [w["text"] for w in _rows(surer) if w["level"] == "5"] == ["户数"]
    weaker = read_cells(img, page, CELLS, 200, engine(30.0))
    assert [w["text"] for w in _rows(weaker) if w["level"] == "5"] == ["具"]


def test_a_big_table_is_read_on_several_sheets(monkeypatch) -> None:
    img = _image(ink=True)
    ImageDraw.Draw(img).rectangle((230, 40, 329, 69), fill=0)  # a line of ink in the second cell too
    monkeypatch.setattr(ocr_cells, "SHEET_CELLS", 1)
    sheets = []

    def run(png: bytes, psm: str, out: str = "tsv") -> str:
        sheets.append(png)
        return _hocr([])

    read_cells(img, _page([]), CELLS, 200, run)
    assert len(sheets) == 2 * len(ocr_cells.SCALES)  # one cell a sheet, at each scale
