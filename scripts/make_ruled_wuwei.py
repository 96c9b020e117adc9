"""The founding notice typeset by a second producer: reportlab, ruled attachment tables whose
cells wrap in narrow columns (`补助标准` / `(万元)` broken by the column, not by the text),
merged cells, a header repeated when a table runs over a page. Written to
corpus/ruled/wuwei_2025_reportlab.pdf; tests/ingest/test_format_agreement.py checks its records
against the text's.

    .venv/bin/python scripts/make_ruled_wuwei.py      # needs reportlab (the `fixtures` extra)
                                                       # and fonts-wqy-zenhei

The blocks and tables are the ones scripts/make_fixtures.py reads from corpus/wuwei_2025.txt.
This is a fixture generator, not the extractor: it may know where the tables sit.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from make_fixtures import ISSUER, MERGES, official, read_blocks, split_title  # noqa: E402

FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
OUT = ROOT / "corpus" / "ruled" / "wuwei_2025_reportlab.pdf"


def build(out: Path) -> None:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    pdfmetrics.registerFont(TTFont("zh", FONT, subfontIndex=0))
    body = ParagraphStyle("body", fontName="zh", fontSize=14, leading=24, alignment=TA_JUSTIFY,
                          firstLineIndent=28, wordWrap="CJK")
    flush = ParagraphStyle("flush", parent=body, firstLineIndent=0)
    title = ParagraphStyle("title", parent=body, fontSize=20, leading=30, alignment=TA_CENTER, firstLineIndent=0)
    centred = ParagraphStyle("centred", parent=body, alignment=TA_CENTER, firstLineIndent=0)
    right = ParagraphStyle("right", parent=body, alignment=TA_RIGHT, firstLineIndent=0)
    cell = ParagraphStyle("cell", fontName="zh", fontSize=11, leading=15, alignment=TA_CENTER, wordWrap="CJK")

    blocks = read_blocks()
    story: list = []
    ti = 0
    for b in blocks:
        text = official(b.lines[0]) if b.lines else ""
        if b.kind == "title":
            continue
        if b.kind == "docno":
            story += [Paragraph(text, centred), Spacer(1, 12)]
        elif b.kind == "addressee":
            story += [Paragraph(s, title) for s in split_title(official(blocks[0].lines[0]))]
            story += [Spacer(1, 12), Paragraph(text, flush)]
        elif b.kind in ("para", "heading"):
            story.append(Paragraph(text, body))
        elif b.kind == "alist":
            story.append(Paragraph(text, ParagraphStyle("alist", parent=flush, leftIndent=70)))
        elif b.kind == "sign":
            story.append(Paragraph(text, right))
        elif b.kind == "ptitle":
            story += [PageBreak(), *(Paragraph(official(s), title) for s in b.lines), Spacer(1, 12)]
        elif b.kind == "alabel":
            story += [PageBreak(), Paragraph(b.lines[0], flush)]
        elif b.kind == "atitle":
            story += [*(Paragraph(official(s), title) for s in b.lines), Spacer(1, 8)]
        elif b.kind == "table":
            story.append(_table(b.rows, ti, cell, Table, TableStyle, Paragraph, colors, mm))
            ti += 1
    doc = SimpleDocTemplate(str(out), pagesize=A4, leftMargin=28 * mm, rightMargin=26 * mm,
                            topMargin=37 * mm, bottomMargin=35 * mm, title=blocks[0].lines[0], author=ISSUER)
    doc.build(story)


def _table(rows, ti, cell, Table, TableStyle, Paragraph, colors, mm):
    """Narrow columns (cells wrap by width: one line of text per row is rare), merged cells, the
    header row repeated on a new page."""
    ncol = len(rows[0])
    width = 150 * mm
    first = 0.22 if ncol > 2 else 0.3
    widths = [width * first] + [width * (1 - first) / (ncol - 1)] * (ncol - 1)
    data = [[Paragraph("".join(c.split("\n")), cell) if c else "" for c in r] for r in rows]
    style = [("GRID", (0, 0), (-1, -1), 0.75, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
    for t, r, a, b in MERGES:
        if t == ti:
            style.append(("SPAN", (a, r), (b, r)))
    return Table(data, colWidths=widths, repeatRows=1, style=TableStyle(style))


if __name__ == "__main__":
    build(OUT)
    print(OUT)
