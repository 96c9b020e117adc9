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

import minshi_extract.rules
import minshi_extract.structure

PIECES = [
    "1", "一", "1.", "1,", "12.5", "万", "元", "万元", "年", "月", "日", "县", "局", "、", "(", ")",
    ":", "%", "比", ":", " ", "至", "—", "第", "件", "是", "于", "前", "底", "和", "及", "其中",
    "牵头单位", "方案", "附件", "2025年", "3月", "人民政府", "镇", "村", "个", "人次", "户",
]


def adversarial(n: int) -> list[str]:
    out = [p * (n // len(p)) for p in PIECES]
    out += [(a + b) * (n // (len(a) + len(b))) for a in ("1", "一", "县", "(", "、") for b in PIECES]
    out += [p * (n // len(p) // 2) + "!" for p in PIECES]  # a failing end after a long run
    return out


def patterns() -> list[tuple[str, regex.Pattern]]:
    found: list[tuple[str, regex.Pattern]] = []
    for pkg in (minshi_extract.rules, minshi_extract.structure):
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
    return found


def main(argv: list[str]) -> int:
    n = int(argv[0]) if argv else 20000
    texts = adversarial(n)
    worst: list[tuple[float, str, str]] = []
    for name, pat in patterns():
        slowest, which = 0.0, ""
        for s in texts:
            t0 = time.perf_counter()
            try:
                for m in pat.finditer(s, timeout=2.0):
                    pat.fullmatch(s, m.start(), timeout=2.0)
                pat.match(s, timeout=2.0)
                pat.fullmatch(s, timeout=2.0)
            except TimeoutError:
                pass
            dt = time.perf_counter() - t0
            if dt > slowest:
                slowest, which = dt, s[:12]
        worst.append((slowest, name, which))
    worst.sort(reverse=True)
    for dt, name, which in worst[:25]:
        flag = "RISKY" if dt > 0.05 else ""
        print(f"{dt * 1000:9.1f} ms  {name:60s} {which!r} {flag}")
    print(f"{len(worst)} patterns, {len(texts)} texts of {n} characters")
    return 1 if worst and worst[0][0] > 0.05 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
