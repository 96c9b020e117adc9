"""Merge per-annotator gold fragments (gold/_work/NAME.gN.json) into gold/NAME.json.

Annotation is split by programme across annotators; this only concatenates their
hand-written records in document order and adds the hand-written meta. It never
reads extractor output.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def main(name: str, meta_file: str) -> None:
    work = Path("gold/_work")
    cover: list = []
    progs: list = []
    for frag in sorted(work.glob(f"{name}.g[0-9]*.json")):
        data = json.loads(frag.read_text(encoding="utf-8"))
        cover.extend(data.get("records", []))
        progs.extend(data["programmes"])
    meta = json.loads(Path(meta_file).read_text(encoding="utf-8"))
    out = {"corpus_file": f"{name}.txt", "meta": meta, "records": cover, "programmes": progs}
    Path(f"gold/{name}.json").write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"gold/{name}.json: {len(progs)} programmes, {len(cover)} cover records, "
          f"{sum(len(p['records']) for p in progs)} programme records")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
