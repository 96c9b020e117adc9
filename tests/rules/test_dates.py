"""The one date resolver: written dates -> ISO partial dates (RECORDS.md §1)."""

from __future__ import annotations

import pytest

from minshi_extract.rules.dates import find_dates, resolve

# (written, notice year, start, end)
WINDOWS = [
    ("1—2月", 2025, "2025-01", "2025-02"),
    ("(5月—8月15日前)", 2025, "2025-05", "2025-08-15"),
    ("2025年4月16日—2026年6月", 2025, "2025-04-16", "2026-06"),
    ("(12月)", 2025, "2025-12", "2025-12"),
    ("2025年全年", 2025, "2025-01", "2025-12"),
    ("2025年1月—2月", 2025, "2025-01", "2025-02"),
    ("2025年1—3月", 2025, "2025-01", "2025-03"),
    ("11月—次年2月", 2025, "2025-11", "2026-02"),
    ("11月—2月", 2024, "2024-11", "2025-02"),  # the end lies in the next year
    ("2024.01-2024.12", 2024, "2024-01", "2024-12"),  # 建设起止年限 cell
    ("2022-2026年", 2025, "2022", "2026"),
    ("2024", 2024, "2024", "2024"),  # a year-only table cell
    ("2024年", 2026, "2024", "2024"),
    ("2024 年 3 月", 2024, "2024-03", "2024-03"),  # PDF spacing
    ("11月底", 2025, "2025-11", "2025-11"),
    ("12月初", 2023, "2023-12", "2023-12"),
    ("12月中下旬", 2025, "2025-12", "2025-12"),
    ("6月中旬", 2025, "2025-06", "2025-06"),
    ("12月上旬", 2025, "2025-12", "2025-12"),
    ("9月份", 2024, "2024-09", "2024-09"),
    ("十二月", 2025, "2025-12", "2025-12"),
    ("二〇二五年三月", 2025, "2025-03", "2025-03"),
    ("年底", 2026, "2026-12", "2026-12"),
    ("年内", 2025, "2025-01", "2025-12"),
    ("上半年", 2025, "2025-01", "2025-06"),
    ("下半年", 2025, "2025-07", "2025-12"),
    ("三季度末", 2025, "2025-09", "2025-09"),
    ("第三季度", 2025, "2025-07", "2025-09"),
    ("2026年6月底前", 2025, "2026-06", "2026-06"),
    ("2025年4月15日前", 2025, "2025-04-15", "2025-04-15"),
    ("7月31日前", 2023, "2023-07-31", "2023-07-31"),
    ("2025-11-30", 2025, "2025-11-30", "2025-11-30"),
    ("次年3月", 2025, "2026-03", "2026-03"),
    ("5月至10月", 2025, "2025-05", "2025-10"),  # 至 is a range dash
    ("2025年3月—4月", 2025, "2025-03", "2025-04"),
    ("10月份", 2022, "2022-10", "2022-10"),
    ("去年11月", 2023, "2022-11", "2022-11"),  # a past year written relatively
    ("上年12月", 2024, "2023-12", "2023-12"),
]


@pytest.mark.parametrize(("written", "year", "start", "end"), WINDOWS)
def test_resolve_window(written: str, year: int, start: str, end: str) -> None:
    w = resolve(written, year)
    assert w is not None
    assert (w.start, w.end) == (start, end)


# not a single date: durations, schedules, counts, words
NOT_DATES = ["3年内", "三年内完成", "补助2000元", "按照0、6月的程序", "统一月报", "13月", "12个月", "每月", "0月"]


@pytest.mark.parametrize("written", NOT_DATES)
def test_not_a_date(written: str) -> None:
    assert resolve(written, 2025) is None


def test_without_notice_year_only_written_years_resolve() -> None:
    assert resolve("11月底", None) is None
    w = resolve("2025年11月底", None)
    assert w is not None and w.end == "2025-11"


def test_marker_is_not_a_decimal_point() -> None:
    # 1.3月15日前完成: the list marker 1. then 3月15日
    [d] = find_dates("1.3月15日前完成", 2025)
    assert (d.text, d.window.end, d.suffix) == ("3月15日前", "2025-03-15", "前")


def test_later_written_year_carries_on_in_the_line() -> None:
    found = find_dates("2026年3月全面复工,5月完成绿化", 2025)
    assert [d.window.end for d in found] == ["2026-03", "2026-05"]


def test_offsets_point_at_the_date() -> None:
    text = "确保11月底前全面完成"
    [d] = find_dates(text, 2025)
    assert text[d.start : d.end] == d.text == "11月底前"


def test_relative_past_year_counts_as_written() -> None:
    [d] = find_dates("自去年11月启动", 2023)
    assert (d.text, d.window.end, d.window.explicit_year) == ("去年11月", "2022-11", 2022)
    [d] = find_dates("明年3月底前", 2023)
    assert (d.window.end, d.window.explicit_year) == ("2024-03", None)


# a range is only scanned for where a join is followed by what can open a date (the range gate):
# each way an end point can start, read from the text (notice year 2025)
@pytest.mark.parametrize(
    ("written", "start", "end"),
    [
        ("4月—年底", "2025-04", "2025-12"),  # 年底
        ("3月至下半年", "2025-03", "2025-12"),  # 下半年
        ("第一季度—第三季度", "2025-01", "2025-09"),  # 第
        ("5月—二〇二六年2月", "2025-05", "2026-02"),  # a Chinese year
        ("11月—翌年3月", "2025-11", "2026-03"),  # a relative year
        ("1月—十二月", "2025-01", "2025-12"),  # a Chinese month
        ("2024.01 - 2024.12", "2024-01", "2024-12"),  # blanks around the join
    ],
)
def test_every_kind_of_range_end_opens_the_range_scan(written: str, start: str, end: str) -> None:
    found = find_dates(written, 2025)
    assert [(d.text, d.is_range, d.window.start, d.window.end) for d in found] == [(written, True, start, end)]


def test_a_join_before_no_date_scans_no_range() -> None:
    # 至少 / 5-10人: a join, but nothing after it opens a date; the points are still found
    found = find_dates("至少于6月底前完成", 2025)
    assert [(d.text, d.is_range, d.window.end) for d in found] == [("6月底前", False, "2025-06")]
