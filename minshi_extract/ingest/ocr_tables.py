"""Ruled tables on scanned pages: the ruling lines found in the image, the cells from them with
pdfplumber's own table geometry, each cell's text from the OCR characters inside it.

A ruling line is a run of ink far longer than any stroke of a character: horizontal runs of at
least half an inch, vertical ones of at least 0.6 inch (a character at 16pt is a sixth, a title's a third).
"""

from __future__ import annotations

import itertools
from typing import Any

_H_RUN = 0.5  # inch
_V_RUN = 0.6  # inch: a table border runs through its rows; a 26pt title glyph is 0.36


def _runs(ink: Any, k: int) -> list[tuple[int, int, int]]:
    """(row, start, end) of every horizontal run of at least k ink pixels, per row."""
    import numpy as np

    cs = np.concatenate([np.zeros((ink.shape[0], 1), dtype=np.int32), np.cumsum(ink, axis=1, dtype=np.int32)], axis=1)
    full = (cs[:, k:] - cs[:, :-k]) == k  # full[r, c]: ink[r, c:c+k] all set
    out = []
    for r in np.nonzero(full.any(axis=1))[0]:
        cols = np.nonzero(full[r])[0]
        breaks = np.nonzero(np.diff(cols) > 1)[0]
        starts = np.concatenate([[cols[0]], cols[breaks + 1]])
        ends = np.concatenate([cols[breaks], [cols[-1]]]) + k
        out.extend((int(r), int(s), int(e)) for s, e in zip(starts, ends, strict=True))
    return out


def _segments(runs: list[tuple[int, int, int]]) -> list[tuple[float, float, float]]:
    """Runs on neighbouring rows that overlap merged into one line: (position, start, end)."""
    out: list[list[float]] = []
    for r, s, e in sorted(runs):
        for seg in reversed(out[-8:]):
            if r - seg[3] <= 2 and s < seg[2] and e > seg[1]:
                seg[1], seg[2], seg[3] = min(seg[1], s), max(seg[2], e), r
                seg[4] += 1
                seg[0] += r
                break
        else:
            out.append([float(r), float(s), float(e), r, 1])
    return [(seg[0] / seg[4], seg[1], seg[2]) for seg in out]


def ruling_lines(img: Any, dpi: int) -> list[list[float]]:
    """[orientation (0 h, 1 v), position, start, end] of the ruling lines of a page image (pixels)."""
    import numpy as np

    ink = np.asarray(img.convert("L")) < 140
    horizontal = _segments(_runs(ink, round(_H_RUN * dpi)))
    vertical = _segments(_runs(np.ascontiguousarray(ink.T), round(_V_RUN * dpi)))
    return [[0, *h] for h in horizontal] + [[1, *v] for v in vertical]


def erase(img: Any, rules: list[list[float]]) -> Any:
    """The page without its ruling lines (Tesseract reads a rule beside a figure as `1` or `|`)."""
    from PIL import ImageDraw

    img = img.copy()
    draw = ImageDraw.Draw(img)
    for o, pos, a, b in rules:
        xy = [(a, pos), (b, pos)] if o == 0 else [(pos, a), (pos, b)]
        draw.line(xy, fill=255, width=9)
    return img


def cells_of(rules: list[list[float]], scale: float = 1.0) -> list[tuple[float, float, float, float]]:
    """The cells the ruling lines make (pdfplumber's geometry), in the rules' units times `scale`."""
    from pdfplumber.table import edges_to_intersections, intersections_to_cells, merge_edges

    edges = []
    for o, pos, a, b in rules:
        p, a, b = pos * scale, a * scale, b * scale
        if o == 0:
            edges.append({"orientation": "h", "x0": a, "x1": b, "top": p, "bottom": p, "width": b - a, "height": 0})
        else:
            edges.append({"orientation": "v", "x0": p, "x1": p, "top": a, "bottom": b, "width": 0, "height": b - a})
    edges = merge_edges(edges, 3, 3, 3, 3)
    return intersections_to_cells(edges_to_intersections(edges, 3, 3))


def find_tables(
    chars: list[dict], rules: list[list[float]], scale: float, page: int, digits: list | None = None
) -> tuple[list[dict], list]:
    """The characters outside tables and the TableItems of one OCR'd page (as pdf._page_items);
    `digits`: the second reading of the cells that hold one figure (ocr_digits.read_digits)."""
    if not rules:
        return chars, []
    from pdfplumber.table import Table, cells_to_tables

    from .ocr_digits import figure_of
    from .pdf import TableItem, _cell, _inside
    from .rawdoc import RawTable

    cells = cells_of(rules, scale)
    items, boxes = [], []
    chars = _off_borders(chars, cells)
    figures = {tuple(round(v, 1) for v in d[:4]): (d[4], d[5]) for d in digits or []}
    for group in cells_to_tables(cells):
        t = Table(None, group)  # type: ignore[arg-type]
        rows = [
            [_cell(figure_of(cell_text(chars, c), figures.get(tuple(round(v, 1) for v in c)))) if c else "" for c in row.cells]
            for row in t.rows
        ]
        if len(rows) < 2 or max(len(r) for r in rows) < 2 or not any(any(r) for r in rows):
            continue
        boxes.append(t.bbox)
        item = TableItem(RawTable(rows=rows, page=page, bbox=tuple(t.bbox)), top=t.bbox[1], page=page,
                         tail=_tail(chars, t.rows[-1].cells), lead=_lead(chars, t.rows[0].cells))
        # each cell's text with its characters' OCR confidences, in the order the text has them
        item.ocr_cells = [  # type: ignore[attr-defined]
            _cell_confidence(text, [ch for ch in chars if _inside(ch, c)], figures.get(tuple(round(v, 1) for v in c)))
            for row, texts in zip(t.rows, rows, strict=True) for c, text in zip(row.cells, texts, strict=True)
            if c and text
        ]
        items.append(item)
    outside = [c for c in chars if not any(_inside(c, b) for b in boxes)]
    return outside, items


def _tail(chars: list[dict], cells: list) -> list:
    """The last line of each cell of a table's last row with the room it left (as the PDF reader
    keeps them: a row broken over a page is joined with the next page's first row)."""
    from .pdf import _cell_lines, _room

    out = []
    for c in cells:
        last = _cell_lines(chars, c)[-1:] if c else []
        out.append((last[0], _room(last[0], c)) if last else None)
    return out


def _lead(chars: list[dict], cells: list) -> list:
    """The first line of each cell of a table's first row."""
    from .pdf import _cell_lines

    return [(_cell_lines(chars, c)[:1] or [None])[0] if c else None for c in cells]


_NO_LINE_START = "，。、；：？！）》」”’,.;:?!)%"  # marks no line may start with: they go over with the character before
_HOLDS = "，、；,;"  # a cell line never ends at a comma but for want of room


def _width(text: str) -> float:
    """A text's width in ems as set in a notice: digits and Latin half, ideographs and marks whole."""
    return sum(0.55 if ch.isascii() and ch.isalnum() else 1.0 for ch in text if ch.strip())


def _head(text: str) -> str:
    """The first unit a line breaker cannot split: a run of digits/Latin (`2250`), or one character
    with the marks that may not start a line after it (`局、`, `元)`)."""
    import regex as re

    m = re.match(r"[0-9A-Za-z.%\-]+|.", text)
    head = m.group(0) if m else text[:1]
    rest = text[len(head):]
    while rest[:1] and rest[0] in _NO_LINE_START:
        head, rest = head + rest[0], rest[1:]
    return head


def cell_text(chars: list[dict], bbox: tuple[float, float, float, float]) -> str:
    """The text of one cell of a scanned table. OCR places characters only roughly inside a line,
    so a wrap is told by counting too: a line runs on when it and the next line's first unit would
    not have fitted in the cell's width (in ems of the line's height), or when it ends at a comma."""
    from .ocr_clean import clean_joined
    from .pdf import _cell_lines

    lines = _cell_lines(chars, bbox)
    if not lines:
        return ""
    pad = max(1.0, min(min(ln.x0 for ln in lines) - bbox[0], bbox[2] - max(ln.x1 for ln in lines)))
    out = lines[0].text
    for a, b in itertools.pairwise(lines):
        em = a.size / 0.92  # the ink of an ideograph fills about nine tenths of its em
        room = (bbox[2] - bbox[0] - 2 * pad) / em
        # half an em of slack: OCR's line ends and the cell's padding are both rough
        wrap = a.text[-1] in _HOLDS or _width(a.text) + _width(_head(b.text)) > room - 0.5
        # or, as the PDF reader measures it: the line left less room than the next unit needs
        wrap = wrap or bbox[2] - bbox[0] - (a.x1 - a.x0) < _width(_head(b.text)) * em + 1.2 * a.size
        out += b.text if wrap else "\n" + b.text
    # a bracket opened on one line of the cell and closed on the next (`资〈万` / `元)`)
    return clean_joined(out)


def _cell_confidence(text: str, chars: list[dict], figure: tuple[str, float] | None = None) -> tuple[str, list[float]]:
    """A cell's text and a confidence per non-blank character: each character's own when the
    counts agree, else the cell's weakest for all; a figure read by the second pass has its own."""
    if figure is not None and figure[0] == text:
        return text, [figure[1]] * len(text)
    confs = [c["conf"] for c in sorted(chars, key=lambda c: (round(c["top"]), c["x0"])) if c["text"].strip()]
    n = sum(1 for ch in text if ch.strip())
    if len(confs) != n:
        confs = [min(confs, default=0.0)] * n
    return text, confs


_NO_START = "”’。，、；：）|"  # marks no line may start with (禁则) ...
_NO_END = "“‘（|"  # ... or end with: at a cell border, what is left of an erased rule


def _off_borders(chars: list[dict], cells: list[tuple[float, float, float, float]]) -> list[dict]:
    """Drop the marks Tesseract read in the trace of an erased cell border: a `”` or `。` hard at
    a cell's left edge, a `“` hard at its right edge."""
    out = []
    for c in chars:
        em = c["size"] or 12.0  # the padding and the trace of the rule: under an em
        cy = (c["top"] + c["bottom"]) / 2
        rows = [b for b in cells if b[1] <= cy <= b[3]]
        if (c["text"] in _NO_START and any(abs(c["x0"] - b[0]) < em or abs(c["x1"] - b[0]) < em for b in rows)) or (
            c["text"] in _NO_END and any(abs(c["x1"] - b[2]) < em or abs(c["x0"] - b[2]) < em for b in rows)
        ):
            continue
        out.append(c)
    return out


def _inside_box(c: dict, b: tuple[float, float, float, float]) -> bool:
    cx, cy = (c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2
    return b[0] <= cx <= b[2] and b[1] <= cy <= b[3]
