"""extract(source) -> Notice: read, normalise, parse the structure, run the rules.

Data only moves forward: the rules see the normalised text and the skeleton, never the file.
"""

from __future__ import annotations

import os
from bisect import bisect_right
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO, TextIO

from . import __version__
from .categories import categorise
from .errors import InputError
from .ingest import DEFAULT_MAX_BYTES, RawDoc, load, load_bytes
from .limits import (
    DEFAULT_TIMEOUT,
    MAX_RECORDS,
    budget,
    check_budget,
    check_count,
    check_sentences,
    gc_paused,
    naming,
)
from .meaning import attribute, unbalanced
from .models import Notice, Part, Programme, Record, Source, dedupe, record_key, total_of
from .normalize import normalize
from .owners import Owners, cover_context, line_context
from .rules.context import Context
from .spans import SpanIndex
from .structure.headings import steps_sections

LineRule = Callable[[str, int, Context], list]


def _line_rules() -> list[LineRule]:
    return [rule for rule, _ in _gated_line_rules()]


def _gated_line_rules() -> list[tuple[LineRule, str]]:
    """The line rules in order, each with the name of its gate in rules.candidates."""
    from .rules.deadline import find_deadlines
    from .rules.money import find_money
    from .rules.percentage import find_percentages
    from .rules.phase import find_phases
    from .rules.quantity import find_quantities
    from .rules.ratio import find_ratios
    from .rules.responsibility import find_responsibilities

    return [
        (find_quantities, "quantity"),
        (find_money, "money"),
        (find_ratios, "ratio"),
        (find_percentages, "percentage"),
        (find_phases, "date"),
        (find_deadlines, "deadline"),
        (find_responsibilities, "responsibility"),
    ]


def extract(
    source: str | os.PathLike[str] | bytes | BinaryIO | RawDoc,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float | None = DEFAULT_TIMEOUT,
    ocr: str | None = None,
    jobs: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Notice:
    """Extract a Notice from a file path, raw bytes, a binary file object or an already-read RawDoc,
    within a whole-document time budget of `timeout` seconds (None: no budget; BudgetError past it).

    A str that contains a line break is the notice's text itself, never a file name (a name with one
    must come as a Path); any other str is a path. For text without line breaks call extract_text().
    `ocr`: auto (default: only pages without a text layer) | always | never; `jobs`: pages OCR'd
    at once; `progress(done, total)`: called as OCR'd pages are done.
    """
    if isinstance(source, str) and "\n" in source:
        return extract_text(source, timeout=timeout)
    from .ingest.ocr_options import options

    kw = {k: v for k, v in (("mode", ocr), ("jobs", jobs), ("progress", progress)) if v is not None}
    with budget(timeout), naming(_where(source)), options(**kw), gc_paused():
        if isinstance(source, RawDoc):
            raw = source
        elif isinstance(source, bytes | bytearray | memoryview):
            raw = load_bytes(bytes(source), None, max_bytes)
        elif hasattr(source, "read"):
            raw = _load_stream(source, max_bytes)
        elif isinstance(source, str | os.PathLike):
            raw = _load_path(source, max_bytes)
        else:
            raise InputError(f"extract() takes a path, bytes, a file object or a RawDoc, not {type(source).__name__}")
        return extract_raw(raw, release_text=raw is not source)


def _load_stream(stream: BinaryIO | TextIO, max_bytes: int) -> RawDoc:
    data = stream.read(max_bytes + 1)
    name = getattr(stream, "name", None)
    name = name if isinstance(name, str) else None
    if isinstance(data, str):
        data = data.encode("utf-8")
    return load_bytes(data, name, max_bytes)


def _load_path(source: str | os.PathLike[str], max_bytes: int) -> RawDoc:
    try:
        return load(Path(source), max_bytes)
    except OSError as exc:  # e.g. File name too long: a notice's text passed as a path
        raise InputError(f"{str(source)[:40]}...: not a readable file ({exc.strerror}); "
                         "to extract from a string call extract_text()") from None


def _where(source: object) -> str:
    """How errors name the source: its path, `<bytes>` or `<text>`."""
    if isinstance(source, RawDoc):
        return source.path or "<text>"
    return "<bytes>" if isinstance(source, bytes | bytearray | memoryview) else str(source)


def extract_text(text: str, *, timeout: float | None = DEFAULT_TIMEOUT) -> Notice:
    """Extract from a notice already in memory as a string (tests, notebooks)."""
    if not isinstance(text, str):
        raise InputError(f"extract_text() takes a str, not {type(text).__name__}")
    with budget(timeout), naming("<text>"), gc_paused():
        from .ingest.layout import text_layout

        return extract_raw(RawDoc(text=text_layout(text), format="text"))


def extract_raw(raw: RawDoc, *, release_text: bool = False) -> Notice:
    """`release_text`: the RawDoc is extract()'s own, its text not needed past normalisation
    (8 MB of a 4 MB notice's peak, issue 14)."""
    from .structure import build_skeleton

    text, offsets = normalize(raw.text, keep_offsets=bool(raw.pages or raw.conf))  # the map: pages, OCR
    if release_text:
        raw.text = ""
    check_sentences(text)
    notice = build_skeleton(text, raw.meta or None, [t.rows for t in raw.tables])
    notice.source = Source(path=raw.path, format=raw.format, sha256=raw.sha256,  # type: ignore[arg-type]
                           extractor=f"minshi-extract {__version__}")
    apply_rules(notice)
    if raw.pages:
        _set_pages(notice, raw, offsets)
    categorise(notice)  # issue 12: programme categories
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


def _table_cells(notice: Notice) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for att in notice.attachments:
        for table in att.tables:
            for row in table._cell_spans:
                spans.extend(row)
    return sorted(spans)


def _in_cells(pos: int, end: int, cells: list[tuple[int, int]]) -> bool:
    """The line [pos, end) is table text: it starts inside a cell, or a cell starts in it (a `|` row
    opening with an empty cell)."""
    i = bisect_right(cells, (pos, 1 << 62)) - 1
    if i >= 0 and cells[i][0] <= pos < cells[i][1]:
        return True
    return i + 1 < len(cells) and cells[i + 1][0] < end


def _figure_cell(text: str, span: tuple[int, int], cells: list[tuple[int, int]]) -> bool:
    """True when the record is a table cell of its own (`16820` under 资金(万元), `约120万元`); a figure
    inside a cell of words (`总投资1.2亿元`, `…集中供水率达到82%。`) is read like any sentence."""
    i = bisect_right(cells, (span[0], 1 << 62)) - 1
    if i < 0 or not cells[i][0] <= span[0] < cells[i][1]:
        return False
    a, b = cells[i]
    if (b - a) - (span[1] - span[0]) > 6:
        return False
    rest = text[a:span[0]] + text[span[1]:b]
    return not any(ch not in _CELL_QUALIFIERS and "\u4e00" <= ch <= "\u9fff" for ch in rest)


_CELL_QUALIFIERS = frozenset("约共计以上下内左右余多不超过低于")  # 约120万元, 不少于10个: still a figure cell


def apply_rules(notice: Notice) -> None:
    """Fill notice.records, programme.records and part.records, grounded and deduplicated.

    One pass over the lines of the text: each line goes to the programme (and part) whose span
    holds it, with the context of its innermost section; lines outside every programme are the
    cover letter's (notice-level records). Table cells are read by the table rule, not by lines.
    """
    from .rules.candidates import Candidates
    from .rules.responsibility import wrapped_line_end
    from .rules.tables import records_from_table
    from .structure.lines import is_furniture
    from .tables.link import (
        column_finder,
        column_programmes,
        places_table,
        programme_titles,
        row_finder,
        row_programmes,
    )

    text = notice.text
    candidates = Candidates(text)
    bits = candidates.bits
    rules = [(rule, bits[name], candidates.matches(name)) for rule, name in _gated_line_rules()]
    note = bits["note"]
    year = notice.meta.year
    cells = _table_cells(notice)
    indexes: dict[int, SpanIndex] = {}
    contexts: dict[tuple, Context] = {}  # one Context per section, heading line and note state
    owner_of = Owners(notice)
    cover_steps = SpanIndex(steps_sections(text))
    found: list[tuple[Programme | None, Part | None, Record]] = []
    first_is_lead = False

    consumed = 0
    for n, (a, b) in enumerate(_lines(text, 0, len(text))):
        if n % 1024 == 0:
            check_budget()
            check_count("records found:", len(found), MAX_RECORDS, "")  # ~1 KB each (merged only at the end)
        if a < consumed or (cells and _in_cells(a, b, cells)):
            continue
        # a line ending with a list separator goes on in the next one (配合单位:市财政局、 / 市卫健委)
        b = consumed = wrapped_line_end(text, b)
        gates = candidates.gates(a, b)
        if not gates:
            continue  # no rule has anything here, nor is the note here
        line = text[a:b]
        if is_furniture(line):  # portal footers, share bars: not content
            continue
        # 列第一位者为牵头单位 holds for every unit list after the note
        first_is_lead = first_is_lead or bool(gates & note)
        active = [(rule, pre) for rule, bit, pre in rules if gates & bit]  # the others: nothing here
        if not active:
            continue
        prog, part = owner_of(a)
        one_owner = owner_of.same(a, b)  # every record of the line is (prog, part)'s
        ctx = line_context(a, prog, part, year, first_is_lead, indexes, contexts)
        if prog is None:
            ctx = cover_context(a, cover_steps, ctx)
        for rule, pre in active:  # pre: the rule's matches from the whole-text scan
            for rec in (rule(line, a, ctx) if pre is None else rule(line, a, ctx, pre.between(a, b))):
                # a line can hold several programmes (news items 一是…;二是…): the record
                # belongs to the programme holding its own start
                rprog, rpart = (prog, part) if one_owner or rec.span[0] == a else owner_of(rec.span[0])
                if rprog is not prog:
                    rec.programme_id = rprog.id if rprog else None
                    rec.part = rpart.index if rpart else None
                found.append((rprog, rpart, rec))

    titles: list = []  # the programmes' titles as column_programmes compares them, made when first needed
    for att in notice.attachments:
        for table in att.tables:
            if not table._cell_spans:
                continue
            first = table._cell_spans[0][0][0] if table._cell_spans[0] else att.span[0] if att.span else 0
            prog, part = owner_of(first)
            linked = next((p for p in notice.programmes if p.id == att.programme_id), None)
            section = f"{att.label} {att.title}".strip()
            # 列第一位者为牵头单位 in the body holds for the unit lists of its attachments too
            ctx = Context(year=year, programme_id=prog.id if prog else att.programme_id, section=section,
                          first_is_lead=first_is_lead)
            named = row_programmes(table, notice.programmes)
            row_at = row_finder(table)
            if not titles and len(notice.programmes) >= 2 and (sum(1 for x in set(table._parents) if x) >= 2
                                                               or places_table(table)):
                titles = programme_titles(notice.programmes)
            by_column = column_programmes(table, titles)  # one table of two programmes' tasks
            col_at = column_finder(table) if by_column is not None else None
            for rec in records_from_table(table, table._cell_spans, text, ctx):
                # a row naming a programme (a 项目清单 annex) gives its figures to it, a row naming none
                # in such a table (合计) to the notice; an attachment linked to its programme (见附件1)
                # gives its figures to that programme; an unlinked project table gives each row's
                # figures to the programme of its row
                row = row_at(rec.span[0]) if named is not None else None
                col = col_at(rec.span[0]) if col_at is not None else None
                if by_column is not None and col is not None and by_column[col] is not None:
                    rprog, rpart = by_column[col], None
                elif named is not None:
                    rprog, rpart = (named[row] if row is not None else None), None
                elif linked is not None:
                    rprog, rpart = linked, None
                else:
                    rprog, rpart = owner_of(rec.span[0])
                rec.programme_id = rprog.id if rprog else None
                found.append((rprog, rpart, rec))

    found.sort(key=lambda t: t[2].span)
    _distribute(notice, found)
    in_table = lambda span: bool(cells) and _figure_cell(text, span, cells)  # noqa: E731
    attribute(notice, in_table)
    assign_ids(notice)
    # sums of prose shares; a table's arithmetic is checked (and warned about) by the table reader
    notice.warnings.extend(unbalanced([r for r in notice.all_records() if not in_table(r.span)]))


def _distribute(notice: Notice, found: list[tuple[Programme | None, Part | None, Record]]) -> None:
    """Each record to its programme (or part), in document order, deduplicated per programme;
    records of no programme to the notice. One pass over `found`, grouped by owner."""
    cover: list[Record] = []
    by_prog: dict[int, list[tuple[Part | None, Record]]] = {}
    for p, pt, r in found:
        if p is None:
            cover.append(r)
        else:
            by_prog.setdefault(id(p), []).append((pt, r))
    notice.records = dedupe(cover)
    for prog in notice.programmes:
        entries = by_prog.get(id(prog), [])
        kept = {id(r) for r in dedupe([r for _, r in entries])}
        prog.records = [r for pt, r in entries if pt is None and id(r) in kept]
        by_part: dict[int, list[Record]] = {}
        for pt, r in entries:
            if pt is not None and id(r) in kept:
                by_part.setdefault(id(pt), []).append(r)
        for part in prog.parts:
            part.records = by_part.get(id(part), [])
            for r in part.records:
                r.part = part.index


def assign_ids(notice: Notice) -> None:
    """Give every record a stable id (P03-007; N-001 for the cover letter) and turn the total a
    rule linked it to into `part_of`. A total dropped as a repeat links through its kept twin."""
    groups: list[tuple[str, list[Record]]] = [("N", notice.records)]
    groups += [(p.id, p.all_records()) for p in notice.programmes]
    for prefix, recs in groups:
        for i, rec in enumerate(recs, 1):
            rec.id = f"{prefix}-{i:03d}"
        by_key: dict[tuple, Record] | None = None  # the first record of each key, when a twin is asked
        for rec in recs:
            total = total_of(rec)
            if total is None:
                continue
            kept = total
            if total.id is None:
                if by_key is None:
                    by_key = {}
                    for r in recs:
                        by_key.setdefault(record_key(r), r)
                kept = by_key.get(record_key(total))
            if kept is not None and kept is not rec and kept.id and kept.id.startswith(prefix + "-"):
                rec.part_of = kept.id
