"""Saved government web pages (BeautifulSoup + lxml): the article and its metadata, nothing else.

A portal page wraps the notice in navigation, breadcrumbs, share links, a QR block and a footer.
We keep (1) the 信息公开 metadata (索引号, 发布机构, 文号, dates) into RawDoc.meta and as `key: value`
lines at the top of the text, as the web text has them, (2) the title, (3) the article: one
paragraph per line, tables flattened one cell per line (and kept in RawDoc.tables).
The article is found by common content containers (#zoom, .TRS_Editor, div.article, .content,
article, ...), falling back to the block that holds the most paragraph text: no site's own ids.
"""

from __future__ import annotations

import regex as re

from ..errors import InputError, LimitError
from ..limits import MAX_HTML_DEPTH, check_budget, check_count
from .html_grids import div_grid_rows
from .html_limits import check_markup, tree_depth
from .rawdoc import RawDoc, RawTable
from .text import MIN_CHINESE_SCORE, best_decoding

# no per-pattern time limit: every pattern here is linear, and the document budget (limits.py) bounds the whole

# label as printed on portals -> the key we keep (several portals, one vocabulary)
META_KEYS: dict[str, str] = {
    "索引号": "索引号",
    "发布机构": "发布机构",
    "发文机关": "发布机构",
    "发文机构": "发布机构",
    "发布单位": "发布机构",
    "文号": "文号",
    "发文字号": "文号",
    "文件编号": "文号",
    "发文日期": "发文日期",
    "成文日期": "成文日期",
    "发布日期": "发布日期",
    "发布时间": "发布日期",
}
_LABEL_BLANKS = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
META_ORDER = ("索引号", "发布机构", "文号", "发文日期", "成文日期", "发布日期")
_META_LABEL = re.compile(r"^\s*(" + "|".join(sorted(META_KEYS, key=len, reverse=True)) + r")\s*[:：]\s*(.*)$", re.S)

# Content containers used by the common portal CMSes (TRS WCM, 大汉, 开普云 ...), best first.
ARTICLE_SELECTORS = (
    "#zoom",
    ".TRS_Editor",
    ".trs_editor_view",
    "#UCAP-CONTENT",
    ".pages_content",
    "div.article",
    ".article-content",
    ".article_content",
    "#article",
    ".article",
    "article",
    "#content",
    ".content",
    ".main-text",
    ".view",
)
_DROP_TAGS = ("script", "style", "noscript", "iframe", "form", "nav", "header", "footer", "button",
              "input", "select", "textarea", "img", "svg", "object", "embed")
_BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "section", "blockquote", "center",
               "article", "ul", "ol", "dl", "dt", "dd", "pre", "table", "tr", "address"}
_MIN_ARTICLE = 80  # characters of non-link text: less is a list page or a shell, not a notice


def _where(path: str | None) -> str:
    return path or "<bytes>"


def decode_html(data: bytes, where: str) -> str:
    """Decode by BOM, else score every decoding that succeeds (the declared charset, UTF-8,
    GB18030, Big5) by how Chinese it reads and take the best: a declaration is a hint, not a fact
    (a UTF-8 page declaring latin-1 is read as UTF-8). Mojibake is refused, not passed on."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(f"{where}: starts with a UTF-16 byte-order mark but is not UTF-16 HTML") from None
    m = re.search(rb"charset\s*=\s*[\"']?([A-Za-z0-9_\-]+)", data[:4096])
    declared = m.group(1).decode("ascii").lower() if m else ""
    if declared in ("gb2312", "gbk", "gb18030", "x-gbk"):
        declared = "gb18030"
    elif declared in ("big5", "big5-hkscs", "x-big5"):
        declared = "cp950"
    candidates = tuple(dict.fromkeys(e for e in (declared, "utf-8", "gb18030", "cp950") if e))
    best = best_decoding(data, candidates)
    if best is None:
        raise InputError(f"{where}: HTML page is neither UTF-8 nor GB18030 and declares no usable charset")
    html, enc, score = best
    if score is not None and score < MIN_CHINESE_SCORE:
        raise InputError(f"{where}: HTML page does not read as Chinese in its declared charset "
                         f"({declared or 'none'}) nor UTF-8, GB18030 or Big5 (best: {enc}, {score:.0%} common characters)")
    return html


def is_cjk(ch: str) -> bool:
    o = ord(ch)
    return o >= 0x2E80 or 0x2000 <= o <= 0x206F


def clean_inline(s: str) -> str:
    """Whitespace inside a paragraph: a source line break between CJK characters is no space."""
    s = s.replace("\r", "\n")
    s = re.sub(r"(?<=[\u2e80-\uffff])[ \t]*\n\s*(?=[\u2e80-\uffff])", "", s)
    s = re.sub(r"[ \t\n\f\v]+", " ", s)
    return s.strip(" \xa0\u3000")


def _text_lines(node) -> list[str]:
    """The visible text of a node with <br> and block children as line breaks."""
    from bs4 import NavigableString, Tag

    parts: list[str] = []

    def walk(n) -> None:
        for child in n.children:
            if isinstance(child, NavigableString):
                if type(child).__name__ in ("Comment", "Doctype", "CData", "ProcessingInstruction"):
                    continue
                parts.append(str(child))
            elif isinstance(child, Tag):
                if child.name == "br":
                    parts.append("\n\x00")
                elif child.name in _BLOCK_TAGS:
                    parts.append("\n\x00")
                    walk(child)
                    parts.append("\n\x00")
                else:
                    walk(child)

    walk(node)
    raw = "".join(parts)
    lines = [clean_inline(seg) for seg in raw.split("\n\x00")]
    return [ln for ln in lines if ln]


# --- metadata ------------------------------------------------------------------------------------


def read_meta(soup) -> dict[str, str]:
    """索引号 / 发布机构 / 文号 / dates from label-value cells (`<th>索引号:</th><td>...</td>`) or `索引号：...` items."""
    meta: dict[str, str] = {}
    for n, el in enumerate(soup.find_all(["th", "td", "li", "span", "p", "div", "dt", "dd", "b", "strong", "label"])):
        if n % 1024 == 0:
            check_budget()
        text = el.get_text(" ", strip=True)
        if not text or len(text) > 80:
            continue
        text = _LABEL_BLANKS.sub("", text[:12]) + text[12:]  # 索 引 号: a label spread out
        m = _META_LABEL.match(text)
        bare = text if el.name in ("dt", "th", "td") and text in META_KEYS else None  # <dt>索引号</dt><dd>…
        if not m and bare is None:
            continue
        key = META_KEYS[m.group(1) if m else bare]
        value = clean_inline(m.group(2)) if m else ""
        if not value:
            sib = el.find_next_sibling()
            if sib is not None and sib.name in ("td", "dd", "span", "em", "i", "font", "div"):
                cand = sib.get_text(" ", strip=True)
                value = "" if _META_LABEL.match(cand) else clean_inline(cand)
        if value and key not in meta:
            meta[key] = value
    return meta


# --- the article ---------------------------------------------------------------------------------


def _plain_len(node) -> int:
    """Characters of text not inside links: navigation is mostly links, an article mostly not."""
    total = len(re.sub(r"\s+", "", node.get_text()))
    links = sum(len(re.sub(r"\s+", "", a.get_text())) for a in node.find_all("a"))
    return total - links


def find_article(soup):
    """The content container: a known selector with enough text, else the densest paragraph parent."""
    best, best_len = None, 0
    for sel in ARTICLE_SELECTORS:
        for node in soup.select(sel):
            n = _plain_len(node)
            if n >= _MIN_ARTICLE and n > best_len * 1.2:
                best, best_len = node, n
        if best is not None:
            return best
    scores: dict[int, tuple[int, object]] = {}
    for p in soup.find_all(["p", "td", "br"]):
        parent = p.parent
        if parent is None:
            continue
        n = len(re.sub(r"\s+", "", p.get_text())) if p.name != "br" else 0
        key = id(parent)
        scores[key] = (scores.get(key, (0, parent))[0] + n, parent)
    if scores:
        score, node = max(scores.values(), key=lambda t: t[0])
        if score >= _MIN_ARTICLE and _plain_len(node) >= _MIN_ARTICLE:
            return node
    # a page that is one table (a spreadsheet saved as a web page): the densest table's parent
    tables = [(_plain_len(t), t) for t in soup.find_all("table")]
    n, table = max(tables, key=lambda t: t[0], default=(0, None))
    return table.parent if table is not None and n >= _MIN_ARTICLE else None


def table_rows(table) -> list[list[str]]:
    """Rows of an HTML table, colspan/rowspan expanded with empty cells; a cell's lines joined by \\n."""
    rows: list[list[str]] = []
    pending: dict[int, int] = {}  # column -> rows still covered by a rowspan from above
    for tr in table.find_all("tr"):
        if tr.find_parent("table") is not table:
            continue
        row: list[str] = []
        col = 0
        for cell in tr.find_all(["td", "th"], recursive=False):
            while pending.get(col, 0) > 0:
                pending[col] -= 1
                row.append("")
                col += 1
            row.append("\n".join(_text_lines(cell)))
            span = _int_attr(cell, "colspan")
            down = _int_attr(cell, "rowspan") - 1
            for k in range(span):
                if k:
                    row.append("")
                if down > 0:
                    pending[col + k] = down
            col += span
        while pending.get(col, 0) > 0:
            pending[col] -= 1
            row.append("")
            col += 1
        if any(row):
            rows.append(row)
    return rows


def _int_attr(cell, name: str) -> int:
    try:
        return max(1, min(50, int(str(cell.get(name, "1")).strip() or 1)))
    except ValueError:
        return 1


def _is_layout_table(table) -> bool:
    """A table used for page layout holds long paragraphs, not figures: read through it."""
    return any(len(cell.get_text(strip=True)) > 300 for cell in table.find_all(["td", "th"]))


def _is_title_block(node) -> bool:
    style = (node.get("style") or "").replace(" ", "").lower()
    centered = "text-align:center" in style or (node.get("align") or "").lower() == "center" or node.name == "center"
    return centered and node.find(["strong", "b"]) is not None


def article_blocks(node, tables: list[RawTable]) -> list[tuple[str, list[str]]]:
    """(kind, lines) in reading order: kind is para | title | table."""
    from bs4 import NavigableString, Tag

    out: list[tuple[str, list[str]]] = []
    inline: list = []

    def flush() -> None:
        if inline:
            holder = "".join(str(x) for x in inline)
            inline.clear()
            from bs4 import BeautifulSoup

            lines = _text_lines(BeautifulSoup(f"<div>{holder}</div>", "lxml").div)
            for ln in lines:
                out.append(("para", [ln]))

    def walk(n) -> None:
        check_budget()
        for child in n.children:
            if isinstance(child, Tag) and child.name == "table" and not _is_layout_table(child):
                flush()
                rows = table_rows(child)
                if rows:
                    tables.append(RawTable(rows=rows))
                    out.append(("table", [c for r in rows for c in r if c]))
            elif isinstance(child, Tag) and child.name in ("div", "ul", "ol", "section") and (
                    grid := div_grid_rows(child, _text_lines)):
                flush()  # rows laid out as elements (CSS grid / flex), no <table>
                tables.append(RawTable(rows=grid))
                out.append(("table", [c for r in grid for c in r if c]))
            elif isinstance(child, Tag) and child.name in _BLOCK_TAGS and child.find(["p", "div", "table", "li"]):
                flush()
                walk(child)
            elif isinstance(child, Tag) and child.name in _BLOCK_TAGS:
                flush()
                lines = _text_lines(child)
                if lines:
                    out.append(("title" if _is_title_block(child) else "para", lines))
            elif isinstance(child, NavigableString | Tag):
                if isinstance(child, NavigableString) and type(child).__name__ != "NavigableString":
                    continue
                inline.append(child)
        flush()

    walk(node)
    return out


def render(meta_lines: list[str], title: str, blocks: list[tuple[str, list[str]]]) -> str:
    """The web-text layout: meta lines, title, paragraphs with blank lines, tables one cell per line."""
    parts: list[str] = ["\n".join(meta_lines)] if meta_lines else []
    body_text = "\n".join(ln for _, lines in blocks for ln in lines)
    if title and title not in body_text:
        parts.append(title)
    for kind, lines in blocks:
        if kind == "title":
            parts.append("\n" + "\n\n".join(lines) + "\n")
        elif kind == "table":
            parts.append("\n" + "\n\n".join(lines))
        else:
            parts.append("\n\n".join(lines))
    return "\n\n".join(parts) + "\n"


def page_title(soup) -> str:
    for sel in ('meta[name="ArticleTitle"]', 'meta[property="og:title"]'):
        tag = soup.select_one(sel)
        if tag is not None and tag.get("content"):
            return clean_inline(str(tag["content"]))
    for tag in soup.find_all(["h1", "h2"]):
        t = clean_inline(tag.get_text(" "))
        if len(t) >= 6:
            return t
    if soup.title and soup.title.string:
        return re.split(r"[_|－—-]{1,2}", clean_inline(soup.title.string))[0]
    return ""


def read_html(data: bytes, path: str | None, sha256: str) -> RawDoc:
    where = _where(path)
    check_markup(data, where)
    html = decode_html(data, where)
    try:
        return _read_page(html, path, sha256)
    except RecursionError:  # elements nested past what the tree walk can follow (tables in tables ...)
        raise LimitError(f"{where}: HTML elements nested too deep to read; not a notice this tool can read") from None


def _read_page(html: str, path: str | None, sha256: str) -> RawDoc:
    from bs4 import BeautifulSoup

    where = _where(path)
    soup = BeautifulSoup(html, "lxml")
    check_count("nesting depth of the HTML elements", tree_depth(soup), MAX_HTML_DEPTH, where)
    meta = read_meta(soup)
    title = page_title(soup)
    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
    article = find_article(soup)
    if article is None:
        raise InputError(f"{where}: HTML page has no article text (no content container found); save the notice page itself")
    # the metadata table sometimes sits inside the content container: it is already in `meta`
    for table in article.find_all("table"):
        if len(read_meta(table)) >= 2:
            table.decompose()
    if title:
        for h in article.find_all(["h1", "h2"]):
            if clean_inline(h.get_text(" ")) == title:
                h.decompose()
    tables: list[RawTable] = []
    blocks = article_blocks(article, tables)
    if not blocks:
        raise InputError(f"{where}: HTML page has no article text (the content container is empty)")
    meta_lines = [f"{k}: {meta[k]}" for k in META_ORDER if k in meta]
    return RawDoc(text=render(meta_lines, title, blocks), format="html", path=path, sha256=sha256,
                  tables=tables, meta=meta)
