"""Project evidence: does a piece of text look like one livelihood project, and which level of a
notice's outline holds the projects?

Every notice lists its projects at some level of its outline (per-plan titles, `一、` headings,
`(一)` headings, `1.` items, `一是` items, table rows). Rather than special-casing each layout,
each candidate level is scored by how many of its items carry their own project evidence:

- a responsible unit: a label `牵头单位:` / `责任单位:` / `(牵头单位:市医保局)` or a trailing
  bracket list of organs `(县人社局、县财政局)`, or a filled 责任单位 table column (weight 2);
- a target figure with a measure word (`1500户`, `1.2万人`) (weight 1);
- a money amount (`5万元`) (weight 1);
- a completion date (`9月底前`, `2026年10月15日`) (weight 1).

A heading whose title is a section-kind word (目标任务, 资金安排, 保障措施, ...), or a category
heading grouping items (`教育类(3件)`, `教育方面`), or a step under a non-project section
(实施步骤, 保障措施, ...), or a measure under a heading that names its own target
(`一、城镇新增就业9000人` / `推进措施:` / `1.…`) is never a project. A project scores 2+; the level
with most project items wins (`choose`). 2+ plan titles (`…实施方案`) win before any scoring, and
one titled plan stays whole unless a level's items carry their own units (or figures in their
headings). Groups of the chosen level without any project (a closing `二、压实工作责任` group)
stay outside programmes (levels.prune_levels).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import regex

from ..normalize import normalize_fragment
from ..rules.lexicon import load_yaml


@cache
def _unit_label() -> regex.Pattern:
    """`牵头单位:` / `责任单位:` / `配合部门:` ...: the unit labels of lexicon/roles.yaml (the ones
    that name units, not persons), so structure and the responsibility rule share one list."""
    labels = [k for k, role in (load_yaml("roles.yaml").get("labels") or {}).items() if role]
    alt = "|".join(regex.escape(k) for k in sorted(labels, key=len, reverse=True))
    # a sub-heading `(四)责任单位。省水利厅(牵头)、…` ends its label with a full stop
    return regex.compile(rf"(?:{alt})\s*:|(?<=\))(?:{alt})\s*。")

_ORGAN = r"(?:局|委|办|辦|府|厅|廳|联|聯|会|會|院|部|中心|公司|集团|集團|队|隊|站|所|署|处|處)"
# an unlabelled bracket list of organs: `(县人社局、县财政局)` / `(市残联)`; no digits (not `(3件)`)
_UNIT_BRACKET = regex.compile(r"\([^()\d:]{1,80}" + _ORGAN + r"\)")
# `5万元` / `1.2亿元` / `600元`; tried from a run's first digit only (as `_target`): from every digit of
# a long run not followed by 元 (`9999…所`) the search was quadratic (10,000 digits: 6 s)
_MONEY = regex.compile(r"(?<!\d)\d+(?:\.\d+)?\s*(?:万|萬|亿|億)?\s*元")
# `9月底前` / `11月30日前` / `年底前` / `2026年10月15日` / `2026年8月`
_DATE = regex.compile(r"(?:(?:19|20)\d{2}\s*年\s*)?\d{1,2}\s*月\s*(?:\d{1,2}\s*日|底|末|份|中旬|上旬|下旬)?\s*前"
                      r"|年底前|年内|(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月")
# a category heading grouping items: `教育类(3件)` / `就业创业(3项)` / `教育方面`
_CATEGORY = regex.compile(r"(?:\(\s*\d+\s*[件项個个类]\s*\)|方面|类|類)$")
# section kinds under which numbered headings are steps or measures, never projects
NON_PROJECT_PARENTS = frozenset({"steps", "funding", "safeguards", "responsibility", "deadline",
                                 "principles", "operation", "scope"})
_NOT_TARGET_UNITS = frozenset({"年", "月", "日", "天", "周岁", "岁", "个月", "个工作日", "小时"})


@cache
def _target() -> regex.Pattern:
    """A figure with a measure word: `1500户`, `1.2万人`, `20所`; measure words from lexicon/units.txt
    (dates and durations left out: `2025年`, `3月` are not targets)."""
    raw = resources.files("minshi_extract.lexicon").joinpath("units.txt").read_text("utf-8")
    units = [u.strip() for u in raw.splitlines() if u.strip() and not u.startswith("#")]
    units = sorted((u for u in units if u not in _NOT_TARGET_UNITS and "元" not in u), key=len, reverse=True)
    alt = "|".join(regex.escape(u) for u in units)
    # a figure starts where its digits do (`(?<!\d)`): a match from inside a run of digits is one from
    # its first digit too, and without trying every start inside a long run (`1111…`) the search
    # is linear instead of taking 20 ms on 200 digits
    return regex.compile(r"(?<!\d)\d+(?:\.\d+)?\s*(?:万|萬|亿|億)?\s*(?:余|多)?\s*(?:" + alt + r")(?![\d.])")


@dataclass
class Evidence:
    """What an item's own text shows: unit, target, money, date."""

    unit: bool = False
    target: bool = False
    money: bool = False
    date: bool = False
    titled: bool = False  # the heading's own title names a target or amount (`城镇新增就业9000人`)

    @property
    def score(self) -> int:
        return 2 * self.unit + self.target + self.money + self.date


def evidence(text: str) -> Evidence:
    """Evidence found in `text` (an item's own text, table row cells joined). The pipeline hands
    normalised text; a caller with raw text (責任單位:) gets it read the same way."""
    text = normalize_fragment(text)
    return Evidence(
        unit=bool(_unit_label().search(text) or _UNIT_BRACKET.search(text)),
        target=bool(_target().search(text)),
        money=bool(_MONEY.search(text)),
        date=bool(_DATE.search(text)),
    )


def is_category(title: str) -> bool:
    """`教育类(3件)`, `就业创业(3项)`, `教育方面`: a heading that groups items."""
    return bool(_CATEGORY.search(title.strip()))


@dataclass
class Candidate:
    """One way to read the notice's programmes: a level name and its items with their evidence."""

    name: str  # table | items | heading1..heading4 | inline
    items: list = field(default_factory=list)  # Found objects
    scores: list[Evidence] = field(default_factory=list)
    excluded: list[bool] = field(default_factory=list)  # section-kind / category / under steps
    need_unit: bool = False  # inside a titled plan: a heading is a project only with its own unit
    parents: list = field(default_factory=list)  # heading levels: each item's parent Heading or None
    loose: bool = False  # chosen in choose()'s second pass
    strict: bool = False  # a structural candidate that must qualify like a heading level (inline items under headings)

    @property
    def projects(self) -> int:
        return self.count(self.loose)

    def is_project(self, k: int, loose: bool = False) -> bool:
        """Unit + figure, or two kinds of figures; inside a titled plan a unit or a figure in the
        heading's own title is needed (section headings never carry figures). `loose`: one
        piece of evidence is enough (a news list naming no units)."""
        if self.excluded[k]:
            return False
        ev = self.scores[k]
        if self.need_unit and not (ev.unit or ev.titled):
            return False
        return ev.score >= (1 if loose else 2)

    def count(self, loose: bool = False) -> int:
        return sum(self.is_project(k, loose) for k in range(len(self.items)))


# tie-break: structural detectors (a table's 项目名称 column, continuous numbering) first
_PREFERENCE = ("table", "items", "labels", "heading1", "heading2", "heading3", "heading4", "inline")


def choose(candidates: list[Candidate]) -> Candidate | None:
    """The candidate level whose items look most like projects.

    Structural candidates (`table`, `items`, `inline`: their detector already saw a list shape)
    are eligible as found; heading levels (and `strict` ones: inline items under headings) need 2+ project items making up at least half of their
    items. Among eligible ones the most project items wins, ties going by `_PREFERENCE`. When no
    heading level qualifies and nothing structural was found, a second pass accepts one piece of
    evidence per item. None when nothing is eligible (the caller keeps the one plan).
    """
    for loose in (False, True):
        eligible = []
        for c in candidates:
            n = c.count(loose)
            if not c.items or ((c.strict or c.name.startswith("heading")) and (n < 2 or n * 2 < len(c.items))):
                continue
            eligible.append((n, -_PREFERENCE.index(c.name), c))
        if eligible:
            c = max(eligible, key=lambda t: t[:2])[2]
            c.loose = loose
            return c
    return None
