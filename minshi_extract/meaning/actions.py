"""What is due by a deadline (`what`): the verb phrase of the date's clause (gold/GUIDELINES.md
"What a figure counts": 11月底前|全面完成为民实事, 项目于10月底前|完工, 完成项目建设,时间为11月底前)."""

from __future__ import annotations

import regex

from .clauses import clause_end, clause_start
from .grammar import _HAN_RE, _is_nominal, words

_ACTION_STOPS = ",;。!?\n"
_TIME_PREP_END = regex.compile(r"(?:于|在|截至|到)$")
_NEXT_DATE = regex.compile(r"、(?=(?:\d{4}年)?\d{1,2}(?:月|日)|[一二三四]季度|年底|年内)")
_LISTED_DATES = regex.compile(
    r"(?:、(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日)?(?:底|末|中旬|上旬|下旬|初)?(?:前|之前)?)*[ ,]?")
_MODAL_START = regex.compile(r"^(?:要|须|需|应|必须|将(?=全面|基本|全部|如期|按时|完成))")

def action_after(text: str, pos: int) -> str | None:
    """The verb phrase after a date: 11月底前|全面完成为民实事; 12月10日前,|市财政局|拨付资金.

    Skips a comma right after the date and a subject written before the first verb; keeps an
    adverb directly before that verb (全面, 基本)."""
    w = words()
    i = pos
    while i < len(text) and text[i] in " ,:前之":
        i += 1
    # 分别于6月底前、|12月底前|报送…: the dates listed with this one share its action
    listed = _LISTED_DATES.match(text, i)
    if listed and listed.end() > i:
        i = listed.end()
    # an action runs over lists and brackets: 完成施工、监理招投标…; 各县(市)完成…
    end = clause_end(text, i, _ACTION_STOPS)
    # 11月30日前基本完成、|12月底前全面完成: the next date opens the next deadline's action
    nxt = _NEXT_DATE.search(text, i, end)
    end = nxt.start() if nxt and nxt.start() > i else end  # 6月底、11月底开展…: one action, two dates
    if end <= i:
        return None
    clause = text[i:end]
    # the first verb that is not inside a noun (将|改造任务|分解到村: 改造 modifies 任务)
    m = next((v for v in w.governing.finditer(clause) if not _is_nominal(clause, v)), None)
    if m is None:
        return _clean_what(clause)
    start = m.start()
    head = clause[:start]
    jiang = head.rfind("将")
    if jiang >= 0 and head[jiang + 1:] not in ("", *w.what_adverbs):
        start = jiang  # 各县区将|工作总结报…: a 将 construction keeps 将 and its object
    elif jiang < 0 and not _SUBJECT_RE.search(head):
        start = 0  # 足额|发放到位, 按新标准|发放: not a subject, part of the action
    else:
        for adv in w.what_adverbs:
            if clause.endswith(adv, 0, start):
                start -= len(adv)
                break
    return _clean_what(clause[start:])


def action_before(text: str, pos: int) -> str | None:
    """A date that ends its clause (项目于10月底前完工 has 完工 after; 完成项目建设,时间为11月底前
    has none): the verb phrase of the clause before it."""
    lo = clause_start(text, pos)
    own = text[lo:pos]
    m = words().governing.search(own)
    if m is not None:
        return _clean_what(_TIME_PREP_END.sub("", own[m.start():]))
    if lo <= 1:
        return None
    prev_lo = clause_start(text, lo - 1)
    prev = text[prev_lo:lo - 1]
    m = words().governing.search(prev)
    return _clean_what(prev[m.start():]) if m else None


# a subject before the verb (市财政局, 各县(市、区), 所有项目, 施工单位, 开工率): dropped from `what`,
# with the adverbs between it and the verb kept (主体工程|全面完工)
_SUBJECT_RE = regex.compile(
    r"(?:局|委|厅|办|政府|人民政府|县|区|市|镇|乡|街道|单位|部门|中心|公司|学校|医院|机构|项目|工程|各地|率|\))"
    r"(?:全面|基本|全部|如期|按时|按期|确保|力争|陆续|逐步|率先)?$"
)


def _clean_what(s: str) -> str | None:
    s = s.strip(" ,、")
    while s.endswith(")") and s.count(")") > s.count("("):
        s = s[:-1].rstrip(" ,、")  # (10月底前完成): the bracket the date stood in closes the action
    s = _MODAL_START.sub("", s)
    return s if _HAN_RE.search(s) and len(s) >= 2 else None
