"""One normalised text for every reader, with a map back to raw offsets.

- full-width letters, digits and ASCII punctuation -> half-width (`（一）` -> `(一)`, `：` -> `:`, `１２` -> `12`)
- `∶` (ratio sign) -> `:`  (`5∶2∶3` -> `5:2:3`)
- range dashes unified to `—` (`1–2月`, `1―2月`); `～` becomes `~`
- non-breaking and ideographic spaces -> space; zero-width characters dropped
- `\r\n` / `\r` -> `\n`; blanks at both ends of each line dropped
- traditional characters -> simplified (億元 -> 亿元), one for one
- noise dropped: pinyin glosses (`業(yè)`), PDF spacing (`2024 年`, `项 目 总 投 资`)
Every character of the result keeps the offset of the raw character it came from.
"""

from __future__ import annotations

from array import array
from functools import cache
from pathlib import Path

import regex

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
_DROP = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")

# 業(yè), 萬人(ren): a pinyin gloss inserted after a character, dropped so `1.8萬(wàn)人` stays one figure
_PINYIN_GLOSS = regex.compile(r"(?<=\p{Han})\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,6}\)")
# `2024 年`, `10 件`: a space a PDF put between a figure and its unit or date word
_DIGIT_GAP = regex.compile(r"(?<=\d) (?=[年月日件个人户元万亿项所座名次天周%]|公里)")
# `项 目 总 投 资`: a line spaced out character by character
_HAN_GAP = regex.compile(r"(?<=[\p{Han}\d]) (?=\p{Han})|(?<=\p{Han}) (?=\d)")
_SPACED_LINE_MIN_GAPS = 3
_BLANK = " \t\f\v"


def normalize(raw: str) -> tuple[str, array]:
    """Return (text, offsets) with offsets[i] = raw index of text[i]."""
    trans = raw.translate(_translation())  # 1:1, so indices stay those of `raw`
    drop = _dropped(trans)
    out: list[str] = []
    offsets = array("i")
    n = len(trans)
    i = 0
    while i < n:
        j = trans.find("\n", i)
        k = trans.find("\r", i)
        if j == -1 or (k != -1 and k < j):
            j = k
        end = n if j == -1 else j
        # strip blanks at both ends of the line
        a, b = i, end
        while a < b and (trans[a] in _BLANK or trans[a] in _DROP):
            a += 1
        while b > a and (trans[b - 1] in _BLANK or trans[b - 1] in _DROP):
            b -= 1
        for p in range(a, b):
            ch = trans[p]
            if ch in _DROP or p in drop:
                continue
            out.append(ch)
            offsets.append(p)
        if j == -1:
            break
        out.append("\n")
        offsets.append(j)
        # \r\n counts as one line break
        i = j + 2 if trans[j] == "\r" and j + 1 < n and trans[j + 1] == "\n" else j + 1
    return "".join(out), offsets


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
    return table


def _opencc_characters() -> Path | None:
    try:
        import opencc  # opencc-python-reimplemented ships the dictionaries as text
    except ImportError:  # pragma: no cover - declared dependency
        return None
    p = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    return p if p.exists() else None


def _dropped(trans: str) -> set[int]:
    """Indices of characters that are layout noise: pinyin glosses, PDF spacing."""
    drop: set[int] = set()
    for m in _PINYIN_GLOSS.finditer(trans, timeout=5):
        drop.update(range(m.start(), m.end()))
    for m in _DIGIT_GAP.finditer(trans, timeout=5):
        drop.add(m.start())
    for line in regex.finditer(r"[^\n\r]+", trans, timeout=5):
        gaps = list(_HAN_GAP.finditer(trans, line.start(), line.end(), timeout=5))
        if len(gaps) >= _SPACED_LINE_MIN_GAPS:
            drop.update(g.start() for g in gaps)
    return drop


def normalize_fragment(s: str) -> str:
    """Normalise a short string (a gold `text`, a title) the same way, without the map."""
    return normalize(s)[0]


def raw_span(offsets: array, span: tuple[int, int], raw_len: int) -> tuple[int, int]:
    """Map a [start, end) span of the normalised text back to the raw text."""
    start, end = span
    if start >= len(offsets):
        return raw_len, raw_len
    raw_end = offsets[end - 1] + 1 if end > 0 else 0
    return offsets[start], raw_end
