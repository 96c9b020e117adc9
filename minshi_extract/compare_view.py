"""A Comparison for people: a terminal table and an HTML section (render.py can append it)."""

from __future__ import annotations

from html import escape

from .compare import Comparison, FigureRow

_MARK = {"changed": "~", "same": "=", "added": "+", "removed": "-"}


def _side(row: FigureRow, side: str) -> str:
    value = getattr(row, side)
    if value is None:
        return "—"
    if row.kind == "lead":
        return "、".join(value) or "—"
    if row.kind == "deadline":
        return str(value)
    return getattr(row, f"{side}_text") or str(value)


def row_text(row: FigureRow) -> str:
    """`学位 2700个 -> 3600个 (+33%)`."""
    change = f" ({row.change})" if row.change else ""
    return f"{row.label or row.kind} {_side(row, 'old')} -> {_side(row, 'new')}{change}"


def format_table(cmp: Comparison, all_rows: bool = False) -> str:
    """Terminal table: one block per paired programme (changed figures, or all), then new and dropped."""
    out = [f"OLD {cmp.old_year or ''} {cmp.old}", f"NEW {cmp.new_year or ''} {cmp.new}", ""]
    for p in cmp.pairs:
        out.append(f"{p.old_id} -> {p.new_id}  [{p.category or '-'}]  score {p.score:.2f}")
        out.append(f"  {p.old_title}")
        out.append(f"  {p.new_title}")
        rows = p.rows if all_rows else p.changes
        width = max((len(r.kind) for r in rows), default=0)
        for r in rows:
            out.append(f"    {_MARK[r.status]} {r.kind:<{width}}  {row_text(r)}")
        if not rows:
            out.append("    (no change)")
    out.append("")
    out.append(f"new programmes ({len(cmp.new_programmes)}):")
    out.extend(f"  + {u.id} {u.title}  [{u.category or '-'}]" for u in cmp.new_programmes)
    out.append(f"dropped programmes ({len(cmp.dropped)}):")
    out.extend(f"  - {u.id} {u.title}  [{u.category or '-'}]" for u in cmp.dropped)
    return "\n".join(out)


_CSS = {"changed": "#fff3c4", "added": "#d8f5d0", "removed": "#fbd5d5", "same": "transparent"}


def compare_html(cmp: Comparison) -> str:
    """An HTML <section> with the comparison (no <html> wrapper: render.py embeds it)."""
    parts = [
        "<section class=minshi-compare><h2>Compared with "
        f"{escape(str(cmp.old_year or ''))} {escape(cmp.old)}</h2>",
        "<table><tr><th>old</th><th>new</th><th>kind</th><th>what</th><th>old</th><th>new</th><th>change</th></tr>",
    ]
    for p in cmp.pairs:
        title = f"<td>{escape(p.old_id)} {escape(p.old_title)}</td><td>{escape(p.new_id)} {escape(p.new_title)}</td>"
        rows = p.rows or []
        if not rows:
            parts.append(f"<tr>{title}<td colspan=5>(no figures)</td></tr>")
        for k, r in enumerate(rows):
            lead = title if k == 0 else "<td></td><td></td>"
            parts.append(
                f'<tr style="background:{_CSS[r.status]}">{lead}<td>{r.kind}</td><td>{escape(r.label)}</td>'
                f"<td>{escape(_side(r, 'old'))}</td><td>{escape(_side(r, 'new'))}</td>"
                f"<td>{escape(r.change or r.status)}</td></tr>"
            )
    parts.append("</table>")
    parts.append("<h3>New programmes</h3><ul>")
    parts.extend(f"<li>{escape(u.id)} {escape(u.title)}</li>" for u in cmp.new_programmes)
    parts.append("</ul><h3>Dropped programmes</h3><ul>")
    parts.extend(f"<li>{escape(u.id)} {escape(u.title)}</li>" for u in cmp.dropped)
    parts.append("</ul></section>")
    return "".join(parts)
