"""A table set without ruling lines (columns of aligned words), as pdfplumber's text strategy finds it:
its rows tidied, its header read again from the words.

- The text strategy cuts the page into bands at every line, so a wrapped cell gives a row of its own
  (`柳叶湖旅游` / `度假区`) and blank bands give empty rows: empty rows go, and a row with its key cell
  (the first) empty and no figure is the rest of the row before it.
- Its column edges come from the data rows, and a header word may straddle them (`区县(市)改厕` /
  `任务`): the header is built again from its words, each placed in the column under its centre; a
  word over payer or total columns it names (`补助资金(万元)` over `合计 | 省级财政 | 市县财政`) spans
  them, placed in the first, so the table reader lends its unit to each.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from .pdf_tables import FIGURE

_LINE_TOL = 3.0


def _is_data(row: list[str]) -> bool:
    return any(FIGURE.fullmatch(c.strip()) for c in row if c)


def _words(chars: list[dict], x0: float, x1: float, top: float, bottom: float) -> list[list[dict]]:
    """The header's words, line by line: characters in the band, split where a gap opens."""
    band = sorted((c for c in chars if x0 <= (c["x0"] + c["x1"]) / 2 <= x1 and top <= c["top"] < bottom
                   and c["text"].strip()), key=lambda c: (round(c["top"] / _LINE_TOL), c["x0"]))
    lines: list[list[dict]] = []
    for c in band:
        if lines and abs(lines[-1][-1]["top"] - c["top"]) <= _LINE_TOL:
            last = lines[-1][-1]
            gap = c["x0"] - last["x1"]
            if gap <= 0.5 * c["size"]:
                last["text"] += c["text"]
                last["x1"] = c["x1"]
                continue
            lines[-1].append({"text": c["text"], "x0": c["x0"], "x1": c["x1"], "top": c["top"]})
        else:
            lines.append([{"text": c["text"], "x0": c["x0"], "x1": c["x1"], "top": c["top"]}])
    return lines


def _column(x: float, edges: list[tuple[float, float]]) -> int:
    return min(range(len(edges)), key=lambda j: 0 if edges[j][0] <= x <= edges[j][1]
               else min(abs(x - edges[j][0]), abs(x - edges[j][1])))


def _header_rows(lines: list[list[dict]], edges: list[tuple[float, float]]) -> list[list[str]]:
    from ..normalize import normalize_fragment
    from ..tables.columns import is_total_header, payer_of
    from ..tables.header import is_parent

    def names_share(s: str) -> bool:  # 合计 / 省级财政: a total or payer column
        return is_total_header(s) or payer_of(s) is not None

    lines = [[{**w, "norm": normalize_fragment(w["text"])} for w in line] for line in lines]
    width = len(edges)
    rows: list[list[str]] = []
    placed = [[_column((w["x0"] + w["x1"]) / 2, edges) for w in line] for line in lines]
    for k, line in enumerate(lines):
        row = [""] * width
        below = {}
        if k + 1 < len(lines):
            below = {j: w["norm"] for j, w in zip(placed[k + 1], lines[k + 1], strict=True)}
        own = set(placed[k])
        for w, j in zip(line, placed[k], strict=True):
            shares = {x for x in below if names_share(below[x]) and (x == j or x not in own)}
            start = next((x for x in (j, j - 1, j + 1) if x in shares), None)
            if start is not None and is_parent(w["norm"], [below[x] for x in sorted(shares) if x >= start]):
                while start - 1 in shares:  # the run of total / payer columns under the word
                    start -= 1
                j = start
            row[j] += w["text"]
        rows.append(row)
    return rows


def tidy_unruled(rows: list[list[str]], table: Any, chars: list[dict]) -> list[list[str]]:
    """The rows of an unruled table: empty rows dropped, wrapped rows joined, the header rebuilt."""
    rows = [r for r in rows if any(c.strip() for c in r)]
    first = next((k for k, r in enumerate(rows) if _is_data(r)), None)
    if first is None:
        return rows
    out: list[list[str]] = []
    for r in rows[first:]:
        if out and not r[0] and not _is_data(r):
            out[-1] = [a + b for a, b in zip(out[-1], r, strict=False)]  # 柳叶湖旅游 / 度假区
        else:
            out.append(list(r))
    edges = [(c.bbox[0], c.bbox[2]) for c in table.columns]
    x0, top, x1, bottom = table.bbox
    inside = [c["size"] for c in chars if x0 <= c["x0"] <= x1 and top <= c["top"] <= bottom]
    size = Counter(round(s, 1) for s in inside).most_common(1)[0][0] if inside else 10.0
    lines = _words(chars, x0 - size, x1 + size, top - 1.5 * size, _data_top(table) - 0.5)
    header = _header_rows(lines, edges) if lines and len(edges) == len(out[0]) else rows[:first]
    return header + out


def _data_top(table: Any) -> float:
    """The top of the first band holding a figure: where the data rows begin."""
    for band, r in zip(table.rows, table.extract(), strict=False):
        if _is_data([c or "" for c in r]):
            return band.bbox[1]
    return table.bbox[1]
