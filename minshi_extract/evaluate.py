"""Scoring of extracted records against gold (RECORDS.md §4)."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from .agreement import (
    Agreement,
    Counts,
    LinkCounts,
    compare_fields,
    compare_links,
    format_agreement,
    format_mismatches,
)
from .categories import CategoryScore, load_labels, score_categories
from .gold import Gold, load_gold
from .models import RECORD_TYPES, Meta, Notice, Record, dedupe, norm_name, record_key

COVER = "(cover letter)"
NOT_RECORD_GOLD = {"categories.json"}
_META_FIELDS = tuple(Meta.model_fields)


@dataclass
class Miss:
    kind: str  # "missed" | "spurious"
    programme: str
    record: Record


@dataclass
class Score:
    name: str
    by_type: dict[str, Counts] = field(default_factory=lambda: {t: Counts() for t in RECORD_TYPES})
    by_programme: dict[str, Counts] = field(default_factory=dict)
    errors: list[Miss] = field(default_factory=list)
    grounded: int = 0
    predicted: int = 0
    programmes_found: int = 0
    programmes_expected: int = 0
    meta_matched: int = 0
    meta_fields: int = 0
    meta_mismatches: list[str] = field(default_factory=list)
    fields: Agreement = field(default_factory=Agreement)  # item / what / source on matched records
    links: LinkCounts = field(default_factory=LinkCounts)  # part_of on matched records (annotated gold)
    categories: CategoryScore = field(default_factory=CategoryScore)  # gold/categories.json (issue 12)
    table_sums: tuple[int, int] = (0, 0)  # table sums that check out, sums the tables state

    @property
    def micro(self) -> Counts:
        total = Counts()
        for c in self.by_type.values():
            total.add(c)
        return total

    @property
    def grounding(self) -> float:
        return self.grounded / self.predicted if self.predicted else 1.0

    def add(self, other: Score) -> None:
        for t, c in other.by_type.items():
            self.by_type[t].add(c)
        for p, c in other.by_programme.items():
            self.by_programme.setdefault(f"{other.name}: {p}", Counts()).add(c)
        self.errors.extend(other.errors)
        self.grounded += other.grounded
        self.predicted += other.predicted
        self.programmes_found += other.programmes_found
        self.programmes_expected += other.programmes_expected
        self.meta_matched += other.meta_matched
        self.meta_fields += other.meta_fields
        self.meta_mismatches.extend(f"{other.name}: {m}" for m in other.meta_mismatches)
        self.fields.add(other.fields)
        self.links.add(other.links)
        self.categories.add(other.categories)
        self.table_sums = (self.table_sums[0] + other.table_sums[0], self.table_sums[1] + other.table_sums[1])

    def as_dict(self) -> dict:
        return {
            "name": self.name,
            "micro": self.micro.as_dict(),
            "by_type": {t: c.as_dict() for t, c in self.by_type.items()},
            "by_programme": {p: c.as_dict() for p, c in self.by_programme.items()},
            "grounding": round(self.grounding, 4),
            "programme_detection": {"found": self.programmes_found, "expected": self.programmes_expected},
            "meta": {"matched": self.meta_matched, "fields": self.meta_fields, "mismatches": self.meta_mismatches},
            "fields": {k: c.as_dict() for k, c in self.fields.counts.items()},
            "links": self.links.as_dict(),
            "categories": {"correct": self.categories.correct, "labelled_detected": self.categories.total,
                           "accuracy": round(self.categories.accuracy, 4)},
            "table_sums": {"check_out": self.table_sums[0], "stated": self.table_sums[1]},
        }


# --- matching ------------------------------------------------------------------------------------


def _num_equal(a: float | None, b: float | None, money: bool) -> bool:
    if a is None or b is None:
        return a is b
    diff = abs(float(a) - float(b))
    if money and diff <= 0.5:  # 0.5 yuan
        return True
    return diff <= 1e-6 * max(abs(float(a)), abs(float(b)), 1.0)


def keys_match(g: Record, p: Record) -> bool:
    """Key equality of RECORDS.md §4: numbers within 0.5 yuan or 1e-6 relative, names normalised."""
    if g.type != p.type:
        return False
    t = g.type
    if t == "quantity":
        return (
            _num_equal(g.value, p.value, False)
            and norm_name(g.unit) == norm_name(p.unit)
            and norm_name(g.region) == norm_name(p.region)
        )
    if t == "money":
        return (
            _num_equal(g.amount_cny, p.amount_cny, True)
            and norm_name(g.per) == norm_name(p.per)
            and norm_name(g.region) == norm_name(p.region)
        )
    if t == "ratio":
        return len(g.shares) == len(p.shares) and all(
            _num_equal(a, b, False) for a, b in zip(g.shares, p.shares, strict=True)
        )
    if t == "percentage":
        return _num_equal(g.value, p.value, False)
    return record_key(g) == record_key(p)


def match_records(gold: list[Record], pred: list[Record]) -> tuple[list[Record], list[Record], int]:
    """One-to-one matching on the key, both sides as sets. Returns (missed, spurious, tp)."""
    missed, spurious, pairs = match_pairs(gold, pred)
    return missed, spurious, len(pairs)


def match_pairs(
    gold: list[Record], pred: list[Record]
) -> tuple[list[Record], list[Record], list[tuple[Record, Record]]]:
    """One-to-one matching on the key, both sides as sets: (missed, spurious, matched pairs)."""
    gold, pred = dedupe(gold), dedupe(pred)
    free = list(pred)
    missed: list[Record] = []
    pairs: list[tuple[Record, Record]] = []
    for g in gold:
        for i, p in enumerate(free):
            if keys_match(g, p):
                pairs.append((g, free.pop(i)))
                break
        else:
            missed.append(g)
    return missed, free, pairs


def _flat(s: str) -> str:
    return "".join(s.split())


def _runs_on(a: str, b: str) -> bool:
    """One title is the other run on past a clause break: the same heading, cut at its first clause
    by one reader and kept whole by the other (an annotation convention, not a different programme)."""
    short, long = sorted((a, b), key=len)
    return len(short) >= 6 and long.startswith(short) and long[len(short):len(short) + 1] in ",;:。"


def pair_programmes(gold_titles: list[str], pred_titles: list[str]) -> dict[int, int]:
    """Pair gold programme i with predicted programme j by title (exact, then close)."""
    pairs: dict[int, int] = {}
    used: set[int] = set()
    flat_pred = [_flat(t) for t in pred_titles]
    for i, t in enumerate(gold_titles):
        ft = _flat(t)
        for j, fp in enumerate(flat_pred):
            if j not in used and fp == ft:
                pairs[i] = j
                used.add(j)
                break
    for i, t in enumerate(gold_titles):  # a title run on past a clause break (…1.2万人,其中…) by one side
        ft = _flat(t)
        j = next((j for j, fp in enumerate(flat_pred) if i not in pairs and j not in used and _runs_on(ft, fp)), None)
        if j is not None:
            pairs[i] = j
            used.add(j)
    for i, t in enumerate(gold_titles):
        if i in pairs:
            continue
        best, best_j = 0.0, -1
        for j, fp in enumerate(flat_pred):
            if j in used:
                continue
            r = difflib.SequenceMatcher(None, _flat(t), fp).ratio()
            if r > best:
                best, best_j = r, j
        if best >= 0.85:
            pairs[i] = best_j
            used.add(best_j)
    return pairs


def _by_type(missed: list[Record], spurious: list[Record], gold: list[Record], score: Score) -> Counts:
    total = Counts()
    for t in RECORD_TYPES:
        g = sum(1 for r in dedupe(gold) if r.type == t)
        fn = sum(1 for r in missed if r.type == t)
        fp = sum(1 for r in spurious if r.type == t)
        c = Counts(tp=g - fn, fp=fp, fn=fn)
        score.by_type[t].add(c)
        total.add(c)
    return total


def score_notice(notice: Notice, gold: Gold, name: str | None = None) -> Score:
    score = Score(name=name or Path(gold.path).stem)
    score.table_sums = table_sums(notice)
    # grounding over every predicted record
    for rec in notice.all_records():
        score.predicted += 1
        s, e = rec.span
        score.grounded += int(0 <= s <= e <= len(notice.text) and notice.text[s:e] == rec.text)

    def compare(label: str, g: list[Record], p: list[Record]) -> None:
        missed, spurious, pairs = match_pairs(g, p)
        compare_fields(label, pairs, score.fields)
        if gold.links:
            compare_links(f"{score.name}: {label}", pairs, g, p, keys_match, score.links)
        score.by_programme[label] = _by_type(missed, spurious, g, score)
        score.errors.extend(Miss("missed", label, r) for r in missed)
        score.errors.extend(Miss("spurious", label, r) for r in spurious)

    compare(COVER, gold.records, notice.records)
    pred_titles = [p.title for p in notice.programmes]
    pairs = pair_programmes([g.title for g in gold.programmes], pred_titles)
    score.programmes_expected = len(gold.programmes)
    score.programmes_found = len(pairs)
    for i, gp in enumerate(gold.programmes):
        pred = notice.programmes[pairs[i]].all_records() if i in pairs else []
        compare(gp.title, gp.records, pred)
    for j, prog in enumerate(notice.programmes):
        if j not in pairs.values():
            compare(f"(unpaired) {prog.title}", [], prog.all_records())

    # meta exact match, field by field (fields the gold states)
    for f in _META_FIELDS:
        want = getattr(gold.meta, f)
        if want is None or want == []:
            continue
        got = getattr(notice.meta, f)
        score.meta_fields += 1
        if got == want:
            score.meta_matched += 1
        else:
            score.meta_mismatches.append(f"{f}: expected {want!r}, got {got!r}")
    return score


def table_sums(notice: Notice) -> tuple[int, int]:
    """(sums that check out, sums stated) over the notice's tables: row totals of payer columns,
    合计 and group rows (minshi_extract.tables.sums)."""
    from .tables.sums import notice_sums

    return notice_sums(notice)


def find_gold_files(gold_dir: Path) -> list[Path]:
    return sorted(
        p for p in gold_dir.rglob("*.json")
        if not any(part.startswith("_") for part in p.relative_to(gold_dir).parts)
        and p.name not in NOT_RECORD_GOLD and not p.name.endswith(".pairing.json")  # issue 12 gold
    )


def evaluate(
    gold_dir: str | Path, corpus_dir: str | Path, only: str | None = None
) -> tuple[Score, list[Score]]:
    """Score every corpus notice that has a gold file (`only`: a glob on the gold file's
    name relative to gold_dir, without .json). Returns (all together, per notice)."""
    from fnmatch import fnmatch

    from .normalize import normalize
    from .pipeline import extract

    gold_dir, corpus_dir = Path(gold_dir), Path(corpus_dir)
    per: list[Score] = []
    total = Score(name="all")
    labels = load_labels(gold_dir / "categories.json") if (gold_dir / "categories.json").is_file() else {}
    for gpath in find_gold_files(gold_dir):
        if only and not fnmatch(str(gpath.relative_to(gold_dir).with_suffix("")), only):
            continue
        head = load_gold(gpath)  # format check before the notice is read
        notice = extract(corpus_dir / head.corpus_file)
        # a scan's gold is what the page prints; the OCR text may misread some of it, so its texts are
        # not looked up in the notice (records still match by key)
        scanned = notice.source.format == "image" or any(r.confidence is not None for r in notice.all_records())
        gold = load_gold(gpath, None if scanned else normalize(notice.text)[0])
        s = score_notice(notice, gold, str(gpath.relative_to(gold_dir).with_suffix("")))
        if s.name in labels:
            s.categories = score_categories(notice, labels[s.name], s.name)
        per.append(s)
        total.add(s)
    return total, per


# --- report --------------------------------------------------------------------------------------


def _row(name: str, c: Counts) -> str:
    return f"{name:<14} {c.precision:>6.3f} {c.recall:>6.3f} {c.f1:>6.3f} {c.tp:>5} {c.fp:>5} {c.fn:>5}"


def format_score(s: Score, programmes: bool = True) -> str:
    lines = [f"== {s.name}", f"{'type':<14} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
    for t, c in s.by_type.items():
        lines.append(_row(t, c))
    lines.append(_row("micro", s.micro))
    lines.append(f"grounding {s.grounding:.4f} ({s.grounded}/{s.predicted})")
    lines.append(f"programme detection {s.programmes_found}/{s.programmes_expected}")
    lines.append(f"meta exact-match {s.meta_matched}/{s.meta_fields}")
    if s.categories.total:
        c = s.categories
        lines.append(f"category primary accuracy {c.accuracy:.4f} ({c.correct}/{c.total} labelled programmes detected;"
                     f" within labelled primary+secondary {c.lenient}/{c.total})")
    if s.table_sums[1]:
        lines.append(f"table sums {s.table_sums[0]}/{s.table_sums[1]} check out")
    lines.extend(f"  meta {m}" for m in s.meta_mismatches)
    lines.append("what a figure counts (records whose key matched):")
    lines.extend("  " + row for row in format_agreement(s.fields).splitlines())
    k = s.links
    if k.tp + k.fp + k.fn:
        lines.append(f"shares linked to their total (part_of, annotated gold): P {k.precision:.3f} R {k.recall:.3f} "
                     f"F1 {k.f1:.3f}  tp {k.tp} fp {k.fp} fn {k.fn}")
    if programmes:
        lines.append("per programme:")
        for p, c in s.by_programme.items():
            lines.append(f"  F1 {c.f1:.3f}  tp {c.tp:>3} fp {c.fp:>3} fn {c.fn:>3}  {p}")
    return "\n".join(lines)


def format_errors(s: Score) -> str:
    out = []
    for m in s.errors:
        r = m.record
        key = record_key(r)[1:]
        out.append(f"{m.kind:<8} [{m.programme[:24]}] {r.type} {key} «{r.text}» @ {r.section or '-'}")
    fields = format_mismatches(s.fields)
    out += [f"category [{e}]" for e in s.categories.errors]
    out += s.links.errors
    return "\n".join(out + ([fields] if fields else []))
