"""The paths of a PDF page from pypdfium2: does it hold a ruled table, and its edges as pdfplumber
makes them, so pdfplumber's table finder can run on a page pdfminer never parsed.

pdfminer turns each painted subpath into a line (`ml`, `mlh`), a rectangle (`mlllh`/`mllll` closed
with level and plumb sides) or a curve (its points in order, the start again after a close), and
pdfplumber makes edges of them (utils.geometry: line_to_edge, rect_to_edges, curve_to_edges). The
same here from pdfium's path segments. A page with a curve (Bézier), a path inside a form, or a
path under a rotating or skewing matrix gets no edges here (None): pdfplumber reads it.
"""

from __future__ import annotations

import ctypes
import itertools
import struct
from dataclasses import dataclass, field
from typing import Any

from .pdf_limits import Tally

_EPS = 0.01  # a stroke within this of level/plumb is horizontal/vertical (for the cheap count)


@dataclass
class PageObjects:
    ruled: bool = False  # enough horizontal and vertical strokes for a ruled cell (2 and 2)
    texts: list[tuple[Any, int]] = field(default_factory=list)  # text objects, with their depth in forms
    paths: list[tuple[Any, int]] = field(default_factory=list)


def page_objects(page: Any, tally: Tally | None = None, number: int = 0) -> PageObjects:
    """The text and path objects of a page (forms opened), and whether its paths may rule a table:
    a cell needs two horizontal and two vertical edges, so a page with fewer strokes has no table.
    `tally` counts the paths (page `number`) against the limits while they are walked."""
    import pypdfium2.raw as R

    out = PageObjects()
    h = v = 0

    def walk(count: Any, get: Any, parent: Any, level: int) -> None:
        nonlocal h, v
        for i in range(count(parent)):
            obj = get(parent, i)
            kind = R.FPDFPageObj_GetType(obj)
            if kind == R.FPDF_PAGEOBJ_TEXT:
                out.texts.append((obj, level))
            elif kind == R.FPDF_PAGEOBJ_PATH:
                out.paths.append((obj, level))
                if tally is not None and len(out.paths) % 1024 == 0:
                    tally.check_paths(len(out.paths), number)
                dh, dv = _strokes(obj, level > 0)
                h, v = h + dh, v + dv
            elif kind == R.FPDF_PAGEOBJ_FORM and level < 8:
                walk(R.FPDFFormObj_CountObjects, R.FPDFFormObj_GetObject, obj, level + 1)

    walk(R.FPDFPage_CountObjects, R.FPDFPage_GetObject, page.raw, 0)
    if tally is not None:
        tally.add_paths(len(out.paths), number)
    out.ruled = h >= 2 and v >= 2
    return out


def _subpaths(obj: Any) -> list[tuple[list[tuple[float, float]], bool, bool]]:
    """(points, closed, has a curve) of each subpath of a path object, in its own space."""
    import pypdfium2.raw as R

    x, y = ctypes.c_float(), ctypes.c_float()
    out: list[tuple[list[tuple[float, float]], bool, bool]] = []
    pts: list[tuple[float, float]] = []
    closed = curved = False
    for i in range(R.FPDFPath_CountSegments(obj)):
        seg = R.FPDFPath_GetPathSegment(obj, i)
        R.FPDFPathSegment_GetPoint(seg, x, y)
        kind = R.FPDFPathSegment_GetType(seg)
        if kind == R.FPDF_SEGMENT_MOVETO and pts:
            out.append((pts, closed, curved))
            pts, closed, curved = [], False, False
        pts.append((x.value, y.value))
        curved = curved or kind == R.FPDF_SEGMENT_BEZIERTO
        closed = closed or bool(R.FPDFPathSegment_GetClose(seg))
    if pts:
        out.append((pts, closed, curved))
    return out


def _strokes(obj: Any, nested: bool) -> tuple[int, int]:
    """(horizontal, vertical) steps between the points of a path (curve control points included,
    the start again after a close). Inside a form every step counts as both."""
    import pypdfium2.raw as R

    m = R.FS_MATRIX()
    R.FPDFPageObj_GetMatrix(obj, m)
    h = v = 0
    for pts, closed, _ in _subpaths(obj):
        seq = [*pts, pts[0]] if closed else pts
        for (ax, ay), (bx, by) in itertools.pairwise(seq):
            if nested:
                h, v = h + 1, v + 1
                continue
            dx, dy = bx - ax, by - ay
            h += abs(m.b * dx + m.d * dy) <= _EPS
            v += abs(m.a * dx + m.c * dy) <= _EPS
    return h, v


def _f32(v: float) -> float:
    """The shortest decimal that reads back as this float32: the number the PDF wrote (pdfium keeps
    coordinates as float32, pdfminer as the float64 of the written number)."""
    want = struct.pack("<f", v)
    for digits in range(1, 10):
        cand = float(f"{v:.{digits}g}")
        if struct.pack("<f", cand) == want:
            return cand
    return v


def page_edges(paths: list[tuple[Any, int]], height: float) -> list[dict] | None:
    """pdfplumber's `page.edges` of a page, from pdfium's paths; None when a path is one this does
    not replay (in a form, not upright, curved)."""
    import pypdfium2.raw as R

    fill, stroke = ctypes.c_int(), ctypes.c_int()
    m = R.FS_MATRIX()
    lines: list[dict] = []
    rects: list[dict] = []
    curves: list[dict] = []
    for obj, level in paths:
        if level:
            return None
        R.FPDFPath_GetDrawMode(obj, fill, stroke)
        if not fill.value and not stroke.value:
            continue  # `n`: a clip, not painted (pdfminer paints nothing)
        R.FPDFPageObj_GetMatrix(obj, m)
        if abs(m.b) > 1e-6 or abs(m.c) > 1e-6:
            return None
        a, d, e, f = _f32(m.a), _f32(m.d), _f32(m.e), _f32(m.f)
        for pts, closed, curved in _subpaths(obj):
            if curved:
                return None
            pts = [(a * _f32(px) + e, height - (d * _f32(py) + f)) for px, py in pts]
            _shape(pts, closed, lines, rects, curves)
    return lines + rects + curves


def _shape(pts: list[tuple[float, float]], closed: bool, lines: list, rects: list, curves: list) -> None:
    """pdfminer's paint_path for one subpath (points already in pdfplumber's page space)."""
    shape = "m" + "l" * (len(pts) - 1) + ("h" if closed else "")
    if closed:
        pts = [*pts, pts[0]]
    if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
        shape = shape[:-2] + "h"
        pts.pop()
    if shape in ("mlh", "ml"):
        lines.append(_line_edge(pts[0], pts[1]))
    elif shape in ("mlllh", "mllll") and pts[0] == pts[4] and _square(pts):
        rects.extend(_rect_edges(pts[0], pts[2]))
    else:
        curves.extend(_pair_edge(p, q) for p, q in itertools.pairwise(pts))


def _square(pts: list[tuple[float, float]]) -> bool:
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = pts[:4]
    return (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)


def _box(p: tuple[float, float], q: tuple[float, float]) -> dict:
    x0, x1 = min(p[0], q[0]), max(p[0], q[0])
    top, bottom = min(p[1], q[1]), max(p[1], q[1])
    return {"x0": x0, "x1": x1, "top": top, "bottom": bottom, "width": x1 - x0, "height": bottom - top}


def _line_edge(p: tuple[float, float], q: tuple[float, float]) -> dict:
    edge = _box(p, q)
    edge.update(object_type="line", orientation="h" if edge["top"] == edge["bottom"] else "v")
    return edge


def _rect_edges(p: tuple[float, float], q: tuple[float, float]) -> list[dict]:
    r = _box(p, q)
    r["object_type"] = "rect_edge"
    return [
        {**r, "height": 0, "bottom": r["top"], "orientation": "h"},
        {**r, "height": 0, "top": r["top"] + r["height"], "orientation": "h"},
        {**r, "width": 0, "x1": r["x0"], "orientation": "v"},
        {**r, "width": 0, "x0": r["x1"], "orientation": "v"},
    ]


def _pair_edge(p: tuple[float, float], q: tuple[float, float]) -> dict:
    edge = _box(p, q)
    edge.update(object_type="curve_edge", orientation="v" if p[0] == q[0] else ("h" if p[1] == q[1] else None))
    return edge


class ShimPage:
    """What pdf_tables.find_tables and the PDF reader's _page_items ask of a pdfplumber page, from
    pdfium's characters (already de-duplicated) and edges."""

    def __init__(self, chars: list[dict], edges: list[dict], width: float, height: float) -> None:
        for c in chars:  # what pdfplumber's word and text functions read besides the box
            c["upright"], c["doctop"] = True, c["top"]
        self.chars = chars
        self.edges = edges
        self.bbox = (0.0, 0.0, width, height)
        self.width, self.height = width, height

    def dedupe_chars(self, tolerance: float = 1) -> ShimPage:
        return self

    def find_tables(self, table_settings: dict) -> list:
        from pdfplumber.table import TableFinder, TableSettings

        return TableFinder(self, TableSettings.resolve(table_settings)).tables  # type: ignore[arg-type]

    def extract_words(self, **kwargs: Any) -> list[dict]:
        from pdfplumber.utils import extract_words

        return extract_words(self.chars, **kwargs)
