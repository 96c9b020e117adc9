"""PDF notices: rebuild the web-text layout from positioned characters.

The characters come from pypdfium2 (pdf_chars); pdfplumber reads only the pages whose tables need its
finder (ruling strokes, or words aligned in a grid) or that pdfium cannot place as pdfminer does. The
line builder is pdf_lines (characters -> lines, table cells) and pdf_layout (lines -> paragraphs).

What a published notice PDF does that the web text does not, and what we do about it:
- lines wrap at the right margin, even inside numbers (`资金10040` / `万元`): a line that reaches the
  right margin joins the next one WITHOUT a space when the next one starts at the left margin;
- a paragraph starts with a two-character first-line indent (an x offset, or `　　` that pdfminer
  drops as blank): an indented line never joins the line before it;
- page furniture: page numbers (`— 3 —`, `-3-`, `第3页`) and running heads in the page margins, and
  the issuer's red masthead (`武威市人民政府办公室文件`) are dropped;
- simulated bold (each glyph drawn twice: `关关于于`) is collapsed with pdfplumber's dedupe_chars;
- a Latin font beside a CJK one leaves gaps (`2024 年`): spaces between CJK and ASCII are dropped;
- ruled tables come from pdfplumber's table finder, kept in RawDoc.tables and written into the text
  one cell per line at their place; the characters inside a table are not written twice.
"""

from __future__ import annotations

import dataclasses
import statistics
from collections import Counter
from io import BytesIO
from typing import Any

from ..errors import InputError
from .pdf_chars import dedupe, glyph_count, open_document, page_chars, page_text, text_grid
from .pdf_fonts import Fonts, font_descents
from .pdf_forms import check_forms
from .pdf_layout import (  # noqa: F401  (re-exported: tests and the OCR path import them from here)
    _PAGE_NUMBER,
    Geometry,
    assemble,
    block_bottom,
    drop_furniture,
    joins,
    line_pitch,
    measure,
    measure_pages,
    page_spans,
)
from .pdf_limits import Tally, check_pages, check_streams
from .pdf_lines import (  # noqa: F401  (re-exported: tests and the OCR path import them from here)
    Line,
    TableItem,
    _cell,
    _cell_lines,
    _inside,
    _is_red,
    _room,
    _wraps,
    cell_text,
    clean_spaces,
    group_lines,
)
from .pdf_paths import ShimPage, page_edges
from .pdf_tables import continue_row, find_tables
from .pdf_unruled import tidy_unruled
from .rawdoc import RawDoc, RawTable


def _where(path: str | None) -> str:
    return path or "<bytes>"


# --- the reader ----------------------------------------------------------------------------------


def _row_broken(prev: TableItem, item: TableItem) -> bool:
    """Is the first row of `item` the rest of `prev`'s last row, broken over the page? Its key
    (first) cell is empty where the last row's is not, and each of its other cells runs on from a
    cell of the last row that was full (`新建老年助餐食堂40处，惠及老年` / `人1.2万人`)."""
    first, last = item.table.rows[0], prev.table.rows[-1]
    if len(first) != len(last) or len(prev.tail) != len(first) or len(item.lead) != len(first):
        return False
    if first[0] or not last[0] or not any(first):
        return False
    for cell, tail, lead in zip(first, prev.tail, item.lead, strict=True):
        if not cell:
            continue
        if tail is None or lead is None or not _wraps(tail[0], tail[1], lead, item.gap):
            return False
    return True


def merge_continued_tables(
    items: list[Line | TableItem], tables: list[RawTable]
) -> tuple[list[Line | TableItem], list[RawTable]]:
    """A table that ends a page and one with as many columns that starts the next page are one
    table continued: the second part's repeated header row is dropped and its rows appended."""
    out: list[Line | TableItem] = []
    kept = list(tables)
    for item in items:
        prev = out[-1] if out else None
        if (
            isinstance(item, TableItem)
            and isinstance(prev, TableItem)
            and item.page == prev.page + 1
            and len(item.table.rows[0]) == len(prev.table.rows[0])
        ):
            rows = item.table.rows
            if rows and rows[0] == prev.table.rows[0]:
                rows = continue_row(prev.table.rows, rows)
            elif rows and _row_broken(prev, item):
                last = prev.table.rows[-1]
                for i, cell in enumerate(rows[0]):
                    last[i] += cell
                rows = rows[1:]
            prev.tail = item.tail
            prev.table.rows.extend(rows)
            kept = [t for t in kept if t is not item.table]
            continue
        out.append(item)
    return out, kept


def _check_bytes(data: bytes, where: str) -> None:
    if b"%%EOF" not in data[-2048:]:
        raise InputError(f"{where}: PDF is truncated (no %%EOF at the end); get the complete file again")


def _open_error(exc: BaseException, where: str) -> InputError:
    chain = [exc, exc.__cause__, exc.__context__, *(a for a in getattr(exc, "args", ()) if isinstance(a, BaseException))]
    names = " ".join(type(e).__name__ for e in chain if e is not None) + " " + str(exc)
    if "Password" in names or "Encrypt" in names or "password" in names:
        return InputError(f"{where}: PDF is encrypted (password protected); save an unprotected copy first")
    detail = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
    return InputError(f"{where}: PDF is damaged and cannot be read ({type(exc).__name__}: {detail})")


def _page_items(page: Any, number: int, tally: Tally | None = None) -> tuple[list[dict], list[TableItem]]:
    """The characters outside tables, and the tables, of one page."""
    if tally is not None:
        tally.check_edges(len(page.edges), number)
    page = page.dedupe_chars(tolerance=1)
    items: list[TableItem] = []
    bboxes = []
    tables = find_tables(page)
    gap = 0.0
    if tables:
        gaps = [ln.gap for ln in group_lines(page.chars, number) if ln.gap >= 0]
        gap = statistics.median(gaps) if gaps else 0.0
    for t in tables:
        rows = [[_cell(cell_text(page.chars, c, gap)) if c else "" for c in row.cells] for row in t.rows]
        if getattr(t, "unruled", False):
            rows = tidy_unruled(rows, t, page.chars)
        if len(rows) < 2 or max(len(r) for r in rows) < 2:
            continue
        bboxes.append(t.bbox)
        tail: list[tuple[Line, float] | None] = []
        for c in t.rows[-1].cells:
            last = _cell_lines(page.chars, c)[-1:] if c else []
            tail.append((last[0], _room(last[0], c)) if last else None)
        lead = [(_cell_lines(page.chars, c)[:1] or [None])[0] if c else None for c in t.rows[0].cells]
        table = RawTable(rows=rows, page=number, bbox=tuple(t.bbox))
        items.append(TableItem(table, top=t.bbox[1], page=number, tail=tail, lead=lead, gap=gap))
    chars = [c for c in page.chars if not any(_inside(c, b) for b in bboxes)]
    return chars, items


def _drop_masthead(chars: list[dict], body: float) -> list[dict]:
    """The red issuer header (`XX人民政府办公室文件`) in a large font is letterhead, not text."""
    return [c for c in chars if not (c["size"] >= 1.5 * body and _is_red(c.get("non_stroking_color")))]


def _read_pages(data: bytes, pdf: Any, where: str) -> list[tuple[list[dict], list[TableItem]]]:
    """The characters outside tables, and the tables, of every page: pdfium's characters, and
    pdfplumber's table finder run on them and on pdfium's edges where the page may hold a table
    (ruling strokes, or words aligned in a grid); pdfplumber's own page where pdfium's characters or
    paths cannot be placed as pdfminer places them (pdf_chars, pdf_paths)."""
    doc = open_document(data)
    tally = Tally(where)
    try:
        fonts = Fonts(font_descents(pdf.pages)) if doc is not None and len(doc) == len(pdf.pages) else None
        out = []
        for i, p in enumerate(pdf.pages, 1):
            item = _pdfium_page(doc, p, i, fonts, tally) if fonts is not None else None
            if item is None:
                tally.add_glyphs(len(p.chars), i)  # before dedupe_chars, quadratic at worst
                item = _page_items(p, i, tally)
            out.append(item)
        return out
    finally:
        if doc is not None:
            doc.close()


def _pdfium_page(doc: Any, p: Any, i: int, fonts: Fonts, tally: Tally) -> tuple[list[dict], list[TableItem]] | None:
    """One page from pdfium; None: pdfplumber reads it (a page pdfium cannot load, or see pdf_chars)."""
    import pypdfium2 as pdfium

    try:
        page = doc[i - 1]
        textpage = page.get_textpage()
    except pdfium.PdfiumError:
        return None
    try:
        text = page_text(textpage)
        tally.add_glyphs(glyph_count(textpage, text), i)
        src = page_chars(p, page, textpage, i, fonts, text, tally)
        if src.plumber:
            return None
        chars = dedupe(src.chars)
        if not src.objects.ruled and not text_grid(chars):
            return chars, []
        edges = page_edges(src.objects.paths, src.height)
        if edges is None:
            return None
        return _page_items(ShimPage(chars, edges, src.width, src.height), i, tally)
    finally:
        textpage.close()
        page.close()


def read_pdf(data: bytes, path: str | None, sha256: str) -> RawDoc:
    where = _where(path)
    _check_bytes(data, where)
    check_streams(data, where)
    import pdfplumber

    try:
        with pdfplumber.open(BytesIO(data)) as pdf:
            meta = {k: str(v) for k, v in (pdf.metadata or {}).items() if isinstance(v, str | int | float)}
            check_pages(len(pdf.pages), where)
            check_forms(pdf.pages, where)
            raw_pages = _read_pages(data, pdf, where)
            sizes = [(float(p.width), float(p.height)) for p in pdf.pages]
    except InputError:
        raise
    except Exception as exc:  # pdfminer raises many types (PSEOF, PDFSyntaxError, ...): all mean "unreadable"
        raise _open_error(exc, where) from None
    from .ocr_doc import finish_ocr, ocr_pages  # pages without a text layer: OCR (--ocr)

    raw_pages = ocr_pages(data, sha256, raw_pages, where)
    if not sizes:
        raise InputError(f"{where}: PDF has no pages")
    visible = [c for chars, _ in raw_pages for c in chars if c["text"].strip()]
    if not visible and not any(tables for _, tables in raw_pages):
        raise InputError(f"{where}: PDF has no text layer (scanned image?); run OCR first, e.g. ocrmypdf {where} out.pdf")
    body = Counter(round(c["size"], 1) for c in visible).most_common(1)[0][0] if visible else 12.0
    page_lines = [group_lines(_drop_masthead(chars, body), n) for n, (chars, _) in enumerate(raw_pages, 1)]
    page_lines = drop_furniture(page_lines, [h for _, h in sizes], body)
    all_lines = [ln for lines in page_lines for ln in lines]
    if not all_lines and not any(t for _, t in raw_pages):
        raise InputError(f"{where}: PDF has no text layer (scanned image?); run OCR first, e.g. ocrmypdf {where} out.pdf")
    g = measure(all_lines) if all_lines else Geometry(body, 0.0, 0.0)
    items: list[Line | TableItem] = []
    tables: list[RawTable] = []
    for lines, (_, page_tables) in zip(page_lines, raw_pages, strict=True):
        merged: list[Line | TableItem] = [*lines, *page_tables]
        merged.sort(key=lambda it: it.top)
        items.extend(merged)
        tables.extend(t.table for t in page_tables)
    items, tables = merge_continued_tables(items, tables)
    per_page = measure_pages(page_lines, g)
    for n in range(1, len(sizes) + 1):
        per_page.setdefault(n, g)
    bottom = block_bottom(page_lines, g.body)
    gaps = [ln.gap for ln in all_lines if ln.gap >= 0]
    gap = statistics.median(gaps) if gaps else 0.0
    pitch = line_pitch(page_lines, g.body)
    per_page = {n: dataclasses.replace(pg, bottom=bottom, gap=gap, pitch=pitch) for n, pg in per_page.items()}
    segs = assemble(items, per_page)
    segs.append(("\n", segs[-1][1] if segs else 1))
    text, pages = page_spans(segs, sizes)
    clean_meta = {k: v for k, v in meta.items() if k in ("Title", "Author", "Subject", "CreationDate", "Producer") and v}
    raw = RawDoc(text=text, format="pdf", path=path, sha256=sha256, pages=pages, tables=tables, meta=clean_meta)
    return finish_ocr(raw, raw_pages)
