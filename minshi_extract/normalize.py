"""One normalised text for every reader, with a map back to raw offsets.

- full-width letters, digits and ASCII punctuation -> half-width (`（一）` -> `(一)`, `：` -> `:`, `１２` -> `12`)
- `∶` (ratio sign) -> `:`  (`5∶2∶3` -> `5:2:3`)
- range dashes unified to `—` (`1–2月`, `1―2月`); `～` becomes `~`
- non-breaking and ideographic spaces -> space; zero-width characters, bidi marks and every other
  format or control character (but tab) dropped
- every Unicode line break (`\r\n`, `\r`, `\v`, `\f`, `\x1c`-`\x1e`, U+0085, U+2028, U+2029) -> `\n`;
  blanks at both ends of each line dropped
- traditional characters -> simplified (億元 -> 亿元), one for one
- noise dropped: pinyin glosses (`業(yè)`), PDF spacing (`2024 年`, `项 目 总 投 资`)
Every character of the result keeps the offset of the raw character it came from.
"""

from __future__ import annotations

import importlib.util
import re
import sys
import unicodedata
from array import array
from functools import cache
from itertools import chain
from pathlib import Path

import regex

from .limits import MAX_LINE_CHARS, MAX_LINES, check_budget, check_count

_TRANS: dict[int, str] = {c: chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}
_TRANS.update(
    {
        0x2236: ":",  # ∶ RATIO
        0x2013: "—",  # – en dash
        0x2015: "—",  # ― horizontal bar
        0x2500: "—",  # ─ box drawing, seen as a dash in converted files
        0xFE58: "—",
        0x00A0: " ",
        0x3000: " ",
        0x2002: " ",
        0x2003: " ",
        0x2009: " ",
        0x202F: " ",
        0x3007: "〇",
    }
)
# zero-width characters: dropped (with every other format control, see `_controls`)
_DROP = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
# every Unicode line break; `\r\n` counts as one
_BREAKS = "\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
_GONE = "\x00"  # what a dropped character becomes in the translated text (1:1, so offsets hold)

# 業(yè), 萬人(ren): a pinyin gloss inserted after a character, dropped so `1.8萬(wàn)人` stays one figure
_PINYIN_GLOSS = regex.compile(r"(?<=\p{Han})\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,6}\)")
# `2024 年`, `10 件`: a space a PDF put between a figure and its unit or date word
_DIGIT_GAP = regex.compile(r"(?<=\d) (?=[年月日件个人户元万亿项所座名次天周%]|公里)")
# `项 目 总 投 资`: a line spaced out character by character
_HAN_GAP = regex.compile(r"(?<=[\p{Han}\d]) (?=\p{Han})|(?<=\p{Han}) (?=\d)")
_SPACED_LINE_MIN_GAPS = 3
_STRIP = " \t" + _GONE
_CHECK_EVERY = 4096  # lines between two looks at the document's time budget


def normalize(raw: str, *, keep_offsets: bool = True) -> tuple[str, array]:
    """Return (text, offsets) with offsets[i] = raw index of text[i] (empty when not `keep_offsets`:
    a plain text needs no map back, and the map is 4 bytes a character).

    One linear pass: every line break becomes `\n` and every dropped character NUL in one
    `str.translate` (one character for one, so indices stay those of `raw`), then each line is
    stripped and copied whole unless it holds something to drop."""
    if not keep_offsets:
        return _normalize_plain(raw), array("i")
    trans = _translate(raw)
    check_count("lines:", trans.count("\n") + 1, MAX_LINES, "")
    out: list[str] = []
    offsets = array("i")
    n = len(trans)
    i = 0
    lines = 0
    while True:
        j = trans.find("\n", i)
        end = n if j == -1 else j
        if end - i > MAX_LINE_CHARS:
            check_count(f"characters in line {lines + 1}:", end - i, MAX_LINE_CHARS, "")
        line = trans[i:end]
        s = line.strip(_STRIP)
        if s:
            a = i + len(line) - len(line.lstrip(_STRIP))
            drops = _line_drops(s)
            if not drops and _GONE not in s:
                out.append(s)
                offsets.extend(range(a, a + len(s)))
            else:
                for k, ch in enumerate(s):
                    if ch != _GONE and k not in drops:
                        out.append(ch)
                        offsets.append(a + k)
        if j == -1:
            break
        out.append("\n")
        offsets.append(j)
        i = j + 2 if raw[j] == "\r" and j + 1 < n and raw[j + 1] == "\n" else j + 1
        lines += 1
        if lines % _CHECK_EVERY == 0:
            check_budget()
    return "".join(out), offsets


def _normalize_plain(raw: str) -> str:
    """normalize() without the offset map: the same text (a `\r\n` is one break, as there). A
    text shorter than the longest line allowed is done whole: each line stripped (str.strip: a
    regex for the line ends backtracks over a long run of blanks inside a line), the noise patterns
    run over the whole text (none reaches past a line break), the spaced lines told by their count
    of gaps; a longer text line by line (the per-line limit)."""
    crlf = raw.count("\r\n")
    trans = _translate(raw.replace("\r\n", "\n") if crlf else raw)
    check_count("lines:", trans.count("\n") + crlf + 1, MAX_LINES, "")
    if len(trans) > MAX_LINE_CHARS:
        return _plain_lines(trans)
    text = "\n".join([line.strip(_STRIP) for line in trans.split("\n")])
    drops: set[int] = set()
    if "(" in text:
        for m in _PINYIN_GLOSS.finditer(text):
            drops.update(range(m.start(), m.end()))
    if " " in text:
        drops.update(m.start() for m in _DIGIT_GAP.finditer(text))
        gaps = [g.start() for g in _HAN_GAP.finditer(text)]
        if len(gaps) >= _SPACED_LINE_MIN_GAPS:
            drops.update(_spaced_line_gaps(text, gaps))
    if drops:
        pieces, prev = [], 0
        for k in sorted(drops):
            pieces.append(text[prev:k])
            prev = k + 1
        pieces.append(text[prev:])
        text = "".join(pieces)
    check_budget()
    return text.replace(_GONE, "") if _GONE in text else text


def _spaced_line_gaps(text: str, gaps: list[int]) -> list[int]:
    """The gaps of the lines that have at least _SPACED_LINE_MIN_GAPS of them."""
    out: list[int] = []
    line_end, run = -1, []
    for g in gaps:  # in order: a gap past the end of the current line opens the next one
        if g > line_end:
            if len(run) >= _SPACED_LINE_MIN_GAPS:
                out.extend(run)
            run = []
            line_end = text.find("\n", g)
            line_end = len(text) if line_end == -1 else line_end
        run.append(g)
    if len(run) >= _SPACED_LINE_MIN_GAPS:
        out.extend(run)
    return out


def _plain_lines(trans: str) -> str:
    out: list[str] = []
    for no, line in enumerate(trans.split("\n")):
        if len(line) > MAX_LINE_CHARS:
            check_count(f"characters in line {no + 1}:", len(line), MAX_LINE_CHARS, "")
        if no and no % _CHECK_EVERY == 0:
            check_budget()
        s = line.strip(_STRIP)
        if ("(" in s or " " in s) and (drops := _line_drops(s)):
            s = "".join(ch for k, ch in enumerate(s) if ch != _GONE and k not in drops)
        elif _GONE in s:
            s = s.replace(_GONE, "")
        out.append(s)
    return "\n".join(out)


def _line_drops(s: str) -> set[int]:
    """Indices (in the line `s`) of layout noise: pinyin glosses, PDF spacing."""
    drop: set[int] = set()
    if "(" in s:
        for m in _PINYIN_GLOSS.finditer(s):
            drop.update(range(m.start(), m.end()))
    if " " in s:
        for m in _DIGIT_GAP.finditer(s):
            drop.add(m.start())
        gaps = [g.start() for g in _HAN_GAP.finditer(s)]
        if len(gaps) >= _SPACED_LINE_MIN_GAPS:
            drop.update(gaps)
    return drop


def to_simplified(s: str) -> str:
    """`s` with full-width forms half-width and traditional characters simplified, one for one."""
    return _translate(s)


def _translate(s: str) -> str:
    """`s.translate(_translation())`, faster: `str.translate` looks every character up in the
    4,000-entry table (a failed lookup raises inside, ~0.1 us a character), where a text holds a few
    dozen distinct characters of the table. Those are found once (a set of the text's characters)
    and each replaced throughout with one `str.replace`; when a replacement is itself one of them
    (the order of the replaces would matter), the plain translate."""
    if len(s) <= 64:
        return s.translate(_translation())
    table = _translation()
    # the table's characters in `s`: a character-class scan (0.1 ms on the founding notice) instead
    # of a set of all its characters (1.1 ms: a new string object for every CJK character)
    hits = set(_changed_class().findall(s))
    if _ASTRAL.search(s):
        hits.update(_changed().intersection(_ASTRAL.findall(s)))
    if any(table[ord(c)] in hits for c in hits):
        return s.translate(table)
    for c in hits:
        s = s.replace(c, table[ord(c)])
    return s


@cache
def _changed() -> frozenset[str]:
    """The characters the translation changes (its keys less those mapped to themselves)."""
    return frozenset(chr(k) for k, v in _translation().items() if chr(k) != v)


@cache
def _changed_class() -> re.Pattern[str]:
    """The characters of the basic plane the translation changes, as one character class (a
    bitmap in `re`: one test a character; the other planes' characters would be tested range by
    range, 11 ms on the founding notice, so they are found apart: `_ASTRAL`)."""
    runs: list[list[int]] = []
    for k in sorted(ord(c) for c in _changed() if ord(c) < 0x10000):  # consecutive points: one range
        if runs and runs[-1][1] == k - 1:
            runs[-1][1] = k
        else:
            runs.append([k, k])
    body = "".join(_esc(a) if a == b else f"{_esc(a)}-{_esc(b)}" for a, b in runs)
    return re.compile(f"[{body}]" if body else "(?!)")


_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


def _esc(k: int) -> str:
    c = chr(k)
    return "\\" + c if c in "\\]^-[" else c


@cache
def _translation() -> dict[int, str]:
    """Full-width and dash forms, plus traditional -> simplified, one character for one.

    Traditional characters (億元, 萬人, 個, 責任單位) are read as simplified through OpenCC's
    character table (first candidate), so offsets stay one-to-one.
    """
    table: dict[int, str] = {}
    path = _opencc_characters()
    if path is not None:
        for line in path.read_text(encoding="utf-8").splitlines():
            trad, _, simp = line.partition("\t")
            first = simp.split(" ")[0]
            if len(trad) == 1 and len(first) == 1 and trad != first:
                table[ord(trad)] = first
    table.update(_TRANS)
    table.update(_controls())
    return table


def _controls() -> dict[int, str]:
    """Line breaks -> `\\n`; format controls (bidi marks and embeddings, zero-width characters,
    soft hyphens) and C0/C1 control characters other than tab -> NUL, dropped by `normalize`."""
    table = {ord(c): "\n" for c in _BREAKS}
    # Cf and Cc characters are never printable, and surrogates and private use (D800-F8FF) are
    # neither: only the few non-printable ones are looked up (a lookup of each was 20 ms of start-up)
    # (the string made from an array of code points: 2 ms, against 8 ms through chr() of each)
    points = array("I", chain(range(0xD800), range(0xF900, 0x10000), range(0xE0000, 0xE0080)))
    chars = points.tobytes().decode("utf-32-le" if sys.byteorder == "little" else "utf-32-be")
    for ch in _non_printable(chars):
        if (unicodedata.category(ch) in ("Cf", "Cc") or ch in _DROP) and ch not in "\t\n" and ch not in _BREAKS:
            table[ord(ch)] = _GONE
    return table


def _non_printable(chars: str) -> list[str]:
    """The characters of `chars` that are not printable, found by halving (str.isprintable is C)."""
    if chars.isprintable():
        return []
    if len(chars) <= 32:
        return [c for c in chars if not c.isprintable()]
    mid = len(chars) // 2
    return _non_printable(chars[:mid]) + _non_printable(chars[mid:])


def _opencc_characters() -> Path | None:
    # opencc-python-reimplemented ships the dictionaries as text: its folder found, not imported (3 ms)
    spec = importlib.util.find_spec("opencc")
    if spec is None or not spec.submodule_search_locations:  # pragma: no cover - declared dependency
        return None
    p = Path(next(iter(spec.submodule_search_locations))) / "dictionary" / "TSCharacters.txt"
    return p if p.exists() else None


def normalize_fragment(s: str) -> str:
    """Normalise a short string (a gold `text`, a title) the same way, without the map."""
    return normalize(s, keep_offsets=False)[0]


def raw_span(offsets: array, span: tuple[int, int], raw_len: int) -> tuple[int, int]:
    """Map a [start, end) span of the normalised text back to the raw text."""
    start, end = span
    if start >= len(offsets):
        return raw_len, raw_len
    raw_end = offsets[end - 1] + 1 if end > 0 else 0
    return offsets[start], raw_end
