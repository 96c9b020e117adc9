"""Scanned fixtures made from the corpus PDFs (issue 13): each page rendered at 200 dpi, turned by
a fraction of a degree, speckled with noise, saved as a JPEG, and wrapped as an image-only PDF."""

from __future__ import annotations

import io
import random
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def text_pdf(path: Path, pages: int | None = None) -> bytes:
    """The text-layer PDF itself, or its first `pages` pages as a PDF of their own."""
    if pages is None:
        return path.read_bytes()
    src = pdfium.PdfDocument(str(path))
    out = pdfium.PdfDocument.new()
    out.import_pages(src, list(range(pages)))
    buf = io.BytesIO()
    out.save(buf)
    return buf.getvalue()


def scan_images(pdf: bytes, dpi: int = 200, angle: float = 0.4, noise: float = 12.0,
                quality: int = 60, seed: int = 13) -> list[Image.Image]:
    rnd = random.Random(seed)
    rng = np.random.default_rng(seed)
    doc = pdfium.PdfDocument(pdf)
    images = []
    for page in doc:
        img = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
        img = img.rotate(rnd.uniform(-angle, angle), resample=Image.BICUBIC, fillcolor=255)
        arr = np.asarray(img, dtype=np.float32) + rng.normal(0, noise, (img.height, img.width))
        img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=quality)
        images.append(Image.open(io.BytesIO(buf.getvalue())))
    return images


def image_pdf(images: list[Image.Image], dpi: int = 200) -> bytes:
    """An image-only PDF: one scanned image per page, no text layer."""
    buf = io.BytesIO()
    images[0].save(buf, "PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return buf.getvalue()


def scanned_pdf(path: Path, pages: int | None = None) -> tuple[bytes, bytes]:
    """(the text PDF, its scan)."""
    text = text_pdf(path, pages)
    return text, image_pdf(scan_images(text))
