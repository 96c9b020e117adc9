"""Form XObjects a PDF page draws, counted before any page is parsed.

A form may draw other forms, each several times: ten forms each drawing the next ten times make
10^6 drawings of one line of text from a 3 KB file, and pdfium and pdfminer expand every drawing
(10^5: 43 s and 470 MB; 10^6: past a minute and 1.9 GB). The drawings are counted from the content
streams' `/Name Do` operators, each form's count once (memoised), so the count costs the size of
the streams, not of the expansion.
"""

from __future__ import annotations

from typing import Any

import regex

from ..limits import MAX_FORM_DRAWS, check_count

_DO = regex.compile(rb"/([^\s/\[\]<>(){}%]+)\s+Do\b")
_MAX_NESTING = 32


def check_forms(pages: list[Any], where: str) -> None:
    """Refuse a page (pdfplumber pages) that draws more than MAX_FORM_DRAWS forms, nested ones
    counted. A page whose objects cannot be resolved here is left to the readers."""
    for number, page in enumerate(pages, 1):
        try:
            n = form_draws(page.page_obj)
        except Exception:  # a damaged object: the readers say what is wrong with it
            continue
        check_count(f"forms drawn on page {number}:", n, MAX_FORM_DRAWS, where)


def form_draws(page_obj: Any) -> int:
    """Form XObjects drawn by a pdfminer page, nested drawings counted (stops past the limit)."""
    from pdfminer.pdftypes import PDFStream, resolve1
    from pdfminer.psparser import LIT

    form = LIT("Form")
    memo: dict[Any, int] = {}

    def draws(data: bytes, resources: Any, depth: int) -> int:
        xobjects = resolve1((resolve1(resources) or {}).get("XObject")) or {}
        total = 0
        for m in _DO.finditer(data):
            ref = xobjects.get(m.group(1).decode("latin-1")) if isinstance(xobjects, dict) else None
            x = resolve1(ref)
            if not isinstance(x, PDFStream) or x.get("Subtype") is not form:
                continue
            key = getattr(ref, "objid", None) or id(x)
            if key not in memo:
                memo[key] = 0  # while it is counted: a form drawing itself counts once
                if depth < _MAX_NESTING:
                    memo[key] = draws(x.get_data(), x.get("Resources") or resources, depth + 1)
            total += 1 + memo[key]
            if total > MAX_FORM_DRAWS:
                break
        return total

    contents = page_obj.contents or []
    data = b"\n".join(s.get_data() for s in map(resolve1, contents) if isinstance(s, PDFStream))
    return draws(data, page_obj.resources, 0) if b"Do" in data else 0
