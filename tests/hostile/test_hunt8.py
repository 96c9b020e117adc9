"""Session 8's hostile hunt: inputs that hung or held gigabytes, each read in linear time or refused
cleanly now. Full sizes in hostile_fixtures8.MAKERS8 (benchmarks/bench_hostile.py); no timing here:
the work of an extraction is counted (Python lines run, searches made), not clocked."""

from __future__ import annotations

import importlib
import io
import sys
from decimal import Decimal

import pytest
from hostile_fixtures import FOUNDING
from hostile_fixtures8 import (
    SENTENCE_SHAPES,
    big_page,
    blank_scan,
    dense_figures,
    digit_run,
    form_fan,
    long_sentence,
    lvltext_docx,
    open_inline,
    ragged_tabs,
    ruled_cells,
    staggered_lines,
    unit_lines,
)

import minshi_extract
import minshi_extract.limits as limits
import minshi_extract.rules.regions as regions
from minshi_extract.cli import main
from minshi_extract.errors import LimitError
from minshi_extract.ingest import load_bytes
from minshi_extract.meaning import clauses as grammar
from minshi_extract.meaning import source
from minshi_extract.pipeline import extract_text
from minshi_extract.rules import money

_PACKAGE = minshi_extract.__file__.rsplit("/", 1)[0]
evidence = importlib.import_module("minshi_extract.structure.evidence")  # the package exports a function of that name


def _lines_run(text: str) -> int:
    """Python lines (and calls) of minshi_extract run while extracting `text`: a deterministic measure
    of its work, loops in comprehensions included."""
    n = 0

    def local(frame, event, arg):
        nonlocal n
        n += 1
        return local

    def calls(frame, event, arg):
        nonlocal n
        if frame.f_code.co_filename.startswith(_PACKAGE):
            n += 1
            return local
        return None

    old = sys.gettrace()
    sys.settrace(calls)
    try:
        extract_text(text)
    finally:
        sys.settrace(old)
    return n


@pytest.mark.parametrize("shape", sorted(SENTENCE_SHAPES))
def test_the_work_on_one_sentence_grows_with_its_figures_not_their_square(shape: str) -> None:
    # each pass read a figure's clause or sentence from its start (clause_start walked back character
    # by character, count_share_regions and the 其中 passes walked every figure of the sentence):
    # twice the figures was 3-4 times the work (2,900 其中 in each of 40 sentences: minutes)
    extract_text(long_sentence(shape, 5))  # lexicons and patterns loaded outside the count
    small, large = _lines_run(long_sentence(shape, 200)), _lines_run(long_sentence(shape, 400))
    assert large < 2.4 * small


@pytest.mark.parametrize("shape", sorted(SENTENCE_SHAPES))
def test_a_long_sentence_keeps_every_figure(shape: str) -> None:
    notice = extract_text(long_sentence(shape, 400))
    figures = {r.text for r in notice.records}
    assert len(notice.records) >= 200
    assert all(any(ch.isdigit() for ch in t) for t in figures)


def test_the_records_of_a_long_list_are_its_figures_in_order() -> None:
    notice = extract_text(long_sentence("space", 400))
    assert [r.value for r in notice.records] == list(range(400))
    assert {r.unit for r in notice.records} == {"所"}


def test_a_sentence_is_searched_once_for_all_its_figures(monkeypatch: pytest.MonkeyPatch) -> None:
    # sentence_bounds searched back and forth from each figure (a C-level scan of the whole sentence
    # each time): now the answer for a sentence serves every position inside it
    searches = 0
    real = regions._LAST_STOP_RE

    class Counting:
        def search(self, *args, **kwargs):
            nonlocal searches
            searches += 1
            return real.search(*args, **kwargs)

    monkeypatch.setattr(regions, "_LAST_STOP_RE", Counting())
    text = "、".join(f"凉州区{i}所" for i in range(300)) + "。"
    bounds = {regions.sentence_bounds(text, text.index(f"区{i}所") + 1) for i in range(300)}
    assert bounds == {(0, len(text) - 1)}
    assert searches <= 2


def test_sentence_bounds_answers_as_before_around_wrapped_lists() -> None:
    text = "第一句。其中商州区14处、\n洛南县12处;第三句\n第四"
    for pos in range(len(text)):
        regions._LAST_SENTENCE = ("", 1, 0)
        fresh = regions.sentence_bounds(text, pos)
        assert regions.sentence_bounds(text, pos) == fresh
    assert regions.sentence_bounds(text, text.index("洛")) == (4, text.index(";"))


def test_a_clause_is_read_at_most_max_clause_characters_from_its_figure() -> None:
    text = "新建" + " ".join(f"{i}所" for i in range(500))
    pos = len(text) - 3
    assert pos - grammar.MAX_CLAUSE <= grammar.clause_start(text, pos) < pos
    assert grammar.clause_end(text, 0) <= grammar.MAX_CLAUSE
    assert pos - 200 <= money.clause_start(text, pos) < pos
    # a clause of the corpus's length is read whole, as before
    assert grammar.clause_start("前文,新建学校12所", 9) == 3
    assert money.clause_start("前文,投资3000万元", 5) == 3


def test_payers_are_looked_for_near_the_amount(monkeypatch: pytest.MonkeyPatch) -> None:
    windows: list[int] = []
    pats = source._patterns()

    class Recording:
        def __init__(self, pattern) -> None:
            self.p = pattern

        def search(self, text, pos=0, endpos=None):
            windows.append((len(text) if endpos is None else endpos) - pos)
            return self.p.search(text, pos, endpos)

        def finditer(self, text, pos=0, endpos=None):
            windows.append((len(text) if endpos is None else endpos) - pos)
            return self.p.finditer(text, pos, endpos)

    monkeypatch.setattr(source, "_patterns", lambda: (Recording(pats[0]), Recording(pats[1]), *pats[2:]))
    text = ",".join(f"新建学校{i}所" for i in range(600)) + ",由市级财政承担,共需资金300万元。"
    assert source.payer_by(text, 0, len(text), len(text) - 1) == "市级财政"
    text = ",".join(f"省级财政承担{i}万元" for i in range(600)) + "。"
    assert source.payer_in(text, 0, len(text) - 6) == "省级财政"
    assert max(windows) <= 2 * source._PAYER_WINDOW + 12
    assert source.payer_by("项目资金由市级财政承担,共需资金300万元", 0, 22, 20) == "市级财政"


def _split_amount_before(text: str, amounts: list, i: int):
    """The session-7 code (the specification, with session 8's rule that a share is never more than
    what it splits): walked all amounts for each."""
    a = amounts[i]
    lo, hi = regions.sentence_bounds(text, a.start)
    k = text.rfind("其中", lo, a.start)
    if k < 0:
        return None
    before = [p for p in amounts[:i] if p.start >= lo and p.end <= k]
    if not before:
        return None
    shares = sum((p.amount for p in amounts if k < p.start < hi and not money._is_total(text, p)), Decimal(0))
    for p in reversed(before):
        if p.amount == shares:
            return p
    return before[-1] if a.amount <= before[-1].amount else None


@pytest.mark.parametrize("text", [
    "项目总投资9600万元,按照每公里平均80万元测算,其中A4320万元、B2880万元,C2400万元。",
    "每年约需资金450万元,其中凉州区300万元、民勤县150万元。共需资金360万元,其中市级200万元。",
    "统筹资金100万元,其中60万元,其中40万元;另安排50万元,其中30万元、20万元,合计50万元。",
    "总投资100万元，" + "".join(f"其中{i}万元，" for i in range(40)) + "。",
])
def test_the_amount_shares_split_is_the_one_found_before(text: str) -> None:
    amounts = money.find_amounts(text)
    memo: dict = {}
    for i in range(len(amounts)):
        assert money._split_amount(text, amounts, i, memo) == _split_amount_before(text, amounts, i)


def test_a_run_of_digits_is_tried_from_its_first_digit_only() -> None:
    # `_MONEY` was tried from every digit of a run not followed by 元: 10,000 digits took 6 s
    assert evidence._MONEY.search("19元", 1) is None
    assert evidence._MONEY.search("19元").group() == "19元"
    assert evidence.evidence("新建学校" + "9" * 5000 + "所").money is False


def test_a_figure_of_190000_digits_is_read_through(tmp_path) -> None:
    path = tmp_path / "digits.txt"
    path.write_bytes(digit_run(20_000))
    out = tmp_path / "out.json"
    assert main(["extract", str(path), "-o", str(out)]) == 0
    assert '"text": "12万元"' in out.read_text(encoding="utf-8")


def test_a_text_of_nothing_but_figures_is_refused(monkeypatch: pytest.MonkeyPatch, tmp_path, capsys) -> None:
    monkeypatch.setattr(limits, "MAX_FIGURES", 2000)
    path = tmp_path / "dense.txt"
    path.write_bytes(dense_figures(600))  # 2,400 figures
    assert main(["extract", str(path), "-o", str(tmp_path / "o.json")]) == 2
    assert "figures in the text: more than 2000" in capsys.readouterr().err
    with pytest.raises(LimitError, match="figures in the text"):
        limits.check_sentences("1所 " * 2001)
    limits.check_sentences("1所 " * 2000)


def test_the_figure_limit_is_far_above_a_notice() -> None:
    assert limits.MAX_FIGURES == 200_000
    limits.check_sentences(FOUNDING.read_text(encoding="utf-8") * 300)  # 188,100 figures


def test_a_text_table_of_too_many_cells_is_refused_before_it_is_built(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("minshi_extract.structure.MAX_TABLE_CELLS", 1000)
    with pytest.raises(LimitError, match=r"cells in the tables: \d+ is over the limit of 1000"):
        extract_text(ragged_tabs(40, 60).decode("utf-8"))
    notice = extract_text(ragged_tabs(4, 4).decode("utf-8"))  # a small one is read
    assert notice.source is not None


def test_a_level_text_past_64_characters_is_no_marker() -> None:
    # a 350 KB w:lvlText was copied into every numbered paragraph (300 paragraphs: 700 MB)
    raw = load_bytes(lvltext_docx(paragraphs=3, chars=3000), "huge.docx")
    assert [ln for ln in raw.text.split("\n") if ln][1:] == ["新建学校1所", "新建学校2所", "新建学校3所"]
    raw = load_bytes(lvltext_docx(paragraphs=3, chars=60), "short.docx")  # 20 x `%1.`: read as written
    assert [ln for ln in raw.text.split("\n") if ln][3] == "3." * 20 + "新建学校3所"


@pytest.mark.parametrize("tag", ["<b>", "<li><b>", "<span>x", "<em><strong>"])
def test_inline_elements_left_open_past_the_depth_limit_are_refused(tag: str) -> None:
    # they nest in the parsed tree (the tag scan before parsing leaves them out: a page closes most of
    # them by its blocks); 59,000 open <b>s ran past a minute
    with pytest.raises(LimitError, match="nesting depth of the HTML elements 257 is over the limit of 256"):
        load_bytes(open_inline(300, tag), "open.html")


def test_inline_elements_left_open_inside_paragraphs_are_read() -> None:
    page = open_inline(0).replace(b"</div>", "<p><b>新建学校7所".encode() * 400 + b"</div>")
    raw = load_bytes(page, "sloppy.html")
    assert raw.text.count("新建学校7所") == 400


def test_a_pdf_whose_lines_share_no_left_edge_is_read() -> None:
    raw = load_bytes(staggered_lines(), "staggered.pdf")
    assert [ln.strip() for ln in raw.text.split("\n") if ln.strip()][:2] == ["Line 0 builds 12 schools",
                                                                             "Line 1 builds 12 schools"]


def test_a_pdf_page_of_too_many_ruled_lines_is_refused_before_its_tables_are_looked_for() -> None:
    # 5,100 ruled cells (20,400 edges): the table finder costs the square of the edges (20,000: minutes)
    with pytest.raises(LimitError, match=r"^ruled.pdf: ruled lines on page 1: 20400 is over the limit of 20000"):
        load_bytes(ruled_cells(5100, step=4), "ruled.pdf")


def test_a_ruled_table_page_under_the_limit_is_read_as_a_table() -> None:
    raw = load_bytes(ruled_cells(120, cols=6), "ruled.pdf")
    assert len(raw.tables) == 1 and len(raw.tables[0].rows) == 20
    assert raw.tables[0].rows[1][:3] == ["6", "7", "8"]


def test_ruled_lines_of_all_pages_together_are_limited() -> None:
    from minshi_extract.ingest.pdf_limits import Tally

    tally = Tally("many.pdf")
    tally.check_edges(15_000, 1)
    tally.check_edges(15_000, 2)
    with pytest.raises(LimitError, match=r"^many.pdf: ruled lines in the document: 45000 is over the limit of 40000"):
        tally.check_edges(15_000, 3)


def test_a_page_drawing_forms_that_draw_forms_is_refused_before_it_is_parsed() -> None:
    # 10^4 drawings of one line (11,111 forms drawn): the readers expand every one (10^6: 1.9 GB)
    with pytest.raises(LimitError, match=r"^fan.pdf: forms drawn on page 1: 11111 is over the limit of 10000"):
        load_bytes(form_fan(5, 10), "fan.pdf")


def test_a_page_drawing_a_form_a_few_times_is_read() -> None:
    from minshi_extract.ingest.pdf_forms import form_draws

    raw = load_bytes(form_fan(2, 3), "fan.pdf")  # one form drawing the text three times
    assert "Total 12" in raw.text
    import pdfplumber

    with pdfplumber.open(io.BytesIO(form_fan(3, 4))) as pdf:
        assert form_draws(pdf.pages[0].page_obj) == 1 + 4 * (1 + 4)


def test_an_image_of_too_many_pixels_is_refused_from_its_header() -> None:
    pytest.importorskip("PIL")
    with pytest.raises(LimitError, match=r"^big.png: pixels in the image: 100010000 is over the limit of 100000000"):
        load_bytes(blank_scan(10_001, 10_000), "big.png")


def test_a_large_scan_is_reduced_before_ocr_and_keeps_its_size_in_points() -> None:
    pytest.importorskip("PIL")
    from minshi_extract.ingest.ocr_doc import _frames

    frames = _frames(blank_scan(6_000, 5_000, dpi=254), "scan.png")  # 30 MP: halved (254 dpi: 10,000 a metre)
    assert frames[0].size == (3_000, 2_500) and frames[0].info["minshi_dpi"] == 127
    frames = _frames(blank_scan(3_000, 2_000, dpi=254), "scan.png")  # 6 MP: as it is
    assert frames[0].size == (3_000, 2_000) and frames[0].info["minshi_dpi"] == 254


def test_pages_are_rendered_for_ocr_at_a_resolution_that_fits_the_pixel_limit() -> None:
    pytest.importorskip("pypdfium2")
    from minshi_extract.ingest.ocr_doc import _render_dpi

    assert _render_dpi(big_page(595), [1], 300, "a4.pdf") == 300  # a page of A4 width: as asked
    assert _render_dpi(big_page(7_200), [1], 300, "big.pdf") == 50  # 100 inches: 5,000 x 5,000 pixels
    with pytest.raises(LimitError, match=r"^huge.pdf: a page to OCR is 40,000 square inches"):
        _render_dpi(big_page(14_400), [1], 300, "huge.pdf")  # 3.6 gigapixels at 300 dpi: MemoryError


@pytest.mark.parametrize(("written", "date"), [("2025年2月30日", None), ("2025年4月31日", None), ("2024年2月29日", "2024-02-29"),
                                              ("2025年2月28日", "2025-02-28"), ("2100年2月29日", None)])
def test_a_day_its_month_does_not_have_is_no_deadline(written: str, date: str | None) -> None:
    # 2月30日 came out as the ISO date 2025-02-30, which no date parser takes (13月45日 was dropped)
    notice = extract_text(f"关于印发为民实事实施方案的通知\n一、城乡学校建设工程\n{written}前完成新建学校5所。\n")
    assert [r.date for r in notice.all_records() if r.type == "deadline"] == ([date] if date else [])


def test_a_text_whose_lines_make_too_many_records_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    # unit lists carry no digit (no figure counted); each unit a record until they are merged
    import minshi_extract.pipeline as pipeline

    monkeypatch.setattr(pipeline, "MAX_RECORDS", 1000)
    with pytest.raises(LimitError, match=r"records found: \d+ is over the limit of 1000"):
        extract_text(unit_lines(3000).decode("utf-8"))
    notice = extract_text(unit_lines(300).decode("utf-8"))  # 600 found, merged
    assert sorted({r.text for r in notice.all_records()}) == ["市教育局", "市财政局"]
