"""Where OCR meets the readers: which PDF pages to OCR, image files, and the confidence of records.

- `--ocr auto` (default): a PDF page with no text layer that holds an image is OCR'd; a page with
  text is read as it always was, so a notice with a text layer gives exactly the records it gave;
- `--ocr always`: every page is OCR'd (its text layer ignored); `--ocr never`: none is.
"""

from __future__ import annotations

import io
import math
import warnings
from typing import Any

from ..errors import InputError, LimitError
from ..limits import MAX_IMAGE_PIXELS, MAX_OCR_PIXELS, check_count
from .ocr import OcrUnavailable, current, ocr_images, options, readable
from .ocr_clean import LOW_CONFIDENCE, agree_repeats, clean_joined, locate_from
from .ocr_places import fix_places
from .rawdoc import RawDoc

_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")
_DEFAULT_IMAGE_DPI = 200


def is_image(data: bytes) -> bool:
    return data.startswith(_IMAGE_MAGIC)


def _has_text(page: tuple[list[dict], list]) -> bool:
    chars, tables = page
    return bool(tables) or any(c["text"].strip() for c in chars)


def _open(data: bytes, where: str) -> Any:
    """The document for rendering; a PDF that pdfminer read but pdfium cannot is a clean error."""
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise InputError(f"{where}: damaged PDF: its pages cannot be rendered for OCR ({exc})") from None


def _image_pages(data: bytes, numbers: list[int], where: str) -> list[int]:
    """Those of the pages that draw an image (a blank page is not worth an OCR run)."""
    import pypdfium2.raw as pdfium_c

    doc = _open(data, where)
    try:
        return [n for n in numbers if _draws_image(doc, n, pdfium_c.FPDF_PAGEOBJ_IMAGE)]
    finally:
        doc.close()


def _draws_image(doc: Any, number: int, image_kind: int) -> bool:
    """Whether page `number` draws an image; a page pdfium cannot load (a damaged page tree) draws
    none it could render, and is read as the text layer gave it."""
    import pypdfium2 as pdfium

    try:
        return any(doc[number - 1].get_objects(filter=[image_kind], max_depth=3))
    except pdfium.PdfiumError:
        return False


def ocr_pages(data: bytes, sha256: str, raw_pages: list[tuple[list[dict], list]], where: str) -> list:
    """The PDF reader's hook: raw pages (characters, tables) with the pages that need OCR replaced
    by the characters OCR read on them."""
    opts = current()
    if opts.mode == "never":
        return raw_pages
    if opts.mode == "always" or opts.images is not None:
        todo = list(range(1, len(raw_pages) + 1))
    else:
        empty = [n for n, page in enumerate(raw_pages, 1) if not _has_text(page)]
        if not empty:
            return raw_pages
        try:
            todo = _image_pages(data, empty, where)
        except ImportError:
            todo = empty
        if not todo:
            return raw_pages
    try:
        dpi = _dpi(opts) if opts.images is not None else _render_dpi(data, todo, opts.dpi, where)
        chars = ocr_images(sha256, [(n, _renderer(data, n, dpi, opts, where)) for n in todo], dpi, opts)
    except OcrUnavailable as exc:
        if opts.mode == "auto" and any(_has_text(p) for p in raw_pages):
            return raw_pages  # a stray scanned page in a text PDF: read as before
        raise OcrUnavailable(f"{where}: {len(todo)} page(s) without a text layer need OCR; {exc}") from None
    out = list(raw_pages)
    for n, page in chars.items():
        out[n - 1] = page
    return out


def _dpi(opts: Any) -> int:
    return opts.images[0].info.get("minshi_dpi", _DEFAULT_IMAGE_DPI) if opts.images else opts.dpi


def _render_dpi(data: bytes, numbers: list[int], dpi: int, where: str) -> int:
    """`dpi`, lowered so that none of the pages rendered for OCR is past MAX_OCR_PIXELS (a 14,400 pt
    page at 300 dpi is 3.6 gigapixels: MemoryError); one resolution for the document."""
    doc = _open(data, where)
    try:
        area = max((doc[n - 1].get_width() * doc[n - 1].get_height() for n in numbers), default=0.0)
    except Exception:  # a page pdfium cannot load: the renderer says so
        return dpi
    finally:
        doc.close()
    fit = int(72 * math.sqrt(MAX_OCR_PIXELS / area)) if area > 0 else dpi
    if fit < _MIN_OCR_DPI:  # past ~100 x 100 inches: too coarse to read
        raise LimitError(f"{where}: a page to OCR is {area / 72 / 72:,.0f} square inches; at {_MIN_OCR_DPI} dpi it "
                         f"is over the limit of {MAX_OCR_PIXELS} pixels; not a notice this tool can read")
    return min(dpi, fit)


_MIN_OCR_DPI = 50


def _renderer(data: bytes, number: int, dpi: int, opts: Any, where: str):
    if opts.images is not None:
        return lambda: opts.images[number - 1]

    def render() -> Any:
        doc = _open(data, where)
        try:
            return doc[number - 1].render(scale=dpi / 72, grayscale=True).to_pil()
        finally:
            doc.close()

    return render


def finish_ocr(raw: RawDoc, raw_pages: list) -> RawDoc:
    """The PDF reader's last step: OCR'd pages get the clean-up that needs joined lines, and the
    confidence of their characters; a line read elsewhere but for a character, the surer reading;
    a place name of the notice's own county misread, the division's name (ocr_places)."""
    raw.conf = ocr_confidence(raw.text, raw.pages, raw_pages)
    if raw.conf:
        text = list(raw.text)
        for page, (chars, _) in zip(raw.pages, raw_pages, strict=False):
            if chars and "conf" in chars[0]:
                text[page.start:page.end] = clean_joined(raw.text[page.start:page.end])
        cells = frozenset(cell for t in raw.tables for row in t.rows for cell in row)
        raw.text = agree_repeats("".join(text), raw.conf, cells)
        fix_places(raw, readable())
    return raw


def ocr_confidence(text: str, pages: list, raw_pages: list) -> dict[int, float]:
    """Offset in the reader's text -> OCR confidence, for every character read by OCR."""
    from .pdf import group_lines

    out: dict[int, float] = {}
    end = 0
    for page, (chars, tables) in zip(pages, raw_pages, strict=False):
        cells = [(t.top + i * 1e-3, cell) for t in tables for i, cell in enumerate(getattr(t, "ocr_cells", []))]
        if not cells and (not chars or "conf" not in chars[0]):
            continue
        by_line: dict[str, list[dict]] = {}
        for c in chars:
            by_line.setdefault(c["line"], []).append(c)
        lines = list(cells)
        for members in by_line.values():
            members.sort(key=lambda c: c["x0"])
            grouped = group_lines(members, page.number)
            if grouped:
                lines.append((members[0]["top"], (grouped[0].text, [c["conf"] for c in members if c["text"].strip()])))
        lines.sort(key=lambda tl: tl[0])
        # a table continued from the page before was written there, its rows from this page too:
        # the search also goes on from where the page before ended
        ordered = [line for _, line in lines]
        found, end_here = locate_from(text, ordered, page.start)
        if end != page.start:
            earlier, end_there = locate_from(text, ordered, end)
            found = {**found, **earlier}
            end_here = max(end_here, end_there)
        out.update(found)
        end = end_here
    return out


# --- image files ---------------------------------------------------------------------------------


def _check_pixels(size: tuple[int, int], where: str) -> None:
    check_count("pixels in the image:", size[0] * size[1], MAX_IMAGE_PIXELS, where)


def _frames(data: bytes, where: str) -> list[Any]:
    try:
        from PIL import Image, ImageOps, ImageSequence
    except ImportError:
        raise OcrUnavailable(f"{where}: reading an image needs Pillow: pip install 'minshi-extract[ocr]'") from None
    try:
        with warnings.catch_warnings():  # past Pillow's 89 MP warning: MAX_IMAGE_PIXELS below decides
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            img = Image.open(io.BytesIO(data))
        frames = []
        for f in ImageSequence.Iterator(img):
            _check_pixels(f.size, where)  # from the header, before the pixels are decoded
            frames.append(ImageOps.exif_transpose(f.copy()).convert("L"))
    except LimitError:
        raise
    except Exception as exc:  # Pillow raises many types for a broken file
        raise InputError(f"{where}: binary file: starts as a PNG/JPEG/TIFF image but cannot be read as one "
                         f"({type(exc).__name__})") from None
    dpi = img.info.get("dpi", (0, 0))[0] or _DEFAULT_IMAGE_DPI
    dpi = int(dpi) if 50 <= dpi <= 1200 else _DEFAULT_IMAGE_DPI
    # a page OCR'd from more than MAX_OCR_PIXELS pixels is reduced (OCR holds ~15 bytes a pixel: a
    # 9,000 x 9,000 scan held 1.2 GB); its dpi with it, so the page keeps its size in points
    factor = math.ceil(math.sqrt(max(f.width * f.height for f in frames) / MAX_OCR_PIXELS))
    if factor > 1:
        frames, dpi = [f.reduce(factor) for f in frames], max(1, round(dpi / factor))
    for f in frames:
        f.info["minshi_dpi"] = dpi
    return frames


def read_image(data: bytes, path: str | None, sha256: str) -> RawDoc:
    """A scanned notice as PNG/JPEG/TIFF (a TIFF may hold several pages): OCR'd page by page, laid
    out by the PDF reader (each image wrapped as a page of an image-only PDF of the same size)."""
    from .pdf import read_pdf

    where = path or "<bytes>"
    frames = _frames(data, where)
    if current().mode == "never":
        raise InputError(f"{where}: an image file can only be read with OCR (drop --ocr never)")
    dpi = frames[0].info["minshi_dpi"]
    small = [f.resize((max(1, f.width // 8), max(1, f.height // 8))) for f in frames]
    buf = io.BytesIO()
    small[0].save(buf, "PDF", resolution=dpi / 8, save_all=True, append_images=small[1:])
    with options(images=tuple(frames)):
        raw = read_pdf(buf.getvalue(), path, sha256)
    raw.format = "image"
    return raw


# --- records -------------------------------------------------------------------------------------


def apply_confidence(notice: Any, raw: RawDoc, offsets: Any) -> None:
    """Give every record read from OCR text its confidence (its weakest word's); warn about
    figures with a low-confidence character."""
    for rec in notice.all_records():
        start, end = rec.span
        confs = [raw.conf[offsets[i]] for i in range(start, min(end, len(offsets))) if offsets[i] in raw.conf]
        if not confs:
            continue
        rec.confidence = round(min(confs), 3)
        digits = [
            raw.conf[offsets[i]] for i in range(start, min(end, len(offsets)))
            if notice.text[i].isdigit() and offsets[i] in raw.conf
        ]
        if digits and min(digits) < LOW_CONFIDENCE:
            where = f" (page {rec.page})" if rec.page else ""
            notice.warnings.append(
                f"low OCR confidence {min(digits):.2f} on the figure of {rec.id or rec.type} {rec.text!r}{where}: check it"
            )
