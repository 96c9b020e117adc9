"""Who pays: the payer of an amount (money `source`), as written in its clause.

`省级财政安排补助资金2070万元` -> 省级财政; `中央1000万元` -> 中央; `市县配套资金` -> 市县;
`…300万元由市财政解决` -> 市财政; `中央彩票公益金` -> itself. Payer words are the `source` lists of
lexicon/qualifiers.yaml (shared with the money rule).
"""

from __future__ import annotations

from functools import cache

import regex

from ..rules.quantity import qualifier_lexicon


def _alt(words: list[str]) -> str:
    return "(?:" + "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True)) + ")"


@cache
def _patterns() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern]:
    src = qualifier_lexicon()["source"]
    payer, kind = _alt(src["payers"]), _alt(src["kinds"])
    other = _alt(src.get("others", []) or ["社会资本"])
    # a payer with its kind (省级财政), or a level before a funding word or the figure itself
    before = regex.compile(
        rf"{payer}{kind}|{other}|(?:中央|省级|市级|县级|区级|市县|县区)"
        rf"(?=安排|补助|投资|配套|下达|奖补|资金|专项|预算|财政|[\d一二三四五六七八九十])"
    )
    after = regex.compile(rf"^[^,;。]{{0,8}}?由(?P<src>{payer}{kind}?|{other})(?:解决|承担|保障|负担|安排|筹集|筹措)")
    lead = regex.compile(rf"^(?:{payer}{kind}|{other}|(?:中央|省级|市级|县级|区级|市县|县区)(?!级))")
    return before, after, lead


def payer_before(text: str, lo: int, pos: int) -> str | None:
    """The last payer written in [lo, pos)."""
    found = list(_patterns()[0].finditer(text, lo, pos))
    return found[-1].group() if found else None


def payer_after(text: str, end: int) -> str | None:
    m = _patterns()[1].search(text, end, min(len(text), end + 24))
    return m.group("src") if m else None


def strip_payer(item: str | None) -> str | None:
    """`中央资金` -> `资金`: a payer at the start of an item is the source, not the item."""
    if not item:
        return item
    m = _patterns()[2].match(item)
    if item == "财政":
        return None
    if m:
        return item[m.end():] or None  # 其中中央|1000万元: a payer alone names no item
    return item
