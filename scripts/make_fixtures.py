"""Build corpus/wuwei_2025.{pdf,html,docx} from corpus/wuwei_2025.txt (the web text).

The three files are the founding notice as it is *published*: a GB/T 9704 style PDF (A4, red issuer
header, doc number, 28 characters x 22 lines, page numbers `— N —`, ruled attachment tables), a
portal web page (nav, breadcrumbs, metadata table, article, share links, footer, 扫一扫) and a Word
document. They are committed, so tests do not need the fonts; to rebuild them:

    apt-get install fonts-arphic-uming fonts-wqy-microhei
    .venv/bin/python scripts/make_fixtures.py

Why AR PL UMing and not Noto Serif CJK: fpdf2 embeds Noto's CFF outlines in a way pdfminer cannot
read (0 characters come out), and the reader under test is pdfplumber/pdfminer.

This is a fixture generator, not the extractor: it may know where the tables sit in the text.
For any other text notice, with other layouts (justified lines, other grids, running heads,
`第3页 共9页`, tables continued over pages, ...), see scripts/make_variant_fixtures.py.
"""

from __future__ import annotations

import html
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "corpus" / "wuwei_2025.txt"
SERIF = "/usr/share/fonts/truetype/arphic/uming.ttc"  # a Ming (宋体-like) serif, TrueType outlines
SANS = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"  # stands in for 黑体 in level-1 headings

ISSUER = "武威市人民政府办公室"
TITLE_LINE = 5  # 1-based line numbers in wuwei_2025.txt
DOCNO_LINE = 8
ADDRESSEE_LINE = 11
SIGN_LINES = (19, 21)
BODY_END = 1247  # after it: the web page's attachment link, 扫一扫, "Produced By"

# The four attachment tables: (first line, last line) in the text, and the rows as laid out in the
# notice (header first; "\n" where the cell breaks a line, "" for an empty or merged-away cell).
TABLES: list[tuple[int, int, list[list[str]]]] = [
    (503, 537, [
        ["县区", "2025年任务(户)", "资金(万元)"],
        ["小计", "155", "54.25"],
        ["凉州区", "80", "28.00"],
        ["民勤县", "45", "15.75"],
        ["天祝县", "30", "10.50"],
        ["古浪县", "0", "0.00"],
    ]),
    (546, 572, [
        ["县区", "补助标准\n(万元)", "数量\n(个)", "补助金额\n(万元)", "备注"],
        ["古浪县", "30", "1", "30", ""],
        ["", "", "1", "30", ""],
    ]),
    (623, 667, [
        ["序号", "县区", "示范村分配名额(个)", "安置点分配名额(个)"],
        ["1", "凉州区", "4", "6"],
        ["2", "古浪县", "2", "5"],
        ["3", "民勤县", "4", "24"],
        ["4", "天祝县", "3", "15"],
        ["合计", "", "13", "50"],
    ]),
    (775, 801, [
        ["县(区)", "初一、初二年级接种女童目标人数\n201191—201391\n期间出生)"],
        ["凉州区", "3433"],
        ["民勤县", "395"],
        ["古浪县", "1201"],
        ["天祝县", "571"],
        ["合计", "5600"],
    ]),
]
# merged cells: (table index, row, first col, last col)
MERGES = {(1, 2, 0, 1), (2, 5, 0, 1)}

META = [  # the portal's 信息公开 metadata table (values from lines 1-6 of the web text)
    ("索引号", "11622300013930944B/2025-01527"),
    ("公开方式", "主动公开"),
    ("发布机构", "市政府办"),
    ("组配分类", "武政办发"),
    ("文号", "武政办发〔2025〕7号"),
    ("发文日期", "2025-03-07"),
    ("成文日期", "2025-03-07"),
    ("有效性", ""),
    ("发布日期", "2025-03-13 17:01"),
]

_FULLWIDTH = str.maketrans({",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "?": "？", "!": "！"})
_HEADING1 = re.compile(r"^[一二三四五六七八九十]+、[^。]{1,30}$")


@dataclass
class Block:
    kind: str  # title docno addressee para heading sign ptitle alabel atitle alist table
    lines: list[str]
    rows: list[list[str]] = field(default_factory=list)


def official(s: str) -> str:
    """The web text has half-width punctuation; a published document has full-width (，：（）)."""
    return s.translate(_FULLWIDTH)


def read_blocks() -> list[Block]:
    """The notice as a list of typed blocks, in document order."""
    lines = SRC.read_text(encoding="utf-8").split("\n")
    table_at = {start: (end, rows) for start, end, rows in TABLES}
    blocks = [Block("title", [lines[TITLE_LINE - 1].strip()]), Block("docno", [lines[DOCNO_LINE - 1].strip()])]
    i = ADDRESSEE_LINE
    blank_run = 0
    in_attachment_title = False
    while i <= BODY_END:
        raw = lines[i - 1]
        text = raw.replace("\xa0", " ").strip()
        if i in table_at:
            end, rows = table_at[i]
            blocks.append(Block("table", [], rows))
            i, blank_run, in_attachment_title = end + 1, 0, False
            continue
        if not text:
            blank_run += 1
            i += 1
            continue
        prev_blank, blank_run = blank_run, 0
        if i == ADDRESSEE_LINE:
            kind = "addressee"
        elif i in SIGN_LINES:
            kind = "sign"
        elif re.fullmatch(r"附件\d*", text):
            kind, in_attachment_title = "alabel", True
        elif in_attachment_title:
            kind = "atitle"
        elif raw.startswith("\xa0"):
            kind = "alist"
        elif _is_programme_title(lines, i):
            kind = "ptitle"
        elif _HEADING1.match(text):
            kind = "heading"
        else:
            kind = "para"
        if kind in ("ptitle", "atitle") and blocks[-1].kind == kind and prev_blank < 2:
            blocks[-1].lines.append(text)
        else:
            blocks.append(Block(kind, [text]))
        i += 1
    return blocks


def _group(lines: list[str], i: int) -> list[str]:
    """The lines of the group (runs separated by 2+ blank lines) that holds line i."""
    a = i
    while a > 2 and not (not lines[a - 2].strip() and not lines[a - 3].strip()):
        a -= 1
    b = i
    n = len(lines)
    while b < n - 1 and not (not lines[b].strip() and not lines[b + 1].strip()):
        b += 1
    return [s.strip() for s in lines[a - 1 : b] if s.strip()]


def _is_programme_title(lines: list[str], i: int) -> bool:
    grp = _group(lines, i)
    return bool(grp) and len(grp) <= 4 and grp[-1].endswith("方案") and all("。" not in s for s in grp)


# --- PDF -----------------------------------------------------------------------------------------

PAGE_W, PAGE_H = 595.28, 841.89
BODY = 16.0  # 三号
CHARS = 28
TEXT_W = CHARS * BODY
LEFT = (PAGE_W - TEXT_W) / 2
TOP = 37 * 72 / 25.4  # 上白边 37 mm
PITCH = 29.0  # 22 lines in the 225 mm type area
LINES_PER_PAGE = 22
RED = (230, 0, 18)
_CLOSING = set("，。、；：）”》！？")


def _is_ascii(ch: str) -> bool:
    return ord(ch) < 128 and not ch.isspace()


class Composer:
    """Lays the blocks out page by page with fpdf2, as Word would print an official document."""

    def __init__(self) -> None:
        from fpdf import FPDF

        self.pdf = FPDF(unit="pt", format="A4")
        self.pdf.set_auto_page_break(False)
        self.pdf.add_font("serif", fname=SERIF, collection_font_number=0)
        self.pdf.add_font("sans", fname=SANS, collection_font_number=0)
        self.line = LINES_PER_PAGE  # forces a first page

    # page handling
    def new_page(self) -> None:
        self.pdf.add_page()
        self.line = 0
        n = self.pdf.page_no()
        self.pdf.set_font("serif", size=14)
        self.pdf.set_text_color(0, 0, 0)
        label = f"— {n} —"
        w = self.pdf.get_string_width(label)
        # GB/T 9704: page numbers in 4号 at the foot, odd pages right, even pages left (一字 in)
        x = LEFT + TEXT_W - w - 14 if n % 2 else LEFT + 14
        self.pdf.text(x, PAGE_H - 20 * 72 / 25.4, label)

    def baseline(self) -> float:
        return TOP + self.line * PITCH + BODY

    def need(self, n: int = 1) -> None:
        if self.line + n > LINES_PER_PAGE:
            self.new_page()

    # text runs: ASCII runs get a small gap on each side, as a Latin font beside a CJK one does
    def draw_run(self, x: float, y: float, s: str, size: float, family: str = "serif", bold: bool = False) -> None:
        self.pdf.set_font(family, size=size)
        for part in re.findall(r"[\x21-\x7e]+|[^\x21-\x7e]+", s):
            gap = 0.22 * size if _is_ascii(part[0]) else 0.0
            x += gap
            self.pdf.text(x, y, part)
            if bold:  # simulated bold: the same glyphs again, a hair to the right (`关关于于` in pdfminer)
                self.pdf.text(x + 0.35, y, part)
            x += self.pdf.get_string_width(part) + gap

    def width(self, s: str, size: float, family: str = "serif") -> float:
        self.pdf.set_font(family, size=size)
        w = 0.0
        for part in re.findall(r"[\x21-\x7e]+|[^\x21-\x7e]+", s):
            w += self.pdf.get_string_width(part) + (0.44 * size if _is_ascii(part[0]) else 0.0)
        return w

    def wrap(self, s: str, first_indent: float, size: float, family: str) -> list[str]:
        """Break anywhere (CJK has no word spaces), letting closing punctuation hang in the margin."""
        out, cur = [], ""
        avail = TEXT_W - first_indent
        for ch in s:
            if cur and self.width(cur + ch, size, family) > avail and ch not in _CLOSING:
                out.append(cur)
                cur, avail = "", TEXT_W
            cur += ch
        if cur:
            out.append(cur)
        return out

    def paragraph(self, s: str, indent_chars: float = 2, family: str = "serif") -> None:
        for k, part in enumerate(self.wrap(s, indent_chars * BODY, BODY, family)):
            self.need()
            x = LEFT + (indent_chars * BODY if k == 0 else 0)
            self.draw_run(x, self.baseline(), part, BODY, family)
            self.line += 1

    def centered(self, lines: list[str], size: float, bold: bool = True) -> None:
        self.need(len(lines) + 1)
        for s in lines:
            w = self.width(s, size)
            self.draw_run(LEFT + (TEXT_W - w) / 2, self.baseline() + (size - BODY) / 2, s, size, bold=bold)
            self.line += 1.3 if size > BODY else 1

    def right(self, s: str, pad_chars: float) -> None:
        self.need()
        w = self.width(s, BODY)
        self.draw_run(LEFT + TEXT_W - w - pad_chars * BODY, self.baseline(), s, BODY)
        self.line += 1

    def masthead(self, docno: str) -> None:
        """Red issuer header, the doc number and the red rule: GB/T 9704's 版头."""
        self.new_page()
        pdf = self.pdf
        pdf.set_text_color(*RED)
        size = 36.0
        head = f"{ISSUER}文件"
        pdf.set_font("serif", size=size)
        w = pdf.get_string_width(head)
        self.draw_run((PAGE_W - w) / 2, TOP + size, head, size, bold=True)
        pdf.set_text_color(0, 0, 0)
        self.line = 3
        w = self.width(docno, BODY)
        self.draw_run((PAGE_W - w) / 2, self.baseline(), docno, BODY)
        pdf.set_draw_color(*RED)
        pdf.set_line_width(1.5)
        y = self.baseline() + 12
        pdf.line(LEFT, y, LEFT + TEXT_W, y)
        pdf.set_draw_color(0, 0, 0)
        self.line = 5

    def table(self, rows: list[list[str]], ti: int) -> None:
        size = 14.0
        pdf = self.pdf
        ncol = len(rows[0])
        widths = [max(self.width(line, size) for r in rows for line in r[c].split("\n")) + size for c in range(ncol)]
        scale = TEXT_W / sum(widths)
        widths = [w * scale for w in widths]
        heights = [max(len(c.split("\n")) for c in r) * size * 1.5 + size * 0.6 for r in rows]
        if (self.line * PITCH) + sum(heights) > LINES_PER_PAGE * PITCH:
            self.new_page()
        y = TOP + self.line * PITCH + 6
        pdf.set_line_width(0.75)
        pdf.set_font("serif", size=size)
        for r, row in enumerate(rows):
            x = LEFT
            c = 0
            while c < ncol:
                span = 1
                for t, rr, a, b in MERGES:
                    if t == ti and rr == r and a == c:
                        span = b - a + 1
                w = sum(widths[c : c + span])
                pdf.rect(x, y, w, heights[r])
                parts = row[c].split("\n") if row[c] else []
                top = y + (heights[r] - len(parts) * size * 1.5) / 2
                for k, part in enumerate(parts):
                    tw = self.width(part, size)
                    self.draw_run(x + (w - tw) / 2, top + k * size * 1.5 + size * 1.1, part, size)
                x += w
                c += span
            y += heights[r]
        self.line += int((y - (TOP + self.line * PITCH)) / PITCH) + 2


def split_title(title: str) -> list[str]:
    """A notice title is too long for one 二号 line: break it after 关于印发 as typesetters do."""
    cut = title.find("印发")
    if cut == -1 or len(title) <= 20:
        return [title]
    return [title[: cut + 2], title[cut + 2 :]]


def make_pdf(blocks: list[Block], out: Path) -> None:
    comp = Composer()
    ti = 0
    for b in blocks:
        if b.kind == "docno":
            comp.masthead(official(b.lines[0]))
        elif b.kind == "title":
            continue  # drawn after the masthead, below
        elif b.kind == "addressee":
            comp.centered(split_title(official(blocks[0].lines[0])), 22.0)
            comp.line += 0.5
            comp.paragraph(official(b.lines[0]), indent_chars=0)
        elif b.kind in ("para", "heading"):
            comp.paragraph(official(b.lines[0]), family="sans" if b.kind == "heading" else "serif")
        elif b.kind == "alist":
            comp.paragraph(official(b.lines[0]), indent_chars=5)
        elif b.kind == "sign":
            comp.right(official(b.lines[0]), 4 if b.lines[0] == ISSUER else 2)
        elif b.kind == "ptitle":
            comp.new_page()
            comp.line = 1
            comp.centered([official(s) for s in b.lines], 22.0)
            comp.line += 0.7
        elif b.kind == "alabel":
            comp.new_page()
            comp.paragraph(b.lines[0], indent_chars=0, family="sans")
        elif b.kind == "atitle":
            comp.centered([official(s) for s in b.lines], 20.0)
            comp.line += 0.3
        elif b.kind == "table":
            comp.table(b.rows, ti)
            ti += 1
    comp.pdf.set_title(blocks[0].lines[0])
    comp.pdf.set_author(ISSUER)
    comp.pdf.set_creation_date(__import__("datetime").datetime(2025, 3, 7))
    comp.pdf.output(str(out))


# --- HTML ----------------------------------------------------------------------------------------


def _esc(s: str) -> str:
    return html.escape(s, quote=False)


def html_table(rows: list[list[str]], ti: int) -> str:
    out = ['<table border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse;margin:0 auto">']
    for r, row in enumerate(rows):
        out.append("<tr>")
        c = 0
        while c < len(row):
            span = next((b - a + 1 for t, rr, a, b in MERGES if t == ti and rr == r and a == c), 1)
            attr = f' colspan="{span}"' if span > 1 else ""
            cell = "<br/>".join(_esc(official(s)) for s in row[c].split("\n")) if row[c] else "&nbsp;"
            tag = "th" if r == 0 else "td"
            out.append(f'<{tag}{attr} style="text-align:center"><p>{cell}</p></{tag}>')
            c += span
        out.append("</tr>")
    out.append("</table>")
    return "\n".join(out)


def make_html(blocks: list[Block], out: Path) -> None:
    title = blocks[0].lines[0]
    meta_rows = []
    for k in range(0, len(META), 2):
        cells = "".join(f"<th>{a}:</th><td>{_esc(b)}</td>" for a, b in META[k : k + 2])
        meta_rows.append(f"<tr>{cells}</tr>")
    meta_rows.insert(2, f'<tr><th>名　　称:</th><td colspan="3">{_esc(title)}</td></tr>')
    body: list[str] = []
    ti = 0
    for b in blocks:
        if b.kind == "title":
            continue
        if b.kind == "table":
            body.append(html_table(b.rows, ti))
            ti += 1
        elif b.kind in ("ptitle", "atitle"):
            inner = "<br/>".join(_esc(official(s)) for s in b.lines)
            body.append(f'<p style="text-align:center"><strong><span style="font-size:22px">{inner}</span></strong></p>')
        elif b.kind == "docno":
            body.append(f'<p style="text-align:center">{_esc(official(b.lines[0]))}</p>')
        elif b.kind == "sign":
            body.append(f'<p style="text-align:right">{_esc(b.lines[0])}　　　　</p>')
        elif b.kind == "heading":
            body.append(f'<p style="text-indent:2em"><strong>{_esc(official(b.lines[0]))}</strong></p>')
        elif b.kind == "addressee":
            body.append(f"<p>{_esc(official(b.lines[0]))}</p>")
        else:
            body.append(f'<p style="text-indent:2em">{_esc(official(b.lines[0]))}</p>')
    page = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8"/>
<title>{_esc(title)}_武威市人民政府</title>
<meta name="ArticleTitle" content="{_esc(title)}"/>
<meta name="PubDate" content="2025-03-13 17:01"/>
<script>var _hmt = _hmt || []; /* 统计代码 */</script>
<style>.nav li{{display:inline}}</style>
</head>
<body>
<div class="top-bar"><a href="/">网站首页</a> | <a href="#">无障碍浏览</a> | <a href="#">长者模式</a> | 2025年3月13日 星期四</div>
<div class="header"><img src="/images/logo.png" alt="武威市人民政府"/><form class="search"><input name="q" placeholder="请输入关键字"/><button>搜索</button></form></div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li><li><a href="/zjww/">走进武威</a></li></ul>
<div class="position">当前位置: <a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/zfwj/">政府文件</a> &gt; <a href="/zwgk/zfwj/wzbf/">武政办发</a></div>
<div class="xxgk-meta">
<table class="table_suoyin">
{chr(10).join(meta_rows)}
</table>
</div>
<div class="main-article">
<h1 class="title">{_esc(title)}</h1>
<div class="info">发布时间: 2025-03-13 17:01 来源: 市政府办 浏览次数: <span id="hits">1234</span> 字号: <a href="#">大</a> <a href="#">中</a> <a href="#">小</a></div>
<div id="zoom" class="article-content TRS_Editor">
{chr(10).join(body)}
</div>
<div class="attachments"><p>附件下载: <a href="/files/wzbf7.pdf">{_esc(title)}.pdf</a></p></div>
<div class="share">分享到: <a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a> 【<a href="#">打印本页</a>】【<a href="#">关闭窗口</a>】</div>
</div>
<div class="qrcode"><img src="/images/qr.png" alt="二维码"/><p>扫一扫在手机打开当前页</p></div>
<div class="related"><h3>相关文章</h3><ul><li><a href="#">武威市人民政府办公室关于印发2024年省市为民实事实施方案的通知</a></li><li><a href="#">2025年市政府工作报告</a></li></ul></div>
<div class="footer"><p>主办: 武威市人民政府办公室 承办: 武威市大数据中心</p><p>网站标识码: 6223000001 陇ICP备05001452号 甘公网安备 62060202000111号</p><p>Produced By 大汉网络 大汉版通发布系统</p></div>
</body>
</html>
"""
    out.write_text(page, encoding="utf-8")


# --- DOCX ----------------------------------------------------------------------------------------


def make_docx(blocks: list[Block], out: Path) -> None:
    import datetime

    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.size = Pt(16)
    normal.font.name = "仿宋_GB2312"
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "仿宋_GB2312")

    def para(text: str, *, style: str | None = None, indent: bool = True, align=None) -> None:
        p = doc.add_paragraph(text, style=style)
        if indent:
            p.paragraph_format.first_line_indent = Pt(32)
        if align is not None:
            p.alignment = align

    ti = 0
    for b in blocks:
        if b.kind == "title":
            continue
        if b.kind == "docno":
            head = doc.add_paragraph()
            head.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = head.add_run(f"{ISSUER}文件")
            run.font.size = Pt(36)
            run.font.color.rgb = RGBColor(0xE6, 0, 0x12)
            para(official(b.lines[0]), indent=False, align=WD_ALIGN_PARAGRAPH.CENTER)
            para(official(blocks[0].lines[0]), style="Title", indent=False, align=WD_ALIGN_PARAGRAPH.CENTER)
        elif b.kind == "ptitle":
            doc.add_page_break()
            for s in b.lines:
                para(official(s), style="Heading 1", indent=False, align=WD_ALIGN_PARAGRAPH.CENTER)
        elif b.kind == "atitle":
            for s in b.lines:
                para(official(s), style="Heading 2", indent=False, align=WD_ALIGN_PARAGRAPH.CENTER)
        elif b.kind == "alabel":
            doc.add_page_break()
            para(b.lines[0], indent=False)
        elif b.kind == "heading":
            para(official(b.lines[0]), style="Heading 3")
        elif b.kind == "sign":
            para(b.lines[0], indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT)
        elif b.kind == "addressee":
            para(official(b.lines[0]), indent=False)
        elif b.kind == "table":
            rows = b.rows
            t = doc.add_table(rows=len(rows), cols=len(rows[0]))
            t.style = "Table Grid"
            t.alignment = WD_TABLE_ALIGNMENT.CENTER
            for r, row in enumerate(rows):
                for c, val in enumerate(row):
                    if not val:
                        continue
                    cell = t.cell(r, c)
                    lines = [official(s) for s in val.split("\n")]
                    cell.paragraphs[0].text = lines[0]
                    for more in lines[1:]:  # a header broken over lines: one paragraph per line
                        cell.add_paragraph(more)
            for tt, rr, a, z in MERGES:
                if tt == ti:
                    t.cell(rr, a).merge(t.cell(rr, z))
            ti += 1
        else:
            para(official(b.lines[0]))
    cp = doc.core_properties
    cp.title = blocks[0].lines[0]
    cp.author = ISSUER
    cp.subject = official(blocks[1].lines[0])
    cp.created = datetime.datetime(2025, 3, 7, 9, 0)
    cp.modified = datetime.datetime(2025, 3, 7, 9, 0)
    cp.last_modified_by = ISSUER
    doc.save(str(out))


def make_bad(bad: Path) -> None:
    """Tiny bad inputs, one per error the readers must report in one line."""
    from fpdf import FPDF

    bad.mkdir(exist_ok=True)
    scan = FPDF(unit="pt", format=(298, 420))
    scan.add_page()
    scan.set_fill_color(200, 200, 200)
    scan.rect(20, 20, 200, 120, style="F")  # what a scanner leaves: marks, no characters
    scan.output(str(bad / "scanned.pdf"))
    enc = FPDF(unit="pt", format=(298, 420))
    enc.add_page()
    enc.set_font("helvetica", size=12)
    enc.text(20, 40, "secret notice")
    enc.set_encryption(owner_password="owner", user_password="user")
    enc.output(str(bad / "encrypted.pdf"))
    full = (ROOT / "corpus" / "wuwei_2025.pdf").read_bytes()
    (bad / "truncated.pdf").write_bytes(full[:6000])
    (bad / "no_article.html").write_text(
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>栏目列表</title></head><body>'
        '<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li></ul>'
        '<div class="list"><a href="/a1.html">通知一</a><a href="/a2.html">通知二</a></div>'
        '<div class="footer">主办: 某市人民政府</div></body></html>\n',
        encoding="utf-8",
    )
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.bin").write_bytes(bytes(range(256)) * 4)
    (bad / "legacy.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    (bad / "not_gb18030.txt").write_bytes("为民实事".encode() + b"\x81\x20\xff\xfe\x80")


def main() -> int:
    blocks = read_blocks()
    corpus = ROOT / "corpus"
    make_pdf(blocks, corpus / "wuwei_2025.pdf")
    make_html(blocks, corpus / "wuwei_2025.html")
    make_docx(blocks, corpus / "wuwei_2025.docx")
    make_bad(corpus / "bad")
    kinds: dict[str, int] = {}
    for b in blocks:
        kinds[b.kind] = kinds.get(b.kind, 0) + 1
    print("blocks:", kinds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
