"""Where a line of the text belongs: the programme and part holding it (`Owners`), its innermost
section and whether it is that section's heading (`line_context`), and the cover letter's own steps
section (`cover_context`). Used by the pipeline's one pass over the lines."""

from __future__ import annotations

from dataclasses import replace

from .models import Notice, Part, Programme, Section
from .rules.context import Context
from .spans import SpanIndex


def section_index(sections: list[Section]) -> list[tuple[Section, str, bool]]:
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


def line_context(pos: int, prog: Programme | None, part: Part | None, year: int | None, first_is_lead: bool,
                  indexes: dict[int, SpanIndex], contexts: dict[tuple, Context]) -> Context:
    """The Context of a line at `pos` in `part` (or `prog`): its innermost section, whether it is
    that section's heading; one Context object per distinct answer (`contexts` keeps them)."""
    owner = part or prog
    best = None
    if owner is not None:
        index = indexes.get(id(owner))
        if index is None:
            # owners come in document order: one index alive at a time (memory); the contexts made
            # from the old one go with it (their keys hold ids of its entries)
            indexes.clear()
            contexts.clear()
            index = indexes[id(owner)] = section_spans(section_index(owner.sections))
        best = index.at(pos)
    heading = best is not None and pos == best[0].span[0]  # type: ignore[index]
    key = (id(owner), id(best), heading, first_is_lead)
    ctx = contexts.get(key)
    if ctx is None:
        pid, index_no = prog.id if prog else None, part.index if part else None
        if best is None:
            ctx = Context(year=year, programme_id=pid, part=index_no, first_is_lead=first_is_lead)
        else:
            sec, path, steps = best  # type: ignore[misc]
            ctx = Context(year=year, programme_id=pid, part=index_no, section=path,
                          kind=sec.kind, in_steps=steps, is_heading=heading, first_is_lead=first_is_lead)
        contexts[key] = ctx
    return ctx


def cover_context(pos: int, steps: SpanIndex, base: Context) -> Context:
    """A cover-letter line inside the cover letter's own steps section (`三、实施步骤` of a
    consolidated notice) reads its step headings as phases."""
    path = steps.at(pos)
    if path is None:
        return base
    return replace(base, section=path, kind="steps", in_steps=True)


def section_spans(index: list[tuple[Section, str, bool]]) -> SpanIndex:
    return SpanIndex([(e[0].span, e) for e in index])


class Owners:
    """The programme (and part) holding an offset: the first programme whose span holds it, then
    the first of its parts whose span holds it."""

    def __init__(self, notice: Notice) -> None:
        progs = notice.programmes
        self._progs = SpanIndex([(p.span, p) for p in reversed(progs)])
        self._parts = {id(p): SpanIndex([(pt.span, pt) for pt in reversed(p.parts)]) for p in progs if p.parts}

    def same(self, a: int, b: int) -> bool:
        """Whether every offset of [a, b) has the programme and part of `a`."""
        if not self._progs.same(a, b):
            return False
        prog = self._progs.at(a)
        parts = self._parts.get(id(prog)) if prog is not None else None
        return parts is None or parts.same(a, b)

    def __call__(self, pos: int) -> tuple[Programme | None, Part | None]:
        prog = self._progs.at(pos)
        if prog is None:
            return None, None
        parts = self._parts.get(id(prog))
        return prog, (parts.at(pos) if parts is not None else None)  # type: ignore[return-value]
