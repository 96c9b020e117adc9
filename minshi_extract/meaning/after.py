"""What follows a figure: the noun after its measure word (为1.2万名|适龄女童|接种), the payment a
标准 / 给予 frame after an amount names (…的标准给予|运营补贴), the fund a 标准安排 frame names, and
the payment a giving verb of the clause before gives (为4.3万名学生提供|营养膳食补助,每生每天5元)."""

from __future__ import annotations

from functools import cache

import regex

from .clauses import HARD_STOPS as _HARD_STOPS
from .clauses import clause_end
from .grammar import (
    _DIGIT,
    _HAN_RE,
    _HEADLINE_GAP_RE,
    _PHRASE_CUT,
    _RANGE_REST,
    PAYMENT_NOUNS,
    _is_nominal,
    trim,
    words,
)

# 每人每月200元|的标准给予|运营补贴: the thing paid is the object after the frame
_FRAME_RE = regex.compile(r"(?:的)?标准(?:给予|予以|发放|补助|奖补|进行)?")
_GIVEN_RE = regex.compile(r"(?:的)?(?:给予|予以|发放)")
_OF_PAYMENT_RE = regex.compile(r"的(\p{Han}{0,8}?(?:补助|补贴|奖补|资助|奖励|救助|津贴))(?![\p{Han}])")
_GIVING_RE = regex.compile(r"给予|予以|发放|补助|奖补|补贴|核定")  # …标准核定|体检费用
_FUNDED_RE = regex.compile(r"(?:的)?标准安排")


# a 、 that opens the next figure's phrase: a list of figures, not of nouns
_FIGURE_NEXT_RE = regex.compile(r"、(?=[^\d,;。:、每]{0,10}\d)")
# the rest of an age range and more ages after it: 80周岁|至89周岁、90周岁至99周岁、100周岁以上的|老年人
_AGE_RUN_RE = regex.compile(
    r"(?:(?:至|到|—|–|-|~)\d+周?岁)?(?:及以上|以上|以下)?"
    r"(?:、\d+周?岁(?:(?:至|到|—|–|-|~)\d+周?岁)?(?:及以上|以上|以下)?)*(?:的)?"
)


def phrase_after(text: str, end: int, hi: int) -> str | None:
    """The noun phrase after a figure's measure word, up to the next verb or clause end:
    为1.2万名|适龄女童|接种, 建设3个|社区食堂; after a 标准 frame, its object (…的标准给予|运营补贴)."""
    w = words()
    # a list of nouns runs over 、 (3.2万名|城乡低保对象、特困人员|代缴); a list of figures does not
    # (食堂3个|、助餐点5个), nor ages in a row (80周岁至89周岁|、90周岁…|老年人: skipped to the noun)
    age = _AGE_END.search(text, max(0, end - 6), end) is not None
    if text[end - 1:end] == "岁":
        end = _AGE_RUN_RE.match(text, end, min(hi, end + 40)).end()  # always matches (maybe empty)
    if text.startswith("、", end):
        return None
    # an age takes the noun right after it (65周岁以上|老年人|、低保和特困老年人)
    far = min(clause_end(text, end, _HARD_STOPS), hi, end + _LONG_PHRASE)
    stop = min(far, end + _PHRASE)
    figure_next = _FIGURE_NEXT_RE.search(text, end, far)  # 9个|班|、用地面积不少于5400平方米
    if figure_next is not None:
        far = figure_next.start()
        stop = min(stop, far)
    if _FRAME_RE.match(text, end, stop) is not None or _GIVEN_RE.match(text, end, stop) is not None:
        return paid_after(text, end, hi) or "标准"
    if far > stop and not any(_verb_in(v, text, end, stop) for v in (w.governing, w.linking, w.predicates)):
        # a long noun phrase whose verb comes later (1500户|分散供养特困人员、低保和低保边缘家庭中的高龄、
        # 失能、残疾老年人家庭|实施…)
        late = [m.start() for v in (w.governing, w.linking, w.predicates) if (m := _verb_in(v, text, stop, far))]
        stop = min(late, default=stop)
    for verbs in (w.governing, w.linking, w.predicates):
        # 3项|实施方案: a verb inside a noun (实施|方案) does not end the phrase; nor does a payment
        # word that ends the clause (每人1万元|一次性救助)
        m = next((v for v in verbs.finditer(text, end, stop) if not _is_nominal(text, v)
                  and not (v.group() in PAYMENT_NOUNS and not _HAN_RE.search(text, v.end(), stop))
                  and not (v.group() in w.end_actions and v.start() > end and not _HAN_RE.search(text, v.end(), stop)
                           and not any(h in text[end:v.start()] for h in w.beneficiary_heads))),
                 None)  # 155户|困难重度残疾人家庭无障碍改造: a work on things that ends the clause names it
        if m is not None and m.start() > end:
            stop = m.start()
        elif m is not None:
            return None  # 1000人|培训: a verb right after the figure, no noun
    # 90周岁|至99周岁|老年人: the rest of a range; 以上 and the like belong to the figure
    s = _RANGE_REST.sub("", text[end:stop])
    if " " in s:  # 8件民生实事| 计划总投资…: a blank between words ends a headline's half
        gap = _HEADLINE_GAP_RE.search(s)
        s = s[: gap.start()] if gap else s
    if age:  # 65周岁以上|老年人|和低保、特困老年人: the first noun up to its head; 60周岁以上|低保、特困老年人
        s = next((s[:m.start()] for m in _AGE_LIST_CUT.finditer(s) if _ends_in_head(s[:m.start()])), s)
    # a digit ends the phrase, except an age inside it (1万名|65岁以上老年人)
    cut = _PHRASE_CUT.search(s)
    if cut and not (cut.group() in "和及" and _ends_in_head(s) and not _DIGIT.search(s)) and not _describes(s, cut):
        # 脱贫人口和监测对象, 经济困难的高龄、失能老年人: nouns joined by 和, or modified with 的, up to their
        # head are one phrase
        s = s[: cut.start()]
    doc = next((d for d in _DOCUMENT_WORDS() if s.endswith(d)), None)
    at = text.find(s, end, stop + 1) if doc is not None else -1
    if at >= 0 and w.predicates.match(text, at + len(s)):
        # 3个|市级民生实事实施方案|印发给你们: the plans a sentence hands out are what it counts (a title's
        # …改造560公里|实施方案 counts roads: no verb after it)
        return (trim(s[: -len(doc)]) or "") + doc
    return trim(s)


def _describes(s: str, cut: regex.Match) -> bool:
    """经济困难的|高龄、失能老年人: a description before 的 (no noun at its end) of the people after it."""
    heads = words().beneficiary_heads
    pre, post = s[: cut.start()], s[cut.end():]
    return (cut.group() == "的" and len(pre) >= 2 and len(post) >= 2 and post.endswith(heads) and not post.startswith("标准")
            and not pre.endswith(heads) and not _DIGIT.search(s))


@cache
def _DOCUMENT_WORDS() -> tuple[str, ...]:
    return tuple(sorted(words().document_words, key=len, reverse=True))


_AGE_LIST_CUT = regex.compile(r"[、和及与]")
_AGE_END = regex.compile(r"岁(?:及以上|以上|以下)?$")
_PHRASE = 24  # characters after a figure where its noun phrase ends, as a rule
_LONG_PHRASE = 40  # ... and where a long one may still end, at a verb


def _verb_in(verbs: regex.Pattern, text: str, lo: int, hi: int) -> regex.Match | None:
    return next((v for v in verbs.finditer(text, lo, hi) if not _is_nominal(text, v)), None)


def _ends_in_head(s: str) -> bool:
    w = words()
    return s.endswith(w.beneficiary_heads) or s.endswith(w.nominal_heads)


def paid_after(text: str, end: int, hi: int) -> str | None:
    """What a 标准 / 给予 frame after an amount says is paid (…的标准给予|运营补贴, 5万元给予|一次性建设
    补助); None without such a frame or when it names nothing (按每人95元|标准)."""
    stop = min(clause_end(text, end), hi, end + 24)
    frame = _FRAME_RE.match(text, end, stop)
    if frame is not None and frame.end() == stop < hi and text[stop] == "," and _GIVING_RE.match(text, stop + 1):
        stop = min(clause_end(text, stop + 1), hi, stop + 25)  # …的标准,|给予项目人员个人生活补贴
    if frame is not None:
        word = text[frame.end():stop] if frame.end() < stop else text[frame.start():stop].lstrip("的标准")
        if word in PAYMENT_NOUNS:
            return word  # 按照每人120元的标准|补助, …的标准|配套: the payment word names it
        if text.startswith("安排", frame.end()):
            return None  # …的标准|安排X: a fund, weaker (funded_after)
        giving = _GIVING_RE.search(text, frame.start(), stop) if frame.end() < stop else None
        if giving is None:
            return None  # …的标准|测算: a frame that gives nothing names nothing paid
        # …的标准对普惠托位给予|运营补贴: the object after the giving verb; …的标准按月发放: none
        rest = text[max(frame.end(), giving.end()):min(clause_end(text, giving.end()), hi, giving.end() + 12)]
        return _object(rest) if rest else None
    given = _GIVEN_RE.match(text, end, stop)
    if given is not None and given.end() < stop:  # 每个每年5万元|给予|运营补贴: what is given
        return trim(text[given.end():stop])
    of = _OF_PAYMENT_RE.match(text, end, stop)  # 每家给予不超过50万元|的改造补助: the payment it is
    return trim(of.group(1)) if of is not None else None


def funded_after(text: str, end: int, hi: int) -> str | None:
    """The fund a 标准安排 frame after an amount names (按每人150元的标准安排|体检经费): weaker than a
    给予X, it names what is paid only when nothing before the rate does."""
    stop = min(clause_end(text, end), hi, end + 24)
    m = _FUNDED_RE.match(text, end, stop)
    return _object(text[m.end():stop]) if m is not None and m.end() < stop else None


def object_of(text: str, lo: int, hi: int) -> str | None:
    """The payment the last governing verb of [lo, hi) gives, up to a figure: 为4.3万名学生提供|营养膳食补助
    (a rate written in the next clause pays it); None when its object is no payment."""
    last = None
    for v in words().governing.finditer(text, lo, hi):
        if v.end() < hi and v.group() not in PAYMENT_NOUNS and not _is_nominal(text, v):
            last = v
    if last is None:
        return None
    s = text[last.end():hi]
    digit = _DIGIT.search(s)
    obj = trim(s[: digit.start()] if digit else s)
    return obj if obj and obj.endswith(tuple(PAYMENT_NOUNS)) else None


def _object(s: str) -> str | None:
    """The thing paid in a 标准 frame's tail: …的标准|对普惠托位给予|运营补贴, …标准补助|设备购置资金|3600万元,
    …标准为|实施复明手术的…患者|予以补助 (a recipient after 为 when nothing else is named)."""
    given = max(_GIVEN_RE.finditer(s), key=lambda m: m.start(), default=None)  # the last one
    if given is not None and given.end() < len(s):
        s = s[given.end():]
    elif given is not None:
        s = s[: given.start()]
    s = next((s[len(p):] for p in words().prepositions if s.startswith(p)), s)
    digit = _DIGIT.search(s)
    s = s[: digit.start()] if digit else s
    # 给予|项目人员|个人生活补贴: the people given it, then the payment given
    cut = max((s.rfind(h) + len(h) for h in words().beneficiary_heads if h in s), default=0)
    if 0 < cut <= len(s) - 2 and s.endswith(tuple(PAYMENT_NOUNS)):
        s = s[cut:]
    return trim(s)
