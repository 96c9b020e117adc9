"""Render any corpus text notice as a published PDF (and a portal HTML page), with layout options.

    .venv/bin/python scripts/make_variant_fixtures.py            # every fixture in FIXTURES
    .venv/bin/python scripts/make_variant_fixtures.py huzhou_2024 # just one

The text notice is the web text (one paragraph per line, tables flattened one cell per line). The
blocks are found generically: the first line is the title, a `〔2024〕12号` line the doc number, the
line after it ending in `:` the addressees, lines pushed right with blanks the signature and date,
a line between two double blank lines a (programme) title, `一、…` a heading, `附件` a label, and the
tables where the project's own structure parser finds them (Notice.attachments[].tables, cell spans
mapped back to the raw text). Layout options are what real official PDFs do and the founding
fixture does not: justified lines, other body sizes and grids, running heads/feet, page numbers as
`- 3 -` or `第3页 共9页`, mirrored margins, tables continued onto the next page with the header
repeated, a letter-spaced `附　件`, headings wrapping onto two lines, titles on 2-3 centred lines.

Needs fonts-arphic-uming and fonts-wqy-microhei (tests do not: the outputs are committed).
This is a fixture generator, not the extractor: it may know the notice's structure.
"""

from __future__ import annotations

import html
import math
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
VARIANTS = ROOT / "corpus" / "variants"
SERIF = "/usr/share/fonts/truetype/arphic/uming.ttc"
SANS = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
MM = 72 / 25.4
A4 = (595.28, 841.89)
A5 = (419.53, 595.28)

_FULLWIDTH = str.maketrans({",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "?": "？", "!": "！"})
_CLOSING = set("，。、；：）”》！？,.;:)")
_DOCNO = re.compile(r"[〔\[（(]\d{4}[〕\]）)]\s*\d+\s*号")
_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+件)[^。]{1,40}$")
_LABEL = re.compile(r"^附\s*件\s*\d*[:：]?$")


def official(s: str) -> str:
    return s.translate(_FULLWIDTH)


@dataclass
class Block:
    kind: str  # title docno addressee para heading sign ptitle alabel atitle table
    text: str = ""
    rows: list[list[str]] = field(default_factory=list)


def decode(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def table_ranges(raw: str) -> list[tuple[int, int, list[list[str]]]]:
    """(first line, last line, rows) of every table the structure parser finds (0-based raw lines)."""
    from minshi_extract.normalize import normalize
    from minshi_extract.structure import build_skeleton

    text, offs = normalize(raw)
    notice = build_skeleton(text)
    out = []
    for att in notice.attachments:
        for t in att.tables:
            rows = []
            lo, hi = len(raw), 0
            for row in t._cell_spans:
                cells = []
                for a, b in row:
                    ra, rb = offs[a], offs[b - 1] + 1
                    lo, hi = min(lo, ra), max(hi, rb)
                    cells.append(raw[ra:rb].strip())
                rows.append(cells)
            out.append((raw.count("\n", 0, lo), raw.count("\n", 0, hi), rows))
    return out


def read_blocks(path: Path) -> list[Block]:
    raw = decode(path).replace("\r\n", "\n")
    lines = raw.split("\n")
    tables = {a: (b, rows) for a, b, rows in table_ranges(raw)}
    nonempty = [i for i, s in enumerate(lines) if s.strip()]
    blocks = [Block("title", lines[nonempty[0]].strip())]
    docno = next((i for i in nonempty[1:4] if _DOCNO.search(lines[i])), None)
    if docno is not None:
        blocks.append(Block("docno", lines[docno].strip()))
    start = (docno if docno is not None else nonempty[0]) + 1

    def blank(k: int) -> bool:
        return k < 0 or k >= len(lines) or not lines[k].strip()

    i = start
    addressee_done = False
    after_label = False
    while i < len(lines):
        if i in tables:
            end, rows = tables[i]
            blocks.append(Block("table", rows=rows))
            i, after_label = end + 1, False
            continue
        raw_line = lines[i]
        s = raw_line.strip()
        if not s:
            i += 1
            continue
        if not addressee_done and s.endswith((":", "：")):
            kind = "addressee"
            addressee_done = True
        elif len(raw_line) - len(raw_line.lstrip(" \u3000\xa0")) >= 6:
            kind = "sign"
        elif _LABEL.match(s):
            kind, after_label = "alabel", True
        elif after_label and "。" not in s:
            kind = "atitle"
        elif blank(i - 1) and blank(i - 2) and blank(i + 1) and blank(i + 2) and "。" not in s and len(s) <= 40 \
                and not s.startswith(("(", "（")):
            kind = "ptitle"
        elif _HEADING.match(s):
            kind = "heading"
        else:
            kind = "para"
        addressee_done = addressee_done or kind not in ("para",)
        blocks.append(Block(kind, s))
        i += 1
    return blocks


# --- layout --------------------------------------------------------------------------------------


@dataclass
class Layout:
    page: tuple[float, float] = A4
    body: float = 16.0
    chars: int = 28
    lines: int = 22
    top: float = 37 * MM
    justify: bool = False
    gutter: float = 0.0  # odd pages shift right by this, even pages left (mirrored margins)
    head: str = ""  # running head on every page after the first
    foot: str = ""  # running foot on every page
    pageno: str = "dash"  # dash: `- 3 -` centred; cn: `第3页 共9页` centred
    masthead: bool = True
    title_size: float = 22.0
    title_lines: int = 2
    heading_size: float | None = None  # None: the body size
    spaced_label: bool = False
    table_size: float = 12.0
    table_break_rows: int = 0  # force the table onto a new page after this many data rows
    plan_new_page: bool = True  # a programme title starts a new page

    @property
    def text_w(self) -> float:
        return self.chars * self.body

    @property
    def pitch(self) -> float:
        return (self.page[1] - self.top - 35 * MM) / self.lines


class Composer:
    def __init__(self, lay: Layout, issuer: str, total: int | None) -> None:
        from fpdf import FPDF

        self.lay = lay
        self.issuer = issuer
        self.total = total
        self.pdf = FPDF(unit="pt", format=lay.page)
        self.pdf.set_auto_page_break(False)
        self.pdf.add_font("serif", fname=SERIF, collection_font_number=0)
        self.pdf.add_font("sans", fname=SANS, collection_font_number=0)
        self.line = float(lay.lines)
        self.y_extra = 0.0

    @property
    def left(self) -> float:
        base = (self.lay.page[0] - self.lay.text_w) / 2
        return base + (self.lay.gutter if self.pdf.page_no() % 2 else -self.lay.gutter)

    def new_page(self) -> None:
        lay = self.lay
        self.pdf.add_page()
        self.line = 0
        n = self.pdf.page_no()
        self.pdf.set_text_color(0, 0, 0)
        h = lay.page[1]
        label = f"第{n}页 共{self.total or 99}页" if lay.pageno == "cn" else f"- {n} -"
        self._centred_at(label, 10.5 if lay.body < 14 else 14, h - 18 * MM)
        if lay.head and n > 1:
            self._centred_at(lay.head, 10.5, 20 * MM)
            self.pdf.set_line_width(0.5)
            self.pdf.line(self.left, 20 * MM + 4, self.left + lay.text_w, 20 * MM + 4)
        if lay.foot:
            self.draw_chars(self.left, h - 25 * MM, lay.foot, 9.0)

    def _centred_at(self, s: str, size: float, y: float) -> None:
        wd = self.width(s, size)
        self.draw_chars(self.left + (self.lay.text_w - wd) / 2, y, s, size)

    def baseline(self) -> float:
        return self.lay.top + self.line * self.lay.pitch + self.lay.body

    def need(self, n: float = 1) -> None:
        if self.line + n > self.lay.lines:
            self.new_page()

    def width(self, s: str, size: float, family: str = "serif") -> float:
        self.pdf.set_font(family, size=size)
        return sum(self.pdf.get_string_width(ch) for ch in s)

    def draw_chars(self, x: float, y: float, s: str, size: float, family: str = "serif", spread: float = 0.0) -> None:
        """One glyph at a time, `spread` extra points after every glyph but the last (justification)."""
        self.pdf.set_font(family, size=size)
        for ch in s:
            if ch != " ":
                self.pdf.text(x, y, ch)
            x += self.pdf.get_string_width(ch) + spread

    def wrap(self, s: str, first: float, size: float, family: str) -> list[str]:
        """Break lines; justified text keeps Latin/digit runs whole and never starts a line with a closing mark."""
        tokens = re.findall(r"[A-Za-z0-9.%\-]+|.", s) if self.lay.justify else list(s)
        out, cur, avail = [], "", self.lay.text_w - first
        for tok in tokens:
            if cur and self.width(cur + tok, size, family) > avail + 0.01:
                if tok[0] in _CLOSING:
                    if self.lay.justify:  # 禁则: take the last glyph of this line down with it
                        out.append(cur[:-1])
                        cur, avail = cur[-1] + tok, self.lay.text_w
                        continue
                    cur += tok  # hang it in the margin
                    continue
                out.append(cur)
                cur, avail = "", self.lay.text_w
            cur += tok
        if cur:
            out.append(cur)
        return out

    def paragraph(self, s: str, indent: float = 2, family: str = "serif", size: float | None = None) -> None:
        size = size or self.lay.body
        parts = self.wrap(s, indent * size, size, family)
        for k, part in enumerate(parts):
            self.need()
            first = indent * size if k == 0 else 0.0
            spread = 0.0
            if self.lay.justify and k < len(parts) - 1 and len(part) > 1:
                spread = (self.lay.text_w - first - self.width(part, size, family)) / (len(part) - 1)
            self.draw_chars(self.left + first, self.baseline(), part, size, family, spread)
            self.line += 1

    def centred(self, lines: list[str], size: float, family: str = "serif") -> None:
        self.need(len(lines) + 1)
        for s in lines:
            w = self.width(s, size, family)
            self.draw_chars(self.left + (self.lay.text_w - w) / 2, self.baseline() + (size - self.lay.body) / 2, s,
                            size, family)
            self.line += 1.4 if size > self.lay.body else 1

    def right(self, s: str, pad: float) -> None:
        self.need()
        w = self.width(s, self.lay.body)
        self.draw_chars(self.left + self.lay.text_w - w - pad * self.lay.body, self.baseline(), s, self.lay.body)
        self.line += 1

    def masthead(self, docno: str) -> None:
        self.new_page()
        pdf = self.pdf
        pdf.set_text_color(230, 0, 18)
        head = f"{self.issuer}文件"
        size = min(36.0, self.lay.text_w / (len(head) + 1))
        w = self.width(head, size)
        self.draw_chars((self.lay.page[0] - w) / 2, self.lay.top + size, head, size)
        pdf.set_text_color(0, 0, 0)
        self.line = 3
        w = self.width(docno, self.lay.body)
        self.draw_chars((self.lay.page[0] - w) / 2, self.baseline(), docno, self.lay.body)
        pdf.set_draw_color(230, 0, 18)
        pdf.set_line_width(1.5)
        y = self.baseline() + 12
        pdf.line(self.left, y, self.left + self.lay.text_w, y)
        pdf.set_draw_color(0, 0, 0)
        self.line = 5

    # tables: columns sized to their content, cells wrapped to the column, header repeated on each page
    def _cell_lines(self, s: str, w: float, size: float) -> list[str]:
        out = []
        for piece in s.split("\n"):
            cur = ""
            for ch in re.findall(r"[0-9A-Za-z.%]+-?|.", piece):
                if cur and self.width(cur + ch, size) > w - size * 0.6 and ch[0] not in _CLOSING:
                    out.append(cur)
                    cur = ""
                cur += ch
            if cur:
                out.append(cur)
        return out

    def table(self, rows: list[list[str]]) -> None:
        size = self.lay.table_size
        lead = size * 1.4
        ncol = max(len(r) for r in rows)
        rows = [r + [""] * (ncol - len(r)) for r in rows]
        natural = [max(self.width(p, size) for r in rows for p in r[c].split("\n")) + size for c in range(ncol)]
        # as Word sizes columns: a number or a date range never breaks; the rest shares what is left
        least = [max([2.6 * size] + [self.width(m, size) + 1.2 * size for r in rows[1:]
                                     for m in re.findall(r"[0-9A-Za-z.%\-]+", r[c])]) for c in range(ncol)]
        spare = self.lay.text_w - sum(least)
        extra = [max(0.0, n - m) for n, m in zip(natural, least, strict=True)]
        widths = [m + spare * e / (sum(extra) or 1) for m, e in zip(least, extra, strict=True)]
        laid = [[self._cell_lines(official(c), widths[k], size) for k, c in enumerate(r)] for r in rows]
        heights = [max(1, *(len(c) for c in r)) * lead + size * 0.8 for r in laid]
        bottom = self.lay.top + self.lay.lines * self.lay.pitch
        y = self.lay.top + self.line * self.lay.pitch + 4
        if y + heights[0] + heights[1] > bottom:
            self.new_page()
            y = self.lay.top + 4
        self.pdf.set_line_width(0.6)
        done = 0
        for r in range(len(rows)):
            if r > 0 and (y + heights[r] > bottom or (self.lay.table_break_rows and done == self.lay.table_break_rows)):
                self.new_page()
                y = self.lay.top + 4
                y = self._row(laid[0], widths, heights[0], y, size, lead)  # the header again
                done = -10**6
            y = self._row(laid[r], widths, heights[r], y, size, lead)
            if r > 0:
                done += 1
        self.line = (y - self.lay.top) / self.lay.pitch + 1

    def _row(self, cells: list[list[str]], widths: list[float], h: float, y: float, size: float, lead: float) -> float:
        x = self.left
        for parts, w in zip(cells, widths, strict=True):
            self.pdf.rect(x, y, w, h)
            top = y + (h - len(parts) * lead) / 2
            for k, part in enumerate(parts):
                tw = self.width(part, size)
                self.draw_chars(x + (w - tw) / 2, top + k * lead + size * 1.05, part, size)
            x += w
        return y + h


def split_title(title: str, n: int, size: float, comp: Composer) -> list[str]:
    """Break a title into n centred lines, preferring cuts after 关于 / 印发 / 下达 / the year."""
    avail = comp.lay.text_w
    need = max(1, math.ceil(comp.width(title, size) / avail))
    n = max(need, min(n, math.ceil(len(title) / 6)))
    if n == 1:
        return [title]
    cuts = [m.end() for m in re.finditer(r"关于|印发|下达|\d{4}年|实施方案|的", title)]
    out, start = [], 0
    for k in range(1, n):
        ideal = round(len(title) * k / n)
        near = [c for c in cuts if start < c < len(title) and abs(c - ideal) <= 5]
        cut = min(near, key=lambda c: abs(c - ideal)) if near else ideal
        while comp.width(title[start:cut], size) > avail:
            cut -= 1
        out.append(title[start:cut])
        start = cut
    out.append(title[start:])
    return [s for s in out if s]


def issuer_of(title: str) -> str:
    m = re.match(r"^(.+?(?:人民政府办公室|人民政府办公厅|人民政府))", title)
    return m.group(1) if m else title[:10]


def compose(blocks: list[Block], lay: Layout, total: int | None):
    title = blocks[0].text
    issuer = issuer_of(title)
    comp = Composer(lay, issuer, total)
    if lay.head == "{issuer}":
        comp.lay = lay = Layout(**{**lay.__dict__, "head": issuer})
    if lay.foot == "{issuer}":
        comp.lay = lay = Layout(**{**lay.__dict__, "foot": issuer})
    hsize = lay.heading_size or lay.body
    docno = next((b.text for b in blocks if b.kind == "docno"), "")
    if lay.masthead:
        comp.masthead(official(docno))
    else:
        comp.new_page()
        comp.line = 1
    comp.centred(split_title(official(title), lay.title_lines, lay.title_size, comp), lay.title_size)
    if not lay.masthead and docno:
        comp.centred([official(docno)], lay.body)
    comp.line += 0.5
    signs = 0
    for b in blocks[1:]:
        if b.kind == "docno":
            continue
        if b.kind == "addressee":
            comp.paragraph(official(b.text), indent=0)
        elif b.kind == "para":
            comp.paragraph(official(b.text))
        elif b.kind == "heading":
            comp.paragraph(official(b.text), family="sans", size=hsize)
        elif b.kind == "sign":
            comp.right(official(b.text), 4 if signs == 0 else 2)
            signs += 1
        elif b.kind == "ptitle":
            if lay.plan_new_page:
                comp.new_page()
                comp.line = 1
            else:
                comp.line += 1
            comp.centred(split_title(official(b.text), 2, lay.title_size, comp), lay.title_size)
            comp.line += 0.5
        elif b.kind == "alabel":
            comp.new_page()
            label = "附　件" if lay.spaced_label and b.text == "附件" else b.text
            comp.paragraph(label, indent=0, family="sans")
        elif b.kind == "atitle":
            comp.centred(split_title(official(b.text), 1, lay.title_size - 2, comp), lay.title_size - 2)
            comp.line += 0.3
        elif b.kind == "table":
            comp.table(b.rows)
    comp.pdf.set_title(title)
    comp.pdf.set_author(issuer)
    comp.pdf.set_creation_date(__import__("datetime").datetime(2024, 3, 1))
    return comp


def make_pdf(src: Path, out: Path, lay: Layout) -> int:
    blocks = read_blocks(src)
    total = compose(blocks, lay, None).pdf.page_no()
    comp = compose(blocks, lay, total)
    comp.pdf.output(str(out))
    return total


# --- HTML: another portal skeleton ---------------------------------------------------------------


def make_html(src: Path, out: Path) -> None:
    """A TRS-style page: the article in div.TRS_Editor inside div#zoom, `<p style="text-indent:2em">`
    paragraphs with `&nbsp;` runs, two paragraphs joined by `<br>`, the signature right-aligned by
    `&nbsp;`s, the attachment as an <a href> list at the foot of the article."""
    blocks = read_blocks(src)
    title = blocks[0].text
    issuer = issuer_of(title)
    esc = lambda s: html.escape(s, quote=False)  # noqa: E731
    body: list[str] = []
    pending_br: str | None = None
    for k, b in enumerate(blocks[1:], 1):
        t = esc(official(b.text))
        if b.kind == "docno":
            body.append(f'<p align="center">{t}</p>')
        elif b.kind == "addressee":
            body.append(f"<p>{t}</p>")
        elif b.kind == "sign":
            body.append(f'<p style="text-align:right">{t}&nbsp;&nbsp;&nbsp;&nbsp;</p>')
        elif b.kind in ("ptitle", "atitle"):
            body.append(f'<p style="text-align:center"><b>{t}</b></p>')
        elif b.kind == "heading":
            body.append(f'<p style="text-indent:2em"><span style="font-family:黑体">{t}</span></p>')
        elif b.kind == "alabel":
            body.append(f"<p>{t}</p>")
        elif b.kind == "table":
            rows = ["<tr>" + "".join(f"<td>{'<br>'.join(esc(official(p)) for p in c.split(chr(10)))}</td>" for c in r)
                    + "</tr>" for r in b.rows]
            body.append('<table border="1" cellspacing="0">' + "".join(rows) + "</table>")
        else:
            nxt = blocks[k + 1] if k + 1 < len(blocks) else None
            if pending_br is None and nxt is not None and nxt.kind == "para" and len(b.text) < 60:
                pending_br = t  # this one and the next in one <p>, split by <br>
                continue
            if pending_br is not None:
                body.append(f'<p style="text-indent:2em">&nbsp;&nbsp;{pending_br}<br>&nbsp;&nbsp;&nbsp;&nbsp;{t}</p>')
                pending_br = None
            else:
                body.append(f'<p style="text-indent:2em">{t}</p>')
    if pending_br is not None:
        body.append(f'<p style="text-indent:2em">{pending_br}</p>')
    page = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>{esc(title)}</title>
<meta name="SiteName" content="{esc(issuer)}门户网站" />
<meta name="ColumnName" content="县政府文件" />
<script type="text/javascript">function doZoom(size){{document.getElementById('zoom').style.fontSize=size+'px';}}</script>
</head>
<body>
<div id="header"><div class="logo">{esc(issuer)}</div><div class="menu"><a href="/">首页</a><a href="/xxgk/">信息公开</a><a href="/hdjl/">互动交流</a><a href="/bsfw/">办事服务</a></div></div>
<div class="location">您当前的位置：<a href="/">首页</a>&nbsp;&gt;&nbsp;<a href="/xxgk/">信息公开</a>&nbsp;&gt;&nbsp;县政府文件</div>
<div class="wrap">
<div class="left-col"><ul><li><a href="/xxgk/zc/">政策文件</a></li><li><a href="/xxgk/gh/">规划计划</a></li><li><a href="/xxgk/rs/">人事信息</a></li></ul></div>
<div class="right-col">
<div class="article-title">{esc(title)}</div>
<div class="article-info">来源：{esc(issuer)}&nbsp;&nbsp;&nbsp;&nbsp;【字体：<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a>】</div>
<div id="zoom">
<div class="TRS_Editor"><div class="Custom_UnionStyle">
{chr(10).join(body)}
</div></div>
<div class="fujian"><p>附件：</p><p><a href="/files/P020260128.docx">1.新郑市2026年民生实事工作方案.docx</a></p><p><a href="/files/P020260128.pdf">2.新郑市2026年民生实事工作方案（原件）.pdf</a></p></div>
</div>
<div class="bottom-tools"><a href="javascript:window.print()">打印本页</a>&nbsp;&nbsp;<a href="javascript:window.close()">关闭窗口</a></div>
</div>
</div>
<div id="footer">版权所有：{esc(issuer)}&nbsp;&nbsp;网站标识码：3213220001&nbsp;&nbsp;苏ICP备05008321号</div>
</body>
</html>
"""
    out.write_text(page, encoding="utf-8")


FIXTURES: dict[str, Layout] = {
    # 三号 仿宋-like on the GB/T 9704 grid, justified, running head, `- 3 -`, mirrored margins
    "huzhou_2024": Layout(body=16.0, chars=28, lines=22, justify=True, gutter=9.0, head="{issuer}",
                          pageno="dash", title_lines=3),
    # 小四 at 35 x 30, no masthead, `第3页 共9页`, the table continued with its header repeated, `附　件`
    "shouguang_2024": Layout(body=12.0, chars=35, lines=30, top=30 * MM, justify=True, masthead=False,
                             pageno="cn", foot="{issuer}", spaced_label=True, table_size=10.5,
                             table_break_rows=3, title_size=18.0, title_lines=2),
    # A5, 14pt 黑体 headings at 16pt wrapping onto two lines, unjustified ragged lines, 3-line title
    "xinzheng_2026": Layout(page=A5, body=14.0, chars=20, lines=18, top=25 * MM, justify=False,
                            heading_size=16.0, pageno="cn", head="{issuer}", title_size=18.0, title_lines=3,
                            plan_new_page=False),
    # 12pt at 35 x 30, justified, `- 3 -`, running foot
    "shuyang_2023": Layout(body=12.0, chars=35, lines=30, top=30 * MM, justify=True, gutter=-6.0,
                           foot="{issuer}", pageno="dash", title_lines=2),
}
HTML_FIXTURES = ("xinzheng_2026",)


def main(argv: list[str]) -> int:
    names = argv or list(FIXTURES)
    for name in names:
        if name in FIXTURES:
            n = make_pdf(VARIANTS / f"{name}.txt", VARIANTS / f"{name}.pdf", FIXTURES[name])
            print(f"{name}.pdf: {n} pages")
        if name in HTML_FIXTURES:
            make_html(VARIANTS / f"{name}.txt", VARIANTS / f"{name}.html")
            print(f"{name}.html")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
