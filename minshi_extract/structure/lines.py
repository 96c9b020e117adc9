"""Lines of the normalised text with their offsets, and the structure lexicons."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, lru_cache
from importlib import resources
from typing import TypeVar

import regex

from ..rules.lexicon import load_yaml

TIMEOUT = 1.0  # seconds; every pattern run on user text gets it

# a figure cell of a flattened table: `155`, `54.25`, `0.00`, `-`, `—`, `70%`
_FIGURE = regex.compile(r"(?:[-+]?\d+(?:\.\d+)?%?|[-—/]+)")
# a header cell naming its unit in brackets: `总投资(万元)` / `涉及户数(户)`
_UNIT_CELL = regex.compile(r".*\([^()]{1,6}\)")
# a line made only of CJK-free punctuation is not a title fragment
_HAS_CJK = regex.compile(r"\p{Han}")


F = TypeVar("F", bound=Callable)
_PER_DOCUMENT: list = []


def per_document(fn: F) -> F:
    """Memoise a pure per-line decision (is_furniture, parse_marker, ...) for the document being
    parsed: the parser asks about the same line many times; `new_document` forgets all answers, so a
    cache never outgrows one notice and a benchmark never reads answers of an earlier run."""
    cached = cache(fn)
    _PER_DOCUMENT.append(cached)
    return cached  # type: ignore[return-value]


def new_document() -> None:
    """Forget the per-line answers of the previous document."""
    for fn in _PER_DOCUMENT:
        fn.cache_clear()


UNKNOWN = object()  # a per-line answer not computed yet


class Line:
    """One line of the notice text: [start, end) offsets and its text. Read-only by convention; a
    plain slotted class (a frozen dataclass sets each field through object.__setattr__: a third of
    split_lines' time)."""

    __slots__ = ("blank", "end", "heading", "no", "start", "text")

    def __init__(self, no: int, start: int, end: int, text: str) -> None:
        self.no = no  # 0-based line number
        self.start = start
        self.end = end
        self.text = text
        self.blank = not text  # asked ~12 times a line: stored
        self.heading: object = UNKNOWN  # the line's Heading or None, once headings.heading_of asked

    def _key(self) -> tuple[int, int, int, str]:
        return self.no, self.start, self.end, self.text

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Line) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"Line(no={self.no!r}, start={self.start!r}, end={self.end!r}, text={self.text!r})"


def split_lines(text: str) -> list[Line]:
    """Every line of `text` (blank ones too), with offsets into `text`."""
    out: list[Line] = []
    pos = 0
    for no, chunk in enumerate(text.split("\n")):
        if chunk and (chunk[0].isspace() or chunk[-1].isspace()):  # a normalised line has no blank ends
            stripped = chunk.strip()
            start = pos + (len(chunk) - len(chunk.lstrip()) if stripped else 0)
        else:
            stripped, start = chunk, pos
        out.append(Line(no, start, start + len(stripped), stripped))
        pos += len(chunk) + 1
    return out


@per_document
def is_figure(s: str) -> bool:
    """A table figure cell: `155`, `54.25`, `0.00`."""
    return bool(_FIGURE.fullmatch(s.strip()))


def is_table_row(s: str) -> bool:
    """A table row set on one line, cells separated by spaces: `陈仓区 12 190 5.2 4420` (2+ figure
    cells) or a header `县区 工程(处) 新建改造管网(公里)` (2+ cells naming a unit in brackets)."""
    cells = s.split()
    if len(cells) < 3:
        return False
    return (sum(is_figure(c) for c in cells) >= 2
            or sum(bool(_UNIT_CELL.fullmatch(c)) for c in cells) >= 2)


def has_cjk(s: str) -> bool:
    return bool(_HAS_CJK.search(s))


def _lexicon_text(name: str) -> str:
    return resources.files("minshi_extract.lexicon").joinpath(name).read_text(encoding="utf-8")


def _furniture_regex(name: str) -> regex.Pattern:
    """One whole-line regex per line of a lexicon file, `#` comments; compiled once as a single
    alternation so a line is tested in one call."""
    pats = []
    for raw in _lexicon_text(name).splitlines():
        raw = raw.strip()
        if raw and not raw.startswith("#"):
            pats.append(f"(?:{raw})")
    return regex.compile("|".join(pats))


@cache
def furniture_pattern() -> regex.Pattern:
    """lexicon/page_furniture.txt: lines that are furniture whatever else they hold."""
    return _furniture_regex("page_furniture.txt")


@cache
def loose_furniture_pattern() -> regex.Pattern:
    """lexicon/page_furniture_loose.txt: furniture only on a line that carries no figure."""
    return _furniture_regex("page_furniture_loose.txt")


@cache
def figure_pattern() -> regex.Pattern:
    """A figure: a number with a unit of lexicon/units.txt (dates' 年 月 天 周 left out), a sum or a share."""
    raw = _lexicon_text("units.txt").splitlines()
    units = sorted({u.strip() for u in raw if u.strip() and not u.startswith("#")} - {"年", "月", "天", "周"},
                   key=lambda u: (-len(u), u))
    alt = "|".join(regex.escape(u) for u in units)
    return regex.compile(rf"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+) ?(?:[万亿])?(?:元|%|{alt})"
                         rf"|百分之")


def carries_figure(s: str) -> bool:
    return figure_pattern().search(s) is not None


@per_document
def is_furniture(s: str) -> bool:
    """`扫一扫在手机打开当前页`, `Produced By ...`, `xxx.pdf`, `(此件公开发布)`, portal 索引号 lines;
    a `.pdf` / 打印本页 line that carries a figure is content."""
    s = s.strip()
    if not s:
        return False
    return _short_furniture(s) if len(s) <= 200 else _furniture(s)


@lru_cache(maxsize=1 << 16)
def _short_furniture(s: str) -> bool:
    """Memoised for short lines (the memory stays small): the structure passes ask about each line
    several times."""
    return _furniture(s)


def _furniture(s: str) -> bool:
    if furniture_pattern().fullmatch(s, timeout=TIMEOUT) is not None:
        return True
    return loose_furniture_pattern().fullmatch(s, timeout=TIMEOUT) is not None and not carries_figure(s)


@cache
def section_kinds() -> tuple[tuple[str, str], ...]:
    """(phrase, kind) pairs of lexicon/section_kinds.yaml, longest phrase first."""
    data = load_yaml("section_kinds.yaml")
    pairs = [(phrase, kind) for kind, phrases in data.items() for phrase in phrases]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


@cache
def title_columns() -> frozenset[str]:
    """lexicon/table_title_columns.txt: header cells of the column naming each project (`项目名称`)."""
    raw = _lexicon_text("table_title_columns.txt")
    return frozenset(x.strip() for x in raw.splitlines() if x.strip() and not x.startswith("#"))
