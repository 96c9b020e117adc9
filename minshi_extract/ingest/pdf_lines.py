"""PDF characters -> visual lines, and the text of table cells (the line builder's first half).

The characters are dicts as pdfplumber gives them (`text`, `x0`, `x1`, `top`, `bottom`, `size`,
`fontname`, `non_stroking_color`), from pdf_chars (pypdfium2), pdfplumber, or OCR (ocr.py).
"""

from __future__ import annotations

import dataclasses
import itertools
from collections import Counter
from dataclasses import dataclass
from typing import Any

import regex as re

from .rawdoc import RawTable

TIMEOUT = 1.0  # seconds: no input can hang a pattern

# marks a line may not start with (禁则): a line breaker carries the character before them over too
_NO_START = frozenset("，。、；：？！）〕】」』〉》”’…·%‰,.;:?!)]}")
# marks a line may not end with: they go over with the character after them
_NO_END = frozenset("（〔【「『〈《“‘([{")
_SUBSET = re.compile(r"^[A-Z]{6}\+")  # `BAAAAA+WenQuanYiMicroHei`: one font embedded as several subsets
_ASCII_ALNUM = re.compile(r"[0-9A-Za-z]")


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    font: str
    page: int
    head: float = 0.0  # width of the first unbreakable unit (`元、`, `3.86`, `（凉`): what a wrap carried over
    gap: float = -1.0  # the blank set between CJK and Latin/digits on this line (`县 2500 人`); -1: none met


@dataclass
class TableItem:
    table: RawTable
    top: float
    page: int
    # for a row broken over a page (office producers allow it): the last line of each cell of the
    # last row with the room it left, and the first line of each cell of the first row
    tail: list[tuple[Line, float] | None] = dataclasses.field(default_factory=list)
    lead: list[Line | None] = dataclasses.field(default_factory=list)
    gap: float = 0.0



# --- characters -> lines -------------------------------------------------------------------------


def median(values: list[float]) -> float:
    """statistics.median (the same float) without its overhead: it runs once per line."""
    data = sorted(values)
    n = len(data)
    return data[n // 2] if n % 2 else (data[n // 2 - 1] + data[n // 2]) / 2


def is_cjk(ch: str) -> bool:
    """CJK ideographs, CJK and full-width punctuation, and the dashes/quotes set between them."""
    o = ord(ch)
    return o >= 0x2E80 or 0x2000 <= o <= 0x206F


def clean_spaces(s: str) -> str:
    """Collapse blank runs; drop the blanks a PDF leaves between CJK and ASCII (`2024 年` -> `2024年`)."""
    s = re.sub(r"[ \t\u3000\xa0]+", " ", s, timeout=TIMEOUT).strip()
    if " " not in s:
        return s
    out = []
    for i, ch in enumerate(s):
        if ch == " ":
            left, right = s[i - 1], s[i + 1]
            if is_cjk(left) != is_cjk(right):  # CJK beside ASCII: a font gap, not a word space
                continue
        out.append(ch)
    return "".join(out)


def _is_red(color: Any) -> bool:
    """An RGB fill that is clearly red: the issuer masthead of an official document (版头)."""
    if not isinstance(color, list | tuple) or len(color) != 3:
        return False
    try:
        r, g, b = (float(v) for v in color)
    except (TypeError, ValueError):
        return False
    return r > 0.6 and g < 0.35 and b < 0.35


def _line_text(chars: list[dict]) -> str:
    """Characters of one line, left to right; a space only where a gap separates two ASCII letters/digits."""
    parts: list[str] = []
    prev: dict | None = None
    for ch in chars:
        if prev is not None:
            gap = ch["x0"] - prev["x1"]
            a, b = prev["text"][-1:], ch["text"][:1]
            if gap > 0.3 * ch["size"] and a.isascii() and b.isascii() and a.isalnum() and b.isalnum():
                parts.append(" ")
        parts.append(ch["text"])
        prev = ch
    return clean_spaces("".join(parts))


def head_width(chars: list[dict]) -> float:
    """Width of the unit a line breaker cannot split at the start of a line: opening marks, then one
    ideograph or one run of Latin letters/digits (`3.86`, `2200`), then the closing marks after it
    (`元、`, `户）。`). A line before it was full if this unit did not fit in what it left free."""
    i, n = 0, len(chars)
    while i < n - 1 and chars[i]["text"] in _NO_END:
        i += 1
    t = chars[i]["text"]
    i += 1
    if t.isascii() and (t.isalnum() or t in ".%"):
        while i < n and chars[i]["text"].isascii() and (chars[i]["text"].isalnum() or chars[i]["text"] in ".%"):
            i += 1
    while i < n and chars[i]["text"] in _NO_START:
        i += 1
    return chars[i - 1]["x1"] - chars[0]["x0"]


def cjk_latin_gap(chars: list[dict]) -> float:
    """The median blank between an ideograph and a digit/Latin letter beside it: office producers add
    one (LibreOffice: a fifth of an em, `天祝县 2200 人`), which a wrap must have had room for; -1: none."""
    if not _ASCII_ALNUM.search("".join(c["text"] for c in chars)):
        return -1.0  # no digit or Latin letter: no pair to measure
    gaps = [
        b["x0"] - a["x1"]
        for a, b in itertools.pairwise(chars)
        if (a["text"].isascii() and a["text"].isalnum() and is_cjk(b["text"][:1]) and b["text"] not in _NO_START)
        or (b["text"].isascii() and b["text"].isalnum() and is_cjk(a["text"][:1]) and a["text"] not in _NO_END)
    ]
    gaps = [g for g in gaps if g < 0.5 * chars[0]["size"]]  # wider: a column or a tab, not a font's blank
    return max(0.0, median(gaps)) if gaps else -1.0


def _font_of(visible: list[dict]) -> str:
    """The font of a line's CJK characters, subset tag dropped; '' for a line of digits and Latin
    (an office producer sets `2025` in another font than `年`: that is not a heading font)."""
    names = {c["fontname"] for c in visible}
    if len(names) == 1:  # one font on the line (the usual case): no need to count
        return _family(names.pop()) if any(is_cjk(c["text"][:1]) for c in visible) else ""
    cjk = [_family(c["fontname"]) for c in visible if is_cjk(c["text"][:1])]
    return Counter(cjk).most_common(1)[0][0] if cjk else ""


_FAMILIES: dict[str, str] = {}


def _family(fontname: str) -> str:
    """A font name without its subset tag (memoised: a document has a handful of fonts)."""
    out = _FAMILIES.get(fontname)
    if out is None:
        out = _SUBSET.sub("", fontname)
        if len(_FAMILIES) < 4096:
            _FAMILIES[fontname] = out
    return out


def group_lines(chars: list[dict], page: int) -> list[Line]:
    """Cluster characters into visual lines by their vertical position."""
    chars = sorted(chars, key=lambda c: (round(c["top"], 1), c["x0"]))
    rows: list[list[dict]] = []
    row: list[dict] = []
    mid_ref = size_ref = 0.0
    for ch in chars:
        if row:
            mid = (ch["top"] + ch["bottom"]) / 2
            if abs(mid - mid_ref) <= 0.45 * max(size_ref, ch["size"]):
                row.append(ch)
                continue
        row = [ch]
        rows.append(row)
        mid_ref, size_ref = (ch["top"] + ch["bottom"]) / 2, ch["size"]
    lines: list[Line] = []
    for row in rows:
        row.sort(key=lambda c: c["x0"])
        text = _line_text(row)
        if " " in text and len(text.replace(" ", "")) <= 6 and all(is_cjk(ch) for ch in text.replace(" ", "")):
            text = text.replace(" ", "")  # a letter-spaced label (`附　件`, `目　录`)
        if not text:
            continue
        visible = [c for c in row if c["text"].strip()]
        size = median([c["size"] for c in visible])
        font = _font_of(visible)
        lines.append(
            Line(
                text=text,
                x0=visible[0]["x0"],
                x1=visible[-1]["x1"],
                top=min(c["top"] for c in visible),
                bottom=max(c["bottom"] for c in visible),
                size=size,
                font=font,
                page=page,
                head=head_width(visible),
                gap=cjk_latin_gap(visible),
            )
        )
    return lines


# --- tables --------------------------------------------------------------------------------------


def _cell(value: str | None) -> str:
    """A table cell: blanks cleaned on each of its lines, empty lines dropped."""
    if not value:
        return ""
    lines = [clean_spaces(v) for v in value.split("\n")]
    return "\n".join(v for v in lines if v)


def _inside(ch: dict, bbox: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = bbox
    cx = (ch["x0"] + ch["x1"]) / 2
    cy = (ch["top"] + ch["bottom"]) / 2
    return x0 <= cx <= x1 and top <= cy <= bottom


def _first_token(text: str) -> str:
    m = re.match(r"[0-9A-Za-z.%\-]+|.", text, timeout=TIMEOUT)
    return m.group(0) if m else text[:1]


def _cell_lines(chars: list[dict], bbox: tuple[float, float, float, float]) -> list[Line]:
    inside = [c for c in chars if _inside(c, bbox)]
    return group_lines(inside, 0) if inside else []


def _room(a: Line, bbox: tuple[float, float, float, float]) -> float:
    """The room a left-aligned cell line leaves before the cell's right padding (taken as its left one)."""
    return bbox[2] - (a.x0 - bbox[0]) - a.x1


def _wraps(a: Line, room: float, b: Line, gap: float) -> bool:
    """b's first unbreakable unit (`（户）` after `2025年任务`, ` 万人` after `人1.2`) did not fit in the room a left."""
    need = b.head + (gap if is_cjk(a.text[-1]) != is_cjk(b.text[0]) else 0.0)
    return room < need + 0.1 * b.size


def cell_text(chars: list[dict], bbox: tuple[float, float, float, float], gap: float = 0.0) -> str:
    """The text of one table cell from its characters: a line the cell could not hold more of (the
    first word of the next line would not have fitted) is a wrap and runs on; a short line ends.
    `gap`: the blank the producer sets between CJK and digits (see cjk_latin_gap)."""
    lines = _cell_lines(chars, bbox)
    if not lines:
        return ""
    width = bbox[2] - bbox[0]
    out = lines[0].text
    for a, b in itertools.pairwise(lines):
        per_char = (a.x1 - a.x0) / max(1, len(a.text))
        nxt = _first_token(b.text)
        slack = width - (a.x1 - a.x0)
        need = per_char * len(nxt) if not nxt.isascii() else 0.55 * a.size * len(nxt)
        wrap = slack < need + 1.2 * a.size
        if not wrap and abs(a.x0 - b.x0) < 0.2 * a.size and a.x0 - bbox[0] < 2 * a.size:
            # left-aligned lines with the cell padding on both sides (an office table); two
            # short lines centred in a wide cell (`市财政局` / `市审计局`) are two lines
            wrap = _wraps(a, _room(a, bbox), b, gap)
        out += b.text if wrap else "\n" + b.text
    return out


def flatten_table(rows: list[list[str]]) -> str:
    """One cell per line, header row first, row by row; a broken cell gives one line per piece; a form
    (a label and its value a row) as `label:value` lines."""
    from .forms import form_text

    form = form_text(rows)
    if form is not None:
        return form
    cells = [c for row in rows for c in row if c]
    return "\n\n".join(cells)
