"""minshi-extract: structured, verifiable data from Chinese livelihood-programme notices."""

from __future__ import annotations

__version__ = "0.1.0"

from .ingest import load
from .pipeline import extract, extract_text

__all__ = ["__version__", "extract", "extract_text", "load"]
