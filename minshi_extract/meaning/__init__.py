"""What each figure counts: item, what, source, and the total a share belongs to.

Runs after the rules, on the final records of each programme (and of the cover letter): the
rules find *which* figures there are; this pass reads the clause around each one
(gold/GUIDELINES.md "What a figure counts"). Records from table cells keep what the table rule
gave them (row name + column header, payer column).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import regex

from ..models import Deadline, Money, Notice, Percentage, Programme, Quantity, Record, total_of
from ..rules.numbers import find_numbers
from ..rules.regions import is_region
from .actions import action_after, action_before
from .after import funded_after, object_of, paid_after, phrase_after
from .around import (
    _continue_items,
    _drop_region_lists,
    _figure_start,
    _growth_of_previous,
    _share_of_total,
    _shares_count_their_totals,
)
from .clauses import clause_end, clause_start, sentence_start
from .grammar import PAYMENT_NOUNS, PLACES_PAID_RE, PURE_RATE_RE, phrase_before, rate_noun, trim, words
from .links import field, link_shares, unbalanced
from .lists import figure_lists, list_head
from .source import (
    DRAWN_FROM_RE,
    is_payer_share,
    next_clause_end,
    payer_by,
    payer_in,
    payer_percent,
    source_at,
    strip_payer,
)
from .wraps import joined, shifted, soft_breaks

__all__ = ["attribute", "unbalanced"]


_QUALIFIED = regex.compile(r"以上|以下|以内|左右|[余多]")
_REST_RAISED_RE = regex.compile(r"由[^,;。由]{1,12}?(自筹|配套)")
_STANDARD_IS_RE = regex.compile(r"(\p{Han}{2,14}?(?:标准|补贴|补助|费用|经费))(?:为|是)")
_BORNE_RE = regex.compile(r"(\p{Han}{2,12}?)由[\p{Han}、()]{2,16}?各?(?:承担|负担|分担|补助|出资)$")
_SHARE_OF_RE = regex.compile(r"(?:^|(?<=[,;:、\n]))(?:分别)?占(?![比地用有])")  # 占总投资的|40%; not 占比, 占地面积
_AMOUNT_RANGE_REST = regex.compile(r"(?:至|到|—|–|-|~)\d+(?:\.\d+)?(?:万|亿)?元")


def _noun_in_evidence(r: Record) -> str | None:
    """13.3万常住人口 (a count of people written without a measure word): the noun is in the evidence."""
    nums = find_numbers(r.text)
    if not nums or not isinstance(r, Quantity):
        return None
    rest = r.text[nums[0].end:]
    if len(nums) > 1 or rest.startswith(r.unit) or _QUALIFIED.search(rest):
        return None
    return rest if len(rest) > len(r.unit) else None


def item_of(text: str, r: Record, end: int | None = None) -> str | None:
    """The noun phrase the figure of `r` counts or pays for: the one after its measure word
    (十件|民生实事, 为1.2万名|适龄女童), else the one before it (新增|学位|1620个). `end`: where the
    context after the figure starts, when a list of figures ends later than `r`."""
    w = words()
    end = r.span[1] if end is None else end
    if isinstance(r, Money) and (rest := _AMOUNT_RANGE_REST.match(text, end, end + 16)) is not None:
        end = rest.end()  # 每人1000元|至2000元|给予培训补贴: what follows the range names both ends
    unit = field(r, "unit")
    if unit in w.duration_units and r.qualifier == "at_most":
        # 10个工作日内: a time limit names nothing; 街路封闭时间|不超过15天: the time it bounds does
        fig = _figure_start(r)
        named = phrase_before(text, clause_start(text, fig), fig, limit=True)
        return named if named and named.endswith(w.time_heads) else None
    own = _noun_in_evidence(r) or _reached_duration(text, r, unit) or _lasting_action(text, r, unit)
    if own:
        return own
    after = phrase_after(text, end, len(text)) if not isinstance(r, Percentage) else None
    if after and _RATE_ONLY.fullmatch(after):
        after = None  # 89周岁|每人每月100元: a rate after the figure names nothing
    if (after and not isinstance(r, Money)) or unit in w.age_units:
        return after
    fig = _figure_start(r)
    lo = clause_start(text, fig)
    if lo == r.span[0] and text[lo - 1:lo] == "(" and text[end:end + 1] == ")":
        lo, fig = clause_start(text, lo - 1), lo - 1  # 医疗卫生类|(2项): the figure glosses the phrase
    item = phrase_before(text, lo, fig, money=isinstance(r, Money), people=unit in w.beneficiary_units)
    borne = _BORNE_RE.match(text, lo, fig) if isinstance(r, Percentage) else None
    if borne is not None:  # 运营补贴|由区级财政承担|80%: the share of the thing the subject names
        return trim(borne.group(1))
    share_of = _SHARE_OF_RE.search(text, lo, fig) if isinstance(r, Percentage) else None
    if share_of is not None:  # (分别)占|总投资的|40%: a share of the total named after 占
        item = trim(text[share_of.end():fig].removesuffix("的")) or None
    if isinstance(r, Percentage) and not (item and item.endswith(_INDICATORS)):
        # 收托率达到|60%以上的…: an indicator before stays; else 完成80%以上的|建设任务 (a share of
        # the noun after 的); 由省级财政承担|60%: its total's item (attribute)
        of = _percent_of(text, end)
        subject = payer_percent(text, fig)
        if subject is not None:  # 所需资金按市级|60%: the subject's share (none: its total's, attribute)
            return trim(subject) if subject.strip() else None
        if of or is_payer_share(text[lo:fig]):
            return of
        base = _BASE_OF_RE.search(text, lo, fig)
        if base is not None and trim(base.group(1)):
            # 特困人员基本生活标准|按照不低于当地城乡低保标准的|130%: the subject is measured against the
            # base; with none (对每户|按设备购置费用的|60%), the share is of the base
            return phrase_before(text, lo, base.start()) or trim(base.group(1))
    if isinstance(r, Money) and item and PURE_RATE_RE.fullmatch(item):
        item = None  # 每人每月|150元: a rate alone names nothing
    if isinstance(r, Money) and DRAWN_FROM_RE.search(text, lo, fig):
        item = None  # 其中从就业补助资金中|列支|1200万元: the fund pays (source); the share counts its total's
    if isinstance(r, Money):
        item = _money_item(text, _payer_gone(item), lo, fig, end)
    if item in (None, "标准") and after:
        item = after
    if isinstance(r, Money) and (raised := _REST_RAISED_RE.match(text, end)) is not None \
            and text[lo:fig].strip() in ("其余", "剩余", "余下"):
        item = raised.group(1)  # 其余600万元|由相关镇(街道)自筹: the remainder is raised (GUIDELINES: 自筹 names it)
    if isinstance(r, Money) and item is None and (subject := _STANDARD_IS_RE.match(text, lo, fig)) is not None:
        item = trim(subject.group(1))  # 照护服务补贴标准为|失能老年人每人每月|600元: the standard the rate is
    region = field(r, "region")
    if item and region and item.startswith(region):
        item = trim(item[len(region):])  # 港北区新建|5所: the region is not the thing counted
    if item and (all(is_region(part) for part in item.split("、")) or item in w.scope_nouns or _each_acts(item)
                 or _AGES_ONLY.fullmatch(item) or _RATE_ONLY.fullmatch(item)):
        item = None  # 安塞区、子长市各12个, 其中城市|每户800元: where a share is, not what it counts
    if item is None and not region and lo >= 2 and text[lo - 1] == ":" and not text[lo:fig].strip():
        label = text[clause_start(text, lo - 1):lo - 1]  # 得票:|365票, 投资规模:|1200万元: the label names it
        item = trim(label) if len(label) <= 12 and not find_numbers(label) else None
    if item is None and not region and lo >= 2 and text[lo - 1] == ",":
        # 老旧小区改造,共30个: the phrase of the clause before, in the same sentence
        plo = clause_start(text, lo - 1)
        if not find_numbers(text[plo:lo - 1]):
            item = phrase_before(text, plo, lo - 1)
        elif isinstance(r, Money) and r.per:
            item = object_of(text, plo, lo - 1)  # 为4.3万名学生提供营养膳食补助,|每生每天5元
    if isinstance(r, Money):
        item = _payer_gone(item)
        if item and item.lstrip("各共") in w.funding_verbs:
            return None  # 县级财政|安排|800万元, 市、区财政|各承担: a payer and its verb; the share takes its total's item
    return item


_EACH_RE = regex.compile(r"\p{Han}{2,}(?:[、和]\p{Han}{2,})*各(\p{Han}{1,4})")


def _each_acts(item: str) -> bool:
    """水湖镇、下塘镇各新建|1所: places (or bodies) that each do the work, its object elided; the share
    counts what its total counts (食堂、助餐点各|5个, without a verb, names the things)."""
    m = _EACH_RE.fullmatch(item)
    return m is not None and words().governing.fullmatch(m.group(1)) is not None


def _payer_gone(item: str | None) -> str | None:
    """The item without the payer opening it (the source), and without the preposition after that
    payer (市级财政|对|规模化供水工程: the thing paid for)."""
    rest = strip_payer(item)
    if not rest or rest == item:
        return rest
    p = next((p for p in ("对", "向", "给", "按照", "按") if rest.startswith(p)), None)
    return trim(rest[len(p):]) if p and len(rest) - len(p) >= 2 else rest


def _reached_duration(text: str, r: Record, unit: str | None) -> str | None:
    """运营|满1年: a duration reached (满) names the action that lasts it (GUIDELINES "Hard cases": the
    duration of an action names the action), written between the clause start and 满."""
    if unit not in words().duration_units:
        return None
    nums = find_numbers(r.text)
    at = r.span[0] + nums[0].start if nums else r.span[0]
    if text[at - 1:at] != "满":
        return None
    lo = clause_start(text, at - 1)
    action = text[lo:at - 1]
    action = next((action[len(p):] for p in words().prepositions if action.startswith(p)), action)
    action = action.rsplit("的", 1)[-1]
    return trim(action) if 2 <= len(action) <= 8 and not find_numbers(action) else None


def _lasting_action(text: str, r: Record, unit: str | None) -> str | None:
    """公示|7天, 在村(社区)张榜公示|不少于5个工作日: a duration right after a verb is how long that action
    lasts; the action names it (GUIDELINES "Hard cases": 张榜公示7天 -> 张榜公示), not the clause before."""
    if unit not in words().duration_units or r.qualifier == "at_most":
        return None
    at = r.span[0]  # 公示|不少于5个工作日: the action stands before the qualifier
    verb = next((v for v in words().lasting_actions if text.endswith(v, max(0, at - len(v)), at)), None)
    if verb is None:
        return None
    start = at - len(verb)
    prefix = next((p for p in words().duration_action_prefixes if text.endswith(p, max(0, start - len(p)), start)), "")
    return text[start - len(prefix):at]


# an age bracket before a rate (其中80周岁至89周岁|每人每月100元): who is paid, like a region
_AGES_ONLY = regex.compile(r"(?:(?:\d+(?:周?岁)?(?:至|到|—|–|-|~))?\d+周?岁(?:及以上|以上|以下)?[、和]?)+")
_RATE_ONLY = regex.compile(r"(?:每[^\d每]{1,2})+")  # 80周岁至89周岁|每人每月|100元: a rate, no noun
_INDICATORS = ("率", "度", "比例", "占比", "比重")


# 40%、30%、30%|的比例; 省级60%、市级20%、县级20%|的比例; 分别按50%、30%、20%|比例承担
_OF_RE = regex.compile(r"(?:、\p{Han}{0,6}[\d.]+%)*(?:以上|以下|左右)?(?:的(?=\p{Han})|(?=比例))")
# 按|设备购置费用的|60%给予补助: a share of the base named before 的
_BASE_OF_RE = regex.compile(r"(?:按照?|为|占)(?:不低于|不少于|不超过|不高于)?(\p{Han}{2,14}?)的$")


def _percent_of(text: str, end: int) -> str | None:
    """The noun a percentage is written before with 的 (不低于20%的|比例, 80%以上的|改造工程量): the
    percentage is a share of it."""
    m = _OF_RE.match(text, end, end + 40)
    return phrase_after(text, m.end(), len(text)) if m else None


_FUNDS = ("资金", "投资", "经费", "公益金", "债券")
_RATE_BEFORE_RE = regex.compile(r"每[^\d,;。、每]{1,8}$")


def _money_item(text: str, item: str | None, lo: int, fig: int, end: int) -> str | None:
    """What an amount pays for, most specific first (GUIDELINES "Hard cases"): a 给予X after it
    (…按照每个5万元给予|一次性建设补助), a thing before its rate (对|新建幼儿园|按每平方米…给予补助), a
    thing its rate counts (省级补助每所|幼儿园|80万元), the payment word; a payer or a fund before the
    rate pays, it is not paid for."""
    if item and PLACES_PAID_RE.search(item):
        item = None  # 对…任务的县(市、区)|按照每户2000元…给予奖补: the places paid, not the thing paid for
    paid = paid_after(text, end, len(text))
    bare = item is None or item in PAYMENT_NOUNS or item.endswith(_FUNDS + words().beneficiary_heads)
    if paid is None:
        funded = strip_payer(funded_after(text, end, len(text))) if bare else None
        if funded:
            return funded
        rate = _RATE_BEFORE_RE.search(text, lo, fig)
        named = rate_noun(rate.group(), people=item is None) if rate and bare else None
        if named is None and item and item.endswith(words().beneficiary_heads):
            return None  # …给予护理补贴,|半失能老年人|每人每月300元: who is paid; the rate continues the one before
        return named or item
    return paid if bare or paid not in PAYMENT_NOUNS else item


def source_of(text: str, r: Money, is_total: bool = False) -> str | None:
    """The payer of `r`; a total split among payers, and a share (其中双清区6400万元), have none but
    their own clause's."""
    fig = _figure_start(r)
    lo = clause_start(text, fig)
    if text[lo - 1:lo] in ("(", ")"):  # brackets do not end a payer's clause: 市、县(区)财政|1290万元
        lo = max(text.rfind(c, 0, fig) for c in ",;。\n") + 1
    total = total_of(r)
    drawn = DRAWN_FROM_RE.search(text, lo, fig)
    if drawn is not None:
        return drawn.group(1)  # 其中从就业补助资金中列支|1200万元: the fund it is drawn from
    if is_total or total is not None:
        own_end = next_clause_end(text, r.span[1])
        found = payer_in(text, lo, fig) or payer_by(text, r.span[1], own_end)
        if found is None and total is not None and total.span[1] <= sentence_start(text, fig):
            # a share opening a sentence of its own (…;高龄津贴1700万元,按…发放,全部由区级财政承担): its
            # sentence's 由X is its payer
            found = payer_by(text, r.span[1], clause_end(text, r.span[1], ";。\n"), r.span[1])
        if found is None and total is not None and total.span[0] >= clause_end(text, r.span[1], ";。\n"):
            # a part before its sum, in a sentence of its own (省级财政按照…给予奖补,安排资金4.2亿元;…共计
            # 投入资金7亿元以上): its sentence's payer pays it
            found = source_at(text, sentence_start(text, fig), fig, r.span[1])
        return found
    return source_at(text, lo, fig, r.span[1])


def what_of(text: str, r: Deadline) -> str | None:
    """The action due by the date of `r`; an event written into the date's evidence (3月底前开工建设)
    starts it."""
    w = words()
    end = r.span[1]
    for verbs in (w.predicates, w.governing):
        tail = next((m for m in verbs.finditer(r.text) if m.end() == len(r.text)), None)
        if tail is not None:
            end = r.span[0] + tail.start()
            break
    return action_after(text, end) or action_before(text, r.span[0])


# section labels a bare date may sit after (实施期限: 2024年11月底前): they name no action
_LABELS = frozenset({"实施期限", "完成时限", "完成时间", "建设期限", "实施时间", "时间安排", "完成期限"})
_PLAN_SUFFIX = regex.compile(r"(?:实施|工作)方案$")


def _project_name(prog: Programme, r: Record) -> str:
    """The project a bare date is the deadline of: its part's title, else the programme's, without
    the 实施方案 it is a plan of."""
    part = next((p for p in prog.parts if p.index == r.part), None)
    title = part.title if part is not None else prog.title
    return _PLAN_SUFFIX.sub("", title) or title


_HEADER_YEAR = regex.compile(r"^(?:\d{4}年(?:度)?)")
_HEADER_LEAD = regex.compile(r"^(?:其中[:、]?|合计|小计)")


_TOTAL_ROWS = frozenset({"合计", "小计", "总计", "共计"})
_SHORT_LEVELS = frozenset({"中央", "省", "市", "县", "区", "州", "旗", "盟"})


@cache
def _GENERIC_HEADER_RE() -> regex.Pattern:
    return regex.compile(rf"(?:{'|'.join(sorted(words().generic_headers, key=len, reverse=True))})+")


def table_item(row_name: str | None, header: str | None, money: bool = False) -> str | None:
    """The item of a table cell (GUIDELINES rule 8): the row's name, a space, and the column header
    without its unit, year, 其中 and payer, when the header names what is counted or paid
    (`城北小学扩建 总投资`); a generic or payer-only header adds nothing; a row without a name
    (a region row, a 合计 row) takes the header alone."""
    head = _HEADER_LEAD.sub("", _HEADER_YEAR.sub("", (header or "").strip()))
    if money:
        # 中央和省级补助资金(万元): the payer is the cell's source; 财政补助资金 names no payer, kept whole
        head = head if head.startswith("财政") and len(head) > 2 else strip_payer(head) or ""
        head = "" if head in _SHORT_LEVELS else head  # 省 | 市 | 县 under 资金来源: a payer alone
    if _GENERIC_HEADER_RE().fullmatch(head):
        head = ""  # 资金, 合计, 资金合计: generic words add nothing
    if not row_name or is_region(row_name) or row_name in _TOTAL_ROWS:
        return head or None
    return f"{row_name} {head}" if head else row_name


def attribute(notice: Notice, in_table: Callable[[tuple[int, int]], bool]) -> None:
    """Fill item / what / source and the share links of every record not read from a table; the
    clauses are read with the line breaks inside sentences removed (wraps.py)."""
    tables = [(min(a for row in t._cell_spans for a, _ in row), max(b for row in t._cell_spans for _, b in row))
              for att in notice.attachments for t in att.tables if t._cell_spans]
    breaks = soft_breaks(notice.text, tables)
    prose = [r for r in notice.all_records() if not in_table(r.span)]
    ids = {id(r) for r in prose}
    with shifted(prose, breaks):
        _attribute(notice, joined(notice.text, breaks), lambda r: id(r) in ids)


def _attribute(notice: Notice, text: str, is_prose: Callable[[Record], bool]) -> None:
    groups = [(None, notice.records)] + [(p, p.all_records()) for p in notice.programmes]
    for prog, recs in groups:
        recs = sorted(recs, key=lambda r: r.span)
        prose = [r for r in recs if is_prose(r)]
        link_shares(text, prose)
        totals = {id(t) for t in map(total_of, prose) if t is not None}
        for r in prose:
            if isinstance(r, (Quantity, Money, Percentage)):
                r.item = item_of(text, r)
            if isinstance(r, Money):
                r.source = source_of(text, r, is_total=id(r) in totals)
                if r.item is not None and r.item == r.source:
                    r.item = None  # 其中燃气企业|0.7亿元: who pays names nothing paid for (its total's item)
                elif r.item and r.source and r.item.endswith(r.source):
                    r.item = trim(r.item[:-len(r.source)])  # 每个中心|省级|补助50万元: the payer goes
            elif isinstance(r, Deadline):
                what = what_of(text, r)
                # 完成时限 | 7月1日起执行: a verb that says nothing leaves the row's project due
                r.what = r.what if r.what and (what is None or what in words().empty_whats) else what
        for run in figure_lists(text, prose):
            item = list_head(item_of(text, run[0], end=run[-1].span[1]), len(run))
            for r in run:
                r.item = item
        for r in recs:
            if isinstance(r, Deadline) and prog is not None and (r.what is None or r.what in _LABELS):
                r.what = _project_name(prog, r)  # a 完成时限 section or column: the project is due
        _share_of_total(text, prose)
        _growth_of_previous(text, prose)
        _drop_region_lists(prose)
        _shares_count_their_totals(prose)
        _continue_items(text, prose)
        _shares_count_their_totals(prose)  # a total named only now (全年新增|10240个: the target's noun)
