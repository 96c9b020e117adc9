"""The structure parser: normalised text -> Notice skeleton (meta, programmes, parts, sections,
attachments), records left empty for the rules."""

from __future__ import annotations

from functools import cache
from importlib import resources

from ..models import Attachment, Notice, Programme, Table
from .attachments import find_blocks, find_references, rebuild_table
from .lines import Line, split_lines
from .meta import build_meta, find_recipients
from .programmes import (
    Found,
    content_end,
    find_items,
    find_plan_titles,
    heading_programmes,
    inline_programmes,
    items_as_found,
    make_programme,
)

__all__ = ["build_skeleton", "cover_span", "table_cell_spans"]

Span = tuple[int, int]


def _programmes_found(lines: list[Line], end: int, skip: set[int]) -> tuple[list[Found], str]:
    """Programmes and the layout name: per-plan titles, else numbered items, else one plan."""
    titles = find_plan_titles(lines)
    if len(titles) >= 2:
        for k, f in enumerate(titles):
            f.end = titles[k + 1].start if k + 1 < len(titles) else end
        return titles, "per-plan"
    if titles:
        start = titles[0].body_start
    else:
        _, rline = find_recipients(lines, end)
        start = rline.end if rline else 0
    items = find_items(lines, start, end, skip)
    if items:
        return items_as_found(lines, items, end), "items"
    return titles, "single-plan?"


@cache
def _title_columns() -> frozenset[str]:
    raw = resources.files("minshi_extract.lexicon").joinpath("table_title_columns.txt").read_text("utf-8")
    return frozenset(x.strip() for x in raw.splitlines() if x.strip() and not x.startswith("#"))


_TOTAL_LABELS = ("合计", "小计", "总计", "合 计")


def table_programmes(tables: list[Table]) -> list[Found]:
    """Layout 4: a plan table whose 项目名称 column names the programmes; one row = one programme."""
    out: list[Found] = []
    for table in tables:
        col = next((j for j, h in enumerate(table.header) if h in _title_columns()), None)
        if col is None:
            continue
        for row, spans in zip(table.rows, table._cell_spans[1:], strict=False):
            if not row[col] or any(c in _TOTAL_LABELS for c in row):
                continue
            real = [sp for sp, c in zip(spans, row, strict=False) if c]
            out.append(Found(row[col], real[0][0], real[0][1], real[-1][1]))
    return out


def _after_recipients(lines: list[Line], end: int) -> int:
    _, rline = find_recipients(lines, end)
    return rline.end if rline else 0


def _whole(found: Found, end: int) -> Found:
    found.end = end
    return found


def _bundles(whole: list[Found], text: str, lines: list[Line], skip: set[int]) -> bool:
    """One titled plan whose 一、 headings each hold their own 目标任务: a plan bundling projects
    (parts), not a list of programmes."""
    return len(whole) == 1 and bool(make_programme("P01", whole[0], text, lines, skip).parts)


def build_skeleton(text: str, hints: dict[str, str] | None = None) -> Notice:
    """The Notice skeleton of a normalised notice text; `hints` are metadata found outside the body."""
    lines = split_lines(text)
    end = content_end(lines)
    warnings: list[str] = []
    refs = find_references(lines)
    skip = {r.line.no for r in refs}
    pre_titles = find_plan_titles(lines)
    blocks = find_blocks(lines, refs, [f.start for f in pre_titles])
    for b in blocks:
        skip.add(b.label_line.no)
        skip.update(ln.no for ln in b.title_lines)
        skip.update(ln.no for ln in b.table_lines)
    found, layout = _programmes_found(lines, end, skip)
    built = {id(b): rebuild_table(b.table_lines, text) if b.table_lines else None for b in blocks}
    if layout == "single-plan?":
        # no per-plan titles, no numbered items: a plan table (项目名称 column), else top-level
        # headings as programmes (`第一件 ...`, `一、城镇新增就业9000人` + 推进措施), else news items
        # written inline (`一是…;二是…`), else the one plan
        start = found[0].body_start if found else _after_recipients(lines, end)
        whole = [_whole(f, end) for f in found]
        found = (table_programmes([t[0] for t in built.values() if t is not None])
                 or ([] if _bundles(whole, text, lines, skip) else heading_programmes(lines, start, end, skip))
                 or inline_programmes(lines, start, end, skip)
                 or whole)
    programmes: list[Programme] = [
        make_programme(f"P{k + 1:02d}", f, text, lines, skip) for k, f in enumerate(found)
    ]
    if not programmes:
        warnings.append("no programmes found")
    first = programmes[0].span[0] if programmes else end
    meta = build_meta(text, lines, first, hints, sign_stop=pre_titles[0].start if pre_titles else end)
    attachments = [_attachment(b, built[id(b)], programmes, refs) for b in blocks]
    present = {a.title for a in attachments}
    for r in refs:
        if _compact(r.title) not in present and not any(_compact(r.title) in t for t in present):
            warnings.append(f"附件 referenced but missing: {r.title}")
    return Notice(text=text, meta=meta, programmes=programmes, attachments=attachments, warnings=warnings)


def _compact(s: str) -> str:
    return "".join(s.split())


def _attachment(block, built, programmes: list[Programme], refs) -> Attachment:
    pid = _owner(block, programmes, refs)
    tables: list[Table] = [built[0]] if built is not None else []
    text_end = block.end
    return Attachment(label=block.label, title=block.title, programme_id=pid,
                      span=(block.label_line.start, text_end),
                      tables=tables)


def _owner(block, programmes: list[Programme], refs) -> str | None:
    """The programme whose text references the attachment, else the one whose span holds it."""
    for r in refs:
        same = _compact(r.title) == block.title or (r.number is not None and r.number == block.number)
        if same:
            for p in programmes:
                if p.span[0] <= r.line.start < p.span[1]:
                    return p.id
    for p in programmes:
        if p.span[0] <= block.label_line.start < p.span[1]:
            return p.id
    before = [p for p in programmes if p.span[0] <= block.label_line.start]
    return before[-1].id if before else None


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
