"""Where each line rule can fire: one pass over the whole text before the rules run.

A line rule reads one logical line; most lines hold nothing a given rule can use. Each gate here
is a necessary condition for its rule to return a record (never a sufficient one): a line whose
range [a, b) of the text fails a rule's gate skips that rule, and its records are the same.

- quantity: a match of the quantity pattern starting in the line (found by one scan of the whole
  text; the pattern never matches across a line break, so a line-by-line scan finds a match
  exactly where the whole-text scan does) that is not a year or a date (`2025年`, `3月`: the rule
  drops those whatever stands around them), or a scale word 万/亿 (a count of people without a
  measure word, POPULATION_RE, carries one)
- money: 元; percentage: % / ％ / 百分之; ratio: a colon between figures (: ∶ ：)
- phase: a date word (年 月 季) or a numeric date (2024.01, 2024-01-15); deadline: the same
  without a bare 年 (a year alone or a range of years is no deadline): 月, 季, 半年/全年, 年底/末/内/初
- responsibility: a role label before a `:` (where the label pattern can match), or a `)` that
  ends its line but for blanks and one stop (a trailing unit bracket), or a line ending with the end
  of a body's name (a list of units under a responsibility heading)

Each gate is the sorted list of where its triggers start in the text, and a line's test one
bisection. The note 列第一位者为牵头单位 (responsibility) is found the same way.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from functools import cache

import regex

from minshi_extract.rules.quantity import QUANTITY_RE, Found, never_counts
from minshi_extract.rules.responsibility import TRAILING_CLOSE_RE, role_lexicon

# each gate's triggers as literal words (str.find is ~5x faster than a regex character class)
_WORDS = {
    "money": ("元",),
    "percentage": ("%", "％", "百分之"),
    "ratio": (":", "∶", "："),
    "date": ("年", "月", "季"),  # and a numeric date
    # a deadline is a month, day, half, quarter or year-end point (a year alone or a range is none)
    "deadline": ("月", "季", "半年", "全年", "年底", "年末", "年内", "年初"),  # and a numeric date
}
_SCALE_WORDS = ("万", "萬", "亿", "億")


def _occurrences(text: str, words: Iterable[str]) -> list[int]:
    """Where any of `words` starts in `text`, each place once: one str.find loop per first
    character (a one-character search is several times faster than a two-character one)."""
    by_first: dict[str, list[str]] = {}
    for w in words:
        if w:
            by_first.setdefault(w[0], []).append(w)
    out: list[int] = []
    for c, ws in by_first.items():
        alone = c in ws
        longer = tuple(w for w in ws if len(w) > 1)
        i = text.find(c)
        while i != -1:
            if alone or text.startswith(longer, i):
                out.append(i)
            i = text.find(c, i + 1)
    return out


@cache
def _notes() -> tuple[str, ...]:
    """The first-is-lead notes (lexicon/roles.yaml), the words note_pattern() finds."""
    return tuple(role_lexicon()["first_is_lead_notes"])


def _label_starts(text: str) -> list[int]:
    """Where a role label (`牵头单位`, lexicon/roles.yaml) stands before a `:` (blanks between), or
    after a heading marker's `)` before a `。`: every start of the label pattern, read back."""
    labels = role_lexicon()["labels"]
    lengths = sorted({len(w) for w in labels}, reverse=True)
    out: list[int] = []
    for colon in _occurrences(text, (":",)):
        k = colon
        while k > 0 and text[k - 1].isspace():  # str.isspace takes in \s
            k -= 1
        out.extend(k - n for n in lengths if n <= k and text[k - n:k] in labels)
    for stop in _occurrences(text, ("。",)):  # a sub-heading's label: (四)责任单位。
        out.extend(stop - n for n in lengths if n < stop and text[stop - n - 1] == ")" and text[stop - n:stop] in labels)
    return out


def _unit_line_ends(text: str) -> list[int]:
    """Where a line that may be only a list of bodies ends: its last character before a 。 is the
    end of a body's name (`…,各镇人民政府。`), read back from the line breaks."""
    ends = role_lexicon()["unit_suffixes"]
    out: list[int] = []
    for nl in [*_occurrences(text, ("\n",)), len(text)]:
        k = nl
        while k > 0 and text[k - 1] in " 。;\u3000":
            k -= 1
        if k > 0 and text.endswith(tuple(ends), 0, k):
            out.append(k - 1)
    return out


def _numeric_dates(text: str) -> list[int]:
    """Where a numeric date (19|20)dd[./-]d starts: 2024.01, 2024-01-15 (str.isdigit takes in \\d)."""
    out: list[int] = []
    for i in _occurrences(text, ("19", "20")):
        tail = text[i + 2:i + 6]
        if len(tail) == 4 and tail[0].isdigit() and tail[1].isdigit() and tail[2] in "./-" and tail[3].isdigit():
            out.append(i)
    return out


def _starts(pattern: regex.Pattern, text: str) -> list[int]:
    return [m.start() for m in pattern.finditer(text)]


def holds(starts: Sequence[int], a: int, b: int) -> bool:
    """Whether a trigger of `starts` (sorted) starts in [a, b)."""
    i = bisect_left(starts, a)
    return i < len(starts) and starts[i] < b


class Matches:
    """The matches of one pattern over a whole text, handed to the rule of each line: a pattern
    that never matches across a line break finds in a line exactly the matches of the whole-text
    scan that start in it. Kept as the spans of their groups in one integer array (the match
    objects of a 4 MB text would hold tens of MB); a line's are made back into `Found`s."""

    def __init__(self, text: str, matches: Iterable[regex.Match]) -> None:
        self._text = text
        # per match the spans of the whole match and of each group in number order (-1: none)
        self._spans = array("i")
        self.starts = array("i")
        g = QUANTITY_RE.groupindex
        self._at = tuple(2 * g[name] for name in ("pre", "num", "inf", "unit", "post"))
        for m in matches:
            self.starts.append(m.start())
            self._spans.extend([x for span in m.regs for x in span])

    def between(self, a: int, b: int) -> list[Found]:
        """The matches starting in [a, b), their offsets relative to `a` (the line's own)."""
        i = bisect_left(self.starts, a)
        j = bisect_left(self.starts, b, i)
        return [self._found(k, a) for k in range(i, j)]

    def _found(self, k: int, shift: int) -> Found:
        t, sp, o = self._text, self._spans, k * _WIDTH

        def group(x: int) -> str | None:
            return t[sp[o + x]:sp[o + x + 1]] if sp[o + x] >= 0 else None

        pre, num, inf, unit, post = self._at
        return Found(sp[o] - shift, sp[o + num] - shift, sp[o + num + 1] - shift, sp[o + unit + 1] - shift,
                     sp[o + 1] - shift, group(num), group(unit), group(pre), group(inf), group(post))  # type: ignore[arg-type]


_WIDTH = 2 * (QUANTITY_RE.groups + 1)


class Candidates:
    """Gates of the line rules over one text."""

    def __init__(self, text: str) -> None:
        # a year or a date (2025年, 3月15日: most matches) is never a quantity: not kept
        self.quantities = Matches(text, (m for m in QUANTITY_RE.finditer(text) if not never_counts(m)))
        # a count of people without a measure word (POPULATION_RE) carries a scale word
        figures = set(self.quantities.starts)
        figures.update(_occurrences(text, _SCALE_WORDS))
        # the notes are literal words (note_pattern): where each starts
        self._starts = {"quantity": sorted(figures), "note": sorted(_occurrences(text, _notes()))}
        units = set(_label_starts(text))
        units.update(_starts(TRAILING_CLOSE_RE, text))
        units.update(_unit_line_ends(text))
        self._starts["responsibility"] = sorted(units)
        numeric = _numeric_dates(text)
        for name, words in _WORDS.items():
            found = _occurrences(text, words)
            self._starts[name] = sorted(found + numeric if name in ("date", "deadline") else found)
        # every trigger of every gate in one sorted list, each with the bits of its gates
        self.bits = {name: 1 << k for k, name in enumerate(sorted(self._starts))}
        events: dict[int, int] = {}
        for name, starts in self._starts.items():
            bit = self.bits[name]
            for pos in starts:
                events[pos] = events.get(pos, 0) | bit
        self._events = array("i", sorted(events))  # integer arrays: a 4 MB text has ~100,000 triggers
        self._event_bits = array("H", [events[pos] for pos in self._events])
        self._starts = {name: array("i", starts) for name, starts in self._starts.items()}

    def gates(self, a: int, b: int) -> int:
        """The bits (self.bits) of the gates holding in [a, b): one bisection for all of them."""
        i = bisect_left(self._events, a)
        j = bisect_left(self._events, b, i)
        mask = 0
        for bit in self._event_bits[i:j]:
            mask |= bit
        return mask

    def starts(self, name: str) -> Sequence[int]:
        """Where the triggers of a gate (or of the first-is-lead note, `note`) start, sorted."""
        return self._starts[name]

    def matches(self, name: str) -> Matches | None:
        """The whole-text matches the rule of a gate takes instead of scanning its line again."""
        return self.quantities if name == "quantity" else None
