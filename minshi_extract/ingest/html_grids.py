"""Tables a page lays out without `<table>`: a container of row `<div>`s (or `<li>`s), each holding one
inline element a field (`<div class="row"><span>1</span><span>城区学校扩容</span>…</div>`), as CSS
grid or flex layouts set them. Read like a `<table>`: one cell per field, a row per row element."""

from __future__ import annotations

_ROW_TAGS = frozenset({"div", "li", "p"})
_CELL_TAGS = frozenset({"span", "div", "p", "em", "i", "b", "strong", "label", "a"})
_MIN_ROWS = 2
_MIN_WIDTH = 3
_MAX_CELL = 300  # characters: a cell of a long paragraph is prose, not a table


def _elements(node) -> list | None:
    """The element children of `node`; None when it also holds text of its own outside them."""
    from bs4 import NavigableString, Tag

    out = []
    for child in node.children:
        if isinstance(child, Tag):
            out.append(child)
        elif isinstance(child, NavigableString) and type(child).__name__ == "NavigableString" and child.strip():
            return None
    return out


def div_grid_rows(node, cell_lines) -> list[list[str]] | None:
    """The rows of a grid laid out with elements, each cell's lines joined by `\\n` (`cell_lines` reads
    a cell's lines); None when `node` is no such grid: 2+ row elements of one width (3+ fields, no
    table or row element inside a field)."""
    rows = _elements(node)
    if rows is None or len(rows) < _MIN_ROWS or any(r.name not in _ROW_TAGS for r in rows):
        return None
    grid: list[list[str]] = []
    for row in rows:
        cells = _elements(row)
        if cells is None or len(cells) < _MIN_WIDTH or any(c.name not in _CELL_TAGS for c in cells):
            return None
        if any(c.find(["table", "p", "li", "div"]) is not None for c in cells):
            return None
        texts = ["\n".join(cell_lines(c)) for c in cells]
        if any(len(t) > _MAX_CELL for t in texts):
            return None
        grid.append(texts)
    if len({len(r) for r in grid}) != 1:
        return None
    return [r for r in grid if any(r)]
