"""Lines Tesseract's page layout lost, or read with little confidence, read again.

Tesseract's layout analysis sometimes leaves a stretch of text unread (`二、教育文化` read as
`育文化`: the heading's first characters fell out of the line it found) or takes two lines for
one tall line and reads it as a blot (a word of confidence 0 as tall as two lines). The ink such
a page leaves outside every word read is easy to find: cleared of specks, a row band of ink at
least a line high and a character and a half wide that no word box covers. Each such band is
cut out across the page and read again as one line (psm 7); its words replace those the page
read in that band. A line read with little confidence is read again the same way, its image
cleared of specks first, and kept when read with more confidence.
"""

from __future__ import annotations

import csv
import io
import statistics
from typing import Any

_COLUMNS = ["level", "page_num", "block_num", "par_num", "line_num", "word_num", "left", "top", "width", "height", "conf", "text"]
_BLOCK = 900  # block numbers of the lines read again (after any Tesseract gives a page)


def _rows(tsv: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE))


def _box(w: dict) -> tuple[int, int, int, int]:
    x, y = int(w["left"]), int(w["top"])
    return x, y, x + int(w["width"]), y + int(w["height"])


def _is_word(w: dict) -> bool:
    return w.get("level") == "5" and bool((w.get("text") or "").strip()) and float(w.get("conf") or -1) >= 0


def missed_bands(img: Any, tsv: str) -> list[tuple[int, int, int, int]]:
    """(x0, top, x1, bottom) of the row bands with ink no word read covers (pixels)."""
    import numpy as np
    from PIL import ImageFilter

    words = [w for w in _rows(tsv) if _is_word(w)]
    if len(words) < 5:
        return []
    em = statistics.median(int(w["height"]) for w in words)
    ink = np.asarray(img.convert("L").filter(ImageFilter.MedianFilter(3))) < 128
    covered = np.zeros_like(ink)
    pad = max(2, round(0.15 * em))
    for w in words:
        x0, y0, x1, y1 = _box(w)
        if float(w["conf"]) < 10 and y1 - y0 > 1.8 * em:
            continue  # a blot: two lines read as one
        covered[max(0, y0 - pad):y1 + pad, max(0, x0 - pad):x1 + pad] = True
    left = ink & ~covered
    # a stroke: a column of a character has ink on a run of rows; specks and edges left of a word don't
    rows = left.sum(axis=1) >= 0.2 * em  # a row through a character, not through a sliver
    bands = []
    for top, bottom in row_runs(rows, bridge=2):
        if 0.6 * em <= bottom - top <= 1.6 * em:
            run = _widest(left[top:bottom], em)
            if run is not None:
                bands.append((run[0], top, run[1], bottom))
    return bands


def _widest(left: Any, em: float) -> tuple[int, int] | None:
    """The widest stretch of uncovered ink in a band (columns of ink less than 0.8 em apart)
    when it is more than a character wide, and inked like text (not slivers of the
    characters beside word boxes that fell short)."""
    import numpy as np

    cols = np.nonzero(left.sum(axis=0) >= 2)[0]
    if not len(cols):
        return None
    breaks = np.nonzero(np.diff(cols) > 0.8 * em)[0]
    starts = np.concatenate([[cols[0]], cols[breaks + 1]])
    ends = np.concatenate([cols[breaks], [cols[-1]]]) + 1
    best = int(np.argmax(ends - starts))
    a, b = int(starts[best]), int(ends[best])
    if b - a < 1.2 * em or left[:, a:b].mean() < 0.08:
        return None
    return a, b


def weak_bands(tsv: str) -> list[tuple[int, int, int, int]]:
    """The boxes of the lines read with little confidence: of four words or more, two words or
    more under 0.3, or the line's words under 0.6 on average (`2025年3月7日`, set wide, read
    `2025人钙5月了.目`); of fewer words (a classifier wrapped alone onto a line, `个。` read `|o`),
    every word under 0.6, its box grown to a line of body text (its specks are smaller than
    the characters they stand for)."""
    words: dict[tuple[str, str, str], list[float]] = {}
    heights = []
    boxes = {}
    for w in _rows(tsv):
        key = (w.get("block_num", ""), w.get("par_num", ""), w.get("line_num", ""))
        if w.get("level") == "4":
            boxes[key] = _box(w)
        elif _is_word(w):
            words.setdefault(key, []).append(float(w["conf"]))
            heights.append(int(w["height"]))
    em = statistics.median(heights) if heights else 0
    out = []
    for key, confs in words.items():
        if key not in boxes:
            continue
        if len(confs) >= 4 and (sum(c < 30 for c in confs) >= 2 or sum(confs) / len(confs) < 60):
            out.append(boxes[key])
        elif len(confs) < 4 and max(confs) < 60 and em:
            x0, y0, x1, y1 = boxes[key]
            top = round((y0 + y1) / 2 - em / 2)
            out.append((x0, min(y0, top), x1, max(y1, top + round(em))))
    return out


def reread(img: Any, tsv: str, bands: list[tuple[int, int, int, int]], run: Any, weak: bool = False) -> str:
    """The page's TSV with each band's words replaced by a reading of the band as one line.
    `run(png, psm)` -> TSV. `weak`: the bands are lines read with little confidence; each is read
    again cleared of specks (3x3 median, black and white) and kept when read with more confidence."""
    from PIL import ImageFilter

    rows = _rows(tsv)
    for i, (bx0, top, bx1, bottom) in enumerate(bands):
        h = bottom - top
        mid = (top + bottom) / 2
        # the whole line the band sits in: the words read on it, and the band
        on_line = [w for w in rows if _is_word(w) and abs(int(w["top"]) + int(w["height"]) / 2 - mid) < 0.5 * h]
        x0 = min([bx0, *(int(w["left"]) for w in on_line)])
        x1 = max([bx1, *(int(w["left"]) + int(w["width"]) for w in on_line)])
        y0, y1 = max(0, top - h // 3), min(img.height, bottom + h // 3)
        buf = io.BytesIO()
        crop = img.crop((max(0, x0 - h), y0, min(img.width, x1 + h), y1))
        if weak:
            crop = crop.filter(ImageFilter.MedianFilter(3)).point(lambda v: 255 if v > 150 else 0)
        crop.save(buf, "PNG")
        new = [w for w in _rows(run(buf.getvalue(), "7")) if _is_word(w)]
        if not new:
            continue
        if weak and (_mean(new) < _mean(on_line) + 15 or _solid(new) < _solid(on_line) - 1):
            continue  # no surer than before, or fewer characters: keep the first reading
        if not weak and _solid(new) < _solid(on_line) + 2:
            continue  # not two more characters than before (a speck read as `]`): keep the first reading
        dx, dy = max(0, x0 - h), y0
        # the words read in the band go, and a blot reaching into it (two lines read as one)
        rows = [w for w in rows if not (w.get("level") in ("4", "5") and (_within(w, y0, y1) or _blot(w, top, bottom, h)))]
        key = {"page_num": "1", "block_num": str(_BLOCK + 50 * weak + i), "par_num": "1", "line_num": "1"}
        lx0 = min(int(w["left"]) for w in new) + dx
        ly0 = min(int(w["top"]) for w in new) + dy
        lx1 = max(int(w["left"]) + int(w["width"]) for w in new) + dx
        ly1 = max(int(w["top"]) + int(w["height"]) for w in new) + dy
        rows.append({**key, "level": "4", "word_num": "0", "left": str(lx0), "top": str(ly0),
                     "width": str(lx1 - lx0), "height": str(ly1 - ly0), "conf": "-1", "text": ""})
        for k, w in enumerate(new, 1):
            rows.append({**key, "level": "5", "word_num": str(k), "left": str(int(w["left"]) + dx),
                         "top": str(int(w["top"]) + dy), "width": w["width"], "height": w["height"],
                         "conf": w["conf"], "text": w["text"]})
    return tsv_of(rows)


def tsv_of(rows: list[dict]) -> str:
    """Rows of Tesseract's TSV columns written back as its TSV text."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=_COLUMNS, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\",
                            lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def _mean(words: list[dict]) -> float:
    return sum(float(w["conf"]) for w in words) / len(words) if words else 0.0


def _solid(words: list[dict]) -> int:
    """Ideographs, digits and letters read: what a band read again must add to."""
    return sum(1 for w in words for ch in w["text"] if ch.isalnum())


def _within(w: dict, y0: int, y1: int) -> bool:
    mid = int(w["top"]) + int(w["height"]) / 2
    return y0 <= mid <= y1


def _blot(w: dict, top: int, bottom: int, em: int) -> bool:
    y0, y1 = int(w["top"]), int(w["top"]) + int(w["height"])
    return y1 - y0 > 1.8 * em and y0 < bottom and y1 > top and float(w.get("conf") or -1) < 10


def row_runs(rows: Any, bridge: int = 0) -> list[tuple[int, int]]:
    """(start, end) of the runs of true rows; a gap of up to `bridge` rows does not end a run."""
    out = []
    y, h = 0, len(rows)
    while y < h:
        if not rows[y]:
            y += 1
            continue
        start = y
        while y < h and any(rows[min(h - 1, y + k)] for k in range(bridge + 1)):
            y += 1
        out.append((start, y))
    return out
