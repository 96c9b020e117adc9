"""The per-notice function: bytes in, rows out. Pure (no files written, no global state), so it runs
the same in `batch`'s worker processes, in a Dask bag or in any other engine."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from ..errors import MinshiError
from ..export import to_json
from ..ingest import DEFAULT_MAX_BYTES, load_bytes, shown
from ..models import Notice
from .tables import Tables, error_tables, notice_tables


def convert_bytes(data: bytes, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Notice:
    """Extract one notice from its file's bytes; `name` is what messages and Source.path say."""
    from ..pipeline import extract_raw

    return extract_raw(load_bytes(data, name, max_bytes))


@dataclass(frozen=True)
class Converted:
    """One file's outcome: the notice as contract JSON, or the error that stopped it."""

    source_file: str
    sha256: str
    notice_json: str | None = None
    error: str | None = None
    reason: str | None = None


def convert_one(data: bytes, name: str, source_file: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Converted:
    """convert_bytes with every failure caught: a bad file or a bug in one notice stops only that one."""
    sha = hashlib.sha256(data).hexdigest()
    try:
        notice = convert_bytes(data, name, max_bytes)
    except MinshiError as exc:
        return Converted(source_file, sha, error=type(exc).__name__, reason=str(exc))
    except Exception as exc:  # isolate an internal error to its file; the reason names it
        return Converted(source_file, sha, error="internal error",
                         reason=f"{name}: {type(exc).__name__}: {exc}")
    return Converted(source_file, sha, notice_json=to_json(notice))


def tables_of(result: Converted) -> Tables:
    """The rows a converted file contributes: its notice's rows, or one row in `errors`."""
    source_file = shown(result.source_file)  # a name that is not UTF-8 cannot go into a table as it is
    if result.notice_json is None:
        return error_tables(source_file, result.sha256, result.error or "error", shown(result.reason or ""))
    return notice_tables(Notice.model_validate_json(result.notice_json), source_file)


def rows_from_bytes(data: bytes, source_file: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Tables:
    """bytes in, rows out: the function to map over an archive with any engine (see the README)."""
    return tables_of(convert_one(data, source_file, source_file, max_bytes))
