"""Every compiled pattern of the rules and the structure parser against adversarial text.

    python benchmarks/redos_check.py [LENGTH]

The patterns run without a per-call `timeout=` (it cost a quarter of the extraction time), so each
must stay near-linear on any line. This runs every module-level pattern (and the lexicon-built ones)
with search / finditer / match / fullmatch over strings built to make a backtracking pattern blow
up (long runs of digits, Han characters, separators, brackets, units, dates), with a timeout here
only, and prints the slowest. A pattern over 50 ms on 20,000 characters is reported as RISKY.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
import time

import regex

import minshi_extract.meaning
import minshi_extract.rules
import minshi_extract.structure
import minshi_extract.tables

PIECES = [
    "1", "一", "1.", "1,", "12.5", "万", "元", "万元", "年", "月", "日", "县", "局", "、", "(", ")",
    ":", "%", "比", ":", " ", "至", "—", "第", "件", "是", "于", "前", "底", "和", "及", "其中",
    "牵头单位", "方案", "附件", "2025年", "3月", "人民政府", "镇", "村", "个", "人次", "户",
]


def adversarial(n: int) -> list[str]:
    out = [p * (n // len(p)) for p in PIECES]
    out += [("1" + b) * (n // (1 + len(b))) for b in PIECES]
    out += [p * (n // len(p) // 2) + "!" for p in PIECES]  # a failing end after a long run
    return out


def patterns() -> list[tuple[str, regex.Pattern]]:
    found: list[tuple[str, regex.Pattern]] = []
    for pkg in (minshi_extract.rules, minshi_extract.structure, minshi_extract.tables, minshi_extract.meaning):
        for info in pkgutil.iter_modules(pkg.__path__):
            mod = importlib.import_module(f"{pkg.__name__}.{info.name}")
            for name, obj in vars(mod).items():
                if isinstance(obj, regex.Pattern):
                    found.append((f"{mod.__name__}.{name}", obj))
                elif callable(obj) and hasattr(obj, "cache_info") and obj.__wrapped__.__code__.co_argcount == 0:
                    try:
                        val = obj()
                    except Exception:
                        continue
                    if isinstance(val, regex.Pattern):
                        found.append((f"{mod.__name__}.{name}()", val))
                    for part in ("whole", "tails"):  # structure.lines._LinePatterns
                        if isinstance(getattr(val, part, None), regex.Pattern):
                            found.append((f"{mod.__name__}.{name}().{part}", getattr(val, part)))
    return found


def _time(pat: regex.Pattern, s: str) -> float:
    t0 = time.perf_counter()
    try:
        for _ in pat.finditer(s, timeout=0.2):
            pass
        pat.match(s, timeout=0.2)
        pat.fullmatch(s, timeout=0.2)
    except TimeoutError:
        return 0.2
    return time.perf_counter() - t0


def main(argv: list[str]) -> int:
    """Each pattern on each adversarial text at n and 4n characters: linear work grows 4x,
    quadratic 16x. RISKY: over 20 ms at 4n and growing more than 8x."""
    n = int(argv[0]) if argv else 2000
    small, large = adversarial(n), adversarial(4 * n)
    rows: list[tuple[float, float, str, str]] = []
    for name, pat in patterns():
        worst = (0.0, 0.0, "")
        for a, b in zip(small, large, strict=True):
            t_large = _time(pat, b)
            if t_large > worst[1]:
                worst = (_time(pat, a), t_large, b[:10])
        rows.append((worst[1], worst[1] / max(worst[0], 1e-6), name, worst[2]))
        print(f"{worst[1] * 1000:8.1f} ms {name}", file=sys.stderr, flush=True)
    rows.sort(reverse=True)
    risky = [r for r in rows if r[0] > 0.02 and r[1] > 8]
    for t, growth, name, which in rows[:20]:
        flag = "RISKY" if (t, growth, name, which) in risky else ""
        print(f"{t * 1000:8.1f} ms at {4 * n} chars, x{growth:5.1f} from {n}: {name:55s} {which!r} {flag}")
    print(f"{len(rows)} patterns, {len(large)} adversarial texts; {len(risky)} risky")
    return 1 if risky else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
