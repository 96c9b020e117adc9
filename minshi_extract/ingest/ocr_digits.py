"""A second reading of the table cells that hold one figure.

chi_sim reads a short figure alone in a cell poorly (`35` as `过`, `15.75` as `5`, `2` as `凡`):
its model expects running Chinese. Each cell of a ruled table is cut out of the page (inside its
rules), cleared of specks (3x3 median, then black and white), trimmed to its ink, and the cells
of one line of ink are stacked on one sheet, read in one run of Tesseract's English model with
only digits, `.` and `%` allowed. A cell takes that reading when it is a whole figure read
with confidence, its words cover the cell's ink (nothing else is in the cell: `8000户` keeps the
first reading), and the first reading has at most one ideograph (a misread digit).
"""

from __future__ import annotations

import io
from typing import Any

import regex as re

LANG = "eng"
WHITELIST = "0123456789.%"
MIN_CONF = 0.8  # the second reading's weakest word
_GAP = 30  # pixels of white between two cells on the sheet
_FIGURE = re.compile(r"\d{1,12}(?:\.\d{1,6})?%?")
_HAN = re.compile(r"\p{Han}")


def _ink_box(arr: Any) -> tuple[int, int, int, int] | None:
    import numpy as np

    ink = arr < 128
    rows, cols = np.nonzero(ink.any(axis=1))[0], np.nonzero(ink.any(axis=0))[0]
    if not len(rows):
        return None
    return int(cols[0]), int(rows[0]), int(cols[-1]) + 1, int(rows[-1]) + 1


def sheet(img: Any, cells: list[tuple[float, float, float, float]], dpi: int) -> tuple[bytes, list[list]] | None:
    """The sheet of one-line cells (a PNG) and, per cell on it: [x0, y0, x1, y1 (points), top,
    bottom, ink width (sheet pixels)]. None when no cell holds one line of ink."""
    import numpy as np
    from PIL import Image, ImageFilter

    px = dpi / 72
    inset = max(2, round(dpi / 66))  # past the rule (a pixel or three)
    crops, spans = [], []
    for c in cells:
        box = (round(c[0] * px) + inset, round(c[1] * px) + inset, round(c[2] * px) - inset, round(c[3] * px) - inset)
        if box[2] - box[0] < 4 or box[3] - box[1] < 4:
            continue
        crop = img.crop(box).filter(ImageFilter.MedianFilter(3)).point(lambda v: 255 if v > 150 else 0)
        ink = _ink_box(np.asarray(crop))
        if ink is None or ink[3] - ink[1] > 0.3 * dpi or ink[3] - ink[1] < 0.05 * dpi:
            continue  # empty, several lines (a figure is one), or a speck
        crops.append(crop.crop(ink))
        spans.append([*(round(v, 1) for v in c), 0, 0, ink[2] - ink[0]])
    if not crops:
        return None
    width = max(c.width for c in crops) + 2 * _GAP
    page = Image.new("L", (width, sum(c.height + _GAP for c in crops) + _GAP), 255)
    y = _GAP
    for crop, span in zip(crops, spans, strict=True):
        page.paste(crop, (_GAP, y))
        span[4], span[5] = y, y + crop.height
        y += crop.height + _GAP
    buf = io.BytesIO()
    page.save(buf, "PNG")
    return buf.getvalue(), spans


def read_digits(tsv: str, spans: list[list]) -> list[list]:
    """[x0, y0, x1, y1, figure, confidence] of the cells read as one whole figure."""
    import csv

    words: dict[int, list[tuple[str, float, float]]] = {}
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = (row.get("text") or "").strip()
        if row.get("level") != "5" or not text:
            continue
        mid = float(row["top"]) + float(row["height"]) / 2
        for i, span in enumerate(spans):
            if span[4] - _GAP / 2 <= mid <= span[5] + _GAP / 2:
                words.setdefault(i, []).append((text, float(row["conf"]) / 100, float(row["width"])))
    out = []
    for i, ws in words.items():
        text = "".join(t for t, _, _ in ws)
        conf = min(c for _, c, _ in ws)
        covered = sum(w for _, _, w in ws) >= 0.85 * spans[i][6]
        if _FIGURE.fullmatch(text) and conf >= MIN_CONF and covered:
            out.append([*spans[i][:4], text, round(conf, 4)])
    return out


def figure_of(text: str, figure: tuple[str, float] | None) -> str:
    """A cell's text, or the figure the second reading found in it (see the module doc)."""
    if figure is None or text == figure[0] or len(_HAN.findall(text)) > 1:
        return text
    return figure[0]
