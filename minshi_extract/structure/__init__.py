"""The structure parser: normalised text -> Notice skeleton (meta, programmes, parts, sections,
attachments), records left empty for the rules."""

from __future__ import annotations

from ..models import Attachment, Notice, Programme, Table
from .attachments import find_blocks, find_references, rebuild_table
from .lines import Line, split_lines
from .meta import build_meta, find_recipients
from .programmes import (
    Found,
    content_end,
    find_items,
    find_plan_titles,
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
    if titles:
        titles[0].end = end
        return titles, "single-plan"
    return [], "none"


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
    programmes: list[Programme] = [
        make_programme(f"P{k + 1:02d}", f, text, lines, skip) for k, f in enumerate(found)
    ]
    if not programmes:
        warnings.append("no programmes found")
    first = programmes[0].span[0] if programmes else end
    meta = build_meta(text, lines, first, hints)
    attachments = [_attachment(b, programmes, refs, lines, text) for b in blocks]
    present = {a.title for a in attachments}
    for r in refs:
        if _compact(r.title) not in present and not any(_compact(r.title) in t for t in present):
            warnings.append(f"附件 referenced but missing: {r.title}")
    return Notice(text=text, meta=meta, programmes=programmes, attachments=attachments, warnings=warnings)


def _compact(s: str) -> str:
    return "".join(s.split())


def _attachment(block, programmes: list[Programme], refs, lines: list[Line], text: str) -> Attachment:
    pid = _owner(block, programmes, refs)
    tables: list[Table] = []
    built = rebuild_table(block.table_lines, text) if block.table_lines else None
    if built is not None:
        tables.append(built[0])
    return Attachment(label=block.label, title=block.title, programme_id=pid,
                      span=(block.label_line.start, _rtrim(text, block.label_line.start, block.end)),
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
