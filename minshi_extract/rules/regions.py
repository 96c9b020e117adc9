"""Region names (county-level divisions and above) and regional shares of a figure.

A figure carries a `region` only when it is a regional share (GUIDELINES.md quantity):
`凉州区10000人、民勤县2300人` (two or more regions splitting figures in one sentence),
`民勤县、天祝县各3个` (one record per county; also `各建设1个`), or an attachment-table row.
Towns, 乡 and 街道 are shares too (`杨树岭镇620座、七沟镇580座`): they are read by pattern
(lexicon/shares.yaml), not listed, and only right after a clause boundary.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import regex

from minshi_extract.rules.lexicon import load_yaml

LEXICON = Path(__file__).resolve().parent.parent / "lexicon"


@cache
def exclusions() -> dict:
    """lexicon/exclusions.yaml, loaded once."""
    return load_yaml("exclusions.yaml")


@cache
def region_names() -> frozenset[str]:
    """All names of lexicon/regions.txt except the generic ones (城区, 郊区)."""
    generic = set(exclusions().get("generic_regions", []))
    names = set()
    for line in (LEXICON / "regions.txt").read_text(encoding="utf-8").splitlines():
        name = line.strip()
        if name and not name.startswith("#") and name not in generic:
            names.add(name)
    return frozenset(names)


@cache
def share_words() -> dict:
    """lexicon/shares.yaml, loaded once."""
    return load_yaml("shares.yaml")


@cache
def _region_verbs() -> tuple[str, ...]:
    return tuple(sorted(share_words().get("verbs_after_region", []), key=len, reverse=True))


@cache
def _share_areas() -> tuple[str, ...]:
    return tuple(sorted(share_words().get("share_areas", []), key=len, reverse=True))


@cache
def _region_verb_ends() -> frozenset[str]:
    return frozenset(v[-1] for v in _region_verbs())


@cache
def _each_verb_re() -> regex.Pattern:
    # 各建设 / 各新建 right before the figure: the 各 of a share followed by its verb
    verbs = sorted(share_words().get("verbs_after_each", []), key=len, reverse=True)
    alt = "|".join(regex.escape(v) for v in verbs) or "(?!)"
    return regex.compile(rf"各(?:{alt})$")


def _zone_name_ok(name: str, prefix: str) -> bool:
    """A functional zone (`安顺经开区`, `黄果树旅游区`) names a place: not `城市新区`, `省级示范区`."""
    words = share_words()
    if name in set(words.get("generic_zones", [])) or "各" in name:
        return False
    return not any(prefix.startswith(w) or prefix.endswith(w) for w in words.get("generic_zone_prefixes", []))


@dataclass(frozen=True)
class _TownWords:
    """The parts of lexicon/shares.yaml that town_ending_at reads, prepared once."""

    town_suffixes: tuple[str, ...]
    zone_suffixes: tuple[str, ...]  # longest first
    standalone_zones: frozenset[str]
    generic: frozenset[str]
    endings: tuple[str, ...]
    bounds: str
    leads: tuple[str, ...]
    last_chars: frozenset[str]  # the last character of every suffix


@cache
def _town_words() -> _TownWords:
    words = share_words()
    return _TownWords(
        tuple(words.get("town_suffixes", [])),
        tuple(sorted(words.get("zone_suffixes", []), key=len, reverse=True)),
        frozenset(words.get("standalone_zones", [])),
        frozenset(words.get("generic_towns", [])),
        tuple(words.get("generic_town_endings", [])),
        words.get("town_left_boundary", ""),
        tuple(words.get("town_left_words", [])),
        frozenset(x[-1] for x in [*words.get("town_suffixes", []), *words.get("zone_suffixes", [])] if x),
    )


def town_ending_at(text: str, end: int, lo: int = 0) -> int | None:
    """Start of a town-level name (`七沟镇`, `小寺沟镇`, `城关街道`) or of a functional zone
    (`安顺经开区`, `黄果树旅游区`) ending exactly at `end`, when a clause boundary (or the
    window start) stands right before it; else None."""
    words = _town_words()
    if 0 < end <= len(text) and text[end - 1] not in words.last_chars:
        return None  # no suffix ends here
    zone = False
    suffix = next((x for x in words.town_suffixes if text.startswith(x, end - len(x))), None)
    if suffix is None:
        suffix = next((x for x in words.zone_suffixes if text.startswith(x, end - len(x))), None)
        zone = True
    if suffix is None:
        return None
    bounds, leads = words.bounds, words.leads
    shortest, longest = (2, 6) if zone else (1, 4)  # characters before the suffix
    # a zone named by its kind alone (`渭滨区22个、高新区14个`): the city's own 高新区 / 经开区
    if zone and suffix in words.standalone_zones:
        s = end - len(suffix)
        if s >= lo and s > 0 and text[s - 1] in bounds:
            return s
    for n in range(len(suffix) + shortest, len(suffix) + longest + 1):
        s = end - n
        if s < lo:
            break
        if not _HAN_RE.fullmatch(text[s:end - len(suffix)]):
            break
        if (s > 0 and text[s - 1] in bounds) or any(s >= len(w) and text.startswith(w, s - len(w)) for w in leads):
            name = text[s:end]
            if zone:
                return s if _zone_name_ok(name, text[s:end - len(suffix)]) else None
            if "各" in name or name in words.generic or any(_generic_ending(name, g) for g in words.endings):
                return None
            return s
    return None


def _generic_ending(name: str, ending: str) -> bool:
    """`重点城镇`, `返乡` name no town; `梅城镇` (one character of name before 城镇) does."""
    if not name.endswith(ending):
        return False
    stem = name[: -len(ending)]
    return len(stem) != 1 or stem in "小全各本该此"


@cache
def _longest_name() -> int:
    return max((len(n) for n in region_names()), default=0)


@cache
def _region_lengths() -> dict[str, tuple[int, ...]]:
    """The lengths of the region names by their last character, longest first."""
    out: dict[str, set[int]] = {}
    for n in region_names():
        if n:
            out.setdefault(n[-1], set()).add(len(n))
    return {c: tuple(sorted(lens, reverse=True)) for c, lens in out.items()}


_HAN_RE = regex.compile(r"\p{Han}+")

# what may stand between a region list and its figure: 民勤县、天祝县各|3个, 凉州区按照|不少于4000平方米
_LINKS = ("按照", "各", "按", "为", "共", "计", ":")
_LINK_ENDS = frozenset(w[-1] for w in _LINKS)
_LIST_SEPARATORS = "、和及"


def region_ending_at(text: str, end: int, lo: int = 0) -> int | None:
    """Start of the longest region name ending exactly at `end` (天祝藏族自治县 before 自治县)."""
    names = region_names()
    if 0 < end <= len(text):  # only the lengths of the names ending with this character
        limit = end - lo
        for n in _region_lengths().get(text[end - 1], ()):
            if 1 < n <= limit and text[end - n : end] in names:
                return end - n
        return None
    for n in range(min(_longest_name(), end - lo), 1, -1):
        if text[end - n : end] in names:
            return end - n
    return None


def is_region(name: str) -> bool:
    """True when `name` (blanks removed) is a region of the lexicon: `凉州区`, `民勤县`."""
    return "".join(name.split()) in region_names()


@dataclass(frozen=True)
class RegionShare:
    """Regions written directly before a figure, and where their list starts."""

    names: tuple[str, ...]
    start: int  # offset in the text of the first region name
    each: bool  # written with 各: every region gets the figure


_SHORT_NOUN = regex.compile(r"\p{Han}{2,8}")


def _verb_and_noun(text: str, end: int, lo: int) -> int:
    """Where a region's share verb starts when a short noun stands between it and the figure
    (`科尔沁区|新增学位|1800个`); `end` itself when there is none."""
    start = max(lo, end - 14)
    if not ("\u4e00" <= text[end - 1] <= "\u9fff") or _region_verb_re().search(text, start, end - 2) is None:
        return end  # one search for the common case: no share verb in reach
    for m in _region_verb_re().finditer(text, start, end - 2, overlapped=True):
        at = m.start()
        if (_SHORT_NOUN.fullmatch(text, m.end(), end) and at > lo
                and (region_ending_at(text, at, lo) is not None or town_ending_at(text, at, lo) is not None)):
            return at
    return end


@cache
def _region_verb_re() -> regex.Pattern:
    return regex.compile("|".join(regex.escape(v) for v in _region_verbs()) or "(?!)")


def regions_before(text: str, pos: int, window: int = 60) -> RegionShare | None:
    """The region list ending right at `pos` (`凉州区|10000人`, `民勤县、天祝县各|3个`).

    Read backwards with set look-ups, not an alternation of 3,000 names: one figure costs a
    few dozen dictionary probes.
    """
    lo = max(0, pos - window)
    end = pos
    link = None
    if end > lo and text[end - 1] in _LINK_ENDS:  # a link ends right before the figure
        link = next((w for w in _LINKS if text.startswith(w, end - len(w)) and end - len(w) >= lo), None)
    if link:
        end -= len(link)
    elif text.find("各", lo, end) != -1:
        verb = _each_verb_re().search(text[lo:end])
        if verb:  # 各建设1个: a share of 各, the verb between
            link, end = "各", lo + verb.start()
    if not link and end > lo and text[end - 1] in _region_verb_ends():  # 其中信州区|新增|6200个: the share's verb
        verb = next((v for v in _region_verbs() if text.startswith(v, end - len(v)) and end - len(v) > lo), None)
        if verb is not None and (region_ending_at(text, end - len(verb), lo) is not None
                                 or town_ending_at(text, end - len(verb), lo) is not None):
            end -= len(verb)
    elif not link and end > lo:  # 其中科尔沁区|新增|学位|1800个: the verb and the share's noun
        end = _verb_and_noun(text, end, lo)
    names: list[str] = []
    start = end
    while True:
        s = region_ending_at(text, end, lo)
        if s is None:
            s = town_ending_at(text, end, lo)
        if s is None:
            break
        names.insert(0, text[s:end])
        start = s
        if s - 1 >= lo and text[s - 1] in _LIST_SEPARATORS:
            end = s - 1
            continue
        break
    if not names:
        return None
    if len(names) > 1 and not link:
        return None  # 凉州区、民勤县、古浪县、天祝县4个县区: a list with its total, not shares
    return RegionShare(tuple(names), start, link == "各")


_STOP_RE = regex.compile(r"[。;；!?！？\n]")  # what ends a sentence (sentence_bounds)
_LAST_STOP_RE = regex.compile(r"(?r)[。;；!?！？\n]")  # the same, searched from the end


# the last answer (text, start, end): the figures of one sentence ask in turn, and a sentence of thousands
# of figures searched again for each was quadratic; any `pos` in [start, end] has the same answer
_LAST_SENTENCE: tuple[str, int, int] = ("", 1, 0)


def sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """The sentence around `pos`: bounded by 。 ; ! ? or a line break, except a break right after a
    list's 、 (a wrapped line: `其中商州区14处、` / `洛南县12处、…`)."""
    global _LAST_SENTENCE
    last, lo, hi = _LAST_SENTENCE
    if last is text and lo <= pos <= hi:
        return lo, hi
    a = pos
    while True:
        m = _LAST_STOP_RE.search(text, 0, a)
        a = m.start() if m else -1
        if a <= 0 or text[a] != "\n" or text[a - 1] != "、":
            break
    e = pos
    while True:
        m = _STOP_RE.search(text, e)
        e = m.start() if m else len(text)
        if e >= len(text) or text[e] != "\n" or text[e - 1] != "、":
            break
        e += 1
    if len(text) <= 200_000:  # a line (no longer one kept alive after the extraction)
        _LAST_SENTENCE = (text, a + 1, e)
    return a + 1, e


_PERIOD_RE = regex.compile(r"[。!?！？\n]")
_PERIOD_REACH = 600


def period_bounds(text: str, pos: int) -> tuple[int, int]:
    """The sentence around `pos` up to its full stops (its `;` parts together), within its line."""
    lo = max(0, pos - _PERIOD_REACH)  # bounded: a text without full stops is not scanned from its start
    a = max(lo - 1, *(text.rfind(c, lo, pos) for c in "。!?！？\n")) + 1
    m = _PERIOD_RE.search(text, pos, pos + _PERIOD_REACH)
    return a, m.start() if m else min(len(text), pos + _PERIOD_REACH)


def count_share_regions(text: str, figure_starts: list[int], lo: int, hi: int,
                        memo: dict[int, RegionShare | None] | None = None) -> int:
    """How many regions in text[lo:hi] stand directly before one of the figures (ascending; `memo`:
    the regions_before answers of `text` already known, by offset; filled in)."""
    total = 0
    # only the figures in [lo, hi): walking all of a line's figures for each sentence was quadratic
    for start in figure_starts[bisect_left(figure_starts, lo):bisect_left(figure_starts, hi)]:
        if lo <= start < hi:
            if memo is None:
                share = regions_before(text, start)
            else:
                share = memo[start] if start in memo else memo.setdefault(start, regions_before(text, start))
            if share and share.start >= lo:
                total += len(share.names)
            elif _area_before(text, start, lo):
                total += 1  # 其中中心城区220万平方米、项城市80万平方米: the city's core is a share's place too
    return total


def _area_before(text: str, start: int, lo: int) -> bool:
    """The figure at `start` follows a part of the city named as a share's place (`中心城区`, `主城区`),
    itself after a boundary or 其中 (not `…城区公共停车泊位`)."""
    area = next((a for a in _share_areas() if text.startswith(a, start - len(a))), None)
    if area is None or start - len(area) < lo:
        return False
    before = text[max(lo, start - len(area) - 2):start - len(area)]
    return before == "" or before[-1:] in "、,，;；:：" or before.endswith("其中")


# clauses of a breakdown: `其中港北区新建5所、新增学位1350个,港南区新建4所、...`
_CLAUSE_STOPS = ",，;；:："
_LAST_CLAUSE_STOP_RE = regex.compile(f"(?r)[{_CLAUSE_STOPS}]")  # the last of them before a place


def _clause_start(text: str, pos: int, lo: int) -> int:
    """Start of the clause holding `pos` (after the last , ; : before it, not before `lo`),
    with a leading 其中 / 分别为 skipped."""
    m = _LAST_CLAUSE_STOP_RE.search(text, lo, pos)
    s = m.end() if m else lo
    for w in share_words().get("town_left_words", []):
        if text.startswith(w, s) and w != "在" and w != "对":
            return s + len(w)
    return s


def region_opening(text: str, s: int, hi: int) -> int | None:
    """End of the single region name (county, town or zone) that opens a clause at `s`
    (`港北区|新建5所`), when no list separator follows it; else None."""
    best = None
    names, ends, last = region_names(), _region_lengths(), _town_words().last_chars
    for e in range(s + 2, min(hi, s + 16) + 1):
        # text[s:e] in names: region_ending_at(text, e, s) == s, without its probes of shorter names
        c = text[e - 1]  # a name ends with one of the characters names end with
        if (c in ends and text[s:e] in names) or (c in last and town_ending_at(text, e, s) == s):
            best = e
    if best is None or (best < len(text) and text[best] in _LIST_SEPARATORS):
        return None
    return best


def clause_region(text: str, pos: int, figure_starts: list[int]) -> str | None:
    """The region opening the clause of a figure in a breakdown whose clauses each start with
    a region and then name several figures of it: `其中港北区新建5所、新增学位1350个,港南区
    新建4所、...` -> 1350个 is 港北区's; `其中港北区14个1260户,港南区9个780户` -> 1260户 too.
    Needs two or more such clauses in the sentence (a lone `凉州区5万户` stays region null)."""
    lo, hi = sentence_bounds(text, pos)
    if len(figure_starts) < 2:  # two clauses need two figures; a part labelled by its place needs one
        got = _opening(text, lo, pos) if text.find(":", lo, lo + 12) != -1 else None
        return text[got[0]:got[1]] if got is not None and text.startswith(":", got[1]) else None
    s = _clause_start(text, pos, lo)
    e = region_opening(text, s, pos)
    if e is None:  # the part's own opening, unless it is this clause's (read above) with no label
        return _part_region(text, lo, hi, pos) if s != lo or text.find(":", lo, lo + 8) != -1 else None
    opened: set[int] = set()
    for f in figure_starts:
        if lo <= f < hi:
            cs = _clause_start(text, f, lo)
            if cs not in opened and region_opening(text, cs, f) is not None:
                opened.add(cs)
    return text[s:e] if len(opened) >= 2 else None


def _part_region(text: str, lo: int, hi: int, pos: int) -> str | None:
    """The region opening a `;` part or a line when a part next to it opens with a region too
    (`海城区1所,新增学位1500个;银海区2所,…`), or labelling it (`合浦县:工程38处,管网320公里`): the
    part is that place's."""
    got = _opening(text, lo, pos)
    if got is None:
        return None
    if text.startswith(":", got[1]):
        return text[got[0]:got[1]]  # 合浦县:工程38处,管网320公里: a part labelled by its place
    before = sentence_bounds(text, lo - 2)[0] if lo >= 2 else None
    after = hi + 1 if hi + 1 < len(text) else None
    near = [x for x in (before, after) if x is not None and x != lo]
    return text[got[0]:got[1]] if any(_opening(text, x, x + 24) is not None for x in near) else None


def _opening(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """(start, end) of the region opening text[lo:hi], after a short label and its colon (`任务分解:`)."""
    hi = min(hi, len(text))
    e = region_opening(text, lo, hi)
    if e is not None:
        return lo, e
    colon = text.find(":", lo, min(hi, lo + 8))
    e = region_opening(text, colon + 1, hi) if colon > lo else None
    return (colon + 1, e) if e is not None else None


_RESPECTIVELY_RE = regex.compile(r"分别(?:为|是|达到|完成|新增|安排)?")
_REGION_LIST_SPLIT_RE = regex.compile(r"[、和及]")


def respective_regions(text: str, figure_starts: list[int]) -> dict[int, str]:
    """`肃州区、玉门市、敦煌市分别为720个、400个、320个`: the n regions listed before 分别 take the n
    figures listed after it, in order; {figure start: region}. Nothing unless the counts agree."""
    out: dict[int, str] = {}
    k = text.find("分别")
    while k >= 0:
        lo = _LAST_CLAUSE_STOP_RE.search(text, max(0, k - 80), k)
        s = lo.end() if lo else max(0, k - 80)
        names = [n.strip() for n in _REGION_LIST_SPLIT_RE.split(text[s:k])]
        if names and not is_region(names[0]):  # 其中|肃州区、…: the words before the first region go
            first_end = s + len(text[s:k].split("、")[0].rstrip())
            start = region_ending_at(text, first_end, s)
            names[0] = text[start:first_end] if start is not None else names[0]
        m = _RESPECTIVELY_RE.match(text, k)
        later = figure_starts[bisect_left(figure_starts, m.end()):]  # ascending, like the figures
        after = later[: len(names)]
        # the list after 分别 has as many figures as the regions: the next figure is no member of it
        more = len(later) > len(names) and not _LAST_CLAUSE_STOP_RE.search(text, after[-1], later[len(names)])
        if (len(names) >= 2 and all(is_region(n) for n in names) and len(after) == len(names)
                and after[0] - m.end() <= 4 and not more):
            out.update(zip(after, names, strict=True))
        k = text.find("分别", k + 2)
    return out
