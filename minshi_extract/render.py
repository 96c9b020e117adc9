"""HTML view of a notice: the text with every record's evidence highlighted, displaCy-style.

Every record gets exactly one <mark> (nested when evidence overlaps; a span that crosses the end
of an enclosing one is cut there), a tooltip in words (`数量 17 件 · 项目`), and a row in the
records table that links to it. A legend names the colours and filters by record type.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from html import escape

from .ingest.ocr_clean import LOW_CONFIDENCE
from .models import Notice, Record
from .rules.lexicon import load_yaml

COLOURS = {
    "quantity": "#bfe3ff", "money": "#c8f7c5", "ratio": "#ffe0a8", "percentage": "#ffd1dc",
    "phase": "#e2d4ff", "deadline": "#ffc9a8", "responsibility": "#d9f0e6",
}


@lru_cache(maxsize=1)
def _labels() -> dict[str, dict[str, str]]:
    return load_yaml("record_labels.yaml")


def _num(x: float | int) -> str:
    return f"{x:g}" if isinstance(x, float) else str(x)


def _what(rec: Record) -> list[str]:
    """The normalised value in words, without the type name."""
    t = rec.type
    if t == "quantity":
        return [f"{_num(rec.value)} {rec.unit}", rec.item or "", rec.region or ""]
    if t == "money":
        return [f"{_num(rec.amount_cny)} 元", f"每{rec.per}" if rec.per else "", rec.item or "",
                rec.source or "", rec.region or ""]
    if t == "ratio":
        return [":".join(_num(s) for s in rec.shares), "/".join(rec.parties)]
    if t == "percentage":
        return [f"{_num(rec.value)}%", rec.item or ""]
    if t == "phase":
        return [rec.name or "", f"{rec.start or '?'}—{rec.end or '?'}"]
    if t == "deadline":
        return [rec.date, rec.what or ""]
    return [f"{_labels()['roles'].get(rec.role, rec.role)} {rec.unit}"]


def describe(rec: Record) -> str:
    """The record in words: `数量 17 件 · 项目`."""
    head, *rest = [w for w in _what(rec) if w] or [""]
    return " · ".join([f"{_labels()['types'][rec.type]} {head}".strip(), *rest])


@dataclass
class _Node:
    rec: Record
    key: str
    start: int
    end: int
    children: list[_Node] = field(default_factory=list)


def _nest(keyed: list[tuple[str, Record]]) -> list[_Node]:
    roots: list[_Node] = []
    stack: list[_Node] = []
    for key, rec in sorted(keyed, key=lambda kr: (kr[1].span[0], -kr[1].span[1])):
        s, e = rec.span
        while stack and s >= stack[-1].end:
            stack.pop()
        if stack:
            e = min(e, stack[-1].end)
        node = _Node(rec, key, s, e)
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
    return roots


def _emit(text: str, nodes: list[_Node], lo: int, hi: int, out: list[str]) -> None:
    pos = lo
    for n in nodes:
        out.append(escape(text[pos:n.start]))
        title = f"{describe(n.rec)} · {n.key}"
        low = ""
        if n.rec.confidence is not None:  # read by OCR: its confidence shown, a weak one outlined
            title += f" · OCR {n.rec.confidence:.2f}"
            low = ' style="outline:2px dashed #c00"' if n.rec.confidence < LOW_CONFIDENCE else ""
        out.append(f'<mark id="m-{n.key}" class="t-{n.rec.type}" data-rec="{n.key}" '
                   f'title="{escape(title)}"{low}>')
        _emit(text, n.children, n.start, n.end, out)
        out.append(f"<sub>{n.rec.type}</sub></mark>")
        pos = n.end
    out.append(escape(text[pos:hi]))


_CSS = (
    "body{font-family:serif;max-width:60em;margin:2em auto}"
    "pre{white-space:pre-wrap;line-height:1.8}mark{padding:0 .15em;border-radius:.2em}"
    "sub{font-size:.6em;color:#555}td{border-bottom:1px solid #ddd;padding:.2em .5em}"
    "#legend label{margin-right:1em;white-space:nowrap}.sw{display:inline-block;width:1em;height:1em;"
    "vertical-align:middle;border-radius:.2em;margin:0 .2em}mark:target{outline:2px solid #c00}"
    + "".join(f"mark.t-{t}{{background:{c}}}" for t, c in COLOURS.items())
    + "".join(f"body.hide-{t} mark.t-{t}{{background:none}}body.hide-{t} mark.t-{t}>sub{{display:none}}"
              f"body.hide-{t} tr.t-{t}{{display:none}}" for t in COLOURS)
)
_JS = (
    "document.querySelectorAll('#legend input').forEach(function(box){"
    "box.addEventListener('change',function(){"
    "document.body.classList.toggle('hide-'+box.dataset.type,!box.checked);});});"
)


def _legend(counts: dict[str, int]) -> str:
    items = "".join(
        f'<label><input type="checkbox" data-type="{t}" checked><span class="sw" style="background:{c}">'
        f"</span>{_labels()['types'][t]} {t} ({counts.get(t, 0)})</label>"
        for t, c in COLOURS.items()
    )
    return f'<fieldset id="legend"><legend>Record types (untick to hide)</legend>{items}</fieldset>'


def render_html(notice: Notice, extra: str = "") -> str:
    """`extra`: more HTML sections appended to the page (e.g. compare_view.compare_html)."""
    records = sorted(notice.all_records(), key=lambda r: (r.span[0], -r.span[1]))
    keyed = [(rec.id or f"r{i}", rec) for i, rec in enumerate(records)]
    body: list[str] = []
    _emit(notice.text, _nest(keyed), 0, len(notice.text), body)
    counts: dict[str, int] = {}
    for r in records:
        counts[r.type] = counts.get(r.type, 0) + 1
    rows = "".join(
        f'<tr class="t-{r.type}"><td><a href="#m-{k}">{k}</a></td><td>{escape(r.programme_id or "-")}</td>'
        f"<td>{r.type}</td><td>{escape(describe(r))}</td><td>{escape(r.text)}</td></tr>"
        for k, r in keyed
    )
    title = escape(notice.meta.title or notice.source.path or "notice")
    warnings = "".join(f"<p class=warning>warning: {escape(w)}</p>" for w in notice.warnings)
    return (
        "<!doctype html><html lang=zh><head><meta charset=utf-8>"
        f"<title>{title}</title><style>{_CSS}</style></head><body>"
        f"<h1>{title}</h1>{_legend(counts)}<pre>{''.join(body)}</pre>"
        f"<h2>Records ({len(records)})</h2><table id=records>"
        "<tr><th>id</th><th>programme</th><th>type</th><th>value</th><th>evidence</th></tr>"
        f"{rows}</table>{warnings}{extra}<script>{_JS}</script></body></html>"
    )
