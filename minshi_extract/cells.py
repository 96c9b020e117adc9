"""What a table cell holds, told without the structure package (the text reader needs it before the
structure is read, and `--help` must not import the parser)."""

from __future__ import annotations

import regex

# a figure cell of a flattened table: `155`, `54.25`, `0.00`, `-`, `—`, `70%`
FIGURE_CELL = regex.compile(r"(?:[-+]?\d+(?:\.\d+)?%?|[-—/]+)")


def is_figure_cell(s: str) -> bool:
    """A table figure cell: `155`, `54.25`, `0.00` (uncached; structure.lines.is_figure caches it per document)."""
    return FIGURE_CELL.fullmatch(s.strip()) is not None
