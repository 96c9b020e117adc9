"""The OCR options of a read (`extract(..., ocr=, jobs=, progress=)`), set for a block with
`options(...)`. Apart from ocr.py so that a text notice's extraction, which sets them too, does
not import the OCR engine's side (subprocess, thread pool, the TSV and table modules: issue 14,
start-up)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, Literal

from ..errors import InputError

Mode = Literal["auto", "always", "never"]
DPI = 200


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
