"""Run the per-notice function on Dask: `dask.bag` over file paths -> the same Parquet tables.

    import dask.bag as db
    from minshi_extract.dataset.dask_recipe import convert_path, write_parts

    paths = [(str(p), p.relative_to("archive").as_posix()) for p in sorted(Path("archive").rglob("*.pdf"))]
    bag = db.from_sequence(paths, npartitions=64).map(convert_path)
    bag.map_partitions(write_parts, "out/dataset").compute()    # any scheduler or cluster

writes out/dataset/<table>/part-<hash>.parquet for every table (a Parquet dataset per table:
`pandas.read_parquet("out/dataset/records")`), the same columns and rows as
`minshi-extract batch --all-formats` (the duplicate-format pass of `batch` needs every notice at
once, so the recipe leaves it to the reader: drop_duplicates on notices.content_key).
Needs the extra: pip install 'minshi-extract[dask]'.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from ..ingest import DEFAULT_MAX_BYTES
from .convert import convert_one, tables_of
from .tables import TABLES, Tables, combine
from .writers import _atomic_bytes, parquet_bytes


def convert_path(job: tuple[str, str], max_bytes: int = DEFAULT_MAX_BYTES) -> Tables:
    """(path, name in the dataset) -> the file's rows; an unreadable file becomes an errors row."""
    path, source_file = job
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        from .tables import error_tables

        return error_tables(source_file, None, "InputError", f"{path}: cannot read ({exc.strerror})")
    return tables_of(convert_one(data, path, source_file, max_bytes))  # messages name the path, as batch's


def write_parts(partition: list[Tables], out: str | os.PathLike[str]) -> list[str]:
    """Write one bag partition as out/<table>/part-<hash>.parquet; the hash names its files, so a
    rerun overwrites the same parts instead of adding new ones."""
    tables = combine(list(partition))
    names = sorted(str(r["source_file"]) for t in ("notices", "errors") for r in tables[t])
    if not names:
        return []
    part = hashlib.sha256("\n".join(names).encode("utf-8")).hexdigest()[:16]
    written = []
    for name in TABLES:
        path = Path(out) / name / f"part-{part}.parquet"
        _atomic_bytes(path, parquet_bytes(name, tables[name]))
        written.append(str(path))
    return written
