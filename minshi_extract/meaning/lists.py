"""Figures written as a list of values (`分别按照每人每月50元、100元、200元的标准`): one list, one thing
counted; and the names of a list of parallel things before it."""

from __future__ import annotations

from ..models import Money, Percentage, Quantity, Record
from .grammar import trim
from .links import field

_LIST_JOINS = frozenset({"、", "和", "及", "或"})


def figure_lists(text: str, records: list[Record]) -> list[list[Record]]:
    """Runs of figures of one kind written as a list of values, nothing but `、` / 和 between them
    (分别按照每人每月50元、100元、200元的标准发放|高龄补贴; 标准分别不低于120元、330元): one list, one
    thing counted, named by the clause around the whole list (GUIDELINES "Hard cases", 分别)."""
    runs: list[list[Record]] = []
    for r in records:
        if not isinstance(r, Quantity | Money | Percentage):
            continue
        last = runs[-1][-1] if runs else None
        if (last is not None and same_unit(last, r) and r.span[0] > last.span[1]
                and text[last.span[1]:r.span[0]] in _LIST_JOINS):
            runs[-1].append(r)
        else:
            runs.append([r])
    return [run for run in runs if len(run) > 1]


def list_head(item: str | None, n: int) -> str | None:
    """A list of n parallel names before n values names one of them each, the head after the list is
    the thing (全自理、半护理、全护理|照料护理标准分别不低于…120元、330元、1000元; 中央、省级、市县|资金占比
    分别为50%、30%、20%): the members before the last are as long as each other, the last one is as
    long plus the head, of two characters at least (食堂、助餐点分别为3个、5个: no head, the list stays)."""
    parts = item.split("、") if item else []
    if n < 2 or len(parts) != n or len({len(p) for p in parts[:-1]}) != 1:
        return item
    head = trim(parts[-1][len(parts[0]):]) if len(parts[-1]) > len(parts[0]) + 1 else None
    return head or item


def same_unit(a: Record, b: Record) -> bool:
    return type(a) is type(b) and field(a, "unit") == field(b, "unit")
