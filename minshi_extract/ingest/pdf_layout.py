"""PDF lines -> paragraphs (the line builder's second half): page furniture dropped, the text
block of each page measured, wrapped lines rejoined, tables placed, page spans."""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass

import regex as re

from .pdf_lines import TIMEOUT, Line, TableItem, flatten_table, is_cjk
from .rawdoc import Page

# `— 3 —`, `-3-`, `- 3 -`, `第3页`, `第 3 页 共 9 页`, `3/9`, a bare `3`
_PAGE_NUMBER = re.compile(
    r"^\s*(?:[—–―－\-─]\s*\d{1,4}\s*[—–―－\-─]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}|\d{1,4})\s*$"
)
_MARGIN_ZONE = 0.09  # share of the page height at top and bottom where furniture lives
_FULL_SLACK = 1.6  # a line ending within this many character widths of the right margin is "full"
_TITLE_RATIO = 1.2
_HANGING = frozenset("，。、；：）”》！？,.;:)")


# --- furniture -----------------------------------------------------------------------------------


def _in_margin(line: Line, height: float) -> bool:
    return line.bottom < height * _MARGIN_ZONE * 1.5 or line.top > height * (1 - _MARGIN_ZONE * 1.2)


def _running_key(line: Line) -> str:
    return re.sub(r"\d+", "#", line.text, timeout=TIMEOUT)


def drop_furniture(pages: list[list[Line]], heights: list[float], body: float) -> list[list[Line]]:
    """Remove page numbers and running heads/feet (margin lines repeated on several pages)."""
    repeated: Counter[str] = Counter()
    for lines, h in zip(pages, heights, strict=True):
        repeated.update({_running_key(ln) for ln in lines if _in_margin(ln, h)})
    min_repeat = max(2, (len(pages) + 1) // 2)  # a running head may skip the first page
    out = []
    for lines, h in zip(pages, heights, strict=True):
        keep = []
        for ln in lines:
            margin = _in_margin(ln, h)
            if margin and _PAGE_NUMBER.match(ln.text, timeout=TIMEOUT):
                continue
            if margin and len(pages) >= 2 and repeated[_running_key(ln)] >= min_repeat:
                continue
            keep.append(ln)
        out.append(keep)
    return out


# --- lines -> paragraphs -------------------------------------------------------------------------


@dataclass
class Geometry:
    body: float  # body font size
    left: float  # left margin (x0 of continuation lines)
    right: float  # right margin (x1 of full lines)
    bottom: float = 0.0  # bottom of the text block (last line of a full page); 0: unknown
    gap: float = 0.0  # the blank set between CJK and Latin/digits (see cjk_latin_gap)
    pitch: float = 0.0  # the distance between body lines of a paragraph; 0: unknown


def line_pitch(page_lines: list[list[Line]], body: float) -> float:
    """The usual distance from one body line to the next (office producers: often 1.75 em)."""
    steps = Counter(
        round(b.top - a.top, 1)
        for lines in page_lines
        for a, b in itertools.pairwise(_block_lines(lines, body))
        if 0 < b.top - a.top < 3 * body
    )
    return steps.most_common(1)[0][0] if steps else 0.0


def measure(lines: list[Line]) -> Geometry:
    # a page of short lines only (text set upright on a rotated page: one glyph a line) has no body line
    body_lines = [ln for ln in lines if len(ln.text) >= 4] or lines
    body = Counter(round(ln.size, 1) for ln in body_lines).most_common(1)[0][0]
    same = [ln for ln in body_lines if abs(ln.size - body) < 0.6]
    lefts = sorted(round(ln.x0) for ln in same)
    common = Counter(lefts).most_common(3)
    # no left edge shared by two lines (each line set at its own x): the left-most
    left = min((x for x, c in common if c >= max(2, common[0][1] // 4)), default=lefts[0])
    rights = sorted(ln.x1 for ln in same)
    right = rights[int(len(rights) * 0.9)]
    return Geometry(body=body, left=float(left), right=right)


def _block_lines(lines: list[Line], body: float) -> list[Line]:
    return [ln for ln in lines if len(ln.text) >= 4 and abs(ln.size - body) < 0.6]


def measure_pages(page_lines: list[list[Line]], g: Geometry) -> dict[int, Geometry]:
    """The text block of every page: its left edge (x0 of continuation lines) and right edge.

    Margins are measured per page, as mirrored (odd/even) margins shift the block. A page whose
    lines are all indented, or none full, is completed from the block width of the other pages: a
    page edge that matches the same edge of a complete page fixes the other one."""
    raw: dict[int, tuple[float, float]] = {}
    for lines in page_lines:
        same = _block_lines(lines, g.body)
        if same:
            # a closing mark may hang in the right margin (ragged text): such lines do not set the edge
            flush = [ln for ln in same if ln.text[-1] not in _HANGING] or same
            raw[same[0].page] = (min(ln.x0 for ln in same), max(ln.x1 for ln in flush))
    if not raw:
        return {}
    width = Counter(round(r - le) for le, r in raw.values()).most_common(1)[0][0]
    widths = sorted(r - le for le, r in raw.values())
    width = max(width, widths[int(len(widths) * 0.75)])
    complete = [(le, r) for le, r in raw.values() if r - le >= width - g.body]
    out: dict[int, Geometry] = {}
    for n, (le, r) in raw.items():
        if r - le < width - g.body:
            if any(abs(r - cr) <= 0.5 * g.body for _, cr in complete) and not any(
                abs(le - cl) <= 0.5 * g.body for cl, _ in complete
            ):
                le = r - width  # no line at the left margin on this page
            elif complete:
                # no full line: the right edge of a complete page with the same left edge, else the usual
                r = next((cr for cl, cr in complete if abs(le - cl) <= 0.5 * g.body), le + width)
                if not any(abs(le - cl) <= 0.5 * g.body for cl, _ in complete):
                    le, r = g.left, g.right
        out[n] = Geometry(body=g.body, left=le, right=r)
    return out


def block_bottom(page_lines: list[list[Line]], body: float) -> float:
    """The bottom of the text block: where the last body line of a full page ends. Most pages are
    full; pages that end early (a programme or attachment starts on a new page) sit above it."""
    lasts = sorted(max(ln.bottom for ln in same) for lines in page_lines if (same := _block_lines(lines, body)))
    if len(lasts) < 3:
        return 0.0  # too few pages to tell a short page from a full one
    return lasts[int(len(lasts) * 0.9)]


def _is_title(line: Line, g: Geometry) -> bool:
    return line.size >= g.body * _TITLE_RATIO


def joins(a: Line, b: Line, g: Geometry, gb: Geometry | None = None) -> bool:
    """Does line b continue the paragraph of line a (a wrap at the right margin)?

    `g` is the text block of a's page, `gb` that of b's page (mirrored margins move it)."""
    gb = gb or g
    if _is_title(a, g) or _is_title(b, gb):
        return False
    if abs(a.size - b.size) > 0.6 or (a.font and b.font and a.font != b.font):  # a heading in 黑体 never runs on
        return False
    # full: it reaches the right margin, or b's first unit (`元、` after `3.86亿`) would not have fitted
    need = b.head + (g.gap if is_cjk(a.text[-1]) != is_cjk(b.text[0]) else 0.0)  # `各3` + ` 个）`
    full = a.x1 >= g.right - _FULL_SLACK * a.size or g.right - a.x1 < need + 0.1 * b.size
    # a page left short (a page break, `附件1` on the next page): a paragraph ended. Widow/orphan
    # control may move one line over, and pages set their lines on grids offset by up to a line:
    # a page two lines short, not one, was broken on purpose
    # (widow control only ever moves a line out of a running sentence: a page whose last line
    # ends a sentence keeps the tighter limit)
    ends_sentence = a.text.rstrip().endswith(("。", "；", ";", "！", "？", ":", "："))
    short = 2.2 * a.size if ends_sentence else max(2.2 * a.size, 1.9 * g.pitch)
    if b.page != a.page and g.bottom and a.bottom < g.bottom - short:
        return False
    if b.page == a.page and g.pitch and b.top - a.top > 2.5 * g.pitch:
        return False  # lines apart by blank lines (a signature date, then `附件`) are no wrap
    at_left = b.x0 <= gb.left + 0.5 * b.size  # an indented line starts a paragraph
    if full and not at_left and not ends_sentence and b.page == a.page and a.x0 <= g.left + b.size \
            and b.x1 < a.x1 - b.size:
        # a centred line (a heading, `配合单位：…` set as one) wraps to a shorter line centred under
        # it; a line that ends a sentence never runs on into a centred one
        return abs((a.x0 + a.x1) - (b.x0 + b.x1)) < b.size
    return (full or _broken_off(a, b, g)) and at_left


_RUNS_ON = frozenset("、,，")  # a list or a clause going on; not `:` (a recipients line ends one)
_MARKER = re.compile(r"[(（]?[一二三四五六七八九十\d]{1,3}[、.．)）]")


def _broken_off(a: Line, b: Line, g: Geometry) -> bool:
    """A line broken by hand before the margin, the sentence going on in the next line (a PDF made
    from text with its own line breaks): it ends with a list or clause separator (`、` `,`); the next
    line opens no numbered heading."""
    if b.page != a.page or _MARKER.match(b.text) or not a.text or a.x0 > g.left + 2.5 * a.size:
        return False  # a centred or right-set line (a document number, a date) is no body line
    # a line ending in a word is left to the width test of `full` (an office PDF justifies its lines:
    # one ending short with room for the next word ended its paragraph)
    return a.text.rstrip()[-1:] in _RUNS_ON


def assemble(items: list[Line | TableItem], g: Geometry | dict[int, Geometry]) -> list[tuple[str, int]]:
    """(text, page) segments: paragraphs one per line with blank lines between, tables flattened."""
    per_page = g if isinstance(g, dict) else {}
    base = g if isinstance(g, Geometry) else next(iter(per_page.values()), Geometry(12.0, 0.0, 0.0))
    segs: list[tuple[str, int]] = []
    prev: Line | TableItem | None = None
    for item in items:
        g = per_page.get(item.page, base)
        # a separator belongs to the page before it, so a page starts at its first character
        before = prev.page if prev is not None else item.page
        if isinstance(item, TableItem):
            segs.append(("\n\n\n", before))
            segs.append((flatten_table(item.table.rows), item.page))
            segs.append(("\n\n", item.page))
        elif isinstance(prev, Line) and joins(prev, item, per_page.get(prev.page, base), g):
            segs.append((item.text, item.page))
        else:
            title_edge = _is_title(item, g) != (isinstance(prev, Line) and _is_title(prev, g))
            if prev is not None and not isinstance(prev, TableItem):
                segs.append(("\n\n\n" if title_edge else "\n\n", before))
            segs.append((item.text, item.page))
        prev = item
    return segs


def page_spans(segs: list[tuple[str, int]], sizes: list[tuple[float, float]]) -> tuple[str, list[Page]]:
    """Join the segments; each page runs from its first segment to the next page's first one."""
    text_parts: list[str] = []
    starts: dict[int, int] = {}
    pos = 0
    for s, page in segs:
        starts.setdefault(page, pos)
        text_parts.append(s)
        pos += len(s)
    text = "".join(text_parts)
    pages: list[Page] = []
    last = 0
    for n in range(1, len(sizes) + 1):
        start = starts.get(n, last)
        last = start
        pages.append(Page(number=n, start=start, end=start, width=sizes[n - 1][0], height=sizes[n - 1][1]))
    pages[0] = Page(1, 0, pages[0].end, pages[0].width, pages[0].height)
    for i in range(len(pages)):
        end = pages[i + 1].start if i + 1 < len(pages) else len(text)
        p = pages[i]
        pages[i] = Page(p.number, p.start, max(end, p.start), p.width, p.height)
    return text, pages
