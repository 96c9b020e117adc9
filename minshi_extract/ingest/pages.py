"""Page furniture of a plain-text copy of a PDF (`pdftotext` output, a pasted copy): the running head
printed at the top of every page after the first.

A page ends at a form feed or at a page-number line (`— 2 —`, `-3-`, `第4页`); the first non-blank
line after it is the page's top. A line found at two page tops or more is a running head: each of its
page-top copies goes, except the line's first appearance in the notice (a plan's title that opens a
page and is then repeated as the head of the pages after it stays once, as its title); on the notice's
first line it goes too unless it ends like a title (a gazette's `…公报 2021年第2期`, lexicon/plans.yaml).
"""

from __future__ import annotations

from collections import Counter

import regex

_PAGE_NUMBER = regex.compile(r"[-—–]{1,2}\s*\d{1,3}\s*[-—–]{1,2}|第\s*\d{1,3}\s*页(?:\s*共\s*\d{1,3}\s*页)?")
_MIN_HEAD = 4  # characters: shorter page tops (a lone `附件1`) are content


def _title_ends() -> tuple[str, ...]:
    from ..rules.lexicon import load_yaml

    return tuple(load_yaml("plans.yaml")["title_ends"])


def _page_tops(lines: list[str]) -> list[int]:
    """Indexes of the first non-blank line of every page after the first."""
    tops: list[int] = []
    after_break = False
    for i, line in enumerate(lines):
        s = line.strip(" \t\u3000")
        if line.startswith("\f"):
            after_break = True
            s = s.lstrip("\f").strip(" \t\u3000")
        if not s:
            continue
        if _PAGE_NUMBER.fullmatch(s):
            after_break = True
            continue
        if after_break:
            tops.append(i)
            after_break = False
    return tops


def drop_running_heads(text: str) -> str:
    """`text` without the page-top copies of its running heads; unchanged when it has none."""
    if "\f" not in text and not _PAGE_NUMBER.search(text):
        return text
    lines = text.split("\n")
    tops = _page_tops(lines)
    key = {i: lines[i].strip(" \t\u3000\f") for i in tops}
    seen = Counter(key.values())
    heads = {k for k, n in seen.items() if n >= 2 and len(k) >= _MIN_HEAD}
    if not heads:
        return text
    first: dict[str, int] = {}
    for i, line in enumerate(lines):
        s = line.strip(" \t\u3000\f")
        if s in heads and s not in first:
            first[s] = i
    opening = next((i for i, line in enumerate(lines) if line.strip(" \t\u3000\f")), None)
    ends = _title_ends()
    # the head on the notice's first line too (a gazette's `…公报 2021年第2期`) goes there as well,
    # unless it ends like a title (a plan's title opening the notice and heading its pages)
    drop = {i for i in tops if key[i] in heads and first[key[i]] != i}
    drop |= {i for s, i in first.items() if i == opening and not s.endswith(ends)}
    # the line goes, a form feed opening it stays (the page break is still there)
    return "\n".join(("\f" if line.startswith("\f") else "") if i in drop else line for i, line in enumerate(lines))
