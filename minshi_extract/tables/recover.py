"""Recovering a flattened table's grid: captions and repeated headers dropped, figures broken
over two lines rejoined, short rows placed by the sums (place.py)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import regex

from ..structure.lines import is_figure
from .columns import ColumnKind, caption_unit
from .place import FIGURE_KINDS, place

if TYPE_CHECKING:
    from .flat import Cell


def arithmetic(
    rows: list[list[Cell]], padded: list[list[Cell | None]], kinds: list[ColumnKind]
) -> tuple[list[list[Cell | None]], list[str], list[tuple[int, tuple[int, int]]]]:
    """Short rows placed by the sums (placement.place): a row the sums confirm, or whose padding
    put a cell in a column of the wrong kind, takes the placement; a row no placement fits keeps
    its words and has its figures unplaced; a rejoined broken figure no sum confirms is unplaced."""
    n = len(kinds)
    placed = place(rows, kinds)
    out: list[list[Cell | None]] = []
    unplaced: list[tuple[int, tuple[int, int]]] = []
    warnings = list(placed.warnings)
    for i, (r, pad) in enumerate(zip(rows, padded, strict=True)):
        cols = placed.cols[i]
        broken = any(c.broken for c in r)
        short = len(r) < n
        if cols is None and (short or broken) and any(is_figure(c.text) for c in r):
            row: list[Cell | None] = [None] * n
            serial = kinds[0].kind == "serial" and r[0].text.isdigit()
            if serial:
                row[0] = r[0]
            rest = r[1:] if serial else r
            words = [c for c in rest if not is_figure(c.text)]
            slots = [j for j, k in enumerate(kinds) if k.kind not in (*FIGURE_KINDS, "serial")]
            for c, j in zip(words, slots, strict=False):
                row[j] = c
            unplaced += [(i, (c.start, c.end)) for c in rest if is_figure(c.text)]
            out.append(row)
            continue
        if cols is not None and (i in placed.confirmed or not _fits_all(pad, kinds)) and (short or broken):
            row = [None] * n
            for c, j in zip(r, cols, strict=True):
                row[j] = c
            if broken and i not in placed.confirmed:
                for j, c in enumerate(row):
                    if c is not None and c.broken:
                        row[j] = None
                        unplaced.append((i, (c.start, c.end)))
                        warnings.append(f"table figure {c.text!r}: rejoined over a line break, but no sum "
                                        "confirms it; kept unplaced")
            out.append(row)
            continue
        out.append(pad)
    return out, warnings, unplaced


def _fits_all(row: list[Cell | None], kinds: list[ColumnKind]) -> bool:
    """Every cell of a padded row sits in a column of its kind (a figure under a figure column)."""
    if len(row) != len(kinds):
        return False
    for c, k in zip(row, kinds, strict=True):
        if c is None or k.kind == "serial":
            continue
        if (k.kind in FIGURE_KINDS) != is_figure(c.text):
            return False
    return True


_BROKEN_HEAD = regex.compile(r"\d+\.")
_BROKEN_TAIL = regex.compile(r"\d+")


def join_broken(cells: list[Cell]) -> list[Cell]:
    """`1234567.` then `5`: a figure broken over two lines, rejoined (the sums must confirm it)."""
    out: list[Cell] = []
    k = 0
    while k < len(cells):
        c = cells[k]
        nxt = cells[k + 1] if k + 1 < len(cells) else None
        if nxt is not None and _BROKEN_HEAD.fullmatch(c.text) and _BROKEN_TAIL.fullmatch(nxt.text):
            out.append(replace(c, text=c.text + nxt.text, end=nxt.end, head=c.text, broken=True))
            k += 2
            continue
        out.append(c)
        k += 1
    return out


def take_caption(cells: list[Cell]) -> tuple[str | None, list[Cell]]:
    """A caption among the first cells (`单位:万元`) gives its unit; it is no cell."""
    for k, c in enumerate(cells[:4]):
        unit = caption_unit(c.text)
        if unit:
            return unit, cells[:k] + cells[k + 1:]
    return None, cells


def drop_repeated(cells: list[Cell], header: list[Cell]) -> list[Cell]:
    """The header repeated on each page of a table that runs over pages: dropped."""
    want = [c.text for c in header]
    if len(want) < 2:
        return cells
    whole = "".join(want)
    out: list[Cell] = []
    k = 0
    while k < len(cells):
        if cells[k].text == want[0]:
            # the copy may keep the pieces the first header's cells were merged from (`改造管网` / `(公里)`)
            j, got = k, ""
            while j < len(cells) and len(got) < len(whole) and whole.startswith(got + cells[j].text):
                got += cells[j].text
                j += 1
            if got == whole:
                k = j
                continue
        out.append(cells[k])
        k += 1
    return out
