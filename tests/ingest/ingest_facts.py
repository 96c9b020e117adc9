"""Shared facts for the ingest tests: the web text of the founding notice and its four tables."""

from __future__ import annotations

from pathlib import Path

from minshi_extract.normalize import normalize, normalize_fragment

CORPUS = Path(__file__).resolve().parents[2] / "corpus"

# The four attachment tables, read off the notice (附件1, 附件2 of the 残疾人 plan, the 乡村全民健身
# attachment, the HPV attachment). "" is an empty or merged-away cell; "\n" a line break in a cell.
EXPECTED_TABLES = [
    [
        ["县区", "2025年任务(户)", "资金(万元)"],
        ["小计", "155", "54.25"],
        ["凉州区", "80", "28.00"],
        ["民勤县", "45", "15.75"],
        ["天祝县", "30", "10.50"],
        ["古浪县", "0", "0.00"],
    ],
    [
        ["县区", "补助标准\n(万元)", "数量\n(个)", "补助金额\n(万元)", "备注"],
        ["古浪县", "30", "1", "30", ""],
        ["", "", "1", "30", ""],
    ],
    [
        ["序号", "县区", "示范村分配名额(个)", "安置点分配名额(个)"],
        ["1", "凉州区", "4", "6"],
        ["2", "古浪县", "2", "5"],
        ["3", "民勤县", "4", "24"],
        ["4", "天祝县", "3", "15"],
        ["合计", "", "13", "50"],
    ],
    [
        ["县(区)", "初一、初二年级接种女童目标人数\n201191—201391\n期间出生)"],
        ["凉州区", "3433"],
        ["民勤县", "395"],
        ["古浪县", "1201"],
        ["天祝县", "571"],
        ["合计", "5600"],
    ],
]


def body_lines() -> list[str]:
    """Non-furniture lines of the web text: from the doc number (line 8) to the last plan's last
    paragraph (line 1247); lines 1-6 are the portal's metadata block, 1250+ its download link and footer."""
    lines = normalize((CORPUS / "wuwei_2025.txt").read_text(encoding="utf-8"))[0].split("\n")
    return [ln for ln in lines[7:1247] if ln]


def coverage(text: str) -> float:
    got = set(normalize(text)[0].split("\n"))
    ref = body_lines()
    return sum(1 for ln in ref if ln in got) / len(ref)


def norm_rows(rows: list[list[str]]) -> list[list[str]]:
    return [[normalize_fragment(c) for c in row] for row in rows]
