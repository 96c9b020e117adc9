"""Where a big extraction's memory goes, phase by phase (issue 14).

    python benchmarks/memory_phases.py [FILE]   # default: the founding notice repeated to 4 MB

Runs `minshi-extract extract FILE -o <tmp>.json` in this process (as the CLI does) and prints, before
and after each phase (load, normalize, build_skeleton, apply_rules, categorise) and at the end, the
resident set (RSS, /proc/self/statm), the max RSS so far and the number of Python memory blocks.
The max RSS at the end is what a user sees (`bench_speed.py --memory` measures it in a fresh process).
Linux only (/proc).
"""

from __future__ import annotations

import resource
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TEXT = ROOT / "corpus" / "wuwei_2025.txt"
LOG: list[tuple[str, float, float, int]] = []


def _mark(name: str) -> None:
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    LOG.append((name, pages * resource.getpagesize() / 2**20, peak, sys.getallocatedblocks()))


def _watch(module: Any, name: str) -> None:
    fn: Callable[..., Any] = getattr(module, name)

    def watched(*args: Any, **kw: Any) -> Any:
        _mark(f"before {name}")
        try:
            return fn(*args, **kw)
        finally:
            _mark(f"after {name}")

    setattr(module, name, watched)


def main(argv: list[str]) -> int:
    _mark("start")
    import minshi_extract.cli
    import minshi_extract.pipeline as pipeline
    import minshi_extract.structure as structure

    _mark("imports")
    for name in ("load", "normalize", "apply_rules", "categorise"):
        _watch(pipeline, name)
    _watch(structure, "build_skeleton")
    with tempfile.TemporaryDirectory() as tmp:
        if argv:
            src = label = argv[0]
        else:  # written copy by copy: the process never holds the big text before the CLI reads it
            base = TEXT.read_text(encoding="utf-8")
            copies = round(4_000_000 / len(base))
            src, label = str(Path(tmp) / "big.txt"), f"the founding notice x {copies}"
            with open(src, "w", encoding="utf-8") as f:
                for k in range(copies):
                    f.write(("\n\n" if k else "") + base)
        size = Path(src).stat().st_size
        _mark("input written")
        code = minshi_extract.cli.main(["extract", src, "-o", str(Path(tmp) / "x.json"), "--max-bytes",
                                        str(size + 1)])
    _mark("end")
    print(f"{label}: {size:,} bytes\n")
    print("| point | RSS | max RSS so far | Python blocks |")
    print("|---|---|---|---|")
    for name, rss, peak, blocks in LOG:
        print(f"| {name} | {rss:.1f} MB | {peak:.1f} MB | {blocks / 1e6:.2f} M |")
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
