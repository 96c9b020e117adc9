"""Long runs of one piece on a line (the shapes that make a backtracking pattern blow up) go through
the whole pipeline and give grounded records. The patterns run without a per-call timeout except
the few that benchmarks/redos_check.py finds superlinear; a pattern that went exponential here would
hang this test rather than pass it."""

from __future__ import annotations

import pytest

from minshi_extract.pipeline import extract_text

PIECES = ["x ", "(", "1.", "底", "%", "2025年", "13月", "户", "、", "县", "1至", "月", "1方案", "万元",
          "牵头单位:", "12025年", "3月底前", "1:1", "(县人社局、", "一、", "是"]


@pytest.mark.parametrize("piece", PIECES)
def test_a_long_run_gives_grounded_records(piece: str) -> None:
    line = piece * (4000 // len(piece))
    notice = extract_text(f"一、目标任务\n{line}\n")
    assert line.strip() in notice.text
    for rec in notice.all_records():
        assert notice.text[rec.span[0]:rec.span[1]] == rec.text
