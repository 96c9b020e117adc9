"""Inter-annotator agreement on item / what / source (issue 9).

docs/agreement/ holds a second annotation of a sample of gold notices, made blind to the first (the
annotator saw neither the gold values nor the extractor); docs/agreement/money2/ a third, of the same
sample's money records only, made after the rate hard cases were sharpened. This prints, per field, how
often each agrees with the gold: exact, and lenient (the head-noun measure `eval` uses).

usage: python scripts/annotator_agreement.py
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from minshi_extract.agreement import FIELDS, exact, lenient

ROOT = Path(__file__).resolve().parent.parent


def _groups(doc: dict) -> list[list[dict]]:
    return [doc["records"]] + [p["records"] for p in doc["programmes"]]


def agreement(folder: Path, types: frozenset[str] | None = None) -> dict[str, list[int]]:
    """[n, exact, lenient] per TYPE.FIELD between the annotations in `folder` and the gold."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for second in sorted(folder.glob("*.json")):
        first = json.loads((ROOT / "gold" / "variants" / second.name).read_text(encoding="utf-8"))
        other = json.loads(second.read_text(encoding="utf-8"))
        for ga, gb in zip(_groups(first), _groups(other), strict=True):
            for a, b in zip(ga, gb, strict=True):
                if types is not None and a["type"] not in types:
                    continue
                for name in FIELDS.get(a["type"], ()):
                    c = counts[f"{a['type']}.{name}"]
                    c[0] += 1
                    c[1] += exact(a.get(name), b.get(name))
                    c[2] += lenient(a.get(name), b.get(name))
    return counts


def report(title: str, counts: dict[str, list[int]]) -> None:
    total = [sum(c[i] for c in counts.values()) for i in range(3)]
    print(title)
    print(f"{'field':<18} {'n':>4} {'exact':>6} {'lenient':>7}")
    for key, (n, e, le) in [*sorted(counts.items()), ("all", total)]:
        print(f"{key:<18} {n:>4} {e / n:>6.3f} {le / n:>7.3f}")


def main() -> None:
    folder = ROOT / "docs" / "agreement"
    report("second annotator (all fields) vs gold", agreement(folder))
    report("\nthird annotator (money, sharpened rate cases) vs gold", agreement(folder / "money2", frozenset({"money"})))


if __name__ == "__main__":
    main()
