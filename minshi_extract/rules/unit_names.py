"""Unit names in a list of responsible bodies: elisions and shared place prefixes (GUIDELINES.md).

`凉州区、民勤县、天祝县政府` -> each 政府; `各县区党委、政府` -> 各县区党委, 各县区政府;
`市财政局、住建局` -> 市住建局 (a bare body takes its neighbour's place prefix);
`市财政、住房城乡建设、自然资源和规划局` -> each takes the last item's body suffix.
The word lists are lexicon/roles.yaml; the regions are the region lexicon (rules/regions.py).
"""

from __future__ import annotations

from functools import cache

import regex

from minshi_extract.rules.lexicon import load_yaml
from minshi_extract.rules.regions import region_names


@cache
def role_lexicon() -> dict:
    """lexicon/roles.yaml, loaded once."""
    return load_yaml("roles.yaml")


@cache
def unit_end_re() -> regex.Pattern:
    """A body's name ends with one of the unit suffixes (a short bracket may follow):
    市教育局 / 市总工会 / 中国铁塔股份有限公司武威市分公司."""
    sufs = sorted(role_lexicon()["unit_suffixes"], key=len, reverse=True)
    return regex.compile("(?:" + "|".join(regex.escape(x) for x in sufs) + r")(?:\([^()]{1,8}\))?$")


@cache
def _place_prefix_re() -> regex.Pattern:
    # 凉州区|人民政府, 各县区|党委, 各县(区)|政府, 市|教育局: the longest place prefix before a body
    places = "".join(x for x in role_lexicon()["place_suffixes"] if len(x) == 1 and x not in "镇乡")
    return regex.compile(
        rf"^(?P<place>各?(?:[\p{{Han}}]{{0,8}}?[{places}])+(?:\([{places}]\))?)(?P<body>\p{{Han}}.*)$"
    )


@cache
def _bare_place_re() -> regex.Pattern:
    # 凉州区 / 民勤县 / 各县区 / 嘉积镇 / 城关街道: a place written without its body
    places = "".join(x for x in role_lexicon()["place_suffixes"] if len(x) == 1)
    words = "|".join(regex.escape(x) for x in role_lexicon()["place_suffixes"] if len(x) > 1)
    alt = f"[{places}]" + (f"|{words}" if words else "")
    return regex.compile(rf"^各?\p{{Han}}{{1,8}}(?:{alt})(?:\([{places}]\))?$")


@cache
def _town_prefix_re() -> regex.Pattern:
    # 万泉镇|人民政府, 城关街道|办事处: a town-level place before its body (two characters of name
    # at least, so 县乡村振兴局 is not read as a town)
    towns = "|".join(regex.escape(x) for x in role_lexicon()["town_suffixes"])
    return regex.compile(rf"^(?P<place>\p{{Han}}{{2,6}}?(?:{towns}))(?P<body>\p{{Han}}{{2,}})$")


_LEVEL_WORDS = "市县区省州盟旗"


def _split_place(name: str) -> tuple[str, str] | None:
    """(place prefix, body) of `凉州区人民政府` -> (凉州区, 人民政府); None without a place prefix."""
    m = _place_prefix_re().match(name)
    if not m:
        return None
    place = m.group("place")
    # a prefix holding a body's suffix is not a place: 中国铁塔股份有限公司武威市|分公司
    if any(unit_end_re().search(place[: i + 1]) for i in range(len(place) - 1)):
        return None
    return place, m.group("body")


def _split_town(name: str) -> tuple[str, str] | None:
    """(town, body) of `万泉镇人民政府` -> (万泉镇, 人民政府); None otherwise."""
    m = _town_prefix_re().match(name)
    return (m.group("place"), m.group("body")) if m else None


def _is_bare_place(name: str) -> bool:
    return bool(_bare_place_re().match(name)) and not unit_end_re().search(name)


def _shared_suffix(names: list[str]) -> list[str]:
    """`市财政、住房城乡建设、自然资源和规划局` -> 市财政局, 住房城乡建设局, 自然资源和规划局: items
    written without a body's suffix take the suffix of the list's last item (GUIDELINES.md);
    the place prefix then comes from the neighbours like any bare body."""
    if len(names) < 2:
        return names
    end = unit_end_re().search(names[-1])
    if end is None or "(" in end.group():
        return names
    suffix = end.group()
    town = _split_town(names[-1])
    if town is not None:
        # 中枢、盐津、坛厂街道办事处: bare town names take the town's level with the body (街道办事处)
        level = next((t for t in role_lexicon()["town_suffixes"] if town[0].endswith(t)), "")
        suffix = level + town[1]
    return [
        n + suffix if i < len(names) - 1 and not unit_end_re().search(n)
        and not _is_bare_place(n) and not n.startswith("各") and _HAN_ONLY.fullmatch(n)
        else n
        for i, n in enumerate(names)
    ]


_HAN_ONLY = regex.compile(r"\p{Han}{2,12}")


def expand_elisions(names: list[str]) -> list[str]:
    """`凉州区、民勤县、天祝县政府` -> each 政府; `各县区党委、政府` -> 各县区党委, 各县区政府."""
    names = _shared_suffix(names)
    out = list(names)
    last: tuple[str, str] | None = None  # (place, body) of the last name, read when a bare place asks
    for i, name in enumerate(names):
        if _is_bare_place(name):
            if i != len(names) - 1:
                last = last or _split_place(names[-1]) or _split_town(names[-1])
                if last:
                    out[i] = name + last[1]
            continue
        if not _is_bare_body(name):
            continue
        # a bare body: 政府 / 总工会 / 财政局 takes the place of its neighbour: the one before
        # (as expanded, so a run of bare bodies shares it), else the one after
        for nb_name in (out[i - 1] if i > 0 else None, names[i + 1] if i + 1 < len(names) else None):
            place = _neighbour_place(nb_name) if nb_name else None
            if place:
                out[i] = place + name
                break
    return out


@cache
def _bare_body_words() -> tuple[tuple[str, ...], tuple[str, ...], frozenset[str]]:
    """(elided body suffixes, words holding no place, one-character place suffixes) of roles.yaml."""
    lex = role_lexicon()
    return (tuple(lex["elided_body_suffixes"]), tuple(lex["not_place_words"]),
            frozenset(x for x in lex["place_suffixes"] if len(x) == 1))


def _is_bare_body(name: str) -> bool:
    """True for an institution type written without its place: 财政局, 住房和城乡建设局, 残联,
    政府, 总工会. Not for a name that already holds a place or a proper name (团州委, 各乡镇人民政府,
    桦南镇人民政府, 人民银行兴国县支行, 国网固原供电公司, 中国铁塔...分公司)."""
    suffixes, not_place, places = _bare_body_words()
    if name.startswith("各") or not name.endswith(suffixes):
        return False
    bare = name
    for word in not_place:
        if word in bare:
            bare = bare.replace(word, "")
    if not places.isdisjoint(bare) or "街道" in bare:
        return False  # a place in the name: 团州委, 桦南镇人民政府
    # 贵港供电局: a body named after its city (贵港市), not an elided 市供电局
    return not any(name.startswith(stem) and len(name) - len(stem) >= 2 for stem in _region_stems(name[:2]))


@cache
def _all_region_stems() -> dict[str, tuple[str, ...]]:
    """Region names without their level character (贵港市 -> 贵港), by their first two characters."""
    out: dict[str, set[str]] = {}
    for r in region_names():
        if len(r) >= 3 and r[-1] in "市县区旗盟州":
            out.setdefault(r[:2], set()).add(r[:-1])
    return {k: tuple(v) for k, v in out.items()}


def _region_stems(head: str) -> tuple[str, ...]:
    return _all_region_stems().get(head, ())


def _neighbour_place(name: str) -> str | None:
    """The place prefix a bare body takes from `name`: `市` of 市城市管理局 (a name opening with a
    single level word keeps just that word, not 市城市), `各县(区)` of 各县(区)人民政府."""
    if name[0] in _LEVEL_WORDS and _split_place(name):
        return name[0]
    nb = _split_place(name)
    return nb[0] if nb else None
