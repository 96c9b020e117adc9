"""Write the dataset's tables as CSV (UTF-8 with BOM), XLSX (a sheet per table) or Parquet.

Where the tables go (`dataset_paths`):
  a directory `out/`          -> out/notices.csv, out/records.csv, ... (or .parquet), out/dataset.xlsx
  a file `out/corpus.parquet` -> out/corpus.parquet is the records table, beside it
                                 out/corpus.notices.parquet, out/corpus.programmes.parquet, ...
  a file `out/corpus.xlsx`    -> one workbook, a sheet per table
Every file is written to a temporary name and renamed, so a reader never sees half a table.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterable
from pathlib import Path

from ..errors import MinshiError
from .tables import TABLES, Row, Tables

FORMATS = ("csv", "xlsx", "parquet")
SUFFIXES = {".csv": "csv", ".xlsx": "xlsx", ".parquet": "parquet"}
MAIN_TABLE = "records"


class OutputError(MinshiError):
    """An output path or format the writers cannot honour."""


def format_of(path: str | Path) -> str | None:
    """The dataset format named by a path's suffix; None for a directory (no suffix)."""
    p = Path(path)
    if str(path).endswith(("/", os.sep)) or p.is_dir() or not p.suffix:
        return None
    fmt = SUFFIXES.get(p.suffix.lower())
    if fmt is None:
        raise OutputError(f"{path}: unknown output suffix {p.suffix!r}; use .csv, .xlsx or .parquet, "
                          "or a directory")
    return fmt


def dataset_paths(out: str | Path, fmt: str, tables: Iterable[str] = TABLES) -> dict[str, Path]:
    """Table name -> file for format `fmt` at `out` (see the module doc); xlsx maps all to one file."""
    p = Path(out)
    if format_of(out) is None:
        if fmt == "xlsx":
            return {t: p / "dataset.xlsx" for t in tables}
        return {t: p / f"{t}.{fmt}" for t in tables}
    if fmt == "xlsx":
        return {t: p for t in tables}
    return {t: p if t == MAIN_TABLE else p.with_name(f"{p.stem}.{t}{p.suffix}") for t in tables}


def _atomic_bytes(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _cell(value: object) -> object:
    """A list becomes one `|`-joined cell in CSV and XLSX; None an empty cell."""
    if isinstance(value, list):
        return "|".join(map(str, value))
    return value


def table_csv(name: str, rows: list[Row], bom: bool = True) -> str:
    cols = list(TABLES[name])
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(cols)
    for r in rows:
        w.writerow(["" if r.get(c) is None else _cell(r.get(c)) for c in cols])
    return ("\ufeff" if bom else "") + buf.getvalue()


# characters XML 1.0 cannot hold (C0 controls, lone surrogates, U+FFFE/U+FFFF): lxml refused the whole
# workbook for one of them in a notice's text (exit 3)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xlsx_cell(value: object) -> object:
    value = _cell(value)
    return _NOT_XML.sub("\ufffd", value) if isinstance(value, str) else value


def xlsx_bytes(tables: Tables) -> bytes:
    try:
        from openpyxl import Workbook
        from openpyxl.utils import get_column_letter
    except ImportError as exc:  # pragma: no cover - openpyxl is a core dependency
        raise OutputError("XLSX needs openpyxl: pip install openpyxl") from exc
    wb = Workbook()
    wb.remove(wb.active)
    for name, cols in TABLES.items():
        ws = wb.create_sheet(name)
        ws.append(list(cols))
        widths = [len(c) for c in cols]
        for r in tables.get(name, []):
            vals = [_xlsx_cell(r.get(c)) for c in cols]
            ws.append(vals)
            for cell in ws[ws.max_row]:
                if cell.data_type == "f":  # a text starting with `=` is text, never a formula Excel runs
                    cell.data_type = "s"
            for i, v in enumerate(vals):
                if v is not None:
                    # a CJK character is two columns wide
                    s = str(v)
                    widths[i] = max(widths[i], len(s) + sum(1 for ch in s if ord(ch) > 0x2E80))
        ws.freeze_panes = "A2"
        for i, w in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(i)].width = min(max(w + 2, 6), 60)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


_ARROW = {"str": "string", "int": "int64", "float": "float64", "bool": "bool"}


def arrow_schema(name: str):  # -> pyarrow.Schema
    pa = _pyarrow()
    fields = []
    for col, kind in TABLES[name].items():
        if kind == "list_str":
            t = pa.list_(pa.string())
        elif kind == "list_float":
            t = pa.list_(pa.float64())
        else:
            t = pa.type_for_alias(_ARROW[kind])
        fields.append(pa.field(col, t))
    return pa.schema(fields)


def _pyarrow():
    try:
        import pyarrow
    except ImportError:
        raise OutputError("Parquet needs pyarrow: pip install 'minshi-extract[parquet]'") from None
    return pyarrow


def arrow_table(name: str, rows: list[Row]):  # -> pyarrow.Table
    pa = _pyarrow()
    schema = arrow_schema(name)
    cols = {c: [r.get(c) for r in rows] for c in TABLES[name]}
    for c, kind in TABLES[name].items():
        if kind == "float":
            cols[c] = [None if v is None else float(v) for v in cols[c]]  # type: ignore[arg-type]
        elif kind == "list_float":
            cols[c] = [None if v is None else [float(x) for x in v] for v in cols[c]]  # type: ignore[union-attr]
    return pa.table(cols, schema=schema)


def parquet_bytes(name: str, rows: list[Row]) -> bytes:
    _pyarrow()
    import pyarrow.parquet as pq

    buf = io.BytesIO()
    pq.write_table(arrow_table(name, rows), buf)
    return buf.getvalue()


def write_dataset(tables: Tables, out: str | Path, fmt: str) -> list[Path]:
    """Write every table in `fmt` at `out`; returns the files written."""
    if fmt not in FORMATS:
        raise OutputError(f"unknown dataset format {fmt!r}; choose from {', '.join(FORMATS)}")
    paths = dataset_paths(out, fmt)
    if fmt == "parquet":
        _pyarrow()
    if fmt == "xlsx":
        path = paths[MAIN_TABLE]
        _atomic_bytes(path, xlsx_bytes(tables))
        return [path]
    written = []
    for name in TABLES:
        rows = tables.get(name, [])
        data = (table_csv(name, rows).encode("utf-8") if fmt == "csv" else parquet_bytes(name, rows))
        _atomic_bytes(paths[name], data)
        written.append(paths[name])
    return written


def remove_dataset(out: str | Path, formats: Iterable[str] = FORMATS) -> None:
    """Remove the tables a previous run wrote at `out`, so none outlives an interrupted run."""
    for fmt in formats:
        for path in set(dataset_paths(out, fmt).values()):
            path.unlink(missing_ok=True)
