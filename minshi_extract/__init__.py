"""minshi-extract: structured, verifiable data from Chinese livelihood-programme notices."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["__version__", "extract", "extract_text", "load"]

from . import patterncache  # compiled patterns kept between runs (start-up, issue 14)

patterncache.install()

if TYPE_CHECKING:
    from .ingest import load
    from .pipeline import extract, extract_text


def __getattr__(name: str) -> Any:
    """`extract`, `extract_text` and `load` import the pipeline on first use, so
    `minshi-extract --help` and `import minshi_extract.errors` do not build the pydantic models."""
    if name in ("extract", "extract_text"):
        from . import pipeline

        return getattr(pipeline, name)
    if name == "load":
        from .ingest import load

        return load
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
