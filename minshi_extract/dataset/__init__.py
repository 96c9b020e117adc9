"""The tidy dataset: tables of notices, programmes, records, warnings and errors, and their writers."""

from __future__ import annotations

from .convert import convert_bytes, rows_from_bytes
from .tables import TABLES, notice_tables
from .writers import FORMATS, write_dataset

__all__ = ["FORMATS", "TABLES", "convert_bytes", "notice_tables", "rows_from_bytes", "write_dataset"]
