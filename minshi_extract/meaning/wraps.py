"""Prose copied from a PDF viewer keeps the page's line breaks inside its sentences
(`…6月底前开` / `工率达到80%以上`). The clause grammar stops at a line end, so the meaning pass reads
a text in which those breaks are removed: a break is soft when the line before is a prose line
(it holds a comma, ends with no stop) and the line after goes on with the sentence (no heading
marker, no bracket). Spans move by the number of soft breaks before them."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from contextlib import contextmanager

import regex

from ..models import Record

_PROSE = regex.compile(r"[,、;。]")  # a comma, or a sentence that ended inside the line
# the next line opens a heading or a list item, not the rest of a sentence
_OPENS = regex.compile(r"[\s\u3000]*(?:[一二三四五六七八九十]+、|\d+[.、](?!\d)|[(\[【]|第[一二三四五六七八九十\d]+|附\s*[件表])")
_CANDIDATE = regex.compile(r"[^。;:!?)》”\n\s]\n(?=[\p{Han}\d])")
_MIN_PROSE = 12  # characters of a wrapped prose line; headings and table cells are shorter or comma-free


def soft_breaks(text: str, tables: list[tuple[int, int]] = ()) -> list[int]:
    """Offsets of the line breaks that fall inside a sentence; none inside a table (`tables`:
    the ranges of the notice's tables) or next to a `|` row."""
    out: list[int] = []
    for m in _CANDIDATE.finditer(text):  # a break after no stop, before the rest of a sentence
        nl = m.start() + 1
        lo = text.rfind("\n", 0, nl) + 1
        if nl - lo < _MIN_PROSE or _OPENS.match(text, nl + 1):
            continue
        opens = _OPENS.match(text, lo)  # a heading's own 、 (一、…) is no comma of its prose
        line = text[opens.end() if opens else lo:nl]
        if "|" in line or not _PROSE.search(line) or any(a <= nl < b for a, b in tables):
            continue
        hi = text.find("\n", nl + 1)
        if "|" not in text[nl + 1:hi if hi >= 0 else len(text)]:
            out.append(nl)
    return out


def joined(text: str, breaks: list[int]) -> str:
    """`text` without the soft breaks."""
    if not breaks:
        return text
    parts = []
    prev = 0
    for b in breaks:
        parts.append(text[prev:b])
        prev = b + 1
    parts.append(text[prev:])
    return "".join(parts)


@contextmanager
def shifted(records: list[Record], breaks: list[int]) -> Iterator[None]:
    """The records' spans moved into the joined text for the duration of the block."""
    if not breaks:
        yield
        return
    saved = [r.span for r in records]
    for r in records:
        a, b = r.span
        r.span = (a - bisect_left(breaks, a), b - bisect_left(breaks, b))
    try:
        yield
    finally:
        for r, span in zip(records, saved, strict=True):
            r.span = span
