import json
from pathlib import Path

import pytest
from pydantic import TypeAdapter, ValidationError

from minshi_extract.models import Money, Notice, Quantity, Record, dedupe, record_key

ROOT = Path(__file__).resolve().parents[1]


def test_committed_schema_is_current() -> None:
    committed = json.loads((ROOT / "schema" / "notice.schema.json").read_text(encoding="utf-8"))
    assert committed == Notice.model_json_schema(), "run: python scripts/export_schema.py"


def test_records_are_a_discriminated_union() -> None:
    rec = TypeAdapter(Record).validate_python(
        {"type": "money", "amount_cny": 468000000, "text_unit": "亿元", "text": "4.68亿元", "span": [5, 11]}
    )
    assert isinstance(rec, Money) and rec.span == (5, 11)
    with pytest.raises(ValidationError):
        TypeAdapter(Record).validate_python({"type": "money", "amount_cny": 1, "text_unit": "美元", "text": "x", "span": [0, 1]})


def test_integral_values_stay_integers_in_json() -> None:
    q = Quantity(value=17000, unit="人", text="1.7万人", span=(0, 5))
    assert json.loads(q.model_dump_json())["value"] == 17000
    assert isinstance(json.loads(q.model_dump_json())["value"], int)


def test_dedupe_keeps_first_of_each_key() -> None:
    a = Quantity(value=3, unit="年", text="3年", span=(0, 2))
    b = Quantity(value=3, unit="年", qualifier="at_least", text="3年以上", span=(9, 13))
    c = Quantity(value=3, unit="年", region="民勤县", text="民勤县3年", span=(20, 25))
    assert dedupe([a, b, c]) == [a, c]
    assert record_key(a) == record_key(b) != record_key(c)
