"""Notice -> JSON, CSV (the records table) and a tree outline for people."""

from __future__ import annotations

import json
from collections.abc import Iterator

from pydantic import BaseModel

from .models import Notice, Part, Programme, Section

# the containers written field by field, and which of their fields are lists written item by item:
# a 4 MB notice never becomes one dict or one string (issue 14: memory)
_STREAMED: dict[type[BaseModel], tuple[str, ...]] = {
    Notice: ("programmes", "records", "attachments"),
    Programme: ("parts", "records"),
    Part: ("records",),
}


def to_json(notice: Notice, indent: int | None = 1) -> str:
    """The notice as JSON: `json.dumps(notice.model_dump(mode="json"), ensure_ascii=False, indent=indent)`."""
    return "".join(iter_json(notice, indent))


def iter_json(notice: Notice, indent: int | None = 1) -> Iterator[str]:
    """`to_json` in pieces of one record (or one section tree, one attachment) each, the same
    characters: writing them needs the memory of one piece, not of the whole document."""
    yield from _model(notice, 0, indent)


def _dumps(value: object, level: int, indent: int | None) -> str:
    """json.dumps of a value nested `level` deep in a document indented by `indent`."""
    s = json.dumps(value, ensure_ascii=False, indent=indent)
    # JSON strings hold no raw line break, so every one is the indent's
    return s.replace("\n", "\n" + " " * (level * indent)) if indent and level else s


def _model(obj: BaseModel, level: int, indent: int | None) -> Iterator[str]:
    lists = _STREAMED.get(type(obj))
    if lists is None:
        yield _dumps(obj.model_dump(mode="json"), level, indent)
        return
    rest = obj.model_dump(mode="json", exclude=set(lists))
    inner, sep, colon = _separators(level, indent)
    yield "{" + inner
    for k, name in enumerate(type(obj).model_fields):
        if k:
            yield sep
        yield json.dumps(name, ensure_ascii=False) + colon
        if name in lists:
            yield from _list(getattr(obj, name), level + 1, indent)
        elif isinstance(rest[name], str) and len(rest[name]) > _TEXT_PIECE:  # the notice's text
            yield from _str_pieces(rest[name])
        else:
            yield _dumps(rest[name], level + 1, indent)
    yield _closing(level, indent) + "}"


_TEXT_PIECE = 1 << 16  # characters of a long string written as one piece


def _str_pieces(s: str, size: int = _TEXT_PIECE) -> Iterator[str]:
    """json.dumps(s, ensure_ascii=False) in pieces of `size` characters of `s`: json escapes each
    character on its own, so the pieces join to the same text, and a 4 MB notice's text is never
    one more escaped copy (and its UTF-8 bytes) at once (issue 14: memory)."""
    yield '"'
    for i in range(0, len(s), size):
        yield json.dumps(s[i:i + size], ensure_ascii=False)[1:-1]
    yield '"'


def _list(items: list[BaseModel], level: int, indent: int | None) -> Iterator[str]:
    if not items:
        yield "[]"
        return
    inner, sep, _ = _separators(level, indent)
    yield "[" + inner
    for k, item in enumerate(items):
        if k:
            yield sep
        yield from _model(item, level + 1, indent)
    yield _closing(level, indent) + "]"


def _separators(level: int, indent: int | None) -> tuple[str, str, str]:
    """(after the opening bracket, between two items, after a key) as json.dumps writes them."""
    if indent is None:
        return "", ", ", ": "
    pad = "\n" + " " * ((level + 1) * indent)
    return pad, "," + pad, ": "


def _closing(level: int, indent: int | None) -> str:
    return "" if indent is None else "\n" + " " * (level * indent)


def to_csv(notices: list[Notice], bom: bool = False) -> str:
    """The records table of the dataset (minshi_extract.dataset) for these notices, as CSV."""
    from .dataset.tables import notice_tables
    from .dataset.writers import table_csv

    rows = [row for n in notices for row in notice_tables(n)["records"]]
    return table_csv("records", rows, bom=bom)


def _tree_sections(sections: list[Section], depth: int, out: list[str]) -> None:
    for s in sections:
        out.append(f"{'  ' * depth}{s.marker}{s.title}  [{s.kind}]")
        _tree_sections(s.children, depth + 1, out)


def to_tree(notice: Notice) -> str:
    m = notice.meta
    out = [
        f"{m.title or '(no title)'}",
        f"  issuer: {m.issuer}  doc_number: {m.doc_number}  issued_on: {m.issued_on}  year: {m.year}",
        f"  cover letter: {len(notice.records)} records",
    ]
    for p in notice.programmes:
        cat = f"  [{p.category.primary}{''.join(' +' + k for k in p.category.secondary)}]" if p.category else ""
        out.append(f"{p.id} {p.title}  ({len(p.all_records())} records){cat}")
        _tree_sections(p.sections, 1, out)
        for part in p.parts:
            out.append(f"  part {part.index}: {part.title}  ({len(part.records)} records)")
            _tree_sections(part.sections, 2, out)
    for a in notice.attachments:
        shapes = ", ".join(f"{len(t.rows)}x{len(t.header)}" for t in a.tables)
        out.append(f"{a.label} {a.title} -> {a.programme_id}  tables: {shapes or 'none'}")
    out.extend(f"warning: {w}" for w in notice.warnings)
    return "\n".join(out)
