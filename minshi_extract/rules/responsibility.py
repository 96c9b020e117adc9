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
from minshi_extract.rules.unit_names import expand_elisions, role_lexicon, unit_end_re

LEXICON = Path(__file__).resolve().parent.parent / "lexicon"
__all__ = ["expand_elisions", "find_responsibilities", "find_units", "role_lexicon", "wrapped_line_end"]


def label_pattern() -> regex.Pattern:
    """The role label pattern (`牵头单位:`), for the candidates pass too."""
    return _label_re()


@cache
def _label_re() -> regex.Pattern:
    # 牵头单位:市教育局 at a line start, after a marker, a bracket or a ;: never mid-sentence; a
    # sub-heading ends its label with a full stop: (四)责任单位。省水利厅(牵头)、省财政厅
    # (`本项目牵头单位:`: a label after a word naming the project, lexicon/roles.yaml label_prefixes)
    labels = sorted(role_lexicon()["labels"], key=len, reverse=True)
    alt = "|".join(regex.escape(x) for x in labels)
    lead = "|".join(regex.escape(x) for x in role_lexicon().get("label_prefixes") or [])
    before = rf"(?:^|(?<=[\s(;。,.、)]|{lead}))" if lead else r"(?:^|(?<=[\s(;。,.、)]))"
    return regex.compile(rf"(?:{before}(?P<label>{alt})\s*:|(?<=\))(?P<label>{alt})。)\s*")


@cache
def note_pattern() -> regex.Pattern:
    """The notes that make the first unit of each list after them the lead (lexicon/roles.yaml)."""
    notes = "|".join(regex.escape(x) for x in role_lexicon()["first_is_lead_notes"])
    return regex.compile(notes)


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
    k = e - 1 if e > s and text[e - 1] == "\n" else e  # `$` holds before a final line break too
    if k <= s or text[k - 1] != ")":
        return e, None  # a marker closes the item
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
    while end < len(text) and text[end] == "\n":
        start = end + 1
        if _ends_label(text, end):  # `配合单位:` / (blank line) / `市发展改革委、…`: the list is below
            while start < len(text) and text[start] == "\n" and start - end < 3:
                start += 1
        elif not _wraps(text, end):
            break
        nxt = text.find("\n", start)
        nxt = len(text) if nxt == -1 else nxt
        if not text[start:nxt].strip():
            break  # a blank line ends the list
        end = nxt
    return end


def _ends_label(text: str, newline: int) -> bool:
    """The line ending at `newline` ends with a role label and its colon (`…;配合单位:`)."""
    k = newline - 1
    while k >= 0 and text[k] in " \t\u3000":
        k -= 1
    if k < 0 or text[k] != ":":
        return False
    m = _label_re().search(text, max(0, k - 12), k + 1)
    return m is not None and m.end() >= k + 1


def _verb_roles(text: str, items: list[tuple[int, int]],
                marked: list[tuple[int, Role | None]]) -> list[tuple[int, Role | None]]:
    """市卫生健康委牵头,市住建局、市民政局配合: a role word written after a unit without brackets marks
    it, and a 配合 after a 、-group marks the whole group (the units joined to it by 、 alone)."""
    if not any(text.endswith(_VERB_MARKERS, s, e) for s, e in items):
        return marked  # one C call an item for the common case: no role word after a unit
    words = role_lexicon()["unit_markers"]
    ends = tuple(role_lexicon()["unit_suffixes"])
    out = list(marked)
    for k, ((s, _), (e, role)) in enumerate(zip(items, marked, strict=True)):
        word = next((w for w in _VERB_MARKERS if text.endswith(w, s, e) and w in words), None)
        if role is not None or word is None or not text.endswith(ends, s, e - len(word)):
            continue
        role = words[word]
        out[k] = (e - len(word), role)
        j = k
        while role == "support" and j > 0 and out[j - 1][1] is None and text[items[j - 1][1]:items[j][0]] == "、":
            j -= 1
            out[j] = (out[j][0], role)
    return out


_VERB_MARKERS = ("牵头", "配合", "协办")


def _split_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) of every item between separators, blanks and end punctuation trimmed."""
    items: list[tuple[int, int]] = []
    depth, a = 0, start
    for i in range(start, end + 1):
        c = text[i] if i < end else ","
        if c in "(〔":  # 各县〔市、区〕人民政府: a page's hexagonal brackets hold a list too
            depth += 1
        elif c in ")〕":
            depth = max(0, depth - 1)
        elif c in _SEPARATORS and depth == 0:
            s, e = a, i
            while s < e and text[s] in _TRIM:
                s += 1
            while e > s and text[e - 1] in _TRIM:
                e -= 1
            if e > s:
                items.extend(_glued_units(text, s, e))
            a = i + 1
    return items


_GLUE_ENDS = "局委办厅联"  # the bodies whose name a cell's broken line glues to the next unit's (市妇联)


def _glued_units(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """A cell's units stacked over lines and glued when the lines were joined (`市卫生健康委市教育局`):
    split after a body's last character where the next unit opens with the first's level or with 各."""
    level = text[s]
    if level not in "省市县区" or e - s < 7:
        return [(s, e)]
    out, a = [], s
    for k in range(s + 2, e - 3):
        if text[k] in _GLUE_ENDS and text[k + 1] in (level, "各") and text[k + 2] not in _GLUE_ENDS:
            out.append((a, k + 1))
            a = k + 1
    return [*out, (a, e)]


_GROUP_SEPARATORS = ",，"


def _tail_cut(text: str, s: int, e: int, keep_before: set[str]) -> int | None:
    """The first 等 in text[s + 1:e] that opens a tail (not after a word of keep_before), or None."""
    i = text.find("等", s + 1, e)
    while i != -1 and text[i - 1] in keep_before:
        i = text.find("等", i + 1, e)
    return None if i == -1 else i


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
        cut = _tail_cut(text, s, e, keep_before)
        if cut is not None:
            if cut > s:
                out.append((s, cut))
            skipping = True
        else:
            out.append((s, e))
        prev_end = e
    return out


def _units(text: str, start: int, end: int) -> list[Unit]:
    items = _drop_tail(text, _split_items(text, start, end))
    marked = _verb_roles(text, items, [_strip_marker(text, s, e) for s, e in items])
    spans = [(s, e2) for (s, _), (e2, _) in zip(items, marked, strict=True)]
    names = expand_elisions([text[s:e].replace("〔", "(").replace("〕", ")") for s, e in spans])
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
        (unit_end_re().search(u.name) or u.name in groups) and len(u.name) <= 25 for u in units
    ) or all(u.name in groups for u in units):
        return []
    return units


def _listed(text: str) -> list[Unit]:
    """Units of a line that is only a list of two or more bodies (every item names one), no label of
    any kind in it (`抄送:`, `主办:`), nor a sender signing off alone (`广元市人民政府办公室`)."""
    body = text.rstrip(" 。;\u3000")
    if ":" in body:
        return []
    units = _units(text, len(text) - len(text.lstrip()), len(body))
    if len(units) < 2 or not all(unit_end_re().search(u.name) and u.end - u.start >= 3 and len(u.name) <= 25
                                 for u in units):
        return []  # 院,市检察院 (a footer wrapped: `…市法` / `院,…`) is no list of bodies
    return units


def declares_first_is_lead(text: str) -> bool:
    """True when `text` holds the note 列第一位者为牵头单位 (for the orchestrator to carry on)."""
    return bool(note_pattern().search(text))


def find_responsibilities(text: str, base: int, ctx: Context) -> list[Responsibility]:
    """One record per unit named after a role label, or in a trailing unit bracket (responsible), or
    in a line that is only a list of units under a responsibility heading (四、责任单位 / 县水利局(牵头)、…)."""
    first_is_lead = ctx.first_is_lead or declares_first_is_lead(text)
    pairs, covered = _labelled(text, first_is_lead)
    pairs += _roles_for("responsible", _bracketed(text, covered), first_is_lead)
    if not pairs and ctx.kind == "responsibility":
        pairs = _roles_for("responsible", _listed(text), first_is_lead)
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
    labels = role_lexicon()["labels"]
    if h not in labels and h[:2] in _LEVEL_PREFIXES:
        h = h[2:]  # 市级牵头单位, 县级责任单位: the level of the units is no part of the role
    return labels.get(h)  # None for unknown headers and for persons (责任领导)


_LEVEL_PREFIXES = ("省级", "市级", "县级", "区级", "州级", "乡级")


def find_units(text: str, base: int, ctx: Context, role: Role) -> list[Responsibility]:
    """One record per unit of a unit list with a known role, e.g. a table cell under 责任单位:
    `市住房和城乡建设局、市发展和改革局` -> two records; elisions and 等 tails as in labelled lines."""
    first_is_lead = ctx.first_is_lead
    pairs = _roles_for(role, _units(text, 0, len(text)), first_is_lead)
    return _records(text, base, ctx, pairs)
