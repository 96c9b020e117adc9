"""Pydantic v2 models of the output contract (shared/design/RECORDS.md)."""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

Span = tuple[int, int]
Number = int | float
Qualifier = Literal["at_least", "at_most", "about"]
Role = Literal["lead", "support", "implementer", "responsible"]
SectionKind = Literal[
    "targets", "scope", "funding", "steps", "responsibility", "deadline",
    "safeguards", "principles", "operation", "content", "other",
]
SourceFormat = Literal["text", "pdf", "html", "docx", "image"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Source(_Model):
    path: str | None = None
    format: SourceFormat = "text"
    sha256: str = ""


class Meta(_Model):
    title: str | None = None
    issuer: str | None = None
    doc_number: str | None = None
    index_no: str | None = None
    issued_on: str | None = None
    published_on: str | None = None
    recipients: list[str] = Field(default_factory=list)
    year: int | None = None


class _RecordBase(_Model):
    # stable id: the programme id (N for the cover letter) and the record's index, P03-007
    id: str | None = None
    # the id of the total this record is a share of (其中 shares, regional shares, payer splits,
    # table rows under a 合计); null for a record that is nobody's share
    part_of: str | None = None
    programme_id: str | None = None
    part: int | None = None
    section: str | None = None
    text: str
    span: Span
    page: int | None = None  # 1-based page of the evidence, when the source has pages
    confidence: float | None = None  # OCR'd evidence: its weakest word's OCR confidence (0-1); else null
    # set by a rule: the total record this one splits; the pipeline turns it into part_of
    _total: _RecordBase | None = PrivateAttr(default=None)


class Quantity(_RecordBase):
    type: Literal["quantity"] = "quantity"
    value: Number
    unit: str
    item: str | None = None
    qualifier: Qualifier | None = None
    region: str | None = None


class Money(_RecordBase):
    type: Literal["money"] = "money"
    amount_cny: Number
    text_unit: Literal["元", "万元", "亿元"]
    per: str | None = None
    item: str | None = None
    source: str | None = None
    qualifier: Qualifier | None = None
    region: str | None = None


class Ratio(_RecordBase):
    type: Literal["ratio"] = "ratio"
    shares: list[Number]
    parties: list[str] = Field(default_factory=list)


class Percentage(_RecordBase):
    type: Literal["percentage"] = "percentage"
    value: Number
    qualifier: Qualifier | None = None
    item: str | None = None


class Phase(_RecordBase):
    type: Literal["phase"] = "phase"
    name: str | None = None
    start: str | None = None
    end: str | None = None


class Deadline(_RecordBase):
    type: Literal["deadline"] = "deadline"
    date: str
    what: str | None = None


class Responsibility(_RecordBase):
    type: Literal["responsibility"] = "responsibility"
    role: Role
    unit: str


Record = Annotated[
    Quantity | Money | Ratio | Percentage | Phase | Deadline | Responsibility,
    Field(discriminator="type"),
]
RECORD_TYPES: tuple[str, ...] = (
    "quantity", "money", "ratio", "percentage", "phase", "deadline", "responsibility",
)


class Section(_Model):
    marker: str
    level: int = Field(ge=1, le=4)
    title: str
    kind: SectionKind = "other"
    span: Span
    children: list[Section] = Field(default_factory=list)


class Part(_Model):
    index: int
    title: str
    span: Span
    sections: list[Section] = Field(default_factory=list)
    records: list[Record] = Field(default_factory=list)


class Programme(_Model):
    id: str
    title: str
    span: Span
    parts: list[Part] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    records: list[Record] = Field(default_factory=list)

    def all_records(self) -> list[Record]:
        """The programme's own records and those of its parts, in document order."""
        out = list(self.records)
        for part in self.parts:
            out.extend(part.records)
        return sorted(out, key=lambda r: r.span)


class Table(_Model):
    header: list[str]
    rows: list[list[str]]
    # span of every cell, header first then rows, row-major; lets rules ground table figures
    _cell_spans: list[list[Span]] = PrivateAttr(default_factory=list)


class Attachment(_Model):
    label: str
    title: str
    programme_id: str | None = None
    span: Span | None = None
    tables: list[Table] = Field(default_factory=list)


class Notice(_Model):
    # "2" added record id and part_of; readers of "1" documents keep working (both default to null)
    schema_version: Literal["1", "2"] = "2"
    source: Source = Field(default_factory=Source)
    text: str
    meta: Meta = Field(default_factory=Meta)
    programmes: list[Programme] = Field(default_factory=list)
    records: list[Record] = Field(default_factory=list)
    attachments: list[Attachment] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    def all_records(self) -> list[Record]:
        out = list(self.records)
        for prog in self.programmes:
            out.extend(prog.all_records())
        return out


def _num_key(x: Number | None) -> object:
    if x is None:
        return None
    return round(float(x), 6)


def record_key(rec: Record) -> tuple:
    """The matching key of RECORDS.md §2 (numbers rounded; the scorer adds tolerance)."""
    t = rec.type
    if t == "quantity":
        return (t, _num_key(rec.value), norm_name(rec.unit), norm_name(rec.region))
    if t == "money":
        return (t, _num_key(rec.amount_cny), norm_name(rec.per), norm_name(rec.region))
    if t == "ratio":
        return (t, tuple(_num_key(s) for s in rec.shares))
    if t == "percentage":
        return (t, _num_key(rec.value))
    if t == "phase":
        return (t, rec.start, rec.end)
    if t == "deadline":
        return (t, rec.date)
    return (t, rec.role, norm_name(rec.unit))


@lru_cache(maxsize=4096)
def norm_name(s: str | None) -> str | None:
    """Names and units compare after normalisation: blanks, width, script (個 -> 个, 區 -> 区)."""
    if s is None:
        return None
    from .normalize import normalize_fragment

    return "".join(normalize_fragment(s).split()) or None


def dedupe(records: list[Record]) -> list[Record]:
    """Set semantics within one programme: keep the first record of each key."""
    seen: set[tuple] = set()
    out: list[Record] = []
    for rec in records:
        k = record_key(rec)
        if k not in seen:
            seen.add(k)
            out.append(rec)
    return out
