"""What a figure counts, read from the figures around it (after each figure's own clause is read): a
payer's percentage share takes its total's item, a change counts what the figure before it counts, a
figure whose clause names nothing continues the one before it, a share counts what its total counts,
progress on a work counts what the work counts."""

from __future__ import annotations

import regex

from ..models import Money, Percentage, Quantity, Record, total_of
from ..rules.numbers import find_numbers
from .clauses import clause_start, sentence_start
from .grammar import trim, words
from .links import field
from .lists import same_unit
from .source import is_payer_share, payer_percent


def _figure_start(r: Record) -> int:
    """Where the figure of `r` starts: its last number (利州区58个|4320户 for the 户 record); a range
    (35—64岁) and a percentage in words are one figure."""
    nums = find_numbers(r.text)
    if not nums:
        return r.span[0]
    if isinstance(r, Quantity) and r.unit in words().age_units:
        return r.span[0] + nums[0].start
    return r.span[0] + nums[-1].start


def _drop_region_lists(records: list[Record]) -> None:
    """小寺沟镇、党坝镇各450座: the towns of a share, written before it, are its regions, not its item."""
    regions: dict[tuple[int, int], set[str]] = {}
    for r in records:
        if field(r, "region"):
            regions.setdefault(r.span, set()).add(r.region)
    for r in records:
        names = regions.get(r.span)
        if names and field(r, "item") and set(r.item.split("、")) <= names:
            r.item = None


def _share_of_total(text: str, records: list[Record]) -> None:
    """全市共需资金792万元,由自治区财政承担60%: a payer's percentage share takes the item of the amount
    it shares, the last one before it in the sentence (GUIDELINES "Hard cases")."""
    last: Money | None = None
    for r in records:
        if isinstance(r, Money):
            last = r
        elif (isinstance(r, Percentage) and r.item is None and last is not None and last.item
              and sentence_start(text, last.span[0]) == sentence_start(text, r.span[0])):
            fig = _figure_start(r)
            if is_payer_share(text[clause_start(text, fig):fig]) or payer_percent(text, fig) == "":
                r.item = last.item


_GROWTH_RE = regex.compile(r"(?:比|较)(?:上年|去年|上年同期|\d{4}年)(?:同期)?|同比")
_POINTS = "个百分点"


def _growth_of_previous(text: str, records: list[Record]) -> None:
    """发放各类救助资金1.2亿元,|比上年增长|9.1%; 新增学位2400个,|比上年增加|360个; 覆盖率达到85%,|较2022年
    提高|12个百分点: a change written after a figure, its clause naming nothing else, is the change of
    what that figure counts (GUIDELINES rule 9: the clause's subject); points change a percentage."""
    if not records or not _GROWTH_RE.search(text, records[0].span[0], records[-1].span[1]):
        return  # no comparison among these figures: nothing to do (one C scan)
    last: dict[object, Record] = {}
    seen: dict[object, list[Record]] = {}
    for r in records:
        unit = field(r, "unit")
        key = "percent" if isinstance(r, Percentage) or unit == _POINTS else (r.type, unit, field(r, "per"))
        candidates = [last.get(key), last.get("amount") if isinstance(r, Percentage) else None]
        before = max((c for c in candidates if c is not None), key=lambda c: c.span[0], default=None)
        before = _whole_of_shares(text, before, seen.get(key, []))
        if (before is not None and before.item and _GROWTH_RE.search(text, max(before.span[1], r.span[0] - 40), r.span[0] + 8)
                and _same_or_next_part(text, before.span[0], r.span[0])):
            fig = _figure_start(r)
            lo = clause_start(text, fig)
            while lo > 0 and text[lo - 1] == "、":  # …增加10公里、|3座: the list's clause
                lo = clause_start(text, lo - 1)
            growth = _GROWTH_RE.match(text, lo, fig)
            if growth is not None and lo > before.span[1] and (r.item is None or r.item.startswith(growth.group())
                                                              or _GROWTH_RE.match(r.item)):
                r.item = before.item
        if field(r, "item") and unit != _POINTS:
            last[key] = r
            seen.setdefault(key, []).append(r)
            if isinstance(r, (Money, Quantity)):
                last["amount"] = r


def _same_or_next_part(text: str, a: int, b: int) -> bool:
    """b's sentence is a's, or the `;` part right after it (…受益农户3.6万户;|比上年多改造120公里)."""
    sa, sb = sentence_start(text, a), sentence_start(text, b)
    return sa == sb or (sb > sa and text[sb - 1] == ";" and text.find(";", sa, sb - 1) == -1)


def _whole_of_shares(text: str, before: Record | None, kind: list[Record]) -> Record | None:
    """筛查农村适龄妇女10万人,其中宫颈癌筛查6万人、乳腺癌筛查4万人,|较上年增加2万人: a change after a list
    of shares under 其中 changes the whole, the last figure of its kind before that 其中."""
    if before is None:
        return None
    lo = sentence_start(text, before.span[0])
    k = text.rfind("其中", lo, before.span[0])
    if k < 0:
        return before
    return next((c for c in reversed(kind) if lo <= c.span[0] and c.span[1] <= k), before)


def _continue_items(text: str, records: list[Record]) -> None:
    """新建公办幼儿园3所,改扩建4所: a figure whose clause names nothing continues the figure before it
    in the same sentence, with the same unit, and counts the same thing (GUIDELINES rule 5)."""
    prev: Record | None = None
    last: dict[tuple, Record] = {}  # the last figure of each kind with an item
    w = words()
    _continue_percentages(text, records)
    for r in records:
        if not isinstance(r, (Quantity, Money)) or (isinstance(r, Quantity) and r.unit in w.age_units):
            continue  # an age is a condition of the share (90周岁至99周岁|每人每月200元), not a figure of it
        # 改造农村危房1500户…。上半年已开工|1020户: progress on the work, in the sentence or the next ones
        # of its paragraph, counts what the work counts
        kind = (r.type, field(r, "unit"))
        tail = w.progress_tail.search(r.item) if r.item else None
        if tail is not None and tail.start() > 0 and trim(r.item[:tail.start()]):
            r.item = trim(r.item[:tail.start()])  # 棚户区改造|新开工|1.8万套: the topic is what is counted
        elif tail is not None:
            topic = _progress_topic(text, r)
            work = last.get(kind)
            if topic:
                r.item = topic
            elif _same_work(work, r):
                r.item = work.item  # 年度目标:改造老旧小区85个。|完成情况:已完工82个
                continue
            else:
                continue
        elif r.item is None and isinstance(r, Quantity) and _bare_verb_before(text, r):
            work = last.get(kind)  # 建成|65个, 全年新增|10240个: the work's noun is elided
            if _same_work(work, r):
                r.item = work.item
        # 改造城镇老旧小区42个、|1.1万户: a figure joined to the one before by 、 alone counts the same thing
        glued = prev is not None and type(prev) is type(r) and text[prev.span[1]:r.span[0]] == "、"
        if (r.item is None and prev is not None and prev.item and (same_unit(prev, r) or glued)
                and sentence_start(text, prev.span[0]) == sentence_start(text, r.span[0])
                and not (isinstance(r, Quantity) and r.unit in w.duration_units)):
            r.item = prev.item
        prev = r
        if r.item and not (total_of(r) is not None and "其中" in text[sentence_start(text, r.span[0]):r.span[0]]):
            last[kind] = r  # progress reports on a work, not on a 其中 share of it


_SHARE_OF_RE = regex.compile(r"(?:分别)?占")
_YEAR_NOTE_RE = regex.compile(r"(?:以上|以下|左右)?\((?:19|20)\d{2}年(?:底|末)?(?:为|是)?")


def _continue_percentages(text: str, records: list[Record]) -> None:
    """…的50%、|30%、|20%: percentages joined by 、 alone share what the first is a share of; …4800万元,占
    总投资的40%;…1800万元,|占|15%: a percentage that is only 占 shares what the 占 before it in its
    paragraph is a share of."""
    prev: Percentage | None = None
    for r in records:
        if not isinstance(r, Percentage):
            continue
        if r.item is None and prev is not None and prev.item:
            # …就业率达到60%以上(2023年为|52%): a year's figure in brackets after an indicator's is its
            glued = text[prev.span[1]:r.span[0]] == "、" or _YEAR_NOTE_RE.fullmatch(text, prev.span[1], r.span[0])
            lo = clause_start(text, r.span[0])
            same_line = "\n" not in text[prev.span[1]:r.span[0]]
            payer_share = (same_line and is_payer_share(text[lo:r.span[0]])
                           and sentence_start(text, prev.span[0]) == sentence_start(text, r.span[0]))
            if glued or payer_share or (same_line and _SHARE_OF_RE.fullmatch(text, lo, r.span[0])
                                        and _SHARE_OF_RE.match(text, clause_start(text, prev.span[0]))):
                r.item = prev.item
        prev = r


def _shares_count_their_totals(records: list[Record]) -> None:
    """A share counts what its total counts (其中, regional shares) when it names nothing itself."""
    for r in records:
        t = total_of(r)
        if t is not None and r.item is None:
            r.item = field(t, "item")


_WORK_REACH = 400  # characters from a programme's target to the progress or result written on it


def _same_work(work: Record | None, r: Record) -> bool:
    """`work` (a target) is what the figure `r` after it reports on: the same programme, close before."""
    return (work is not None and work.programme_id == r.programme_id and work.part == r.part
            and 0 <= r.span[0] - work.span[1] <= _WORK_REACH)


def _bare_verb_before(text: str, r: Record) -> bool:
    """The figure's clause is a verb alone before it (`建成|65个`, `全年新增|10240个`): nothing counted named."""
    fig = _figure_start(r)
    lo = clause_start(text, fig)
    end = text.find("\n", fig)
    if text[fig:len(text) if end < 0 else end].rstrip().endswith(("方案", "细则")):
        return False  # a plan's title wrapped (`…和农村危窑危房` / `改造850户实施方案`): the noun is above
    head = text[lo:fig]
    head = head.split(":")[-1]
    m = words().governing.search(head)
    return 0 < len(head) <= 6 and m is not None and m.end() == len(head) and (
        m.start() == 0 or words().progress.fullmatch(head[:m.start()]) is not None
        or head[:m.start()] in ("全年", "累计", "已", "共"))


def _progress_topic(text: str, r: Record) -> str | None:
    """棚户区改造|新开工|1.8万套: the topic written before the progress words of the figure's clause."""
    fig = _figure_start(r)
    before = text[clause_start(text, fig):fig]
    tail = words().progress_tail.search(before)
    return trim(before[:tail.start()]) if tail is not None and tail.start() > 0 else None
