"""The speed table of issue 14: the project against its peers on the same text, in the same run.

    python benchmarks/bench_speed.py [--quick] [--no-growth] [--no-pdf]
    python benchmarks/bench_speed.py [--quick] [--pdf-only] [--memory] [--cold]   # only those sections

Peers (optional, `pip install -e ".[bench]"`): JioNLP `extract_money` / `extract_time`,
Recognizers-Text `recognize_currency`; PDF readers pdfplumber, pypdfium2, PyMuPDF. A missing peer
prints `n/a`. Times are CPU time (process_time), medians of repeated warm runs; MB/s counts UTF-8
bytes. Growth repeats the founding notice to 32 KB .. 4 MB of characters (a 4 MB notice is one
document of 128 copies); peak memory is tracemalloc's peak of one extraction (Python allocations)
and the max RSS of a fresh `minshi-extract extract` of the 4 MB text, beside two baselines (a bare
interpreter, the CLI on the founding notice). Cold CLI runs with bytecode caches written (a
PYTHONDONTWRITEBYTECODE environment recompiles the project's modules in every process). Results go
in benchmarks/RESULTS.md.
"""

from __future__ import annotations

import logging
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEXT = ROOT / "corpus" / "wuwei_2025.txt"
PDF = ROOT / "corpus" / "wuwei_2025.pdf"
SIZES = [32_000, 128_000, 512_000, 1_000_000, 4_000_000]


def cpu_median(fn: Callable[[], object], repeat: int) -> float:
    fn()  # warm
    times = []
    for _ in range(repeat):
        t0 = time.process_time()
        fn()
        times.append(time.process_time() - t0)
    return statistics.median(times)


def _peer(name: str) -> Callable[[str], object] | None:
    """A peer's extractor, or None when its package is not installed (the `bench` extra)."""
    try:
        if name == "jionlp money":
            import jionlp

            return jionlp.ner.extract_money
        if name == "jionlp time":
            import jionlp

            logging.getLogger().setLevel(logging.CRITICAL)  # it logs a traceback per odd span
            return jionlp.ner.extract_time
        if name == "recognizers currency":
            from recognizers_suite import Culture, recognize_currency

            return lambda s: recognize_currency(s, Culture.Chinese)
    except Exception:  # an optional peer that fails to import is just absent
        return None
    return None


def text_table(repeat: int) -> None:
    import regex

    from minshi_extract.ingest import load
    from minshi_extract.pipeline import extract_text

    text = load(TEXT).text
    nbytes = len(text.encode("utf-8"))
    floor = regex.compile(r"\d+(?:\.\d+)?\s*(?:万元|亿元|元|万人|人|户|个|所|公里|%)")
    rows: list[tuple[str, float | None]] = [("minshi-extract extract, all seven types",
                                             cpu_median(lambda: extract_text(text), repeat))]
    for name in ("jionlp money", "jionlp time", "recognizers currency"):
        fn = _peer(name)
        rows.append((name, cpu_median(lambda fn=fn: fn(text), max(3, repeat // 3)) if fn else None))
    rows.append(("one regex pass (number + unit)", cpu_median(lambda: floor.findall(text), repeat)))
    ref = rows[1][1]
    print(f"\n## Founding notice, {len(text):,} characters ({nbytes / 1e6:.3f} MB UTF-8), CPU medians\n")
    print("| what | time | MB/s | vs JioNLP extract_money |")
    print("|---|---|---|---|")
    for name, t in rows:
        if t is None:
            print(f"| {name} | n/a | | |")
            continue
        ratio = f"{t / ref:.2f}" if ref else "n/a"
        print(f"| {name} | {t * 1000:.1f} ms | {nbytes / t / 1e6:.2f} | {ratio} |")


def growth_table(sizes: list[int]) -> None:
    from minshi_extract.ingest import load
    from minshi_extract.pipeline import extract_text

    base = load(TEXT).text
    print("\n## Growth (founding notice repeated), CPU time of one extraction\n")
    print("| characters | time | ms per 1,000 characters | vs 32 KB |")
    print("|---|---|---|---|")
    first = None
    for size in sizes:
        text = _repeat(base, size)
        t = cpu_median(lambda text=text: extract_text(text), 3 if size <= 128_000 else 1)
        per_k = t * 1000 / (len(text) / 1000)
        first = first or per_k
        print(f"| {len(text):,} | {t * 1000:.0f} ms | {per_k:.2f} | {per_k / first:.2f} |")


def _repeat(base: str, size: int) -> str:
    copies = max(1, round(size / len(base)))
    return "\n\n".join([base] * copies)


def memory(size: int) -> None:
    """Peak memory at `size` characters, two ways: tracemalloc's peak of one extraction in this
    process (Python allocations of the extraction alone, lexicons and patterns already loaded), and
    the max RSS of a fresh `minshi-extract extract BIG -o x.json` (everything: interpreter, imports,
    the file, the JSON written), with the max RSS of two baselines to subtract."""
    from minshi_extract.ingest import load
    from minshi_extract.pipeline import extract_text

    base = load(TEXT).text
    text = _repeat(base, size)
    extract_text(base)  # lexicons and patterns loaded: the peak is the extraction's
    tracemalloc.start()
    extract_text(text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    exe = str(Path(sys.executable).with_name("minshi-extract"))
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "big.txt"
        big.write_text(text, encoding="utf-8")
        out = str(Path(tmp) / "x.json")
        runs = {
            "bare interpreter (`python -c pass`)": [sys.executable, "-c", "pass"],
            "extract of the founding notice (imports, lexicons, patterns)": [exe, "extract", str(TEXT), "-o", out],
            f"extract of the {len(text):,}-character text": [exe, "extract", str(big), "-o", out,
                                                            "--max-bytes", str(len(text) * 4)],
        }
        rss = {name: _max_rss(cmd) for name, cmd in runs.items()}
    print(f"\n## Memory at {len(text):,} characters\n")
    print(f"- tracemalloc peak of one extraction (warm process): {peak / 1e6:.0f} MB")
    print("\n| fresh process | max RSS | big run minus this |")
    print("|---|---|---|")
    top = list(rss.values())[-1]
    for name, mb in rss.items():
        minus = "" if mb is None or top is None or mb == top else f"{top - mb:.0f} MB"
        print(f"| {name} | {'failed' if mb is None else f'{mb:.0f} MB'} | {minus} |")


def _max_rss(cmd: list[str]) -> float | None:
    """Max RSS (MB) of `cmd` run as the only child of a fresh wrapper process."""
    wrapper = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL); "
               "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss if r.returncode == 0 else -1)")
    out = subprocess.run([sys.executable, "-c", wrapper, *cmd], capture_output=True, text=True, check=True)
    kb = int(out.stdout.strip())
    return None if kb < 0 else kb / 1024


def pdf_table(repeat: int) -> None:
    import pdfplumber
    import pypdfium2

    from minshi_extract import extract
    from minshi_extract.ingest import load

    data = PDF.read_bytes()
    pages = len(pypdfium2.PdfDocument(data))

    def plumber() -> None:
        with pdfplumber.open(PDF) as pdf:
            for page in pdf.pages:
                page.extract_text()

    def pdfium() -> None:
        doc = pypdfium2.PdfDocument(data)
        for page in doc:
            page.get_textpage().get_text_range()
        doc.close()

    rows: list[tuple[str, float | None]] = [
        ("minshi-extract extract (all records)", cpu_median(lambda: extract(PDF), repeat)),
        ("minshi-extract reader alone (PDF -> text, tables)", cpu_median(lambda: load(PDF), repeat)),
        ("pdfplumber extract_text", cpu_median(plumber, repeat)),
        ("pypdfium2 get_text_range", cpu_median(pdfium, repeat)),
    ]
    try:
        import pymupdf

        def mupdf() -> None:
            with pymupdf.open(stream=data, filetype="pdf") as doc:
                for page in doc:
                    page.get_text()

        rows.append(("PyMuPDF get_text", cpu_median(mupdf, repeat)))
    except ImportError:
        rows.append(("PyMuPDF get_text", None))
    print(f"\n## PDF: founding notice, {pages} pages, CPU medians\n")
    print("| what | time | pages/s |")
    print("|---|---|---|")
    for name, t in rows:
        print(f"| {name} | n/a | |" if t is None else f"| {name} | {t * 1000:.1f} ms | {pages / t:.0f} |")


def cold_cli(repeat: int) -> None:
    exe = Path(sys.executable).with_name("minshi-extract")
    cmds = {
        "python -c pass (the interpreter)": [sys.executable, "-c", "pass"],
        "import minshi_extract.pipeline, .cli, .export": [
            sys.executable, "-c", "import minshi_extract.pipeline, minshi_extract.cli, minshi_extract.export"],
        "minshi-extract --help": [str(exe), "--help"],
        "minshi-extract extract <text notice> --format json": [str(exe), "extract", str(TEXT), "--format", "json"],
    }
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    for cmd in cmds.values():  # bytecode caches written, as in an installed package
        subprocess.run(cmd, capture_output=True, check=True, env=env)
    print("\n## Cold CLI (fresh processes, median and min; CPU = the child's user + system time)\n")
    print("| command | wall median | wall min | CPU median | CPU min |")
    print("|---|---|---|---|---|")
    for name, cmd in cmds.items():
        walls, cpus = [], []
        for _ in range(repeat):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            subprocess.run(cmd, capture_output=True, check=True, env=env)
            walls.append(time.perf_counter() - t0)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        print(f"| `{name}` | {statistics.median(walls):.2f} s | {min(walls):.2f} s | "
              f"{statistics.median(cpus):.2f} s | {min(cpus):.2f} s |")


def machine() -> None:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"Machine: {cpu}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
          f"{platform.system()} {platform.release()}; load average at start {load:.1f}")


def main(argv: list[str]) -> int:
    quick = "--quick" in argv
    machine()
    if "--pdf-only" in argv or "--memory" in argv or "--cold" in argv:  # only these sections
        if "--pdf-only" in argv:
            pdf_table(3 if quick else 7)
        if "--memory" in argv:
            memory(SIZES[2] if quick else SIZES[-1])
        if "--cold" in argv:
            cold_cli(5 if quick else 9)
        return 0
    text_table(5 if quick else 15)
    if "--no-growth" not in argv:
        growth_table(SIZES[:3] if quick else SIZES)
        memory(SIZES[2] if quick else SIZES[-1])
    if "--no-pdf" not in argv:
        pdf_table(3 if quick else 7)
    cold_cli(3 if quick else 5)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
