"""Tesseract's TSV -> character dicts placed like pdfplumber's (points), one per glyph: each word's
box shared out among its characters, fitted into its line's box, one size per line."""

from __future__ import annotations

import csv
import io
from typing import Any

import regex as re

from .ocr_clean import PAGE_NUMBER, clean_chars

SNAP = 0.08  # a line's height within this share of the body size is the body size ...
SHORT_LINE = 10  # ... if it has this many characters (a shorter one's height is rougher: 0.15)


def _weight(ch: str) -> float:
    return 0.55 if ch.isascii() else 1.0


_RESIDUE = "”“\"'。.,，|丨"


def _off_rules(w: dict, rules: list[list[float]]) -> str:
    """A word's text without the marks Tesseract read in what is left of an erased ruling line
    (`”建设` at a column border)."""
    text = "".join(w["text"].split())
    left, top = float(w["left"]), float(w["top"])
    right, bottom = left + float(w["width"]), top + float(w["height"])
    near = [pos for o, pos, a, b in rules if o == 1 and a - 5 <= (top + bottom) / 2 <= b + 5]
    if text[:1] in _RESIDUE and any(abs(left - x) < 15 for x in near):
        text = text[1:]
    if text[-1:] in _RESIDUE and any(abs(right - x) < 15 for x in near):
        text = text[:-1]
    return text


def _from_cells(key: tuple[str, str, str]) -> bool:
    from .ocr_cells import BLOCK

    return key[0].isdigit() and int(key[0]) >= BLOCK


def parse_tsv(tsv: str, scale: float, page: int, rules: list[list[float]] | None = None) -> list[dict]:
    """Tesseract TSV -> pdfplumber-like character dicts (points); one size and one top/bottom per
    OCR line, each word's box shared out among its characters."""
    lines: dict[tuple[str, str, str], dict] = {}
    words: list[tuple[tuple[str, str, str], dict]] = []
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        key = (row.get("block_num", ""), row.get("par_num", ""), row.get("line_num", ""))
        if row.get("level") == "4":
            lines[key] = row
        elif row.get("level") == "5" and (row.get("text") or "").strip() and float(row.get("conf") or -1) >= 0:
            words.append((key, row))
    words = _real_words(words, lines)
    out: list[dict] = []
    by_line: dict[tuple[str, str, str], list[dict]] = {}
    ends: dict[tuple[str, str, str], float] = {}
    boxes = _line_boxes(words, lines)
    for key, w in words:
        top, height = boxes.get(key) or (float(w["top"]), float(w["height"]))
        # a cell's line read again was cut out inside its rules: nothing of a rule in it
        text = _off_rules(w, rules) if rules and not _from_cells(key) else "".join(w["text"].split())
        if not text:
            continue
        total = sum(_weight(c) for c in text)
        # Tesseract's reading order within a line is right; its boxes of CJK words may overlap or
        # shrink to a stroke: keep the characters in order, each at least a third of an em wide
        left = max(float(w["left"]), ends.get(key, 0.0))
        width = max(float(w["left"]) + float(w["width"]) - left, 0.35 * height * total)
        ends[key] = left + width
        x = left
        for c in text:
            cw = width * _weight(c) / total
            ch = {
                "text": c, "x0": x * scale, "x1": (x + cw) * scale, "top": top * scale,
                "bottom": (top + height) * scale, "size": height * scale, "fontname": "OCR",
                "conf": round(float(w["conf"]) / 100, 4), "page_number": page, "line": "-".join(key),
            }
            x += cw
            by_line.setdefault(key, []).append(ch)
            out.append(ch)
    for key, chars in list(by_line.items()):
        chars.sort(key=lambda c: c["x0"])
        if key in lines:
            _fit(chars, float(lines[key]["left"]) * scale, (float(lines[key]["left"]) + float(lines[key]["width"])) * scale)
        clean_chars(chars)
        _em_boxes(chars)
        if PAGE_NUMBER.match("".join(c["text"] for c in chars)):
            del by_line[key]  # `一3一`: a page number read with its dashes as 一
    return [c for chars in by_line.values() for c in chars]


_PLAIN = re.compile(r"^[\p{Han}0-9A-Za-z]+$")


_INK_RIGHT = "(（《〈【“‘"  # a full-width opening mark's ink sits in the right half of its em ...
_INK_LEFT = ")）》〉】”’。，、；：,;:"  # ... a closing one's and a stop's in the left half


def _em_boxes(chars: list[dict]) -> None:
    """A line that starts or ends with a full-width mark: its box from the mark's em, not its ink
    (`(牵头单位` starts at the left margin; `以上。` reaches as far as a full line's last character)."""
    if not chars:
        return
    first, last = chars[0], chars[-1]
    if first["text"] in _INK_RIGHT:
        first["x0"] = max(0.0, first["x0"] - 0.5 * first["size"])
    if last["text"] in _INK_LEFT:
        last["x1"] = max(last["x1"], last["x0"] + 0.9 * last["size"])


def _fit(chars: list[dict], left: float, right: float) -> None:
    """Fit a line's characters into the line's box: Tesseract's line box holds its ink, but its
    word boxes of CJK overlap or shrink to a stroke, and laying them end to end can run a line
    past its real end (and past the right margin: a short last line then looks full)."""
    lo, hi = chars[0]["x0"], chars[-1]["x1"]
    if hi <= right + 1e-6 or hi - lo <= 0 or right <= left:
        return
    k = (right - left) / (hi - lo)
    for c in chars:
        c["x0"], c["x1"] = left + (c["x0"] - lo) * k, left + (c["x1"] - lo) * k


def _line_boxes(words: list[tuple[Any, dict]], lines: dict) -> dict[Any, tuple[float, float]]:
    """(top, height) of each OCR line from its words of plain ideographs and digits: brackets and
    quotes stand taller than a line, and would make it look like a heading's. A word's box may
    stand taller than its line's (a stroke joined to the line above): never taller than the line."""
    import statistics

    plain: dict[Any, list[dict]] = {}
    for key, w in words:
        if _PLAIN.match(w["text"].strip()):
            plain.setdefault(key, []).append(w)
    if not plain:
        return {}
    # a word's box that takes in a stroke of the line above or below stands half again as tall as
    # the page's usual word: such boxes do not say the line's size unless all its words are so tall
    usual = statistics.median(float(w["height"]) for ws in plain.values() for w in ws)
    out = {}
    for key, ws in plain.items():
        fair = [w for w in ws if float(w["height"]) <= 1.25 * usual]
        ws = fair if len(fair) * 3 >= len(ws) else ws
        top, height = statistics.median(float(w["top"]) for w in ws), statistics.median(float(w["height"]) for w in ws)
        if key in lines and height > float(lines[key]["height"]):
            top, height = float(lines[key]["top"]), float(lines[key]["height"])
        out[key] = (top, height)
    return out


def _real_words(words: list[tuple[Any, dict]], lines: dict) -> list[tuple[Any, dict]]:
    """Drop specks Tesseract read as words: Latin letters or digits in boxes far smaller than a
    character, or lines far taller than a line of text (a stamp, a rule, a blot)."""
    import statistics

    heights = [float(lines[k]["height"]) for k, _ in words if k in lines]
    if not heights:
        return words
    em = statistics.median(heights)
    keep = []
    for key, w in words:
        h = float(lines[key]["height"]) if key in lines else float(w["height"])
        tiny = max(float(w["width"]), float(w["height"])) < 0.3 * em
        if (tiny and w["text"].strip().isascii()) or h > 3 * em:  # `、` `。` are small too: kept
            continue
        keep.append((key, w))
    return keep


def snap_sizes(chars: list[dict]) -> None:
    """One body size for lines whose heights are within 15% of the commonest (OCR heights wobble
    by up to 10%), but for long lines above it: within 8% (a line set at 18pt among 16pt ones
    stands 12% taller; a heading is larger, hardly ever smaller). A short line's height rests on
    few words: within 15% both ways."""
    from collections import Counter

    sizes = Counter(round(c["size"]) for c in chars if not c["text"].isascii())
    if not sizes:
        return
    body = sizes.most_common(1)[0][0]
    length = Counter((c["page_number"], c["line"]) for c in chars)
    for c in chars:
        long = length[c["page_number"], c["line"]] >= SHORT_LINE
        tolerance = SNAP if long and c["size"] > body else 0.15
        if abs(c["size"] - body) <= tolerance * body:
            c["size"] = float(body)
        else:
            # to a tenth, not to a whole point: 16.6 rounded up to 17 over a body of 14 crosses
            # the title ratio (1.2) that 16.6 is under (`配合单位：…` set at 18pt among 16pt lines)
            c["size"] = round(c["size"], 1)
    _short_lines_follow(chars, length)


def _short_lines_follow(chars: list[dict], length: Any) -> None:
    """A short line (a paragraph's last, `管理局`) takes the size of the long line just above it
    when within a tenth of it: its height rests on a word or two (16.9 under a line of 16.6 would
    make it a title), and a wrapped line keeps its paragraph's size."""
    lines: dict[tuple[int, str], tuple[float, float]] = {}
    for c in chars:
        if "top" in c:
            lines.setdefault((c["page_number"], c["line"]), (c["top"], c["size"]))
    new = {}
    for key, (top, size) in lines.items():
        if length[key] >= SHORT_LINE:
            continue
        above = [(t, sz) for k, (t, sz) in lines.items()
                 if k[0] == key[0] and top - 2 * size < t < top - 0.5 * size and length[k] >= SHORT_LINE]
        if above:
            _, up = max(above)
            if up != size and abs(up - size) <= 0.1 * up:
                new[key] = up
    for c in chars:
        c["size"] = new.get((c["page_number"], c["line"]), c["size"])
