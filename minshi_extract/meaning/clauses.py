"""Where a clause or a sentence starts and ends: the stops, the 、 after a figure, a bracket that
glosses the noun before it (县(市、区)), a list marker at a clause's start."""

from __future__ import annotations

import regex

# a clause ends at these; 、 ends one only after a figure (食堂3个、助餐点5个), not inside a list
# of names (食堂、助餐点共8个)
HARD_STOPS = ",;。:!?\n()[]《》|"  # | : a cell of a `|` table row
# a clause is read at most this far from its figure (the corpus's longest: 42 characters before a figure,
# 80 after it): walking a clause of thousands of figures from each of them was quadratic
MAX_CLAUSE = 200
_MARKER_RE = regex.compile(r"(?:[一二三四五六七八九十]+[、.]|\d+[、.](?!\d)|[一二三四五六七八九十]是|第[一二三四五六七八九十\d]+[,、]?)")
_FIGURE_END_RE = regex.compile(r"[\d一二三四五六七八九十百千万亿两]\p{Han}{0,3}$")


def _bracket_open(text: str, close: int, floor: int) -> int | None:
    """The `(` of the bracket closed at `close` when the bracket glosses the noun before it
    (老年食堂(老年助餐点)|150个): a Han character before it, no figure and no stop inside."""
    o = text.rfind("(", max(floor, close - 21), close)
    if o <= floor or not ("\u4e00" <= text[o - 1] <= "\u9fff"):
        return None
    inner = text[o + 1:close]
    return None if not inner or _GLOSS_STOP.search(inner) else o


_GLOSS_STOP = regex.compile(r"[\d,;。:()\n]")


def clause_start(text: str, pos: int, floor: int = 0) -> int:
    """Start of the clause that holds `pos`: after the last hard stop, or after a 、 that follows
    a figure (建设食堂3个、|助餐点5个); a bracket glossing a noun is inside the clause."""
    i = pos - 1
    floor = max(floor, pos - MAX_CLAUSE)
    while i >= floor:
        c = text[i]
        if c == ")" and (o := _bracket_open(text, i, floor)) is not None:
            i = o - 1
            continue
        if c in HARD_STOPS:
            break
        if c == "、" and _FIGURE_END_RE.search(text, max(floor, i - 12), i):
            break
        i -= 1
    start = i + 1
    m = _MARKER_RE.match(text, start, pos)
    return m.end() if m else start


def clause_end(text: str, pos: int, stops: str = HARD_STOPS + "、") -> int:
    """End of the clause that holds `pos` (exclusive); a bracket glossing a noun is inside the clause
    (13个|县(市、区)|全覆盖)."""
    n = min(len(text), pos + MAX_CLAUSE)
    i = pos
    while i < n:
        c = text[i]
        if c == "(" and i > pos and (close := _bracket_close(text, i)) is not None:
            i = close + 1
            continue
        if c in stops:
            break
        i += 1
    return i


def _bracket_close(text: str, o: int) -> int | None:
    """The `)` closing the bracket opened at `o` when it glosses the noun before it (县(市、区)): a
    Han character before it, no figure and no stop inside, at most 20 characters."""
    if not ("\u4e00" <= text[o - 1] <= "\u9fff"):
        return None
    close = text.find(")", o + 1, o + 22)
    return None if close < 0 or close == o + 1 or _GLOSS_STOP.search(text, o + 1, close) else close


def sentence_start(text: str, pos: int) -> int:
    line = text.rfind("\n", 0, pos)  # every search below stays inside the line (linear in the text)
    i = max(line, text.rfind("。", line + 1, pos), text.rfind(";", line + 1, pos), text.rfind("|", line + 1, pos))
    return i + 1
