"""Pydantic v2 models of the output contract (shared/design/RECORDS.md)."""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated, Any, Literal

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
    # the docstring under each field is its description in the JSON Schema (schema/notice.schema.json)
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    def model_post_init(self, context: Any, /) -> None:
        # Every field counts as set (the JSON always has them all): one set of names shared by all
        # objects of a type instead of a set each, ~0.5 KB a record or section (issue 14: memory)
        object.__setattr__(self, "__pydantic_fields_set__", _all_fields(type(self)))


_FIELD_NAMES: dict[type, set[str]] = {}


def _all_fields(cls: type[_Model]) -> set[str]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = set(cls.model_fields)
    return names


class Source(_Model):
    path: str | None = None
    """The file the notice was read from, as given; null for text or bytes passed in memory."""
    format: SourceFormat = "text"
    """The reader used, chosen by the file's content: text, pdf, html or docx."""
    sha256: str = ""
    """SHA-256 of the input bytes (of the UTF-8 text for a string)."""
    extractor: str | None = None
    """The program and version that wrote the document: minshi-extract 0.1.0."""


class Meta(_Model):
    title: str | None = None
    """The notice's title as one line: 武威市人民政府办公室关于印发2025年省市为民实事实施方案的通知."""
    issuer: str | None = None
    """The issuing body: 武威市人民政府办公室 (a news report: its 来源 outlet)."""
    doc_number: str | None = None
    """The document number as written: 武政办发〔2025〕7号."""
    index_no: str | None = None
    """A portal's 索引号, as written."""
    issued_on: str | None = None
    """Date of issue (ISO), from the signature date or the portal's 成文日期."""
    published_on: str | None = None
    """Date of publication (ISO), from the portal's 发布日期 / 发布时间."""
    recipients: list[str] = Field(default_factory=list)
    """The addressees (主送), split on commas only: 各县、区人民政府 stays one."""
    year: int | None = None
    """The year the notice plans for; dates written without a year take it."""


class _RecordBase(_Model):
    # stable id: the programme id (N for the cover letter) and the record's index, P03-007
    id: str | None = None
    """Stable id within the notice: programme id and index (P03-007); N-001 for the cover letter."""
    # the id of the total this record is a share of (其中 shares, regional shares, payer splits,
    # table rows under a 合计); null for a record that is nobody's share
    part_of: str | None = None
    """The id of the total this record is a share of (其中 shares, regional shares, payer splits, rows under 合计); null when it is nobody's share."""
    programme_id: str | None = None
    """The programme the record belongs to; null for the cover letter."""
    part: int | None = None
    """Index of the programme's part (a project of a bundled plan), or null."""
    section: str | None = None
    """The heading path of the evidence: 一、目标任务 > (二)…"""
    text: str
    """The evidence, exactly Notice.text[span[0]:span[1]]."""
    span: Span
    """[start, end) character offsets of the evidence in Notice.text."""
    page: int | None = None
    """1-based page of the evidence, when the source has pages (PDF)."""
    confidence: float | None = None
    """OCR'd evidence: the OCR confidence (0-1) of its weakest word; null for a text layer."""
    # set by a rule: the total record this one splits; the pipeline turns it into part_of
    _total: _RecordBase | None = PrivateAttr(default=None)


class Quantity(_RecordBase):
    type: Literal["quantity"] = "quantity"
    """The record type; the key fields of each type are in docs/RECORDS.md §2."""
    value: Number
    """The number, 万/亿 applied: 1.7万人 -> 17000."""
    unit: str
    """The measure word or unit as written: 个, 人, 公里, 平方米, 个工作日."""
    item: str | None = None
    """What is counted: the noun phrase as written (学位, 乡镇综合养老服务中心); table cells: row name and column header."""
    qualifier: Qualifier | None = None
    """at_least (以上, 不少于), at_most (以内, 不超过), about (约, 左右), or null."""
    region: str | None = None
    """The county or town of a regional share (凉州区10000人), else null."""


class Money(_RecordBase):
    type: Literal["money"] = "money"
    """The record type; the key fields of each type are in docs/RECORDS.md §2."""
    amount_cny: Number
    """The amount in yuan: 4.68亿元 -> 468000000."""
    text_unit: Literal["元", "万元", "亿元"]
    """The unit as written: 元, 万元 or 亿元."""
    per: str | None = None
    """The rate the text states: 每人每月 -> 人/月, 户均 -> 户; null without a rate word."""
    item: str | None = None
    """What is paid for: 补助资金, 总投资, 运营补贴; table cells: row name and column header."""
    source: str | None = None
    """The payer as written: 省级财政, 中央, 市、县两级财政; null when not stated."""
    qualifier: Qualifier | None = None
    """at_least, at_most, about, or null."""
    region: str | None = None
    """The county or town of a regional share, else null."""


class Ratio(_RecordBase):
    type: Literal["ratio"] = "ratio"
    """The record type; the key fields of each type are in docs/RECORDS.md §2."""
    shares: list[Number]
    """The split: 5:3:2 -> [5, 3, 2]."""
    parties: list[str] = Field(default_factory=list)
    """Who splits, as written before the ratio: 省、市、县 -> [省, 市, 县]."""


class Percentage(_RecordBase):
    type: Literal["percentage"] = "percentage"
    """The record type; the key fields of each type are in docs/RECORDS.md §2."""
    value: Number
    """The percentage: 50% -> 50, 百分之六点五 -> 6.5."""
    qualifier: Qualifier | None = None
    """at_least, at_most, about, or null."""
    item: str | None = None
    """The indicator measured: 适龄女童HPV疫苗接种率, 补助比例."""


class Phase(_RecordBase):
    type: Literal["phase"] = "phase"
    """The record type; the key fields of each type are in docs/RECORDS.md §2."""
    name: str | None = None
    """The step's name before its window: 准备阶段; null for an unnamed step."""
    start: str | None = None
    """Start of the window (ISO partial date), or null."""
    end: str | None = None
    """End of the window (ISO partial date), or null."""


class Deadline(_RecordBase):
    type: Literal["deadline"] = "deadline"
    """The record type; the key fields of each type are in docs/RECORDS.md §2."""
    date: str
    """The target date (ISO partial): 11月底前 -> 2025-11."""
    what: str | None = None
    """The action that is due, a short verb phrase: 全面完成为民实事."""


class Responsibility(_RecordBase):
    type: Literal["responsibility"] = "responsibility"
    """The record type; the key fields of each type are in docs/RECORDS.md §2."""
    role: Role
    """lead (牵头), support (配合/协办), implementer (实施), responsible (责任)."""
    unit: str
    """The unit as written, elisions expanded: 市教育局, 凉州区政府."""


Record = Annotated[
    Quantity | Money | Ratio | Percentage | Phase | Deadline | Responsibility,
    Field(discriminator="type"),
]
RECORD_TYPES: tuple[str, ...] = (
    "quantity", "money", "ratio", "percentage", "phase", "deadline", "responsibility",
)


class Section(_Model):
    marker: str
    """The heading's marker as written: 一、 (一) 1. (1)."""
    level: int = Field(ge=1, le=4)
    """1..4 for 一、 / (一) / 1. / (1)."""
    title: str
    """The heading text without its marker."""
    kind: SectionKind = "other"
    """What the section is about: targets, funding, steps, responsibility, deadline, ..."""
    span: Span
    """[start, end) of the section in Notice.text."""
    children: list[Section] = Field(default_factory=list)
    """Sub-sections, in document order."""


class Part(_Model):
    index: int
    """1-based index of the part within its programme."""
    title: str
    """The part's title (one project of a bundled plan)."""
    span: Span
    """[start, end) of the part in Notice.text."""
    sections: list[Section] = Field(default_factory=list)
    """The part's heading tree."""
    records: list[Record] = Field(default_factory=list)
    """The part's records (their `part` is this index)."""


class CategoryEvidence(_Model):
    category: str
    """The category key (lexicon/categories.yaml) the word speaks for."""
    word: str
    """The keyword found."""
    where: Literal["title", "text"]
    """Found in the programme's title or in its text."""
    count: int = 1
    """How often it was found."""


class Category(_Model):
    """Programme category (issue 12): one primary key, optional secondary keys, the deciding words."""
    primary: str
    """The primary category key: education, health, elderly, ..."""
    name: str
    """The primary category's name: 教育, 医疗卫生, 养老服务, ..."""
    secondary: list[str] = Field(default_factory=list)
    """Other category keys the programme also serves."""
    evidence: list[CategoryEvidence] = Field(default_factory=list)
    """The words that decided."""


class Programme(_Model):
    id: str
    """P01, P02, ... in document order."""
    title: str
    """The plan's title as one line."""
    span: Span
    """[start, end) of the programme in Notice.text."""
    parts: list[Part] = Field(default_factory=list)
    """Projects of a bundled plan."""
    sections: list[Section] = Field(default_factory=list)
    """The heading tree."""
    records: list[Record] = Field(default_factory=list)
    """Records of the programme outside its parts."""
    category: Category | None = None
    """The programme's livelihood area (lexicon/categories.yaml) with the words that decided it."""

    def all_records(self) -> list[Record]:
        """The programme's own records and those of its parts, in document order."""
        out = list(self.records)
        for part in self.parts:
            out.extend(part.records)
        return sorted(out, key=lambda r: r.span)


class Table(_Model):
    header: list[str]
    """Header cells, multi-row headers joined per column."""
    rows: list[list[str]]
    """Body rows, cell texts."""
    # span of every cell, header first then rows, row-major; lets rules ground table figures
    _cell_spans: list[list[Span]] = PrivateAttr(default_factory=list)
    # figures no placement fits (row index, span) and what the table reader warns about
    _unplaced: list[tuple[int, Span]] = PrivateAttr(default_factory=list)
    _warnings: list[str] = PrivateAttr(default_factory=list)


class Attachment(_Model):
    label: str
    """附件1, 附表2, ... as written."""
    title: str
    """The attachment's title."""
    programme_id: str | None = None
    """The programme that cites the attachment, when one does."""
    span: Span | None = None
    """[start, end) of the attachment in Notice.text, or null when it is missing."""
    tables: list[Table] = Field(default_factory=list)
    """The attachment's tables."""


class Notice(_Model):
    # "2" added record id and part_of; readers of "1" documents keep working (both default to null)
    schema_version: Literal["1", "2"] = "2"
    """2 (adds record id and part_of); documents of version 1 are still read."""
    source: Source = Field(default_factory=Source)
    """Where the notice came from and which extractor read it."""
    text: str
    """The normalised full text; every span indexes into it."""
    meta: Meta = Field(default_factory=Meta)
    """The notice's metadata."""
    programmes: list[Programme] = Field(default_factory=list)
    """The notice's programmes (plans, projects), in document order."""
    records: list[Record] = Field(default_factory=list)
    """Records of the cover letter and of text outside every programme."""
    attachments: list[Attachment] = Field(default_factory=list)
    """Attachments and their tables."""
    warnings: list[str] = Field(default_factory=list)
    """What the extractor noticed but could not resolve: missing attachments, unplaced table figures, parts that do not add up."""

    def all_records(self) -> list[Record]:
        out = list(self.records)
        for prog in self.programmes:
            out.extend(prog.all_records())
        return out

    def leaf_records(self) -> list[Record]:
        """The records no other record is a share of: summing a field over them never counts a
        total together with its parts (`资金1850万元,其中中央1000万元…` keeps the shares only)."""
        records = self.all_records()
        totals = {r.part_of for r in records if r.part_of}
        return [r for r in records if r.id not in totals]

    def records_frame(self):  # -> pandas.DataFrame (pandas: pip install 'minshi-extract[pandas]')
        """One row per record, the columns of the dataset's records table."""
        from .dataset.frames import frame

        return frame(self, "records")

    def programmes_frame(self):  # -> pandas.DataFrame
        """One row per programme: category, money total, lead units, deadline (the programmes table)."""
        from .dataset.frames import frame

        return frame(self, "programmes")


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
