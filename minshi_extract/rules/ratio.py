"""Ratios: a split written `5:3:2` with its parties (RECORDS.md §3 ratio).

`省、市、县按照5:3:2` -> shares [5, 3, 2], parties [省, 市, 县];
`省、市、县三级财政按照5:2:3的比例` too; `由市、区县财政按5:5比例分担` -> [市, 区县].
The normaliser turns ∶ and ： into `:`; they are accepted here as well.
"""

from __future__ import annotations

import regex

from minshi_extract.models import Ratio
from minshi_extract.rules.context import Context
from minshi_extract.rules.numbers import parse_number, to_number
from minshi_extract.rules.quantity import qualifier_lexicon


def _alternation(words: list[str]) -> str:
    return "(?:" + "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w))) + ")"


_PART = r"\d+(?:\.\d+)?"
# 5:3:2 / 5∶2∶3 / 5:5 ; not inside a longer digit run or a time of day after a date
RATIO_RE = regex.compile(rf"(?<![\d.:-])(?P<r>{_PART}(?: ?[:∶：] ?{_PART})+)(?![\d:∶：])")
# a two-part ratio needs a ratio word nearby (5:5比例, 按照1:1), so 17:01 (a time) is not one
_RATIO_WORD_BEFORE = regex.compile(r"(?:按照|按|比例为|比例|比为|以)\s*$")
_RATIO_WORD_AFTER = regex.compile(r"^\s*(?:的)?(?:比例|配套|分担|承担)")
_TIME_BEFORE = regex.compile(r"\d{4}-\d{1,2}-\d{1,2}\s*$")
_PARTY = _alternation(qualifier_lexicon()["ratio_parties"])
# 省、市、县 [三级] [财政] [按照] right before the ratio; 由 may precede the list
_PARTIES_RE = regex.compile(
    rf"(?P<list>{_PARTY}(?:、{_PARTY})+)(?:[两二三四五]级)?(?:政府|财政)?(?:共同)?"
    rf"(?:按照|按|以)?(?:的?比例)?(?:为)?\s*$"
)


# a staffing ratio: 保育人员与婴幼儿比例:乳儿班不低于1:3,托小班不低于1:5 -> the ratio word stands
# earlier in the same sentence; `X与Y(的)比例` names the two parties
_STAFFING_RE = regex.compile(r"(?:(?P<a>\p{Han}{1,8}?)与(?P<b>\p{Han}{1,8}?)(?:的)?)?(?:比例|配比)[^。;；\n]{0,40}$")


_COLON_SPLIT = regex.compile(r" ?[:∶：] ?")


def parties_before(text: str, pos: int) -> list[str]:
    """The parties written right before a ratio: `省、市、县按照` -> [省, 市, 县]."""
    m = _PARTIES_RE.search(text[max(0, pos - 30):pos])
    if not m:
        return []
    return m.group("list").split("、")


def find_ratios(text: str, base: int, ctx: Context) -> list[Ratio]:
    """Ratio records of one line/paragraph `text` that starts at offset `base`."""
    out: list[Ratio] = []
    for m in RATIO_RE.finditer(text):
        raw = m.group("r")
        parts = _COLON_SPLIT.split(raw)
        before, after = text[max(0, m.start() - 12):m.start()], text[m.end():m.end() + 6]
        if _TIME_BEFORE.search(before):
            continue  # 2025-03-13 17:01
        parties = parties_before(text, m.start())
        if len(parts) == 2 and not (
            parties
            or _RATIO_WORD_BEFORE.search(before)
            or _RATIO_WORD_AFTER.search(after)
        ):
            staffing = _STAFFING_RE.search(text[max(0, m.start() - 60):m.start()])
            if staffing is None:
                continue
            if staffing.group("a"):
                parties = [staffing.group("a"), staffing.group("b")]
        shares = [parse_number(p) for p in parts]
        if any(s is None for s in shares):
            continue
        out.append(
            Ratio(
                programme_id=ctx.programme_id, part=ctx.part, section=ctx.section,
                text=raw, span=(base + m.start("r"), base + m.end("r")),
                shares=[to_number(s) for s in shares if s is not None], parties=parties,
            )
        )
    return out
