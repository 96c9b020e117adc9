"""Hostile inputs made at test time (nothing large is committed).

`python tests/hostile/hostile_fixtures.py DIR` writes every fixture into DIR; the tests call the
makers directly. Each maker returns the bytes of one file; sizes are those of the issue's classes
(100,000-deep divs, a 110,000-glyph page, a 300 MB Flate bomb, a 2 GiB docx part ...).
"""

from __future__ import annotations

import io
import sys
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

from helpers import assemble_pdf
from hostile_fixtures8 import MAKERS8

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
FOUNDING = CORPUS / "wuwei_2025.txt"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def founding_text() -> str:
    return FOUNDING.read_text(encoding="utf-8")


# --- text --------------------------------------------------------------------------------------


_PROSE = "各县区、各部门要加强组织领导，压实工作责任，确保为民实事项目按期完成、群众满意。\n"


def lf_text(mb: int) -> bytes:
    """The founding notice followed by prose lines up to `mb` MB of LF-separated text."""
    head = founding_text().encode("utf-8")
    line = _PROSE.encode("utf-8")
    return head + line * max(0, (mb * 1024 * 1024 - len(head)) // len(line))


def repeated_notice(mb: int) -> bytes:
    """The founding notice repeated to `mb` MB (17 programmes per copy)."""
    one = founding_text().encode("utf-8")
    return one * max(1, mb * 1024 * 1024 // len(one))


def headings(n: int = 100_000) -> bytes:
    return ("关于印发为民实事实施方案的通知\n" + "一、\n" * n).encode("utf-8")


def short_lines(n: int = 2_900_000, line: str = "新") -> bytes:
    """A title, then `n` lines of `line` (one character: 2.9 M lines are 8.7 MB and held 1.35 GB)."""
    return ("关于印发为民实事实施方案的通知\n" + f"{line}\n" * n).encode("utf-8")


def long_line(mb: int = 10) -> bytes:
    return ("为民实事项目建设学校1080个" * (mb * 1024 * 1024 // 36)).encode("utf-8") + b"\n"


def qizhong_chain(n: int = 10_000, unit: str = "万元") -> bytes:
    """One sentence: a total, then `n` shares each after its own 其中 (the rules pair a sentence's figures)."""
    return ("关于印发为民实事实施方案的通知\n一、城乡学校建设工程\n统筹资金100000万元，"
            + "".join(f"其中{i}{unit}，" for i in range(n)) + "。\n").encode("utf-8")


def pipe_rows(n: int = 20_000) -> bytes:
    """A `|` table of `n` project rows under one programme (each record looked up its row)."""
    rows = "".join(f"| {i} | 新建学校{i} | 新建教学楼{i}平方米 | {i * 3} | 市教育局 |\n" for i in range(n))
    return ("关于印发为民实事实施方案的通知\n一、城乡学校建设工程\n| 序号 | 项目名称 | 建设内容 | 投资（万元） | 牵头单位 |\n"
            "|---|---|---|---|---|\n" + rows).encode("utf-8")


def huge_figure() -> bytes:
    return ("为民实事\n一、目标任务\n新建学校" + "9" * 310 + "所，投资" + "9" * 310 + ".5万元。\n").encode("utf-8")


def numeral_run() -> bytes:
    return ("为民实事\n一、目标任务\n新建学校" + "一二三四五六七八九十百千万" * 540 + "所。\n").encode("utf-8")


def random_high_bytes(n: int = 20_000, seed: int = 15) -> bytes:
    import random

    rnd = random.Random(seed)
    return bytes(rnd.randrange(0x81, 0xFF) for _ in range(n))


def big5_founding() -> bytes:
    """The founding notice as a Taiwan office would save it: traditional characters (OpenCC s2tw),
    Big5-encoded; the few characters Big5 lacks written as Big5 has them (∶ as ：, NBSP as a space)."""
    import opencc

    trad = opencc.OpenCC("s2tw").convert(founding_text()).replace("∶", "：").replace("\xa0", " ")
    return trad.encode("cp950")


def gbk_founding() -> bytes:
    return founding_text().encode("gb18030")


def utf16_founding(byteorder: str = "le") -> bytes:
    return founding_text().encode(f"utf-16-{byteorder}")


def breaks_founding(sep: str = "\v") -> bytes:
    return founding_text().replace("\n", sep).encode("utf-8")


def bidi_founding() -> bytes:
    """Every line wrapped in RLE ... PDF and a RLM after each figure's first digit run."""
    lines = founding_text().split("\n")
    return "\n".join(f"\u202b{ln}\u202c\u200f" if ln else ln for ln in lines).encode("utf-8")


def marker_in_text(marker: str) -> bytes:
    """A valid text notice mentioning `marker` (`%PDF-`, `<body>`) in its first kilobyte."""
    text = founding_text()
    return (f"(原文件格式 {marker} 已转为文本)\n" + text).encode("utf-8")


# --- html --------------------------------------------------------------------------------------


_ARTICLE = "<p>一、目标任务</p><p>新建学校12所，投资3000万元。</p>" * 4


def deep_divs(n: int = 100_000) -> bytes:
    return (f"<html><body><div id='zoom'>{_ARTICLE}" + "<div>" * n + "深" + "</div>" * n + "</div></body></html>").encode()


def unclosed_p(n: int = 100_000) -> bytes:
    return ("<html><body><div id='zoom'>" + "<p>新建学校12所" * n + "</div></body></html>").encode()


def nested_tables(n: int = 5_000) -> bytes:
    return ("<html><body>" + _ARTICLE + "<table><tr><td>" * n + "1" + "</td></tr></table>" * n + "</body></html>").encode()


def mislabelled_html(declared: str = "iso-8859-1", actual: str = "utf-8") -> bytes:
    html = (CORPUS / "wuwei_2025.html").read_bytes().decode("utf-8")
    import re

    html = re.sub(r"charset\s*=\s*[\"']?[A-Za-z0-9_\-]+", f"charset={declared}", html, count=1)
    if "charset=" not in html[:4096]:
        html = html.replace("<head>", f'<head><meta charset="{declared}">', 1)
    return html.encode(actual)


# --- pdf ---------------------------------------------------------------------------------------


def _pdf(content: bytes, compressed: bool = True) -> bytes:
    stream = zlib.compress(content, 9) if compressed else content
    filt = b"/Filter/FlateDecode" if compressed else b""
    objs = [
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 5 0 R>>>>/Contents 4 0 R>>",
        b"<</Length %d%s>>\nstream\n" % (len(stream), filt) + stream + b"\nendstream",
        b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>",
    ]
    return assemble_pdf(objs)


def glyph_page(glyphs: int = 110_000) -> bytes:
    """One page holding `glyphs` glyphs (rows of 200 at 2 pt)."""
    rows = []
    per_row = 200
    for r in range(glyphs // per_row):
        rows.append(b"1 0 0 1 10 %d Tm (%s) Tj" % (10 + (r % 400) * 2, b"A" * per_row))
    return _pdf(b"BT /F1 2 Tf " + b"\n".join(rows) + b" ET")


def flate_bomb(mb: int = 300) -> bytes:
    """A content stream of `mb` MB of blanks, Flate-compressed to a few hundred KB."""
    comp = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    packed = b"".join(comp.compress(chunk) for _ in range(mb)) + comp.flush()
    objs = [
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R>>",
        b"<</Length %d/Filter/FlateDecode>>\nstream\n" % len(packed) + packed + b"\nendstream",
    ]
    return assemble_pdf(objs)


def flate_tail(n: int = 1_000_000) -> bytes:
    """A content stream (`n` x `q `, then one line of text) whose last Flate block inflates past the
    1 MB output step of the bomb check, with bytes after the stream: the check used to loop for ever."""
    return _pdf(b"q " * n + b"BT /F1 12 Tf 72 720 Td (Total 12) Tj ET")


def shared_page(pages: int = 1999, content: bytes = b"") -> bytes:
    """`pages` pages that all draw one content stream (`content`, default one line of text)."""
    content = content or b"BT /F1 12 Tf 72 720 Td (Total 12) Tj ET"
    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(pages))
    objs = [b"<</Type/Catalog/Pages 2 0 R>>", b"<</Type/Pages/Kids[%s]/Count %d>>" % (kids, pages),
            b"<</Length %d>>\nstream\n" % len(content) + content + b"\nendstream",
            b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>"]
    page = b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 4 0 R>>>>/Contents 3 0 R>>"
    return assemble_pdf(objs + [page] * pages)


def glyph_rows(glyphs: int) -> bytes:
    """Content: `glyphs` glyphs in rows of 150 at 2 pt (under the per-page cap up to 20,000)."""
    return b"BT /F1 2 Tf " + b"\n".join(b"1 0 0 1 10 %d Tm (%s) Tj" % (10 + r * 2, b"A" * 150)
                                        for r in range(glyphs // 150)) + b" ET"


def rects(n: int) -> bytes:
    """Content: `n` stroked 5 pt squares, then one line of text."""
    return b"".join(b"%d %d 5 5 re S\n" % (i % 500, i // 500 % 800) for i in range(n)) + \
        b"BT /F1 12 Tf 72 720 Td (Total 12) Tj ET"


# --- docx --------------------------------------------------------------------------------------


def _docx(paragraphs: list[tuple[str, str]], numbering: list[str] | None = None) -> bytes:
    """python-docx document; paragraphs are (text, numPr xml or '')."""
    from docx import Document
    from docx.oxml import parse_xml

    doc = Document()
    if numbering:
        part = doc.part.numbering_part
        for xml in numbering:
            part.element.append(parse_xml(xml))
    for text, num_pr in paragraphs:
        p = doc.add_paragraph(text)
        if num_pr:
            p._p.get_or_add_pPr().append(parse_xml(num_pr))
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _lvl(ilvl: str, start: str, fmt: str = "chineseCounting", text: str = "%1、") -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/></w:lvl>')


def numbered_docx(items: int = 120, ilvl: str = "0", start: str = "1", para_ilvl: str | None = None) -> bytes:
    levels = _lvl(ilvl, start) + _lvl("1", "1", text="（%2）")
    numbering = [f'<w:abstractNum {W} w:abstractNumId="7">{levels}</w:abstractNum>',
                 f'<w:num {W} w:numId="9"><w:abstractNumId w:val="7"/></w:num>']
    pl = ilvl if para_ilvl is None else para_ilvl
    num_pr = f'<w:numPr {W}><w:ilvl w:val="{pl}"/><w:numId w:val="9"/></w:numPr>'
    paras = [("关于印发为民实事实施方案的通知", "")] + [(f"新建学校{i}所", num_pr) for i in range(1, items + 1)]
    return _docx(paras, numbering)


def _rezip(data: bytes, replace: dict[str, Callable[[zipfile.ZipFile], None] | bytes | None]) -> bytes:
    """Copy a docx, replacing (bytes), dropping (None) or streaming (callable) some parts."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename in replace:
                continue
            dst.writestr(info, src.read(info.filename))
        for name, what in replace.items():
            if isinstance(what, bytes):
                dst.writestr(name, what)
            elif what is not None:
                what(dst)
    return out.getvalue()


def docx_no_body() -> bytes:
    base = _docx([("为民实事", "")])
    return _rezip(base, {"word/document.xml": f'<?xml version="1.0"?><w:document {W}></w:document>'.encode()})


def docx_part_bomb(mb: int = 2048) -> bytes:
    """An ordinary docx with a `mb` MB part of zeros (word/media/bomb.bin; 2 GiB packs to ~2 MB)."""
    zi = zipfile.ZipInfo("word/media/bomb.bin")
    zi.compress_type = zipfile.ZIP_DEFLATED

    def bomb(z: zipfile.ZipFile) -> None:
        with z.open(zi, "w", force_zip64=True) as f:
            chunk = b"\0" * (1 << 20)
            for _ in range(mb):
                f.write(chunk)

    return _rezip(_docx([("为民实事", "")]), {"word/media/bomb.bin": bomb})


def docx_huge_xml(mb: int = 100) -> bytes:
    """document.xml of `mb` MB: many small paragraphs."""
    para = "<w:p><w:r><w:t>新建学校12所</w:t></w:r></w:p>".encode()
    zi = zipfile.ZipInfo("word/document.xml")
    zi.compress_type = zipfile.ZIP_DEFLATED

    def big(z: zipfile.ZipFile) -> None:
        with z.open(zi, "w", force_zip64=True) as f:
            f.write(f'<?xml version="1.0"?><w:document {W}><w:body>'.encode())
            block = para * 20_000
            for _ in range(mb * 1024 * 1024 // len(block) + 1):
                f.write(block)
            f.write(b"</w:body></w:document>")

    return _rezip(_docx([("为民实事", "")]), {"word/document.xml": big})


def docx_body(body: str) -> bytes:
    """A docx whose document.xml body is `body` (WordprocessingML)."""
    doc = f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}</w:body></w:document>'
    return _rezip(_docx([("为民实事", "")]), {"word/document.xml": doc.encode()})


def _tc(text: str, pr: str = "") -> str:
    return f"<w:tc>{f'<w:tcPr>{pr}</w:tcPr>' if pr else ''}<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"


def docx_vmerge(rows: int = 10_000, first: str = "restart") -> bytes:
    """A table whose first column is one cell merged down `rows` rows (牵头单位 once, then
    `<w:vMerge/>`); `first="continue"` starts the merge in the first row (no cell above)."""
    merge = f"<w:vMerge w:val='{first}'/>"
    head = f"<w:tr>{_tc('市教育局', merge)}{_tc('新建学校1所')}</w:tr>"
    body = "".join(f"<w:tr>{_tc('', '<w:vMerge/>')}{_tc(f'新建学校{i}所')}</w:tr>" for i in range(2, rows + 1))
    return docx_body(f"<w:p><w:r><w:t>一、城乡学校建设工程</w:t></w:r></w:p><w:tbl>{head}{body}</w:tbl>")


def docx_gridspan(spans: tuple[str, ...] = ("2000000000", "x", "-5", "0", "")) -> bytes:
    """Rows whose first cell has w:gridSpan of each value of `spans` (huge, not a number ...)."""
    pr = [f"<w:gridSpan w:val='{v}'/>" for v in spans]
    rows = "".join(f"<w:tr>{_tc(f'项目{i}', pr[i - 1])}{_tc(f'{i}万元')}</w:tr>" for i in range(1, len(spans) + 1))
    return docx_body(f"<w:tbl>{rows}</w:tbl>")


def docx_masthead(color: str = "zzzzzz", size: str = "48") -> bytes:
    """A first paragraph in w:color `color` and w:sz `size` (half-points; red 48 is the 版头's)."""
    head = (f"<w:p><w:r><w:rPr><w:color w:val='{color}'/><w:sz w:val='{size}'/></w:rPr>"
            "<w:t>武威市人民政府办公室文件</w:t></w:r></w:p>")
    return docx_body(head + "<w:p><w:r><w:t>新建学校12所</w:t></w:r></w:p>")


# --- all ---------------------------------------------------------------------------------------

MAKERS: dict[str, Callable[[], bytes]] = {
    "lf_text_16mb.txt": lambda: lf_text(16),
    "headings_100k.txt": headings,
    "long_line_10mb.txt": long_line,
    "one_char_lines_2.9m.txt": short_lines,
    "blank_lines_2.9m.txt": lambda: short_lines(line=""),
    "huge_figure.txt": huge_figure,
    "qizhong_chain_10k.txt": qizhong_chain,
    "qizhong_chain_2999.txt": lambda: qizhong_chain(2999),
    "pipe_rows_20k.txt": pipe_rows,
    "numeral_run.txt": numeral_run,
    "random_high_bytes.txt": random_high_bytes,
    "big5_founding.txt": big5_founding,
    "gbk_founding.txt": gbk_founding,
    "utf16le_founding.txt": utf16_founding,
    "vt_breaks_founding.txt": breaks_founding,
    "u2028_founding.txt": lambda: breaks_founding("\u2028"),
    "bidi_founding.txt": bidi_founding,
    "pdf_marker.txt": lambda: marker_in_text("%PDF-1.7"),
    "body_marker.txt": lambda: marker_in_text("<body>"),
    "deep_divs.html": deep_divs,
    "unclosed_p.html": unclosed_p,
    "nested_tables.html": nested_tables,
    "utf8_as_latin1.html": mislabelled_html,
    "gbk_as_utf8.html": lambda: mislabelled_html("utf-8", "gb18030"),
    "glyphs_110k.pdf": glyph_page,
    "flate_bomb.pdf": flate_bomb,
    "flate_tail.pdf": flate_tail,
    "rects_400k.pdf": lambda: _pdf(rects(400_000)),
    "shared_glyphs_2000p.pdf": lambda: shared_page(1999, glyph_rows(18_000)),
    "shared_rects_2000p.pdf": lambda: shared_page(1999, rects(5_000)),
    "numbering_120.docx": numbered_docx,
    "numbering_ilvl12.docx": lambda: numbered_docx(5, ilvl="12"),
    "numbering_nonnumeric.docx": lambda: numbered_docx(5, ilvl="x", start="y"),
    "numbering_negative.docx": lambda: numbered_docx(3, start="-3"),
    "no_body.docx": docx_no_body,
    "part_bomb.docx": docx_part_bomb,
    "huge_xml.docx": docx_huge_xml,
    "vmerge_10k.docx": docx_vmerge,
    "vmerge_continue_first.docx": lambda: docx_vmerge(5, first="continue"),
    "gridspan_hostile.docx": docx_gridspan,
    "masthead_color_junk.docx": docx_masthead,
    "masthead_size_junk.docx": lambda: docx_masthead("FF0000", "x"),
    **MAKERS8,  # session 8's, made in their own module
}


def main(argv: list[str]) -> int:
    out = Path(argv[1] if len(argv) > 1 else "hostile_fixtures")
    out.mkdir(parents=True, exist_ok=True)
    names = argv[2:] or list(MAKERS)
    for name in names:
        (out / name).write_bytes(MAKERS[name]())
        print(out / name, (out / name).stat().st_size)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
