"""The readers on variant notices rendered with other layouts (`python -m scripts.fixtures variants`).

Each fixture is the .txt beside it, published another way: huzhou_2024.pdf (16pt 28x22, justified,
mirrored margins, running head, `- 3 -`), shouguang_2024.pdf (12pt 35x30, no masthead, `第3页 共3页`,
running foot, `附　件`, the table continued onto the next page with its header repeated),
xinzheng_2026.pdf (A5, ragged lines, 黑体 headings wrapping onto two lines, 3-line title),
shuyang_2023.pdf (12pt 35x30, justified, running foot, 2 pages) and xinzheng_2026.html (a TRS
portal: div#zoom > div.TRS_Editor, `<br>`-joined paragraphs, `&nbsp;` runs, 附件 link list).
The text version is the reference: same programme titles, records agreeing at F1 >= 0.98.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
import regex as re

from minshi_extract import extract
from minshi_extract.evaluate import match_records, pair_programmes
from minshi_extract.ingest import load
from minshi_extract.ingest.pdf import Geometry, Line, measure_pages

VARIANTS = Path(__file__).resolve().parents[2] / "corpus" / "variants"
FILES = [
    "huzhou_2024.pdf",
    "shouguang_2024.pdf",
    "xinzheng_2026.pdf",
    "shuyang_2023.pdf",
    "xinzheng_2026.html",
]
_FURNITURE = re.compile(r"[-—–]\s*\d{1,3}\s*[-—–]|第\s*\d+\s*页|共\s*\d+\s*页")


@cache
def _ref(stem: str):
    return extract(VARIANTS / f"{stem}.txt")


@cache
def _read(name: str):
    return extract(VARIANTS / name)


@pytest.fixture(scope="module", params=FILES)
def pair(request):
    name = request.param
    return name, _ref(name.rsplit(".", 1)[0]), _read(name)


def agreement(ref, got) -> float:
    """F1 of got's records against ref's, top-level and per paired programme (text as reference)."""
    pairs = pair_programmes([p.title for p in ref.programmes], [p.title for p in got.programmes])
    tp = fp = fn = 0
    missed, spurious, t = match_records(ref.records, got.records)
    tp, fp, fn = tp + t, fp + len(spurious), fn + len(missed)
    for i, p in enumerate(ref.programmes):
        pred = got.programmes[pairs[i]].all_records() if i in pairs else []
        missed, spurious, t = match_records(p.all_records(), pred)
        tp, fp, fn = tp + t, fp + len(spurious), fn + len(missed)
    if tp == 0:
        return 0.0
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    return 2 * precision * recall / (precision + recall)


def test_programme_titles_equal_those_of_the_text(pair):
    name, ref, got = pair
    assert [p.title for p in got.programmes] == [p.title for p in ref.programmes], name


def test_records_agree_with_the_text(pair):
    name, ref, got = pair
    # measured after the reader fixes: 1.0 for every file (before: huzhou 0.994, shouguang 0.216,
    # xinzheng 0.991, shuyang 0.100, html 1.0)
    assert agreement(ref, got) >= 0.98, name


def test_records_are_grounded_and_free_of_furniture(pair):
    name, _, got = pair
    for r in got.all_records():
        assert got.text[r.span[0] : r.span[1]] == r.text
        assert not _FURNITURE.search(r.text), (name, r.text)
        assert "\n" not in r.text, (name, r.text)


def test_page_furniture_is_not_in_the_text(pair):
    name, ref, got = pair
    assert not _FURNITURE.search(got.text), name
    # the running head/foot is the issuer's name: no more of it than the web text has
    issuer = ref.meta.issuer or ""
    if issuer:
        assert got.text.count(issuer) <= ref.text.count(issuer) + 1, name  # +1: the title may break after it


def test_a_table_continued_on_the_next_page_is_one_table_without_the_repeated_header():
    doc = load(VARIANTS / "shouguang_2024.pdf")
    assert len(doc.tables) == 1
    rows = doc.tables[0].rows
    assert len(rows) == 8 and rows[0][1] == "项目名称"  # header, 6 projects, 合计
    assert [r[0] or r[1] for r in rows[1:]] == ["1", "2", "3", "4", "5", "6", "合计"]
    assert doc.text.count("项目名称") == 1
    assert "\n附件\n" in doc.text  # printed letter-spaced as `附　件`
    # a cell wrapped inside its column reads as one line; numbers are never split
    assert "\n新建公共停车场6处，停车泊位1500个\n" in doc.text


def test_a_heading_wrapped_onto_two_lines_is_one_line():
    text = load(VARIANTS / "xinzheng_2026.pdf").text
    assert "\n三、提高城乡居民基本医疗保险财政补助标准\n" in text
    assert "\n六、实施农村饮水安全巩固提升工程\n" in text


def _ln(x0: float, x1: float, page: int) -> Line:
    return Line(text="字" * 20, x0=x0, x1=x1, top=0, bottom=16, size=16.0, font="F", page=page)


def test_margins_are_measured_per_page():
    g = Geometry(body=16.0, left=70.0, right=518.0)
    pages = [
        [_ln(102.0, 527.0, 1), _ln(70.0 + 9, 527.0, 1), _ln(102.0 + 9, 300.0, 1)],  # odd page, shifted right
        [_ln(61.0, 509.0, 2), _ln(93.0, 509.0, 2)],  # even page, shifted left
        [_ln(93.0, 509.0, 3), _ln(93.0, 400.0, 3)],  # every line indented: the left edge comes from the width
    ]
    per = measure_pages(pages, g)
    assert (per[1].left, per[1].right) == (79.0, 527.0)
    assert (per[2].left, per[2].right) == (61.0, 509.0)
    assert (per[3].left, per[3].right) == (61.0, 509.0)
