"""Responsibilities: who leads, supports, implements or answers for a programme.

`牵头单位:市教育局` -> lead 市教育局; `配合单位:市发展改革委、市财政局` -> two support records;
`实施单位:凉州区、民勤县、天祝县政府` -> implementer 凉州区政府, 民勤县政府, 天祝县政府 (elision);
`实施主体:各县区党委、政府` -> 各县区党委, 各县区政府; a trailing bracket at the end of an item
`(县人社局、县财政局)` -> each responsible, `(牵头单位:县人社局;配合单位:县财政局)` -> by label.
A sentence that calls a body 责任主体 or says it 牵头 (no `label:`) gives nothing.

Decisions (issue 6): `县级责任领导` / `部门责任领导` name persons, so they give no record; after a
note `列第一位者为牵头单位` the first unit of an unlabelled or 责任单位 list is lead, the rest stay
responsible (the convention of gold/variants). A bare
institution (`政府`, `总工会`, `财政局`) takes its neighbour's place prefix, a bare `市`/`县`/`区`
included (GUIDELINES.md): `市财政局、住建局` -> 市住建局; the neighbour before (as already expanded)
wins over the one after, so `市财政局、民政局、残联,各县(区)人民政府` -> 市民政局, 市残联. A lone
name with no neighbour (a table cell `住建局`) stays as written. Towns are places for a list of
bare places: `嘉积镇、博鳌镇、万泉镇人民政府` -> each 镇 + 人民政府. A `等` tail ends its group only:
`(区卫生健康和体育局、区教育局等部门,各乡镇人民政府)` keeps 各乡镇人民政府 after the comma.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import regex

from minshi_extract.models import Responsibility, Role
from minshi_extract.rules.context import Context
from minshi_extract.rules.lexicon import load_yaml
from minshi_extract.rules.regions import region_names

LEXICON = Path(__file__).resolve().parent.parent / "lexicon"


@cache
def role_lexicon() -> dict:
    """lexicon/roles.yaml, loaded once."""
    return load_yaml("roles.yaml")


def label_pattern() -> regex.Pattern:
    """The role label pattern (`牵头单位:`), for the candidates pass too."""
    return _label_re()


@cache
def _label_re() -> regex.Pattern:
    # 牵头单位:市教育局 at a line start, after a marker, a bracket or a ;: never mid-sentence
    labels = sorted(role_lexicon()["labels"], key=len, reverse=True)
    alt = "|".join(regex.escape(x) for x in labels)
    return regex.compile(rf"(?:^|(?<=[\s(;。,.、)]))(?P<label>{alt})\s*:\s*")


@cache
def note_pattern() -> regex.Pattern:
    """The notes that make the first unit of each list after them the lead (lexicon/roles.yaml)."""
    notes = "|".join(regex.escape(x) for x in role_lexicon()["first_is_lead_notes"])
    return regex.compile(notes)


@cache
def _unit_end_re() -> regex.Pattern:
    # 市教育局 / 市总工会 / 中国铁塔股份有限公司武威市分公司: a body's name ends with one of these
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


# a trailing bracket that ends an item, before or after the full stop:
# ...2600人(县人社局、县财政局)。 / ...每生每天5元。(县教育局、县财政局)
_TRAILING_BRACKET_RE = regex.compile(r"\((?P<inner>[^()]{2,200}(?:\([^()]{1,8}\)[^()]*)*)\)(?=\s*[。;.]?\s*$)")
# where such a bracket can close in a whole text: a `)` with only blanks and one stop before the
# line break (a logical line never goes on after a `)`: only a list separator wraps it)
TRAILING_CLOSE_RE = regex.compile(r"\)[^\S\n]*[。;.]?[^\S\n]*(?=\n|\Z)")
_SEPARATORS = "、,，"
_STOPS = ";。\n"
_TRIM = " \t\n\u3000.。;:、,"


@dataclass(frozen=True)
class Unit:
    """One unit of a list: its name after elision and the span of its own characters."""

    name: str
    start: int
    end: int
    role: Role | None = None  # a role marked on the unit itself: 省教育厅(牵头) -> lead


@cache
def _marker_re() -> regex.Pattern:
    # 省教育厅(牵头): a bracketed role word right after a unit's name
    alt = "|".join(regex.escape(x) for x in sorted(role_lexicon()["unit_markers"], key=len, reverse=True))
    return regex.compile(rf"\((?P<word>{alt})\)$")


def _strip_marker(text: str, s: int, e: int) -> tuple[int, Role | None]:
    """(end without the marker, its role) of the item text[s:e]; the item unchanged without one."""
    m = _marker_re().search(text[s:e])
    if m is None or m.start() == 0:
        return e, None
    end = s + m.start()
    while end > s and text[end - 1] in _TRIM:
        end -= 1
    return end, role_lexicon()["unit_markers"][m.group("word")]


def _wraps(text: str, newline: int) -> bool:
    """True when the line ending at `newline` ends with a list separator, so the list goes on
    in the next line: `配合单位:市财政局、市市场监管局、` / `          市卫生健康委`."""
    k = newline - 1  # the last character before the blanks at the line end; no copy of the prefix
    while k >= 0 and text[k] in " \t\u3000":
        k -= 1
    return k >= 0 and text[k] in _SEPARATORS


def _list_end(text: str, start: int, stop: int) -> int:
    """End of a unit list starting at `start`: a ; or 。, an unmatched `)`, a line break (unless
    the line ends with `、`: a list wrapped over lines), or `stop`."""
    depth = 0
    for i in range(start, stop):
        c = text[i]
        if c == "(":
            depth += 1
        elif c == ")":
            if depth == 0:
                return i
            depth -= 1
        elif c == "\n" and _wraps(text, i):
            continue
        elif c in _STOPS and depth == 0:
            return i
    return stop


def wrapped_line_end(text: str, end: int) -> int:
    """End of the logical line whose first physical line ends at `end`: a line ending with a
    list separator (`配合单位:市财政局、市市场监管局、`) goes on in the next non-blank line, so a
    unit list wrapped over several lines is read whole. For the orchestrator."""
    while end < len(text) and text[end] == "\n" and _wraps(text, end):
        nxt = text.find("\n", end + 1)
        nxt = len(text) if nxt == -1 else nxt
        if not text[end + 1:nxt].strip():
            break  # a blank line ends the list
        end = nxt
    return end


def _split_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) of every item between separators, blanks and end punctuation trimmed."""
    items: list[tuple[int, int]] = []
    depth, a = 0, start
    for i in range(start, end + 1):
        c = text[i] if i < end else ","
        if c == "(":
            depth += 1
        elif c == ")":
            depth = max(0, depth - 1)
        elif c in _SEPARATORS and depth == 0:
            s, e = a, i
            while s < e and text[s] in _TRIM:
                s += 1
            while e > s and text[e - 1] in _TRIM:
                e -= 1
            if e > s:
                items.append((s, e))
            a = i + 1
    return items


_GROUP_SEPARATORS = ",，"
_LEVEL_WORDS = "市县区省州盟旗"


def _drop_tail(text: str, items: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`市地震局等相关部门单位` -> 市地震局; a 等 tail ends its group: the items after it are
    dropped up to a comma, which opens a new group (`区教育局等部门,各乡镇人民政府`)."""
    keep_before = set(role_lexicon()["not_list_tail_before_deng"])
    out: list[tuple[int, int]] = []
    skipping, prev_end = False, None
    for s, e in items:
        if skipping:
            if not any(c in _GROUP_SEPARATORS for c in text[prev_end:s]):
                prev_end = e
                continue
            skipping = False
        cut = next((i for i in range(s + 1, e) if text[i] == "等" and text[i - 1] not in keep_before), None)
        if cut is not None:
            if cut > s:
                out.append((s, cut))
            skipping = True
        else:
            out.append((s, e))
        prev_end = e
    return out


def _split_place(name: str) -> tuple[str, str] | None:
    """(place prefix, body) of `凉州区人民政府` -> (凉州区, 人民政府); None without a place prefix."""
    m = _place_prefix_re().match(name)
    if not m:
        return None
    place = m.group("place")
    # a prefix holding a body's suffix is not a place: 中国铁塔股份有限公司武威市|分公司
    if any(_unit_end_re().search(place[: i + 1]) for i in range(len(place) - 1)):
        return None
    return place, m.group("body")


def _split_town(name: str) -> tuple[str, str] | None:
    """(town, body) of `万泉镇人民政府` -> (万泉镇, 人民政府); None otherwise."""
    m = _town_prefix_re().match(name)
    return (m.group("place"), m.group("body")) if m else None


def _is_bare_place(name: str) -> bool:
    return bool(_bare_place_re().match(name)) and not _unit_end_re().search(name)


def _shared_suffix(names: list[str]) -> list[str]:
    """`市财政、住房城乡建设、自然资源和规划局` -> 市财政局, 住房城乡建设局, 自然资源和规划局: items
    written without a body's suffix take the suffix of the list's last item (GUIDELINES.md);
    the place prefix then comes from the neighbours like any bare body."""
    if len(names) < 2:
        return names
    end = _unit_end_re().search(names[-1])
    if end is None or "(" in end.group():
        return names
    suffix = end.group()
    town = _split_town(names[-1])
    if town is not None:
        # 中枢、盐津、坛厂街道办事处: bare town names take the town's level with the body (街道办事处)
        level = next((t for t in role_lexicon()["town_suffixes"] if town[0].endswith(t)), "")
        suffix = level + town[1]
    return [
        n + suffix if i < len(names) - 1 and not _unit_end_re().search(n)
        and not _is_bare_place(n) and not n.startswith("各") and _HAN_ONLY.fullmatch(n)
        else n
        for i, n in enumerate(names)
    ]


_HAN_ONLY = regex.compile(r"\p{Han}{2,12}")


def expand_elisions(names: list[str]) -> list[str]:
    """`凉州区、民勤县、天祝县政府` -> each 政府; `各县区党委、政府` -> 各县区党委, 各县区政府."""
    names = _shared_suffix(names)
    out = list(names)
    last = (_split_place(names[-1]) or _split_town(names[-1])) if names else None
    for i, name in enumerate(names):
        if _is_bare_place(name):
            if last and i != len(names) - 1:
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
        bare = bare.replace(word, "")
    if any(name.startswith(stem) and len(name) - len(stem) >= 2 for stem in _region_stems(name[:2])):
        return False  # 贵港供电局: a body named after its city (贵港市), not an elided 市供电局
    return not any(c in places for c in bare) and "街道" not in bare


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


def _units(text: str, start: int, end: int) -> list[Unit]:
    items = _drop_tail(text, _split_items(text, start, end))
    marked = [_strip_marker(text, s, e) for s, e in items]
    spans = [(s, e2) for (s, _), (e2, _) in zip(items, marked, strict=True)]
    names = expand_elisions([text[s:e] for s, e in spans])
    return [Unit(n, s, e, r) for n, (s, e), (_, r) in zip(names, spans, marked, strict=True)]


def _roles_for(role: Role, units: list[Unit], first_is_lead: bool) -> list[tuple[Role, Unit]]:
    """After 列第一位者为牵头单位 the first unit of a responsible list is lead, the others stay
    responsible (gold/variants convention: the note names the lead only). A unit marked in the
    list itself (`省教育厅(牵头)`) takes the marked role; the others keep the label's."""
    if any(u.role for u in units):
        return [(u.role or role, u) for u in units]
    if first_is_lead and role == "responsible":
        return [("lead" if k == 0 else role, u) for k, u in enumerate(units)]
    return [(role, u) for u in units]


def _labelled(text: str, first_is_lead: bool) -> tuple[list[tuple[Role, Unit]], list[tuple[int, int]]]:
    """Records of every `label:units` group, and the spans the groups cover."""
    labels = role_lexicon()["labels"]
    found = list(_label_re().finditer(text))
    out: list[tuple[Role, Unit]] = []
    covered: list[tuple[int, int]] = []
    for k, m in enumerate(found):
        stop = found[k + 1].start() if k + 1 < len(found) else len(text)
        end = _list_end(text, m.end(), stop)
        covered.append((m.start(), end))
        role = labels[m.group("label")]
        if role is None:  # 县级责任领导: persons
            continue
        out.extend(_roles_for(role, _units(text, m.end(), end), first_is_lead))
    return out, covered


def _bracketed(text: str, covered: list[tuple[int, int]]) -> list[Unit]:
    """Units of a label-free trailing bracket `(市教育局、市财政局)`; every item must name a body."""
    m = _TRAILING_BRACKET_RE.search(text)
    if not m or any(a <= m.start("inner") < b for a, b in covered):
        return []
    units = _units(text, m.start("inner"), m.end("inner"))
    groups = set(role_lexicon().get("place_group_units", []))
    if not units or not all(
        (_unit_end_re().search(u.name) or u.name in groups) and len(u.name) <= 25 for u in units
    ) or all(u.name in groups for u in units):
        return []
    return units


def declares_first_is_lead(text: str) -> bool:
    """True when `text` holds the note 列第一位者为牵头单位 (for the orchestrator to carry on)."""
    return bool(note_pattern().search(text))


def find_responsibilities(text: str, base: int, ctx: Context) -> list[Responsibility]:
    """One record per unit named after a role label, or in a trailing unit bracket (responsible)."""
    first_is_lead = ctx.first_is_lead or declares_first_is_lead(text)
    pairs, covered = _labelled(text, first_is_lead)
    pairs += _roles_for("responsible", _bracketed(text, covered), first_is_lead)
    pairs.sort(key=lambda p: p[1].start)
    return _records(text, base, ctx, pairs)


def _records(text: str, base: int, ctx: Context, pairs: list[tuple[Role, Unit]]) -> list[Responsibility]:
    return [
        Responsibility(
            programme_id=ctx.programme_id,
            part=ctx.part,
            section=ctx.section,
            text=text[u.start : u.end],
            span=(base + u.start, base + u.end),
            role=role,
            unit=u.name,
        )
        for role, u in pairs
    ]


def role_of_header(header: str) -> Role | None:
    """Role of a table column by its header: `责任单位` -> responsible, `牵头单位` -> lead, else None."""
    h = "".join(header.split())
    role = role_lexicon()["labels"].get(h)
    return role  # None for unknown headers and for persons (责任领导)


def find_units(text: str, base: int, ctx: Context, role: Role) -> list[Responsibility]:
    """One record per unit of a unit list with a known role, e.g. a table cell under 责任单位:
    `市住房和城乡建设局、市发展和改革局` -> two records; elisions and 等 tails as in labelled lines."""
    first_is_lead = ctx.first_is_lead
    pairs = _roles_for(role, _units(text, 0, len(text)), first_is_lead)
    return _records(text, base, ctx, pairs)
