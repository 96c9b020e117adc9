"""The number reader against cn2an as an oracle: for every Chinese numeral both accept, they agree."""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minshi_extract.rules.numbers import find_numbers, parse_number

cn2an = pytest.importorskip("cn2an")

_ALPHABET = "零一二两三四五六七八九十百千万亿点"


def _oracle(s: str) -> Decimal | None:
    try:
        return Decimal(str(cn2an.cn2an(s, "normal")))
    except (ValueError, KeyError, IndexError):
        return None


@settings(max_examples=400, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_integers_written_by_cn2an_read_back(n: int) -> None:
    assert parse_number(cn2an.an2cn(n)) == n


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=1, max_value=999))
def test_decimals_written_by_cn2an_read_back(whole: int, frac: int) -> None:
    x = Decimal(f"{whole}.{frac}")
    assert parse_number(cn2an.an2cn(str(x))) == x


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet=_ALPHABET, min_size=1, max_size=8))
def test_any_numeral_both_accept_has_one_value(s: str) -> None:
    # cn2an drops a bare 十 group after 亿 or 万 (一亿十万 -> 100000000, yet 一亿一十万 -> 100100000;
    # 一万十亿一千一 -> 1000000001100, yet 一万一十亿一千一 -> 1001000001100): there the oracle is
    # wrong, and the two-digit form is compared instead
    s_oracle = s.replace("亿十", "亿一十").replace("万十", "万一十")
    ours, theirs = parse_number(s), _oracle(s_oracle)
    if ours is not None and theirs is not None:
        # cn2an answers in a float: past its 15-16 significant digits (七万亿点一一一一) only the float
        # it could give is comparable
        assert ours == theirs or float(ours) == float(theirs), s


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("三点五万", Decimal(35000)),  # was 50000
        ("百分之六点五", Decimal("6.5")),  # was 6
        ("一万五", Decimal(15000)),  # was 10005
        ("两千五", Decimal(2500)),
        ("三百五", Decimal(350)),
        ("一万零五", Decimal(10005)),
        ("一点二亿", Decimal(120000000)),
        ("零点三", Decimal("0.3")),
    ],
)
def test_short_and_decimal_numerals(text: str, value: Decimal) -> None:
    assert parse_number(text) == value
    (m,) = find_numbers(f"安排{text}元")
    assert (m.text, m.value) == (text, value)
