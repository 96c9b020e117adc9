"""Dump every corpus notice's full extraction (all formats) to one JSON file, or compare two dumps.

    python benchmarks/snapshot_records.py dump OUT.json
    python benchmarks/snapshot_records.py diff BEFORE.json AFTER.json

The before/after check of a performance change: the records (all fields), programmes, sections,
attachments and meta of every notice must come out identical. Not a test (it compares against a
dump taken before the change, which lives outside the repository).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SUFFIXES = {".txt", ".pdf", ".html", ".docx"}


def corpus_files() -> list[Path]:
    return sorted(
        p for p in (ROOT / "corpus").rglob("*") if p.suffix in SUFFIXES and "bad" not in p.parts
    )


def dump(out: Path) -> int:
    from minshi_extract import extract

    result: dict[str, object] = {}
    for path in corpus_files():
        notice = extract(path)
        data = notice.model_dump(mode="json")
        data["source"].pop("path", None)
        result[str(path.relative_to(ROOT))] = data
    out.write_text(json.dumps(result, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
    print(f"{len(result)} notices -> {out}")
    return 0


def diff(before: Path, after: Path) -> int:
    a = json.loads(before.read_text(encoding="utf-8"))
    b = json.loads(after.read_text(encoding="utf-8"))
    bad = 0
    for key in sorted(set(a) | set(b)):
        if a.get(key) != b.get(key):
            bad += 1
            print(f"DIFFERS: {key}")
            _first_difference(a.get(key), b.get(key), key)
    print(f"{len(a)} before, {len(b)} after, {bad} differ")
    return 1 if bad else 0


def _first_difference(x: object, y: object, path: str) -> bool:
    if type(x) is not type(y):
        print(f"  {path}: {str(x)[:200]!r} != {str(y)[:200]!r}")
        return True
    if isinstance(x, dict):
        for k in sorted(set(x) | set(y)):  # type: ignore[arg-type]
            if x.get(k) != y.get(k):  # type: ignore[union-attr]
                return _first_difference(x.get(k), y.get(k), f"{path}.{k}")  # type: ignore[union-attr]
    elif isinstance(x, list):
        for i, (u, v) in enumerate(zip(x, y, strict=False)):  # type: ignore[arg-type]
            if u != v:
                return _first_difference(u, v, f"{path}[{i}]")
        if len(x) != len(y):  # type: ignore[arg-type]
            print(f"  {path}: length {len(x)} != {len(y)}")  # type: ignore[arg-type]
            return True
    elif x != y:
        print(f"  {path}: {str(x)[:200]!r} != {str(y)[:200]!r}")
        return True
    return False


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "dump":
        return dump(Path(argv[1]))
    if len(argv) == 3 and argv[0] == "diff":
        return diff(Path(argv[1]), Path(argv[2]))
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
