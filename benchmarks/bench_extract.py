"""Speed and memory of extraction on the corpus (a measurement, not a test).

    python benchmarks/bench_extract.py [FILE ...]

Prints, per file: characters, import-free extraction time (best of N), records, and peak
Python memory (tracemalloc) of one extraction; and whether jieba/spaCy were loaded.
"""

from __future__ import annotations

import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def bench(path: Path, repeat: int = 5) -> None:
    from minshi_extract import extract

    extract(path)  # warm: lexicons and patterns load once
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        notice = extract(path)
        best = min(best, time.perf_counter() - t0)
    tracemalloc.start()
    extract(path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    n = len(notice.text)
    print(
        f"{path.relative_to(ROOT)}: {n} chars, {best * 1000:.1f} ms best of {repeat} "
        f"({n / best / 1e6:.2f} Mchar/s), {len(notice.all_records())} records, peak {peak / 1e6:.1f} MB"
    )


def main(argv: list[str]) -> int:
    t0 = time.perf_counter()
    import minshi_extract  # noqa: F401

    print(f"import minshi_extract: {(time.perf_counter() - t0) * 1000:.0f} ms")
    files = [Path(a).resolve() for a in argv] or sorted(
        p for p in (ROOT / "corpus").rglob("*") if p.suffix in {".txt", ".pdf", ".html", ".docx"} and "bad" not in p.parts
    )
    for f in files:
        bench(f)
    print(f"jieba loaded: {'jieba' in sys.modules}, spacy loaded: {'spacy' in sys.modules}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
