"""extract(source) -> Notice: read, normalise, parse the structure, run the rules.

Data only moves forward: the rules see the normalised text and the skeleton, never the file.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

from .ingest import DEFAULT_MAX_BYTES, RawDoc, load, load_bytes
from .models import Notice, Programme, Record, Section, Source, dedupe
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
) -> Notice:
    """Extract a Notice from a file path, raw bytes or an already-read RawDoc."""
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


def _walk(sections: list[Section], path: tuple[str, ...] = ()) -> Iterator[tuple[Section, tuple[str, ...]]]:
    for sec in sections:
        p = (*path, f"{sec.marker}{sec.title}")
        yield sec, p
        yield from _walk(sec.children, p)


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
    return Context(
        year=base.year,
        programme_id=base.programme_id,
        part=base.part,
        section=path,
        kind=sec.kind,
        in_steps=steps,
        is_heading=pos == sec.span[0],
    )


def _run_block(
    text: str,
    start: int,
    end: int,
    sections: list[Section],
    base: Context,
    skip: list[tuple[int, int]],
    rules: list[LineRule],
) -> list[Record]:
    index = _section_index(sections)
    out: list[Record] = []
    for a, b in _lines(text, start, end):
        if any(s <= a < e for s, e in skip):
            continue
        ctx = _context_for(a, index, base)
        line = text[a:b]
        for rule in rules:
            out.extend(rule(line, a, ctx))
    return out


def _table_records(notice: Notice, prog: Programme, year: int | None) -> list[Record]:
    from .rules.tables import records_from_table

    out: list[Record] = []
    for att in notice.attachments:
        if att.programme_id != prog.id:
            continue
        ctx = Context(year=year, programme_id=prog.id, section=f"{att.label} {att.title}".strip())
        for table in att.tables:
            out.extend(records_from_table(table, table._cell_spans, notice.text, ctx))
    return out


def _table_skips(notice: Notice) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for att in notice.attachments:
        for table in att.tables:
            for row in table._cell_spans:
                spans.extend(row)
    return spans


def apply_rules(notice: Notice) -> None:
    """Fill notice.records, programme.records and part.records, grounded and deduplicated."""
    from .structure import cover_span

    rules = _line_rules()
    text = notice.text
    year = notice.meta.year
    skip = _table_skips(notice)

    c0, c1 = cover_span(notice)
    notice.records = dedupe(_run_block(text, c0, c1, [], Context(year=year), skip, rules))

    for prog in notice.programmes:
        seen: list[Record] = []
        part_spans = [(p.span, p) for p in prog.parts]
        # the programme's own text: everything outside its parts
        own: list[Record] = []
        pos = prog.span[0]
        base = Context(year=year, programme_id=prog.id)
        for (ps, pe), _part in part_spans:
            own.extend(_run_block(text, pos, ps, prog.sections, base, skip, rules))
            pos = pe
        own.extend(_run_block(text, pos, prog.span[1], prog.sections, base, skip, rules))
        per_part: dict[int, list[Record]] = {}
        for (ps, pe), part in part_spans:
            pctx = Context(year=year, programme_id=prog.id, part=part.index)
            per_part[part.index] = _run_block(text, ps, pe, part.sections, pctx, skip, rules)
        own.extend(_table_records(notice, prog, year))
        # set semantics across the whole programme: first mention wins
        everything = sorted(
            [*own, *(r for recs in per_part.values() for r in recs)], key=lambda r: r.span
        )
        kept = {id(r) for r in dedupe(everything)}
        prog.records = [r for r in own if id(r) in kept]
        for part in prog.parts:
            part.records = [r for r in per_part[part.index] if id(r) in kept]
        del seen
