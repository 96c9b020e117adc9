"""Notice metadata: title, issuer, doc number, index number, dates, recipients, year."""

from __future__ import annotations

import regex

from ..models import Meta
from .lines import TIMEOUT, Line, is_furniture

# 武威市人民政府办公室关于印发2025年省市为民实事实施方案的通知
_TITLE_END = regex.compile(r"(?:的)?(?:通知|意见|决定|批复|函|通报|公告|报告)$")
_ABOUT = "关于"
# 武政办发〔2025〕7号 / 浏政办发[2025]5号 / 沭政发(2023)9号
_DOC_NO = regex.compile(r"\p{Han}{1,10}[〔\[(【﹝]\s*(?:19|20)\d{2}\s*[〕\])】﹞]\s*第?\s*\d{1,4}\s*号")
# a portal label written `索引号:` or bracketed, `[索引号] ...` / `【索引号】...`
def _label(words: str) -> str:
    return rf"(?:[\[【]\s*(?:{words})\s*[\]】]\s*[:]?|(?:{words})\s*[:])\s*"


_INDEX_NO = regex.compile(_label(r"索\s*引\s*号") + r"(\S+)")
_ISO_DATE = r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
# 发文日期: 2025-03-07 / 成文日期 / 发布日期: 2025-03-13 17:01
_ISSUED = regex.compile(_label("发文日期|成文日期|印发日期") + _ISO_DATE)
# a news page's bare `时间:2025-02-18 09:30` at the start of a line counts too (not 完成时间:)
_PUBLISHED = regex.compile(_label(r"发布日期|发布时间|公开日期|(?<!\p{Han})时间") + _ISO_DATE)
# a news page: 来源:顺德区人民政府办公室    发布时间:2024-02-28 09:30
# (spaces between CJK are gone after normalisation: `来源:某市日报发布时间:...` stops before the next label)
_SOURCE = regex.compile(r"(?:来源|信息来源)\s*[:]\s*(\p{Han}{2,30}?)(?=发布时间|发布日期|时间|日期|作者|记者|字号|字体|索引|浏览|点击|阅读|分享|打印|[^\p{Han}]|$)")
# a speech / work report's subtitle: `——2024年1月9日在某市第九届人民代表大会第四次会议上`
_DELIVERED = regex.compile(r"[—-]{1,2}\s*((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*在")
# a signature date alone on its line: 2025年3月7日 / 二〇二五年三月七日
_SIGN_DATE = regex.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_CN_DATE = regex.compile(r"([〇零一二三四五六七八九○О]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日")
_PUBLIC_NOTE = regex.compile(r"\s*[(][^()]{2,10}[)]\s*$")
_YEAR_IN = regex.compile(r"((?:19|20)\d{2})\s*年")
_DOC_YEAR = regex.compile(r"[〔\[(【﹝]\s*((?:19|20)\d{2})\s*[〕\])】﹞]")
# a signing body: ends with an organ word (武威市人民政府办公室, 沭阳县人民政府)
_ISSUER_LINE = regex.compile(
    r"\p{Han}{2,30}(?:人民政府办公室|人民政府办公厅|人民政府|办公室|办公厅|委员会|政府|局|厅|委"
    r"|人民代表大会\p{Han}{0,10}会议(?:主席团)?)"  # a congress session (人大票决的公告) and its presidium
)
# a 公告's number on its own line under the title: (第6号)
_NUMBER_LINE = regex.compile(r"[(]?\s*(第\s*\d{1,4}\s*号)\s*[)]?")
# recipients: 各县、区人民政府,市政府各部门、单位:
_RECIPIENTS = regex.compile(r"(各|市|县|区|省)\p{Han}.{1,120}[:]")
_RECIP_SPLIT = regex.compile(r"[,，;;]")

_ISO_DATE_RE = regex.compile(_ISO_DATE)
_CN_YEAR = regex.compile(r"([〇零一二三四五六七八九○]{4})年")
_LABEL_PREFIX = regex.compile(r".{0,40}[:]")  # a portal label line `标题: ...`
_CN_DIGIT = {"〇": 0, "零": 0, "○": 0, "О": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}


def _iso(y: str | int, m: str | int, d: str | int) -> str:
    return f"{int(y):04d}-{int(m):02d}-{int(d):02d}"


def _cn_small(s: str) -> int:
    """十二 -> 12, 七 -> 7, 二十 -> 20."""
    if "十" in s:
        a, _, b = s.partition("十")
        return (_CN_DIGIT[a] if a else 1) * 10 + (_CN_DIGIT[b] if b else 0)
    return _CN_DIGIT[s]


def parse_date(s: str) -> str | None:
    """`2025年3月7日`, `2025-03-07`, `二〇二五年三月七日` -> `2025-03-07`."""
    m = _SIGN_DATE.search(s, timeout=TIMEOUT) or _ISO_DATE_RE.search(s, timeout=TIMEOUT)
    if m:
        return _iso(*m.groups()[:3])
    m = _CN_DATE.search(s, timeout=TIMEOUT)
    if m:
        y = "".join(str(_CN_DIGIT[c]) for c in m.group(1))
        return _iso(y, _cn_small(m.group(2)), _cn_small(m.group(3)))
    return None


def find_title(lines: list[Line]) -> tuple[str, list[Line]] | None:
    """The notice title: a line (maybe wrapped over up to 3 lines) `...关于...的通知` near the top."""
    body = [ln for ln in lines if not ln.blank][:40]
    for i, ln in enumerate(body):
        if _ABOUT not in ln.text or len(ln.text) > 120 or ln.text.endswith("。"):
            continue
        if _LABEL_PREFIX.match(ln.text, timeout=TIMEOUT) and not ln.text.startswith(("关于",)):
            # a portal label line `标题: ...` keeps its value
            ln_text = ln.text.split(":", 1)[1].strip()
        else:
            ln_text = ln.text
        joined, used = ln_text, [ln]
        # the issuing body wrapped onto its own line just above: `沂水县人民政府办公室` / `关于印发...的通知`
        prev = body[i - 1] if i > 0 else None
        if (ln_text.startswith(_ABOUT) and prev is not None and prev.no >= ln.no - 2  # a blank between
                and _ISSUER_LINE.fullmatch(prev.text, timeout=TIMEOUT)):
            joined, used = prev.text + ln_text, [prev, ln]
        for nxt in body[i + 1:i + 3]:
            if _TITLE_END.search(joined, timeout=TIMEOUT):
                break
            joined += nxt.text
            used.append(nxt)
        if _TITLE_END.search(joined, timeout=TIMEOUT):
            return joined, used
    return None


_BREADCRUMB = regex.compile(r"\p{Han}\s*[>›»]\s*\p{Han}")
_ATTACHMENT_LABEL = regex.compile(r"附件\s*[\d一二三四五六七八九十]{0,3}\s*[:：]?")


def news_title(lines: list[Line], stop: int) -> str | None:
    """A news page's headline: the first content line, short and without sentence punctuation."""
    for ln in lines:
        if ln.start >= stop:
            break
        if ln.blank or is_furniture(ln.text) or _ATTACHMENT_LABEL.fullmatch(ln.text) or _BREADCRUMB.search(ln.text):
            continue  # 附件1 over a table saved alone: the table's title is the page's; 首页 > 新闻中心: a trail
        t = ln.text
        if len(t) <= 60 and not any(p in t for p in "。;:,") and not t.startswith("("):
            return t
        return None
    return None


def issuer_from_title(title: str) -> str | None:
    """`武威市人民政府办公室关于印发...` -> `武威市人民政府办公室`."""
    head = title.split(_ABOUT, 1)[0].strip()
    return head or None


def find_doc_number(lines: list[Line], stop: int) -> str | None:
    """First doc number like `武政办发〔2025〕7号` before offset `stop` (the first programme)."""
    for ln in lines:
        if ln.start >= stop:
            break
        if ln.blank or ln.text.startswith(("关于",)):
            continue
        m = _DOC_NO.search(ln.text, timeout=TIMEOUT)
        if m and "关于" not in ln.text[: m.start()]:
            return _paired_brackets("".join(m.group(0).split()))
        m = _NUMBER_LINE.fullmatch(ln.text.strip())
        if m:
            return "".join(m.group(1).split())
    return None


_YEAR_BRACKETS = regex.compile(r"([〔【\[(])(\d{4})([〕】\])])")
_PAIRS = {"〔": "〕", "【": "】", "[": "]", "(": ")"}


def _paired_brackets(number: str) -> str:
    """`丽政办发【2024]9号` (a scan's misread): a year in brackets of two kinds is in 〔〕, the
    brackets of a document number (GB/T 9704); a matched pair stays as written."""
    m = _YEAR_BRACKETS.search(number)
    if m is None or _PAIRS[m.group(1)] == m.group(3):
        return number
    return f"{number[:m.start()]}〔{m.group(2)}〕{number[m.end():]}"


def find_signature(lines: list[Line], stop: int) -> tuple[str | None, str | None, int | None]:
    """(signing body, ISO signature date, line no of the date) from the cover letter's end."""
    cover = [ln for ln in lines if not ln.blank and ln.start < stop]
    for i in range(len(cover) - 1, -1, -1):
        ln = cover[i]
        date = _PUBLIC_NOTE.sub("", ln.text)  # 2020年4月2日(此件公开发布): the note on the date's line
        if len(date) > 20:
            continue
        if _SIGN_DATE.fullmatch(date, timeout=TIMEOUT) or _CN_DATE.fullmatch(date, timeout=TIMEOUT):
            body = None
            if i > 0 and _ISSUER_LINE.fullmatch(cover[i - 1].text, timeout=TIMEOUT):
                body = cover[i - 1].text
            return body, parse_date(date), ln.no
    return None, None, None


def find_recipients(lines: list[Line], stop: int) -> tuple[list[str], Line | None]:
    """The salutation line ending with `:` before the cover letter's body; a PDF copy may wrap it
    (`…荆州高新区管委会,市` / `政府各部门:`): then with the line before it."""
    prev: Line | None = None
    for ln in lines:
        if ln.start >= stop:
            break
        t = ln.text
        before, prev = prev, ln
        if not t.endswith(":") or is_furniture(t) or len(t) > 150:
            continue
        wrapped = (before.text + t if before is not None and before.no == ln.no - 1 and not before.blank
                   and not before.text.rstrip().endswith(("。", ":", ";")) else None)
        for s in (wrapped, t):  # the whole salutation first: `…,市` / `各直属单位:` is one
            if s is not None and len(s) <= 150 and _RECIPIENTS.fullmatch(s, timeout=TIMEOUT):
                parts = [p.strip() for p in _RECIP_SPLIT.split(s[:-1], timeout=TIMEOUT)]
                return [p for p in parts if p], ln
    return [], None


def infer_year(title: str | None, doc_number: str | None, sign_date: str | None,
               issued_on: str | None, published_on: str | None = None, head: str = "") -> int | None:
    """The notice year: from the title, else the doc number, else the signature date, else
    issued_on, else published_on (a news page), else the first year written in the opening text
    (`南充市2025年8件民生实事项目`)."""
    if title:
        m = _YEAR_IN.search(title, timeout=TIMEOUT)
        if m:
            return int(m.group(1))
        cn = _CN_YEAR.search(title, timeout=TIMEOUT)
        if cn:
            return int("".join(str(_CN_DIGIT[c]) for c in cn.group(1)))
    if doc_number:
        m = _DOC_YEAR.search(doc_number, timeout=TIMEOUT)
        if m:
            return int(m.group(1))
    for d in (sign_date, issued_on, published_on):
        if d:
            return int(d[:4])
    m = _YEAR_IN.search(head, timeout=TIMEOUT) if head else None
    return int(m.group(1)) if m else None


def _hint(hints: dict[str, str] | None, *keys: str) -> str | None:
    if not hints:
        return None
    for k in keys:
        v = hints.get(k)
        if v and v.strip():
            return v.strip()
    return None


def build_meta(text: str, lines: list[Line], stop: int, hints: dict[str, str] | None = None,
               sign_stop: int | None = None) -> Meta:
    """Meta of the notice; `stop` is where the first programme starts, `sign_stop` where the
    signature search ends (a flat list signs after its items)."""
    head = text[:stop]
    found = find_title(lines)
    title = found[0] if found else _hint(hints, "title", "标题")
    sign_body, sign_date, _ = find_signature(lines, max(stop, sign_stop or 0))
    issuer = (issuer_from_title(title) if title and _ABOUT in title else None) or sign_body
    if title is None:
        title = news_title(lines, stop)
    if issuer is None:
        m = _SOURCE.search(head, timeout=TIMEOUT)
        issuer = m.group(1) if m else None
    issuer = issuer or _hint(hints, "issuer", "发布机构")
    # a title may name its issuer without the place (市人民政府办公室关于…): the signature or the
    # portal's 发布机构 that ends with it is the full name; a session's presidium signs its 公告
    # (…第五次会议关于… / …第五次会议主席团): the signing body within the title's
    full = next((x for x in (sign_body, _hint(hints, "issuer", "发布机构")) if x and issuer and x != issuer
                 and (x.endswith(issuer) or x.startswith(issuer))), None)
    issuer = full or issuer
    doc_number = find_doc_number(lines, stop) or _hint(hints, "doc_number", "文号", "文件编号")
    m = _INDEX_NO.search(head, timeout=TIMEOUT)
    index_no = m.group(1) if m else _hint(hints, "index_no", "索引号")
    m = _ISSUED.search(head, timeout=TIMEOUT)
    issued_on = _iso(*m.groups()) if m else None
    if issued_on is None:
        hinted = _hint(hints, "issued_on", "发文日期", "成文日期")
        issued_on = parse_date(hinted) if hinted else sign_date
    if issued_on is None:
        m = _DELIVERED.search(head, timeout=TIMEOUT)
        issued_on = _iso(*m.groups()) if m else None
    m = _PUBLISHED.search(head, timeout=TIMEOUT)
    published_on = _iso(*m.groups()) if m else None
    if published_on is None:
        hinted = _hint(hints, "published_on", "发布日期", "发布时间")
        published_on = parse_date(hinted) if hinted else None
    recipients, _ = find_recipients(lines, stop)
    year = infer_year(title, doc_number, sign_date, issued_on, published_on, text[:stop][:2000])
    return Meta(
        title=title, issuer=issuer, doc_number=doc_number, index_no=index_no,
        issued_on=issued_on, published_on=published_on, recipients=recipients, year=year,
    )
