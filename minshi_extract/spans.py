"""Which span of a list holds an offset, by bisection (shared by the pipeline and the structure
parser: a lookup per line or per block, never a loop over every programme)."""

from __future__ import annotations

from bisect import bisect_right


class SpanIndex:
    """Which of a list of spans holds an offset, the last of the list winning where spans
    overlap (pre-order: the innermost section; in document order: the first programme is listed
    last). The spans' ends and starts cut the text into segments; each segment is painted once per
    span covering it, and a lookup is one bisection."""

    def __init__(self, items: list[tuple[tuple[int, int], object]]) -> None:
        cuts = sorted({x for span, _ in items for x in span})
        self._cuts = cuts
        self._owner: list[object] = [None] * len(cuts)
        where = {x: k for k, x in enumerate(cuts)}
        owner = self._owner
        for (a, b), item in items:
            i, j = where[a], where[b]
            if j > i:
                owner[i:j] = [item] * (j - i)  # one slice, not a Python loop over the segments

    def at(self, pos: int) -> object:
        k = bisect_right(self._cuts, pos) - 1
        return self._owner[k] if k >= 0 else None  # the last cut starts no segment: None

    def same(self, a: int, b: int) -> bool:
        """Whether every offset of [a, b) has the answer of `a` (no cut inside)."""
        return bisect_right(self._cuts, a) == bisect_right(self._cuts, b - 1)
