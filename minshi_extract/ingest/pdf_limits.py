"""Limits for PDF input, as functions the PDF reader calls (whatever its character source):

- `check_streams(data)`: every Flate stream inflated once with a bounded output buffer, before
  pdfminer inflates it whole (a 2 MB Flate bomb would reach 4 GB);
- `check_pages(n)`: pages per document;
- `check_glyphs(n, page)`: glyphs on one page, before de-duplication (quadratic in the worst case);
- `Tally`: glyphs and paths of all the pages together, and paths on one page while they are walked
  (2,000 pages may all draw one dense content stream: each page under its cap, the file over any).
"""

from __future__ import annotations

import zlib

import regex

from ..limits import (
    MAX_EDGES,
    MAX_EDGES_PER_PAGE,
    MAX_GLYPHS,
    MAX_GLYPHS_PER_PAGE,
    MAX_PAGES,
    MAX_PATHS,
    MAX_PATHS_PER_PAGE,
    check_budget,
    check_count,
    check_inflation,
)

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


class Tally:
    """Glyphs and path objects of the pages of one document read so far."""

    def __init__(self, where: str) -> None:
        self.where = where
        self.glyphs = 0
        self.paths = 0
        self.edges = 0

    def add_glyphs(self, n: int, page: int) -> None:
        check_glyphs(n, page, self.where)
        self.glyphs += n
        check_count("glyphs in the document:", self.glyphs, MAX_GLYPHS, self.where)

    def check_paths(self, n: int, page: int) -> None:
        """`n` paths on `page` so far (called while walking them, so a refusal comes early)."""
        check_count(f"paths on page {page}:", n, MAX_PATHS_PER_PAGE, self.where)
        check_count("paths in the document:", self.paths + n, MAX_PATHS, self.where)

    def check_edges(self, n: int, page: int) -> None:
        """`n` ruled-line edges on `page`, before its tables are looked for."""
        check_count(f"ruled lines on page {page}:", n, MAX_EDGES_PER_PAGE, self.where)
        self.edges += n
        check_count("ruled lines in the document:", self.edges, MAX_EDGES, self.where)

    def add_paths(self, n: int, page: int) -> None:
        self.check_paths(n, page)
        self.paths += n
