"""Notice -> JSON, CSV (one row per record) and a tree outline for people."""

from __future__ import annotations

import csv
import io
import json

from .models import Notice, Section

CSV_FIELDS = [
    "notice", "programme_id", "programme", "part", "section", "type", "text", "start", "end", "page",
    "value", "unit", "amount_cny", "text_unit", "per", "shares", "parties", "name", "start_date",
    "end_date", "date", "role", "responsible_unit", "item", "qualifier", "region", "source", "what",
]


def to_json(notice: Notice, indent: int | None = 1) -> str:
    return json.dumps(notice.model_dump(mode="json"), ensure_ascii=False, indent=indent)


def record_rows(notice: Notice) -> list[dict[str, object]]:
    titles = {p.id: p.title for p in notice.programmes}
    rows: list[dict[str, object]] = []
    for rec in notice.all_records():
        d = rec.model_dump(mode="json")
        row: dict[str, object] = {
            "notice": notice.source.path or "",
            "programme_id": rec.programme_id or "",
            "programme": titles.get(rec.programme_id or "", ""),
            "start": rec.span[0],
            "end": rec.span[1],
        }
        for k, v in d.items():
            if k == "span":
                continue
            if k == "unit" and rec.type == "responsibility":
                k = "responsible_unit"
            if rec.type == "phase" and k in ("start", "end"):
                k = f"{k}_date"
            row[k] = "|".join(map(str, v)) if isinstance(v, list) else v
        rows.append(row)
    return rows


def to_csv(notices: list[Notice]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=CSV_FIELDS, extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    for n in notices:
        for row in record_rows(n):
            w.writerow({k: ("" if v is None else v) for k, v in row.items()})
    return buf.getvalue()


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
