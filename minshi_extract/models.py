"""Pydantic v2 models of the output contract (shared/design/RECORDS.md)."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import Field, PrivateAttr

from .model_base import _Model

Span = tuple[int, int]
Number = int | float
Qualifier = Literal["at_least", "at_most", "about"]
Role = Literal["lead", "support", "implementer", "responsible"]
SectionKind = Literal[
    "targets", "scope", "funding", "steps", "responsibility", "deadline",
    "safeguards", "principles", "operation", "content", "other",
]
SourceFormat = Literal["text", "pdf", "html", "docx", "image"]


class Source(_Model):
    path: str | None = Field(
        None, description="The file the notice was read from, as given; null for text or bytes passed in memory.")
    format: SourceFormat = Field(
        "text", description="The reader used, chosen by the file's content: text, pdf, html or docx.")
    sha256: str = Field("", description="SHA-256 of the input bytes (of the UTF-8 text for a string).")
    extractor: str | None = Field(
        None, description="The program and version that wrote the document: minshi-extract 0.1.0.")


class Meta(_Model):
    title: str | None = Field(
        None, description="The notice's title as one line: 武威市人民政府办公室关于印发2025年省市为民实事实施方案的通知.")
    issuer: str | None = Field(
        None, description="The issuing body: 武威市人民政府办公室 (a news report: its 来源 outlet).")
    doc_number: str | None = Field(None, description="The document number as written: 武政办发〔2025〕7号.")
    index_no: str | None = Field(None, description="A portal's 索引号, as written.")
    issued_on: str | None = Field(
        None, description="Date of issue (ISO), from the signature date or the portal's 成文日期.")
    published_on: str | None = Field(
        None, description="Date of publication (ISO), from the portal's 发布日期 / 发布时间.")
    recipients: list[str] = Field(
        default_factory=list, description="The addressees (主送), split on commas only: 各县、区人民政府 stays one.")
    year: int | None = Field(
        None, description="The year the notice plans for; dates written without a year take it.")


class _RecordBase(_Model):
    # stable id: the programme id (N for the cover letter) and the record's index, P03-007
    id: str | None = Field(
        None, description="Stable id within the notice: programme id and index (P03-007); N-001 for the cover letter.")
    # the id of the total this record is a share of (其中 shares, regional shares, payer splits,
    # table rows under a 合计); null for a record that is nobody's share
    part_of: str | None = Field(
        None, description="The id of the total this record is a share of (其中 shares, regional shares, payer splits, rows under 合计); null when it is nobody's share.")
    programme_id: str | None = Field(
        None, description="The programme the record belongs to; null for the cover letter.")
    part: int | None = Field(
        None, description="Index of the programme's part (a project of a bundled plan), or null.")
    section: str | None = Field(None, description="The heading path of the evidence: 一、目标任务 > (二)…")
    text: str = Field(description="The evidence, exactly Notice.text[span[0]:span[1]].")
    span: Span = Field(description="[start, end) character offsets of the evidence in Notice.text.")
    page: int | None = Field(
        None, description="1-based page of the evidence, when the source has pages (PDF).")
    confidence: float | None = Field(
        None, description="OCR'd evidence: the OCR confidence (0-1) of its weakest word; null for a text layer.")
    # set by a rule: the total record this one splits; the pipeline turns it into part_of. Kept in
    # the private dict (compared by ==, copied by model_copy) but not declared as a PrivateAttr:
    # pydantic would then run its private-attribute set-up in Python for every record (~1.1 us of
    # a record's ~4.7); while unset a record has no private dict at all, and reads None
    if TYPE_CHECKING:
        _total: _RecordBase | None
    else:

        def __getattr__(self, name: str) -> Any:
            if name == "_total":
                private = self.__pydantic_private__
                return private.get("_total") if private else None
            return super().__getattr__(name)

        def __setattr__(self, name: str, value: Any) -> None:
            if name == "_total":
                if self.__pydantic_private__ is None:
                    object.__setattr__(self, "__pydantic_private__", {})
                self.__pydantic_private__["_total"] = value
            elif name in type(self).__pydantic_fields__:
                self.__dict__[name] = value
            else:
                super().__setattr__(name, value)


class Quantity(_RecordBase):
    type: Literal["quantity"] = Field(
        "quantity", description="The record type; the key fields of each type are in docs/RECORDS.md §2.")
    value: Number = Field(description="The number, 万/亿 applied: 1.7万人 -> 17000.")
    unit: str = Field(description="The measure word or unit as written: 个, 人, 公里, 平方米, 个工作日.")
    item: str | None = Field(
        None, description="What is counted: the noun phrase as written (学位, 乡镇综合养老服务中心); table cells: row name and column header.")
    qualifier: Qualifier | None = Field(
        None, description="at_least (以上, 不少于), at_most (以内, 不超过), about (约, 左右), or null.")
    region: str | None = Field(
        None, description="The county or town of a regional share (凉州区10000人), else null.")


class Money(_RecordBase):
    type: Literal["money"] = Field(
        "money", description="The record type; the key fields of each type are in docs/RECORDS.md §2.")
    amount_cny: Number = Field(description="The amount in yuan: 4.68亿元 -> 468000000.")
    text_unit: Literal["元", "万元", "亿元"] = Field(description="The unit as written: 元, 万元 or 亿元.")
    per: str | None = Field(
        None, description="The rate the text states: 每人每月 -> 人/月, 户均 -> 户; null without a rate word.")
    item: str | None = Field(
        None, description="What is paid for: 补助资金, 总投资, 运营补贴; table cells: row name and column header.")
    source: str | None = Field(
        None, description="The payer as written: 省级财政, 中央, 市、县两级财政; null when not stated.")
    qualifier: Qualifier | None = Field(None, description="at_least, at_most, about, or null.")
    region: str | None = Field(None, description="The county or town of a regional share, else null.")


class Ratio(_RecordBase):
    type: Literal["ratio"] = Field(
        "ratio", description="The record type; the key fields of each type are in docs/RECORDS.md §2.")
    shares: list[Number] = Field(description="The split: 5:3:2 -> [5, 3, 2].")
    parties: list[str] = Field(
        default_factory=list, description="Who splits, as written before the ratio: 省、市、县 -> [省, 市, 县].")


class Percentage(_RecordBase):
    type: Literal["percentage"] = Field(
        "percentage", description="The record type; the key fields of each type are in docs/RECORDS.md §2.")
    value: Number = Field(description="The percentage: 50% -> 50, 百分之六点五 -> 6.5.")
    qualifier: Qualifier | None = Field(None, description="at_least, at_most, about, or null.")
    item: str | None = Field(None, description="The indicator measured: 适龄女童HPV疫苗接种率, 补助比例.")


class Phase(_RecordBase):
    type: Literal["phase"] = Field(
        "phase", description="The record type; the key fields of each type are in docs/RECORDS.md §2.")
    name: str | None = Field(
        None, description="The step's name before its window: 准备阶段; null for an unnamed step.")
    start: str | None = Field(None, description="Start of the window (ISO partial date), or null.")
    end: str | None = Field(None, description="End of the window (ISO partial date), or null.")


class Deadline(_RecordBase):
    type: Literal["deadline"] = Field(
        "deadline", description="The record type; the key fields of each type are in docs/RECORDS.md §2.")
    date: str = Field(description="The target date (ISO partial): 11月底前 -> 2025-11.")
    what: str | None = Field(None, description="The action that is due, a short verb phrase: 全面完成为民实事.")


class Responsibility(_RecordBase):
    type: Literal["responsibility"] = Field(
        "responsibility", description="The record type; the key fields of each type are in docs/RECORDS.md §2.")
    role: Role = Field(description="lead (牵头), support (配合/协办), implementer (实施), responsible (责任).")
    unit: str = Field(description="The unit as written, elisions expanded: 市教育局, 凉州区政府.")


def total_of(rec: _RecordBase) -> _RecordBase | None:
    """`rec._total` read straight from the private dict (the meaning pass asks every record; the
    `__getattr__` detour costs ~0.8 us a call)."""
    private = rec.__pydantic_private__
    return private.get("_total") if private else None


Record = Annotated[
    Quantity | Money | Ratio | Percentage | Phase | Deadline | Responsibility,
    Field(discriminator="type"),
]
RECORD_TYPES: tuple[str, ...] = (
    "quantity", "money", "ratio", "percentage", "phase", "deadline", "responsibility",
)


class Section(_Model):
    marker: str = Field(description="The heading's marker as written: 一、 (一) 1. (1).")
    level: int = Field(ge=1, le=4, description="1..4 for 一、 / (一) / 1. / (1).")
    title: str = Field(description="The heading text without its marker.")
    kind: SectionKind = Field(
        "other", description="What the section is about: targets, funding, steps, responsibility, deadline, ...")
    span: Span = Field(description="[start, end) of the section in Notice.text.")
    children: list[Section] = Field(default_factory=list, description="Sub-sections, in document order.")


class Part(_Model):
    index: int = Field(description="1-based index of the part within its programme.")
    title: str = Field(description="The part's title (one project of a bundled plan).")
    span: Span = Field(description="[start, end) of the part in Notice.text.")
    sections: list[Section] = Field(default_factory=list, description="The part's heading tree.")
    records: list[Record] = Field(
        default_factory=list, description="The part's records (their `part` is this index).")


class CategoryEvidence(_Model):
    category: str = Field(description="The category key (lexicon/categories.yaml) the word speaks for.")
    word: str = Field(description="The keyword found.")
    where: Literal["title", "text"] = Field(description="Found in the programme's title or in its text.")
    count: int = Field(1, description="How often it was found.")


class Category(_Model):
    """Programme category (issue 12): one primary key, optional secondary keys, the deciding words."""
    primary: str = Field(description="The primary category key: education, health, elderly, ...")
    name: str = Field(description="The primary category's name: 教育, 医疗卫生, 养老服务, ...")
    secondary: list[str] = Field(
        default_factory=list, description="Other category keys the programme also serves.")
    evidence: list[CategoryEvidence] = Field(default_factory=list, description="The words that decided.")


class Programme(_Model):
    id: str = Field(description="P01, P02, ... in document order.")
    title: str = Field(description="The plan's title as one line.")
    span: Span = Field(description="[start, end) of the programme in Notice.text.")
    parts: list[Part] = Field(default_factory=list, description="Projects of a bundled plan.")
    sections: list[Section] = Field(default_factory=list, description="The heading tree.")
    records: list[Record] = Field(
        default_factory=list, description="Records of the programme outside its parts.")
    category: Category | None = Field(
        None, description="The programme's livelihood area (lexicon/categories.yaml) with the words that decided it.")

    def all_records(self) -> list[Record]:
        """The programme's own records and those of its parts, in document order."""
        out = list(self.records)
        for part in self.parts:
            out.extend(part.records)
        return sorted(out, key=lambda r: r.span)


class Table(_Model):
    header: list[str] = Field(description="Header cells, multi-row headers joined per column.")
    rows: list[list[str]] = Field(description="Body rows, cell texts.")
    # span of every cell, header first then rows, row-major; lets rules ground table figures
    _cell_spans: list[list[Span]] = PrivateAttr(default_factory=list)
    # figures no placement fits (row index, span) and what the table reader warns about
    _unplaced: list[tuple[int, Span]] = PrivateAttr(default_factory=list)
    _warnings: list[str] = PrivateAttr(default_factory=list)
    # per column the spanning header over it (`户厕补助资金(万元)` over `合计`), where the reader saw one
    _parents: list[str | None] = PrivateAttr(default_factory=list)


class Attachment(_Model):
    label: str = Field(description="附件1, 附表2, ... as written.")
    title: str = Field(description="The attachment's title.")
    programme_id: str | None = Field(
        None, description="The programme that cites the attachment, when one does.")
    span: Span | None = Field(
        None, description="[start, end) of the attachment in Notice.text, or null when it is missing.")
    tables: list[Table] = Field(default_factory=list, description="The attachment's tables.")


class Notice(_Model):
    # "2" added record id and part_of; readers of "1" documents keep working (both default to null)
    schema_version: Literal["1", "2"] = Field(
        "2", description="2 (adds record id and part_of); documents of version 1 are still read.")
    source: Source = Field(
        default_factory=Source, description="Where the notice came from and which extractor read it.")
    text: str = Field(description="The normalised full text; every span indexes into it.")
    meta: Meta = Field(default_factory=Meta, description="The notice's metadata.")
    programmes: list[Programme] = Field(
        default_factory=list, description="The notice's programmes (plans, projects), in document order.")
    records: list[Record] = Field(
        default_factory=list, description="Records of the cover letter and of text outside every programme.")
    attachments: list[Attachment] = Field(default_factory=list, description="Attachments and their tables.")
    warnings: list[str] = Field(
        default_factory=list, description="What the extractor noticed but could not resolve: missing attachments, unplaced table figures, parts that do not add up.")

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
