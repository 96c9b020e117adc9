"""Dataset summaries (pandas): counts and money by category, region, notice and year."""

from __future__ import annotations

from pathlib import Path

import pytest

from minshi_extract.cli import main
from minshi_extract.compare import load_notice
from minshi_extract.models import Money, Programme
from minshi_extract.summary import programme_money

pd = pytest.importorskip("pandas")

ROOT = Path(__file__).resolve().parents[1]


def test_programme_money_is_the_largest_amount_that_is_no_rate_and_no_share() -> None:
    total = Money(id="P01-001", text="2.2亿元", span=(0, 5), amount_cny=2.2e8, text_unit="亿元")
    share = Money(text="5000万元", span=(6, 12), amount_cny=5e7, text_unit="万元", part_of="P01-001")
    rate = Money(text="每生每天5元", span=(13, 19), amount_cny=5, text_unit="元", per="生/天")
    assert programme_money(Programme(id="P01", title="x", span=(0, 1), records=[share, total, rate])) == 2.2e8
    assert programme_money(Programme(id="P02", title="y", span=(0, 1), records=[rate])) is None


def test_summaries_of_two_years_of_one_city() -> None:
    from minshi_extract.summary import summaries

    t = summaries([load_notice(ROOT / f"corpus/series/anqiu_{y}.txt") for y in (2024, 2025)])
    assert len(t["programmes"]) == 16
    by_year = t["by_year_category"].set_index(["year", "category"])
    # 2024: 新建改造农村公路150公里 (总投资1.8亿元) and 新建城区公共停车泊位1500个 (no amount)
    assert by_year.loc[(2024, "transport"), "programmes"] == 2
    assert by_year.loc[(2024, "transport"), "money_cny"] == 180_000_000
    # 2025: 中小学和幼儿园 总投资3.1亿元
    assert by_year.loc[(2025, "education"), "money_cny"] == 310_000_000
    assert t["by_region"]["region"].tolist() == ["安丘市"]
    counts = t["by_notice_category"]
    row = next(i for i in counts.index if i.endswith("anqiu_2025.txt"))
    assert counts.loc[row, "women_children"] == 1  # 新增普惠性托育托位600个


def test_cli_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc = main(["summary", str(ROOT / "corpus/series/jiande_2025.txt"), "--table", "by_category",
               "--csv", str(tmp_path)])
    assert rc == 0
    out = capsys.readouterr().out
    assert "culture_sports" in out and "== by_category" in out
    assert (tmp_path / "programmes.csv").is_file()


def test_cli_summary_nothing_to_read(tmp_path: Path) -> None:
    assert main(["summary", str(tmp_path)]) == 2


def test_cli_summary_skips_bad_files_in_a_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "jiande_2026.txt").write_bytes((ROOT / "corpus/series/jiande_2026.txt").read_bytes())
    assert main(["summary", str(tmp_path), "--table", "by_region"]) == 0
    out = capsys.readouterr()
    assert "skipped:" in out.err and "empty.txt" in out.err
    assert "建德市" in out.out
