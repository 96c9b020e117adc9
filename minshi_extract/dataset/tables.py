"""A Notice -> rows of the dataset's tables: notices, programmes, records, warnings (and errors).

Every table has a fixed column list with a type per column (TABLES), so that every writer (CSV,
XLSX, Parquet) and every worker (batch, Dask) produces the same columns in the same order, even for
an empty table. A row is a plain dict: picklable, JSON-able, no pydantic objects.
"""

from __future__ import annotations

import hashlib
import json

from .. import __version__
from ..models import Notice, Programme, Record, record_key

Row = dict[str, object]
# column name -> type: str | int | float | list_str | list_float
Columns = dict[str, str]

_NOTICE_KEY: Columns = {"sha256": "str", "source_file": "str"}
_NOTICE_META: Columns = {"doc_number": "str", "issuer": "str", "year": "int", "title": "str"}

NOTICES: Columns = {
    **_NOTICE_KEY, "format": "str", "text_sha256": "str", "content_key": "str",
    **_NOTICE_META, "index_no": "str", "issued_on": "str", "published_on": "str",
    "recipients": "list_str", "programmes": "int", "records": "int", "warnings": "int",
    "duplicates": "list_str", "schema_version": "str", "extractor": "str",
}
PROGRAMMES: Columns = {
    **_NOTICE_KEY, **_NOTICE_META, "programme_id": "str", "programme": "str", "category": "str",
    "category_name": "str", "parts": "int", "records": "int", "money_total_cny": "float", "lead_units": "list_str",
    "deadline": "str", "start": "int", "end": "int",
}
RECORDS: Columns = {
    **_NOTICE_KEY, **_NOTICE_META, "programme_id": "str", "programme": "str", "part": "int",
    "section": "str", "page": "int", "id": "str", "part_of": "str", "leaf": "bool", "type": "str", "text": "str",
    "start": "int", "end": "int", "value": "float", "unit": "str", "amount_cny": "float",
    "text_unit": "str", "per": "str", "shares": "list_float", "parties": "list_str", "name": "str",
    "start_date": "str", "end_date": "str", "date": "str", "role": "str", "responsible_unit": "str",
    "item": "str", "qualifier": "str", "region": "str", "source": "str", "what": "str",
}
WARNINGS: Columns = {**_NOTICE_KEY, "warning": "str"}
ERRORS: Columns = {**_NOTICE_KEY, "error": "str", "reason": "str"}

TABLES: dict[str, Columns] = {
    "notices": NOTICES, "programmes": PROGRAMMES, "records": RECORDS,
    "warnings": WARNINGS, "errors": ERRORS,
}
Tables = dict[str, list[Row]]

EXTRACTOR = f"minshi-extract {__version__}"


def empty_tables() -> Tables:
    return {name: [] for name in TABLES}


def extend(into: Tables, more: Tables) -> Tables:
    for name, rows in more.items():
        into.setdefault(name, []).extend(rows)
    return into


def content_key(notice: Notice) -> str:
    """The same notice saved as .txt, .pdf, .html and .docx has the same key.

    A hash of the text cannot say so: a portal page's PDF print and its saved HTML carry different
    page chrome (view counters, 扫一扫), so the key hashes what the notice says instead: its title,
    document number and every record's matching key (RECORDS.md §2).
    """
    keys = sorted(json.dumps(record_key(r), ensure_ascii=False, default=str) for r in notice.all_records())
    payload = json.dumps([notice.meta.title, notice.meta.doc_number, keys], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _notice_cols(notice: Notice, source_file: str) -> Row:
    m = notice.meta
    return {"sha256": notice.source.sha256, "source_file": source_file, "doc_number": m.doc_number,
            "issuer": m.issuer, "year": m.year, "title": m.title}


def notice_row(notice: Notice, source_file: str) -> Row:
    m = notice.meta
    return {
        **_notice_cols(notice, source_file),
        "format": notice.source.format,
        "text_sha256": hashlib.sha256(notice.text.encode("utf-8")).hexdigest(),
        "content_key": content_key(notice),
        "index_no": m.index_no, "issued_on": m.issued_on, "published_on": m.published_on,
        "recipients": list(m.recipients), "programmes": len(notice.programmes),
        "records": len(notice.all_records()), "warnings": len(notice.warnings), "duplicates": [],
        "schema_version": notice.schema_version,
        "extractor": getattr(notice.source, "extractor", None) or EXTRACTOR,
    }


def _money_total(records: list[Record]) -> float | None:
    """The sum of the programme's money totals: amounts that are nobody's share and not per-unit."""
    amounts = [float(r.amount_cny) for r in records
               if r.type == "money" and r.part_of is None and r.per is None]
    return sum(amounts) if amounts else None


def programme_row(notice: Notice, prog: Programme, source_file: str) -> Row:
    recs = prog.all_records()
    leads = [r.unit for r in recs if r.type == "responsibility" and r.role == "lead"]
    deadlines = [r.date for r in recs if r.type == "deadline"]
    return {
        **_notice_cols(notice, source_file), "programme_id": prog.id, "programme": prog.title,
        "category": prog.category.primary if prog.category else None,
        "category_name": prog.category.name if prog.category else None, "parts": len(prog.parts), "records": len(recs),
        "money_total_cny": _money_total(recs), "lead_units": list(dict.fromkeys(leads)),
        "deadline": max(deadlines) if deadlines else None, "start": prog.span[0], "end": prog.span[1],
    }


_RENAMES = {("responsibility", "unit"): "responsible_unit", ("phase", "start"): "start_date",
            ("phase", "end"): "end_date"}


def record_row(notice: Notice, rec: Record, source_file: str, titles: dict[str, str],
               totals: frozenset[str] = frozenset()) -> Row:
    """`totals`: the ids some record is a share of; a record not among them is a leaf (summing the
    leaves never counts a total together with its parts)."""
    row: Row = {**_notice_cols(notice, source_file), "programme": titles.get(rec.programme_id or ""),
                "leaf": rec.id not in totals}
    for k, v in rec.model_dump(mode="json").items():
        if k == "span":
            row["start"], row["end"] = v
            continue
        row[_RENAMES.get((rec.type, k), k)] = v
    return row


def notice_tables(notice: Notice, source_file: str | None = None) -> Tables:
    """The rows one notice contributes to each table (errors stay empty)."""
    src = source_file if source_file is not None else (notice.source.path or "")
    titles = {p.id: p.title for p in notice.programmes}
    totals = frozenset(r.part_of for r in notice.all_records() if r.part_of)
    return {
        "notices": [notice_row(notice, src)],
        "programmes": [programme_row(notice, p, src) for p in notice.programmes],
        "records": [record_row(notice, r, src, titles, totals) for r in notice.all_records()],
        "warnings": [{"sha256": notice.source.sha256, "source_file": src, "warning": w}
                     for w in notice.warnings],
        "errors": [],
    }


def error_tables(source_file: str, sha256: str | None, error: str, reason: str) -> Tables:
    tables = empty_tables()
    tables["errors"].append({"sha256": sha256, "source_file": source_file, "error": error, "reason": reason})
    return tables


_FORMAT_RANK = {"text": 0, "docx": 1, "html": 2, "pdf": 3}


def drop_duplicates(per_file: list[Tables]) -> list[Tables]:
    """Keep one notice per content key: the plain text over .docx over HTML over PDF, then by name.

    The kept notice's row lists the other files in `duplicates`; the others' rows are dropped.
    """
    groups: dict[str, list[Tables]] = {}
    for t in per_file:
        if t["notices"]:
            groups.setdefault(str(t["notices"][0]["content_key"]), []).append(t)
    drop: set[int] = set()
    for group in groups.values():
        group.sort(key=lambda t: (_FORMAT_RANK.get(str(t["notices"][0]["format"]), 9),
                                  str(t["notices"][0]["source_file"])))
        group[0]["notices"][0]["duplicates"] = [str(t["notices"][0]["source_file"]) for t in group[1:]]
        drop.update(id(t) for t in group[1:])
    return [t for t in per_file if id(t) not in drop]


def combine(per_file: list[Tables]) -> Tables:
    out = empty_tables()
    for t in per_file:
        extend(out, t)
    return out
