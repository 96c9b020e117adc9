"""The structure parser: normalised text -> Notice skeleton (meta, programmes, parts, sections,
attachments), records left empty for the rules."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import replace
from itertools import pairwise

import regex

from ..ingest.forms import form_text
from ..limits import MAX_TABLE_CELLS, check_count
from ..models import Attachment, Notice, Programme, Table
from ..spans import SpanIndex
from ..tables.flat import cells_in
from ..tables.grids import grid_cells
from ..tables.place import is_group_label
from .attachments import find_blocks, find_free_tables, find_inline_blocks, find_references, rebuild_table
from .evidence import Candidate, choose, evidence
from .levels import cut_closing, inline_candidate, labelled_programmes, level_candidate, prune_levels
from .lines import Line, is_figure, new_document, per_document, split_lines, title_columns
from .meta import build_meta, find_recipients
from .programmes import (
    Found,
    content_end,
    find_items,
    find_plan_titles,
    is_plan_title_end,
    items_as_found,
    make_programme,
    umbrella,
)

__all__ = ["build_skeleton", "cover_span", "table_cell_spans"]

Span = tuple[int, int]


_TOTAL_LABELS = ("合计", "小计", "总计", "合 计")


def _row_text(header: list[str], row: list[str]) -> str:
    """A table row as `header:cell` pairs for the evidence patterns: `责任单位:县住建局` is a unit
    label, a figure under `投资估算(万元)` is money."""
    out = []
    for h, c in zip(header, row, strict=False):
        if c:
            out.append(f"{h}:{c}{'万元' if '万元' in h and is_figure(c) else ''}")
    return " ".join(out)


def table_candidate(tables: list[Table]) -> Candidate:
    """Layout 4: a plan table whose 项目名称 column names the programmes; one row = one programme."""
    cand = Candidate("table")
    for table in tables:
        col = next((j for j, h in enumerate(table.header) if h in title_columns()), None)
        if col is None or (len(table.header) == 2 and col == 0 and form_text([table.header, *table.rows])):
            continue  # 项目名称 | X / 建设内容 | … : a form of one project, its rows are its labels
        for row, spans in zip(table.rows, table._cell_spans[1:], strict=False):
            if not row[col] or any(c in _TOTAL_LABELS for c in row) or is_group_label(row[col]):
                continue  # a 合计 row, a group row `一、教育类项目`
            real = [sp for sp, c in zip(spans, row, strict=False) if c]
            # a name wrapped in its cell (`城镇老旧小区` / `改造`) is one title line
            cand.items.append(Found("".join(row[col].split("\n")), real[0][0], real[0][1], real[-1][1]))
            cand.scores.append(evidence(_row_text(table.header, row)))
            cand.excluded.append(False)
    return cand


def _structural(name: str, found: list[Found], text: str) -> Candidate:
    """A candidate whose detector saw a list shape (continuous numbering, `一是…二是…`)."""
    return Candidate(name, items=found, scores=[evidence(text[f.start:f.end]) for f in found],
                     excluded=[False] * len(found))


def _programmes_found(text: str, lines: list[Line], end: int, skip: set[int],
                      tables: list[Table], titles: list[Found]) -> list[Found]:
    """The programmes: 2+ plan titles win; else the outline level whose items look most like
    projects (evidence.choose); else the one titled plan. `titles`: find_plan_titles(lines), found once."""
    titles = [replace(f) for f in titles]  # their ends are set here
    if len(titles) >= 2:
        for k, f in enumerate(titles):
            f.end = titles[k + 1].start if k + 1 < len(titles) else end
        return titles
    start = titles[0].body_start if titles else _after_recipients(lines, end)
    whole = [_whole(f, end) for f in titles]
    if _bundles(whole, text, lines, skip):
        return whole  # one plan bundling projects as parts
    items = find_items(lines, start, end, skip)
    candidates = [
        # a project table under one plan naming its own project lists that project's sites
        table_candidate(tables) if not titles or umbrella(titles[0].title) else Candidate("table"),
        _structural("items", items_as_found(lines, items, end) if items else [], text),
        *(level_candidate(lines, start, end, skip, level, titled=bool(titles)) for level in (1, 2, 3, 4)),
        inline_candidate(lines, start, end, skip, titled=bool(titles)),
        _structural("labels", labelled_programmes(lines, start, end), text),
    ]
    best = choose(candidates)
    if best is None:
        return whole
    best = _prose_over_table(best, candidates)
    return prune_levels(best, lines) if best.name.startswith("heading") else best.items


def _prose_over_table(best: Candidate, candidates: list[Candidate]) -> Candidate:
    """A project table whose rows name the items of a list in the text (a list-style notice and
    its 项目清单 annex): the programmes are the list's items, the rows link to them by name."""
    from ..tables.link import matches

    if best.name != "table":
        return best
    names = [f.title for f in best.items]
    for c in candidates:
        if c is best or not c.items:
            continue
        hit = matches(names, [f.title for f in c.items])
        if hit >= 2 and hit * 2 >= len(names) and hit * 2 >= len(c.items):
            c.loose, c.need_unit = True, False  # the table attests its items are projects
            return c
    return best


def _plan_titles(lines: list[Line], cells: frozenset[str]) -> list[Found]:
    """Plan titles, less the lines that are cells of a table the reader saw (`完成建设方案`)."""
    return [f for f in find_plan_titles(lines) if _compact(f.title) not in cells]


def _after_recipients(lines: list[Line], end: int) -> int:
    _, rline = find_recipients(lines, end)
    return rline.end if rline else 0


def _whole(found: Found, end: int) -> Found:
    found.end = end
    return found


def _bundles(whole: list[Found], text: str, lines: list[Line], skip: set[int]) -> bool:
    """One titled plan whose 一、 headings each hold their own 目标任务: a plan bundling projects
    (parts), not a list of programmes; unless its title is the notice's umbrella (…民生实事项目
    实施方案, lexicon/plans.yaml): then those headings are the notice's programmes."""
    if len(whole) != 1 or umbrella(whole[0].title):
        return False
    return bool(make_programme("P01", whole[0], text, lines, skip).parts)


def build_skeleton(text: str, hints: dict[str, str] | None = None,
                   grids: list[list[list[str]]] | None = None) -> Notice:
    """The Notice skeleton of a normalised notice text; `hints` are metadata found outside the body,
    `grids` the tables the reader saw as grids (RawDoc.tables rows)."""
    new_document()
    lines = split_lines(text)
    end = content_end(lines)
    warnings: list[str] = []
    refs = find_references(lines)
    skip = {r.line.no for r in refs}
    cells = grid_cells(grids or [])
    pre_titles = _plan_titles(lines, cells)
    title_starts = [f.start for f in pre_titles]
    inline = find_inline_blocks(lines, title_starts, is_plan_title_end)
    blocks = find_blocks(lines, refs, title_starts + [b.label_line.start for b in inline])
    blocks = sorted(blocks + inline, key=lambda b: b.label_line.start)
    taken = {ln.no for b in blocks for ln in (b.label_line, *b.title_lines, *b.table_lines)}
    blocks += find_free_tables(lines, taken | skip, grids)
    for b in blocks:
        skip.add(b.label_line.no)
        skip.update(ln.no for ln in b.title_lines)
        skip.update(ln.no for ln in b.table_lines)
    cells = sum(cells_in(b.table_lines) for b in blocks)  # counted before any is built (~500 bytes a cell)
    check_count("cells in the tables:", cells, MAX_TABLE_CELLS, "")
    built = {id(b): rebuild_table(b.table_lines, text, grids) if b.table_lines else None for b in blocks}
    warnings += [w for t in built.values() if t is not None for w in t[0]._warnings]
    found = _programmes_found(text, lines, end, skip, [t[0] for t in built.values() if t is not None],
                             pre_titles)
    cut_closing(found, text)
    programmes: list[Programme] = [
        make_programme(f"P{k + 1:02d}", f, text, lines, skip) for k, f in enumerate(found)
    ]
    if not programmes:
        warnings.append("no programmes found")
    first = programmes[0].span[0] if programmes else end
    meta = build_meta(text, lines, first, hints, sign_stop=pre_titles[0].start if pre_titles else end)
    # a plan's own text ends where the first attachment block begins (a last plan's span runs over them)
    stop = min((b.label_line.start for b in blocks), default=len(text))
    index = _Programmes(programmes, text, stop)
    attachments = [_attachment(b, built[id(b)], index, refs) for b in blocks]
    present = {a.title for a in attachments}
    for r in refs:
        if _compact(r.title) not in present and not any(_compact(r.title) in t for t in present):
            warnings.append(f"附件 referenced but missing: {r.title}")
    warnings += _missing_cited(lines, blocks, refs, index, stop)
    return Notice(text=text, meta=meta, programmes=programmes, attachments=attachments, warnings=warnings)


def _compact(s: str) -> str:
    return "".join(s.split())


def _attachment(block, built, index: _Programmes, refs) -> Attachment:
    pid = _owner(block, index, refs)
    tables: list[Table] = [built[0]] if built is not None else []
    text_end = block.end
    return Attachment(label=block.label, title=block.title, programme_id=pid,
                      span=(block.label_line.start, text_end),
                      tables=tables)


# a label referenced in a plan's text: `见附件1` / `附件2、附件3` / `附件1、2` / `附件 3`
_LABEL_REF = regex.compile(r"附\s*[件表]\s*(\d{1,2}(?:\s*(?:[、,和及与]\s*(?:附\s*[件表]\s*)?)\d{1,2})*)")
_NUMS = regex.compile(r"\d{1,2}")
# words every plan and attachment title shares, left out of the overlap
_GENERIC = regex.compile(r"(?:19|20)\d{2}年?|实施方案|工作方案|方案|任务分解表|分解表|分配表|一览表|汇总表|"
                         r"明细表|计划表|清单|名单|任务|资金|及|和|的|表|\d+(?:\.\d+)?\p{Han}?")


class _Programmes:
    """The programmes with the lookups _owner and _missing_cited make for every block and
    citation, prepared once: a lookup is a bisection, not a loop over every programme."""

    def __init__(self, programmes: list[Programme], text: str, stop: int | None) -> None:
        self.all = programmes
        self._text, self._stop = text, stop
        self._starts = sorted(p.span[0] for p in programmes)
        self._holding = SpanIndex([(p.span, p) for p in reversed(programmes)])  # the first one wins
        self._citing: dict[int, list[Programme]] | None = None
        self._bare: dict[str, list[Programme]] = {}
        self._sorted = all(a.span[0] <= b.span[0] for a, b in pairwise(programmes))
        self._postings: dict[str, list[int]] | None = None
        self._refs: dict[object, list[tuple[int, object]]] | None = None

    def start_within(self, a: int, b: int) -> bool:
        """Some programme starts in [a, b)."""
        i = bisect_left(self._starts, a)
        return i < len(self._starts) and self._starts[i] < b

    def holding(self, pos: int) -> Programme | None:
        """The first programme whose span holds `pos`."""
        return self._holding.at(pos)  # type: ignore[return-value]

    def citing(self, number: int) -> list[Programme]:
        """The programmes whose own text (before the attachment blocks) cites 附件`number`."""
        if self._citing is None:
            self._citing = {}
            for p in self.all:
                end = min(p.span[1], self._stop or p.span[1])
                for n in sorted(_cited(self._text, p.span[0], end)):
                    self._citing.setdefault(n, []).append(p)
        return self._citing.get(number, [])

    def citing_bare(self, kind: str) -> list[Programme]:
        """The programmes whose own text cites `附件` (kind 件) or `附表` (表) with no number
        (`各县区任务详见附件`); found once per kind (asked by every unnumbered block)."""
        if not kind:
            return []  # a free table's empty label: no citation names it
        if kind not in self._bare:
            self._bare[kind] = self._citing_bare(kind)
        return self._bare[kind]

    def _citing_bare(self, kind: str) -> list[Programme]:
        out = []
        for p in self.all:
            end = min(p.span[1], self._stop or p.span[1])
            if any(m.group(1) is None and kind and kind in m.group()
                   for m in _SEE_LABEL.finditer(self._text, p.span[0], max(p.span[0], end))):
                out.append(p)
        return out


    def by_title(self, title: str) -> Programme | None:
        """The one programme whose title shares most bigrams (2 or more) with `title`, if one is
        ahead of all others: the overlaps counted through an index of the titles' bigrams (a score
        of every programme for every block was quadratic in a long document)."""
        if self._postings is None:
            self._postings = {}
            for k, p in enumerate(self.all):
                for bg in _bigrams(p.title):
                    self._postings.setdefault(bg, []).append(k)
        counts: dict[int, int] = {}
        for bg in _bigrams(title):
            for k in self._postings.get(bg, ()):
                counts[k] = counts.get(k, 0) + 1
        top = max(counts.values(), default=0)
        best = [k for k, n in counts.items() if n == top]
        return self.all[best[0]] if top >= 2 and len(best) == 1 else None

    def before(self, pos: int) -> Programme | None:
        """The last programme (in list order) that starts at or before `pos`."""
        if self._sorted:
            k = bisect_right(self._starts, pos)
            return self.all[k - 1] if k else None
        before = [p for p in self.all if p.span[0] <= pos]
        return before[-1] if before else None

    def refs_naming(self, refs, title: str, number: int | None) -> list:
        """The references (in their order) naming a block: by its title or by its number."""
        if self._refs is None:
            self._refs = {}
            for i, r in enumerate(refs):
                self._refs.setdefault(("t", _compact(r.title)), []).append((i, r))
                if r.number is not None:
                    self._refs.setdefault(("n", r.number), []).append((i, r))
        hits = self._refs.get(("t", title), []) + (self._refs.get(("n", number), []) if number is not None else [])
        return [r for _, r in sorted(dict(hits).items())]


def _owner(block, index: _Programmes, refs) -> str | None:
    """The programme an attachment belongs to:
    1. the one whose own text (before the attachment blocks, `stop`) references its label
       (`各县(区)任务见附件1`; an unnumbered block: `详见附件`), when exactly one does;
    2. the one holding a `附件:` list line naming it;
    3. the one whose title shares most words with the attachment title (`农村清洁取暖改造…实施方案`
       / `2026年农村清洁取暖改造任务分解表`), when one is ahead;
    4. the one whose span holds the block, else the one before it.
    None for a project table whose rows are the programmes themselves."""
    programmes = index.all
    block_end = max([block.end, *(ln.end for ln in block.table_lines)])
    if index.start_within(block.label_line.start, block_end):
        return None
    citing = index.citing(block.number) if block.number is not None else index.citing_bare(block.label[1:2])
    if len(citing) == 1:
        return citing[0].id  # 各县区任务详见附件: one programme cites an unnumbered 附件
    for r in index.refs_naming(refs, block.title, block.number):
        holder = index.holding(r.line.start)
        if holder is not None:
            return holder.id
    if len(programmes) > 1 and block.title:
        best = index.by_title(block.title)
        if best is not None:
            return best.id
    holder = index.holding(block.label_line.start)
    if holder is not None:
        return holder.id
    before = index.before(block.label_line.start)
    return before.id if before else None


# a reference in running text: `各镇任务见附件` / `详见附件2` / `见附件1、附件2`
_SEE_LABEL = regex.compile(r"见\s*附\s*[件表](?!:)(\d{1,2}(?:\s*(?:[、,和及与]\s*(?:附\s*[件表]\s*)?)\d{1,2})*)?")


def _missing_cited(lines: list[Line], blocks, refs, index: _Programmes, stop: int) -> list[str]:
    """`见附件N` / `见附件` in the text (before the attachment blocks) with no such block: a warning
    naming the label and where it is cited. Numbers a `附件:` list names are warned about by title."""
    numbers = {b.number for b in blocks}
    listed = {r.number for r in refs}
    ref_lines = {r.line.no for r in refs}
    out: list[str] = []
    for ln in lines:
        if ln.blank or ln.start >= stop or ln.no in ref_lines:
            continue
        for m in _SEE_LABEL.finditer(ln.text):
            holder = index.holding(ln.start)
            where = holder.id if holder is not None else "cover letter"
            if m.group(1):
                for n in (int(x) for x in _NUMS.findall(m.group(1))):
                    msg = f"附件 referenced but missing: 附件{n} (cited in {where})"
                    if n not in numbers and n not in listed and msg not in out:
                        out.append(msg)
            elif not blocks and not refs:
                msg = f"附件 referenced but missing: 附件 (cited in {where})"
                if msg not in out:
                    out.append(msg)
    return out


def _cited(text: str, start: int, end: int) -> set[int]:
    """Attachment numbers referenced in text[start:end]."""
    out: set[int] = set()
    for m in _LABEL_REF.finditer(text, start, max(start, end)):
        out.update(int(n) for n in _NUMS.findall(m.group(1)))
    return out


@per_document
def _bigrams(title: str) -> frozenset[str]:
    """A title's character bigrams (asked for every programme title by every attachment block)."""
    core = _GENERIC.sub("|", title)
    return frozenset(core[k:k + 2] for k in range(len(core) - 1) if "|" not in core[k:k + 2])


def _rtrim(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def cover_span(notice: Notice) -> Span:
    """The cover letter: from the salutation line (`各县、区人民政府,...:`) to the first programme."""
    lines = split_lines(notice.text)
    stop = notice.programmes[0].span[0] if notice.programmes else content_end(lines)
    _, rline = find_recipients(lines, stop)
    start = rline.start if rline else 0
    return start, _rtrim(notice.text, start, stop)



def table_cell_spans(table: Table) -> list[list[Span]]:
    """[start, end) of every cell in Notice.text, header row first, then the rows."""
    return table._cell_spans
