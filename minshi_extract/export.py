"""Notice -> JSON, CSV (the records table) and a tree outline for people."""

from __future__ import annotations

import json

from .models import Notice, Section


def to_json(notice: Notice, indent: int | None = 1) -> str:
    return json.dumps(notice.model_dump(mode="json"), ensure_ascii=False, indent=indent)


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
