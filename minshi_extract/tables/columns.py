"""What a column holds, from its (merged) header: serial, name, region, count, money (total or
by payer), role, progress, deadline, remarks or text. Words in lexicon/table_columns.yaml."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from ..doc_cache import per_document
from ..rules.lexicon import load_yaml

TIMEOUT = 1.0
_BRACKET = regex.compile(r"[(\[](?P<unit>[^()\[\]]{1,8})[)\]]")
_MONEY_UNITS = ("元", "万元", "亿元")
_SERIAL = ("序号", "编号", "序 号", "No.", "NO.")
_NAME_WORDS = ("名称", "项目", "实事", "事项", "工程", "任务")
_GROUP_ENDS = ("类别", "类型", "分类")
_INDICATOR_ENDS = ("率", "占比", "比例", "比重")


@cache
def lexicon() -> dict:
    return load_yaml("table_columns.yaml")


@cache
def caption_pattern() -> regex.Pattern:
    return regex.compile(lexicon()["caption"])


def squash(s: str) -> str:
    return "".join(s.split())


@cache
def _squashed(key: str) -> frozenset[str]:
    """A word list of the table lexicon, blanks removed, as a set (built once)."""
    return frozenset(squash(x) for x in lexicon()[key])


@cache
def _squashed_serial() -> frozenset[str]:
    return frozenset(squash(s) for s in _SERIAL)


def caption_unit(line: str) -> str | None:
    """`单位:万元` / `金额单位:万元` -> 万元, also at the end of a title line (`…构成表(单位:万元)`);
    anything else None."""
    s = squash(line)
    m = caption_pattern().fullmatch(s, timeout=TIMEOUT) or title_unit_pattern().search(s, timeout=TIMEOUT)
    return m.group("unit") if m else None


@cache
def title_unit_pattern() -> regex.Pattern:
    return regex.compile(lexicon()["caption_in_title"])


def is_total_label(cell: str) -> bool:
    """`合计`, `小计`, `全市合计`; a group's subtotal named by its group (`市区小计`, `县(市)小计`)."""
    c = squash(cell)
    return c in _squashed("total_rows") or (c.endswith(("小计", "合计")) and 2 < len(c) <= 10)


@dataclass(frozen=True)
class ColumnKind:
    kind: str  # serial | name | region | count | money | role | progress | deadline | remarks | text
    payer: str | None = None  # money column of one payer: the header words naming it
    total: bool = False  # money column holding the row's total


def _bare(header: str) -> str:
    return _BRACKET.sub("", squash(header))


def unit_of(header: str) -> str | None:
    """The unit in the header's last bracket: `总投资(万元)` -> 万元, `(元/人)` -> 元/人; a bracket inside
    a name (`县(市、区)财政`) is no unit: a bracket that does not end the header is one only when it
    names money (`资金(万元)合计`)."""
    h = squash(header)
    found = list(_BRACKET.finditer(h))
    if not found:
        return None
    last = found[-1]
    return last.group("unit") if last.end() == len(h) or "元" in last.group("unit") else None


def payer_of(header: str) -> str | None:
    """`中央财政(万元)` -> 中央财政; `市县配套资金` -> 市县配套资金; `合计` -> None."""
    bare = _bare(header)
    if any(w in bare for w in lexicon()["totals"]):
        return None
    if bare in lexicon()["payers_exact"]:
        return bare  # 中央 | 省 | 市 | 县 under 资金来源: a one-character level is a payer only alone
    if squash(bare) in _squashed("regions") and is_money_unit(unit_of(header)):
        return bare  # 县区(万元) beside 中央 | 市级 under a money header: the counties pay
    return bare if any(w in bare for w in lexicon()["payers"]) else None


def is_total_header(header: str) -> bool:
    bare = _bare(header)
    return any(w in bare for w in lexicon()["totals"])


def is_progress_header(header: str) -> bool:
    bare = _bare(header)
    return any(w in bare for w in lexicon()["progress"])


# a header made of levels only (区市, 县(市、区、旗), 旗县区): the column of the places the rows are about
_LEVELS_ONLY = regex.compile(r"(?:[省市州盟县区旗乡镇]|街道)(?:[()、]?(?:[省市州盟县区旗乡镇]|街道)[)]?)+")


def is_region_header(header: str) -> bool:
    h = squash(header)
    return h in _squashed("regions") or (_LEVELS_ONLY.fullmatch(h) is not None and h not in _payer_levels())


@cache
def _payer_levels() -> frozenset[str]:
    """Levels that name who pays (市县 under 资金来源), not where (lexicon/meaning.yaml payer_levels)."""
    from ..meaning.grammar import lexicon as meaning_lexicon

    return frozenset(meaning_lexicon()["payer_levels"])


def is_remarks_header(header: str) -> bool:
    return _bare(header) in lexicon()["remarks"]


def is_serial_header(header: str) -> bool:
    return squash(header) in _squashed_serial()


def is_money_unit(unit: str | None) -> bool:
    return unit is not None and unit.partition("/")[0] in _MONEY_UNITS


def classify(header: str, role: str | None, deadline: bool, figure_unit: bool) -> ColumnKind:
    """The kind of one column: `role` / `deadline` from the rule lexicons, `figure_unit` when
    the header (or the caption) gives its cells a unit or a count."""
    if is_serial_header(header):
        return ColumnKind("serial")
    if role is not None:
        return ColumnKind("role")
    if is_region_header(header):
        return ColumnKind("region")
    if is_remarks_header(header):
        return ColumnKind("remarks")
    if deadline:
        return ColumnKind("deadline")
    if is_progress_header(header):
        return ColumnKind("progress")
    unit = unit_of(header)
    if is_money_unit(unit):
        return ColumnKind("money", payer=payer_of(header), total=is_total_header(header))
    if figure_unit:
        return ColumnKind("count")
    bare = _bare(header)
    if any(w in bare for w in _NAME_WORDS) and not bare.endswith(_INDICATOR_ENDS + _GROUP_ENDS):
        # 任务占比 / 任务完成率 measure the rows, they do not name them; 项目类别 groups them
        return ColumnKind("name")
    return ColumnKind("text")


def column_kinds(headers: list[str]) -> list[ColumnKind]:
    """The kind of every column of a table from its header strings."""
    return list(_column_kinds(tuple(headers)))


@per_document
def _column_kinds(headers: tuple[str, ...]) -> tuple[ColumnKind, ...]:
    """column_kinds, remembered for the document: the table reader, its sums, the row linker and
    the table rule each ask about the same header."""
    from ..rules.responsibility import role_of_header
    from ..rules.tables import is_deadline_header, read_header

    return tuple(classify(h, role_of_header(h), is_deadline_header(h), read_header(h) is not None) for h in headers)
