"""Programme categories (issue 12): weighted keywords of lexicon/categories.yaml -> one primary
category, optional secondary ones, and the words that decided them.

Words in the programme's title weigh most (the title names what the money and targets are about);
words of its text add a little each, capped, so a plan's boilerplate cannot outvote its title.
Overlapping keywords: the longest occurrence wins (农村公路 hides 农村, 城市公共厕所 hides 厕所).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .models import Category, CategoryEvidence, Notice, Programme
from .normalize import normalize_fragment
from .rules.lexicon import load_yaml


@dataclass(frozen=True)
class Lexicon:
    names: dict[str, str]  # key -> 教育
    weights: dict[str, dict[str, float]]  # word -> {category key: weight}
    title_factor: float
    text_factor: float
    text_cap: int
    secondary_ratio: float
    secondary_min: float
    other: str


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return lexicon_from(load_yaml("categories.yaml"))


def lexicon_from(raw: dict) -> Lexicon:
    """Build the lexicon from the parsed YAML (tests pass small ones)."""
    st = raw.get("settings", {})
    names: dict[str, str] = {}
    weights: dict[str, dict[str, float]] = {}
    for key, body in raw["categories"].items():
        names[key] = body["name"]
        for word, w in (body.get("keywords") or {}).items():
            weights.setdefault(normalize_fragment(str(word)), {})[key] = float(w)
    return Lexicon(
        names=names,
        weights=weights,
        title_factor=float(st.get("title_factor", 4.0)),
        text_factor=float(st.get("text_factor", 0.4)),
        text_cap=int(st.get("text_cap", 3)),
        secondary_ratio=float(st.get("secondary_ratio", 0.5)),
        secondary_min=float(st.get("secondary_min", 2.0)),
        other=str(st.get("other", "other")),
    )


_INDEXES: dict[int, tuple[object, tuple[re.Pattern[str], dict[str, tuple[tuple[str, int], ...]], frozenset[str]]]] = {}


def _word_index(words: dict[str, dict[str, float]]) -> tuple[
        re.Pattern[str], dict[str, tuple[tuple[str, int], ...]], frozenset[str]]:
    """The characters that start a word (one character class), the (word, length) of the words of
    two or more characters by their first two, and the one-character words. Kept per lexicon
    object (the lexicon is built once; a tuple of its 300 words made and hashed per call cost
    more than a short title's scan)."""
    hit = _INDEXES.get(id(words))
    if hit is not None and hit[0] is words:
        return hit[1]
    by_head: dict[str, list[str]] = {}
    for w in words:
        if len(w) > 1:
            by_head.setdefault(w[:2], []).append(w)
    table = {k: tuple((w, len(w)) for w in ws) for k, ws in by_head.items()}
    single = frozenset(w for w in words if len(w) == 1)
    heads = "".join(sorted({w[0] for w in words if w}))
    seconds = "".join(sorted({w[1] for w in words if len(w) > 1}))
    if not heads:
        pattern = re.compile("(?!)")
    else:
        # where a word can start: its first character, followed by a second one (a one-character
        # word needs none)
        after = "" if single or not seconds else f"(?=[{re.escape(seconds)}])"
        pattern = re.compile(f"[{re.escape(heads)}]{after}")
    if len(_INDEXES) > 8:
        _INDEXES.clear()
    _INDEXES[id(words)] = (words, (pattern, table, single))
    return pattern, table, single


def find_words(text: str, words: dict[str, dict[str, float]]) -> Counter[str]:
    """Occurrences of the lexicon's words in text, longest first, never two on the same character."""
    starts, table, single = _word_index(words)
    get, startswith = table.get, text.startswith
    hits: list[tuple[int, int, int, str]] = []  # (-length, start, end, word): sorted longest first
    append = hits.append
    # one scan for where a word can start, not one scan per word
    for i in [m.start() for m in starts.finditer(text)]:
        if single and text[i] in single:
            append((-1, i, i + 1, text[i]))
        found = get(text[i:i + 2])
        if found:
            for word, n in found:
                if n == 2 or startswith(word, i):  # a two-character word is its own key
                    append((-n, i, i + n, word))
    hits.sort()  # (length, start) tells hits apart: the words are never compared
    counts: dict[str, int] = {}  # a dict, then one Counter: Counter's += goes through __missing__
    if hits:
        taken = bytearray(len(text))
        free = taken.find
        for _, a, b, word in hits:
            if free(1, a, b) == -1:
                taken[a:b] = b"\x01" * (b - a)
                counts[word] = counts.get(word, 0) + 1
    return Counter(counts)


def classify(title: str, text: str = "", lex: Lexicon | None = None, normalized: bool = False) -> Category:
    """Category of a programme from its title and its text (the title not repeated in it).
    `normalized`: both are already normalised (a Notice's text), skip normalising them again."""
    lex = lex or lexicon()
    if not normalized:
        title, text = normalize_fragment(title), normalize_fragment(text)
    title_words = find_words(title, lex.weights)
    text_words = find_words(text, lex.weights)
    # plain dicts (a Counter's += on a new key goes through its Python __missing__), the same sums
    # in the same order
    score: dict[str, float] = {}
    title_score: dict[str, float] = {}
    evidence: dict[str, list[tuple[float, str, str, int]]] = {}
    weights = lex.weights
    for where, words, factor in (("title", title_words, lex.title_factor), ("text", text_words, lex.text_factor)):
        in_title = where == "title"
        for word, n in words.items():
            times = 1 if in_title else min(n, lex.text_cap)
            for key, w in weights[word].items():
                gain = w * factor * times
                score[key] = score.get(key, 0) + gain
                if in_title:
                    title_score[key] = title_score.get(key, 0) + gain
                entry = (gain, word, where, n)
                if key in evidence:
                    evidence[key].append(entry)
                else:
                    evidence[key] = [entry]
    if not score:
        return Category.trusted(primary=lex.other, name=lex.names.get(lex.other, lex.other))
    rank = _rank(lex)
    ranked = sorted(score, key=lambda k: (-score[k], -title_score.get(k, 0), rank[k]))
    primary = ranked[0]
    top = score[primary]
    secondary = [
        k for k in ranked[1:] if score[k] >= max(lex.secondary_ratio * top, lex.secondary_min)
    ]
    kept: list[CategoryEvidence] = []
    for key in [primary, *secondary]:  # the evidence of the kept categories only is built
        kept.extend(CategoryEvidence.trusted(category=key, word=word, where=where, count=n)  # type: ignore[arg-type]
                    for _, word, where, n in sorted(evidence[key], key=lambda t: -t[0]))
    return Category.trusted(primary=primary, name=lex.names[primary], secondary=secondary, evidence=kept)


def _rank(lex: Lexicon) -> dict[str, int]:
    """Each category key's place in the lexicon (ties in score go to the earlier one)."""
    hit = _RANKS.get(id(lex))
    if hit is None or hit[0] is not lex:
        if len(_RANKS) > 8:
            _RANKS.clear()
        hit = _RANKS[id(lex)] = (lex, {k: i for i, k in enumerate(lex.names)})
    return hit[1]


_RANKS: dict[int, tuple[Lexicon, dict[str, int]]] = {}


def programme_text(prog: Programme, text: str) -> str:
    """The programme's text without its title line (the title is scored on its own)."""
    body = text[prog.span[0]:prog.span[1]]
    at = body.find(prog.title)
    return body[at + len(prog.title):] if 0 <= at < 10 else body


def categorise(notice: Notice) -> None:
    """Set `category` on every programme of the notice."""
    for prog in notice.programmes:
        prog.category = classify(prog.title, programme_text(prog, notice.text), normalized=True)


# --- accuracy against hand labels (gold/categories.json) -----------------------------------------


def load_labels(path: str | Path) -> dict[str, list[dict]]:
    """gold/categories.json: {notice name: [{title, primary, secondary}]}, the name as in eval
    (`wuwei_2025`, `variants/x`). Unknown keys or a malformed file -> GoldError."""
    from .errors import GoldError

    p = Path(path)
    try:
        raw = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError) as exc:
        raise GoldError(f"{p}: cannot read category labels ({exc})") from None
    keys = set(lexicon().names)
    if not isinstance(raw, dict):
        raise GoldError(f"{p}: expected an object of notice name -> labelled programmes")
    for name, progs in raw.items():
        for i, lab in enumerate(progs if isinstance(progs, list) else [None]):
            if not isinstance(lab, dict) or not isinstance(lab.get("title"), str):
                raise GoldError(f"{p}: {name}[{i}]: expected {{title, primary, secondary}}")
            bad = {lab.get("primary"), *lab.get("secondary", [])} - keys
            if bad:
                raise GoldError(f"{p}: {name}[{i}] {lab['title']}: unknown category {sorted(map(str, bad))}")
    return raw


@dataclass
class CategoryScore:
    correct: int = 0  # primary equal to the label's primary
    total: int = 0  # labelled programmes that were detected
    lenient: int = 0  # primary among the label's primary and secondary
    errors: list[str] = field(default_factory=list)

    def add(self, other: CategoryScore) -> None:
        self.correct += other.correct
        self.total += other.total
        self.lenient += other.lenient
        self.errors.extend(other.errors)

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 1.0


def score_categories(notice: Notice, labels: list[dict], name: str = "") -> CategoryScore:
    """Primary accuracy over the labelled programmes the extractor detected (paired by title)."""
    from .evaluate import pair_programmes

    out = CategoryScore()
    # labels carry the titles as written (traditional script too); programmes carry normalised ones
    pairs = pair_programmes([normalize_fragment(lab["title"]) for lab in labels], [p.title for p in notice.programmes])
    for i, j in pairs.items():
        lab, cat = labels[i], notice.programmes[j].category
        got = cat.primary if cat else None
        out.total += 1
        out.correct += got == lab["primary"]
        out.lenient += got in {lab["primary"], *lab.get("secondary", [])}
        if got != lab["primary"]:
            out.errors.append(f"{name}: {lab['title']}: labelled {lab['primary']}, got {got}")
    return out
