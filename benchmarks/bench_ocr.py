"""Time per page of OCR (issue 13): scanned corpus pages (tests/ingest/scanned.py) read with
Tesseract, without the cache, with 1 and with 2 jobs; and the agreement with the text version.

    python benchmarks/bench_ocr.py [--pages 4] [--jobs 1 2]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "ingest"))

from scanned import CORPUS, scanned_pdf  # noqa: E402
from test_variant_fixtures import agreement  # noqa: E402

from minshi_extract import extract  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=4, help="first pages of wuwei_2025.pdf")
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    args = ap.parse_args()
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
