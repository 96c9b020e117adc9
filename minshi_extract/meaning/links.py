"""Totals and their shares: which record a figure splits (`part_of`), and whether the parts add up.

- `资金1850万元,其中中央1000万元、省级500万元、市县350万元`: the three shares split 1850万元;
- `新建…18个,凉州区8个、民勤县6个、古浪县4个`: regional shares split the region-less total;
- a share after 其中 splits the amount its shares add up to, else the last one before 其中 (the
  money rule reads rates the same way).
A table's rows under its 合计 are linked by the table rule.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from ..models import Money, Quantity, Record
from .grammar import sentence_start


def _amount(r: Record) -> Decimal:
    return Decimal(str(r.amount_cny if isinstance(r, Money) else r.value))


def _same_kind(a: Record, b: Record) -> bool:
    if a.type != b.type:
        return False
    if isinstance(a, Quantity):
        return a.unit == b.unit
    return a.per == b.per or b.per is None or a.per is None


def _pick_total(before: list[Record], shares: list[Record]) -> Record | None:
    """The total the shares split: the one they add up to, else the last before them."""
    if not before:
        return None
    parts = sum((_amount(s) for s in shares), Decimal(0))
    for t in reversed(before):
        if _amount(t) == parts:
            return t
    return before[-1]


def link_shares(text: str, records: list[Record]) -> None:
    """Set `_total` on shares of one programme's records (in document order)."""
    by_sentence: dict[int, list[Record]] = defaultdict(list)
    for r in records:
        if isinstance(r, Money | Quantity):
            by_sentence[sentence_start(text, r.span[0])].append(r)
    for lo, recs in by_sentence.items():
        _link_sentence(text, lo, recs)
    # a regional share whose total stands in an earlier sentence or the title (…改造560公里实施方案 /
    # 其中西秀区110公里): the nearest earlier region-less figure of the same kind
    shown = [r for r in records if isinstance(r, Money | Quantity)]
    for i, r in enumerate(shown):
        if r._total is None and r.region is not None:
            r._total = next(
                (t for t in reversed(shown[:i]) if t.region is None and t._total is None and _same_kind(t, r)),
                None,
            )


def _link_sentence(text: str, lo: int, recs: list[Record]) -> None:
    qizhong = text.find("其中", lo, recs[-1].span[0]) if recs else -1
    if qizhong >= 0:
        for kind in {(r.type, getattr(r, "unit", None)) for r in recs}:
            group = [r for r in recs if (r.type, getattr(r, "unit", None)) == kind]
            before = [r for r in group if r.span[1] <= qizhong and r.region is None]
            shares = [r for r in group if r.span[0] > qizhong]
            total = _pick_total(before, shares)
            if total is not None:
                for s in shares:
                    if _same_kind(total, s):
                        s._total = total
    # regional shares without 其中: a region's figure after a region-less total of the same kind
    for i, r in enumerate(recs):
        if r._total is not None or r.region is None:
            continue
        totals = [t for t in recs[:i] if t.region is None and _same_kind(t, r) and t._total is None]
        if totals:
            r._total = totals[-1]


def unbalanced(records: list[Record]) -> list[str]:
    """Warnings for totals whose shares do not add up (only when every share is present)."""
    parts: dict[int, list[Record]] = defaultdict(list)
    totals: dict[int, Record] = {}
    for r in records:
        t = r._total
        if t is not None:
            parts[id(t)].append(r)
            totals[id(t)] = t
    out = []
    for key, shares in parts.items():
        total = totals[key]
        if len(shares) < 2:
            continue
        got = sum((_amount(s) for s in shares), Decimal(0))
        want = _amount(total)
        if got != want:
            out.append(
                f"parts do not add up: {total.id or total.text} «{total.text}» is {want.normalize():f}, "
                f"its {len(shares)} parts ({', '.join(s.text for s in shares)}) add up to {got.normalize():f}"
            )
    return out
