"""附件: references (`附件:1.XX表`), attachment blocks (`附件1` + title + table) and tables
rebuilt from the flattened one-cell-per-line layout."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cache

import regex

from ..tables.columns import caption_unit
from ..tables.columns import lexicon as table_lexicon
from ..tables.flat import rebuild_table
from .lines import (
    Line,
    has_cjk,
    is_figure,
    is_furniture,
    is_table_furniture,
    is_table_row,
    title_columns,
)
from .programmes import content_end

__all__ = ["rebuild_table"]

# a block label alone on its line: 附件1 / 附件 2 / 附件 / 附表1
_LABEL = regex.compile(r"附\s*[件表]\s*(\d{1,2})?\s*[:]?")
# a reference list: 附件:1.困难重度残疾人家庭无障碍改造任务分解表 / 附件:乡村全民健身提升工程任务分解表 / 附表:1.…
_REF = regex.compile(r"附\s*[件表]\s*[:]\s*(.+)")
# continuation item of a reference list: `2.2025年残疾人日间照料服务省级示范中心任务分解表`
_REF_ITEM = regex.compile(r"(\d{1,2})\s*[.、．]\s*(\S.*)")
# where an attachment title ends: ...任务分解表 / ...清单 / ...名单
_TITLE_END = regex.compile(r"(?:表|清单|名单|名册|目录|明细|计划|汇总|一览)$")
_SEQ_HEADERS = ("序号", "编号", "No.", "NO.")
# a note under a table: `注:资金安排包括…` / `备注:` / `说明:`; it ends the table
# a unit written at the end of a title line: `…资金构成表(单位:万元)`
_UNIT_LINE = regex.compile(r"\s*[(]?(?:金额|资金)?单位[:]")
_UNIT_TAIL = regex.compile(r"\s*[(](?:金额|资金)?单位[:][^)]{1,8}[)]\s*$")
_NOTE = regex.compile(r"(?:注|备注|说明)\s*\d?\s*[:]")
# a label and its title on one line: `附件:长治市2025年…任务分解表` / `附表:2025年…任务分配表`
_INLINE = regex.compile(r"(附\s*[件表])\s*(\d{1,2})?\s*[:]\s*(\S.*)")
# a heading line of the body (`一、` / `(一)`): a flattened table never runs over one
_BODY_HEADING = regex.compile(r"[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\)")


@dataclass
class Reference:
    """A title named in a 附件: list, with its number (1, 2, ... or None) and the line it is on."""

    title: str
    number: int | None
    line: Line


@dataclass
class Block:
    """An attachment block: label line, title lines, the table cells after them."""

    label: str
    number: int | None
    label_line: Line
    title: str = ""
    title_lines: list[Line] = field(default_factory=list)
    end: int = 0
    table_lines: list[Line] = field(default_factory=list)



def _compact(s: str) -> str:
    return "".join(s.split())


def find_references(lines: list[Line]) -> list[Reference]:
    """Titles named after `附件:`; numbered continuation lines under it belong to the list."""
    refs: list[Reference] = []
    nonblank = [ln for ln in lines if not ln.blank]
    for i, ln in enumerate(nonblank):
        m = _REF.fullmatch(ln.text) if ln.text.startswith("附") else None
        if not m:
            continue
        body = m.group(1).strip()
        item = _REF_ITEM.fullmatch(body)
        if item:
            refs.append(Reference(item.group(2).strip(), int(item.group(1)), ln))
            for nxt in nonblank[i + 1:i + 20]:
                it = _REF_ITEM.fullmatch(nxt.text)
                if not it or int(it.group(1)) != refs[-1].number + 1:
                    break
                refs.append(Reference(it.group(2).strip(), int(it.group(1)), nxt))
        else:
            refs.append(Reference(body, None, ln))
    return refs


def reference_lines(refs: list[Reference]) -> set[int]:
    return {r.line.no for r in refs}


def _ends_table(text: str, plan_title, group: bool = False) -> bool:
    """A line a table never runs over: a label, a body heading (not a group row, `group`), a note,
    a sentence, a plan title."""
    label = text.startswith("附") and (_LABEL.fullmatch(text) or _INLINE.fullmatch(text))
    return bool(label
                or (not group and _BODY_HEADING.match(text)) or _NOTE.match(text)
                or "。" in text or (len(text) > 40 and not is_table_row(text)) or plan_title(text))


def _group_row(lines: list[Line], k: int) -> bool:
    """`一、教育类项目` inside a flattened table: a group row, not a body heading, when a figure
    (its sum, or the first item's serial number) is the next line."""
    nxt = next((x for x in lines[k + 1:k + 4] if not x.blank and not is_furniture(x.text)), None)
    return nxt is not None and is_figure(nxt.text) and "。" not in lines[k].text


def _inline_table(lines: list[Line], idx: int, stops: frozenset[int], plan_title) -> list[Line]:
    """The table right under an `附件:TITLE` line (rows on one line each, or one cell per line),
    up to the first line a table never runs over; [] when what follows is no table (body text,
    another label): the line is then a reference only."""
    body: list[Line] = []
    for k in range(idx + 1, len(lines)):
        x = lines[k]
        if x.start in stops or (not x.blank and not is_furniture(x.text) and _ends_table(
                x.text, plan_title, bool(body) and _group_row(lines, k))):
            break
        if not is_furniture(x.text):
            body.append(x)
    while body and body[-1].blank:
        body.pop()
    cells = [x for x in body if not x.blank]
    rows = sum(is_table_row(x.text) for x in cells)
    if rows >= 2 and rows * 2 >= len(cells):
        return body
    figures = sum(is_figure(x.text) for x in cells)
    return body if len(cells) >= 4 and figures >= 2 and figures * 3 >= len(cells) else []


def find_inline_blocks(lines: list[Line], stops: list[int], plan_title) -> list[Block]:
    """`附件:TITLE` / `附表:TITLE` lines followed by a table: blocks titled on their label line."""
    blocks: list[Block] = []
    stop_set = frozenset(stops)  # asked of every line under a label
    for k, ln in enumerate(lines):
        m = _INLINE.fullmatch(ln.text) if ln.text.startswith("附") and not ln.blank else None
        if not m or _REF_ITEM.fullmatch(m.group(3).strip()):
            continue
        table = _inline_table(lines, k, stop_set, plan_title)
        if table:
            blocks.append(Block(label=_compact(m.group(1)) + (m.group(2) or ""),
                                number=int(m.group(2)) if m.group(2) else None, label_line=ln,
                                title=_compact(m.group(3)), end=table[-1].end, table_lines=table))
    return blocks


def _line_start(ln: Line) -> int:
    return ln.start


def find_blocks(lines: list[Line], refs: list[Reference], stops: list[int]) -> list[Block]:
    """Attachment blocks; each ends at the next block, the next offset in `stops` or the last line."""
    blocks: list[Block] = []
    for ln in lines:
        if ln.blank or not ln.text.startswith("附"):  # every label starts with 附
            continue
        m = _LABEL.fullmatch(ln.text)
        if m:
            num = int(m.group(1)) if m.group(1) else None
            blocks.append(Block(label=_compact(ln.text).rstrip(":"), number=num, label_line=ln))
    last = content_end(lines)  # the end of the last line that is not furniture
    ordered = sorted(stops)  # the first stop after a label by bisection (a pass per block was quadratic)
    wanted = _Wanted(refs)
    for i, b in enumerate(blocks):
        k = bisect_right(ordered, b.label_line.start)
        nexts = ordered[k:k + 1]
        if i + 1 < len(blocks):
            nexts.append(blocks[i + 1].label_line.start)
        b.end = min(nexts) if nexts else last
        lo = bisect_right(lines, b.label_line.end, key=_line_start)  # lines are in offset order
        hi = bisect_right(lines, b.end, lo, key=_line_start)
        body = [ln for ln in lines[lo:hi] if ln.start < b.end or ln.blank]
        _split_title(b, body, wanted)
    return blocks


class _Wanted:
    """The titles an `附件:` list names (compacted), asked by every block: a set, and a sorted
    list where the titles starting with a given text are the run from its bisection point (one
    lookup, not a pass over every title per block: quadratic in a long document)."""

    def __init__(self, refs: list[Reference]) -> None:
        self._set = frozenset(_compact(r.title) for r in refs)
        self._sorted = sorted(self._set)

    def __contains__(self, s: str) -> bool:
        return s in self._set

    def prefixed(self, s: str) -> bool:
        """Some title starts with `s`."""
        k = bisect_left(self._sorted, s)
        return k < len(self._sorted) and self._sorted[k].startswith(s)

    def longer(self, s: str) -> bool:
        """Some title other than `s` starts with `s`."""
        k = bisect_right(self._sorted, s)
        return k < len(self._sorted) and self._sorted[k].startswith(s)


def _split_title(block: Block, body: list[Line], wanted: _Wanted) -> None:
    """Title lines (wrapped title joined) then table lines."""
    nonblank = [ln for ln in body if not ln.blank and not is_furniture(ln.text)]
    title, used = "", []
    for ln in nonblank[:4]:
        cand = title + _compact(ln.text)
        if cand in wanted:
            title, used = cand, [*used, ln]
            break
        if wanted.prefixed(cand) or (not used and has_cjk(ln.text)):
            title, used = cand, [*used, ln]
            if _TITLE_END.search(cand) and not wanted.longer(cand):
                break
            continue
        break
    # a title that never reached its end word: keep only the first line, the rest are header cells
    if len(used) > 1 and not _TITLE_END.search(title) and title not in wanted:
        used = used[:1]
        title = _compact(used[0].text)
    block.title = title
    block.title_lines = used
    after = used[-1].end if used else block.label_line.end
    # a unit at the end of the title (`…分配表(单位:户、万元)`) is the table's caption
    caption = [used[-1]] if used and caption_unit(used[-1].text) else []
    block.table_lines = caption + [ln for ln in body if ln.start > after and not is_table_furniture(ln.text)]


def find_free_tables(lines: list[Line], taken: set[int], grids: list[list[list[str]]] | None = None) -> list[Block]:
    """`|`-separated tables standing in the body without an `附件` label (a 计划表 printed after the
    cover letter): 2+ consecutive pipe rows, titled by the short line just above them; the reader's
    grids found there (`grids`); flattened tables under a header the lexicon knows."""
    found = _grid_tables(lines, taken, grids or [])
    taken = taken | {ln.no for b in found for ln in (*b.title_lines, *b.table_lines)}
    blocks: list[Block] = []
    run: list[Line] = []

    def flush() -> None:
        rows = [ln for ln in run if not is_furniture(ln.text)]
        if len(rows) >= 2:
            above = [ln for ln in reversed(lines[max(0, run[0].no - 6):run[0].no]) if not ln.blank]
            unit_line = (above[0] if above and above[0].no not in taken and caption_unit(above[0].text)
                         and _UNIT_LINE.match(above[0].text) else None)  # 单位:万元 alone, not a title with one
            prev = above[1] if unit_line is not None and len(above) > 1 else above[0] if above else None
            head = _UNIT_TAIL.sub("", prev.text) if prev is not None else ""
            titled = (prev is not None and prev.no not in taken and "|" not in prev.text and len(head) <= 60
                      and has_cjk(head) and not any(p in head for p in "。;:"))
            first = prev if titled and prev is not None else run[0]
            # a unit in the title line (`表1 …构成表(单位:万元)`) is the table's caption
            caption = [prev] if titled and prev is not None and head != prev.text else []
            caption += [unit_line] if unit_line is not None else []  # 单位:万元 between the title and the table
            blocks.append(Block(label="", number=None, label_line=first, title=_compact(head) if titled else "",
                                title_lines=[prev] if titled and prev is not None else [],
                                end=run[-1].end, table_lines=caption + list(run)))
        run.clear()

    for ln in lines:
        if not ln.blank and "|" in ln.text and ln.no not in taken:
            run.append(ln)
            continue
        if run:
            flush()
    if run:
        flush()
    return found + blocks + _flat_tables(lines, taken | {ln.no for b in blocks for ln in (*b.title_lines, *b.table_lines)})


def _grid_tables(lines: list[Line], taken: set[int], grids: list[list[list[str]]]) -> list[Block]:
    """A grid the reader saw (a .docx or HTML table) standing in the body without an `附件` label and
    under no header the lexicon knows (a plan's `资金来源 | 金额(万元)` table): found line by line from a
    line that is its first cell to its last cell; kept with 2+ rows and a figure cell."""
    from ..normalize import normalize_fragment

    wanted: dict[str, list[str]] = {}
    for g in grids:
        cells = [_compact(normalize_fragment(c)) for row in g for c in row if c and c.strip()]
        if len(g) >= 2 and len(cells) >= 4 and any(is_figure(c) for c in cells):
            wanted.setdefault(cells[0], []).append("".join(cells))
    blocks: list[Block] = []
    k = 0
    while wanted and k < len(lines):
        ln = lines[k]
        whole = wanted.get(_compact(ln.text)) if not ln.blank and ln.no not in taken else None
        end = next((e for w in whole or () if (e := _grid_end(lines, k, w, taken)) is not None), None)
        if end is None:
            k += 1
            continue
        blocks.append(_titled_block(lines, k, lines[k:end], taken))
        k = end
    return blocks


def _grid_end(lines: list[Line], k: int, whole: str, taken: set[int]) -> int | None:
    """The index after the last line of a grid whose cells, blanks removed, spell `whole` from line k."""
    got = ""
    j = k
    while j < len(lines) and len(got) < len(whole):
        if lines[j].no in taken:
            return None
        if not lines[j].blank:
            got += _compact(lines[j].text)
            if not whole.startswith(got):
                return None
        j += 1
    return j if got == whole else None


def region_columns() -> list[str]:
    """Headers of a column of counties (lexicon/table_columns.yaml `regions`): a table of regional
    shares may start with one (`县(市、区)` / `工程处数(处)` / …)."""
    return table_lexicon()["regions"]


def _table_title(ln: Line | None, taken: set[int]) -> bool:
    """`2019年省政府为民办实事工作任务分工表`: a short line ending in a table word, no sentence."""
    return (ln is not None and ln.no not in taken and len(ln.text) <= 60 and has_cjk(ln.text)
            and not any(p in ln.text for p in "。;:,") and bool(_TITLE_END.search(ln.text)))


@cache
def _header_cells() -> frozenset[str]:
    """The cells that open a flattened table's header (sequence, project name, region, stage)."""
    return frozenset(_SEQ_HEADERS + tuple(title_columns()) + tuple(region_columns()) + tuple(table_lexicon()["stages"]))


def _flat_tables(lines: list[Line], taken: set[int]) -> list[Block]:
    """Flattened (one cell per line) tables standing in the body without an `附件` label: a header
    starting with `序号` or a project-name column (lexicon/table_title_columns.txt), maybe under a
    title line `…表`, running to a note (`注:`), a body heading, an `附件` label or the end; kept
    when it holds a figure cell."""
    blocks: list[Block] = []
    heads = _header_cells()  # a set: every line of the notice is looked up
    k = 0
    while k < len(lines):
        ln = lines[k]
        if ln.blank or ln.no in taken or ln.text not in heads:
            k += 1
            continue
        body: list[Line] = []
        j = k
        while j < len(lines):
            x = lines[j]
            if x.no in taken or (not x.blank and (
                    _NOTE.match(x.text)
                    or (_BODY_HEADING.match(x.text) and not _group_row(lines, j))
                    or _LABEL.fullmatch(x.text))):
                break
            if not is_table_furniture(x.text):
                body.append(x)
            j += 1
        while body and body[-1].blank:
            body.pop()
        cells = [x for x in body if not x.blank]
        # a steps table (阶段 | 时间 | 工作内容) holds windows, not figures
        steps = ln.text in table_lexicon()["stages"] and any(x.text in table_lexicon()["windows"] for x in cells[:4])
        if len(cells) < 4 or not (steps or any(is_figure(x.text) for x in cells)):
            k += 1
            continue
        blocks.append(_titled_block(lines, k, body, taken))
        k = j
    return blocks


def _titled_block(lines: list[Line], k: int, body: list[Line], taken: set[int]) -> Block:
    """A table standing in the body from lines[k]: a caption line above it (`单位:万元`) gives it its
    unit, a title line above that (`…分工表`) its title."""
    above = (x for x in reversed(lines[:k]) if not x.blank)
    prev = next(above, None)
    caption = [prev] if prev is not None and prev.no not in taken and caption_unit(prev.text) else []
    if caption:
        prev = next(above, None)
    titled = _table_title(prev, taken)
    first = prev if titled and prev is not None else (caption or [lines[k]])[0]
    return Block(label="", number=None, label_line=first,
                 title=_compact(prev.text) if titled and prev is not None else "",
                 title_lines=[prev] if titled and prev is not None else [],
                 end=body[-1].end, table_lines=caption + body)
