"""Heading markers and the section tree: 一、=1, (一)=2, 1.=3, (1)=4."""

from __future__ import annotations

from functools import cache, lru_cache

import regex

from ..models import Section
from .lines import UNKNOWN, Line, per_document, section_kinds

_CN = "一二三四五六七八九十百〇零两"

# the markers, tried in this order at the start of a line (one alternation, a branch per kind):
#   1 `一、目标任务`
#   2 `(一)目标任务`; also the malformed `五)实施步骤`, `四)责任主体` the founding notice has
#   4 `(1)知情告知` / `1)`
#   3 `1.确定目标任务` / `3、` / `1。`; `1.3月15日前完成` is marker + date, `1.7万人` is a decimal, not a marker
#   1 `第一件` / `第1项` (items of a mixed-marker list), `实事一:` / `【项目2】` (a news report's items,
#     the words in lexicon/plans.yaml `item_words`)


@cache
def _marker() -> tuple[regex.Pattern, frozenset[str]]:
    """The marker alternation and the characters a marker can start with (and any digit)."""
    from ..rules.lexicon import load_yaml

    words = load_yaml("plans.yaml")["item_words"]
    named = "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))
    pattern = regex.compile(
        rf"(?P<l1>[{_CN}]{{1,4}}、)"
        rf"|(?P<l2>\([{_CN}]{{1,4}}\)|[{_CN}]{{1,4}}\)(?!\)))"
        r"|(?P<l4>\(\d{1,2}\)|\d{1,2}\))"
        r"|(?P<l3>\d{1,2}[.、。．])(?=\d{1,2}月|\d{4}年|[^\d%])"
        rf"|(?P<l0>第[{_CN}\d]{{1,3}}[件项条]、?|【(?:{named})[{_CN}\d]{{1,3}}】|(?:{named})[{_CN}\d]{{1,3}}[:、])"
    )
    return pattern, frozenset(_CN + "(第【" + "".join(w[0] for w in words))


_LEVEL_OF = {"l1": 1, "l2": 2, "l4": 4, "l3": 3, "l0": 1}  # 第一件 heads a whole item like 一、

_RUN_IN_END = "。"
_TRAIL_PUNCT = ";;,,:: 、"


class Heading:
    """A heading line: marker, level, title and where it sits. Read-only by convention; a plain
    slotted class (a frozen dataclass sets each field through object.__setattr__)."""

    __slots__ = ("level", "line", "marker", "number", "title")

    def __init__(self, line: Line, marker: str, level: int, title: str, number: int | None = None) -> None:
        self.line = line
        self.marker = marker
        self.level = level
        self.title = title
        self.number = number  # arabic item number for 1. / (1) markers

    def _key(self) -> tuple[Line, str, int, str, int | None]:
        return self.line, self.marker, self.level, self.title, self.number

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Heading) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return (f"Heading(line={self.line!r}, marker={self.marker!r}, level={self.level!r}, "
                f"title={self.title!r}, number={self.number!r})")


@per_document
def parse_marker(s: str) -> tuple[str, int] | None:
    """('一、', 1) for `一、目标任务`; None when the line starts with no heading marker."""
    pattern, heads = _marker()
    if not s or (s[0] not in heads and not s[0].isdecimal()):
        return None  # every marker starts with a numeral, `(`, a digit, 第 or an item word: most lines need no pattern
    m = pattern.match(s)
    if m is None:
        return None
    marker = m.group(m.lastgroup)  # type: ignore[arg-type]
    if m.lastgroup == "l0" and len(s) == len(marker):
        return None  # `第一件` alone is no heading
    return marker, _LEVEL_OF[m.lastgroup]  # type: ignore[index]


def heading_title(body: str) -> str:
    """Title of a heading: the text up to the first 。 (run-in headings), trailing punctuation dropped.

    `准备阶段(1—2月)。市、县区政府...` -> `准备阶段(1—2月)`; `目标任务` -> `目标任务`.
    """
    cut = body.find(_RUN_IN_END)
    title = body if cut == -1 else body[:cut]
    return title.strip().rstrip(_TRAIL_PUNCT).strip()


@cache
def _kinds_by_head() -> dict[str, tuple[tuple[str, str], ...]]:
    """section_kinds() by the first character of the phrase, each list in the lexicon's order
    (only a phrase starting with a title's first character can start the title)."""
    pairs = section_kinds()
    heads = {p[0] for p, _ in pairs if p}
    return {h: tuple(pk for pk in pairs if not pk[0] or pk[0][0] == h) for h in heads} | {
        "": tuple(pk for pk in pairs if not pk[0])}


@per_document
def section_kind(title: str) -> str:
    """Kind from lexicon/section_kinds.yaml: the title starts with a known phrase (`目标任务` -> targets)."""
    t = title.strip()
    index = _kinds_by_head()
    for phrase, kind in index.get(t[:1], index[""]):
        if t.startswith(phrase):
            # `运营管理阶段:12月` is a step named after the work of that stage, not an operation section
            if t.startswith("阶段", len(phrase)):
                return "other"
            return kind
    return "other"


@lru_cache(maxsize=1024)
def _arabic(marker: str) -> int | None:
    """The arabic number of a marker (`(12)` -> 12, `一、` -> None); markers repeat across lines and
    notices, so answers are kept (a pure function of a short string)."""
    digits = "".join(filter(str.isdigit, marker))
    return int(digits) if digits else None


def heading_of(line: Line) -> Heading | None:
    """The heading a line is, or None; a pure function of the line, asked by every candidate level
    about the same lines: kept on the line."""
    known = line.heading
    if known is UNKNOWN:
        known = line.heading = _heading(line)
    return known  # type: ignore[return-value]


def _heading(line: Line) -> Heading | None:
    parsed = parse_marker(line.text)
    if parsed is None:
        return None
    marker, level = parsed
    title = heading_title(line.text[len(marker):].lstrip())
    return Heading(line, marker, level, title, _arabic(marker))


def find_headings(lines: list[Line], skip: set[int] | None = None) -> list[Heading]:
    """Heading lines among `lines` (line numbers in `skip` are never headings: tables, 附件 lists)."""
    out = []
    for line in lines:
        if line.blank or (skip and line.no in skip):
            continue
        h = heading_of(line)
        if h is not None:
            out.append(h)
    return out


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def build_sections(headings: list[Heading], end: int, text: str) -> list[Section]:
    """The heading tree: a section runs to the next heading of the same or higher level (or `end`)."""
    # each heading's stop, found from the last heading back: the nearest later heading of the same
    # or a higher level is the top of a stack of later headings once the deeper ones are popped
    stops = [end] * len(headings)
    later: list[Heading] = []
    for i in range(len(headings) - 1, -1, -1):
        h = headings[i]
        while later and later[-1].level > h.level:
            later.pop()
        if later:
            stops[i] = later[-1].line.start
        later.append(h)
    sections: list[Section] = []
    stack: list[tuple[int, Section]] = []  # (level, section)
    for h, stop in zip(headings, stops, strict=True):
        sec = Section.trusted(
            marker=h.marker, level=h.level, title=h.title, kind=section_kind(h.title),
            span=(h.line.start, _trim_end(text, h.line.start, stop)),
        )
        while stack and stack[-1][0] >= h.level:
            stack.pop()
        (stack[-1][1].children if stack else sections).append(sec)
        stack.append((h.level, sec))
    return sections


def walk(sections: list[Section]):
    """Every section of a tree, depth first, in document order."""
    for s in sections:
        yield s
        yield from walk(s.children)


# a top-level heading line anywhere in the text: 三、实施步骤
_TOP_HEADING = regex.compile(r"^[ \t\u3000]*(?P<m>[一二三四五六七八九十]{1,3}、)(?P<t>[^\n]{1,40})$", regex.M)


def steps_sections(text: str) -> list[tuple[tuple[int, int], str]]:
    """The steps sections among the top-level headings of the whole text (`三、实施步骤` up to the
    next top-level heading), with their heading: the cover letter of a consolidated notice has its
    own steps, outside every programme."""
    heads = [(m.start(), m.group("m") + heading_title(m.group("t"))) for m in _TOP_HEADING.finditer(text)]
    out: list[tuple[tuple[int, int], str]] = []
    for k, (start, head) in enumerate(heads):
        if section_kind(head.split("、", 1)[1]) == "steps":
            end = heads[k + 1][0] if k + 1 < len(heads) else len(text)
            out.append(((start, end), head))
    return out
