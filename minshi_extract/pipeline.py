"""extract(source) -> Notice: read, normalise, parse the structure, run the rules.

Data only moves forward: the rules see the normalised text and the skeleton, never the file.
"""

from __future__ import annotations

import os
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

from .ingest import DEFAULT_MAX_BYTES, RawDoc, load, load_bytes
from .models import Notice, Part, Programme, Record, Section, Source, dedupe, record_key
from .meaning import attribute, unbalanced
from .normalize import normalize
from .rules.context import Context

LineRule = Callable[[str, int, Context], list]


def _line_rules() -> list[LineRule]:
    from .rules.deadline import find_deadlines
    from .rules.money import find_money
    from .rules.percentage import find_percentages
    from .rules.phase import find_phases
    from .rules.quantity import find_quantities
    from .rules.ratio import find_ratios
    from .rules.responsibility import find_responsibilities

    return [
        find_quantities,
        find_money,
        find_ratios,
        find_percentages,
        find_phases,
        find_deadlines,
        find_responsibilities,
    ]


def extract(
    source: str | os.PathLike[str] | bytes | RawDoc,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    ocr: str | None = None,
    jobs: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Notice:
    """Extract a Notice from a file path, raw bytes or an already-read RawDoc.

    `ocr`: auto (default: only pages without a text layer) | always | never; `jobs`: pages OCR'd
    at once; `progress(done, total)`: called as OCR'd pages are done."""
    from .ingest.ocr import options

    kw = {k: v for k, v in (("mode", ocr), ("jobs", jobs), ("progress", progress)) if v is not None}
    with options(**kw):
        if isinstance(source, RawDoc):
            raw = source
        elif isinstance(source, bytes):
            raw = load_bytes(source, None, max_bytes)
        else:
            raw = load(Path(source), max_bytes)
    return extract_raw(raw)


def extract_text(text: str) -> Notice:
    """Extract from a notice already in memory as a string (tests, notebooks)."""
    return extract_raw(RawDoc(text=text, format="text"))


def extract_raw(raw: RawDoc) -> Notice:
    from .structure import build_skeleton

    text, offsets = normalize(raw.text)
    notice = build_skeleton(text, raw.meta or None)
    notice.source = Source(path=raw.path, format=raw.format, sha256=raw.sha256)  # type: ignore[arg-type]
    apply_rules(notice)
    if raw.pages:
        _set_pages(notice, raw, offsets)
    if raw.conf:
        from .ingest.ocr_doc import apply_confidence

        apply_confidence(notice, raw, offsets)
    return notice


def _set_pages(notice: Notice, raw: RawDoc, offsets) -> None:
    for rec in notice.all_records():
        start = rec.span[0]
        if start < len(offsets):
            rec.page = raw.page_of(offsets[start])


# --- running the rules ---------------------------------------------------------------------------


def _lines(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """[start, end) of every non-empty line inside [start, end)."""
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl == -1 else nl
        if stop > pos:
            yield pos, stop
        pos = stop + 1


def _section_index(sections: list[Section]) -> list[tuple[Section, str, bool]]:
    """Every section with its path string and whether it lies inside a steps section, pre-order."""
    out: list[tuple[Section, str, bool]] = []

    def rec(secs: list[Section], path: str, in_steps: bool) -> None:
        for s in secs:
            p = f"{path} > {s.marker}{s.title}" if path else f"{s.marker}{s.title}"
            steps = in_steps or s.kind == "steps"
            out.append((s, p, steps))
            rec(s.children, p, steps)

    rec(sections, "", False)
    return out


def _context_for(
    pos: int, index: list[tuple[Section, str, bool]], base: Context
) -> Context:
    best: tuple[Section, str, bool] | None = None
    for entry in index:
        s = entry[0]
        if s.span[0] <= pos < s.span[1]:
            best = entry  # pre-order: the last hit is the innermost
    if best is None:
        return base
    sec, path, steps = best
    return replace(base, section=path, kind=sec.kind, in_steps=steps, is_heading=pos == sec.span[0])


def _owner(pos: int, notice: Notice) -> tuple[Programme | None, Part | None]:
    for prog in notice.programmes:
        if prog.span[0] <= pos < prog.span[1]:
            for part in prog.parts:
                if part.span[0] <= pos < part.span[1]:
                    return prog, part
            return prog, None
    return None, None


def _table_cells(notice: Notice) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for att in notice.attachments:
        for table in att.tables:
            for row in table._cell_spans:
                spans.extend(row)
    return sorted(spans)


def _in_cells(pos: int, cells: list[tuple[int, int]]) -> bool:
    i = bisect_right(cells, (pos, 1 << 62)) - 1
    return i >= 0 and cells[i][0] <= pos < cells[i][1]


def apply_rules(notice: Notice) -> None:
    """Fill notice.records, programme.records and part.records, grounded and deduplicated.

    One pass over the lines of the text: each line goes to the programme (and part) whose span
    holds it, with the context of its innermost section; lines outside every programme are the
    cover letter's (notice-level records). Table cells are read by the table rule, not by lines.
    """
    from .rules.responsibility import declares_first_is_lead, wrapped_line_end
    from .rules.tables import records_from_table
    from .structure.lines import is_furniture

    rules = _line_rules()
    text = notice.text
    year = notice.meta.year
    cells = _table_cells(notice)
    indexes: dict[int, list[tuple[Section, str, bool]]] = {}
    found: list[tuple[Programme | None, Part | None, Record]] = []
    first_is_lead = False

    consumed = 0
    for a, b in _lines(text, 0, len(text)):
        if a < consumed or (cells and _in_cells(a, cells)):
            continue
        # a line ending with a list separator goes on in the next one (配合单位:市财政局、 / 市卫健委)
        b = consumed = wrapped_line_end(text, b)
        line = text[a:b]
        if is_furniture(line):  # portal footers, share bars: not content
            continue
        prog, part = _owner(a, notice)
        owner = part or prog
        if owner is not None and id(owner) not in indexes:
            indexes[id(owner)] = _section_index(owner.sections)
        # 列第一位者为牵头单位 holds for every unit list after the note
        first_is_lead = first_is_lead or declares_first_is_lead(line)
        base = Context(
            year=year,
            programme_id=prog.id if prog else None,
            part=part.index if part else None,
            first_is_lead=first_is_lead,
        )
        ctx = _context_for(a, indexes[id(owner)], base) if owner is not None else base
        for rule in rules:
            for rec in rule(line, a, ctx):
                # a line can hold several programmes (news items 一是…;二是…): the record
                # belongs to the programme holding its own start
                rprog, rpart = (prog, part) if rec.span[0] == a else _owner(rec.span[0], notice)
                if rprog is not prog:
                    rec.programme_id = rprog.id if rprog else None
                    rec.part = rpart.index if rpart else None
                found.append((rprog, rpart, rec))

    for att in notice.attachments:
        for table in att.tables:
            if not table._cell_spans:
                continue
            first = table._cell_spans[0][0][0] if table._cell_spans[0] else att.span[0] if att.span else 0
            prog, part = _owner(first, notice)
            linked = next((p for p in notice.programmes if p.id == att.programme_id), None)
            section = f"{att.label} {att.title}".strip()
            ctx = Context(year=year, programme_id=prog.id if prog else att.programme_id, section=section)
            for rec in records_from_table(table, table._cell_spans, text, ctx):
                # an attachment linked to its programme (见附件1) gives its figures to that programme;
                # an unlinked project table gives each row's figures to the programme of its row
                if linked is not None:
                    rprog, rpart = linked, None
                else:
                    rprog, rpart = _owner(rec.span[0], notice)
                rec.programme_id = rprog.id if rprog else None
                found.append((rprog, rpart, rec))

    found.sort(key=lambda t: t[2].span)
    notice.records = dedupe([r for p, _, r in found if p is None])
    for prog in notice.programmes:
        mine = dedupe([r for p, _, r in found if p is prog])
        kept = {id(r) for r in mine}
        prog.records = [r for p, pt, r in found if p is prog and pt is None and id(r) in kept]
        for part in prog.parts:
            part.records = [r for p, pt, r in found if p is prog and pt is part and id(r) in kept]
            for r in part.records:
                r.part = part.index
    attribute(notice, lambda pos: bool(cells) and _in_cells(pos, cells))
    assign_ids(notice)
    notice.warnings.extend(unbalanced(notice.all_records()))


def assign_ids(notice: Notice) -> None:
    """Give every record a stable id (P03-007; N-001 for the cover letter) and turn the total a
    rule linked it to into `part_of`. A total dropped as a repeat links through its kept twin."""
    groups: list[tuple[str, list[Record]]] = [("N", notice.records)]
    groups += [(p.id, p.all_records()) for p in notice.programmes]
    for prefix, recs in groups:
        by_key = {}
        for i, rec in enumerate(recs, 1):
            rec.id = f"{prefix}-{i:03d}"
            by_key.setdefault(record_key(rec), rec)
        for rec in recs:
            total = rec._total
            if total is None:
                continue
            kept = total if total.id is not None else by_key.get(record_key(total))
            if kept is not None and kept is not rec and kept.id and kept.id.startswith(prefix + "-"):
                rec.part_of = kept.id
