"""The one table model every reader's table ends in: rows of cells with their spans in the
notice text; an empty cell is None."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class GCell:
    text: str
    start: int
    end: int
    broken: bool = False  # a figure rejoined from two lines (`1234567.` / `5`)


Grid = list[list[GCell | None]]
