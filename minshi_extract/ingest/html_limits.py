"""Limits of an HTML page's markup: its tags and how deep its elements nest, checked by one scan
of the tags before parsing and by one walk of the parsed tree (reading a tree costs its depth for
every element)."""

from __future__ import annotations

import regex as re

from ..limits import MAX_HTML_DEPTH, MAX_HTML_TAGS, MAX_TABLE_DEPTH, check_count

# container elements that nest until closed: their depth bounds BeautifulSoup's tree depth
# (elements a page often leaves open, li td tr p b, are not counted)
_CONTAINERS = frozenset(b"div table span section article ul ol dl blockquote center form font".split())
_TAG = re.compile(rb"<(/?)([A-Za-z][A-Za-z0-9]{0,15})\b[^<>]{0,4096}?(/?)>")


def check_markup(data: bytes, where: str) -> None:
    """Tag count and nesting depth of container elements (and of tables alone: reading a
    table scans every table inside it), by one scan of the tags before any parsing: 100,000
    nested <div>s or 5,000 nested tables are refused (reading them is quadratic in depth or
    worse); unclosed <p>s do not nest and are not counted as depth."""
    depth = peak = count = tables = table_peak = 0
    for m in _TAG.finditer(data):
        count += 1
        name = m.group(2).lower()
        if name not in _CONTAINERS or m.group(3):
            continue
        table = name == b"table"
        if m.group(1):
            depth = max(0, depth - 1)
            tables = max(0, tables - table)
            continue
        depth += 1
        tables += table
        if depth > peak:
            peak = depth
            check_count("nesting depth of the HTML elements", peak, MAX_HTML_DEPTH, where)
        if tables > table_peak:
            table_peak = tables
            check_count("nesting depth of the HTML tables", table_peak, MAX_TABLE_DEPTH, where)
    check_count("HTML tags:", count, MAX_HTML_TAGS, where)


def tree_depth(soup) -> int:
    """How deep the parsed elements nest, by one walk: inline elements left open (`<b>`, `<span>`,
    `<li><b>`) nest in the tree though the tag scan before parsing cannot tell (it does not count
    them: a page closes most by its blocks), and reading a tree costs its depth for every element
    (59,000 open `<b>`s ran past a minute)."""
    from bs4 import Tag

    best, stack = 0, [(soup, 0)]
    while stack:
        el, depth = stack.pop()
        best = max(best, depth)
        if best > MAX_HTML_DEPTH:
            break
        stack.extend((c, depth + 1) for c in el.contents if isinstance(c, Tag))
    return best
