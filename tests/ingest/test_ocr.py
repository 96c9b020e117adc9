"""Scanned notices read with OCR (issue 13): fixtures scanned by the tests from corpus PDFs
(tests/ingest/scanned.py) give the records of the text version; a notice with a text layer is
never OCR'd; a missing engine is a clear error; a rerun reads the cache.

Measured (Tesseract 5.3.0, chi_sim, 200 dpi scans): the F1 of each fixture is in README's OCR
paragraph; programme titles within a character or two."""

from __future__ import annotations

import io
import shutil
from difflib import SequenceMatcher
from pathlib import Path

import pytest
from scanned import CORPUS, image_pdf, scan_images, scanned_pdf, text_pdf
from test_variant_fixtures import agreement

from minshi_extract import extract
from minshi_extract.ingest import load, load_bytes, ocr
from minshi_extract.ingest.ocr import OcrUnavailable
from minshi_extract.ingest.ocr_clean import LOW_CONFIDENCE
from minshi_extract.normalize import normalize_fragment

needs_engine = pytest.mark.skipif(
    shutil.which("tesseract") is None, reason="Tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-chi-sim)"
)


@pytest.fixture(autouse=True)
def _ocr_cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("MINSHI_OCR_CACHE", str(tmp_path_factory.getbasetemp() / "ocr-cache"))


FIXTURES = {  # name -> (corpus PDF, first pages only)
    "hunan_2019": ("office/hunan_2019.pdf", None),
    "huzhou_2024": ("office/huzhou_2024.pdf", None),
    "liuyang_2025": ("office/liuyang_2025_gb18030.pdf", None),
    "quzhou_2026": ("office/quzhou_2026.pdf", None),
    "shangcheng_2025": ("office/shangcheng_2025.pdf", None),
    "shouguang_2024": ("office/shouguang_2024.pdf", None),
    "shuyang_2023": ("office/shuyang_2023.pdf", None),
    "xinzheng_2026": ("office/xinzheng_2026.pdf", None),
    "wuwei_2025": ("wuwei_2025.pdf", 5),
    "wuwei_2025_office": ("office/wuwei_2025.pdf", 5),
}
# measured F1 against the text version (see README): the issue asks 0.95 of every one; these
# floors hold what is reached so that a change that loses records fails. shangcheng_2025's
# place names hold characters (鄢, 鲇) that Tesseract's chi_sim data cannot read at all; they are
# set right from the gazetteer of the county's townships (ocr_places; 0.938 without it)
MIN_F1 = {
    "hunan_2019": 0.98, "huzhou_2024": 0.985, "liuyang_2025": 0.99, "quzhou_2026": 0.98,
    "shangcheng_2025": 0.99, "shouguang_2024": 0.98, "shuyang_2023": 0.99, "xinzheng_2026": 0.98,
    "wuwei_2025": 0.99, "wuwei_2025_office": 0.99,
}


@pytest.fixture(scope="module")
def scans() -> dict[str, tuple[bytes, bytes]]:
    return {name: scanned_pdf(CORPUS / path, pages) for name, (path, pages) in FIXTURES.items()}


@needs_engine
@pytest.mark.parametrize("name", list(MIN_F1))
def test_scanned_notice_agrees_with_its_text_version(scans, name: str) -> None:
    text, scan = scans[name]
    ref = extract(text)
    got = extract(scan, jobs=2)
    assert got.source.format == "pdf"
    # every programme found, its title read within a character or two (`膳食` read as `腾食`)
    titles = [p.title for p in ref.programmes]
    got_titles = [p.title for p in got.programmes]
    assert len(got_titles) == len(titles)
    assert all(SequenceMatcher(None, a, b).ratio() >= 0.85 for a, b in zip(titles, got_titles, strict=True))
    assert agreement(ref, got) >= MIN_F1[name]
    records = got.all_records()
    assert records and all(got.text[r.span[0]:r.span[1]] == r.text for r in records)
    assert all(r.page is not None for r in records)
    confs = [r.confidence for r in records if r.confidence is not None]
    assert len(confs) >= 0.9 * len(records) and all(0 <= c <= 1 for c in confs)


@needs_engine
def test_scanned_notice_warns_only_about_low_confidence_figures(scans) -> None:
    got = extract(scans["wuwei_2025"][1])
    low = [w for w in got.warnings if w.startswith("low OCR confidence")]
    flagged = {r.text for r in got.all_records() if r.confidence is not None and r.confidence < LOW_CONFIDENCE}
    assert all(any(repr(t) in w for t in flagged) for w in low)


@needs_engine
def test_image_file_is_read_with_ocr(tmp_path: Path) -> None:
    # page 3 of the founding notice: 资金安排 `统筹安排资金10040万元`, `5993万元`, `4047万元`
    page = scan_images(text_pdf(CORPUS / "wuwei_2025.pdf", pages=3))[2]
    path = tmp_path / "page3.png"
    page.save(path, dpi=(200, 200))
    notice = extract(path)
    assert notice.source.format == "image"
    amounts = {r.amount_cny for r in notice.all_records() if r.type == "money"}
    assert {100_400_000, 59_930_000, 40_470_000} <= amounts


@needs_engine
def test_rerun_reads_the_cache(scans, monkeypatch) -> None:
    scan = scans["shuyang_2023"][1]
    first = extract(scan)

    def no_engine(png: bytes, *args) -> str:
        raise AssertionError("tesseract ran again")

    monkeypatch.setattr(ocr, "run_tesseract", no_engine)
    again = extract(scan)
    assert again.model_dump() == first.model_dump()


def test_text_layer_is_never_ocred(monkeypatch) -> None:
    def no_ocr(*args, **kwargs):
        raise AssertionError("OCR ran on a PDF with a text layer")

    monkeypatch.setattr("minshi_extract.ingest.ocr_doc.ocr_images", no_ocr)
    for path in [CORPUS / "wuwei_2025.pdf", *sorted((CORPUS / "office").glob("*.pdf"))]:
        assert load(path).conf == {}  # read as before: no page went to OCR


def test_missing_engine_names_the_packages(monkeypatch) -> None:
    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    ocr.engine_version.cache_clear()
    try:
        scan = image_pdf(scan_images(text_pdf(CORPUS / "office" / "hunan_2019.pdf", pages=1), dpi=50))
        with pytest.raises(OcrUnavailable) as err:
            load_bytes(scan)
    finally:
        ocr.engine_version.cache_clear()
    msg = str(err.value)
    assert "tesseract-ocr tesseract-ocr-chi-sim" in msg and "minshi-extract[ocr]" in msg and "\n" not in msg


def test_ocr_never_keeps_the_scanned_pdf_message() -> None:
    scan = image_pdf(scan_images(text_pdf(CORPUS / "office" / "hunan_2019.pdf", pages=1), dpi=50))
    with pytest.raises(Exception, match="PDF has no text layer"):
        extract(scan, ocr="never")


def test_image_with_ocr_never_is_an_input_error(tmp_path: Path) -> None:
    buf = io.BytesIO()
    scan_images(text_pdf(CORPUS / "office" / "hunan_2019.pdf", pages=1), dpi=50)[0].save(buf, "PNG")
    with pytest.raises(Exception, match="can only be read with OCR"):
        extract(buf.getvalue(), ocr="never")


def test_cli_image_with_ocr_never_is_one_line(tmp_path: Path, capsys) -> None:
    from minshi_extract.cli import main

    path = tmp_path / "scan.png"
    scan_images(text_pdf(CORPUS / "office" / "hunan_2019.pdf", pages=1), dpi=50)[0].save(path)
    assert main(["extract", str(path), "--ocr", "never"]) == 2
    err = capsys.readouterr().err
    assert err == f"minshi-extract: error: {path}: an image file can only be read with OCR (drop --ocr never)\n"


@needs_engine
def test_ruled_table_of_a_scan_is_a_table() -> None:
    # shouguang_2024's 计划表: 8 columns (序号 … 责任单位); row 1 `4200` / `3000` 万元, row 3 `12500` / `8000`
    text, scan = scanned_pdf(CORPUS / "office" / "shouguang_2024.pdf")
    ref, got = load_bytes(text), load_bytes(scan)
    assert len(ref.tables) == len(got.tables) == 1
    rows = got.tables[0].rows
    assert {len(r) for r in rows} == {len(ref.tables[0].rows[0])} == {8}
    assert rows[1][3:5] == ["4200", "3000"] and rows[3][3:5] == ["12500", "8000"]
    # each cell read again on its own: the header cells' unit (`资（万` / `元）` on two lines,
    # read `(万5` on the page), a classifier alone on a cell's last line (`户` read `具`)
    assert [normalize_fragment(c) for c in rows[0][3:5]] == ["总投资(万元)", "年度投资(万元)"]
    assert normalize_fragment(rows[2][2]) == "完成农村清洁取暖改造8000户"
    assert normalize_fragment(rows[3][2]) == "改扩建中小学5所,新增学位2250个"
    # the row broken over pages 2 and 3 is one row, as in the text version
    assert len(rows) == len(ref.tables[0].rows) == 8 and rows[5][0] == "5" and rows[6][0] == "6"


@needs_engine
def test_figures_in_a_scanned_table_are_read_twice(scans) -> None:
    # shangcheng_2025's 附表 (3 columns): 改造任务（户） and 补助资金（万元） of 8 towns and the total;
    # chi_sim alone read `35` as `过`, `15.75` as `5`, `12.25` as `225`
    got = load_bytes(scans["shangcheng_2025"][1])
    rows = next(t.rows for t in got.tables if len(t.rows) == 10)
    # the towns keying the rows: 鄢 and 鲇, which the engine cannot read (`于岗镇`, `钻鱼山街道`),
    # set right from the county's townships (ocr_places)
    assert [r[0] for r in rows[1:]] == [
        "鄢岗镇", "上石桥镇", "双椿铺镇", "达权店镇", "汪桥镇", "余集镇", "赤城街道", "鲇鱼山街道", "合计",
    ]
    assert "实施主体:鄢岗镇、上石桥镇、达权店镇" in normalize_fragment(got.text)
    assert [r[1:] for r in rows[1:]] == [
        ["45", "15.75"], ["40", "14"], ["40", "14"], ["35", "12.25"], ["35", "12.25"],
        ["30", "10.5"], ["40", "14"], ["35", "12.25"], ["300", "105"],
    ]
