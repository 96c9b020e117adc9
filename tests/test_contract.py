"""The contract in docs/RECORDS.md, the models and the JSON Schema stay in step."""

import inspect
import json
import re
from pathlib import Path

from pydantic import BaseModel

from minshi_extract import models

ROOT = Path(__file__).resolve().parent.parent
RECORDS_MD = (ROOT / "docs" / "RECORDS.md").read_text(encoding="utf-8")
RECORD_CLASSES = {
    "quantity": models.Quantity, "money": models.Money, "ratio": models.Ratio,
    "percentage": models.Percentage, "phase": models.Phase, "deadline": models.Deadline,
    "responsibility": models.Responsibility,
}
COMMON = ("id", "part_of", "type", "programme_id", "part", "section", "text", "span")


def _public_models() -> list[type[BaseModel]]:
    return [c for _, c in inspect.getmembers(models, inspect.isclass)
            if issubclass(c, BaseModel) and c.__module__ == models.__name__ and not c.__name__.startswith("_")]


def test_every_field_has_a_description() -> None:
    missing = [f"{c.__name__}.{f}" for c in _public_models() for f, i in c.model_fields.items() if not i.description]
    assert missing == []


def test_record_fields_of_the_contract_table_are_the_models_fields() -> None:
    for rtype, cls in RECORD_CLASSES.items():
        row = re.search(rf"^\| {rtype} \| ([^|]+) \|", RECORDS_MD, re.M)
        assert row, f"docs/RECORDS.md §2 has no row for {rtype}"
        cell = re.sub(r"\([^)]*\)|\[[^]]*\]", "", row.group(1))
        documented = {re.match(r"\s*([a-z_]+)", f).group(1) for f in cell.split(",") if f.strip()}
        own = set(cls.model_fields) - set(COMMON) - {"page", "confidence"}
        assert documented == own, rtype


def test_common_record_fields_are_documented() -> None:
    section2 = RECORDS_MD[RECORDS_MD.index("## 2. Records"):RECORDS_MD.index("## 3.")]
    for name in COMMON:
        assert f"`{name}`" in section2, name


def test_schema_file_is_current() -> None:
    on_disk = json.loads((ROOT / "schema" / "notice.schema.json").read_text(encoding="utf-8"))
    assert on_disk == models.Notice.model_json_schema()
    assert on_disk["properties"]["schema_version"]["default"] == "2"
