"""The text of a ruled table's cells read again, one line of a cell at a time, at two scales.

The page pass reads a ruled table as one block (psm 6): Tesseract's line finder runs a line of
one cell into the cells beside it, and a short line alone in a narrow cell loses the context it
needs (`8000户` wrapped as `造8000` / `户` read `户` as `具`, `(万元)` wrapped as `资(万` / `元)`
read `元)` as `5`). Here each cell is cut out inside its rules, its lines found from the rows
of ink (cleared of specks: an empty cell keeps no word of the page pass, whose specks it read as
`大工2克类`). A cell's lines are laid end to end, as the text ran before the cell wrapped it, on
a row of their own on a sheet (a line of one character read alone has no context: `个` read
`人`, `源` not read at all), and the sheet is read once at the scan's size and once half again
as large (one Tesseract run each for the whole table). Each character goes back to the line of
the cell it was read in, and each cell takes the reading of the two that is surer (its
characters' mean confidence): a line read badly at one scale is seldom read badly at the other
(`元)` 0.00 at 200 dpi, 0.91 at 300; `(万` the other way round). The words of the page pass
inside the cells are replaced by these.
"""

from __future__ import annotations

import html
import io
from collections.abc import Callable
from typing import Any

import numpy as np
import regex as re

from .ocr_missed import _is_word, _rows, row_runs, tsv_of

SCALES = (1.0, 1.5)  # the two readings of each line
PSM = "6"  # the sheet: one block of lines, one line of a cell per row
BLOCK = 10_000  # block numbers of the lines read here (above any Tesseract or ocr_missed gives)
SHEET_CELLS = 60  # cells a sheet at most (a sheet 60 rows high: under 10,000 pixels at 1.5x)
_MERGE = 1.2  # two bands of ink within this many ems from top to bottom are one line (`二`, `三`)


def _bands(ink: Any) -> list[tuple[int, int]]:
    """(top, bottom) of the runs of rows with ink, in a cell cleared of specks."""
    return row_runs(ink.sum(axis=1) >= 2)


def _merge(bands: list[tuple[int, int]], em: float) -> list[tuple[int, int]]:
    """Bands that fit in one line's height together are the strokes of one line."""
    out: list[list[int]] = []
    for top, bottom in bands:
        if out and bottom - out[-1][0] <= _MERGE * em:
            out[-1][1] = bottom
        else:
            out.append([top, bottom])
    return [(a, b) for a, b in out]


def cell_lines(img: Any, cells: list[tuple[float, float, float, float]], dpi: int) -> tuple[list[list[tuple[int, int, int, int]]], list[tuple[float, ...]]]:
    """The boxes (page pixels) of the lines of ink of each cell that has any, one list per cell:
    from the line's first ink to its last, an em high (a `、` line as high as a line of
    ideographs); and the cells looked at (pixels)."""
    from PIL import ImageFilter

    inset = max(2, round(dpi / 66))  # past the rule (a pixel or three)
    found: list[tuple[tuple[int, int, int, int], list[tuple[int, int]], Any]] = []
    looked = []
    for c in cells:
        box = (round(c[0]) + inset, round(c[1]) + inset, round(c[2]) - inset, round(c[3]) - inset)
        if box[2] - box[0] < 4 or box[3] - box[1] < 4:
            continue
        looked.append(c)
        crop = img.crop(box).filter(ImageFilter.MedianFilter(3))
        ink = np.asarray(crop) < 150
        bands = [b for b in _bands(ink) if ink[b[0]:b[1]].sum() >= 6]
        if bands:
            found.append((box, bands, ink))
    heights = [b - a for _, bands, _ in found for a, b in bands]
    if not heights:
        return [], looked
    em = float(np.percentile(heights, 75))  # most bands are whole lines; a `、` or `-` line is lower
    out = []
    for box, bands, ink in found:
        lines = []
        for top, bottom in _merge(bands, em):
            cols = np.nonzero(ink[top:bottom].any(axis=0))[0]
            mid = box[1] + (top + bottom) / 2
            half = max(bottom - top, em) / 2
            lines.append((box[0] + int(cols[0]), round(mid - half), box[0] + int(cols[-1]) + 1, round(mid + half)))
        out.append(lines)
    return out, looked


def _sheet(img: Any, cells: list[list[tuple[int, int, int, int]]], scale: float) -> tuple[bytes, list[list[tuple[int, int, int]]]]:
    """Each cell's lines laid end to end on a row of their own (scaled), as a PNG; per cell, per
    line: where its ink starts and ends on the sheet (x) and where its em starts (y)."""
    from PIL import Image

    rows = []
    pad = (cells[0][0][3] - cells[0][0][1]) // 4  # white around a line's ink
    margin = round(pad * scale)
    for lines in cells:
        crops = []
        for x0, y0, x1, y1 in lines:
            crop = img.crop((x0 - pad, y0 - pad, x1 + pad, y1 + pad))
            if scale != 1.0:
                crop = crop.resize((max(1, round(crop.width * scale)), max(1, round(crop.height * scale))), Image.LANCZOS)
            crops.append(crop)
        rows.append(crops)
    height = max(c.height for crops in rows for c in crops)
    gap = max(20, round(0.8 * height))
    space = round(0.15 * height)  # between two lines of a cell: a little more than between two characters
    width = max(sum(c.width + space for c in crops) for crops in rows) + 2 * gap
    # the sheet's white is the page's paper, not pure white: Tesseract reads nothing of a crop of a
    # noisy scan set on pure white now and then (`资金来源`: no word)
    paper = int(np.median(np.asarray(img)))
    sheet = Image.new("L", (width, len(rows) * (height + gap) + gap), paper)
    places = []
    y = gap
    for crops in rows:
        x = gap
        spans = []
        for crop in crops:
            sheet.paste(crop, (x, y + (height - crop.height) // 2))
            spans.append((x + margin, x + crop.width - margin, y + (height - crop.height) // 2 + margin))
            x += crop.width + space
        places.append(spans)
        y += height + gap
    buf = io.BytesIO()
    sheet.save(buf, "PNG")
    return buf.getvalue(), places


_WORD = re.compile(r"x_wconf (-?[\d.]+)'>((?:\s*<span class='ocrx_cinfo'[^>]*>[^<]*</span>)+)")
_CHAR = re.compile(r"x_bboxes (\d+) (\d+) (\d+) (\d+); x_conf [\d.]+'>([^<]*)</span>")


def _chars(hocr: str) -> list[tuple[str, float, float, float, float, float, int]]:
    """(character, x0, x1, top, bottom, its word's confidence, its word's number) of every
    character Tesseract's hOCR (with character boxes) holds."""
    out = []
    for n, word in enumerate(_WORD.finditer(hocr)):
        conf = float(word.group(1))
        for ch in _CHAR.finditer(word.group(2)):
            text = html.unescape(ch.group(5)).strip()
            if text:
                x0, y0, x1, y1 = (int(ch.group(k)) for k in range(1, 5))
                out.append((text, float(x0), float(x1), float(y0), float(y1), conf, n))
    return out


def _by_line(chars: list[tuple], places: list[list[tuple[int, int, int]]], row: float) -> list[list[list[tuple]]]:
    """The characters read on a sheet given to the cell line they were read in: by their box's
    left edge (the LSTM's boxes lag behind the ink: `、` after `债券` gets a box reaching into the
    next line's first character)."""
    out: list[list[list[tuple]]] = [[[] for _ in spans] for spans in places]
    for ch in chars:
        cx, cy = ch[1] + 1, (ch[3] + ch[4]) / 2
        for i, spans in enumerate(places):
            if not spans or not spans[0][2] - row / 2 <= cy <= spans[0][2] + 1.5 * row:
                continue
            k = min(range(len(spans)), key=lambda k: 0 if spans[k][0] <= cx <= spans[k][1] else
                    min(abs(cx - spans[k][0]), abs(cx - spans[k][1])))
            out[i][k].append(ch)
            break
    return out


def _mean(chars: list[tuple]) -> float:
    return sum(c[5] for c in chars) / len(chars) if chars else -1.0


def read_cells(img: Any, tsv: str, cells: list[tuple[float, float, float, float]], dpi: int,
               run: Callable[..., str]) -> str:
    """The page's TSV with the words inside the table's cells replaced by the lines of each cell
    read again (see the module doc). `cells` in page pixels; `run(png, psm)` -> TSV."""
    lines, looked = cell_lines(img, cells, dpi)
    if not looked:
        return tsv
    readings: list[list[list[list[tuple]]]] = []  # per scale, per cell, per line: characters
    for scale in SCALES if lines else ():
        read: list[list[list[tuple]]] = []
        for k in range(0, len(lines), SHEET_CELLS):  # a sheet of a big table stays small enough
            part = lines[k:k + SHEET_CELLS]
            png, places = _sheet(img, part, scale)
            row = max(y1 - y0 for ls in part for _, y0, _, y1 in ls) * scale
            read.extend(_by_line(_chars(run(png, PSM, out="hocr")), places, row))
        readings.append(read)
    page = _rows(tsv)
    drop: list[tuple[float, ...]] = list(looked)  # the cells whose words of the page pass go
    added: list[dict] = []
    n = 0
    for i, cell in enumerate(lines):
        # one reading for the whole cell (its lines read at one scale hold together), or the
        # page pass's when it is surer (a line Tesseract finds no text in on the sheet: `资金来源`)
        read = max(readings, key=lambda r: _mean([c for line in r[i] for c in line]))
        box = _cell_of(cell, looked)
        first = [(w["text"], float(w["conf"])) for w in page if _is_word(w) and _in_cells(w, [box])]
        if _mean([c for line in read[i] for c in line]) < _mean([("", 0, 0, 0, 0, conf) for _, conf in first]):
            drop.remove(box)
            continue
        for k, line in enumerate(cell):
            if read[i][k]:
                added.extend(_placed(read[i][k], line, n))
                n += 1
    rows = [w for w in page if not (w.get("level") in ("4", "5") and _in_cells(w, drop))] + added
    return tsv_of(rows)


def _cell_of(lines: list[tuple[int, int, int, int]], cells: list[tuple[float, ...]]) -> tuple[float, ...]:
    """The cell a cell's lines were found in."""
    x0, y0 = lines[0][0] + 1, (lines[0][1] + lines[0][3]) / 2
    return next(c for c in cells if c[0] <= x0 <= c[2] and c[1] <= y0 <= c[3])


def _in_cells(w: dict, cells: list[tuple[float, ...]]) -> bool:
    cx, cy = int(w["left"]) + int(w["width"]) / 2, int(w["top"]) + int(w["height"]) / 2
    return any(c[0] <= cx <= c[2] and c[1] <= cy <= c[3] for c in cells)


def _placed(chars: list[tuple], box: tuple[int, int, int, int], n: int) -> list[dict]:
    """A line's characters moved from the sheet back onto the page (pixels), over the line's ink
    and as high as its em, as a TSV line row and a word row per run of characters of one word
    (a `.` or `-` alone would look like a speck)."""
    key = {"page_num": "1", "block_num": str(BLOCK + n), "par_num": "1", "line_num": "1"}

    # the LSTM's character boxes are rough (they lag behind the ink): the line's characters are
    # spread over its ink, from the first character's left to the last one's right
    lo, hi = chars[0][1], max(chars[-1][2], chars[0][1] + 1)
    stretch = (box[2] - box[0]) / (hi - lo)

    def x(v: float) -> int:
        return round(min(max(box[0] + (v - lo) * stretch, box[0]), box[2]))

    words: list[list[tuple]] = []
    for ch in chars:
        if words and words[-1][-1][6] == ch[6]:
            words[-1].append(ch)
        else:
            words.append([ch])
    out = []
    for k, word in enumerate(words, 1):
        left, right = x(word[0][1]), max(x(word[0][1]) + 1, x(word[-1][2]))
        out.append({**key, "level": "5", "word_num": str(k), "left": str(left), "top": str(box[1]),
                    "width": str(right - left), "height": str(box[3] - box[1]),
                    "conf": f"{word[0][5]:g}", "text": "".join(c[0] for c in word)})
    x0 = min(int(w["left"]) for w in out)
    y0 = min(int(w["top"]) for w in out)
    x1 = max(int(w["left"]) + int(w["width"]) for w in out)
    y1 = max(int(w["top"]) + int(w["height"]) for w in out)
    return [{**key, "level": "4", "word_num": "0", "left": str(x0), "top": str(y0), "width": str(x1 - x0),
             "height": str(y1 - y0), "conf": "-1", "text": ""}, *out]



