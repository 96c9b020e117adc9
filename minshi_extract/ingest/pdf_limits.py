"""Limits for PDF input, as functions the PDF reader calls (whatever its character source):

- `check_streams(data)`: every Flate stream inflated once with a bounded output buffer, before
  pdfminer inflates it whole (a 2 MB Flate bomb would reach 4 GB);
- `check_pages(n)`: pages per document;
- `check_glyphs(n, page)`: glyphs on one page, before de-duplication (quadratic in the worst case).
"""

from __future__ import annotations

import zlib

import regex

from ..limits import MAX_GLYPHS_PER_PAGE, MAX_PAGES, check_budget, check_count, check_inflation

_STREAM = regex.compile(rb"stream\r?\n")
_FEED = 1 << 16  # compressed bytes fed at a time
_OUT = 1 << 20  # decompressed bytes produced at a time


def _inflated(view: memoryview, where: str, total: int) -> tuple[int, int]:
    """(decompressed, compressed) sizes of the zlib stream at the start of `view`, or (0, 0)
    when it is not one (raw bytes, another filter). Never holds more than _OUT bytes of output."""
    d = zlib.decompressobj()
    out = 0
    fed = 0
    try:
        while not d.eof and fed < len(view):
            buf = view[fed : fed + _FEED]
            fed += len(buf)
            while buf and not d.eof:  # past the end, zlib hands the rest back as the tail again
                chunk = d.decompress(buf, _OUT)
                out += len(chunk)
                check_inflation("a PDF stream", out, fed, total + out, where)
                buf = d.unconsumed_tail
            if fed >= _FEED and out == 0:
                break
    except zlib.error:
        return (out, fed) if out else (0, 0)
    return out, fed - len(d.unused_data)


def check_streams(data: bytes, where: str) -> None:
    """Refuse a PDF whose Flate streams inflate past the limits (a compression bomb)."""
    view = memoryview(data)
    total = 0
    for n, m in enumerate(_STREAM.finditer(data)):
        first = data[m.end() : m.end() + 1]
        if not first or (first[0] & 0x0F) != 8:  # not a zlib header (deflate, 32K window): another filter
            continue
        out, _ = _inflated(view[m.end() :], where, total)
        total += out
        if n % 64 == 0:
            check_budget(where)


def check_pages(n: int, where: str) -> None:
    check_count("pages:", n, MAX_PAGES, where)


def check_glyphs(n: int, page: int, where: str) -> None:
    check_budget(where)
    check_count(f"glyphs on page {page}:", n, MAX_GLYPHS_PER_PAGE, where)
