"""Header rows: several rows merged into one header per column (`总投资` / `(万元)`, a spanning
`资金来源(万元)` over `中央财政 | 省级财政`), captions (`单位:万元`) and, in a flattened table, the
spanning cells told from the columns under them."""

from __future__ import annotations

import regex

from .columns import (
    caption_unit,
    is_region_header,
    is_serial_header,
    is_total_header,
    lexicon,
    payer_of,
    squash,
    unit_of,
)
from .model import GCell, Grid


def _has_unit(text: str) -> bool:
    return unit_of(text) is not None


def is_parent(text: str, following: list[str]) -> bool:
    """A flattened header cell spanning the next ones: a parent word (`资金来源(万元)`, `其中`), or a
    money header followed by a `合计` / payer cell without a unit of its own."""
    bare = _bare(text)
    if not following:
        return False
    nxt = following[0]
    child = (is_total_header(nxt) or payer_of(nxt) is not None) and not _has_unit(nxt)
    return child and (bare in lexicon()["parents"] or (_has_unit(text) and not is_total_header(bare)))


_BRACKETED = regex.compile(r"[(\[][^()\[\]]{1,8}[)\]]")  # bounded: linear, no timeout needed


def _bare(text: str) -> str:
    return _BRACKETED.sub("", squash(text))


def _child_header(parent: str, child: str) -> str:
    """`中央财政` under `资金来源(万元)` -> `中央财政(万元)`; a child with its own unit keeps it."""
    unit = unit_of(parent)
    return child if _has_unit(child) or unit is None else f"{child}({unit})"


def _child(text: str) -> bool:
    return (is_total_header(text) or payer_of(text) is not None) and not _has_unit(text)


def children_in_place(cells: list[GCell]) -> list[GCell]:
    """A header copied row by row (`序号 | 项目名称 | 资金合计 | 资金来源 | 完成时限`, then `中央 | 省级 | …`):
    the second row's cells stand after the first row's; they go back under their parent (资金来源)."""
    texts = [c.text for c in cells]
    k = len(cells)
    while k > 0 and _child(texts[k - 1]):
        k -= 1
    if len(cells) - k < 2 or k == 0:
        return cells
    p = next((i for i in range(k - 1) if _bare(texts[i]) in lexicon()["parents"] and not _child(texts[i + 1])), None)
    return cells if p is None else cells[:p + 1] + cells[k:] + cells[p + 1:k]


def flat_header(cells: list[GCell], unit: str | None = None) -> tuple[list[GCell], list[str]]:
    """The header cells of a flattened table without their spanning parents, and one header
    string per column (children carry the parent's unit; a caption's unit goes to money-looking
    headers without one)."""
    out: list[GCell] = []
    texts: list[str] = []
    k = 0
    while k < len(cells):
        c = cells[k]
        if is_parent(c.text, [x.text for x in cells[k + 1:]]):
            inherit = c.text if _has_unit(c.text) else _last_unit_header(texts, unit)
            k += 1
            while k < len(cells) and (is_total_header(cells[k].text) or payer_of(cells[k].text) is not None) \
                    and not _has_unit(cells[k].text):
                out.append(cells[k])
                texts.append(_child_header(inherit, cells[k].text))
                k += 1
            continue
        out.append(c)
        texts.append(c.text)
        k += 1
    return out, [with_caption(t, unit) for t in texts]


def _last_unit_header(texts: list[str], unit: str | None) -> str:
    for t in reversed(texts):
        u = unit_of(t)
        if u is not None:
            return f"({u})"
    return f"({unit})" if unit else ""


_MONEY_WORDS = regex.compile("资金|投资|金额|补助|经费|预算|配套|奖补")


_YEAR_HEADER = regex.compile(r"(?:19|20)\d{2}年度?(?:计划|安排)?")


def with_caption(header: str, unit: str | None) -> str:
    """A caption `单位:万元` gives its unit to a money-looking header without one; a caption of two
    units (`单位:户、万元`) gives the money unit to such headers and the other to the rest."""
    if unit is None or _has_unit(header) or is_serial_header(header) or is_region_header(header):
        return header
    bare = squash(header)
    if bare in lexicon()["source_columns"]:
        return header  # 资金来源 | 2024年 | …: the column naming who pays counts nothing
    moneyish = is_total_header(bare) or payer_of(bare) is not None or any(
        w in bare for w in ("资金", "投资", "金额", "补助", "经费", "预算", "配套", "奖补")) or (
        _YEAR_HEADER.fullmatch(bare) is not None and unit.endswith("元"))  # 资金来源 | 2024年 | 2025年 | 合计
    units = unit.split("、")
    money = next((u for u in units if u.endswith("元")), None)
    count = next((u for u in units if not u.endswith("元")), None)
    if len(units) > 1:
        from ..structure.lines import title_columns

        named = bare in title_columns()  # the column naming the rows (`项目`) counts nothing
        picked = money if moneyish else count if not (is_total_header(bare) or named) else None
        return f"{header}({picked})" if picked else header
    return f"{header}({unit})" if moneyish else header


def grid_header(grid: Grid, n_head: int, unit: str | None = None) -> list[str]:
    """One header per column from the first `n_head` rows of an exact grid. An empty cell of an
    upper row over a filled lower one is covered by the spanning cell to its left."""
    return grid_headers(grid, n_head, unit)[0]


def grid_headers(grid: Grid, n_head: int, unit: str | None = None) -> tuple[list[str], list[str | None]]:
    """grid_header's headers, and for each column the spanning header over it, if any
    (`户厕补助资金(万元)` over `合计 | 中央财政`: GUIDELINES rule 8 names the cells by both)."""
    width = max((len(r) for r in grid), default=0)
    rows = [list(r) + [None] * (width - len(r)) for r in grid[:n_head]]
    out: list[str] = []
    parents: list[str | None] = []
    for j in range(width):
        parts: list[str] = []
        for i, row in enumerate(rows):
            c = row[j]
            below = any(rows[x][j] is not None and rows[x][j].text for x in range(i + 1, len(rows)))
            if (c is None or not c.text) and below:
                left = next((row[x] for x in range(j - 1, -1, -1) if row[x] is not None and row[x].text), None)
                if left is not None and _spans_to(rows, i, left, j):
                    parts.append("\x00" + left.text)
                continue
            if c is not None and c.text:
                spanning = j + 1 < width and (row[j + 1] is None or not row[j + 1].text) and any(
                    rows[x][j + 1] is not None and rows[x][j + 1].text for x in range(i + 1, len(rows)))
                parts.append(("\x00" if spanning else "") + c.text)
        parent = next((p[1:] for p in parts if p.startswith("\x00")), None)
        header = _split_child(_compose(parts), parent, out, unit)
        if parent is not None and unit and is_region_header(header) and _MONEY_WORDS.search(parent):
            header = f"{header}({unit})"  # 县区 under 计划投资 (beside 中央 | 市级): who pays, not where
        out.append(with_caption(header, unit))
        parents.append(parent)
    return out, parents


def _split_child(header: str, parent: str | None, before: list[str], unit: str | None) -> str:
    """A payer or total column under a spanning parent word without a unit (`其中` over `省级 | 市级`)
    splits the money column before it and takes its unit: `计划总投资(万元) | 其中: 省级 | 市级`."""
    if parent is None or _has_unit(header) or not _bare(parent).startswith("其中"):
        return header  # a parent naming the money (`补助资金` over `合计 | 中央财政`) takes the caption's unit
    if not (is_total_header(header) or payer_of(header) is not None):
        return header
    split = _last_unit_header(before, None)
    return _child_header(split, header) if split.endswith("元)") else header


def _spans_to(rows: list[list[GCell | None]], i: int, left: GCell, j: int) -> bool:
    """The cell `left` of row i reaches column j: every cell between them is empty in row i."""
    row = rows[i]
    k = row.index(left)
    return all(row[x] is None or not row[x].text for x in range(k + 1, j + 1))


def _compose(parts: list[str]) -> str:
    """Parts top to bottom; a spanning parent (marked \\x00) lends its unit to the part below,
    a parent covering one column (`总投资` over `(万元)`) is joined on."""
    out = ""
    for p in parts:
        if p.startswith("\x00"):
            parent = p[1:]
            out = parent if not out else out + parent
            out = "\x00" + out
            continue
        if out.startswith("\x00"):
            out = _child_header(out[1:], p)
        else:
            out += p
    return out.lstrip("\x00")


def caption_of(texts: list[str]) -> str | None:
    """The unit of a caption among a table's leading lines."""
    for t in texts:
        u = caption_unit(t)
        if u:
            return u
    return None


def header_words() -> tuple[str, ...]:
    """Every column word the lexicons know (serial, project name, totals, payers, regions, spanning
    parents, remarks, progress, steps), longest first."""
    from ..structure.lines import title_columns

    lex = lexicon()
    words = {"序号", "编号", *title_columns()}
    for key in ("totals", "payers", "regions", "parents", "remarks", "progress", "stages", "windows"):
        words.update(lex.get(key, []))
    return tuple(sorted(words, key=len, reverse=True))


def split_glued(header: str, width: int) -> list[tuple[int, int]] | None:
    """A header row whose blanks a PDF copy lost (`序号项目名称合计中央省级州县`) cut into `width`
    column words it is made of, left to right, longest word first; None unless the words cover it
    exactly and there are as many as the rows have cells."""
    from ..rules.regions import is_region

    words = header_words()
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(header):
        w = next((w for w in words if header.startswith(w, i)), None)
        if w is None:  # a column per county (项目合计|忻府区|定襄县|代县…): the shortest region name here
            w = next((header[i:j] for j in range(i + 2, min(len(header), i + 6) + 1) if is_region(header[i:j])), None)
        if w is None:
            return None
        out.append((i, i + len(w)))
        i += len(w)
    return out if len(out) == width else None
