"""One normalised text for every reader, with a map back to raw offsets.

- full-width letters, digits and ASCII punctuation -> half-width (`（一）` -> `(一)`, `：` -> `:`, `１２` -> `12`)
- `∶` (ratio sign) -> `:`  (`5∶2∶3` -> `5:2:3`)
- range dashes unified to `—` (`1–2月`, `1―2月`, `1～2月`? no: `～` becomes `~`)
- non-breaking and ideographic spaces -> space; zero-width characters dropped
- `\r\n` / `\r` -> `\n`; blanks at both ends of each line dropped
Every character of the result keeps the offset of the raw character it came from.
"""

from __future__ import annotations

from array import array

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
_BLANK = " \t\f\v"


def normalize(raw: str) -> tuple[str, array]:
    """Return (text, offsets) with offsets[i] = raw index of text[i]."""
    trans = raw.translate(_TRANS)  # 1:1, so indices stay those of `raw`
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
            if ch in _DROP:
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
