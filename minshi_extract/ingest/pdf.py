"""PDF notices (pdfplumber): rebuild the web-text layout from positioned characters.

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
import itertools
import statistics
from collections import Counter
from dataclasses import dataclass
from io import BytesIO
from typing import Any

import regex as re

from ..errors import InputError
from .pdf_chars import Fonts, dedupe, font_descents, glyph_count, open_document, page_chars, text_grid
from .pdf_limits import check_glyphs, check_pages, check_streams
from .pdf_tables import continue_row, find_tables
from .rawdoc import Page, RawDoc, RawTable

TIMEOUT = 1.0  # seconds: no input can hang a pattern

# `— 3 —`, `-3-`, `- 3 -`, `第3页`, `第 3 页 共 9 页`, `3/9`, a bare `3`
_PAGE_NUMBER = re.compile(
    r"^\s*(?:[—–―－\-─]\s*\d{1,4}\s*[—–―－\-─]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}|\d{1,4})\s*$"
)
_MARGIN_ZONE = 0.09  # share of the page height at top and bottom where furniture lives
_FULL_SLACK = 1.6  # a line ending within this many character widths of the right margin is "full"
_TITLE_RATIO = 1.2
_HANGING = frozenset("，。、；：）”》！？,.;:)")
# marks a line may not start with (禁则): a line breaker carries the character before them over too
_NO_START = frozenset("，。、；：？！）〕】」』〉》”’…·%‰,.;:?!)]}")
# marks a line may not end with: they go over with the character after them
_NO_END = frozenset("（〔【「『〈《“‘([{")
_SUBSET = re.compile(r"^[A-Z]{6}\+")  # `BAAAAA+WenQuanYiMicroHei`: one font embedded as several subsets


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    font: str
    page: int
    head: float = 0.0  # width of the first unbreakable unit (`元、`, `3.86`, `（凉`): what a wrap carried over
    gap: float = -1.0  # the blank set between CJK and Latin/digits on this line (`县 2500 人`); -1: none met


@dataclass
class TableItem:
    table: RawTable
    top: float
    page: int
    # for a row broken over a page (office producers allow it): the last line of each cell of the
    # last row with the room it left, and the first line of each cell of the first row
    tail: list[tuple[Line, float] | None] = dataclasses.field(default_factory=list)
    lead: list[Line | None] = dataclasses.field(default_factory=list)
    gap: float = 0.0


def _where(path: str | None) -> str:
    return path or "<bytes>"


# --- characters -> lines -------------------------------------------------------------------------


def is_cjk(ch: str) -> bool:
    """CJK ideographs, CJK and full-width punctuation, and the dashes/quotes set between them."""
    o = ord(ch)
    return o >= 0x2E80 or 0x2000 <= o <= 0x206F


def clean_spaces(s: str) -> str:
    """Collapse blank runs; drop the blanks a PDF leaves between CJK and ASCII (`2024 年` -> `2024年`)."""
    s = re.sub(r"[ \t\u3000\xa0]+", " ", s, timeout=TIMEOUT).strip()
    if " " not in s:
        return s
    out = []
    for i, ch in enumerate(s):
        if ch == " ":
            left, right = s[i - 1], s[i + 1]
            if is_cjk(left) != is_cjk(right):  # CJK beside ASCII: a font gap, not a word space
                continue
        out.append(ch)
    return "".join(out)


def _is_red(color: Any) -> bool:
    """An RGB fill that is clearly red: the issuer masthead of an official document (版头)."""
    if not isinstance(color, list | tuple) or len(color) != 3:
        return False
    try:
        r, g, b = (float(v) for v in color)
    except (TypeError, ValueError):
        return False
    return r > 0.6 and g < 0.35 and b < 0.35


def _line_text(chars: list[dict]) -> str:
    """Characters of one line, left to right; a space only where a gap separates two ASCII letters/digits."""
    parts: list[str] = []
    prev: dict | None = None
    for ch in chars:
        if prev is not None:
            gap = ch["x0"] - prev["x1"]
            a, b = prev["text"][-1:], ch["text"][:1]
            if gap > 0.3 * ch["size"] and a.isascii() and b.isascii() and a.isalnum() and b.isalnum():
                parts.append(" ")
        parts.append(ch["text"])
        prev = ch
    return clean_spaces("".join(parts))


def head_width(chars: list[dict]) -> float:
    """Width of the unit a line breaker cannot split at the start of a line: opening marks, then one
    ideograph or one run of Latin letters/digits (`3.86`, `2200`), then the closing marks after it
    (`元、`, `户）。`). A line before it was full if this unit did not fit in what it left free."""
    i, n = 0, len(chars)
    while i < n - 1 and chars[i]["text"] in _NO_END:
        i += 1
    t = chars[i]["text"]
    i += 1
    if t.isascii() and (t.isalnum() or t in ".%"):
        while i < n and chars[i]["text"].isascii() and (chars[i]["text"].isalnum() or chars[i]["text"] in ".%"):
            i += 1
    while i < n and chars[i]["text"] in _NO_START:
        i += 1
    return chars[i - 1]["x1"] - chars[0]["x0"]


def cjk_latin_gap(chars: list[dict]) -> float:
    """The median blank between an ideograph and a digit/Latin letter beside it: office producers add
    one (LibreOffice: a fifth of an em, `天祝县 2200 人`), which a wrap must have had room for; -1: none."""
    gaps = [
        b["x0"] - a["x1"]
        for a, b in itertools.pairwise(chars)
        if (a["text"].isascii() and a["text"].isalnum() and is_cjk(b["text"][:1]) and b["text"] not in _NO_START)
        or (b["text"].isascii() and b["text"].isalnum() and is_cjk(a["text"][:1]) and a["text"] not in _NO_END)
    ]
    gaps = [g for g in gaps if g < 0.5 * chars[0]["size"]]  # wider: a column or a tab, not a font's blank
    return max(0.0, statistics.median(gaps)) if gaps else -1.0


def _font_of(visible: list[dict]) -> str:
    """The font of a line's CJK characters, subset tag dropped; '' for a line of digits and Latin
    (an office producer sets `2025` in another font than `年`: that is not a heading font)."""
    cjk = [_SUBSET.sub("", c["fontname"]) for c in visible if is_cjk(c["text"][:1])]
    return Counter(cjk).most_common(1)[0][0] if cjk else ""


def group_lines(chars: list[dict], page: int) -> list[Line]:
    """Cluster characters into visual lines by their vertical position."""
    chars = sorted(chars, key=lambda c: (round(c["top"], 1), c["x0"]))
    rows: list[list[dict]] = []
    for ch in chars:
        if rows:
            row = rows[-1]
            ref = row[0]
            mid_ref = (ref["top"] + ref["bottom"]) / 2
            mid = (ch["top"] + ch["bottom"]) / 2
            if abs(mid - mid_ref) <= 0.45 * max(ref["size"], ch["size"]):
                row.append(ch)
                continue
        rows.append([ch])
    lines: list[Line] = []
    for row in rows:
        row.sort(key=lambda c: c["x0"])
        text = _line_text(row)
        if " " in text and len(text.replace(" ", "")) <= 6 and all(is_cjk(ch) for ch in text.replace(" ", "")):
            text = text.replace(" ", "")  # a letter-spaced label (`附　件`, `目　录`)
        if not text:
            continue
        visible = [c for c in row if c["text"].strip()]
        size = statistics.median(c["size"] for c in visible)
        font = _font_of(visible)
        lines.append(
            Line(
                text=text,
                x0=visible[0]["x0"],
                x1=visible[-1]["x1"],
                top=min(c["top"] for c in visible),
                bottom=max(c["bottom"] for c in visible),
                size=size,
                font=font,
                page=page,
                head=head_width(visible),
                gap=cjk_latin_gap(visible),
            )
        )
    return lines


# --- tables --------------------------------------------------------------------------------------


def _cell(value: str | None) -> str:
    """A table cell: blanks cleaned on each of its lines, empty lines dropped."""
    if not value:
        return ""
    lines = [clean_spaces(v) for v in value.split("\n")]
    return "\n".join(v for v in lines if v)


def _inside(ch: dict, bbox: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = bbox
    cx = (ch["x0"] + ch["x1"]) / 2
    cy = (ch["top"] + ch["bottom"]) / 2
    return x0 <= cx <= x1 and top <= cy <= bottom


def _first_token(text: str) -> str:
    m = re.match(r"[0-9A-Za-z.%\-]+|.", text, timeout=TIMEOUT)
    return m.group(0) if m else text[:1]


def _cell_lines(chars: list[dict], bbox: tuple[float, float, float, float]) -> list[Line]:
    inside = [c for c in chars if _inside(c, bbox)]
    return group_lines(inside, 0) if inside else []


def _room(a: Line, bbox: tuple[float, float, float, float]) -> float:
    """The room a left-aligned cell line leaves before the cell's right padding (taken as its left one)."""
    return bbox[2] - (a.x0 - bbox[0]) - a.x1


def _wraps(a: Line, room: float, b: Line, gap: float) -> bool:
    """b's first unbreakable unit (`（户）` after `2025年任务`, ` 万人` after `人1.2`) did not fit in the room a left."""
    need = b.head + (gap if is_cjk(a.text[-1]) != is_cjk(b.text[0]) else 0.0)
    return room < need + 0.1 * b.size


def cell_text(chars: list[dict], bbox: tuple[float, float, float, float], gap: float = 0.0) -> str:
    """The text of one table cell from its characters: a line the cell could not hold more of (the
    first word of the next line would not have fitted) is a wrap and runs on; a short line ends.
    `gap`: the blank the producer sets between CJK and digits (see cjk_latin_gap)."""
    lines = _cell_lines(chars, bbox)
    if not lines:
        return ""
    width = bbox[2] - bbox[0]
    out = lines[0].text
    for a, b in itertools.pairwise(lines):
        per_char = (a.x1 - a.x0) / max(1, len(a.text))
        nxt = _first_token(b.text)
        slack = width - (a.x1 - a.x0)
        need = per_char * len(nxt) if not nxt.isascii() else 0.55 * a.size * len(nxt)
        wrap = slack < need + 1.2 * a.size
        if not wrap and abs(a.x0 - b.x0) < 0.2 * a.size and a.x0 - bbox[0] < 2 * a.size:
            # left-aligned lines with the cell padding on both sides (an office table); two
            # short lines centred in a wide cell (`市财政局` / `市审计局`) are two lines
            wrap = _wraps(a, _room(a, bbox), b, gap)
        out += b.text if wrap else "\n" + b.text
    return out


def flatten_table(rows: list[list[str]]) -> str:
    """One cell per line, header row first, row by row; a broken cell gives one line per piece."""
    cells = [c for row in rows for c in row if c]
    return "\n\n".join(cells)


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
    body_lines = [ln for ln in lines if len(ln.text) >= 4]
    body = Counter(round(ln.size, 1) for ln in body_lines).most_common(1)[0][0]
    same = [ln for ln in body_lines if abs(ln.size - body) < 0.6]
    lefts = sorted(round(ln.x0) for ln in same)
    common = Counter(lefts).most_common(3)
    left = min(x for x, c in common if c >= max(2, common[0][1] // 4)) if len(same) > 1 else lefts[0]
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
    return full and at_left


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


def _page_items(page: Any, number: int) -> tuple[list[dict], list[TableItem]]:
    """The characters outside tables, and the tables, of one page."""
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
    pdfplumber's page (its table finder, its characters) where pdf_chars says it is needed."""
    doc = open_document(data, where)
    try:
        plumber_all = len(doc) != len(pdf.pages)
        fonts = Fonts(font_descents(pdf.pages)) if not plumber_all else None
        out = []
        for i, p in enumerate(pdf.pages, 1):
            src = None
            if fonts is not None:
                page = doc[i - 1]
                textpage = page.get_textpage()
                try:
                    check_glyphs(glyph_count(textpage), i, where)
                    src = page_chars(p, page, textpage, i, fonts)
                    src.plumber = src.plumber or text_grid(src.chars)
                finally:
                    textpage.close()
                    page.close()
            if src is None or src.plumber:
                check_glyphs(len(p.chars), i, where)  # before dedupe_chars, quadratic at worst
                out.append(_page_items(p, i))
            else:
                out.append((dedupe(src.chars), []))
        return out
    finally:
        doc.close()


def read_pdf(data: bytes, path: str | None, sha256: str) -> RawDoc:
    where = _where(path)
    _check_bytes(data, where)
    check_streams(data, where)
    import pdfplumber

    try:
        with pdfplumber.open(BytesIO(data)) as pdf:
            meta = {k: str(v) for k, v in (pdf.metadata or {}).items() if isinstance(v, str | int | float)}
            check_pages(len(pdf.pages), where)
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
