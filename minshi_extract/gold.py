"""Gold files: loading and validation (RECORDS.md §3, gold/GUIDELINES.md)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import regex
from pydantic import TypeAdapter, ValidationError

from .errors import GoldError, InputError
from .models import Meta, Record, record_key
from .normalize import normalize_fragment

_RECORD = TypeAdapter(Record)
_META_FIELDS = set(Meta.model_fields)


@dataclass
class GoldProgramme:
    title: str
    parts: list[str] = field(default_factory=list)
    records: list[Record] = field(default_factory=list)


@dataclass
class Gold:
    path: str
    corpus_file: str
    meta: Meta
    records: list[Record]  # cover letter
    programmes: list[GoldProgramme]
    links: bool = False  # `part_of_annotated`: every share in the file names its total (GUIDELINES)


def _describe(raw: dict) -> str:
    t = raw.get("type", "?")
    keys = {
        "quantity": ("value", "unit", "region"),
        "money": ("amount_cny", "per", "region"),
        "ratio": ("shares",),
        "percentage": ("value",),
        "phase": ("start", "end"),
        "deadline": ("date",),
        "responsibility": ("role", "unit"),
    }.get(t, ())
    vals = " ".join(str(raw.get(k)) for k in keys if raw.get(k) is not None)
    return f"{t} {vals}".strip() + f" «{raw.get('text', '')}»"


def _flat(s: str) -> str:
    return "".join(normalize_fragment(s).split())


def _title_found(title: str, flat_notice: str) -> bool:
    """A programme's title is in the notice, whole or in two pieces: a name wrapped inside a table
    cell of a text copy (`社区居家养老服务` / … / `提升`) has its pieces on different lines."""
    if title in flat_notice:
        return True
    return any(title[:k] in flat_notice and title[k:] in flat_notice for k in range(4, len(title) - 1))


def _locate(fragment: str, notice_text: str) -> tuple[str, int]:
    """Find a gold text in the notice; blanks may differ (`720 元` in gold, `720元` once normalised)."""
    start = notice_text.find(fragment)
    if start >= 0:
        return fragment, start
    chars = [c for c in fragment if not c.isspace()]
    if not chars:
        return fragment, -1
    pattern = r"\s?".join(regex.escape(c) for c in chars)
    m = regex.search(pattern, notice_text, timeout=5)
    return (m.group(0), m.start()) if m else (fragment, -1)


def _parse_record(raw: object, where: str, notice_text: str | None, programme_id: str | None) -> Record:
    if not isinstance(raw, dict):
        raise GoldError(f"{where}: a record must be a JSON object, got {type(raw).__name__}")
    data = dict(raw)
    text = data.get("text")
    if not isinstance(text, str) or not text:
        raise GoldError(f"{where} ({_describe(data)}): missing `text`")
    start = 0
    if notice_text is not None:
        norm, start = _locate(normalize_fragment(text), notice_text)
        if start < 0:
            raise GoldError(f"{where} ({_describe(data)}): text «{text}» does not occur in the notice")
        data["text"] = norm
    data.setdefault("span", (start, start + len(data["text"])))
    data["programme_id"] = programme_id
    try:
        return _RECORD.validate_python(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        # the union's branch name comes first and `int`/`float` last: keep the field path
        loc = ".".join(str(x) for x in err["loc"][1:] or err["loc"] if x not in ("int", "float"))
        raise GoldError(f"{where} ({_describe(data)}): field `{loc}`: {err['msg']}") from None


def _check_unique(records: list[Record], where: str) -> None:
    seen: dict[tuple, int] = {}
    for i, rec in enumerate(records):
        k = record_key(rec)
        if k in seen:
            raise GoldError(
                f"{where}, record {i} ({rec.type} «{rec.text}»): duplicate key {k[1:]} "
                f"(same as record {seen[k]}); one gold record per key per programme"
            )
        seen[k] = i


def load_gold(path: str | Path, notice_text: str | None = None) -> Gold:
    """Read and validate a gold file; `notice_text` (normalised) enables the text checks."""
    from .ingest import DEFAULT_MAX_BYTES, read_capped

    p = Path(path)
    if not p.exists():
        raise GoldError(f"{p}: no such gold file")
    try:  # capped, and a directory, FIFO or device refused without blocking
        data = json.loads(read_capped(p, DEFAULT_MAX_BYTES).decode("utf-8"))
    except InputError as exc:  # a directory, FIFO, device, unreadable, too large
        raise GoldError(f"{p}: cannot read the gold file ({str(exc).removeprefix(f'{p}: ')})") from None
    except UnicodeDecodeError:
        raise GoldError(f"{p}: not UTF-8") from None
    except json.JSONDecodeError as exc:
        raise GoldError(f"{p}: invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    except RecursionError:
        raise GoldError(f"{p}: JSON nested too deep") from None
    if not isinstance(data, dict):
        raise GoldError(f"{p}: top level must be a JSON object")
    for key in ("corpus_file", "programmes"):
        if key not in data:
            raise GoldError(f"{p}: missing top-level `{key}`")
    corpus_file = data["corpus_file"]
    if not isinstance(corpus_file, str) or not _inside_corpus(corpus_file):
        # (`../../etc/passwd` was read, and its text searched for the records)
        raise GoldError(f"{p}: `corpus_file` must name a file inside the corpus folder, got {corpus_file!r}")
    meta_raw = data.get("meta") or {}
    unknown = set(meta_raw) - _META_FIELDS
    if unknown:
        raise GoldError(f"{p}: meta has unknown field(s) {sorted(unknown)}")
    # meta compares in the normalised script and width the extractor reports (順德區 -> 顺德区)
    meta_raw = {
        k: (normalize_fragment(v).strip() if isinstance(v, str) else
            [normalize_fragment(x).strip() for x in v] if isinstance(v, list) else v)
        for k, v in meta_raw.items()
    }
    try:
        meta = Meta.model_validate(meta_raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        raise GoldError(f"{p}: meta.{'.'.join(map(str, err['loc']))}: {err['msg']}") from None
    flat_notice = _flat(notice_text) if notice_text is not None else None

    cover = [
        _parse_record(r, f"{p}: cover letter, record {i}", notice_text, None)
        for i, r in enumerate(data.get("records") or [])
    ]
    _check_unique(cover, f"{p}: cover letter")
    _resolve_totals(cover, "N", f"{p}: cover letter")
    progs: list[GoldProgramme] = []
    titles: set[str] = set()
    for n, raw in enumerate(data["programmes"]):
        if not isinstance(raw, dict) or not isinstance(raw.get("title"), str):
            raise GoldError(f"{p}: programme {n}: needs a `title` string")
        title = normalize_fragment(raw["title"]).strip()
        where = f"{p}: programme {n} «{title}»"
        if title in titles:
            raise GoldError(f"{where}: title appears twice in the gold file")
        titles.add(title)
        if flat_notice is not None and not _title_found(_flat(title), flat_notice):
            raise GoldError(f"{where}: unknown programme (title not found in the notice)")
        recs = [
            _parse_record(r, f"{where}, record {i}", notice_text, f"P{n + 1:02d}")
            for i, r in enumerate(raw.get("records") or [])
        ]
        _check_unique(recs, where)
        _resolve_totals(recs, f"P{n + 1:02d}", where)
        parts = [normalize_fragment(x).strip() for x in raw.get("parts") or []]
        progs.append(GoldProgramme(title=title, parts=parts, records=recs))
    links = data.get("part_of_annotated", False)
    if not isinstance(links, bool):
        raise GoldError(f"{p}: `part_of_annotated` must be true or false")
    return Gold(path=str(p), corpus_file=str(data["corpus_file"]), meta=meta, records=cover, programmes=progs,
                links=links)


def _inside_corpus(name: str) -> bool:
    """A relative path that does not climb out of the folder it is read from."""
    path = PurePosixPath(name.replace("\\", "/"))
    parts = path.parts  # `.` has none: no file
    return bool(parts) and not path.is_absolute() and ".." not in parts and ":" not in parts[0]


def _resolve_totals(records: list[Record], prefix: str, where: str) -> None:
    """Give the scope's records ids (`P03-007`, as the extractor does) and turn each `part_of`, written
    in gold as the total's `text`, into that total's id: the first record of the same type with
    that text (GUIDELINES, part_of)."""
    for i, rec in enumerate(records, 1):
        rec.id = f"{prefix}-{i:03d}"
    for rec in records:
        if rec.part_of is None:
            continue
        want = _flat(normalize_fragment(rec.part_of))
        named = [t for t in records if t.type == rec.type and _flat(t.text) == want and t is not rec]
        # table cells may share a text (`200` in two rows): the one of the share's own row (region) first
        total = next((t for t in named if t.__dict__.get("region") == rec.__dict__.get("region")), named[0] if named else None)
        if total is None:
            raise GoldError(f"{where} ({rec.type} «{rec.text}»): part_of «{rec.part_of}» is the text of no "
                            f"other {rec.type} record of this programme")
        rec.part_of = total.id
