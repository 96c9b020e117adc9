"""Follow programmes from one notice to the next (issue 12): `minshi-extract compare OLD NEW`.

Programmes of two notices of the same government are paired on three signals: title similarity
(numbers, years and filler words such as 实施方案 / 新建 removed), category, and the figures they
share (units and items). For each pair, the targets (quantities and percentages), money, deadlines
and lead units are lined up side by side with their change: `学位 2700个 -> 3600个 (+33%)`.
"""

from __future__ import annotations

import difflib
import json
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Literal

import regex
from pydantic import BaseModel, ValidationError

from .errors import MinshiError
from .limits import MAX_COMPARE, check_count
from .models import Notice, Programme, Record, norm_name
from .rules.lexicon import load_yaml

Kind = Literal["target", "money", "deadline", "lead"]
Status = Literal["changed", "same", "added", "removed"]
_NUMBER = regex.compile(r"[0-9０-９][0-9０-９.,，]*\s*[万亿千百]?\S?|20\d\d年?")


class FigureRow(BaseModel):
    kind: Kind
    label: str  # the item (学位), what is due (完成主体工程), or 牵头单位
    unit: str | None = None  # 个, 元, 元/人 ...
    old: float | str | list[str] | None = None
    new: float | str | list[str] | None = None
    old_text: str | None = None
    new_text: str | None = None
    status: Status
    change: str = ""  # +33%, -2 months, ...


class ProgrammePair(BaseModel):
    old_id: str
    old_title: str
    new_id: str
    new_title: str
    score: float
    category: str | None = None
    rows: list[FigureRow] = []

    @property
    def changes(self) -> list[FigureRow]:
        return [r for r in self.rows if r.status != "same"]


class Unpaired(BaseModel):
    id: str
    title: str
    category: str | None = None


class Comparison(BaseModel):
    old: str  # notice label (title or path)
    new: str
    old_year: int | None = None
    new_year: int | None = None
    pairs: list[ProgrammePair] = []
    new_programmes: list[Unpaired] = []
    dropped: list[Unpaired] = []


@lru_cache(maxsize=1)
def settings() -> dict:
    return load_yaml("compare.yaml")


# --- programme similarity ------------------------------------------------------------------------


def title_key(title: str) -> str:
    """The title without numbers, years, units and filler words: what the programme is about."""
    s = _NUMBER.sub("", norm_name(title) or "")
    for w in sorted((norm_name(w) or "" for w in settings()["title_filler"]), key=len, reverse=True):
        s = s.replace(w, "") if w else s
    return s


def _bigrams(s: str) -> set[str]:
    return {s[i:i + 2] for i in range(len(s) - 1)} or ({s} if s else set())


def similarity(a: str, b: str) -> float:
    """Similarity of two short strings: the better of bigram Dice and the diff ratio."""
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    ba, bb = _bigrams(a), _bigrams(b)
    dice = 2 * len(ba & bb) / (len(ba) + len(bb))
    return max(dice, difflib.SequenceMatcher(None, a, b).ratio())


def _units_items(prog: Programme) -> tuple[set[str], set[str]]:
    units: set[str] = set()
    items: set[str] = set()
    for r in prog.all_records():
        if r.type == "quantity":
            units.add(norm_name(r.unit) or "")
        if r.type in ("quantity", "money", "percentage") and r.item:
            items.add(norm_name(r.item) or "")
    return units, items


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def _soft_overlap(a: set[str], b: set[str]) -> float:
    """Mean best similarity of the smaller set's strings in the other set (普惠性托位 ~ 普惠性托育托位)."""
    if not a or not b:
        return 0.0
    small, big = (a, b) if len(a) <= len(b) else (b, a)
    return sum(max(similarity(x, y) for y in big) for x in small) / len(small)


def category_score(a: Programme, b: Programme) -> float:
    """Same primary category (1; 0.5 when one's primary is the other's secondary), and the
    classifier's deciding words they share (托位, 婴幼儿 ...)."""
    ca, cb = a.category, b.category
    if ca is None or cb is None:
        return 0.0
    primary = 1.0 if ca.primary == cb.primary else 0.5 if ca.primary in cb.secondary or cb.primary in ca.secondary else 0.0
    words = _jaccard({e.word for e in ca.evidence}, {e.word for e in cb.evidence})
    return 0.6 * primary + 0.4 * words


def _features(p: Programme) -> tuple[str, tuple[set[str], set[str]]]:
    """What a programme is compared by, made once (title key; units and items of its figures)."""
    return title_key(p.title), _units_items(p)


def programme_score(a: Programme, b: Programme, fa: tuple | None = None, fb: tuple | None = None) -> float:
    """Title, category and shared figures (units they count in, what they count, compared loosely);
    `fa`, `fb`: the programmes' _features when the caller has them."""
    (ka, (ua, ia)), (kb, (ub, ib)) = fa or _features(a), fb or _features(b)
    w = settings()["weights"]
    figures = 0.5 * _jaccard(ua, ub) + 0.5 * _soft_overlap(ia, ib)
    return w["title"] * similarity(ka, kb) + w["category"] * category_score(a, b) + w["figures"] * figures


def pair_programmes(old: list[Programme], new: list[Programme]) -> list[tuple[int, int, float]]:
    """(old index, new index, score) of the paired programmes: best scores first, one-to-one. Every
    pair is scored, and within a pair every item of one with every item of the other, so that work is
    limited (2,000 programmes on each side ran past a minute)."""
    fo, fn = [_features(a) for a in old], [_features(b) for b in new]  # once a programme, not a pair
    items = sum(len(f[1][1]) for f in fo) * sum(len(f[1][1]) for f in fn)
    check_count("comparisons of programmes and their items:", len(old) * len(new) + items, MAX_COMPARE, "compare")
    cands = sorted(
        ((programme_score(a, b, fo[i], fn[j]), i, j) for i, a in enumerate(old) for j, b in enumerate(new)),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    used_old: set[int] = set()
    used_new: set[int] = set()
    out: list[tuple[int, int, float]] = []
    for score, i, j in cands:
        if score < settings()["min_score"] or i in used_old or j in used_new:
            continue
        used_old.add(i)
        used_new.add(j)
        out.append((i, j, round(score, 3)))
    return sorted(out)


# --- figures side by side ------------------------------------------------------------------------


def _pct(old: float, new: float) -> str:
    if old == new:
        return ""
    if not old:
        return "new"
    return f"{(new - old) / old * 100:+.0f}%"


def _label(r: Record) -> str:
    if r.type == "deadline":
        return r.what or ""
    base = r.item or ""
    region = getattr(r, "region", None)
    return f"{region} {base}".strip() if region else base


def _unit(r: Record) -> str | None:
    if r.type == "quantity":
        return r.unit
    if r.type == "percentage":
        return "%"
    if r.type == "money":
        return f"元/{r.per}" if r.per else "元"
    return None


def _value(r: Record) -> float | str:
    if r.type == "quantity":
        return float(r.value)
    if r.type == "percentage":
        return float(r.value)
    if r.type == "money":
        return float(r.amount_cny)
    return r.date  # deadline


def _match(old: list[Record], new: list[Record]) -> list[tuple[Record | None, Record | None]]:
    """Pair figures of the same unit: equal labels first (in order), then similar labels."""
    pairs: list[tuple[Record | None, Record | None]] = []
    free_new = list(new)
    rest: list[Record] = []
    for o in old:
        hit = next((n for n in free_new if _unit(n) == _unit(o) and norm_name(_label(n)) == norm_name(_label(o))), None)
        if hit is None:
            rest.append(o)
            continue
        free_new.remove(hit)
        pairs.append((o, hit))
    floor = settings()["item_min_similarity"]
    for o in rest:
        scored = [(similarity(norm_name(_label(o)) or "", norm_name(_label(n)) or ""), n)
                  for n in free_new if _unit(n) == _unit(o)]
        best = max(scored, key=lambda t: t[0], default=(0.0, None))
        # a lone figure of a unit on both sides pairs even with differently worded items
        lone = len(scored) == 1 and sum(1 for x in rest if _unit(x) == _unit(o)) == 1
        if best[1] is not None and (best[0] >= floor or lone):
            free_new.remove(best[1])
            pairs.append((o, best[1]))
        else:
            pairs.append((o, None))
    pairs.extend((None, n) for n in free_new)
    return pairs


def _shift(date: str, years: int) -> str:
    y, _, rest = date.partition("-")
    return f"{int(y) + years}{'-' + rest if rest else ''}" if y.isdigit() else date


def _months(date: str) -> int:
    parts = date.split("-")
    return int(parts[0]) * 12 + (int(parts[1]) if len(parts) > 1 else 12)


def _row(kind: Kind, o: Record | None, n: Record | None, years: int) -> FigureRow:
    ref = o or n
    assert ref is not None
    row = FigureRow(
        kind=kind, label=_label(n or ref), unit=_unit(ref),
        old=_value(o) if o else None, new=_value(n) if n else None,
        old_text=o.text if o else None, new_text=n.text if n else None,
        status="removed" if n is None else "added" if o is None else "same",
    )
    if o is None or n is None:
        return row
    if kind == "deadline":
        if _shift(str(row.old), years) != row.new:
            row.status = "changed"
            diff = _months(str(row.new)) - _months(_shift(str(row.old), years))
            row.change = f"{diff:+d} months" if diff else "day changed"
    elif row.old != row.new:
        row.status = "changed"
        row.change = _pct(float(row.old), float(row.new))  # type: ignore[arg-type]
    return row


def _leads(prog: Programme) -> list[str]:
    recs = [r for r in prog.all_records() if r.type == "responsibility"]
    lead = [r.unit for r in recs if r.role == "lead"] or [r.unit for r in recs if r.role == "responsible"][:1]
    return list(dict.fromkeys(norm_name(u) or u for u in lead))


def figure_rows(old: Programme, new: Programme, years: int = 1) -> list[FigureRow]:
    """Targets, money, deadlines and lead units of two paired programmes, side by side."""
    rows: list[FigureRow] = []
    groups: list[tuple[Kind, tuple[str, ...]]] = [
        ("target", ("quantity", "percentage")), ("money", ("money",)), ("deadline", ("deadline",)),
    ]
    for kind, types in groups:
        o = [r for r in old.all_records() if r.type in types]
        n = [r for r in new.all_records() if r.type in types]
        pairs = sorted(_match(o, n), key=lambda t: (t[1] is None, (t[1] or t[0]).span[0]))  # type: ignore[union-attr]
        rows.extend(_row(kind, a, b, years) for a, b in pairs)
    lo, ln = _leads(old), _leads(new)
    if lo or ln:
        rows.append(FigureRow(kind="lead", label="牵头单位", old=lo, new=ln,
                              status="same" if lo == ln else "added" if not lo else "removed" if not ln else "changed"))
    return rows


def compare_notices(old: Notice, new: Notice) -> Comparison:
    years = (new.meta.year - old.meta.year) if old.meta.year and new.meta.year else 0
    cmp = Comparison(old=_name(old), new=_name(new), old_year=old.meta.year, new_year=new.meta.year)
    paired = pair_programmes(old.programmes, new.programmes)
    for i, j, score in paired:
        a, b = old.programmes[i], new.programmes[j]
        cmp.pairs.append(ProgrammePair(
            old_id=a.id, old_title=a.title, new_id=b.id, new_title=b.title, score=score,
            category=b.category.primary if b.category else None, rows=figure_rows(a, b, years),
        ))
    used_old = {i for i, _, _ in paired}
    used_new = {j for _, j, _ in paired}
    cmp.dropped = [_unpaired(p) for i, p in enumerate(old.programmes) if i not in used_old]
    cmp.new_programmes = [_unpaired(p) for j, p in enumerate(new.programmes) if j not in used_new]
    return cmp


def _unpaired(p: Programme) -> Unpaired:
    return Unpaired(id=p.id, title=p.title, category=p.category.primary if p.category else None)


def _name(n: Notice) -> str:
    return n.meta.title or n.source.path or "notice"


# --- input ---------------------------------------------------------------------------------------


def load_notice(path: str | Path) -> Notice:
    """A notice file (any readable format) or the JSON `extract` wrote; categories filled in."""
    from .categories import categorise
    from .pipeline import extract

    p = Path(path)
    if p.suffix.lower() != ".json":
        return extract(p)
    if not p.is_file():
        raise MinshiError(f"{p}: file not found")
    try:
        notice = Notice.model_validate_json(p.read_bytes())
    except (ValidationError, ValueError) as exc:
        first = str(exc).splitlines()[0]
        raise MinshiError(f"{p}: not a notice JSON written by `extract` ({first})") from None
    if any(prog.category is None for prog in notice.programmes):
        categorise(notice)
    return notice


def to_json(cmp: Comparison) -> str:
    return json.dumps(cmp.model_dump(mode="json"), ensure_ascii=False, indent=1)


# --- over a dataset ------------------------------------------------------------------------------

LINK_COLUMNS = [
    "issuer", "old_year", "new_year", "old_notice", "new_notice", "old_id", "new_id",
    "old_title", "new_title", "category", "status", "score", "changes",
]


def issuer_key(notice: Notice) -> str:
    """The government behind a notice: its issuer without the office suffix (市政府办公室 = 市政府)."""
    issuer = norm_name(notice.meta.issuer) or norm_name(notice.meta.title) or ""
    for suffix in settings().get("issuer_suffixes", []):
        if issuer.endswith(suffix):
            return issuer[: -len(suffix)]
    return issuer


def programme_links(notices: list[Notice]) -> list[dict[str, object]]:
    """The `programme_links` table: per issuer, each notice paired with the one of the previous
    year it has (nearest earlier year); one row per paired, new or dropped programme."""
    by_issuer: dict[str, list[Notice]] = {}
    for n in notices:
        if n.meta.year is not None:
            by_issuer.setdefault(issuer_key(n), []).append(n)
    rows: list[dict[str, object]] = []
    for issuer, group in sorted(by_issuer.items()):
        group.sort(key=lambda n: n.meta.year or 0)
        for old, new in pairwise(group):
            if old.meta.year == new.meta.year:
                continue
            cmp = compare_notices(old, new)
            base = {"issuer": issuer, "old_year": old.meta.year, "new_year": new.meta.year,
                    "old_notice": old.source.path or _name(old), "new_notice": new.source.path or _name(new)}
            for p in cmp.pairs:
                rows.append({**base, "old_id": p.old_id, "new_id": p.new_id, "old_title": p.old_title,
                             "new_title": p.new_title, "category": p.category, "status": "paired",
                             "score": p.score, "changes": len(p.changes)})
            for u in cmp.dropped:
                rows.append({**base, "old_id": u.id, "new_id": None, "old_title": u.title, "new_title": None,
                             "category": u.category, "status": "dropped", "score": None, "changes": None})
            for u in cmp.new_programmes:
                rows.append({**base, "old_id": None, "new_id": u.id, "old_title": None, "new_title": u.title,
                             "category": u.category, "status": "new", "score": None, "changes": None})
    return rows
