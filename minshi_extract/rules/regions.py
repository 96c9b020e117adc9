"""Region names (county-level divisions and above) and regional shares of a figure.

A figure carries a `region` only when it is a regional share (GUIDELINES.md quantity):
`凉州区10000人、民勤县2300人` (two or more regions splitting figures in one sentence),
`民勤县、天祝县各3个` (one record per county), or an attachment-table row.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import regex
import yaml

from minshi_extract.rules.numbers import TIMEOUT

LEXICON = Path(__file__).resolve().parent.parent / "lexicon"


@cache
def exclusions() -> dict:
    """lexicon/exclusions.yaml, loaded once."""
    return yaml.safe_load((LEXICON / "exclusions.yaml").read_text(encoding="utf-8")) or {}


@cache
def region_names() -> frozenset[str]:
    """All names of lexicon/regions.txt except the generic ones (城区, 郊区)."""
    generic = set(exclusions().get("generic_regions", []))
    names = set()
    for line in (LEXICON / "regions.txt").read_text(encoding="utf-8").splitlines():
        name = line.strip()
        if name and not name.startswith("#") and name not in generic:
            names.add(name)
    return frozenset(names)


@cache
def region_pattern() -> str:
    """Alternation of all region names, longest first (天祝藏族自治县 before 天祝县)."""
    names = sorted(region_names(), key=len, reverse=True)
    return "(?:" + "|".join(regex.escape(n) for n in names) + ")"


@cache
def _region_list_re() -> regex.Pattern:
    # 凉州区 / 民勤县、古浪县、天祝县 / 民勤县、天祝县 at the end of the text before a figure;
    # a short connector may follow: 各 (民勤县、天祝县各3个), 按照 (凉州区按照不少于4000平方米), 为, 共
    r = region_pattern()
    return regex.compile(rf"(?P<list>{r}(?:[、和及]{r})*)(?P<link>各|按照|按|为|共|计|:)?$")


def is_region(name: str) -> bool:
    """True when `name` (blanks removed) is a region of the lexicon: `凉州区`, `民勤县`."""
    return "".join(name.split()) in region_names()


@dataclass(frozen=True)
class RegionShare:
    """Regions written directly before a figure, and where their list starts."""

    names: tuple[str, ...]
    start: int  # offset in the text of the first region name
    each: bool  # written with 各: every region gets the figure


def regions_before(text: str, pos: int, window: int = 60) -> RegionShare | None:
    """The region list ending right at `pos` (`凉州区|10000人`, `民勤县、天祝县各|3个`)."""
    lo = max(0, pos - window)
    m = _region_list_re().search(text[lo:pos], timeout=TIMEOUT)
    if not m:
        return None
    names = tuple(regex.findall(region_pattern(), m.group("list"), timeout=TIMEOUT))
    each = m.group("link") == "各"
    if len(names) > 1 and not m.group("link"):
        return None  # 凉州区、民勤县、古浪县、天祝县4个县区: a list with its total, not shares
    return RegionShare(names, lo + m.start(), each)


def sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """The sentence around `pos`: bounded by 。 ; ! ? or a line break."""
    stops = "。;；!?！？\n"
    a = max(text.rfind(c, 0, pos) for c in stops) + 1
    ends = [i for i in (text.find(c, pos) for c in stops) if i != -1]
    return a, (min(ends) if ends else len(text))


def count_share_regions(text: str, figure_starts: list[int], lo: int, hi: int) -> int:
    """How many regions in text[lo:hi] stand directly before one of the figures."""
    total = 0
    for start in figure_starts:
        if lo <= start < hi:
            share = regions_before(text, start)
            if share and share.start >= lo:
                total += len(share.names)
    return total
