"""Where each line rule can fire: one pass over the whole text before the rules run.

A line rule reads one logical line; most lines hold nothing a given rule can use. Each gate here
is a necessary condition for its rule to return a record (never a sufficient one): a line whose
range [a, b) of the text fails a rule's gate skips that rule, and its records are the same.

- quantity: a match of the quantity or population pattern starting in the line (found by one
  scan of the whole text; neither pattern matches across a line break, so a line-by-line scan
  finds a match exactly where the whole-text scan does)
- money: 元; percentage: % / ％ / 百分之; ratio: a colon between figures (: ∶ ：)
- deadline / phase: a date word (年 月 季) or a numeric date (2024.01, 2024-01-15)
- responsibility: a role label ends with `:`, a unit bracket with `)`
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable

import regex

from minshi_extract.rules.quantity import POPULATION_RE, QUANTITY_RE

Gate = Callable[[int, int], bool]

_NUMERIC_DATE_RE = regex.compile(r"(?:19|20)\d{2}[./\-]\d")


class Candidates:
    """Gates of the line rules over one text: `gate(rule_name)(a, b)` -> may the rule fire in [a, b)."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._figures = sorted(
            {m.start() for m in QUANTITY_RE.finditer(text)} | {m.start() for m in POPULATION_RE.finditer(text)}
        )
        self._numeric_dates = [m.start() for m in _NUMERIC_DATE_RE.finditer(text)]

    @staticmethod
    def _any(starts: list[int], a: int, b: int) -> bool:
        i = bisect_left(starts, a)
        return i < len(starts) and starts[i] < b

    def _has(self, words: tuple[str, ...], a: int, b: int) -> bool:
        return any(self._text.find(w, a, b) != -1 for w in words)

    def quantity(self, a: int, b: int) -> bool:
        return self._any(self._figures, a, b)

    def money(self, a: int, b: int) -> bool:
        return self._has(("元",), a, b)

    def percentage(self, a: int, b: int) -> bool:
        return self._has(("%", "％", "百分之"), a, b)

    def ratio(self, a: int, b: int) -> bool:
        return self._has((":", "∶", "："), a, b)

    def date(self, a: int, b: int) -> bool:
        return self._has(("月", "年", "季"), a, b) or self._any(self._numeric_dates, a, b)

    def responsibility(self, a: int, b: int) -> bool:
        return self._has((":", ")"), a, b)
