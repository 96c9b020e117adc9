"""Fonts of a PDF for the pdfium character source: pdfminer's descent of each font, read from the
font dictionaries (no content stream parsed), matched to pdfium's fonts by name.

pdfminer places a glyph's box from the baseline by the font descriptor's /Descent (0 when the
producer wrote 0, as LibreOffice does; the AFM value for the standard 14 fonts); pdfium repairs a zero
descent from the glyphs. pdfplumber's boxes (and so every threshold of the line builder) are
pdfminer's, so the descent is taken from the dictionaries as pdfminer takes it.
"""

from __future__ import annotations

import ctypes
from collections import defaultdict
from typing import Any


def handle(ptr: Any) -> int:
    """The address of a pdfium handle (a ctypes pointer), as a dict key."""
    return ctypes.cast(ptr, ctypes.c_void_p).value or 0


def _strip_tag(name: str) -> str:
    return name[7:] if len(name) > 7 and name[6] == "+" and name[:6].isalpha() and name[:6].isupper() else name


def _spec_descent(spec: Any) -> float | None:
    """pdfminer's descent (per 1,000 of the font size) of one font dict; None where pdfminer places
    glyphs in a way not replayed here (Type3, vertical CMaps)."""
    from pdfminer.pdffont import FontMetricsDB
    from pdfminer.pdftypes import dict_value, list_value, resolve1
    from pdfminer.psparser import literal_name

    subtype = literal_name(spec.get("Subtype", "Type1")) if "Subtype" in spec else "Type1"
    if subtype == "Type3":
        return None
    if subtype == "Type0":
        encoding = resolve1(spec.get("Encoding"))
        attrs = getattr(encoding, "attrs", None)
        if attrs is not None:  # an embedded CMap
            if resolve1(attrs.get("WMode", 0)) == 1:
                return None
        elif encoding is not None and str(literal_name(encoding)).endswith("-V"):
            return None
        spec = dict_value(list_value(spec["DescendantFonts"])[0])
        subtype = literal_name(spec.get("Subtype", ""))
    descriptor: Any = None
    if subtype not in ("CIDFontType0", "CIDFontType2"):
        try:
            descriptor = FontMetricsDB.get_metrics(literal_name(spec["BaseFont"]))[0]
        except KeyError:
            descriptor = None
    if descriptor is None:
        descriptor = dict_value(spec.get("FontDescriptor", {}))
    descent = resolve1(descriptor.get("Descent", 0))
    descent = float(descent) if isinstance(descent, int | float) else 0.0
    return -descent if descent > 0 else descent


def _font_names(spec: Any) -> set[str]:
    """The names pdfium may give the font: its BaseFont, and its descendant's for a Type0 font."""
    from pdfminer.pdftypes import dict_value, list_value
    from pdfminer.psparser import literal_name

    specs = [spec]
    if "DescendantFonts" in spec:
        specs.append(dict_value(list_value(spec["DescendantFonts"])[0]))
    return {_strip_tag(str(literal_name(s.get("BaseFont", "unknown")))) for s in specs}


def font_descents(plumber_pages: list[Any]) -> dict[str, set[float | None]]:
    """Font name (subset tag dropped, as pdfium names it) -> pdfminer's descents of the fonts of that
    name, over the fonts of every page and of the forms they draw. Reads only the resource
    dictionaries: no content stream is parsed."""
    from pdfminer.pdftypes import dict_value, resolve1, stream_value
    from pdfminer.psparser import literal_name

    out: dict[str, set[float | None]] = defaultdict(set)
    seen: set[int] = set()

    def visit(resources: Any, depth: int) -> None:
        resources = dict_value(resources)
        for ref in dict_value(resources.get("Font", {})).values():
            key = getattr(ref, "objid", None) or id(ref)
            if key in seen:
                continue
            seen.add(key)
            spec = dict_value(ref)
            try:
                descent = _spec_descent(spec)
                names = _font_names(spec)
            except (KeyError, IndexError, TypeError, ValueError):
                descent, names = None, {"unknown"}
            for name in names:
                out[name].add(descent)
        if depth > 4:
            return
        for ref in dict_value(resources.get("XObject", {})).values():
            key = getattr(ref, "objid", None) or id(ref)
            if key in seen:
                continue
            seen.add(key)
            xobj = resolve1(ref)
            attrs = getattr(xobj, "attrs", None)
            if attrs is not None and literal_name(attrs.get("Subtype", "")) == "Form" and "Resources" in attrs:
                visit(stream_value(xobj).get("Resources"), depth + 1)

    for page in plumber_pages:
        if page.page_obj.resources:
            visit(page.page_obj.resources, 0)
    return out


class Fonts:
    """Per-document cache: pdfium font handle -> (name, pdfminer descent or None)."""

    def __init__(self, descents: dict[str, set[float | None]]) -> None:
        self.descents = descents
        self.cache: dict[int, tuple[str, float | None]] = {}

    def get(self, font: Any) -> tuple[str, float | None]:
        key = handle(font)
        hit = self.cache.get(key)
        if hit is None:
            import pypdfium2.raw as R

            n = R.FPDFFont_GetBaseFontName(font, None, 0)
            buf = ctypes.create_string_buffer(max(n, 1))
            R.FPDFFont_GetBaseFontName(font, buf, n)
            name = _strip_tag(buf.value.decode("utf-8", "replace"))
            hit = self.cache[key] = (name, self._descent(font, name))
        return hit

    def _descent(self, font: Any, name: str) -> float | None:
        known = self.descents.get(name)
        if not known or None in known:
            return None
        if len(known) == 1:
            return next(iter(known)) / 1000
        import pypdfium2.raw as R

        mine = ctypes.c_float()
        R.FPDFFont_GetDescent(font, ctypes.c_float(1000.0), mine)  # the descriptor's, when it gave one
        close = [d for d in known if abs(d - mine.value) < 0.5]
        return close[0] / 1000 if len(close) == 1 else None
