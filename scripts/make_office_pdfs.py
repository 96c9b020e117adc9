"""PDFs made by a real office producer (LibreOffice), into corpus/office/.

    .venv/bin/python scripts/make_office_pdfs.py              # every file below
    .venv/bin/python scripts/make_office_pdfs.py huzhou_2024  # just one

Our own PDF fixtures (scripts/make_fixtures.py, make_variant_fixtures.py) place every character
on a grid with fpdf2. LibreOffice does not: it wraps by its own line breaker (no closing mark at
a line start, no break inside a number or Latin word), stretches justified lines, sets digits and
Latin letters in another font, embeds several subsets of one font, and gives headings their own
sizes. This script takes
- corpus/wuwei_2025.docx (made by make_fixtures.py: `仿宋_GB2312`, which is substituted, ragged
  right) and any corpus/variants/*.docx, converted as they are;
- a few variant .txt notices written as .docx with python-docx the way an office clerk would:
  paragraphs with a two-character first-line indent, justified, a 仿宋-like serif font, headings in
  a sans font, tables as Word tables, a right-aligned signature,
and converts each with `soffice --headless --convert-to pdf`. Needs LibreOffice and
fonts-noto-cjk; tests do not (the PDFs are committed). A fixture generator, not the extractor.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
CORPUS = ROOT / "corpus"
OUT = CORPUS / "office"

# variant .txt notices written as .docx here (name: justified?): layout 1 with phases, a table
# notice, a flat list, pushed-down measures, and a consolidated plan left ragged (no justification)
FROM_TEXT = {
    "huzhou_2024": True,
    "shouguang_2024": True,
    "shuyang_2023": True,
    "xinzheng_2026": True,
    "liuyang_2025_gb18030": False,
    "shangcheng_2025": True,  # centred 18pt lines wrapped (`…县城市` / `管理局`), an 附表 title wrapped
    "quzhou_2026": True,  # a 万元 column in a Word table
    "hunan_2019": True,  # a paragraph broken over a page left one line short (widow control)
}
SERIF = "Noto Serif CJK SC"  # stands in for 仿宋_GB2312, which no free font provides
SANS = "Noto Sans CJK SC"  # stands in for 黑体


def make_docx(name: str, out: Path, justify: bool = True) -> None:
    """The variant notice `name`.txt as a clerk's Word document (see the module docstring)."""
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt
    from make_variant_fixtures import official, read_blocks

    blocks = read_blocks(CORPUS / "variants" / f"{name}.txt")
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin, sec.bottom_margin = Mm(37), Mm(35)
    sec.left_margin, sec.right_margin = Mm(28), Mm(26)
    normal = doc.styles["Normal"]
    normal.font.size = Pt(16)
    normal.font.name = SERIF
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), SERIF)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = Pt(28)

    body_align = WD_ALIGN_PARAGRAPH.JUSTIFY if justify else WD_ALIGN_PARAGRAPH.LEFT

    def para(
        text: str,
        *,
        indent: bool = True,
        align=body_align,
        size: float | None = None,
        font: str | None = None,
        bold: bool = False,
    ):
        p = doc.add_paragraph()
        run = p.add_run(text)
        if size:
            run.font.size = Pt(size)
        if font:
            run.font.name = font
            run.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
        run.bold = bold or None
        p.alignment = align
        if indent:
            p.paragraph_format.first_line_indent = Pt(32)
        if size and size > 16:
            p.paragraph_format.line_spacing = Pt(size * 1.5)
        return p

    def page_break() -> None:
        if len(doc.paragraphs) > 1:
            doc.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)

    for b in blocks:
        s = official(b.text)
        if b.kind == "title":
            para(s, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER, size=22, font=SANS)
        elif b.kind == "docno":
            para(s, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER)
        elif b.kind == "ptitle":
            page_break()
            para(s, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER, size=22, font=SANS)
        elif b.kind == "atitle":
            para(s, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER, size=18, font=SANS)
        elif b.kind == "alabel":
            page_break()
            para(b.text, indent=False, align=WD_ALIGN_PARAGRAPH.LEFT, font=SANS)
        elif b.kind == "heading":
            para(s, font=SANS)
        elif b.kind == "sign":
            para(b.text, indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT)
        elif b.kind == "addressee":
            para(s, indent=False)
        elif b.kind == "table":
            rows = b.rows
            t = doc.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            t.style = "Table Grid"
            t.alignment = WD_TABLE_ALIGNMENT.CENTER
            for r, row in enumerate(rows):
                for c, val in enumerate(row):
                    if not val:
                        continue
                    cell = t.cell(r, c)
                    lines = [official(v) for v in val.split("\n")]
                    cell.paragraphs[0].text = lines[0]
                    for more in lines[1:]:  # a header broken over lines: one paragraph per line
                        cell.add_paragraph(more)
                    for p in cell.paragraphs:
                        p.paragraph_format.line_spacing = 1.0
                        for run in p.runs:
                            run.font.size = Pt(12)
        else:
            para(s)
    doc.core_properties.title = blocks[0].text
    doc.save(str(out))


def convert(docx: Path, out_dir: Path) -> Path:
    """`soffice --headless --convert-to pdf`, with a private profile so it runs beside an open office."""
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(out_dir),
                str(docx),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
    pdf = out_dir / (docx.stem + ".pdf")
    if not pdf.exists():
        raise SystemExit(f"soffice made no PDF from {docx}")
    return pdf


def main(argv: list[str]) -> int:
    if not shutil.which("soffice"):
        print("soffice (LibreOffice) is not installed", file=sys.stderr)
        return 1
    OUT.mkdir(exist_ok=True)
    sources = [CORPUS / "wuwei_2025.docx", *sorted((CORPUS / "variants").glob("*.docx"))]
    with tempfile.TemporaryDirectory() as tmp:
        for name, justify in FROM_TEXT.items():
            docx = Path(tmp) / f"{name}.docx"
            make_docx(name, docx, justify)
            sources.append(docx)
        for src in sources:
            if argv and src.stem not in argv:
                continue
            pdf = convert(src, OUT)
            print(pdf.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
