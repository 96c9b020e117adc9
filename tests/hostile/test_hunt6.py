"""Session 6's hostile hunt: inputs that hung or ended in an internal error (exit 3), each read or
refused cleanly now. The full sizes are in hostile_fixtures.MAKERS for benchmarks/bench_hostile.py."""

from __future__ import annotations

import os
import zlib
from pathlib import Path

import pytest
from hostile_fixtures import (
    FOUNDING,
    _pdf,
    docx_gridspan,
    docx_masthead,
    docx_vmerge,
    flate_tail,
    glyph_rows,
    rects,
    shared_page,
    short_lines,
)

import minshi_extract.ingest.docx as docx_reader
import minshi_extract.ingest.pdf_limits as pdf_limits
import minshi_extract.limits as limits
from minshi_extract.cli import main
from minshi_extract.errors import GoldError, LimitError
from minshi_extract.gold import load_gold
from minshi_extract.ingest import load_bytes
from minshi_extract.models import Table
from minshi_extract.pipeline import extract_text
from minshi_extract.tables.link import row_at, row_finder

_DECOMPRESSOBJ = zlib.decompressobj


class _CountingInflater:
    """zlib.decompressobj that counts its decompress calls (an endless loop becomes an error)."""

    calls = 0

    def __init__(self) -> None:
        self._d = _DECOMPRESSOBJ()

    def decompress(self, data, max_length: int = 0) -> bytes:
        type(self).calls += 1
        if type(self).calls > 1000:
            raise AssertionError("the stream check does not end")
        return self._d.decompress(data, max_length)

    def __getattr__(self, name: str):
        return getattr(self._d, name)


def test_a_flate_stream_ending_in_a_full_output_step_is_inflated_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # 2 MB of `q ` then one text line: the last call fills the 1 MB step and reaches the stream's end
    # with `endstream ...` left over; zlib hands that back as the tail for ever (was a hang)
    monkeypatch.setattr(pdf_limits.zlib, "decompressobj", _CountingInflater)
    monkeypatch.setattr(_CountingInflater, "calls", 0)
    data = flate_tail(1_000_000)
    start = data.index(b"stream\n") + len(b"stream\n")
    out, _ = pdf_limits._inflated(memoryview(data)[start:], "tail.pdf", 0)
    assert out == len(b"q " * 1_000_000 + b"BT /F1 12 Tf 72 720 Td (Total 12) Tj ET")
    assert _CountingInflater.calls < 10


def test_a_pdf_with_such_a_stream_is_read() -> None:
    assert load_bytes(flate_tail(1_000_000), "tail.pdf").text.strip() == "Total 12"


def test_pages_sharing_one_stream_are_read() -> None:
    assert "".join(load_bytes(shared_page(3), "shared.pdf").text.split()) == "Total12" * 3


def test_the_glyphs_of_all_pages_together_are_limited(monkeypatch: pytest.MonkeyPatch) -> None:
    # 1,999 pages drawing one stream of 18,000 glyphs (each page under its cap): 36 M glyphs held,
    # exit 3 after 2.8 GB; the same with 6 pages and a limit of 5 pages' worth
    monkeypatch.setattr(pdf_limits, "MAX_GLYPHS", 5 * 1500)
    with pytest.raises(LimitError, match=r"^shared.pdf: glyphs in the document: 9000 is over the limit of 7500; "):
        load_bytes(shared_page(6, glyph_rows(1500)), "shared.pdf")


def test_paths_on_one_page_are_limited_while_walked(monkeypatch: pytest.MonkeyPatch) -> None:
    # 400,000 squares on a page: 37 s and 1.5 GB in the table finder; refused at the cap (counted
    # in steps of 1,024 while the page's objects are walked)
    monkeypatch.setattr(pdf_limits, "MAX_PATHS_PER_PAGE", 2000)
    with pytest.raises(LimitError, match=r"^rects.pdf: paths on page 1: 2048 is over the limit of 2000; "):
        load_bytes(_pdf(rects(3000)), "rects.pdf")


def test_paths_of_all_pages_together_are_limited(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_limits, "MAX_PATHS", 3 * 500)
    with pytest.raises(LimitError, match=r"^shared.pdf: paths in the document: 2000 is over the limit of 1500; "):
        load_bytes(shared_page(5, rects(500)), "shared.pdf")


def test_a_page_under_the_path_caps_is_read() -> None:
    assert limits.MAX_PATHS_PER_PAGE >= 3000
    assert load_bytes(_pdf(rects(3000)), "rects.pdf").text.split() == ["Total", "12"]


def test_a_cell_merged_down_2000_rows_is_read_once() -> None:
    # python-docx found a merged cell's first row by walking up one row per call: RecursionError
    rows = load_bytes(docx_vmerge(2000), "merged.docx").tables[0].rows
    assert len(rows) == 2000
    assert rows[0] == ["市教育局", "新建学校1所"]
    assert rows[1] == ["", "新建学校2所"]
    assert rows[1999] == ["", "新建学校2000所"]


def test_a_merge_continued_from_no_row_reads_the_cell_itself() -> None:
    # `<w:vMerge w:val="continue"/>` in the first row: python-docx raised ValueError (exit 3)
    rows = load_bytes(docx_vmerge(3, first="continue"), "merged.docx").tables[0].rows
    assert rows == [["市教育局", "新建学校1所"], ["", "新建学校2所"], ["", "新建学校3所"]]


def test_grid_spans_that_are_no_number_read_as_one() -> None:
    # w:gridSpan="x" was a ValueError (exit 3); "-5", "0" and "" are no span either
    rows = load_bytes(docx_gridspan(("x", "-5", "0", "", "2")), "spans.docx").tables[0].rows
    assert rows == [["项目1", "1万元"], ["项目2", "2万元"], ["项目3", "3万元"], ["项目4", "4万元"],
                    ["项目5", "", "5万元"]]


def test_a_grid_span_past_word_s_columns_is_capped() -> None:
    # gridSpan 2,000,000,000 made python-docx repeat the cell that many times (MemoryError after 2.7 GB)
    rows = load_bytes(docx_gridspan(("100000",)), "spans.docx").tables[0].rows
    assert rows == [["项目1"] + [""] * (docx_reader.MAX_GRID_SPAN - 1) + ["1万元"]]


def test_the_cells_of_a_document_s_tables_are_limited(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docx_reader, "MAX_TABLE_CELLS", 100)
    with pytest.raises(LimitError, match=r"^merged.docx: cells in the .docx tables: 102 is over the limit of 100; "):
        load_bytes(docx_vmerge(51), "merged.docx")


def test_a_million_short_lines_are_refused() -> None:
    # 2.9 M one-character lines (8.7 MB) were read in 31 s holding 1.35 GB (~470 bytes a line);
    # counted: the title, 1,000,001 lines and the empty one after the last break
    assert limits.MAX_LINES == 1_000_000
    with pytest.raises(LimitError, match=r"^<text>: lines: 1000003 is over the limit of 1000000; "):
        extract_text(short_lines(1_000_001).decode("utf-8"))


def test_batch_refuses_a_fifo_without_blocking(tmp_path: Path, capsys) -> None:
    # batch read every file with read_bytes(): a FIFO in the folder blocked it for ever
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_bytes(FOUNDING.read_bytes())
    os.mkfifo(src / "b.txt")
    assert main(["batch", str(src), "-o", str(tmp_path / "out")]) == 1  # some files failed
    errors = (tmp_path / "out" / "errors.csv").read_text(encoding="utf-8-sig").splitlines()
    assert errors[1] == (f',b.txt,InputError,"{src}/b.txt: not a regular file (a device, FIFO or socket); '
                         'save the notice to a file first"')
    assert len(errors) == 2
    assert "1 failed" in capsys.readouterr().out


@pytest.mark.parametrize(("color", "size"), [("zzzzzz", "48"), ("F", "48"), ("FF00001234", "48"), ("FF0000", "x"),
                                             ("auto", "48"), ("FF0000", "")])
def test_a_run_colour_or_size_that_is_junk_is_no_masthead(color: str, size: str) -> None:
    # python-docx's parse of w:color / w:sz raised ValueError (exit 3) on the first three and the fourth
    text = load_bytes(docx_masthead(color, size), "head.docx").text
    assert text.split() == ["武威市人民政府办公室文件", "新建学校12所"]


@pytest.mark.parametrize("size", ["48", "40", "24pt"])
def test_a_red_large_first_line_is_still_the_masthead(size: str) -> None:
    assert load_bytes(docx_masthead("C00000", size), "head.docx").text.split() == ["新建学校12所"]


def test_a_gold_file_nested_too_deep_is_a_gold_error(tmp_path: Path) -> None:
    f = tmp_path / "g.json"
    f.write_text("[" * 100_000 + "]" * 100_000)  # was RecursionError (exit 3)
    with pytest.raises(GoldError, match=r"g.json: JSON nested too deep$"):
        load_gold(f)


def test_a_gold_path_that_is_a_directory_or_a_fifo(tmp_path: Path) -> None:
    (tmp_path / "d.json").mkdir()  # was IsADirectoryError (exit 3)
    with pytest.raises(GoldError, match=r"d.json: cannot read the gold file \(is a directory, not a notice file\)$"):
        load_gold(tmp_path / "d.json")
    os.mkfifo(tmp_path / "f.json")  # read_text() blocked for ever
    with pytest.raises(GoldError, match=r"f.json: cannot read the gold file \(not a regular file "):
        load_gold(tmp_path / "f.json")


def test_row_finder_gives_the_rows_row_at_gives() -> None:
    # row_at scanned every row for each record: a 20,000-row `|` table ran past a minute
    table = Table(header=["项目", "投资"], rows=[["a", "1"], ["b", "2"], ["c", ""]])
    table._cell_spans = [[(0, 2), (3, 5)], [(10, 11), (12, 13)], [(20, 21), (22, 23)], [(30, 31), (32, 32)]]
    at = row_finder(table)
    for pos in range(0, 40):
        assert at(pos) == row_at(table, pos)
    assert [at(p) for p in (10, 12, 22, 30, 32, 9, 40)] == [0, 0, 1, 2, None, None, None]


def test_row_finder_with_overlapping_spans_scans_as_before() -> None:
    table = Table(header=["项目"], rows=[["a"], ["b"]])
    table._cell_spans = [[(0, 1)], [(10, 20)], [(15, 25)]]
    at = row_finder(table)
    assert [at(p) for p in (12, 16, 22, 30)] == [0, 0, 1, None]


def test_a_sentence_of_3000_shares_is_refused() -> None:
    # 10,000 `其中…万元` in one sentence ran for minutes (the rules pair a sentence's figures)
    text = "关于印发为民实事实施方案的通知\n一、城乡学校建设工程\n统筹资金100000万元，" + \
        "".join(f"其中{i}万元，" for i in range(3000)) + "。\n"
    with pytest.raises(LimitError, match=r"^<text>: figures in one sentence \(line 3\): 3001 is over the limit of 3000; "):
        extract_text(text)


def test_shares_after_one_qizhong_split_the_total_they_add_up_to() -> None:
    # the sum of the shares is now kept per 其中 (it was summed again for every share)
    notice = extract_text("关于印发为民实事实施方案的通知\n一、城乡学校建设工程\n"
                          "每年需资金60万元，其中甲县10万元、乙县20万元、丙县30万元。\n")
    money = sorted((r.amount_cny, r.per) for r in notice.all_records() if r.type == "money")
    assert money == [(100000, "年"), (200000, "年"), (300000, "年"), (600000, "年")]


def test_figures_per_sentence_end_at_stops_but_not_at_a_wrapped_list() -> None:
    limits.check_sentences("新建学校1所，" * 3000 + "。" + "新建学校1所，" * 3000)  # 3000 and 3000
    limits.check_sentences("新建学校1所\n" * 4000)
    with pytest.raises(LimitError, match=r"^figures in one sentence \(line 1\): 3001 is over the limit of 3000; "):
        limits.check_sentences("新建学校1所、\n" * 3001)  # `、` ending a line: the list goes on
