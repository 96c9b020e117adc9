"""Money: an amount in 元, 万元 or 亿元 (RECORDS.md §3 money).

`4.68亿元` -> 468000000; `每人每月1500元` -> per 人/月; `180元/人` -> per 人;
`户均3500元` -> per 户; `每年约需资金450万元` -> per 年, about; `其中凉州区300万元` after it
-> per 年 too; `每户10万元、贴息贷款5万元` -> both per 户; `按2000/人` is not money.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from decimal import Decimal
from typing import NamedTuple

import regex

from minshi_extract.models import Money
from minshi_extract.rules.context import Context
from minshi_extract.rules.numbers import parse_number, to_number
from minshi_extract.rules.quantity import (
    FIGURE,
    GLOSS,
    SUFFIX,
    figure_qualifier,
    heading_marker_glued,
    inside,
    qualifier_lexicon,
    qualifier_of,
    quoted_spans,
    share_regions,
)
from minshi_extract.rules.regions import respective_regions, sentence_bounds


def _alternation(words: list[str]) -> str:
    return "(?:" + "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w))) + ")"


_RATE = qualifier_lexicon()["rate"]
_PERIODS: frozenset[str] = frozenset(_RATE["periods"])
_RATE_WORD = _alternation(_RATE["entities"] + _RATE["periods"])

# 1500元 / 54.25万元 / 约2.6亿元 / 180元/人 / 8万元/家 / 1,000元左右; 萬元 and 億元 arrive simplified
# but are accepted anyway
MONEY_RE = regex.compile(
    rf"(?<![\d.A-Za-z])(?<!\d,){FIGURE} ?(?P<unit>元){GLOSS}"
    rf"(?P<slash>(?:/{_RATE_WORD}(?:·{_RATE_WORD})*)*)(?P<post>{SUFFIX})?"
)
# 每人每月 / 每年每站 / 每个泊位 -> the words after 每
_EVERY_RE = regex.compile(rf"每({_RATE_WORD})")
# 户均 -> 户
_AVERAGE_RE = regex.compile(_alternation(_RATE["average"]))
_PERIOD_AVERAGE_RE = regex.compile(rf"({_alternation(_RATE['periods'])})(?={_alternation(_RATE['average'])})")
# a clause: money rates and payers do not reach over , ; 。 :  (but do over 、)
_CLAUSE_STOPS = ",;。:!?\n"
# a 每 phrase right before the figure joins its evidence: 每人每月|1500元
_EVERY_NEAR_RE = regex.compile(r"每[^,;。、\d]{1,6}$")
_ABOUT_BEFORE_RE = regex.compile(r"约[^,;。、\d]{0,5}$")  # 每年约需资金450万元 -> about


class Amount(NamedTuple):
    """One amount found in a text, before it becomes a record."""

    start: int
    end: int
    amount: Decimal
    text_unit: str
    per: str | None
    qualifier: str | None
    cap: bool = False  # written as a ceiling: 最高不超过3000元 / 不超过5万元


_LAST_CLAUSE_STOP_RE = regex.compile("(?r)[" + regex.escape(_CLAUSE_STOPS) + "]")


_MAX_CLAUSE = 200  # a clause is read this far back at most (the corpus's longest: 52; a sentence of
# thousands of amounts without a comma was read from its start for each: quadratic)


def clause_start(text: str, pos: int) -> int:
    """Start of the clause holding `pos`: after the last , ; 。 : before it."""
    floor = max(0, pos - _MAX_CLAUSE)
    m = _LAST_CLAUSE_STOP_RE.search(text, floor, pos)
    return m.end() if m else floor


def text_unit_of(num: str) -> str:
    """`54.25万` -> 万元, `4.68亿` -> 亿元, `1500` -> 元 (the unit as written)."""
    num = num.rstrip()
    if num.endswith(("亿", "億")):
        return "亿元"
    if num.endswith(("万", "萬")):
        return "万元"
    return "元"


_SLASH_SPLIT = regex.compile(r"[/·]")


def rate_of(prefix: str, slash: str) -> str | None:
    """`每人每月` -> 人/月, `每年每站` -> 站/年 (entity first, then period), `/人` -> 人,
    `户均` -> 户; None when the text states no rate."""
    words = _EVERY_RE.findall(prefix)
    words += [w for w in _SLASH_SPLIT.split(slash) if w]  # 元/人·月 -> 人/月
    avg = _AVERAGE_RE.findall(prefix)
    words += [a[0] for a in avg]
    words += _PERIOD_AVERAGE_RE.findall(prefix)  # 月人均|465元 -> 人/月
    if not words:
        return None
    entities = [w for w in words if w not in _PERIODS]
    periods = [w for w in words if w in _PERIODS]
    seen: list[str] = []
    for w in entities + periods:
        if w not in seen:
            seen.append(w)
    return "/".join(seen)


def find_amounts(text: str) -> list[Amount]:
    """Every amount of `text` with its rate, qualifier and payer, left to right."""
    quotes = quoted_spans(text)
    out: list[Amount] = []
    for m in MONEY_RE.finditer(text):
        num_start = m.start("num")
        if inside(num_start, quotes) or heading_marker_glued(text, num_start):
            continue
        value = parse_number(m.group("num"))
        if value is None:
            continue
        lo = clause_start(text, m.start())
        if out and out[-1].end > lo and (_EVERY_RE.search(text, out[-1].end, m.start())
                                         or _SUM_WORD_RE.search(text, out[-1].end, m.start())):
            # 每人每月630元、|每人每年|5100元: its own rate, not the one before too; 每站10万元(|共|320万元):
            # what the rate comes to, no rate
            lo = out[-1].end
        prefix = text[lo:m.start()]
        qualifier = figure_qualifier(m)
        if qualifier is None and _ABOUT_BEFORE_RE.search(prefix):
            qualifier = "about"
        start = m.start()
        every = _EVERY_NEAR_RE.search(prefix)
        if every:
            start = lo + every.start()  # evidence 每人每月1500元, 每年约需资金450万元
        out.append(
            Amount(start, m.end(), value, text_unit_of(m.group("num")),
                   rate_of(prefix, m.group("slash")), qualifier,
                   qualifier_of(m.group("pre"), "prefix") == "at_most")
        )
    return _inherit_rates(text, out)


_SUM_WORD_RE = regex.compile(r"共|合计|总计|累计|总额")
# 总额不超过500万元 / 累计最高100万元: a ceiling on a total, not on the rate of the clause before
_TOTAL_WORDS_RE = regex.compile(r"总|累计|合计|共计|共需|全年|整体")


def _cap_rate(text: str, a: Amount, before: list[Amount]) -> str | None:
    """`对每户按设备购置费用的60%给予补助,最高不超过3000元` -> 户: a ceiling with no rate word
    of its own takes the rate stated by an earlier clause of its sentence, when no amount
    stands between (the ceiling limits that rate's payment)."""
    lo, _ = sentence_bounds(text, a.start)
    here = clause_start(text, a.start)
    if _TOTAL_WORDS_RE.search(text, here, a.start):
        return None
    for prev in before:
        if prev.end > lo:
            lo = prev.end  # 每户补助2000元,最高不超过3000元: that rate has its own amount
    return rate_of(text[lo:here], "") if here > lo else None


_CHANGE_RE = regex.compile(r"(?:提高到|提高至|提高|增加|增至|调整为|调整到|上调)$")


def _changed_rate(text: str, a: Amount, before: list[Amount]) -> str | None:
    """…由每人每年550元提高到580元,|增加|30元: a change of the rate before it in its sentence counts per
    the same unit."""
    if not before or before[-1].per is None:
        return None
    lo, _ = sentence_bounds(text, a.start)
    here = clause_start(text, a.start)
    return before[-1].per if before[-1].start >= lo and _CHANGE_RE.search(text, here, a.start) else None


_SUBJECT_RATE_RE = regex.compile(r"\s*(?:对|为|给予)?每")


def _subject_rate(text: str, a: Amount, before: list[Amount]) -> str | None:
    """`每个镇街养老服务中心设置床位不少于30张,给予建设补助100万元` -> 个: a sentence whose subject
    is `每X` pays its amounts per X, in later clauses too, when no amount stands between."""
    lo, _ = sentence_bounds(text, a.start)
    if any(p.end > lo for p in before) or not _SUBJECT_RATE_RE.match(text, lo):
        return None
    here = clause_start(text, a.start)
    return rate_of(text[lo:here], "") if here > lo else None


def _is_total(text: str, a: Amount) -> bool:
    """`共需资金360万元`, `总投资9600万元`: the amount is a total, never a share of a rate."""
    return bool(_TOTAL_WORDS_RE.search(text, clause_start(text, a.start), a.start))


def _split_amount(text: str, amounts: list[Amount], i: int, memo: dict | None = None) -> Amount | None:
    """The amount that the shares after `其中` split, for amounts[i] written after 其中.

    `项目总投资9600万元,按照每公里平均80万元测算,其中…4320万元、…2880万元,…2400万元`: the shares
    add up to 9600万元, so they split the total, not the per-km rate. Without such a sum the
    split amount is the last one before 其中 (`每年约需资金450万元,其中凉州区300万元`).
    """
    a = amounts[i]
    lo, hi = sentence_bounds(text, a.start)
    k = text.rfind("其中", lo, a.start)
    if k < 0:
        return None
    memo = {} if memo is None else memo  # the text's amounts indexed once, kept across its amounts
    if "ends" not in memo:
        _index_amounts(text, amounts, memo)
    # the amounts before 其中 in the sentence: amounts[:i] ending by k (ends ascend: found left to right)
    top = min(i, bisect_right(memo["ends"], k))
    last = _last_from(amounts, range(top - 1, -1, -1), lo)
    if last is None:
        return None
    starts, sums = memo["starts"], memo["sums"]
    shares = sums[bisect_left(starts, hi)] - sums[bisect_right(starts, k)]  # the shares after 其中, totals left out
    same = memo["by_amount"].get(shares, [])
    found = _last_from(amounts, reversed(same[:bisect_left(same, top)]), lo)
    if found is not None:
        return amounts[found]
    # a share is never more than what it splits (每户补助2000元,其中…800元…,所需资金|600万元: no share)
    return amounts[last] if a.amount <= amounts[last].amount else None


def _index_amounts(text: str, amounts: list[Amount], memo: dict) -> None:
    """Ends, starts in order with the running sum of the amounts that are no totals, and each amount's
    indices: every 其中 of a sentence of thousands of amounts is then answered without walking them
    (walking them for each was quadratic)."""
    memo["ends"] = [p.end for p in amounts]
    ordered = sorted((p.start, Decimal(0) if _is_total(text, p) else p.amount) for p in amounts)
    memo["starts"] = [st for st, _ in ordered]
    sums = [Decimal(0)]
    for _, value in ordered:
        sums.append(sums[-1] + value)
    memo["sums"] = sums
    by_amount: dict[Decimal, list[int]] = {}
    for j, p in enumerate(amounts):
        by_amount.setdefault(p.amount, []).append(j)
    memo["by_amount"] = by_amount


def _last_from(amounts: list[Amount], indices: Iterable[int], lo: int) -> int | None:
    """The first of `indices` (descending) whose amount starts at `lo` or later; stops at an amount
    that ends before `lo` (all before it do, too)."""
    for j in indices:
        if amounts[j].start >= lo:
            return j
        if amounts[j].end < lo:
            return None
    return None


_RATE_REACH = 64  # amounts around one where the rate it splits may stand


def _summing_rate(text: str, amounts: list[Amount], i: int) -> str | None:
    """按每生每年1500元标准…,中央、省、市、区分别承担|600元、450元、270元、180元: amounts after a rate in
    its sentence that add up to it exactly split it, per the same unit."""
    a = amounts[i]
    lo, hi = sentence_bounds(text, a.start)
    near = amounts[max(0, i - _RATE_REACH):i + _RATE_REACH]  # bounded: linear in a sentence of thousands
    rate = next((p for p in reversed(near) if p.start < a.start and p.start >= lo and p.per), None)
    if rate is None:
        return None
    run = [q for q in near if rate.end <= q.start < hi and q.per is None]
    return rate.per if len(run) >= 2 and a in run and sum((q.amount for q in run), Decimal(0)) == rate.amount else None


def _inherit_rates(text: str, amounts: list[Amount]) -> list[Amount]:
    """`每年约需资金450万元,其中凉州区300万元` -> 300万元 takes per 年: shares after 其中 take
    the rate of the amount they split, within one sentence; a total (`共需资金360万元`) takes none."""
    out: list[Amount] = []
    memo: dict = {}
    index = {id(x): k for k, x in enumerate(amounts)}
    for i, a in enumerate(amounts):
        if a.per is None and a.cap:
            per = _cap_rate(text, a, out)
            if per:
                a = a._replace(per=per)
        if a.per is None and not _is_total(text, a):
            split = _split_amount(text, amounts, i, memo)
            if split is not None and index.get(id(split), len(out)) < len(out):
                split = out[index[id(split)]]  # the split amount as read so far (增加30元 took its rate)
            if split is not None and split.per:
                a = a._replace(per=split.per)
            elif split is None:
                per = _subject_rate(text, a, out) or _summing_rate(text, amounts, i) or _changed_rate(text, a, out)
                if per:
                    a = a._replace(per=per)
        out.append(a)
    return out


def find_money(text: str, base: int, ctx: Context) -> list[Money]:
    """Money records of one line/paragraph `text` that starts at offset `base`."""
    amounts = find_amounts(text)
    starts = [a.start for a in amounts]
    out: list[Money] = []
    memo: dict = {}  # regions_before by offset, for every amount of the line
    respective = respective_regions(text, starts) if "分别" in text else {}
    for a in amounts:
        share = None if a.start in respective else share_regions(text, starts, a.start, memo)
        spans = [(a.start, respective.get(a.start))] if share is None else [(share[1], n) for n in share[0]]
        for s, region in spans:
            out.append(
                Money(
                    programme_id=ctx.programme_id, part=ctx.part, section=ctx.section,
                    text=text[s:a.end], span=(base + s, base + a.end),
                    amount_cny=to_number(a.amount), text_unit=a.text_unit, per=a.per,
                    qualifier=a.qualifier, region=region,
                )
            )
    return out
