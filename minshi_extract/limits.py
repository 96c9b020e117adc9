"""Resource limits by design: every hostile input ends in a clear `LimitError` / `BudgetError`.

The limits are far above any real notice (a notice is a few hundred KB of text, tens of pages)
and far below what exhausts a machine. Readers call the small `check_*` functions; the
whole-document time budget is a deadline checked between lines, pages and sections, so it
never decides whether one record exists (no per-pattern wall-clock limit does that). It counts
the process's CPU seconds, not wall-clock ones, so a busy machine does not change an outcome.
"""

from __future__ import annotations

import gc
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from itertools import islice

from .errors import BudgetError, LimitError

DEFAULT_TIMEOUT = 600.0  # CPU seconds for one document: generous; 50 MB of plain text takes ~100

MAX_DECOMPRESSED = 256 * 1024 * 1024  # all PDF streams / docx parts of one file together
MAX_PART = 64 * 1024 * 1024  # one PDF stream or docx part
MAX_XML_PART = 32 * 1024 * 1024  # one docx XML part (a notice's document.xml is < 2 MB)
MAX_PARTS = 10_000  # parts in one docx package
MAX_RATIO = 200  # decompressed / compressed, for a stream or part above RATIO_FLOOR
RATIO_FLOOR = 16 * 1024 * 1024
MAX_PAGES = 2000
MAX_GLYPHS_PER_PAGE = 20_000  # a dense A4 page has ~3,000; a small-print table page ~8,000
MAX_GLYPHS = 1_000_000  # one PDF's pages together (pages may share one content stream); ~400 B each held
MAX_PATHS_PER_PAGE = 50_000  # path objects on one PDF page; a ruled table page has a few hundred
MAX_PATHS = 100_000  # path objects of one PDF's pages together
# ruled-line edges of a PDF page handed to the table finder, whose cells cost the square of the distinct
# ones (3,600 ruled cells: 5 s; 20,000 tiny cells on one page: minutes); a dense ruled table page has
# ~1,000 (overlapping strokes merge: 3,000 squares drawn over each other are read in a second)
MAX_EDGES_PER_PAGE = 20_000
MAX_EDGES = 40_000  # of all pages of one PDF
# Form XObjects one PDF page draws, nested drawings counted (a page draws a logo or a watermark a few
# times; ten forms drawing the next ten times are 10^6 drawings from 3 KB, each expanded by the readers)
MAX_FORM_DRAWS = 10_000
MAX_IMAGE_PIXELS = 100_000_000  # one scanned page as an image file (A4 at 600 dpi: 35 MP; a phone photo: 12-50)
MAX_OCR_PIXELS = 25_000_000  # a larger image is reduced to this before OCR (A4 at ~500 dpi)
# `compare`: programme pairs scored plus item pairs compared within them (~4 us and ~13 us each; two
# notices of 50 programmes of 5 items: ~65,000)
MAX_COMPARE = 1_000_000
MAX_HTML_DEPTH = 256  # nesting of container elements (libxml2's own default cap); portal pages stay under 30
MAX_TABLE_DEPTH = 16  # tables inside tables (layout pages nest 2 or 3)
MAX_HTML_TAGS = 60_000  # opening and closing tags; a portal page has ~2,000; reading costs ~0.4 ms a tag
# cells of one document's tables (a .docx's grid cells, spans counted out; a text's `|` / tab / blank-set
# rows); a notice has < 5,000; a cell is held at ~300 bytes in a text table, ~1.3 KB in a .docx one
# (3,000,000 cells of a text: 1.2 GB and minutes; 490,000 of a .docx: 14.8 s, 678 MB)
MAX_TABLE_CELLS = 250_000
MAX_LINES = 1_000_000  # lines of text (50 MB of prose has ~440,000; each line held costs ~470 bytes)
MAX_LINE_CHARS = 200_000  # one line (paragraph) of the normalised text
MAX_SENTENCE_FIGURES = 3000  # figures in one sentence; the corpus's most is 18 (a share list)
# figures (digit runs) of one text: a record costs ~0.14 ms and ~1 KB, and a text of nothing but figures
# makes one of nearly each (36 MB of `1所 2万元 3个 4%` lines: ~4.5 GB); the founding notice has 627
# in 32,288 characters, so this is ~30 MB of such prose
MAX_FIGURES = 200_000
# records the line rules find in one text before they are merged: ~1 KB each; unit lists carry no digit
# (600,000 lines of `牵头单位：市教育局、市财政局`, 26 MB: 1,200,000 records, 55 s, 956 MB, merged to 2)
MAX_RECORDS = 200_000
# room for more than the limit's figures; tried only where a sentence starts (after a stop or at the
# text's start), so the scan is linear (tried at every offset it read each sentence again from each)
_LONG_SENTENCE = re.compile(rf"(?<![^。；;！!？?\n])[^。；;！!？?\n]{{{2 * MAX_SENTENCE_FIGURES + 1},}}")
_FIGURE = re.compile(r"\d+")

_deadline: ContextVar[tuple[float, float] | None] = ContextVar("minshi_deadline", default=None)


@contextmanager
def budget(seconds: float | None) -> Iterator[None]:
    """Run the body under a whole-document time budget (None or <= 0: no budget).

    A budget already running (an outer call) is kept when it ends sooner."""
    outer = _deadline.get()
    if seconds is None or seconds <= 0:
        token = _deadline.set(outer)
    else:
        mine = (time.process_time() + seconds, seconds)
        token = _deadline.set(outer if outer is not None and outer[0] <= mine[0] else mine)
    try:
        yield
    finally:
        _deadline.reset(token)


@contextmanager
def gc_paused() -> Iterator[None]:
    """The heap that was there before an extraction set aside from the cyclic garbage collector while it
    runs (`gc.freeze`): a full collection then scans only the extraction's own objects, not a large
    heap around it (a notebook with pandas or another library loaded: ~10 ms each time the
    extraction's allocations trigger one). Cycles the extraction makes are still collected; the
    heap goes back to the collector after (`gc.unfreeze`)."""
    global _FREEZING
    if not gc.isenabled() or _FREEZING or HEAP_KEPT_FROZEN:
        yield  # the collector off, an outer extraction, or the command line's frozen start-up: as it is
        return
    _FREEZING = True
    gc.freeze()  # O(1) (gc.get_freeze_count() is not: it walks the frozen heap)
    try:
        yield
    finally:
        gc.unfreeze()
        _FREEZING = False


_FREEZING = False
HEAP_KEPT_FROZEN = False  # set by the command line, whose start-up heap stays frozen for the process


def check_budget(where: str = "") -> None:
    """Raise BudgetError when the running document's time budget is spent."""
    d = _deadline.get()
    if d is not None and time.process_time() > d[0]:
        prefix = f"{where}: " if where else ""
        raise BudgetError(f"{prefix}not finished within the time budget of {d[1]:g} s (raise it with --timeout)")


def check_count(what: str, n: int, limit: int, where: str) -> None:
    """Raise LimitError when `n` (pages, glyphs, lines ...) is over `limit`."""
    if n > limit:
        prefix = f"{where}: " if where else ""
        raise LimitError(f"{prefix}{what} {n} is over the limit of {limit}; not a notice this tool can read")


def check_inflation(what: str, out: int, packed: int, total: int, where: str) -> None:
    """Decompressed size of one part (`out` from `packed` bytes) and of the file so far (`total`)."""
    if out > MAX_PART or total > MAX_DECOMPRESSED:
        raise LimitError(f"{where}: {what} decompresses past the limit of {MAX_PART if out > MAX_PART else MAX_DECOMPRESSED}"
                         " bytes (a compression bomb?)")
    if out > RATIO_FLOOR and out > MAX_RATIO * max(packed, 1):
        raise LimitError(f"{where}: {what} inflates {out // max(packed, 1)}-fold, over the limit of {MAX_RATIO}"
                         " (a compression bomb?)")


def check_sentences(text: str) -> None:
    """Refuse a sentence (to 。；！？ or a line break not after 、, as the rules bound one) holding
    more than MAX_SENTENCE_FIGURES figures: the rules pair a sentence's figures (其中 shares, totals),
    so such a sentence costs their square (10,000 其中 in one sentence ran for minutes). And refuse a
    text of more than MAX_FIGURES figures (its records would not fit in memory)."""
    # a figure is one character at least: a text no longer than the limit cannot pass it (no count)
    if len(text) > MAX_FIGURES and sum(1 for _ in islice(_FIGURE.finditer(text), MAX_FIGURES + 1)) > MAX_FIGURES:
        raise LimitError(f"figures in the text: more than {MAX_FIGURES}; not a notice this tool can read")
    for m in _LONG_SENTENCE.finditer(text.replace("、\n", "、 ") if "、\n" in text else text):
        n = len(_FIGURE.findall(m.group()))
        if n > MAX_SENTENCE_FIGURES:
            line = text.count("\n", 0, m.start()) + 1
            raise LimitError(f"figures in one sentence (line {line}): {n} is over the limit of "
                             f"{MAX_SENTENCE_FIGURES}; not a notice this tool can read")


@contextmanager
def naming(where: str) -> Iterator[None]:
    """Prefix `where` (the file) to a limit or budget error raised without it."""
    try:
        yield
    except (LimitError, BudgetError) as exc:
        if str(exc).startswith(f"{where}: "):
            raise
        raise type(exc)(f"{where}: {exc}") from None
