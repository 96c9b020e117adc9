"""Session 8's hostile inputs (made at test time; registered in hostile_fixtures.MAKERS through
`MAKERS8`, so benchmarks/bench_hostile.py runs them at full size).

Each maker returns the bytes of one file."""

from __future__ import annotations

from collections.abc import Callable

_TITLE = "关于印发为民实事实施方案的通知\n一、城乡学校建设工程\n"


def digit_run(n: int = 190_000, tail: str = "所") -> bytes:
    """One figure of `n` digits followed by `tail` (not 元), then a small amount: a pattern tried from
    every digit of the run was quadratic (10,000 digits: 6 s; 190,000: about 40 minutes)."""
    return (_TITLE + "新建学校" + "9" * n + tail + "，投资12万元。\n").encode("utf-8")


# one sentence of many figures, by shape: (member, joiner, head, tail)
SENTENCE_SHAPES: dict[str, Callable[[int], str]] = {
    "space": lambda n: "新建" + " ".join(f"{i}所" for i in range(n)),
    "dun": lambda n: "新建" + "、".join(f"学校{i}所" for i in range(n)),
    "tilde": lambda n: "提高" + "～".join(f"{i}%" for i in range(1, n + 1)),
    "qizhong": lambda n: "统筹资金100000万元，" + "".join(f"其中{i}万元，" for i in range(n)),
    "payer": lambda n: "，".join(f"省级财政承担{i}万元" for i in range(n)),
    "percap": lambda n: "，".join(f"每人每月补助{i}元" for i in range(n)),
    "fenbie": lambda n: "、".join(f"学校{i}" for i in range(n // 2)) + "分别投资"
    + "、".join(f"{i}万元" for i in range(n // 2)),
    "heji": lambda n: "、".join(f"学校{i}投资{i}万元" for i in range(n // 2)) + "，合计投资9999万元",
    "regions": lambda n: "新建学校" + "、".join(f"凉州区{i}所" for i in range(n)),
}


def long_sentence(shape: str, n: int) -> str:
    """The title, then one sentence of about `n` figures of `shape`."""
    return _TITLE + SENTENCE_SHAPES[shape](n) + "。\n"


def long_sentences(shape: str = "qizhong", n: int = 2900, copies: int = 40) -> bytes:
    """`copies` sentences of `n` figures each (each under the 3,000 a sentence): the passes that read a
    figure's sentence or clause from its start were quadratic in it (40 x 2,900 其中: minutes)."""
    return (_TITLE + (SENTENCE_SHAPES[shape](n) + "。\n") * copies).encode("utf-8")


def dense_figures(lines: int = 120_000) -> bytes:
    """Lines of four blank-separated figures with units (4.3 MB at 120,000 lines): records at ~1 KB
    each; 1,000,000 such lines (36 MB) held ~4.5 GB."""
    return (_TITLE + "".join(f"{i}所 {i + 1}万元 {i + 2}个 {i + 3}%\n" for i in range(lines))).encode("utf-8")


def ragged_tabs(rows: int = 20_000, widest: int = 300) -> bytes:
    """Tab-separated rows of 1..`widest` cells (10 MB): each cell of a text table is held at ~500 bytes
    (1.2 GB and over a minute at 20,000 rows)."""
    return (_TITLE + "".join("\t".join(f"项{chr(0x4E00 + j)}" for j in range(i % widest + 1)) + "\n"
                             for i in range(rows))).encode("utf-8")


def lvltext_docx(paragraphs: int = 3000, chars: int = 350_000) -> bytes:
    """Numbered paragraphs whose level text (w:lvlText) is `chars` long: it was copied into each
    paragraph's marker (300 paragraphs: 700 MB; 3,000: past 3 GB)."""
    from hostile_fixtures import W, _docx  # (that module imports this one)

    lvl = (f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
           f'<w:lvlText w:val="{"%1." * (chars // 3)}"/></w:lvl>')
    num_pr = f'<w:numPr {W}><w:ilvl w:val="0"/><w:numId w:val="9"/></w:numPr>'
    return _docx([("关于印发为民实事实施方案的通知", "")] + [(f"新建学校{i}所", num_pr) for i in range(1, paragraphs + 1)],
                 [f'<w:abstractNum {W} w:abstractNumId="7">{lvl}</w:abstractNum>',
                  f'<w:num {W} w:numId="9"><w:abstractNumId w:val="7"/></w:num>'])


_PAGE = ("<html><head><meta charset='utf-8'><title>关于印发为民实事实施方案的通知</title></head><body>"
         "<div id='zoom'>" + "<p>一、城乡学校建设工程</p><p>新建学校12所，投资3000万元。</p>" * 4)


def open_inline(n: int = 59_000, tag: str = "<b>") -> bytes:
    """A page whose article ends in `n` inline tags left open (`<b>`, `<li><b>`): they nest in the
    parsed tree, which the tag scan before parsing does not count; reading it ran past a minute."""
    return (_PAGE + tag * n + "新建学校12所</div></body></html>").encode("utf-8")


def staggered_lines(n: int = 30, step: int = 7) -> bytes:
    """A PDF page of `n` lines, each set at its own x (`step` pt right of the one above): no left edge
    shared by two lines, and measuring the text block took the least of none (exit 3)."""
    from hostile_fixtures import _pdf

    rows = b"".join(b"1 0 0 1 %d %d Tm (Line %d builds 12 schools) Tj " % (72 + i * step, 800 - i * 20, i)
                    for i in range(n))
    return _pdf(b"BT /F1 12 Tf " + rows + b"ET")


def ruled_cells(n: int = 20_000, cols: int = 40, step: float = 9, texts: int | None = None) -> bytes:
    """One PDF page of `n` stroked rectangles in rows of `cols` (a ruled grid; 4 edges each), a digit in
    each of the first `texts` (all): pdfplumber's table finder costs the square of the edges (20,000
    cells: minutes)."""
    from helpers import assemble_pdf

    cells = b"".join(b"%.1f %.1f 12 %.1f re S\n" % (20 + (i % cols) * 13, 820 - (i // cols) * step, step - 1)
                     for i in range(n))
    text = b"".join(b"1 0 0 1 %.1f %.1f Tm (%d) Tj " % (21 + (i % cols) * 13, 822 - (i // cols) * step, i % 10)
                    for i in range(n if texts is None else texts))
    content = cells + b"BT /F1 5 Tf " + text + b"ET"
    return assemble_pdf([
        b"<</Type/Catalog/Pages 2 0 R>>", b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 5 0 R>>>>/Contents 4 0 R>>",
        b"<</Length %d>>\nstream\n" % len(content) + content + b"\nendstream",
        b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>"])


def form_fan(levels: int = 7, fan: int = 10) -> bytes:
    """A page drawing a Form XObject that draws the next `fan` times, `levels` deep: fan**(levels-1)
    drawings of one line of text from 3 KB (10^6: past a minute and 1.9 GB)."""
    from helpers import assemble_pdf

    text = b"BT /F1 12 Tf 72 720 Td (Total 12) Tj ET"
    objs = [b"<</Type/Catalog/Pages 2 0 R>>", b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
            b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</XObject<</X 6 0 R>>>>/Contents 4 0 R>>",
            b"<</Length 5>>\nstream\n/X Do\nendstream", b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>"]
    for i in range(levels):
        last = i == levels - 1
        body = text if last else b" ".join(b"q 1 0 0 1 %d 0 cm /X Do Q" % k for k in range(fan))
        res = b"<</Font<</F1 5 0 R>>>>" if last else b"<</XObject<</X %d 0 R>>>>" % (7 + i)
        objs.append(b"<</Type/XObject/Subtype/Form/BBox[0 0 595 842]/Resources%s/Length %d>>\nstream\n"
                    % (res, len(body)) + body + b"\nendstream")
    return assemble_pdf(objs)


def blank_scan(width: int = 9_000, height: int = 9_000, dpi: int = 300) -> bytes:
    """A white PNG page of `width` x `height` pixels (81 MP packs to 100 KB): OCR held ~15 bytes a pixel
    (1.2 GB)."""
    import io

    from PIL import Image

    buf = io.BytesIO()
    Image.new("1", (width, height), 1).save(buf, "PNG", dpi=(dpi, dpi))
    return buf.getvalue()


def big_page(points: int = 14_400) -> bytes:
    """A PDF page `points` square (14,400: Acrobat's largest, 200 inches) that draws one image and no
    text: rendered at 300 dpi for OCR it was 3.6 gigapixels (MemoryError, exit 3)."""
    import zlib

    from helpers import assemble_pdf

    pixels = zlib.compress(b"\x00" * 400 * 400)
    content = b"q %d 0 0 %d 0 0 cm /Im Do Q" % (points, points)
    return assemble_pdf([
        b"<</Type/Catalog/Pages 2 0 R>>", b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 %d %d]/Resources<</XObject<</Im 5 0 R>>>>/Contents 4 0 R>>"
        % (points, points),
        b"<</Length %d>>\nstream\n" % len(content) + content + b"\nendstream",
        b"<</Type/XObject/Subtype/Image/Width 400/Height 400/ColorSpace/DeviceGray/BitsPerComponent 8"
        b"/Filter/FlateDecode/Length %d>>\nstream\n" % len(pixels) + pixels + b"\nendstream"])


def unit_lines(lines: int = 600_000) -> bytes:
    """`lines` lines naming two lead units each (26 MB at 600,000): no digit, so no figure counted,
    but a record for each unit, merged only at the end (1,200,000 records: 55 s, 956 MB)."""
    return (_TITLE + "牵头单位：市教育局、市财政局\n" * lines).encode("utf-8")


def many_programmes(n: int = 2_000, shift: int = 0) -> bytes:
    """A notice of `n` programmes, each with one figure (`compare` scores every pair of two such
    notices: 2,000 each ran past a minute)."""
    cn = "一二三四五六七八九十"
    return ("关于印发为民实事实施方案的通知\n" + "".join(f"{cn[i % 10]}、城乡学校建设工程{i + shift}\n新建学校{i}所。\n"
                                              for i in range(n))).encode("utf-8")


MAKERS8: dict[str, Callable[[], bytes]] = {
    "unit_lines_600k.txt": unit_lines,
    "big_page_14400pt.pdf": big_page,
    "blank_scan_81mp.png": blank_scan,
    "form_fan_1e6.pdf": form_fan,
    "ruled_cells_20k.pdf": lambda: ruled_cells(20_000, step=1.04, texts=15_000),
    "staggered_lines.pdf": staggered_lines,
    "open_b_59k.html": open_inline,
    "open_li_b_29k.html": lambda: open_inline(29_000, "<li><b>"),
    "lvltext_350k_3000p.docx": lvltext_docx,
    "digit_run_190k.txt": digit_run,
    "qizhong_2900_x40.txt": long_sentences,
    "space_figures_2900_x40.txt": lambda: long_sentences("space"),
    "fenbie_2900_x40.txt": lambda: long_sentences("fenbie"),
    "dense_figures_120k.txt": dense_figures,
    "ragged_tabs_20k.txt": ragged_tabs,
}
