"""CPU time of each line rule on one notice: every call the pipeline makes, replayed in its order.

    python benchmarks/bench_rules.py [NOTICE] [--runs N] [--cold]

One extraction records each line-rule call (the line, its offset, its context, the candidates'
matches); the calls are then replayed `--runs` times in the same order and each rule's time is the
minimum over the runs (the least disturbed by other processes; record construction included).
The candidates pass over the whole text is timed the same way. `--cold` clears the rules' own
caches of short texts before each run, as for a notice never seen before: a warm benchmark that
repeats one notice must not credit a cache that only pays on the repeat. Default notice: the
founding notice.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _caches() -> list[Callable]:
    """The lru caches of the rules keyed by short texts (numbers, month figures, step windows)."""
    from minshi_extract.rules import dates, numbers, phase

    return [dates._int, numbers._parse_short, numbers._numbers_of_short, phase.step_window]


def record_calls(text: str) -> list[tuple[Callable, tuple]]:
    """Every (rule, args) call one extraction of `text` makes, in order."""
    from minshi_extract import pipeline

    calls: list[tuple[Callable, tuple]] = []
    gated = pipeline._gated_line_rules

    def recording(rule: Callable) -> Callable:
        def call(*args: object) -> list:
            calls.append((rule, args))
            return rule(*args)

        return call

    pipeline._gated_line_rules = lambda: [(recording(rule), name) for rule, name in gated()]
    try:
        pipeline.extract_text(text)
    finally:
        pipeline._gated_line_rules = gated
    return calls


def replay(text: str, runs: int, cold: bool) -> dict[str, float]:
    """Each rule's CPU seconds (min over `runs`), and the candidates pass's."""
    from minshi_extract.rules.candidates import Candidates

    calls = record_calls(text)
    best: dict[str, float] = {}
    clock = time.process_time
    for _ in range(runs):
        if cold:
            for cache in _caches():
                getattr(cache, "cache_clear", lambda: None)()  # a tree without the cache: nothing
        spent: dict[str, float] = {}
        for rule, args in calls:
            t0 = clock()
            rule(*args)
            spent[rule.__name__] = spent.get(rule.__name__, 0.0) + clock() - t0
        t0 = clock()
        Candidates(text)
        spent["candidates pass"] = clock() - t0
        for name, t in spent.items():
            best[name] = min(best.get(name, t), t)
    return best


def main(argv: list[str]) -> int:
    runs = int(argv[argv.index("--runs") + 1]) if "--runs" in argv else 20
    paths = [a for a in argv if not a.startswith("--") and not a.isdigit()]
    path = Path(paths[0]) if paths else ROOT / "corpus" / "wuwei_2025.txt"
    from minshi_extract.ingest import load

    text = load(path).text
    best = replay(text, runs, "--cold" in argv)
    print(f"{path.name}: min of {runs} runs{' (caches cleared each run)' if '--cold' in argv else ''}, CPU ms")
    for name, t in sorted(best.items(), key=lambda kv: -kv[1]):
        print(f"  {name:24s} {t * 1000:6.2f}")
    print(f"  {'total':24s} {sum(best.values()) * 1000:6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
