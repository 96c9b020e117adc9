"""HTML view of a notice: the text with every record's evidence highlighted, displaCy-style."""

from __future__ import annotations

from html import escape

from .ingest.ocr_clean import LOW_CONFIDENCE
from .models import Notice, record_key

COLOURS = {
    "quantity": "#bfe3ff", "money": "#c8f7c5", "ratio": "#ffe0a8", "percentage": "#ffd1dc",
    "phase": "#e2d4ff", "deadline": "#ffc9a8", "responsibility": "#d9f0e6",
}


def render_html(notice: Notice) -> str:
    records = sorted(notice.all_records(), key=lambda r: (r.span[0], -r.span[1]))
    text = notice.text
    parts: list[str] = []
    pos = 0
    for rec in records:
        s, e = rec.span
        if s < pos:  # overlapping evidence: listed in the table below, not highlighted twice
            continue
        parts.append(escape(text[pos:s]))
        label = f"{rec.type} {' '.join(map(str, record_key(rec)[1:]))}"
        low = ""
        if rec.confidence is not None:  # read by OCR: its confidence shown, a weak one outlined
            label += f" (OCR confidence {rec.confidence:.2f})"
            low = ";outline:2px dashed #c00" if rec.confidence < LOW_CONFIDENCE else ""
        parts.append(
            f'<mark style="background:{COLOURS[rec.type]}{low}" title="{escape(label)}">{escape(text[s:e])}'
            f"<sub>{rec.type}</sub></mark>"
        )
        pos = e
    parts.append(escape(text[pos:]))
    rows = "".join(
        f"<tr><td>{escape(r.programme_id or '-')}</td><td>{r.type}</td>"
        f"<td>{escape(' '.join(map(str, record_key(r)[1:])))}</td><td>{escape(r.text)}</td></tr>"
        for r in records
    )
    title = escape(notice.meta.title or notice.source.path or "notice")
    return (
        "<!doctype html><html lang=zh><meta charset=utf-8>"
        f"<title>{title}</title>"
        "<style>body{font-family:serif;max-width:60em;margin:2em auto}"
        "pre{white-space:pre-wrap;line-height:1.8}mark{padding:0 .15em;border-radius:.2em}"
        "sub{font-size:.6em;color:#555}td{border-bottom:1px solid #ddd;padding:.2em .5em}</style>"
        f"<h1>{title}</h1><pre>{''.join(parts)}</pre>"
        f"<h2>Records ({len(records)})</h2><table>{rows}</table>"
        + "".join(f"<p>warning: {escape(w)}</p>" for w in notice.warnings)
        + "</html>"
    )
