"""Word .docx notices (python-docx): paragraphs and tables in body order, web-text layout.

- the body's children are read in order, so a table lands where it sits between paragraphs;
- automatic list numbering (`一、` `（一）` `1.` held in numbering.xml, not in the text) is written
  back in front of the paragraph, since the structure parser needs the markers;
- tables: one cell per line (a cell's paragraphs give one line each), merged cells read once;
- the red issuer masthead (`XX人民政府办公室文件` in a large red font) is letterhead: dropped;
- core properties (title, author, created ...) go into RawDoc.meta.
"""

from __future__ import annotations

import zipfile
import zlib
from io import BytesIO

from ..errors import InputError, LimitError
from ..limits import (
    MAX_PART,
    MAX_PARTS,
    MAX_TABLE_CELLS,
    MAX_XML_PART,
    check_budget,
    check_count,
    check_inflation,
)
from .forms import form_text
from .rawdoc import RawDoc, RawTable
from .wordml import P_OR_TBL, TC, TR, cell_lines, children, nested_tables, paragraph_text

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CN_DIGITS = "〇一二三四五六七八九"


def _where(path: str | None) -> str:
    return path or "<bytes>"


_CN_PLACES = ((1000, "千"), (100, "百"), (10, "十"))
_LEVELS = 9  # w:ilvl 0..8; anything else is not a list level Word shows


def chinese_number(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十, 101 -> 一百零一, 0 -> 〇 (as Word counts;
    past 9999 or below 0 the Arabic figure)."""
    if n < 0 or n > 9999:
        return str(n)
    if n < 10:
        return _CN_DIGITS[n]
    if n < 20:
        return "十" + (_CN_DIGITS[n - 10] if n > 10 else "")
    out = ""
    zero = False
    for value, name in _CN_PLACES:
        digit, n = divmod(n, value)
        if digit:
            out += ("零" if zero and out else "") + _CN_DIGITS[digit] + name
            zero = False
        elif out:
            zero = True
    if n:
        out += ("零" if zero else "") + _CN_DIGITS[n]
    return out


def _int(value: str | None, default: int) -> int:
    """A w:val that should be a number: anything else reads as the default, not an error."""
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return default


def format_number(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "ideographTraditional", "japaneseCounting"):
        return chinese_number(n)
    if fmt == "lowerLetter":
        return chr(ord("a") + (n - 1) % 26)
    if fmt == "upperLetter":
        return chr(ord("A") + (n - 1) % 26)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n)
    if fmt == "none":
        return ""
    return str(n)


_MAX_LVL_TEXT = 64  # Word's level texts are a few characters (`%1、`, `（%2）`, `%1.%2.%3.`)


def _lvl_text(el) -> str:
    """A level's w:lvlText; one past _MAX_LVL_TEXT is no marker (a 350 KB one was copied into every
    numbered paragraph: 300 paragraphs held 700 MB, 3,000 would not fit in memory)."""
    text = el.get(f"{_W}val", "") if el is not None else ""
    return text if len(text) <= _MAX_LVL_TEXT else ""


class Numbering:
    """Resolve w:numPr into the marker Word displays (`%1、` with chineseCounting -> `一、`)."""

    def __init__(self, doc) -> None:
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.counters: dict[str, list[int]] = {}
        try:
            root = doc.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for an in root.findall(f"{_W}abstractNum"):
            lv: dict[int, tuple[str, str, int]] = {}
            for lvl in an.findall(f"{_W}lvl"):
                ilvl = _int(lvl.get(f"{_W}ilvl"), -1)
                if not 0 <= ilvl < _LEVELS:
                    continue
                fmt = lvl.find(f"{_W}numFmt")
                text = lvl.find(f"{_W}lvlText")
                start = lvl.find(f"{_W}start")
                lv[ilvl] = (
                    fmt.get(f"{_W}val", "decimal") if fmt is not None else "decimal",
                    _lvl_text(text),
                    max(0, _int(start.get(f"{_W}val"), 1)) if start is not None else 1,
                )
            abstract[an.get(f"{_W}abstractNumId", "")] = lv
        for num in root.findall(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            if ref is None:
                continue
            for ilvl, spec in abstract.get(ref.get(f"{_W}val", ""), {}).items():
                self.levels[(num.get(f"{_W}numId", ""), ilvl)] = spec

    def marker(self, paragraph) -> str:
        ppr = paragraph._p.pPr
        num_pr = ppr.find(f"{_W}numPr") if ppr is not None else None
        if num_pr is None:
            return ""
        num_id_el, ilvl_el = num_pr.find(f"{_W}numId"), num_pr.find(f"{_W}ilvl")
        num_id = num_id_el.get(f"{_W}val", "") if num_id_el is not None else ""
        ilvl = _int(ilvl_el.get(f"{_W}val"), -1) if ilvl_el is not None else 0
        if (num_id, ilvl) not in self.levels or num_id == "0":
            return ""
        counts = self.counters.setdefault(num_id, [0] * _LEVELS)
        counts[ilvl] += 1
        for deeper in range(ilvl + 1, _LEVELS):  # a new 一、 restarts its (一)
            counts[deeper] = 0
        text = self.levels[(num_id, ilvl)][1]
        for lv in range(ilvl + 1):
            fmt, _, start = self.levels.get((num_id, lv), ("decimal", "", 1))
            text = text.replace(f"%{lv + 1}", format_number(counts[lv] + start - 1, fmt))
        return text


def _run_val(run, tag: str) -> str | None:
    """w:val of a run property (w:color, w:sz), as written (python-docx's own parse raises on junk)."""
    rpr = run._r.rPr
    el = rpr.find(f"{_W}{tag}") if rpr is not None else None
    return el.get(f"{_W}val") if el is not None else None


def _rgb(val: str | None) -> tuple[int, int, int] | None:
    """`FF0000` -> (255, 0, 0); auto, junk or a channel past FF -> None."""
    s = val or ""
    try:
        rgb = (int(s[0:2], 16), int(s[2:4], 16), int(s[4:], 16))
    except ValueError:
        return None
    return rgb if all(c <= 255 for c in rgb) else None


def _points(val: str | None) -> float:
    """w:sz (half-points, or a measure such as `24pt`) in points; junk -> 0."""
    s = (val or "").strip()
    try:
        return float(s[:-2]) if s.endswith("pt") else int(s) / 2
    except ValueError:
        return 0


def _is_masthead(paragraph) -> bool:
    """A paragraph whose every run is red and large (>= 20pt): the 版头 `XX人民政府办公室文件`."""
    runs = [r for r in paragraph.runs if r.text.strip()]
    if not runs:
        return False
    for r in runs:
        rgb = _rgb(_run_val(r, "color"))
        if rgb is None or _points(_run_val(r, "sz")) < 20:
            return False
        red, green, blue = rgb
        if not (red > 150 and green < 90 and blue < 90):
            return False
    return True


def _clean(s: str) -> str:
    return s.replace("\t", " ").replace("\xa0", " ").strip(" \u3000")


def _is_title(paragraph, names: dict[str | None, str] | None = None) -> bool:
    """A title or first/second-level heading style; `names` caches style id -> name (one look-up
    per style, not per paragraph: a style look-up scans every style)."""
    names = {} if names is None else names
    ppr = paragraph._p.pPr
    sid = ppr.pStyle.val if ppr is not None and ppr.pStyle is not None else None
    if sid not in names:
        names[sid] = (paragraph.style.name if paragraph.style is not None else "") or ""
    name = names[sid]
    return name.startswith("Title") or name in ("Heading 1", "Heading 2", "标题", "标题 1", "标题 2")


def check_package(data: bytes, where: str) -> None:
    """Decompressed size and ratio of every part, counted while inflating (zip headers can lie):
    a zip bomb or a 100 MB document.xml is refused before python-docx parses anything."""
    total = 0
    try:
        with zipfile.ZipFile(BytesIO(data)) as zf:
            infos = zf.infolist()
            check_count("parts in the .docx package:", len(infos), MAX_PARTS, where)
            for info in infos:
                cap = MAX_XML_PART if info.filename.endswith((".xml", ".rels")) else MAX_PART
                out = 0
                with zf.open(info) as f:
                    while chunk := f.read(1 << 20):
                        out += len(chunk)
                        total += len(chunk)
                        if out > cap:
                            raise LimitError(
                                f"{where}: .docx part {info.filename} is over {cap} bytes "
                                "uncompressed (a compression bomb?)"
                            )
                        check_inflation(f".docx part {info.filename}", out, info.compress_size, total, where)
                check_budget(where)
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        NotImplementedError,
        EOFError,
        OSError,
        ValueError,
        zlib.error,
    ) as exc:
        raise InputError(
            f"{where}: not a readable .docx document ({type(exc).__name__}: {str(exc)[:100]})"
        ) from None
    except RuntimeError as exc:  # an encrypted zip member
        raise InputError(f"{where}: .docx package is encrypted or damaged ({str(exc)[:100]})") from None


MAX_GRID_SPAN = 64  # Word's tables have at most 63 columns; a wider w:gridSpan is read as this many


def _cell_text(tc) -> str:
    lines = [_clean(line) for line in cell_lines(tc)]
    return "\n".join(ln for ln in lines if ln)


def _tc_props(tc) -> tuple[int, bool]:
    """(grid span, continues a vertical merge) of a w:tc, read leniently: a span that is no number
    is 1, one past MAX_GRID_SPAN is MAX_GRID_SPAN; `<w:vMerge/>` or val="continue" continues."""
    pr = tc.find(f"{_W}tcPr")
    if pr is None:
        return 1, False
    span_el, merge_el = pr.find(f"{_W}gridSpan"), pr.find(f"{_W}vMerge")
    span = min(max(1, _int(span_el.get(f"{_W}val"), 1)), MAX_GRID_SPAN) if span_el is not None else 1
    cont = merge_el is not None and merge_el.get(f"{_W}val", "continue") == "continue"
    return span, cont


def table_rows(tbl, seen: int = 0, where: str = "") -> list[list[str]]:
    """Rows of a w:tbl with merged cells read once: a cell repeated by a horizontal or vertical merge
    is ''. Linear in the cells (a vertical merge finds its first cell by grid column in the row
    above, not by walking up the rows), whatever the spans say."""
    rows: list[list[str]] = []
    above: list = []  # the cells (root w:tc of a vertical merge) of the row above, one per grid column
    above_at: dict[int, object] = {}  # grid column -> root w:tc starting there, in the row above
    for n, tr in enumerate(children(tbl, TR)):
        if n % 256 == 0:
            check_budget(where)
        pr = tr.find(f"{_W}trPr")
        before_el = pr.find(f"{_W}gridBefore") if pr is not None else None
        col = max(0, _int(before_el.get(f"{_W}val"), 0)) if before_el is not None else 0
        cells: list = []
        at: dict[int, object] = {}
        for tc in children(tr, TC):
            span, cont = _tc_props(tc)
            root = above_at.get(col, tc) if cont else tc
            at[col] = root
            col += span
            cells.extend([root] * (_tc_props(root)[0] if root is not tc else span))
        out = [""] * len(cells)
        for i, tc in enumerate(cells):
            if not ((i and cells[i - 1] is tc) or (i < len(above) and above[i] is tc)):
                out[i] = _cell_text(tc)
        seen += len(cells)
        check_count("cells in the .docx tables:", seen, MAX_TABLE_CELLS, where)
        rows.append(out)
        above, above_at = cells, at
    return rows


def read_docx(data: bytes, path: str | None, sha256: str) -> RawDoc:
    where = _where(path)
    check_package(data, where)
    try:
        from docx import Document
        from docx.text.paragraph import Paragraph

        doc = Document(BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise InputError(
            f"{where}: not a readable .docx document ({type(exc).__name__}: {str(exc)[:100]})"
        ) from None
    except Exception as exc:  # lxml XMLSyntaxError and friends: a damaged package
        raise InputError(
            f"{where}: damaged .docx document ({type(exc).__name__}: {str(exc)[:100]})"
        ) from None
    body = doc.element.body
    if body is None:
        raise InputError(f"{where}: .docx document has no body (no <w:body> in word/document.xml)")
    numbering = Numbering(doc)
    styles: dict[str | None, str] = {}
    parts: list[str] = []
    tables: list[RawTable] = []
    prev_title = False
    cells = 0

    for n, child in enumerate(children(body, P_OR_TBL)):  # also inside content controls
        if n % 256 == 0:
            check_budget(where)
        if child.tag == f"{_W}tbl":
            rows = table_rows(child, cells, where)
            cells += sum(len(r) for r in rows)
            if any(any(c for c in r) for r in rows):
                # a form whose cell holds a table (任务分配 | 县区 · 市场数量 · 补助资金): the inner table is
                # the grid; the form's label | value rows are read as lines
                form = form_text(rows)
                inner = [table_rows(t, cells, where) for t in nested_tables(child)] if form else []
                tables.extend([RawTable(rows=r) for r in inner if len(r) >= 2] if inner else [RawTable(rows=rows)])
                parts.append("\n" + (form or "\n\n".join(c for r in rows for c in r if c)))
            prev_title = False
        elif child.tag == f"{_W}p":
            p = Paragraph(child, doc)
            text = _clean(paragraph_text(child))
            if not text or _is_masthead(p):
                continue
            text = numbering.marker(p) + text
            title = _is_title(p, styles)
            if title != prev_title and parts:  # a blank line more around a title block, as the web text has
                text = "\n" + text
            parts.append(text)
            prev_title = title
    if not parts:
        raise InputError(f"{where}: .docx document has no text")
    cp = doc.core_properties
    meta = {
        k: (v.isoformat() if hasattr(v, "isoformat") else str(v))
        for k, v in {
            "title": cp.title,
            "author": cp.author,
            "subject": cp.subject,
            "keywords": cp.keywords,
            "category": cp.category,
            "created": cp.created,
            "modified": cp.modified,
        }.items()
        if v
    }
    return RawDoc(
        text="\n\n".join(parts) + "\n", format="docx", path=path, sha256=sha256, tables=tables, meta=meta
    )
