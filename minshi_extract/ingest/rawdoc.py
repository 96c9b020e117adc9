"""RawDoc: what a reader hands on, before normalisation."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Page:
    """A page of a paged source; start/end are offsets into RawDoc.text."""

    number: int  # 1-based
    start: int
    end: int
    width: float | None = None
    height: float | None = None


@dataclass
class RawTable:
    """A table found by the reader (pdf table finder, html <table>, docx table)."""

    rows: list[list[str]]  # header row first
    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None


@dataclass
class RawDoc:
    """The text of a notice as read, one paragraph per line, with layout facts.

    Readers that find real tables (pdf, html, docx) keep them in `tables` AND write
    them into `text` flattened one cell per line, as the web text of a notice has
    them, so the structure parser sees one layout whatever the format.
    """

    text: str
    format: str  # text | pdf | html | docx
    path: str | None = None
    sha256: str = ""
    pages: list[Page] = field(default_factory=list)
    tables: list[RawTable] = field(default_factory=list)
    # metadata a reader found outside the text body (html 索引号 table, docx core properties)
    meta: dict[str, str] = field(default_factory=dict)
    conf: dict[int, float] = field(default_factory=dict)  # offset -> OCR confidence of characters OCR read

    def page_of(self, offset: int) -> int | None:
        for page in self.pages:
            if page.start <= offset < page.end:
                return page.number
        return None
