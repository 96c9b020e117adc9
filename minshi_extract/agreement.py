"""Agreement of the meaning fields (item, what, source) on records whose key matched the gold,
and of the links from shares to their totals (`part_of`).

The key says *which* figure; these fields say *what* it counts. Two measures per field:
- exact: equal after normalisation (blanks, width, script), both null counting as equal;
- lenient: the gold's head (its last two characters, the head noun of a Chinese noun phrase) is
  inside the prediction and the two share at least half their characters (character F1 >= 0.5).
  A wrong head noun fails it: gold 学位 vs predicted 学校 fails, 中小学学位 vs 学位 passes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from .models import Record, norm_name

# the fields scored for each record type (gold/GUIDELINES.md "What a figure counts")
FIELDS: dict[str, tuple[str, ...]] = {
    "quantity": ("item",),
    "money": ("item", "source"),
    "percentage": ("item",),
    "deadline": ("what",),
}
HEAD = 2  # characters of the gold value that must appear in a lenient match


@dataclass
class FieldCounts:
    n: int = 0
    exact: int = 0
    lenient: int = 0

    def add(self, other: FieldCounts) -> None:
        self.n += other.n
        self.exact += other.exact
        self.lenient += other.lenient

    @property
    def exact_rate(self) -> float:
        return self.exact / self.n if self.n else 1.0

    @property
    def lenient_rate(self) -> float:
        return self.lenient / self.n if self.n else 1.0

    def as_dict(self) -> dict[str, float | int]:
        return {"n": self.n, "exact": round(self.exact_rate, 4), "lenient": round(self.lenient_rate, 4)}


@dataclass
class FieldMismatch:
    programme: str
    field: str
    gold: Record
    pred: Record


@dataclass
class Agreement:
    counts: dict[str, FieldCounts] = field(
        default_factory=lambda: {f"{t}.{f}": FieldCounts() for t, fs in FIELDS.items() for f in fs}
    )
    mismatches: list[FieldMismatch] = field(default_factory=list)

    def add(self, other: Agreement) -> None:
        for k, c in other.counts.items():
            self.counts[k].add(c)
        self.mismatches.extend(other.mismatches)


def _norm(s: str | None) -> str:
    return norm_name(s) or ""


def char_f1(a: str, b: str) -> float:
    """F1 of the two strings' character multisets."""
    if not a or not b:
        return float(a == b)
    common = sum((Counter(a) & Counter(b)).values())
    if not common:
        return 0.0
    p, r = common / len(b), common / len(a)
    return 2 * p * r / (p + r)


def exact(gold: str | None, pred: str | None) -> bool:
    return _norm(gold) == _norm(pred)


def lenient(gold: str | None, pred: str | None) -> bool:
    g, p = _norm(gold), _norm(pred)
    if not g or not p:
        return g == p
    return g[-HEAD:] in p and char_f1(g, p) >= 0.5


def compare_fields(programme: str, pairs: list[tuple[Record, Record]], into: Agreement) -> None:
    """Add the field agreement of matched (gold, predicted) pairs to `into`."""
    for g, p in pairs:
        for name in FIELDS.get(g.type, ()):
            gv, pv = getattr(g, name), getattr(p, name)
            c = into.counts[f"{g.type}.{name}"]
            c.n += 1
            ok = exact(gv, pv)
            c.exact += ok
            c.lenient += lenient(gv, pv)
            if not ok:
                into.mismatches.append(FieldMismatch(programme, name, g, p))


def format_agreement(a: Agreement) -> str:
    lines = [f"{'field':<20} {'n':>5} {'exact':>6} {'lenient':>7}"]
    for k, c in a.counts.items():
        lines.append(f"{k:<20} {c.n:>5} {c.exact_rate:>6.3f} {c.lenient_rate:>7.3f}")
    return "\n".join(lines)


def format_mismatches(a: Agreement) -> str:
    out = []
    for m in a.mismatches:
        gv, pv = getattr(m.gold, m.field), getattr(m.pred, m.field)
        mark = "~" if lenient(gv, pv) else "x"
        out.append(f"{mark} {m.gold.type}.{m.field} [{m.programme[:24]}] «{m.gold.text}» gold={gv!r} got={pv!r}")
    return "\n".join(out)


@dataclass
class Counts:
    """True positives, false positives and false negatives, with precision, recall and F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp, "fp": self.fp, "fn": self.fn,
            "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
        }


@dataclass
class LinkCounts(Counts):
    """Shares linked to their total, on key-matched money / quantity records of gold files that
    annotate `part_of`: tp = the same total (by key), fp = a link the gold does not make (or to
    another total), fn = a gold link missed (or made to another total)."""

    errors: list[str] = field(default_factory=list)

    def add(self, other: Counts) -> None:
        super().add(other)
        if isinstance(other, LinkCounts):
            self.errors.extend(other.errors)


def compare_links(programme: str, pairs: list[tuple[Record, Record]], gold: list[Record], pred: list[Record],
                  same: Callable[[Record, Record], bool], into: LinkCounts) -> None:
    """Add the link agreement of matched (gold, predicted) pairs of one programme to `into`;
    `same(gold_total, predicted_total)`: the two totals have one key."""
    gold_by_id = {r.id: r for r in gold if r.id}
    pred_by_id = {r.id: r for r in pred if r.id}
    for g, p in pairs:
        if g.type not in ("money", "quantity"):
            continue
        gt, pt = gold_by_id.get(g.part_of or ""), pred_by_id.get(p.part_of or "")
        if gt is None and pt is None:
            continue
        if gt is not None and pt is not None and same(gt, pt):
            into.tp += 1
            continue
        into.fp += pt is not None
        into.fn += gt is not None
        into.errors.append(f"link [{programme[:48]}] «{g.text}» part_of gold «{gt.text if gt else None}» "
                           f"got «{pt.text if pt else None}»")
