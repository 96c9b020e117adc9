"""Hostile inputs at the issue's full sizes through the CLI (a measurement, not a test).

    python benchmarks/bench_hostile.py [NAME ...] [--scaling]   # NAMEs of hostile_fixtures.MAKERS

Each fixture is made in a temporary folder and run as `minshi-extract extract FILE -o OUT` in a
child process; printed per fixture: exit code, wall and CPU seconds, peak memory (max RSS of the
child) and the error line. Also the scaling of plain text (2 to 50 MB: linear time) and
`--max-bytes` refusing 50 MB + 1 byte. Targets (issue 15): every fixture within 30 s, under 1 GB,
exit 0 or 2, never 3.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # helpers.py
sys.path.insert(0, str(ROOT / "tests" / "hostile"))

import hostile_fixtures as hf  # noqa: E402

LIMIT_S = 30.0


def run(path: Path, *extra: str, timeout: float = 900.0) -> tuple[int, float, float, float, str]:
    """(exit code, wall s, cpu s, peak MB, first stderr line) of one CLI run in its own child process."""
    out = path.with_suffix(path.suffix + ".json")
    cmd = [sys.executable, "-m", "minshi_extract.cli", "extract", str(path), "-o", str(out), *extra]
    t0 = time.perf_counter()
    with tempfile.TemporaryFile("w+") as err_file:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err_file, text=True)
        deadline = t0 + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.05)
        proc.returncode = os.waitstatus_to_exitcode(status)
        err_file.seek(0)
        err = (err_file.read().splitlines() or [""])[0]
    wall = time.perf_counter() - t0
    code = proc.returncode if wall <= timeout else -1
    out.unlink(missing_ok=True)
    return code, wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, err


def main(argv: list[str]) -> int:
    scaling = "--scaling" in argv
    argv = [a for a in argv if a != "--scaling"]
    names = argv[1:] or list(hf.MAKERS)
    bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        print(f"{'fixture':28} {'exit':>4} {'wall s':>7} {'cpu s':>7} {'peak MB':>8}  message")
        for name in names:
            path = Path(tmp) / name
            path.write_bytes(hf.MAKERS[name]())
            code, wall, cpu, peak, err = run(path)
            ok = code in (0, 2) and cpu <= LIMIT_S and peak < 1024
            bad += not ok
            print(f"{name:28} {code:>4} {wall:7.1f} {cpu:7.1f} {peak:8.0f}  {'' if ok else 'OVER '}{err[:110]}")
            path.unlink()
        if argv[1:] and not scaling:
            return 1 if bad else 0
        print("\nplain text, linear time (MB -> cpu s, s per MB):")
        for mb in (2, 8, 32, 50) if not argv[1:] or scaling else ():
            path = Path(tmp) / f"lf_{mb}.txt"
            path.write_bytes(hf.lf_text(mb))
            code, wall, cpu, peak, err = run(path)
            print(f"  {mb:3} MB  exit {code}  wall {wall:6.1f} s  cpu {cpu:6.1f} s  {cpu / mb:5.2f} s/MB  "
                  f"peak {peak:5.0f} MB  {err[:80]}")
            path.unlink()
        path = Path(tmp) / "over.txt"
        path.write_bytes(hf.lf_text(50) + b"x" * (50 * 1024 * 1024 - len(hf.lf_text(50)) + 1))
        code, wall, cpu, _, err = run(path)
        print(f"  50 MB + 1 byte: exit {code} in {wall:.1f} s: {err[:100]}")
    print(f"\nload average {os.getloadavg()[0]:.1f}; {bad} fixture(s) over a target")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
