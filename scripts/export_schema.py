"""Write schema/notice.schema.json from the pydantic models (tests check it is current)."""

from __future__ import annotations

import json
from pathlib import Path

from minshi_extract.models import Notice


def schema_text() -> str:
    return json.dumps(Notice.model_json_schema(), ensure_ascii=False, indent=1, sort_keys=True) + "\n"


if __name__ == "__main__":
    out = Path(__file__).resolve().parents[1] / "schema" / "notice.schema.json"
    out.write_text(schema_text(), encoding="utf-8")
    print(f"wrote {out}")
