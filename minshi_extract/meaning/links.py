"""Totals and their shares: which record a figure splits (`part_of`), and whether the parts add up.

- `资金1850万元,其中中央1000万元、省级500万元、市县350万元`: the three shares split 1850万元;
- `新建…18个,凉州区8个、民勤县6个、古浪县4个`: regional shares split the region-less total;
- a share after 其中 splits the amount its shares add up to, else the last one before 其中 (the
  money rule reads rates the same way).
A table's rows under its 合计 are linked by the table rule.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable
from decimal import Decimal

import regex

from ..models import Money, Quantity, Record, total_of
from .clauses import clause_start, sentence_start
from .grammar import _strip_trailing


def field(r: Record, name: str) -> object:
    """A field of the record, None when its type has none (`getattr(r, name, None)` raises and
    catches an AttributeError inside pydantic for a missing one: ~3.7 us)."""
    return r.__dict__.get(name)


def _amount(r: Record) -> Decimal:
    return Decimal(str(r.amount_cny if isinstance(r, Money) else r.value))


def _same_kind(a: Record, b: Record) -> bool:
    """Shares and their total count the same thing: one unit, one rate (每户1200元 splits into 每户
    amounts, never into a 360万元 total)."""
    if a.type != b.type:
        return False
    if isinstance(a, Quantity):
        return a.unit == b.unit
    return a.per == b.per


def _total_for(candidates: list[Record], shares: list[Record]) -> Record | None:
    """The total `shares` split: among `candidates` (nearest last), the one they add up to (a
    share itself, for a nested breakdown), else the nearest they do not exceed that is nobody's
    share (a list naming some regions only); else none."""
    parts = _sum(shares)
    fits = [t for t in candidates if _same_kind(t, shares[0]) and t not in shares]
    exact = next((t for t in reversed(fits) if _amount(t) == parts), None)
    return exact or next((t for t in reversed(fits) if _amount(t) > parts and total_of(t) is None), None)


def _distinct(shares: list[Record]) -> list[Record]:
    """民勤县、天祝县各3个: two records, two shares; one record listed twice counts once."""
    seen: set[int] = set()
    return [s for s in shares if not (id(s) in seen or seen.add(id(s)))]


def link_shares(text: str, records: list[Record]) -> None:
    """Set `_total` on shares of one programme's records (in document order): shares after each
    `其中` of a sentence, then runs of regional shares, whose total may stand in an earlier sentence
    or the title (…改造560公里实施方案 / 其中西秀区110公里)."""
    figures = [r for r in records if isinstance(r, (Money, Quantity))]
    by_sentence: dict[int, list[Record]] = defaultdict(list)
    for r in figures:
        by_sentence[sentence_start(text, r.span[0])].append(r)
    position = {id(r): i for i, r in enumerate(figures)}
    for lo, recs in by_sentence.items():
        first = position[id(recs[0])]
        _link_qizhong(text, lo, recs, figures[max(0, first - _REACH):first])
    _parts_over_semicolons(text, by_sentence, figures, position)
    for run in _regional_runs(figures, position):
        first = position[id(run[0])]
        # the total stands within the few figures before the run (bounded: linear in the document)
        earlier = [t for t in figures[max(0, first - _REACH):first] if t.region is None]
        total = _total_for(earlier, run) or _total_after(text, run, figures[position[id(run[-1])] + 1:][:_SUM_REACH])
        for r in run:
            r._total = total
    _link_sums(text, figures)
    _link_sums_before(text, figures)


def _parts_over_semicolons(text: str, by_sentence: dict[int, list[Record]], figures: list[Record],
                           position: dict[int, int]) -> None:
    """本项目计划总投资5020万元。其中,A资金1600万元,…即区级960万元、街道640万元;B资金1120万元,…;C资金
    600万元…;D1700万元…。: a 其中 opening a sentence whose parts run on over `;` lists one share a part,
    the first figure of each; when those add up exactly to the figure before 其中, they split it, and a
    part's other figures are that part's own (unlinked here; the sums after link them)."""
    starts = sorted(by_sentence)
    for n, lo in enumerate(starts):
        if not text.startswith("其中", lo) or lo < 1 or text[lo - 1] in ";|":
            continue
        first = by_sentence[lo][0]
        stop = text.find("。", lo)
        stop = len(text) if stop < 0 else stop
        heads = [first]
        for nxt in starts[n + 1:]:
            if nxt > stop or text[nxt - 1] != ";" or "\n" in text[lo:nxt]:
                break
            head = next((r for r in by_sentence[nxt] if _same_kind(r, first)), None)
            if head is not None:
                heads.append(head)
        at = position[id(first)]
        total = next((t for t in reversed(figures[max(0, at - _REACH):at]) if _same_kind(t, first)
                      and t.span[1] <= lo and t.region is None and total_of(t) is None), None)
        if len(heads) < 2 or total is None or _sum(heads) != _amount(total):
            continue
        linked = {id(h) for h in heads}
        for part_lo in starts[n:n + len(heads) + 8]:
            for r in by_sentence[part_lo]:
                if r.span[0] < stop and id(r) not in linked and total_of(r) is total:
                    r._total = None  # a part's breakdown (即区级960万元、街道640万元), not the total's
        for h in heads:
            h._total = total


_SUM_REACH = 12  # figures after a total where the parts that add up to it may stand


def _link_sums(text: str, figures: list[Record]) -> None:
    """Parts written without 其中 that add up exactly to the figure of their kind just before them, in
    its paragraph (总投资4.48亿元,资金来源为:车购税资金1.68亿元,省级…1.12亿元,…0.9亿元,县级自筹0.78亿元;
    公共厕所45座,新建20座、改造25座): the arithmetic says they split it."""
    for i, total in enumerate(figures):
        if total.qualifier is not None:
            continue  # an about / at least total: an exact sum is no evidence
        # a share may be split in turn, by parts in its own sentence (…资金1600万元,…即区级960万元、街道640万元)
        nested = total_of(total) is not None
        own = sentence_start(text, total.span[0]) if nested else -1
        def ends(r: Record, total: Record = total, nested: bool = nested, own: int = own) -> bool:
            return (("\n" in text[total.span[1]:r.span[0]] and not _next_line(text, total, r))
                    or (nested and sentence_start(text, r.span[0]) != own))

        _link_run(total, figures[i + 1:i + 1 + _SUM_REACH], ends, floors_end=True)


def _link_run(total: Record, candidates: Iterable[Record], ends: Callable[[Record], bool], floors_end: bool,
              subtotal: bool = False) -> None:
    """Link to `total` the run of figures of its kind among `candidates` (nearest first) that adds up to
    it exactly, two at least; the run stops where `ends` says, at a linked figure or one as big as the
    total, and (`floors_end`) at a floor. With `subtotal`, figures already linked to a bigger total
    written before them may be the parts of `total` (其中A520个、…B280个,以上合计|2180个): they then go to
    `total`, and `total` to theirs."""
    want, run, got = _amount(total), [], Decimal(0)
    for r in candidates:
        if ends(r):
            break
        if not _same_kind(r, total) or r is total_of(total):
            continue
        outer = total_of(r)
        if outer is not None and not (subtotal and _amount(outer) > want and outer.span[1] <= r.span[0]):
            break
        if (floors_end and r.qualifier is not None) or _amount(r) >= want:
            break
        run.append(r)
        got += _amount(r)
        if got >= want:
            break
    if len(run) >= 2 and got == want:
        outers = {id(total_of(r)): total_of(r) for r in run}
        for r in run:
            r._total = total
        if len(outers) == 1 and (outer := next(iter(outers.values()))) is not None and total_of(total) is None:
            total._total = outer


def _total_after(text: str, run: list[Record], after: list[Record]) -> Record | None:
    """安源区新建30个、湘东区15个…芦溪县10个,|全市共新建…80个: regional shares written before their total,
    in its sentence, when they add up to it exactly."""
    lo = sentence_start(text, run[0].span[0])
    for t in after:
        if sentence_start(text, t.span[0]) != lo:
            return None
        if t.region is None and _same_kind(t, run[0]) and total_of(t) is None and _amount(t) == _sum(run):
            return t
    return None


_SUBTOTAL_RE = regex.compile(r"(?:以上|上述|前述)(?:合计|共计|总计|共)")  # a sum of the shares just listed
_SUM_WORD_RE = regex.compile(r"合计|共计|总计|共|总投资|总额")  # a sum, or the whole (项目总投资达到|6.6亿元)


def _link_sums_before(text: str, figures: list[Record]) -> None:
    """建设补助资金合计520万元。…运营补贴资金预计680万元。建设补助和运营补贴资金合计|1200万元: a total that
    names itself a sum splits the figures of its kind just before it in its paragraph that add up to
    it exactly (parts nobody else splits)."""
    for i, total in enumerate(figures):
        if total.qualifier == "about" or i < 2 or not _SUM_WORD_RE.search(text, max(0, total.span[0] - 12), total.span[1]):
            continue  # cheap test first: a sum word near the figure (共计90万人次以上: a named sum, a floor too)
        lo = clause_start(text, total.span[0])
        if not _SUM_WORD_RE.search(text, lo, total.span[0] + len(_lead(total))):
            continue
        def ends(r: Record, total: Record = total) -> bool:
            return "\n" in text[r.span[1]:total.span[0]]

        subtotal = _SUBTOTAL_RE.search(text, lo, total.span[0] + len(_lead(total))) is not None
        _link_run(total, reversed(figures[max(0, i - _SUM_REACH):i]), ends, floors_end=False, subtotal=subtotal)


def _next_line(text: str, total: Record, r: Record) -> bool:
    """`r` stands on the line right after the one the total ends (a table row's next cell:
    `总投资1.2亿元` / `争取中央资金3000万元、省级资金2000万元,市县配套7000万元`)."""
    end = text.find("\n", total.span[1])
    if end < 0 or text[total.span[1]:end].strip(" 。;,") or total.span[0] - text.rfind("\n", 0, total.span[0]) > 10:
        return False  # the total's line says more than the total: a sentence, not a cell
    k = end
    while k < len(text) and text[k] in "\n \t":
        k += 1
    nxt = text.find("\n", k)
    return k <= r.span[0] < (len(text) if nxt < 0 else nxt)


def _link_qizhong(text: str, lo: int, recs: list[Record], earlier: list[Record]) -> None:
    """`18个…(其中:凉州区8个…)和59个…(其中凉州区12个…)`: each 其中 splits a total written before
    it in its sentence, after the previous 其中's shares (the one they add up to, else the nearest);
    with none there, a figure of the sentences before that they add up to exactly
    (`…中央补助资金2.8亿元…。中央补助资金按改造任务分配,其中双清区6400万元…`)."""
    hi = recs[-1].span[1]
    marks = []
    k = text.find("其中", lo, hi)
    while k >= 0:
        marks.append(k)
        k = text.find("其中", k + 2, hi)
    bounds = [*marks, hi + 1]
    floor = lo
    starts = [r.span[0] for r in recs]
    ordered = starts == sorted(starts)  # document order: each 其中's records found by bisection
    for k, nxt in zip(marks, bounds[1:], strict=True):
        # (a sentence of thousands of 其中 walked all its records for each: quadratic)
        near = recs[bisect_left(starts, floor):bisect_right(starts, nxt)] if ordered else recs
        segment = [r for r in near if k < r.span[0] < nxt]
        before = [r for r in near if floor <= r.span[0] and r.span[1] <= k and r.region is None]
        kinds = {(r.type, field(r, "unit"), field(r, "per")) for r in segment}
        for kind in kinds:
            # a share may have a floor (其中充电泊位不少于2万个); a ceiling (其中…不超过) is a condition
            shares = [r for r in segment if (r.type, field(r, "unit"), field(r, "per")) == kind
                      and r.qualifier != "at_most"]
            if not shares:
                continue
            shares = _adding_prefix(before, shares)
            total = _total_for(before, shares)
            if total is None and before:  # the total before 其中, though the shares overshoot it
                biggest = max(_amount(x) for x in shares)
                total = next((t for t in reversed(before) if _same_kind(t, shares[0]) and _amount(t) > biggest), None)
            if total is None and not before:
                total = _total_for(earlier, shares)
                total = total if total is not None and _amount(total) == _sum(shares) else None
            if total is None and not before and not any(c.isdigit() for c in text[lo:k]):
                total, shares = _opened_by(text, lo, earlier, shares)
            for s in shares:
                s._total = total
        floor = max((r.span[1] for r in segment), default=k)


def _opened_by(text: str, lo: int, earlier: list[Record], shares: list[Record]) -> tuple[Record | None, list[Record]]:
    """A sentence opening with 其中 splits the last figure of its kind in the sentence before, when the
    shares do not exceed it (六、新建改造农村公路150公里。其中“四好农村路”示范路30公里): (that total,
    the shares that count its thing)."""
    prev = sentence_start(text, lo - 1) if lo else 0
    if isinstance(shares[0], Quantity):
        # a count's shares count the total's thing: their noun's head is in the total's clause (示范|路
        # of 农村公路; not 公共停车|场 of 停车泊位, nor 波形护|栏 of 农村公路); amounts are all money
        total = next((t for t in reversed(earlier) if prev <= t.span[0] < lo and _same_kind(t, shares[0])), None)
        said = text[clause_start(text, total.span[0]):total.span[1]] if total is not None else ""
        shares = [s for s in shares if (h := _head_before(text, s)) is None or h in said]
    if not shares:
        return None, shares
    parts = _sum(shares)
    total = next((t for t in reversed(earlier) if prev <= t.span[0] < lo and t.region is None
                  and _same_kind(t, shares[0]) and total_of(t) is None and _amount(t) >= parts), None)
    return total, shares


def _head_before(text: str, r: Record) -> str | None:
    """The last Han character of the noun written just before a figure (快充|桩|不少于1200个 -> 桩)."""
    lo = clause_start(text, r.span[0])
    before = _strip_trailing(text[lo:r.span[0]] + _lead(r))  # 不少于, 达到, 共计…: lexicon trailing_words
    han = [c for c in before if "\u4e00" <= c <= "\u9fff"]
    return han[-1] if han else None


def _lead(r: Record) -> str:
    """The words of the evidence before its number (`快充桩不少于`1200个)."""
    k = next((i for i, c in enumerate(r.text) if c.isdigit()), len(r.text))
    return r.text[:k]


def _adding_prefix(before: list[Record], shares: list[Record]) -> list[Record]:
    """The longest run of shares from the first that adds up to a total before them (…28.5公里、
    41公里、50.5公里 of 120公里, then a figure of another clause); all of them when none does."""
    totals = {_amount(t) for t in before if _same_kind(t, shares[0])}
    running, best = Decimal(0), None
    for i, s in enumerate(shares):
        running += _amount(s)
        if running in totals:
            best = i + 1
    return shares[:best] if best else shares


def _sum(shares: list[Record]) -> Decimal:
    return sum((_amount(s) for s in _distinct(shares)), Decimal(0))


_REACH = 40  # figures before a run of regional shares where its total may stand


def _regional_runs(figures: list[Record], position: dict[int, int]) -> list[list[Record]]:
    """Consecutive unlinked regional shares of one kind (凉州区10000人、民勤县2300人…)."""
    runs: list[list[Record]] = []
    for r in figures:
        if total_of(r) is not None or r.region is None:
            continue
        if runs and _same_kind(runs[-1][-1], r) and position[id(runs[-1][-1])] >= position[id(r)] - 2:
            runs[-1].append(r)
        else:
            runs.append([r])
    return runs


def unbalanced(records: list[Record]) -> list[str]:
    """Warnings for totals whose shares add up to more than the total."""
    parts: dict[int, list[Record]] = defaultdict(list)
    totals: dict[int, Record] = {}
    for r in records:
        t = total_of(r)
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
        # parts may fall short (a list naming some regions only, 其余由区县自筹, two equal shares
        # kept once as one key); parts over the total are wrong somewhere (or a second breakdown)
        if got > want:
            out.append(
                f"parts do not add up: {total.id or total.text} «{total.text}» is {want.normalize():f}, "
                f"its {len(shares)} parts ({', '.join(s.text for s in shares)}) add up to {got.normalize():f}"
            )
    return out
