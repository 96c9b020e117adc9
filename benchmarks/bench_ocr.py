"""Time per page of OCR (issue 13): scanned corpus pages (tests/ingest/scanned.py) read with
Tesseract, without the cache, with 1 and with 2 jobs; and the agreement with the text version.

    python benchmarks/bench_ocr.py [--pages 4] [--jobs 1 2]
    python benchmarks/bench_ocr.py --all [--jobs 2]    # the ten scanned fixtures of tests/ingest/test_ocr.py

`--all` prints, per fixture, F1 against the text version, whether every programme was found and
its title read exactly, and the seconds of Tesseract per page by pass: the page (psm 4, or 6 on a
page with a ruled table), a ruled table's cells read again at two scales (ocr_cells), the second
reading of table figures (eng, digits), and lines read again where the page left ink unread (psm 7);
and the seconds per page of setting misread place names right from the gazetteer (ocr_places).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "ingest"))

from scanned import CORPUS, scanned_pdf  # noqa: E402
from test_ocr import FIXTURES  # noqa: E402
from test_variant_fixtures import agreement  # noqa: E402

from minshi_extract import extract  # noqa: E402
from minshi_extract.evaluate import pair_programmes  # noqa: E402
from minshi_extract.ingest import ocr, ocr_doc  # noqa: E402


def _timed_engine(spent: Counter) -> None:
    run = ocr.run_tesseract

    def timed(png: bytes, psm: str = ocr.PSM, lang: str = ocr.LANG, whitelist: str = "", out: str = "tsv") -> str:
        start, cpu = time.perf_counter(), os.times()
        text = run(png, psm, lang, whitelist, out)
        kind = "digits" if lang != ocr.LANG else "cells" if out == "hocr" else ("line" if psm == "7" else "page")
        spent[kind] += time.perf_counter() - start
        spent[kind + " cpu"] += _children_cpu(os.times()) - _children_cpu(cpu)
        spent[kind + " runs"] += 1
        return text

    ocr.run_tesseract = timed
    places = getattr(ocr_doc, "fix_places", None)  # None: code from before ocr_places
    if places is None:
        return

    def timed_places(raw, readable) -> None:
        start = time.perf_counter()
        places(raw, readable)
        spent["places"] += time.perf_counter() - start
        spent["places runs"] += 1

    ocr_doc.fix_places = timed_places


def all_fixtures(jobs: int) -> None:
    spent: Counter = Counter()
    _timed_engine(spent)
    total_pages = 0
    print(f"{'fixture':20s} {'pages':>5s} {'F1':>6s} {'found':>6s} {'titles':>7s} {'s/page':>7s}")
    scores = []
    with tempfile.TemporaryDirectory() as cache:
        os.environ["MINSHI_OCR_CACHE"] = cache
        for name, (path, pages) in FIXTURES.items():
            text, scan = scanned_pdf(CORPUS / path, pages)
            ref = extract(text)
            t = time.perf_counter()
            got = extract(scan, jobs=jobs)
            wall = time.perf_counter() - t
            n = _count(scan)
            total_pages += n
            f1 = agreement(ref, got)
            scores.append(f1)
            titles = [p.title for p in ref.programmes]
            found = len(pair_programmes(titles, [p.title for p in got.programmes]))
            exact = sum(a == b for a, b in zip(titles, [p.title for p in got.programmes], strict=False))
            print(f"{name:20s} {n:5d} {f1:6.3f} {found:>3d}/{len(titles):<2d} {exact:>3d}/{len(titles):<3d} {wall / n:7.2f}")
    print(f"mean F1 {sum(scores) / len(scores):.3f}, {sum(s >= 0.95 for s in scores)}/{len(scores)} at 0.95 or more")
    for kind in ("page", "cells", "digits", "line"):
        print(f"tesseract {kind:6s}: {spent[kind + ' runs']:3d} runs, {spent[kind] / total_pages:.2f} s a page "
              f"(wall, {jobs} job(s), {total_pages} pages), {spent[kind + ' cpu'] / total_pages:.2f} s of CPU")
    cpu = sum(spent[k + " cpu"] for k in ("page", "cells", "digits", "line"))
    print(f"tesseract in all: {cpu / total_pages:.2f} s of CPU a page (what a loaded machine changes least)")
    print(f"place names (ocr_places, the gazetteer loaded once): {spent['places runs']} documents, "
          f"{spent['places'] / total_pages:.3f} s a page")


def _children_cpu(t: os.times_result) -> float:
    return t.children_user + t.children_system


def _count(pdf: bytes) -> int:
    import pypdfium2 as pdfium

    return len(pdfium.PdfDocument(pdf))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=4, help="first pages of wuwei_2025.pdf")
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--all", action="store_true", help="the ten scanned fixtures of the tests")
    args = ap.parse_args()
    if args.all:
        all_fixtures(args.jobs[-1])
        return
    text, scan = scanned_pdf(CORPUS / "wuwei_2025.pdf", pages=args.pages)
    ref = extract(text)
    for jobs in args.jobs:
        with tempfile.TemporaryDirectory() as cache:
            os.environ["MINSHI_OCR_CACHE"] = cache
            t = time.perf_counter()
            got = extract(scan, jobs=jobs)
            cold = time.perf_counter() - t
            t = time.perf_counter()
            extract(scan, jobs=jobs)
            warm = time.perf_counter() - t
        print(f"jobs={jobs}: {cold / args.pages:.2f} s/page OCR, {warm / args.pages:.3f} s/page from the cache, "
              f"F1 vs text {agreement(ref, got):.3f} ({args.pages} pages)")


if __name__ == "__main__":
    main()
