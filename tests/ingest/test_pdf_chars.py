"""The pypdfium2 character source (pdf_chars, pdf_fonts, pdf_paths) against pdfplumber, which the
line builder's thresholds were set on: the same characters, words and table edges, and the cases
where pdfium alone would read differently (blanks set as text objects of their own, a /Descent of 0,
a scaled text matrix, a rotated page)."""

from __future__ import annotations

import io
import zlib
from collections import Counter
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pytest
from helpers import assemble_pdf
from pdfplumber.utils import dedupe_chars, extract_words

from minshi_extract.ingest import load, load_bytes
from minshi_extract.ingest.pdf_chars import PageChars, dedupe, page_chars, text_grid, words
from minshi_extract.ingest.pdf_fonts import Fonts, font_descents
from minshi_extract.ingest.pdf_paths import page_edges

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def _pdfium_pages(data: bytes) -> tuple[list[PageChars], list]:
    """(pdfium's pages as pdf_chars reads them, pdfplumber's character lists of the same pages)."""
    doc = pdfium.PdfDocument(data)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        fonts = Fonts(font_descents(pdf.pages))
        ours, theirs = [], []
        for i, p in enumerate(pdf.pages):
            page = doc[i]
            ours.append(page_chars(p, page, page.get_textpage(), i + 1, fonts))
            theirs.append(dedupe_chars(p.chars, tolerance=1))
    return ours, theirs


def _boxes(chars: list[dict]) -> Counter:
    return Counter(
        (c["text"], round(c["x0"], 2), round(c["x1"], 2), round(c["top"], 2), round(c["bottom"], 2), round(c["size"], 2))
        for c in chars if c["text"].strip()
    )


def _visible(chars: list[dict]) -> list[dict]:
    return sorted((c for c in chars if c["text"].strip()), key=lambda c: (round(c["top"]), c["x0"]))


@pytest.mark.parametrize(
    ("name", "x0_tol", "x1_tol"),
    [
        ("wuwei_2025.pdf", 1e-3, 1e-3),  # fpdf2: /Descent -151, simulated bold
        # LibreOffice: /Descent 0 (pdfium would repair it); pdfium's advance of a glyph is the font
        # program's, pdfminer's the /Widths entry (1 em for CJK): x1 differs (up to 0.045 em), x0 not
        ("office/hunan_2019.pdf", 1e-3, 1.0),
        # reportlab: one CJK font as several subsets; /W widths in fractions, pdfium rounds them:
        # origins drift by under 0.02 pt a glyph along a run of digits, x1 by up to 0.3 pt
        ("ruled/wuwei_2025_reportlab.pdf", 0.15, 0.35),
    ],
)
def test_visible_characters_are_pdfplumbers(name: str, x0_tol: float, x1_tol: float) -> None:
    ours, theirs = _pdfium_pages((CORPUS / name).read_bytes())
    for mine, plumber in zip(ours, theirs, strict=True):
        assert not mine.plumber
        a, b = _visible(dedupe(mine.chars)), _visible(plumber)
        assert [c["text"] for c in a] == [c["text"] for c in b]
        for c, d in zip(a, b, strict=True):
            assert abs(c["x0"] - d["x0"]) <= x0_tol and abs(c["x1"] - d["x1"]) <= x1_tol
            assert (c["top"], c["bottom"], c["size"]) == pytest.approx((d["top"], d["bottom"], d["size"]), abs=1e-3)


def test_a_blank_set_as_its_own_text_object_is_kept() -> None:
    # the list of issuers is spaced in the notice: `《体育总局 财政部 市场监管总局关于印发`; LibreOffice
    # sets those blanks in another font, one text object for both, which pdfium reads as one blank
    assert "《体育总局 财政部 市场监管总局关于印发" in (CORPUS / "wuwei_2025.txt").read_text(encoding="utf-8")
    assert "《体育总局 财政部 市场监管总局关于印发" in load(CORPUS / "office" / "wuwei_2025.pdf").text
    assert "《体育总局 财政部 市场监管总局关于印发" in load(CORPUS / "ruled" / "wuwei_2025_reportlab.pdf").text


def test_words_are_pdfplumbers() -> None:
    ours, _ = _pdfium_pages((CORPUS / "variants" / "tables" / "mianyang_2023.pdf").read_bytes())
    for page in ours:
        chars = [dict(c, upright=True, doctop=c["top"]) for c in dedupe(page.chars)]
        want = [(w["x0"], w["x1"], w["top"], w["bottom"]) for w in extract_words(chars, x_tolerance=2, y_tolerance=3)]
        assert [(w["x0"], w["x1"], w["top"], w["bottom"]) for w in words(chars)] == want
        assert want


def test_table_edges_are_pdfplumbers() -> None:
    data = (CORPUS / "variants" / "tables" / "dezhou_2020.pdf").read_bytes()
    doc = pdfium.PdfDocument(data)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        fonts = Fonts(font_descents(pdf.pages))
        for i, p in enumerate(pdf.pages):
            page = doc[i]
            src = page_chars(p, page, page.get_textpage(), i + 1, fonts)
            mine = page_edges(src.objects.paths, src.height)
            assert mine is not None

            def key(e: dict) -> tuple:
                return (e["orientation"], *(round(e[k], 3) for k in ("x0", "x1", "top", "bottom", "width", "height")))

            assert Counter(map(key, mine)) == Counter(map(key, p.edges))
            assert src.objects.ruled == bool(p.edges)


def test_dedupe_drops_a_glyph_drawn_again_within_a_point() -> None:
    def ch(text: str, x0: float, top: float, font: int = 1) -> dict:
        return {"text": text, "x0": x0, "top": top, "size": 16.0, "font_id": font}

    chars = [
        ch("关", 100.0, 200.0), ch("关", 100.4, 200.3),  # simulated bold: the second goes
        ch("于", 116.0, 200.0), ch("于", 116.5, 199.8),  # the second is first by top: it stays
        ch("关", 132.0, 200.0),  # the same glyph 32 points on: another character
        ch("关", 100.2, 200.1, font=2),  # another font: not a repeat
        ch("国", 10.0, 300.0), ch("国", 11.0, 300.0), ch("国", 12.0, 300.0),  # a chain within 1 point: one
    ]
    assert dedupe(chars) == [chars[0], chars[3], chars[4], chars[5], chars[6]]


def _pdf(content: bytes, page: bytes = b"") -> bytes:
    stream = zlib.compress(content)
    objs = [
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]%s/Resources<</Font<</F1 5 0 R>>>>/Contents 4 0 R>>" % page,
        b"<</Length %d/Filter/FlateDecode>>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>",
    ]
    return assemble_pdf(objs)


def test_text_under_a_scaling_matrix_is_placed_as_pdfminer_places_it() -> None:
    # 12pt Helvetica (a standard font: pdfminer takes its descent, -207, from the AFM) drawn at 2x
    data = _pdf(b"q 2 0 0 2 0 0 cm BT /F1 12 Tf 50 300 Td (Plan 2024) Tj ET Q")
    (mine,), (plumber,) = _pdfium_pages(data)
    first = dedupe(mine.chars)[0]
    assert (first["text"], first["x0"], first["size"]) == ("P", 100.0, 24.0)
    assert first["bottom"] == pytest.approx(842 - 600 + 0.207 * 24)
    assert _boxes(dedupe(mine.chars)) == _boxes(plumber)
    assert "Plan 2024" in load_bytes(data, "scaled.pdf").text


def test_a_rotated_page_is_left_to_pdfplumber() -> None:
    data = _pdf(b"BT /F1 12 Tf 50 300 Td (Plan 2024) Tj ET", page=b"/Rotate 90")
    (mine,), _ = _pdfium_pages(data)
    assert mine.plumber and mine.chars == []
    # pdfplumber turns the page: the line comes one glyph a line, read top to bottom
    assert "".join(load_bytes(data, "rotated.pdf").text.split()) == "Plan2024"


def test_a_grid_of_figures_may_be_a_text_table_and_prose_is_not() -> None:
    def row(top: float, cells: list[str], xs: list[float]) -> list[dict]:
        out = []
        for text, x in zip(cells, xs, strict=True):
            for k, c in enumerate(text):
                out.append({"text": c, "x0": x + 6 * k, "x1": x + 6 * k + 6, "top": top, "bottom": top + 12,
                            "upright": True, "doctop": top})
        return out

    xs = [60.0, 160.0, 260.0, 360.0]
    grid = [c for r in range(4) for c in row(100 + 20 * r, ["县区", f"{r}100", f"{r}20", f"{r}3"], xs)]
    assert text_grid(grid)
    prose = [c for r in range(12) for c in row(100 + 20 * r, ["新建改造农村供水工程处提升万农村人口供水保障水平"], [60.0])]
    assert not text_grid(prose)


def test_a_character_outside_the_basic_plane_is_one_character() -> None:
    # pdfium gives 𠀀 (U+20000, CJK extension B) as two UTF-16 units at two character indices
    from minshi_extract.ingest.pdf_chars import _units

    assert _units("县\ud840\udc00村") == ["县", "\U00020000", "", "村"]
