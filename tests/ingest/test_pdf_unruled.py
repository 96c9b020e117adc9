"""Tables set without ruling lines in a PDF (ingest/pdf_unruled.py): wrapped rows joined, empty bands
dropped, the header read from its words (a word over total / payer columns spans them)."""

from __future__ import annotations

from pathlib import Path

from minshi_extract.ingest import load
from minshi_extract.ingest.pdf_unruled import _header_rows

ROOT = Path(__file__).resolve().parents[2]


def _w(text: str, x0: float, x1: float) -> dict:
    return {"text": text, "x0": x0, "x1": x1, "top": 0.0}


EDGES = [(85, 116), (116, 235), (235, 289), (289, 363), (363, 436), (436, 468)]


def test_header_words_go_to_their_columns_and_a_money_word_spans_its_payers() -> None:
    lines = [[_w("序号", 79, 100), _w("区县(市)", 116, 169), _w("改厕任务", 215, 257), _w("补助资金(万元)", 346, 430)],
             [_w("(户)", 224, 255), _w("合计", 298, 319), _w("省级财政", 360, 402), _w("市县财政", 428, 470)]]
    assert _header_rows(lines, EDGES) == [["序号", "区县(市)", "改厕任务", "补助资金(万元)", "", ""],
                                          ["", "", "(户)", "合计", "省级财政", "市县财政"]]


def test_unruled_table_of_a_pdf_read_row_by_row() -> None:
    """The blind fixture's task table (pdftotext -layout shows the same rows): a county name wrapped
    over two lines is one row, blank bands between rows are none."""
    raw = load(ROOT / "corpus" / "variants" / "tables" / "changde_2024.pdf", 10_000_000)
    rows = raw.tables[0].rows
    assert rows[:3] == [["序号", "区县（市）", "改厕任务", "补助资金（万元）", "", ""],
                        ["", "", "（户）", "合计", "省级财政", "市县财政"],
                        ["1", "鼎城区", "2236", "335.40", "223.60", "111.80"]]
    assert rows[10] == ["9", "柳叶湖旅游度假区", "286", "42.90", "28.60", "14.30"]
    assert rows[-1] == ["", "合计", "13000", "1950.00", "1300.00", "650.00"]
    assert len(rows) == 13
