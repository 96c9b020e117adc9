"""Lines of the normalised text with their offsets, and the structure lexicons."""

from __future__ import annotations

from functools import cache
from importlib import resources

import regex

from ..cells import is_figure_cell
from ..doc_cache import new_document as new_document  # re-exported: the parser starts each document with it
from ..doc_cache import per_document
from ..rules.lexicon import load_yaml

TIMEOUT = 1.0  # seconds; every pattern run on user text gets it

# a header cell naming its unit in brackets: `总投资(万元)` / `涉及户数(户)`
_UNIT_CELL = regex.compile(r".*\([^()]{1,6}\)")
# a line made only of CJK-free punctuation is not a title fragment
_HAS_CJK = regex.compile(r"\p{Han}")


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
    return is_figure_cell(s)


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


_SHORT_LINE = 500  # characters: even a quadratic pattern takes well under a millisecond on such a line


class _LinePatterns:
    """The whole-line regexes of a lexicon file (one a line, `#` comments), matched as one
    alternation would be with `fullmatch`, but fast: a pattern opening with `.*` (`.*(ICP备|…)\\d.*`,
    `.*无障碍阅读`) would make the whole alternation backtrack over every character of every line
    (13 ms on the founding notice's 605 lines); it is searched for instead, anchored at the end
    (`fullmatch('.*R', s)` holds exactly when `R` matches some suffix of `s`, a line having no
    line break), and the others are one `fullmatch` alternation (0.9 ms for the same lines)."""

    def __init__(self, name: str) -> None:
        pats = []
        for raw in _lexicon_text(name).splitlines():
            raw = raw.strip()
            if raw and not raw.startswith("#"):
                pats.append(raw)
        whole = [p for p in pats if not _dot_star(p)]
        tails = [p[2:] for p in pats if _dot_star(p)]
        self.whole = regex.compile("|".join(f"(?:{p})" for p in whole)) if whole else None
        self.tails = regex.compile("(?:" + "|".join(f"(?:{p})" for p in tails) + r")\Z") if tails else None
        self._pats = pats
        self._every: regex.Pattern | None = None

    def fullmatch(self, s: str) -> bool:
        """Whether one of the patterns matches the whole of `s`."""
        if "\n" in s:  # `.` stops at a line break: only the plain alternation says it right
            if self._every is None:
                self._every = regex.compile("|".join(f"(?:{p})" for p in self._pats))
            return self._every.fullmatch(s, timeout=TIMEOUT) is not None
        whole, tails = self.whole, self.tails
        if len(s) <= _SHORT_LINE:
            # a `timeout=` costs ~3 us a call, where matching a short line takes 0.5 us: only a long
            # line, where backtracking could matter, gets one
            return ((whole is not None and whole.fullmatch(s) is not None)
                    or (tails is not None and tails.search(s) is not None))
        return ((whole is not None and whole.fullmatch(s, timeout=TIMEOUT) is not None)
                or (tails is not None and tails.search(s, timeout=TIMEOUT) is not None))


def _dot_star(p: str) -> bool:
    """`p` is `.*` then a pattern with no `|` of its own at the top (`.*A|B` is `.*A` or `B`)."""
    if not p.startswith(".*") or p[2:3] in ("?", "+", "{", ""):
        return False
    depth, k, in_class = 0, 2, False
    while k < len(p):
        c = p[k]
        if c == "\\":
            k += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            k += 1 if p[k + 1:k + 2] != "]" else 2  # `[]…]`: a leading ] is a member
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            return False
        k += 1
    return True


@cache
def furniture_pattern() -> _LinePatterns:
    """lexicon/page_furniture.txt: lines that are furniture whatever else they hold."""
    return _LinePatterns("page_furniture.txt")


@cache
def loose_furniture_pattern() -> _LinePatterns:
    """lexicon/page_furniture_loose.txt: furniture only on a line that carries no figure."""
    return _LinePatterns("page_furniture_loose.txt")


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
    a `.pdf` / 打印本页 line that carries a figure is content. Remembered for the document only
    (no answer outlives it: a benchmark repeating one notice pays for it every time, as a new
    notice does)."""
    s = s.strip()
    if not s:
        return False
    return _furniture(s)


# a document number alone on a line (铜政办发〔2020〕8号): inside a table it is the running head a
# page break put between two cells
_DOC_NO_LINE = regex.compile(r"\S{1,12}〔\d{4}〕\d{1,4}号")


def is_table_furniture(s: str) -> bool:
    """Page furniture among a table's lines: what `is_furniture` drops, and a running head."""
    # no timeout= (~2 us a call, asked of every table line): bounded, linear (benchmarks/redos_check.py)
    return is_furniture(s) or _DOC_NO_LINE.fullmatch(s.strip()) is not None


def _furniture(s: str) -> bool:
    firm, loose = furniture_pattern(), loose_furniture_pattern()
    if len(s) <= _SHORT_LINE and "\n" not in s:
        # no pattern of either list fits most lines: told in two calls (were three), the whole-line
        # patterns and one search of both lists' line ends
        whole, tails = firm.whole, _any_tail()
        if ((whole is None or whole.fullmatch(s) is None)
                and (loose.whole is None or loose.whole.fullmatch(s) is None)
                and (tails is None or tails.search(s) is None)):
            return False
    if firm.fullmatch(s):
        return True
    return loose.fullmatch(s) and not carries_figure(s)


@cache
def _any_tail() -> regex.Pattern | None:
    """The line-end patterns of both furniture lists as one search: a line neither list's tails
    fit is told in one call; one that some tail fits is then asked list by list."""
    tails = [p.tails.pattern for p in (furniture_pattern(), loose_furniture_pattern()) if p.tails is not None]
    return regex.compile("|".join(tails)) if tails else None


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
