"""Who pays: the payer of an amount (money `source`), as written.

A payer is one or more levels of government (`中央`, `省级`, `市、县两级财政`, `中央和自治区`), or
another payer (`社会资本`, `农户`), followed closely by a funding word or by the figure:
`省级财政安排补助资金2070万元` -> 省级财政; `中央1000万元` -> 中央; `中央水利发展资金` -> 中央;
`…由市、县区按照1:1比例分担` -> 市、县区 for every amount of that sentence without its own payer.
The words are data in lexicon/meaning.yaml.
"""

from __future__ import annotations

from functools import cache

import regex

from ..rules.regions import is_region, region_ending_at
from .clauses import clause_end, clause_start, sentence_start
from .grammar import _alt as alternation
from .grammar import lexicon


def _alt(words: list[str]) -> str:
    return f"(?:{alternation(words)})"


@cache
def _patterns() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern, regex.Pattern]:
    lex = lexicon()
    short = _alt(lex["payer_levels_short"])
    suffix = _alt(lex["payer_suffixes"])
    bracket = r"(?:\([\p{Han}、]{1,5}\)(?:区|市)?)?"  # 县(区), 县(市、区), 县(市)区, 镇(街道)
    by_verbs = _alt(lex["by_verbs"])
    # a level that is also a place (乡镇新建|每座补助…: where, not who) pays only before its 财政 or a funding word
    funding = _alt(lex["funding_words"])
    amount = r"[\d.]+(?:万|亿)?元"
    scoped = rf"{_alt(lex['payer_levels_scoped'])}(?={suffix}|{funding}|[、和及与按各]|共同)"
    # a town level is named with its alternative (镇(街道)配套, 街道(镇)640万元); a town alone is a place
    town = (rf"{_alt(lex['payer_levels_town'])}(?:\([\p{{Han}}、]{{1,5}}\)(?={suffix}|{funding}|[、和及与按]|共同|{amount}|$)"
            rf"|(?=承担|负担|分担|配套|出资|自筹))")  # 街道承担1元: a town alone pays before its share verb
    level = (rf"(?:{_alt(lex['payer_levels'])}{bracket}|{scoped}|{town}|"
             rf"{short}{bracket}(?=级|本级|{suffix}|[、和及与]|两级|三级|四级|五级|{by_verbs})|"
             rf"{short}\([\p{{Han}}、]{{1,5}}\)(?={amount}|$))")  # 县(市、区)800万元: a level, not a place
    # the last of a list of levels may end before its share verb: 由省、市|按6:4比例分担
    last = rf"(?:{level}|{short}{bracket}(?=按|共同|各|分担|承担|负担))"
    # 中央、省、市、县四级财政; 省级财政和市级财政 (each level with its own 财政)
    joined = rf"{level}(?:{suffix}?[、和及与]{last})*(?:两级|三级|四级|五级)?(?:本级)?{suffix}?"
    # a payer that is not a level stands at a clause start or after 由/和/其中 (not 困难|群众)
    named = _alt(lex["payer_others"])
    partners = _alt(lex["payer_partners"])
    intro = _alt(lex["payer_intro_verbs"])  # 引入|社会资本0.8亿元
    others = rf"(?:(?<=^|[^\p{{Han}}]|[由和及与中余]|{intro})(?:{partners}[、和及与])?{named}(?:[、和及与](?:{named}|{partners}))*)"
    payer = rf"(?:{joined}(?:(?:专项)?{named})?|{others})"  # 中央(专项)福彩公益金: a level and a named fund
    # not a payer: 对每个县级|儿童之家 (a rate's object), 城市 / 市场 (a level inside a word), 新建|县级|失能照护中心
    # (a level naming what is built)
    before = regex.compile(
        # not 个人|贷款 (a loan the payer gets), 市政府|第32次常务会议 (an ordinal, no amount)
        rf"(?<![每对个城都超全各该此跨]|新建|改建|扩建|建设|改造|建成)(?P<p>{payer})(?!(?:政府|财政)?(?:贷款|第\d))"
        rf"(?=\p{{Han}}{{0,8}}?{funding}|\p{{Han}}{{0,8}}?[\d约共]|对每|"
        rf"[\p{{Han}}、]{{0,24}}?(?:资金|投资|基金)(?=[\d约]))"  # 省级|义务教育薄弱环节改善与能力提升补助资金1500万元
    )
    # 由市级财政统筹解决; not 由自治区财政承担60% (payers splitting by percentages pay no one amount)
    # a payer that is no level is named by its head (由市场经营主体|自筹)
    headed = rf"\p{{Han}}{{0,6}}?{_alt(lex['payer_heads'])}"
    # 通过(申报)地方政府专项债券解决: the payer of a fund the amount is raised through
    through = rf"通过(?:{_alt(lex['through_verbs'])})?"
    rest = _alt(lex["remainder_words"])
    by = regex.compile(
        rf"(?<!{rest})(?:由|{through}(?={payer}))(?P<p>各?{payer}|{headed})"
        rf"(?:全额|统筹|共同|足额|按比例)?[^,;。]{{0,12}}?{by_verbs}(?![\d.]+%|[\d.]+(?:万|亿)?元)"
    )
    lead = regex.compile(rf"^{payer}")
    # 供热企业自筹15000万元: a payer named by its head, the subject of a verb only a payer has
    # 供水、燃气、电力、通信等专营单位|出资; 其中燃气企业|0.7亿元 (an organisation before its share)
    listed = r"(?:\p{Han}{1,6}[、和])*\p{Han}{0,6}?(?:等)?"
    bodies = _alt(lex["payer_bodies"])
    raising = regex.compile(rf"(?<=^|[^\p{{Han}}])(?:其中)?(?P<p>{headed}|{listed}\p{{Han}}{{0,4}}?{bodies})"
                            rf"(?={_alt(lex['raising_verbs'])}|(?<={bodies})[\d.]+(?:万|亿)?元)")
    return before, by, lead, raising


# payers are looked for within this many characters of the amount (the corpus's widest search: 453
# characters; a payer at most 119 from its amount): searching from a sentence's start for each of its
# figures was quadratic in a sentence of thousands of them
_PAYER_WINDOW = 1000


def payer_in(text: str, lo: int, pos: int) -> str | None:
    """The last payer written in [lo, pos)."""
    # the lookahead may see the figure itself (市级财政|170万元): search a little past `pos`
    start = max(lo, pos - _PAYER_WINDOW)
    found = [m for m in _patterns()[0].finditer(text, start, min(len(text), pos + 12)) if m.end("p") <= pos]
    if not found:
        return _subject_payer(text, lo, pos)
    m = found[-1]
    # 市级|财政对新建…每个补助: the lookahead saw 财政 as the funding word; the payer is 市级财政
    tail = next((x for x in lexicon()["payer_suffixes"] if text.startswith(x, m.end("p"))), "")
    payer = m.group("p") + tail if m.end("p") + len(tail) <= pos else m.group("p")
    # 宣州|区政府: a level word that ends a region's name is that region's government
    start = region_ending_at(text, m.start("p") + 1, lo)
    named = start is not None and m.start("p") - start >= 2  # not 和|县级 (和县 is a county)
    return text[start:m.start("p")] + payer if named else payer


def _subject_payer(text: str, lo: int, pos: int) -> str | None:
    """A payer that is the subject of its clause: before `对` / `按` (市本级|对新建幼儿园按照每平方米
    1800元…, 省级|对…每处补助) or named by its head before a verb only a payer has (供热企业|自筹)."""
    _, _, lead, raising = _patterns()
    m = raising.match(text, lo, min(len(text), pos + 16))  # the lookahead may see the amount itself
    if m is not None and m.end("p") <= pos:
        return m.group("p")
    m = lead.match(text[lo:pos])
    return m.group() if m is not None and text[lo + m.end():lo + m.end() + 1] in ("对", "按") else None


def payer_by(text: str, lo: int, hi: int, mine: int = -1) -> str | None:
    """`由X承担` in [lo, hi): X pays; with `mine` (the end of the amount asking), not a 由X written
    right after a remainder (其余800万元|由区级财政承担: the remainder's payer, not the sentence's)."""
    near = mine if mine >= 0 else hi  # searched near the amount (a sentence's start to each: quadratic)
    m = _patterns()[1].search(text, max(lo, near - _PAYER_WINDOW), min(hi, near + _PAYER_WINDOW))
    if m is not None and mine >= 0 and m.start() != mine and text[m.start() - 1:m.start()] == "元" \
            and _rest_re().search(text, clause_start(text, m.start()), m.start()):
        return None
    if m is None or _patterns()[0].search(text, m.end("p"), clause_end(text, m.end("p"), ",;。\n")):
        return None  # 由省级补助资金和市财政资金共同承担: funds of several payers, no one payer
    return m.group("p")


def next_clause_end(text: str, end: int) -> int:
    """The end of the clause of an amount, or of the next clause when that one opens with 由 (共需资金
    560万元,|由区财政全额承担): who pays it is said there."""
    hi = clause_end(text, end, ",;。\n")
    if text.startswith((",由", ",全部由", ",全额由", ",均由"), hi):  # 9200万元,|全部由区级财政承担
        hi = clause_end(text, hi + 1, ",;。\n")
    return hi


@cache
def _rest_re() -> regex.Pattern:
    return regex.compile(_alt(lexicon()["remainder_words"]))


_TOTAL_RE = regex.compile(r"总投资|总额|共需|所需|合计|共计|总计|预计|估算|概算|约$")


# 从就业补助资金中|列支1200万元: the fund an amount is drawn from pays it
DRAWN_FROM_RE = regex.compile(r"从([^,;。从]{2,24}?)中?(?:列支|支出|安排|统筹解决|解决)$")


def source_at(text: str, clause_lo: int, fig: int, end: int) -> str | None:
    """The payer of the amount whose figure starts at `fig`: in its clause, then `由X承担` in its
    sentence, then the last payer earlier in its sentence."""
    drawn = DRAWN_FROM_RE.search(text, clause_lo, fig)
    if drawn is not None:
        return drawn.group(1)
    s_lo = sentence_start(text, fig)
    s_hi = text.find("。", end)
    s_hi = len(text) if s_hi < 0 else s_hi
    nl = text.find("\n", end)
    if 0 <= nl < s_hi:
        s_hi = nl
    own = payer_in(text, clause_lo, fig)
    if own or _TOTAL_RE.search(text, clause_lo, fig):
        # 项目总投资约5800万元: a total is paid by the payers its own clause names (所需资金102万元由
        # 市级财政承担), not by the payer of one of its shares
        return own or payer_by(text, end, next_clause_end(text, end)) or _rate_payer(text, s_lo, clause_lo)
    return payer_by(text, s_lo, s_hi, end) or payer_in(text, s_lo, clause_lo) or _colon_subject(text, s_lo)


def _colon_subject(text: str, s_lo: int) -> str | None:
    """A list after a colon whose items end with `;` (市级按建设类型实行以奖代补:A、B;|C、D): the payer
    that is the subject before the colon pays every item up to the full stop."""
    line = text.rfind("\n", 0, s_lo)
    start = max(line, text.rfind("。", line + 1, s_lo)) + 1
    colon = text.rfind(":", start, s_lo)
    return _subject_payer(text, start, colon) if colon > start and s_lo > start else None


def _rate_payer(text: str, lo: int, hi: int) -> str | None:
    """The payer of a rate written before a total in its sentence: the total is what the rate comes to
    (省级财政按每个助餐点3万元给予补助,|共计3600万元; 县财政每处补助8万元,|共需资金320万元); not when the
    sentence splits an amount among payers (其中)."""
    lo = max(lo, hi - _PAYER_WINDOW)
    head = text[lo:hi]
    if "每" not in head or "其中" in head:
        return None
    return payer_by(text, lo, hi) or payer_in(text, lo, hi)


def strip_payer(item: str | None) -> str | None:
    """`中央资金` -> `资金`: a payer at the start of an item is the source, not the item."""
    if not item or item == "财政":
        return None
    if item.startswith("财政") and len(item) > 2:
        item = item[2:]  # 市级|财政配套: the level went as a scope word, its 财政 with it
    raised = _patterns()[3].match(item)
    if raised is not None and item[raised.end():] in lexicon()["raising_verbs"]:
        return item[raised.end():]  # 供热企业|自筹: the payer goes, its verb is the item
    m = _patterns()[2].match(item)
    if m is None:  # 宣州区政府|投入: a region's government pays
        cut = next((i for i in range(3, min(len(item), 9) + 1) if is_region(item[:i])), None)
        rest = _patterns()[2].match(item[cut - 1:]) if cut is not None else None
        paid = rest is not None and rest.group().endswith(("政府", "财政"))  # not 民勤县、古浪县…
        return (item[cut - 1 + rest.end():] or None) if paid else item
    return item[m.end():] or None  # 其中中央|1000万元: a payer alone names no item


def split_payer(phrase: str) -> tuple[str | None, str | None]:
    """(payer, rest) of a phrase opening with a payer: `省级财政补助` -> (省级财政, 补助), `地方政府专项
    债券` -> (地方政府, 专项债券); (None, phrase) when it opens with none."""
    m = _patterns()[2].match(phrase)
    if m is None:
        return None, phrase
    return m.group(), phrase[m.end():] or None


def header_payer(header: str | None) -> str | None:
    """The payer a table's payer column names: `中央财政(万元)` -> 中央财政, `省级补助资金` -> 省级,
    `市县配套资金` -> 市县; a header with no payer phrase at its start stays as it is."""
    if not header:
        return None
    header = _QIZHONG_LEAD.sub("", header)  # 其中:省级补助 -> 省级
    m = _patterns()[2].match(header)
    if m is None:  # 床位建设|市级|补助: a level inside the header names the payer
        m = _levels_inside().search(header)
    return m.group() if m else header


@cache
def _levels_inside() -> regex.Pattern:
    """A payer level of two characters or more (市级, 县区) written inside a header, after a word."""
    return regex.compile(rf"(?<=\p{{Han}}{{2}}){_alt([w for w in lexicon()['payer_levels'] if len(w) >= 2])}")


_QIZHONG_LEAD = regex.compile(r"^其中[:、]?")


_AFTER_FIGURE_LIST = regex.compile(r"(?<=[\d%])、")
_SHARE_VERBS = frozenset({"承担", "负担", "分担", "补助", "配套", "出资", "解决", "安排"})


def is_payer_share(clause: str) -> bool:
    """`由自治区财政承担|60%`, `其中省级补助|70%`, `市、县财政各承担|25%`: a clause that is only a payer
    and its share verb before a percentage (the payer pays that share of the sentence's total)."""
    s = _AFTER_FIGURE_LIST.split(clause)[-1].strip(" 、")  # …承担60%、|市县财政承担
    for lead in ("其中", "由"):
        if s.startswith(lead):
            s = s[len(lead):]
    m = _patterns()[2].match(s)
    if not m:
        return False
    rest = s[m.end():].lstrip("各再按")
    return rest in _SHARE_VERBS


_PERCENT_PIECES = regex.compile(r"、|[\d.]+%")


def payer_percent(text: str, fig: int) -> str | None:
    """`所需资金按市级60%、县区40%的比例承担`, `按照中央50%、省级30%、市县20%的比例筹措`: the percentage at
    `fig` is a payer's share of a list after 按; the subject written before 按 (`所需资金`, '' when the
    clause opens with 按); None when the percentage is no such share."""
    lo = sentence_start(text, fig)
    k = text.rfind("按", lo, fig)
    if k < 0:
        return None
    pieces = _PERCENT_PIECES.split(text[k + 1:fig].removeprefix("照"))
    lead = _patterns()[2]
    if not pieces[-1] or any(p and lead.fullmatch(p) is None for p in pieces):
        return None
    return text[clause_start(text, k):k]

