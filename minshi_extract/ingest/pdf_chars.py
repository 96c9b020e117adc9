"""The characters of a PDF page from pypdfium2, as the dicts the line builder reads (pdf_lines).

pdfminer (through pdfplumber) reads a page 20-30 times slower than pdfium. The characters here are
pdfplumber's, field for field where the line builder looks (`text`, `x0`, `x1`, `top`, `bottom`,
`size`, `fontname`, `non_stroking_color`): x0 is the glyph origin and x1 its advance, as pdfminer
sets them; top/bottom come from the baseline and pdfminer's descent (the font descriptor's /Descent,
read once per font by `font_descents`: pdfium repairs a zero /Descent from the glyphs, pdfminer
does not), so a line's box is where it was.

A page is left to pdfplumber (`PageChars.plumber`) when its layout needs pdfplumber's table finder
or may read differently here:
- its paths hold at least two horizontal and two vertical strokes (the least a ruled cell needs);
- its words line up in enough columns and rows for the text-alignment table finder to find a grid
  (checked with pdfplumber's own word and edge functions on these characters);
- it is rotated, its MediaBox does not start at the origin, or it sets text that is not upright, in
  a font this module cannot place as pdfminer does (Type3, vertical writing, an unknown name).
"""

from __future__ import annotations

import ctypes
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from .pdf_fonts import Fonts, handle
from .pdf_limits import Tally
from .pdf_paths import PageObjects, page_objects

_MIN_EDGES = 4  # a text table of 3 rows and 3 columns needs 4 row edges and 4 column edges


@dataclass
class PageChars:
    number: int
    width: float
    height: float
    glyphs: int  # pdfium's character indices on the page (generated blanks included)
    chars: list[dict] = field(default_factory=list)
    plumber: bool = False  # read this page with pdfplumber (placed differently here)
    objects: PageObjects = field(default_factory=PageObjects)


# --- the pdfium document -------------------------------------------------------------------------


def open_document(data: bytes) -> Any:
    """pdfium's document, or None where pdfium cannot open what pdfminer opened (pdfplumber reads it)."""
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        return None


def page_text(textpage: Any) -> list[str]:
    """One string per pdfium character index (its whole text page in one call)."""
    import pypdfium2.raw as R

    n = max(0, R.FPDFText_CountChars(textpage.raw))
    if not n:
        return []
    buf = ctypes.create_string_buffer((n + 1) * 2)
    R.FPDFText_GetText(textpage.raw, 0, n, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort)))
    return _units(buf.raw[: n * 2].decode("utf-16-le", "surrogatepass"))


def glyph_count(textpage: Any, text: list[str] | None = None) -> int:
    """The characters the page draws: pdfium's, less the blanks and line breaks it generated."""
    text = page_text(textpage) if text is None else text
    generated = _fast()["FPDFText_IsGenerated"]
    tp = ctypes.c_void_p(handle(textpage.raw))
    return len(text) - sum(1 for i, t in enumerate(text) if t in _MADE and generated(tp, i))


_MADE = frozenset(" \r\n")
_HIGH = re.compile("[\ud800-\udbff]")


_FAST: dict[str, Any] = {}


def _fast() -> dict[str, Any]:
    """Per-character pdfium calls without ctypes' argument conversion (3-5x cheaper a call): fresh
    function objects of the library with no argtypes; the text object comes back as an int."""
    if not _FAST:
        import pypdfium2_raw.bindings as B

        lib = B._libs["pdfium"]
        for name, res in (("FPDFText_GetTextObject", ctypes.c_void_p), ("FPDFText_GetLooseCharBox", ctypes.c_int),
                          ("FPDFText_GetCharOrigin", ctypes.c_int), ("FPDFText_IsGenerated", ctypes.c_int)):
            fn = lib[name]
            fn.restype = res
            _FAST[name] = fn
    return _FAST


def _plain(plumber_page: Any) -> bool:
    """Unrotated, its MediaBox at the origin: PDF user space is pdfplumber's page space, flipped."""
    from pdfminer.pdftypes import resolve1

    box = resolve1(plumber_page.page_obj.attrs.get("MediaBox"))
    try:
        x0, y0, x1, y1 = (float(resolve1(v)) for v in box)
    except (TypeError, ValueError):
        return False
    return plumber_page.rotation == 0 and min(x0, x1) == 0 and min(y0, y1) == 0


def _blanks(texts: list[tuple[Any, int]], kept: dict[int, list[float]], top_y: float, fonts: Fonts) -> list[dict] | None:
    """The spaces pdfium leaves out of its text page. A producer may set the blanks between words as
    a text object of their own in another font (LibreOffice: one object, positioned blanks; reportlab:
    one blank per object): pdfium keeps the first blank of such an object, or none. An object whose
    glyphs are all blank has a box of no height from the origin of its first to that of its last
    glyph: a blank is put at both ends where pdfium kept none. None: such an object inside a form."""
    import pypdfium2.raw as R

    out: list[dict] = []
    box = [ctypes.c_float() for _ in range(4)]
    m = R.FS_MATRIX()
    for obj, level in texts:
        if not R.FPDFPageObj_GetBounds(obj, *box) or box[3].value - box[1].value > 1e-3:
            continue  # visible glyphs
        if level:
            return None
        R.FPDFPageObj_GetMatrix(obj, m)
        if not (m.a > 0 and m.d > 0 and abs(m.b) < 1e-6 and abs(m.c) < 1e-6):
            return None
        info = None
        have = kept.get(handle(obj), [])
        for x in {box[0].value, box[2].value}:
            if any(abs(x - h) < 0.01 for h in have):
                continue
            info = info or _info(obj, m, fonts)
            if info is None:
                return None
            out.append(_char(" ", x, x, m.f, top_y, info))
    return out


def words(chars: list[dict], x_tol: float = 2, y_tol: float = 3) -> list[dict]:
    """pdfplumber's extract_words(x_tolerance=2, y_tolerance=3) for upright characters, boxes only:
    lines are chains of tops within y_tol, a word ends at a blank, a step back, or a gap over x_tol."""
    tops = [c["top"] for c in chars]
    x0s = [c["x0"] for c in chars]
    x1s = [c["x1"] for c in chars]
    bottoms = [c["bottom"] for c in chars]
    blank = [c["text"].isspace() for c in chars]
    out: list[tuple[float, float, float, float]] = []
    for line in _lines(tops, y_tol):
        have = False
        bx0 = bx1 = bt = bb = px0 = px1 = ptop = 0.0
        for i in sorted(sorted(line), key=x0s.__getitem__):  # by x0, then by order
            if blank[i]:
                if have:
                    out.append((bx0, bx1, bt, bb))
                have = False
                continue
            x0, x1, top, bottom = x0s[i], x1s[i], tops[i], bottoms[i]
            if have and (x0 < px0 or x0 > px1 + x_tol or abs(top - ptop) > y_tol):
                out.append((bx0, bx1, bt, bb))
                have = False
            if have:
                if x0 < bx0:
                    bx0 = x0
                if x1 > bx1:
                    bx1 = x1
                if top < bt:
                    bt = top
                if bottom > bb:
                    bb = bottom
            else:
                bx0, bx1, bt, bb, have = x0, x1, top, bottom, True
            px0, px1, ptop = x0, x1, top
        if have:
            out.append((bx0, bx1, bt, bb))
    return [dict(zip(_BOX, box, strict=True)) for box in out]


_BOX = ("x0", "x1", "top", "bottom")


def _lines(tops: list[float], tolerance: float) -> list[list[int]]:
    """Indices chained by top (pdfplumber's cluster_objects on `top`)."""
    out: list[list[int]] = []
    last = None
    for i in sorted(range(len(tops)), key=tops.__getitem__):
        t = tops[i]
        if last is None or t > last + tolerance:
            out.append([])
        out[-1].append(i)
        last = t
    return out


def text_grid(chars: list[dict]) -> bool:
    """Could pdfplumber's text-alignment finder (pdf_tables.TEXT) find a table of 3+ rows and 3+
    columns here? Its rows and columns come from edges along words (pdfplumber's own functions):
    a cell spans two of each, so such a table needs 4 of each; a page of prose has 2 column edges
    (the left margin and the right), so pdfplumber is not asked."""
    from pdfplumber.table import words_to_edges_h, words_to_edges_v

    if len(chars) < 9:
        return False
    found = words(chars)
    if len(found) < 6:
        return False
    return len(words_to_edges_h(found, 2)) >= _MIN_EDGES and len(words_to_edges_v(found, 3)) >= _MIN_EDGES


# --- characters ----------------------------------------------------------------------------------


def page_chars(
    plumber_page: Any, page: Any, textpage: Any, number: int, fonts: Fonts, text: list[str] | None = None,
    tally: Tally | None = None,
) -> PageChars:
    """The characters of one page; `plumber` set (and no characters) when pdfplumber must read it.
    `plumber_page` gives the page box (pdfplumber's numbers, not pdfium's float32 ones)."""
    import pypdfium2.raw as R

    width, height = float(plumber_page.width), float(plumber_page.height)
    text = page_text(textpage) if text is None else text
    out = PageChars(number, width, height, len(text))
    out.objects = page_objects(page, tally, number)
    if not _plain(plumber_page):
        out.plumber = True
        return out
    raw = textpage.raw
    n = len(text)
    fast = _fast()
    get_obj, get_box, get_origin, generated = (
        fast["FPDFText_GetTextObject"], fast["FPDFText_GetLooseCharBox"], fast["FPDFText_GetCharOrigin"],
        fast["FPDFText_IsGenerated"]
    )
    rect = R.FS_RECTF()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    p_rect, p_ox, p_oy = ctypes.byref(rect), ctypes.byref(ox), ctypes.byref(oy)
    m = R.FS_MATRIX()
    tp = ctypes.c_void_p(handle(raw))
    objs: dict[int, tuple | None] = {}
    kept: dict[int, list[float]] = defaultdict(list)  # object -> x0 of the blanks pdfium kept of it
    chars = out.chars
    for i in range(n):
        t = text[i]
        key = get_obj(tp, i)
        if not key or not t or (t in " \r\n" and generated(tp, i)):
            continue  # a space or line break pdfium generated; a surrogate pair's second unit
        info = objs.get(key, False)
        if info is False:
            ok = R.FPDFText_GetMatrix(raw, i, m) and m.a > 0 and m.d > 0 and abs(m.b) < 1e-6 and abs(m.c) < 1e-6
            info = objs[key] = _info(R.FPDFText_GetTextObject(raw, i), m, fonts) if ok else None
        if info is None:  # not upright, or a font not placed as pdfminer places it
            out.plumber = True
            out.chars = []
            return out
        get_box(tp, i, p_rect)
        get_origin(tp, i, p_ox, p_oy)
        chars.append(_char(t, ox.value, rect.right, oy.value, height, info))
        if t == " ":
            kept[key].append(ox.value)
    blanks = _blanks(out.objects.texts, kept, height, fonts)
    if blanks is None:
        out.plumber = True
        out.chars = []
        return out
    chars.extend(blanks)
    return out


def _char(text: str, x0: float, x1: float, y: float, top_y: float, info: tuple) -> dict:
    """A character as pdfplumber gives it (origin x, advance, baseline y in PDF space)."""
    name, fid, size, lift, color = info
    bottom = top_y - y + lift
    return {
        "text": text, "x0": x0, "x1": x1, "top": bottom - size, "bottom": bottom, "size": size,
        "fontname": name, "font_id": fid, "non_stroking_color": color,
    }


def _units(text: str) -> list[str]:
    """One string per pdfium character index: UTF-16 surrogate pairs joined on the first unit."""
    out = list(text)
    if not _HIGH.search(text):
        return out
    for i in range(len(out) - 1):
        if "\ud800" <= out[i] <= "\udbff" and "\udc00" <= out[i + 1] <= "\udfff":
            out[i] = (out[i] + out[i + 1]).encode("utf-16-le", "surrogatepass").decode("utf-16-le")
            out[i + 1] = ""
    return out


def _info(obj: Any, m: Any, fonts: Fonts) -> tuple | None:
    """(font name, font handle, size, -descent in points, fill colour) of a text object drawn with
    the (upright) matrix m; None when its font is not one pdfminer's descent is known for."""
    import pypdfium2.raw as R

    font = R.FPDFTextObj_GetFont(obj)
    name, descent = fonts.get(font)
    if descent is None:
        return None
    fs = ctypes.c_float()
    R.FPDFTextObj_GetFontSize(obj, fs)
    size = fs.value * m.d
    rgba = [ctypes.c_uint() for _ in range(4)]
    R.FPDFPageObj_GetFillColor(obj, *rgba)
    color = tuple(c.value / 255 for c in rgba[:3])
    return name, handle(font), size, -descent * size, color


def dedupe(chars: list[dict], tolerance: float = 1.0) -> list[dict]:
    """pdfplumber's dedupe_chars: of the characters with the same text, font and size, those whose
    tops chain within `tolerance` and then whose x0 do, the first by (top, x0) is kept. Linear-ish
    (pdfplumber's re-sorts with list.index: quadratic), the original order kept."""
    groups: dict[tuple, list[int]] = defaultdict(list)
    for i, c in enumerate(chars):
        groups[(c["text"], c["font_id"], c["size"])].append(i)
    drop: set[int] = set()
    for members in groups.values():
        if len(members) < 2:
            continue
        for ys in _chains(sorted((chars[i]["top"], i) for i in members), tolerance):
            if len(ys) < 2:
                continue
            for xs in _chains(sorted((chars[i]["x0"], i) for _, i in ys), tolerance):
                if len(xs) > 1:
                    first = min(i for _, i in xs if (chars[i]["top"], chars[i]["x0"]) == min(
                        (chars[j]["top"], chars[j]["x0"]) for _, j in xs))
                    drop.update(i for _, i in xs if i != first)
    return [c for i, c in enumerate(chars) if i not in drop] if drop else chars


def _chains(pairs: list[tuple[float, int]], tolerance: float) -> list[list[tuple[float, int]]]:
    """(value, index) pairs sorted by value, cut where a value exceeds the one before by more than
    `tolerance` (pdfplumber's cluster_list)."""
    out: list[list[tuple[float, int]]] = []
    last = None
    for pair in pairs:
        if last is None or pair[0] > last + tolerance:
            out.append([])
        out[-1].append(pair)
        last = pair[0]
    return out
