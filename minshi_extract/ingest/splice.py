"""Tables rewritten in place: the lines of a text with each found table's lines replaced by its rows."""

from __future__ import annotations


def splice(lines: list[str], tables: list[tuple[int, int, list[str]]]) -> str:
    """`lines` joined with lines[a:b] replaced by `rows` for each (a, b, rows), in order, not overlapping."""
    out: list[str] = []
    i = 0
    for a, b, rows in tables:
        out.extend(lines[i:a])
        out.extend(rows)
        i = b
    out.extend(lines[i:])
    return "\n".join(out)
