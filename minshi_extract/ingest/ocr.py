"""OCR of scanned pages (image-only PDF pages, PNG/JPEG/TIFF files) with Tesseract.

Engine: the `tesseract` program with its simplified-Chinese data (Debian: tesseract-ocr,
tesseract-ocr-chi-sim), run once per page with TSV output (word boxes and confidences). Compared
on scanned pages of wuwei_2025.pdf (200 dpi, rotated, noisy, JPEG) with RapidOCR
(rapidocr-onnxruntime 1.4.4, PP-OCRv4 models inside the wheel): the same character error rate
(page 3: 0.049 vs 0.047; page 1: 0.128 vs 0.131) and the same figures read, but RapidOCR took
6.7-7.9 s of CPU per page against Tesseract's 1.0-1.4 s, and gives a confidence per line, not per
word. Tesseract's page segmentation: psm 4 (one column, varying sizes) 0.020 character error,
psm 6 0.021, psm 3 (automatic) 0.099; psm 6 on pages with a ruled table (psm 4 drops cells).

A page goes: render (pypdfium2) -> deskew (projection profile) -> tesseract TSV -> one
character dict per glyph, placed in PDF points like pdfplumber's, so the PDF reader's line/page
pipeline (furniture dropped, lines rejoined, paragraphs) runs on OCR pages unchanged. Each
character carries `conf`, its word's confidence (0-1).
"""

from __future__ import annotations

import contextlib
import csv
import functools
import hashlib
import io
import json
import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import regex as re

from ..errors import InputError
from .ocr_clean import PAGE_NUMBER, clean_chars
from .ocr_tables import erase, find_tables, ruling_lines

_RULES = "#rules "  # the cached text: this line (the page's ruling lines, JSON), then the TSV

Mode = Literal["auto", "always", "never"]
DPI = 200
LANG = "chi_sim"
PREPARE = "gray-deskew-rules-erased-psm-6"  # bump when prepare() changes: the cache keys change with it
TABLE_PSM = "6"
PSM = "4"  # one column of text of varying sizes (see above)
INSTALL = (
    "install the Tesseract engine with its simplified-Chinese data (Debian/Ubuntu: "
    "apt-get install tesseract-ocr tesseract-ocr-chi-sim; macOS: brew install tesseract tesseract-lang) "
    "and the Python side with pip install 'minshi-extract[ocr]'"
)


class OcrUnavailable(InputError):
    """A page needs OCR but the engine (or its Chinese data, or pypdfium2/Pillow) is missing."""


@dataclass(frozen=True)
class OcrOptions:
    mode: Mode = "auto"
    jobs: int = 1
    dpi: int = DPI
    cache: bool = True
    progress: Callable[[int, int], None] | None = None  # (pages done, pages to OCR)
    images: tuple[Any, ...] | None = None  # an image file's frames: OCR'd as they are, not re-rendered


_OPTIONS: ContextVar[OcrOptions | None] = ContextVar("minshi_ocr_options", default=None)


def current() -> OcrOptions:
    return _OPTIONS.get() or OcrOptions()


@contextlib.contextmanager
def options(**kw: Any) -> Iterator[OcrOptions]:
    """Set the OCR options for the reads inside the block: `with options(mode="always", jobs=2): ...`."""
    if kw.get("mode", "auto") not in ("auto", "always", "never"):
        raise InputError(f"--ocr {kw['mode']!r}: expected auto, always or never")
    token = _OPTIONS.set(OcrOptions(**{**current().__dict__, **kw}))
    try:
        yield current()
    finally:
        _OPTIONS.reset(token)


# --- the engine ----------------------------------------------------------------------------------


@functools.cache
def engine_version() -> str:
    """`tesseract 5.3.0` when the engine and its chi_sim data are installed; raises otherwise."""
    exe = shutil.which("tesseract")
    if exe is None:
        raise OcrUnavailable(f"OCR engine not found (no `tesseract` on PATH): {INSTALL}")
    langs = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=60)
    if LANG not in (langs.stdout + langs.stderr).split():
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


def run_tesseract(png: bytes, psm: str = PSM) -> str:
    """The TSV Tesseract writes for one page image."""
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}  # pages run in parallel (-j), not threads inside one
    proc = subprocess.run(
        ["tesseract", "stdin", "stdout", "-l", LANG, "--psm", psm, "tsv"],
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


def _weight(ch: str) -> float:
    return 0.55 if ch.isascii() else 1.0


_RESIDUE = "”“\"'。.,，|丨"


def _off_rules(w: dict, rules: list[list[float]]) -> str:
    """A word's text without the marks Tesseract read in what is left of an erased ruling line
    (`”建设` at a column border)."""
    text = "".join(w["text"].split())
    left, top = float(w["left"]), float(w["top"])
    right, bottom = left + float(w["width"]), top + float(w["height"])
    near = [pos for o, pos, a, b in rules if o == 1 and a - 5 <= (top + bottom) / 2 <= b + 5]
    if text[:1] in _RESIDUE and any(abs(left - x) < 15 for x in near):
        text = text[1:]
    if text[-1:] in _RESIDUE and any(abs(right - x) < 15 for x in near):
        text = text[:-1]
    return text


def parse_tsv(tsv: str, scale: float, page: int, rules: list[list[float]] | None = None) -> list[dict]:
    """Tesseract TSV -> pdfplumber-like character dicts (points); one size and one top/bottom per
    OCR line, each word's box shared out among its characters."""
    lines: dict[tuple[str, str, str], dict] = {}
    words: list[tuple[tuple[str, str, str], dict]] = []
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        key = (row.get("block_num", ""), row.get("par_num", ""), row.get("line_num", ""))
        if row.get("level") == "4":
            lines[key] = row
        elif row.get("level") == "5" and (row.get("text") or "").strip() and float(row.get("conf") or -1) >= 0:
            words.append((key, row))
    words = _real_words(words, lines)
    out: list[dict] = []
    by_line: dict[tuple[str, str, str], list[dict]] = {}
    ends: dict[tuple[str, str, str], float] = {}
    boxes = _line_boxes(words, lines)
    for key, w in words:
        top, height = boxes.get(key) or (float(w["top"]), float(w["height"]))
        text = _off_rules(w, rules) if rules else "".join(w["text"].split())
        if not text:
            continue
        total = sum(_weight(c) for c in text)
        # Tesseract's reading order within a line is right; its boxes of CJK words may overlap or
        # shrink to a stroke: keep the characters in order, each at least a third of an em wide
        left = max(float(w["left"]), ends.get(key, 0.0))
        width = max(float(w["left"]) + float(w["width"]) - left, 0.35 * height * total)
        ends[key] = left + width
        x = left
        for c in text:
            cw = width * _weight(c) / total
            ch = {
                "text": c, "x0": x * scale, "x1": (x + cw) * scale, "top": top * scale,
                "bottom": (top + height) * scale, "size": height * scale, "fontname": "OCR",
                "conf": round(float(w["conf"]) / 100, 4), "page_number": page, "line": "-".join(key),
            }
            x += cw
            by_line.setdefault(key, []).append(ch)
            out.append(ch)
    for key, chars in list(by_line.items()):
        chars.sort(key=lambda c: c["x0"])
        if key in lines:
            _fit(chars, float(lines[key]["left"]) * scale, (float(lines[key]["left"]) + float(lines[key]["width"])) * scale)
        clean_chars(chars)
        if PAGE_NUMBER.match("".join(c["text"] for c in chars)):
            del by_line[key]  # `一3一`: a page number read with its dashes as 一
    return [c for chars in by_line.values() for c in chars]


_PLAIN = re.compile(r"^[\p{Han}0-9A-Za-z]+$")


def _fit(chars: list[dict], left: float, right: float) -> None:
    """Fit a line's characters into the line's box: Tesseract's line box holds its ink, but its
    word boxes of CJK overlap or shrink to a stroke, and laying them end to end can run a line
    past its real end (and past the right margin: a short last line then looks full)."""
    lo, hi = chars[0]["x0"], chars[-1]["x1"]
    if hi <= right + 1e-6 or hi - lo <= 0 or right <= left:
        return
    k = (right - left) / (hi - lo)
    for c in chars:
        c["x0"], c["x1"] = left + (c["x0"] - lo) * k, left + (c["x1"] - lo) * k


def _line_boxes(words: list[tuple[Any, dict]], lines: dict) -> dict[Any, tuple[float, float]]:
    """(top, height) of each OCR line from its words of plain ideographs and digits: brackets and
    quotes stand taller than a line, and would make it look like a heading's. A word's box may
    stand taller than its line's (a stroke joined to the line above): never taller than the line."""
    import statistics

    plain: dict[Any, list[dict]] = {}
    for key, w in words:
        if _PLAIN.match(w["text"].strip()):
            plain.setdefault(key, []).append(w)
    out = {}
    for key, ws in plain.items():
        top, height = statistics.median(float(w["top"]) for w in ws), statistics.median(float(w["height"]) for w in ws)
        if key in lines and height > float(lines[key]["height"]):
            top, height = float(lines[key]["top"]), float(lines[key]["height"])
        out[key] = (top, height)
    return out


def _real_words(words: list[tuple[Any, dict]], lines: dict) -> list[tuple[Any, dict]]:
    """Drop specks Tesseract read as words: Latin letters or digits in boxes far smaller than a
    character, or lines far taller than a line of text (a stamp, a rule, a blot)."""
    import statistics

    heights = [float(lines[k]["height"]) for k, _ in words if k in lines]
    if not heights:
        return words
    em = statistics.median(heights)
    keep = []
    for key, w in words:
        h = float(lines[key]["height"]) if key in lines else float(w["height"])
        tiny = max(float(w["width"]), float(w["height"])) < 0.3 * em
        if (tiny and w["text"].strip().isascii()) or h > 3 * em:  # `、` `。` are small too: kept
            continue
        keep.append((key, w))
    return keep


def snap_sizes(chars: list[dict]) -> None:
    """One body size for lines whose heights are within 15% of the commonest (OCR heights wobble)."""
    from collections import Counter

    sizes = Counter(round(c["size"]) for c in chars if not c["text"].isascii())
    if not sizes:
        return
    body = sizes.most_common(1)[0][0]
    for c in chars:
        if abs(c["size"] - body) <= 0.15 * body:
            c["size"] = float(body)
        else:
            c["size"] = float(round(c["size"]))


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
            img = prepare(render())
            lines = ruling_lines(img, dpi)
            rules = json.dumps([[round(v, 1) for v in r] for r in lines])
            # a ruled table: one uniform block (psm 4 takes the table for a column and drops cells)
            psm = TABLE_PSM if sum(r[0] for r in lines) >= 2 and len(lines) >= 4 else PSM
            futures.append((number, key, rules, pool.submit(run_tesseract, _png(erase(img, lines)), psm)))
        for number, key, rules, fut in futures:
            tsvs[number] = f"{_RULES}{rules}\n{fut.result()}"
            if opts.cache:
                _store(key, tsvs[number])
            done += 1
            if opts.progress:
                opts.progress(done, len(pages))
    parsed = {}
    for number, cached in tsvs.items():
        head, _, tsv = cached.partition("\n")
        rules = json.loads(head[len(_RULES):]) if head.startswith(_RULES) else []
        parsed[number] = (parse_tsv(tsv, scale, number, rules), rules)
    # one body size for the document: OCR line heights wobble from page to page too, and a
    # paragraph running over a page break must keep its size
    snap_sizes([c for chars, _ in parsed.values() for c in chars])
    return {number: find_tables(chars, rules, scale, number) for number, (chars, rules) in parsed.items()}
