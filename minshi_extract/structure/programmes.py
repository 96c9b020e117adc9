"""Programmes: where each plan starts and ends, its title, parts and sections.

Layouts:
- per-plan: each plan has a title line `...实施方案` (maybe wrapped over lines) and its own headings;
- otherwise candidate levels are scored by project evidence (structure/evidence.py) and the best
  one wins: continuously numbered items (`1.` .. `12.` running on across groups, here), the
  headings of one outline level (`一、` / `(一)` / `1.` / `(1)`) and inline `一是…二是…` items
  (structure/levels.py), the rows of a project table.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

import regex

from ..models import Part, Programme, Section
from ..rules.lexicon import load_yaml
from .headings import Heading, build_sections, find_headings, heading_of, parse_marker
from .lines import TIMEOUT, Line, has_cjk, is_figure, is_furniture, is_table_row, per_document

# a plan title ends the line: ...实施方案 / ...工作方案 / ...行动方案(试行)
_PLAN_END = regex.compile(r"(?:实施方案|工作方案|行动方案|建设方案|方案|实施细则)(?:\((?:试行|修订)\))?")
_PLAN_END_AT_END = regex.compile(_PLAN_END.pattern + "$")
_PLAN_END_TAILS = ("方案", "细则", "(试行)", "(修订)")
_SENTENCE_PUNCT = "。;;!?！？:"
# a trailing unit list closing an item: `(县人社局、县财政局)` / `(牵头单位:县人社局)`
_UNIT_BRACKET = regex.compile(
    r"\((?:[^()]*(?:局|委|办|府|单位|部|院|会|中心|联|队|厅|站|所|公司|集团)[^()]*)\)\s*[。;]?$"
)
# label lines that belong to an item: 责任单位:... / 牵头部门:... / 推进措施:
ITEM_LABEL = regex.compile(r"\(?(?:责任单位|牵头单位|牵头部门|配合部门|配合单位|实施单位|实施主体|责任主体|"
                            r"推进措施|工作措施|完成时限|时间节点|目标任务|资金来源|主要措施)[:)]")
_NOT_BLANK = frozenset("\x1c\x1d\x1e\x1f")  # str.isspace() holds for these, regex's \s does not


def strip_trail(s: str) -> str:
    r"""`s` without the separators and blanks ending it (what `[;,:\s]+$` matches), by a backward
    look: the pattern's search tries every start in a long run of separators."""
    end = len(s)
    while end and (s[end - 1] in ";,:" or (s[end - 1].isspace() and s[end - 1] not in _NOT_BLANK)):
        end -= 1
    return s[:end]


# a signature date closing the cover letter (2025年2月26日 / 二〇二五年二月二十六日): the title of the
# first plan never reaches back over it (nor over the signing body above it)
_DATE_LINE = regex.compile(r"(?:(?:19|20)\d{2}|[〇零一二三四五六七八九○О]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月"
                           r"\s*[\d一二三四五六七八九十]{1,3}\s*日(?:\s*[(][^()]{2,10}[)])?")  # (此件公开发布)
MAX_FRAGMENT = 40


@dataclass
class Found:
    """A programme found in the text, before sections are built."""

    title: str
    start: int  # title start
    body_start: int  # first offset after the title lines
    end: int = 0
    heading: Heading | None = None  # the item heading, for the items layout


@per_document
def is_plan_title_end(s: str) -> bool:
    """`...工程实施方案` alone on a line; not the cover title (`关于...的通知`), not a sentence."""
    tail = s[:-1] if s.endswith("\n") else s  # `$` also matches before a final line break
    if not tail.endswith(_PLAN_END_TAILS) or len(s) > 100:
        return False  # what _PLAN_END_AT_END needs at the end, tested first: most lines end otherwise
    if parse_marker(s) or is_furniture(s):
        return False
    if any(p in s for p in _SENTENCE_PUNCT) or "关于" in s or "《" in s or s.startswith(("附件", "根据", "按照")):
        return False
    return bool(_PLAN_END_AT_END.search(s, timeout=TIMEOUT))


@per_document
def is_title_fragment(s: str) -> bool:
    """A wrapped title line: short, Chinese, no sentence punctuation, no marker, not a table figure."""
    if not s or len(s) > MAX_FRAGMENT or not has_cjk(s) or is_figure(s) or is_furniture(s):
        return False
    if any(p in s for p in _SENTENCE_PUNCT) or s.endswith(("。", ",")) or parse_marker(s):
        return False
    if _DATE_LINE.fullmatch(s) or is_table_row(s) or _UNIT_LIST.fullmatch(s):
        return False  # 市住房城乡建设局(牵头)、市财政局、各区县(市)人民政府: the units of the plan before
    return not s.startswith(("附件", "附\u3000件")) and not is_plan_title_end(s)


_BODY = r"[^、]{2,24}?(?:局|委|办|府|厅|联|会|院|部|中心|公司|集团|队|站|所|署|处)(?:\((?:牵头|配合)\w{0,2}\))?"
_UNIT_LIST = regex.compile(rf"{_BODY}(?:、{_BODY})+")


def find_plan_titles(lines: list[Line], start: int = 0) -> list[Found]:
    """Per-plan titles after offset `start`, wrapped lines joined (`改造建设18个...中心` + `和59个...方案`)."""
    found: list[Found] = []
    for idx, ln in enumerate(lines):
        if ln.blank or ln.start < start:
            continue
        if not ln.text.endswith(_PLAN_END_TAILS) and not _short_next(lines, idx):
            continue  # neither a title's end nor a title broken before a short last line
        tail = _split_title_tail(lines, idx)
        if tail is None and not is_plan_title_end(ln.text):
            continue
        if found and found[-1].body_start > ln.start:
            continue  # the tail line of the title just found
        first = idx
        j = idx - 1
        while True:
            gap = 0
            while j >= 0 and lines[j].blank:
                gap += 1
                j -= 1
            if j < 0 or gap > 1 or lines[j].start < start or not is_title_fragment(lines[j].text):
                break
            if found and lines[j].start < found[-1].body_start:
                break
            first = j
            j -= 1
        last = _year_line_after(lines, tail if tail is not None else idx)
        title_lines = [x for x in lines[first:last + 1] if not x.blank]
        title = "".join(x.text for x in title_lines)
        found.append(Found(title, lines[first].start, lines[last].end))
    return found


_YEARS_LINE = regex.compile(r"\((?:19|20)\d{2}(?:[—–\-~至](?:19|20)\d{2})?年(?:度)?\)")


def _year_line_after(lines: list[Line], idx: int) -> int:
    """The line of a title's years set under it (`…实施方案` / `(2024—2025年)`), else `idx`."""
    for k in (idx + 1, idx + 2):
        if k < len(lines) and not lines[k].blank:
            return k if _YEARS_LINE.fullmatch(lines[k].text.strip()) else idx
    return idx


def _short_next(lines: list[Line], idx: int) -> bool:
    """The next non-blank line, at most one blank line below, has at most 3 characters."""
    for k in (idx + 1, idx + 2):
        if k >= len(lines):
            return False
        if not lines[k].blank:
            return len(lines[k].text) <= 3
    return False


def _split_title_tail(lines: list[Line], idx: int) -> int | None:
    """Index of the last line of a title broken inside its final word: a PDF centres
    `…60公里实施方` and sets `案` alone on the next line. Only a tail of at most 3 characters that
    completes the plan-title ending counts; None otherwise."""
    ln = lines[idx]
    k, gap = idx + 1, 0
    while k < len(lines) and lines[k].blank:
        gap, k = gap + 1, k + 1
    # the cheap tests first: a short next line that ends the joined text like a plan title
    if k >= len(lines) or gap > 1 or len(lines[k].text) > 3:
        return None
    joined = ln.text + lines[k].text
    if not joined.endswith(_PLAN_END_TAILS) or is_plan_title_end(ln.text) or not is_title_fragment(ln.text):
        return None
    return k if is_plan_title_end(joined) else None


def item_title(body: str) -> str:
    """`城镇新增就业1.1万人,扶持成功创业2600人(县人社局、县财政局)。` -> the text before 。 / the unit bracket."""
    cut = body.find("。")
    head = body if cut == -1 else body[:cut]
    return strip_trail(unit_bracket_cut(head).strip())


def unit_bracket_cut(title: str) -> str:
    """A title without the bracket of its units that closes it (`…(县人社局、县财政局)`)."""
    return _UNIT_BRACKET.sub("", title)


def find_items(lines: list[Line], start: int, end: int, skip: set[int]) -> list[Heading]:
    """Continuously numbered items (1. .. K.) whose numbering runs on across group headings.

    Returns [] when the numbering never crosses a group heading (a single plan's steps restart
    under each section) and the list is short.
    """
    region = [ln for ln in lines if start <= ln.start < end]
    heads = find_headings(region, skip)
    items: list[Heading] = []
    expected = 1
    crossed = False
    group_since_last = False
    prev_text = ""
    in_sub = False
    last_sub = 0
    by_no = {ln.no: ln for ln in region}
    for h in heads:
        prev = _prev_nonblank(by_no, h.line.no)
        prev_text = prev.text if prev else ""
        if h.level in (1, 2) or (h.level == 3 and h.number is None):
            group_since_last = True
            in_sub = False
            continue
        if h.level != 3 and h.level != 4:
            continue
        if prev_text.endswith(":") and h.number == 1 and items:
            in_sub, last_sub = True, 1
            continue
        if in_sub and h.number == last_sub + 1 and not group_since_last and _continues_sub(prev):
            last_sub += 1
            continue
        in_sub = False
        if h.number == expected and (not items or h.level == items[0].level):
            if items and group_since_last:
                crossed = True
            items.append(h)
            expected += 1
            group_since_last = False
    if len(items) >= 2 and (crossed or len(items) >= 5):
        return items
    return []


def _prev_nonblank(by_no: dict[int, Line], no: int) -> Line | None:
    k = no - 1
    while k in by_no:
        if not by_no[k].blank:
            return by_no[k]
        k -= 1
    return None


def _continues_sub(prev: Line | None) -> bool:
    """A sub-step list goes on while the line before is a sub-step (`1.xx`) itself."""
    return prev is not None and heading_of(prev) is not None


def item_extent(lines: list[Line], item: Heading, stop: int) -> int:
    """An item covers its paragraph plus following sub-steps and labelled lines (责任单位:...); an item
    whose line is only its title (`5.提高城乡居民基础养老金。`) also the paragraph after it, its body."""
    end = item.line.end
    started = False
    bare = len(item.line.text.strip()) <= len(item.marker) + len(item.title) + 1
    for ln in lines:
        if ln.start <= item.line.start:
            continue
        if ln.start >= stop:
            break
        if ln.blank:
            continue
        h = heading_of(ln)
        sub = h is not None and h.level >= 3 and started
        if ITEM_LABEL.match(ln.text) or sub:
            if ITEM_LABEL.match(ln.text) and ln.text.rstrip().endswith(":"):
                started = True
            end = ln.end
            continue
        if bare and h is None:
            bare, end = False, ln.end  # the body under a title line
            continue
        break
    return end


def content_end(lines: list[Line]) -> int:
    """End of real content: the last line that is not page furniture (`扫一扫...`, `xxx.pdf`)."""
    for ln in reversed(lines):
        if not ln.blank and not is_furniture(ln.text):
            return ln.end
    return 0


def _trim(text: str, start: int, end: int) -> int:
    while end > start and (text[end - 1].isspace()):
        end -= 1
    return end


def bundle_parts(sections: list[Section]) -> bool:
    """A plan bundles projects when it has 2+ level-1 headings and each holds its own targets subsection."""
    top = [s for s in sections if s.level == 1]
    if len(top) < 2 or len(top) != len(sections):
        return False
    return all(any(c.kind == "targets" for c in s.children) for s in top)


def _start(ln: Line) -> int:
    return ln.start


def make_programme(pid: str, found: Found, text: str, lines: list[Line], skip: set[int]) -> Programme:
    """Sections of a programme; a bundled plan's 一、 headings become parts."""
    # lines are in offset order: the body is one slice, found by bisection
    lo = bisect_left(lines, found.body_start, key=_start)
    hi = bisect_left(lines, found.end, lo, key=_start)
    body = lines[lo:hi]
    if found.heading is not None:
        body = [ln for ln in body if ln.no != found.heading.line.no]
    heads = find_headings(body, skip)
    sections = build_sections(heads, found.end, text)
    parts: list[Part] = []
    if bundle_parts(sections):
        parts = [Part.trusted(index=i, title=s.title, span=s.span, sections=s.children)
                 for i, s in enumerate(sections)]
        sections = []
    # trusted: built from values typed here (models._Model.trusted), no validation pass
    return Programme.trusted(id=pid, title=found.title, span=(found.start, _trim(text, found.start, found.end)),
                             parts=parts, sections=sections)


def items_as_found(lines: list[Line], items: list[Heading], region_end: int) -> list[Found]:
    out: list[Found] = []
    for k, h in enumerate(items):
        stop = items[k + 1].line.start if k + 1 < len(items) else region_end
        end = item_extent(lines, h, stop)
        out.append(Found(item_title(_wrapped_item(lines, h, end)[len(h.marker):]), h.line.start, h.line.end, end, h))
    return out


_WRAP_LINES = 4  # lines a PDF copy may wrap an item's first sentence over


def _wrapped_item(lines: list[Line], h: Heading, end: int) -> str:
    """The item's line, with the lines a PDF copy wrapped its first sentence onto (…新增学位1.8万个,基 /
    本消除…大班额。): contiguous lines inside the item, up to the one holding a `。`."""
    text = h.line.text
    no = h.line.no
    if no >= len(lines) or lines[no] is not h.line:
        return text  # not the notice's whole list of lines
    while "。" not in text and no + 1 < len(lines) and no - h.line.no < _WRAP_LINES:
        nxt = lines[no + 1]
        if nxt.blank or nxt.start >= end:
            break
        text += nxt.text
        no += 1
    return text


# what may stand before the umbrella word of a title that names no project of its own: a place, a
# year, a level, a count (`山西省2022年十项民生实事实施方案`, `2024年市级为民办实事项目实施方案`)
_UMBRELLA_LEAD = regex.compile(
    r"(?:关于)?(?:\p{Han}{1,10}?(?:省|市|县|区|州|旗|盟|自治区))?(?:\d{4}年度?)?(?:\p{Han}{1,10}?(?:省|市|县|区|州))?"
    r"(?:市级|省级|县级|区级|市本级|全市|全省|全县|全区|市政府|县政府|区政府|省政府|政府)?"
    r"(?:[十百\d一二三四五六七八九两]+(?:项|件|个|大|类))?(?:重点|重大|年度)?"
)


def umbrella(title: str) -> bool:
    """The title is the notice's umbrella: an umbrella word (民生实事, lexicon/plans.yaml) with only a
    place, year, level or count before it; `“一老一小”服务设施建设民生实事实施方案` names its project."""
    words = load_yaml("plans.yaml")["umbrella_words"]
    at = min((i for w in words if (i := title.find(w)) >= 0), default=-1)
    return at >= 0 and _UMBRELLA_LEAD.fullmatch(title[:at]) is not None
