"""Candidate programmes read from the outline: the headings of one level (`一、` / `(一)` / `1.` /
`(1)`, level_candidate) and inline `一是…二是…` items (inline_candidate), each item scored on its own
text (structure/evidence.py); prune_levels keeps the groups of the chosen level that hold projects.
Split from programmes.py (the plan titles, numbered items and programme building stay there)."""

from __future__ import annotations

from functools import cache

import regex

from ..rules.lexicon import load_yaml
from .evidence import NON_PROJECT_PARENTS, Candidate, evidence, is_category
from .headings import Heading, find_headings, heading_of, section_kind
from .lines import Line
from .programmes import ITEM_LABEL, Found, item_extent, item_title, strip_trail, umbrella, unit_bracket_cut

# a news item written inline: `...方面,一是新增城镇就业2.5万人;二是...。` -> the `X是` list label, after a
# line start or a clause break (not `统一是`)
_INLINE_ITEM = regex.compile(r"(?:^|(?<=[,;:。]))(?P<n>[一二三四五六七八九十]{1,3})是")
_INLINE_END = ";。"
_CN_NUM = {c: i for i, c in enumerate("一二三四五六七八九", start=1)}


def _cn_int(s: str) -> int | None:
    """一 -> 1, 十 -> 10, 十二 -> 12, 二十一 -> 21."""
    if "十" not in s:
        return _CN_NUM.get(s) if len(s) == 1 else None
    a, _, b = s.partition("十")
    if (a and a not in _CN_NUM) or (b and b not in _CN_NUM):
        return None
    return (_CN_NUM[a] if a else 1) * 10 + (_CN_NUM[b] if b else 0)


def inline_programmes(lines: list[Line], start: int, end: int, skip: set[int]) -> list[Found]:
    """A news report (or a work report's 民生实事 chapter) listing its items inline, `一是…;二是…;三是…。`
    numbered on across paragraphs: each item is titled by the text after `X是` up to its own `;` /
    `。`, and runs to the next item's label or the end of its paragraph.

    3+ items numbered 一, 二, 三, ... without a gap. Under heading lines, only items whose nearest
    heading above is no section-kind heading count (a plan's `保障措施` says `一是…二是…` too);
    the caller then scores them like a heading level (`inline_candidate`)."""
    region = [ln for ln in lines if start <= ln.start < end and not ln.blank and ln.no not in skip]
    out: list[Found] = []
    governing: Heading | None = None
    for ln in region:
        h = heading_of(ln)
        if h is not None:
            governing = h
            if len(ln.text) <= len(h.marker) + len(h.title) + 1:
                continue  # a heading line; a run-in heading (`(六)办好民生实事。今年…:一是…`) is read on
        if governing is not None and section_kind(governing.title) != "other":
            continue
        for m in _INLINE_ITEM.finditer(ln.text):
            if _cn_int(m.group("n")) != len(out) + 1:
                continue
            body_from = m.end()
            stop = min((k for k in (ln.text.find(p, body_from) for p in _INLINE_END) if k != -1),
                       default=len(ln.text))
            title = ln.text[body_from:stop].strip()
            if stop == len(ln.text) and m.start() == 0:  # a PDF copy wraps the item: its sentence goes on
                title += _wrapped_on(region, ln)
            title = strip_trail(unit_bracket_cut(title))  # `…300个(责任单位:市住建局、市城管局)`
            if not title:
                continue
            if out and out[-1].end > ln.start + m.start():
                out[-1].end = out[-1].body_start = ln.start + m.start()  # the item before ends at this label
            elif out and out[-1].end < ln.start + m.start():
                # an item of wrapped lines runs on to the end of its paragraph, at most to the next label
                out[-1].end = max(out[-1].end, min(ln.start + m.start(), _paragraph_end(lines, out[-1].end)))
            # an item opening its line ends, at the earliest, with its first sentence's wrapped lines
            end = _sentence_end(region, ln) if m.start() == 0 else ln.end
            out.append(Found(title, ln.start + m.start(), ln.end, end))
    if len(out) < 3:
        return []
    out[-1].end = _labelled_after(region, out[-1].end)
    return out


def _labelled_after(region: list[Line], end: int) -> int:
    """The end of the labelled lines right after the last item (`责任单位:市卫健局、市红十字会`): its own."""
    for ln in region:
        if ln.start < end:
            continue
        if not ITEM_LABEL.match(ln.text.strip()):
            break
        end = ln.end
    return end


_WRAP_LINES = 4  # lines a wrapped item's first sentence may run over


def _wrapped_on(region: list[Line], ln: Line) -> str:
    """The rest of a sentence a PDF copy wrapped onto the lines after `ln` (…新增学位1.8万个,基 /
    本消除…大班额。), up to its first `;` / `。`; none when the next line opens an item or a heading."""
    out = ""
    k = region.index(ln)
    for nxt in region[k + 1:k + 1 + _WRAP_LINES]:
        if nxt.no != ln.no + 1 or _INLINE_ITEM.match(nxt.text) or heading_of(nxt) is not None:
            break
        stop = min((i for i in (nxt.text.find(p) for p in _INLINE_END) if i != -1), default=-1)
        out += nxt.text if stop < 0 else nxt.text[:stop]
        if stop >= 0:
            break
        ln = nxt
    return out


def _sentence_end(region: list[Line], ln: Line) -> int:
    """The end of the line holding the stop of the sentence that opens `ln` (its wrapped lines)."""
    k = region.index(ln)
    end, no = ln.end, ln.no
    for nxt in [ln, *region[k + 1:k + 1 + _WRAP_LINES]]:
        if nxt is not ln and (nxt.no != no + 1 or _INLINE_ITEM.match(nxt.text) or heading_of(nxt) is not None):
            break
        end, no = nxt.end, nxt.no
        if nxt.text.rstrip().endswith(tuple(_INLINE_END)):
            break
    return end


def _paragraph_end(lines: list[Line], pos: int) -> int:
    """The end of the paragraph holding the line that ends at or after `pos`: its contiguous lines up
    to a blank line, a heading or the next item's label."""
    k = next((i for i, x in enumerate(lines) if x.end >= pos), None)
    if k is None:
        return pos
    end = lines[k].end
    for x in lines[k + 1:]:
        if x.blank or heading_of(x) is not None or _INLINE_ITEM.match(x.text):
            break
        end = x.end
    return end


def inline_candidate(lines: list[Line], start: int, end: int, skip: set[int], titled: bool) -> Candidate:
    """The inline items as a candidate: structural (eligible as found) in a text without heading
    lines; under headings they must look like projects as a heading level does (`strict`), and
    inside a titled plan carry their own unit or a figure in their title."""
    found = inline_programmes(lines, start, end, skip)
    region = [ln for ln in lines if start <= ln.start < end and not ln.blank and ln.no not in skip]
    headed = any(heading_of(ln) is not None for ln in region)
    cand = Candidate("inline", items=found, excluded=[False] * len(found), need_unit=titled, strict=headed)
    text_of = {ln.no: ln for ln in region}
    for f in found:
        ln = next(x for x in text_of.values() if x.start <= f.start < x.end)
        ev = evidence(ln.text[f.start - ln.start:f.end - ln.start])
        own = evidence(f.title)
        ev.titled = own.target or own.money
        cand.scores.append(ev)
    return cand


def _own_text(region: list[Line], at: int, stop: int, head_nos: set[int]) -> str:
    """An item heading's own text: its line (region[at]) plus the plain lines of its span (deeper
    heading lines left out, so a group heading over `(一)`…`(八)` items shows none of their evidence)."""
    parts = [region[at].text]
    for k in range(at + 1, len(region)):  # by index: a slice would copy the rest per heading
        ln = region[k]
        if ln.start >= stop:
            break
        if not ln.blank and ln.no not in head_nos:
            parts.append(ln.text)
    return "\n".join(parts)


def level_candidate(lines: list[Line], start: int, end: int, skip: set[int], level: int,
                    titled: bool) -> Candidate:
    """Headings of one outline level (1 `一、`/`第一件`, 2 `(一)`, 3 `1.`, 4 `(1)`) as candidate
    programmes, each scored on its own text; `titled`: inside a plan title, a project needs its own
    unit (a single plan's `(一)新建助餐点120个` targets are not programmes). Items of one level do
    not overlap, so the own texts together read each line once."""
    region = [ln for ln in lines if start <= ln.start < end]
    at = {ln.no: k for k, ln in enumerate(region)}
    heads = find_headings(region, skip)
    # deeper item headings are left out of an item's own text; its own sections (目标任务,
    # 资金来源, 责任单位: a section kind) are its text
    head_nos = {h.line.no for h in heads if section_kind(h.title) == "other"}
    # the end of each heading of this level: the next heading of this level or a shallower one
    stops: dict[int, int] = {}
    nxt = end
    for h in reversed(heads):
        if h.level == level:
            stops[h.line.no] = nxt
        if h.level <= level:
            nxt = h.line.start
    cand = Candidate(f"heading{level}", need_unit=titled)
    parent: Heading | None = None
    measures = False  # the items under `parent` are its measures, not projects
    for h in heads:
        if h.level < level:
            parent, measures = h, _measures_of(h)
            continue
        if h.level != level:
            continue
        first_of_group = not cand.parents or cand.parents[-1] is not parent
        if first_of_group:
            measures = measures or _after_label(region, at[h.line.no])
        stop = stops[h.line.no]
        excluded = (measures or section_kind(h.title) != "other" or is_category(h.title) or umbrella(h.title)
                    or (parent is not None and section_kind(parent.title) in NON_PROJECT_PARENTS))
        title = _whole_clauses(item_title(h.line.text[len(h.marker):].lstrip()).rstrip("、"), h.line, region,
                               at[h.line.no])
        cand.items.append(Found(title, h.line.start, h.line.end, stop, h))
        ev = evidence(_own_text(region, at[h.line.no], stop, head_nos))
        own = evidence(title)
        ev.titled = own.target or own.money
        cand.scores.append(ev)
        cand.excluded.append(excluded)
        cand.parents.append(parent)
    return cand


def _whole_clauses(title: str, line: Line, region: list[Line], k: int) -> str:
    """A heading line a PDF copy broke inside a clause (`十、新增养老机构床位1500张,其中护理型床位` / `不少于
    1000张;…`): the title keeps its whole clauses, the one the break cut goes."""
    text = line.text.rstrip()
    nxt = region[k + 1] if k + 1 < len(region) else None
    if "。" in text or text.endswith(("。", ";", ":", "!", "?", ")")) or nxt is None or nxt.blank \
            or heading_of(nxt) is not None or nxt.no != line.no + 1:
        return title
    cut = title.rfind(",")
    return title[:cut] if cut >= 4 else title


def _measures_of(parent: Heading) -> bool:
    """A parent heading that names its own target (`一、城镇新增就业9000人`) is a project: the
    numbered lines under it are its measures. A category count (`教育类(3件)`) is not a target."""
    if is_category(parent.title):
        return False
    ev = evidence(parent.title)
    return ev.target or ev.money


# a short label line opening a list of measures: `推进措施:` / `主要措施:` / `实施步骤:`
_LIST_LABEL_MAX = 10


def _after_label(region: list[Line], k: int) -> bool:
    """The first item of a group follows a label line `推进措施:` (a section-kind word or `…措施`,
    alone with its colon): a list of measures. `具体如下:` opens a list of projects."""
    for ln in reversed(region[:k]):
        if ln.blank:
            continue
        label = ln.text[:-1].strip()
        return (ln.text.endswith(":") and len(ln.text) <= _LIST_LABEL_MAX and heading_of(ln) is None
                and (section_kind(label) != "other" or label.endswith("措施")))
    return False


def prune_levels(cand: Candidate, lines: list[Line]) -> list[Found]:
    """The programmes of a chosen heading level: groups (items under one parent heading) without
    any project go (a closing `二、压实工作责任` / `有关要求` group); in the other groups excluded
    items go, and evidence-free items at a group's edges; a last item written as one run-in
    paragraph like the others ends with its paragraph (and its label lines), not the notice."""
    groups: dict[int | None, list[int]] = {}
    for k, p in enumerate(cand.parents):
        groups.setdefault(None if p is None else p.line.no, []).append(k)
    keep: list[int] = []
    for ks in groups.values():
        if not any(cand.is_project(k, cand.loose) for k in ks):
            continue
        ks = [k for k in ks if not cand.excluded[k]]
        while ks and cand.scores[ks[0]].score == 0:
            ks.pop(0)
        while ks and cand.scores[ks[-1]].score == 0:
            ks.pop()
        keep.extend(ks)
    out = [cand.items[k] for k in sorted(keep)]
    if out and all(_one_paragraph(f, lines) for f in out[:-1]):
        last = out[-1]
        last.end = item_extent(lines, last.heading, last.end)
    return out


def _one_paragraph(f: Found, lines: list[Line]) -> bool:
    return not any(not ln.blank and f.body_start <= ln.start < f.end for ln in lines)


# a count of the notice's own items: 7件实事, 十件民生实事, 6项民生实事 (the words: lexicon/plans.yaml)
@cache
def _count_re() -> regex.Pattern:
    words = "|".join(regex.escape(w) for w in sorted(load_yaml("plans.yaml")["umbrella_words"] + ["实事"], key=len, reverse=True))
    return regex.compile(rf"(?P<n>[一二三四五六七八九十两]{{1,3}}|\d{{1,2}})[件项](?:重点)?(?:{words})")


# a line naming an item's units: 责任单位:…, (牵头单位:…;配合单位:…), (县人社局、县财政局)
_UNITS_LINE = regex.compile(
    r"(?:(?:责任|牵头|配合|实施|主责|协办)(?:单位|部门|主体)[:].*|.*\((?:[^()]*(?:单位|部门)[:][^()]*"
    r"|[^()\d:]{2,80}(?:局|委|办|府|厅|联|会|院|部|中心))\)[。]?)")


_HEADING_LINE = regex.compile(r"(?m)^[ \t\u3000]*(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\)|\d{1,2}[.、](?!\d))")


def _units_line_ends(text: str, start: int, end: int) -> list[int]:
    """Ends of the lines of text[start:end] that name the item's units."""
    out, pos = [], start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        line = text[pos:stop].strip()
        if line and _UNITS_LINE.fullmatch(line):
            out.append(stop)
        pos = stop + 1
    return out


def cut_after_units(found: list[Found], text: str) -> None:
    """Items that end with their units (`责任单位:…` / `(市民政局、市财政局)`; one may not): the paragraphs after
    the last item's units (`下一步,各责任单位要…`, `大会要求,…`) are the notice's closing, not the item's."""
    if len(found) < 3 or sum(_ends_with_units(text, f) for f in found[:-1]) < max(2, len(found) - 2):
        return  # all items before the last but one at most end with their units
    last = found[-1]
    ends = _units_line_ends(text, last.start, last.end)
    rest = text[ends[-1]:last.end] if ends else ""
    if rest.strip() and not _HEADING_LINE.search(rest):  # 五、完成时限 after 实施单位: still the item's
        last.end = ends[-1]


def _ends_with_units(text: str, f: Found) -> bool:
    tail = text[f.start:f.end].rstrip()
    return bool(tail) and bool(_UNITS_LINE.fullmatch(tail[tail.rfind("\n") + 1:].strip()))


def cut_closing(found: list[Found], text: str) -> None:
    """A list notice's closing written after its last item (`据悉,市政府将对7件实事实行月调度…`,
    `…确保十件民生实事年底前全部见效`) is the notice's, not the last item's: the last item ends at the
    first sentence after its own first one that counts all the items."""
    cut_after_units(found, text)
    if len(found) < 3:
        return
    last = found[-1]
    first_stop = min((k for k in (text.find("。", last.start, last.end), text.find("\n", last.start, last.end)) if k != -1),
                     default=-1)
    if first_stop < 0:
        return
    for m in _count_re().finditer(text, first_stop, last.end):
        n = m.group("n")
        if (int(n) if n.isdigit() else _cn_int(n.replace("两", "二"))) != len(found):
            continue
        cut = max(text.rfind("。", first_stop, m.start()), text.rfind("\n", first_stop, m.start()),
                  text.rfind(";", first_stop, m.start())) + 1
        last.end = max(cut, first_stop + 1)
        return


def labelled_programmes(lines: list[Line], start: int, end: int) -> list[Found]:
    """Projects each opened by a labelled line naming it (`项目名称:城区义务教育学校扩容`, a form per
    project, lexicon/table_title_columns.txt): each runs to the next such line; two at least."""
    from .lines import title_columns

    names = title_columns()
    found: list[Found] = []
    for ln in lines:
        if not (start <= ln.start < end) or ln.blank:
            continue  # (a form's lines are a table's cells: not skipped)
        label, colon, value = ln.text.strip().partition(":")
        if colon and label in names and 2 <= len(value.strip()) <= 40:
            if found:
                found[-1].end = ln.start
            found.append(Found(value.strip(), ln.start, ln.end, end))
    return found if len(found) >= 2 else []
