"""The number reader: real figures from the founding notice and the issue-6 variants."""

from decimal import Decimal

import pytest

from minshi_extract.rules.numbers import find_numbers, parse_number, to_number

PARSE = [
    ("1.7万", 17000),
    ("4.68亿", 468000000),
    ("51637.29万", 516372900),
    ("54.25万", 542500),
    ("0.12亿", 12000000),
    ("1080", 1080),
    ("1,080", 1080),
    ("1 0 0 0", 1000),  # PDF spacing
    ("1 0 0 0万", 10000000),
    ("28.00", 28),
    ("15.75", 15.75),
    ("一千零八十", 1080),
    ("两万", 20000),
    ("三千", 3000),
    ("十五", 15),
    ("一", 1),
    ("百分之二十", 20),
    ("百分之六十", 60),
    ("1.8萬", 18000),  # traditional scale word
    ("两億", 200000000),
]


@pytest.mark.parametrize(("written", "expected"), PARSE)
def test_parse_number(written: str, expected: int | float) -> None:
    value = parse_number(written)
    assert value is not None
    assert to_number(value) == expected
    assert type(to_number(value)) is type(expected)


@pytest.mark.parametrize("written", ["", "元", "万元", "abc", "1.8万余"])
def test_parse_number_rejects(written: str) -> None:
    assert parse_number(written) is None


def test_exact_decimal() -> None:
    assert parse_number("20.16万") == Decimal("201600")
    assert to_number(parse_number("0.3亿")) == 30000000


FIND = [
    ("凉州区10000人、民勤县2300人", ["10000", "2300"]),
    ("2024 年, 10 件", ["2024", "10"]),
    ("资金1 0 0 0万元", ["1 0 0 0万"]),
    ("为一千零八十个家庭", ["一千零八十"]),
    ("接种率达到百分之六十", ["百分之六十"]),
    ("全省万名干部进万家", []),  # a bare 万 is a word, not a numeral
]


@pytest.mark.parametrize(("text", "expected"), FIND)
def test_find_numbers(text: str, expected: list[str]) -> None:
    found = find_numbers(text)
    assert [n.text for n in found] == expected
    for n in found:
        assert text[n.start:n.end] == n.text
