"""Walking WordprocessingML (word/document.xml) as a reader sees it.

python-docx reads a paragraph's text from its direct runs and hyperlinks only, and a table's rows and
cells from its direct children: text a writer wrapped in a content control (`w:sdt`), a smart tag, a
custom-XML element, a tracked insertion (`w:ins`) or a simple field is lost without a word, and so are
rows and cells inside a content control and tables nested in a cell. The walkers here go through those
wrappers (iteratively: a file nesting them thousands deep costs a loop, not the stack) and skip what a
reader does not see (deleted text, text moved away).
"""

from __future__ import annotations

from collections.abc import Iterator

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# elements whose content stands where they stand (a content control's is in its w:sdtContent)
_WRAPPERS = frozenset(f"{_W}{t}" for t in ("sdt", "sdtContent", "customXml", "smartTag"))
# inside a paragraph, besides those: runs grouped by a link, a tracked insertion, a field, a direction
_RUN_WRAPPERS = _WRAPPERS | frozenset(
    f"{_W}{t}" for t in ("hyperlink", "ins", "moveTo", "fldSimple", "bdo", "dir")
)
_RUN_TEXT = {f"{_W}t": None, f"{_W}tab": "\t", f"{_W}ptab": "\t", f"{_W}cr": "\n", f"{_W}noBreakHyphen": "-"}


def children(el, tags: frozenset[str], wrappers: frozenset[str] = _WRAPPERS) -> Iterator:
    """The elements with a tag in `tags` under `el`, in document order, looking through wrappers."""
    stack = [el.iterchildren()]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif child.tag in tags:
            yield child
        elif child.tag in wrappers:
            stack.append(child.iterchildren())


_BR = f"{_W}br"
_RUN = frozenset({f"{_W}r"})


def paragraph_text(p) -> str:
    """The visible text of a w:p: every run, also inside links, content controls, smart tags, fields
    and tracked insertions; not deleted or moved-away text (w:del, w:moveFrom are not looked into)."""
    out: list[str] = []
    for r in children(p, _RUN, _RUN_WRAPPERS):
        for c in r.iterchildren():
            if c.tag == _BR:  # a line break; a page or column break is no text
                out.append("" if c.get(f"{_W}type", "textWrapping") != "textWrapping" else "\n")
            elif c.tag in _RUN_TEXT:
                out.append(_RUN_TEXT[c.tag] or c.text or "")
    return "".join(out)


TR = frozenset({f"{_W}tr"})
TC = frozenset({f"{_W}tc"})
P_OR_TBL = frozenset({f"{_W}p", f"{_W}tbl"})


def cell_lines(tc) -> Iterator[str]:
    """The text lines of a w:tc: one a paragraph; a table nested in the cell gives its cells' lines in
    reading order (its rows are not rows of the outer table)."""
    stack = [children(tc, P_OR_TBL)]
    while stack:
        el = next(stack[-1], None)
        if el is None:
            stack.pop()
        elif el.tag == f"{_W}p":
            yield paragraph_text(el)
        else:
            stack.append(_chain(children(c, P_OR_TBL) for tr in children(el, TR) for c in children(tr, TC)))


def _chain(gens: Iterator[Iterator]) -> Iterator:
    for g in gens:
        yield from g


def nested_tables(tbl) -> list:
    """The tables nested in the cells of a w:tbl (not in those tables' own cells), in reading order."""
    out = []
    for tr in children(tbl, TR):
        for tc in children(tr, TC):
            out.extend(el for el in children(tc, P_OR_TBL) if el.tag == f"{_W}tbl")
    return out
