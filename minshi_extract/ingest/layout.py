"""The layout of a plain-text notice read before its structure: a PDF copy's running heads dropped,
tables drawn with box characters and tables of wrapped blank-separated rows made `|` rows."""

from __future__ import annotations

from .boxes import unbox_tables
from .pages import drop_running_heads
from .wrapped_rows import unwrap_spaced_tables


def text_layout(text: str) -> str:
    return unwrap_spaced_tables(unbox_tables(drop_running_heads(text)))
