"""The clause grammar of a figure: which noun phrase it counts, which action is due, who pays.

Chinese notices write a target in a few constructions (gold/GUIDELINES.md "What a figure counts"):
- verb + noun phrase + figure        新增|学位|1620个, 安排|补助资金|2070万元
- verb + figure + measure + noun     建设|3个|社区食堂, 为|1.2万名|适龄女童|接种
- indicator + linking verb + figure  接种率|达到|90%
- a clause without a noun phrase takes the phrase of the figure it continues (其中 shares).
The words (verbs, prepositions, nominal heads, scope words) are data in lexicon/meaning.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from ..rules.lexicon import load_yaml

_HAN_RE = regex.compile(r"[\p{Han}A-Za-z]")
# a figure with its measure word, inside a phrase: 58个, 1.2万名, 30%
# patterns used inside the functions below, compiled once (a module-level regex.sub(str, ...)
# looks its pattern up in regex's cache on every call)
_JOINED = regex.compile(r"[和及与、]|[^\p{Han}]*$")
_RANGE_REST = regex.compile(r"^(?:(?:至|到|—|–|-|~)\d+(?:\.\d+)?(?:周岁|岁)?)?(?:及以上|以上|以下|以内|左右|多|余)?")
_PHRASE_CUT = regex.compile(r"[和及与且并或由的]|按(?!\p{Han}?[率数量])|\d(?!\d*(?:\.\d+)?(?:[至到—~-]\d+)?周?岁)|等(?!级)|通过|用于|正式|全部|先行|[须应]于")
_DIGIT = regex.compile(r"\d")
_FIGURE_RE = regex.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.]|年|月|日)(?:万|亿)?(?:%|[元个户人名所处座家条项场次公里米平方]{1,3})?")


@dataclass(frozen=True)
class Words:
    governing: regex.Pattern
    linking_tail: regex.Pattern
    linking: regex.Pattern
    linking_lead: regex.Pattern
    predicates: regex.Pattern
    prepositions: tuple[str, ...]
    nominal_heads: tuple[str, ...]
    time_heads: tuple[str, ...]
    leading_per: regex.Pattern
    nominal_verbs: frozenset[str]
    leading_re: regex.Pattern
    trailing: tuple[str, ...]
    what_adverbs: tuple[str, ...]
    generic_headers: frozenset[str]
    age_units: frozenset[str]
    beneficiary_units: frozenset[str]
    scope_nouns: frozenset[str]
    light_verbs: frozenset[str]
    verb_terms: tuple[str, ...]
    end_actions: frozenset[str]
    beneficiary_prepositions: tuple[str, ...]
    place_prepositions: tuple[str, ...]
    duration_action_prefixes: tuple[str, ...]
    lasting_actions: tuple[str, ...]
    funding_verbs: frozenset[str]
    document_words: frozenset[str]
    duration_units: frozenset[str]
    beneficiary_heads: tuple[str, ...]
    beneficiary_verbs: frozenset[str]
    leading_before_verbs: tuple[str, ...]
    heads_at_word_end: frozenset[str]
    leading_kept: tuple[str, ...]
    beneficiary_after: regex.Pattern
    trailing_alone: frozenset[str]
    period_words: frozenset[str]
    amount_object_verbs: tuple[str, ...]
    empty_whats: frozenset[str]
    payer_heads: tuple[str, ...]
    progress: regex.Pattern
    progress_tail: regex.Pattern


def _alt(words: list[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def _longest_first(words: list[str]) -> tuple[str, ...]:
    return tuple(sorted(set(words), key=len, reverse=True))


@cache
def lexicon() -> dict:
    """lexicon/meaning.yaml, loaded once."""
    return load_yaml("meaning.yaml")


@cache
def words() -> Words:
    lex = lexicon()
    return Words(
        governing=regex.compile(_alt(lex["governing_verbs"])),
        linking_tail=regex.compile(rf"(?:{_alt(lex['linking_verbs'])})$"),
        linking=regex.compile(_alt([v for v in lex["linking_verbs"] if len(v) > 1])),
        linking_lead=regex.compile(_alt(lex["change_verbs"])),
        predicates=regex.compile(_alt(lex["clause_verbs"])),
        prepositions=_longest_first(lex["prepositions"]),
        nominal_heads=_longest_first(lex["nominal_heads"]),
        time_heads=_longest_first(lex["time_heads"]),
        leading_per=regex.compile(rf"每(?:{_alt(lex['per_scope_words'])})(?=\p{{Han}}{{2}})"),
        nominal_verbs=frozenset(lex["nominal_verbs"]),
        leading_re=regex.compile(_alt(lex["leading_words"])),
        trailing=_longest_first(lex["trailing_words"]),
        what_adverbs=_longest_first(lex["what_adverbs"]),
        generic_headers=frozenset(lex["generic_headers"]),
        age_units=frozenset(lex["age_units"]),
        beneficiary_units=frozenset(lex["beneficiary_units"]),
        scope_nouns=frozenset(lex["scope_nouns"]),
        light_verbs=frozenset(lex["light_verbs"]),
        verb_terms=tuple(lex["verb_terms"]),
        end_actions=frozenset(lex["end_actions"]),
        beneficiary_prepositions=tuple(lex["beneficiary_prepositions"]),
        place_prepositions=tuple(lex["place_prepositions"]),
        duration_action_prefixes=tuple(lex["duration_action_prefixes"]),
        lasting_actions=_longest_first(lex["lasting_actions"]),
        funding_verbs=frozenset(lex["funding_verbs"]),
        document_words=frozenset(lex["document_words"]),
        duration_units=frozenset(lex["duration_units"]),
        beneficiary_heads=tuple(lex["beneficiary_heads"]),
        beneficiary_verbs=frozenset(lex["beneficiary_verbs"]),
        leading_before_verbs=tuple(lex["leading_before_verbs"]),
        heads_at_word_end=frozenset(lex["heads_at_word_end"]),
        leading_kept=tuple(lex["leading_kept"]),
        beneficiary_after=regex.compile(rf"[^\d,;。、]{{0,8}}?(?:{_alt(lex['beneficiary_heads'])})"),
        trailing_alone=frozenset(lex["trailing_alone"]),
        period_words=frozenset(lex["period_words"]),
        amount_object_verbs=tuple(lex["amount_object_verbs"]),
        empty_whats=frozenset(lex["empty_whats"]),
        payer_heads=tuple(lex["payer_heads"]),
        progress=regex.compile(rf"(?:{_alt(lex['progress_leads'])})*(?:{_alt(lex['progress_words'])})[近约共]?"),
        progress_tail=regex.compile(rf"(?:{_alt(lex['progress_leads'])})*(?:{_alt(lex['progress_words'])})[近约共]?$"),
    )


# --- trimming ---------------------------------------------------------------------------------


# a year or a date opening a phrase: 2025年|…, 10月底前|完工率, 年底前|…, 改造后|…
_LEADING_DATE_RE = regex.compile(
    r"^(?:(?:\d{4}|[一二〇○零三四五六七八九]{4})年(?:度|底前|内)?|\d{1,2}月(?:\d{1,2}日)?(?:底|末|中旬|上旬|下旬)?"
    r"(?:前|之前)?|年底前|年内|[^\d,。;]{0,6}后(?=[\p{Han}]{2}))"
)
# 居民出资比例|不低于改造费用的|10%: a percentage of a base names the base after a linking verb
_COMPARED_RE = regex.compile(r"(?:较|比)(?:上年|去年|同期|(?:19|20)\d{2}年)")
_FROM_FIGURE_RE = regex.compile(r"(?:从|由)[\d.]+(?:%|万|亿)?\p{Han}{0,2}$")
_TIME_ONLY_RE = regex.compile(r"(?:(?:19|20)\d{2}年(?:底|末|度|初)?|\p{Han}{0,4}期间|[年月日天周])")  # 月|人均增加30元
_HEADLINE_GAP_RE = regex.compile(r"(?<=\p{Han}) +(?=\p{Han})")
# a time frame opening a phrase: 施工期间|每条街路封闭时间, 采暖期间|室内温度
_LEADING_PERIOD_RE = regex.compile(r"\p{Han}{0,6}?期间(?=\p{Han}{2})")
_BASE_OF_RE = regex.compile(
    r"(?:(?:不低于|不少于|不超过|不高于|达到|占|为|按照?)[^,;。]*的|由[^,;。]*\d[^,;。]*|(?:比|较)上年[^,;。]*)$"
)


_LEADING_COUNT_RE = regex.compile(r"(?:\d+|[一二三四五六七八九十两]{1,3})(?:[件项]|个(?=项目|民生|实事))")
_PLACE_BEFORE_YEAR_RE = regex.compile(r"(\p{Han}{2,8}?)(?=(?:\d{4}|[一二〇○零三四五六七八九]{4})年)")


def _is_region(name: str) -> bool:
    from ..rules.regions import is_region  # the gazetteer, only for a name before a year

    return is_region(name)


def _strip_leading(s: str) -> str:
    w = words()
    changed = True
    while s and changed:
        changed = False
        lead = w.leading_re.match(s)
        if lead is not None and not s.startswith(w.leading_kept):  # 各|县区, but 各类救助资金
            s, changed = s[lead.end():], True
        year = _LEADING_DATE_RE.match(s) or _LEADING_PERIOD_RE.match(s)
        if year and len(s) > year.end():
            s, changed = s[year.end():], True
        place = _PLACE_BEFORE_YEAR_RE.match(s)
        if place is not None and _is_region(place.group(1)):  # 吕梁市|2019年农村户用卫生厕所改造
            s, changed = s[place.end(1):], True
        before_verb = next((x for x in w.leading_before_verbs if s.startswith(x)), None)
        if before_verb is not None and w.governing.fullmatch(s, len(before_verb)):
            s, changed = s[len(before_verb):], True  # 实际|加装: an action alone, not a name (实际接种人数)
        count = _LEADING_COUNT_RE.match(s)
        if count is not None and len(s) > count.end() + 1:  # 10件|民生实事计划总投资: the count is another figure
            s, changed = s[count.end():], True
        per = w.leading_per.match(s)
        if per is not None:  # 每天|开放时间, 每个|村卫生室业务用房面积: `每X` before the noun is scope
            s, changed = s[per.end():], True
    return s




# what a rate is per (每|个新增托位, 每|人每月): never a money word (每年|约需资金); up to six
# characters right before an amount, four elsewhere (每个次中心床位|达到100张)
_RATE_NOUN = r"(?:(?!资金|投资|经费|费用|补助|补贴|奖补|标准|约|需|给予|予以|发放|再)[^\d,;。、每]){1,%d}?"
PURE_RATE_RE = regex.compile(rf"(?:每{_RATE_NOUN % 6})+")


def _rate_tail(longest: int) -> regex.Pattern:
    """The rate words of an amount, written before it: 每座补助|3万元, 按照每公里|30万元, 户均|800元."""
    return regex.compile(
        rf"(?:(?:按照?|分别为|为)?(?:每{_RATE_NOUN % longest})+|[户人生村校站床]均)"
        r"(?:(?:最高|最多)?(?:补助|补贴|奖补|资助|发放|给予)?(?:最高|最多)?)$"
    )


_RATE_TAIL_RE, _RATE_TAIL_SHORT_RE = _rate_tail(6), _rate_tail(4)


PAYMENT_NOUNS = frozenset({"补助", "补贴", "津贴", "奖补", "资助", "奖励", "配套", "投入", "自筹", "救助"})
_PAID_RE = regex.compile(
    rf"(?:每{_RATE_NOUN % 9})+(?:[^\d,;。每]{{1,10}}?(?:财政|政府))?(?:最高|再)?((?:一次性\p{{Han}}{{0,4}}?)?(?:补助|补贴|奖补|资助|奖励))"
    rf"(?:最高|最多)?(?:不超过|不低于|不少于|不高于|约)?$"
)


def _strip_trailing(s: str, long_rates: bool = False) -> str:
    w = words()
    changed = True
    first = long_rates  # an amount's rate may name a longer unit (每个新增托位|1万元)
    while s and changed:
        changed = False
        m = (_RATE_TAIL_RE if first else _RATE_TAIL_SHORT_RE).search(s)
        first = False
        if m and m.start() > 0 and m.end() > m.start():
            s, changed = s[: m.start()], True
            continue
        m = w.linking_tail.search(s)
        if m and m.start() > 0:
            s, changed = s[: m.start()], True
            continue
        if s.endswith(w.trailing):  # one C call for the common case: no trailing word
            tail = next(t for t in w.trailing if s.endswith(t))
            if tail == s and tail in w.trailing_alone:
                break  # 首30分钟|免费: a word that ends an item may be all of it
            s, changed = s[: -len(tail)], True
    return s


def trim(s: str) -> str | None:
    """An item candidate without scope words at its start and figure words at its end."""
    compared = _COMPARED_RE.search(s)
    if compared is not None:  # 新增学位数|较2025年的3600个|增长35%: the comparison is no part of it
        if compared.start() < 2:
            return None
        s = s[: compared.start()]
    s = _FROM_FIGURE_RE.sub("", s.strip(" 、"))  # 农村自来水普及率|从98.6%|提高到99%: the old value goes
    s = _strip_trailing(_strip_leading(s))
    lead = words().linking_lead.match(s)
    if lead is not None and len(s) - lead.end() >= 3:  # not 提高部分 (the part raised)
        s = s[lead.end():]  # 提高|城乡居民基础养老金标准: a change verb opening the phrase is no part of the noun
    if words().governing.fullmatch(s) and s not in PAYMENT_NOUNS:
        return None  # 港北区|新建|5所: a verb alone names nothing (补贴 / 补助 are also nouns)
    s = s.strip(" 、《》")
    if s in words().document_words or s in words().period_words or _FIGURE_RE.fullmatch(s) or _TIME_ONLY_RE.fullmatch(s):
        return None  # 由每人每月920元、|760元|提高到…, 较|2021年|提高…, 培训|期间|每人每天50元: no noun
    return s if _HAN_RE.search(s) else None


# --- noun phrases -----------------------------------------------------------------------------


def _is_nominal(text: str, verb: regex.Match) -> bool:
    """A modifying verb directly before a nominal head is inside a noun: 危房改造|资金, 接种|率;
    安排|资金 is a verb and its object."""
    w = words()
    if text.startswith(("率", "度", "比例", "占比", "性"), verb.end()):
        return True  # 签约覆盖|率, 满意|度: an indicator is a noun whatever verb it is made of; 保障|性: an adjective
    if text.startswith(w.time_heads, verb.end()):
        return True  # 开放|时间, 开办|时间, 审批|时限: the time of an action is a noun whatever the verb
    if text.startswith(w.verb_terms, verb.start()):
        return True  # 城镇|新增就业|1.7万人: an indicator's name
    if verb.group() in w.beneficiary_verbs and w.beneficiary_after.match(text, verb.end()):
        return True  # 受益|农村人口, 受益|群众: who benefits, named by the verb (GUIDELINES: 受益人口)
    if verb.group() not in w.nominal_verbs or not text.startswith(w.nominal_heads, verb.end()):
        return False
    # 改造户|1200户 is a noun; 改造|户厕: a head that begins a longer word is no head
    head = next(h for h in w.nominal_heads if text.startswith(h, verb.end()))
    after = verb.end() + len(head)  # a word ends before another word (改造户|户均…) too
    return head not in w.heads_at_word_end or not _HAN_RE.match(text, after) or bool(w.leading_re.match(text, after))


def _before_payer(span: str) -> str:
    """入户管网|由受益农户按|每户200元: who pays follows 由, what is paid for stands before it."""
    by = span.rfind("由")
    return span[:by] if by > 1 and (trim(span[by + 1:]) or "").endswith(words().payer_heads) else span


def phrase_before(text: str, lo: int, pos: int, money: bool = False, people: bool = False,
                  limit: bool = False) -> str | None:
    """The noun phrase between the clause's governing verb and the figure at `pos`.

    The governing verb is the last verb of [lo, pos) that is followed by some phrase and is not
    itself inside a noun (完成|困难重度残疾人家庭无障碍改造|500户: 改造 has nothing after it).
    Before a linking verb (接种率|达到|90%) the phrase is the one before the linking verb. With
    `limit` (a time limit's figure) a time it bounds runs back to the clause start, like an indicator
    (不动产登记办理时限|不超过5个工作日).
    """
    w = words()
    span = text[lo:pos]
    if " " in span:  # 南充将办好8件民生实事 |计划总投资|18.7亿元: a blank between words ends a headline's half
        gap = max((m.end() for m in _HEADLINE_GAP_RE.finditer(text, lo, pos)), default=lo)
        span, lo = text[gap:pos], gap
    base = _BASE_OF_RE.search(span)
    if base and base.start() > 0:
        span = span[: base.start()]
        pos = lo + len(span)
    # 利州区58个|4320户: a figure before this one ends its phrase
    last = None
    for found in _FIGURE_RE.finditer(text, lo, pos):
        last = found
    if last is not None and last.end() > lo and _JOINED.match(text[last.end():pos]):
        # only a figure glued to this one or joined by 和 (…7项和|可选类项目23项); a figure inside an
        # indicator stays (城区公交站点500米覆盖率)
        lo = last.end()
        span = text[lo:pos]
    paid = _PAID_RE.search(span)
    if paid:
        # 新建公厕|每座补助|25万元: a noun phrase before the rate is what is paid for, else a thing the
        # rate counts (每个|城市书房|补助), else the payment word after the rate (每餐补贴|3元)
        rate = span[paid.start():paid.start(1)]
        # 每个站点|一次性建设补助: a payment named more closely than its bare word names it
        named = paid.group(1) if paid.group(1).removeprefix("一次性") not in PAYMENT_NOUNS else None
        return _topic(_before_payer(span[: paid.start()]) if money else span[: paid.start()]) or named or \
            rate_noun(rate) or paid.group(1)
    tail = _strip_trailing(span, long_rates=money)
    if money and tail.endswith(w.amount_object_verbs):
        return None  # 按1:1比例|承担|600万元: the amount is the verb's object, the thing paid is named before
    hi = lo + len(tail)
    by = tail.rfind("由")
    if money and by > 0 and _FUND_RE.search(tail, by + 1) and not any(
            not _is_nominal(text, v) for v in w.governing.finditer(text, lo + by + 1, hi)):
        # 项目所需资金由|中央财政居家和社区养老服务提升资金|300万元: the fund after 由 (its payer is the source)
        lo, tail = lo + by + 1, tail[by + 1:]
    elif money:
        tail = _before_payer(tail)
        hi = lo + len(tail)
    verbs = [m for m in w.governing.finditer(text, lo, hi, overlapped=False)]
    start = lo
    indicator = tail.endswith(("率", "满意度", "比例", "占比", "比重"))
    if indicator or (limit and tail.endswith(w.time_heads)):
        verbs = []  # 重点人群签约覆盖率, 不动产登记办理时限: an indicator's name runs back to the clause start
    for k in range(len(verbs) - 1, -1, -1):
        m = verbs[k]
        if m.end() < hi - 1 and not _is_nominal(text, m) and not _verbs_to_end(verbs, k, hi):
            # 硬化|路, 安置|房: one character more is a word; 提档|升级改造: a chain of verbs ending the
            # phrase is the work its noun undergoes (完成|农村公路提档升级改造|600公里)
            start = m.end()
            # 实施|既有住宅加装电梯|30部: after a light verb the rest is one nominalised action
            light = next((v for v in verbs[:k] if v.group() in w.light_verbs and v.end() < m.start()), None)
            if light is not None:
                start = light.end()
            break
    else:
        # no verb: a preposition opens an adverbial (在凉州城区) that is not the item
        if verbs and verbs[-1].end() >= hi and text.startswith(w.place_prepositions, lo + 2 * text.startswith("其中", lo)):
            return None  # (其中)在|苏北五市|新增|1.2万个: a place and the verb, its object elided
        for p in w.prepositions if text.startswith(w.prepositions, lo) else ():  # one C call when none
            if text.startswith(p, lo) and hi - lo > len(p) + 1:
                # 对|收托率|达到60%: an indicator after the preposition is the item; 为|农村义务教育
                # 学生|5.6万人: people after a beneficiary preposition are who is counted
                named = verbs or indicator or (people and p in w.beneficiary_prepositions)
                return trim(text[lo + len(p):hi]) if named else None
    return trim(text[start:hi])


def _verbs_to_end(verbs: list[regex.Match], k: int, hi: int) -> bool:
    """verbs[k] opens a chain of verbs that ends the phrase at `hi` with a work (改造, 建设), written
    after a noun that an earlier verb governs: 完成|农村公路提档|升级改造."""
    m = verbs[k]
    if k == 0 or verbs[k - 1].end() == m.start():
        return False
    pos = m.end()
    for v in verbs[k + 1:]:
        if v.start() != pos:
            return False
        pos = v.end()
    return pos == hi and verbs[-1].group() in words().end_actions


# 每个|城市书房, 每台|设备, 每所|幼儿园: a measure word and the thing a rate counts
_RATE_THING_RE = regex.compile(
    r"每[个台家所座处张套部辆条间项份]((?:(?!补助|补贴|奖补|资助|奖励|再|给予|一次性)[^\d\P{Han}每]){2,8}?)(?:一次性|再|最高|最多|按照?)?$"
)
# 每人|宫颈癌筛查|85元: a service paid per person (not 每人每月, 每户补助, 每人一次性)
_PER_PERSON_THING_RE = regex.compile(
    r"每[人户例名次]((?:(?!补助|补贴|奖补|资助|奖励|再|给予|一次性|资金|费用|标准|最高|最多|不超过|不低于|约)[^\d\P{Han}每]){2,8})$"
)


def rate_noun(rate: str, people: bool = False) -> str | None:
    """The thing a rate is per, when it names one after its measure word (每个托位一次性 -> 托位);
    with `people`, also a service paid per person written before the amount (每人|宫颈癌筛查)."""
    m = _RATE_THING_RE.search(rate) or (_PER_PERSON_THING_RE.search(rate) if people else None)
    return trim(m.group(1)) if m else None


def _topic(span: str) -> str | None:
    """The topic a rate is written after (市级财政对|新建公厕|每座补助…): the phrase without its
    payer and opening preposition; None when nothing is left (省级财政|每个补助…)."""
    from .source import strip_payer  # source builds on this module's words

    s = strip_payer(_strip_leading(span.strip(" 、"))) or ""
    s = next((s[len(p):] for p in words().prepositions if s.startswith(p)), s)
    topic = trim(s) if len(s) >= 2 else None
    if topic is None and 2 <= len(s) <= 6 and _ACTION_RE.fullmatch(s) and words().governing.search(s, max(0, len(s) - 3)):
        topic = s  # 改造|每座补助8万元, 乡镇新建|每座补助12万元: an action paid for per unit (GUIDELINES)
    if topic is None or topic.endswith(words().beneficiary_heads) or PLACES_PAID_RE.search(topic):
        return None  # …的县(市、区)|每户奖补: the places paid, not the thing paid for
    # 对80周岁以上老年人在助餐点就餐的|每餐补贴3元: people and what they do are who is paid, not what
    return None if any(h in topic for h in words().beneficiary_heads) and _DOING_RE.search(topic) else topic


_ACTION_RE = regex.compile(r"\p{Han}+")
PLACES_PAID_RE = regex.compile(r"的(?:县|市|区|乡镇|乡|镇|村|街道)(?:\([\p{Han}、]{1,5}\))?$")
_DOING_RE = regex.compile(r"[在到于](?=\p{Han})")
_FUND_RE = regex.compile(r"资金|公益金|债券|基金")
